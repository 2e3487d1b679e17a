"""Terminal output through one channel.

On a terminal the dblp cost announcement never appeared and finished progress lines stayed on
screen twice: a plain write to stderr while rich's live display owned it. Lines said during a
run now go through the display's console, above the bars. Checked on a real pseudo-terminal of
a known size, its final screen rebuilt by a terminal emulator (pyte), as the user would see it.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
from collections.abc import Iterator
from pathlib import Path

import pyte
import pytest
from bibnorm.cli import EXIT_SOURCES_FAILED, main
from click.testing import CliRunner
from fakes.broken_api import closed_port
from fakes.servers import FakeApis, running_fakes
from paths import HF_PAGES_DIR, ROOT
from test_verify import REAL

PAGES = sorted(HF_PAGES_DIR.glob("*.txt"))
BIBNORM = Path(sys.executable).parent / "bibnorm"


def final_screen(
    command: list[str], env: dict[str, str], cwd: Path, columns: int, rows: int
) -> tuple[int, list[str]]:
    """Run ``command`` with stdin and stderr on a pseudo-terminal of ``columns`` x ``rows``
    (stdout to a pipe); the exit code and the screen's lines once it is done."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    screen = pyte.Screen(columns, rows)
    stream = pyte.ByteStream(screen)
    with subprocess.Popen(
        command, stdin=slave, stdout=subprocess.DEVNULL, stderr=slave, env=env, cwd=cwd
    ) as child:
        os.close(slave)
        while True:
            ready, _, _ = select.select([master], [], [], 1.0)
            if not ready:
                if child.poll() is not None:
                    break
                continue
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the terminal's other side closed
                break
            if not data:
                break
            stream.feed(data)
        code = child.wait()
    os.close(master)
    return code, [line.rstrip() for line in screen.display if line.strip()]


@pytest.fixture(scope="module")
def apis() -> Iterator[FakeApis]:
    with running_fakes() as running:
        yield running


@pytest.mark.parametrize(
    ("columns", "rows"), [pytest.param(100, 60, id="100x60"), pytest.param(160, 50, id="160x50")]
)
def test_lines_said_during_a_live_display_stand_above_it_once_each(
    tmp_path: Path, columns: int, rows: int
) -> None:
    script = (
        "import sys, time\n"
        "from bibnorm.cli._progress import LiveProgress, say\n"
        "progress = LiveProgress(sys.stderr)\n"
        "progress.start('find: arxiv', 3, 'items')\n"
        "for _ in range(3):\n"
        "    time.sleep(0.15); progress.advance()\n"
        "progress.finish()\n"
        "progress.start('enrich: dblp', 2, 'papers')\n"
        "say(progress, 'bibnorm: dblp: 269 papers to look up online, about 54 s')\n"
        "time.sleep(0.3); progress.advance(2); progress.finish()\n"
        "progress.start('write', 1, 'entries'); progress.advance(); progress.finish()\n"
        "progress.close()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color", "NO_COLOR": "1"}
    code, lines = final_screen([sys.executable, "-c", script], env, tmp_path, columns, rows)
    assert code == 0, lines
    assert [line for line in lines if "269 papers" in line] == [
        "bibnorm: dblp: 269 papers to look up online, about 54 s"
    ]
    phases = [m[1] for line in lines if (m := re.match(r"bibnorm: (find: arxiv|enrich: dblp|write)\s", line))]
    assert phases == ["find: arxiv", "enrich: dblp", "write"]  # each finished phase once, in order
    assert lines.index("bibnorm: dblp: 269 papers to look up online, about 54 s") < len(lines) - 3


def test_resolve_on_a_terminal_shows_the_dblp_announcement_and_each_phase_once(
    apis: FakeApis, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        **apis.env(tmp_path / "cache"),
        "NO_COLOR": "",
        "FORCE_COLOR": "",
        "TERM": "xterm-256color",
        # 38 papers of the first page to ask dblp about, one every 0.3 s: over the 10 s announced.
        "BIBNORM_DBLP_DELAY": "0.3",
    }
    command = [str(BIBNORM), "resolve", str(PAGES[0]), "-o", "refs.bib", "--report", "r.json"]
    code, lines = final_screen(command, env, tmp_path, 120, 60)
    assert code == 0, lines
    announced = [line for line in lines if line.startswith("bibnorm: dblp: ") and "to look up online" in line]
    assert len(announced) == 1 and re.match(
        r"bibnorm: dblp: \d+ papers to look up online, about \d+ s", announced[0]
    )
    phases = [
        m[1] for line in lines if (m := re.match(r"bibnorm: ((?:find|enrich): \w+|read|write)\s", line))
    ]
    assert len(phases) == len(set(phases)) and phases[0] == "read" and phases[-1] == "write", lines
    # The unresolved items are counted in one line that says where they are listed, not 190 lines.
    [counted] = [line for line in lines if "items not resolved" in line]
    assert counted.endswith("each is listed with its best candidates in r.json")
    assert not any(": unresolved: " in line for line in lines)


# --- every lost source named, in text and in JSON ----------------------------------------------


@pytest.fixture
def unreachable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """refs.bib of two real papers, and every source behind one port nothing listens on (where
    the HTTP counters see every failure as the first source's)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    port = closed_port()
    for source in ("ARXIV", "S2", "DBLP", "CROSSREF", "OPENALEX", "OPENLIBRARY"):
        monkeypatch.setenv(f"BIBNORM_{source}_API_URL", f"http://127.0.0.1:{port}/")
    for name in ("BIBNORM_OFFLINE", "BIBNORM_SNAPSHOT", "S2_API_KEY"):
        monkeypatch.setenv(name, "")
    (tmp_path / "refs.bib").write_text(REAL, encoding="utf-8")
    return tmp_path / "refs.bib"


@pytest.mark.parametrize("quiet", [pytest.param([], id="default"), pytest.param(["-q"], id="quiet")])
def test_verify_names_every_source_it_lost_with_every_source_down(
    unreachable: Path, quiet: list[str]
) -> None:
    result = CliRunner().invoke(main, ["verify", str(unreachable), *quiet])
    assert result.exit_code == EXIT_SOURCES_FAILED
    [warning] = [line for line in result.stderr.splitlines() if line.startswith("bibnorm: warning:")]
    for label in ("arXiv", "Semantic Scholar", "Crossref"):
        assert label in warning


def test_verify_json_says_what_the_text_says_of_an_unverifiable_entry(unreachable: Path) -> None:
    text = CliRunner().invoke(main, ["verify", str(unreachable)])
    document = json.loads(CliRunner().invoke(main, ["verify", str(unreachable), "--json"]).stdout)
    assert {"arxiv", "s2"} <= set(document["summary"]["sources_down"])
    for entry in document["entries"]:
        assert entry["verdict"] == "unverifiable"
        [finding] = entry["findings"]
        assert finding["code"] == "BN700"
        assert f"{entry['key']}: BN700 warning: {finding['message']}" in text.stdout
        assert entry["unverifiable_because"] and "s2" in entry["unverifiable_because"]
