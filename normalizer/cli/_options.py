"""Option decorators shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, get_args

import click
from bibnorm.config import BstName

F = TypeVar("F", bound=Callable[..., Any])


class UserPath(click.Path):
    """`click.Path` that expands ``~`` and ``~user`` itself (`bibnorm.io.expand_user`).

    The shell leaves them alone in ``--output=~/x`` and in quotes; an unknown user is a
    one-line usage error instead of a folder named ``~user``. ``-`` stays ``-``. Whether
    the file can be read is left to the reader, whose message is one line too.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**{"readable": False, **options})

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            from bibnorm.io import expand_user

            value = expand_user(value)
        return super().convert(value, param, ctx)


def path_option(
    name: str, dest: str | None = None, *, help: str, metavar: str | None = None, **kind: Any
) -> Callable[[F], F]:
    """An option naming one path, ``~`` expanded (`UserPath`), None when not given; ``kind`` is
    what `click.Path` checks (``file_okay=False`` for a folder, ``dir_okay=False`` for a file)."""
    names = (name, dest) if dest is not None else (name,)
    return click.option(
        *names, type=UserPath(path_type=Path, **kind), default=None, metavar=metavar, help=help
    )


cache_dir_option = path_option(
    "--cache-dir",
    file_okay=False,
    help="HTTP cache folder (env: BIBNORM_CACHE_DIR; default: the user cache dir).",
)


ANSWER_LOCALLY = (
    "Answer from the local indexes (snapshot, dblp) and the HTTP cache only; never open a socket."
)


def offline_option(offline: str = ANSWER_LOCALLY) -> Callable[[F], F]:
    """``--offline/--online`` (``offline`` says what --offline does for the command): every
    command that can ask a source takes both, so a hook's ``--offline`` can be undone."""
    return click.option(
        "--offline/--online",
        default=None,
        help=f"{offline} --online undoes an earlier --offline (a hook's default) and BIBNORM_OFFLINE.",
    )


s2_api_key_option = click.option(
    "--s2-api-key",
    default=None,
    metavar="KEY",
    help="Semantic Scholar API key (env: S2_API_KEY). Never cached or printed.",
)


def asking_options(offline: str) -> Callable[[F], F]:
    """``--offline/--online``, ``--s2-api-key``, ``--cache-dir``: for a command that asks Semantic
    Scholar and the other sources only for some of its work (``check``, ``fix``)."""

    def decorate(function: F) -> F:
        for option in reversed([offline_option(offline), s2_api_key_option, cache_dir_option]):
            function = option(function)
        return function

    return decorate


def source_options(function: F) -> F:
    """``--offline``, ``--snapshot``, ``--resolvers``, ``--s2-api-key``, ``--cache-dir``."""
    options = [
        offline_option(),
        path_option(
            "--snapshot",
            dir_okay=False,
            help=(
                "Snapshot index built by 'bibnorm index build' (env: BIBNORM_SNAPSHOT)"
                " [default: the index 'bibnorm index build' wrote to the cache folder, if any]."
            ),
        ),
        click.option(
            "--resolvers",
            "resolver_names",
            default=None,
            metavar="NAMES",
            help=(
                "Comma-separated source order (default: snapshot,arxiv,s2,dblp,crossref,openalex):"
                " snapshot/arxiv/s2 find each paper, dblp/crossref/openalex add its published"
                " version (openalex only with openalex_api_key). 'snapshot,arxiv,s2' skips them."
            ),
        ),
        s2_api_key_option,
        cache_dir_option,
    ]
    for option in reversed(options):
        function = option(function)
    return function


def source_overrides(
    offline: bool | None,
    snapshot: Path | None,
    resolver_names: str | None,
    s2_api_key: str | None,
    cache_dir: Path | None,
) -> dict[str, Any]:
    """Settings overrides from `source_options` values (None = not given on the command line)."""
    return {
        "offline": offline,
        "snapshot": snapshot,
        "resolvers": tuple(n.strip() for n in resolver_names.split(",") if n.strip())
        if resolver_names
        else None,
        "s2_api_key": s2_api_key,
        "cache_dir": cache_dir,
    }


jobs_option = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Processes for reading big files (default: the CPUs available; 1 = no extra process).",
)


def lock_option(purpose: str) -> Callable[[F], F]:
    """``--lock PATH``: the lockfile a command reuses (``purpose`` says for what)."""
    from bibnorm.bib.lockfile import LOCK_FILE

    return path_option(
        "--lock", "lock_path", dir_okay=False, help=f"{purpose} (default: ./{LOCK_FILE} when it exists)."
    )


journal_names_option = click.option(
    "--journal-names",
    type=click.Choice(["full", "abbreviated", "as-given"]),
    default=None,
    help=(
        "Write journal and conference names in full, abbreviated (ISO 4: 'Phys. Rev. Lett.';"
        " conferences by acronym: 'CVPR') or as given; one spelling per journal in the file"
        " (config: journal_names)."
    ),
)


bst_option = click.option(
    "--bst",
    type=click.Choice(list(get_args(BstName))),
    default=None,
    help=(
        "The BibTeX style the output will be typeset in: each DOI and arXiv id goes in the fields "
        "that style prints, exactly once (plain, abbrv, unsrt, alpha: note and howpublished; "
        "plainnat, unsrtnat, abbrvnat, splncs04: doi and url; IEEEtran: url; ACM-Reference-Format: "
        "eprint and doi). Unset: fix and format leave them where they are; resolve writes each id in "
        "note or howpublished, which every common style prints once (unless its DOI-link setting asks "
        "for an earlier layout); tex follows the draft's \\bibliographystyle (config: bst)."
    ),
)


def corpus_options(verb: str, input_name: str, per_document: str) -> Callable[[F], F]:
    """``--out RESULTS_DIR``, ``--workers N``, ``--scheduler ADDRESS``: a command run over a corpus
    (``resolve``, ``verify``); ``per_document`` says what each document leaves in the folder."""
    options = [
        path_option(
            "--out",
            "out_dir",
            file_okay=False,
            metavar="RESULTS_DIR",
            help=(
                f"{verb} a corpus ({input_name} is a folder, a quoted glob or a .csv/.jsonl manifest)"
                f" into this folder: {per_document}, summary.csv and summary.html;"
                " resumes where a run stopped."
            ),
        ),
        click.option("--workers", type=int, default=None, metavar="N", help="With --out: N local processes."),
        click.option(
            "--scheduler",
            default=None,
            metavar="ADDRESS",
            help="With --out: a Dask scheduler (tcp://host:8786).",
        ),
        click.option(
            "--allow-outside",
            is_flag=True,
            help="With --out: take a document outside the corpus's folder (a manifest's '..', a link).",
        ),
    ]

    def decorate(function: F) -> F:
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


def selection_options(select_example: str, ignore_example: str) -> Callable[[F], F]:
    """``--select CODES`` and ``--ignore CODES``, each with an example of codes or prefixes."""

    def decorate(function: F) -> F:
        for option, verb, example in (
            ("--ignore", "Skip", ignore_example),
            ("--select", "Only", select_example),
        ):
            help_text = f"{verb} these codes or prefixes, e.g. '{example}'."
            function = click.option(option, default=None, metavar="CODES", help=help_text)(function)
        return function

    return decorate


def list_option(what: str) -> Callable[[F], F]:
    """``--list``: print ``what`` (every code a command knows) and exit."""
    return click.option("--list", "list_checks", is_flag=True, help=f"List {what} and exit.")


def json_option(help: str) -> Callable[[F], F]:
    """``--json``: what the command found, as JSON on stdout (``help`` says its shape)."""
    return click.option("--json", "json_out", is_flag=True, help=help)


in_place_option = click.option(
    "-i",
    "--in-place",
    is_flag=True,
    help="Rewrite the files (atomically, refusing if an entry would be lost).",
)


def quiet_option(help: str) -> Callable[[F], F]:
    """``-q``/``--quiet``: what the command then leaves off stderr."""
    return click.option("-q", "--quiet", is_flag=True, help=help)


@dataclass(frozen=True)
class FindingArgs:
    """The options of a command that reports findings (``check``, ``verify``), as click parsed them
    (None: not given); each command's own options are in its subclass."""

    files: tuple[str, ...]
    json_out: bool
    select: str | None
    ignore: str | None
    lock_path: Path | None
    list_checks: bool
    quiet: bool
    show_progress: bool | None
    offline: bool | None
    s2_api_key: str | None
    cache_dir: Path | None
