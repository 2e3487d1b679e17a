"""The results folder: one JSON line per document, sharded, written as each document finishes.

``RESULTS_DIR/results/<x>.jsonl`` holds the documents whose content hash starts with the hex
digit ``x`` (16 shards: a few thousand documents each at the scale of a venue's hundred
thousand, small enough to rewrite). Lines are appended (and flushed) the moment a document is
done, so a run killed at any point keeps every finished document; a line cut short by the kill
is dropped when the shard is next opened. A result is reused when its document id, content hash
and decision version are all the same: a resumed run verifies only what is left, and a re-run
after new submissions only what is new or changed.

When a run ends, `ResultStore.settle` rewrites each shard (atomically) with exactly the current
corpus's lines sorted by document id, so the folder is byte-identical whatever the engine, the
number of workers, the order documents finished in, or how often the run was stopped.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from bibnorm.io import make_folders, write_atomic

SHARDS = "0123456789abcdef"
Key = tuple[str, str, str]  # document id, content hash, decision version


def result_key(result: dict[str, Any]) -> Key:
    document = result["document"]
    return (document["id"], document["sha256"], result["decision"])


class ResultStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.results = folder / "results"
        self._open: dict[str, IO[str]] = {}

    def shard(self, content_hash: str) -> Path:
        return self.results / f"{content_hash[0]}.jsonl"

    def _whole_lines(self, shard: Path) -> Iterator[tuple[Key, str, dict[str, Any]]]:
        """The shard's whole lines with their keys and results (a line cut short, or not a result,
        is skipped)."""
        if not shard.is_file():
            return
        with shard.open(encoding="utf-8") as lines:
            for line in lines:
                if not line.endswith("\n"):
                    continue  # the tail a killed run left
                try:
                    result = json.loads(line)
                    yield result_key(result), line, result
                except (json.JSONDecodeError, KeyError, TypeError):
                    continue

    def done(self) -> set[Key]:
        """The keys of every result already written."""
        return {key for name in SHARDS for key, _, _ in self._whole_lines(self.results / f"{name}.jsonl")}

    def append(self, line: str, content_hash: str) -> None:
        """Add one document's line (its content hash ``content_hash``) to its shard, durably enough
        that a killed run keeps it."""
        shard = self.shard(content_hash)
        handle = self._open.get(shard.name)
        if handle is None:
            make_folders(self.results)
            _drop_cut_tail(shard)
            handle = self._open[shard.name] = shard.open("a", encoding="utf-8")
        handle.write(line)
        handle.flush()

    def close(self) -> None:
        for handle in self._open.values():
            handle.close()
        self._open.clear()

    def settle(self, keys: Iterable[Key]) -> Iterator[dict[str, Any]]:
        """Rewrite each shard with the lines of ``keys`` only, sorted by id, and yield its results;
        one shard at a time, so a venue's results are never all in memory at once."""
        self.close()
        wanted: dict[str, set[Key]] = {name: set() for name in SHARDS}
        for key in keys:
            wanted[key[1][0]].add(key)
        make_folders(self.results)
        for name in SHARDS:
            shard = self.results / f"{name}.jsonl"
            lines = {
                key: (line, result) for key, line, result in self._whole_lines(shard) if key in wanted[name]
            }
            kept = [lines[key] for key in sorted(lines, key=lambda key: key[0])]
            if kept:
                write_atomic(shard, "".join(line for line, _ in kept))
            elif shard.exists():
                shard.unlink()  # no document of the corpus left in it: as if never written
            for _, result in kept:
                yield result


def _drop_cut_tail(shard: Path) -> None:
    """Cut a shard back to its last whole line, so the next line appended starts a line."""
    if not shard.exists():
        return
    with shard.open("rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size == 0:
            return
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return
        handle.seek(0)
        data = handle.read()
        handle.truncate(data.rfind(b"\n") + 1)
