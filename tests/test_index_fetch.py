"""``bibnorm index fetch dblp``: dblp's dump and DTD downloaded (checked, resumed, refused when they
cannot fit) and the index built from them, against a fake of dblp's dump folder on 127.0.0.1.

The fake serves what https://dblp.org/xml/ serves: ``dblp.xml.gz``, ``dblp.dtd`` and
``dblp.xml.gz.md5`` (``<digest>  dblp.xml.gz``), the dump with HTTP ``Range`` requests answered
``206``; it can cut the dump off once after some bytes, and publish a wrong checksum.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from bibnorm.cli import EXIT_FATAL, main
from click.testing import CliRunner
from fakes.dblp_dump import write_fake_dump
from fakes.local_server import LocalServer, send


class FakeDumpFolder(LocalServer):
    """dblp's ``/xml/`` folder: the dump, its DTD and its MD5."""

    def __init__(self, dump: bytes, dtd: bytes) -> None:
        self.files = {
            "/xml/dblp.xml.gz": dump,
            "/xml/dblp.dtd": dtd,
            "/xml/dblp.xml.gz.md5": f"{hashlib.md5(dump).hexdigest()}  dblp.xml.gz\n".encode(),
        }
        self.cut_after: int | None = None  # the next dump answer stops after this many bytes
        self.asked: list[tuple[str, str]] = []  # (path, Range header)
        super().__init__()
        self.url += "/xml/"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                fake.asked.append((self.path, self.headers.get("Range", "")))
                body = fake.files.get(self.path)
                if body is None:
                    send(self, 404, b"", {})
                    return
                start = int(self.headers.get("Range", "bytes=0-")[6:].rstrip("-") or 0)
                if start >= len(body) > 0 and self.headers.get("Range"):
                    send(self, 416, b"", {"Content-Range": f"bytes */{len(body)}"})
                    return
                status, headers = 200, {}
                if start:
                    status, headers = 206, {"Content-Range": f"bytes {start}-{len(body) - 1}/{len(body)}"}
                part = body[start:]
                if self.path.endswith(".gz") and fake.cut_after is not None:
                    cut, fake.cut_after = fake.cut_after, None
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(part)))
                    self.end_headers()
                    self.wfile.write(part[:cut])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                send(self, status, part, headers)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


@pytest.fixture(scope="module")
def dump_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    folder = tmp_path_factory.mktemp("dump")
    write_fake_dump(folder / "dblp.xml.gz")
    return (folder / "dblp.xml.gz").read_bytes(), (folder / "dblp.dtd").read_bytes()


@pytest.fixture
def server(dump_files: tuple[bytes, bytes]) -> Iterator[FakeDumpFolder]:
    fake = FakeDumpFolder(*dump_files).start()
    yield fake
    fake.stop()


def fetch(server: FakeDumpFolder, folder: Path) -> Any:
    return CliRunner().invoke(
        main,
        [
            "index",
            "fetch",
            "dblp",
            "--to",
            str(folder / "dump"),
            "--from",
            server.url,
            "-o",
            str(folder / "dblp.sqlite"),
        ],
        env={"BIBNORM_CACHE_DIR": str(folder / "cache"), "BIBNORM_OFFLINE": ""},
    )


def test_the_dump_is_downloaded_checked_and_indexed(server: FakeDumpFolder, tmp_path: Path) -> None:
    result = fetch(server, tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "dump/dblp.xml.gz").read_bytes() == server.files["/xml/dblp.xml.gz"]
    assert (tmp_path / "dump/dblp.dtd").read_bytes() == server.files["/xml/dblp.dtd"]
    assert not list((tmp_path / "dump").glob("*.part"))
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"downloaded {tmp_path / 'dump/dblp.xml.gz'} (")
    assert f"wrote {tmp_path / 'dblp.sqlite'}" in lines
    info = CliRunner().invoke(main, ["index", "info", str(tmp_path / "dblp.sqlite"), "--json"])
    assert '"kind": "dblp"' in info.output


def test_an_interrupted_download_is_resumed_where_it_stopped(
    server: FakeDumpFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cut off after ten chunks of the download, ten chunks are kept (a cut loses at most the
    chunk it fell in), and the next fetch asks for the rest only."""
    monkeypatch.setattr("bibnorm.resolvers._download.CHUNK", 1024)
    dump = server.files["/xml/dblp.xml.gz"]
    server.cut_after = 10 * 1024
    first = fetch(server, tmp_path)
    assert first.exit_code == EXIT_FATAL
    [said] = first.stderr.splitlines()
    assert said.endswith("run the command again to resume")
    assert (tmp_path / "dump/dblp.xml.gz.part").stat().st_size == 10 * 1024

    second = fetch(server, tmp_path)
    assert second.exit_code == 0, second.output
    assert ("/xml/dblp.xml.gz", f"bytes={10 * 1024}-") in server.asked
    assert (tmp_path / "dump/dblp.xml.gz").read_bytes() == dump
    assert "resumed at" in second.stderr.splitlines()[0]


def test_a_dump_already_current_is_not_downloaded_again(server: FakeDumpFolder, tmp_path: Path) -> None:
    assert fetch(server, tmp_path).exit_code == 0
    server.asked.clear()
    again = fetch(server, tmp_path)
    assert again.exit_code == 0, again.output
    assert "/xml/dblp.xml.gz" not in [path for path, _ in server.asked]
    assert "not downloaded again" in again.stderr.splitlines()[0]


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        pytest.param("checksum", "the download's MD5 is", id="wrong-checksum"),
        pytest.param("disk", "GB free, the dblp dump and its index need", id="disk-too-small"),
        pytest.param("no-dump", "dblp.xml.gz: HTTP 404", id="no-dump-there"),
    ],
)
def test_a_fetch_that_cannot_succeed_is_refused_in_one_line(
    server: FakeDumpFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str, message: str
) -> None:
    if fault == "checksum":
        server.files["/xml/dblp.xml.gz.md5"] = b"0123456789abcdef0123456789abcdef  dblp.xml.gz\n"
    elif fault == "disk":
        monkeypatch.setattr("bibnorm.resolvers._download.free_bytes", lambda folder: 1_000)
    else:
        del server.files["/xml/dblp.xml.gz"]
    result = fetch(server, tmp_path)
    assert result.exit_code == EXIT_FATAL
    [said] = result.stderr.splitlines()
    assert said.startswith("bibnorm: error: ") and message in said
    assert not (tmp_path / "dump/dblp.xml.gz").exists()
    assert not (tmp_path / "dump/dblp.xml.gz.part").exists() or fault != "checksum"
    assert not (tmp_path / "dblp.sqlite").exists()


def test_the_fake_dump_is_a_gzip_dblp_would_serve(dump_files: tuple[bytes, bytes]) -> None:
    dump, dtd = dump_files
    assert gzip.decompress(dump).startswith(b'<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE dblp')
    assert b"<!ELEMENT dblp" in dtd
