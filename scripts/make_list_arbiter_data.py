"""Real lists' items for the reader's learned title choice: what authors' PDFs print, not only
what the generator typesets.

    python scripts/make_list_arbiter_data.py --out build/tagger/lists.jsonl \\
        --set bench/pdf_corpus/manifest.csv=/work/pdfcache/pdf_corpus --set bench/pdf_dev5/manifest.csv=…

Each document of each PDF bench set (``bench/bench_pdf_corpus.py``'s manifest and the cache its
``--fetch`` filled) is read as ``bibnorm`` reads a PDF; the bench's own judge then pairs each
item with the reference of the document's truth (its ``.bib`` or ``.bbl``) that it holds. An item
that holds one reference alone becomes one line: its text as the reader split it, and that
reference's title, first author and year as the truth gives them (``real``). Items holding
several references or none (strays) are left out: what their title should be is not known.

The lines have the shape of ``make_tagger_data.py``'s validation strings (``style`` is
``pdf:<set>:<document>``, so that ``train_title_arbiter.arbiter_half`` puts each document's items
in one half), and ``scripts/train_title_arbiter.py --real FILE`` reads them: the learned choice is
then taught what real lists print — short titles, editors' "Ed. by", a title glued to its closing
quote — where the generated strings taught it only what the styles print. Deterministic: the same
PDFs and the same reader give the same lines.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bibnorm.errors import OutputError  # noqa: E402
from bibnorm.io.writing import write_atomic  # noqa: E402


def _pdf_bench():  # the bench is not a package: load it by path (its truth and judge are the target)
    spec = importlib.util.spec_from_file_location("bench_pdf_corpus", ROOT / "bench" / "bench_pdf_corpus.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[spec.name] = module  # type: ignore[union-attr]  # its reading child unpickles by name
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def document_rows(bench, set_name: str, document, timeout: float) -> list[dict]:
    """The lines of one document: each item that holds one reference of its truth alone."""
    if not all(path.exists() for which in ("pdf", "truth") for path in document.locals(which)):
        return []
    if bench.built_without_fonts(document):
        return []
    try:
        known = bench.truths(document)
    except bench.InputError:
        return []
    rows = bench.printed(document, known)
    queries = bench._read_within(document.local("pdf"), timeout)
    if isinstance(queries, str):  # refused, crashed or over its time: no items
        return []
    _, _, (owner, mapped, _) = bench.pairing(rows, queries)
    lines = []
    for row, at in mapped:
        if len(owner[at]) != 1:
            continue
        truth = {"title": row.title if row.titled else None, "family": row.family, "year": row.year}
        lines.append(
            {
                "style": f"pdf:{set_name}:{document.id}",
                "split": "validation",
                "record": row.key or row.title,
                "text": queries[at].raw,
                "truth": {**truth, "container": None, "doi": None},
                "real": {**truth, "titled": row.titled},
            }
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="the JSON-lines file to write")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="MANIFEST=CACHE",
        help="a PDF bench set: its manifest.csv and the cache its --fetch filled (again for more)",
    )
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds a document may take to read")
    arguments = parser.parse_args(argv)
    bench = _pdf_bench()
    lines: list[dict] = []
    for given in arguments.set:
        manifest, _, cache = given.partition("=")
        bench.CACHE = Path(cache)
        set_name = Path(manifest).parent.name
        documents = bench.manifest(Path(manifest))
        for document in documents:
            lines += document_rows(bench, set_name, document, arguments.timeout)
        print(f"{set_name}: {len(documents)} documents, {len(lines)} items so far", file=sys.stderr)
    try:
        write_atomic(arguments.out, "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    except OutputError as error:
        print(f"make_list_arbiter_data: {error}", file=sys.stderr)
        return 1
    print(f"{len(lines)} items -> {arguments.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
