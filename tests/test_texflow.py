"""bibnorm.latex.texflow: which cited keys are missing, and the merged .bib text."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from bibnorm.latex import texflow
from bibnorm.latex.texflow import KeyKind
from bibnorm.models import Origin, Problem, Query, QueryKind, Reference, Resolution, Status

EXISTING = """% my library
@inproceedings{vaswani2017attention,
  title     = {Attention is All you Need},
  booktitle = {NeurIPS},
  year      = 2017,
}

@misc{Liu2022,   title={A ConvNet for the 2020s},
  eprint = {2201.03545}, archivePrefix = {arXiv}, year = {2022}}
@article{bengio2013, title = {Representation Learning: A Review and New Perspectives},
  journal = {arXiv preprint arXiv:1206.5538}, year = {2012}}
@article{published, title = {Published}, journal = {Nature}, eprint = {2304.05376}}
"""


def fake_render(entries: Sequence[tuple[str, Reference]]) -> str:
    """A stand-in writer: one small entry per (key, reference)."""
    return "\n".join(f"@{r.entry_type}{{{k},\n  title = {{{r.title}}},\n}}\n" for k, r in entries)


@pytest.mark.parametrize(
    ("key", "kind", "arxiv_id", "version", "doi"),
    [
        pytest.param("2211.09119", KeyKind.ARXIV, "2211.09119", None, None, id="bare-new-style"),
        pytest.param("arXiv:2103.14030", KeyKind.ARXIV, "2103.14030", None, None, id="arxiv-prefix"),
        pytest.param("arXiv:2304.01663v1", KeyKind.ARXIV, "2304.01663", 1, None, id="prefix-and-version"),
        pytest.param("1206.5538v3", KeyKind.ARXIV, "1206.5538", 3, None, id="four-digit-number-with-version"),
        pytest.param("hep-th/9901001", KeyKind.ARXIV, "hep-th/9901001", None, None, id="old-style"),
        pytest.param(
            "doi:10.1038/s42256-024-00832-8",
            KeyKind.DOI,
            None,
            None,
            "10.1038/s42256-024-00832-8",
            id="doi-prefix",
        ),
        pytest.param(
            "10.1109/CVPR52688.2022.01167",
            KeyKind.DOI,
            None,
            None,
            "10.1109/CVPR52688.2022.01167",
            id="bare-doi",
        ),
        pytest.param(
            "doi:10.48550/arXiv.2310.19909",
            KeyKind.ARXIV,
            "2310.19909",
            None,
            None,
            id="arxiv-doi-is-the-preprint",
        ),
        pytest.param(
            "10.48550/arXiv.hep-th/9901001", KeyKind.ARXIV, "hep-th/9901001", None, None, id="old-arxiv-doi"
        ),
        pytest.param("vaswani2017attention", KeyKind.UNKNOWN, None, None, None, id="ordinary-key"),
        pytest.param("1234.12345", KeyKind.UNKNOWN, None, None, None, id="impossible-month"),
        pytest.param("smith:10.1000/x", KeyKind.UNKNOWN, None, None, None, id="doi-inside-other-text"),
    ],
)
def test_classify_key(
    key: str, kind: KeyKind, arxiv_id: str | None, version: int | None, doi: str | None
) -> None:
    planned = texflow.classify_key(key)
    assert (planned.kind, planned.arxiv_id, planned.arxiv_version, planned.doi) == (
        kind,
        arxiv_id,
        version,
        doi,
    )


def test_library_keys_reads_every_entry() -> None:
    assert texflow.library_keys(EXISTING) == {"vaswani2017attention", "Liu2022", "bengio2013", "published"}
    assert texflow.library_keys("") == frozenset()


def test_failed_blocks_are_located() -> None:
    assert texflow.failed_blocks("@misc{ok, title={x}}\n\n@article{broken,\n title = {x\n") == (3,)


ORIGIN = Origin(path="main.tex", line=7)


def test_plan_classifies_and_builds_queries_with_the_authors_keys() -> None:
    cited = [
        ("arXiv:2304.01663v1", [ORIGIN]),
        ("VASWANI2017attention", [Origin(path="main.tex", line=9)]),
        ("smith2099unknown", [Origin(path="main.tex", line=13), Origin(path="intro.tex", line=2)]),
        ("doi:10.1038/s42256-024-00832-8", [Origin(path="main.tex", line=14)]),
    ]
    plan = texflow.plan(cited, texflow.library_keys(EXISTING))
    assert [(k.key, k.kind) for k in plan.keys] == [
        ("arXiv:2304.01663v1", KeyKind.ARXIV),
        ("VASWANI2017attention", KeyKind.PRESENT),  # BibTeX finds keys case-insensitively
        ("smith2099unknown", KeyKind.UNKNOWN),
        ("doi:10.1038/s42256-024-00832-8", KeyKind.DOI),
    ]
    assert plan.queries == (
        Query(
            index=0,
            origin=ORIGIN,
            kind=QueryKind.ARXIV_ID,
            arxiv_id="2304.01663",
            arxiv_version=1,
            key="arXiv:2304.01663v1",
            raw="arXiv:2304.01663v1",
        ),
        Query(
            index=1,
            origin=Origin(path="main.tex", line=14),
            kind=QueryKind.DOI,
            doi="10.1038/s42256-024-00832-8",
            key="doi:10.1038/s42256-024-00832-8",
            raw="doi:10.1038/s42256-024-00832-8",
        ),
    )
    assert [line for d in plan.unknown() for line in d.lines()] == [
        "main.tex:13: smith2099unknown: not in the bibliography and not an arXiv id or DOI",
        "intro.tex:2: smith2099unknown: not in the bibliography and not an arXiv id or DOI",
    ]


def _resolved(query: Query, title: str, key: str = "pipelineKey2023") -> Resolution:
    return Resolution(query=query, status=Status.RESOLVED, reference=Reference(title=title), key=key)


def test_merge_appends_new_entries_under_the_cited_key_and_keeps_the_original_bytes() -> None:
    plan = texflow.plan(
        [("1206.5538", [ORIGIN]), ("doi:10.1000/xyz", [Origin(path="b.tex", line=3)])], {"other"}
    )
    first, second = plan.queries
    resolutions = [
        _resolved(first, "Representation Learning"),
        Resolution(
            query=second,
            status=Status.UNRESOLVED,
            problems=(Problem(code="match.none", message="no candidate found"),),
        ),
    ]
    merged = texflow.merge(EXISTING, plan, resolutions, fake_render)
    assert merged.text == EXISTING + "\n@preprint{1206.5538,\n  title = {Representation Learning},\n}\n"
    assert merged.added == ("1206.5538",)
    assert [line for d in merged.diagnostics for line in d.lines()] == [
        "b.tex:3: doi:10.1000/xyz: not found (no candidate found)"
    ]


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        pytest.param("", "@preprint{2211.09119,\n  title = {T},\n}\n", id="new-file"),
        pytest.param(
            "@misc{a}", "@misc{a}\n\n@preprint{2211.09119,\n  title = {T},\n}\n", id="no-final-newline"
        ),
        pytest.param(
            "@misc{a}\r\n", "@misc{a}\r\n\r\n@preprint{2211.09119,\r\n  title = {T},\r\n}\r\n", id="crlf-kept"
        ),
    ],
)
def test_merge_separators(original: str, expected: str) -> None:
    plan = texflow.plan([("2211.09119", [ORIGIN])], texflow.library_keys(original))
    merged = texflow.merge(original, plan, [_resolved(plan.queries[0], "T")], fake_render)
    assert merged.text == expected


def test_merge_with_nothing_to_add_returns_the_original_unchanged() -> None:
    plan = texflow.plan([("vaswani2017attention", [ORIGIN])], texflow.library_keys(EXISTING))
    merged = texflow.merge(EXISTING, plan, [], fake_render)
    assert merged.text is EXISTING
    assert merged.added == () and merged.diagnostics == ()


def test_merge_writes_both_keys_when_two_keys_name_the_same_paper() -> None:
    plan = texflow.plan([("2211.09119", [ORIGIN]), ("arXiv:2211.09119v2", [ORIGIN])], set())
    first, second = plan.queries
    resolutions = [
        _resolved(first, "T"),
        _resolved(second, "T").model_copy(update={"duplicate_of": 0}),
    ]
    assert texflow.merge("", plan, resolutions, fake_render).added == ("2211.09119", "arXiv:2211.09119v2")


def test_preprint_queries_finds_unpublished_arxiv_entries() -> None:
    queries = texflow.preprint_queries(EXISTING, "refs.bib")
    assert [(q.index, q.key, q.arxiv_id) for q in queries] == [
        (0, "Liu2022", "2201.03545"),
        (1, "bengio2013", "1206.5538"),
    ]
    assert queries[0].origin == Origin(path="refs.bib", line=8)


def test_refresh_replaces_only_upgraded_entries_in_place() -> None:
    liu, bengio = texflow.preprint_queries(EXISTING, "refs.bib")
    resolutions = [
        _resolved(liu, "A ConvNet for the 2020s").model_copy(
            update={"reference": Reference(title="A ConvNet for the 2020s", entry_type="inproceedings")}
        ),
        _resolved(bengio, "Representation Learning"),  # still a preprint: left alone
    ]
    refreshed = texflow.refresh(EXISTING, resolutions, fake_render)
    assert refreshed.upgraded == ("Liu2022",)
    before, after = EXISTING.split("@misc{Liu2022,", 1)
    rest = after.split("year = {2022}}", 1)[1]
    assert (
        refreshed.text == before + "@inproceedings{Liu2022,\n  title = {A ConvNet for the 2020s},\n}" + rest
    )
    diff = texflow.unified_diff(EXISTING, refreshed.text, "refs.bib")
    assert diff.startswith("--- a/refs.bib\n+++ b/refs.bib\n")
    assert "-@misc{Liu2022,   title={A ConvNet for the 2020s},\n" in diff
    assert "+@inproceedings{Liu2022,\n" in diff


def test_refresh_without_upgrades_changes_nothing() -> None:
    (liu, _) = texflow.preprint_queries(EXISTING, "refs.bib")
    refreshed = texflow.refresh(EXISTING, [_resolved(liu, "A ConvNet for the 2020s")], fake_render)
    assert refreshed.text is EXISTING and refreshed.upgraded == ()
    assert texflow.unified_diff(EXISTING, EXISTING, "refs.bib") == ""
