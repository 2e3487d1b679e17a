"""Render one page of bibnorm's output in each common style to docs/styles/<style>.png.

The same four references (a preprint, a proceedings paper with its dblp title, a journal
paper, a title with a question) written by bibnorm's writers (BibTeX with ``--bst <style>``,
biblatex, CSL-JSON) and typeset by the real tools: pdflatex + bibtex, biber, pandoc (APA).
Needs TeX Live (texlive-publishers for IEEEtran, splncs04, ACM), biber, pandoc, poppler, chromium.

    python scripts/render_style_pages.py            # writes docs/styles/*.png
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.writers import WriterOptions, get_writer

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "styles"
CSL = ROOT / "fixtures" / "csl" / "styles" / "apa.csl"


def _preprint(title: str, authors: tuple[Person, ...], month: PartialDate, arxiv: str, cls: str) -> Reference:
    return Reference(
        title=title,
        authors=authors,
        issued=month,
        entry_type="preprint",
        primary_class=cls,
        ids=Identifiers(arxiv_id=arxiv),
    )


LORA_AUTHORS = (Person(given="Edward J.", family="Hu"), Person(given="Yelong", family="Shen"))
REFERENCES = [
    (
        "hu2021lora",
        _preprint(
            "LoRA: Low-Rank Adaptation of Large Language Models",
            LORA_AUTHORS,
            PartialDate(year=2021, month=6),
            "2106.09685",
            "cs.CL",
        ),
    ),
    (
        "zhai2022scaling",
        Reference(
            title="Scaling Vision Transformers",
            authors=(Person(given="Xiaohua", family="Zhai"), Person(given="Lucas", family="Beyer")),
            issued=PartialDate(year=2022, month=6),
            entry_type="inproceedings",
            # dblp's proceedings title: written as the venue table's name, no city or dates.
            venue="IEEE/CVF Conference on Computer Vision and Pattern Recognition, CVPR 2022, "
            "New Orleans, LA, USA, June 18-24, 2022",
            pages="1204--1213",
            publisher="IEEE",
            ids=Identifiers(doi="10.1109/CVPR52688.2022.01179", arxiv_id="2106.04560"),
        ),
    ),
    (
        "he2016resnet",
        Reference(
            title="Deep Residual Learning for Image Recognition",
            authors=(Person(given="Kaiming", family="He"), Person(given="Jian", family="Sun")),
            issued=PartialDate(year=2016, month=5),
            entry_type="article",
            venue="Journal of Testing",
            volume="3",
            number="2",
            pages="1--9",
            ids=Identifiers(doi="10.5555/bibnorm-test.resnet"),
        ),
    ),
    (
        "lovelace2020cnns",
        _preprint(
            "What Do CNNs Learn? A Visual Exploration of Chest X-Rays",
            (Person(given="Ada", family="Lovelace"),),
            PartialDate(year=2020, month=3),
            "2003.01234",
            "cs.CV",
        ),
    ),
]

PAGE = "\\usepackage[paperwidth=15cm,paperheight=9cm,margin=0.6cm]{geometry}\n\\usepackage{url}\n"
BST = ("plain", "abbrv", "plainnat", "unsrtnat", "IEEEtran", "splncs04", "ACM-Reference-Format")


def _run(args: list[str], cwd: Path) -> None:
    subprocess.run(args, cwd=cwd, capture_output=True, timeout=120, check=False)


def _png(folder: Path, name: str) -> None:
    _run(["pdftoppm", "-png", "-r", "110", "-singlefile", "doc.pdf", str(OUT / name)], folder)


def bibtex_page(style: str, folder: Path) -> None:
    bib = get_writer("bibtex").write(REFERENCES, WriterOptions(bst=style))  # type: ignore[arg-type]
    (folder / "refs.bib").write_text(bib, encoding="utf-8")
    if style == "ACM-Reference-Format":
        # acmart.cls needs xstring (texlive-latex-extra); the .bbl defines every macro it uses but
        # \showeprint, which is acmart's own, copied here for arXiv ids.
        head = "\\documentclass{article}\n" + PAGE + "\\usepackage{natbib}\n\\usepackage{hyperref}\n"
        head += "\\newcommand\\showeprint[2][arxiv]{arXiv:\\href{https://arxiv.org/abs/#2}{#2}}\n"
    else:
        head = "\\documentclass{article}\n" + PAGE + "\\usepackage{natbib}\n" * ("nat" in style)
    (folder / "doc.tex").write_text(
        f"{head}\\pagestyle{{empty}}\\begin{{document}}\n\\nocite{{*}}\n"
        f"\\bibliographystyle{{{style}}}\n\\bibliography{{refs}}\n\\end{{document}}\n",
        encoding="utf-8",
    )
    for step in (["pdflatex", "-interaction=nonstopmode", "doc"], ["bibtex", "doc"]):
        _run(step, folder)
    for _ in range(2):
        _run(["pdflatex", "-interaction=nonstopmode", "doc"], folder)
    _png(folder, style)


def biblatex_page(folder: Path) -> None:
    (folder / "refs.bib").write_text(get_writer("biblatex").write(REFERENCES, WriterOptions()), "utf-8")
    (folder / "doc.tex").write_text(
        f"\\documentclass{{article}}\n{PAGE}\\usepackage[backend=biber]{{biblatex}}\n"
        "\\addbibresource{refs.bib}\n\\pagestyle{empty}\\begin{document}\n\\nocite{*}\n"
        "\\printbibliography\n\\end{document}\n",
        encoding="utf-8",
    )
    for step in (["pdflatex", "doc"], ["biber", "doc"], ["pdflatex", "doc"]):
        _run(step, folder)
    _png(folder, "biblatex")


def apa_page(folder: Path) -> None:
    """pandoc's APA as HTML, photographed by headless Chromium (pandoc's PDF wants lmodern)."""
    (folder / "refs.json").write_text(get_writer("csl-json").write(REFERENCES, WriterOptions()), "utf-8")
    (folder / "doc.md").write_text("---\nnocite: '@*'\npagetitle: APA\n---\n", encoding="utf-8")
    (folder / "head.html").write_text(
        "<style>html{font-size:13px}body{max-width:none;margin:12px 20px;padding:0}</style>\n", "utf-8"
    )
    args = ["pandoc", "-s", "--citeproc", "--bibliography", "refs.json", "--csl", str(CSL), "-H", "head.html"]
    _run([*args, "-o", "doc.html", "doc.md"], folder)
    shot = f"--screenshot={OUT / 'apa.png'}"
    page = (folder / "doc.html").as_uri()
    _run(
        ["chromium", "--headless", "--no-sandbox", "--hide-scrollbars", shot, "--window-size=660,330", page],
        folder,
    )


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for style in BST:
        with tempfile.TemporaryDirectory() as folder:
            bibtex_page(style, Path(folder))
    with tempfile.TemporaryDirectory() as folder:
        biblatex_page(Path(folder))
    with tempfile.TemporaryDirectory() as folder:
        apa_page(Path(folder))
    print("\n".join(sorted(p.name for p in OUT.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
