"""A page's furniture: its number and the lines repeated at the top or bottom of several pages.
A running head whose page number PDFium gives as a line of its own, its italics marked (the
list's last page read again for its fonts), is the same head ("REFERENCES 2" … "REFERENCES",
"7"); a wrapped reference's last line that opens columns on two pages ("133, 1943.") is none
(`_list_edges.page_furniture`). Lines as PDFium gives them
for a two-column article set with BibTeX's plain style and a fancyhdr head."""

from __future__ import annotations

from bibnorm.readers._list_edges import page_furniture
from bibnorm.readers._pdf_typography import ITALIC_END, ITALIC_START
from bibnorm.readers.pdf import PdfLine, read_pdf
from fakes.hostile_pdf import pdf


def _page(number: int, *texts: str) -> list[PdfLine]:
    return [PdfLine(number, 0, 57.0, 9.96, text) for text in texts]


def test_a_head_with_its_number_apart_is_the_same_head() -> None:
    pages = [
        _page(1, "1 INTRODUCTION 1", "1 Introduction", "A list set in plain.", "[1] A. Name. Title."),
        _page(2, "REFERENCES 2", "[13] Yoshua Bengio. A neural model.", "Journal, 2003.", "[14] B. Name."),
        _page(3, "REFERENCES 3", "[39] J-A Fernández. A title.", "Journal, 2004.", "[40] C. Name."),
        _page(4, f"{ITALIC_START}REFERENCES{ITALIC_END}", "4", "[146] Hui Ye. Voice morphing.", "2004."),
    ]
    heads = page_furniture(pages)
    assert {(2, 0), (3, 0), (4, 0), (4, 1)} <= heads
    assert (4, 2) not in heads


def test_pages_and_a_year_opening_two_columns_are_no_head() -> None:
    pages = [
        _page(1, "REFERENCES 1", "465, 1990.", "[21] Harry Braverman. Labor and monopoly capital.", "1974."),
        _page(2, "REFERENCES 2", "133, 1943.", "[45] Marc Mézard. Constraint satisfaction.", "2009."),
    ]
    heads = page_furniture(pages)
    assert (1, 1) not in heads and (2, 1) not in heads
    assert {(1, 0), (2, 0)} <= heads


def test_two_references_alike_but_for_their_years_atop_one_page_are_no_running_head() -> None:
    """econ-jet's sample (texlive-doc): "Jones, R. W., Kenen, P. B., eds. , 1984. …" and "…, 1985. …"
    open page 2; a running head is a line repeated on several pages, a page number one alone."""
    jones = "Jones, R. W., Kenen, P. B., eds. , {}. Handbook of International Economics. {}, Amsterdam."
    head = "Journal of Examples"
    pages = [
        _page(1, "References", "Imbens, G., 2019. Title. Journal.", head, "1"),
        _page(2, jones.format(1984, 1), jones.format(1985, 2), "Krugman, P. R., 1991a. Title.", head),
    ]
    assert page_furniture(pages) == {(1, 2), (1, 3), (2, 3)}


def _page_at(lines: list[tuple[int, int, bytes]]) -> bytes:
    """A one-page PDF (US letter) of Helvetica lines, each at its (x, y) in points."""
    stream = b"".join(b"BT /F1 9 Tf %d %d Td (%s) Tj ET\n" % line for line in lines)
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ]
    )


def test_crop_marks_and_a_drafts_slug_beyond_the_page_are_no_text_of_it() -> None:
    """An Oxford University Press draft (an astrobiology paper): crop marks at each corner and a
    slug ("manuscript" — its date — "page 13") set beyond the page's media box, where no reader
    sees them; PDFium gives them as lines all the same (five stray items were read)."""
    data = _page_at(
        [
            (-35, 770, b"+"),
            (181, 805, b"manuscript - 2020/3/30 - 18:12 - page 13 - #13"),
            (620, 770, b"+"),
            (72, 720, b"References"),
            (72, 708, b"Adamic L., 2000, Zipf, Power-laws, and Pareto - a ranking tutorial. web"),
            (72, 696, b"Annis J., 1999, Journal of the British Interplanetary Society, 52, 19"),
            (72, 684, b"Armstrong S., Sandberg A., 2013, Acta Astronautica, 89, 1"),
            (-35, -5, b"+"),
            (620, -5, b"+"),
        ]
    )
    queries, _ = read_pdf(data, "draft.pdf")
    assert [query.year for query in queries] == [2000, 1999, 2013]
    assert not any("+" in query.raw or "manuscript" in query.raw for query in queries)


def test_heads_printed_once_each_are_heads_by_their_page_numbers_and_place() -> None:
    """An AAS letter (a hot Jupiter's dayside): its verso head "2 Kreidberg et al." and recto head
    "Molecular Dissociation … 3" are each printed once, so no repetition shows them; both stand
    at the top of their page on one baseline, in one type, each with its page's number. Section
    headings atop two pages ("3 Method", "7 References") carry numbers that are not their pages'."""

    def top(page: int, text: str, bottom: float = 740.0) -> PdfLine:
        return PdfLine(page, 0, 55.0, 9.96, text, bottom=bottom)

    pages = [
        [top(1, "Draft version April 4, 2019", 733.0), top(1, "Evidence for Molecular Dissociation", 676.0)],
        [top(2, "2 Kreidberg et al."), top(2, "precisely determine the morphology.", 716.0)],
        [top(3, "Molecular Dissociation in Ultra-Hot Jupiter WASP-33b 3"), top(3, "0.4 0.5 0.6", 643.0)],
        [top(4, "3 Method"), top(4, "We fit the light curve.", 716.0)],
        [top(5, "7 References"), top(5, "Arcangeli, J. 2018, ArXiv e-prints.", 716.0)],
    ]
    heads = page_furniture(pages)
    assert {(2, 0), (3, 0)} <= heads
    assert not {(4, 0), (5, 0), (1, 0), (1, 1)} & heads


def test_a_reference_ending_with_its_citing_page_below_the_pages_number_is_no_head() -> None:
    """A dissertation's list with back-references (the pages each work is cited on): two pages'
    second lines end "… (2015). 2" and "… 1967. 7" on one baseline, five pages apart — as far
    from the PDF's page count as a numbered head would be — but each page prints its own number
    ("131", "136") alone above them: a page prints its number once, so neither is a head."""

    def line(page: int, text: str, bottom: float) -> PdfLine:
        return PdfLine(page, 0, 72.0, 12.0, text, bottom=bottom)

    pages = [
        [
            line(145, "131", 740.0),
            line(145, "leading to emission of radiation. Appl. Phys. (2015). 2", 716.0),
        ],
        [line(150, "136", 740.0), line(150, "Plenum, New York, 1967. 7", 716.0)],
    ]
    pages = [[] for _ in range(144)] + [pages[0], [], [], [], []] + [pages[1]]
    assert page_furniture(pages) == {(145, 0), (150, 0)}


def test_a_references_wrapped_lines_opening_two_pages_alike_are_no_head() -> None:
    """plainnat in two columns of small type (the bench's ``built-plainnat-flush-spaced-2col-math-prl``,
    pages 6 and 10): two references' last lines open the pages alike but for their numbers
    ("PhysRevLett.100.024102. URL https://link.aps.org/doi/", "10.1103/PhysRevLett.100.024102."),
    each a line's step from the next in the list's type, so they go on with the text; a head
    repeated above the text, further from it, is one."""

    def line(page: int, text: str, bottom: float, size: float = 8.97) -> PdfLine:
        return PdfLine(page, 0, 51.4, size, text, bottom=bottom)

    def page(number: int, doi: str, head: str) -> list[PdfLine]:
        return [
            line(number, head, 750.0, 9.96),
            line(number, f"PhysRevLett.100.{doi}. URL https://link.aps.org/doi/", 725.3),
            line(number, f"10.1103/PhysRevLett.100.{doi}.", 714.9),
            line(number, "Q. Bronchart, Y. Le Bouar, and A. Finel. New coarse-", 700.4),
            line(number, "grained derivation of a phase field model for precipitation.", 690.0),
            line(number, str(number), 26.8, 9.96),
        ]

    pages = [[] for _ in range(5)] + [page(6, "024102", "Running head")]
    pages += [[] for _ in range(3)] + [page(10, "016804", "Running head")]
    assert page_furniture(pages) == {(6, 0), (6, 5), (10, 0), (10, 5)}


def _at(page: int, text: str, bottom: float) -> PdfLine:
    return PdfLine(page, 0, 72.0, 11.96, text, bottom=bottom)


def test_a_contents_pages_last_entry_does_not_make_the_lists_heading_a_running_head() -> None:
    """A German bachelor's thesis (apacite, every line in one type): its contents page ends with
    "Literaturverzeichnis" at the page's foot (its page number a line apart); page 38 opens with the
    running head "EXPLIZITE KOMPLEXE REGELERKENNUNG 38" and the chapter's heading "Literaturverzeichnis"
    below it. The heading's words stand at a page's edge twice, but at two heights: it is the list's
    heading (the thesis was refused, no heading found), where the running head, at one height on each
    page, is furniture."""
    head = "EXPLIZITE KOMPLEXE REGELERKENNUNG {}"
    pages = [
        [
            _at(1, head.format(""), 799.1),
            _at(1, "Inhaltsverzeichnis", 757.9),
            _at(1, "Literaturverzeichnis", 126.1),
        ],
        [
            _at(2, head.format(37), 799.1),
            _at(2, "nen integriert werden können.", 757.9),
            _at(2, "Verständnis.", 187.5),
        ],
        [
            _at(3, head.format(38), 799.1),
            _at(3, "Literaturverzeichnis", 757.9),
            _at(3, "Bendixen, A., Prinz, W. & Schröger, E. (2008). Rapid extraction.", 733.0),
            _at(3, "Bishop, S. R. (2004). Mindfulness. Clinical psychology, 11 (3), 230–241.", 690.0),
        ],
    ]
    heads = page_furniture(pages)
    assert (3, 1) not in heads
    assert {(1, 0), (2, 0), (3, 0)} <= heads


def test_a_running_head_naming_the_list_at_one_height_on_its_pages_is_furniture() -> None:
    """A book's bibliography chapter: "Bibliography" heads its pages at one height (the running
    head); each is furniture, as before."""
    pages = [
        [_at(page, "Bibliography", 770.0), _at(page, f"[{page}] A. Name. A title. Journal, 2001.", 700.0)]
        for page in (1, 2, 3)
    ]
    assert {(1, 0), (2, 0), (3, 0)} <= page_furniture(pages)


def test_a_running_head_of_two_lines_is_furniture() -> None:
    """A Spanish thesis's head (ESAN's template): its long title wrapped on two lines of small type
    above every page of the list, the second line a line's step below the first — each goes on
    with the other, neither with the text."""

    def page(number: int, reference: str) -> list[PdfLine]:
        return [
            PdfLine(number, 0, 72.0, 8.97, "Predicción del estado de financiamiento de proyectos",
                    bottom=800.6),
            PdfLine(number, 0, 72.0, 8.97, "de Aprendizaje Automático BIBLIOGRAFÍA", bottom=791.4),
            PdfLine(number, 0, 72.0, 11.96, reference, bottom=752.5),
            PdfLine(number, 0, 108.0, 11.96, "Journal of Finance, 28(2), 309-322.", bottom=733.8),
            PdfLine(number, 0, 300.0, 11.96, str(number + 1), bottom=40.0),
        ]  # fmt: skip

    pages = [page(1, "Chen, S.-Y. (2015). Will Your Project Get the Green Light?"),
             page(2, "Li, Y. (2016). Project Success Prediction in Crowdfunding."),
             page(3, "Lichtig, B. (2015). Crowdfunding Success: The Short Story.")]  # fmt: skip
    assert page_furniture(pages) == {(n, at) for n in (1, 2, 3) for at in (0, 1, 4)}
