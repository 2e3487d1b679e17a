"""``bibnorm verify`` on every input ``resolve`` reads: the same verdicts as on the ``.bib``.

The paper is fixtures/pdf/hallmark.bib: the first 60 entries of the verify dev set (HALLMARK
dev_public, valid and hallucinated) that cite distinct papers, typeset by plainnat
(hallmark-plainnat.pdf, its .bbl, and its references copied out with pdftotext). The RIS
and CSL-JSON exports are written here from the .bib's fields, as a reference manager would.
The sources are the fakes holding the dev set's world, over real HTTP on 127.0.0.1.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bibnorm.bib.bibfile import BibEntry, read_bibfile
from bibnorm.cli import EXIT_FINDINGS, EXIT_SOURCES_FAILED, main
from bibnorm.text.titles import plain_text, title_key
from click.testing import CliRunner
from fakes.verify_world import world_sources
from paths import FIXTURES

PAPER = FIXTURES / "pdf" / "hallmark.bib"
ENTRIES = read_bibfile(PAPER).entries


@pytest.fixture(scope="module")
def sources() -> Iterator[dict[str, str]]:
    with world_sources() as running:
        yield running.env() | {"BIBNORM_RESOLVERS": "arxiv,s2,crossref"}


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sources: dict[str, str]) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    for name, value in sources.items():
        monkeypatch.setenv(name, value)
    return CliRunner()


def _verdicts(runner: CliRunner, path: Path) -> tuple[list[dict[str, object]], str]:
    result = runner.invoke(main, ["verify", "--json", str(path)])
    assert result.exit_code in (0, EXIT_FINDINGS), result.output
    return json.loads(result.stdout)["entries"], result.stderr


def _by_title(entries: list[dict[str, object]], titles: list[str]) -> dict[str, tuple[str, list[str]]]:
    return {
        title_key(title): (str(entry["verdict"]), sorted(f["code"] for f in entry["findings"]))  # type: ignore[attr-defined,index]
        for title, entry in zip(titles, entries, strict=True)
    }


def _names(entry: BibEntry) -> list[str]:
    return [" ".join(n.split()) for n in re.split(r"\s+and\s+", plain_text(entry.get("author") or "")) if n]


def _ris(entries: list[BibEntry]) -> str:
    records = []
    for entry in entries:
        lines = [f"TY  - {'JOUR' if entry.entry_type == 'article' else 'CONF'}", f"ID  - {entry.key}"]
        lines.append(f"TI  - {plain_text(entry.get('title') or '')}")
        lines += [f"AU  - {name}" for name in _names(entry)]
        for tag, field in (("PY", "year"), ("DO", "doi"), ("UR", "url")):
            if entry.get(field):
                lines.append(f"{tag}  - {entry.get(field)}")
        venue = entry.get("booktitle") or entry.get("journal")
        if venue:
            lines.append(f"T2  - {plain_text(venue)}")
        records.append("\n".join([*lines, "ER  - "]))
    return "\n\n".join(records) + "\n"


def _csl(entries: list[BibEntry]) -> str:
    items = []
    for entry in entries:
        item: dict[str, object] = {
            "id": entry.key,
            "type": "article-journal" if entry.entry_type == "article" else "paper-conference",
            "title": plain_text(entry.get("title") or ""),
            "author": [{"given": " ".join(n.split()[:-1]), "family": n.split()[-1]} for n in _names(entry)],
        }
        if entry.get("year"):
            item["issued"] = {"date-parts": [[int(entry.get("year") or 0)]]}
        for name, field in (("DOI", "doi"), ("URL", "url")):
            if entry.get(field):
                item[name] = entry.get(field)
        venue = entry.get("booktitle") or entry.get("journal")
        if venue:
            item["container-title"] = plain_text(venue)
        items.append(item)
    return json.dumps(items, indent=1, ensure_ascii=False)


@pytest.fixture(scope="module")
def from_bib(
    sources: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[str, list[str]]]:
    folder = tmp_path_factory.mktemp("bib")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        patch.setenv("BIBNORM_CACHE_DIR", str(folder / "cache"))
        for name, value in sources.items():
            patch.setenv(name, value)
        entries, _ = _verdicts(CliRunner(), PAPER)
    return _by_title(entries, [e.get("title") or "" for e in ENTRIES])


@pytest.mark.parametrize(
    ("make", "suffix", "read_as"),
    [
        pytest.param(None, "hallmark-plainnat.pdf", "the PDF's references section", id="pdf"),
        pytest.param(None, "hallmark-plainnat.bbl", None, id="bbl"),
        pytest.param(
            None, "hallmark-plainnat.txt", "read as a reference list: 60 references", id="pasted-list"
        ),
        pytest.param(_ris, "paper.ris", None, id="ris"),
        pytest.param(_csl, "paper.json", None, id="csl-json"),
    ],
)
def test_every_input_gets_the_verdicts_of_the_equivalent_bib(
    make: object, suffix: str, read_as: str | None, runner: CliRunner, tmp_path: Path,
    from_bib: dict[str, tuple[str, list[str]]],
) -> None:  # fmt: skip
    from bibnorm.readers import read_inputs

    if make is None:
        path = FIXTURES / "pdf" / suffix
    else:
        path = tmp_path / suffix
        path.write_text(make(ENTRIES), encoding="utf-8")  # type: ignore[operator]
    entries, stderr = _verdicts(runner, path)
    titles = [q.title or "" for q in read_inputs([path])]
    assert _by_title(entries, titles) == from_bib
    flagged = sum(1 for verdict, _ in from_bib.values() if verdict in ("mismatch", "not_found"))
    assert 0 < flagged < len(from_bib)  # both kinds are in the paper
    if read_as:
        assert read_as in stderr


@pytest.mark.parametrize(
    "name", [pytest.param("hallmark-plainnat.txt", id="pasted-list"), pytest.param("hallmark.bib", id="bib")]
)
def test_standard_input_is_read_as_what_it_is_like_the_same_file(name: str, runner: CliRunner) -> None:
    path = FIXTURES / "pdf" / name
    from_file, _ = _verdicts(runner, path)
    result = runner.invoke(main, ["verify", "--json", "-"], input=path.read_bytes())
    assert result.exit_code in (0, EXIT_FINDINGS), result.output
    assert json.loads(result.stdout)["entries"] == from_file


def test_a_reference_list_is_keyed_by_number_or_first_author_and_year(
    runner: CliRunner, tmp_path: Path
) -> None:
    numbered = tmp_path / "numbered.txt"
    numbered.write_text(
        "[1] Bahar Azari and Deniz Erdogmus. Circular-symmetric correlation layer. Mach. Learn., 2023.\n"
        "[2] Xiang Deng and Zhongfei Zhang. Aggregating binary judgments ranked by accuracy. In AAAI, 2021.\n"
        "[3] Bahar Azari and Deniz Erdogmus. Another paper nobody wrote about correlation. In ICML, 2023.\n",
        encoding="utf-8",
    )
    unnumbered = tmp_path / "unnumbered.txt"
    unnumbered.write_text(
        re.sub(r"^\[\d\] ", "", numbered.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8"
    )
    assert [e["key"] for e in _verdicts(runner, numbered)[0]] == ["[1]", "[2]", "[3]"]
    assert [e["key"] for e in _verdicts(runner, unnumbered)[0]] == ["Azari2023", "Deng2021", "Azari2023b"]


def test_every_entry_shows_what_was_read_from_its_item(runner: CliRunner, tmp_path: Path) -> None:
    """``read``: what the reader took from each item, whatever it verified to, so a user sees
    why an item did not verify; an item that claims nothing shows what little was read."""
    listed = tmp_path / "refs.txt"
    listed.write_text(
        "[1] Bahar Azari and Deniz Erdogmus. Circular-symmetric correlation layer. Mach. Learn., 2023.\n"
        "[2] Xiang Deng and Zhongfei Zhang. Aggregating binary judgments ranked by accuracy. In AAAI, 2021.\n"
        "[3] Bahar Azari and Deniz Erdogmus. Another paper nobody wrote about correlation. In ICML, 2023.\n",
        encoding="utf-8",
    )
    first, second, _ = (entry["read"] for entry in _verdicts(runner, listed)[0])
    assert first.pop("venue").startswith("Mach. Learn")  # type: ignore[attr-defined]
    assert first == {
        "title": "Circular-symmetric correlation layer",
        "authors": ["Bahar Azari", "Deniz Erdogmus"],
        "year": 2023,
        "doi": None,
        "arxiv_id": None,
        "entry_type": "article",  # a journal's abbreviation
        "volume": None,
        "pages": None,
        "page": None,
        "line": 1,
        "confidence": None,  # verify's claims carry no tagger's confidence
    }
    assert second["line"] == 2  # type: ignore[index]
    (tmp_path / "refs.ris").write_text("TY  - JOUR\nER  - \n", encoding="utf-8")
    result = runner.invoke(main, ["verify", "--json", str(tmp_path / "refs.ris")])
    assert json.loads(result.stdout)["entries"][0]["read"]["title"] is None


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        pytest.param(
            "empty.bib", "% nothing here\n",
            "empty.bib: no entries to verify (read as BibTeX); nothing was checked", id="bib",
        ),
        pytest.param("refs.ris", "", "refs.ris: input is empty", id="empty-ris"),
        pytest.param(
            "refs.json",
            "[]",
            "refs.json: not CSL-JSON (a JSON array of items with titles and CSL's type, author or "
            "issued fields)",
            id="csl-json",
        ),
        pytest.param("refs.txt", "\n\n", "refs.txt: input is empty", id="blank-list"),
    ],
)  # fmt: skip
def test_nothing_to_verify_is_an_error_never_a_pass(
    name: str, text: str, message: str, runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["verify", name])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"bibnorm: error: {message}"]


def test_an_item_that_claims_nothing_is_unverifiable_not_passed(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "refs.ris").write_text("TY  - JOUR\nER  - \n", encoding="utf-8")
    result = runner.invoke(main, ["verify", "refs.ris"])
    assert result.exit_code == EXIT_SOURCES_FAILED  # nothing could be checked: never a pass
    assert "BN700 warning: could not be verified (no title could be read from the item)" in result.stdout
