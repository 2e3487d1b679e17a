"""The OpenAlex works and Retraction Watch dumps read as boundedly as the snapshot and dblp's:
an endless line, a gzip bomb, a damaged file or a field past the CSV limit is one line naming
where, and no index; a Work whose parts have the wrong types is one skipped line."""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path

import pytest
from bibnorm.cli import EXIT_FATAL, EXIT_OK, main
from bibnorm.resolvers import openalex_works
from click.testing import CliRunner
from paths import REFERENCE
from test_openalex_works import work

RW_SAMPLE = REFERENCE / "formats/retraction-watch/labs-api-sample-header-and-row.csv"


def build(folder: Path, *dumps: Path) -> tuple[int, str]:
    arguments = ["index", "build", *map(str, dumps), "-o", str(folder / "index.sqlite")]
    result = CliRunner().invoke(main, arguments, env={"BIBNORM_CACHE_DIR": str(folder)})
    return result.exit_code, result.stderr


def blanks_bomb(path: Path, megabytes: int) -> Path:
    """A gzip part that inflates to ``megabytes`` of blanks on one line after a first Work."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [compressor.compress((json.dumps(work()) + "\n").encode())]
    parts += [compressor.compress(b" " * (1 << 20)) for _ in range(megabytes)]
    path.write_bytes(b"".join(parts) + compressor.flush())
    return path


def test_an_openalex_part_with_an_endless_line_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(openalex_works, "MAX_LINE_BYTES", 4 << 20)  # the bound, made small to be quick
    bomb = blanks_bomb(tmp_path / "part_000.gz", 8)

    code, stderr = build(tmp_path, bomb)

    assert code == EXIT_FATAL
    assert stderr == (
        f"bibnorm: error: {bomb}:2: a line of more than 4 MB: not an OpenAlex works part."
        " No index was written\n"
    )
    assert not (tmp_path / "index.sqlite").exists()


def test_an_openalex_part_cut_off_is_one_line(tmp_path: Path) -> None:
    whole = gzip.compress("".join(json.dumps(work()) + "\n" for _ in range(50)).encode())
    part = tmp_path / "part_000.gz"
    part.write_bytes(whole[: len(whole) // 2])

    code, stderr = build(tmp_path, part)

    assert code == EXIT_FATAL
    assert stderr.startswith(f"bibnorm: error: {part}: the compressed file is cut off or damaged at line ")
    assert len(stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"primary_location": "a string"}, id="primary-location-a-string"),
        pytest.param({"primary_location": {"source": ["a", "list"]}}, id="source-a-list"),
        pytest.param({"authorships": [{"author": "a string"}]}, id="author-a-string"),
        pytest.param({"locations": ["a string"]}, id="location-a-string"),
        pytest.param({"id": 5, "title": {"not": "text"}}, id="id-a-number"),
    ],
)
def test_a_work_with_parts_of_the_wrong_type_is_skipped(tmp_path: Path, change: dict) -> None:
    part = tmp_path / "part_000.gz"
    part.write_bytes(gzip.compress((json.dumps(work()) + "\n" + json.dumps(work() | change) + "\n").encode()))

    result = CliRunner().invoke(main, ["index", "build", str(part), "-o", str(tmp_path / "w.sqlite")])

    assert result.exit_code == EXIT_OK, result.output
    assert "Traceback" not in result.output
    assert "indexed 1 OpenAlex works (1 skipped)" in result.stderr + result.stdout


def test_a_retraction_watch_field_past_the_csv_limit_is_one_line(tmp_path: Path) -> None:
    header, row = RW_SAMPLE.read_text(encoding="utf-8").splitlines()[:2]
    data = tmp_path / "retraction_watch.csv"
    huge = row.replace(",Retraction,", ',"' + "x" * 200_000 + '",')  # one field of 200,000 characters
    data.write_text(f"{header}\n{row}\n{huge}\n", encoding="utf-8")

    code, stderr = build(tmp_path, data)

    assert code == EXIT_FATAL
    assert stderr == (
        f"bibnorm: error: {data}:3: not a Retraction Watch row (field larger than field limit (131072))."
        " No index was written\n"
    )
    assert not (tmp_path / "index.sqlite").exists()
