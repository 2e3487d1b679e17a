"""The ``.bbl`` reader on real ``.bbl`` files of the styles it once read wrong or not at all.

Each fixture is an excerpt of a real document's ``.bbl`` (``fixtures/bbl/README.md`` says which
document, commit and style); the expected fields are what the item prints, read off the file.
"""

from __future__ import annotations

import time

import pytest
from bibnorm.readers._bbl_astro import journal_class, journals_as_printed, mnras_links
from bibnorm.readers.bbl import read_bbl
from bibnorm.text.names import parse_name
from paths import FIXTURES

BBL = FIXTURES / "bbl"


def _read(name: str) -> dict[str, object]:
    path = BBL / name
    return {query.key: query for query in read_bbl(path.read_text(encoding="utf-8"), str(path))}


@pytest.mark.parametrize(
    ("fixture", "key", "title", "authors", "year", "venue", "doi"),
    [
        pytest.param(
            "acm-reference-format-sample-sigconf.bbl", "Abril07",
            "The patent holder's dilemma: Buy, sell, or troll?", ("Abril, Patricia S.", "Plant, Robert"),
            2007,
            "Commun. ACM", "10.1145/1188913.1188915", id="acm-article",
        ),
        pytest.param(
            "acm-reference-format-sample-sigconf.bbl", "Andler79", "Predicate Path expressions",
            ("Andler, Sten",), 1979,
            "Proceedings of the 6th. ACM SIGACT-SIGPLAN symposium on Principles of Programming Languages",
            "10.1145/567752.567774", id="acm-proceedings-paper",
        ),
        pytest.param(
            "acm-reference-format-sample-sigconf.bbl", "Ablamowicz07",
            "CLIFFORD: a Maple 11 Package for Clifford Algebra Computations, version 11",
            ("Ablamowicz, Rafal", "Fauser, Bertfried"), 2007, ..., None, id="acm-book-title-is-its-booktitle",
        ),
        pytest.param(
            "acm-reference-format-sample-sigconf.bbl", "anisi03",
            "Optimal Motion Control of a Ground Vehicle",
            ("Anisi, David A.",), 2003, ..., None, id="acm-thesis",
        ),
        pytest.param(
            "biblatex-1.5-ms-neutral-theory.bbl", "app02b",
            "Limit laws for the diameter of a random point set",
            ("Appel, M. J. B.", "Najim, C. A.", "Russo, R. P."), 2002,
            "Advances in Applied Probability", None,
            id="biblatex-1.5-names-by-place",
        ),
        pytest.param(
            "biblatex-2.7-deev-paper.bbl", "AisaMingusOReilly08", "The Emergent Neural Modeling System.",
            ("Aisa, Brad", "Mingus, Brian", "O'Reilly, Randy"), 2008, "Neural Networks", ...,
            id="biblatex-2.7-family-given",
        ),
        pytest.param(
            "biblatex-3.3-new-rebellion-paper.bbl", "Bush1996",
            "The Pilgrimage of Grace: A Study of the Rebel Armies of October 1536", ("Bush, M. L.",), 1996,
            None, None, id="biblatex-3.3",
        ),
        pytest.param(
            "plain-tii-paper.bbl", "minKS", "Heuristics for the 0-1 min-knapsack problem",
            ("J. Csirik", "J. B. G. Frenk", "M. Labbé", "S. Zhang"), 1991, "Acta Cybern", None,
            id="plain-and-an-initial-ends-the-names-sentence",
        ),
        pytest.param(
            "plain-tii-paper.bbl", "Ref3",
            "Scuc with hourly demand response considering intertemporal load characteristics",
            ("A. Khodaei", "M. Shahidehpour", "S. Bahramirad"), 2011, "Smart Grid, IEEE Transactions on",
            None,
            id="plain-title-over-two-lines",
        ),
        pytest.param(
            "ieeetran-movement-flow-paper.bbl", "swink2008game",
            "Game feel: a game designer's guide to virtual sensation", ("S. Swink",), 2008, None, None,
            id="ieeetran-book-title-before-its-publisher",
        ),
        pytest.param(
            "agsm-new-rebellion-paper.bbl", "Acemoglu2002",
            "The rise of europe: Atlantic trade, institutional change and economic growth",
            ("Acemoglu, D.", "Johnson, S.", "Robinson, J. A."), 2002, None, None, id="agsm-harvarditem",
        ),
        pytest.param(
            "agsm-new-rebellion-paper.bbl", "Bush1991b", "Tax reform and rebellion in early tudor england",
            ("Bush, M.",), 1991, None, None, id="agsm-year-with-its-italic-letter",
        ),
        pytest.param(
            "mnras-dimagfnl.bbl", "PhysRevLett.48.1220", None, ("Albrecht, A.", "Steinhardt, P. J."), 1982,
            "Phys. Rev. Lett.", "10.1103/PhysRevLett.48.1220", id="mnras-venue-linked-to-its-doi",
        ),
        pytest.param(
            "mnras-dimagfnl.bbl", "2016arXiv161002743A", None, ..., 2016, ..., "10.48550/arXiv.1610.02743",
            id="mnras-arxiv-venue-linked-to-its-doi-and-pages-to-ads",
        ),
        # plain.bst on Google Scholar's and Zotero's records: the venue's own number ("Volume 70",
        # "(USENIX Security 21)") kept; Scholar's "{\{}USENIX{\}}", which bibtex sets "$\{$USENIX$\}$"
        pytest.param(
            "plain-adt-propose.bbl", "bellemare_distributional_2017",
            "A Distributional Perspective on Reinforcement Learning", ..., 2017,
            "Proceedings of the 34th International Conference on Machine Learning - Volume 70", None,
            id="plain-a-volume-in-the-venues-name",
        ),
        pytest.param(
            "plain-adt-propose.bbl", "adt", "Adversarial policy training against deep reinforcement learning",
            ..., 2021, "30th USENIX Security Symposium (USENIX Security 21)", None,
            id="plain-scholars-braces-and-a-parenthesis",
        ),
        # gbt7714.bst (Chinese theses): "\allowbreak[J]" and "\penalty0" print nothing; a paper in
        # proceedings prints the proceedings in its title's block after "[C]//"
        pytest.param(
            "gbt7714-docpaper.bbl", "wu-datacenter", "数据中心发展趋势探讨", ("吴小芳",), 2017, "中国新通信",
            None,
            id="gbt7714-title-and-its-kind-of-work",
        ),
        pytest.param(
            "gbt7714-docpaper.bbl", "Olston2008Pig",
            "Pig latin:a not-so-foreign language for data processing",
            ("Olston, C.", "Reed, B.", "Srivastava, U.", "others"), 2008,
            "ACM SIGMOD International Conference on Management of Data", None,
            id="gbt7714-proceedings-after-the-title",
        ),
        pytest.param(
            "aasjournal-2019-exomoon.bbl", "Gaia", ...,
            ("Gaia Collaboration", "Prusti, T.", "de Bruijne, J. H. J.", "others"),
            2016, "A&A", "10.1051/0004-6361/201629272", id="aasjournal-label-of-seven-thousand-characters",
        ),
        pytest.param(
            "aasjournal-2019-exomoon.bbl", "foremanmackey13", ...,
            ("Foreman-Mackey, D.", "Hogg, D. W.", "Lang, D.", "Goodman, J."), 2013, "PASP", "10.1086/670067",
            id="aasjournal-item-before-a-long-label-ends-there",
        ),
        pytest.param(
            "aasjournal-2019-exomoon.bbl", "hippke15", None, ("Hippke, M.",), 2015, "ApJ",
            "10.1088/0004-637X/806/1/51", id="aasjournal-journal-macro-is-the-venue-of-an-untitled-item",
        ),
        pytest.param(
            "agsm-new-rebellion-paper.bbl", "Acemoglu2012",
            "Why nations fail : the origins of power, prosperity, and poverty", ("Acemoglu, D.",), 2012,
            ..., None,
            id="agsm-book",
        ),
    ],
)  # fmt: skip
def test_fields_of_real_bbl_items(
    fixture: str, key: str, title: object, authors: object, year: int, venue: object, doi: object
) -> None:
    query = _read(fixture)[key]
    if title is not ...:
        assert query.title == title
    if authors is not ...:
        assert query.authors == authors
    assert query.year == year
    if venue is not ...:
        assert query.venue == venue
    if doi is not ...:
        assert query.doi == doi


# A style that prints no article title prints the venue after the names and the year, in one
# segment: the venue the rules read there stays, whether or not the tagger knows the journal.
@pytest.mark.parametrize(
    ("fixture", "key", "venue"),
    [
        pytest.param("mnras-dimagfnl.bbl", "2015ApJ...814..145A", "ApJ", id="mnras-abbreviation-doubted"),
        pytest.param("mnras-dimagfnl.bbl", "PhysRevLett.48.1220", "Phys. Rev. Lett.", id="mnras-linked"),
        pytest.param(
            "aasjournal-bench-typeset.bbl", "r23", "In-plant Reproductions", id="aasjournal-journal-doubted"
        ),
        pytest.param("texlive/jbact.bbl", "r5", "TUGboat", id="jbact"),
        pytest.param("texlive/InorgChem.bbl", "r5", "TUGboat", id="inorgchem-venue-before-year"),
    ],
)  # fmt: skip
def test_venue_of_an_item_that_prints_no_title(fixture: str, key: str, venue: str) -> None:
    assert _read(fixture)[key].venue == venue


@pytest.mark.parametrize(
    ("fixture", "count"),
    [
        pytest.param("acm-reference-format-sample-sigconf.bbl", 4, id="acm-label-then-comment-then-key"),
        pytest.param("agsm-new-rebellion-paper.bbl", 4, id="harvarditem"),
        pytest.param("mnras-dimagfnl.bbl", 4, id="mnras"),
        pytest.param("aasjournal-2019-exomoon.bbl", 3, id="aasjournal-labels-over-many-lines"),
        pytest.param("biblatex-1.5-ms-neutral-theory.bbl", 1, id="biblatex-1.5"),
        pytest.param("biblatex-2.7-deev-paper.bbl", 2, id="biblatex-2.7"),
        pytest.param("biblatex-3.3-new-rebellion-paper.bbl", 2, id="biblatex-3.3"),
    ],
)
def test_every_item_is_read(fixture: str, count: int) -> None:
    assert len(_read(fixture)) == count


# One real record (tugboat.bib's Hunniger:TB34-2-124) as TeX Live's styles typeset it; jbact and
# InorgChem print no article title, and none may be read in its place.
@pytest.mark.parametrize(
    ("style", "title"),
    [
        pytest.param("plain", "Converting wikipedia articles to", id="plain"),
        pytest.param("IEEEtran", "Converting wikipedia articles to", id="ieeetran-quoted"),
        pytest.param("apsr", "Converting Wikipedia articles to", id="apsr-quoted-then-italic-journal"),
        pytest.param("babplain", "Converting Wikipedia articles to", id="babelbib-change-case-macro"),
        pytest.param("gbt7714-numerical", "Converting wikipedia articles to", id="gbt7714-type-code"),
        pytest.param("pnas2009", "Converting wikipedia articles to", id="pnas-year-before-title"),
        pytest.param("smfplain", "Converting wikipedia articles to", id="smf-guillemets"),
        pytest.param("vancouver", "Converting Wikipedia articles to", id="vancouver"),
        pytest.param("amsra", "Converting wikipedia articles to", id="amsrefs-fields-by-name"),
        pytest.param("jbact", None, id="jbact-no-title-printed"),
        pytest.param("InorgChem", None, id="inorgchem-no-title-printed"),
    ],
)
def test_one_record_in_texlive_styles(style: str, title: str | None) -> None:
    query = _read(f"texlive/{style}.bbl")["r5"]
    assert (None if query.printed and query.title == query.raw else query.title) == title
    assert parse_name(query.authors[0]).family == "Hünniger"
    assert query.year == 2013
    assert query.venue == "TUGboat"


def test_a_year_in_brackets_after_the_names_is_no_part_of_the_last_name() -> None:
    # an author-year natbib style that prints "Names [year]." (a dissertation's, josh-hs-ko's)
    bbl = (
        "\\begin{thebibliography}{1}\n"
        "\\bibitem[{Backus(1978)}]{Backus-liberated}\n"
        "\\bibfnamefont{John} \\bibnamefont{Backus} [1978].\n"
        "\\newblock Can programming be liberated from the von {N}eumann style? {A}\n"
        "  functional style and its algebra of programs.\n"
        "\\newblock \\emph{Communications of the ACM}, 21(8):613--641.\n"
        "\\end{thebibliography}\n"
    )
    (query,) = read_bbl(bbl, "dissertation.bbl")
    assert query.authors == ("John Backus",)
    assert query.year == 1978


# mnras.bst's link macros as its FUNCTIONs format.doi, format.eprint, make.href.hyperref and its
# article's journal write them (TeX Live 2022's mnras.bst), and what the page prints for each.
@pytest.mark.parametrize(
    ("item", "printed", "doi"),
    [
        pytest.param(
            "2010, \\mn@doi [Statistics Surveys] {10.1214/09-SS054},\n  4, 40",
            "2010, Statistics Surveys,\n  4, 40", "10.1214/09-SS054", id="venue-linked-to-its-doi",
        ),
        pytest.param(
            "2017, \\mn@doi [Monthly Notices of the Royal\n  Astronomical Society] {10.1093/mnras/stx721}",
            "2017, Monthly Notices of the Royal\n  Astronomical Society", "10.1093/mnras/stx721",
            id="venue-over-two-lines",
        ),
        pytest.param(
            "2019, Some book, \\mn@doi{10.1007/978-3-030-1}", "2019, Some book, doi:10.1007/978-3-030-1",
            "10.1007/978-3-030-1", id="doi-alone-printed-with-its-prefix",
        ),
        pytest.param(
            "2023, DESI samples\n  (\\mn@eprint {arXiv} {2309.06443})",
            "2023, DESI samples\n  (arXiv:2309.06443)",
            None, id="eprint-with-its-archive",
        ),
        pytest.param(
            "2023, A report (\\mn@eprint {} {2309.06443})", "2023, A report (arXiv:2309.06443)", None,
            id="eprint-with-no-archive-is-arxiv",
        ),
        pytest.param(
            "2015, \\href\n  {https://ui.adsabs.harvard.edu/abs/2015ApJ...814..145A} {814, 145}",
            "2015, 814, 145",
            None, id="href-prints-its-text",
        ),
        pytest.param(
            "2025, Boson stars, \\url {https://arxiv.org/abs/2511.03788}",
            "2025, Boson stars, https://arxiv.org/abs/2511.03788", None, id="url-prints-its-address",
        ),
        pytest.param(
            "2019, \\mn@doi [\\mnras] {10.1093/mnras/stz093}", "2019, \\mnras", "10.1093/mnras/stz093",
            id="venue-linked-to-its-doi-keeps-its-journal-macro",
        ),
    ],
)  # fmt: skip
def test_mnras_links_read_as_the_page_prints_them(item: str, printed: str, doi: str | None) -> None:
    assert mnras_links(item) == (printed, doi)


# Items of fixtures/bbl/aasjournal-2019-exomoon.bbl (AASTeX) and journals' macros as each class
# defines them (aastex631.cls 6.3.1d, mnras.cls 3.0 of TeX Live 2022).
@pytest.mark.parametrize(
    ("item", "document_class", "printed", "venue"),
    [
        pytest.param("{Hippke}, M. 2015, \\apj, 806, 51", "aastex631", "{Hippke}, M. 2015, ApJ, 806, 51",
                     "ApJ", id="aastex-apj"),
        pytest.param("J. 2013, \\pasp,\n  125, 306, \\dodoi{10.1086/670067}", "aastex631",
                     "J. 2013, PASP,\n  125, 306, \\dodoi{10.1086/670067}", "PASP",
                     id="aastex-pasp-other-macros-kept"),
        pytest.param("2016,\n  \\aap, 595, A1", "aastex631", "2016,\n  A\\&A, 595, A1", "A&A",
                     id="ampersand-written-as-tex-for-the-rendering"),
        pytest.param("2020, \\apjl, 890, L6", "aastex631", "2020, ApJL, 890, L6", "ApJL", id="aastex-apjl"),
        pytest.param("2020, \\apjl, 890, L6", "mnras", "2020, ApJ, 890, L6", "ApJ", id="mnras-apjl-is-apj"),
        pytest.param("1982, \\prl, 48", "aastex631", "1982, PhRvL, 48", "PhRvL", id="aastex-prl-as-ads"),
        pytest.param("1982, \\prl, 48", "mnras", "1982, Phys. Rev. Lett., 48", "Phys. Rev. Lett.",
                     id="mnras-prl-spelled-out"),
        pytest.param("2019, \\mnras, 1", "mnras", "2019, MNRAS, 1", "MNRAS", id="mnras-mnras"),
        pytest.param("\\newblock \\apjsupp", "aastex631", "\\newblock ApJS", "ApJS", id="alias-of-apjs"),
        pytest.param("2021, \\psj, 2, 1", "aastex631", "2021, PSJ, 2, 1", "PSJ", id="aastex-only-psj"),
        pytest.param("2021, \\psj, 2, 1", "mnras", "2021, \\psj, 2, 1", None, id="mnras-defines-no-psj"),
        pytest.param("{\\aa}ngstr{\\\"o}m, \\apjx", "aastex631", "{\\aa}ngstr{\\\"o}m, \\apjx", None,
                     id="no-journal-macro-kept"),
        pytest.param("\\apj, 1; \\aj, 2", "aastex631", "ApJ, 1; AJ, 2", "ApJ",
                     id="first-journal-is-the-venue"),
    ],
)  # fmt: skip
def test_journal_macros_print_as_their_class_defines_them(
    item: str, document_class: str, printed: str, venue: str | None
) -> None:
    assert journals_as_printed(item, document_class) == (printed, venue)


@pytest.mark.parametrize(
    ("fixture", "document_class"),
    [
        pytest.param("mnras-dimagfnl.bbl", "mnras", id="mnras-bst-set-with-mnras-cls"),
        pytest.param("aasjournal-2019-exomoon.bbl", "aastex631", id="aasjournal-set-with-aastex"),
        pytest.param("agsm-new-rebellion-paper.bbl", "aastex631", id="any-other-style-with-aastex"),
    ],
)
def test_a_bbl_prints_journal_macros_as_its_class(fixture: str, document_class: str) -> None:
    assert journal_class((BBL / fixture).read_text(encoding="utf-8")) == document_class


@pytest.mark.parametrize(
    ("items", "keys"),
    [
        pytest.param("\\bibitem[{[1]}]{a} A.\n\\bibitem[{2}]{b} B.", ["a", "b"], id="bracket-in-a-group"),
        pytest.param("\\bibitem[[1]]{a} A.\n\\bibitem{b} B.", ["a", "b"], id="inner-brackets"),
        pytest.param("\\bibitem[{\\{}(2016)]{a} A.\n\\bibitem{b} B.", ["a", "b"], id="escaped-brace"),
        pytest.param("\\bibitem[{A}\n  {B}(2016)]%\n{a} A.", ["a"], id="label-over-lines-comment-before-key"),
        pytest.param("\\bibitem[{A (2016)}{a} A.\n\\bibitem{b} B.", ["b"], id="unclosed-label-left-out"),
        pytest.param(
            "\\bibitem[{" + "{Name}, " * 2000 + "}]{long} A.\n\\bibitem{b} B.", ["long", "b"],
            id="label-of-sixteen-thousand-characters",
        ),
    ],
)  # fmt: skip
def test_an_item_ends_where_the_next_label_closes(items: str, keys: list[str]) -> None:
    bbl = f"\\begin{{thebibliography}}{{9}}\n{items}\n\\end{{thebibliography}}\n"
    assert [query.key for query in read_bbl(bbl, "x.bbl")] == keys


def test_a_run_of_unclosed_labels_is_read_in_linear_time() -> None:
    bbl = "\\begin{thebibliography}{9}\n" + "\\bibitem[{{[{" * 40_000 + "\n\\end{thebibliography}\n"
    started = time.process_time()
    assert read_bbl(bbl, "x.bbl") == []
    assert time.process_time() - started < 1.0


# seuthesis.bst (TeX Live) on TUGboat's records: a title ending in years before GB/T 7714's mark of
# its kind, and a kind the standard has no code for, which the class names in Chinese
SEUTHESIS_BBL = r"""\begin{thebibliography}{3}
\providecommand{\natexlab}[1]{#1}

\bibitem[{WP}(2009)]{r2}
{WP}.
\newblock Book Review: John Buchanan-Brown, Early Victorian Illustrated Books:
  Britain, France, and Germany, 1820–1860[J].
\newblock Printing History (New Series), 2009(5):??--??

\bibitem[{Bright}(2005)]{r3}
{Bright} B.
\newblock No Longer Innocent: Book Art in America: 1960–1980[M].
\newblock New York, NY, USA: Granary Books, 2005: xix + 301 + 8.

\bibitem[{Anonymous}(1994)]{r8}
{Anonymous}.
\newblock Expresiv fonts classic font collection[缺文献类型标志代码].
\newblock Miami,,FL: World Art, 1994.

\end{thebibliography}
"""


def test_gbt_years_closing_a_title_before_its_mark_are_the_titles() -> None:
    read = {query.key: query for query in read_bbl(SEUTHESIS_BBL, "seuthesis.bbl")}
    assert (read["r2"].title, read["r2"].year) == (
        "Book Review: John Buchanan-Brown, Early Victorian Illustrated Books: Britain, France, and Germany, "
        "1820–1860",
        2009,
    )
    assert (read["r3"].title, read["r3"].year) == ("No Longer Innocent: Book Art in America: 1960–1980", 2005)
    assert (read["r8"].title, read["r8"].year) == ("Expresiv fonts classic font collection", 1994)
