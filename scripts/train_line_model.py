"""Train the reference-list line model (``bench/line_model.py``) on make_segment_data's
documents: the training styles' sections the rules found and their whole documents, the
regularisation chosen by item-boundary F1 on the validation styles (the mean of the two); the
held-out styles are not read here (bench/bench_segment.py reports them).

    python scripts/make_segment_data.py --texmf /usr/share/texlive/texmf-dist \\
        --out build/segment/data.jsonl --cache build/segment/cache
    python scripts/train_line_model.py --data build/segment/data.jsonl

Writes ``bench/reference-lines.crfsuite`` (or ``--model``) and prints the validation
figures of every setting tried.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from line_model import MODEL, LineModel, item_starts, line_features  # noqa: E402  (bench/, not a package)

SETTINGS = ((0.05, 0.01), (0.05, 0.1), (0.2, 0.01), (0.5, 0.1))  # (c1, c2) tried
ITERATIONS = 150


class Line(NamedTuple):
    """A line of make_segment_data's rows, as the model reads it."""

    text: str
    page: int
    column: int
    left: float
    size: float
    indent: float
    bottom: float
    italics: tuple[tuple[int, int], ...]


def row_lines(row: dict[str, object], key: str = "lines") -> list[Line]:
    """A row's section lines (``key`` "lines") or whole document's ("document_lines")."""
    lines = row[key]
    assert isinstance(lines, list)
    return [
        Line(text, page, column, left, size, indent, bottom, ((0, 1),) if italic else ())
        for text, page, column, left, size, indent, bottom, italic in lines
    ]


def read_rows(path: Path, split: str) -> list[dict[str, object]]:
    """The documents of ``split``."""
    with path.open(encoding="utf-8") as rows:
        return [row for text in rows if (row := json.loads(text))["split"] == split]


class Counts(NamedTuple):
    """Item starts found right, found, and true: precision, recall and F1 of the boundaries."""

    right: int = 0
    found: int = 0
    true: int = 0

    def add(self, found: Sequence[int], true: Sequence[int]) -> Counts:
        return Counts(
            self.right + len(set(found) & set(true)), self.found + len(set(found)), self.true + len(set(true))
        )

    def f1(self) -> float:
        return 2 * self.right / (self.found + self.true) if self.found + self.true else 1.0


def true_starts(row: dict[str, object], key: str = "labels") -> list[int]:
    labels = row[key]
    assert isinstance(labels, list)
    return [at for at, label in enumerate(labels) if label == "B"]


def evaluate(model: LineModel, rows: Sequence[dict[str, object]]) -> tuple[Counts, Counts]:
    """Item starts on the sections the rules found, and on whole documents."""
    sections = documents = Counts()
    for row in rows:
        if row["lines"]:
            sections = sections.add(item_starts(model.label(row_lines(row))), true_starts(row))
        found = item_starts(model.label(row_lines(row, "document_lines")))
        documents = documents.add(found, true_starts(row, "document_labels"))
    return sections, documents


def sequences(rows: Sequence[dict[str, object]]) -> Iterator[tuple[list[Line], list[str]]]:
    """What the model learns from: each section the rules found, and each whole document (a
    reader that finds no section may ask the model where the list is)."""
    for row in rows:
        for lines_key, labels_key in (("lines", "labels"), ("document_lines", "document_labels")):
            labels = row[labels_key]
            assert isinstance(labels, list)
            if labels:
                yield row_lines(row, lines_key), labels


def train(rows: Sequence[dict[str, object]], c1: float, c2: float, path: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for lines, labels in sequences(rows):
        kept = [at for at, line in enumerate(lines) if line.text.strip()]
        trainer.append(line_features([lines[at] for at in kept]), [labels[at] for at in kept])
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": ITERATIONS, "feature.possible_transitions": True}
    )
    trainer.train(str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="make_segment_data's JSON-lines file")
    parser.add_argument(
        "--model", type=Path, default=MODEL, help=f"where to write the model (default {MODEL})"
    )
    arguments = parser.parse_args(argv)
    if not arguments.data.is_file():
        print(f"train_line_model: no such file: {arguments.data}", file=sys.stderr)
        return 1
    training = read_rows(arguments.data, "train")
    validation = read_rows(arguments.data, "validation")
    if not training or not validation:
        print("train_line_model: the data holds no training or no validation documents", file=sys.stderr)
        return 1
    best: tuple[float, float, float] | None = None
    with tempfile.TemporaryDirectory() as folder:
        for c1, c2 in SETTINGS:
            path = Path(folder) / f"{c1}-{c2}.crfsuite"
            train(training, c1, c2, path)
            sections, documents = evaluate(LineModel(str(path)), validation)
            print(
                f"c1={c1} c2={c2}: validation item-start F1 {sections.f1():.4f} in the rules' sections,"
                f" {documents.f1():.4f} in whole documents",
                file=sys.stderr,
            )
            score = (sections.f1() + documents.f1()) / 2
            if best is None or score > best[0]:
                best = (score, c1, c2)
        assert best is not None
        _, c1, c2 = best
        partial = arguments.model.with_suffix(".partial")
        train(training, c1, c2, partial)
        partial.replace(arguments.model)
    print(
        f"{len(training)} training, {len(validation)} validation documents; c1={c1} c2={c2}"
        f" -> {arguments.model}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
