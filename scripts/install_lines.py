"""Every install command the README, docs/ and bibnorm's messages give, found and run as written in
fresh environments, with the repository's URL pointing at this tree.

    python scripts/install_lines.py --list            # what would run, and where each is from
    python scripts/install_lines.py                   # run each in a sandbox of its own
    python scripts/install_lines.py --dist dist/bibnorm-0.1.0-py3-none-any.whl
    python scripts/install_lines.py --only pipx       # the commands holding a word

A command is a line of a fenced block, or a code span of prose, holding ``pip install``, ``pipx
install`` or ``pipx inject`` (``doc_commands``), or one of the two commands the message for a
missing extra gives (``message_commands``). Each runs with ``bash`` in a sandbox of its own: a
fresh folder as ``HOME`` (``~/.bibnorm`` lies there), a fresh virtual environment first on the
``PATH`` (a bare ``pip``), pipx with its home and its bin folder inside the sandbox, and, for an
editable install (``-e``), a fresh clone of this tree as the working folder. What a command needs
that an earlier line of its page makes (the virtual environment ``~/.bibnorm/bin/pip`` is in, the
pipx install ``pipx inject`` adds to) is made first.

bibnorm is not on PyPI: its git URL, ``git+https://github.com/bibnorm/bibnorm`` (with a tag, or
not), becomes ``git+http://127.0.0.1:PORT/bibnorm.git``, a bare clone of this tree's HEAD served by
this script over git's HTTP protocol, in which the tag the release workflow makes (``v`` and
pyproject.toml's version) is made: pip clones, checks out and builds it as it would the
repository. (A ``file://`` URL would not do: it has no host, and the pip a fresh virtual
environment of Python 3.11 brings refuses ``bibnorm[x] @ git+file:///…``, which it takes from
https.) With ``--dist``, the wheel or sdist given is installed instead (``file://``). Everything
else (bibnorm's dependencies, pipx itself) comes from the package index, as for a user.

A command passes when it exits 0, every ``bibnorm`` it installed runs (``bibnorm --version``),
and the environment it installed into holds the distributions of each extra it names (or the
requirement ``pipx inject`` adds). The script prints one line a command and exits 1 if any failed.
Uncommitted changes of the tree are not in the clone: commit first.
"""

from __future__ import annotations

import argparse
import contextlib
import http.server
import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REPOSITORY = "https://github.com/bibnorm/bibnorm"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
TAG = f"v{PROJECT['version']}"
OPTIONAL: dict[str, list[str]] = PROJECT["optional-dependencies"]

COMMAND = re.compile(r"\b(?:pipx? install|pipx inject)\b[^`\n]*")
CODE_SPAN = re.compile(r"(?<!`)`([^`]+)`(?!`)")
FENCE = re.compile(r"^```(?:sh|console|bash|yaml)?\n(.*?)^```$", re.MULTILINE | re.DOTALL)
GIT_URL = re.compile(rf"git\+{re.escape(REPOSITORY)}(?:@(?P<tag>v[\d.]+))?")
# The extras a requirement names: bibnorm[mcp] @ …, '.[mcp]'.
EXTRAS = re.compile(r"(?:bibnorm|\.)\[([a-z,-]+)\]")
# A virtual environment's pip a line calls without making it on that line.
VENV_PIP = re.compile(r"(?P<venv>(?:~|\.)?[\w./~-]*?)/bin/pip\b")


@dataclass(frozen=True)
class Command:
    """An install command as a page or a message gives it: ``where`` it is, the ``line`` to run
    (the whole line of a fenced block, or the whole code span), and the ``command`` in it."""

    where: str
    line: str
    command: str


def doc_commands(pages: list[Path] | None = None) -> list[Command]:
    """Every pip or pipx install command in code in the README and docs/*.md: in a fenced block,
    or in a code span (its line breaks, where prose wrapped it, read as spaces)."""
    found = []
    for page in pages if pages is not None else [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        lines = [line for block in FENCE.findall(text) for line in block.splitlines()]
        lines += [" ".join(span.split()) for span in CODE_SPAN.findall(FENCE.sub("", text))]
        for line in lines:
            for command in COMMAND.findall(line):
                found.append(Command(page.name, _runnable(line), _runnable(command)))
    return found


def message_commands() -> list[Command]:
    """Both commands the message for each missing extra gives (`bibnorm.errors.needs_extra`, read
    from the tree: bibnorm need not be installed where this runs)."""
    spec = importlib.util.spec_from_file_location("bibnorm_errors", ROOT / "normalizer" / "errors.py")
    assert spec is not None and spec.loader is not None
    errors = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(errors)  # standard library only
    found = []
    for extra in errors.EXTRAS:
        for part in str(errors.needs_extra("x", extra)).split("(in a pipx install:"):
            for command in COMMAND.findall(part):
                command = command.strip().rstrip(")")
                found.append(Command(f"the message for {extra}", command, command))
    return found


def unique(*commands: Command) -> list[Command]:
    """One command a line, in the order first given, with every place that gives it."""
    places: dict[str, list[Command]] = {}
    for command in commands:
        places.setdefault(command.line, []).append(command)
    return [
        Command(", ".join(dict.fromkeys(c.where for c in same)), line, same[0].command)
        for line, same in places.items()
    ]


def _runnable(line: str) -> str:
    """A line as a shell runs it: without a console prompt, a YAML step's ``- run:`` or a comment."""
    line = line.strip().removeprefix("$ ")
    line = re.sub(r"^-?\s*run:\s*", "", line)
    return line.split(" #")[0].strip()


@dataclass
class Sandbox:
    """A fresh place to run one command: a home, a virtual environment first on the PATH, pipx's
    folders, and a clone of the tree when the command installs a clone."""

    folder: Path
    pipx: Path
    env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def make(cls, folder: Path, pipx: Path) -> Sandbox:
        home = folder / "home"
        home.mkdir(parents=True)
        venv = folder / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        env = {
            "HOME": str(home),
            "PATH": os.pathsep.join([str(venv / "bin"), str(pipx.parent), os.environ.get("PATH", "")]),
            "PIPX_HOME": str(folder / "pipx"),
            "PIPX_BIN_DIR": str(folder / "pipx-bin"),
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "LANG": os.environ.get("LANG", "C.UTF-8"),
        }
        for name in (
            "PIP_INDEX_URL",
            "PIP_EXTRA_INDEX_URL",
            "PIP_FIND_LINKS",
            "PIP_CACHE_DIR",
            "XDG_CACHE_HOME",
        ):
            if name in os.environ:  # the index and the cache the user's pip has
                env[name] = os.environ[name]
        if "XDG_CACHE_HOME" not in env:
            env["PIP_CACHE_DIR"] = env.get("PIP_CACHE_DIR") or str(Path.home() / ".cache" / "pip")
        return cls(folder, pipx, env)

    def run(self, line: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "-eo", "pipefail", "-c", line], cwd=cwd, env=self.env, capture_output=True, text=True
        )


def prepared(command: Command, source: str, sandbox: Sandbox, clone: Path) -> tuple[list[str], str, Path]:
    """What runs in the sandbox: the lines that make what the command needs, the command's line
    with bibnorm's URL pointing at ``source``, and the folder it runs in."""
    line = pointed(command.line, source)
    before: list[str] = []
    cwd = sandbox.folder
    if re.search(r"(?:^|\s)-e\s", line):
        cwd = sandbox.folder / "bibnorm"
        subprocess.run(["git", "clone", "--quiet", str(clone), str(cwd)], check=True)
    made = re.search(r"python3? -m venv (\S+)", line)
    for found in VENV_PIP.finditer(line):
        venv = found["venv"]
        if venv and (made is None or made[1] != venv):
            before.append(f"python3 -m venv {venv}")
    if command.command.startswith("pipx inject"):
        before.append(f"pipx install --quiet {shlex.quote(pointed(f'git+{REPOSITORY}', source))}")
    return before, line, cwd


def pointed(line: str, source: str) -> str:
    """``line`` with bibnorm's git URL (and its tag) pointing at ``source``: a ``git+file://``
    URL (the tag kept), or a wheel or sdist (``file://`` after ``bibnorm[…] @``, else its path)."""
    if source.startswith("git+"):
        return GIT_URL.sub(lambda found: f"{source}@{found['tag']}" if found["tag"] else source, line)
    line = GIT_URL.sub(lambda found: source, line)
    return line.replace(f"@ {source}", f"@ file://{source}")


def wanted_distributions(command: Command) -> list[str]:
    """The distributions the command must leave installed: each extra's, or what is injected."""
    words = shlex.split(command.command)
    if words[:2] == ["pipx", "inject"]:
        return [_name(word) for word in words[3:] if not word.startswith("-")]
    extras = {extra for found in EXTRAS.finditer(command.line) for extra in found[1].split(",")}
    return sorted({_name(requirement) for extra in extras for requirement in OPTIONAL.get(extra, [])})


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[;\s]", requirement, maxsplit=1)[0]


def installed_commands(folder: Path) -> list[Path]:
    """Every ``bibnorm`` command installed under ``folder`` (a virtual environment's, pipx's)."""
    return sorted(path for path in folder.rglob("bin/bibnorm") if path.is_file()) + sorted(
        path for path in (folder / "pipx-bin").glob("bibnorm") if path.is_file()
    )


def verify(sandbox: Sandbox, command: Command) -> str | None:
    """Why the command's result is not what it promises; None when it is."""
    found = installed_commands(sandbox.folder)
    if not found:
        return "no bibnorm command was installed"
    for program in found:
        ran = subprocess.run([str(program), "--version"], env=sandbox.env, capture_output=True, text=True)
        if ran.returncode != 0:
            return f"{program} --version: exit {ran.returncode}: {(ran.stderr or ran.stdout).strip()[-200:]}"
    wanted = wanted_distributions(command)
    if not wanted:
        return None
    pythons = {program.resolve().parent / "python" for program in found}
    probe = "import importlib.metadata as m, sys; [m.version(n) for n in sys.argv[1:]]"
    for python in sorted(pythons):
        ran = subprocess.run([str(python), "-c", probe, *wanted], capture_output=True, text=True)
        if ran.returncode == 0:
            return None
    return f"none of {sorted(map(str, pythons))} holds {wanted}"


def release_clone(folder: Path) -> Path:
    """A bare clone of the tree's HEAD with the release tag in it, ready to be served over git's
    (dumb) HTTP protocol: what the git URL names."""
    clone = folder / "served" / "bibnorm.git"
    subprocess.run(["git", "clone", "--quiet", "--bare", "--no-local", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "tag", "--force", TAG], check=True, capture_output=True)
    subprocess.run(["git", "-C", str(clone), "update-server-info"], check=True)
    return clone


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """``folder`` served over HTTP on 127.0.0.1 while the block runs: its URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, help="a wheel or sdist of bibnorm, installed for its git URL")
    parser.add_argument("--only", action="append", default=[], help="only the commands holding this text")
    parser.add_argument("--list", action="store_true", help="print the commands and where each is from")
    parser.add_argument("--keep", action="store_true", help="keep the sandboxes (their folder is printed)")
    args = parser.parse_args(argv)
    commands = unique(*doc_commands(), *message_commands())
    commands = [c for c in commands if all(word in c.line for word in args.only)]
    if args.list:
        for command in commands:
            print(f"{command.where}: {command.line}")
        return 0
    if args.dist is not None and not args.dist.is_file():
        print(f"install_lines.py: no such file: {args.dist}", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="bibnorm-install-lines-"))
    try:
        subprocess.run([sys.executable, "-m", "venv", str(work / "tools")], check=True)
        pip = [str(work / "tools" / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check"]
        subprocess.run([*pip, "pipx"], check=True, capture_output=True)
        clone = release_clone(work)
        with served(clone.parent) as url:
            source = str(args.dist.resolve()) if args.dist else f"git+{url}/{clone.name}"
            failed = run_all(commands, work, clone, source, keep=args.keep)
    finally:
        if args.keep:
            print(f"sandboxes kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{len(commands) - failed} of {len(commands)} install commands ran as written", flush=True)
    return 1 if failed else 0


def run_all(commands: list[Command], work: Path, clone: Path, source: str, keep: bool) -> int:
    """Run each command in a sandbox of its own, one line each; how many failed."""
    failed = 0
    for number, command in enumerate(commands, start=1):
        sandbox = Sandbox.make(work / f"sandbox-{number}", work / "tools" / "bin" / "pipx")
        before, line, cwd = prepared(command, source, sandbox, clone)
        started = time.monotonic()
        why = None
        for step in [*before, line]:
            ran = sandbox.run(step, cwd)
            if ran.returncode != 0:
                why = f"`{step}` exit {ran.returncode}: {(ran.stderr or ran.stdout).strip()[-300:]}"
                break
        why = why or verify(sandbox, command)
        seconds = time.monotonic() - started
        print(f"{'ok  ' if why is None else 'FAIL'} {seconds:5.0f} s  {command.where}: {line}", flush=True)
        if why is not None:
            failed += 1
            print(f"       {why}", flush=True)
        if not keep:
            shutil.rmtree(sandbox.folder, ignore_errors=True)
    return failed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
