"""What users see while a command works and after: progress on stderr, colour by severity.

Progress: live on a terminal (a real pseudo-terminal, the command a real subprocess), one line
per phase in logs with ``--progress``, nothing with ``-q`` or by default off a terminal, and
never on stdout. Colour: ``--color auto|always|never``, NO_COLOR and FORCE_COLOR, with the
plain text unchanged when colour is off.
"""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bibnorm.cli import EXIT_FINDINGS, main
from bibnorm.cli._progress import PhaseLines, clock_text, count_text, phase_line, rate_text, running_line
from bibnorm.cli._style import color_choice
from bibnorm.resolve.progress import BYTES
from click.testing import CliRunner
from fakes.servers import FakeApis, running_fakes
from paths import HF_PAGES_DIR

PAGES = sorted(HF_PAGES_DIR.glob("*.txt"))
MISTAKES = Path(__file__).parent / "corpus" / "ugly" / "arxiv-and-author-mistakes.bib"
BIBNORM = Path(sys.executable).parent / "bibnorm"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
RED_BOLD_ERROR = "\x1b[31m\x1b[1merror\x1b[0m"
YELLOW_WARNING = "\x1b[33mwarning\x1b[0m"
COLOUR = re.compile(r"\x1b\[(?:[0-9]+;)*(?:3[0-8]|9[0-7]|4[0-8]|10[0-7])(?:;[0-9]+)*m")  # SGR colours
PHASE_LINE = re.compile(r"^bibnorm: (?P<phase>[^:]+(?:: \S+)?): (?P<done>[\d,]+)/(?P<total>[\d,]+) \S+ in ")


# --- how counts, rates and times read ---------------------------------------------------------


@pytest.mark.parametrize(
    ("done", "total", "unit", "expected"),
    [
        pytest.param(120, 250, "items", "120/250 items", id="items"),
        pytest.param(1_234, 10_000, "papers", "1,234/10,000 papers", id="thousands"),
        pytest.param(2_000, None, "lines", "2,000 lines", id="total-unknown"),
        pytest.param(37_000_000, 1_830_000_000, BYTES, "37/1,830 MB", id="bytes-as-megabytes"),
    ],
)
def test_counts(done: int, total: int | None, unit: str, expected: str) -> None:
    assert count_text(done, total, unit) == expected


@pytest.mark.parametrize(
    ("per_second", "unit", "expected"),
    [
        pytest.param(8.46, "items", "8.5 items/s", id="slow-source-one-decimal"),
        pytest.param(412.7, "titles", "413 titles/s", id="fast-whole"),
        pytest.param(41_000_000, BYTES, "41 MB/s", id="bytes"),
        pytest.param(None, "items", "", id="not-known-yet"),
    ],
)
def test_rates(per_second: float | None, unit: str, expected: str) -> None:
    assert rate_text(per_second, unit) == expected


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        pytest.param(7.2, "0:07", id="seconds"),
        pytest.param(760, "12:40", id="minutes"),
        pytest.param(3723, "1:02:03", id="hours"),
    ],
)
def test_clock(seconds: float, expected: str) -> None:
    assert clock_text(seconds) == expected


def test_a_log_gets_a_line_when_each_phase_starts_and_ends() -> None:
    lines: list[str] = []
    now = iter([0.0, 40.0, 40.0, 41.5])  # the clock read when each phase starts and ends
    progress = PhaseLines(lines.append, clock=lambda: next(now))
    progress.start("enrich: dblp", 300, "papers")
    progress.expect(40)  # dblp asks about 40 of the 300 papers
    progress.advance(39)
    progress.advance(5)  # more than the phase holds: never past its total
    progress.finish()
    progress.start("index: finish", None, "steps")
    progress.close()
    assert lines == [
        "bibnorm: enrich: dblp: started, 300 papers",
        "bibnorm: enrich: dblp: 40/40 papers in 40.0 s, 1.0 papers/s",
        "bibnorm: index: finish: started",
        "bibnorm: index: finish: done in 1.5 s",
    ]
    assert phase_line("find: arxiv", 610, 610, "items", 12.0) == (
        "bibnorm: find: arxiv: 610/610 items in 12.0 s, 51 items/s"
    )


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_running_phase_says_how_it_does_at_least_every_period() -> None:
    """`beat` is what the thread of `PhaseLines` calls when a line may be due: each call here is
    one waking, at the time the clock says."""
    lines: list[str] = []
    clock = Clock()
    progress = PhaseLines(lines.append, clock=clock, every=30.0)
    heard: list[tuple[float, float]] = []  # (when, seconds until the next line is due)

    def wake_at(seconds: float, done: int = 0) -> None:
        clock.now = seconds
        progress.advance(done)
        heard.append((seconds, progress.beat()))

    wake_at(5.0)  # before any phase: nothing to say
    progress.start("enrich: dblp", 262, "papers")  # at 5 s
    wake_at(20.0, done=5)
    wake_at(35.0, done=5)
    wake_at(50.0, done=10)
    wake_at(65.0, done=20)
    progress.finish()
    progress.close()
    assert lines == [
        "bibnorm: enrich: dblp: started, 262 papers",
        "bibnorm: enrich: dblp: 10/262 papers, 0.3 papers/s, 12:36 left",
        "bibnorm: enrich: dblp: 40/262 papers, 0.7 papers/s, 5:33 left",
        "bibnorm: enrich: dblp: 262/262 papers in 60.0 s, 4.4 papers/s",
    ]
    assert heard == [(5.0, 30.0), (20.0, 15.0), (35.0, 30.0), (50.0, 15.0), (65.0, 30.0)]


def test_sources_asked_side_by_side_each_say_how_they_do_in_a_log() -> None:
    """Each lane (a source asked beside the others) has its own phase, its own lines, and a line
    at least every period while it runs."""
    lines: list[str] = []
    clock = Clock()
    progress = PhaseLines(lines.append, clock=clock, every=30.0)
    arxiv, dblp = progress.lane("find: arxiv"), progress.lane("enrich: dblp")
    arxiv.start("find: arxiv", 610)
    dblp.start("enrich: dblp", None, "papers")
    dblp.expect(20)  # the first group's papers: the total grows as groups reach dblp
    clock.now = 31.0
    arxiv.advance(300)
    dblp.advance(10)
    dblp.expect(40)
    assert progress.beat() == 30.0
    clock.now = 40.0
    arxiv.finish()
    clock.now = 61.0
    dblp.advance(30)
    progress.beat()
    dblp.finish()
    progress.close()
    assert lines == [
        "bibnorm: find: arxiv: started, 610 items",
        "bibnorm: enrich: dblp: started",
        "bibnorm: find: arxiv: 300/610 items, 9.7 items/s, 0:32 left",
        "bibnorm: enrich: dblp: 10/40 papers, 0.3 papers/s, 1:33 left",
        "bibnorm: find: arxiv: 610/610 items in 40.0 s, 15 items/s",
        "bibnorm: enrich: dblp: 40/40 papers, 0.7 papers/s, 0:00 left",
        "bibnorm: enrich: dblp: 40/40 papers in 61.0 s, 0.7 papers/s",
    ]


@pytest.mark.parametrize(
    ("done", "total", "seconds", "expected"),
    [
        pytest.param(0, 262, 30.0, "bibnorm: p: 0/262 items, 0:30 so far", id="nothing-done-yet"),
        pytest.param(50, None, 10.0, "bibnorm: p: 50 items, 5.0 items/s, 0:10 so far", id="total-unknown"),
        pytest.param(100, 1000, 10.0, "bibnorm: p: 100/1,000 items, 10 items/s, 1:30 left", id="time-left"),
    ],
)
def test_running_lines(done: int, total: int | None, seconds: float, expected: str) -> None:
    assert running_line("p", done, total, "items", seconds) == expected


# --- progress from the commands --------------------------------------------------------------


@pytest.fixture(scope="module")
def apis() -> Iterator[FakeApis]:
    with running_fakes() as running:
        yield running


def resolve_env(apis: FakeApis, cache: Path) -> dict[str, str]:
    return {**apis.env(cache), "NO_COLOR": "", "FORCE_COLOR": ""}


@pytest.mark.parametrize(
    ("options", "phase_lines"),
    [
        pytest.param([], False, id="default-off-a-terminal-says-nothing"),
        pytest.param(["--progress"], True, id="progress-one-line-per-phase"),
        pytest.param(["--progress", "-q"], False, id="quiet-wins"),
        pytest.param(["--no-progress"], False, id="no-progress"),
    ],
)
def test_progress_in_a_log(
    apis: FakeApis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: list[str], phase_lines: bool
) -> None:
    for name, value in resolve_env(apis, tmp_path / "cache").items():
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(main, ["resolve", *map(str, PAGES[:2]), *options])
    assert result.exit_code == 0, result.stderr
    phases = [m["phase"] for line in result.stderr.splitlines() if (m := PHASE_LINE.match(line))]
    if phase_lines:
        assert phases[:2] == ["read", "find: arxiv"]
        assert phases[-1] == "write"
        assert len(phases) == len(set(phases))  # each phase said once
        for line in result.stderr.splitlines():
            if (match := PHASE_LINE.match(line)) is not None:
                assert match["done"] == match["total"], line  # a finished phase did all of its work
    else:
        assert phases == []
    assert "bibnorm:" not in result.stdout  # data only on stdout
    assert result.stdout.startswith("@")


def test_a_log_hears_from_a_slow_phase_while_it_runs(
    apis: FakeApis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """arXiv answers slowly: the log says the phase started, then how it does, before it ends
    (every 0.1 s here; every 30 s in a real run)."""
    for name, value in resolve_env(apis, tmp_path / "cache").items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("bibnorm.cli._progress.EVERY", 0.1)
    monkeypatch.setattr(apis.arxiv, "delay", 0.5)
    titles = tmp_path / "titles.txt"
    titles.write_text(
        "Attention is all you need\nDeep residual learning for image recognition\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["resolve", str(titles), "--progress"])
    assert result.exit_code == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if line.startswith("bibnorm: find: arxiv:")]
    assert said[0] == "bibnorm: find: arxiv: started, 2 items"
    assert PHASE_LINE.match(said[-1])  # the line it ends with
    assert said[1:-1]  # and between them, lines while it ran:
    assert all(line.endswith((" left", " so far")) for line in said[1:-1])


def run_on_a_terminal(
    command: list[str], env: dict[str, str], cwd: Path, *, stdout_too: bool = False
) -> tuple[int, str, str]:
    """Run ``command`` with stderr (and stdin; with ``stdout_too`` stdout as well) on a
    pseudo-terminal, else stdout to a pipe. Returns the exit code, what the terminal received
    and what the pipe received."""
    master, slave = pty.openpty()
    out_to = slave if stdout_too else subprocess.PIPE
    with subprocess.Popen(command, stdin=slave, stdout=out_to, stderr=slave, env=env, cwd=cwd) as child:
        os.close(slave)
        received = {master: bytearray()}
        if child.stdout is not None:
            received[child.stdout.fileno()] = bytearray()
        open_fds = set(received)
        while open_fds:
            ready, _, _ = select.select(list(open_fds), [], [], 1.0)
            for fd in ready:
                try:
                    data = os.read(fd, 65536)
                except OSError:  # EIO: the terminal's other side closed
                    data = b""
                if data:
                    received[fd].extend(data)
                else:
                    open_fds.discard(fd)
        code = child.wait()
    os.close(master)
    pipe = b"".join(data for fd, data in received.items() if fd != master)
    return code, received[master].decode("utf-8", "replace"), pipe.decode()


def test_a_cold_resolve_of_the_five_pages_shows_each_phase_live_with_counts_and_time_left(
    apis: FakeApis, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        **resolve_env(apis, tmp_path / "cache"),
        "BIBNORM_ARXIV_DELAY": "0.02",  # slow enough for the live line to draw a few times
        "TERM": "xterm-256color",
        "COLUMNS": "120",
    }
    code, screen, stdout = run_on_a_terminal([str(BIBNORM), "resolve", *map(str, PAGES)], env, tmp_path)
    assert code == 0, screen
    plain = ANSI.sub("", screen)
    # While a phase runs: its count so far of its total, its rate and the time it has left.
    assert re.search(r"bibnorm: find: arxiv\s+\S+ (\d+)/(\d+) items\s+[\d.,]+ items/s\s+\d+:\d\d left", plain)
    # At the end every phase is on screen, once, complete, with its time.
    final = plain[plain.rindex("bibnorm: read") :]
    for phase in (
        "read",
        "find: arxiv",
        "find: s2",
        "enrich: s2",
        "enrich: dblp",
        "enrich: crossref",
        "write",
    ):
        match = re.search(rf"bibnorm: {phase}\s+\S+ ([\d,]+)/([\d,]+) \w+.* in \d+:\d\d", final)
        assert match is not None, f"{phase} missing from the last screen:\n{final}"
        assert match[1] == match[2]
    assert "\x1b[" in screen  # drawn with terminal codes
    assert stdout.startswith("@") and "bibnorm:" not in stdout  # stdout carries the data only


def test_quiet_on_a_terminal_shows_no_progress_only_what_was_not_resolved(
    apis: FakeApis, tmp_path: Path
) -> None:
    env = {**os.environ, **resolve_env(apis, tmp_path / "cache")}
    code, screen, stdout = run_on_a_terminal([str(BIBNORM), "resolve", str(PAGES[0]), "-q"], env, tmp_path)
    assert code == 0
    # -q quiets progress and the summary, not failures: one line counts the unsettled.
    [line] = screen.splitlines()
    assert re.fullmatch(r"bibnorm: warning: \d+ items not resolved \(\d+ unresolved\); --report PATH lists "
                        r"each with its best candidates", line), line  # fmt: skip
    assert stdout.startswith("@")


# --- colour -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("choice", "environ", "expected"),
    [
        pytest.param("auto", {}, None, id="auto-follows-the-terminal"),
        pytest.param("auto", {"NO_COLOR": "1"}, False, id="no-color"),
        pytest.param("auto", {"NO_COLOR": ""}, None, id="empty-no-color-is-unset"),
        pytest.param("auto", {"FORCE_COLOR": "1"}, True, id="force-color"),
        pytest.param("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False, id="no-color-beats-force"),
        pytest.param("always", {"NO_COLOR": "1"}, True, id="the-option-beats-the-environment"),
        pytest.param("never", {"FORCE_COLOR": "1"}, False, id="never"),
    ],
)
def test_color_choice(choice: str, environ: dict[str, str], expected: bool | None) -> None:
    assert color_choice(choice, environ) is expected


CHECK = ["check", "--offline", "--select", "BN2,BN3", "--ignore", "BN305", str(MISTAKES)]


@pytest.mark.parametrize(
    ("options", "environ", "colored"),
    [
        pytest.param([], {}, False, id="not-a-terminal"),
        pytest.param(["--color", "always"], {}, True, id="always"),
        pytest.param([], {"FORCE_COLOR": "1"}, True, id="force-color"),
        pytest.param(["--color", "never"], {"FORCE_COLOR": "1"}, False, id="never"),
        pytest.param(["--color", "always"], {"NO_COLOR": "1"}, True, id="always-beats-no-color"),
    ],
)
def test_check_colours_each_severity_word(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    options: list[str],
    environ: dict[str, str],
    colored: bool,
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.setenv(name, environ.get(name, ""))
    result = CliRunner().invoke(main, [*CHECK, *options])
    plain = ANSI.sub("", result.stdout)
    assert result.exit_code == EXIT_FINDINGS
    assert f"{MISTAKES}:24: devlin2019bert: BN302 error: author list: ends with 'and'" in plain.splitlines()
    if colored:
        assert f"BN302 {RED_BOLD_ERROR}: author list" in result.stdout
        assert f"BN303 {YELLOW_WARNING}: author contains 'et al.'" in result.stdout
        assert RED_BOLD_ERROR in result.stderr  # the summary's error count
    else:
        assert "\x1b[" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("no_color", "colored"),
    [
        pytest.param("", True, id="a-terminal-gets-colour"),
        pytest.param("1", False, id="NO_COLOR-is-honoured"),
    ],
)
def test_check_on_a_terminal(tmp_path: Path, no_color: str, colored: bool) -> None:
    env = {**os.environ, "NO_COLOR": no_color, "FORCE_COLOR": "", "BIBNORM_CACHE_DIR": str(tmp_path / "c")}
    code, screen, _ = run_on_a_terminal([str(BIBNORM), *CHECK], env, tmp_path, stdout_too=True)
    assert code == EXIT_FINDINGS
    assert "BN302 error: author list" in ANSI.sub("", screen)
    assert (RED_BOLD_ERROR in screen) is colored
    assert bool(COLOUR.search(screen)) is colored  # the live progress's cursor moves are no colour
