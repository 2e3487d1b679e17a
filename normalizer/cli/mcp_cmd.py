"""``bibnorm mcp``: serve bibnorm's tools to assistants over the Model Context Protocol.

Thin: the options become an `AssistConfig` (the same source settings, session, sources, layout
and check settings as the other commands), `bibnorm.assist.server` builds the server, and
it runs on stdio or, with ``--http``, on 127.0.0.1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from bibnorm.cli._options import UserPath, source_options, source_overrides
from bibnorm.errors import needs_extra

LOOPBACK = "127.0.0.1"  # --http listens here only: the tools read the user's files and keys


@click.command("mcp")
@click.option(
    "--root",
    "roots",
    multiple=True,
    type=UserPath(path_type=Path, file_okay=False, exists=True),
    metavar="DIR",
    help="A folder whose files the tools may read (repeatable); without one, the tools take text only.",
)
@click.option(
    "--http",
    "http_port",
    type=click.IntRange(min=1, max=65535),
    default=None,
    metavar="PORT",
    help=f"Serve streamable HTTP on http://{LOOPBACK}:PORT/mcp instead of stdio (loopback only).",
)
@source_options
def command(roots: tuple[Path, ...], http_port: int | None, **sources: Any) -> None:
    """Serve bibnorm's tools to an assistant (Claude, VS Code, Cursor) over MCP.

    Tools: lookup_reference (one title, id or reference: its record, or its best
    candidates, never a guess), resolve_references (many → BibTeX, biblatex or
    CSL-JSON), verify_bibliography (a .bib's verdicts with reasons), check_bibtex
    and format_bibtex. They write no file and read files only under --root folders;
    texts and item counts are capped (each tool's description says its caps). The
    source options are those of 'resolve' and 'verify' (--offline, --snapshot,
    --cache-dir, keys from options or the environment). Stdio by default: the
    assistant starts this command; docs/mcp.md has the configuration lines.
    Needs the optional extra mcp (docs/mcp.md: how to install it).

    \b
    Examples:
      bibnorm mcp                                   # stdio, for Claude Desktop / Code, VS Code, Cursor
      bibnorm mcp --root ~/papers                   # the tools may read .bib files under ~/papers
      bibnorm mcp --offline --snapshot arxiv.sqlite # answer from the local index only
      bibnorm mcp --http 8765                       # http://127.0.0.1:8765/mcp
    """
    try:
        from bibnorm.assist.server import build_server
    except ModuleNotFoundError as error:
        if error.name is not None and error.name.split(".")[0] in ("mcp", "mcp_types"):
            raise needs_extra("bibnorm mcp needs the MCP SDK", "mcp") from None
        raise
    server = build_server(assist_config(roots, source_overrides(**sources)))
    if http_port is None:
        server.run()
    else:
        server.run("streamable-http", host=LOOPBACK, port=http_port)


def assist_config(roots: tuple[Path, ...], overrides: dict[str, Any]) -> Any:
    """The tools' `AssistConfig`: what ``resolve``, ``verify``, ``check`` and ``format`` use."""
    from bibnorm.api.formatting import format as format_bibtex
    from bibnorm.api.settings import check_config_from, format_options_from
    from bibnorm.assist.tools import AssistConfig
    from bibnorm.config import BstName, load_settings
    from bibnorm.resolvers.session import build_session

    settings = load_settings(overrides)  # a bad setting is one line now, not at the first call
    layout = format_options_from(settings, journal_names="full")

    def format_bib(text: str, name: str, bst: BstName | None) -> tuple[str, list[str]]:
        """What ``bibnorm format [--bst BST]`` makes of one file's text, in this process."""
        formatted = format_bibtex(text, settings.model_copy(update={"bst": bst}), path=name, jobs=1)
        return formatted.text, list(formatted.kept)

    return AssistConfig(
        overrides=overrides,
        open_session=build_session,
        layout=layout,
        check_config=check_config_from(settings),
        format_text=format_bib,
        roots=tuple(root.resolve() for root in roots),
    )
