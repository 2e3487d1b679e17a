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
number of workers, the order documents finished in, or how often the run was stopped. It parses
only the lines earlier runs wrote: the store knows where each line it appended lies, and its key.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple

from bibnorm.corpus.owned import OwnFiles
from bibnorm.errors import OutputError

SHARDS = "0123456789abcdef"
Key = tuple[str, str, str]  # document id, content hash, decision version


class Settled(NamedTuple):
    """A result kept when the run settles: its key, its line and, for a line an earlier run
    wrote, the result parsed (None for this run's own lines: the run has what it needs of them)."""

    key: Key
    line: bytes
    parsed: dict[str, Any] | None

    def result(self) -> dict[str, Any]:
        return self.parsed if self.parsed is not None else json.loads(self.line)


def result_key(result: dict[str, Any]) -> Key:
    document = result["document"]
    return (document["id"], document["sha256"], result["decision"])


class ResultStore:
    def __init__(self, folder: Path, own: OwnFiles | None = None) -> None:
        self.folder = folder
        self.own = own if own is not None else OwnFiles(folder)  # what it may write and delete
        self.results = folder / "results"
        self._open: dict[str, IO[bytes]] = {}
        # shard name → the offset of each line this run appended → its key
        self._appended: dict[str, dict[int, Key]] = {}

    def shard(self, content_hash: str) -> Path:
        return self.results / f"{content_hash[0]}.jsonl"

    def _whole_lines(self, shard: Path) -> Iterator[tuple[Key, bytes, dict[str, Any] | None]]:
        """The shard's whole lines with their keys and results, the result None for a line this
        run appended (its key known without parsing it); a line cut short, or not a result, is
        skipped."""
        if f"results/{shard.name}" not in self.own.names:
            return  # no run wrote it: not a result of this folder's (`OwnFiles.refuse_foreign`)
        try:
            handle = os.fdopen(_open_shard(shard, os.O_RDONLY), "rb")
        except FileNotFoundError:
            return
        appended = self._appended.get(shard.name, {})
        with handle as lines:
            start = 0
            for line in lines:
                at, start = start, start + len(line)
                if not line.endswith(b"\n"):
                    continue  # the tail a killed run left
                key = appended.get(at)
                if key is not None:
                    yield key, line, None
                    continue
                try:
                    result = json.loads(line)
                    yield result_key(result), line, result
                except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError):
                    continue

    def done(self) -> set[Key]:
        """The keys of every result already written."""
        return {key for name in SHARDS for key, _, _ in self._whole_lines(self.results / f"{name}.jsonl")}

    def append(self, line: str, key: Key) -> None:
        """Add one document's line (its `result_key` ``key``) to its shard, durably enough that a
        killed run keeps it."""
        shard = self.shard(key[1])
        handle = self._open.get(shard.name)
        if handle is None:
            self.own.make_folder("results")
            if not self.own.claim(f"results/{shard.name}"):
                raise OutputError(f"{shard}: no bibnorm run wrote it; move it away and run again")
            _drop_cut_tail(shard)
            handle = self._open[shard.name] = _append_unlinked(shard)
        self._appended.setdefault(shard.name, {})[handle.tell()] = key
        handle.write(line.encode("utf-8"))
        handle.flush()

    def close(self) -> None:
        for handle in self._open.values():
            handle.close()
        self._open.clear()

    def settle(self, keys: Iterable[Key]) -> Iterator[Settled]:
        """Rewrite each shard with the lines of ``keys`` only, sorted by id, and yield what it
        kept; one shard at a time, so a venue's results are never all in memory at once."""
        self.close()
        wanted: dict[str, set[Key]] = {name: set() for name in SHARDS}
        for key in keys:
            wanted[key[1][0]].add(key)
        self.own.make_folder("results")
        for name in SHARDS:
            shard = self.results / f"{name}.jsonl"
            lines = {
                key: (line, result) for key, line, result in self._whole_lines(shard) if key in wanted[name]
            }
            kept = sorted(lines, key=lambda key: key[0])
            if kept:
                self.own.write(f"results/{shard.name}", b"".join(lines[key][0] for key in kept))
            else:
                self.own.remove(f"results/{shard.name}")  # no document of the corpus left in it
            self._appended.pop(name + ".jsonl", None)  # the rewrite moved its lines
            for key in kept:
                yield Settled(key, *lines[key])


def _drop_cut_tail(shard: Path) -> None:
    """Cut a shard back to its last whole line, so the next line appended starts a line."""
    if not shard.exists():
        return
    with os.fdopen(_open_shard(shard, os.O_RDWR), "rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size == 0:
            return
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return
        handle.seek(0)
        data = handle.read()
        handle.truncate(data.rfind(b"\n") + 1)


def _append_unlinked(shard: Path) -> IO[bytes]:
    return os.fdopen(_open_shard(shard, os.O_WRONLY | os.O_APPEND | os.O_CREAT), "ab")


def _open_shard(shard: Path, flags: int) -> int:
    """A shard opened by its name, never through a link planted there."""
    try:
        return os.open(shard, flags | os.O_NOFOLLOW, 0o666)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise OutputError(
            f"cannot write {shard}: {error.strerror or error} (a results folder's files are its own)"
        ) from error
