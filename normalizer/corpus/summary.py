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
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

from normalizer.io import make_folders, write_atomic

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


def counts(result: dict[str, Any]) -> Counter[str]:
    return Counter(entry["verdict"] for entry in result["entries"])


def worst_findings(result: dict[str, Any]) -> list[str]:
    """The document's most serious findings, ``CODE key``, errors first, then by line."""
    found = [
        (SEVERITY_RANK.get(finding["severity"], 3), entry["line"], finding["code"], entry["key"])
        for entry in result["entries"]
        for finding in entry["findings"]
    ]
    return [f"{code} {key}" for _, _, code, key in sorted(found)[:WORST_SHOWN]]


def summary_csv(results: Sequence[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for result in results:
        document, tally = result["document"], counts(result)
        writer.writerow(
            [
                document["id"],
                document["path"],
                document["venue"] or "",
                document["track"] or "",
                len(result["entries"]),
                *(tally[verdict] for verdict in VERDICTS),
                "; ".join(worst_findings(result)),
                result.get("error") or "",
            ]
        )
    return out.getvalue()


def _flagged(result: dict[str, Any]) -> int:
    tally = counts(result)
    return tally["not_found"] + tally["mismatch"]


def summary_html(results: Sequence[dict[str, Any]]) -> str:
    total: Counter[str] = Counter()
    for result in results:
        total.update(counts(result))
    flagged = sum(1 for result in results if _flagged(result))
    failed = sum(1 for result in results if result.get("error"))
    entries = sum(total.values())
    parts = [_HEAD.format(title="bibnorm: corpus verification")]
    parts.append('<h1>Corpus verification</h1>\n<p class="tally">')
    parts.append(f"<span>{len(results)} documents</span><span>{entries} references</span>")
    parts.append(f"<span>{flagged} documents with references flagged</span>")
    parts.append(f'<span>{failed} documents unreadable</span></p>\n<p class="tally">')
    parts.append("".join(f"<span>{total[v]} {v.replace('_', ' ')}</span>" for v in VERDICTS))
    parts.append("</p>\n<p>Documents citing references no source holds (not found) or that do not match")
    parts.append(" their record (mismatch) come first. Each links to its report.</p>\n<table>\n<thead><tr>")
    parts.append("<th>document</th><th>venue</th><th>refs</th>")
    parts.append("".join(f"<th>{v.replace('_', ' ')}</th>" for v in VERDICTS))
    parts.append("<th>worst findings</th></tr></thead>\n<tbody>\n")
    ordered = sorted(results, key=lambda r: (-counts(r)["not_found"], -_flagged(r), r["document"]["id"]))
    for result in ordered:
        document, tally = result["document"], counts(result)
        row_class = "bad" if _flagged(result) or result.get("error") else ""
        venue = " / ".join(part for part in (document["venue"], document["track"]) if part)
        worst = escape("; ".join(worst_findings(result)) or (result.get("error") or ""))
        parts.append(
            f'<tr class="{row_class}"><td><a href="{document_page(document["id"])}">{escape(document["id"])}'
            f'</a></td><td>{escape(venue)}</td><td class="n">{len(result["entries"])}</td>'
            + "".join(f'<td class="n">{tally[v]}</td>' for v in VERDICTS)
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


def write_summary(folder: Path, results: Sequence[dict[str, Any]]) -> None:
    """``summary.csv``, ``summary.html`` and the document pages (pages of documents no longer in
    the corpus removed), each written atomically."""
    make_folders(folder / "documents")
    pages = {document_page(result["document"]["id"]): result for result in results}
    for stale in sorted((folder / "documents").glob("*.html")):
        if f"documents/{stale.name}" not in pages:
            stale.unlink()
    for page, result in pages.items():
        text = report_html(result)
        target = folder / page
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            write_atomic(target, text)
    write_atomic(folder / "summary.csv", summary_csv(results))
    write_atomic(folder / "summary.html", summary_html(results))
