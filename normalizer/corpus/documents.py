"""The documents of a corpus: a folder, a glob, or a manifest (CSV or JSON Lines).

A document is known by an id (the manifest's, else its path relative to the corpus's root,
with ``/``), its path, an optional venue and track, and the SHA-256 of its bytes: the content
hash that keys its result, so a document whose bytes did not change is never verified twice.
Ids and relative paths, never absolute ones, go into the results, so a corpus moved to another
disk or node gives the same output; the path a worker opens is absolute (a Dask worker runs in
a folder of its own, where a relative path names nothing).
"""

from __future__ import annotations

import csv
import glob
import hashlib
import io
import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path, PurePath

from bibnorm import safejson
from bibnorm.errors import InputError
from bibnorm.io import read_bytes, read_text

# What a folder's walk picks up: every input ``verify`` reads (bibnorm.verify.reading).
DOCUMENT_SUFFIXES = frozenset({".pdf", ".bib", ".bbl", ".tex", ".aux", ".ris", ".txt", ".json", ".jsonl"})
MANIFEST_SUFFIXES = frozenset({".csv", ".jsonl"})
ID_COLUMNS = ("id", "document", "document_id")


@dataclass(frozen=True, order=True)
class Document:
    id: str
    path: Path
    relative: str  # the path as the results show it: relative to the corpus's root
    venue: str | None = None
    track: str | None = None

    def content_hash(self) -> str:
        return hashlib.sha256(read_bytes(self.path)).hexdigest()


def find_documents(spec: str, *, allow_outside: bool = False) -> list[Document]:
    """The documents ``spec`` names, sorted by id; `InputError` when it names none, two
    documents share an id, or one lies outside the corpus's folder (`corpus_root`) after links
    are resolved — a manifest row with ``..`` or an absolute path, a link in the folder leading
    out — unless ``allow_outside``: a corpus brings in only its own files (online, a document's
    lines are sent to the sources)."""
    path = Path(spec)
    if path.is_dir():
        documents = list(_in_folder(path))
    elif path.is_file() and path.suffix.lower() in MANIFEST_SUFFIXES and _is_manifest(path):
        documents = list(_from_manifest(path))
    elif path.is_file():  # one file the user named: theirs to name, wherever it leads
        return [Document(id=path.name, path=path, relative=path.name)]
    elif glob.has_magic(spec):
        documents = list(_from_glob(spec))
    else:
        raise InputError(f"{spec}: no such file, folder or glob")
    if not documents:
        raise InputError(f"{spec}: holds no document to verify")
    if not allow_outside:
        _refuse_outside(spec, documents)
    # Made absolute here, before any worker sees one: a Dask worker's folder is not this one.
    documents = sorted(replace(document, path=document.path.absolute()) for document in documents)
    for first, second in itertools.pairwise(documents):
        if first.id == second.id:
            raise InputError(f"{spec}: two documents have the id {first.id!r}")
    return documents


def _refuse_outside(spec: str, documents: list[Document]) -> None:
    root = corpus_root(spec).resolve()
    for document in documents:
        given = PurePath(document.relative)
        landing = document.path.resolve()
        if given.is_absolute() or ".." in given.parts or not landing.is_relative_to(root):
            raise InputError(
                f"{spec}: {document.relative} is outside the corpus's folder {corpus_root(spec)} (it leads"
                f" to {landing}): a corpus takes only its own files; pass --allow-outside to take it"
            )


def corpus_root(spec: str) -> Path:
    """The folder a corpus's documents are found from: the folder itself, a manifest's folder, a
    single file's folder, a glob's fixed start."""
    path = Path(spec)
    if path.is_dir():
        return path
    if path.is_file():
        return path.parent
    return Path(_fixed_prefix(spec))


def _in_folder(folder: Path) -> Iterable[Document]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in DOCUMENT_SUFFIXES and not path.name.startswith("."):
            relative = path.relative_to(folder).as_posix()
            yield Document(id=relative, path=path, relative=relative)


def _from_glob(pattern: str) -> Iterable[Document]:
    root = Path(_fixed_prefix(pattern))
    for name in sorted(glob.glob(pattern, recursive=True)):
        path = Path(name)
        if path.is_file():
            relative = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
            yield Document(id=relative, path=path, relative=relative)


def _fixed_prefix(pattern: str) -> str:
    """The folder a glob starts from: its parts before the first wildcard."""
    parts = []
    for part in Path(pattern).parts[:-1]:
        if glob.has_magic(part):
            break
        parts.append(part)
    return str(Path(*parts)) if parts else "."


def _is_manifest(path: Path) -> bool:
    """A ``.csv`` with an id and a path column, or a ``.jsonl`` whose first line has both."""
    try:
        rows = _manifest_rows(path, first_only=True)
    except (InputError, ValueError):
        return False
    return bool(rows) and "path" in rows[0] and any(column in rows[0] for column in ID_COLUMNS)


def _manifest_rows(path: Path, first_only: bool = False) -> list[dict[str, str]]:
    text = read_text(path)
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        rows = []
        try:
            for row in reader:
                rows.append({(k or "").strip().lower(): (v or "").strip() for k, v in row.items()})
                if first_only:
                    break
        except csv.Error as error:  # a field over the csv module's limit (128K characters), a NUL
            raise InputError(f"{path}: row {len(rows) + 1}: not a manifest row: {error}") from None
        return rows
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = safejson.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{number}: not JSON: {error.msg}") from None
        if not isinstance(item, dict):
            raise InputError(f"{path}:{number}: a manifest line must be a JSON object")
        rows.append({str(k).lower(): "" if v is None else str(v) for k, v in item.items()})
        if first_only:
            break
    return rows


def _from_manifest(manifest: Path) -> Iterable[Document]:
    base = manifest.parent
    for number, row in enumerate(_manifest_rows(manifest), 1):
        document_id = next((row[c] for c in ID_COLUMNS if row.get(c)), "")
        given = row.get("path", "")
        if not document_id or not given:
            raise InputError(f"{manifest}: row {number} has no id or no path")
        path = base / given
        if not path.is_file():
            raise InputError(f"{manifest}: row {number}: {given}: no such file")
        yield Document(
            id=document_id,
            path=path,
            relative=Path(given).as_posix(),
            venue=row.get("venue") or None,
            track=row.get("track") or None,
        )
