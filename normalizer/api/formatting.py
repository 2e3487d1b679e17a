"""``bibnorm.format``: existing ``.bib`` text in the canonical, deterministic layout, without
changing what BibTeX typesets; and the file handling ``format`` and ``fix`` share: reading a
file whole in the encoding it has (`read_source`), the diff of a change (`unified_diff`), and
rewriting a file only when no entry is lost (`write_safely`).
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any

from bibnorm.bib.bibfile import (
    BibFile,
    Census,
    FormatOptions,
    RenderedBlock,
    assert_nothing_lost,
    dominant_newline,
    join_rendered,
    parse_bibtex,
    render,
    render_blocks,
    unsorted_because,
)
from bibnorm.config import BstName, Settings, settings_of
from bibnorm.errors import UsageError
from bibnorm.io import (
    STDIO,
    KeptEncoding,
    decode_kept,
    decode_text,
    diffs,
    east_asian,
    read_bytes,
    write_atomic,
)
from pydantic import BaseModel, ConfigDict

from .settings import format_options_from, given_settings


class BibSource(BaseModel):
    """A ``.bib`` file as read to be rewritten: its bytes, its text, the encoding that gives the
    same bytes back, and (``note``) what to tell the user about that encoding."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)

    path: str
    data: bytes
    text: str
    encoding: KeptEncoding = KeptEncoding()
    note: str | None = None


class Formatted(BaseModel):
    """A text in the canonical layout: ``text`` (and ``output``, its bytes in the source's
    encoding), the blocks kept as they were (``kept``, ``"LINE: why"``), and whether the
    formatting ``changed`` the file's bytes."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)

    source: BibSource
    text: str
    kept: tuple[str, ...] = ()
    census: Census  # what the text holds, for `write_safely`

    @cached_property
    def output(self) -> bytes:
        return self.source.encoding.encode(self.text)

    @cached_property
    def changed(self) -> bool:
        return self.output != self.source.data

    def diff(self) -> str:
        """The unified diff from the source's text to the formatted one ("" when equal)."""
        return unified_diff(self.source.path, self.source.text, self.text)

    def write(self, jobs: int | None = None) -> None:
        """Rewrite the source file with the formatted text (`write_safely`), in its encoding."""
        write_safely(self.source.path, self.census, self.text, jobs, self.source.encoding)


def read_source(path: str, convert: bool = False) -> BibSource:
    """A file's bytes, its text and the encoding to write it back in.

    By default the encoding is kept byte for byte (`bibnorm.io.KeptEncoding`): BibTeX
    reads bytes, and a Latin-1 file re-encoded would typeset differently. ``convert``
    (``--encoding utf-8``) reads a legacy file as `bibnorm.io.read_text` does and writes UTF-8.
    """
    data = read_bytes(path)
    name = "<stdin>" if path == STDIO else path
    if convert:
        return BibSource(path=path, data=data, text=decode_text(data, name, guess=False))
    text, encoding = decode_kept(data, name)
    note = None
    if encoding.legacy:
        found = east_asian(data)  # as decode_text would read it
        read_as = found.described if found else "Windows-1252"
        converts = f"--encoding utf-8 converts it, reading them as {read_as}"
        if found is not None and found.also:
            converts = f"too short to tell its encoding ({read_as} or {found.also})"
        note = f"{name}: not UTF-8 throughout: its bytes are kept as they are ({converts})"
    return BibSource(path=path, data=data, text=text, encoding=encoding, note=note)


def format(
    source: str | BibSource,
    settings: Settings | None = None,
    *,
    overrides: Mapping[str, Any] | None = None,
    path: str = STDIO,
    jobs: int | None = None,
    options: FormatOptions | None = None,
    bst: BstName | None = None,
) -> Formatted:
    """``source`` (BibTeX text, named ``path`` in messages, or a `BibSource`) in the canonical
    layout the ``settings`` keep (their ``format`` table, ``journal_names`` and ``style``:
    `bibnorm.api.settings.format_options_from`), or the settings `bibnorm.load_settings` makes of
    ``overrides``; big texts are rendered on ``jobs`` processes, with the same result. With the
    settings' ``bst`` (the BibTeX style the file is typeset in), each DOI and arXiv id also goes
    where that style prints it exactly once (`bibnorm.api.bst.ids_for_style`): what that style
    typesets changes, as asked.

    ``options`` (a `FormatOptions`, also accepted in the place of ``settings``) and ``bst`` are
    the older way to say the same: deprecated, they are used as they are."""
    if isinstance(source, str):
        source = BibSource(path=path, data=source.encode("utf-8", "surrogateescape"), text=source)
    elif not isinstance(source, BibSource):  # a list of paths, as `check` takes: one line, not a traceback
        raise UsageError(
            f"format takes BibTeX text or a BibSource, not a {type(source).__name__}: "
            "read a file first (bibnorm.api.formatting.read_source(path))"
        )
    chosen, bst = layout_and_style(settings, overrides, options, bst)
    text, census, kept = format_text(source.text, source.path, chosen, jobs)
    if bst is not None:
        from bibnorm.api.bst import ids_for_style  # local: it pulls in the BibTeX writer

        text = render(ids_for_style(parse_bibtex(text, source.path), bst), chosen)
    return Formatted(source=source, text=text, kept=tuple(kept), census=census)


def layout_and_style(
    settings: Settings | FormatOptions | None,
    overrides: Mapping[str, Any] | None,
    options: FormatOptions | None,
    bst: BstName | None,
) -> tuple[FormatOptions, BstName | None]:
    """The layout and the BibTeX style ``format`` and ``fix`` write for: the settings' (given, or
    made of ``overrides``), or the deprecated ``options`` and ``bst`` where given."""
    if isinstance(settings, FormatOptions):
        options, settings = settings, None
    if options is not None or bst is not None:
        warnings.warn(
            "FormatOptions and bst= are deprecated: give bibnorm.format and bibnorm.fix the Settings"
            " (bibnorm.load_settings; the format table, journal_names, bst)",
            DeprecationWarning,
            stacklevel=3,
        )
    if options is not None and bst is not None:
        return options, bst
    chosen = settings_of(given_settings(settings, overrides))
    return options or format_options_from(chosen), bst or chosen.bst


def format_text(
    text: str, path: str, options: FormatOptions, jobs: int | None = None
) -> tuple[str, Census, list[str]]:
    """``text`` in the canonical style, the census of what it held (for `write_safely`), and
    ``line: why`` of each block kept as it was."""
    from bibnorm.bib.parallel import map_pieces

    work = functools.partial(render_blocks, options=options)
    blocks: list[RenderedBlock] = [b for piece in map_pieces(text, path, work, jobs=jobs) for b in piece]
    kept = [block.note for block in blocks if block.note]
    if options.sort and (reason := unsorted_because(blocks)) is not None:
        kept.append(f"not sorted: {reason}")
    return join_rendered(blocks, options, dominant_newline(text)), Census.of(blocks), kept


def unified_diff(path: str, old: str, new: str) -> str:
    """A unified diff between two versions of a file ("" when equal; `io.diffs`: near-linear
    time, a long file's diff no longer grows with the square of its length)."""
    return diffs.unified_diff(old, new, path)


def write_safely(
    path: str,
    before: BibFile | Census,
    text: str,
    jobs: int | None = None,
    encoding: KeptEncoding | None = None,
) -> None:
    """Replace ``path`` with ``text`` after asserting no entry is lost (atomic write), in
    ``encoding`` (default UTF-8)."""
    from bibnorm.bib.parallel import map_pieces

    after = Census.total(map_pieces(text, path, lambda piece: Census.of(piece.blocks), jobs=jobs))
    assert_nothing_lost(before, after, path)
    write_atomic(path, encoding.encode(text) if encoding is not None else text)


__all__: Sequence[str] = ["BibSource", "Formatted", "format", "format_text", "read_source", "unified_diff"]
