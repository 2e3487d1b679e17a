"""Zotero libraries verified in place: the item reader, the local-API client, ``verify zotero:``.

The client and the command run against a fake of Zotero's local API and Better BibTeX's JSON-RPC
(tests/fakes/zotero_api.py) over real HTTP on 127.0.0.1; the papers are the verify world's
(tests/fakes/verify_world.py), so verdicts come from the same fakes ``verify refs.bib`` asks.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fakes.openlibrary_api import FakeOpenLibrary
from fakes.verify_world import world_sources
from fakes.zotero_api import LIBRARY, FakeZotero, author, item

import resolvers.zotero
from normalizer.cli import main
from normalizer.config import Settings
from normalizer.readers import detect_format, read_inputs
from normalizer.readers.zotero import read_zotero
from resolvers._session import build_local_session
from resolvers.zotero import ZoteroClient, ZoteroError


def read_one(data: dict[str, Any], citekeys: dict[str, str] | None = None) -> Any:
    (query,) = read_zotero(json.dumps([item("ABCD2345", data)]), "zotero", citekeys)
    return query


# --- the reader: Zotero's fields → the query ----------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            {
                "itemType": "journalArticle",
                "title": "Sherlock  Holmes in Babylon",
                "creators": [author("R. Creighton", "Buck")],
                "date": "May 01, 1980",
                "publicationTitle": "The American Mathematical Monthly",
                "DOI": "10.2307/2321200",
            },
            {
                "entry_type": "article",
                "title": "Sherlock Holmes in Babylon",
                "authors": ("Buck, R. Creighton",),
                "year": 1980,
                "venue": "The American Mathematical Monthly",
                "doi": "10.2307/2321200",
            },
            id="journal-article",
        ),
        pytest.param(
            {
                "itemType": "conferencePaper",
                "title": "A Paper",
                "creators": [author("V.", "Leveille"), {"creatorType": "author", "name": "IEEE Team"}],
                "date": "06/2007",
                "proceedingsTitle": "2007 IEEE Pulsed Power Plasma Science Conference",
            },
            {
                "entry_type": "inproceedings",
                "authors": ("Leveille, V.", "IEEE Team"),
                "year": 2007,
                "venue": "2007 IEEE Pulsed Power Plasma Science Conference",
            },
            id="conference-paper-with-a-single-field-name",
        ),
        pytest.param(
            {"itemType": "preprint", "title": "P", "archiveID": "arXiv:2101.00001", "repository": "arXiv"},
            {"entry_type": "misc", "arxiv_id": "2101.00001", "venue": "arXiv"},
            id="preprint-arxiv-id-in-archiveID",
        ),
        pytest.param(
            {"itemType": "journalArticle", "title": "P", "extra": "PMID: 1\narXiv: 1706.03762v5"},
            {"arxiv_id": "1706.03762", "arxiv_version": 5},
            id="arxiv-id-in-extra",
        ),
        pytest.param(
            {"itemType": "report", "title": "P", "extra": "DOI: 10.1000/XYZ", "institution": "RAND"},
            {"entry_type": "techreport", "doi": "10.1000/XYZ", "publisher": "RAND"},
            id="doi-in-extra-for-a-type-without-a-doi-field",
        ),
        pytest.param(
            {
                "itemType": "book",
                "title": "Edited Volume",
                "creators": [author("Jean-Marie", "Andrieu", "editor"), author("W.", "Lu", "contributor")],
                "publisher": "Plenum Press",
            },
            {"entry_type": "book", "authors": ("Andrieu, Jean-Marie",), "publisher": "Plenum Press"},
            id="book-with-editors-only",
        ),
        pytest.param(
            {
                "itemType": "computerProgram",
                "title": "A Tool",
                "creators": [author("Ada", "Lovelace", "programmer"), author("C.", "Babbage", "contributor")],
                "repository": "GitHub",
            },
            {"entry_type": "software", "authors": ("Lovelace, Ada",), "venue": "GitHub"},
            id="program-by-its-programmers",
        ),
        pytest.param(
            {"itemType": "film", "title": "T", "creators": [author("Edwin", "Blum", "contributor")]},
            {"authors": ()},
            id="contributors-are-no-authors",
        ),
        pytest.param(
            {"itemType": "thesis", "title": "T", "thesisType": "Master's thesis", "university": "MIT"},
            {"entry_type": "mastersthesis", "publisher": "MIT"},
            id="masters-thesis",
        ),
        pytest.param(
            {"itemType": "thesis", "title": "T", "thesisType": "PhD thesis", "university": "MIT"},
            {"entry_type": "phdthesis", "publisher": "MIT"},
            id="phd-thesis",
        ),
        pytest.param(
            {"itemType": "film", "title": "T"},
            {"entry_type": "misc"},
            id="a-type-bibtex-has-no-word-for-is-misc",
        ),
        pytest.param(
            {"itemType": "journalArticle", "title": "ImageNet 2012", "date": "2012"},
            {"title": "ImageNet 2012", "year": 2012},
            id="a-title-with-a-year-stays-a-title",
        ),
    ],
)
def test_zotero_fields_become_the_query(data: dict[str, Any], expected: dict[str, Any]) -> None:
    query = read_one(data)
    assert {name: getattr(query, name) for name in expected} == expected


@pytest.mark.parametrize(
    ("extra", "field", "better_bibtex", "expected"),
    [
        pytest.param("", "", {"ABCD2345": "bbt2020"}, "bbt2020", id="better-bibtex-first"),
        pytest.param("Citation Key: pinned2020", "zot2020", {}, "pinned2020", id="pinned-in-extra"),
        pytest.param("", "zot2020", {}, "zot2020", id="zoteros-own-field"),
        pytest.param("", "", {}, None, id="none"),
    ],
)
def test_the_citation_key(
    extra: str, field: str, better_bibtex: dict[str, str], expected: str | None
) -> None:
    data = {"itemType": "journalArticle", "title": "T", "extra": extra, "citationKey": field}
    assert read_one(data, better_bibtex).key == expected


def test_notes_attachments_and_trashed_items_are_skipped() -> None:
    trashed = item("TRSH0001", {"itemType": "journalArticle", "title": "Gone", "deleted": 1})
    queries = read_zotero(json.dumps([*LIBRARY, trashed]), "zotero")
    assert [q.title for q in queries] == [
        "Denoising Diffusion Probabilistic Models",
        "Towards Diverse and Natural Scene-aware 3D Human Motion Synthesis",
        "Denoising Diffusion Probabilistic Models",
        "Diffusion Models for High-Resolution Image Synthesis",
        "A Book Nobody Wrote",
        "Learning to Denoise",
    ]
    assert [q.origin.line for q in queries] == [1, 2, 3, 4, 5, 6]


def test_a_saved_items_file_is_detected_before_csl_json(tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    path.write_text(json.dumps(LIBRARY, indent=4), encoding="utf-8")
    assert detect_format(path.read_text(encoding="utf-8")) == "zotero"
    assert len(read_inputs([path])) == 6
    assert detect_format('[{"title": "T", "type": "book"}]') == "csl-json"


# --- the client against the fake local API ------------------------------------------------


@pytest.fixture
def zotero() -> Iterator[FakeZotero]:
    fake = FakeZotero().start()
    yield fake
    fake.stop()


def client_for(url: str) -> ZoteroClient:
    settings = Settings(zotero_api_url=url)
    return ZoteroClient(build_local_session(settings), settings)


def test_the_library_is_read_page_by_page_with_better_bibtex_keys(
    zotero: FakeZotero, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resolvers.zotero, "PAGE", 3)
    library = client_for(zotero.api_url).library()
    assert [i["key"] for i in json.loads(library.items_json)] == [i["key"] for i in LIBRARY]
    starts = [path for method, path, _ in zotero.requests if method == "GET"]
    assert starts == [f"/api/users/0/items?format=json&limit=3&start={n}" for n in (0, 3, 6)]
    assert library.citekeys == {"DDPM0001": "ho2020ddpm", "WANG0001": "wang2022scene", "CHIM0001": "chimera"}
    # The local API needs no key, and none is sent to it.
    assert not any(
        name.lower() in ("zotero-api-key", "authorization") for *_, h in zotero.requests for name in h
    )


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        pytest.param("COLL0001", ["DDPM0001", "WANG0001"], id="by-key"),
        pytest.param("real papers", ["DDPM0001", "WANG0001"], id="by-name-case-aside"),
    ],
)
def test_a_collection_by_key_or_name(zotero: FakeZotero, wanted: str, expected: list[str]) -> None:
    library = client_for(zotero.api_url).library(wanted)
    assert [i["key"] for i in json.loads(library.items_json)] == expected
    assert library.name == f"zotero:{wanted}"


@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        pytest.param(
            "Suspicious",
            "zotero:Suspicious: 2 collections have this name; name one by its key (COLL0002, COLL0003)",
            id="ambiguous-name",
        ),
        pytest.param(
            "Thesis", "zotero:Thesis: no collection has this a name in the Zotero library", id="none"
        ),
    ],
)
def test_a_collection_that_cannot_be_told(zotero: FakeZotero, wanted: str, message: str) -> None:
    with pytest.raises(ZoteroError) as caught:
        client_for(zotero.api_url).library(wanted)
    assert str(caught.value) == message


def test_without_better_bibtex_the_keys_come_from_extra() -> None:
    fake = FakeZotero(citekeys=None).start()
    try:
        library = client_for(fake.api_url).library()
    finally:
        fake.stop()
    assert library.citekeys == {}
    assert [q.key for q in read_zotero(library.items_json, "zotero")] == [
        None,
        None,
        "fake_id",
        None,
        None,
        None,
    ]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --- the command ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sources() -> Iterator[dict[str, str]]:
    books = FakeOpenLibrary(editions={}, works=[]).start()
    try:
        with world_sources() as running:
            yield running.env() | {"BIBNORM_OPENLIBRARY_API_URL": books.url, "BIBNORM_OPENLIBRARY_DELAY": "0"}
    finally:
        books.stop()


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sources: dict[str, str]) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    for name, value in sources.items():
        monkeypatch.setenv(name, value)
    return CliRunner()


@pytest.mark.parametrize(
    ("fake", "url", "message"),
    [
        pytest.param(
            None,
            f"http://127.0.0.1:{closed_port()}/api/",
            "bibnorm: error: Zotero is not running: nothing answers at http://127.0.0.1:{port}/api/ "
            "(start Zotero 7 or later, or set BIBNORM_ZOTERO_API_URL)",
            id="zotero-not-running",
        ),
        pytest.param(
            FakeZotero(enabled=False),
            None,
            "bibnorm: error: Zotero's local API is not enabled: turn on Settings → Advanced → 'Allow "
            "other applications on this computer to communicate with Zotero'",
            id="local-api-disabled",
        ),
    ],
)
def test_zotero_that_cannot_be_read_is_one_line_and_exit_1(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, fake: FakeZotero | None, url: str | None, message: str
) -> None:
    if fake is not None:
        fake.start()
        url = fake.api_url
    assert url is not None
    monkeypatch.setenv("BIBNORM_ZOTERO_API_URL", url)
    try:
        result = runner.invoke(main, ["verify", "zotero:"])
    finally:
        if fake is not None:
            fake.stop()
    port = url.split(":")[2].split("/")[0]
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [message.replace("{port}", port)]
    assert result.stdout == ""


# The same items as Better BibTeX would export them to a .bib file.
EXPORTED = """@inproceedings{ho2020ddpm,
  author = {Ho, Jonathan and Jain, Ajay and Abbeel, Pieter},
  title = {Denoising Diffusion Probabilistic Models},
  booktitle = {NeurIPS},
  year = {2020},
  url = {https://arxiv.org/abs/2006.11239},
  eprint = {2006.11239},
  archiveprefix = {arXiv}
}

@inproceedings{wang2022scene,
  author = {Wang, Jingbo and Rong, Yu and Liu, Jingyuan and Yan, Sijie and Lin, Dahua and Dai, Bo},
  title = {Towards Diverse and Natural Scene-aware 3D Human Motion Synthesis},
  booktitle = {CVPR},
  year = {2022},
  month = jun,
  doi = {10.1109/CVPR52688.2022.01981}
}

@misc{fake_id,
  author = {Ho, Jonathan and Jain, Ajay and Abbeel, Pieter},
  title = {Denoising Diffusion Probabilistic Models},
  year = {2020},
  publisher = {arXiv},
  eprint = {2006.99999},
  archiveprefix = {arXiv}
}

@article{chimera,
  author = {Alexos, Antonios and Boyd, Alex J.},
  title = {Diffusion Models for High-Resolution Image Synthesis},
  journal = {ICML},
  year = {2022},
  eprint = {2006.11239},
  archiveprefix = {arXiv}
}

@book{Nobody2019,
  author = {Nobody, Ada},
  title = {A Book Nobody Wrote},
  publisher = {Imaginary Press},
  year = {2019}
}

@phdthesis{Student2021,
  author = {Student, Grace},
  title = {Learning to Denoise},
  school = {University of Somewhere},
  year = {2021}
}
"""


def verdicts(document: dict[str, Any]) -> dict[str, tuple[str, list[str]]]:
    return {e["key"]: (e["verdict"], sorted(f["code"] for f in e["findings"])) for e in document["entries"]}


def test_verify_zotero_gives_the_verdicts_of_the_same_entries_exported_as_bib(
    runner: CliRunner, tmp_path: Path, zotero: FakeZotero, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BIBNORM_ZOTERO_API_URL", zotero.api_url)
    (tmp_path / "exported.bib").write_text(EXPORTED, encoding="utf-8")
    from_zotero = runner.invoke(main, ["verify", "--json", "zotero:"])
    from_bib = runner.invoke(main, ["verify", "--json", "exported.bib"])
    assert from_zotero.exit_code == from_bib.exit_code == 1, from_zotero.output
    in_place, exported = json.loads(from_zotero.stdout), json.loads(from_bib.stdout)
    assert verdicts(in_place) == verdicts(exported)
    # The verdicts themselves, so that two equally wrong readings could not pass.
    assert {key: verdict for key, (verdict, _) in verdicts(in_place).items()} == {
        "ho2020ddpm": "verified",
        "wang2022scene": "verified",
        "fake_id": "mismatch",
        "chimera": "mismatch",
        "Nobody2019": verdicts(exported)["Nobody2019"][0],
        "Student2021": verdicts(exported)["Student2021"][0],
    }
    places = runner.invoke(main, ["verify", "zotero:"]).stdout.splitlines()
    assert places[0].startswith("zotero:3: fake_id: BN703 error: arXiv has no paper 2006.99999")
    assert (
        "zotero: read from Zotero's local API: 6 items, 4 with a citation key (Better BibTeX's keys first)"
        in (from_zotero.stderr)
    )


def test_verify_zotero_collection_and_the_flag(
    runner: CliRunner, zotero: FakeZotero, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BIBNORM_ZOTERO_API_URL", zotero.api_url)
    one = runner.invoke(main, ["verify", "zotero:Real papers"])
    assert one.exit_code == 0, one.output
    assert "2 entries: 2 verified" in one.stderr
    flag = runner.invoke(main, ["verify", "--json", "--zotero"])
    assert len(json.loads(flag.stdout)["entries"]) == 6


def test_resolve_zotero_writes_the_collections_papers_under_their_citation_keys(
    runner: CliRunner, zotero: FakeZotero, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BIBNORM_ZOTERO_API_URL", zotero.api_url)
    result = runner.invoke(main, ["resolve", "zotero:COLL0001"])
    assert result.exit_code == 0, result.output
    assert [line for line in result.stdout.splitlines() if line.startswith("@")] == [
        "@inproceedings{ho2020ddpm,",
        "@inproceedings{wang2022scene,",
    ]
    assert "zotero:COLL0001: read from Zotero's local API: 2 items" in result.stderr


def test_a_zotero_without_the_local_api_is_told_apart(zotero: FakeZotero) -> None:
    # Zotero 6 answers on the same port (the connector) but has no /api/: a 404 there.
    with pytest.raises(ZoteroError) as caught:
        client_for(f"{zotero.url}/connector/").library()
    assert (
        str(caught.value)
        == f"this Zotero has no local API at {zotero.url}/connector/ (Zotero 7 or later has it)"
    )
