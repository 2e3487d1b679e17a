"""Reference lists as people have them: unnumbered, over several lines, or inside a paper's PDF.

The inputs are real typeset bibliographies (fixtures/pdf/, made by fixtures/pdf/make.py):
the 159 verified dev-snapshot records that have authors, written WITHOUT any identifier,
typeset by bibtex (plain, abbrv, IEEEtran, apalike, plainnat, splncs04, unsrt) and biber
(biblatex-apa) in one and two columns, as the PDF and as the text pdftotext copies out of
it, with and without numbers. Expected titles are the records' own; nothing expected is
made by the code under test.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bibnorm.cli import main
from bibnorm.errors import InputError
from bibnorm.models import QueryKind
from bibnorm.readers import detect_format, read_inputs, read_inputs_noted
from bibnorm.readers._pdf_accents import recompose_accents
from bibnorm.readers._reflist import Layout
from bibnorm.readers.pdf import PdfLine, read_section, references_section
from bibnorm.readers.refs import (
    looks_like_reference,
    looks_like_reference_list,
    parse_reference,
    person_names,
    read_list,
)
from bibnorm.resolvers.snapshot import build_index
from bibnorm.text.titles import title_key
from click.testing import CliRunner
from fakes.hostile_pdf import CYCLIC_PAGE_TREE, blank_stream, nested_page_tree
from paths import DEV_SNAPSHOT, FIXTURES, GOLD, HF_PAGES_DIR
from pdf_lines import read_lines

PDFS = FIXTURES / "pdf"
LISTS = PDFS / "lists"
STYLES = ("plain", "abbrv", "IEEEtran", "apalike", "plainnat", "splncs04", "apa")
TYPESET_PDFS = (
    "plain-1col", "abbrv-2col", "ieeetran-2col", "apalike-1col", "plainnat-2col", "splncs04-llncs",
    "unsrt-appendix", "apa-biblatex",
)  # fmt: skip


def _records() -> dict[str, str]:
    rows = [
        json.loads(line) for line in DEV_SNAPSHOT.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    return {title_key(row["title"]): row["id"] for row in rows if row.get("authors")}


RECORDS = _records()


# --------------------------------------------------------------------------- one list, by its layout


@pytest.mark.parametrize(
    ("text", "layout", "titles"),
    [
        pytest.param(
            "Zhai, X., Kolesnikov, A., Houlsby, N., & Beyer, L. (2022). Scaling vision transformers. CVPR.\n"
            "LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature, 521, 436–444.\n"
            "He, K., Zhang, X., Ren, S., & Sun, J. (2016). Deep residual learning for image recognition.\n",
            "one per line",
            ["Scaling vision transformers", "Deep learning", "Deep residual learning for image recognition"],
            id="apa-one-per-line",
        ),
        pytest.param(
            "Xiaohua Zhai, Alexander Kolesnikov, Neil Houlsby, and Lucas Beyer. Scaling vision\n"
            "   transformers. In CVPR, 2022.\n"
            "Yann LeCun, Yoshua Bengio, and Geoffrey Hinton. Deep learning. Nature,\n"
            "   521:436–444, 2015.\n"
            "Kaiming He, Xiangyu Zhang, Shaoqing Ren, and Jian Sun. Deep residual learning\n"
            "   for image recognition. In CVPR, 2016.\n",
            "hanging indents",
            ["Scaling vision transformers", "Deep learning", "Deep residual learning for image recognition"],
            id="natbib-hanging-indents",
        ),
        pytest.param(
            "Xiaohua Zhai, Alexander Kolesnikov, Neil Houlsby, and Lucas Beyer. Scaling vision\n"
            "transformers. In CVPR, 2022.\n\n"
            "Yann LeCun, Yoshua Bengio, and Geoffrey Hinton. Deep learning. Nature,\n"
            "521:436–444, 2015.\n\n"
            "Kaiming He, Xiangyu Zhang, Shaoqing Ren, and Jian Sun. Deep residual learning\n"
            "for image recognition. In CVPR, 2016.\n",
            "blank-line separated",
            ["Scaling vision transformers", "Deep learning", "Deep residual learning for image recognition"],
            id="blank-line-separated",
        ),
        pytest.param(
            "Zhai, X., Kolesnikov, A., Houlsby, N., & Beyer, L. (2022). Scaling vision\n"
            "transformers. In CVPR.\n"
            "LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature,\n"
            "521, 436–444.\n"
            "He, K., Zhang, X., Ren, S., & Sun, J. (2016). Deep residual learning for\n"
            "image recognition. In CVPR.\n",
            "wrapped over several lines",
            ["Scaling vision transformers", "Deep learning", "Deep residual learning for image recognition"],
            id="apa-wrapped-flush",
        ),
        pytest.param(
            "[Zhai et al., 2022] Zhai, X., Kolesnikov, A., and Beyer, L. (2022). Scaling vision\n"
            "transformers. In CVPR.\n"
            "[LeCun et al., 2015] LeCun, Y., Bengio, Y., and Hinton, G. (2015). Deep learning.\n"
            "[He et al., 2016] He, K., Zhang, X., Ren, S., and Sun, J. (2016). Deep residual\n"
            "learning for image recognition.\n",
            "labelled",
            ["Scaling vision transformers", "Deep learning", "Deep residual learning for image recognition"],
            id="apalike-labels",
        ),
    ],
)  # fmt: skip
def test_an_unnumbered_list_is_read_in_the_layout_its_lines_show(
    text: str, layout: str, titles: list[str]
) -> None:
    assert looks_like_reference_list(text)
    assert detect_format(text) == "refs"
    references = read_list(text)
    assert references.layout.value == layout
    assert [q.title for q in read_inputs_text(text)] == titles


def test_a_wrapped_list_opens_a_reference_at_names_typed_without_their_initials_periods() -> None:
    """plainnat, no hanging indent (github:jbkinney/gaugefixer, pdf_dev13): a reference opens at
    names whose middle initials have no period ("Thomas A Hopf,", "Brian PH Metzger,"), at an
    initial and two names ("H. Tomas Rube,") and at two persons' lone initials ("J Shine and L
    Dalgarno."); a line a middle initial ends ("Thomas A.") ends no reference, and a journal's two
    words before its volume ("Genome Biology, 25(1)") open none."""
    text = (
        "Andre J. Faure and Ben Lehner. MoCHI: neural networks to fit interpretable models of\n"
        "deep mutational scanning data.\n"
        "Genome Biology, 25(1):303, 2024. doi: 10.1186/s13059-024-03444-y.\n"
        "Allan Haldane and Ronald M. Levy. Influence of alignment depth on Potts models.\n"
        "Physical Review E, 99(3):032405, 2019. doi: 10.1103/physreve.99.032405.\n"
        "Thomas A Hopf, John B Ingraham, and Debora S Marks. Mutation effects predicted from\n"
        "sequence co-variation. Nature Biotechnology, 35(2):128–135, 2017.\n"
        "Debora S. Marks, Lucy J. Colwell, Robert Sheridan, Thomas A.\n"
        "Hopf, Andrea Pagnani, and Chris Sander. Protein 3D Structure Computed from\n"
        "Evolutionary Sequence Variation. PLoS ONE, 6(12):e28766, 2011.\n"
        "Brian PH Metzger, Yeonwoo Park, and Joseph W Thornton. Epistasis facilitates functional\n"
        "evolution in an ancient transcription factor. eLife, 12, 2024.\n"
        "H. Tomas Rube, Chaitanya Rastogi, Siqian Feng, and Judith F.\n"
        "Kribelbauer. Prediction of protein-ligand binding affinity from sequencing data.\n"
        "Nature Biotechnology, 40(10):1520–1527, 2022.\n"
        "J Shine and L Dalgarno. Determinant of cistron specificity in bacterial ribosomes.\n"
        "Nature, 254(5495):34–38, 1975.\n"
    )
    assert read_list(text).layout.value == "wrapped over several lines"
    assert [q.title for q in read_inputs_text(text)] == [
        "MoCHI: neural networks to fit interpretable models of deep mutational scanning data",
        "Influence of alignment depth on Potts models",
        "Mutation effects predicted from sequence co-variation",
        "Protein 3D Structure Computed from Evolutionary Sequence Variation",
        "Epistasis facilitates functional evolution in an ancient transcription factor",
        "Prediction of protein-ligand binding affinity from sequencing data",
        "Determinant of cistron specificity in bacterial ribosomes",
    ]


def read_inputs_text(text: str) -> list:  # type: ignore[type-arg]
    from bibnorm.readers.refs import read_refs

    return read_refs(text, "refs.txt")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Zhai, X., & Beyer, L. (2022). Scaling vision transformers. CVPR.", True, id="apa"),
        pytest.param("A. Vaswani, N. Shazeer, “Attention is all you need,” in NeurIPS, 2017.", True,
                     id="ieee"),
        pytest.param("S. d'Ascoli and H. Touvron. ConViT: soft convolutional biases, 2021.", True,
                     id="elided"),
        pytest.param("M. v. Spengler and P. Mettes. Poincaré ResNet, 2023.", True, id="particle-initial"),
        pytest.param("Knuth, Donald E. (1984–1986a). Computers & Typesetting. Addison-Wesley.", True,
                     id="a-range-of-years"),
        # biblatex in French: its "et", its quotes, "In :"; "et al." with its period gone with the names'
        pytest.param("Andrea Baisero et Christopher Amato. « Unbiased Asymmetric Reinforcement Learning »."
                     " In : Proceedings of AAMAS (2022).", True, id="french-et"),
        pytest.param("Rishabh Agarwal et al. « Deep Reinforcement Learning at the Edge of the Statistical"
                     " Precipice ». In : Advances in Neural Information Processing Systems (2021).", True,
                     id="french-et-al"),
        pytest.param("Müller, Hans und Karl Schmidt (2019). Ein Titel über Bäume. Zeitschrift 3.", True,
                     id="german-und"),
        pytest.param("Attention Is All You Need", False, id="a-title"),
        pytest.param("[CVPR 2022] Scaling Vision Transformers", False, id="a-tagged-title"),
        pytest.param("Scaling Vision Transformers (CVPR'22)", False, id="a-title-with-venue-year"),
        pytest.param("Attention Is All You Need. NeurIPS 2017.", False, id="title-then-venue"),
        pytest.param(
            "We present a method that, in 2023, outperforms prior work. It scales to 1000 GPUs.", False,
            id="abstract-sentence",
        ),
    ],
)  # fmt: skip
def test_a_reference_has_an_author_list_a_year_and_a_title(text: str, expected: bool) -> None:
    assert looks_like_reference(text) is expected


# ------------------------------------------------------------------------ plain title lists stay title lists


def _title_lists() -> Iterator[object]:
    for page in sorted(HF_PAGES_DIR.glob("*.txt")):
        yield pytest.param(page.read_text(encoding="utf-8"), "hf-papers", id=f"hf-page-{page.stem[:3]}")
    yield pytest.param(
        (FIXTURES / "demo" / "hf-page.txt").read_text(encoding="utf-8"), "hf-papers", id="demo-page"
    )
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    titles = [row["title"] for row in gold]
    yield pytest.param("\n".join(titles) + "\n", "lines", id="dev-gold-titles")
    yield pytest.param(
        "\n".join(f"[CVPR {2015 + n % 10}] {t}" for n, t in enumerate(titles)) + "\n", "lines", id="tagged"
    )
    yield pytest.param(
        "\n".join(f"{t} (NeurIPS'{15 + n % 10})" for n, t in enumerate(titles)) + "\n", "lines", id="tailed"
    )
    yield pytest.param(
        "\n".join(f"{t}, {2015 + n % 10}" for n, t in enumerate(titles)) + "\n",
        "lines",
        id="title-comma-year",
    )
    mixed = [row["title"] if n % 3 else f"arXiv:{row['arxiv_id']}" for n, row in enumerate(gold)]
    yield pytest.param("\n".join(mixed) + "\n", "lines", id="titles-and-ids")


@pytest.mark.parametrize(("text", "expected"), list(_title_lists()))
def test_plain_title_lists_stay_title_lists(text: str, expected: str) -> None:
    assert not looks_like_reference_list(text)
    assert detect_format(text, "list.txt") == expected


def test_one_or_two_titles_stay_titles_in_every_form() -> None:
    """The short-list rule below never takes a title or two for references."""
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    forms = ("{t}", "[CVPR {y}] {t}", "{t} (NeurIPS'{yy})", "{t}, {y}", "1. {t}", "[1] {t} ({y})")
    lines = [
        form.format(t=row["title"], y=2015 + n % 10, yy=15 + n % 10)
        for n, row in enumerate(gold)
        for form in forms
    ]
    pairs = [f"{first}\n{second}" for first, second in itertools.pairwise(lines)]
    taken = [text for text in lines + pairs if looks_like_reference_list(text + "\n")]
    assert taken == []


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        pytest.param("Vaswani, A., & Shazeer, N. (2017). Attention is all you need. NeurIPS.\n",
                     ["Attention is all you need"], id="one-apa"),
        pytest.param("Vaswani, A., & Shazeer, N. (2017). Attention is all\n    you need. NeurIPS.\n",
                     ["Attention is all you need"], id="one-wrapped"),
        pytest.param("[1] A. Vaswani, N. Shazeer. Attention is all you need. In NeurIPS, 2017.\n"
                     "[2] K. He, X. Zhang. Deep residual learning for image recognition. CVPR 2016.\n",
                     ["Attention is all you need", "Deep residual learning for image recognition"],
                     id="two-numbered"),
        # one reference copied with its number, its names family first: the number is no name
        pytest.param("12. Smith J, Doe A. Deep learning for proteins. Nature. 2020;1:2.\n",
                     ["Deep learning for proteins"], id="one-vancouver-numbered"),
        pytest.param("12. Smith J. Deep learning for proteins. Nature. 2020;1:2.\n",
                     ["Deep learning for proteins"], id="one-vancouver-one-author-numbered"),
        pytest.param("(3) Smith, J. (2002). Deep learning for proteins. Nature, 3, 1–5.\n",
                     ["Deep learning for proteins"], id="one-apa-numbered"),
    ],
)  # fmt: skip
def test_one_or_two_pasted_references_are_a_reference_list(text: str, titles: list[str]) -> None:
    assert detect_format(text, "refs.txt") == "refs"
    assert [q.title for q in read_inputs_text(text)] == titles


@pytest.mark.parametrize(
    "text",
    [
        "[12] A. Vaswani and N. Shazeer. Attention is all you need. In NeurIPS, 2017.\n",
        "References\n[12] A. Vaswani and N. Shazeer. Attention is all\n    you need. In NeurIPS, 2017.\n",
    ],
)
def test_one_pasted_reference_keeps_its_number_apart_from_its_first_author(text: str) -> None:
    """No second line tells that the list is numbered: "[12]" is still the label."""
    (query,) = read_inputs_text(text)
    assert (query.title, query.authors[0]) == ("Attention is all you need", "A. Vaswani")


@pytest.mark.parametrize(
    "text",
    [
        "12. Smith J, Doe A. Deep learning for proteins. Nature. 2020;1:2.",
        "[12] Smith J, Doe A. Deep learning for proteins. Nature. 2020;1:2.",
        "(12) Smith J, Doe A. Deep learning for proteins. Nature. 2020;1:2.",
    ],
)
def test_one_reference_string_is_read_without_the_number_it_was_copied_with(text: str) -> None:
    """`parse_reference` alone, as an API's caller hands it one string: the number is no author."""
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == ("Deep learning for proteins", ("Smith J", "Doe A"))


# --------------------------------------------------------------------------- typeset bibliographies as text


@pytest.mark.parametrize("name", [f"{style}-one-per-line" for style in STYLES] + list(STYLES))
def test_a_copied_bibliography_is_detected_and_every_title_read(name: str) -> None:
    path = LISTS / f"{name}.txt"
    queries, notes = read_inputs_noted([path])
    assert [q.kind for q in queries] == [QueryKind.TITLE] * len(RECORDS)
    assert sorted(title_key(q.title or "") for q in queries) == sorted(RECORDS)
    assert all(q.author_names and q.year for q in queries)
    assert notes == [notes[0]] and f"read as a reference list: {len(RECORDS)} references" in notes[0]
    kind = "numbered" if name in ("plain", "abbrv", "IEEEtran", "splncs04") else "unnumbered"
    assert f", {kind}" in notes[0]


@pytest.mark.parametrize(
    ("name", "first_authors"),
    [
        pytest.param("plain", ("Awni Altabaa", "John Lafferty"), id="plain-full-names"),
        pytest.param("abbrv", ("A. Altabaa", "J. Lafferty"), id="abbrv-initials"),
        pytest.param("apa", ("Altabaa, A.", "Lafferty, J."), id="apa-inverted"),
        pytest.param("splncs04", ("Altabaa, A.", "Lafferty, J."), id="lncs-inverted"),
    ],
)
def test_each_person_is_read_as_one_name(name: str, first_authors: tuple[str, ...]) -> None:
    queries = read_inputs([LISTS / f"{name}-one-per-line.txt"])
    assert queries[0].authors == first_authors


# --------------------------------------------------------------------------- resolving them


@pytest.fixture(scope="module")
def snapshot_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    index = tmp_path_factory.mktemp("snapshot") / "dev.sqlite"
    build_index([DEV_SNAPSHOT], index)
    return index


def _resolved(path: Path, index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list, str]:  # type: ignore[type-arg]
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    report = tmp_path / "report.json"
    result = CliRunner().invoke(
        main,
        ["resolve", str(path), "--offline", "--snapshot", str(index), "-o", str(tmp_path / "out.bib"),
         "--report", str(report)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return json.loads(report.read_text(encoding="utf-8"))["items"], result.stderr


@pytest.mark.parametrize(
    "name", [f"lists/{style}-one-per-line.txt" for style in STYLES] + [f"{stem}.pdf" for stem in TYPESET_PDFS]
)
def test_every_reference_resolves_to_its_paper(
    name: str, snapshot_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = PDFS / name
    queries = read_inputs([path])
    items, stderr = _resolved(path, snapshot_index, tmp_path, monkeypatch)
    assert [item["status"] for item in items] == ["resolved"] * len(RECORDS)
    assert [item["arxiv_id"] for item in items] == [RECORDS[title_key(q.title or "")] for q in queries]
    assert stderr.count("read as a reference list") == 1


# --------------------------------------------------------------------------- PDFs


@pytest.mark.parametrize("stem", TYPESET_PDFS)
def test_a_papers_references_are_read_from_its_pdf(stem: str) -> None:
    queries, notes = read_inputs_noted([PDFS / f"{stem}.pdf"])
    assert sorted(title_key(q.title or "") for q in queries) == sorted(RECORDS)
    assert [q.origin.line for q in queries] == sorted(q.origin.line for q in queries)
    pages = [q.origin.page or 0 for q in queries]
    assert pages == sorted(pages) and pages[-1] > pages[0] >= 1  # over a page break
    assert notes[0].startswith(f"{PDFS / f'{stem}.pdf'}: the PDF's references section (pages ")


def test_ligatures_and_line_end_hyphens_come_out_as_words() -> None:
    titles = {q.title for q in read_inputs([PDFS / "abbrv-2col.pdf"])}
    # "ﬃ" set as one glyph, and "self-" / "supervised" broken over two lines in two columns
    assert "MobileNets: Efficient convolutional neural networks for mobile vision applications" in titles
    assert any("self-supervised" in (t or "") for t in titles)


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        # \url breaks a link after a slash or an underscore; its rest goes on whatever its case
        (["Paralelná SCSI zbernica. https://en.wikipedia.org/wiki/Parallel_", "SCSI."],
         "Paralelná SCSI zbernica. https://en.wikipedia.org/wiki/Parallel_SCSI."),
        (["Pcap file format. https://wiki.wireshark.org/Development/", "LibpcapFileFormat."],
         "Pcap file format. https://wiki.wireshark.org/Development/LibpcapFileFormat."),
        (["Title. https://example.org/page?id=", "42."], "Title. https://example.org/page?id=42."),
        # a word of prose after a link that ends whole is the next sentence, or a note
        (["USBPcap sniffer. https://desowin.org/usbpcap/", "Accessed 12 May 2020."],
         "USBPcap sniffer. https://desowin.org/usbpcap/ Accessed 12 May 2020."),
        (["Page. https://example.org/", "Online; visited 2020."],
         "Page. https://example.org/ Online; visited 2020."),
    ],
)  # fmt: skip
def test_a_link_a_line_break_cut_is_joined_unless_prose_goes_on(lines: list[str], joined: str) -> None:
    from bibnorm.readers._reflist import join_lines

    assert join_lines(lines) == joined


def test_a_pdf_is_known_by_its_first_bytes_without_a_pdf_suffix(tmp_path: Path) -> None:
    renamed = tmp_path / "paper.dat"
    renamed.write_bytes((PDFS / "plain-1col.pdf").read_bytes())
    assert len(read_inputs([renamed])) == len(RECORDS)


def test_the_appendix_after_the_references_is_not_read_as_references() -> None:
    queries = read_inputs([PDFS / "unsrt-appendix.pdf"])
    assert len(queries) == len(RECORDS)
    assert not any("Lemma" in q.raw for q in queries)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        pytest.param("scanned.pdf", "the PDF has no text layer (a scanned paper?)", id="scanned"),
        pytest.param("encrypted.pdf", "the PDF is encrypted (it asks for a password)", id="encrypted"),
        pytest.param("no-references.pdf", "no references section found", id="no-references"),
    ],
)
def test_a_pdf_that_cannot_be_read_is_refused_in_one_line(name: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_inputs([PDFS / name])
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_broken_pdf_is_refused_in_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "paper.pdf"
    broken.write_bytes(b"%PDF-1.5\n" + b"\x00garbage" * 50)
    result = CliRunner().invoke(main, ["resolve", str(broken), "--offline"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1].startswith(f"bibnorm: error: {broken}: not a readable PDF")


def _refused(pdf: bytes, folder: Path) -> str:
    """What ``resolve`` says of ``pdf`` on stderr (after the ``bibnorm: error: PATH: ``), which
    it must refuse with exit 1."""
    (folder / "paper.pdf").write_bytes(pdf)
    result = CliRunner().invoke(main, ["resolve", str(folder / "paper.pdf"), "--offline"])
    assert result.exit_code == 1, result.output
    return result.stderr.removeprefix(f"bibnorm: error: {folder / 'paper.pdf'}: ")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(nested_page_tree(50_000), id="page-tree-50000-deep"),
        pytest.param(CYCLIC_PAGE_TREE, id="cyclic-page-tree"),
    ],
)
def test_a_hostile_page_tree_is_one_line_not_a_traceback(tmp_path: Path, data: bytes) -> None:
    assert _refused(data, tmp_path) == (
        "PDFium cannot load page 1 (Failed to load page: a damaged page tree, or one nested too deep or"
        " in a cycle); nothing was read\n"
    )


@pytest.mark.parametrize("other_thread", [False, True], ids=["alone", "beside-another-thread"])
def test_a_content_stream_inflating_past_the_memory_budget_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, other_thread: bool
) -> None:
    """A PDF whose one stream inflates to 1 GB of blanks once cost 2.1 GB. Here the budget is scaled
    down to 32 MiB and the stream to 100 MB (100 KB compressed); the worker that reads the
    pages runs out, the run says so in one line. The bound holds while another thread runs
    too (a live progress display), where the worker cannot be forked from this process."""
    import threading

    from bibnorm.readers import pdf as pdf_reader

    monkeypatch.setattr(pdf_reader, "MEMORY_BUDGET", 32 << 20)
    pdf = blank_stream(100)
    release = threading.Event()
    beside = threading.Thread(target=release.wait, daemon=True)
    if other_thread:
        beside.start()
    try:
        refused = _refused(pdf, tmp_path)
    finally:
        release.set()
    assert refused == (
        "reading this PDF takes more than 32 MiB of memory (a content stream that inflates to gigabytes?);"
        " nothing was read\n"
    )


def test_reading_past_the_time_budget_is_one_line_and_the_next_pdf_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker that reads a PDF's pages is held to a time as well as to memory; here the time
    is scaled down to a millionth of a second, which no PDF is read in. The worker is killed, the
    run says so in one line, and the next PDF (the budget back) is read by another."""
    from bibnorm.readers import pdf as pdf_reader

    pdf = (PDFS / "ieeetran-2col.pdf").read_bytes()
    with monkeypatch.context() as scaled_down:
        scaled_down.setattr(pdf_reader, "TIME_BUDGET", 1e-6)
        assert _refused(pdf, tmp_path) == (
            "reading this PDF takes more than 1e-06 s (a damaged or hostile file?); nothing was read\n"
        )
    queries, _ = pdf_reader.read_pdf(pdf, "paper.pdf")
    assert len(queries) == len(RECORDS)


def test_resolve_a_pdf_writes_the_bib_of_its_bibliography(
    snapshot_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _resolved(PDFS / "ieeetran-2col.pdf", snapshot_index, tmp_path, monkeypatch)
    bib = (tmp_path / "out.bib").read_text(encoding="utf-8")
    assert bib.count("@") == len(RECORDS)


@pytest.mark.parametrize(
    ("authors", "names"),
    [
        pytest.param("Z. Li and Q. Gu", ("Z. Li", "Q. Gu"), id="ieee-two-letter-family-names"),
        pytest.param("X. Wang, K. He, and A. Gupta", ("X. Wang", "K. He", "A. Gupta"), id="ieee-he"),
        pytest.param(
            "Y.-C. Liu, C.-Y. Ma, and Z. Kira", ("Y.-C. Liu", "C.-Y. Ma", "Z. Kira"), id="hyphenated-initials"
        ),
        pytest.param("Li, Q., Gu, Z.", ("Li, Q.", "Gu, Z."), id="apa-two-letter-family-names"),
        pytest.param(
            "d’Aspremont, Claude, Jacques Crémer, and Louis-André Gérard-Varet",
            ("d’Aspremont, Claude", "Jacques Crémer", "Louis-André Gérard-Varet"), id="econ-first-inverted",
        ),
        pytest.param("Attwood, Feona", ("Attwood, Feona",), id="econ-one-author-inverted"),
        pytest.param(
            "Babiker, Mustafa H., John M. Reilly, and Henry D. Jacoby",
            ("Babiker, Mustafa H", "John M. Reilly", "Henry D. Jacoby"), id="econ-inverted-with-initial",
        ),
        pytest.param("Smith, Jones, and Brown", ("Smith", "Jones", "Brown"), id="family-names-only"),
        pytest.param(
            "Zhai, X., Kolesnikov, A., & Beyer, L.", ("Zhai, X.", "Kolesnikov, A.", "Beyer, L."), id="apa"
        ),
    ],
)  # fmt: skip
def test_each_person_of_an_author_list_is_one_name(authors: str, names: tuple[str, ...]) -> None:
    assert person_names(authors) == names


def _line(indent: float, text: str) -> PdfLine:
    return PdfLine(page=1, column=0, left=72 + indent, size=10.0, text=text, indent=indent)


def test_a_hanging_indent_list_is_split_where_its_geometry_starts_references() -> None:
    """econ-bst's layout (its sample document, texlive-doc): first lines flush, the rest indented
    by 10pt, and a reference whose authors repeat the previous one's set 38pt in, after a rule
    that is no text; a wrapped line is never a reference of its own, and the rule becomes the
    previous reference's authors."""
    lines = [
        _line(0, "d’Aspremont, Claude, Jacques Crémer, and Louis-André Gérard-Varet (2003) “Correlation, "
                 "Independence,"),
        _line(10, "and Bayesian Incentives,” Social Choice and Welfare, 21 (2), 281–310."),
        _line(38, "(2004) “Balanced Bayesian Mechanisms,” Journal of Economic Theory, 115 (2), 385–396,"),
        _line(11, "10.1016/j.jet.2003.07.001."),
        _line(0, "Attwood, Feona (2006) “Sexed Up: Theorizing the Sexualization of Culture,” Sexualities, "
                 "9 (1), 77–94."),
        _line(38, "ed. (2009) Mainstreaming Sex: the Sexualization of Western Culture: I. B. Tauris."),
    ]  # fmt: skip
    read = read_section(lines, "econ.pdf")
    assert read is not None
    queries = read[0]
    assert [q.title for q in queries[:3]] == [
        "Correlation, Independence, and Bayesian Incentives",
        "Balanced Bayesian Mechanisms",
        "Sexed Up: Theorizing the Sexualization of Culture",
    ]
    # A book's publisher after a colon is not told from a subtitle yet (": I. B. Tauris").
    assert (queries[3].title or "").startswith("Mainstreaming Sex: the Sexualization of Western Culture")
    assert [q.year for q in queries] == [2003, 2004, 2006, 2009]
    assert [q.authors[0] for q in queries] == ["d’Aspremont, Claude"] * 2 + ["Attwood, Feona"] * 2
    assert queries[1].doi == "10.1016/j.jet.2003.07.001"
    assert [q.origin.line for q in queries] == [1, 3, 5, 6]


def test_a_list_without_heading_is_found_by_its_labels_going_up_and_bare_numbers_are_labels() -> None:
    """REVTeX (fRG paper on GitHub, its PDF beside its .bbl): no References heading, bare numbers
    in smaller type as labels, label 1 alone on its line; a body list "1. … 2. …" before it
    and a wrapped line opening with a number are no labels."""
    body = [
        _line(0, "1. The first point of the discussion goes here and on."),
        _line(0, "2. The second point of the discussion goes here."),
        _line(0, "overestimate the d-wave channel by neglecting the frequency dependence."),
    ]
    references = [
        _line(4, "1"),
        _line(12, "J. Berges, N. Tetradis, and C. Wetterich, “Non-perturbative renormalization flow in"),
        _line(12, "quantum field theory and statistical physics,” Phys. Rep. 363, 223–386 (2002)."),
        *(
            line
            for number in range(2, 10)
            for line in (
                _line(4, f"{number} A. Author{number} and B. Other, “Flow equations {number},” Phys. Rev. B"),
                _line(12, f"{number + 60}, {number}45107 (2016)."),
            )
        ),
    ]  # fmt: skip
    lines = [*body, *references]
    section = references_section(lines)
    assert section is not None and (section.first, section.end, section.headed) == (3, len(lines), False)
    read = read_section(lines[section.first : section.end], "fRG.pdf", section.first)
    assert read is not None
    queries = read[0]
    assert [q.label for q in queries] == [str(n) for n in range(1, 10)]
    assert queries[0].title == (
        "Non-perturbative renormalization flow in quantum field theory and statistical physics"
    )
    assert [q.year for q in queries] == [2002] + [2016] * 8


def test_a_bare_label_alone_on_its_line_makes_the_list_numbered_in_both_columns() -> None:
    """REVTeX with bare numbers (the fRG paper on GitHub, its PDF beside its .bbl): label 1 alone on
    its line, the labels right-aligned in smaller type, so in the right column "8" and "9" stand
    further in than "10": only the labels, not the indents, tell where a reference starts — no
    two references are joined across the column."""

    def line(column: int, indent: float, size: float, text: str) -> PdfLine:
        return PdfLine(1, column, 58 + 263 * column + indent, size, text, indent)

    def reference(number: int) -> list[PdfLine]:
        column = int(number >= 8)
        label = 3.9 if number < 8 else 8.7 if number < 10 else 5.4
        return [
            line(
                column,
                label,
                6.0,
                f"{number} A. Author{number} and B. Other, “Flow equations {number},” Phys.",
            ),
            line(column, 12 + 5 * column, 9.0, f"Rev. B {number + 60}, {number}45107 (2016)."),
        ]

    lines = [
        line(0, 3.9, 6.0, "1"),
        line(0, 12, 9.0, "J. Berges, N. Tetradis, and C. Wetterich, “Non-perturbative renormalization flow"),
        line(0, 12, 9.0, "in quantum field theory and statistical physics,” Phys. Rep. 363, 223–386 (2002)."),
        *(line for number in range(2, 25) for line in reference(number)),
    ]  # fmt: skip
    queries = read_lines(lines)
    assert [q.label for q in queries] == [str(n) for n in range(1, 25)]
    assert [q.authors[0] for q in queries[7:10]] == ["A. Author8", "A. Author9", "A. Author10"]


def test_an_arxiv_category_opening_a_wrapped_line_is_no_label() -> None:
    """REVTeX in PRL style, two columns (EckerChristian/MCLambdaBHNS's .bib): an e-print's category
    wrapped onto a line of its own ("[astro-ph.HE].") goes on its reference."""
    text = "\n".join(
        [
            "[1] C. Ecker and L. Rezzolla, Impact of large-mass constraints on the properties of neutron",
            "    stars, Mon. Not. Roy. Astron. Soc. 519, 2615 (2022), arXiv:2209.08101",
            "    [astro-ph.HE].",
            "[2] M. C. Miller, F. K. Lamb, and Y. Soong, PSR J0030+0451 Mass and Radius from NICER Data,",
            "    Astrophys. J. Lett. 887, L24 (2019), arXiv:1912.05705 [astro-ph.HE].",
            "[3] M. Favata, Systematic Parameter Errors in Inspiraling Neutron Star Binaries, Phys. Rev.",
            "    Lett. 112, 101101 (2014), arXiv:1310.8288",
            "    [gr-qc].",
        ]
    )
    items = read_list(text).items
    assert [item.label for item in items] == ["1", "2", "3"]
    assert items[0].text.endswith("arXiv:2209.08101 [astro-ph.HE].")


def test_an_unnumbered_and_a_numbered_list_under_one_heading_are_both_read() -> None:
    """biblatex's numeric-hybrid example (texlive-doc): printed references author-year with
    hanging indents, then online ones numbered; each keeps its label."""
    lines = [
        _line(0, "Augustine, Robert L. (1995). Heterogeneous catalysis for the synthetic chemist."),
        _line(15, "New York: Marcel Dekker."),
        _line(0, "Bertram, Aaron and Richard Wentworth (1996). “Gromov invariants for holomorphic maps on"),
        _line(15, "Riemann surfaces.” In: J. Amer. Math. Soc. 9.2, pp. 529–571."),
        _line(0, "[1] CTAN (2006). CTAN. The Comprehensive TeX Archive Network. url: http://www.ctan.org."),
        _line(0, "[2] Markey, Nicolas (Oct. 16, 2005). Tame the BeaST. The B to X of BibTeX. Version 1.3."),
    ]
    read = read_section(lines, "hybrid.pdf")
    assert read is not None
    queries = read[0]
    assert [q.year for q in queries] == [1995, 1996, 2006, 2005]
    assert [q.label for q in queries] == [None, None, "1", "2"]
    assert queries[3].title == "Tame the BeaST"


def test_a_manuscripts_figure_captions_after_its_references_are_no_part_of_them() -> None:
    """An AMS manuscript (GitHub, beside its .bbl): captions and tables follow the references in
    the same type, with no heading between."""
    lines = [
        _line(0, "Introduction text of the paper that cites Bryan (2012)."),
        _line(0, "REFERENCES"),
        _line(0, "Bryan, G. H., 2012: Effects of surface exchange coefficients on the intensity of"),
        _line(10, "hurricanes. Mon. Wea. Rev., 140, 1125–1143."),
        _line(0, "Bryan, G. H., and R. Rotunno, 2009: The maximum intensity of tropical cyclones in"),
        _line(10, "axisymmetric numerical model simulations. Mon. Wea. Rev., 137, 1770–1789."),
        _line(0, "Fig. 1. The maximum 10-m wind speed (top panel; m s-1) and minimum sea level pressure."),
        _line(0, "Fig. 2. Left panels: Twenty-four-hour changes in squared Brunt-Väisälä frequency."),
    ]
    section = references_section(lines)
    assert section is not None and (section.first, section.end) == (2, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("T´el´eost´eens", "Téléostéens", id="acute"),
        pytest.param("Sip˝ocz", "Sipőcz", id="double-acute"),
        pytest.param("Mac´ıa", "Macía", id="acute-on-dotless-i"),
        pytest.param("Fran¸cois", "François", id="cedilla"),
        pytest.param("M¨uller", "Müller", id="umlaut"),
        pytest.param("don´t", "don´t", id="no-accented-letter-left-alone"),
    ],
)
def test_accents_set_apart_from_their_letter_are_joined_to_it(text: str, expected: str) -> None:
    assert recompose_accents(text) == expected


def _letters(text: str) -> str:
    return re.sub(r"\W", "", text).casefold()


def test_every_report_item_shows_what_was_read_from_the_pdf(
    snapshot_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ``read`` block: the title, authors, year and where on the page the reader found them,
    beside the resolved record (here checked against the snapshot records the PDF was typeset
    from: title, first author's family name as the record writes it, page and line)."""
    rows = {
        title_key(row["title"]): row
        for row in map(json.loads, DEV_SNAPSHOT.read_text(encoding="utf-8").splitlines())
        if row.get("authors")
    }
    path = PDFS / "ieeetran-2col.pdf"
    items, _ = _resolved(path, snapshot_index, tmp_path, monkeypatch)
    assert len(items) == len(RECORDS)
    for item in items:
        read = item["read"]
        row = rows[title_key(read["title"])]
        assert item["arxiv_id"] == row["id"]
        family = row["authors"].split(",")[0].split()[-1]
        assert _letters(read["authors"][0].split()[-1]) == _letters(family), read  # d’Ascoli as printed
        assert item["origin"] == f"{path}:{read['line']} (page {read['page']})"
        assert set(read) == {
            "title",
            "authors",
            "year",
            "venue",
            "doi",
            "arxiv_id",
            "entry_type",
            "volume",
            "pages",
            "page",
            "line",
            "confidence",
        }
        confidence = read["confidence"]  # the tagger's, per field it read
        assert confidence is not None and 0 < confidence["title"] <= 1


# --------------------------------------------------------------------------- a real paper


def test_a_real_review_draft_with_line_numbers_gives_its_cited_references() -> None:
    """JOSS's review draft of MultiVae (fixtures/pdf/README.md): margin line numbers, words
    hyphenated across them, a running foot; its own .bib holds what each reference must say."""
    from bibnorm.bib.bibfile import read_bibfile
    from bibnorm.text.names import parse_name

    entries = {
        title_key(e.get("title") or ""): e for e in read_bibfile(PDFS / "real" / "multivae-paper.bib").entries
    }
    queries, notes = read_inputs_noted([PDFS / "real" / "multivae-joss-draft.pdf"])
    assert len(queries) == 25
    assert "pages 4–5" in notes[0]
    for query in queries:
        entry = entries[title_key(query.title or "")]
        assert str(query.year) in (entry.get("year") or entry.get("date") or ""), query.title
        first = (entry.get("author") or "").split(" and ")[0]
        assert parse_name(query.authors[0]).family in first, (query.authors, first)


def test_a_t1_fonts_dashes_are_dashes() -> None:
    """A T1 (Cork) font without a Unicode map leaves its en and em dashes as the control
    characters of their slots (0x15, 0x16), as it leaves its ligatures: "1734\\x151752"."""
    text = "\n".join(
        [
            "[1] R. Abou-Chacra, P. W. Anderson, and D. J. Thouless, Journal of Physics C: Solid State",
            "    Physics 6, 1734\x151752 (1973).",
            "[2] S. Franz and G. Parisi, Recipes for metastable states\x16a sketch, Journal de Physique I 5,",
            "    1401\x151420 (1995).",
        ]
    )
    items = read_list(text).items
    assert items[0].text.endswith("Physics 6, 1734–1752 (1973).")
    assert items[1].text.endswith("states—a sketch, Journal de Physique I 5, 1401–1420 (1995).")


@pytest.mark.parametrize(
    ("text", "arxiv"),
    [
        pytest.param("D. Knuth. Title of it. Version 1. Aug. 17, 2010. arXiv: 1008 . 2849v1 [cs.DS].",
                     "1008.2849", id="biblatex-spaces-the-ids-dot"),
        pytest.param("Azulay A, Weiss Y. Why do deep networks generalize so poorly? arXiv. 2018 "
                     "May;(1805.12177).", "1805.12177", id="vancouver-the-id-in-parentheses-after-arxiv"),
        pytest.param("Velickovic, P. (2017). Graph attention networks, Technical Report 1710.10903, arXiv.",
                     "1710.10903", id="dcu-a-report-number-arxiv-names"),
        pytest.param("Wang H, Ma S, Dong L, Huang S, Wang H, Ma L, et al. BitNet: scaling 1-bit transformers "
                     "for large language models. arXiv. 2023;doi.org/10.48550/arXiv.2310.11453.",
                     "2310.11453", id="vancouver-arxivs-own-doi"),
        pytest.param("Smith, J. (2019). Title 1805.12177 of a work. Journal 3, 1–5.", None,
                     id="no-arxiv-named-no-id"),
        pytest.param("Smith, J. (2019). Title. arXiv, 1805.12177 and 1901.00001.", None,
                     id="two-bare-ids-no-telling-which"),
    ],
)  # fmt: skip
def test_a_reference_has_its_arxiv_id_whole_or_none(text: str, arxiv: str | None) -> None:
    parsed = parse_reference(text)
    assert parsed.arxiv == arxiv


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        # a Welsh thesis's .bib names typed with semicolons
        # (github:AlunHuwOwen/Dysgu_Peirianyddol, pdf_dev13)
        pytest.param(
            "David M. J. Tax; Ferdinand van der Heijden; Robert Duin; Dick de Ridder. Classification, "
            "parameter estimation and state estimation: An engineering approach using matlab. 2012.",
            "Classification, parameter estimation and state estimation: An engineering approach using matlab",
            ("David M. J. Tax", "Ferdinand van der Heijden", "Robert Duin", "Dick de Ridder"),
            id="given-names-first",
        ),
        pytest.param(
            "K.Dietz; M.Gail; K.Krickeberg; B.Singer. Logistic regression: a self-learning text. New "
            "York : Springer, 1994.",
            "Logistic regression: a self-learning text",
            ("K.Dietz", "M.Gail", "K.Krickeberg", "B.Singer"),
            id="initials-glued",
        ),
    ],
)
def test_names_a_semicolon_parts_are_the_authors_each_one_person(
    text: str, title: str, authors: tuple[str, ...]
) -> None:
    reference = parse_reference(text)
    assert (reference.title, reference.authors) == (title, authors)


def test_frontiers_labels_with_a_space_before_their_period_open_the_references() -> None:
    """Frontiers' Vancouver sets "1 .Name": each label opens a reference, and a wrapped page range's
    end ("883. Number: 4.") in such a list is no label (bench/pdf_dev16's mastergari manuscript)."""
    text = "\n".join(
        [
            "1 .Van Mullekom Group. Collimators for Nuclear Medicine [Corporate]; 2021. Available",
            "from: https://nuclearfields.com/collimators-nuclear-medicine.htm.",
            "2 .Islamian J, Azazrm A, Mahmoudian B, Gharapapagh E. Advances in Pinhole and",
            "Multi-Pinhole Collimators For Single Photon Emission Computed Tomography Imaging. World",
            "Journal of Nuclear Medicine. 2015 Jan;14(01):3–9.",
            "3 .Thielemans K, Tsoumpas C, Mustafovic S, Beisel T, Aguiar P, Dikaios N, et al. STIR:",
            "software for tomographic image reconstruction release 2. Physics in Medicine and Biology.",
            "2012 Feb;57(4):867–",
            "883. Number: 4. Available from: https://iopscience.iop.org/article/10.1088/0031-9155/57/4.",
            "4 .Falcon CM. Métodos iterativos de reconstrucción tomográfica en SPECT [Ph.D. Thesis].",
            "Universitat",
            "de Barcelona; 1999.",
        ]
    )
    references = read_list(text)
    assert references.layout is Layout.NUMBERED
    assert [item.text.split(".")[0] for item in references.items] == [
        "Van Mullekom Group",
        "Islamian J, Azazrm A, Mahmoudian B, Gharapapagh E",
        "Thielemans K, Tsoumpas C, Mustafovic S, Beisel T, Aguiar P, Dikaios N, et al",
        "Falcon CM",
    ]
