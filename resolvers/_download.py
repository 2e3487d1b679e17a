"""Fetching a dump whole: dblp's XML dump and its DTD, for ``bibnorm index fetch dblp``.

dblp publishes its dump as ``dblp.xml.gz`` with ``dblp.dtd`` and the dump's MD5 checksum,
``dblp.xml.gz.md5`` (``<hex digest>  dblp.xml.gz``), in one folder, https://dblp.org/xml/
(docs/sources.md, "dblp"). Each file is written to ``<name>.part`` beside its place and renamed
into place only once whole (and, for the dump, once its checksum matches), so an interrupted
download leaves a ``.part`` that the next fetch resumes with an HTTP ``Range`` request where the
server takes one, and a failed one leaves the previous dump. Before the dump is asked for, the
free space of its folder is checked against what is left to download plus what the index built
from it takes.

The session is the download session of `bibnorm.resolvers._session` (no cache: a dump of several
GB has no place in the HTTP cache, and no cap on an answer's size), passed in by the caller.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import requests
import urllib3
from bibnorm.errors import BibnormError
from bibnorm.resolve.progress import BYTES, NO_PROGRESS, Progress

DUMP, DTD, CHECKSUM = "dblp.xml.gz", "dblp.dtd", "dblp.xml.gz.md5"
DEFAULT_DUMP_URL = "https://dblp.org/xml/"
# Bytes written at a time: a download cut off loses at most the chunk it was in.
CHUNK = 1 << 16
# The index built from a dump takes about as much again as the compressed dump (95.8 MiB from a
# 91 MiB dump: docs/performance.md, "dblp index at dblp scale"), and SQLite wants room for its
# journal and sorting while it builds: twice the dump is kept free for the index.
INDEX_ROOM = 2.0
TIMEOUT = 60.0  # seconds without a byte before a download is given up (run again to resume)


class DownloadError(BibnormError):
    """A file could not be fetched whole: said in one line, with what to do."""


@dataclass(frozen=True)
class Fetched:
    """What `fetch_dblp_dump` left in its folder: the dump and its DTD, and how much it downloaded."""

    dump: Path
    dtd: Path
    downloaded: int  # bytes downloaded by this fetch (a resumed dump counts only the rest)
    resumed_from: int  # bytes of the dump already there from an interrupted fetch


def free_bytes(folder: Path) -> int:
    return shutil.disk_usage(folder).free


def fetch_dblp_dump(
    session: requests.Session,
    folder: Path,
    *,
    base_url: str = DEFAULT_DUMP_URL,
    progress: Progress = NO_PROGRESS,
    free: Callable[[Path], int] | None = None,
) -> Fetched:
    """Download dblp's dump and DTD from ``base_url`` into ``folder``, the dump checked against
    the published MD5; resumes a ``.part`` an earlier fetch left, and keeps a dump already there
    whose MD5 is the published one. Raises `DownloadError` (one
    line) when a file cannot be had, the checksum does not match, or ``folder`` has too little
    free space (``free``: its free bytes, `free_bytes` unless given)."""
    free = free or free_bytes
    base = base_url.rstrip("/") + "/"
    folder.mkdir(parents=True, exist_ok=True)
    expected = _published_md5(session, base + CHECKSUM)
    dtd = folder / DTD
    _download(session, base + DTD, dtd, progress=progress, free=free, room=0.0)
    dump = folder / DUMP
    if dump.exists() and not _partial(dump).exists() and _md5_of(dump) == expected:
        return Fetched(dump=dump, dtd=dtd, downloaded=0, resumed_from=0)  # the current dump already
    partial = _partial(dump)
    resumed_from = partial.stat().st_size if partial.exists() else 0
    downloaded = _download(
        session, base + DUMP, dump, progress=progress, free=free, room=INDEX_ROOM, md5=expected
    )
    return Fetched(dump=dump, dtd=dtd, downloaded=downloaded, resumed_from=resumed_from)


def _partial(target: Path) -> Path:
    return target.with_name(target.name + ".part")


def _published_md5(session: requests.Session, url: str) -> str:
    """The hex digest of the checksum file at ``url`` (``<digest>  <name>``)."""
    try:
        response = session.get(url, timeout=TIMEOUT)
    except requests.RequestException as error:
        raise DownloadError(f"{url}: {_reason(error)}") from None
    if response.status_code != 200:
        raise DownloadError(f"{url}: HTTP {response.status_code}")
    words = response.text.split()
    digest = words[0].casefold() if words else ""
    if len(digest) != 32 or any(ch not in "0123456789abcdef" for ch in digest):
        raise DownloadError(f"{url}: not an MD5 checksum")
    return digest


def _download(
    session: requests.Session,
    url: str,
    target: Path,
    *,
    progress: Progress,
    free: Callable[[Path], int],
    room: float,
    md5: str | None = None,
) -> int:
    """``url`` into ``target`` through ``target.part`` (resumed when there); the bytes downloaded."""
    partial = _partial(target)
    have = partial.stat().st_size if partial.exists() else 0
    headers = {"Range": f"bytes={have}-"} if have else {}
    try:
        with session.get(url, headers=headers, stream=True, timeout=TIMEOUT) as response:
            if response.status_code == 416 and have:  # the part is whole already
                return _finish(partial, target, md5, url)
            have = _bytes_continued(response, have, url)
            left = int(response.headers.get("Content-Length") or 0)
            _check_room(target.parent, left, (have + left) * room, free)
            downloaded = _append_body(response, target, have, left, progress)
    except (requests.RequestException, urllib3.exceptions.HTTPError) as error:
        raise DownloadError(f"{url}: {_reason(error)}; run the command again to resume") from None
    except OSError as error:  # the disk filled up, the folder went away
        raise DownloadError(f"cannot write {partial}: {error.strerror or error}") from None
    if left and downloaded < left:
        raise DownloadError(
            f"{url}: cut off after {have + downloaded:,} bytes; run the command again to resume"
        )
    _finish(partial, target, md5, url)
    return downloaded


def _bytes_continued(response: requests.Response, have: int, url: str) -> int:
    """The bytes of the part the answer goes on from: all ``have`` of them for a range (206),
    none when the server sends the file whole (200: start again); `DownloadError` otherwise."""
    if response.status_code not in (200, 206):
        raise DownloadError(f"{url}: HTTP {response.status_code}")
    return have if response.status_code == 206 else 0


def _append_body(response: requests.Response, target: Path, have: int, left: int, progress: Progress) -> int:
    """The answer's ``left`` bytes onto the ``have`` bytes of ``target``'s part (a new part when
    there are none); the bytes written."""
    progress.start(f"download: {target.name}", have + left if left else None, BYTES)
    progress.advance(have)
    downloaded = 0
    with _partial(target).open("ab" if have else "wb") as out:
        # The bytes as sent: a server that adds a Content-Encoding must not change the
        # file the checksum is of.
        for chunk in response.raw.stream(CHUNK, decode_content=False):
            out.write(chunk)
            downloaded += len(chunk)
            progress.advance(len(chunk))
    progress.finish()
    return downloaded


def _check_room(folder: Path, left: int, index: float, free: Callable[[Path], int]) -> None:
    needed = left + int(index)
    available = free(folder)
    if available < needed:
        raise DownloadError(
            f"{folder}: {available / 1e9:.1f} GB free, the dblp dump and its index need "
            f"{needed / 1e9:.1f} GB; free some space or fetch into another folder with --to"
        )


def _finish(partial: Path, target: Path, md5: str | None, url: str) -> int:
    if md5 is not None and (found := _md5_of(partial)) != md5:
        partial.unlink()
        raise DownloadError(
            f"{url}: the download's MD5 is {found}, dblp publishes {md5}; deleted, run the command again"
        )
    os.replace(partial, target)
    return 0


def _md5_of(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _reason(error: Exception) -> str:
    if isinstance(error, requests.Timeout | urllib3.exceptions.TimeoutError):
        return f"no answer within {TIMEOUT:.0f} s"
    if isinstance(error, requests.ConnectionError):
        return "could not connect"
    return "cut off"  # the connection ended before the body did
