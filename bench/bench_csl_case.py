"""CSL case protection: capitals pandoc's citeproc keeps in titles, with and without ``nocase``.

The five scraped pages (bench_requests' "complete + DOIs" world, the test fakes on 127.0.0.1,
as bench/bench_camera.py resolves them) are resolved to CSL-JSON and to CSL-YAML, and each is
rendered by ``pandoc --citeproc`` to plain text in pandoc's default style (Chicago
author-date, which title-cases) and in APA (fixtures/csl/styles/apa.csl). A *protected word* is
the text of one ``<span class="nocase">`` of a title (what BibTeX braces); it is *lost* when the
rendered page does not hold it as written (Chicago's "Unified 3d" for "Unified 3D"). The same
items with their spans removed — the CSL-JSON bibnorm wrote before it protected case — give
the figure without protection.

Usage: ``python bench/bench_csl_case.py`` (needs pandoc).
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from bench_camera import resolve  # noqa: E402
from bench_requests import PAGES, with_publisher_dois  # noqa: E402
from bibnorm.readers import read_inputs  # noqa: E402
from fakes.servers import running_fakes, synthetic_completion  # noqa: E402

NOCASE = re.compile(r'<span class="nocase">(.*?)</span>')
TAG = re.compile(r"<[^<>]*>")
SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
STYLES = {"chicago-author-date (pandoc's default)": None, "apa": ROOT / "fixtures/csl/styles/apa.csl"}


def rendered(folder: Path, bibliography: str, style: Path | None) -> str:
    (folder / "doc.md").write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
    args = ["pandoc", "--citeproc", "--bibliography", bibliography, "--wrap=none", "-t", "plain", "doc.md"]
    args += ["--csl", str(style)] if style else []
    result = subprocess.run(args, cwd=folder, capture_output=True, encoding="utf-8", check=True)
    return "".join(result.stdout.replace("\u2019", "'").split())  # pandoc's typographic apostrophe


def protected_words(items: list[dict[str, object]]) -> list[str]:
    """The text of every nocase span, as pandoc's plain output writes it (superscripts as such)."""
    words = []
    for item in items:
        for span in NOCASE.findall(str(item.get("title", ""))):
            text = re.sub(r"<sup>(.*?)</sup>", lambda m: m.group(1).translate(SUPERSCRIPTS), span)
            words.append("".join(TAG.sub("", text).split()))
    return words


def main_() -> None:
    queries = read_inputs([str(p) for p in PAGES])
    completion = synthetic_completion((q.title, q.abstract) for q in queries if q.title)
    papers, works = with_publisher_dois(completion.s2_papers)
    world = {"arxiv_records": completion.arxiv_records, "s2_papers": papers, "crossref_works": works}
    with tempfile.TemporaryDirectory() as tmp, running_fakes(**world) as apis:  # type: ignore[arg-type]
        folder = Path(tmp)
        env = apis.env(folder / "cache")
        items = json.loads(resolve(folder, env, [str(p) for p in PAGES], "refs.json"))
        resolve(folder, env, [str(p) for p in PAGES], "refs.yaml", "--format", "csl-yaml")
        words = protected_words(items)
        titled = sum(1 for item in items if NOCASE.search(str(item.get("title", ""))))
        print(f"{len(items)} items; {titled} titles with protected words; {len(words)} protected words")
        plain = [{**item, "title": NOCASE.sub(r"\1", str(item.get("title", "")))} for item in items]
        (folder / "unprotected.json").write_text(json.dumps(plain, ensure_ascii=False), encoding="utf-8")
        for label, style in STYLES.items():
            for bibliography in ("unprotected.json", "refs.json", "refs.yaml"):
                with contextlib.suppress(subprocess.CalledProcessError):
                    page = rendered(folder, bibliography, style)
                    lost = [word for word in words if word not in page]
                    print(
                        f"{label:40} {bibliography:17} protected words lost: {len(lost):4}  e.g. {lost[:6]}"
                    )


if __name__ == "__main__":
    main_()
