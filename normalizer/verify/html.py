"""``bibnorm verify --html``: the verdicts as one page a reviewer reads at a glance.

One self-contained file: styles are inline, no font, image or script is loaded from anywhere
(a Content-Security-Policy forbids it, so even a link in a title cannot load), nothing needs
JavaScript, and it reads the same printed (filters hidden, link targets spelt out). At the top,
the summary: counts per verdict, the sources asked (with their requests) and those that were
down; with ``--tex``, the draft audit (cited keys no entry holds, BN791; entries never cited,
BN792). Then the entries, problems first: those with errors, then those with warnings (each
group in file order, every card open), then the verified ones, one line each (a
``<details>`` that opens on a click). The filters are links to anchors (``#show-errors``,
``#show-mismatch``...): CSS's ``:target`` shows the chosen cards, with no script. A card holds

- the cited fields beside the record's (the record found, or, when the entry's DOI or arXiv id
  names another paper, BN702/BN704, that paper's record), rows with a finding marked: in titles
  and venues the differing words highlighted, in author lists the authors missing, extra or in
  another place (family names compared: initials and spelling of given names are no difference);
- each finding with its code, severity, message and what the code means;
- the entry as the record found would write it (BibTeX, through the writer of ``resolve``), to
  copy; never from a record of another paper;
- what was read from the entry or reference (its ``read`` block: every field, kind, page and
  line), so a reviewer sees why an item did not resolve;
- links to the paper on arXiv, doi.org, dblp and Semantic Scholar (the record's own page
  where its identifiers are known, else a search for its title).

Rendering is pure: the same outcome always gives the same page.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from html import escape
from urllib.parse import quote, quote_plus

from bibnorm.models import Person, Reference, Severity
from bibnorm.text.names import parse_name
from bibnorm.verify.audit import AuditLine, TexAudit
from bibnorm.verify.claims import Claim
from bibnorm.verify.codes import ALL_CODES, VerifyFinding
from bibnorm.verify.judge import EntryVerdict, Matched, Verdict
from bibnorm.verify.read_html import READ_STYLE, render_read
from bibnorm.verify.run import VerifyOutcome
from bibnorm.writers import WriterOptions, get_writer

VERDICT_LABELS = {
    Verdict.VERIFIED: "verified",
    Verdict.MISMATCH: "mismatch",
    Verdict.NOT_FOUND: "not found",
    Verdict.UNVERIFIABLE: "unverifiable",
}
VERDICT_MEANING = {
    Verdict.VERIFIED: "the paper exists and every claim agrees with its record",
    Verdict.MISMATCH: "the paper exists but a claim is wrong",
    Verdict.NOT_FOUND: "every source answered and none holds the paper",
    Verdict.UNVERIFIABLE: "a source that was needed could not be asked",
}
UNVERIFIABLE_CODE = ("BN700", "the entry could not be verified: a source it needed could not be asked")
# A card's rows, by the field names findings use, and how each row is labelled.
FIELDS = ("title", "author", "year", "venue", "doi", "eprint")
FIELD_LABELS = {
    "title": "title",
    "author": "authors",
    "year": "year",
    "venue": "venue",
    "doi": "DOI",
    "eprint": "arXiv",
}
_WORD = re.compile(r"\w+", re.UNICODE)


# The groups of cards, problems first: (name, heading, anchor of its filter).
GROUPS = (
    ("errors", "Errors", "show-errors"),
    ("warnings", "Warnings", "show-warnings"),
    ("verified", "Verified", "show-verified"),
)


def render_report(
    outcome: VerifyOutcome, *, files: Sequence[str], generated: date, audit: TexAudit | None = None
) -> str:
    """The whole HTML page for one ``verify`` run (and its ``--tex`` audit, when given)."""
    counts = Counter(verdict.verdict for verdict in outcome.verdicts)
    groups: dict[str, list[str]] = {name: [] for name, _, _ in GROUPS}
    for number, verdict in enumerate(outcome.verdicts, start=1):
        other = outcome.id_records.get((verdict.path, verdict.line))
        groups[group_of(verdict)].append(_card(number, verdict, other))
    sections = "\n".join(
        f'<section class="group {name}" aria-label="{heading.lower()}">'
        f"<h2>{heading} ({len(groups[name])})</h2>" + "\n".join(groups[name]) + "</section>"
        for name, heading, _ in GROUPS
        if groups[name]
    )
    return _PAGE.format(
        title=escape(f"bibnorm verify: {', '.join(files)}"),
        files=escape(", ".join(files)),
        generated=generated.isoformat(),
        style=_STYLE + READ_STYLE,
        summary=_summary(outcome, counts) + (_audit(audit) if audit is not None else ""),
        filters=_filters(counts, {name: len(cards) for name, cards in groups.items()}, len(outcome.verdicts)),
        cards=sections or '<p class="empty">No entries.</p>',
    )


def group_of(verdict: EntryVerdict) -> str:
    """``errors``, ``warnings`` or ``verified``: where the entry's card goes."""
    severities = {finding.severity for finding in verdict.findings}
    if verdict.verdict in (Verdict.MISMATCH, Verdict.NOT_FOUND) or Severity.ERROR in severities:
        return "errors"
    if verdict.verdict is Verdict.UNVERIFIABLE or Severity.WARNING in severities:
        return "warnings"
    return "verified"


# --- the summary ---------------------------------------------------------------------------


def _summary(outcome: VerifyOutcome, counts: Counter[Verdict]) -> str:
    tiles = "".join(
        f'<div class="tile {verdict.value}"><span class="count">{counts[verdict]}</span>'
        f'<span class="label">{VERDICT_LABELS[verdict]}</span>'
        f'<span class="meaning">{VERDICT_MEANING[verdict]}</span></div>'
        for verdict in Verdict
    )
    asked = (
        ", ".join(
            f"{escape(source)} ({_plural(outcome.requests.get(source, 0), 'request')})"
            if source in outcome.requests or source not in ("lock", "snapshot")
            else escape(source)
            for source in outcome.asked
        )
        or "none"
    )
    down = "".join(
        f"<li><b>{escape(source)}</b>: {escape(why)}</li>"
        for source, why in sorted(outcome.sources_down.items())
    )
    down_part = (
        f'<div class="down"><b>Down during this run</b> (their entries are unverifiable, never "not '
        f'found"):<ul>{down}</ul></div>'
        if down
        else '<p class="sources">No source was down.</p>'
    )
    return (
        f'<section class="summary" aria-label="summary"><div class="tiles">{tiles}</div>'
        f'<p class="sources"><b>{_plural(len(outcome.verdicts), "entry")}</b>; sources asked: {asked}.</p>'
        f"{down_part}</section>"
    )


def _audit(audit: TexAudit) -> str:
    """The draft audit: each cited key no entry holds and each entry never cited, with its place."""

    def items(lines: Sequence[AuditLine]) -> str:
        return "".join(
            f'<li><b>{escape(line.key)}</b> <span class="where">{escape(line.path)}:{line.line}</span>'
            f'<ul class="findings">{_finding(line.finding)}</ul></li>'
            for line in lines
        )

    parts = [
        f'<p class="sources"><b>{escape(audit.document)}</b>: {_plural(len(audit.cited), "entry")} cited, '
        f"{_plural(len(audit.missing), 'cited key')} without an entry, "
        f"{_plural(len(audit.uncited), 'entry')} never cited.</p>"
    ]
    if audit.missing:
        parts.append(f"<h2>Cited, but no entry has the key</h2><ul>{items(audit.missing)}</ul>")
    if audit.uncited:
        parts.append(f"<h2>Entries never cited</h2><ul>{items(audit.uncited)}</ul>")
    return f'<section class="audit" aria-label="draft audit">{"".join(parts)}</section>'


# The verdicts with a filter of their own (the verified ones have their group's).
_PROBLEMS = (Verdict.MISMATCH, Verdict.NOT_FOUND, Verdict.UNVERIFIABLE)


def _filters(counts: Counter[Verdict], groups: dict[str, int], total: int) -> str:
    """Links to the anchors whose ``:target`` shows one group or one verdict (no script)."""
    links = [f'<a href="#all" data-filter="all">all ({total})</a>']
    links += [
        f'<a href="#{anchor}" data-filter="{name}" class="{name}">{heading.lower()} ({groups[name]})</a>'
        for name, heading, anchor in GROUPS
    ]
    links.append('<span class="by">problems by verdict:</span>')
    links += [
        f'<a href="#show-{verdict.value}" data-filter="{verdict.value}" class="{verdict.value}">'
        f"{VERDICT_LABELS[verdict]} ({counts[verdict]})</a>"
        for verdict in _PROBLEMS
    ]
    targets = "".join(
        f'<span class="target" id="{anchor}"></span>'
        for anchor in [a for _, _, a in GROUPS] + [f"show-{v.value}" for v in _PROBLEMS]
    )
    return f'{targets}<nav class="filters" aria-label="filter">Show: {"".join(links)}</nav>'


# --- one card per entry ----------------------------------------------------------------------


def _card(number: int, verdict: EntryVerdict, other: Matched | None = None) -> str:
    claim = verdict.claim
    # An unreadable block has no claim, only its verdict.
    table = _fields_table(claim, verdict, other) if claim is not None else ""
    title = claim.title if claim is not None and claim.title else verdict.key
    value = verdict.verdict.value
    group = group_of(verdict)
    head = (
        f'<span class="badge {value}">{VERDICT_LABELS[verdict.verdict]}</span> '
        f'<span class="key">{escape(verdict.key)}</span> '
        f'<span class="where">{escape(verdict.path)}:{verdict.line}</span>'
    )
    read = render_read(claim.read() if claim is not None else verdict.unclaimed, in_table=bool(table))
    body = f"{table}{read}{_findings(verdict)}{_suggestion(verdict)}{_links(claim, verdict)}"
    attributes = f'class="card {value} {group}" data-verdict="{value}" id="entry-{number}"'
    if group == "verified":
        return (
            f'<details {attributes}><summary>{head} <span class="title">{escape(title)}</span></summary>'
            f"{body}</details>"
        )
    return f"<article {attributes}><header>{head}<h3>{escape(title)}</h3></header>{body}</article>"


def _fields_table(claim: Claim, verdict: EntryVerdict, other: Matched | None) -> str:
    """The claimed fields beside the record's (the one found, or the one the entry's identifier
    names), the fields that differ flagged."""
    shown = verdict.matched or other
    record = shown.record if shown is not None else None
    flagged = {finding.field for finding in verdict.findings}
    source = shown.source if shown is not None else None
    if verdict.matched is None and other is not None:
        record_head = f"the paper its identifier names ({escape(other.source)})"
        # Another paper: what differs is its title, authors..., not the id.
        flagged = {
            name
            for name in FIELDS
            if _cited(name, claim).casefold() != _held(name, other.record, other).casefold()
        }
    else:
        record_head = f"record ({escape(source)})" if source else "record"
    rows = "".join(_row(name, claim, record, shown, name in flagged) for name in FIELDS)
    return (
        '<table class="fields">'
        f'<thead><tr><th scope="col"></th><th scope="col">cited</th>'
        f'<th scope="col">{record_head}</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def _suggestion(verdict: EntryVerdict) -> str:
    """The entry as the record found writes it, to copy: for a problem, from the paper's own record,
    its venue the authoritative one (`bibnorm.verify.venues.with_authoritative_venue`)."""
    matched = verdict.matched
    if matched is None or matched.record is None or group_of(verdict) == "verified":
        return ""
    text = get_writer("bibtex").write([(verdict.key, matched.record)], WriterOptions())
    venue_from = matched.record.provenance.get("venue")
    venue = f", its venue from {escape(venue_from)}'s" if venue_from and venue_from != matched.source else ""
    return (
        f'<details class="suggestion" open><summary>Suggested entry, from {escape(matched.source)}\'s '
        f"record{venue} (check it before you copy it)</summary><pre>{escape(text.strip())}</pre></details>"
    )


def _row(name: str, claim: Claim, record: Reference | None, shown: Matched | None, flagged: bool) -> str:
    """One field's row: the cited value beside the record's (empty when neither has one)."""
    cited = _cited(name, claim)
    held = _held(name, record, shown)
    if not cited and not held:
        return ""
    if flagged and name == "author" and record is not None and claim.authors:
        cells = _author_cells(list(claim.authors), list(record.authors), claim.and_others)
    elif flagged:
        cells = (_mark(cited, held), _mark(held, cited))
    else:
        cells = (escape(cited), escape(held))
    if not flagged and cited == held:  # one value both say: written once, across both columns
        return f'<tr><th scope="row">{FIELD_LABELS[name]}</th><td colspan="2">{cells[0]}</td></tr>'
    filled = [cell or '<span class="none">—</span>' for cell in cells]
    differs = ' class="differs"' if flagged else ""
    return (
        f'<tr{differs}><th scope="row">{FIELD_LABELS[name]}</th><td>{filled[0]}</td><td>{filled[1]}</td></tr>'
    )


def _family(person: Person) -> str:
    """A family name folded for comparison: no accents, case or punctuation."""
    text = unicodedata.normalize("NFKD", person.family or person.literal)
    return "".join(ch for ch in text if ch.isalnum()).casefold()


def _author_cells(cited: list[str], held: Sequence[Person], and_others: bool) -> tuple[str, str]:
    """Both author lists, each name marked by what differs: ``extra`` (cited, not in the record),
    ``missing`` (in the record, not cited), ``moved`` (in both, at another place, the other
    place said). Given names and initials are not compared: only which families, in which order."""
    cited_families = [_family(parse_name(name)) for name in cited]
    held_families = [_family(person) for person in held]

    def place(family: str, families: list[str]) -> int | None:
        return families.index(family) + 1 if family and family in families else None

    def shown(names: list[str], families: list[str], others: list[str], absent: str) -> str:
        items = []
        for position, (name, family) in enumerate(zip(names, families, strict=True), start=1):
            there = place(family, others)
            if there is None:
                if absent == "missing" and and_others and position > len(others):
                    items.append(f'<li class="name">{escape(name)}</li>')  # behind "and others"
                    continue
                items.append(f'<li class="name {absent}" title="{absent}"><mark>{escape(name)}</mark></li>')
            elif there != position:
                items.append(
                    f'<li class="name moved" title="moved"><mark>{escape(name)}</mark> '
                    f'<span class="at">({_ordinal(position)} here, {_ordinal(there)} there)</span></li>'
                )
            else:
                items.append(f'<li class="name">{escape(name)}</li>')
        if absent == "extra" and and_others:
            items.append('<li class="name">and others</li>')
        return f'<ol class="names">{"".join(items)}</ol>'

    held_names = [person.display() for person in held]
    return (
        shown(cited, cited_families, held_families, "extra"),
        shown(held_names, held_families, cited_families, "missing"),
    )


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _cited(name: str, claim: Claim) -> str:
    if name == "title":
        return claim.title
    if name == "author":
        return "; ".join(claim.authors) + ("; and others" if claim.and_others else "")
    if name == "year":
        return str(claim.year) if claim.year else ""
    if name == "venue":
        return claim.venue or ""
    if name == "doi":
        return claim.doi or ""
    if claim.arxiv_id:
        return claim.arxiv_id + (f"v{claim.arxiv_version}" if claim.arxiv_version else "")
    return ""


def _held(name: str, record: Reference | None, matched: Matched | None) -> str:
    """What the matched record holds in the row ``name`` (title, author, year, venue, doi, eprint)."""
    if record is None:
        if matched is None:
            return ""
        # Verified earlier and pinned in the lock: only what the lock recorded.
        pinned = {"title": matched.title, "doi": matched.doi or "", "eprint": matched.arxiv_id or ""}
        return pinned.get(name, "")
    return _RECORD_ROWS.get(name, _record_eprint)(record)


def _record_eprint(record: Reference) -> str:
    if not record.ids.arxiv_id:
        return ""
    return record.ids.arxiv_id + (f"v{record.ids.arxiv_version}" if record.ids.arxiv_version else "")


_RECORD_ROWS: dict[str, Callable[[Reference], str]] = {
    "title": lambda record: record.title,
    "author": lambda record: "; ".join(person.display() for person in record.authors),
    "year": lambda record: str(record.issued.year) if record.issued else "",
    "venue": lambda record: record.venue or ("arXiv (preprint)" if record.entry_type == "preprint" else ""),
    "doi": lambda record: record.ids.doi or "",
}


def _mark(text: str, other: str) -> str:
    """``text`` escaped, its words that ``other`` lacks in ``<mark>`` (all of it, as one, when they
    share no word)."""
    if not text:
        return ""
    theirs = {word.casefold() for word in _WORD.findall(other)}
    if not any(word.casefold() in theirs for word in _WORD.findall(text)):
        return f"<mark>{escape(text)}</mark>"  # nothing in common: the whole value differs
    pieces = []
    last = 0
    for match in _WORD.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        word = match.group()
        pieces.append(f"<mark>{escape(word)}</mark>" if word.casefold() not in theirs else escape(word))
        last = match.end()
    pieces.append(escape(text[last:]))
    return "".join(pieces)


def _findings(verdict: EntryVerdict) -> str:
    items = [_finding(finding) for finding in verdict.findings]
    if verdict.verdict is Verdict.UNVERIFIABLE:
        why = ", ".join(verdict.unverifiable_because) or "no source could be asked"
        code, meaning = UNVERIFIABLE_CODE
        items.append(
            f'<li><code>{code}</code> <span class="sev warning">warning</span> could not be verified '
            f'({escape(why)})<div class="why">{code}: {escape(meaning)}</div></li>'
        )
    if not items:
        return ""
    return f'<ul class="findings">{"".join(items)}</ul>'


def _finding(finding: VerifyFinding) -> str:
    check = ALL_CODES.get(finding.code)
    meaning = (
        f'<div class="why">{finding.code} {escape(check.name)}: {escape(check.summary)}</div>'
        if check
        else ""
    )
    detail = ""
    if finding.expected is not None or finding.found is not None:
        parts = []
        if finding.found is not None:
            parts.append(f"cited: <q>{escape(finding.found)}</q>")
        if finding.expected is not None:
            parts.append(f"{escape(finding.source or 'record')}: <q>{escape(finding.expected)}</q>")
        detail = f'<div class="detail">{"; ".join(parts)}</div>'
    severity = finding.severity.value
    return (
        f'<li><code>{finding.code}</code> <span class="sev {severity}">{severity}</span> '
        f"{escape(finding.message)}{detail}{meaning}</li>"
    )


def _links(claim: Claim | None, verdict: EntryVerdict) -> str:
    matched = verdict.matched
    record = matched.record if matched is not None else None
    links = list(_link_targets(record, *_looked_up(matched, claim)))
    if not links:
        return ""
    anchors = " · ".join(
        f'<a href="{escape(url)}" rel="noreferrer">{escape(label)}</a>' for label, url in links
    )
    return f'<p class="links">{anchors}</p>'


def _looked_up(matched: Matched | None, claim: Claim | None) -> tuple[str | None, str | None, str | None]:
    """The arXiv id, DOI and title the links look up: the matched record's (what the lock pinned,
    for an entry verified earlier), the claimed title where it has none; with nothing matched,
    what the entry itself claims."""
    if matched is None:
        return (claim.arxiv_id, claim.doi, claim.title) if claim is not None else (None, None, None)
    record = matched.record
    arxiv_id = (record.ids.arxiv_id if record else None) or matched.arxiv_id
    doi = (record.ids.doi if record else None) or matched.doi
    title = (record.title if record else None) or matched.title or (claim.title if claim else None)
    return arxiv_id, doi, title


def _link_targets(
    record: Reference | None, arxiv_id: str | None, doi: str | None, title: str | None
) -> Iterable[tuple[str, str]]:
    if arxiv_id:
        yield "arXiv", f"https://arxiv.org/abs/{quote(arxiv_id)}"
    if doi:
        yield "DOI", f"https://doi.org/{quote(doi, safe='/')}"
    if record is not None and record.ids.dblp:
        yield "dblp", f"https://dblp.org/rec/{quote(record.ids.dblp)}"
    elif title:
        yield "dblp search", f"https://dblp.org/search?q={quote_plus(title)}"
    if record is not None and record.ids.s2_paper_id:
        yield "Semantic Scholar", f"https://www.semanticscholar.org/paper/{quote(record.ids.s2_paper_id)}"
    elif title:
        yield "Semantic Scholar search", f"https://www.semanticscholar.org/search?q={quote_plus(title)}"


def _plural(count: int, noun: str) -> str:
    if count == 1:
        return f"1 {noun}"
    return f"{count} {noun[:-1]}ies" if noun.endswith("y") else f"{count} {noun}s"


# --- the page ----------------------------------------------------------------------------------

_STYLE = """
:root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --ink: #1f2328; --muted: #59636e;
  --line: #d1d9e0; --paper: #ffffff; --soft: #f6f8fa; --mark: #ffd8b5; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; color: var(--ink); background: var(--paper);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
.meta { color: var(--muted); margin: 0 0 1rem; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: .75rem; }
.audit { margin-top: 1rem; }
.audit h2 { font-size: 1.05rem; margin: .8rem 0 .3rem; }
.tile { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: .6rem .8rem; }
.tile .count { display: block; font-size: 1.8rem; font-weight: 700; }
.tile .label { display: block; font-weight: 600; }
.tile .meaning { display: block; color: var(--muted); font-size: .85rem; }
.verified { border-color: var(--ok); } .mismatch, .not_found { border-color: var(--bad); }
.unverifiable { border-color: var(--warn); }
.sources { margin: .75rem 0 0; }
.down { margin-top: .75rem; padding: .6rem .8rem; border: 1px solid var(--warn); border-radius: 6px;
  background: #fff8c5; }
.down ul { margin: .3rem 0 0; }
.filters { position: sticky; top: 0; background: var(--paper); padding: .75rem 0; margin: 1rem 0 .5rem;
  border-bottom: 1px solid var(--line); z-index: 1; }
.filters a { display: inline-block; margin: 0 .25rem .25rem 0; padding: .15rem .7rem; border-radius: 999px;
  border: 1px solid var(--line); border-left-width: 4px; background: var(--soft); color: var(--ink);
  text-decoration: none; }
.filters a.errors { border-left-color: var(--bad); } .filters a.warnings { border-left-color: var(--warn); }
.filters .by { color: var(--muted); margin: 0 .4rem 0 .6rem; }
.target { display: block; height: 0; }
.group > h2 { font-size: 1.15rem; margin: 1.2rem 0 .4rem; }
.card { border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: 6px;
  padding: .8rem 1rem; margin: .9rem 0; break-inside: avoid; }
.card.verified { border-left-color: var(--ok); }
.card.mismatch, .card.not_found { border-left-color: var(--bad); }
.card.unverifiable { border-left-color: var(--warn); }
.card h3 { font-size: 1.05rem; margin: .3rem 0 .5rem; }
details.card { padding: .3rem 1rem; margin: .25rem 0; }
details.card > summary { cursor: pointer; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
details.card[open] > summary { white-space: normal; margin-bottom: .4rem; }
details.card .title { margin-left: .4rem; }
.suggestion { margin: .6rem 0 0; }
.suggestion > summary { cursor: pointer; font-weight: 600; }
.suggestion pre { margin: .3rem 0 0; padding: .5rem .7rem; background: var(--soft); border-radius: 4px;
  overflow-x: auto; font: .85rem/1.4 ui-monospace, "DejaVu Sans Mono", monospace; user-select: all; }
ol.names { margin: 0; padding-left: 1.4rem; }
ol.names li.extra mark, ol.names li.missing mark { background: #ffcecb; }
ol.names li.moved mark { background: var(--mark); }
ol.names .at { color: var(--muted); font-size: .85rem; }
.badge { display: inline-block; padding: 0 .5rem; border-radius: 4px; color: #fff; font-weight: 600;
  font-size: .85rem; }
.badge.verified { background: var(--ok); } .badge.mismatch, .badge.not_found { background: var(--bad); }
.badge.unverifiable { background: var(--warn); }
.key { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-weight: 600; }
.where { color: var(--muted); font-size: .85rem; }
table.fields { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.fields th, table.fields td { text-align: left; vertical-align: top; padding: .25rem .5rem;
  border-top: 1px solid var(--line); overflow-wrap: anywhere; }
table.fields thead th { color: var(--muted); font-weight: 600; border-top: none; }
table.fields thead th:first-child { width: 6.5rem; }
table.fields th[scope="row"] { color: var(--muted); font-weight: 600; }
tr.differs { background: #fff1f0; }
tr.differs th[scope="row"]::before { content: "≠ "; color: var(--bad); }
mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: 2px; }
.none { color: var(--muted); }
ul.findings { margin: .6rem 0 0; padding-left: 1.1rem; }
ul.findings li { margin: .3rem 0; }
ul.findings code { font-weight: 600; }
.sev { font-weight: 600; } .sev.error { color: var(--bad); } .sev.warning { color: var(--warn); }
.sev.info { color: var(--muted); }
.why { color: var(--muted); font-size: .85rem; }
.detail { font-size: .9rem; }
.links { margin: .6rem 0 0; font-size: .9rem; }
.links a { color: #0550ae; }
#show-errors:target ~ main .group:not(.errors), #show-warnings:target ~ main .group:not(.warnings),
#show-verified:target ~ main .group:not(.verified),
#show-verified:target ~ main .card:not(.verified), #show-mismatch:target ~ main .card:not(.mismatch),
#show-not_found:target ~ main .card:not(.not_found),
#show-unverifiable:target ~ main .card:not(.unverifiable) { display: none; }
#show-mismatch:target ~ main .group > h2, #show-not_found:target ~ main .group > h2,
#show-unverifiable:target ~ main .group > h2 { display: none; }
#show-errors:target ~ .filters a.errors, #show-warnings:target ~ .filters a.warnings,
#show-verified:target ~ .filters a.verified, #show-mismatch:target ~ .filters a.mismatch,
#show-not_found:target ~ .filters a.not_found, #show-unverifiable:target ~ .filters a.unverifiable
  { background: var(--ink); color: var(--paper); }
@media (max-width: 40rem) { .tiles { grid-template-columns: repeat(2, 1fr); } }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .filters { display: none; }
  .group, .card { display: block !important; }
  .card { border-left-width: 4pt; }
  tr.differs, .down { background: none; }
  mark { background: none; font-weight: 700; text-decoration: underline; }
  .links a::after { content: " <" attr(href) ">"; font-size: 8pt; color: var(--muted); }
}
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="bibnorm verify">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<h1>Verification report</h1>
<p class="meta">{files} · checked {generated} by <code>bibnorm verify</code></p>
{summary}
{filters}
<main>
{cards}
</main>
</body>
</html>
"""


__all__ = ["render_report"]
