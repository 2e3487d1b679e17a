"""``bibnorm resolve``: inputs → matched records → BibTeX, biblatex, CSL-JSON, Hayagriva, CSL YAML, RIS."""

from __future__ import annotations

import contextlib
import json
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, get_args

import click
from bibnorm import writers
from bibnorm.api.settings import format_options
from bibnorm.bib import lockfile
from bibnorm.bib.bibfile import read_bibfile
from bibnorm.bib.lockfile import LOCK_FILE, load_lock, lock_from_resolutions, lock_in_use
from bibnorm.bib.merge import keep_bib_inputs, key_book_from_bib
from bibnorm.cli import EXIT_FINDINGS, EXIT_SOURCES_FAILED
from bibnorm.cli._options import (
    UserPath,
    journal_names_option,
    lock_option,
    source_options,
    source_overrides,
    source_roles,
)
from bibnorm.cli._previous import Outcome, PreviousOutput, read_previous, settled_nothing, with_previous
from bibnorm.cli._progress import progress_for, progress_option, say
from bibnorm.cli._style import Painter, color_option
from bibnorm.cli._zotero import read_inputs_with_zotero
from bibnorm.config import BstName, load_settings
from bibnorm.errors import BibnormError, UsageError, one_line
from bibnorm.io import STDIO, Role, refuse_clashes, write_atomic
from bibnorm.models import Resolution, Status
from bibnorm.readers import READERS, available_formats
from bibnorm.resolve import keys, pipeline
from bibnorm.resolve.progress import Progress
from bibnorm.resolve.report import build_report, source_trouble, summarize, summary_line, unsettled
from bibnorm.sources import open_sources


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
    "--json", "json_out", is_flag=True, help="Print the JSON report on stdout instead of a bibliography."
)
@click.option(
    "--input-format",
    type=click.Choice(available_formats()),
    default=None,
    help="Force the input format instead of detecting it.",
)
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
@click.option(
    "--style",
    type=click.Choice(["bibnorm", "arxiv", "dblp", "google-scholar"]),
    default=None,
    help=(
        "BibTeX entry layout: bibnorm (default: every id kept, 'arXiv:ID [class]' printable by every "
        "style), arxiv (arXiv's export for preprints: @misc with eprint and howpublished; "
        "published papers as bibnorm), dblp (@article{CoRR} for preprints, "
        "DOI and doi.org URL for papers), google-scholar (journal = 'arXiv preprint arXiv:ID'; no ids). "
        "Each preset writes its export's fields in its order and name form; bibnorm verify accepts them "
        "(config: style)."
    ),
)
@click.option(
    "--doi-link",
    type=click.Choice(["url+note", "url", "note", "none"]),
    default=None,
    help=(
        "Where a published entry's publisher DOI goes besides 'doi', which plain, abbrv and IEEEtran "
        "do not print: url+note (default: url = https://doi.org/DOI and note = 'doi: DOI'), url, note "
        "(the url stays the arXiv page), none. bibnorm's own BibTeX layout only (config: doi_link)."
    ),
)
@click.option(
    "--bst",
    type=click.Choice(list(get_args(BstName))),
    default=None,
    help=(
        "The BibTeX style the output will be typeset in: each DOI and arXiv id goes in the fields "
        "that style prints, exactly once (plain, abbrv, unsrt, alpha: note and howpublished; "
        "plainnat, unsrtnat, abbrvnat, splncs04: doi and url; IEEEtran: url; ACM-Reference-Format: "
        "eprint and doi). Unset: --doi-link decides (config: bst)."
    ),
)
@click.option(
    "--prefer",
    type=click.Choice(["published", "preprint"]),
    default=None,
    help="Cite the published version when a source knows one (default), or keep the preprint.",
)
@click.option(
    "--year",
    "year_policy",
    type=click.Choice(["v1", "latest", "published"]),
    default=None,
    help="Which year to cite: first arXiv version, latest version, or published (default).",
)
@journal_names_option
@lock_option("Reuse the match decisions in this lockfile")
@click.option(
    "--update-lock",
    is_flag=True,
    help="Record this run's decisions in the lockfile (created if missing).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary on stderr.")
@progress_option
@color_option
@source_options
def command(
    inputs: tuple[str, ...],
    output: str,
    output_format: str | None,
    report_path: str | None,
    json_out: bool,
    input_format: str | None,
    strict: bool,
    key_format: str | None,
    rekey: bool | None,
    unicode: bool | None,
    style: str | None,
    doi_link: str | None,
    bst: str | None,
    prefer: str | None,
    year_policy: str | None,
    journal_names: str | None,
    lock_path: Path | None,
    update_lock: bool,
    quiet: bool,
    show_progress: bool | None,
    **sources: Any,
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
    they are listed on stderr (and in --report) with their best candidates, and left
    out of the bibliography (an input .bib's entries stay as they were).

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
    """
    settings = load_settings(
        {
            **source_overrides(**sources),
            "key_format": key_format,
            "rekey": rekey,
            "unicode": unicode,
            "style": style,
            "doi_link": doi_link,
            "bst": bst,
            "prefer": prefer,
            "year_policy": year_policy,
            "journal_names": journal_names,
            "lock": lock_path,
        }
    )
    settings = settings.model_copy(update={"lock": lock_in_use(settings.lock)})
    lock_file = (settings.lock or Path(LOCK_FILE)) if update_lock else None
    try:
        keys.validate_key_format(settings.key_format)
    except UsageError as error:
        raise settings.refusal("key_format", str(error)) from None
    if json_out and output != STDIO and report_path is None:
        raise UsageError("--json prints the report on stdout; use --report PATH together with -o")
    writes = [
        Role("-o/--output", output) if not (json_out and output == STDIO) else None,
        Role("--report", report_path) if report_path is not None else None,
        Role("the lockfile (--update-lock)", lock_file) if lock_file is not None else None,
    ]
    refuse_clashes(
        [role for role in writes if role is not None],
        [*(Role("an input", path) for path in inputs), *source_roles(settings, lock_written=update_lock)],
    )
    chosen_format = output_format or writers.format_for_output(output) or "bibtex"
    with progress_for(quiet=quiet, wanted=show_progress) as progress:
        queries, read_notes = read_inputs_with_zotero(inputs, settings, input_format, progress)
        # A slow phase is announced with what it will cost (rich shows the line above the bars).
        announce = partial(_announce, progress)
        with open_sources(settings, notify=None if quiet else announce) as sources_:
            if not quiet:
                for note in sources_.notes:
                    say(progress, f"bibnorm: note: {note}")
            resolutions = pipeline.run(
                queries,
                sources_.resolvers,
                settings,
                enrichers=sources_.enrichers,
                progress=progress,
                known_keys=_known_keys(output, chosen_format, settings.lock),
            )
            stats = sources_.stats

        entries = _entries(resolutions)
        progress.start("write", len(entries), "entries")
        if lock_file is not None:
            lockfile.update_lock(
                lock_file,
                lambda previous: previous.merged(lock_from_resolutions(resolutions, date.today(), previous)),
            )
        # The report's items (a dict per item, more than the item itself) only when it is written.
        wanted = json_out or report_path is not None
        report = (
            build_report(resolutions, stats.requests, stats.cache_hits, sources_down=stats.down)
            if wanted
            else {"summary": summarize(resolutions, stats.requests, stats.cache_hits, stats.down)}
        )
        # The canonical layout `format` and `check` use, with the names as this run writes them.
        layout = format_options(journal_names=settings.journal_names or "full")
        rendered = writers.get_writer(chosen_format).render(
            entries, writers.WriterOptions.from_settings(settings, layout=layout)
        )
        text = rendered.text
        bib_files = [read_bibfile(path) for path in inputs if _read_as_bib(path, input_format)]
        keeps_bib = chosen_format in ("bibtex", "biblatex")
        if bib_files and keeps_bib:
            # A .bib in, a .bib out: what was not resolved (and every field bibnorm does not own) stays.
            text = keep_bib_inputs(bib_files, text, _replaced(resolutions), layout)
        elif bib_files and not quiet:
            dropped = sum(1 for r in resolutions if r.status is not Status.RESOLVED and r.query.key)
            if dropped:
                say(
                    progress,
                    f"bibnorm: note: {dropped} .bib entries that did not resolve are not in the "
                    f"{chosen_format} output (a .bib output keeps them)",
                )
        # An output is replaced only by something at least as good (README "Files are never lost").
        earlier = read_previous(output, chosen_format) if output != STDIO and not bib_files else None
        kept_all = earlier is not None and bool(earlier.entries) and settled_nothing(resolutions)
        outcome = None
        if earlier is not None and earlier.entries and not kept_all:
            order = [(r.query.index, key) for r, key in keys.written_entries(resolutions)]
            outcome = with_previous(earlier, text, resolutions, order, layout)
            text = outcome.text
        _mark_kept(report, outcome.kept if outcome is not None else {})
        if report_path and report_path != STDIO:
            write_atomic(Path(report_path), _dump(report))
        if output != STDIO and not kept_all:
            write_atomic(output, text)
        progress.finish()
    # Data for stdout once the live progress is gone from the terminal they may share.
    if json_out or report_path == STDIO:
        sys.stdout.write(_dump(report))
    if output == STDIO and not json_out:
        write_atomic(output, text)

    if not quiet:
        for bib_file in bib_files:  # a cut-off or broken entry was not looked up: say where it is
            for block in bib_file.failed:
                what = f"entry {block.key}" if block.key else "block"
                fate = "kept verbatim in the output" if keeps_bib else "not in the output"
                where = f"{bib_file.path}:{block.line}"
                click.echo(f"{where}: warning: {what} not read ({block.error}); {fate}", err=True)
        for warning in rendered.warnings:
            click.echo(f"bibnorm: warning: {warning.message}", err=True)
    # Failures are said with -q too: -q quiets progress and the summary, not what went missing.
    paint = Painter.for_stream(sys.stderr)
    for line in _unsettled_lines(resolutions, report_path, paint, quiet=quiet):
        click.echo(line, err=True)
    for line in source_trouble(
        resolutions, stats.down, stats.refused, stats.gave_up, offline=settings.offline
    ):
        click.echo(line, err=True)
    for line in _previous_lines(output, earlier, outcome, kept_all=kept_all):
        click.echo(line, err=True)
    if not quiet:
        for note in read_notes:
            click.echo(f"bibnorm: note: {note}", err=True)
        click.echo(summary_line(report["summary"], paint.verdict if paint.on else None), err=True)
    exit_code = run_exit_code(resolutions, refused=bool(stats.refused), strict=strict)
    if exit_code:
        sys.exit(exit_code)


def _known_keys(output: str, chosen_format: str, lock_path: Path | None) -> keys.KeyBook:
    """Keys written before for the same papers: the output .bib being replaced, then the lock."""
    book = keys.KeyBook()
    if lock_path is not None:
        for item in load_lock(lock_path).items.values():
            if item.key:
                book.add_reference(item.key, item.reference)
    if output != STDIO and chosen_format in ("bibtex", "biblatex") and Path(output).is_file():
        # An unreadable old output only loses its keys; it is replaced anyway.
        with contextlib.suppress(BibnormError):
            key_book_from_bib([read_bibfile(output)], book)
    return book


def run_exit_code(resolutions: Sequence[Resolution], *, refused: bool, strict: bool) -> int:
    """0, `EXIT_SOURCES_FAILED` (nothing could be asked: every item failed or was left
    unsettled by a source that could not answer, offline with nothing cached included; or a
    source refused the key), or `EXIT_FINDINGS`."""
    if refused or settled_nothing(resolutions):
        return EXIT_SOURCES_FAILED
    if strict and any(r.status is not Status.RESOLVED for r in resolutions):
        return EXIT_FINDINGS
    return 0


def _read_as_bib(path: str, input_format: str | None) -> bool:
    if path == STDIO:
        return False
    if input_format is not None:
        return input_format == "bib"
    return Path(path).suffix.lower() in READERS["bib"].suffixes


def _replaced(resolutions: Sequence[Resolution]) -> dict[tuple[str, int], str]:
    """Which input entry (path, line) each written entry replaces."""
    return {
        (r.query.origin.path, r.query.origin.line): key
        for r, key in keys.written_entries(resolutions)
        if r.query.key is not None
    }


def _entries(resolutions: list[Resolution]) -> list[tuple[str, Any]]:
    """(key, reference) in input order: each paper once, plus the .bib entries repeating it."""
    return [(key, r.reference) for r, key in keys.written_entries(resolutions)]


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
    counts = Counter(r.status.value for r in items)
    by_status = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
    where = (
        f"each is listed with its best candidates in {report_path}"
        if report_path and report_path != STDIO
        else "--report PATH lists each with its best candidates"
    )
    counted = f"{len(items)} item{'s' if len(items) != 1 else ''}"
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


def _mark_kept(report: dict[str, Any], kept: dict[int, str]) -> None:
    """Each report item says whether the output kept an earlier entry for it (its key)."""
    for item in report.get("items", ()):  # none when no report is written
        item["kept_previous"] = kept.get(item["index"])
    report["summary"]["kept_previous"] = len(kept)


def _announce(progress: Progress, message: str) -> None:
    say(progress, f"bibnorm: {message}")


def _dump(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
