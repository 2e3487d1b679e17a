"""Time and peak memory of bibnorm on hostile documents: each must end in one line and
a non-zero exit within 2 minutes and 1 GB.

    python bench/bench_hostile.py              # the issue's sizes (1 GB of blanks, ...): ~1 minute
    python bench/bench_hostile.py --scale 0.1  # a tenth of each: seconds

The files are made in a temporary folder, never committed (the PDFs by
``tests/fakes/hostile_pdf.py``):

- a PDF with one compressed content stream of ``scale`` GB of blanks (PDFium decodes it whole;
  the pages are read in a worker held to 768 MiB more);
- PDF page trees nested 50,000 deep and in a cycle;
- an OpenAlex works part whose second line is ``scale`` GB of blanks (gzip);
- a dblp dump that is a gzip bomb of ``scale`` GB of blanks, one with ``400,000 * scale``
  ``<www>`` start tags never closed before a record's end, and one declaring UTF-7;
- a chain of 3,000 ``\\input`` files, read by ``tex`` and by ``verify --tex``;
- reading lists of ``500 * scale`` lines, each a run of 2,000 two-letter sentences, a title and
  300 names, or 2,000 name-like parts between commas (the lines reader cuts a line into sentences
  and parts: linear in its length).

Each runs as its own child process; wall time from start to ``os.wait4``, peak memory as
``ru_maxrss`` of the largest single process (a PDF's worker counts on its own), and the last
line of stderr.
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fakes.hostile_pdf import CYCLIC_PAGE_TREE, blank_stream, nested_page_tree  # noqa: E402

BIBNORM = Path(sys.executable).parent / "bibnorm"


DUMP_HEAD = b'<?xml version="1.0" encoding="%s"?>\n<dblp>\n'
RECORD = (
    b'<article key="a/b" mdate="2020-01-01"><author>A B</author><title>T.</title>'
    b"<year>2020</year></article>\n"
)


def make(folder: Path, scale: float) -> list[tuple[str, list[str]]]:
    """The hostile files in ``folder``; the cases as (name, bibnorm arguments)."""
    megabytes = max(1, int(1024 * scale))
    (folder / "blanks.pdf").write_bytes(blank_stream(megabytes))
    (folder / "nested.pdf").write_bytes(nested_page_tree(50_000))
    (folder / "cyclic.pdf").write_bytes(CYCLIC_PAGE_TREE)
    with gzip.open(folder / "bomb.xml.gz", "wb", compresslevel=9) as bomb:
        bomb.write(DUMP_HEAD % b"ISO-8859-1" + RECORD)
        for _ in range(megabytes):
            bomb.write(b" " * (1 << 20))
    unclosed = DUMP_HEAD % b"ISO-8859-1" + b"<article key='x'>" + b"<www key='y'>" * int(400_000 * scale)
    (folder / "unclosed.xml").write_bytes(unclosed + b"</article>\n</dblp>\n")
    (folder / "utf7.xml").write_bytes(DUMP_HEAD % b"UTF-7" + RECORD + b"</dblp>\n")
    for number in range(3000):
        (folder / f"c{number}.tex").write_text(f"\\input{{c{number + 1}}}\n", encoding="utf-8")
    (folder / "c3000.tex").write_text("\\cite{k}\n", encoding="utf-8")
    (folder / "refs.bib").write_text("@misc{k, title = {K}}\n", encoding="utf-8")
    # Reading lists whose lines are long runs of sentences: of two letters, and of names after a title
    lines = int(500 * scale) or 1
    (folder / "sentences.md").write_text(("Ab. " * 2000 + "\n") * lines, encoding="utf-8")
    names = "Title. " + "Ashish Vaswani, Noam Shazeer. " * 300
    (folder / "names.md").write_text((names + "\n") * lines, encoding="utf-8")
    (folder / "commas.md").write_text(("Deep Learning, " * 2000 + "Title\n") * lines, encoding="utf-8")
    # An OpenAlex works part: one Work, then one line of blanks that never ends.
    work = (ROOT / "fixtures/shared/reference/api-samples/openalex/work-by-doi-url.json").read_bytes()
    with gzip.open(folder / "part_000.gz", "wb", compresslevel=9) as part:
        part.write(b" ".join(work.split()) + b"\n")
        for _ in range(megabytes):
            part.write(b" " * (1 << 20))
    index = ["index", "build", "-o", "index.sqlite"]
    return [
        (f"PDF, {megabytes} MB of blanks in one stream", ["verify", "--offline", "blanks.pdf"]),
        ("PDF, page tree 50,000 deep", ["verify", "--offline", "nested.pdf"]),
        ("PDF, cyclic page tree", ["verify", "--offline", "cyclic.pdf"]),
        (f"dblp, gzip bomb of {megabytes} MB", [*index, "bomb.xml.gz"]),
        (f"dblp, {int(400_000 * scale):,} unclosed <www>", [*index, "unclosed.xml"]),
        ("dblp, encoding UTF-7", [*index, "utf7.xml"]),
        (f"OpenAlex works part, one line of {megabytes} MB", [*index, "part_000.gz"]),
        ("tex, 3,000 nested \\input", ["tex", "c0.tex", "-o", "out.bib", "--offline"]),
        ("verify --tex, 3,000 nested \\input", ["verify", "--offline", "--tex", "c0.tex", "refs.bib"]),
        (
            f"reading list, {lines:,} lines of 2,000 sentences",
            ["resolve", "--offline", "--input-format", "lines", "sentences.md"],
        ),
        (
            f"reading list, {lines:,} lines of a title and 300 names",
            ["resolve", "--offline", "--input-format", "lines", "names.md"],
        ),
        (
            f"reading list, {lines:,} lines of 2,000 name-like parts",
            ["resolve", "--offline", "--input-format", "lines", "commas.md"],
        ),
    ]


def run(arguments: list[str], folder: Path) -> tuple[float, float, int, str]:
    """Wall seconds, peak MB of the largest process, exit status, last stderr line."""
    started = time.monotonic()
    child = subprocess.Popen(
        [str(BIBNORM), *arguments], cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert child.stderr is not None
    error = child.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    last = error.strip().splitlines()[-1] if error.strip() else ""
    return time.monotonic() - started, usage.ru_maxrss / 1024, child.returncode, last


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="of the issue's sizes (default 1)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as name:
        folder = Path(name)
        cases = make(folder, args.scale)
        print(f"{'case':<40} {'wall s':>7} {'peak MB':>8} {'exit':>4}  last line of stderr")
        for title, arguments in cases:
            seconds, peak, code, last = run(arguments, folder)
            print(f"{title:<40} {seconds:>7.2f} {peak:>8.0f} {code:>4}  {last[:110]}")


if __name__ == "__main__":
    main()
