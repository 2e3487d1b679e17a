"""A user's own records of a book, a chapter, a thesis and a report, written as given
(tests/test_own_records.py's `BIB`), typeset by the real clients: each field where the style
prints it. The expected pieces are what plain.bst, biblatex's standard style and Typst's APA
print for such entries, read off the page (`clients`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from clients import typeset_biblatex, typeset_bibtex, typeset_typst
from test_own_records import written

KEYS = ["knuth1984", "smith2001", "mueller2010", "lee1999"]


def test_plain_prints_each_kind_with_its_book_series_editors_school_and_number(tmp_path: Path) -> None:
    page = typeset_bibtex(tmp_path, written("bibtex"), "plain")
    assert "TheTeXbook,volumeAofComputersandTypesetting.Addison-Wesley,Reading,MA" in page
    assert "InAnnMiller,editor,HandbookofAlgorithms,pages101–120.Springer,2001." in page
    assert "Onsortinginplace.Master'sthesis," in page  # (plain sets an article's title in lower case)
    assert "Sortingnetworksrevisited.TechnicalMemoTR-5,MIT,1999." in page


def test_biblatex_prints_each_kind_with_its_book_editors_institution_and_type(tmp_path: Path) -> None:
    page = typeset_biblatex(tmp_path, written("biblatex"), "numeric")
    assert "In:HandbookofAlgorithms.Ed.byAnnMiller.Springer,2001,pp.101–120." in page
    assert "TheTeXbook.Trans.byAnneMoreau.2nded.Vol.A.ComputersandTypesetting." in page
    assert '"OnSortinginPlace".Master\'sthesis.' in page
    assert "SortingNetworksRevisited.TechnicalMemoTR-5.MIT,1999." in page


def test_typst_prints_a_thesis_school_and_a_reports_number_and_institution(tmp_path: Path) -> None:
    lines, warnings = typeset_typst(tmp_path, written("hayagriva"), KEYS, "apa")
    page = " ".join(lines)
    assert "On Sorting in Place [Master's thesis]. ETH Zürich." in page
    assert "Sorting Networks Revisited (Technical Memo No. TR-5). MIT." in page
    assert "In A. Miller (Ed.), Handbook of Algorithms (pp. 101–120). Springer." in page
    assert "(A. Moreau, Trans.; 2nd ed.). Addison-Wesley." in page
    assert warnings == []


@pytest.mark.parametrize("style", ["plain", "plainnat", "IEEEtran"])
def test_bibtex_styles_typeset_every_kind_without_an_error(tmp_path: Path, style: str) -> None:
    # `typeset_bibtex` fails on a LaTeX error and on BibTeX's exit status
    assert "HandbookofAlgorithms" in typeset_bibtex(tmp_path, written("bibtex"), style)


def test_a_work_without_authors_and_a_parenthesis_in_its_title_typesets_with_natbib(tmp_path: Path) -> None:
    # natbib reads an entry's label as "names(year)"; a label taken from a title with "(GR 13-01)"
    # in it stopped pdflatex ("Missing = inserted for \ifnum"), on 2 of a real legal library's entries.
    from bibnorm.models import Reference
    from bibnorm.writers import WriterOptions, get_writer

    title = "A Study of Bar Admissions Data (GR 13-01) | The Law School Admission Council"
    bib = (
        get_writer("bibtex")
        .render([("lsac", Reference(title=title, entry_type="misc"))], WriterOptions())
        .text
    )
    assert "key   = {A Study of Bar Admissions Data | The Law School Admission Council}" in bib
    assert "(GR13-01)" in typeset_bibtex(tmp_path, bib, "plainnat")  # the title itself as it was


def test_a_romanized_title_with_tied_letters_typesets(tmp_path: Path) -> None:
    # pdflatex stopped on the raw halves of the double inverted breve (U+FE20, U+FE21)
    from bibnorm.models import Reference
    from bibnorm.writers import WriterOptions, get_writer

    record = Reference(title="Lit\ufe20s\ufe21a i t\ufe20s\ufe21vety", entry_type="book", publisher="Nauka")
    bib = get_writer("bibtex").render([("litsa", record)], WriterOptions()).text
    assert "Litsaitsvety" in typeset_bibtex(tmp_path, bib, "plain").replace("\u0361", "")
