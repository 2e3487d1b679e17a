"""An existing ``.bib`` file's identifiers where the BibTeX style it is typeset in prints them
exactly once (``fix --bst`` and ``format --bst``; ``resolve --bst`` does the same when it writes).

Styles print different fields (`bibnorm.writers.bibtex_styles.BST_FAMILIES`: plain prints
``howpublished`` and ``note`` but no ``doi``; the natbib styles print ``doi``, ``url`` and ``note``;
IEEEtran prints ``url`` but no ``doi``), so a file written for one style shows a DOI twice or not at
all in another. For each entry, in the order the style's fields are weighed:

- a printed field that holds nothing but an identifier another printed field already shows
  (``url = {https://doi.org/X}`` beside ``doi = {X}`` in plainnat, ``note = {doi: X}``) is dropped:
  the identifier stays in the entry, only its repetition goes; a field with any other text is kept;
- a publisher DOI given only in ``note`` (bibnorm's default layout) gets a ``doi`` field of its own
  where the style prints one;
- the identifier a reader needs and no printed field shows — a published entry's publisher DOI, a
  preprint's arXiv id (its DOI where it has none: Zenodo's, bioRxiv's), the arXiv id of a paper
  with no DOI — is added where the style prints it:
  ``url = {https://doi.org/X}`` for a style that prints ``url`` but no ``doi`` when the entry has
  no ``url``, ``howpublished = {arXiv:ID [class]}`` for an ``@misc``, else appended to ``note``.
"""

from __future__ import annotations

from collections.abc import Sequence

from bibnorm.bib.bibfile import BibEntry, BibField, BibFile
from bibnorm.bib.checks.base import is_preprint
from bibnorm.bib.shown_ids import entry_ids, only_ids, shows
from bibnorm.config import BstName
from bibnorm.writers.bibtex_styles import BST_FAMILIES, BstFamily
from bibnorm.writers.latex_text import text_to_latex

# Printed by every style and never dropped: a venue that names the preprint ("arXiv preprint
# arXiv:ID", dblp's "CoRR" with volume "abs/ID") already shows its id.
_VENUE_FIELDS = ("journal", "volume", "booktitle")


def ids_for_style(bibfile: BibFile, bst: BstName) -> BibFile:
    """``bibfile`` with every entry's DOI and arXiv id where ``bst`` prints each exactly once."""
    family = BST_FAMILIES[bst]
    return bibfile.with_blocks(
        entry_for_style(block, family) if isinstance(block, BibEntry) else block for block in bibfile.blocks
    )


def entry_for_style(entry: BibEntry, family: BstFamily) -> BibEntry:
    """One entry's identifiers where ``family`` prints each exactly once (see the module docstring)."""
    publisher_doi, arxiv, ids = entry_ids(entry)
    if not ids:
        return entry
    printed = family.printed_for(entry.entry_type)
    if publisher_doi and "doi" in printed and entry.get("doi") is None:
        # A DOI given only as "doi: X" in a note (bibnorm's default layout): the style's own field,
        # which prints it as a link; the note that said only that then goes as a repeat.
        doi = BibField("doi", "{" + publisher_doi + "}", entry.line)
        entry = entry.replace_fields([*entry.fields, doi])
    fields = _without_repeats(entry, printed, ids)
    if publisher_doi and (not is_preprint(entry) or arxiv is None):
        # (a preprint's or a record's DOI where it has no arXiv id: Zenodo's, bioRxiv's)
        wanted, form = publisher_doi, f"doi: {publisher_doi}"
    elif arxiv is not None:  # a preprint, or a paper with no DOI (NeurIPS, ICLR): its free copy
        wanted = arxiv.id
        form = f"arXiv:{arxiv.id}" + (f" [{entry.get('primaryclass')}]" if entry.get("primaryclass") else "")
    else:
        return entry.replace_fields(fields)
    if any(f.name in (*_VENUE_FIELDS, *printed) and shows(f.text, wanted) for f in fields):
        return entry.replace_fields(fields)
    return entry.replace_fields(_with_id(fields, family, entry, wanted, form))


def _without_repeats(entry: BibEntry, printed: Sequence[str], ids: Sequence[str]) -> list[BibField]:
    """The entry's fields without the printed ones that hold only identifiers shown before them."""
    shown = {i for i in ids for name in _VENUE_FIELDS if shows(entry.get(name) or "", i)}
    dropped: set[str] = set()
    for name in printed:
        text = entry.get(name)
        if text is None:
            continue
        these = {i for i in ids if shows(text, i)}
        if these and these <= shown and only_ids(text, these):
            dropped.add(name)
        shown |= these
    return [f for f in entry.fields if f.name not in dropped]


def _with_id(
    fields: list[BibField], family: BstFamily, entry: BibEntry, wanted: str, form: str
) -> list[BibField]:
    """``fields`` with ``wanted`` added where the style prints it."""
    names = {f.name for f in fields}
    if form.startswith("doi:") and family.doi_url and "url" not in names:
        return [*fields, BibField("url", "{https://doi.org/" + wanted.replace("%", "\\%") + "}", entry.line)]
    # Styles print howpublished for @misc only (plain's @inproceedings ignores it).
    if (
        entry.entry_type == "misc"
        and "howpublished" in family.printed_for("misc")
        and "howpublished" not in names
    ):
        return [*fields, BibField("howpublished", _braced(form), entry.line)]
    note = entry.field("note")
    if note is None:
        return [*fields, BibField("note", _braced(form), entry.line)]
    if not note.value.startswith("{"):
        return fields  # a macro or a concatenation: not ours to rewrite
    added = "{" + note.text.strip().rstrip(".;") + "; " + _braced(form)[1:]
    return [f._replace(value=added) if f.name == "note" else f for f in fields]


def _braced(text: str) -> str:
    return "{" + text_to_latex(text).text + "}"


__all__ = ["entry_for_style", "ids_for_style"]
