"""Safe fixes of ``.bib`` entries (``bibnorm fix``): canonical DOIs and URLs, preprints
upgraded to their published versions (keeping the arXiv id and saying where the data came
from)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from bibnorm.bib.bibfile import (
    BibEntry,
    BibField,
    BibFile,
    Block,
)
from bibnorm.bib.checks.base import entry_arxiv_id, is_preprint
from bibnorm.bib.checks.identifiers import (
    CODE_FIELDS,
    CODE_URL,
    IDENTIFIER_FIELDS,
    PRINTED_CODE_FIELDS,
    canonical_code_link,
    canonical_url,
    escapes_kept,
    is_empty,
)
from bibnorm.bib.checks.online import names_the_paper
from bibnorm.identifiers import canonical_doi
from bibnorm.models import Reference

# -- safe fixes (``bibnorm fix``) --------------------------------------------------------------------


def _braced(text: str) -> str:
    """A plain string as a braced BibTeX value (``&``, ``%``, ``#`` escaped; stray braces dropped)."""
    text = re.sub(r"(?<!\\)([&%#])", r"\\\1", " ".join(text.split()))
    if text.count("{") != text.count("}"):
        text = text.replace("{", "").replace("}", "")
    return "{" + text + "}"


def fix_entry(entry: BibEntry, published: Reference | None = None, note: str = "") -> BibEntry:
    """The entry with the safe fixes applied: bare DOI, canonical arXiv/DOI and code URLs,
    and, when ``published`` is given, the published venue instead of the preprint.

    The upgrade keeps the arXiv id in ``eprint``/``archiveprefix`` and records where
    the new data came from in a ``bibnorm-upgrade`` field (``note`` says what to write).
    """
    # An empty identifier field prints nothing: it goes (BN404).
    fields = [f for f in entry.fields if not (f.name in IDENTIFIER_FIELDS and is_empty(f.text))]
    for i, field in enumerate(fields):
        fixed = _fixed_text(field.name, field.text)
        if fixed is not None:
            fields[i] = field._replace(value="{" + fixed + "}")
    fixed_entry = entry.replace_fields(fields)
    if published is not None and published.venue and published.entry_type in ("article", "inproceedings"):
        fixed_entry = _upgrade(fixed_entry, published, note)
    return fixed_entry


def _fixed_text(name: str, text: str) -> str | None:
    """A field's text as the first safe fix that changes it writes it, None when none does: a
    DOI's canonical form, a URL's, then the canonical links to code in a field styles do not print
    (a URL already canonical may still hold one)."""
    if name == "doi":
        canonical = escapes_kept(text, canonical_doi(text.strip()))
        if canonical and canonical != text:
            return canonical
    # A url's escapes stay as written too: plainnat without url/hyperref sets it as text.
    if name == "url":
        url = escapes_kept(text, canonical_url(text))
        if url and url != text:
            return url
    if name in CODE_FIELDS and name not in PRINTED_CODE_FIELDS:
        linked = CODE_URL.sub(lambda m: _canonical_code(m.group(0)), text)
        if linked != text:
            return linked
    return None


def _canonical_code(written: str) -> str:
    trimmed = written.rstrip(".,;:)")
    canonical = canonical_code_link(trimmed)
    return (canonical + written[len(trimmed) :]) if canonical is not None else written


_PREPRINT_ONLY_FIELDS = frozenset(
    {"journal", "booktitle", "howpublished", "series", "volume", "number", "pages", "publisher"}
)


def _upgrade(entry: BibEntry, published: Reference, note: str) -> BibEntry:
    arxiv = entry_arxiv_id(entry)
    kept = [f for f in entry.fields if f.name not in _PREPRINT_ONLY_FIELDS and f.name not in {"year", "doi"}]
    new = _published_fields(published)
    if not new.get("year") and entry.get("year"):
        new["year"] = entry.get("year") or ""
    if arxiv:
        written = arxiv.id + (f"v{arxiv.version}" if arxiv.version else "")
        if not entry.get("eprint"):
            new["eprint"] = written
            new["archiveprefix"] = "arXiv"
        new["bibnorm-upgrade"] = f"from arXiv:{written}" + (f"; {note}" if note else "")
    fields = kept + [BibField(name, _braced(value), entry.line) for name, value in new.items()]
    return entry._replace(entry_type=published.entry_type, fields=tuple(fields))


def _published_fields(published: Reference) -> dict[str, str]:
    """The venue fields of the published version, by name, in the order they are written."""
    if published.entry_type == "inproceedings" and published.venue:
        from bibnorm.text.journals import venue_spelling  # local: the journal list is large

        # The name `resolve` writes: one rule per venue ("NIPS" until 2017), no city or dates.
        year = published.issued.year if published.issued else None
        new = {"booktitle": venue_spelling(published.venue, journal=False, year=year, form="full")}
    else:
        new = {"journal": published.venue or ""}
    for name, value in (
        ("series", published.series),
        ("volume", published.volume),
        ("number", published.number),
        ("pages", published.pages),
        ("publisher", published.publisher),
        ("year", str(published.issued.year) if published.issued else None),
        ("doi", published.ids.doi),
    ):
        if value:
            new[name] = value
    return new


def apply_fixes(
    bibfile: BibFile, published: Mapping[str, Reference] | None = None, note: str = ""
) -> BibFile:
    """A copy of the file with `fix_entry` applied to every entry (preprints upgraded when
    ``published`` names their arXiv id and they still cite the preprint)."""
    blocks: list[Block] = []
    for block in bibfile.blocks:
        if isinstance(block, BibEntry):
            arxiv = entry_arxiv_id(block) if published else None
            upgrade = published.get(arxiv.id) if (published and arxiv and is_preprint(block)) else None
            if upgrade is not None and not names_the_paper(block.get("title") or "", upgrade.title):
                upgrade = None  # never dress an invented title up as the published paper of the id
            blocks.append(fix_entry(block, upgrade, note))
        else:
            blocks.append(block)
    return bibfile.with_blocks(blocks)
