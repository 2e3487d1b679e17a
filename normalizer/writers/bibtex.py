"""BibTeX and biblatex output, exactly as ``bibnorm format`` would lay out bibtexparser v2's text of
the entries (values enclosed by its middleware), laid out straight from the fields (`render`).

Entry types and fields (absent values are left out), laid out exactly as ``bibnorm
format`` would (`WriterOptions.layout`: field order, lower-case names, alignment), so
``bibnorm check`` finds nothing to reformat in fresh output:

=================  ==================  ===========================================================
Reference          BibTeX              biblatex
=================  ==================  ===========================================================
preprint           ``@misc``           ``@online``
article            ``@article``        ``@article`` (``journaltitle``)
inproceedings      ``@inproceedings``  ``@inproceedings``
misc               ``@misc``           ``@misc``
=================  ==================  ===========================================================

BibTeX fields: author, editor and series (proceedings published in a series: PMLR, LNCS,
CEUR), title, journal/booktitle, volume, number, pages, year, month,
publisher (not for biblatex ``@article``, whose data model lacks it), address (a proceedings
paper's publisher's city; biblatex ``location``), eprint,
archivePrefix = {arXiv}, primaryClass, doi, url, code. biblatex
replaces year/month by ``date`` (ISO 8601, as precise as known), archivePrefix by
``eprinttype = {arxiv}``, primaryClass by ``eprintclass``, journal by ``journaltitle``.

- ``doi`` is the published DOI when known; arXiv's ``10.48550/arXiv.<id>`` only on a
  preprint (it names the preprint, never a proceedings paper).
- BibTeX preprints carry ``howpublished = {arXiv:<id> [<class>]}``: plain, abbrv,
  IEEEtran and splncs04 print no eprint field on ``@misc``, so without it a preprint
  shows no identifier at all.
- ``url`` is the record's URL, else ``https://arxiv.org/abs/<id>``; url, doi, eprint
  and code are written raw (``\\url`` and ``\\doi`` read them verbatim).
- BibTeX's default layout then keeps each entry's id where every common style prints it
  once (`EVERY_STYLE_PRINTS`): a preprint's in ``howpublished``, a published entry's
  publisher DOI (else its arXiv id) in ``note``, and no ``eprint``, ``doi`` or ``url``
  showing it again (an ``eprint`` of a published entry with a DOI stays).
  ``--doi-link`` (`WriterOptions.doi_link`, `DOI_LINKS`) asks for the earlier layouts,
  which keep every id field and put a publisher DOI in ``url = https://doi.org/<doi>``
  and/or ``note = {doi: <doi>}`` too; ``--bst`` (`BST_FAMILIES`) for the fields one style
  prints.
- Titles are braced from each record's own prose first, and from the prose of the whole file
  (`bibnorm.text.capitals.bibliography_evidence`, computed once per `render`) for what that
  leaves open (`bibnorm.text.capitals.paper_evidence`).
- ``--style`` presets (`STYLES`) lay an entry out as arXiv's, dblp's or Google Scholar's
  export does: types, fields, field order and name form.
- ``code`` lists code links separated by `` and `` (BibTeX's list separator, as in
  author lists); BibTeX styles ignore it, people and tools read it. biblatex has no
  such field, so it goes into ``verba`` (a verbatim field of biblatex's data model that
  standard styles do not print), with the same separator.
- A reference without authors gets BibTeX's ``key`` field (= the title) so styles can
  sort and label it, plus an ``output.no_authors`` warning; biblatex sorts by title itself.
- ``month`` is the standard BibTeX macro (``month = mar``, unquoted) so every style
  prints the month in its own language and form.
- An ``article``/``inproceedings`` without venue is written as a preprint/``@misc``
  (a published type without its venue only makes styles warn) and reported.
- A title loses its invisible direction and zero-width characters (`without_invisible`:
  bidi overrides and isolates that make it print reversed, marks, ZWSP), with an
  ``output.invisible_characters`` warning; ZWNJ and ZWJ stay (scripts and emoji need them).
- Names: ``Family, Given`` joined by `` and ``; ``van der Berg, Jan`` (particle),
  ``King, Jr., Martin`` (suffix), ``{H1 Collaboration}`` (literal, never split).
- BibTeX mode escapes non-ASCII to LaTeX unless `WriterOptions.unicode`; biblatex keeps
  the Latin letters pdflatex reads as UTF-8 and encodes the rest (Greek, symbols: ``π`` →
  ``{\\ensuremath{\\pi}}``) unless `WriterOptions.unicode`. Both escape LaTeX specials and
  protect capitals in titles from the record's evidence (`latex_text`, `bibnorm.text.capitals`).
"""

from __future__ import annotations

from collections.abc import Sequence

from bibnorm.bib.bibfile import FormatOptions, RenderedBlock, format_bibtex, join_rendered
from bibnorm.models import Problem, Reference
from bibnorm.processes import shared_objects_frozen
from bibnorm.text.capitals import Evidence, bibliography_evidence
from bibnorm.writers import Rendered, WriterOptions
from bibnorm.writers.bibtex_entry import Mode, entry_fields
from bibnorm.writers.bibtex_layout import laid_out_entry, written_entries
from bibnorm.writers.bibtex_styles import BST_FAMILIES, DOI_LINKS, STYLES

__all__ = [
    "BST_FAMILIES",
    "DOI_LINKS",
    "STYLES",
    "Mode",
    "bibliography_of",
    "layout_for",
    "render",
    "render_biblatex",
    "render_bibtex",
    "write_bibtex",
]


def render(
    references: Sequence[tuple[str, Reference]],
    options: WriterOptions,
    mode: Mode,
    evidence: Evidence | None = None,
) -> Rendered:
    """The .bib text for ``(key, reference)`` pairs in the order given, and warnings.

    ``evidence``: the bibliography's capitals evidence if already read (`bibliography_of`
    these references), else read here.

    Each entry is laid out straight from its fields (`laid_out_entry`), as ``bibnorm format``
    would lay out bibtexparser's text of it. Where a value might read back otherwise (a line
    break, an unbalanced brace), `format` itself reads the writer's text of the whole file, so
    what such a value does to the entries after it is what BibTeX would make of it too.
    A key given twice is a `ValueError`: a bibliography names each entry once.
    """
    keys = [key for key, _ in references]
    if len(set(keys)) != len(keys):
        twice = sorted({key for key in keys if keys.count(key) > 1})
        raise ValueError(f"Duplicate keys found: {twice}.")
    with shared_objects_frozen():  # the references: read, never freed here
        if evidence is None:
            evidence = bibliography_of(references)
        with shared_objects_frozen():  # and the evidence
            return _rendered(references, options, mode, evidence)


def _rendered(
    references: Sequence[tuple[str, Reference]], options: WriterOptions, mode: Mode, evidence: Evidence
) -> Rendered:
    layout = layout_for(options, mode)
    blocks: list[RenderedBlock] = []
    problems: list[Problem] = []
    for key, reference in references:
        entry_type, fields, entry_problems = entry_fields(key, reference, mode, options, evidence)
        text = laid_out_entry(entry_type, key, fields, layout)
        if text is None:
            return _formatted(references, options, mode, evidence)
        problems.extend(entry_problems)
        blocks.append(RenderedBlock(text, "entry", key))
    return Rendered(text=join_rendered(blocks, layout), warnings=tuple(problems))


def _formatted(
    references: Sequence[tuple[str, Reference]], options: WriterOptions, mode: Mode, evidence: Evidence
) -> Rendered:
    """`format` of the writer's text of the whole file: for a value that might not read back as
    written. (The entries are built again rather than kept: holding every entry's fields while
    the file is laid out would give the garbage collector that much more to walk.)"""
    entries = [(key, entry_fields(key, reference, mode, options, evidence)) for key, reference in references]
    written = written_entries([(entry.entry_type, key, entry.fields) for key, entry in entries])
    warnings = tuple(problem for _, entry in entries for problem in entry.problems)
    return Rendered(text=format_bibtex(written, layout_for(options, mode)), warnings=warnings)


def bibliography_of(references: Sequence[tuple[str, Reference]]) -> Evidence:
    """The capitals evidence of a bibliography: one decision per word form for the whole file,
    from every record's prose at once (`bibliography_evidence`)."""
    return bibliography_evidence([(reference.title, reference.abstract) for _, reference in references])


def layout_for(options: WriterOptions, mode: Mode) -> FormatOptions:
    """The layout entries are written in: exactly what `bibnorm format` writes (field order,
    alignment); a preset brings the field order of the export it follows."""
    preset = STYLES.get(options.style) if mode == "bibtex" else None
    if preset is None:
        return options.layout
    return options.layout.model_copy(update={"field_order": preset.field_order})


def render_bibtex(references: Sequence[tuple[str, Reference]], options: WriterOptions) -> Rendered:
    """BibTeX: ``@misc``/``@article``/``@inproceedings``, LaTeX escapes unless ``options.unicode``."""
    return render(references, options, "bibtex")


def render_biblatex(references: Sequence[tuple[str, Reference]], options: WriterOptions) -> Rendered:
    """biblatex: ``@online``/``@article``/``@inproceedings`` with ``date`` and ``eprinttype``, Unicode."""
    return render(references, options, "biblatex")


def write_bibtex(references: Sequence[tuple[str, Reference]], options: WriterOptions | None = None) -> str:
    """Just the BibTeX text."""
    return render_bibtex(references, options or WriterOptions()).text
