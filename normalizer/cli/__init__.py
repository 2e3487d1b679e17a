"""The ``bibnorm`` command group: the only composition root.

Each sub-command lives in its own module of this package and stays thin: it turns
options into `Settings`, builds sources, calls library functions and prints.
Every `BibnormError` becomes one line on stderr here, in one place, with its
exit code (1 fatal, 2 usage); problems found by ``--strict``/``check`` use
`EXIT_FINDINGS`.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from normalizer import __version__
from normalizer.errors import BibnormError

EXIT_OK = 0
EXIT_FATAL = 1
EXIT_USAGE = 2
EXIT_FINDINGS = 3  # --strict found unresolved items; tex found unresolvable keys

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class BibnormGroup(click.Group):
    """A click group that turns `BibnormError`s into one-line messages."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BibnormError as error:
            click.echo(f"bibnorm: error: {error}", err=True)
            sys.exit(error.exit_code)
        except KeyboardInterrupt:
            click.echo("bibnorm: interrupted; no output file was changed", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(EXIT_FATAL)


@click.group(cls=BibnormGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="bibnorm")
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
    3 when --strict/tex found items that could not be resolved.
    """


def _register() -> None:
    # Imported here so each command module can import shared helpers from this package.
    from normalizer.cli import (
        cache_cmd,
        check_cmd,
        fix_cmd,
        format_cmd,
        index_cmd,
        resolve_cmd,
        tex_cmd,
    )

    for module in (resolve_cmd, tex_cmd, check_cmd, format_cmd, fix_cmd, index_cmd, cache_cmd):
        main.add_command(module.command)


_register()
