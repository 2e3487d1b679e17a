"""The fake arXiv API speaks the recorded format and the documented query syntax."""

from __future__ import annotations

import re

import pytest
import requests
from fakes.arxiv_api import SAMPLES, FakeArxivServer, parse_query
from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"


def _without_volatile(body: str) -> str:
    """The feed-level <id> hash and <updated> time differ per request: blank them."""
    body = re.sub(r"<id>https://arxiv.org/api/[^<]*</id>", "<id>FEED</id>", body, count=1)  # feed <id> text
    return re.sub(r"^  <updated>[^<]*</updated>", "  <updated>NOW</updated>", body, count=1, flags=re.M)


@pytest.mark.parametrize(
    ("sample", "params", "status"),
    [
        pytest.param(
            "id-list-single-v7-default-max-results.atom.xml",
            {"id_list": "1706.03762"},
            200,
            id="default-max-results",
        ),
        pytest.param(
            "id-list-two-ids-one-nonexistent.atom.xml",
            {"search_query": "", "id_list": "0808.05394,1707.08567", "start": "0", "max_results": "100"},
            200,
            id="unknown-id-dropped",
        ),
        pytest.param(
            "id-list-old-style-id-affiliation-journal-ref.atom.xml",
            {"search_query": "", "id_list": "astro-ph/0601001", "max_results": "100"},
            200,
            id="old-style-affiliation",
        ),
        pytest.param(
            "id-list-explicit-version-old-style.atom.xml",
            {"search_query": "", "id_list": "quant-ph/0201082v1", "max_results": "100"},
            200,
            id="explicit-version",
        ),
        pytest.param(
            "id-list-title-is-zero.atom.xml",
            {"search_query": "", "id_list": "2104.12255v1", "max_results": "100"},
            200,
            id="title-zero",
        ),
        pytest.param(
            "empty-result-nonexistent-id.atom.xml",
            {"search_query": "", "id_list": "0000.0000", "max_results": "100"},
            200,
            id="empty",
        ),
        pytest.param(
            "query-by-title-phrase.atom.xml",
            {"search_query": 'ti:"Deep Residual Learning for Image Recognition"', "max_results": "5"},
            200,
            id="title-phrase",
        ),
        pytest.param(
            "error-malformed-id-http400.atom.xml",
            {"search_query": "", "id_list": "abc", "max_results": "100"},
            400,
            id="malformed-id",
        ),
    ],
)
def test_answers_are_the_recorded_bodies(
    fake_arxiv: FakeArxivServer, sample: str, params: dict[str, str], status: int
) -> None:
    """Same request as the recording → the same bytes, except the per-request feed id and time."""
    response = requests.get(fake_arxiv.url, params=params, timeout=5)
    recorded = (SAMPLES / sample).read_text(encoding="utf-8")
    assert response.status_code == status
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    expected = _without_volatile(recorded)
    if status == 400:  # the error feed's <updated> appears twice and both are the time of the request
        expected = re.sub(r"<updated>[^<]*</updated>", "<updated>NOW</updated>", recorded)
        assert re.sub(r"<updated>[^<]*</updated>", "<updated>NOW</updated>", response.text) == expected
    else:
        assert _without_volatile(response.text) == expected


def test_search_entries_have_the_recorded_element_order(fake_arxiv: FakeArxivServer) -> None:
    """A DOI-carrying entry from the data set is laid out like the recorded search sample."""
    recorded = etree.parse(str(SAMPLES / "search-all-testing-10-entries-doi-journalref-versions.atom.xml"))
    layout = [_local(e.tag) for e in recorded.getroot().find(f"{ATOM}entry")]  # has comment, jr and doi
    response = requests.get(fake_arxiv.url, params={"id_list": "0704.0001"}, timeout=5)
    entry = etree.fromstring(response.content).find(f"{ATOM}entry")
    mine = [_local(e.tag) for e in entry]
    assert _squeeze(mine) == _squeeze(layout)
    assert entry.find("{http://arxiv.org/schemas/atom}primary_category").get("scheme") is None
    assert entry.find("{http://arxiv.org/schemas/atom}doi").text == "10.1103/PhysRevD.76.013009"


def _local(tag: str) -> str:
    return tag.split("}")[-1]


def _squeeze(tags: list[str]) -> list[str]:
    """Collapse repeats (several authors or categories) so layouts of different papers compare."""
    return [t for i, t in enumerate(tags) if i == 0 or tags[i - 1] != t]


def _ids(fake: FakeArxivServer, **params: str) -> list[str]:
    response = requests.get(fake.url, params=params, timeout=5)
    root = etree.fromstring(response.content)
    return [e.findtext(f"{ATOM}id").split("/abs/")[-1] for e in root.iterfind(f"{ATOM}entry")]


def test_id_list_defaults_to_ten_results(fake_arxiv: FakeArxivServer) -> None:
    twelve = ",".join(f"0704.{n:04d}" for n in range(1, 13))
    assert len(_ids(fake_arxiv, id_list=twelve)) == 10
    assert len(_ids(fake_arxiv, id_list=twelve, max_results="12")) == 12


def test_unversioned_id_gives_latest_and_versions_are_served(fake_arxiv: FakeArxivServer) -> None:
    assert _ids(fake_arxiv, id_list="0704.0001") == ["0704.0001v2"]
    assert _ids(fake_arxiv, id_list="0704.0001v1") == ["0704.0001v1"]
    assert _ids(fake_arxiv, id_list="0704.0001v3") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param('ti:"Deep Residual Learning for Image Recognition"', ["1512.03385v1"], id="phrase"),
        pytest.param("au:Vaswani AND ti:attention", ["1706.03762v7"], id="and-author"),
        pytest.param('ti:"ResNeSt: Split"', [], id="colon-in-phrase-is-a-field-prefix"),
        pytest.param('ti:"visualizing teleportation"', ["0704.0051v2"], id="case-insensitive"),
        pytest.param('ti:"poincare resnet" ANDNOT ti:billion', ["2303.14027v1"], id="accents-folded-andnot"),
        pytest.param(
            'ti:"simultaneously active acoustic emission sources" AND (ti:I OR ti:II)',
            ["0704.0050v1", "0704.0047v1"],
            id="parentheses-ties-to-higher-id",
        ),
        pytest.param(
            "ti:teleportation ti:diphoton", ["0704.0051v2", "0704.0001v2"], id="missing-operator-is-or"
        ),
    ],
)
def test_query_syntax(fake_arxiv: FakeArxivServer, query: str, expected: list[str]) -> None:
    assert _ids(fake_arxiv, search_query=query, max_results="10") == expected


def test_feed_title_echoes_the_canonical_query(fake_arxiv: FakeArxivServer) -> None:
    response = requests.get(fake_arxiv.url, params={"search_query": "testing", "max_results": "1"}, timeout=5)
    title = etree.fromstring(response.content).findtext(f"{ATOM}title")
    assert title == "arXiv Query: search_query=all:testing&id_list=&start=0&max_results=1"
    assert parse_query('ti:"a b" OR (au:c AND d)').canonical() == 'ti:"a b" OR (au:c AND all:d)'


def test_decoys_rank_first_among_equals(fake_arxiv: FakeArxivServer) -> None:
    ids = _ids(fake_arxiv, search_query='ti:"Scaling Vision Transformers"', max_results="10")
    assert ids.index("2106.04560v1") > 0
    assert ids[0].startswith("2912.9")


@pytest.mark.parametrize(
    ("fault", "status", "check"),
    [
        pytest.param("429", 429, lambda r: "Retry-After" not in r.headers, id="429"),
        pytest.param("429-retry-after", 429, lambda r: r.headers["Retry-After"] == "1", id="429-retry-after"),
        pytest.param("503", 503, lambda r: True, id="503"),
        pytest.param("garbage", 200, lambda r: r.content.startswith(b"<html>"), id="garbage"),
        pytest.param("truncated", 200, lambda r: not r.content.rstrip().endswith(b"</feed>"), id="truncated"),
        pytest.param(
            "empty",
            200,
            lambda r: b"<entry>" not in r.content and b"totalResults>1<" in r.content,
            id="empty",
        ),
    ],
)
def test_fault_switches(fake_arxiv: FakeArxivServer, fault: str, status: int, check: object) -> None:
    fake_arxiv.faults.append(fault)
    response = requests.get(fake_arxiv.url, params={"id_list": "1706.03762"}, timeout=5)
    assert response.status_code == status
    assert check(response)  # type: ignore[operator]
    again = requests.get(fake_arxiv.url, params={"id_list": "1706.03762"}, timeout=5)
    assert again.status_code == 200 and b"<entry>" in again.content  # one fault per armed switch
    assert [p for _, p in fake_arxiv.requests] == [{"id_list": "1706.03762"}] * 2


def test_rejected_ids_get_the_error_feed(fake_arxiv: FakeArxivServer) -> None:
    fake_arxiv.api.rejected_ids.add("2106.04560")
    response = requests.get(fake_arxiv.url, params={"id_list": "1706.03762,2106.04560"}, timeout=5)
    assert response.status_code == 400
    assert b"errors#incorrect_id_format_for_2106.04560" in response.content
