"""The line model of reference lists (bench/line_model.py, which the reader does not call: the
benches compare it with the page rules): what it reads of each line, and how it splits a small page."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
from bibnorm.readers._reflist import Item, Layout, ReferenceList, split_paragraphs


def _bench_module(name: str):  # bench/ is no package: load one of its modules by path
    spec = importlib.util.spec_from_file_location(
        name, Path(__file__).resolve().parents[1] / "bench" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


line_model = _bench_module("line_model")
item_starts = line_model.item_starts
line_features = line_model.line_features
list_span = line_model.list_span
marked_lines = line_model.marked_lines
saved_line_model = line_model.saved_line_model
voted_split = line_model.voted_split


class Line(NamedTuple):
    page: int
    column: int
    left: float
    size: float
    text: str
    indent: float
    bottom: float
    italics: tuple[tuple[int, int], ...] = ()


def _page(
    rows: list[tuple[float, str]], gap_before: set[int] = frozenset(), size: float = 10.0
) -> list[Line]:  # type: ignore[assignment]
    """Lines of one column, 12 points apart (18 before the rows in ``gap_before``), each row its
    indent in points and its text."""
    lines = []
    bottom = 700.0
    for at, (indent, text) in enumerate(rows):
        bottom -= 18.0 if at in gap_before else 12.0
        lines.append(Line(1, 0, 72.0 + indent, size, text, indent, bottom))
    return lines


HANGING = _page(
    [
        (0, "Abbas, A. and Swoboda, P. (2021). Combinatorial optimization for panoptic"),
        (15, "segmentation: a fully differentiable approach. In NeurIPS, pages 1–12."),
        (0, "Agarwal, K., Chen, Z., and Luo, C. (2026). MonarchRT: efficient attention for"),
        (15, "real-time video generation. arXiv preprint."),
        (0, "Ahuja, K., Caballero, E., Zhang, D., Gagnon-Audet, J., Bengio, Y., and"),
        (15, "Mitliagkas, I. (2023). Debiasing model updates for improving personalized"),
        (15, "federated training. In ICML, pages 21–35."),
        (0, "Alon, U., Xu, F. F., and He, J. (2022). Neuro-symbolic language modeling."),
        (15, "In ICML."),
    ]
)


@pytest.mark.parametrize(
    ("at", "present", "absent"),
    [
        pytest.param(
            0, {"flush", "family_first", "year", "first", "column_top"}, {"at_hang"}, id="first-line"
        ),
        pytest.param(
            1, {"at_hang", "ends_period", "starts_lower", "-1:family_first"}, {"flush"}, id="continued"
        ),
        pytest.param(
            2, {"flush", "family_first", "-1:ends_period", "+1:starts_lower"}, {"starts_lower"}, id="next"
        ),
        pytest.param(8, {"at_hang", "few_words", "last", "short"}, {"year"}, id="last-line"),
    ],
)
def test_features_read_the_layout_and_the_edges_of_each_line(
    at: int, present: set[str], absent: set[str]
) -> None:
    features = line_features(HANGING)[at]
    assert present <= features.keys()
    assert not absent & features.keys()


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        pytest.param("[12] A. Zhai, Scaling vision transformers", "number_label", id="bracketed"),
        pytest.param("12. Zhai X, Kolesnikov A. Scaling", "number_label", id="dotted"),
        pytest.param("(12) Zhai, X. Scaling", "number_label", id="parenthesised"),
        pytest.param("[Knu84] D. E. Knuth. The TeXbook", "text_label", id="alpha"),
        pytest.param("J.-B. Alayrac, J. Donahue", "initials_first", id="initials"),
        pytest.param("Xiaohua Zhai, Alexander Kolesnikov", "given_first", id="given-names"),
        pytest.param("——— (2019). Another paper", "dash_first", id="rule"),
        pytest.param("See https://doi.org/10.1000/xyz", "link", id="link"),
        pytest.param("7 References", "heading", id="heading"),
    ],
)
def test_features_see_how_a_reference_opens(text: str, feature: str) -> None:
    assert feature in line_features([Line(1, 0, 72.0, 10.0, text, 0.0, 600.0)])[0]


def test_a_wider_gap_above_a_line_than_the_lists_usual_spacing_is_a_feature_of_it() -> None:
    rows = [(0.0, f"{name}, J. 2001. A paper.") for name in ("Smith", "Jones", "Brown", "Green")]
    features = line_features(_page(rows, {3}))
    assert [("gap_wide" in row) for row in features] == [False, False, False, True]


def test_no_lines_have_no_features() -> None:
    assert line_features([]) == []


def test_the_saved_model_splits_a_hanging_indent_list_at_its_flush_lines() -> None:
    labels = saved_line_model().label(HANGING)
    assert item_starts(labels) == [0, 2, 4, 7]


def test_a_numbered_list_is_split_at_its_labels_and_a_blank_line_is_no_part_of_it() -> None:
    page = _page(
        [
            (0, "[1] A. Abbas and P. Swoboda. Combinatorial optimization for panoptic segmentation."),
            (15, "In NeurIPS, 2021."),
            (0, ""),
            (0, "[2] K. Agarwal, Z. Chen, and C. Luo. MonarchRT: efficient attention for real-time"),
            (15, "video generation, 2026."),
            (0, "[3] U. Alon and F. F. Xu. Neuro-symbolic language modeling. In ICML, 2022."),
        ]
    )
    labels = saved_line_model().label(page)
    assert labels[2] == "O"
    assert item_starts(labels) == [0, 3, 5]


@pytest.mark.parametrize(
    ("labels", "starts"),
    [
        pytest.param(["O", "B", "I", "B", "I"], [1, 3], id="heading-first"),
        pytest.param(["I", "I", "B"], [0, 2], id="list-opens-with-I"),
        pytest.param(["B", "I", "O", "O", "I", "B"], [0, 5], id="figure-inside-an-item"),
        pytest.param(["O", "O"], [], id="no-list"),
    ],
)
def test_items_start_at_each_B_and_at_the_lists_first_line(labels: list[str], starts: list[int]) -> None:
    assert item_starts(labels) == starts


def test_marked_lines_put_a_blank_line_before_each_reference_as_the_geometry_splitter_does() -> None:
    marked = marked_lines(HANGING)
    assert marked is not None
    assert [at for _, at in marked] == [1, 2, 0, 3, 4, 0, 5, 6, 7, 0, 8, 9]
    assert marked[1][0].startswith("    segmentation")


@pytest.mark.parametrize(
    ("labels", "span"),
    [
        pytest.param(["O", "O", "B", "I", "B", "B", "I", "O"], (2, 7), id="after-the-body-text"),
        pytest.param(["B", "I", *["O"] * 5, "I", "B", "B"], (0, 10), id="a-figure-inside"),
        pytest.param(["B", "B", "B", *["O"] * 13, "B", "B", "B", "B"], (16, 20), id="the-larger-of-two-runs"),
        pytest.param(["O", "B", "I", "B", "O"], None, id="two-items-are-no-list"),
        pytest.param(["O"] * 4, None, id="no-list"),
    ],
)
def test_the_list_is_the_run_of_reference_lines_with_the_most_items(
    labels: list[str], span: tuple[int, int] | None
) -> None:
    assert list_span(labels) == span


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("A" + "a" * 20_000 + " ", id="one-long-word"),
        pytest.param("J. " * 7_000, id="initials"),
        pytest.param("Smith Jones " * 2_000 + "!", id="names-without-comma"),
        pytest.param("[" + "x" * 20_000, id="open-bracket"),
        pytest.param("—" * 20_000, id="rules"),
        pytest.param("19" * 10_000, id="digits"),
    ],
)
def test_the_features_of_a_long_adversarial_line_take_no_time(text: str) -> None:
    import time

    started = time.process_time()
    line_features([Line(1, 0, 72.0, 10.0, text, 0.0, 600.0)])
    assert time.process_time() - started < 0.2


def test_the_models_split_wins_the_vote_where_the_reader_joined_references() -> None:
    joined = ReferenceList(
        Layout.HANGING,
        [
            Item(1, " ".join(line.text for line in HANGING[:4]), None),
            Item(5, " ".join(line.text for line in HANGING[4:]), None),
        ],
    )
    voted, line_of = voted_split(HANGING, joined, list(range(len(HANGING) + 1)))
    assert voted is not None
    assert [item.text[:8] for item in voted.items] == ["Abbas, A", "Agarwal,", "Ahuja, K", "Alon, U."]
    assert line_of == [0, 1, 2, 0, 3, 4, 0, 5, 6, 7, 0, 8, 9]


def test_the_models_split_into_fewer_items_never_wins() -> None:
    per_line = ReferenceList(
        Layout.ONE_PER_LINE, [Item(at, line.text, None) for at, line in enumerate(HANGING, 1)]
    )
    line_of = list(range(len(HANGING) + 1))
    assert voted_split(HANGING, per_line, line_of) == (per_line, line_of)


def test_the_readers_split_is_kept_where_the_models_reads_no_better() -> None:
    marked = marked_lines(HANGING)
    assert marked is not None
    readers = split_paragraphs("\n".join(text for text, _ in marked))  # as many references as the model's
    line_of = list(range(len(marked) + 1))
    voted = voted_split(HANGING, readers, line_of)
    assert voted[0] is readers and voted[1] is line_of
