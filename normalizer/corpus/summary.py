"""The corpus's summary: ``summary.csv`` for analysis, ``summary.html`` for a program chair,
and ``documents/<name>.html``, one page per document.

Both summaries are deterministic: no time, no absolute path, rows in a fixed order (the CSV by
document id; the page worst first — documents citing references no source holds or that do not
match their record, by how many, then by id), so two runs over the same corpus write the same
bytes. Pages are self-contained (inline style, no script, a Content-Security-Policy that loads
nothing), so the folder can be copied or served as it is.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path
from typing import Any

from bibnorm.io import make_folders, write_atomic
from bibnorm.resolve.progress import NO_PROGRESS, Progress

VERDICTS = ("verified", "mismatch", "not_found", "unverifiable")
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
WORST_SHOWN = 3
CSV_COLUMNS = ("document", "path", "venue", "track", "entries", *VERDICTS, "worst_findings", "error")
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


def document_page(document_id: str) -> str:
    """The file name of a document's page: stable, safe whatever characters its id has."""
    return f"documents/{hashlib.sha256(document_id.encode()).hexdigest()[:16]}.html"


def document_row(result: dict[str, Any]) -> dict[str, Any]:
    """What the summaries say of one document: all they need, without its entries."""
    document = result["document"]
    tally = Counter(entry["verdict"] for entry in result["entries"])
    return {
        "document": document["id"],
        "path": document["path"],
        "venue": document["venue"] or "",
        "track": document["track"] or "",
        "entries": len(result["entries"]),
        **{verdict: tally[verdict] for verdict in VERDICTS},
        "worst_findings": "; ".join(worst_findings(result)),
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


def summary_csv(rows: Sequence[dict[str, Any]]) -> str:
    """One row per document, in the order given (by id)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([row[column] for column in CSV_COLUMNS])
    return out.getvalue()


def _flagged(row: dict[str, Any]) -> int:
    return int(row["not_found"] + row["mismatch"])


def summary_html(rows: Sequence[dict[str, Any]]) -> str:
    total = Counter({verdict: sum(row[verdict] for row in rows) for verdict in VERDICTS})
    flagged = sum(1 for row in rows if _flagged(row))
    failed = sum(1 for row in rows if row["error"])
    parts = [_HEAD.format(title="bibnorm: corpus verification")]
    parts.append('<h1>Corpus verification</h1>\n<p class="tally">')
    parts.append(f"<span>{len(rows)} documents</span><span>{sum(total.values())} references</span>")
    parts.append(f"<span>{flagged} documents with references flagged</span>")
    parts.append(f'<span>{failed} documents unreadable</span></p>\n<p class="tally">')
    parts.append("".join(f"<span>{total[v]} {v.replace('_', ' ')}</span>" for v in VERDICTS))
    parts.append("</p>\n<p>Documents citing references no source holds (not found) or that do not match")
    parts.append(" their record (mismatch) come first. Each links to its report.</p>\n<table>\n<thead><tr>")
    parts.append("<th>document</th><th>venue</th><th>refs</th>")
    parts.append("".join(f"<th>{v.replace('_', ' ')}</th>" for v in VERDICTS))
    parts.append("<th>worst findings</th></tr></thead>\n<tbody>\n")
    for row in sorted(rows, key=lambda r: (-r["not_found"], -_flagged(r), r["document"])):
        row_class = "bad" if _flagged(row) or row["error"] else ""
        venue = " / ".join(part for part in (row["venue"], row["track"]) if part)
        worst = escape(row["worst_findings"] or row["error"])
        link = document_page(row["document"])
        parts.append(
            f'<tr class="{row_class}"><td><a href="{link}">{escape(row["document"])}'
            f'</a></td><td>{escape(venue)}</td><td class="n">{row["entries"]}</td>'
            + "".join(f'<td class="n">{row[v]}</td>' for v in VERDICTS)
            + f"<td><code>{worst}</code></td></tr>\n"
        )
    parts.append("</tbody></table>\n</body></html>\n")
    return "".join(parts)


def report_html(result: dict[str, Any]) -> str:
    """One document's page: each entry's verdict, what was read of it, and its findings."""
    document = result["document"]
    parts = [_HEAD.format(title=escape(f"bibnorm: {document['id']}"))]
    parts.append('<p><a href="../summary.html">← corpus summary</a></p>\n')
    parts.append(f"<h1>{escape(document['id'])}</h1>\n<p><code>{escape(document['path'])}</code>")
    parts.append(f" · sha256 <code>{document['sha256'][:16]}</code>")
    parts.append(f" · decision {escape(result['decision'])}</p>\n")
    if result.get("error"):
        parts.append(f'<p class="bad">Could not be read: {escape(result["error"])}</p>\n')
    for note in result.get("notes") or ():
        parts.append(f"<p>Read as: {escape(note)}</p>\n")
    parts.append("<table><thead><tr><th>line</th><th>key</th><th>verdict</th><th>read</th>")
    parts.append("<th>findings</th></tr></thead>\n<tbody>\n")
    for entry in result["entries"]:
        verdict = entry["verdict"]
        row_class = {"mismatch": "bad", "not_found": "bad", "unverifiable": "warn"}.get(verdict, "")
        read = entry.get("read") or {}
        said = escape("; ".join(f"{name}: {_shown(value)}" for name, value in read.items()))
        findings = "<br>".join(
            f"<code>{escape(f['code'])}</code> {escape(f['severity'])}: {escape(f['message'])}"
            for f in entry["findings"]
        ) or escape("; ".join(entry.get("unverifiable_because") or ()))
        parts.append(
            f'<tr class="{row_class}"><td class="n">{entry["line"]}</td><td>{escape(entry["key"])}</td>'
            f"<td>{verdict.replace('_', ' ')}</td><td>{said}</td><td>{findings}</td></tr>\n"
        )
    parts.append("</tbody></table>\n</body></html>\n")
    return "".join(parts)


def _shown(value: object) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def write_summary(
    folder: Path, results: Iterable[dict[str, Any]], progress: Progress = NO_PROGRESS
) -> list[dict[str, Any]]:
    """Each document's page as its result comes (an unchanged page is not rewritten), then
    ``summary.csv`` and ``summary.html``; pages of documents no longer in the corpus are removed.
    Every file is written atomically. Returns the documents' rows, sorted by id."""
    make_folders(folder / "documents")
    rows = []
    pages = set()
    for result in results:
        page = document_page(result["document"]["id"])
        pages.add(page)
        text = report_html(result)
        target = folder / page
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            write_atomic(target, text)
        rows.append(document_row(result))
        progress.advance()
    for stale in sorted((folder / "documents").glob("*.html")):
        if f"documents/{stale.name}" not in pages:
            stale.unlink()
    rows.sort(key=lambda row: row["document"])
    write_atomic(folder / "summary.csv", summary_csv(rows))
    write_atomic(folder / "summary.html", summary_html(rows))
    return rows
