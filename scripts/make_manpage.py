"""Write ``docs/bibnorm.1``, bibnorm's man page, from the Click commands themselves.

Every command and sub-command, its usage line, its help text and each of its options (as
``--help`` shows them: Click's own help records) go into one roff page, in the order
``bibnorm --help`` lists the commands. Nothing is written by hand, so the page cannot drift
from the commands; ``tests/test_cli_options.py`` checks the committed page is this script's
output. No date goes in, so the page changes only when the commands do.

    python scripts/make_manpage.py            # rewrite docs/bibnorm.1
    python scripts/make_manpage.py --check    # exit 1 if docs/bibnorm.1 is not up to date
    man ./docs/bibnorm.1                      # read it
"""

from __future__ import annotations

import argparse
import inspect
import sys
from collections.abc import Iterator
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "bibnorm.1"

COMPLETION = """\
bash: eval "$(_BIBNORM_COMPLETE=bash_source bibnorm)" in ~/.bashrc
zsh: eval "$(_BIBNORM_COMPLETE=zsh_source bibnorm)" in ~/.zshrc
fish: _BIBNORM_COMPLETE=fish_source bibnorm > ~/.config/fish/completions/bibnorm.fish"""


def escape(text: str) -> str:
    """``text`` as roff prints it literally: backslashes, hyphen-minus (options stay
    copy-pasteable), and a leading dot or quote that roff would read as a request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join("\\&" + line if line.startswith((".", "'")) else line for line in text.split("\n"))


def paragraphs(help_text: str) -> Iterator[str]:
    """A Click help text as roff paragraphs: a block Click keeps unwrapped (``\\b``) stays as
    it is (no filling), any other paragraph is filled."""
    for block in inspect.cleandoc(help_text).split("\n\n"):
        lines = block.split("\n")
        if lines[0].strip() == "\b":
            yield ".PP\n.nf\n" + escape("\n".join(lines[1:])) + "\n.fi"
        else:
            yield ".PP\n" + escape(" ".join(line.strip() for line in lines))


def commands(command: click.Command, ctx: click.Context) -> Iterator[tuple[click.Command, click.Context]]:
    """``command`` and, for a group, every sub-command after it, in the order --help lists them."""
    yield command, ctx
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                yield from commands(sub, click.Context(sub, info_name=name, parent=ctx))


def section(command: click.Command, ctx: click.Context) -> str:
    """One command's part of the page: usage, help, options."""
    usage = " ".join(command.collect_usage_pieces(ctx))
    parts = [f'.SS "{escape(ctx.command_path)}"', f".B {escape(ctx.command_path)}\n{escape(usage)}"]
    parts += paragraphs(command.help or "")
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx) if isinstance(param, click.Option) else None
        if record is not None:
            names, help_text = record
            parts.append(f".TP\n.B {escape(names)}\n{escape(help_text)}")
    return "\n".join(parts)


def render() -> str:
    """The whole man page."""
    from bibnorm import __version__
    from bibnorm.cli import main

    root = click.Context(main, info_name="bibnorm", **main.context_settings)
    summary = (main.help or "").strip().split("\n")[0].rstrip(".")
    head = [
        f'.TH BIBNORM 1 "" "bibnorm {__version__}" "User Commands"',
        ".SH NAME",
        f"bibnorm \\- {escape(summary[0].lower() + summary[1:])}",
        ".SH SYNOPSIS",
        ".B bibnorm\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]...",
        ".SH COMMANDS",
    ]
    body = [section(command, ctx) for command, ctx in commands(main, root)]
    tail = [
        ".SH SHELL COMPLETION",
        ".PP\n.nf\n" + escape(COMPLETION) + "\n.fi",
        ".SH SEE ALSO",
        ".PP\nREADME.md and the manual in docs/ of bibnorm's repository: docs/usage.md (every command),"
        " docs/checks.md (the finding codes), docs/ci.md (CI).",
    ]
    return "\n".join([*head, *body, *tail]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the page is not up to date")
    args = parser.parse_args(argv)
    page = render()
    if args.check:
        current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
        if current != page:
            print(f"{PAGE.relative_to(ROOT)} is out of date: python scripts/make_manpage.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(page, encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
