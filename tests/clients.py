"""Running the real clients (pdflatex, bibtex, biber, pandoc) from tests."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest
from paths import ROOT

PDFLATEX = ("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc")  # compiles doc.tex


# The one list of the Debian packages the real clients come from (.ci/run installs it).
DEBIAN_PACKAGES = ROOT / ".ci" / "debian-packages.txt"


def not_installed(what: str) -> str:
    """The reason a test skips for want of ``what``: the list of packages that brings it."""
    return f"{what} not installed (Debian: {DEBIAN_PACKAGES.relative_to(ROOT)}; bash .ci/run installs them)"


def need(*tools: str) -> None:
    """Skip the calling test, saying where the Debian packages that provide what is missing are listed."""
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        pytest.skip(not_installed(", ".join(missing)))


def run(args: Sequence[str], cwd: Path, *, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args),
        cwd=cwd,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
    )


def typeset_pdf(folder: Path, source: str) -> Path:
    """``source`` typeset by pdflatex in ``folder`` (the calling test skipped without it): its PDF."""
    need("pdflatex")
    (folder / "doc.tex").write_text(source, encoding="utf-8")
    run(PDFLATEX, folder)
    return folder / "doc.pdf"


def latex_errors(log: str) -> list[str]:
    """Error lines of a LaTeX log, including characters the font cannot typeset."""
    return [line for line in log.splitlines() if line.startswith("!") or "Unicode character" in line]


# Computer Modern's Type 1 fonts (OT1) with pdfTeX's glyph-to-Unicode table, so pdftotext
# reads ligatures back as letters ("Efficient", not "E cient"); one wide page so that no
# line break or hyphenation splits a title.
WIDE = (
    "\\input{glyphtounicode}\\pdfgentounicode=1\n"
    "\\usepackage[paperwidth=90cm,paperheight=60cm,margin=1cm]{geometry}\n\\usepackage{url}\n"
)


def flat(text: str) -> str:
    """Text without whitespace and with plain quotes: pdftotext spaces math and
    superscripts as it likes ("PanGu-π :", "BT 2 :"), and line breaks are not the point."""
    return re.sub(r"\s+", "", text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'"))


def typeset_bibtex(folder: Path, bib: str, style: str) -> str:
    """``bib`` typeset with a BibTeX style on one wide page: the page's text, `flat`."""
    need("pdflatex", "bibtex", "pdftotext")
    (folder / "refs.bib").write_text(bib, encoding="utf-8")
    (folder / "doc.tex").write_text(
        f"\\documentclass{{article}}\n{WIDE}\\begin{{document}}\n\\nocite{{*}}\n"
        f"\\bibliographystyle{{{style}}}\n\\bibliography{{refs}}\n\\end{{document}}\n",
        encoding="utf-8",
    )
    run(PDFLATEX, folder)
    bibtex = run(["bibtex", "doc"], folder)
    assert bibtex.returncode == 0, bibtex.stdout
    run(PDFLATEX, folder)
    return _finish(folder)


def typeset_biblatex(folder: Path, bib: str, style: str) -> str:
    """``bib`` typeset with biblatex (biber) in ``style`` on one wide page: the page's text, `flat`."""
    need("pdflatex", "biber", "pdftotext")
    (folder / "refs.bib").write_text(bib, encoding="utf-8")
    (folder / "doc.tex").write_text(
        f"\\documentclass{{article}}\n{WIDE}"
        f"\\usepackage[backend=biber,style={style}]{{biblatex}}\n\\addbibresource{{refs.bib}}\n"
        "\\begin{document}\n\\nocite{*}\n\\printbibliography\n\\end{document}\n",
        encoding="utf-8",
    )
    run(PDFLATEX, folder)
    biber = run(["biber", "doc"], folder)
    assert biber.returncode == 0, biber.stdout
    return _finish(folder)


def _finish(folder: Path) -> str:
    latex = run(PDFLATEX, folder)
    assert latex_errors((folder / "doc.log").read_text("utf-8", errors="replace")) == []
    assert latex.returncode == 0
    result = run(["pdftotext", "doc.pdf", "-"], folder)
    assert result.returncode == 0, result.stderr
    return flat(result.stdout)


def typeset_typst(
    folder: Path, bibliography: str, keys: Sequence[str], style: str
) -> tuple[list[str], list[str]]:
    """A Hayagriva ``bibliography`` compiled by Typst (the ``typst`` package) with a built-in
    ``style``, citing every key, one entry a line on a wide page: each entry's text with its
    whitespace collapsed, and Typst's warnings."""
    typst = pytest.importorskip("typst", reason="the typst package (test extras) is not installed")
    import pypdfium2

    (folder / "refs.yml").write_text(bibliography, encoding="utf-8")
    cites = " ".join(f'#cite(label("{key}"))' for key in keys)
    (folder / "main.typ").write_text(
        f"#set page(width: 300cm, height: auto)\n{cites}\n#pagebreak()\n"
        f'#bibliography("refs.yml", style: "{style}", title: none)\n',
        encoding="utf-8",
    )
    pdf, warnings = typst.compile_with_warnings(str(folder / "main.typ"), format="pdf")
    lines = pypdfium2.PdfDocument(pdf)[1].get_textpage().get_text_range().splitlines()
    return [" ".join(line.split()) for line in lines if line.strip()], [w.message for w in warnings]
