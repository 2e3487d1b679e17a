"""The PDF bench's truth made without bibnorm's readers: a ``.bbl``'s item keys, in the order it
sets them, joined to the ``.bib`` entries that produced it (``bench/bench_pdf_corpus.py``'s
``bbl-keys-bib`` truth kind). The files are real: three records of TeX Live's ``tugboat.bib`` and the
``.bbl`` files bibtex (``unsrtnat``) and biber (biblatex ``authoryear``) wrote for them
(``fixtures/bbl/README.md``)."""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
JOIN = ROOT / "fixtures" / "bbl" / "join"
sys.path.insert(0, str(ROOT / "bench"))

import bench_pdf_corpus  # noqa: E402
from bench_pdf_corpus import _family, bbl_keys, fonts_not_loaded, joined_truths, manifest, truths, unjoined  # noqa: E402

CITED = ["Sharpe:TB34-2-125", "Hunniger:TB34-2-124", "Wilson:TB34-2-132"]


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        pytest.param("\\bibitem{a1}\nA.\n\\bibitem{b2} B.", ["a1", "b2"], id="plain-bibitems"),
        pytest.param(
            "\\bibitem[{Smith et~al.(2001)Smith, Jones, and Lee}]{smith01}\nSmith.",
            ["smith01"],
            id="natbib-label-in-braces",
        ),
        pytest.param("\\bibitem[{A [and] B(2001)}]{ab01} A.", ["ab01"], id="bracket-inside-a-braced-label"),
        pytest.param(
            "\\bibitem[\\protect\\citeauthoryear{Hassan}{Hassan}{2021}]{%\nhassan21}\nHassan.",
            ["hassan21"],
            id="apacite-key-after-a-comment",
        ),
        pytest.param(
            "\\entry{k1}{article}{}\n\\endentry\n\\entry{k2}{book}{}", ["k1", "k2"], id="biber-entries"
        ),
        pytest.param(
            "\\bibitemsep=1pt \\entryname{x} \\bibitem {c3} C.", ["c3"], id="longer-commands-are-not-items"
        ),
        pytest.param("\\bibitem[unclosed {label]{k}", [], id="a-label-that-never-closes-gives-no-key"),
        pytest.param(
            "\\harvarditem[Ali et~al.]{Ali, Lin \\harvardand\\ Yu}{2019{\\em\n  a}}{Ali2019a}\nAli, A.\n"
            "\\harvarditem{Beaujean}{2014}{Beaujean2014}\nBeaujean, A.~A.",
            ["Ali2019a", "Beaujean2014"],
            id="harvard-package-items-key-after-names-and-year",
        ),
        pytest.param("\\begin{thebibliography}{xx}\n\\end{thebibliography}", [], id="no-items-no-keys"),
    ],
)
def test_the_keys_of_a_bbl_are_read_in_the_order_it_sets_them(text: str, keys: list[str]) -> None:
    assert bbl_keys(text) == keys


@pytest.mark.parametrize("bbl", ["unsrtnat.bbl", "biblatex-authoryear.bbl"])
def test_each_typeset_key_is_joined_to_its_bib_entry_in_the_bbl_order(bbl: str) -> None:
    rows = joined_truths(JOIN / bbl, [JOIN / "tugboat-3.bib"])
    assert [row.key for row in rows] == CITED
    assert [row.family for row in rows] == ["sharpe", "hunniger", "wilson"]
    assert rows[0].title == "A survey of text font families"
    assert rows[1].title.startswith("Converting Wikipedia articles to")
    assert {row.year for row in rows} == {2013}
    assert rows[0].locator == "34125"  # volume and first page, from the .bib
    assert unjoined(JOIN / bbl, [JOIN / "tugboat-3.bib"]) == []


def test_a_key_no_bib_holds_gives_no_reference_and_is_counted(tmp_path: Path) -> None:
    bib = tmp_path / "two.bib"
    text = (JOIN / "tugboat-3.bib").read_text(encoding="utf-8")
    bib.write_text(text.replace("@Article{Wilson:TB34-2-132", "@Article{Other:key"), encoding="utf-8")
    rows = joined_truths(JOIN / "unsrtnat.bbl", [bib])
    assert [row.key for row in rows] == CITED[:2]
    assert unjoined(JOIN / "unsrtnat.bbl", [bib]) == ["Wilson:TB34-2-132"]


def test_keys_join_whatever_their_case_as_bibtex_matches_them(tmp_path: Path) -> None:
    bib = tmp_path / "upper.bib"
    bib.write_text((JOIN / "tugboat-3.bib").read_text(encoding="utf-8").upper(), encoding="utf-8")
    assert len(joined_truths(JOIN / "unsrtnat.bbl", [bib])) == 3


def test_a_latin1_bib_is_read_as_windows_1252(tmp_path: Path) -> None:
    bib = tmp_path / "latin1.bib"
    latin1 = "@article{Sharpe:TB34-2-125, author = {Jürgen Müller}, title = {Façons}, year = 2013}"
    bib.write_bytes(latin1.encode("latin-1"))
    (row,) = joined_truths(JOIN / "unsrtnat.bbl", [bib])
    assert row.family == "muller" and row.title == "Façons"


# Lines of the logs pdflatex (TeX Live 2022, Debian 12) wrote for two of the bench's built documents:
# IEEEtran's journal class on a machine without texlive-fonts-recommended (its Times missing, a
# one-page PDF with no reference on it), and AASTeX 6.31, which declares a watermark font it never sets.
IEEETRAN_WITHOUT_TIMES = """\
! Font OT1/ptm/m/n/10=ptmr7t at 10.0pt not loadable: Metric (TFM) file not foun
d.
<to be read again>
! Font OT1/ptm/bx/it/5=ptmbi7t at 5.0pt not loadable: Metric (TFM) file not fou
nd.
! Font \\OT1/ptm/b/n/5=nullfont not loadable: Metric (TFM) file not found.
! Font OT1/ptm/m/n/9=ptmr7t at 9.0pt not loadable: Metric (TFM) file not found.
"""
AASTEX_WATERMARK = "! Font \\bighelv=phvr at 144.54pt not loadable: Metric (TFM) file not found.\n"


@pytest.mark.parametrize(
    ("log", "fonts"),
    [
        pytest.param(
            IEEETRAN_WITHOUT_TIMES, ["ptmr7t", "ptmbi7t"], id="the-text-fonts-each-once-not-nullfont"
        ),
        pytest.param(AASTEX_WATERMARK, [], id="a-font-a-class-declares-is-none-the-text-is-set-in"),
        pytest.param(
            "! Font OT1/ptm/m/n/10=ptmr7t at 10.0pt\nnot loadable: Metric (TFM) file not found.",
            ["ptmr7t"],
            id="not-loadable-on-the-next-line",
        ),
        pytest.param("LaTeX Font Info:    Trying to load font information for OT1+ptm", [], id="a-clean-log"),
    ],
)
def test_a_build_whose_text_fonts_did_not_load_is_told_by_its_log(log: str, fonts: list[str]) -> None:
    assert fonts_not_loaded(log) == fonts


def test_reading_a_log_takes_a_time_linear_in_its_length() -> None:
    started = time.process_time()
    assert fonts_not_loaded("! Font " + "a/" * 100_000 + "\n" + "! Font x/" + "=" * 100_000) == []
    assert time.process_time() - started < 1.0


@pytest.mark.parametrize(
    ("author", "family"),
    [
        pytest.param("Simonelli et. al.", "simonelli", id="et-al-with-a-period"),  # an author's .bib
        pytest.param("D. Schnitzer et al", "schnitzer", id="et-al-without"),
        pytest.param("Peebles, P. J. E.", "peebles", id="inverted"),
        pytest.param("Ahasver von Brandt", "brandt", id="a-particle"),
    ],
)  # fmt: skip
def test_the_first_authors_family_is_the_name_before_et_al(author: str, family: str) -> None:
    assert _family(author) == family


# A truth corrected by what the PDF prints, committed beside the manifest: `join/manifest.csv` names
# six documents whose truth is `unsrtnat.bbl` joined to `tugboat-3.bib`; `join/truth-overrides/`
# holds a transcribed fourth record (tugboat.bib's `Wang:TB34-2-136`) for three of them, and
# corrections of a committed entry for two.
@pytest.mark.parametrize(
    ("document", "keys"),
    [
        pytest.param("printed-more", [*CITED, "Wang:TB34-2-136"], id="add-the-references-the-bbl-lacks"),
        pytest.param("another-papers", ["Wang:TB34-2-136"], id="replace-another-papers-bbl"),
        pytest.param("as-committed", CITED, id="no-override-the-committed-truth"),
    ],
)
def test_an_override_beside_the_manifest_corrects_the_committed_truth(
    document: str, keys: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = truths(_cached(document, tmp_path, monkeypatch))
    assert [r.key for r in rows] == keys
    assert rows[-1].family == ("wang" if document != "as-committed" else "wilson")


def test_a_correcting_override_replaces_the_entry_of_its_key_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``% override: correct``: a committed entry's wrong field (here Wilson's year) corrected, the
    truth's other entries and its order kept."""
    rows = truths(_cached("corrected", tmp_path, monkeypatch))
    assert [r.key for r in rows] == CITED
    assert [r.year for r in rows] == [2013, 2013, 2012]


def test_a_correction_of_an_entry_the_truth_lacks_stops_the_bench_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(SystemExit, match=r"corrects entries the truth lacks: \['Wang:TB34-2-136'\]"):
        truths(_cached("corrects-unknown", tmp_path, monkeypatch))


def test_an_override_that_says_neither_add_nor_replace_stops_the_bench_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(SystemExit, match="must say '% override: add', 'replace' or 'correct'"):
        truths(_cached("says-neither", tmp_path, monkeypatch))


def _cached(document: str, cache: Path, monkeypatch: pytest.MonkeyPatch) -> bench_pdf_corpus.Document:
    """The fixture manifest's document, its truth files in ``cache`` as a refill from the source
    leaves them (as committed)."""
    monkeypatch.setattr(bench_pdf_corpus, "CACHE", cache)
    (cache / document).mkdir()
    for name in ("unsrtnat.bbl", "tugboat-3.bib"):
        (cache / document / name).write_bytes((JOIN / name).read_bytes())
    (row,) = [d for d in manifest(JOIN / "manifest.csv") if d.id == document]
    return row


# Works printed without an author, or without a year: ACM's sample .bib (acmart's
# sample-bibliography.bib, an @inbook with an editor only, which ACM-Reference-Format.bst prints
# "Ian Editor (Ed.). 2007. The title of book one (1st. ed.). …") and an AAS .bib's work "submitted"
# (github:lkreidberg/2017_wasp103 ms.bib's, its stray comma left out: a sort key hidden in its year).
_NO_AUTHOR_BIB = r"""
@Inbook{Editor00,
  author = "",
  editor = "Ian Editor",
  title = "The title of book one",
  subtitle = "The book subtitle",
  year = "2007",
  publisher = "University of Chicago Press",
}
@ARTICLE{mansfield18,
  author = {{Mansfield}, M. and {Bean}, J.~B. and {Line}, M. and {Paramentier}, V. and {Kreidberg}, L.},
  title = "{A HST/WFC3 Thermal Emission Spectrum of the Hot Jupiter HAT-P-7b}",
  journal = {Submitted to \apj},
  year = "\noop{3001}submitted",
}
"""


def _no_author_rows(tmp_path: Path) -> list[bench_pdf_corpus.Truth]:
    bib = tmp_path / "sample.bib"
    bib.write_text(_NO_AUTHOR_BIB, encoding="utf-8")
    return bench_pdf_corpus._file_truths(bib)


def test_an_edited_work_without_an_author_keeps_its_editor_and_its_title_without_subtitle(
    tmp_path: Path,
) -> None:
    book, _ = _no_author_rows(tmp_path)
    assert (book.family, book.editors) == ("", ("editor",))
    assert book.title == "The title of book one. The book subtitle"
    assert book.main == "The title of book one"  # what a BibTeX style prints


def test_a_sort_key_hidden_in_a_year_is_no_year(tmp_path: Path) -> None:
    _, submitted = _no_author_rows(tmp_path)
    assert (submitted.family, submitted.year) == ("mansfield", None)


def _item_read(raw: str, title: str, authors: tuple[str, ...], year: int) -> bench_pdf_corpus.Query:
    """A PDF's item as the reader gives it: its text, and the title, authors and year read."""
    from bibnorm.models import Origin, Query, QueryKind

    return Query(
        index=0,
        origin=Origin(path="document.pdf", line=1),
        kind=QueryKind.TITLE,
        raw=raw,
        title=title,
        authors=authors,
        year=year,
    )


# A web page with an organization and no author (github:VictorJorgeFGA/TCC's bibliografia.bib), which
# abnTeX2 prints with the organization in the author's place: "THE RAILS FOUNDATION. Action
# Controller Overview. 2023. Acesso em: …"
_ORGANIZATION_BIB = r"""
@online{actioncontroller-overview,
  title     = {Action Controller Overview},
  organization = {The Rails Foundation},
  year      = {2023},
  url       = {https://guides.rubyonrails.org/action_controller_overview.html},
  note      = {Acesso em: 9 de dezembro de 2023},
}
@manual{manual,
  author = {Ana Lopes},
  title = {A manual by an author},
  organization = {The Rails Foundation},
  year = {2023},
}
"""


def test_a_work_without_an_author_keeps_its_organization_and_one_with_an_author_does_not(
    tmp_path: Path,
) -> None:
    bib = tmp_path / "organization.bib"
    bib.write_text(_ORGANIZATION_BIB, encoding="utf-8")
    page, manual = bench_pdf_corpus._file_truths(bib)
    assert (page.family, page.organization) == ("", "therailsfoundation")
    assert (manual.family, manual.organization) == ("lopes", "")


@pytest.mark.parametrize(
    ("authors", "whole"),
    [
        pytest.param(("THE RAILS FOUNDATION",), True, id="its-organization-in-the-authors-place"),
        pytest.param((), True, id="no-names"),
        pytest.param(("Rails, F.",), False, id="a-part-of-its-name"),
    ],
)
def test_an_item_of_a_work_without_an_author_is_whole_with_its_organization_or_no_name(
    authors: tuple[str, ...], whole: bool, tmp_path: Path
) -> None:
    bib = tmp_path / "organization.bib"
    bib.write_text(_ORGANIZATION_BIB, encoding="utf-8")
    page, _ = bench_pdf_corpus._file_truths(bib)
    raw = "THE RAILS FOUNDATION. Action Controller Overview. 2023. Acesso em: 9 de dezembro de 2023."
    item = _item_read(raw, "Action Controller Overview", authors, 2023)
    score = bench_pdf_corpus.score([page], [item], False, [page])
    assert (score.whole, score.strays) == (int(whole), 0)


@pytest.mark.parametrize(
    ("authors", "whole"),
    [
        pytest.param(("Ian Editor",), True, id="its-editor-in-the-authors-place"),
        pytest.param((), True, id="no-names"),
        pytest.param(("Donald E. Knuth",), False, id="another-name"),
    ],
)
def test_an_item_of_a_work_without_an_author_is_whole_with_its_editor_or_no_name(
    authors: tuple[str, ...], whole: bool, tmp_path: Path
) -> None:
    book, _ = _no_author_rows(tmp_path)
    book = replace(book, title=book.main)  # as `printed` finds it: the title a BibTeX style prints
    raw = "Ian Editor (Ed.). 2007. The title of book one (1st. ed.). University of Chicago Press, Chicago."
    item = _item_read(raw, "The title of book one", authors, 2007)
    score = bench_pdf_corpus.score([book], [item], False, [book])
    assert (score.whole, score.strays) == (int(whole), 0)


def test_an_item_the_bbl_sets_for_a_key_no_bib_holds_is_no_stray(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The .bbl sets Wilson's item, the committed .bib lacks its entry: the truth gives two
    references, and the printed third is a reference it cannot give, not a stray; an item that is
    no reference still is one."""
    from bibnorm.models import Origin, Query, QueryKind

    document = _cached("as-committed", tmp_path, monkeypatch)
    bib = tmp_path / "as-committed" / "tugboat-3.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8").replace("@Article{Wilson:TB34-2-132", "@Article{Other:key")
    )
    texts = bench_pdf_corpus.unjoined_texts(document)
    assert len(texts) == 1 and "glisteringsafontoffleurons" in texts[0]
    printed = [
        "Peter Wilson. Glisterings: a font of fleurons; Fonts, GNU/Linux, and XeTeX; Mixing traditional and"
        " system fonts. TUGboat, 34(2):132–135, 2013.",
        "Peter Wilson is a contributor to TUGboat and lives in Seattle.",
    ]
    items = [
        Query(index=at, origin=Origin(path="paper.pdf", line=at), kind=QueryKind.TITLE, raw=raw, title=raw)
        for at, raw in enumerate(printed)
    ]
    assert bench_pdf_corpus.score([], items, False, [], texts).strays == 1
    assert bench_pdf_corpus.score([], items, False, []).strays == 2


@pytest.mark.parametrize(
    ("printed", "shown"),
    [
        pytest.param(
            "Ian Editor (Ed.). 2007. The title of book one (1st. ed.). University of Chicago Press, Chicago.",
            [],
            id="an-item-holds-it",
        ),
        pytest.param(
            "Peter Wilson is a contributor to TUGboat and lives in Seattle.",
            ["lost: 'The title of book one'  2007", "stray: 'Peter Wilson is a contributor to TUGboat"],
            id="no-item-holds-it-and-the-item-is-a-stray",
        ),
    ],
)
def test_items_prints_a_reference_no_item_holds_as_lost(
    printed: str, shown: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--items`` names the references the reader cut into another's item or read nowhere,
    besides the strays and the references not read whole."""
    from bibnorm.models import Origin, Query, QueryKind

    book, _ = _no_author_rows(tmp_path)
    book = replace(book, title=book.main)
    item = Query(
        index=0, origin=Origin(path="paper.pdf", line=1), kind=QueryKind.TITLE, raw=printed, title=printed
    )
    bench_pdf_corpus.score([book], [item], True, [book])
    lines = [line.strip() for line in capsys.readouterr().out.splitlines()]
    told = [line for line in lines if line.startswith(("lost:", "stray:"))]
    assert [line[: len(want)] for line, want in zip(told, shown, strict=False)] == shown
    assert len(told) == len(shown)


# The development sets whose truth is joined (the held-out set is measured by the lead alone).
DEVELOPMENT = [
    "pdf_unseen", "pdf_heldout", "pdf_dev3", "pdf_dev5", "pdf_dev6", "pdf_dev12", "pdf_dev13", "pdf_dev14",
    "pdf_dev15", "pdf_dev16",
]  # fmt: skip


@pytest.mark.parametrize("corpus", DEVELOPMENT)
def test_a_joined_truth_names_its_bbl_then_the_bib_files_and_each_file_once_in_the_cache(corpus: str) -> None:
    """A ``bbl-keys-bib`` row's truth is its ``.bbl`` followed by the ``.bib`` files its ``.tex``
    names; each is cached under its own name in the document's folder, so two of one row never share
    a name (the second would overwrite the first)."""
    joined = [
        d for d in manifest(ROOT / "bench" / corpus / "manifest.csv") if d.kind == bench_pdf_corpus.JOINED
    ]
    assert joined
    for document in joined:
        bbl, *bibs = document.inside("truth")
        assert bbl.endswith(".bbl"), document.id
        assert bibs and all(bib.endswith(".bib") for bib in bibs), document.id
        names = [path.name for path in document.locals("truth")]
        assert len(set(names)) == len(names), document.id


BIBER_ITEM = r"""{inproceedings}{}
    \name{author}{2}{}{%
      {{hash=BU}{%
         family={Banerjee},
         given={Utpal},
      }}%
    }
    \strng{namehash}{BU1}
    \field{labeltitlesource}{title}
    \field{title}{A theory of data {Race} detection}
    \field{year}{2006}
  \endentry
"""
APACITE_ITEM = r"""workflowPageMllif}%
\begin{APACrefauthors}%
Visengeriyeva, D\BPBI L.%
\end{APACrefauthors}%
\newblock
\APACrefbtitle {An Overview of the End-to-End Machine Learning Workflow.} {An
  overview of the end-to-end machine learning workflow.}
"""


@pytest.mark.parametrize(
    ("body", "letters"),
    [
        pytest.param(BIBER_ITEM, "atheoryofdataracedetection", id="biber-title-field"),
        pytest.param(
            APACITE_ITEM, "anoverviewoftheendtoendmachinelearningworkflow", id="apacite-title-given-twice"
        ),
        pytest.param(
            "\nP.~Wilson.\n\\newblock Glisterings.\n\\newblock {\\em TUGboat}, 2013.\n",
            "pwilsonglisteringstugboat2013",
            id="bibtex-item-read-whole",
        ),
        pytest.param(
            BIBER_ITEM.replace("A theory of data {Race} detection", "Races"),
            None,
            id="biber-title-too-short-to-tell-a-work",
        ),
    ],
)
def test_an_unjoined_item_is_known_by_the_title_it_names_as_a_field(body: str, letters: str | None) -> None:
    """Biber sets an item's names and fields in another order than the PDF prints them, beside
    hashes: the item of a key no .bib holds is known by its title (long enough), not by its letters."""
    got = bench_pdf_corpus._item_letters(body)
    if letters is None:
        assert got.startswith("inproceedingsauthor2hashbu")
    else:
        assert got == letters
    printed = (
        "Utpal Banerjee, Brian Bliss. “A theory of data race detection”. In: PADTAD '06. 2006, S. 69–78."
    )
    if body is BIBER_ITEM:
        from bibnorm.models import Origin, Query, QueryKind

        item = Query(
            index=0,
            origin=Origin(path="thesis.pdf", line=1),
            kind=QueryKind.TITLE,
            raw=printed,
            title=printed,
        )
        assert bench_pdf_corpus.score([], [item], False, [], [got]).strays == 0


HRIPCSAK = (
    "@article{hripcsak16,\n  title = {Characterizing Treatment Pathways at Scale},\n"
    "  author = {Hripcsak, George},\n  date = {2016-07-05},\n}\n"
)
WESTOVER = (
    "@inproceedings{Westover91,\n  title = {Splatting: a volume rendering algorithm},\n"
    "  author = {Westover, Lee},\n  year = {1991},\n}\n"
)


@pytest.mark.parametrize(
    ("bbl", "bib", "year"),
    [
        # A .bib written for biblatex (Zotero's export) gives ``date`` and no ``year``: a BibTeX style
        # knows no ``date`` field and prints no year (a JuliaCon paper's "Characterizing treatment
        # pathways at scale using the OHDSI network. 113(27):7329–7336.").
        pytest.param("\\bibitem{hripcsak16}\nHripcsak.\n", HRIPCSAK, None, id="bibtex-prints-no-date"),
        pytest.param(
            "\\entry{hripcsak16}{article}{}\n  \\field{year}{2016}\n\\endentry\n",
            HRIPCSAK,
            2016,
            id="biber-prints-the-date-s-year",
        ),
        # A style that prints no year (its label's "91" aside) prints none of the .bib's.
        pytest.param(
            "\\bibitem[Wes91]{westover91}\n\\textsc{Westover L.}:\n\\newblock Splatting.\n",
            WESTOVER,
            None,
            id="alphabetic-style-sets-no-year",
        ),
        pytest.param(
            "\\bibitem{westover91}\nWestover, L.\n\\newblock Splatting: a volume rendering, 1991.\n",
            WESTOVER,
            1991,
            id="the-item-sets-the-year",
        ),
    ],
)
def test_a_joined_reference_has_the_year_its_bbl_item_prints(
    bbl: str, bib: str, year: int | None, tmp_path: Path
) -> None:
    """The truth follows what is printed: the year of a .bib entry that its .bbl item sets."""
    (tmp_path / "paper.bbl").write_text(bbl, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(bib, encoding="utf-8")
    (row,) = joined_truths(tmp_path / "paper.bbl", [tmp_path / "refs.bib"])
    assert row.year == year


# abnTeX2's BibTeX style prints a .bib's `subtitle` after its title ("JOGO: Superhot."), as biblatex
# does (github:Ghust1995/tg's tese.bbl and referencias.bib, the link shortened); plain.bst prints none.
_SUBTITLED_BIB = "@MISC{SUPERHOT,\n  title = {JOGO},\n  year = {2016},\n  subtitle = {Superhot},\n}\n"


@pytest.mark.parametrize(
    ("bbl", "title", "main"),
    [
        pytest.param(
            "\\bibitem[JOGO 2016]{SUPERHOT}\n\\abntrefinfo{JOGO}{JOGO}{2016}\n{JOGO: Superhot. 2016.\n"
            "Dispon{\\'\\i}vel em: $<$https:\\-/\\-/en\\-.wikipedia\\-.org$>$.}\n",
            "JOGO. Superhot",
            "JOGO",
            id="abntex2",
        ),
        pytest.param(
            "\\begin{thebibliography}{1}\n\\bibitem{SUPERHOT}\nJogo, 2016.\n\\end{thebibliography}\n",
            "JOGO. Superhot",
            "JOGO",
            id="plain",
        ),
    ],
)
def test_a_joined_reference_has_its_subtitle_and_its_title_without_it(
    bbl: str, title: str, main: str, tmp_path: Path
) -> None:
    """A BibTeX style may print a subtitle or not: the truth holds the title with its subtitle and
    without it (`Truth.main`), and the page tells which is printed (`_as_titled`)."""
    (tmp_path / "tese.bbl").write_text(bbl, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(_SUBTITLED_BIB, encoding="utf-8")
    (row,) = joined_truths(tmp_path / "tese.bbl", [tmp_path / "refs.bib"])
    assert (row.title, row.main) == (title, main)
    printed = bench_pdf_corpus._letters("JOGO: Superhot. 2016. Disponível em: <https://en.wikipedia.org>.")
    assert bench_pdf_corpus._as_titled(row, printed).title == title
    assert bench_pdf_corpus._as_titled(row, bench_pdf_corpus._letters("JOGO. 2016.")).title == main


@pytest.mark.parametrize(
    ("raw", "read", "truth", "tally"),
    [
        pytest.param(
            "Chen, G.: Develset. IEEE TCAD (2023) https://doi.org/10.1109/TCAD.2023.3286262 . Publisher",
            "10.1109/TCAD.2023.3286262",
            "10.1109/tcad.2023.3286262",
            (1, 1, 0),
            id="read whole",
        ),
        pytest.param(
            "Chen, G.: Develset. IEEE TCAD 42(12) (2023) https://doi.org/10.1109/TCAD.2023.3286262.Publisher",
            "10.1109/TCAD.2023.3286262.Publisher",
            "10.1109/tcad.2023.3286262",
            (1, 0, 1),
            id="a word glued on is wrong",
        ),
        pytest.param(
            "Smith, A.: A letter. Br J Psychiatry 200(1), 74 (2012). doi:10.1192/bjp.200.1.74a",
            "10.1192/bjp.200.1.74a",
            "10.1192/bjp.200.1.74",
            (0, 0, 0),
            id="a sibling letter's doi is another reference's",
        ),
        pytest.param(
            "Zhang, Y.: Surface smoothing. Springer, 2005. <http://dx.doi.org/10.1007/3-540-29090-7 27>.",
            "10.1007/3-540-29090-7",
            "10.1007/3-540-29090-7_27",
            (0, 0, 1),
            id="printed in another form and read cut is wrong",
        ),
    ],
)
def test_a_doi_printed_is_right_only_whole_and_wrong_when_cut_or_glued(
    raw: str, read: str, truth: str, tally: tuple[int, int, int]
) -> None:
    query = _item_read(raw, "Title", ("Smith",), 2012).model_copy(update={"doi": read})
    score = bench_pdf_corpus.Score()
    bench_pdf_corpus._tally_doi(score, bench_pdf_corpus.Truth("Title", "smith", 2012, truth), query)
    assert (score.dois, score.dois_right, score.dois_wrong) == tally
