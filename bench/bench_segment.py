"""Which lines begin a reference: the page rules against the trained line model.

    python bench/bench_segment.py --data build/segment/data.jsonl
    python bench/bench_segment.py --real rules -- --manifest bench/pdf_unseen/manifest.csv --cache DIR
    python bench/bench_segment.py --real vote -- --manifest bench/pdf_unseen/manifest.csv --cache DIR

With ``--data`` (scripts/make_segment_data.py's documents: TeX Live ``.bst`` styles typeset whole,
every line's label exact), item-start precision, recall and F1 over each document's lines, per
split of the styles (training, validation, held out: the held-out figures are the ones to quote):
the rules (the reader's splitter on the section its rules find, recorded by the script), the
saved model (``bench/reference-lines.crfsuite``, or ``--model``) on the same
section's lines, the reader with the model where no hanging indent shows, and the rules with the
model finding the list among the whole document's lines where the rules find no section; then
the same per layout (one or two columns, numbered or not), and the held-out styles where the
rules and the last differ most. A list the rules' section finder misses counts its items as
missed by the first three.

With ``--real SEAMS``, bench/bench_pdf_corpus.py on real PDFs (its own arguments after ``--``)
with the PDF reader's seams set: ``rules``, the reader as it is (no model); ``vote``, the
model's split of a section taken where it finds as many items or more and reads clearly more
references (`voted_split`); ``model``, the model's split in place of the geometry's (competing
with the text's split as the geometry's does); ``fallback``, the model only where the geometry
shows no hanging indent; ``document``, the model finding the list among the whole document's
lines where the rules find no section (the list must still read mostly as references).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "scripts")]

import line_model  # noqa: E402  (a sibling module, not a package: the model the reader does not call)


def _script(path: Path):  # the scripts and benches are no package: load one by path
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[path.stem] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _numbered(row: dict[str, object]) -> bool:
    lines = row["lines"]
    labels = row["labels"]
    assert isinstance(lines, list) and isinstance(labels, list)
    firsts = [line[0] for line, label in zip(lines, labels, strict=True) if label == "B"]
    return (
        sum(
            bool(line_model._NUMBER_LABEL.match(text) or line_model._TEXT_LABEL.match(text))
            for text in firsts
        )
        > len(firsts) / 2
    )


_SPLITTERS = ("rules", "model", "fallback", "rules+document")


def bench_data(path: Path, model_path: Path | None) -> None:
    """Item-start precision, recall and F1 of each splitter on make_segment_data's documents:
    the rules (what the reader's splitter did, recorded by the script), the model on the rules'
    section, the reader with the model where the section shows no hanging indent (``fallback``),
    and the rules with the model finding the list where the rules find none (``rules+document``)."""
    from bibnorm.readers import pdf as pdf_reader

    training = _script(ROOT / "scripts" / "train_line_model.py")
    model = line_model.LineModel(str(model_path)) if model_path else line_model.saved_line_model()
    line_model.saved_line_model = lambda: model  # type: ignore[assignment]
    geometry = pdf_reader._by_geometry
    groups: dict[str, dict[str, list[object]]] = defaultdict(dict)

    def count(group: str, splitter: str, found: list[int], true: list[int], documents: int) -> None:
        counts, seen = groups[group].get(splitter, (training.Counts(), 0))
        groups[group][splitter] = [counts.add(found, true), seen + documents]

    def with_fallback(row: dict[str, list[list[object]]]) -> list[int]:
        """The reader's splitter with the model where the geometry shows no hanging indent."""
        section = [
            pdf_reader.PdfLine(page, column, left, size, text, indent, ((0, 1),) if italic else (), bottom)  # type: ignore[arg-type]
            for text, page, column, left, size, indent, bottom, italic in row["lines"]
        ]
        pdf_reader._by_geometry = lambda lines: geometry(lines) or line_model.marked_lines(lines)  # type: ignore[assignment]
        try:
            references, line_of = pdf_reader._read_section(section)
        finally:
            pdf_reader._by_geometry = geometry  # type: ignore[assignment]
        return sorted({line_of[item.line] - 1 for item in references.items} - {-1}) if references else []

    with path.open(encoding="utf-8") as rows:
        for text in rows:
            row = json.loads(text)
            true = training.true_starts(row, "document_labels")
            names = [row["split"]]
            if row["split"] == "heldout":
                columns = row["layout"]["columns"]
                names += [f"{columns} col, {'numbered' if _numbered(row) else 'unnumbered'}", row["style"]]
            # each splitter's starts, as indexes of the document's lines
            first = row["section"][0] if row["section"] else 0
            found = {"rules": [first + at for at in row["rules"]], "model": [], "fallback": []}
            if row["section"]:
                lines = training.row_lines(row)
                found["model"] = [first + at for at in line_model.item_starts(model.label(lines))]
                found["fallback"] = [first + at for at in with_fallback(row)]
                found["rules+document"] = found["rules"]
            else:  # the model's list among the whole document's lines
                labels = model.label(training.row_lines(row, "document_lines"))
                span = line_model.list_span(labels)
                starts = line_model.item_starts(labels)
                found["rules+document"] = [at for at in starts if span and span[0] <= at < span[1]]
            for name in names:
                for splitter in _SPLITTERS:
                    count(name, splitter, found[splitter], true, 1)
    print(
        f"{'':<28}{'documents':>10}{'items':>7}   "
        + "".join(f"{name + ' P/R/F1':<22}" for name in _SPLITTERS)
    )

    def line(name: str) -> None:
        found = groups[name]
        documents, true = found["rules"][1], found["rules"][0].true  # type: ignore[attr-defined]
        print(
            f"{name:<28}{documents:>10}{true:>7}   " + "".join(f"{_prf(found[s][0]):<22}" for s in _SPLITTERS)
        )

    for split in ("train", "validation", "heldout"):
        if split in groups:
            line(split)
    print("\nheld-out styles by layout")
    for name in sorted(name for name in groups if " col, " in name):
        line(name)
    print("\nheld-out styles where the rules and the model differ most (F1)")
    styles = [name for name in groups if name.startswith("bst:")]
    for name in sorted(
        styles, key=lambda name: -abs(groups[name]["rules"][0].f1() - groups[name]["rules+document"][0].f1())
    )[:12]:  # type: ignore[attr-defined]
        line(name)


def _prf(counts: object) -> str:
    right, found, true = counts.right, counts.found, counts.true  # type: ignore[attr-defined]
    precision = right / found if found else 1.0
    recall = right / true if true else 1.0
    return f"{precision:.3f}/{recall:.3f}/{counts.f1():.3f}"  # type: ignore[attr-defined]


_REAL = ("rules", "vote", "model", "fallback", "document")


def bench_real(seams: str, corpus_arguments: list[str], model_path: Path | None) -> None:
    """bench_pdf_corpus with the PDF reader's seams set as ``seams`` says (see the module docstring)."""
    from bibnorm.readers import pdf as pdf_reader

    if model_path is not None:
        model = line_model.LineModel(str(model_path))
        line_model.saved_line_model = lambda: model  # type: ignore[assignment]
    geometry = pdf_reader._by_geometry
    finder = pdf_reader.references_section
    if seams == "vote":
        reader_split = pdf_reader._read_section
        pdf_reader._read_section = lambda lines: line_model.voted_split(lines, *reader_split(lines))  # type: ignore[assignment]
    if seams == "model":
        pdf_reader._by_geometry = line_model.marked_lines  # type: ignore[assignment]
    elif seams == "fallback":
        pdf_reader._by_geometry = lambda lines: geometry(lines) or line_model.marked_lines(lines)  # type: ignore[assignment]
    elif seams == "document":

        def found_by_model(lines: list[pdf_reader.PdfLine]) -> pdf_reader.Section | None:
            span = line_model.list_span(line_model.saved_line_model().label(lines))
            return pdf_reader.Section(*span, headed=False) if span else None

        pdf_reader.references_section = lambda lines: finder(lines) or found_by_model(lines)  # type: ignore[assignment]
    corpus = _script(ROOT / "bench" / "bench_pdf_corpus.py")
    sys.argv = ["bench_pdf_corpus.py", *corpus_arguments]
    corpus.main()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, help="scripts/make_segment_data.py's JSON-lines file")
    parser.add_argument("--model", type=Path, help="a model file other than the saved one")
    parser.add_argument("--real", choices=_REAL, help="bench_pdf_corpus with these seams (see above)")
    parser.add_argument("corpus", nargs="*", help="bench_pdf_corpus's own arguments (after --)")
    arguments = parser.parse_args()
    if arguments.data is None and arguments.real is None:
        parser.error("give --data FILE or --real SPLITTER")
    if arguments.data is not None:
        if not arguments.data.is_file():
            print(f"bench_segment: no such file: {arguments.data}", file=sys.stderr)
            return 1
        bench_data(arguments.data, arguments.model)
    if arguments.real is not None:
        bench_real(arguments.real, arguments.corpus, arguments.model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
