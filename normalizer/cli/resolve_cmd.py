"""``bibnorm resolve``: inputs → matched records → BibTeX, biblatex, CSL-JSON, Hayagriva, CSL YAML, RIS."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, TypeVar

import click
from bibnorm import writers
from bibnorm.api.previous import Outcome, PreviousOutput
from bibnorm.api.resolve_files import ResolveJob, ResolveRun, plan_resolve, resolve_files
from bibnorm.api.resolving import ResolveResult
from bibnorm.cli import EXIT_FINDINGS, EXIT_SOURCES_FAILED
from bibnorm.cli._options import (
    UserPath,
    bst_option,
    corpus_options,
    journal_names_option,
    lock_option,
    source_options,
    source_overrides,
)
from bibnorm.cli._progress import progress_for, progress_option, say
from bibnorm.cli._style import Painter, color_option
from bibnorm.config import Settings, load_settings
from bibnorm.errors import UsageError, one_line
from bibnorm.io import STDIO, write_atomic
from bibnorm.models import Resolution, Status
from bibnorm.readers import available_formats
from bibnorm.resolve.keys import KEY_REPLACED
from bibnorm.resolve.progress import Progress
from bibnorm.resolve.report import UNREACHABLE_ADVICE, summary_line, unsettled

F = TypeVar("F", bound=Callable[..., Any])


def _setting(flag: str, choices: Sequence[str], help: str, dest: str | None = None) -> Callable[[F], F]:
    """An option that chooses one of ``choices`` for a setting (None: the config decides)."""
    names = (flag, dest) if dest else (flag,)
    return click.option(*names, type=click.Choice(list(choices)), default=None, help=help)


@click.command("resolve")
@click.argument("inputs", nargs=-1, required=True, type=UserPath(), metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    type=UserPath(),
    default=STDIO,
    metavar="PATH",
    help="Write the bibliography here (atomically); '-' (default) is stdout. The suffix names the "
    "format (.bib, .json, .yml/.yaml, .ris); another suffix needs --format.",
)
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(sorted(writers.WRITERS)),
    default=None,
    help="Output format; inferred from the -o suffix (.bib → bibtex, .json → csl-json, .yml/.yaml → "
    "hayagriva for Typst, .ris → ris); csl-yaml (pandoc, Quarto) only by name.",
)
@click.option(
    "--report",
    "report_path",
    type=UserPath(),
    default=None,
    metavar="PATH",
    help="Write the JSON report here.",
)
@click.option(
    "--json",
    "report_on_stdout",
    is_flag=True,
    help="Print the JSON report on stdout instead of a bibliography.",
)
@_setting("--input-format", available_formats(), "Force the input format instead of detecting it.")
@click.option("--strict", is_flag=True, help=f"Exit {EXIT_FINDINGS} when any item is not resolved.")
@click.option(
    "--key-format",
    default=None,
    metavar="FORMULA",
    help="Citation key formula or preset: google ({family}{year}{firstword}, default), bbt, arxiv, dblp.",
)
@click.option(
    "--rekey", is_flag=True, default=None, help="Replace keys that came with the input (.bib keys)."
)
@click.option(
    "--unicode", is_flag=True, default=None, help="Keep Unicode in BibTeX instead of LaTeX escapes."
)
@_setting(
    "--style",
    ["bibnorm", "arxiv", "dblp", "google-scholar"],
    (
        "BibTeX entry layout: bibnorm (default: each DOI and arXiv id in note or howpublished, which "
        "every common style prints once), arxiv (arXiv's export for preprints: @misc with eprint and "
        "howpublished; "
        "published papers as bibnorm), dblp (@article{CoRR} for preprints, "
        "DOI and doi.org URL for papers), google-scholar (journal = 'arXiv preprint arXiv:ID'; no ids). "
        "Each preset writes its export's fields in its order and name form; bibnorm verify accepts them "
        "(config: style)."
    ),
)
@_setting(
    "--doi-link",
    ["url+note", "url", "note", "none"],
    (
        "An earlier BibTeX layout, which keeps doi, eprint and url and shows an id several times in "
        "some styles: url+note (doi, url = https://doi.org/DOI and note = 'doi: DOI'), url, note (the "
        "url stays the arXiv page), none. Unset (default): each id once, in note or howpublished. "
        "bibnorm's own BibTeX layout only (config: doi_link)."
    ),
)
@bst_option
@_setting(
    "--prefer",
    ["published", "preprint"],
    "Cite the published version when a source knows one (default), or keep the preprint.",
)
@_setting(
    "--year",
    ["v1", "latest", "published"],
    "Which year to cite: first arXiv version, latest version, or published (default).",
    dest="year_policy",
)
@journal_names_option
@lock_option("Reuse the match decisions in this lockfile")
@click.option(
    "--update-lock",
    is_flag=True,
    help="Record this run's decisions in the lockfile (created if missing).",
)
@corpus_options("Resolve", "INPUT", "one JSON line and one .bib per document")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary on stderr.")
@progress_option
@color_option
@source_options
def command(
    inputs: tuple[str, ...], strict: bool, quiet: bool, show_progress: bool | None, **options: Any
) -> None:
    """Match every input item to its paper's record and write a bibliography.

    INPUT is a saved Hugging Face papers page, a list of titles / arXiv ids /
    arXiv URLs / DOIs (one per line, '#' comments), a reference list pasted from a
    paper (numbered, or unnumbered: one per line, hanging indents, blank-line separated),
    a paper as PDF (its references section), a .bbl, a .bib, a CSL-JSON or an RIS export;
    '-' reads stdin; 'zotero:' the Zotero library (Zotero 7+, its local API enabled),
    'zotero:COLLECTION' one collection. Authors and years the input gives are used as evidence.
    Papers are found in the snapshot index, arXiv and Semantic Scholar, and their
    published versions in dblp (its local index first), Crossref and OpenAlex
    (--resolvers). Items that cannot be matched with confidence are never guessed:
    they are listed on stderr (and in --report) with their best candidates; a
    reference read from text is left out of the bibliography, a record of the user's
    own (.bib, CSL-JSON, RIS, Zotero) stays as it was, written as it gives itself in
    another format.

    \b
    Examples:
      bibnorm resolve papers.txt -o refs.bib
      bibnorm resolve page.txt --snapshot arxiv.sqlite --offline --report report.json
      echo 'arXiv:1706.03762v5' | bibnorm resolve -           # ids, URLs, DOIs on stdin
      bibnorm resolve page.txt -o refs.json                   # CSL-JSON for pandoc
      bibnorm resolve page.txt --json | jq '.summary'
      bibnorm resolve refs.txt -o refs.bib --update-lock      # pin decisions for CI
      bibnorm resolve paper.bbl -o paper.bib                  # a .bbl back to a .bib, keys kept
      bibnorm resolve paper.pdf -o refs.bib                   # the .bib of a paper's bibliography
      bibnorm resolve refs.txt --journal-names abbreviated    # Phys. Rev. Lett., CVPR
      bibnorm resolve submissions/ --out results/             # a whole venue (docs/scale.md)
    """
    allow_outside = options.pop("allow_outside")
    corpus = (options.pop("out_dir"), options.pop("workers"), options.pop("scheduler"))
    if corpus != (None, None, None):
        raise SystemExit(
            resolve_corpus(inputs, (*corpus, allow_outside), options, strict, quiet, show_progress)
        )
    job = ResolveJob(inputs=inputs, **{name: options.pop(name) for name in JOB_OPTIONS})
    plan = plan_resolve(job, _settings(options))  # refusals before the progress display starts
    with progress_for(quiet=quiet, wanted=show_progress) as progress:
        # A slow phase is announced with what it will cost (rich shows the line above the bars).
        notify = None if quiet else partial(_say, progress)
        run = resolve_files(plan, progress=progress, notify=notify)
    # Data for stdout once the live progress is gone from the terminal they may share.
    if job.report_on_stdout or job.report_path == STDIO:
        for piece in run.report_chunks():
            sys.stdout.write(piece)
    if job.output == STDIO and not job.report_on_stdout:
        write_atomic(job.output, run.text)
    for line in _closing_lines(run, job, quiet=quiet):
        click.echo(line, err=True)
    exit_code = run_exit_code(run.result, strict=strict)
    if exit_code:
        sys.exit(exit_code)


# The options that say what to resolve and where to write (a `ResolveJob`); the others are settings.
JOB_OPTIONS = ("output", "output_format", "input_format", "report_path", "report_on_stdout", "update_lock")
FLAGS = {
    "output": "--output",
    "output_format": "--format",
    "input_format": "--input-format",
    "report_path": "--report",
    "report_on_stdout": "--json",
    "update_lock": "--update-lock",
}
SOURCE_OPTIONS = ("offline", "snapshot", "resolver_names", "s2_api_key", "cache_dir")


def _settings(options: dict[str, Any]) -> Settings:
    """`Settings` from the config, the environment and the options that override them."""
    return load_settings(_overrides(options))


def _overrides(options: dict[str, Any]) -> dict[str, Any]:
    """The settings the options (all but the job's) override, as `load_settings` takes them."""
    sources = source_overrides(**{name: options.pop(name) for name in SOURCE_OPTIONS})
    return {**sources, "lock": options.pop("lock_path"), **options}


def resolve_corpus(
    inputs: tuple[str, ...],
    corpus: tuple[Any, int | None, str | None, bool],
    options: dict[str, Any],
    strict: bool,
    quiet: bool,
    show_progress: bool | None,
) -> int:
    """``--out`` (``--workers``, ``--scheduler``, ``--allow-outside``): the corpus resolved, its summary
    line; the exit status."""
    from bibnorm.cli._corpus import resolve_corpus as run_corpus

    out, workers, scheduler, allow_outside = corpus
    single = [FLAGS[name] for name in JOB_OPTIONS if options.pop(name) not in (None, False, STDIO)]
    if out is None:
        raise UsageError("--workers and --scheduler go with --out DIR")
    if single:
        raise UsageError(f"--out resolves a corpus into its folder: {single[0]} is for one bibliography")
    engine = (workers, scheduler, allow_outside)
    return run_corpus(inputs, out, engine, _overrides(options), quiet, show_progress, strict)


def _closing_lines(run: ResolveRun, job: ResolveJob, *, quiet: bool) -> list[str]:
    """What the run has to say once it is over, in order: inputs not read and the writer's
    warnings (not with -q), the items not resolved, the input's entries the output leaves out and
    the sources in trouble (failures are said with -q too: -q quiets progress and the summary,
    not what went missing), the earlier
    output's fate, then (not with -q) how inputs were read and the summary line."""
    paint = Painter.for_stream(sys.stderr)
    result = run.result
    if result.settled_nothing and (result.sources_down or result.gave_up) and not result.refused:
        return [_nothing_settled_line(run, job)]
    lines = [] if quiet else [*run.input_warnings, *(f"bibnorm: warning: {w}" for w in run.writer_warnings)]
    if not quiet:
        lines += [
            f"bibnorm: warning: {r.query.origin}: {one_line(p.message, ECHO_LIMIT)}"
            for r in result.resolutions
            for p in r.problems
            if p.code == KEY_REPLACED
        ]
    lines += _unsettled_lines(result.resolutions, job.report_path, paint, quiet=quiet)
    lines += _left_out_lines(run)  # (with -q too: entries the user had are missing from this output)
    lines += result.source_trouble(offline=run.settings.offline)
    lines += _previous_lines(job.output, run.previous, run.outcome, kept_all=run.kept_all)
    if not quiet:
        lines += [f"bibnorm: note: {note}" for note in run.read_notes]
        lines.append(summary_line(run.report["summary"], paint.verdict if paint.on else None))
    return lines


def _left_out_lines(run: ResolveRun) -> list[str]:
    """The lines that say how many items that did not resolve the output holds as their input
    gives them, and how many of the input .bib's entries and of the input exports' items it
    leaves out (those without a title), if any."""
    lines = []
    if run.left_out:
        one = run.left_out == 1
        lines.append(
            f"bibnorm: warning: {run.left_out} .bib entr{'y' if one else 'ies'} that did not resolve "
            f"{'is' if one else 'are'} not in the {run.output_format} output (a .bib output keeps them)"
        )
    if run.as_given:
        one = run.as_given == 1
        lines.append(
            f"bibnorm: note: {run.as_given} item{'' if one else 's'} that did not resolve "
            f"{'is' if one else 'are'} in the {run.output_format} output as "
            f"{'its input gives it' if one else 'their input gives them'} (not looked up; listed above "
            "and in --report)"
        )
    if run.exports_left_out:
        one = run.exports_left_out == 1
        lines.append(
            f"bibnorm: warning: {run.exports_left_out} item{'' if one else 's'} of the CSL-JSON, RIS or "
            f"Zotero input that did not resolve {'is' if one else 'are'} not in the {run.output_format} "
            "output (listed above and in --report)"
        )
    return lines


def _nothing_settled_line(run: ResolveRun, job: ResolveJob) -> str:
    """The one line of a run that could ask no source: why, what became of the output, and
    what the user can do."""
    result = run.result
    reasons = "; ".join(dict.fromkeys([*result.sources_down.values(), *result.gave_up.values()]))
    if job.output == STDIO:
        fate = "nothing written"
    elif run.kept_all and run.previous is not None:
        count = len(run.previous.entries)
        fate = f"{job.output} kept as it was ({count} entr{'y' if count == 1 else 'ies'})"
    else:
        fate = f"{job.output} not written"
    why = f" ({reasons})" if reasons else ""
    said = f"bibnorm: error: no item could be resolved: no source could answer{why}; {fate}."
    return f"{said} {UNREACHABLE_ADVICE}"


def run_exit_code(result: ResolveResult, *, strict: bool) -> int:
    """0, `EXIT_SOURCES_FAILED` (nothing could be asked: every item failed or was left
    unsettled by a source that could not answer, offline with nothing cached included; or a
    source refused the key), or `EXIT_FINDINGS`."""
    if result.refused or result.settled_nothing:
        return EXIT_SOURCES_FAILED
    if strict and not result.all_resolved:
        return EXIT_FINDINGS
    return 0


ECHO_LIMIT = 300  # characters of an input item quoted in its stderr line


def _describe_unsettled(resolution: Resolution, paint: Painter | None = None) -> str:
    query = resolution.query
    what = query.title or query.arxiv_id or query.doi or query.raw or ""
    status = resolution.status.value
    # One line, of a readable length, even for a 100 KB "title" or one with control characters.
    line = f"{query.origin}: {paint.verdict(status) if paint else status}: {one_line(what, ECHO_LIMIT)}"
    if resolution.problems:
        # The matcher's verdict says most; source trouble (offline, HTTP) comes after it.
        ordered = sorted(resolution.problems, key=lambda p: not p.code.startswith("match."))
        line += f" ({'; '.join(dict.fromkeys(p.message for p in ordered[:2]))})"
    if resolution.candidates:
        best = resolution.candidates[0]
        ref = best.candidate.reference
        line += (
            f"; best candidate {ref.ids.arxiv_id or ref.ids.doi or '?'} {ref.title!r} score {best.score:.2f}"
        )
    return line


UNSETTLED_SHOWN = 10  # unsettled items listed one per line; past this, one line counts them


def _unsettled_lines(
    resolutions: Sequence[Resolution], report_path: str | None, paint: Painter, *, quiet: bool
) -> list[str]:
    """One line per unsettled item, or past `UNSETTLED_SHOWN` (and always with -q) one line
    that counts them by status and says where each is listed."""
    items = unsettled(resolutions)
    if not items:
        return []
    if len(items) <= UNSETTLED_SHOWN and not quiet:
        return [_describe_unsettled(resolution, paint) for resolution in items]
    # Counted as the summary line counts them: every item, a repeat of an earlier one too (the
    # summary says how many repeat one).
    every = [r for r in resolutions if r.status is not Status.RESOLVED]
    counts = Counter(r.status.value for r in every)
    by_status = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
    where = (
        f"each is listed with its best candidates in {report_path}"
        if report_path and report_path != STDIO
        else "--report PATH lists each with its best candidates"
    )
    counted = f"{len(every)} item{'s' if len(every) != 1 else ''}"
    return [f"bibnorm: warning: {counted} not resolved ({by_status}); {where}"]


def _previous_lines(
    output: str, previous: PreviousOutput | None, outcome: Outcome | None, *, kept_all: bool
) -> list[str]:
    """What became of the entries the output already held."""
    if previous is None:
        return []
    if kept_all:
        return [
            f"bibnorm: warning: {output} kept as it was ({len(previous.entries)} entries): "
            "nothing could be resolved this run"
        ]
    if outcome is None:
        return []
    lines = []
    if outcome.kept:
        keys = ", ".join(outcome.kept[index] for index in sorted(outcome.kept))
        lines.append(
            f"bibnorm: warning: {output}: kept the earlier entry of {len(outcome.kept)} "
            f"item{'s' if len(outcome.kept) != 1 else ''} not resolved this run: {one_line(keys, ECHO_LIMIT)}"
        )
    if outcome.replaced:
        shown = "; ".join(f"{r.key} ({', '.join(r.fields)})" for r in outcome.replaced)
        lines.append(
            f"bibnorm: note: {output}: replaced fields that differed from this run's "
            f"(edited by hand, or changed at the source) in {len(outcome.replaced)} "
            f"entr{'ies' if len(outcome.replaced) != 1 else 'y'}: {one_line(shown, ECHO_LIMIT)}"
        )
    return lines


def _say(progress: Progress, message: str) -> None:
    say(progress, f"bibnorm: {message}")
