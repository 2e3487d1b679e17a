"""The commands' options, made even: what every command that reports or asks a source takes, help
texts that name only options that exist, the man page made from the commands, shell completion."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from types import ModuleType

import click
import pytest
from bibnorm.cli import main
from click.testing import CliRunner
from paths import ROOT

Words = tuple[str, ...]  # a command's words after `bibnorm`: () is the group itself


def every_command(command: click.Command = main, path: Words = ()) -> Iterator[tuple[Words, click.Command]]:
    yield path, command
    if isinstance(command, click.Group):
        ctx = click.Context(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None
            yield from every_command(sub, (*path, name))


COMMANDS = dict(every_command())


def options_of(path: Words) -> set[str]:
    names = {"-h", "--help"}
    for param in COMMANDS[path].params:
        if isinstance(param, click.Option):
            names |= {*param.opts, *param.secondary_opts}
    return names


def ids(path: Words) -> str:
    return " ".join(("bibnorm", *path))


# --------------------------------------------------------------------------- the same options everywhere

# Every command that reports something (not only writes a file) can report it as JSON.
REPORTING = [("resolve",), ("check",), ("verify",), ("format",), ("fix",), ("tex",), ("index", "info"),
             ("cache", "info")]  # fmt: skip
# Every command that can ask an online source takes the same options for it.
ASKING = [("resolve",), ("tex",), ("verify",), ("check",), ("fix",)]


@pytest.mark.parametrize("path", REPORTING, ids=ids)
def test_every_command_that_reports_takes_json_and_says_what_it_prints(path: Words) -> None:
    assert "--json" in options_of(path)
    help_text = CliRunner().invoke(main, [*path, "--help"]).stdout
    assert "JSON" in help_text


@pytest.mark.parametrize("path", ASKING, ids=ids)
def test_every_command_that_asks_a_source_takes_the_same_options_for_it(path: Words) -> None:
    assert {"--offline", "--online", "--s2-api-key", "--cache-dir"} <= options_of(path)


# --------------------------------------------------------------------------- help names what exists

OPTION = re.compile(r"(?<![\w/.$-])(--?[a-zA-Z][\w-]*)")
BIBNORM_COMMAND = re.compile(r"\bbibnorm ([a-z]+)(?: ([a-z]+))?")
# Options a help text names that are another command's (or program's): whose they are.
ELSEWHERE: dict[tuple[Words, str], Words | None] = {
    ((), "--strict"): ("resolve",),  # the exit codes: "3 when --strict/tex found items ..."
    ((), "--check"): ("format",),  # the exit codes: "format --check would reformat a file"
    (("cache",), "--offline"): ("resolve",),  # "--offline runs answer from it"
    (("check",), "--update-lock"): ("resolve",),  # "'bibnorm resolve --update-lock' writes it" (wrapped)
    (("tex",), "-pvc"): None,  # latexmk's
}


def named_options(path: Words) -> Iterator[tuple[Words, str]]:
    """Each option ``bibnorm PATH --help`` names, with the command it is said of: the one a
    ``bibnorm COMMAND`` before it on its line names (an example), else this one."""
    text = CliRunner().invoke(main, [*path, "--help"], terminal_width=100).stdout
    for line in text.splitlines():
        for match in OPTION.finditer(line):
            owner = path
            said_of = list(BIBNORM_COMMAND.finditer(line[: match.start()]))
            if said_of:
                words = tuple(word for word in said_of[-1].groups() if word)
                owner = next((p for p in (words, words[:1]) if p in COMMANDS), path)
            yield owner, match.group(1)


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=ids)
def test_every_option_a_help_text_names_exists(path: Words) -> None:
    named = list(named_options(path))
    assert (path, "--help") in named  # the scan sees the options list itself
    missing = []
    for owner, option in named:
        owner = ELSEWHERE.get((path, option), owner)
        if owner is not None and option not in options_of(owner):
            missing.append(f"{option} (of bibnorm {' '.join(owner)})")
    assert missing == []


def test_index_build_documents_no_quiet_option() -> None:
    text = CliRunner().invoke(main, ["index", "build", "--help"]).stdout
    assert "-q" not in options_of(("index", "build"))
    assert re.search(r"(?<![\w-])-q\b", text) is None


# --------------------------------------------------------------------------- man page and completion


def make_manpage() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_manpage", ROOT / "scripts" / "make_manpage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_man_page_is_the_one_the_commands_make() -> None:
    committed = (ROOT / "docs" / "bibnorm.1").read_text(encoding="utf-8")
    assert committed == make_manpage().render(), "run: python scripts/make_manpage.py"


def test_the_man_page_has_every_command_and_every_option() -> None:
    page = (ROOT / "docs" / "bibnorm.1").read_text(encoding="utf-8")
    headings = re.findall(r'^\.SS "(.*)"$', page, re.M)
    assert headings == [ids(path).replace("-", "\\-") for path in COMMANDS]
    for text in page.split('\n.SS "')[1:]:
        listed = set(re.findall(r"^\.B (.*)$", text, re.M)[1:])  # after the usage line
        words = tuple(text.split('"', 1)[0].split()[1:])
        for option in options_of(words):
            escaped = option.replace("-", "\\-")
            assert any(re.search(rf"(^|[ ,/]){re.escape(escaped)}\b", line) for line in listed), (
                words,
                option,
            )


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        pytest.param("bibnorm ind", ["plain,index"], id="a-command"),
        pytest.param("bibnorm index info --j", ["plain,--json"], id="an-option-of-a-sub-command"),
        pytest.param("bibnorm check --onl", ["plain,--online"], id="a-secondary-option"),
    ],
)
def test_shell_completion_completes_commands_and_options(words: str, expected: list[str]) -> None:
    env = {
        "_BIBNORM_COMPLETE": "bash_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    result = CliRunner().invoke(main, [], env=env, prog_name="bibnorm")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == expected
