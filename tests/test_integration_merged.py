"""Where features built apart meet: one feature's output or input through another's.

- verify of works that are not papers (normalizer/verify/kinds) on the inputs verify reads
  through resolve's readers (normalizer/verify/reading.py): a book, a thesis and a retracted
  paper get the same verdicts from an RIS export, a CSL-JSON export and a pasted reference list
  as from the ``.bib``;
- ``verify --tex`` with ``--html``: the page shows the draft audit (BN791, BN792) that the
  terminal, ``--json`` and the exit code report;
- a ``style`` preset set in the config: ``resolve`` writes the preset's layout, and ``check``
  and ``format`` take that layout as the canonical one (no BN602 on resolve's own output).

The sources are fakes over real HTTP on 127.0.0.1: Crossref with the verify-kinds bodies (the
retracted paper, its notice), Open Library with its recorded books, Semantic Scholar and arXiv.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from bibnorm.cli import EXIT_FINDINGS, main
from click.testing import CliRunner
from fakes.arxiv_api import FakeArxivServer
from fakes.crossref_api import FakeCrossref
from fakes.kinds_world import RETRACTED, crossref_works
from fakes.openlibrary_api import FakeOpenLibrary
from fakes.s2_api import FakeS2
from fakes.servers import running_fakes

# --- non-paper kinds through every reader -----------------------------------------------------

MYC_AUTHORS = [(a["given"], a["family"]) for a in RETRACTED["author"]]
MYC_TITLE = RETRACTED["title"][0]
MYC_JOURNAL = RETRACTED["container-title"][0]
MYC_DOI = RETRACTED["DOI"]

BIB = (
    "@book{goodfellow2016deep,\n"
    "  author = {Goodfellow, Ian and Bengio, Yoshua and Courville, Aaron},\n"
    "  title = {Deep Learning}, publisher = {MIT Press}, year = {2016},\n}\n\n"
    "@phdthesis{okafor2001learning,\n"
    "  author = {Okafor, Chidi}, title = {Learning Things Slowly}, school = {MIT}, year = {2001},\n}\n\n"
    "@article{feng2020myc,\n"
    f"  author = {{{' and '.join(f'{family}, {given}' for given, family in MYC_AUTHORS)}}},\n"
    f"  title = {{{MYC_TITLE}}}, journal = {{{MYC_JOURNAL}}}, volume = {{12}}, year = {{2020}},\n"
    f"  doi = {{{MYC_DOI}}},\n}}\n"
)
RIS = (
    "TY  - BOOK\nAU  - Goodfellow, Ian\nAU  - Bengio, Yoshua\nAU  - Courville, Aaron\n"
    "TI  - Deep Learning\nPB  - MIT Press\nPY  - 2016\nER  - \n\n"
    "TY  - THES\nAU  - Okafor, Chidi\nTI  - Learning Things Slowly\nPB  - MIT\nPY  - 2001\nER  - \n\n"
    "TY  - JOUR\n"
    + "".join(f"AU  - {family}, {given}\n" for given, family in MYC_AUTHORS)
    + f"TI  - {MYC_TITLE}\nT2  - {MYC_JOURNAL}\nVL  - 12\nPY  - 2020\nDO  - {MYC_DOI}\nER  - \n"
)
CSL = json.dumps(
    [
        {
            "id": "goodfellow2016deep",
            "type": "book",
            "title": "Deep Learning",
            "author": [
                {"family": "Goodfellow", "given": "Ian"},
                {"family": "Bengio", "given": "Yoshua"},
                {"family": "Courville", "given": "Aaron"},
            ],
            "publisher": "MIT Press",
            "issued": {"date-parts": [[2016]]},
        },
        {
            "id": "okafor2001learning",
            "type": "thesis",
            "title": "Learning Things Slowly",
            "author": [{"family": "Okafor", "given": "Chidi"}],
            "publisher": "MIT",
            "issued": {"date-parts": [[2001]]},
        },
        {
            "id": "feng2020myc",
            "type": "article-journal",
            "title": MYC_TITLE,
            "author": [{"family": family, "given": given} for given, family in MYC_AUTHORS],
            "container-title": MYC_JOURNAL,
            "volume": "12",
            "issued": {"date-parts": [[2020]]},
            "DOI": MYC_DOI,
        },
    ]
)
_MYC_NAMES = ", ".join(
    f"{' '.join(part[0] + '.' for part in given.split())} {family}" for given, family in MYC_AUTHORS[:-1]
)
REFS = (
    "References\n\n"
    "[1] I. Goodfellow, Y. Bengio, and A. Courville. Deep Learning. MIT Press, 2016.\n"
    "[2] C. Okafor. Learning Things Slowly. PhD thesis, MIT, 2001.\n"
    f"[3] {_MYC_NAMES}, and H. Shi. {MYC_TITLE}. {MYC_JOURNAL}, 12, 2020. doi:{MYC_DOI}\n"
)


@pytest.fixture(scope="module")
def kind_sources() -> Iterator[dict[str, str]]:
    s2 = FakeS2(papers=[]).start()
    arxiv = FakeArxivServer([]).start()
    crossref = FakeCrossref(crossref_works()).start()
    openlibrary = FakeOpenLibrary().start()
    try:
        yield {
            "BIBNORM_S2_API_URL": s2.url,
            "BIBNORM_ARXIV_API_URL": arxiv.url,
            "BIBNORM_CROSSREF_API_URL": crossref.url,
            "BIBNORM_OPENLIBRARY_API_URL": openlibrary.url,
            "BIBNORM_S2_DELAY": "0",
            "BIBNORM_ARXIV_DELAY": "0",
            "BIBNORM_CROSSREF_DELAY": "0",
            "BIBNORM_CROSSREF_SEARCH_DELAY": "0",
            "BIBNORM_OPENLIBRARY_DELAY": "0",
            "BIBNORM_SNAPSHOT": "",
            "BIBNORM_DBLP_INDEX": "",
            "S2_API_KEY": "",
        }
    finally:
        for server in (s2, arxiv, crossref, openlibrary):
            server.stop()


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind_sources: dict[str, str]) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    for name, value in kind_sources.items():
        monkeypatch.setenv(name, value)
    return CliRunner()


# What the .bib gets, in file order: the book from Open Library, the thesis held by no source,
# the retracted paper from Crossref with its notice.
KIND_VERDICTS = [
    ("verified", []),
    ("unverifiable", ["BN700"]),  # the JSON carries the BN700 the text shows
    ("verified", ["BN751"]),
]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        pytest.param("refs.bib", BIB, id="bib"),
        pytest.param("refs.ris", RIS, id="ris-export"),
        pytest.param("refs.json", CSL, id="csl-json-export"),
        pytest.param("refs.txt", REFS, id="pasted-reference-list"),
    ],
)
def test_books_theses_and_retractions_get_the_bibs_verdicts_from_every_reader(
    runner: CliRunner, tmp_path: Path, name: str, text: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["verify", "--json", "-q", name])
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)["entries"]
    got = [(e["verdict"], sorted(f["code"] for f in e["findings"])) for e in entries]
    assert got == KIND_VERDICTS, entries


# --- verify --tex --html --------------------------------------------------------------------


def _page_text(path: Path) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_the_html_report_of_a_tex_audit_shows_the_missing_and_the_uncited_keys(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "paper.tex").write_text(
        "\\documentclass{article}\\begin{document}\n"
        "\\cite{feng2020myc,goodfellow2016deep,nosuchkey}\n"
        "\\bibliography{refs}\\end{document}\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["verify", "--tex", "paper.tex", "--html", "report.html", "--json", "-q"])
    assert result.exit_code == EXIT_FINDINGS, result.output  # a cited key no entry holds
    audit = json.loads(result.stdout)["audit"]
    assert [a["key"] for a in audit["missing"]] == ["nosuchkey"]
    assert [a["key"] for a in audit["uncited"]] == ["okafor2001learning"]
    page = _page_text(tmp_path / "report.html")
    assert re.search(r"BN791 error cited, but no entry has this key .*nosuchkey|nosuchkey.*BN791", page), page
    assert "nosuchkey paper.tex:2" in page
    assert re.search(r"okafor2001learning.*BN792|BN792.*okafor2001learning", page), page
    assert "never cited in paper.tex" in page


# --- a style preset from the config, through resolve, check and format ------------------------


@pytest.fixture(scope="module")
def apis() -> Iterator[Any]:
    with running_fakes() as running:
        yield running


@pytest.mark.parametrize("style", ["arxiv", "dblp", "google-scholar"])
def test_a_configured_preset_is_the_layout_check_and_format_expect(
    apis: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, style: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bibnorm.toml").write_text(f'style = "{style}"\n', encoding="utf-8")
    (tmp_path / "in.txt").write_text("1706.03762\n2006.11239\n", encoding="utf-8")
    env = apis.env(tmp_path / "cache")
    resolved = CliRunner().invoke(main, ["resolve", "in.txt", "-o", "refs.bib", "-q"], env=env)
    assert resolved.exit_code == 0, resolved.output
    written = (tmp_path / "refs.bib").read_text(encoding="utf-8")
    checked = CliRunner().invoke(main, ["check", "--offline", "refs.bib"], env=env)
    assert checked.exit_code == 0, checked.output
    assert "BN602" not in checked.output
    formatted = CliRunner().invoke(main, ["format", "refs.bib"], env=env)
    assert formatted.exit_code == 0, formatted.output
    assert formatted.stdout == written


@pytest.mark.parametrize(
    ("reference", "entry_type", "publisher"),
    [
        pytest.param("J. Okafor. Learning Things. PhD thesis, MIT, 2001.", "phdthesis", "MIT", id="phd"),
        pytest.param(
            "J. Okafor. Learning things. Ph.D. dissertation, Stanford University, 2001.",
            "phdthesis",
            "Stanford University",
            id="phd-dissertation",
        ),
        pytest.param(
            "A. Lee. Fast Sorting. Master's thesis, ETH Zurich, 2010.",
            "mastersthesis",
            "ETH Zurich",
            id="masters",
        ),
        pytest.param(
            "I. Goodfellow, Y. Bengio, and A. Courville. Deep Learning. MIT Press, 2016.",
            "book",
            "MIT Press",
            id="press-alone-is-a-book",
        ),
        pytest.param(
            "A. Vaswani and N. Shazeer. Attention is all you need. In NeurIPS, 2017.",
            "inproceedings",
            None,
            id="conference-paper",
        ),
        pytest.param(
            "B. Lee. A study of things. Journal of Machine Learning Research, 12, 2011.",
            "article",
            None,
            id="journal-paper",
        ),
    ],
)
def test_a_printed_reference_says_what_kind_of_work_it_cites(
    reference: str, entry_type: str, publisher: str | None
) -> None:
    from bibnorm.readers.refs import read_refs

    (query,) = read_refs(f"[1] {reference}\n", "refs.txt")
    assert (query.entry_type, query.publisher) == (entry_type, publisher)


# --- the dblp preset's biburl names the record of what the entry cites ------------------------


def test_the_dblp_presets_biburl_is_the_publications_record_not_the_preprints(
    apis: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Semantic Scholar's record of "Attention Is All You Need" (recorded: fixtures/shared/
    # reference/api-samples/s2/search-match-arxiv-paper.json) names the NeurIPS paper but gives
    # the CoRR listing's dblp key, journals/corr/VaswaniSPUJGKP17.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.txt").write_text("1706.03762\n", encoding="utf-8")
    env = apis.env(tmp_path / "cache")
    published = CliRunner().invoke(main, ["resolve", "in.txt", "-q", "--style", "dblp"], env=env)
    assert published.exit_code == 0, published.output
    assert published.stdout.startswith("@inproceedings{")
    assert "journals/corr/" not in published.stdout
    preprint = CliRunner().invoke(
        main, ["resolve", "in.txt", "-q", "--style", "dblp", "--prefer", "preprint"], env=env
    )
    assert preprint.exit_code == 0, preprint.output
    assert preprint.stdout.startswith("@article{")
    assert re.search(r"journal +\= \{CoRR\}", preprint.stdout), preprint.stdout
