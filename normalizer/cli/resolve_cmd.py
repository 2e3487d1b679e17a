"""``bibnorm resolve``: inputs → matched records → BibTeX / biblatex / CSL-JSON."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, get_args

import click

from normalizer import writers
from normalizer.bib.bibfile import read_bibfile
from normalizer.bib.lockfile import LOCK_FILE, load_lock, lock_from_resolutions, lock_in_use, save_lock
from normalizer.bib.merge import keep_bib_inputs, key_book_from_bib
from normalizer.cli import EXIT_FINDINGS, EXIT_SOURCES_FAILED
from normalizer.cli._options import (
    UserPath,
    journal_names_option,
    lock_option,
    source_options,
    source_overrides,
    source_roles,
)
from normalizer.cli._progress import progress_for, progress_option
from normalizer.cli._sources import open_sources
from normalizer.cli._style import Painter, color_option
from normalizer.cli.format_cmd import format_options
from normalizer.config import BstName, load_settings
from normalizer.errors import BibnormError, UsageError, one_line
from normalizer.io import STDIO, Role, refuse_clashes, write_atomic
from normalizer.models import Resolution, Status
from normalizer.readers import READERS, available_formats, read_inputs_noted
from normalizer.resolve import keys, pipeline
from normalizer.resolve.report import build_report, source_trouble, summary_line, unsettled


@click.command("resolve")
@click.argument("inputs", nargs=-1, required=True, type=UserPath(), metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    type=UserPath(),
    default=STDIO,
    metavar="PATH",
    help="Write the bibliography here (atomically); '-' (default) is stdout. The suffix names the "
    "format (.bib, .json); another suffix needs --format.",
)
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(sorted(writers.WRITERS)),
    default=None,
    help="Output format; inferred from the -o suffix (.bib → bibtex, .json → csl-json).",
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
    '-' reads stdin. Authors and years the input gives are used as evidence.
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
        queries, read_notes = read_inputs_noted(list(inputs), input_format=input_format, progress=progress)
        # A slow phase is announced with what it will cost (rich shows the line above the bars).
        with open_sources(settings, notify=None if quiet else _announce) as sources_:
            if not quiet:
                for note in sources_.notes:
                    click.echo(f"bibnorm: note: {note}", err=True)
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
            previous = load_lock(lock_file)
            save_lock(lock_file, previous.merged(lock_from_resolutions(resolutions, date.today(), previous)))
        report = build_report(resolutions, stats.requests, stats.cache_hits, sources_down=stats.down)
        if report_path and report_path != STDIO:
            write_atomic(Path(report_path), _dump(report))
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
                click.echo(
                    f"bibnorm: note: {dropped} .bib entries that did not resolve are not in the "
                    f"{chosen_format} output (a .bib output keeps them)",
                    err=True,
                )
        if output != STDIO:
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
        paint = Painter.for_stream(sys.stderr)
        for resolution in unsettled(resolutions):
            click.echo(_describe_unsettled(resolution, paint), err=True)
        for line in source_trouble(
            resolutions, stats.down, stats.refused, stats.gave_up, offline=settings.offline
        ):
            click.echo(line, err=True)
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
    """0, `EXIT_SOURCES_FAILED` (every item failed, or a source refused the key), or `EXIT_FINDINGS`."""
    distinct = [r for r in resolutions if r.duplicate_of is None]
    if refused or (distinct and all(r.status is Status.FAILED for r in distinct)):
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


def _written_key(resolution: Resolution, taken: set[str]) -> str | None:
    """The key an item is written under: its paper's; for a .bib entry that repeats a paper
    another entry already holds, its own key (a draft may \\cite either), unless that key is
    written already; ``None`` when the item is not written."""
    r = resolution
    if r.status is not Status.RESOLVED or r.reference is None or not r.key:
        return None
    if r.duplicate_of is None:
        return r.key
    own = r.query.key
    return own if own is not None and own not in taken else None


def _written(resolutions: Sequence[Resolution]) -> list[tuple[Resolution, str]]:
    """(item, key) of every item written, in input order: each paper once, and again under
    the key of each .bib entry that repeats it, so `--journal-names`, a preset and the
    resolved fields reach every entry the file had."""
    taken = {r.key for r in resolutions if r.key and r.duplicate_of is None}
    written = []
    for resolution in resolutions:
        key = _written_key(resolution, taken)
        if key is not None:
            written.append((resolution, key))
            taken.add(key)
    return written


def _replaced(resolutions: Sequence[Resolution]) -> dict[tuple[str, int], str]:
    """Which input entry (path, line) each written entry replaces."""
    return {
        (r.query.origin.path, r.query.origin.line): key
        for r, key in _written(resolutions)
        if r.query.key is not None
    }


def _entries(resolutions: list[Resolution]) -> list[tuple[str, Any]]:
    """(key, reference) in input order: each paper once, plus the .bib entries repeating it."""
    return [(key, r.reference) for r, key in _written(resolutions)]


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


def _announce(message: str) -> None:
    click.echo(f"bibnorm: {message}", err=True)


def _dump(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
