"""bibnorm.bib.lockfile: diff-friendly decisions that replay without network."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from bibnorm.bib.lockfile import (
    Lock,
    LockResolver,
    VerifiedItem,
    dump_lock,
    load_lock,
    lock_from_resolutions,
    lock_key,
    save_lock,
    sealed,
    trusted,
)
from bibnorm.errors import InputError
from bibnorm.models import (
    Identifiers,
    Origin,
    PartialDate,
    Person,
    Query,
    QueryKind,
    Reference,
    Resolution,
    Status,
)
from bibnorm.resolvers.snapshot import build_index
from paths import DEV_SNAPSHOT, ROOT

VIT = Reference(
    title="An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale",
    authors=(Person(given="Alexey", family="Dosovitskiy"),),
    issued=PartialDate(year=2021),
    entry_type="inproceedings",
    venue="International Conference on Learning Representations",
    ids=Identifiers(arxiv_id="2010.11929", arxiv_version=2),
)


def query(index: int, **fields: object) -> Query:
    return Query(index=index, origin=Origin(path="refs.txt", line=index + 1), **fields)  # type: ignore[arg-type]


RESOLVED = Resolution(
    query=query(0, kind=QueryKind.ARXIV_ID, arxiv_id="2010.11929"),
    status=Status.RESOLVED,
    reference=VIT,
    source="snapshot",
    score=1.0,
    key="dosovitskiy2021image",
)
BY_TITLE = Resolution(
    query=query(1, kind=QueryKind.TITLE, title="An image is worth 16x16 words"),
    status=Status.RESOLVED,
    reference=VIT,
    source="arxiv",
    score=0.97,
    key="dosovitskiy2021image",
)
UNRESOLVED = Resolution(query=query(2, kind=QueryKind.TITLE, title="No such paper"), status=Status.UNRESOLVED)


def test_lock_holds_resolved_items_by_identity() -> None:
    lock = lock_from_resolutions([RESOLVED, BY_TITLE, UNRESOLVED, RESOLVED], date(2025, 1, 2))
    assert sorted(lock.items) == ["arxiv:2010.11929", "title:animageisworth16x16words"]
    item = lock.items["arxiv:2010.11929"]
    assert (item.arxiv_id, item.score, item.source, item.date, item.key) == (
        "2010.11929",
        1.0,
        "snapshot",
        "2025-01-02",
        "dosovitskiy2021image",
    )


def test_dump_is_sorted_compact_and_round_trips(tmp_path: Path) -> None:
    lock = lock_from_resolutions([BY_TITLE, RESOLVED], date(2025, 1, 2))
    text = dump_lock(lock)
    data = json.loads(text)
    assert list(data["items"]) == ["arxiv:2010.11929", "title:animageisworth16x16words"]
    assert data["version"] == 3
    assert "abstract" not in data["items"]["arxiv:2010.11929"]["reference"]  # defaults left out
    assert data["items"]["arxiv:2010.11929"]["reference"]["ids"] == {
        "arxiv_id": "2010.11929",
        "arxiv_version": 2,
    }
    path = tmp_path / "bibnorm.lock"
    save_lock(path, lock)
    assert path.read_text(encoding="utf-8") == text
    assert load_lock(path) == lock


def test_unchanged_decision_keeps_its_date() -> None:
    first = lock_from_resolutions([RESOLVED], date(2025, 1, 2))
    again = lock_from_resolutions([RESOLVED], date(2025, 6, 1), previous=first)
    assert dump_lock(again) == dump_lock(first)
    changed = RESOLVED.model_copy(update={"score": 0.99})
    assert (
        lock_from_resolutions([changed], date(2025, 6, 1), previous=first).items["arxiv:2010.11929"].date
        == "2025-06-01"
    )


def test_lock_resolver_answers_known_identities_only() -> None:
    resolver = LockResolver(lock_from_resolutions([RESOLVED], date(2025, 1, 2)))
    answers = resolver.lookup(
        [
            query(5, kind=QueryKind.ARXIV_ID, arxiv_id="2010.11929"),
            query(6, kind=QueryKind.ARXIV_ID, arxiv_id="2211.09119"),
        ]
    )
    assert list(answers) == [5]
    (candidate,) = answers[5].candidates
    assert candidate.source == "lock" and candidate.by_identifier and candidate.reference == VIT


def test_missing_lock_is_empty_and_corrupt_lock_is_an_error(tmp_path: Path) -> None:
    assert load_lock(tmp_path / "none.lock") == Lock()
    bad = tmp_path / "bad.lock"
    bad.write_text('{"version": 1, "items": {"x": {"input": "x"}}}', encoding="utf-8")
    with pytest.raises(InputError, match="not a bibnorm lock file"):
        load_lock(bad)


def test_merged_prefers_newer_items() -> None:
    old = lock_from_resolutions([RESOLVED, BY_TITLE], date(2025, 1, 2))
    new = lock_from_resolutions([RESOLVED.model_copy(update={"score": 0.5})], date(2025, 2, 2))
    merged = old.merged(new)
    assert merged.items["arxiv:2010.11929"].score == 0.5
    assert "title:animageisworth16x16words" in merged.items


# --------------------------------------------------------------------------- updates and the lock key

# One run of `update_lock` in its own process: it adds its own item after a pause between
# reading the lock and writing it back, the window in which an unguarded run loses the others'.
UPDATER = """
import sys, time
from bibnorm.bib.lockfile import Lock, LockItem, update_lock
from bibnorm.models import Reference

number = int(sys.argv[2])
item = LockItem(input=f"title:paper{number}", date="2026-01-01", reference=Reference(title=f"Paper {number}"))

def add(lock):
    time.sleep(0.2)
    return Lock(items={**lock.items, item.input: item}, verified=lock.verified)

update_lock(sys.argv[1], add)
"""


def test_parallel_updates_keep_every_runs_decisions(tmp_path: Path) -> None:
    path = tmp_path / "bibnorm.lock"
    runs = [
        subprocess.Popen([sys.executable, "-c", UPDATER, str(path), str(number)], stderr=subprocess.PIPE)
        for number in range(10)
    ]
    for run in runs:
        _, error = run.communicate(timeout=120)
        assert run.returncode == 0, error.decode()
    assert sorted(load_lock(path).items) == sorted(f"title:paper{number}" for number in range(10))
    assert [p.name for p in tmp_path.iterdir()] == ["bibnorm.lock"]  # no temporary or lock file left


def test_the_lock_key_is_only_the_configured_one(tmp_path: Path) -> None:
    assert lock_key("team-key") == b"team-key"
    assert lock_key(None) is None
    assert lock_key("") is None


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"fingerprint": "0" * 16}, id="entry"),
        pytest.param({"title": "Another Paper"}, id="record-title"),
        pytest.param({"doi": "10.1/other"}, id="record-doi"),
        pytest.param({"arxiv_id": "2101.00001"}, id="record-arxiv-id"),
        pytest.param({"source": "crossref"}, id="record-source"),
        pytest.param({"seal": None}, id="no-seal"),
        pytest.param({"record": Reference(title="ViT", authors=(Person(family="Nobody"),))}, id="record"),
    ],
)
def test_a_sealed_line_is_trusted_only_unchanged_and_under_its_key(change: dict[str, object]) -> None:
    item = sealed(
        b"k" * 32,
        "vit",
        VerifiedItem(
            fingerprint="f" * 16, source="s2", title="ViT", arxiv_id="2010.11929", date="2025-01-02"
        ),
    )
    assert trusted(b"k" * 32, "vit", item)
    assert not trusted(b"x" * 32, "vit", item)  # another key
    assert not trusted(b"k" * 32, "vit2", item)  # another entry's line
    assert not trusted(None, "vit", item)
    assert not trusted(b"k" * 32, "vit", item.model_copy(update=change))


def test_a_lock_from_a_newer_bibnorm_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bibnorm.lock"
    path.write_text('{"version": 4, "items": {}}', encoding="utf-8")
    with pytest.raises(InputError, match="a version 4 lock, from a newer bibnorm; upgrade bibnorm"):
        load_lock(path)


SNAPSHOT_IDS = [
    "2312.02021", "2106.04560", "1704.04861", "2411.15241", "2503.03272",
    "2401.14168", "2207.01405", "2410.09132", "2310.19909", "2206.02680",
]  # fmt: skip


def test_ten_parallel_resolve_update_lock_runs_all_land_in_the_lock(tmp_path: Path) -> None:
    index = tmp_path / "dev.sqlite"
    build_index([DEV_SNAPSHOT], index)
    runs = []
    for number, arxiv_id in enumerate(SNAPSHOT_IDS):
        (tmp_path / f"ids{number}.txt").write_text(f"arXiv:{arxiv_id}\n", encoding="utf-8")
        command = ["resolve", f"ids{number}.txt", "-o", f"out{number}.bib", "--offline", "-q"]
        command += ["--snapshot", str(index), "--update-lock"]
        runs.append(
            subprocess.Popen(
                [sys.executable, "-m", "bibnorm", *command],
                cwd=tmp_path,
                env={**os.environ, "BIBNORM_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)},
                stderr=subprocess.PIPE,
            )
        )
    for run in runs:
        _, error = run.communicate(timeout=300)
        assert run.returncode == 0, error.decode()
    assert sorted(load_lock(tmp_path / "bibnorm.lock").items) == sorted(f"arxiv:{i}" for i in SNAPSHOT_IDS)


def test_a_lock_larger_than_the_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lockfile of a million items took 5.6 GB to read. A lock past the limit
    (32 MiB, or BIBNORM_MAX_LOCK; 2K here) is one line; one within it is read as before."""
    monkeypatch.setenv("BIBNORM_MAX_LOCK", "2K")
    small, big = tmp_path / "small.lock", tmp_path / "big.lock"
    small.write_text(dump_lock(Lock()), encoding="utf-8")
    big.write_text(dump_lock(Lock()).replace("{", "{" + " " * 4096, 1), encoding="utf-8")
    assert load_lock(small) == Lock()
    with pytest.raises(InputError) as refused:
        load_lock(big)
    assert str(refused.value) == (
        f"{big}: a lock of {big.stat().st_size:,} bytes, more than the 2,048 bibnorm reads"
        " (set BIBNORM_MAX_LOCK to allow more); nothing was read"
    )
