"""A list that prints no article titles and sets its journals in italics (the ACS-like
"Family, I.; Family, I. *Journal* Year, Vol, Pages." of a chemistry dissertation): the italic pass
quotes the journal for the rules, which read it as the title; the tagger reads the item as
printed, a venue and its year, so the item has no title and searches by its printed text."""

from __future__ import annotations

import pytest
from bibnorm.models import Origin, Query
from bibnorm.readers._italic_titles import queries_with_italic_titles
from bibnorm.readers._reflist import Item, Layout, ReferenceList


@pytest.mark.parametrize(
    ("printed", "italic"),
    [
        pytest.param(
            "Grimme, S. Chem. Phys. Lett. 1996, 259, 128–137.", "Chem. Phys. Lett.", id="one-author"
        ),
        pytest.param(
            "Hahner, G. Chem. Soc. Rev. 2006, 35, 1244–1255.",
            "Chem. Soc. Rev.",
            id="a-journal-read-as-a-name",
        ),
        pytest.param(
            "Behyan, S.; Hu, Y.; Urquhart, S. G. J. Chem. Phys. 2013, 138, 214302.",
            "J. Chem. Phys.",
            id="three-authors",
        ),
    ],
)
def test_an_italic_journal_in_a_list_without_titles_is_no_title(printed: str, italic: str) -> None:
    query = _read_with_its_italic_run(printed, italic)
    assert query.raw == printed  # as the page prints it, without the italic pass's quotes
    assert query.title == printed  # no title read: the printed text is what a search is given
    assert query.year is not None and query.authors


@pytest.mark.parametrize(
    ("printed", "italic", "authors"),
    [
        # a dissertation's list (bench/pdf_fresh's gh-isaac-mackey-ucsb-dissertation), title and
        # journal set in one italic run after names the parser read into its title
        pytest.param(
            "O. Kupferman and M. Y. Vardi, Model checking of safety properties, Formal methods in system "
            "design 19 (2001) 291–314.",
            "Model checking of safety properties, Formal methods in system design",
            ("O. Kupferman", "M. Y. Vardi"),
            id="two-names",
        ),
        pytest.param(
            "G. Cowan, K. Cranmer, E. Gross, and O. Vitells, Asymptotic formulae for likelihood-based "
            "tests of new physics, Eur.Phys.J.C 71 (2011) 1554.",
            "Asymptotic formulae for likelihood-based tests of new physics, Eur.Phys.J.C",
            ("G. Cowan", "K. Cranmer", "E. Gross", "O. Vitells"),
            id="four-names",
        ),
    ],
)
def test_the_upright_names_before_an_italic_run_are_not_quoted_as_its_title(
    printed: str, italic: str, authors: tuple[str, ...]
) -> None:
    assert _read_with_its_italic_run(printed, italic).authors == authors


def _read_with_its_italic_run(printed: str, italic: str) -> Query:
    """The reader's query of one numbered list's item whose page sets ``italic`` in italics."""
    references = ReferenceList(Layout.NUMBERED, [Item(1, printed, "1")])
    (query,) = queries_with_italic_titles(
        references, [[italic]], lambda line: Origin(path="x.pdf", line=line)
    )
    return query
