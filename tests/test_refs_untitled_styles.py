"""Styles that print no article title give no title: neither the names nor the venue is read as one.
Their lists, typeset by TeX Live's own .bst files from 60 real entries, are in
fixtures/pdf/untitled-styles/ (with jneurosci's, which stalled the reader)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bibnorm.readers import read_inputs
from bibnorm.readers.refs import parse_reference, read_refs
from misreadings import misread

STYLES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf" / "untitled-styles"


@pytest.mark.parametrize(
    "reference",
    [
        pytest.param("Lee, Y.; Kang, J.; Kim, N.; Shin, J.; Lee, H. 2022.", id="ijqc, no venue"),
        pytest.param("Seo, W.; Sucholutsky, S.; Gui, S.; Watanabe, E.; Fu, T. ICLR. 2021.", id="ijqc"),
        pytest.param("Liu, R. ICML. 2021.", id="ijqc, one author"),
        pytest.param("Abbas, A., and Paul Swoboda. 2021. In: NeurIPS .", id="jbact, two authors"),
        pytest.param(
            "Gui, P., Tomoko Tokmakov, Wei Wu, and Daphne Chu. 2021. In: ACL .", id="jbact, four authors"
        ),
        pytest.param(
            "Ahuja, K., Ethan Caballero, Dinghuai Zhang, Jean-Christophe Gagnon-Audet, Yoshua Bengio,"
            " Ioannis Mitliagkas, and Irina Rish. 2023. In: AAAI .",
            id="jbact, seven authors",
        ),
        # PNAS's author-year lists (github:rilab/beissinger_ms manuscript.pdf): the journal right
        # after the names' year, then its volume and pages
        pytest.param("Purugganan, M. D & Fuller, D. Q. (2009) Nature 457, 843–848.", id="pnas"),
        pytest.param("Tian, Y. and Engel, J. (2019) ArXiv.", id="a-preprint-server-alone"),
        pytest.param("Evans, D. S. (1987) PhR, 567–581.", id="an-ads-abbreviation-and-pages"),
        pytest.param(
            "He, Z, Zhai, W, Wen, H, Tang, T, Wang, Y, Lu, X, Greenberg, A. J, Hudson, R. R, Wu, C.-I,"
            " & Shi, S. (2011) PLoS genetics 7, e1002100.",
            id="pnas, an article number",
        ),
        pytest.param(
            "Slotte, T. (2014) Briefings in functional genomics 13, 268–275.", id="pnas, one author"
        ),
        # a chemistry thesis's REVTeX-like list: the PubMed number a note after the year
        pytest.param(
            "Chan B. y Radom L., Journal of Chemical Theory and Computation 11, 2109 (2015), PMID: 26574414.",
            id="pubmed number noted",
        ),
        # French author-date's marks of no place and no publisher where a title would be
        pytest.param(
            "Allen, Cameron, Neev Parikh, Omer Gottesman, et al. [s.l.] : [s.n.]. 2021.",
            id="no-place-no-publisher",
        ),
    ],
)
def test_a_style_without_titles_gives_no_title(reference: str) -> None:
    assert parse_reference(reference).title is None


@pytest.mark.parametrize(
    ("reference", "title"),
    [
        pytest.param(
            "d’Aspremont, Claude, Jacques Crémer, and Louis-André Gérard-Varet (2003) “Correlation,"
            " Independence, and Bayesian Incentives,” Social Choice and Welfare, 21 (2), 281–310.",
            "Correlation, Independence, and Bayesian Incentives",
            id="a title that lists words",
        ),
        pytest.param(
            "Alexander Abbas and Paul Swoboda. Combinatorial optimization for panoptic segmentation:"
            " A fully differentiable approach. In NeurIPS, 2021.",
            "Combinatorial optimization for panoptic segmentation: A fully differentiable approach",
            id="plainnat's names, then the title",
        ),
        pytest.param(
            "Fu, Y.-X & Li, W.-H. (1993) Statistical tests of neutrality of mutations."
            " Genetics 133, 693–709.",
            "Statistical tests of neutrality of mutations",
            id="a title before a journal's name and volume",
        ),
        pytest.param(
            "Odum, E. P. (1971) Ecology, 3rd edn. Holt, Rinehart and Winston.",
            "Ecology",
            id="a book named as a journal is, with no volume and pages",
        ),
    ],
)
def test_a_printed_title_is_kept(reference: str, title: str) -> None:
    assert parse_reference(reference).title == title


@pytest.mark.parametrize(
    "name",
    [
        "ijqc.bbl",
        "ijqc.txt",
        pytest.param(
            "jbact.bbl",
            marks=misread(
                "given-first names after an inverted first one ('Abbas, A., and Paul Swoboda.'): titles read"
            ),
        ),
        "jbact.txt",
    ],
)
def test_a_list_in_such_a_style_reads_names_and_venues_as_no_title(name: str) -> None:
    queries = read_inputs([STYLES / name], budget=10.0)
    assert len(queries) == 60
    read = [query.title for query in queries if query.title != query.raw]
    # what is left is what the style printed where a title goes (ijqc's journal written out,
    # "Annual Review of Condensed Matter Physics"; jbact's "title" for an entry without a
    # journal), never a name or a venue's lead
    assert len(read) <= 2
    assert not any("," in title or title.startswith("In") for title in read if title)


@pytest.mark.parametrize("name", ["jneurosci.bbl", "jneurosci.txt"])
def test_jneurosci_reads_in_a_moment(name: str) -> None:
    # it took 33 s (.bbl) and 52 s (pasted) before the patterns stopped backtracking
    queries = read_inputs([STYLES / name], budget=5.0)
    assert len(queries) == 60
    assert sum(1 for query in queries if query.title != query.raw) == 60


# Where such a style abbreviates the journal, its first words cut at their periods are no title
# either ("Phys", "Trans"), whichever reader read them so.
@pytest.mark.parametrize(
    "reference",
    [
        pytest.param("Everaers, R. & Ejtehadi, M.R. (2003) Phys. Rev. E, 67, 041710.", id="harvard"),
        pytest.param("Dai Y, Chen T, Wang G, Robinson DP. Trans. Mach. Learn. Res. 2023;1:1–20.",
                     id="vancouver"),
        pytest.param("D. Abreu: J. Cosmol. Astropart. Phys., 1988, vol. 56, pp. 383–396.", id="met-trans"),
    ],
)  # fmt: skip
def test_a_journals_abbreviation_in_the_titles_place_gives_no_title(reference: str) -> None:
    (read,) = read_refs(f"[1] {reference}\n", "list.txt")
    assert read.title == read.raw  # no title read: the item is looked up by its whole text


# The same where the name holds a word ISO 4 prints whole or leaves out, unlisted, or is one
# listed word (MNRAS, in a real manuscript's list: bench/pdf_unseen's gh-other-paper): the journal
# is the venue, whole.
@pytest.mark.parametrize(
    ("reference", "journal"),
    [
        pytest.param("Balb A., 2018, Mem. della Soc. Astron. Ital., 89, 425", "Mem. della Soc. Astron. Ital.",
                     id="a-word-iso-4-leaves-out"),
        pytest.param("VanHouten M. A., 2018, Lancet Gastroenterol. Hepatol., 3, 382",
                     "Lancet Gastroenterol. Hepatol.", id="a-word-iso-4-prints-whole"),
        # one listed word before a volume and a page, whatever the export put between (Mendeley's
        # "Science (80-. )")
        pytest.param("Barabási A. L., 2009, Science (80-. )., 325, 412", "Science", id="one-listed-word"),
    ],
)  # fmt: skip
def test_a_journals_name_in_the_titles_place_gives_no_title_and_is_the_venue(
    reference: str, journal: str
) -> None:
    (read,) = read_refs(f"{reference}\n", "list.txt")
    assert (read.title, read.venue) == (read.raw, journal)


def test_a_title_of_words_a_journals_name_ends_with_is_kept() -> None:
    # "Design." ends journals' names in full; before the publisher it is a book's title's word
    (read,) = read_refs(
        "[1] Munzner T. Visualization Analysis and Design. Boca Raton, FL: CRC Press; 2014.\n", "l.txt"
    )
    assert read.title == "Visualization Analysis and Design"


def test_a_title_before_an_abbreviated_journal_is_kept() -> None:
    (read,) = read_refs("[1] Smith J, Lee K. Phase transitions. Phys. Rev. E 2003;67:041710.\n", "list.txt")
    assert read.title == "Phase transitions"
