"""The pipeline: chain order, duplicates, failures as data, input order kept."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bibnorm.config import Settings
from bibnorm.models import (
    Candidate,
    Identifiers,
    Lookup,
    Origin,
    Problem,
    Query,
    QueryKind,
    Reference,
    Severity,
    Status,
)
from bibnorm.resolve import pipeline
from bibnorm.resolve.progress import NO_PROGRESS, Progress
from progress_log import ProgressLog


class TableResolver:
    """A resolver over an in-memory table of records (title → reference)."""

    def __init__(self, name: str, records: Sequence[Reference], fail: bool = False) -> None:
        self.name = name
        self.records = records
        self.fail = fail
        self.asked: list[int] = []

    def lookup(self, queries: Sequence[Query], progress: Progress = NO_PROGRESS) -> Mapping[int, Lookup]:
        self.asked.extend(q.index for q in queries)
        if self.fail:
            problem = Problem(code=f"{self.name}.unavailable", message="HTTP 503", severity=Severity.ERROR)
            return {q.index: Lookup(failed=True, problems=(problem,)) for q in queries}
        return {
            q.index: Lookup(candidates=tuple(Candidate(source=self.name, reference=r) for r in self.records))
            for q in queries
        }


class IdOrTitleResolver(TableResolver):
    """The table, answering an arXiv id with its record found by that id (as arXiv does)."""

    def lookup(self, queries: Sequence[Query], progress: Progress = NO_PROGRESS) -> Mapping[int, Lookup]:
        by_title = super().lookup([q for q in queries if q.kind is not QueryKind.ARXIV_ID], progress)
        by_id = {
            q.index: Lookup(
                candidates=tuple(
                    Candidate(source=self.name, reference=r, by_identifier=True)
                    for r in self.records
                    if r.ids.arxiv_id == q.arxiv_id
                )
            )
            for q in queries
            if q.kind is QueryKind.ARXIV_ID
        }
        return {**by_title, **by_id}


def ref(title: str, arxiv_id: str) -> Reference:
    return Reference(title=title, ids=Identifiers(arxiv_id=arxiv_id))


def title_query(index: int, title: str) -> Query:
    return Query(index=index, origin=Origin(path="in.txt", line=index + 1), kind=QueryKind.TITLE, title=title)


SETTINGS = Settings(resolvers=())


def test_items_come_back_in_input_order_with_duplicates_marked() -> None:
    queries = [
        title_query(0, "Token Turing Machines"),
        title_query(1, "Unknown Paper"),
        title_query(2, "token turing machines"),
    ]
    source = TableResolver("one", [ref("Token Turing Machines", "2211.09119")])
    results = pipeline.run(queries, [source], SETTINGS)
    assert [r.query.index for r in results] == [0, 1, 2]
    assert [r.status for r in results] == [Status.RESOLVED, Status.UNRESOLVED, Status.RESOLVED]
    assert results[2].duplicate_of == 0
    assert results[2].key == results[0].key
    assert source.asked == [0, 1]  # the duplicate was looked up once


def test_titles_in_scripts_the_keys_fold_away_are_not_one_request() -> None:
    """Two Chinese books of one year (TomBener/quarto-chinese's Zotero export) are two items;
    the same title twice is one."""
    queries = [
        title_query(0, "走向宪政").model_copy(update={"year": 2011}),
        title_query(1, "宅兹中国：重建有关「中国」的历史论述").model_copy(update={"year": 2011}),
        title_query(2, "Теория игр"),
        title_query(3, "Теория графов"),
        title_query(4, "走向宪政").model_copy(update={"year": 2011}),
    ]
    assert pipeline.deduplicate(queries) == {4: 0}


def test_one_title_in_two_venues_is_two_requests() -> None:
    """EricMFink's Zotero library: "Animal Legal Defense Fund v. Wasden" of 2018, the district
    court's (F. Supp. 3d) and the appeal's (F.3d)."""
    case = title_query(0, "Animal Legal Defense Fund v. Wasden").model_copy(update={"year": 2018})
    queries = [
        case.model_copy(update={"venue": "F. Supp. 3d"}),
        case.model_copy(update={"index": 1, "venue": "F.3d"}),
        case.model_copy(update={"index": 2, "venue": "F.3d"}),
    ]
    assert pipeline.deduplicate(queries) == {2: 1}


def test_an_id_cited_twice_after_the_papers_title_points_at_the_first_item() -> None:
    """The second arXiv id is deduplicated onto the first, which then proves the paper the
    title found: both point at the title's item, and the run does not stop on the chain."""
    arxiv = Query(
        index=1, origin=Origin(path="in.txt", line=2), kind=QueryKind.ARXIV_ID, arxiv_id="2211.09119"
    )
    queries = [title_query(0, "Token Turing Machines"), arxiv, arxiv.model_copy(update={"index": 2})]
    paper = ref("Token Turing Machines", "2211.09119")
    source = IdOrTitleResolver("one", [paper])
    results = pipeline.run(queries, [source], SETTINGS)
    assert [r.status for r in results] == [Status.RESOLVED] * 3
    assert [r.duplicate_of for r in results] == [None, 0, 0]
    assert len({r.key for r in results}) == 1


def test_later_resolvers_are_asked_only_for_what_earlier_ones_left() -> None:
    queries = [title_query(0, "Token Turing Machines"), title_query(1, "MobileNets")]
    first = TableResolver("first", [ref("Token Turing Machines", "2211.09119")])
    second = TableResolver("second", [ref("MobileNets", "1704.04861")])
    results = pipeline.run(queries, [first, second], SETTINGS)
    assert second.asked == [1]
    assert [r.source for r in results] == ["first", "second"]


def test_a_failing_source_makes_items_failed_with_the_reason_and_the_run_goes_on() -> None:
    queries = [title_query(0, "Token Turing Machines")]
    results = pipeline.run(queries, [TableResolver("down", [], fail=True)], SETTINGS)
    assert results[0].status is Status.FAILED
    assert results[0].problems[0].message == "HTTP 503"


def test_a_failing_source_does_not_hide_an_answer_from_the_next_one() -> None:
    queries = [title_query(0, "Token Turing Machines")]
    results = pipeline.run(
        queries,
        [
            TableResolver("down", [], fail=True),
            TableResolver("up", [ref("Token Turing Machines", "2211.09119")]),
        ],
        SETTINGS,
    )
    assert results[0].status is Status.RESOLVED
    assert results[0].problems[0].code == "down.unavailable"


def test_unresolved_items_keep_their_best_candidates() -> None:
    queries = [title_query(0, "Scaling Vision Transformers")]
    source = TableResolver("one", [ref("Scaling Vision Transformers to 22 Billion Parameters", "2302.05442")])
    result = pipeline.run(queries, [source], SETTINGS)[0]
    assert result.status is Status.UNRESOLVED
    assert result.reference is None
    assert result.candidates[0].candidate.reference.ids.arxiv_id == "2302.05442"
    assert result.problems[-1].code == "match.none"


def test_progress_hears_one_phase_per_source_and_every_item_once() -> None:
    queries = [title_query(i, f"Paper number {i}") for i in range(pipeline.LOOKUP_CHUNK + 1)]
    log = ProgressLog()
    pipeline.run(queries, [TableResolver("one", []), TableResolver("two", [])], SETTINGS, progress=log)
    total = pipeline.LOOKUP_CHUNK + 1
    # TableResolver reports nothing itself: each phase is still started with its size, counts each
    # item once as its group is done, and ends.
    assert log.summary() == [("find: one", total, total), ("find: two", total, total)]
    assert all(phase.finished for phase in log.phases)
