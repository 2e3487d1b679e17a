"""The ``bibnorm`` command group: the only composition root.

Each sub-command lives in its own module of this package and stays thin: it turns
options into `Settings`, builds sources, calls library functions and prints.
Every `BibnormError` becomes one line on stderr here, in one place, with its
exit code (1 fatal, 2 usage); problems found by ``--strict``/``check`` use
`EXIT_FINDINGS`.
"""

from __future__ import annotations

import importlib
import signal
import sys
import threading
from typing import Any

import click

from normalizer.errors import BibnormError

EXIT_OK = 0
EXIT_FATAL = 1
EXIT_USAGE = 2
EXIT_FINDINGS = 3  # --strict found unresolved items; tex found unresolvable keys
EXIT_SOURCES_FAILED = 4  # every item failed, or a source refused the API key: nothing to trust
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), as shells report it
EXIT_TERMINATED = 143  # SIGTERM/SIGHUP (128 + SIGTERM)

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


# Every command and the module that defines it (as ``command``), in the order --help lists them.
# A module is imported only when its command runs, so `bibnorm check` does not pay for the
# HTTP stack `resolve` needs (a third of a second of start-up).
COMMANDS = {
    "resolve": "resolve_cmd",
    "tex": "tex_cmd",
    "check": "check_cmd",
    "format": "format_cmd",
    "fix": "fix_cmd",
    "index": "index_cmd",
    "cache": "cache_cmd",
}
# The first paragraph of each command's help, which ``bibnorm --help`` lists: written here so
# listing the commands imports none of them (tests/test_cli_resolve.py keeps the two the same).
SUMMARIES = {
    "resolve": "Match every input item to its arXiv / Semantic Scholar record and write a bibliography.",
    "tex": "Add the papers a LaTeX draft cites by arXiv id or DOI to its .bib.",
    "check": "Report problems in .bib files, one line each: PATH:LINE: KEY: CODE message.",
    "format": "Format .bib files canonically: the same input always gives the same bytes.",
    "fix": "Apply the safe fixes to .bib files; show a unified diff unless --in-place.",
    "index": "Build and inspect the local arXiv snapshot index.",
    "cache": "Inspect or clear the HTTP cache that makes repeated runs free.",
}


class BibnormGroup(click.Group):
    """A click group that loads its commands on demand and turns `BibnormError`s into one-line messages."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        command: click.Command = importlib.import_module(f"normalizer.cli.{module}").command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # As click's own, from SUMMARIES instead of the imported commands.
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [
            (name, click.Command(name, help=SUMMARIES[name]).get_short_help_str(limit)) for name in COMMANDS
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # Help, version and click's own messages are written outside `invoke`: a full disk
        # or a closed pipe there must end in one line too.
        try:
            try:
                return super().main(*args, **kwargs)
            finally:
                # Flush here, not at interpreter exit: a failure there exits 120, silently.
                sys.stdout.flush()
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(EXIT_FATAL)
        except OSError as error:
            _silence_stdout()
            click.echo(f"bibnorm: error: cannot write output: {error.strerror or error}", err=True)
            sys.exit(EXIT_FATAL)

    def invoke(self, ctx: click.Context) -> Any:
        from normalizer.io import WRITTEN

        previous = _terminate_on_signals()
        try:
            return super().invoke(ctx)
        except BibnormError as error:
            click.echo(f"bibnorm: error: {error}", err=True)
            sys.exit(error.exit_code)
        except Terminated as signal_:
            click.echo(f"bibnorm: stopped by {signal_}; {WRITTEN.describe()}", err=True)
            sys.exit(EXIT_TERMINATED)
        except KeyboardInterrupt:
            click.echo(f"bibnorm: interrupted; {WRITTEN.describe()}", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            # The reader went away (`| head`): quietly, and without a second error at exit.
            _silence_stdout()
            sys.exit(EXIT_FATAL)
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)


def _silence_stdout() -> None:
    from normalizer.io import silence_stdout

    silence_stdout()


class Terminated(BaseException):
    """SIGTERM/SIGHUP, raised like Ctrl-C so temporary files are removed on the way out."""


def _terminate_on_signals() -> dict[int, Any]:
    """Make SIGTERM and SIGHUP unwind like Ctrl-C; returns the handlers to restore."""
    previous: dict[int, Any] = {}

    def stop(number: int, frame: Any) -> None:
        raise Terminated(signal.Signals(number).name)

    if threading.current_thread() is not threading.main_thread():
        return previous  # signal handlers can only be set from the main thread (tests, embedding)
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, stop)
    return previous


def _print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    # click's version_option needs the version when the group is defined; this reads it
    # only when asked (see normalizer.__getattr__).
    if not value or ctx.resilient_parsing:
        return
    from normalizer import __version__

    click.echo(f"bibnorm, version {__version__}")
    ctx.exit()


@click.group(cls=BibnormGroup, context_settings=CONTEXT_SETTINGS)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
def main() -> None:
    """Turn messy paper references into clean, correct bibliographies.

    \b
    Typical uses:
      bibnorm resolve papers.txt -o refs.bib          # titles/ids/HF page → BibTeX
      bibnorm resolve page.txt --format csl-json      # → CSL-JSON for pandoc
      bibnorm tex paper.tex                           # fill a draft's missing citations
      bibnorm check refs.bib                          # CI: find problems, exit 1 on errors
      bibnorm format --in-place refs.bib              # canonical formatting

    Every command explains itself with --help. Data goes to stdout, progress and
    diagnostics to stderr. Exit codes: 0 ok, 1 fatal error, 2 usage error,
    3 when --strict/tex found items that could not be resolved, 4 when every
    item failed or a source refused the API key, 130 interrupted (Ctrl-C).
    """
