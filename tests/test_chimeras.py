"""A real identifier under another work's title (a "chimera") is never resolved to the identifier's
record: ``resolve`` (a ``.bib``, a pasted reference list), ``tex --refresh`` and the assistant's
tools report it with both candidates (the identifier's record and the title's match) and leave
the entry as it was; ``verify`` flags it. Correct entries with identifiers resolve as before.

The chimeras are built from the fakes' recorded records (the dev gold, Semantic Scholar's DOIs):
entry ``i`` carries the title and authors of one record and the identifier of another, or an
invented title and invented authors over a real identifier, as assistants write them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bibnorm.assist import tools
from bibnorm.cli import main
from bibnorm.cli.mcp_cmd import assist_config
from bibnorm.resolve.matching import IDENTIFIER_NAMES_ANOTHER_WORK
from bibnorm.text.titles import title_key, title_similarity
from click.testing import CliRunner
from clients import PDFLATEX, need, run
from fakes.s2_api import build_papers
from fakes.servers import running_fakes
from paths import GOLD

GOLD_RECORDS = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
# Gold records with authors and a title unlike any other's: a chimera built from two of them
# pairs works nobody could take for one another.
WORKS = [
    record
    for position, record in enumerate(GOLD_RECORDS)
    if record.get("authors")
    and len(record["title"].split()) >= 3
    and not any(title_key(record["title"]) == title_key(other["title"]) for other in GOLD_RECORDS[:position])
]
SHIFT = 7  # entry i carries the identifier of work i + SHIFT
DOI_PAPERS = [
    paper
    for paper in build_papers()
    if (paper.get("externalIds") or {}).get("DOI")
    and not paper["externalIds"]["DOI"].lower().startswith("10.48550")
    and paper.get("authors")
]
INVENTED_TOPICS = (
    "Weather Forecasting",
    "Protein Docking",
    "Traffic Prediction",
    "Crop Yield Estimation",
    "Legal Document Retrieval",
    "Sign Language Translation",
    "Wildfire Spread Modelling",
    "Music Transcription",
    "Glacier Monitoring",
    "Seismic Event Detection",
)
INVENTED_METHODS = ("Graph Neural Priors for", "Contrastive Diffusion Policies for")


@dataclass(frozen=True)
class Chimera:
    key: str
    title: str
    authors: tuple[str, ...]
    year: int
    arxiv_id: str | None = None  # the identifier it carries (another work's)
    doi: str | None = None
    as_url: bool = False  # the identifier given as a link (url field) rather than eprint/doi
    own_arxiv_id: str | None = None  # the work its title and authors name, when the sources hold it

    @property
    def identifier(self) -> str:
        return self.arxiv_id or self.doi or ""

    def bibtex(self) -> str:
        fields = [f"  title = {{{self.title}}}", f"  author = {{{' and '.join(self.authors)}}}"]
        fields.append(f"  year = {{{self.year}}}")
        if self.as_url and self.arxiv_id:
            fields.append(f"  url = {{https://arxiv.org/abs/{self.arxiv_id}}}")
        elif self.arxiv_id:
            fields += [f"  eprint = {{{self.arxiv_id}}}", "  archivePrefix = {arXiv}"]
        if self.doi:
            fields.append(f"  doi = {{{self.doi}}}")
        return "@article{" + self.key + ",\n" + ",\n".join(fields) + ",\n}\n"

    def printed(self, number: int | None = None) -> str:
        """The reference as a paper's reference list prints it (numbered, or as one passes it)."""
        names = ", ".join(self.authors[:-1]) + (" and " if len(self.authors) > 1 else "") + self.authors[-1]
        where = f"arXiv preprint arXiv:{self.arxiv_id}" if self.arxiv_id else f"doi:{self.doi}"
        label = "" if number is None else f"[{number}] "
        return f"{label}{names}. {self.title}. {where}, {self.year}."


def _year(record: dict[str, Any]) -> int:
    arxiv_id = record.get("arxiv_id") or ""
    return int(record.get("year") or 2000 + int(arxiv_id[:2]) if arxiv_id[:2].isdigit() else 2020)


def _swapped_arxiv(prefix: str, count: int, *, as_url: bool = False, offset: int = 0) -> list[Chimera]:
    made = []
    for position in range(offset, offset + count):
        work = WORKS[position % len(WORKS)]
        other = WORKS[(position + SHIFT) % len(WORKS)]
        assert title_similarity(work["title"], other["title"]) < 0.8
        made.append(
            Chimera(
                key=f"{prefix}{position}",
                title=work["title"],
                authors=tuple(work["authors"][:4]),
                year=_year(work),
                arxiv_id=other["arxiv_id"],
                as_url=as_url,
                own_arxiv_id=work["arxiv_id"],
            )
        )
    return made


def _swapped_doi(prefix: str) -> list[Chimera]:
    """Invented titles over real DOIs (a known title with a wrong DOI is found by its title
    first: `test_a_known_title_with_a_wrong_doi_is_its_own_paper`)."""
    topics = [f"{method} {topic}" for method in INVENTED_METHODS for topic in INVENTED_TOPICS]
    return [
        Chimera(
            key=f"{prefix}{position}",
            title=f"{topics[position % len(topics)]}: A Study",
            authors=("Jae-Won Leeworth", "Minseo Parkhurst"),
            year=2023,
            doi=paper["externalIds"]["DOI"],
        )
        for position, paper in enumerate(DOI_PAPERS)
    ]


def _invented(prefix: str) -> list[Chimera]:
    made = []
    for position, (method, topic) in enumerate(
        (method, topic) for method in INVENTED_METHODS for topic in INVENTED_TOPICS
    ):
        other = WORKS[(position * 3) % len(WORKS)]
        made.append(
            Chimera(
                key=f"{prefix}{position}",
                title=f"{method} {topic} at Scale",
                authors=("Jae-Won Leeworth", "Minseo Parkhurst"),
                year=2024,
                arxiv_id=other["arxiv_id"],
            )
        )
    return made


BIB_CHIMERAS = [
    *_swapped_arxiv("eprint", 60),
    *_swapped_arxiv("link", 12, as_url=True, offset=60),
    *_swapped_doi("doi"),
    *_invented("invented"),
]
LISTED_CHIMERAS = [*_swapped_arxiv("listed", 30, offset=20), *_invented("listedinvented")[:10]]
ASKED_CHIMERAS = [*_swapped_arxiv("asked", 8, offset=40), *_invented("askedinvented")[10:14]]
CORRECT = [
    Chimera(
        key=f"correct{position}",
        title=work["title"],
        authors=tuple(work["authors"][:4]),
        year=_year(work),
        arxiv_id=work["arxiv_id"],
        own_arxiv_id=work["arxiv_id"],
    )
    for position, work in enumerate(WORKS[:20])
]


def test_the_set_is_large_and_every_form_is_in_it() -> None:
    assert len(BIB_CHIMERAS) + len(LISTED_CHIMERAS) + len(ASKED_CHIMERAS) >= 100
    assert len({c.key for c in BIB_CHIMERAS}) == len(BIB_CHIMERAS)
    assert sum(1 for c in BIB_CHIMERAS if c.doi) >= 10
    assert sum(1 for c in BIB_CHIMERAS if c.as_url) >= 10


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    cache = tmp_path_factory.mktemp("chimeras") / "cache"
    with running_fakes() as apis:
        yield {**apis.env(cache), "NO_COLOR": "", "FORCE_COLOR": ""}


def _by_key(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["read"].get("key") or item["origin"]: item for item in report["items"]}


def _names_another_work(item: dict[str, Any], chimera: Chimera) -> None:
    """The item is not resolved; it says its identifier names another work, and lists that
    record (found by the identifier) and the title's match when the sources hold one."""
    assert item["status"] in ("unresolved", "ambiguous"), item["title"]
    assert item["key"] is None and item["title"] is None
    assert IDENTIFIER_NAMES_ANOTHER_WORK in [problem["code"] for problem in item["problems"]]
    by_identifier = [c for c in item["candidates"] if c["by_identifier"]]
    assert by_identifier, item["candidates"]
    assert chimera.identifier.lower() in {
        (by_identifier[0][name] or "").lower() for name in ("arxiv_id", "doi")
    }
    assert not any(c["acceptable"] for c in by_identifier)
    if chimera.own_arxiv_id:
        assert chimera.own_arxiv_id in [c["arxiv_id"] for c in item["candidates"] if not c["by_identifier"]]


def test_no_bib_chimera_is_resolved_and_each_entry_stays_as_written(
    env: dict[str, str], tmp_path: Path
) -> None:
    given = tmp_path / "refs.bib"
    given.write_text("\n".join(c.bibtex() for c in [*BIB_CHIMERAS, *CORRECT]), encoding="utf-8")
    output, report_path = tmp_path / "out.bib", tmp_path / "report.json"
    result = CliRunner().invoke(
        main, ["resolve", str(given), "-o", str(output), "--report", str(report_path)], env=env
    )
    assert result.exit_code == 0, result.stderr
    report = json.loads(report_path.read_text(encoding="utf-8"))
    items = {item["index"]: item for item in report["items"]}
    written = output.read_text(encoding="utf-8")
    for index, chimera in enumerate(BIB_CHIMERAS):
        _names_another_work(items[index], chimera)
        assert chimera.bibtex().rstrip() in written  # the user's entry, byte for byte
    for index, correct in enumerate(CORRECT, start=len(BIB_CHIMERAS)):
        assert items[index]["status"] == "resolved", items[index]["problems"]
        assert items[index]["arxiv_id"] == correct.arxiv_id
        assert items[index]["key"] == correct.key
    shown = result.stderr
    assert f"{len(BIB_CHIMERAS)} items not resolved" in shown


def test_a_known_title_with_another_works_doi_is_reported_with_both(
    env: dict[str, str], tmp_path: Path
) -> None:
    """arXiv finds such a title before any source is asked its DOI: the DOI is asked all the same,
    and the entry is reported with both records, never written as either."""
    entries = [
        Chimera(
            key=f"wrongdoi{position}",
            title=work["title"],
            authors=tuple(work["authors"][:4]),
            year=_year(work),
            doi=paper["externalIds"]["DOI"],
            own_arxiv_id=work["arxiv_id"],
        )
        for position, (work, paper) in enumerate(zip(WORKS, DOI_PAPERS[:10], strict=False))
    ]
    given = tmp_path / "refs.bib"
    given.write_text("\n".join(c.bibtex() for c in entries), encoding="utf-8")
    result = CliRunner().invoke(main, ["resolve", str(given), "--json"], env=env)
    items = json.loads(result.stdout)["items"]
    reported = 0
    for item, chimera in zip(items, entries, strict=True):
        assert item["status"] != "resolved"
        if IDENTIFIER_NAMES_ANOTHER_WORK in [problem["code"] for problem in item["problems"]]:
            _names_another_work(item, chimera)
            reported += 1
        else:  # a title several records carry: ambiguous before its DOI is weighed
            assert "match.ambiguous" in [problem["code"] for problem in item["problems"]]
    assert reported >= 8


def test_verify_flags_every_bib_chimera(env: dict[str, str], tmp_path: Path) -> None:
    given = tmp_path / "refs.bib"
    given.write_text("\n".join(c.bibtex() for c in [*BIB_CHIMERAS, *CORRECT]), encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", str(given), "--json", "-q"], env=env)
    document = json.loads(result.stdout)
    verdicts = {entry["key"]: entry for entry in document["entries"]}
    for chimera in BIB_CHIMERAS:
        codes = {finding["code"] for finding in verdicts[chimera.key]["findings"]}
        assert codes & {"BN702", "BN704"}, (chimera.key, codes)
    for correct in CORRECT:  # (an @article without its journal has findings of its own)
        assert not {f["code"] for f in verdicts[correct.key]["findings"]} & {"BN702", "BN704"}
    assert result.exit_code != 0


def test_no_chimera_of_a_pasted_reference_list_is_resolved(env: dict[str, str], tmp_path: Path) -> None:
    listed = tmp_path / "refs.txt"
    lines = [c.printed(number) for number, c in enumerate([*LISTED_CHIMERAS, *CORRECT[:5]], start=1)]
    listed.write_text("References\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    output, report = tmp_path / "out.bib", tmp_path / "report.json"
    result = CliRunner().invoke(
        main, ["resolve", str(listed), "-o", str(output), "--report", str(report)], env=env
    )
    assert result.exit_code == 0, result.stderr
    items = json.loads(report.read_text(encoding="utf-8"))["items"]
    assert len(items) == len(LISTED_CHIMERAS) + 5
    for item, chimera in zip(items, LISTED_CHIMERAS, strict=False):
        assert item["duplicate_of"] is None
        _names_another_work(item, chimera)
    assert [item["arxiv_id"] for item in items[len(LISTED_CHIMERAS) :]] == [c.arxiv_id for c in CORRECT[:5]]
    written = output.read_text(encoding="utf-8")
    assert written.count("@") == 5


def test_no_chimera_of_a_reading_list_is_resolved(env: dict[str, str], tmp_path: Path) -> None:
    """A reading list's titles linked to another work's arXiv page ("- [Title](https://arxiv.org/abs/…)",
    "Title (arXiv:…)"): the identifier is asked and its record weighed against the title."""
    linked, bracketed = _swapped_arxiv("reading", 10, offset=50), _invented("readinginvented")[:5]
    lines = [f"- [{c.title}](https://arxiv.org/abs/{c.arxiv_id})" for c in [*linked, *CORRECT[5:10]]]
    lines += [f"{number}. {c.title} (arXiv:{c.arxiv_id})" for number, c in enumerate(bracketed, start=1)]
    listed = tmp_path / "reading-list.txt"
    listed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["resolve", str(listed), "--json"], env=env)
    items = json.loads(result.stdout)["items"]
    assert len(items) == 20
    for item, chimera in zip(items, [*linked, *CORRECT[5:10], *bracketed], strict=True):
        if chimera in CORRECT:
            assert item["status"] == "resolved", item["problems"]
            assert item["arxiv_id"] == chimera.arxiv_id
        else:
            _names_another_work(item, chimera)


def _latex(text: str) -> str:
    """Text as LaTeX prints it: its special characters escaped."""
    for special in "\\&%$#_{}":
        text = text.replace(special, "\\" + special if special != "\\" else "\\textbackslash{}")
    return text.replace("~", "\\textasciitilde{}").replace("^", "\\textasciicircum{}")


@pytest.mark.clients
def test_no_chimera_of_a_papers_pdf_is_resolved(env: dict[str, str], tmp_path: Path) -> None:
    """The same references typeset in a paper's PDF (pdfLaTeX, thebibliography) and read back."""
    need("pdflatex")
    chimeras, correct = LISTED_CHIMERAS[:20], CORRECT[:5]
    items = "\n".join(
        f"\\bibitem{{r{number}}} {_latex(reference.printed())}"
        for number, reference in enumerate([*chimeras, *correct], start=1)
    )
    (tmp_path / "paper.tex").write_text(
        "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\begin{document}\nA paper.\n"
        f"\\begin{{thebibliography}}{{99}}\n{items}\n\\end{{thebibliography}}\n\\end{{document}}\n",
        encoding="utf-8",
    )
    compiled = run([*PDFLATEX[:-1], "paper"], tmp_path)
    assert compiled.returncode == 0, compiled.stdout[-2000:]
    report = tmp_path / "report.json"
    arguments = [
        "resolve",
        str(tmp_path / "paper.pdf"),
        "-o",
        str(tmp_path / "out.bib"),
        "--report",
        str(report),
    ]
    result = CliRunner().invoke(main, arguments, env=env)
    assert result.exit_code == 0, result.stderr
    read = json.loads(report.read_text(encoding="utf-8"))["items"]
    assert len(read) == len(chimeras) + len(correct)
    for item, chimera in zip(read, chimeras, strict=False):
        _names_another_work(item, chimera)
    assert [item["arxiv_id"] for item in read[len(chimeras) :]] == [c.arxiv_id for c in correct]


@pytest.fixture
def assistant(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> tools.AssistConfig:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return assist_config((), {})


@pytest.mark.parametrize("chimera", [pytest.param(c, id=c.key) for c in ASKED_CHIMERAS])
def test_the_assistants_lookup_does_not_resolve_a_chimera(
    assistant: tools.AssistConfig, chimera: Chimera
) -> None:
    answer = tools.lookup_reference(assistant, chimera.printed())
    assert answer["resolved"] is False
    _names_another_work(answer, chimera)


def test_the_assistants_resolve_writes_no_chimera(assistant: tools.AssistConfig) -> None:
    text = "\n".join(c.bibtex() for c in [*ASKED_CHIMERAS, CORRECT[0]])
    answer = tools.resolve_references(assistant, text)
    # the one that resolved, and each chimera as the user's own entry gives it, as `resolve` of a
    # .bib on stdin writes them: resolved to nothing, nothing of the user's lost
    assert answer["text"].count("@") == 1 + len(ASKED_CHIMERAS) and CORRECT[0].arxiv_id in answer["text"]
    assert answer["summary"]["resolved"] == 1 and answer["summary"]["as_given"] == len(ASKED_CHIMERAS)
    assert len(answer["not_resolved"]) == len(ASKED_CHIMERAS)
    for item, chimera in zip(answer["not_resolved"], ASKED_CHIMERAS, strict=True):
        _names_another_work(item, chimera)
        assert item["as_given"] == chimera.key


def test_tex_refresh_replaces_no_preprint_entry_by_another_works_record(
    env: dict[str, str], tmp_path: Path
) -> None:
    chimeras = BIB_CHIMERAS[:3]
    bib = tmp_path / "refs.bib"
    original = "\n".join(c.bibtex().replace("@article", "@misc") for c in chimeras)
    bib.write_text(original, encoding="utf-8")
    draft = tmp_path / "paper.tex"
    cites = ",".join(c.key for c in chimeras)
    draft.write_text(
        f"\\documentclass{{article}}\\begin{{document}}\\cite{{{cites}}}\n\\bibliography{{refs}}\\end{{document}}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["tex", str(draft), "--refresh", "--json"], env=env)
    assert bib.read_text(encoding="utf-8") == original, result.output
    assert json.loads(result.stdout)["upgraded"] == []
