"""Reference lists and .bbl files of arXiv papers → how many resolve, and how many wrongly.

The verified records of dev-snapshot.jsonl (those with authors) are written as a .bib
WITHOUT identifiers (no eprint, DOI or URL: only what a reader of a bibliography sees),
typeset by the real tools — bibtex with plain, IEEEtran and splncs04, biber for biblatex —
and read back two ways: the ``.bbl`` the tool wrote, and the reference list pdftotext
copies out of the PDF (what a user pastes). Each is then resolved offline against a
snapshot index of the same records (``bibnorm resolve --offline --snapshot``).

Printed per input: items read, titles read exactly (normalized title key equal to the
record's), resolved to the right paper, resolved to a WRONG paper, and left unresolved
or ambiguous. A wrong match is the figure that must stay 0.

Usage: ``python bench/bench_refs.py`` (needs pdflatex, bibtex, biber, pdftotext; IEEEtran
and splncs04 from texlive-publishers).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bibnorm.models import PartialDate, Person, Reference  # noqa: E402
from bibnorm.readers import read_inputs  # noqa: E402
from bibnorm.resolvers.snapshot import build_index  # noqa: E402
from bibnorm.text.titles import title_key  # noqa: E402
from bibnorm.writers.bibtex import write_bibtex  # noqa: E402

SNAPSHOT = ROOT / "fixtures" / "shared" / "reference" / "dev-snapshot.jsonl"
STYLES = ("plain", "IEEEtran", "splncs04")


def records() -> list[dict]:
    rows = [json.loads(line) for line in SNAPSHOT.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row for row in rows if row.get("authors")]


def reference(row: dict) -> Reference:
    names = [n.strip() for n in row["authors"].replace(" and ", ", ").split(",") if n.strip()]
    year = 2000 + int(row["id"][:2]) if row["id"][:2].isdigit() else None
    return Reference(
        title=" ".join(row["title"].split()),
        authors=tuple(Person(given=" ".join(n.split()[:-1]), family=n.split()[-1]) for n in names),
        issued=PartialDate(year=year) if year else None,
        entry_type="misc",
    )


def sh(args: list[str], cwd: Path) -> None:
    subprocess.run(args, cwd=cwd, capture_output=True, check=False, timeout=300)


def typeset(folder: Path, rows: list[dict]) -> dict[str, Path]:
    keyed = [(f"ref{i}", reference(row)) for i, row in enumerate(rows)]
    bib = write_bibtex(keyed)
    inputs: dict[str, Path] = {}
    for style in STYLES:
        work = folder / style
        work.mkdir()
        (work / "refs.bib").write_text(bib, encoding="utf-8")
        (work / "doc.tex").write_text(
            "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{url}\n\\begin{document}\n"
            f"\\nocite{{*}}\n\\bibliographystyle{{{style}}}\n\\bibliography{{refs}}\n\\end{{document}}\n",
            encoding="utf-8",
        )
        for step in (["pdflatex", "-interaction=batchmode", "doc"], ["bibtex", "doc"]) + (
            ["pdflatex", "-interaction=batchmode", "doc"],
        ) * 2:
            sh(step, work)
        if (work / "doc.bbl").is_file() and "bibitem" in (work / "doc.bbl").read_text(encoding="utf-8"):
            inputs[f"{style} .bbl"] = work / "doc.bbl"
            sh(["pdftotext", "-layout", "doc.pdf", "list.txt"], work)
            if (work / "list.txt").is_file():
                inputs[f"{style} list (pdftotext)"] = work / "list.txt"
    work = folder / "biblatex"
    work.mkdir()
    (work / "refs.bib").write_text(bib, encoding="utf-8")
    (work / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[backend=biber]{biblatex}\n\\addbibresource{refs.bib}\n"
        "\\begin{document}\n\\nocite{*}\n\\printbibliography\n\\end{document}\n",
        encoding="utf-8",
    )
    sh(["pdflatex", "-interaction=batchmode", "doc"], work)
    sh(["biber", "doc"], work)
    if (work / "doc.bbl").is_file():
        inputs["biblatex .bbl"] = work / "doc.bbl"
    return inputs


def main() -> None:
    for tool in ("pdflatex", "bibtex", "biber", "pdftotext"):
        if shutil.which(tool) is None:
            sys.exit(f"bench_refs: {tool} not installed")
    rows = records()
    truth_by_title = {title_key(row["title"]): row["id"] for row in rows}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        index = folder / "dev.sqlite"
        build_index([SNAPSHOT], index)
        inputs = typeset(folder, rows)
        print(f"{len(rows)} records (dev-snapshot.jsonl with authors), typeset without identifiers\n")
        print(f"{'input':<28}{'items':>7}{'titles read':>13}{'right':>8}{'WRONG':>8}{'unresolved':>12}")
        for name, path in inputs.items():
            queries = read_inputs([path])
            read_ok = sum(1 for q in queries if title_key(q.title or "") in truth_by_title)
            report_path = folder / "report.json"
            subprocess.run(
                [sys.executable, "-m", "bibnorm", "resolve", str(path), "--offline",
                 "--snapshot", str(index), "-q", "-o", str(folder / "out.bib"), "--report", str(report_path)],
                env={"BIBNORM_CACHE_DIR": str(folder / "cache"), "PATH": "/usr/bin:/bin"},
                cwd=folder, check=False, capture_output=True,
            )  # fmt: skip
            items = json.loads(report_path.read_text(encoding="utf-8"))["items"]
            right = wrong = 0
            for query, item in zip(queries, items, strict=True):
                if item["status"] != "resolved":
                    continue
                expected = truth_by_title.get(title_key(query.title or ""))
                if item["arxiv_id"] == expected:
                    right += 1
                else:
                    wrong += 1
            unresolved = len(items) - right - wrong
            print(f"{name:<28}{len(queries):>7}{read_ok:>13}{right:>8}{wrong:>8}{unresolved:>12}")


if __name__ == "__main__":
    main()
