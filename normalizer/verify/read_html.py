"""The ``read`` block of a card in ``verify --html``: what the reader took from the input item.

Beside the record found, a card shows every field read from the entry or reference (title,
authors, year, venue, DOI, arXiv id, entry kind) and where it starts (the PDF page and the line):
the reviewer sees why an item did not resolve (a title cut short, a year missed) without opening
``--json``. Where the card has its fields table, the table's "cited" column holds the fields read
and the block adds the origin, the kind and the fields read as nothing; a card without a table
(an item no claim could be made of) lists them all, a field read as nothing shown as "—".
Rendering is pure.
"""

from __future__ import annotations

from html import escape

from bibnorm.models import ReadItem

# The rows of the block, in the order the report's ``read`` JSON gives them, and their labels.
READ_LABELS = (
    ("title", "title"),
    ("authors", "authors"),
    ("year", "year"),
    ("venue", "venue"),
    ("doi", "DOI"),
    ("arxiv_id", "arXiv"),
    ("entry_type", "kind"),
)

READ_STYLE = """
.read { margin: .6rem 0 0; font-size: .9rem; }
.read > h4 { margin: 0 0 .2rem; font-size: .9rem; color: var(--muted); font-weight: 600; }
.read dl { display: grid; grid-template-columns: 6.5rem 1fr; gap: .1rem .5rem; margin: 0; }
.read dt { color: var(--muted); }
.read dd { margin: 0; overflow-wrap: anywhere; }
"""


def render_read(read: ReadItem | None, *, in_table: bool) -> str:
    """The block for one card, or nothing when the verdict carries no read item. With
    ``in_table``, the card's table already shows the fields read (its "cited" column): the block
    then says only where the item starts, its kind and which fields were read as nothing, so a
    500-entry report stays small."""
    if read is None:
        return ""
    origin = f"Read from the input ({_origin(read)})"
    if not in_table:
        rows = "".join(
            f"<dt>{label}</dt><dd>{_value(getattr(read, name))}</dd>" for name, label in READ_LABELS
        )
        return f'<section class="read" aria-label="what was read"><h4>{origin}</h4><dl>{rows}</dl></section>'
    missing = [label for name, label in READ_LABELS if name != "entry_type" and not getattr(read, name)]
    parts = [f"kind {_value(read.entry_type)}", f"nothing read for {', '.join(missing)}" if missing else ""]
    return f'<p class="read">{origin}: {"; ".join(part for part in parts if part)}.</p>'


def _value(value: object) -> str:
    if value is None or value == "" or value == ():
        return '<span class="none">—</span>'
    if isinstance(value, tuple):
        return escape("; ".join(value))
    return escape(str(value))


def _origin(read: ReadItem) -> str:
    """ "page 3, line 12", as far as the item's origin is known."""
    parts = [f"page {read.page}" if read.page is not None else "", f"line {read.line}" if read.line else ""]
    return ", ".join(part for part in parts if part) or "origin unknown"


__all__ = ["READ_LABELS", "READ_STYLE", "render_read"]
