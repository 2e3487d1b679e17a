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

import bibnorm.resolvers.zotero
import pytest
import requests
from bibnorm.cli import EXIT_FINDINGS, main
from bibnorm.config import Settings
from bibnorm.readers import detect_format, read_inputs
from bibnorm.readers.zotero import read_zotero
from bibnorm.resolvers._session import build_local_session
from bibnorm.resolvers.zotero import ZoteroClient, ZoteroError
from click.testing import CliRunner
from fakes.openlibrary_api import FakeOpenLibrary
from fakes.verify_world import world_sources
from fakes.zotero_api import (
    LIBRARY,
    REAL_COLLECTIONS,
    SERVER_ID,
    ZOTERO_SAMPLES,
    FakeZotero,
    author,
    item,
    real_library,
)


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


# --- the reader on REAL items: Zotero's demo library as the web API recorded it ------------
# (pyzotero's fixtures, shared/reference/formats/zotero; the expected values read off the JSON)

REAL = {item["key"]: item for item in real_library()}


def read_real(key: str) -> Any:
    (query,) = read_zotero(json.dumps([REAL[key]]), "zotero")
    return query


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        pytest.param(
            "PQKBRC33",
            {
                "entry_type": "article",
                "title": "Sherlock Holmes in Babylon",
                # JSTOR's import put the whole name in lastName, firstName "": kept whole.
                "authors": ("R. Creighton Buck",),
                "year": 1980,
                "venue": "The American Mathematical Monthly",
                "doi": "10.2307/2321200",
                "key": None,
            },
            id="journalArticle-doi-and-jstor-extra",
        ),
        pytest.param(
            "33TK9NH9",
            {"entry_type": "article", "year": 2011, "venue": "Science", "doi": "10.1126/science.1195912"},
            id="journalArticle-date-with-a-stray-space",
        ),
        pytest.param(
            "3EWF3P9V",
            {
                "authors": ("Asero, Riccardo", "Antonicelli, Leonardo"),
                "year": 2011,
                "venue": "International archives of allergy and immunology",
                "doi": None,
            },
            id="journalArticle-empty-DOI-PMID-in-extra",
        ),
        pytest.param(
            "U52JBZ4X",
            {"title": "Front Matter", "authors": (), "year": 2004, "venue": "Crustaceana"},
            id="journalArticle-without-creators",
        ),
        pytest.param(
            "Z8N84QAJ",
            {
                "entry_type": "book",
                "authors": ("Doyle, Arthur Conan",),
                "year": 1992,
                "publisher": "Wings Books",
            },
            id="book-author-not-its-contributor",
        ),
        pytest.param(
            "AGTZDBRQ",
            {"entry_type": "book", "authors": (), "year": 1995, "publisher": "Plenum Press"},
            id="book-with-contributors-only",
        ),
        pytest.param(
            "X42A7DEE",
            {"authors": ("Institute of Physics (Great Britain)",), "publisher": "Institute of Physics Pub"},
            id="book-single-field-name-author",
        ),
        pytest.param(
            "GIFZST3I",
            {"authors": ("Goodman, C.", "Jiménez, F."), "year": 1993, "publisher": "Instituto Juan March"},
            id="book-date-month-slash-year",
        ),
        pytest.param("CINTCPTB", {"entry_type": "book", "year": None}, id="book-without-a-date"),
        pytest.param(
            "R39UWNFK",
            {
                "entry_type": "inproceedings",
                "authors": ("Leveille, V.", "Boulos, M.I.", "Gravelle, D."),
                "year": None,
                "doi": "10.1109/PLASMA.2002.1030588",
            },
            id="conferencePaper-without-a-date",
        ),
        pytest.param(
            "85MTWF4F",
            {
                "entry_type": "inproceedings",
                "year": 2007,
                "venue": "2007 IEEE Pulsed Power Plasma Science Conference",
            },
            id="conferencePaper",
        ),
        pytest.param("2SS8NXZI", {"entry_type": "unpublished", "year": 2010}, id="manuscript"),
        pytest.param(
            "PG5ZCTJT", {"entry_type": "misc", "authors": (), "year": 2004}, id="film-cast-are-no-authors"
        ),
        pytest.param(
            "6MCAN2NC",
            {"entry_type": "misc", "authors": ("Fanatico, Cine",), "year": 2008},
            id="artwork-artist",
        ),
        pytest.param(
            "NM66T6EF", {"entry_type": "online", "authors": (), "year": None, "venue": None}, id="webpage"
        ),
        pytest.param(
            "Z6TE2UMT",
            # The DOI in a publisher's landing-page URL is not taken: the URL is not the DOI's.
            {"entry_type": "online", "doi": None, "arxiv_id": None},
            id="webpage-with-a-doi-shaped-url",
        ),
    ],
)
def test_real_zotero_items(key: str, expected: dict[str, Any]) -> None:
    query = read_real(key)
    assert {name: getattr(query, name) for name in expected} == expected


def test_a_single_object_response_is_one_item() -> None:
    """``GET …/items/<key>`` answers one object, not a list (item_doc.json, recorded)."""
    text = (ZOTERO_SAMPLES / "item_doc.json").read_text(encoding="utf-8")
    (query,) = read_zotero(text, "zotero")
    assert (query.title[:38], query.authors, query.entry_type) == (
        "Electron Microscopy and Analysis 1993:",
        ("Institute of Physics (Great Britain)",),
        "book",
    )


def test_every_real_regular_item_is_read_and_the_attachment_skipped() -> None:
    queries = read_zotero(json.dumps(real_library()), "zotero")
    regular = [i for i in real_library() if i["data"]["itemType"] != "attachment"]
    assert [q.title for q in queries] == [i["data"]["title"] for i in regular]
    assert all(q.key is None for q in queries)  # no Citation Key in any extra, no BBT


@pytest.mark.parametrize(
    ("extra", "url", "expected"),
    [
        pytest.param("arXiv: 2006.11239", "", ("2006.11239", "10.2307/2321200"), id="arxiv-in-extra"),
        pytest.param(
            "", "https://arxiv.org/abs/2006.11239v2", ("2006.11239", "10.2307/2321200"), id="arxiv-url"
        ),
        pytest.param(
            "Citation Key: buck1980sherlock\nArticleType: research-article",
            "",
            (None, "10.2307/2321200"),
            id="pinned-citation-key",
        ),
    ],
)
def test_a_real_item_with_ids_added(extra: str, url: str, expected: tuple[str | None, str]) -> None:
    """A real item (PQKBRC33) with what Zotero keeps for preprints put in ``extra``/``url``."""
    data = {**REAL["PQKBRC33"]["data"], "extra": extra, "url": url}
    (query,) = read_zotero(json.dumps([{**REAL["PQKBRC33"], "data": data}]), "zotero")
    assert (query.arxiv_id, query.doi) == expected
    assert query.key == ("buck1980sherlock" if "Citation Key" in extra else None)


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
    monkeypatch.setattr(bibnorm.resolvers.zotero, "PAGE", 3)
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
        pytest.param("Thesis", "zotero:Thesis: no collection has this name in the Zotero library", id="none"),
    ],
)
def test_a_collection_that_cannot_be_told(zotero: FakeZotero, wanted: str, message: str) -> None:
    with pytest.raises(ZoteroError) as caught:
        client_for(zotero.api_url).library(wanted)
    assert str(caught.value) == message


def test_the_real_library_and_its_collections_through_the_local_api() -> None:
    fake = FakeZotero(real_library(), collections=REAL_COLLECTIONS, citekeys={"PQKBRC33": "buck1980"}).start()
    try:
        client = client_for(fake.api_url)
        whole = client.library()
        holmes = client.library("sherlock holmes")
        films = client.library("TVPC4XK4")  # a subcollection, by key
    finally:
        fake.stop()
    assert [i["key"] for i in json.loads(whole.items_json)] == [i["key"] for i in real_library()]
    assert whole.citekeys == {"PQKBRC33": "buck1980"}
    in_holmes = [i["key"] for i in real_library() if "9KH9TNSJ" in i["data"].get("collections", [])]
    assert [i["key"] for i in json.loads(holmes.items_json)] == in_holmes
    assert [i["key"] for i in json.loads(films.items_json)] == ["6MCAN2NC"]  # the Flickr artwork
    assert {q.key for q in read_zotero(whole.items_json, "zotero", whole.citekeys)} == {"buck1980", None}


def get(url: str, **headers: str) -> requests.Response:
    return requests.get(url, headers=headers, timeout=5)


def test_the_fake_speaks_the_local_api_as_documented(zotero: FakeZotero) -> None:
    everything = get(zotero.api_url + "users/0/items")
    assert len(everything.json()) == len(LIBRARY)  # no paging by default
    assert everything.headers["Zotero-Server-ID"] == SERVER_ID
    assert everything.headers["Zotero-API-Version"] == "3"
    assert everything.text.startswith("[\n    {")  # 4-space pretty-printing
    paged = get(zotero.api_url + "users/0/items?limit=3&start=3")
    assert [i["key"] for i in paged.json()] == [i["key"] for i in LIBRARY[3:6]]
    assert 'start=6>; rel="next"' in paged.headers["Link"]
    assert get(zotero.api_url + "users/12345/items").status_code == 400
    assert get(zotero.api_url + "users/0/items?format=atom").status_code == 501
    assert get(zotero.api_url + "users/0/items", **{"Zotero-API-Version": "2"}).status_code == 501


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            {"jsonrpc": "2.0", "method": "item.citationkey", "params": [["DDPM0001", "1:WANG0001"]], "id": 7},
            {"jsonrpc": "2.0", "result": {"DDPM0001": "ho2020ddpm", "1:WANG0001": "wang2022scene"}, "id": 7},
            id="positional-params-library-prefix",
        ),
        pytest.param(
            {"jsonrpc": "2.0", "method": "item.citationkey", "params": {"item_keys": ["NOPE0000"]}, "id": 1},
            {"jsonrpc": "2.0", "result": {"NOPE0000": None}, "id": 1},
            id="named-params-unknown-item-null",
        ),
        pytest.param(
            {"jsonrpc": "2.0", "method": "item.nothing", "params": [], "id": 3},
            {"jsonrpc": "2.0", "error": {"code": -32601, "message": "Method not found"}, "id": None},
            id="method-not-found",
        ),
        pytest.param(
            {"jsonrpc": "2.0", "method": "item.citationkey", "params": {"item_keys": 5}, "id": 3},
            {"jsonrpc": "2.0", "error": {"code": -32602, "message": "Invalid params"}, "id": None},
            id="invalid-params",
        ),
        pytest.param(
            {"method": "item.citationkey"},
            {"jsonrpc": "2.0", "error": {"code": -32600, "message": "Invalid Request"}, "id": None},
            id="invalid-request",
        ),
    ],
)
def test_the_fake_better_bibtex_envelope(zotero: FakeZotero, body: Any, expected: Any) -> None:
    answer = requests.post(zotero.url + "/better-bibtex/json-rpc", json=body, timeout=5)
    assert (answer.status_code, answer.json()) == (200, expected)


def test_the_fake_better_bibtex_batch_and_get(zotero: FakeZotero) -> None:
    one = {"jsonrpc": "2.0", "method": "item.citationkey", "params": [["CHIM0001"]], "id": 1}
    batch = requests.post(zotero.url + "/better-bibtex/json-rpc", json=[one, one], timeout=5).json()
    assert batch == [{"jsonrpc": "2.0", "result": {"CHIM0001": "chimera"}, "id": 1}] * 2
    query = requests.utils.quote(json.dumps(one))
    assert get(f"{zotero.url}/better-bibtex/json-rpc?{query}").json()["result"] == {"CHIM0001": "chimera"}


def test_a_better_bibtex_error_leaves_the_keys_to_extra(zotero: FakeZotero) -> None:
    zotero.citekeys = {}
    assert client_for(zotero.api_url).citekeys(["DDPM0001"]) == {}
    (request,) = [headers for method, _, headers in zotero.requests if method == "POST"]
    assert request["Accept"] == "application/json"


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
    assert from_zotero.exit_code == from_bib.exit_code == EXIT_FINDINGS, from_zotero.output
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
