"""`bibnorm fix` never changes what is typeset where nothing needed fixing: it keeps the file's
encoding (as `format` does) and every TeX escape a style needs in a field it prints as text.

Checked with the real BibTeX and pdfLaTeX: a Windows-1252 file and a natbib document without the
url or hyperref package (plainnat prints a doi as text there, where a bare ``_`` stops LaTeX).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bibnorm.cli import main
from click.testing import CliRunner
from clients import PDFLATEX, latex_errors, need, run

# Windows-1252 bytes (ü, é), as old BibDesk and JabRef files have them; Mendeley's {\_} in a DOI;
# al-folio's empty doi; a non-canonical arXiv link (the one thing here fix is for).
LEGACY = (
    "@article{mueller2019,\n"
    "  author = {J\xfcrgen M\xfcller and Ren\xe9e Caf\xe9},\n"
    "  title = {Caf\xe9 Networks},\n"
    "  journal = {Journal of Things},\n"
    "  year = {2019},\n"
    "  doi = {10.1016/j.things.2019{\\_}04{\\_}001},\n"
    "}\n\n"
    "@misc{empty2020,\n"
    "  author = {Ann Author},\n"
    "  title = {A Preprint},\n"
    "  year = {2020},\n"
    "  doi = {},\n"
    "  url = {http://arxiv.org/abs/1402.6711},\n"
    "}\n"
).encode("cp1252")


def typeset(folder: Path, bib: bytes, style: str) -> tuple[bytes, str]:
    """``bib`` typeset with ``style`` in a latin1 document without url/hyperref: the .bbl and the
    page's text."""
    need("pdflatex", "bibtex", "pdftotext")
    folder.mkdir()
    (folder / "refs.bib").write_bytes(bib)
    (folder / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[latin1]{inputenc}\n\\usepackage[T1]{fontenc}\n"
        "\\usepackage{natbib}\n\\begin{document}\n\\nocite{*}\n"
        f"\\bibliographystyle{{{style}}}\n\\bibliography{{refs}}\n\\end{{document}}\n",
        encoding="ascii",
    )
    run(PDFLATEX, folder)
    assert run(["bibtex", "doc"], folder).returncode == 0
    run(PDFLATEX, folder)
    latex = run(PDFLATEX, folder)
    assert latex_errors((folder / "doc.log").read_text("latin-1")) == [], style
    assert latex.returncode == 0
    page = run(["pdftotext", "doc.pdf", "-"], folder).stdout
    return (folder / "doc.bbl").read_bytes(), " ".join(page.split())


@pytest.fixture(scope="module")
def fixed(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("fix") / "refs.bib"
    path.write_bytes(LEGACY)
    result = CliRunner().invoke(main, ["fix", "--in-place", str(path)])
    assert result.exit_code == 0, result.output
    return path.read_bytes()


def test_fix_keeps_a_windows_1252_file_in_its_encoding(fixed: bytes) -> None:
    assert "J\xfcrgen M\xfcller and Ren\xe9e Caf\xe9".encode("cp1252") in fixed
    assert "Jürgen".encode() not in fixed


def test_fix_keeps_the_escapes_and_fixes_only_what_was_wrong(fixed: bytes) -> None:
    assert b"{10.1016/j.things.2019{\\_}04{\\_}001}" in fixed  # Mendeley's escapes kept
    assert b"https://arxiv.org/abs/1402.6711" in fixed and b"http://arxiv" not in fixed
    assert b"doi = {}" not in fixed  # an empty identifier goes (BN404)


@pytest.mark.clients
@pytest.mark.parametrize("style", ["plain", "plainnat"])
def test_a_fixed_file_typesets_as_before(fixed: bytes, tmp_path: Path, style: str) -> None:
    bbl_before, page_before = typeset(tmp_path / "before", LEGACY, style)
    bbl_after, page_after = typeset(tmp_path / "after", fixed, style)
    assert "Jürgen Müller and Renée Café" in page_after
    # What changed on the page is the arXiv link fix made canonical, nothing else.
    assert page_after == page_before.replace("http://arxiv.org", "https://arxiv.org")
    if style == "plain":  # plain prints neither url nor doi: its .bbl is byte for byte the same
        assert bbl_after == bbl_before
