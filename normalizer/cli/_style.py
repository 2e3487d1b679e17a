"""Colour for what the commands print: severities, verdicts and summaries.

Whether a stream gets colour, first rule that applies:

1. ``--color always`` / ``--color never``;
2. ``NO_COLOR`` set and not empty: never (https://no-color.org);
3. ``FORCE_COLOR`` set and not empty: always (https://force-color.org);
4. otherwise colour only where the stream is a terminal.

The choice is kept on click's context (``ctx.color``), which ``click.echo`` obeys too. Text
without colour is exactly the plain text: colour only adds ANSI codes around words.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from typing import IO, Any, TypeVar

import click
from bibnorm.models import Severity

F = TypeVar("F", bound=Callable[..., Any])

# Severity and verdict words → click.style arguments.
SEVERITY_STYLES: dict[str, dict[str, Any]] = {
    Severity.ERROR.value: {"fg": "red", "bold": True},
    Severity.WARNING.value: {"fg": "yellow"},
    Severity.INFO.value: {"fg": "cyan"},
}
VERDICT_STYLES: dict[str, dict[str, Any]] = {
    "verified": {"fg": "green"},
    "resolved": {"fg": "green"},
    "mismatch": {"fg": "red", "bold": True},
    "not_found": {"fg": "red", "bold": True},
    "failed": {"fg": "red", "bold": True},
    "unverifiable": {"fg": "yellow"},
    "ambiguous": {"fg": "yellow"},
    "unresolved": {"fg": "yellow"},
}


def color_choice(choice: str, environ: Mapping[str, str] | None = None) -> bool | None:
    """True/False when colour is decided for every stream, None for "where it is a terminal"."""
    environ = os.environ if environ is None else environ
    if choice == "always":
        return True
    if choice == "never":
        return False
    if environ.get("NO_COLOR", ""):
        return False
    if environ.get("FORCE_COLOR", ""):
        return True
    return None


def _keep_choice(ctx: click.Context, param: click.Parameter, value: str) -> None:
    ctx.color = color_choice(value)


def color_option(function: F) -> F:
    """``--color auto|always|never`` (NO_COLOR and FORCE_COLOR are honoured with auto)."""
    return click.option(
        "--color",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
        expose_value=False,
        callback=_keep_choice,
        help="Colour severities and verdicts: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR "
        "forces it), always or never.",
    )(function)


def colors(stream: IO[str] | None = None) -> bool:
    """Whether text for ``stream`` (default stdout) is coloured in this command."""
    ctx = click.get_current_context(silent=True)
    # Commands without --color (index, tex) still follow NO_COLOR and FORCE_COLOR.
    chosen = ctx.color if ctx is not None and ctx.color is not None else color_choice("auto")
    if chosen is not None:
        return chosen
    stream = stream or sys.stdout
    try:
        return stream.isatty()
    except (ValueError, AttributeError):
        return False


class Painter:
    """Colours words for one stream, or leaves them plain."""

    def __init__(self, on: bool) -> None:
        self.on = on

    @classmethod
    def for_stream(cls, stream: IO[str] | None = None) -> Painter:
        return cls(colors(stream))

    def severity(self, word: str) -> str:
        return self._paint(word, SEVERITY_STYLES.get(word, {}))

    def verdict(self, word: str, text: str | None = None) -> str:
        """``text`` (default ``word``) in the colour of verdict or status ``word``."""
        return self._paint(text if text is not None else word, VERDICT_STYLES.get(word, {}))

    def counted(self, count: int, word: str, text: str) -> str:
        """``text`` in ``word``'s colour when ``count`` is not zero (nothing to point at otherwise)."""
        return self.verdict(word, text) if count else text

    def _paint(self, text: str, style: Mapping[str, Any]) -> str:
        return click.style(text, **style) if self.on and style else text


__all__ = ["Painter", "color_choice", "color_option", "colors"]
