"""The ``bibnorm`` command group: the only composition root.

Each sub-command lives in its own module of this package and stays thin: it turns
options into `Settings`, builds sources, calls library functions and prints.
Every `BibnormError` becomes one line on stderr here, in one place, with its
exit code (1 could not run, 2 usage). What a run found — items ``resolve --strict`` or
``tex`` could not resolve, ``check``'s errors, files ``format --check`` would change,
``verify``'s mismatches and not-found entries — exits `EXIT_FINDINGS`; a ``verify`` that
could verify nothing `EXIT_SOURCES_FAILED`.

May import: everything (it is the only composition root).
"""

from __future__ import annotations

import atexit
import difflib
import gc
import importlib
import logging
import signal
import sys
import threading
from typing import Any

import click
from bibnorm.errors import BibnormError, one_line

EXIT_OK = 0
EXIT_FATAL = 1
EXIT_USAGE = 2
EXIT_FINDINGS = 3  # ran and found problems: check errors, format --check, --strict, tex, verify's findings
EXIT_SOURCES_FAILED = 4  # every item failed, a source refused the key, verify verified nothing
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), as shells report it
EXIT_TERMINATED = 143  # SIGTERM/SIGHUP (128 + SIGTERM)

GC_ALLOCATIONS = 50_000  # allocations between two passes of the cyclic garbage collector

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


# Every command, the module that defines it (as ``command``) and the summary `bibnorm --help`
# prints, in the order --help lists them. A module is imported only when its command runs, so
# `bibnorm --help` and `bibnorm check` do not pay for the HTTP stack `resolve` needs (a third
# of a second of start-up). tests/test_cli_resolve.py checks each summary against its command.
COMMANDS = {
    "resolve": ("resolve_cmd", "Match every input item to its paper's record and write a..."),
    "tex": ("tex_cmd", "Add the papers a draft cites by arXiv id or DOI to its..."),
    "check": ("check_cmd", "Report problems in .bib files, one line each: PATH:LINE: KEY:..."),
    "verify": ("verify_cmd", "Check that every entry cites a real work faithfully:..."),
    "format": ("format_cmd", "Format .bib files canonically without changing what BibTeX..."),
    "fix": ("fix_cmd", "Apply the safe fixes to .bib files; show a unified diff unless..."),
    "index": ("index_cmd", "Build and inspect the local indexes: the arXiv snapshot and dblp."),
    "cache": ("cache_cmd", "Inspect or clear the HTTP cache that makes repeated runs free."),
    "mcp": ("mcp_cmd", "Serve bibnorm's tools to an assistant (Claude, VS Code,..."),
}


# Other names a command answers to, not listed in --help (the command's help says so).
ALIASES = {"draft": "tex"}


class BibnormGroup(click.Group):
    """A click group that loads its commands on demand and turns `BibnormError`s into one-line messages."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        cmd_name = ALIASES.get(cmd_name, cmd_name)
        if cmd_name not in COMMANDS:
            return None
        command: click.Command = importlib.import_module(f"bibnorm.cli.{COMMANDS[cmd_name][0]}").command
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """click's, saying which command a misspelt name may mean ("did you mean 'verify'?"):
        the commands load on demand, so click's own list of them is empty."""
        name = args[0] if args else ""
        if name not in COMMANDS and not name.startswith("-") and not ctx.resilient_parsing:
            close = difflib.get_close_matches(name, list(COMMANDS), n=1)
            if close:
                raise click.UsageError(f"No such command {name!r}. Did you mean {close[0]!r}?", ctx)
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from `COMMANDS`, without importing every command's module."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, summary) for name, (_, summary) in COMMANDS.items()])

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # Help, version and click's own messages are written outside `invoke`: a full disk
        # or a closed pipe there must end in one line too.
        try:
            try:
                return super().main(*args, **kwargs)
            finally:
                # Flush here, not at interpreter exit: a failure there exits 120, silently.
                if sys.stdout is not None:  # None when started with stdout closed
                    sys.stdout.flush()
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(EXIT_FATAL)
        except OSError as error:
            _silence_stdout()
            click.echo(f"bibnorm: error: cannot write output: {error.strerror or error}", err=True)
            sys.exit(EXIT_FATAL)

    def invoke(self, ctx: click.Context) -> Any:
        from bibnorm.io import NOTICES, WRITTEN, start_run

        start_run()
        notices = _NoticesOnStderr()
        NOTICES.addHandler(notices)
        NOTICES.setLevel(logging.INFO)
        previous = _terminate_on_signals()
        thresholds = gc.get_threshold()
        # A run allocates millions of small objects that reference counting alone frees (models,
        # rows, strings): the cyclic collector's default of a pass every 700 allocations spent
        # a tenth of an offline resolve of 600 titles in about 350 passes over them. A few
        # passes still run (4 there), so cyclic garbage is still reclaimed.
        gc.set_threshold(GC_ALLOCATIONS, *thresholds[1:])
        try:
            return super().invoke(ctx)
        except BibnormError as error:
            click.echo(f"bibnorm: error: {one_line(str(error))}", err=True)
            sys.exit(error.exit_code)
        except Terminated as signal_:
            click.echo(f"bibnorm: stopped by {signal_}; {WRITTEN.describe()}", err=True)
            sys.exit(EXIT_TERMINATED)
        except KeyboardInterrupt:
            if STOPPED_BY.name is not None:
                # Our SIGTERM handler raised, but a library turned that into KeyboardInterrupt
                # (watchfiles ends `tex --watch` so on any signal): the signal still decides.
                click.echo(f"bibnorm: stopped by {STOPPED_BY.name}; {WRITTEN.describe()}", err=True)
                sys.exit(EXIT_TERMINATED)
            click.echo(f"bibnorm: interrupted; {WRITTEN.describe()}", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            # The reader went away (`| head`): quietly, and without a second error at exit.
            _silence_stdout()
            sys.exit(EXIT_FATAL)
        finally:
            NOTICES.removeHandler(notices)
            gc.set_threshold(*thresholds)
            for number, handler in previous.items():
                signal.signal(number, handler)


class _NoticesOnStderr(logging.Handler):
    """What reading says on the way (`bibnorm.io.NOTICES`), a line on stderr each: "bibnorm:
    note: refs.bib: not UTF-8; …" (the stream looked up as each is said: a test's runner swaps it)."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"bibnorm: {record.getMessage()}", err=True)


def run() -> None:
    """The process's entry point (the ``bibnorm`` script, ``python -m bibnorm``): `main`, and no
    last pass of the garbage collector at exit.

    The interpreter's shutdown walks every object still alive for cycles (a tenth of a second
    after a 600-title resolve) only to free memory the process is about to give back; frozen
    objects are left out of that walk. Files are closed where they are written, never by the
    collector. `main` alone (CliRunner, in the tests' one process) leaves the collector alone.
    """
    atexit.register(gc.freeze)  # registered first, so run last: after every other exit handler
    main()


def _silence_stdout() -> None:
    from bibnorm.io import silence_stdout

    silence_stdout()


class Terminated(BaseException):
    """SIGTERM/SIGHUP, raised like Ctrl-C so temporary files are removed on the way out."""


class StoppedBy:
    """The SIGTERM/SIGHUP this run received, if any (a record of the signal, like `WRITTEN`)."""

    def __init__(self) -> None:
        self.name: str | None = None


STOPPED_BY = StoppedBy()


def _terminate_on_signals() -> dict[int, Any]:
    """Make SIGTERM and SIGHUP unwind like Ctrl-C; returns the handlers to restore."""
    previous: dict[int, Any] = {}
    STOPPED_BY.name = None

    def stop(number: int, frame: Any) -> None:
        STOPPED_BY.name = signal.Signals(number).name
        raise Terminated(STOPPED_BY.name)

    if threading.current_thread() is not threading.main_thread():
        return previous  # signal handlers can only be set from the main thread (tests, embedding)
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, stop)
    return previous


def _print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from bibnorm import __version__

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
      bibnorm resolve paper.pdf -o refs.bib           # a paper's references → BibTeX
      bibnorm resolve page.txt --format csl-json      # → CSL-JSON for pandoc
      bibnorm resolve page.txt -o refs.yml            # → Hayagriva YAML for Typst
      bibnorm tex paper.tex                           # fill a draft's missing citations
      bibnorm check refs.bib                          # CI: find problems, exit 3 on errors
      bibnorm verify refs.bib                         # is every entry a real work, cited right?
      bibnorm format --in-place refs.bib              # canonical formatting
      bibnorm index build dblp.xml.gz                 # dblp answered from its dump, locally

    Every command explains itself with --help. Data goes to stdout, progress and
    diagnostics to stderr.

    \b
    Exit codes (docs/usage.md, "Exit codes"):
      0    ran, nothing to report
      1    could not run: missing, unreadable, oversized or wrong-format input,
           a failed write
      2    usage error
      3    ran and found problems: check found errors, format --check would
           reformat, resolve --strict/tex left items unresolved, verify found
           a mismatch or a work not found
      4    ran but could ask no source (every item failed, a key refused,
           verify verified nothing)
      130  interrupted (Ctrl-C)
      143  stopped by SIGTERM/SIGHUP
    """
