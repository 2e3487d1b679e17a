"""The writers' output accepted by the real tools: bibtex + pdflatex, biber, pandoc --citeproc.

The references are the verified records of ``fixtures/shared/reference/dev-snapshot.jsonl``
(real names with accents, particles, acronym-heavy titles), turned into `Reference`s by
a deliberately tiny converter below (the snapshot resolver has its own, tested
elsewhere), plus a few hand-made records that carry every escaping hazard we know.
Each test skips, saying why, when its tool is not installed.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.resolve.keys import assign_keys
from bibnorm.writers import WriterOptions, get_writer
from bibnorm.writers.csl_json import validate_csl
from clients import PDFLATEX, latex_errors, need, not_installed, run
from paths import SHARED
from records import HAZARD, PUBLISHED

pytestmark = pytest.mark.clients

SNAPSHOT = SHARED / "reference" / "dev-snapshot.jsonl"
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}


def _person(name: str) -> Person:
    words = name.split()
    if len(words) == 1:
        return Person(family=words[0])
    family_at = len(words) - 1
    while family_at > 1 and words[family_at - 1][0].islower():  # "Max van Spengler"
        family_at -= 1
    return Person(
        given=" ".join(words[: family_at if family_at < len(words) - 1 else -1]),
        particle=" ".join(words[family_at:-1]),
        family=words[-1],
    )


def _reference(record: dict) -> Reference:
    arxiv_id = record["id"]
    date = None
    if record.get("versions"):
        _, day, month, year, *_ = record["versions"][0]["created"].replace(",", "").split()
        date = PartialDate(year=int(year), month=_MONTHS[month], day=int(day))
    elif re.fullmatch(r"\d{4}\.\d{4,5}", arxiv_id):
        date = PartialDate(year=2000 + int(arxiv_id[:2]), month=int(arxiv_id[2:4]))
    categories = tuple((record.get("categories") or "").split())
    return Reference(
        title=" ".join(record["title"].split()),
        authors=tuple(_person(n) for n in re.split(r",\s*|\s+and\s+", record.get("authors") or "") if n),
        issued=date,
        ids=Identifiers(arxiv_id=arxiv_id),
        primary_class=categories[0] if categories else None,
        categories=categories,
    )


HAZARDS = (
    HAZARD,
    PUBLISHED,
    Reference(
        title="Multi-Symmetry Ensembles",
        authors=(Person(given="Marin", family="Soljačić"), Person(literal="H1 Collaboration")),
        issued=PartialDate(year=2024, month=1),
        entry_type="article",
        venue="Journal of Machine Learning Research",
        volume="25",
        number="3",
        pages="1--20",
        ids=Identifiers(arxiv_id="2303.02484", doi="10.5555/jmlr.2024.3"),
    ),
)


@pytest.fixture(scope="module")
def keyed() -> list[tuple[str, Reference]]:
    if not SNAPSHOT.is_file():
        pytest.skip(f"{SNAPSHOT} not found")
    with SNAPSHOT.open(encoding="utf-8") as handle:
        references = [_reference(json.loads(line)) for line in handle if line.strip()]
    references += HAZARDS
    keys = assign_keys([(r, None) for r in references], "google")
    return list(zip(keys, references, strict=True))


PREAMBLE = "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{url}\n"


@pytest.mark.parametrize(
    ("style", "package"),
    [
        pytest.param("plain", "", id="plain"),
        pytest.param("plainnat", "\\usepackage{natbib}\n", id="plainnat"),
    ],
)
def test_bibtex_output_compiles_without_warnings(
    keyed: list[tuple[str, Reference]], tmp_path: Path, style: str, package: str
) -> None:
    need("pdflatex", "bibtex")
    rendered = get_writer("bibtex").render(keyed, WriterOptions())
    # Every character here has a LaTeX form; 18 snapshot records have no authors and say so.
    assert {p.code for p in rendered.warnings} == {"output.no_authors"}
    assert len(rendered.warnings) == sum(1 for _, r in keyed if not r.authors) == 18
    (tmp_path / "refs.bib").write_text(rendered.text, encoding="utf-8")
    (tmp_path / "doc.tex").write_text(
        PREAMBLE + package + "\\begin{document}\n\\nocite{*}\n"
        f"\\bibliographystyle{{{style}}}\n\\bibliography{{refs}}\n\\end{{document}}\n",
        encoding="utf-8",
    )
    assert run(PDFLATEX, tmp_path, timeout=60).returncode == 0
    bibtex = run(["bibtex", "doc"], tmp_path, timeout=60)
    blg = (tmp_path / "doc.blg").read_text(encoding="utf-8", errors="replace")
    assert [line for line in blg.splitlines() if "Warning--" in line] == []
    assert bibtex.returncode == 0, blg
    latex = run(PDFLATEX, tmp_path, timeout=60)
    log = (tmp_path / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert latex_errors(log) == []
    assert latex.returncode == 0
    bbl = (tmp_path / "doc.bbl").read_text(encoding="utf-8")
    assert bbl.count("\\bibitem") == len(keyed)
    assert 'H{\\"u}mmer' in bbl and "Br{\\'e}gier" in bbl  # accents survive bibtex as LaTeX


def test_biblatex_output_passes_biber_datamodel_validation(
    keyed: list[tuple[str, Reference]], tmp_path: Path
) -> None:
    need("pdflatex", "biber")
    # texencoding=ascii: biber turns the Unicode into LaTeX macros, as pdflatex users need.
    (tmp_path / "doc.tex").write_text(
        PREAMBLE + "\\usepackage[backend=biber,texencoding=ascii,bibencoding=utf8]{biblatex}\n"
        "\\addbibresource{refs.bib}\n\\begin{document}\n\\nocite{*}\n\\printbibliography\n\\end{document}\n",
        encoding="utf-8",
    )
    assert run(PDFLATEX, tmp_path, timeout=60).returncode == 0

    (tmp_path / "refs.bib").write_text(get_writer("biblatex").write(keyed, WriterOptions()), encoding="utf-8")
    biber = run(["biber", "--validate-datamodel", "doc"], tmp_path, timeout=60)
    output = biber.stdout + biber.stderr
    assert [line for line in output.splitlines() if "WARN" in line or "ERROR" in line] == []
    assert biber.returncode == 0, output

    # The hazard record's π and Δ are written as LaTeX commands, so pdflatex
    # typesets every record, Greek included.
    assert run(["biber", "doc"], tmp_path, timeout=60).returncode == 0
    latex = run(PDFLATEX, tmp_path, timeout=60)
    log = (tmp_path / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert latex_errors(log) == []
    assert latex.returncode == 0
    bbl = (tmp_path / "doc.bbl").read_text(encoding="utf-8")
    assert 'family={H\\"{u}mmer}' in bbl  # 2312.02021: biber kept the accent, as a macro


def test_csl_json_validates_and_renders_with_pandoc(
    keyed: list[tuple[str, Reference]], tmp_path: Path
) -> None:
    need("pandoc")
    text = get_writer("csl-json").write(keyed, WriterOptions())
    assert validate_csl(json.loads(text)) == []
    (tmp_path / "refs.json").write_text(text, encoding="utf-8")
    (tmp_path / "doc.md").write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
    result = run(
        ["pandoc", "--citeproc", "--bibliography", "refs.json", "--wrap=none", "-t", "plain", "doc.md"],
        tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    for expected in (
        "Hümmer, Christoph",  # 2312.02021
        "Hervé Jégou",  # 2105.03404
        "Romain Brégier",  # 2402.14654
        "Marin Soljačić",  # 2303.02484 (snapshot) and the hand-made journal article
        "Spengler, Max van",  # 2303.14027: Chicago demotes the non-dropping particle when inverted
        "Poincaré ResNet",
        "Multi-HMR: Multi-Person Whole-Body Human Mesh Recovery in a Single Shot",
        "Advances in Neural Information Processing Systems",
        "Journal of Machine Learning Research",
        "Kaiser, Łukasz",
        "Thị Nguyễn",
        "AI & Society Lab",
        "https://doi.org/10.48550/arXiv.2303.14027",
    ):
        assert expected in result.stdout, expected


def _kpse_has(name: str) -> bool:
    found = run(["kpsewhich", name], Path.cwd(), timeout=30) if shutil.which("kpsewhich") else None
    return bool(found and found.stdout.strip())


@pytest.mark.parametrize(
    "style",
    [
        pytest.param("plain", id="plain"),
        pytest.param("abbrv", id="abbrv"),
        pytest.param("plainnat", id="plainnat"),
        pytest.param("IEEEtran", id="IEEEtran"),
        pytest.param("splncs04", id="splncs04"),
    ],
)
def test_every_preprint_prints_its_arxiv_id_and_no_published_entry_an_arxiv_doi(
    keyed: list[tuple[str, Reference]], tmp_path: Path, style: str
) -> None:
    need("pdflatex", "bibtex", "pdftotext")
    if not _kpse_has(f"{style}.bst"):
        pytest.skip(not_installed(f"{style}.bst"))
    published_with_arxiv_doi = PUBLISHED.model_copy(
        update={"ids": Identifiers(arxiv_id="1706.03762", doi="10.48550/arXiv.1706.03762")}
    )
    preprints = [(key, ref) for key, ref in keyed[:12] if ref.entry_type == "preprint"]
    references = [*preprints, ("vaswani2017attention", published_with_arxiv_doi)]
    (tmp_path / "refs.bib").write_text(
        get_writer("bibtex").write(references, WriterOptions()), encoding="utf-8"
    )
    package = "\\usepackage{natbib}\n" if style == "plainnat" else ""
    (tmp_path / "doc.tex").write_text(
        PREAMBLE + package + "\\begin{document}\n\\nocite{*}\n"
        f"\\bibliographystyle{{{style}}}\n\\bibliography{{refs}}\n\\end{{document}}\n",
        encoding="utf-8",
    )
    run(PDFLATEX, tmp_path, timeout=60)
    run(["bibtex", "doc"], tmp_path, timeout=60)
    run(PDFLATEX, tmp_path, timeout=60)
    assert run(PDFLATEX, tmp_path, timeout=60).returncode == 0
    text = run(["pdftotext", "doc.pdf", "-"], tmp_path, timeout=60).stdout
    page = re.sub(r"-\s*\n\s*", "-", " ".join(text.split()))  # IEEEtran breaks long URLs at hyphens

    assert len(preprints) >= 5
    for _, reference in preprints:
        assert f"arXiv:{reference.ids.arxiv_id}" in page, (style, reference.ids.arxiv_id)
    # (IEEEtran's two columns: pdftotext may interleave the venue's first words with the title's.)
    assert "Attention" in page and "Processing Systems (NIPS)" in page
    assert "10.48550/arXiv.1706.03762" not in page
    assert page.count("arXiv:1706.03762") == 1  # no DOI: its preprint's id, once
