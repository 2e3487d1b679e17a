"""One reading of a .bib file for every command: ``resolve``, ``tex``, ``check`` and ``format``
see the same entries, the ones BibTeX reads (bibnorm.bib.reading), in the same order."""

from __future__ import annotations

from pathlib import Path

import pytest
from bibnorm.bib.bibfile import FormatOptions, parse_bibtex, read_bibfile, render_blocks
from bibnorm.bib.checks.base import index_file
from bibnorm.errors import InputError
from bibnorm.io import read_text
from bibnorm.latex import texflow
from bibnorm.readers import read_inputs
from bibnorm.readers.bib import read_bib

CORPUS = Path(__file__).parent / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*/*.bib"))


def _name(path: Path) -> str:
    return path.relative_to(CORPUS).as_posix()


@pytest.mark.parametrize("path", CORPUS_FILES, ids=_name)
def test_resolve_tex_check_and_format_read_the_same_entries(path: Path) -> None:
    bibfile = read_bibfile(path)
    check_sees = [entry.key for entry in index_file(bibfile).entries if entry.readable]
    format_sees = [b.key for b in render_blocks(bibfile, FormatOptions()) if b.kind == "entry"]
    if not bibfile.entries:  # a file of @string definitions only (IEEEtran's IEEEabrv.bib)
        assert check_sees == format_sees == []
        with pytest.raises(InputError, match="no references found"):
            read_inputs([path])
        return
    resolve_reads = [query.key for query in read_inputs([path])]
    assert resolve_reads == check_sees == format_sees == [entry.key for entry in bibfile.entries]
    assert texflow.library_keys(read_text(path)) == frozenset(check_sees)


def test_entries_a_never_closed_value_swallows_are_not_read() -> None:
    # BibTeX reads the rest of the file into the title (check reports BN104): no entry after it.
    text = "@misc{first, title = {T}}\n@misc{runaway, title = {never closed\n\n@misc{lost, title = {S}}\n"
    assert [query.key for query in read_bib(text, "refs.bib")] == ["first"]
    assert texflow.library_keys(text) == {"first"}
    assert texflow.failed_blocks(text) == (2,)


def test_values_are_the_text_bibtex_makes_of_them() -> None:
    text = (
        '@string{procof = "Proceedings of the "}\n'
        '@string{venue = procof # "Conference on Things"}\n'
        '@inproceedings{a, title = "Concatenated" # { Title}, booktitle = venue,\n'
        "  note = unknownmacro # { arXiv:2211.09119}}\n"
    )
    [query] = read_bib(text, "refs.bib")
    assert query.title == "Concatenated Title"
    assert query.arxiv_id == "2211.09119"  # found in the note's text, past an undefined macro
    [entry] = parse_bibtex(text).entries
    assert entry.texts(parse_bibtex(text).macros())["booktitle"] == "Proceedings of the Conference on Things"


def test_a_crlf_entry_keeps_its_line_endings_in_raw() -> None:
    text = "% a comment\r\n@misc{a,\r\n  title = {T}\r\n}\r\n"
    [query] = read_bib(text, "refs.bib")
    assert (query.raw, query.origin.line) == ("@misc{a,\r\n  title = {T}\r\n}", 2)
