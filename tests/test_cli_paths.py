"""Where bibnorm may write: the draft rule of ``tex``, one table of roles
per run, output suffixes, ``~user``, index files, homes that do not exist, ``--watch`` and Ctrl-C.

Every case runs through the real command group (a real process where a signal is sent) and
checks the one line on stderr, the exit code, and that nothing the user had changed: the
files outside a draft's folder are compared byte for byte and by modification time.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from bibnorm.cli import EXIT_FATAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, main
from bibnorm.resolvers.snapshot import build_index, index_info
from click.testing import CliRunner
from paths import DEV_SNAPSHOT, ROOT

ARXIV_ID = "2201.13027"  # BOAT, in dev-snapshot.jsonl
CITES = f"\\cite{{{ARXIV_ID}}}\n"
RULE = (
    "bibnorm writes a bibliography a draft names only as a .bib file inside the draft's folder, never"
    " through '..', an absolute path or a link leading out"
)
VICTIM_SH = "#!/bin/sh\necho 'a script the draft must not reach'\n"
VICTIM_BIB = "@misc{mine,\n  title = {Mine},\n}\n"
LINES = '{"id": "2501.00001", "title": "A Title of Some Words", "abstract": "Words."}\n'
NO_USER = "~bibnorm-no-such-user"


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``outside/`` with a script and a .bib a draft must not reach, and an empty ``paper/``."""
    for name in list(os.environ):
        if name.startswith("BIBNORM_") or name == "S2_API_KEY":
            monkeypatch.delenv(name)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "victim.sh").write_text(VICTIM_SH, encoding="utf-8")
    (tmp_path / "outside" / "victim.sh").chmod(0o755)
    (tmp_path / "outside" / "x.bib").write_text(VICTIM_BIB, encoding="utf-8")
    (tmp_path / "paper").mkdir()
    monkeypatch.chdir(tmp_path / "paper")
    return tmp_path


def offline(snapshot: Path, cache: Path) -> list[str]:
    return ["--offline", "--snapshot", str(snapshot), "--resolvers", "snapshot", "--cache-dir", str(cache)]


def invoke(args: list[str], env: Mapping[str, str | None] | None = None) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(main, args, env=env)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr.splitlines(), result.stdout


def snapshot_of(folder: Path, *, leaving_out: Path | None = None) -> dict[str, tuple[bytes | str, int]]:
    """Every entry under ``folder`` (but ``leaving_out``'s tree): its bytes (a link: its target) and mtime."""
    found: dict[str, tuple[bytes | str, int]] = {}
    for path in sorted(folder.rglob("*")):
        if leaving_out is not None and (path == leaving_out or leaving_out in path.parents):
            continue
        if path.is_symlink():
            content: bytes | str = os.readlink(path)
        elif path.is_file():
            content = path.read_bytes()
        else:
            content = "folder"
        found[str(path.relative_to(folder))] = (content, path.lstat().st_mtime_ns)
    return found


def refusal(named_in: str, name: str, reason: str, *, suffix_rule: bool = False) -> str:
    escape = "give it with -o" if suffix_rule else "give it with -o or pass --allow-outside"
    return (
        f"bibnorm: error: {named_in} names the bibliography {name}, which {reason}: {RULE};"
        f" {escape} to write it anyway (nothing was written)"
    )


# --------------------------------------------------------------------------- the draft rule

BIBLATEX_AUX = "\\relax\n\\abx@aux@cite{0}{" + ARXIV_ID + "}\n"
BCF = (
    '<bcf:controlfile xmlns:bcf="https://sourceforge.net/projects/biblatex"><bcf:bibdata section="0">'
    '<bcf:datasource type="file" datatype="bibtex">{outside}/victim.sh</bcf:datasource>'
    "</bcf:bibdata></bcf:controlfile>"
)


@pytest.mark.parametrize(
    ("draft", "files", "named_in", "name", "reason"),
    [
        pytest.param(
            "p.tex",
            {"p.tex": CITES + "\\addbibresource{{outside}/victim.sh}\n"},
            "p.tex",
            "{outside}/victim.sh",
            "is not a .bib file",
            id="tex-absolute-shell-script",
        ),
        pytest.param(
            "p.tex",
            {"p.tex": CITES + "\\bibliography{{outside}/x}\n"},
            "p.tex",
            "{outside}/x.bib",
            "is an absolute path",
            id="tex-absolute-bib",
        ),
        pytest.param(
            "p.tex",
            {"p.tex": CITES + "\\bibliography{{outside}/new}\n"},
            "p.tex",
            "{outside}/new.bib",
            "is an absolute path",
            id="tex-absolute-new-file",
        ),
        pytest.param(
            "a/p.tex",
            {"a/p.tex": CITES + "\\bibliography{../../x}\n"},
            "p.tex",
            "../../x.bib",
            "climbs out with '..'",
            id="tex-dotdot",
        ),
        pytest.param(
            "p.tex",
            {"p.tex": CITES + "\\addbibresource{../outside/victim.sh}\n"},
            "p.tex",
            "../outside/victim.sh",
            "is not a .bib file",
            id="tex-dotdot-shell-script",
        ),
        pytest.param(
            "p.tex",
            {"p.tex": CITES + "\\input{chapters/back}\n", "chapters/back.tex": "\\bibliography{~/x}\n"},
            "chapters/back.tex",
            "~/x.bib",
            "is an absolute path",
            id="tex-home-in-an-input-file",
        ),
        pytest.param(
            "p.aux",
            {"p.aux": "\\relax\n\\citation{" + ARXIV_ID + "}\n\\bibdata{{outside}/x}\n"},
            "p.aux",
            "{outside}/x.bib",
            "is an absolute path",
            id="aux-absolute-bib",
        ),
        pytest.param(
            "p.aux",
            {"p.aux": "\\relax\n\\citation{" + ARXIV_ID + "}\n\\bibdata{../outside/x}\n"},
            "p.aux",
            "../outside/x.bib",
            "climbs out with '..'",
            id="aux-dotdot",
        ),
        pytest.param(
            "p.aux",
            {"p.aux": BIBLATEX_AUX, "p.bcf": BCF},
            "p.bcf",
            "{outside}/victim.sh",
            "is not a .bib file",
            id="biblatex-aux-bcf-shell-script",
        ),
        pytest.param(
            "p.tex",
            {"p.tex": CITES + "\\bibliography{refs}\n", "refs.bib": "->{outside}/x.bib"},
            "p.tex",
            "refs.bib",
            "is a link leading out of the draft's folder (to {outside}/x.bib)",
            id="tex-link-leading-out",
        ),
    ],
)
def test_a_draft_naming_a_bibliography_outside_its_folder_writes_nothing(
    world: Path,
    dev_index: Path,
    monkeypatch: pytest.MonkeyPatch,
    draft: str,
    files: dict[str, str],
    named_in: str,
    name: str,
    reason: str,
) -> None:
    outside = world / "outside"
    for relative, text in files.items():
        path = world / "paper" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if text.startswith("->"):
            path.symlink_to(text[2:].replace("{outside}", str(outside)))
        else:
            path.write_text(text.replace("{outside}", str(outside)), encoding="utf-8")
    folder = (world / "paper" / draft).parent
    monkeypatch.chdir(folder)
    before = snapshot_of(world, leaving_out=folder)
    code, lines, stdout = invoke(["tex", Path(draft).name, *offline(dev_index, world / "cache")])
    assert (code, lines, stdout) == (
        EXIT_FATAL,
        [
            refusal(
                named_in,
                name.replace("{outside}", str(outside)),
                reason.replace("{outside}", str(outside)),
                suffix_rule="not a .bib" in reason,
            )
        ],
        "",
    )
    assert snapshot_of(world, leaving_out=folder) == before  # not one byte, not one mtime outside


@pytest.mark.parametrize(
    ("tex", "args", "written", "code"),
    [
        pytest.param(
            "\\bibliography{../common/refs}",
            ["--allow-outside"],
            "common/refs.bib",
            EXIT_OK,
            id="allow-outside",
        ),
        pytest.param(
            "\\bibliography{{outside}/x}", ["--allow-outside"], "outside/x.bib", EXIT_OK, id="allow-absolute"
        ),
        pytest.param(
            "\\addbibresource{{outside}/victim.sh}",
            ["-o", "{outside}/chosen.bib"],
            "outside/chosen.bib",
            EXIT_OK,
            id="path-named-on-the-command-line",
        ),
        pytest.param("\\bibliography{bib/refs}", [], "paper/bib/refs.bib", EXIT_OK, id="a-folder-below"),
    ],
)
def test_the_user_can_still_name_any_bibliography(
    world: Path, dev_index: Path, tex: str, args: list[str], written: str, code: int
) -> None:
    outside = world / "outside"
    (world / "paper" / "p.tex").write_text(CITES + tex.replace("{outside}", str(outside)) + "\n")
    given = [arg.replace("{outside}", str(outside)) for arg in args]
    result, lines, _ = invoke(["tex", "p.tex", *given, *offline(dev_index, world / "cache")])
    assert result == code, lines
    assert re.search(rf"^@(misc|online)\{{{ARXIV_ID},$", (world / written).read_text(encoding="utf-8"), re.M)
    assert (outside / "victim.sh").read_text(encoding="utf-8") == VICTIM_SH


def test_allow_outside_never_writes_bibtex_into_a_script(world: Path, dev_index: Path) -> None:
    script = world / "outside" / "victim.sh"
    (world / "paper" / "p.tex").write_text(CITES + f"\\addbibresource{{{script}}}\n")
    before = snapshot_of(world, leaving_out=world / "paper")
    code, lines, _ = invoke(["tex", "p.tex", "--allow-outside", *offline(dev_index, world / "cache")])
    assert (code, lines) == (
        EXIT_FATAL,
        [refusal("p.tex", str(script), "is not a .bib file", suffix_rule=True)],
    )
    assert snapshot_of(world, leaving_out=world / "paper") == before


# --------------------------------------------------------------------------- one table of roles per run


def _other_database(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE meta(key TEXT, value TEXT)")
        connection.execute("INSERT INTO meta VALUES ('schema_version', '7')")  # but no records table
    connection.close()


VALID_LOCK = '{"items": {}, "version": 1}\n'


@pytest.mark.parametrize(
    ("files", "args", "code", "line"),
    [
        pytest.param(
            {"in.jsonl": LINES},
            ["index", "build", "in.jsonl", "-o", "in.jsonl"],
            EXIT_USAGE,
            "-o/--output in.jsonl is also an input; write to another file (nothing was written)",
            id="index-output-is-its-input",
        ),
        pytest.param(
            {"x.jsonl": LINES, "keep.bib": VICTIM_BIB},
            ["index", "build", "x.jsonl", "-o", "keep.bib"],
            EXIT_FATAL,
            "refusing to replace keep.bib: it is not a bibnorm snapshot index; delete it or write the index"
            " elsewhere (nothing was written)",
            id="index-over-a-bib",
        ),
        pytest.param(
            {"x.jsonl": LINES, "app.sqlite": _other_database},
            ["index", "build", "x.jsonl", "-o", "app.sqlite"],
            EXIT_FATAL,
            "refusing to replace app.sqlite: it is not a bibnorm snapshot index; delete it or write the index"
            " elsewhere (nothing was written)",
            id="index-over-another-database",
        ),
        pytest.param(
            {"t.txt": "Scaling Vision Transformers\n"},
            ["resolve", "t.txt", "--report", "out.bib", "-o", "out.bib"],
            EXIT_USAGE,
            "-o/--output out.bib and --report out.bib are the same file; give each its own"
            " (nothing was written)",
            id="resolve-report-is-the-output",
        ),
        pytest.param(
            {"t.txt": "Scaling Vision Transformers\n"},
            ["resolve", "t.txt", "--lock", "out.bib", "--update-lock", "-o", "out.bib"],
            EXIT_USAGE,
            "-o/--output out.bib and the lockfile (--update-lock) out.bib are the same file;"
            " give each its own (nothing was written)",
            id="resolve-lock-is-the-output",
        ),
        pytest.param(
            {"t.txt": "Scaling Vision Transformers\n", "bibnorm.lock": VALID_LOCK},
            ["resolve", "t.txt", "-o", "./bibnorm.lock"],
            EXIT_USAGE,
            "-o/--output ./bibnorm.lock is also the lockfile; write to another file (nothing was written)",
            id="resolve-output-is-the-lock-in-use",
        ),
        pytest.param(
            {
                "t.txt": "Scaling Vision Transformers\n",
                "i.sqlite": lambda path: build_index([DEV_SNAPSHOT], path),
            },
            ["resolve", "t.txt", "--snapshot", "i.sqlite", "-o", "i.sqlite"],
            EXIT_USAGE,
            "-o/--output i.sqlite is also the snapshot index; write to another file (nothing was written)",
            id="resolve-output-is-the-snapshot-index",
        ),
        pytest.param(
            {"t.txt": "Scaling Vision Transformers\n"},
            ["resolve", "t.txt", "--report", "-"],
            EXIT_USAGE,
            "-o/--output and --report both write to standard output; give one of them a file"
            " (nothing was written)",
            id="resolve-two-outputs-on-stdout",
        ),
        pytest.param(
            {"p.tex": CITES + "\\bibliography{refs}\n"},
            ["tex", "p.tex", "-o", "p.tex"],
            EXIT_USAGE,
            "-o/--output p.tex is also an input; write to another file (nothing was written)",
            id="tex-output-is-the-draft",
        ),
        pytest.param(
            {"p.tex": CITES + "\\input{chapters/intro}\n\\bibliography{refs}\n", "chapters/intro.tex": CITES},
            ["tex", "p.tex", "-o", "chapters/intro.tex"],
            EXIT_USAGE,
            "-o/--output chapters/intro.tex is also an input; write to another file (nothing was written)",
            id="tex-output-is-an-input-file",
        ),
        pytest.param(
            {"refs.bib": VICTIM_BIB},
            ["verify", "refs.bib", "--lock", "refs.bib", "--update-lock"],
            EXIT_USAGE,
            "the lockfile (--update-lock) refs.bib is also an input; write to another file"
            " (nothing was written)",
            id="verify-lock-is-the-input",
        ),
        pytest.param(
            {"t.txt": "Scaling Vision Transformers\n"},
            ["resolve", "t.txt", "-o", "out.txt"],
            EXIT_USAGE,
            "-o/--output out.txt: unknown output suffix '.txt'; known: .bib (bibtex), .json (csl-json),"
            " .yml (hayagriva), .yaml (hayagriva), .ris (ris), or '-' for standard output; --format"
            " chooses the format for any other name",
            id="resolve-unknown-suffix",
        ),
        pytest.param(
            {"p.tex": CITES + "\\bibliography{refs}\n"},
            ["tex", "p.tex", "-o", "refs.json"],
            EXIT_USAGE,
            "-o/--output refs.json: unknown output suffix '.json'; known: .bib (bibtex), or '-' for standard"
            " output; --format chooses the format for any other name",
            id="tex-writes-no-csl-json",
        ),
        pytest.param(
            {"t.txt": "Scaling Vision Transformers\n"},
            ["resolve", "t.txt", "-o", f"{NO_USER}/x.bib"],
            EXIT_USAGE,
            f"{NO_USER}/x.bib: no user named '{NO_USER[1:]}'; write ./{NO_USER}/x.bib for a file of"
            " that name",
            id="output-in-an-unknown-users-home",
        ),
        pytest.param(
            {},
            ["format", f"{NO_USER}/refs.bib"],
            EXIT_USAGE,
            f"{NO_USER}/refs.bib: no user named '{NO_USER[1:]}'; write ./{NO_USER}/refs.bib for a file of"
            " that name",
            id="input-in-an-unknown-users-home",
        ),
        pytest.param(
            {"x.jsonl": LINES},
            ["index", "build", "x.jsonl", f"--output={NO_USER}/i.sqlite"],
            EXIT_USAGE,
            f"{NO_USER}/i.sqlite: no user named '{NO_USER[1:]}'; write ./{NO_USER}/i.sqlite for a file of"
            " that name",
            id="index-in-an-unknown-users-home",
        ),
    ],
)
def test_a_run_whose_files_clash_stops_before_any_work_and_changes_nothing(
    world: Path, dev_index: Path, files: dict[str, object], args: list[str], code: int, line: str
) -> None:
    here = world / "paper"
    for relative, content in files.items():
        (here / relative).parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(here / relative)
        else:
            (here / relative).write_text(str(content), encoding="utf-8")
    before = snapshot_of(world)
    sources = offline(dev_index, world / "cache") if args[0] in ("resolve", "tex", "verify") else []
    if "--snapshot" in args:  # the case's own index
        sources = sources[:1] + sources[3:]
    result = invoke([*args, *sources])
    assert result == (code, [f"bibnorm: error: {line}"], "")
    assert snapshot_of(world) == before


@pytest.mark.parametrize(
    ("args", "written", "starts"),
    [
        pytest.param(
            ["-o", "out.yaml", "--format", "csl-json"], "out.yaml", "[", id="any-suffix-with-format"
        ),
        pytest.param(["-o", "out"], "out", "@misc{zhai2021scaling,", id="no-suffix-is-bibtex"),
        pytest.param(["-o", "out.BIB"], "out.BIB", "@misc{zhai2021scaling,", id="upper-case-suffix"),
        pytest.param(["-o", "~/out.bib"], "home/out.bib", "@misc{zhai2021scaling,", id="home-expanded"),
        pytest.param(["--output=~/r.json"], "home/r.json", "[", id="home-after-equals-sign"),
        pytest.param(["--report", "r.json"], "paper/r.json", "{", id="report-and-stdout"),
    ],
)
def test_outputs_that_do_not_clash_are_written(
    world: Path, dev_index: Path, args: list[str], written: str, starts: str
) -> None:
    (world / "home").mkdir()
    (world / "paper" / "t.txt").write_text("Scaling Vision Transformers\n", encoding="utf-8")
    code, lines, _ = invoke(
        ["resolve", "t.txt", *args, *offline(dev_index, world / "cache")],
        env={"HOME": str(world / "home")},
    )
    assert code == EXIT_OK, lines
    target = world / written if "/" in written else world / "paper" / written
    assert target.read_text(encoding="utf-8").startswith(starts)


# --------------------------------------------------------------------------- index files


@pytest.mark.parametrize(
    ("existing", "mask", "mode"),
    [
        pytest.param(None, 0o022, 0o644, id="new-umask-022"),
        pytest.param(None, 0o027, 0o640, id="new-umask-027"),
        pytest.param(None, 0o002, 0o664, id="new-umask-002"),
        pytest.param("index", 0o022, 0o600, id="replaced-index-keeps-its-mode"),
        pytest.param("empty", 0o022, 0o640, id="empty-file-replaced-keeps-its-mode"),
    ],
)
def test_an_index_gets_the_mode_every_written_file_gets(
    world: Path, dev_index: Path, existing: str | None, mask: int, mode: int
) -> None:
    (world / "paper" / "x.jsonl").write_text(LINES, encoding="utf-8")
    target = world / "paper" / "i.sqlite"
    if existing == "index":
        target.write_bytes(dev_index.read_bytes())
        target.chmod(0o600)
    elif existing == "empty":
        target.write_bytes(b"")
        target.chmod(0o640)
    previous = os.umask(mask)
    try:
        code, lines, _ = invoke(["index", "build", "x.jsonl", "-o", "i.sqlite"])
    finally:
        os.umask(previous)
    assert code == EXIT_OK, lines
    assert (target.stat().st_mode & 0o777, index_info(target).records) == (mode, 1)


# --------------------------------------------------------------------------- homes that do not exist


@pytest.mark.parametrize(
    ("args", "line"),
    [
        pytest.param(
            ["resolve", "t.txt", "--resolvers", "arxiv"],
            "cache folder {home}/.cache/bibnorm: the home folder {home} does not exist; point"
            " BIBNORM_CACHE_DIR or --cache-dir at a writable folder",
            id="resolve-needs-the-cache",
        ),
        pytest.param(
            ["index", "build", "x.jsonl"],
            "cannot write {home}/.cache/bibnorm/snapshot.sqlite: the home folder {home} does not exist",
            id="index-into-the-cache-folder",
        ),
        pytest.param(
            ["resolve", "t.txt", "--offline", "-o", "~/out.bib"],
            "cannot write {home}/out.bib: the home folder {home} does not exist",
            id="output-in-the-home",
        ),
    ],
)
def test_a_home_that_does_not_exist_is_never_created(world: Path, args: list[str], line: str) -> None:
    home = world / "nonexistent"
    (world / "paper" / "t.txt").write_text("Scaling Vision Transformers\n", encoding="utf-8")
    (world / "paper" / "x.jsonl").write_text(LINES, encoding="utf-8")
    unreachable = {"BIBNORM_ARXIV_API_URL": "http://127.0.0.1:9/api/query", "BIBNORM_ARXIV_DELAY": "0"}
    environment = {"HOME": str(home), "XDG_CACHE_HOME": None, **unreachable}
    code, lines, _ = invoke(args, env=environment)
    assert (code, lines) == (EXIT_FATAL, [f"bibnorm: error: {line.format(home=home)}"])
    assert not home.exists()


def test_a_home_in_the_configuration_is_expanded_and_an_unknown_one_refused(world: Path) -> None:
    # The user's own configuration: the cache folder is not a project's to set.
    config = world / "config" / "bibnorm" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('cache_dir = "~/bibnorm-cache"\n', encoding="utf-8")
    (world / "home").mkdir()
    own = {"XDG_CONFIG_HOME": str(world / "config")}
    code, lines, stdout = invoke(["cache", "info"], env={"HOME": str(world / "home"), **own})
    assert (code, stdout.splitlines()[0]) == (EXIT_OK, f"cache: {world}/home/bibnorm-cache/http-cache.sqlite")
    config.write_text(f'cache_dir = "{NO_USER}/c"\n', encoding="utf-8")
    code, lines, _ = invoke(["cache", "info"], env=own)
    assert (code, lines) == (
        EXIT_FATAL,
        [
            f"bibnorm: error: {config}: cache_dir: invalid value: {NO_USER}/c: no user named"
            f" '{NO_USER[1:]}'; write ./{NO_USER}/c for a file of that name"
        ],
    )


# --------------------------------------------------------------------------- tex --watch and Ctrl-C


@pytest.fixture
def watcher(world: Path, dev_index: Path) -> Iterator[subprocess.Popen[str]]:
    (world / "paper" / "p.tex").write_text(CITES + "\\bibliography{refs}\n", encoding="utf-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "normalizer",
            "tex",
            "p.tex",
            "--watch",
            *offline(dev_index, world / "cache"),
        ],
        cwd=world / "paper",
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()


def test_watch_stopped_with_ctrl_c_exits_130_saying_what_it_wrote(
    world: Path, watcher: subprocess.Popen[str]
) -> None:
    assert watcher.stderr is not None
    assert watcher.stderr.readline() == f"bibnorm: refs.bib: added 1 ({ARXIV_ID}); 0 already present\n"
    time.sleep(0.5)  # let the watcher arm
    watcher.send_signal(signal.SIGINT)
    _, stderr = watcher.communicate(timeout=60)
    assert watcher.returncode == EXIT_INTERRUPTED
    assert stderr.splitlines() == [f"bibnorm: interrupted; already written: {world / 'paper' / 'refs.bib'}"]


@pytest.mark.parametrize("key", ["snapshot", "dblp_index", "cache_dir", "lock"])
def test_every_path_setting_expands_a_home_as_the_command_line_does(
    key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bibnorm.config import Settings

    monkeypatch.setenv("HOME", str(tmp_path))
    assert getattr(Settings.model_validate({key: "~/x.sqlite"}), key) == tmp_path / "x.sqlite"
