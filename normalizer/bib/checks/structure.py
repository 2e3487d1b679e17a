"""BN1xx: the file as BibTeX reads it: blocks it cannot read as meant, @string macros, fields
given twice, entries it reads inside comments."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from bibnorm.bib.bibfile import MONTH_MACROS, BibFile, CommentBlock, FailedBlock, InnerCommand, iter_entries
from bibnorm.bib.bibtex_scan import ascii_lower
from bibnorm.bib.checks.base import CheckContext, EntryCheckFunction, FileIndex, Finding
from bibnorm.text.word_tables import standard_journal_macros

# -- BN1xx: structure ------------------------------------------------------------------------------


def failed_blocks(code: str) -> EntryCheckFunction:
    """The check of the blocks BibTeX does not read as meant that `bibnorm.bib.bibfile`
    files under ``code`` (BN101 unreadable, BN103 missing comma, BN104 unbalanced braces,
    BN106 comment inside an entry); each is kept verbatim by ``format``."""

    def check(files: Sequence[BibFile], ctx: CheckContext) -> Iterator[Finding]:
        for bibfile in files:
            for block in bibfile.failed:
                if block.code == code:
                    yield ctx.finding(code, bibfile.path, block.line, block.key, block.error)

    return check


def duplicate_fields(files: Sequence[BibFile], ctx: CheckContext) -> Iterator[Finding]:
    """BN105: a field given twice; BibTeX keeps the first value and warns."""
    for bibfile, entry in iter_entries(files):
        first: dict[str, int] = {}
        for index, field in enumerate(entry.fields):
            if field.name not in first:
                first[field.name] = index
                continue
            kept = entry.fields[first[field.name]]
            same = " (the same value)" if kept.value.strip() == field.value.strip() else ""
            yield ctx.finding(
                "BN105",
                bibfile.path,
                field.line,
                entry.key,
                f"{field.name} given twice (lines {kept.line} and {field.line}): BibTeX keeps the first, "
                f"{_shown(kept.value)}, and ignores {_shown(field.value)}{same}",
            )


def entries_in_comments(files: Sequence[BibFile], ctx: CheckContext) -> Iterator[Finding]:
    """BN107: an entry inside a ``%`` comment or an ``@comment{...}``, which BibTeX reads all the
    same (``%`` means nothing to it outside entries, and its ``@comment`` hides nothing)."""
    for bibfile in files:
        for block in bibfile.blocks:
            if not isinstance(block, CommentBlock | FailedBlock):
                continue
            where = "an @comment" if isinstance(block, CommentBlock) and block.explicit else "a comment"
            if isinstance(block, FailedBlock):
                where = "the text BibTeX skips after the error on line " + str(block.line)
            for inner in block.inner:
                if inner.kind != "entry" or inner.deliberate:
                    continue
                mark = _commented_line_by_line(block, inner) if isinstance(block, CommentBlock) else None
                if mark is not None:
                    # as BibTeX reads it, a comment inside an entry: BN106's error, where it is on
                    message = (
                        f"entry {inner.name!r} commented out line by line: BibTeX still reads its first "
                        f"line, stops with an error at the next line's {mark!r} and typesets it empty "
                        "(biber skips it); remove its '@'"
                    )
                    code = "BN106" if ctx.config.enabled("BN106") else "BN107"
                    yield ctx.finding(code, bibfile.path, inner.line, inner.name, message)
                    continue
                if inner.biber_reads:  # stray text before it on its line, which both skip
                    message = (
                        f"entry {inner.name!r} follows other text on its line: BibTeX and biber both read it "
                        "(the text before it is skipped); put the entry on a line of its own"
                    )
                else:
                    message = (
                        f"entry {inner.name!r} inside {where}: BibTeX reads it all the same "
                        "(biber does not); delete it, or remove its '@'"
                    )
                yield ctx.finding("BN107", bibfile.path, inner.line, inner.name, message)


def _commented_line_by_line(block: CommentBlock, inner: InnerCommand) -> str | None:
    """The comment mark (``%``, ``#``) that opens the line after an entry's first line in a
    comment, where that first line leaves the entry open: the entry was commented out line by
    line, and BibTeX, which knows no comments, meets the mark where a field's name should be."""
    lines = block.text.split("\n")
    at = inner.line - block.line
    if not 0 <= at < len(lines) or "}" in lines[at][lines[at].find("@") :]:
        return None
    following = next((line.lstrip() for line in lines[at + 1 :] if line.strip()), "")
    return following[0] if following[:1] in ("%", "#") else None


def _shown(value: str, width: int = 40) -> str:
    value = " ".join(value.split())
    return value if len(value) <= width else value[: width - 3] + "..."


# The macros the standard styles (plain, abbrv, alpha, unsrt and the many styles made from
# them) define: the months and the journal abbreviations of btxbst.doc (bibtex-macros.json).
PREDEFINED_MACROS = frozenset(MONTH_MACROS) | standard_journal_macros()


def undefined_macros(indexes: Sequence[FileIndex], ctx: CheckContext) -> Iterator[Finding]:
    """BN102, with the @strings of every file checked together, ``--strings`` files and the
    standard styles' macros all defined. A macro used above its only definition is reported
    too: BibTeX reads a file from the top, so there it is still undefined (empty)."""
    elsewhere: dict[str, set[str]] = {}
    for index in indexes:
        for name in index.strings:
            elsewhere.setdefault(name, set()).add(index.path)
    for index in indexes:
        for entry in index.entries:
            for field, line, name in entry.macros:
                macro = ascii_lower(name)
                if macro in PREDEFINED_MACROS or macro in ctx.config.strings:
                    continue
                defined_in = elsewhere.get(macro, set())
                if defined_in - {index.path}:
                    continue  # defined in another file given with this one
                companion = ctx.config.companions.get(macro)
                if not defined_in and companion is not None:
                    message = (
                        f"{field} uses @string {name!r}, which {companion} beside it defines: check them "
                        f"together (bibnorm check {companion} {index.path}) or pass --strings {companion}"
                    )
                elif not defined_in:
                    message = (
                        f"{field} uses @string {name!r}, which no file given defines: BibTeX prints nothing "
                        "for it unless a .bib read before this one defines it (\\bibliography{abbrev,refs}): "
                        "check them together (bibnorm check abbrev.bib refs.bib), or pass --strings FILE"
                    )
                elif index.strings[macro] > line:
                    message = (
                        f"{field} uses @string {name!r} above its definition on line {index.strings[macro]}: "
                        "BibTeX reads the file from the top and prints nothing here"
                    )
                else:
                    continue
                yield ctx.finding("BN102", index.path, line, entry.key, message)
