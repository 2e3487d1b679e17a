"""Real lists' items teach the learned title choice (`scripts/train_title_arbiter.py --real`,
docs/tagger.md "The title: a learned choice"): each is judged as the PDF bench judges an item's
title, against the title its document's `.bib` gives, not against a generator's labels."""

from __future__ import annotations

from types import ModuleType

import pytest
from bibnorm.readers.refs import parse_reference
from bibnorm.readers.tagger import packaged_tagger
from repo_scripts import script

# Read right by the rules and by the model alike (springer's LNCS layout)
VASWANI = (
    "Vaswani, A., Shazeer, N., Parmar, N.: Attention is all you need. In: Advances in Neural "
    "Information Processing Systems, pp. 5998–6008 (2017)"
)


@pytest.fixture(scope="module")
def trainer() -> ModuleType:
    return script("train_title_arbiter")


@pytest.mark.parametrize(
    ("read", "truth", "right"),
    [
        pytest.param("Attention is all you need", "Attention Is All You Need", True, id="its-own-case"),
        pytest.param("Attention is all you need.", "{Attention} is all you need", True, id="braces-a-period"),
        pytest.param(
            "Attention is all you need. In: Advances in Neural Information Processing Systems",
            "Attention Is All You Need",
            False,
            id="run-on-into-the-venue",
        ),
        pytest.param("Attention", "Attention Is All You Need", False, id="cut-short"),
        pytest.param(None, "Attention Is All You Need", False, id="none-where-a-title-was-printed"),
        pytest.param(None, None, True, id="none-where-none-was-printed"),
        pytest.param("Phys. Rev. Lett.", None, False, id="a-title-where-none-was-printed"),
    ],
)
def test_a_real_items_title_is_right_as_the_pdf_bench_judges_it(
    trainer: ModuleType, read: str | None, truth: str | None, right: bool
) -> None:
    assert trainer._printed(read, truth) is right


class _InProcessBench:
    """What `examples_of` asks of `bench/bench_tagger_heldout.py`, the rules read in this process."""

    def __init__(self, bench: ModuleType) -> None:
        self._bench = bench

    def __getattr__(self, name: str):
        return getattr(self._bench, name)

    class RuleReader:
        def __init__(self, cache: object) -> None:
            pass

        def read(self, text: str):
            return parse_reference(text)

        def close(self) -> None:
            pass


def _real_row(title: str) -> dict:
    truth = {"title": title, "family": "vaswani", "year": 2017}
    return {
        "style": "pdf:pdf_dev5:some-thesis",
        "split": "validation",
        "record": "vaswani2017",
        "text": VASWANI,
        "truth": {**truth, "container": None, "doi": None},
        "real": {**truth, "titled": True},
    }


def test_a_real_lists_items_right_choices_come_from_its_documents_truth(trainer: ModuleType) -> None:
    bench = _InProcessBench(trainer._bench())
    field = trainer.FIELDS["title"]
    rows = [_real_row("Attention Is All You Need"), _real_row("Attention Is All You Need, Really")]
    rows[1]["text"] = VASWANI.replace("2017", "2018")  # another item: `validation_rows` keeps a text once
    both, neither = trainer.examples_of(rows, field, packaged_tagger(), bench, None)
    assert both.right == frozenset({"rules", "model"})
    assert both.style == "pdf:pdf_dev5:some-thesis" and not both.unprinted
    # the .bib's title is not what either reading holds: nothing is right, and the row teaches nothing
    assert neither.right == frozenset()


class _Document:
    id = "some-thesis"

    def __init__(self, folder) -> None:
        self.folder = folder

    def locals(self, which: str) -> list:
        return [self.folder / f"{which}.file"]

    def local(self, which: str):
        return self.locals(which)[0]


class _Query:
    def __init__(self, raw: str) -> None:
        self.raw = raw


class _Truth:
    def __init__(self, title: str, titled: bool = True) -> None:
        self.title, self.titled, self.key = title, titled, title.casefold()
        self.family, self.year = "author", 2020


def _pdf_bench(read: object, owners: dict[int, list], mapped: list) -> ModuleType:
    """The PDF bench's truth and judge as `document_rows` asks for them: ``read`` is the reading
    (items or a refusal's message), ``owners`` and ``mapped`` the bench's pairing of items and
    references (`pairing`)."""
    bench = ModuleType("bench_pdf_corpus")
    bench.InputError = ValueError
    bench.built_without_fonts = lambda document: []
    bench.truths = lambda document: [row for row, _ in mapped]
    bench.printed = lambda document, known: known
    bench._read_within = lambda path, timeout: read
    bench.pairing = lambda rows, queries: ([], [], (owners, mapped, []))
    return bench


def test_only_an_item_that_holds_one_reference_alone_is_a_line(tmp_path) -> None:
    maker = script("make_list_arbiter_data")
    for which in ("pdf", "truth"):
        (tmp_path / f"{which}.file").write_text("")
    alone, first, second = _Truth("A title alone"), _Truth("Two works"), _Truth("In one item")
    untitled = _Truth("Untitled in print", titled=False)
    texts = ("Author, A. A title alone. 2020.", "Two works; in one item.", "X 12, 3.")
    queries = [_Query(text) for text in texts]
    owners = {0: [alone], 1: [first, second], 2: [untitled]}
    mapped = [(alone, 0), (first, 1), (second, 1), (untitled, 2)]
    lines = maker.document_rows(_pdf_bench(queries, owners, mapped), "pdf_dev5", _Document(tmp_path), 60.0)
    assert [(line["text"], line["real"]["title"]) for line in lines] == [
        ("Author, A. A title alone. 2020.", "A title alone"),
        ("X 12, 3.", None),  # its style prints no title: none is the right reading
    ]
    assert {line["style"] for line in lines} == {"pdf:pdf_dev5:some-thesis"}
    assert all(line["split"] == "validation" for line in lines)


def test_a_document_the_reader_refuses_gives_no_line(tmp_path) -> None:
    maker = script("make_list_arbiter_data")
    for which in ("pdf", "truth"):
        (tmp_path / f"{which}.file").write_text("")
    bench = _pdf_bench("refused: no references section found", {}, [])
    assert maker.document_rows(bench, "pdf_dev5", _Document(tmp_path), 60.0) == []
    assert maker.document_rows(bench, "pdf_dev5", _Document(tmp_path / "absent"), 60.0) == []


def test_a_real_lists_item_teaches_the_title_alone(trainer: ModuleType) -> None:
    bench = _InProcessBench(trainer._bench())
    for name in ("venue", "year", "authors"):
        assert (
            trainer.examples_of(
                [_real_row("Attention Is All You Need")], trainer.FIELDS[name], packaged_tagger(), bench, None
            )
            == []
        )
