"""Zotero's local API is read as boundedly as any source: a hostile or broken local server (a gzip
bomb, an endless body, a drip, a redirect) costs one line and exit 1, within seconds and a few
megabytes (`bibnorm.resolvers.zotero`)."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest
from bibnorm.cli import EXIT_FATAL, main
from click.testing import CliRunner
from fakes.hostile_api import HostileServer, Script, gzip_bomb

# The bounds the test runs with (a project may set them): a 1 MB answer, 1 s for one that drips
# (5 s for the others: the byte cap must stop them, even on a busy machine).
CONFIG = "max_response_mb = 1\ntimeout = {timeout}\n"


@pytest.mark.parametrize(
    ("mode", "said"),
    [
        pytest.param("gzip-bomb", "sent an answer of more than 1 MB", id="gzip-bomb"),
        pytest.param("endless", "sent an answer of more than 1 MB", id="endless-body"),
        pytest.param(
            "declared-huge", "sent an answer of 10240 MB (more than the 1 MB allowed)", id="declared-huge"
        ),
        pytest.param("drip", "did not answer within 1 s", id="dripping-body"),
        pytest.param("drip-headers", "did not answer within 1 s", id="dripping-headers"),
        pytest.param("redirect", "answered HTTP 302", id="redirect"),
    ],
)
def test_a_hostile_zotero_is_one_line_within_seconds(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    hostile: HostileServer,
    script: Script,
    mode: str,
    said: str,
) -> None:
    script.mode = mode  # type: ignore[assignment]
    script.drip_every = 0.05
    gzip_bomb()  # made once, before the clock starts (compressing 256 MB takes the server seconds)
    monkeypatch.chdir(tmp_path)
    timeout = 1.0 if said.startswith("did not answer") else 5.0
    (tmp_path / "bibnorm.toml").write_text(CONFIG.format(timeout=timeout), encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()

    result = CliRunner().invoke(
        main,
        ["verify", "zotero:", "--offline"],
        env={"BIBNORM_ZOTERO_API_URL": hostile.url + "/api/", "BIBNORM_CACHE_DIR": str(tmp_path / "cache")},
    )

    assert time.monotonic() - started < 10
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024  # KB: far below the bomb
    assert result.exit_code == EXIT_FATAL
    [line] = result.stderr.splitlines()
    assert line.startswith("bibnorm: error: Zotero's local API ") and said in line
