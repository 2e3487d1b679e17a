"""Worker processes (`bibnorm.processes`, used by `bibnorm.bib.parallel` and the index build): a
pooled run prints nothing on stderr but the command's own lines, stops in one line, never
hangs, and ends a write error exactly as ``--jobs 1`` does.

Every run is a real process: forks, signals and file-size limits are the point, and pytest
may run threads (fake servers) that forbid forking here. The hang detector is a generous
subprocess timeout, a liveness check, not a speed test.
"""

from __future__ import annotations

import gc
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bibnorm.bib.bibfile import chunk_spans
from bibnorm.bib.parallel import PARALLEL_CHUNK_CHARS
from bibnorm.processes import shared_objects_frozen
from paths import ROOT

LIVENESS = 300  # seconds; a run takes about a second, only a hang takes this long
RUNS = 20
SUMMARY = re.compile(r"\d+ error\(s\), \d+ warning\(s\) in 1 file\(s\)")


def bibnorm(
    *args: str, cwd: Path, env: dict[str, str] | None = None, stdout: Any = subprocess.PIPE, **popen: Any
) -> subprocess.Popen[bytes]:
    """``bibnorm ARGS`` as a real process, with no configuration or cache of the user's."""
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "BIBNORM_CACHE_DIR": str(cwd / "cache"),
        **(env or {}),
    }
    command = [sys.executable, "-m", "bibnorm", *args]
    return subprocess.Popen(
        command,
        cwd=cwd,
        env=environment,
        stdout=stdout,
        stderr=subprocess.PIPE,
        start_new_session=True,
        **popen,
    )


def finish(process: subprocess.Popen[bytes]) -> tuple[int, bytes, list[str]]:
    """Exit code, stdout and stderr lines; a run still going after `LIVENESS` s is a hang.

    The process must lead its own group (``start_new_session``): a hung run's workers hold
    its pipes open, so they are killed with it.
    """
    try:
        stdout, stderr = process.communicate(timeout=LIVENESS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError(f"hung: {process.args!r}") from None
    return process.returncode, stdout or b"", stderr.decode(errors="replace").splitlines()


@pytest.fixture(scope="module")
def many_entries(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10,000 small entries, not in the canonical layout: cheap to read, yet several pieces."""
    path = tmp_path_factory.mktemp("pool") / "many.bib"
    text = "".join(f"@MISC{{key{n:05d}, title={{Title {n:05d}}}}}\n" for n in range(10_000))
    path.write_text(text, encoding="utf-8")
    assert len(chunk_spans(text, PARALLEL_CHUNK_CHARS)) >= 2  # -j 2 really forks two workers
    return path


def test_pooled_format_and_check_print_nothing_but_their_summary_20_times(
    many_entries: Path, tmp_path: Path
) -> None:
    file = str(many_entries)
    commands = {"format": ["format", file], "check": ["check", "--offline", file]}
    one_process = {
        name: finish(bibnorm(*args, "--jobs", "1", cwd=tmp_path)) for name, args in commands.items()
    }
    code, _, stderr = one_process["check"]
    assert code == 0 and len(stderr) == 1 and SUMMARY.fullmatch(stderr[0])
    assert one_process["format"][0] == 0 and one_process["format"][2] == []
    for _ in range(RUNS):
        # Both at once: two pools compete for the CPUs, as in a busy CI job.
        running = {name: bibnorm(*args, "--jobs", "2", cwd=tmp_path) for name, args in commands.items()}
        for name, process in running.items():
            assert finish(process) == one_process[name]


def _signal_when_workers_run(process: subprocess.Popen[bytes], number: int) -> None:
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    deadline = time.monotonic() + LIVENESS
    while not (children.read_text().split() if process.poll() is None else []):
        assert process.poll() is None, "the run ended before its workers were seen"
        assert time.monotonic() < deadline, "no worker process was started"
        time.sleep(0.002)
    os.killpg(process.pid, number)  # to the whole process group, as Ctrl-C in a terminal


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="finds the workers through Linux's /proc")
@pytest.mark.parametrize(
    ("number", "code", "line"),
    [
        pytest.param(signal.SIGINT, 130, "bibnorm: interrupted; no output file was changed", id="ctrl-c"),
        pytest.param(
            signal.SIGTERM, 143, "bibnorm: stopped by SIGTERM; no output file was changed", id="sigterm"
        ),
    ],
)
@pytest.mark.parametrize(
    "command",
    [pytest.param(("check", "--offline"), id="check"), pytest.param(("format",), id="format")],
)
def test_a_stop_signal_to_the_process_group_while_workers_run_is_one_line(
    many_entries: Path, tmp_path: Path, number: int, code: int, line: str, command: tuple[str, ...]
) -> None:
    process = bibnorm(*command, "--jobs", "2", str(many_entries), cwd=tmp_path)
    _signal_when_workers_run(process, number)
    assert finish(process)[::2] == (code, [line])


def _in_fresh_python(script: str) -> list[str]:
    """The lines a script prints, run where no test thread forbids forking."""
    process = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    code, stdout, stderr = finish(process)
    assert code == 0 and stderr == [], stderr
    return stdout.decode().splitlines()


def test_workers_ignore_ctrl_c_die_of_sigterm_and_leave_the_parents_handlers_alone() -> None:
    lines = _in_fresh_python(
        """
        import signal
        from bibnorm.processes import fork_pool

        STOP = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}

        def parent_handler(number, frame):  # as the CLI's: raise on SIGTERM
            raise SystemExit(143)

        def dispositions():
            names = {signal.SIG_IGN: "ignored", signal.SIG_DFL: "default"}
            held = STOP & signal.pthread_sigmask(signal.SIG_BLOCK, [])
            return [names.get(signal.getsignal(n), "a Python handler") for n in sorted(STOP)], sorted(held)

        signal.signal(signal.SIGTERM, parent_handler)
        with fork_pool(2) as pool:
            print(pool.submit(dispositions).result())
        held = STOP & signal.pthread_sigmask(signal.SIG_BLOCK, [])
        print(signal.getsignal(signal.SIGTERM) is parent_handler, sorted(held))
        """
    )
    # SIGHUP (1), SIGINT (2), SIGTERM (15), in that order; no stop signal left held anywhere.
    assert lines == ["(['default', 'ignored', 'default'], [])", "True []"]


def test_a_worker_that_dies_fails_the_run_at_once_instead_of_waiting_for_it() -> None:
    lines = _in_fresh_python(
        """
        import os, signal
        import bibnorm.bib.parallel as parallel
        from bibnorm.errors import WorkerError

        def killed(piece):  # as the out-of-memory killer does to one worker
            os.kill(os.getpid(), signal.SIGKILL)

        text = "".join(f"@misc{{k{n}, title = {{T}}}}\\n" for n in range(2000))
        parallel.PARALLEL_CHUNK_CHARS = 5_000
        try:
            parallel.map_pieces(text, "refs.bib", killed, jobs=2)
        except WorkerError as error:
            print(error)
        """
    )
    assert lines == [
        "a worker process reading refs.bib stopped unexpectedly (killed, or out of memory?); "
        "try again with --jobs 1"
    ]


def test_a_pool_whose_worker_dies_while_a_big_job_is_sent_to_it_shuts_down() -> None:
    # CPython gh-94777 (before 3.11.5): the second job, bigger than a pipe's buffer, is being
    # written to a worker that died; nothing reads the pipe, and the shutdown waited for the writer.
    # The worker dies a moment after taking the first job, once the second is sent (a busy machine
    # may take longer to send it: the pool is then broken already, and says so).
    lines = _in_fresh_python(
        """
        import os, signal, time
        from concurrent.futures.process import BrokenProcessPool
        from bibnorm.processes import fork_pool

        def killed(data):
            time.sleep(0.5)
            os.kill(os.getpid(), signal.SIGKILL)

        with fork_pool(1) as pool:
            sent = []
            for job, data in [(killed, b""), (len, b"x" * (1 << 22))]:
                try:
                    sent.append(pool.submit(job, data))
                except BrokenProcessPool:
                    print("broken")
            for job in sent:
                try:
                    job.result()
                except BrokenProcessPool:
                    print("broken")
        print("shut down")
        """
    )
    assert lines == ["broken", "broken", "shut down"]


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:  # in the child, before bibnorm starts: `ulimit -f`
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(
    "limit",
    [
        pytest.param(0, id="no-file-may-grow-not-even-the-pools-semaphores"),
        pytest.param(100_000, id="the-output-outgrows-the-limit"),
    ],
)
def test_format_in_place_over_the_file_size_limit_is_one_line_and_keeps_the_file(
    many_entries: Path, tmp_path: Path, limit: int, jobs: str
) -> None:
    target = tmp_path / "refs.bib"
    shutil.copy(many_entries, target)
    process = bibnorm(
        "format", "--in-place", "--jobs", jobs, "refs.bib", cwd=tmp_path, preexec_fn=_file_size_limit(limit)
    )
    assert finish(process)[::2] == (1, ["bibnorm: error: cannot write refs.bib: File too large"])
    assert target.read_bytes() == many_entries.read_bytes()
    assert _leftovers(tmp_path, {"refs.bib", "cache"}) == []  # no temporary file left


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_format_to_stdout_over_the_file_size_limit_is_one_line_not_a_truncated_output(
    many_entries: Path, tmp_path: Path, jobs: str
) -> None:
    with (tmp_path / "out.bib").open("wb") as out:
        # Unbuffered, the text layer used to drop the short write silently: exit 0, file cut.
        process = bibnorm(
            "format", "--jobs", jobs, str(many_entries), cwd=tmp_path, stdout=out,
            env={"PYTHONUNBUFFERED": "1"}, preexec_fn=_file_size_limit(100_000),
        )  # fmt: skip
        assert finish(process)[::2] == (
            1,
            ["bibnorm: error: cannot write to standard output: File too large"],
        )


def _namespaces_with_tmpfs() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False)
    return probe.returncode == 0


@pytest.mark.skipif(not _namespaces_with_tmpfs(), reason="needs unshare -rm (a private mount namespace)")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_format_in_place_on_a_full_disk_is_one_line_and_keeps_the_file(
    many_entries: Path, tmp_path: Path, jobs: str
) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    size_kb = many_entries.stat().st_size // 1024 + 64  # room for the input, not for its rewrite
    script = (
        'mount -t tmpfs -o size="$1"k tmpfs "$2" && cp "$3" "$2/refs.bib" || exit 99\n'
        'cd "$2" && "$4" -m bibnorm format --in-place --jobs "$5" refs.bib; code=$?\n'
        'cmp -s "$3" refs.bib && echo unchanged >&2; ls -A >&2; exit $code\n'
    )
    arguments = [str(size_kb), str(disk), str(many_entries), sys.executable, jobs]
    process = subprocess.Popen(
        ["unshare", "-rm", "sh", "-c", script, "sh", *arguments],
        env={**os.environ, "PYTHONPATH": str(ROOT), "BIBNORM_CACHE_DIR": str(tmp_path / "cache")},
        stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    # The one line, then the shell's findings: the file as it was, nothing else on the disk.
    assert finish(process)[::2] == (
        1,
        ["bibnorm: error: cannot write refs.bib: No space left on device", "unchanged", "refs.bib"],
    )


def test_objects_alive_at_a_fork_stay_out_of_the_childs_collections_and_come_back_to_the_parent() -> None:
    before = gc.get_freeze_count()
    with shared_objects_frozen():
        frozen = gc.get_freeze_count()
        read, write = os.pipe()
        child = os.fork()
        if child == 0:  # the child: what it inherited stays frozen
            os.write(write, str(gc.get_freeze_count()).encode())
            os._exit(0)
        os.waitpid(child, 0)
        in_child = int(os.read(read, 64))
        os.close(read)
        os.close(write)
    assert frozen > before
    # The few the child frees on its way out leave the frozen generation: a hundred or so alone, a
    # few hundred in a test worker that has loaded most of the package; never more than 1 %.
    assert frozen - max(100, frozen // 100) < in_child <= frozen
    assert gc.get_freeze_count() == before  # the parent collects its objects again
