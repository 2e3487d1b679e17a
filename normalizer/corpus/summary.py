"""The corpus's summary: ``summary.csv`` for analysis, ``summary.html`` for a program chair,
``documents/<name>.html``, one page per document, and the files a job writes beside each result
(resolve's ``bib/<name>.bib``). What they count is the job's `Tally`: verify's verdicts
(`VERIFY_TALLY`), resolve's statuses (`bibnorm.corpus.resolving.RESOLVE_TALLY`).

Both summaries are deterministic: no time, no absolute path, rows in a fixed order (the CSV by
document id; the page worst first — for verify, documents citing references no source holds or
that do not match their record, by how many, then by id), so two runs over the same corpus
write the same bytes. Pages are self-contained (inline style, no script, a Content-Security-Policy that loads
nothing), so the folder can be copied or served as it is.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any, NamedTuple

from bibnorm.corpus.owned import SUMMARIES, OwnFiles
from bibnorm.corpus.store import Settled
from bibnorm.resolve.progress import NO_PROGRESS, Progress

VERDICTS = ("verified", "mismatch", "not_found", "unverifiable")
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
WORST_SHOWN = 3
_HEAD = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
    '<meta http-equiv="Content-Security-Policy"'
    " content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title}</title>\n<style>\n'
    "body{{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}}"
    "table{{border-collapse:collapse;width:100%}}th,td{{border-bottom:1px solid #ddd;padding:.3em .5em;"
    "text-align:left;vertical-align:top}}th{{background:#f4f4f4;position:sticky;top:0}}"
    "td.n{{text-align:right;font-variant-numeric:tabular-nums}}.bad{{background:#fde8e8}}"
    ".warn{{background:#fff6e0}}.ok{{color:#2a7d2a}}code{{font-size:90%}}"
    ".tally span{{display:inline-block;margin-right:1.5em;font-size:120%}}\n</style></head><body>\n"
)


@dataclass(frozen=True)
class Tally:
    """What a kind of corpus run counts per document and how its summaries and pages show it
    (verify's verdicts, resolve's statuses): one summary writer for every command."""

    name: str  # the page's heading: "Corpus verification"
    phase: str  # the progress phase documents are done in: "verify"
    field: str  # the entry field counted: "verdict"
    outcomes: tuple[str, ...]  # its values, in the columns' order
    flagged: tuple[str, ...]  # the outcomes that put a document first, the weightiest first
    flagged_label: str  # "documents with references flagged"
    explained: str  # the sentence above the table
    worst_column: str  # the column naming the document's worst entries
    worst: Callable[[dict[str, Any]], list[str]]
    entry_head: tuple[str, ...]  # the columns of a document's page
    entry_cells: Callable[[dict[str, Any]], tuple[str, str]]  # an entry's row class and cells (HTML)
    files: Callable[[dict[str, Any]], dict[str, str]] = lambda _: {}  # written beside a result, by name
    folders: tuple[str, ...] = ()  # where those files go (their stale ones are removed)

    def csv_columns(self) -> tuple[str, ...]:
        return ("document", "path", "venue", "track", "entries", *self.outcomes, self.worst_column, "error")

    def flagged_count(self, row: dict[str, Any]) -> int:
        return int(sum(row[outcome] for outcome in self.flagged))

    def order(self, row: dict[str, Any]) -> tuple[int, int, str]:
        """The summary page's order: the weightiest outcome, then all flagged, then the id."""
        return (-row[self.flagged[0]], -self.flagged_count(row), row["document"])


def document_page(document_id: str) -> str:
    """The file name of a document's page: stable, safe whatever characters its id has."""
    return f"documents/{hashlib.sha256(document_id.encode()).hexdigest()[:16]}.html"


def document_row(result: dict[str, Any], tally: Tally) -> dict[str, Any]:
    """What the summaries say of one document: all they need, without its entries."""
    document = result["document"]
    counted = Counter(entry[tally.field] for entry in result["entries"])
    return {
        "document": document["id"],
        "path": document["path"],
        "venue": document["venue"] or "",
        "track": document["track"] or "",
        "entries": len(result["entries"]),
        **{outcome: counted[outcome] for outcome in tally.outcomes},
        tally.worst_column: "; ".join(tally.worst(result)),
        "error": result.get("error") or "",
    }


def worst_findings(result: dict[str, Any]) -> list[str]:
    """The document's most serious findings, ``CODE key``, errors first, then by line."""
    found = [
        (SEVERITY_RANK.get(finding["severity"], 3), entry["line"], finding["code"], entry["key"])
        for entry in result["entries"]
        for finding in entry["findings"]
    ]
    return [f"{code} {key}" for _, _, code, key in sorted(found)[:WORST_SHOWN]]


def summary_csv(rows: Sequence[dict[str, Any]], tally: Tally) -> str:
    """One row per document, in the order given (by id)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = tally.csv_columns()
    writer.writerow(columns)
    for row in rows:
        writer.writerow([inert_cell(row[column]) for column in columns])
    return out.getvalue()


# What makes a spreadsheet read a cell as a formula (and ``\t``/``\r`` that hide such a start).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: one starting like a formula gets a leading ``'``
    (OWASP's advice for CSV injection); numbers as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _label(outcome: str) -> str:
    return outcome.replace("_", " ")


def summary_html(rows: Sequence[dict[str, Any]], tally: Tally) -> str:
    """The corpus's page: its tallies, then one row a document in the tally's order."""
    body = "".join(_summary_row(row, tally) for row in sorted(rows, key=tally.order))
    return _summary_head(rows, tally) + body + "</tbody></table>\n</body></html>\n"


def _summary_head(rows: Sequence[dict[str, Any]], tally: Tally) -> str:
    """The page up to its table's body: the counts of documents and of each outcome, what they
    mean, the table's head."""
    total = Counter({outcome: sum(row[outcome] for row in rows) for outcome in tally.outcomes})
    flagged = sum(1 for row in rows if tally.flagged_count(row))
    failed = sum(1 for row in rows if row["error"])
    parts = [_HEAD.format(title=f"bibnorm: {tally.name.lower()}")]
    parts.append(f'<h1>{tally.name}</h1>\n<p class="tally">')
    parts.append(f"<span>{len(rows)} documents</span><span>{sum(total.values())} references</span>")
    parts.append(f"<span>{flagged} {tally.flagged_label}</span>")
    parts.append(f'<span>{failed} documents unreadable</span></p>\n<p class="tally">')
    parts.append("".join(f"<span>{total[o]} {_label(o)}</span>" for o in tally.outcomes))
    parts.append(f"</p>\n<p>{tally.explained}</p>\n<table>\n<thead><tr>")
    parts.append("<th>document</th><th>venue</th><th>refs</th>")
    parts.append("".join(f"<th>{_label(o)}</th>" for o in tally.outcomes))
    parts.append(f"<th>{_label(tally.worst_column)}</th></tr></thead>\n<tbody>\n")
    return "".join(parts)


def _summary_row(row: dict[str, Any], tally: Tally) -> str:
    """A document's row: its page's link, venue, counts and worst findings (else its error)."""
    row_class = "bad" if tally.flagged_count(row) or row["error"] else ""
    venue = " / ".join(part for part in (row["venue"], row["track"]) if part)
    worst = escape(row[tally.worst_column] or row["error"])
    link = document_page(row["document"])
    return (
        f'<tr class="{row_class}"><td><a href="{link}">{escape(row["document"])}'
        f'</a></td><td>{escape(venue)}</td><td class="n">{row["entries"]}</td>'
        + "".join(f'<td class="n">{row[o]}</td>' for o in tally.outcomes)
        + f"<td><code>{worst}</code></td></tr>\n"
    )


def report_html(result: dict[str, Any], tally: Tally) -> str:
    """One document's page: each entry's outcome, what was read of it, and why."""
    document = result["document"]
    parts = [_HEAD.format(title=escape(f"bibnorm: {document['id']}"))]
    parts.append('<p><a href="../summary.html">← corpus summary</a></p>\n')
    parts.append(f"<h1>{escape(document['id'])}</h1>\n<p><code>{escape(document['path'])}</code>")
    parts.append(f" · sha256 <code>{document['sha256'][:16]}</code>")
    parts.append(f" · decision {escape(result['decision'])}")
    for name in sorted(tally.files(result)):
        parts.append(f' · <a href="../{escape(name)}">{escape(Path(name).suffix.lstrip("."))}</a>')
    parts.append("</p>\n")
    if result.get("error"):
        parts.append(f'<p class="bad">Could not be read: {escape(result["error"])}</p>\n')
    for note in result.get("notes") or ():
        parts.append(f"<p>Read as: {escape(note)}</p>\n")
    parts.append("<table><thead><tr>" + "".join(f"<th>{name}</th>" for name in tally.entry_head))
    parts.append("</tr></thead>\n<tbody>\n")
    for entry in result["entries"]:
        row_class, cells = tally.entry_cells(entry)
        parts.append(f'<tr class="{row_class}">{cells}</tr>\n')
    parts.append("</tbody></table>\n</body></html>\n")
    return "".join(parts)


def shown(value: object) -> str:
    """A value of what was read, as a page shows it (a list comma-separated)."""
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def read_cell(entry: dict[str, Any]) -> str:
    """What was read of an entry (what it gave: no empty field), as one cell's HTML."""
    read = entry.get("read") or {}
    said = [f"{name}: {shown(value)}" for name, value in read.items() if value not in (None, "", [])]
    return escape("; ".join(said))


def _verify_cells(entry: dict[str, Any]) -> tuple[str, str]:
    verdict = entry["verdict"]
    row_class = {"mismatch": "bad", "not_found": "bad", "unverifiable": "warn"}.get(verdict, "")
    findings = "<br>".join(
        f"<code>{escape(f['code'])}</code> {escape(f['severity'])}: {escape(f['message'])}"
        for f in entry["findings"]
    ) or escape("; ".join(entry.get("unverifiable_because") or ()))
    return row_class, (
        f'<td class="n">{entry["line"]}</td><td>{escape(entry["key"])}</td>'
        f"<td>{_label(verdict)}</td><td>{read_cell(entry)}</td><td>{findings}</td>"
    )


VERIFY_TALLY = Tally(
    name="Corpus verification",
    phase="verify",
    field="verdict",
    outcomes=VERDICTS,
    flagged=("not_found", "mismatch"),
    flagged_label="documents with references flagged",
    explained=(
        "Documents citing references no source holds (not found) or that do not match"
        " their record (mismatch) come first. Each links to its report."
    ),
    worst_column="worst_findings",
    worst=worst_findings,
    entry_head=("line", "key", "verdict", "read", "findings"),
    entry_cells=_verify_cells,
)


def document_files(result: dict[str, Any], tally: Tally) -> dict[str, str]:
    """The files beside a document's result, by name under the results folder: its page, and the
    job's own (resolve's ``.bib``)."""
    return {document_page(result["document"]["id"]): report_html(result, tally), **tally.files(result)}


def write_document_files(own: OwnFiles, files: dict[str, str]) -> None:
    """A document's files into the results folder (an unchanged file is not rewritten; one no
    run wrote is left alone, `OwnFiles`)."""
    for name, text in files.items():
        own.write(name, text, unless_same=True)


class WrittenNow(NamedTuple):
    """A document this run did: the names of the files it wrote beside the result, and its row."""

    files: frozenset[str]
    row: dict[str, Any]


def write_summary(
    own: OwnFiles,
    results: Iterable[Settled],
    tally: Tally,
    progress: Progress = NO_PROGRESS,
    written: dict[str, WrittenNow] | None = None,
) -> list[dict[str, Any]]:
    """Each document's page and files as its result comes, unless this run wrote them already
    (``written``, by document id: a result this run wrote comes without its parse), then
    ``summary.csv`` and ``summary.html``; pages and files of documents no longer in the corpus are
    removed (those a run wrote: `OwnFiles`). Every file is written atomically. Returns the
    documents' rows, sorted by id."""
    folders = ("documents", *tally.folders)
    for name in folders:
        own.make_folder(name)
    kept: set[str] = set()
    rows = []
    for settled in results:
        now = (written or {}).get(settled.key[0])
        if now is not None:
            kept |= now.files
            rows.append(now.row)
        else:  # a result an earlier run wrote: its files are made again (the same, or mended)
            result = settled.result()
            files = document_files(result, tally)
            write_document_files(own, files)
            kept |= set(files)
            rows.append(document_row(result, tally))
        progress.advance()
    for name in folders:
        own.tidy(name, kept)
    rows.sort(key=lambda row: row["document"])
    csv_name, html_name = SUMMARIES
    own.write(csv_name, summary_csv(rows, tally))
    own.write(html_name, summary_html(rows, tally))
    return rows
