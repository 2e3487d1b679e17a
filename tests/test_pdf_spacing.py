"""References set flush, without labels or hanging indents, told apart by the space between them
(a word processor's space after a paragraph, natbib's ``\\bibsep`` without an indent): the space
above a line, not its text, says whether it opens a reference."""

from __future__ import annotations

import pytest
from bibnorm.readers._pdf_sections import title_entry
from bibnorm.readers._pdf_spacing import settled_starts, spaced_starts
from bibnorm.readers.pdf import PdfLine
from bibnorm.readers.refs import looks_like_reference
from pdf_lines import read_lines

LEADING, GAP = 12.0, 6.0  # points: 10-point type on a 12-point baseline step, 6 points between references

# Real references (the works' own titles, volumes and pages), wrapped as a 30-em measure wraps
# them; a venue that opens like a name ("Neural Computation, 9(8), …") starts a line of its own.
FLUSH_LIST = [
    ["Bengio, Y., Courville, A., and Vincent, P. (2013). Representation learning: A review and new",
     "perspectives. IEEE Transactions on Pattern Analysis and Machine Intelligence, 35(8),",
     "1798–1828."],
    ["Hochreiter, S. and Schmidhuber, J. (1997). Long short-term memory.",
     "Neural Computation, 9(8), 1735–1780."],
    ["Kingma, D. P. and Ba, J. (2015). Adam: A method for stochastic optimization. In International",
     "Conference on Learning Representations."],
    ["LeCun, Y., Bengio, Y., and Hinton, G. (2015). Deep learning.",
     "Nature, 521(7553), 436–444."],
    ["Rumelhart, D. E., Hinton, G. E., and Williams, R. J. (1986). Learning representations by",
     "back-propagating errors.",
     "Nature, 323(6088), 533–536."],
]  # fmt: skip
FIRST_AUTHORS = ["Bengio", "Hochreiter", "Kingma", "LeCun", "Rumelhart"]


def _set(
    references: list[list[str]], gap: float = GAP, page_break_before: int | None = None
) -> list[PdfLine]:
    """The references' lines set flush from the top of page 1 (each reference ``gap`` points below
    the one before), page 2 going on from the reference ``page_break_before``."""
    lines: list[PdfLine] = []
    page, baseline = 1, 700.0
    for at, reference in enumerate(references):
        if at == page_break_before:
            page, baseline = 2, 700.0 + LEADING + gap
        baseline -= gap if at else 0.0
        for text in reference:
            baseline -= LEADING
            lines.append(PdfLine(page, 0, 72.0, 10.0, text, bottom=baseline))
    return lines


def test_a_flush_list_is_split_where_the_space_between_references_is() -> None:
    """Read as text, "Neural Computation, 9(8), 1735–1780." after a line that ends a sentence opens
    like a reference by "Neural Computation"; no space stands above it, so it ends Hochreiter's."""
    queries = read_lines(_set(FLUSH_LIST))
    assert [query.raw.split(",")[0] for query in queries] == FIRST_AUTHORS
    assert queries[1].raw.endswith("Neural Computation, 9(8), 1735–1780.")
    assert queries[4].raw.endswith("Nature, 323(6088), 533–536.")


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            _set(FLUSH_LIST),
            [None, False, False, True, False, True, False, True, False, True, False, False],
            id="gaps-between-references",
        ),
        pytest.param(
            _set(FLUSH_LIST, page_break_before=3),
            [None, False, False, True, False, True, False, None, False, True, False, False],
            id="a-page-break-tells-nothing",
        ),
        pytest.param(_set(FLUSH_LIST, gap=0.0), None, id="no-gaps-no-split"),
        pytest.param(_set(FLUSH_LIST[:2]), None, id="too-few-steps-to-tell"),
    ],
)
def test_which_lines_the_space_above_opens(lines: list[PdfLine], expected: list[bool | None] | None) -> None:
    assert spaced_starts(lines) == expected


def test_a_reference_at_the_top_of_a_page_opens_by_its_text() -> None:
    """Where a page breaks the list, no space says whether its first line opens a reference: one
    that opens with names after a line that ended a sentence does."""
    queries = read_lines(_set(FLUSH_LIST, page_break_before=3))
    assert [query.raw.split(",")[0] for query in queries] == FIRST_AUTHORS


def test_steps_of_no_pattern_split_nothing() -> None:
    """A page whose lines the typesetter stretched unevenly shows no gaps between references."""
    lines = _set(FLUSH_LIST, gap=0.0)
    stretched = [line._replace(bottom=line.bottom - 0.8 * (at % 3)) for at, line in enumerate(lines)]
    assert spaced_starts(stretched) is None


def test_a_line_pdfium_joined_at_a_hyphen_is_measured_from_its_last_baseline() -> None:
    """PDFium gives a line hyphenated at its end and the next as one: the step to the line after
    them is from the second's baseline, not from the first's (two lines' room, no gap)."""
    lines = _set(FLUSH_LIST)
    first, second = lines[0], lines[1]
    joined = first._replace(text=f"{first.text} {second.text}", end_bottom=second.bottom)
    starts = spaced_starts([joined, *lines[2:]])
    assert starts == [None, False, True, False, True, False, True, False, True, False, False]


# A page's last reference and the next page's first lines, as PDFium gives them: plainnat set
# flush with \bibhang 0pt, pages 1–2 and 5–6 of bench/pdf_corpus's built-plainnat-flush-spaced-hufford
# (github:HuffordLab/Crop_Adaptation_Gene_Flow's bib_gj.bib). The step into a page tells nothing.
_PAGE_ENDS_WITH_A_REFERENCE = [
    "Steven L Broich and Reid G Palmer. Evolutionary studies of the soybean: the frequency and distribution"
    " of",
    "alleles among collections of glycine max and g. soja of various origin. Euphytica, 30(1):55–64, 1981.",
    "Terence A Brown, Martin K Jones, Wayne Powell, and Robin G Allaby. The complex origins of domesticated",
    "crops in the fertile crescent. Trends in Ecology & Evolution, 24(2):103–109, 2009.",
]
_PAGE_BREAKS_A_REFERENCE = [
    "Dolores R Piperno and Kent V Flannery. The earliest archaeological maize (zea mays l.) from highland",
    "mexico: new accelerator mass spectrometry dates and their implications. Proceedings of the National"
    " Academy",
    "of Sciences, 98(4):2101–2103, 2001.",
    "Dolores R Piperno, Anthony J Ranere, Irene Holst, and Patricia Hansell. Starch grains reveal early root"
    " crop",
    "horticulture in the panamanian tropical forest. Nature, 407(6806):894–897, 2000.",
]


# An abnTeX2 thesis's page (github:felipefonsecabh/DocPFC) ending with a library's page of the web,
# its place and publisher not known ("[S.l.: s.n.]", no colon after the names), the next page
# opening with a paper.
_PAGE_ENDS_WITH_AN_UNKNOWN_PUBLISHER = [
    "STOFFREGEN, Paul. OneWire Library. [S.l.: s.n.], 2017. Disponível em:",
    "<https://www.pjrc.com/teensy/td_libs_OneWire.html>.",
    "VALENZUELA, V. E. L. et al. Reusable hardware and software model for remote",
    "supervision of industrial Automation Systems using web technologies. In: 2013 IEEE",
    "18th Conference on Emerging Technologies Factory Automation (ETFA). [S.l.: s.n.], set.",
    "2013. p. 1–8.",
]
# The next page of another (github:rafaeldelucena/tcc) opening with a book whose place is not known
# ("[S.l.]: Elsevier": the colon before its publisher is none after the names either).
_PAGE_OPENS_WITH_AN_UNKNOWN_PLACE = [
    "WATTEYNE, T. et al. Openwsn: a standards-based low-power wireless",
    "development environment. Transactions on Emerging Telecommunications Technologies, v. 23, n. 5,",
    "p. 480–493, 2012. Disponível em: <http://dx.doi.org/10.1002/ett.2558>.",
    "YICK BISWANATH MUKHERJEE, D. G. J. Wireless sensor network",
    "survey. [S.l.]: Elsevier, 2008.",
]


@pytest.mark.parametrize(
    ("texts", "starts", "expected"),
    [
        pytest.param(
            _PAGE_ENDS_WITH_AN_UNKNOWN_PUBLISHER,
            [None, False, None, False, False, False],
            [True, False, True, False, False, False],
            id="abnt-s-unknown-place-and-publisher-before-the-page-s-end",
        ),
        pytest.param(
            _PAGE_OPENS_WITH_AN_UNKNOWN_PLACE,
            [None, False, False, None, False],
            [True, False, False, True, False],
            id="abnt-s-unknown-place-before-the-publisher-after-the-page-s-start",
        ),
        pytest.param(
            _PAGE_ENDS_WITH_A_REFERENCE,
            [None, False, None, False],
            [True, False, True, False],
            id="a-page-opens-with-a-reference",
        ),
        pytest.param(
            _PAGE_BREAKS_A_REFERENCE,
            [None, None, False, True, False],
            [True, False, False, True, False],
            id="a-page-opens-with-a-references-wrapped-line",
        ),
    ],
)
def test_where_the_space_tells_nothing_the_text_on_either_side_does(
    texts: list[str], starts: list[bool | None], expected: list[bool]
) -> None:
    assert settled_starts(starts, texts, looks_like_reference) == expected


def test_references_of_many_lines_are_split_by_their_few_gaps() -> None:
    """A collaboration's paper names hundreds of authors: its reference runs over many lines, and
    the gaps between references are fewer than a sixth of the steps — thirty of them, all other
    steps at the line spacing, are the list's pattern, no chance."""
    long = [
        [f"A. Author{at}, B. Author{at}, C. Author{at}, D. Author{at}, E. Author{at}," for at in range(7)]
    ]
    references = [*(long[0] + [f"Title {n}. Phys. Rev. Lett., 100:0{n}, 2008."] for n in range(32))]
    lines = _set(references)
    starts = spaced_starts(lines)
    assert starts is not None
    assert [at for at, opens in enumerate(starts) if opens] == list(range(8, 8 * 32, 8))


def test_a_few_pieces_of_lines_standing_far_in_make_no_hanging_indent() -> None:
    """PDFium gives a formula's raised glyph apart from its line ("… the phase change material
    GeSb₂" / "Te₄. Phys. Rev. Lett., …" standing 4.4 ems in; "… antiferromagnet AgNiO₂" / ". Phys.
    Rev. Lett., …" 6.7 ems; "[260] Bh reaction …" 22.5 ems): lines indented each its own way are no
    hanging indent making each flush line a reference; the space between references splits the list."""
    lines = _set(FLUSH_LIST)
    pieces = {1: 44.0, 4: 67.0, 6: 225.0}  # points in, at 10 pt: 4.4, 6.7 and 22.5 ems
    lines = [
        line._replace(left=line.left + pieces[at], indent=pieces[at]) if at in pieces else line
        for at, line in enumerate(lines)
    ]
    assert [query.raw.split(",")[0] for query in read_lines(lines)] == FIRST_AUTHORS


def test_two_raised_numbers_inside_lines_make_no_labelled_list() -> None:
    """PDFium gives a title's raised mass numbers in brackets at the start of a piece ("… via the
    209Bi(52Cr, n)" / "[260] Bh reaction. Phys. Rev. Lett., …"): two such are no run of labels
    that would split the list; the space between references does."""
    references = [list(reference) for reference in FLUSH_LIST]
    references[1][1] = "[260] Bh reaction. Neural Computation, 9(8), 1735–1780."
    references[3][1] = "[50] Nature, 521(7553), 436–444."
    assert [query.raw.split(",")[0] for query in read_lines(_set(references))] == FIRST_AUTHORS


# Where a page breaks a list whose first lines the rules cannot read as references ("Colless, M. et
# al. (2001)." of an astronomer's dissertation, nityamd/Dissertation pages 104–105; a thesis's web
# pages without authors, Smiche/thesis pages 32–33): the kinds of lines the list's gaps open say it.
# Each reference as PDFium gives its lines, whether the space above each opens a reference (None:
# a page's first line).
_ASTRONOMY = [
    ("Calzetti, D., Kennicutt, R. C., Engelbracht, C. W., Leitherer, C., Draine, B. T., Kewley, L.,", True),
    ("Moustakas, J., Sosey, M., Dale, D. A., Gordon, K. D., & others (2007). The calibration of", False),
    ("mid-infrared star formation rate indicators. The Astrophysical Journal, 666(2), 870.", False),
    ("Chabrier, G. (2003). Galactic Stellar and Substellar Initial Mass Function. Publications of", True),
    ("the Astronomical Society of the Pacific, 115, 763–795.", False),
    ("Chen, Y.-M., Kauffmann, G., Tremonti, C. A., White, S., Heckman, T. M., Kovač, K.,", True),
    ("Bundy, K., Chisholm, J., Maraston, C., Schneider, D. P., Bolton, A. S., Weaver, B. A., &", False),
    ("Brinkmann, J. (2012). Evolution of the most massive galaxies to z= 0.6 - I. A new method", False),
    ("for physical parameter estimation. Monthly Notices of the Royal Astronomical Society, 421,", False),
    ("314–332.", False),
    ("Clerke, A. M. (2010). A Popular History of Astronomy During the Nineteenth Century.", True),
    ("Coelho, P., Barbuy, B., Meléndez, J., Schiavon, R. P., & Castilho, B. V. (2005). A library of", True),
    ("high resolution synthetic stellar spectra from 300 nm to 1.8 μm with solar and α-enhanced", False),
    ("composition. Astronomy & Astrophysics, 443, 735–746.", False),
    ("Colless, M. et al. (2001). The 2dF Galaxy Redshift Survey: spectra and redshifts. Monthly", True),
    ("Notices of the Royal Astronomical Society, 328, 1039–1063.", False),
    ("Conroy, C. (2013). Modeling the panchromatic spectral energy distributions of galaxies.", None),
    ("arXiv preprint arXiv:1301.7095.", False),
    ("Cooper, M. C., Newman, J. A., Madgwick, D. S., Gerke, B. F., Yan, R., & Davis, M.", True),
    ("(2005). Measuring galaxy environments with deep redshift surveys. The Astrophysical", False),
    ("Journal, 634(2), 833.", False),
]
_WEB_PAGES = [
    ("2017.", False),
    ("Microsoft hololens device specifications. 2018. WWW-document https://", True),
    ("www.abcomrents.com/wp-content/uploads/2018/01/HoloLensSpecSheet.pdf.", False),
    ("[accessed 2018-09-1].", False),
    ("Buy microsoft hololens. 2018. WWW-document https://www.microsoft.com/en-gb/", True),
    ("hololens/buy. [accessed 2018-09-30].", False),
    ("Buy htc vive pro. 2018. WWW-document https://www.vive.com/eu/product/vive-pro/.", True),
    ("[accessed 2018-09-30].", False),
    ("Htc vive pro vs occulus rift. 2018. WWW-document https://", True),
    ("www.windowscentral.com/htc-vive-pro-vs-oculus-rift. [accessed 2018-10-29].", False),
    ("Vrgluv. 2018. WWW-document https://vrgluv.com/. [accessed 2018-11-20].", True),
    ("Hi5 vr glove business edition. 2018. WWW-document https://hi5vrglove.com/store/", True),
    ("hi5glove. [accessed 2018-11-20].", False),
    ("Michael Lewis & Jeffrey Jacobson. Game engines in scientific research.", True),
    ("Communications of the ACM Vol. 42. pages 1–5. 2002.", False),
    ("Mary Jo Dondlinger. Educational video game design: A review of the literature.", True),
    ("2007.", False),
    ("Unreal engine levels. 2019. WWW-document https://docs.unrealengine.com/en-us/", True),
    ("Engine/Levels. [accessed 2019-04-01].", False),
    ("Unreal engine documentation. 2019. WWW-document https://", True),
    ("docs.unrealengine.com/en-us/Programming/UnrealArchitecture/Actors. [accessed", False),
    ("2019-04-03].", False),
    ("Unreal engine documentation introduction to blueprints. 2019. WWW-document", True),
    ("https://docs.unrealengine.com/en-us/Engine/Blueprints/GettingStarted. [accessed", False),
    ("2019-04-04].", False),
    ("Unreal engine nativizing blueprints. 2019. WWW-document https://", True),
    ("docs.unrealengine.com/en-US/Engine/Blueprints/TechnicalGuide/", False),
    ("NativizingBlueprints. [accessed 2019-04-04].", False),
    ("Unreal engine player start. 2019. WWW-document https://docs.unrealengine.com/", None),
    ("en-US/Engine/Actors/PlayerStart. [accessed 2019-05-20].", False),
    ("Unreal engine light sources. 2019. WWW-document https://docs.unrealengine.com/", True),
    ("en-us/Engine/Rendering/LightingAndShadows/LightTypes. [accessed 2019-05-21].", False),
]
# The same list had the page broken before "Communications of the ACM …": a line of the kind that
# opens the list's references, but no year before it in Lewis and Jacobson's.
_WEB_PAGES_BROKEN_IN_A_REFERENCE = [
    (text, None if at == 14 else opens) for at, (text, opens) in enumerate(_WEB_PAGES)
]


@pytest.mark.parametrize(
    ("lines", "page_first", "opens"),
    [
        pytest.param(_ASTRONOMY, "Conroy, C. (2013).", True, id="names-after-a-references-end"),
        pytest.param(_WEB_PAGES, "Unreal engine player start.", True, id="a-web-page-after-another"),
        pytest.param(_WEB_PAGES_BROKEN_IN_A_REFERENCE, "Communications of the ACM", False,
                     id="a-journal-after-a-title-without-its-year"),
    ],
)  # fmt: skip
def test_a_pages_first_line_opens_a_reference_where_lines_of_its_kind_do(
    lines: list[tuple[str, bool | None]], page_first: str, opens: bool
) -> None:
    texts = [text for text, _ in lines]
    decided = settled_starts([opens for _, opens in lines], texts, looks_like_reference)
    at = next(at for at, text in enumerate(texts) if text.startswith(page_first))
    assert decided[at] is opens
    assert decided[:at] == [at == 0 or bool(opens) for at, (_, opens) in enumerate(lines[:at])]


# ABNT's list as the ITA's template sets it (github:Ghust1995/tg): flush, a space between the
# references; the web pages with no author under their titles' first words in capitals.
ABNT_TITLE_ENTRIES = [
    ["BENCHMARKS: The computer language benchmarks game. 2017. Disponível em:",
     "<http://benchmarksgame.alioth.debian.org/>."],
    ["EMSCRIPTEN: Opengl support in emscripten. 2015. Disponível em:",
     "<https://kripken.github.io/emscripten-site/docs/porting/multimedia>."],
    ["JOGO: The binding of isaac. 2011. Disponível em:",
     "<https://en.wikipedia.org/wiki/The_Binding_of_Isaac>."],
    ["JOGO: Superhot. 2016. Disponível em: <https://en.wikipedia.org/wiki/Superhot>."],
    ["MCGUIRE, M.; JENKINS, O. C. Creating games: mechanics, content, and",
     "technology. 3rd. ed. Wellesley, Mass: AK Peters, Ltd, 2009. 33–34 p."],
    ["NASDAQ: Investing in video games industry. 2016. Disponível em:",
     "<http://www.nasdaq.com/article/investing-in-video-games-cm634585/>."],
    ["PNACL: Google native client. 2011. Disponível em:",
     "<https://developer.chrome.com/native-client>."],
    ["ZAKAI, A. Emscripten: an llvm-to-javascript compiler. OOPSLA ’11 Proceedings of",
     "the ACM international conference companion on Object oriented",
     "programming systems languages and applications companion, p. 301–312, out.",
     "2011."],
]  # fmt: skip


def test_abnt_entries_under_their_titles_are_split_by_the_space_between_them() -> None:
    """Entries with no author, "JOGO: Superhot. 2016. Disponível em: <…>.", read as references
    (ABNT's entry under its title): the space splits the list, not its text's wrapped reading."""
    queries = read_lines(_set(ABNT_TITLE_ENTRIES))
    assert [query.raw.split(" ")[0] for query in queries] == [
        "BENCHMARKS:", "EMSCRIPTEN:", "JOGO:", "JOGO:", "MCGUIRE,", "NASDAQ:", "PNACL:", "ZAKAI,"
    ]  # fmt: skip
    assert queries[3].raw == "JOGO: Superhot. 2016. Disponível em: <https://en.wikipedia.org/wiki/Superhot>."


@pytest.mark.parametrize(
    ("item", "entry"),
    [
        pytest.param("JOGO: Superhot. 2016. Disponível em: <https://en.wikipedia.org/wiki/Superhot>.", True,
                     id="its-title-s-first-word-in-capitals"),
        pytest.param("NASDAQ: Investing in video games industry. 2016. Available at: <http://www.nasdaq.com/>.",
                     True, id="in-english"),
        pytest.param("DICIONÁRIO online de português. 2019. Acesso em: 3 mar. 2020.", True,
                     id="the-title-going-on-in-lower-case"),
        pytest.param("NOTE: the figures of 2016. Available at the authors' page.", False,
                     id="a-sentence-not-abnt-s-note"),
        pytest.param("Jogo: Superhot. 2016. Disponível em: <https://en.wikipedia.org/wiki/Superhot>.", False,
                     id="not-in-capitals"),
        pytest.param("A: Superhot. 2016. Disponível em: <https://en.wikipedia.org/wiki/Superhot>.", False,
                     id="one-letter"),
    ],
)  # fmt: skip
def test_an_abnt_entry_under_its_title(item: str, entry: bool) -> None:
    assert title_entry(item) is entry
