"""Hayagriva YAML output: the bibliography format Typst reads natively (``#bibliography("refs.yml")``).

The format is hayagriva's ``docs/file-format.md`` (typst/hayagriva 0.10): one mapping of
citation keys to entries, typed through pydantic, fields in a fixed order:

=================  ===========================================================================
Reference          entry
=================  ===========================================================================
preprint           ``type: article`` without a parent (CSL's ``article``, as the CSL-JSON
                   writer's preprints), ``publisher: arXiv``, the arXiv id as the ``serial``
                   number, which styles print ("arXiv: 2207.01405")
article            ``type: article`` with a ``periodical`` parent: the journal's ``title``,
                   ``volume``, ``issue``, ``publisher``
inproceedings      ``type: article`` with a ``proceedings`` parent: the proceedings' ``title``,
                   ``volume``, ``editor``s, ``publisher``, and for ``series`` a parent of its
                   own (the series' title)
misc               ``type: misc``
=================  ===========================================================================

- ``author``/``editor``: ``"Family, Given"``; a particle, a suffix, a lower-case family name or a
  comma in a part takes the mapping form (``name``, ``given-name``, ``prefix``, ``suffix``) so
  nothing is split anew; a literal (a collaboration) is ``{name: ...}``, never split.
- ``date``: ISO 8601 as precise as known (``2023``, ``2023-03``, ``2023-03-14``).
- ``serial-number``: ``doi`` (the published DOI; arXiv's ``10.48550/arXiv.<id>`` only for a
  preprint, as in CSL-JSON), ``arxiv``, and for a preprint ``serial``.
- ``page-range`` (``1204-1213``), ``url`` (the record's, else the arXiv page), ``publisher``.
- Titles, venues and publishers are hayagriva "formattable strings": ``{...}`` keeps case and
  ``$...$`` is Typst math, so ``\\ { } $`` in the text are escaped, capitals are braced exactly
  where the BibTeX writer braces them (`bibnorm.text.capitals.protected_spans`, evidence from
  the whole file), and title math becomes Unicode (``$\\alpha$`` → α), or Typst math where the
  TeX is also valid Typst (``$O(n^2)$``), else stays TeX source as text with an
  ``output.math_as_tex`` warning. In venues, series and publishers a word like ``arXiv`` is
  braced, or title-casing styles (Chicago) print "ArXiv".
- Code links have no field in hayagriva (``note`` is printed by styles): they are left out.
- Not hayagriva's own example (``basic.yml`` gives an arXiv paper a ``Repository`` parent titled
  arXiv): hayagriva prints no such parent's title, in APA, IEEE or Chicago, so a preprint keeps
  ``publisher: arXiv``; and the arXiv id goes under ``serial-number`` since a top-level ``arxiv``
  key, seen in real files, is no field and is silently dropped (`tests/test_writers_hayagriva.py`).

YAML is written by `bibnorm.writers._yaml` (PyYAML; ambiguous strings quoted).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from bibnorm.identifiers import is_arxiv_doi
from bibnorm.models import Person, Problem, Reference
from bibnorm.text.capitals import Evidence, bibliography_evidence, paper_evidence, protected_spans
from bibnorm.text.tex_math import math_to_unicode, split_source_math
from bibnorm.writers import Rendered, WriterOptions
from bibnorm.writers._yaml import dump_yaml
from pydantic import BaseModel, ConfigDict, Field

# What hayagriva's formattable strings treat as markup (its `is_chunk_control`).
_CONTROL = re.compile(r"([\\{}$])")
# TeX math that is also Typst math: single-letter variables, digits, brackets, operators,
# sub- and superscripts; two letters in a row would be one unknown Typst identifier.
_INNER_CAPITAL = re.compile(r"(?<![\\\w])[a-z]+[A-Z][\w-]*")
# (Matched whole: anchored, a search does not look ahead to the end from every character.)
_TYPST_MATH = re.compile(r"\A(?!.*[A-Za-z]{2})[A-Za-z0-9 ()+\-=,./^_{}]++")


class _Hayagriva(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class HayagrivaPerson(_Hayagriva):
    """A person in hayagriva's mapping form (when the ``"Family, Given"`` string would not do)."""

    name: str
    given_name: str | None = Field(default=None, serialization_alias="given-name")
    prefix: str | None = None
    suffix: str | None = None


HayagrivaName = str | HayagrivaPerson


class HayagrivaSeries(_Hayagriva):
    """The book series proceedings appeared in: hayagriva's collection title is the title of a
    proceedings' parent of its own type (``Entry::get_collection``)."""

    type: Literal["proceedings"] = "proceedings"
    title: str


class HayagrivaParent(_Hayagriva):
    """The journal or proceedings an article was published in."""

    type: Literal["periodical", "proceedings"]
    title: str
    editor: list[HayagrivaName] | None = None
    volume: str | None = None
    issue: str | None = None
    publisher: str | None = None
    parent: HayagrivaSeries | None = None


class HayagrivaEntry(_Hayagriva):
    """The hayagriva fields bibnorm writes, in output order."""

    type: Literal["article", "misc"]
    title: str
    author: list[HayagrivaName] | None = None
    date: str | None = None
    page_range: str | None = Field(default=None, serialization_alias="page-range")
    publisher: str | None = None
    serial_number: dict[str, str] | None = Field(default=None, serialization_alias="serial-number")
    url: str | None = None
    parent: HayagrivaParent | None = None


def hayagriva_name(person: Person) -> HayagrivaName:
    """A `Person` as hayagriva reads it back unchanged."""
    if person.literal:
        return HayagrivaPerson(name=person.literal)
    family = person.family or person.given
    given = person.given if person.family else ""
    parts = (family, given, person.particle, person.suffix)
    if person.particle or person.suffix or any("," in part for part in parts) or family[:1].islower():
        return HayagrivaPerson(
            name=family,
            given_name=given or None,
            prefix=person.particle or None,
            suffix=person.suffix or None,
        )
    return f"{family}, {given}" if given else family


def formattable(text: str) -> str:
    """Plain text as a hayagriva formattable string: its markup characters escaped."""
    return _CONTROL.sub(r"\\\1", text)


def name_text(text: str) -> str:
    """A venue, series or publisher as a formattable string: a word spelt with a lower-case
    initial and a capital after it (``arXiv``, ``eLife``, ``bioRxiv``) braced, or styles that
    title-case names print "ArXiv"."""
    return _INNER_CAPITAL.sub(r"{\g<0>}", formattable(text))


def hayagriva_title(title: str, evidence: Evidence, key: str = "") -> tuple[str, list[Problem]]:
    """A title as a formattable string (capitals braced, math as Unicode or Typst) and its warnings."""
    out: list[str] = []
    problems: list[Problem] = []
    pieces, _ = split_source_math(" ".join(title.split()))  # repairs were reported at cleaning
    for number, (is_math, piece) in enumerate(pieces):
        if not is_math:
            piece = piece.replace("\\$", "$")  # a dollar in the text, escaped for hayagriva below
            position = 0
            for start, end in protected_spans(piece, evidence, title_start=number == 0):
                out += (formattable(piece[position:start]), "{", formattable(piece[start:end]), "}")
                position = end
            out.append(formattable(piece[position:]))
            continue
        plain = math_to_unicode(piece)
        if plain is not None:  # math keeps its case (Δ is not δ), as its braces keep it in BibTeX
            out.append(
                "{" + formattable(plain) + "}" if any(c.isupper() for c in plain) else formattable(plain)
            )
        elif _TYPST_MATH.fullmatch(piece):
            out.append("$" + piece.replace("{", "(").replace("}", ")") + "$")
        else:
            out.append(formattable(f"${piece}$"))
            problems.append(
                Problem(
                    code="output.math_as_tex",
                    message=f"{key}: title math ${piece}$ has no plain or Typst form; written as TeX text",
                )
            )
    return "".join(out), problems


def _serial_number(reference: Reference, preprint: bool) -> dict[str, str] | None:
    """The identifiers hayagriva knows by scheme (and a preprint's arXiv id as its serial number)."""
    arxiv_id = reference.ids.arxiv_id
    doi = reference.ids.doi
    if not preprint and is_arxiv_doi(doi):
        doi = None  # arXiv's DOI names the preprint, never the published paper
    if preprint and not doi and arxiv_id:
        doi = f"10.48550/arXiv.{arxiv_id}"
    numbers = {"doi": doi, "arxiv": arxiv_id, "serial": arxiv_id if preprint else None}
    return {scheme: value for scheme, value in numbers.items() if value} or None


def _parent(reference: Reference) -> HayagrivaParent | None:
    if reference.entry_type not in ("article", "inproceedings") or not reference.venue:
        return None  # a published type without its venue is cited as a preprint (as in BibTeX)
    journal = reference.entry_type == "article"
    return HayagrivaParent(
        type="periodical" if journal else "proceedings",
        title=name_text(reference.venue),
        editor=[hayagriva_name(p) for p in reference.editors] or None,
        volume=reference.volume,
        issue=reference.number if journal else None,
        publisher=name_text(reference.publisher) if reference.publisher else None,
        parent=HayagrivaSeries(title=name_text(reference.series)) if reference.series else None,
    )


def hayagriva_entry(
    key: str, reference: Reference, evidence: Evidence | None = None
) -> tuple[HayagrivaEntry, list[Problem]]:
    """One reference as a typed hayagriva entry, and its warnings; ``evidence``: the capitals
    evidence of the whole bibliography (`hayagriva_entries`), deciding what the record's own
    leaves open (`bibnorm.text.capitals.paper_evidence`)."""
    evidence = paper_evidence(reference.title, reference.abstract, evidence)
    parent = _parent(reference)
    arxiv_id = reference.ids.arxiv_id
    preprint = parent is None and reference.entry_type != "misc" and arxiv_id is not None
    date = reference.issued or reference.first_version
    title, problems = hayagriva_title(reference.title, evidence, key)
    publisher = "arXiv" if preprint else reference.publisher
    entry = HayagrivaEntry(
        type="misc" if reference.entry_type == "misc" else "article",
        title=title,
        author=[hayagriva_name(p) for p in reference.authors] or None,
        date=date.iso() if date else None,
        page_range=reference.pages.replace("--", "-") if parent and reference.pages else None,
        publisher=name_text(publisher) if publisher and parent is None else None,
        serial_number=_serial_number(reference, preprint),
        url=reference.url or (f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else None),
        parent=parent,
    )
    return entry, problems


def hayagriva_entries(references: Sequence[tuple[str, Reference]]) -> tuple[dict[str, object], list[Problem]]:
    """The YAML-ready mapping of keys to entries, in the order given, and the warnings."""
    evidence = bibliography_evidence([(reference.title, reference.abstract) for _, reference in references])
    entries: dict[str, object] = {}
    problems: list[Problem] = []
    for key, reference in references:
        entry, entry_problems = hayagriva_entry(key, reference, evidence)
        entries[key] = entry.model_dump(by_alias=True, exclude_none=True)
        problems.extend(entry_problems)
    return entries, problems


def render_hayagriva(references: Sequence[tuple[str, Reference]], options: WriterOptions) -> Rendered:
    """Hayagriva YAML (always Unicode; ``options`` has nothing hayagriva needs)."""
    entries, problems = hayagriva_entries(references)
    return Rendered(text=dump_yaml(entries), warnings=tuple(problems))
