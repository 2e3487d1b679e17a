"""Hayagriva YAML output: the bibliography format Typst reads natively (``#bibliography("refs.yml")``).

The format is hayagriva's ``docs/file-format.md`` (typst/hayagriva 0.10): one mapping of
citation keys to entries, typed through pydantic, fields in a fixed order. The shapes are the ones
with which Typst's built-in styles (ieee, apa, chicago-author-date, chicago-notes, mla, nature,
springer-basic) print what pandoc's citeproc prints from the CSL-JSON output for the same style
(``tests/test_writers_hayagriva.py`` compiles both; ``docs/formats.md`` lists what still differs):

=================  ===========================================================================
Reference          entry
=================  ===========================================================================
preprint           ``type: article`` without a parent (CSL's ``article``, as the CSL-JSON
                   writer's preprints), ``publisher: arXiv``, arXiv's DOI; no ``serial``
                   number, which styles print beside the DOI that holds the same id (IEEE
                   "arXiv: 2207.01405. doi: 10.48550/arXiv.2207.01405")
article            ``type: article`` with a ``periodical`` parent: the journal's ``title``,
                   ``volume``, ``issue``, ``publisher``
inproceedings      ``type: article`` with two parents: a ``book`` holding the proceedings'
                   ``title``, ``editor``s, ``volume``, ``publisher`` (and for ``series`` a
                   ``book`` parent of its own, the series' title), then an untitled
                   ``proceedings``, which makes the entry CSL's ``paper-conference``. A titled
                   ``proceedings`` parent is hayagriva's ``volume-title`` as well as its
                   ``container-title``, so Chicago printed the venue twice with "Special issue"
                   between and MLA "special issue of"; a ``book`` comes first among the
                   containers hayagriva looks for, the title-less ``proceedings`` sets the type
misc               ``type: misc``
=================  ===========================================================================

- ``author``/``editor``: ``"Family, Given"``; a particle, a suffix, a lower-case family name or a
  comma in a part takes the mapping form (``name``, ``given-name``, ``suffix``) so nothing is
  split anew; a particle leads the family name (``van den Hengel``: hayagriva's non-dropping
  particle, as CSL-JSON writes it; its ``prefix`` would be a dropping one, "Hengel, A. van
  den"); a literal (a collaboration) is ``{name: ...}``, never split.
- ``date``: ISO 8601 as precise as known (``2023``, ``2023-03``, ``2023-03-14``).
- ``serial-number``: ``doi`` (the published DOI; arXiv's ``10.48550/arXiv.<id>`` only for a
  preprint, as in CSL-JSON) and ``arxiv`` (kept as data: no style prints it).
- ``page-range`` (``1204-1213``), ``url`` (the record's, else the arXiv page), ``publisher``.
- Titles, venues and publishers are hayagriva "formattable strings": ``{...}`` keeps case and
  ``$...$`` is Typst math, so ``\\ { } $`` in the text are escaped. Title-casing styles
  (Chicago, MLA) lower every capital after a word's first letter ("Metamixer", "N2n",
  "(Cvpr)"), so capitals are braced exactly where the BibTeX writer braces them
  (`bibnorm.text.capitals.protected_spans`, evidence from the whole file), and in venues, series
  and publishers every word with a capital after its first character (``{NeurIPS}``,
  ``({CVPR})``, ``{arXiv}``). Title math becomes Unicode, braced (``$\\pi$`` → ``{π}``, which
  Chicago would print "Π"), or Typst math where the TeX is also valid Typst (``$O(n^2)$``), or
  the text CSL's rich text shows where it needs no script (``$\\sqrt{s} = 7$`` → ``{√s=7}``),
  else stays TeX source as text with an ``output.math_as_tex`` warning.
- A string that would start with a braced word followed by a space or a letter is braced whole:
  Typst drops the space after a leading braced word when it cases the rest ("{MetaMixer} Is" →
  "MetaMixerIs"), so such a title keeps its case as written in every style.
- Code links have no field in hayagriva (``note`` is printed by styles): they are left out.
- A user's own record's fields (`UserFields`): its ``note`` and ``abstract``, the journal's ISSN
  under ``serial-number`` (``issn``), the day its link was read as the ``url``'s ``date``
  (``url: {value: …, date: 2024-03-05}``); hayagriva has no field for keywords.
- Not hayagriva's own example (``basic.yml`` gives an arXiv paper a ``Repository`` parent titled
  arXiv): hayagriva prints no such parent's title, in APA, IEEE or Chicago, so a preprint keeps
  ``publisher: arXiv``; and the arXiv id goes under ``serial-number`` since a top-level ``arxiv``
  key, seen in real files, is no field and is silently dropped (`tests/test_writers_hayagriva.py`).

YAML is written by `bibnorm.writers._yaml` (PyYAML; ambiguous strings quoted).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Literal

from bibnorm.identifiers import is_arxiv_doi
from bibnorm.models import Person, Problem, Reference
from bibnorm.text.capitals import Evidence, bibliography_evidence, paper_evidence, protected_spans
from bibnorm.text.tex_math import (
    math_to_rich_text,
    math_to_unicode,
    rich_text_to_plain,
    split_source_math,
    symbol_of,
)
from bibnorm.writers import Rendered, WriterOptions
from bibnorm.writers._yaml import dump_yaml
from pydantic import BaseModel, ConfigDict, Field

# What hayagriva's formattable strings treat as markup (its `is_chunk_control`).
_CONTROL = re.compile(r"([\\{}$])")
# A brace, or an escaped character (which is neither brace nor escape).
_BRACE_OR_ESCAPE = re.compile(r"\\.|[{}]", re.DOTALL)
# A word: the run of letters and digits title-casing treats as one ("IEEE/CVF" is two).
_WORD = re.compile(r"[^\W_]+")
# TeX math that is also Typst math: single-letter variables, digits, brackets, operators,
# sub- and superscripts; two letters in a row would be one unknown Typst identifier.
# (Matched whole: anchored, a search does not look ahead to the end from every character.)
_TYPST_MATH = re.compile(r"\A(?!.*[A-Za-z]{2})[A-Za-z0-9 ()+\-=,./^_{}]++")


class _Hayagriva(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class HayagrivaPerson(_Hayagriva):
    """A person in hayagriva's mapping form (when the ``"Family, Given"`` string would not do)."""

    name: str
    given_name: str | None = Field(default=None, serialization_alias="given-name")
    suffix: str | None = None


HayagrivaName = str | HayagrivaPerson


class HayagrivaSeries(_Hayagriva):
    """The book series proceedings appeared in: hayagriva's collection title is the title of a
    ``book``'s parent of its own type (``Entry::get_collection``)."""

    type: Literal["book"] = "book"
    title: str


class HayagrivaParent(_Hayagriva):
    """The journal an article was published in, the book of a proceedings paper, or the
    untitled ``proceedings`` that makes the paper a conference paper (module docstring)."""

    type: Literal["periodical", "book", "proceedings"]
    title: str | None = None
    editor: list[HayagrivaName] | None = None
    volume: str | None = None
    issue: str | None = None
    publisher: str | None = None
    parent: HayagrivaSeries | None = None


class HayagrivaAffiliated(_Hayagriva):
    """People of a role of their own (hayagriva's ``affiliated``): a record's translators."""

    role: Literal["translator"] = "translator"
    names: list[HayagrivaName]


EntryKind = Literal["article", "misc", "book", "chapter", "thesis", "report"]
# The kinds an arXiv id makes a preprint where no venue is known (a book's record is still a book)
_PAPERS = ("preprint", "article", "inproceedings")
# The kinds written as their own (a book, a thesis or a report only ever a user's own record)
_OWN_KINDS: dict[str, EntryKind] = {"misc": "misc", "book": "book", "thesis": "thesis", "report": "report"}


class HayagrivaLink(_Hayagriva):
    """A link with the day it was read (hayagriva's ``url`` as a mapping)."""

    value: str
    date: str


class HayagrivaEntry(_Hayagriva):
    """The hayagriva fields bibnorm writes, in output order."""

    type: EntryKind
    title: str
    author: list[HayagrivaName] | None = None
    editor: list[HayagrivaName] | None = None
    affiliated: list[HayagrivaAffiliated] | None = None
    date: str | None = None
    edition: str | None = None
    volume: str | None = None
    page_range: str | None = Field(default=None, serialization_alias="page-range")
    genre: str | None = None
    publisher: str | None = None
    location: str | None = None
    serial_number: dict[str, str] | None = Field(default=None, serialization_alias="serial-number")
    url: str | HayagrivaLink | None = None
    note: str | None = None
    abstract: str | None = None
    parent: HayagrivaParent | list[HayagrivaParent] | None = None


def hayagriva_name(person: Person) -> HayagrivaName:
    """A `Person` as hayagriva reads it back unchanged. The particle leads the family name, where
    hayagriva finds a non-dropping particle ("van den Hengel, A.", as CSL-JSON's
    ``non-dropping-particle`` prints); its ``prefix`` is a dropping one ("Hengel, A. van den")."""
    if person.literal:
        return HayagrivaPerson(name=person.literal)
    family = person.family or person.given
    if person.particle:
        family = f"{person.particle} {family}"
    given = person.given if person.family else ""
    parts = (family, given, person.suffix)
    if person.suffix or any("," in part for part in parts) or family[:1].islower():
        return HayagrivaPerson(name=family, given_name=given or None, suffix=person.suffix or None)
    return f"{family}, {given}" if given else family


def formattable(text: str) -> str:
    """Plain text as a hayagriva formattable string: its markup characters escaped."""
    return _CONTROL.sub(r"\\\1", text)


def name_text(text: str) -> str:
    """A venue, series or publisher as a formattable string: every word with a capital after its
    first character (``NeurIPS``, ``CVPR``, ``arXiv``, ``3D``) braced, or styles that title-case
    names print "Neurips", "(Cvpr)", "ArXiv"; `unglued`."""
    return unglued(_WORD.sub(_brace_cased, formattable(text)))


def _brace_cased(word: re.Match[str]) -> str:
    text = word[0]
    return "{" + text + "}" if any(c.isupper() for c in text[1:]) else text


def unglued(text: str) -> str:
    """A formattable string braced whole when it starts with braced text followed by a space or
    a letter: Typst drops that space when a style cases the rest ("{MetaMixer} Is" prints
    "MetaMixerIs") and lowers that letter."""
    position = 0
    while position < len(text) and text[position] == "{":
        position = _group_end(text, position)
    if 0 < position < len(text) and (text[position].isspace() or text[position].isalnum()):
        return "{" + _BRACE_OR_ESCAPE.sub(_escape_only, text) + "}"  # the inner braces are moot
    return text


def _escape_only(markup: re.Match[str]) -> str:
    return markup[0] if markup[0].startswith("\\") else ""


def _group_end(text: str, start: int) -> int:
    """The index after the brace closing the one at ``start`` (escapes skipped), else the end."""
    depth = 0
    for match in _BRACE_OR_ESCAPE.finditer(text, start):
        if match[0] in "{}":
            depth += 1 if match[0] == "{" else -1
            if depth == 0:
                return match.end()
    return len(text)


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
        if plain is not None:  # math keeps its case (π is not Π), as its braces keep it in BibTeX
            lettered = any(c.isalpha() for c in plain)
            out.append("{" + formattable(plain) + "}" if lettered else formattable(plain))
        elif _TYPST_MATH.fullmatch(piece):
            out.append("$" + _typst_groups(piece) + "$")
        elif (text := _as_text(piece)) is not None:
            out.append("{" + formattable(text) + "}")
        else:
            out.append(formattable(f"${piece}$"))
            problems.append(
                Problem(
                    code="output.math_as_tex",
                    message=f"{key}: title math ${piece}$ has no plain or Typst form; written as TeX text",
                )
            )
    return unglued("".join(out)), problems


def _typst_groups(math: str) -> str:
    """TeX's braces in Typst math: a script's group its parentheses, which Typst does not print
    (``x^{2n}`` → ``x^(2n)``); any other group nothing, which TeX does not print either
    (``{A}``-infinity is "A-infinity", not "(A)-infinity")."""
    out: list[str] = []
    closings: list[str] = []
    previous = ""
    for char in math:
        if char == "{":
            closings.append(")" if previous in ("^", "_") else "")
            out.append("(" if closings[-1] else "")
        elif char == "}":
            out.append(closings.pop() if closings else "")
        else:
            out.append(char)
        previous = char
    return "".join(out) + "".join(reversed(closings))


def _as_text(math: str) -> str | None:
    r"""``math`` as the text CSL's rich text shows it, where that needs no script's mark:
    ``\sqrt{s} = 7`` → "√s=7", ``pp`` → "pp", ``\frac{1}{2}`` → "1/2" (not TeX source on the
    page, which Typst printed as it stands: "$\sqrt{s} = 7$"); None with a sub- or superscript."""
    if any(_OPERATOR_WORD.fullmatch(symbol_of(name) or "") for name in _COMMAND.findall(math)):
        return None  # "\log" between letters wants TeX's spaces: "O(NlogN)" says less than the TeX
    rich = math_to_rich_text(math)
    plain = rich_text_to_plain(rich) if rich else None
    return plain if plain and "<sub>" not in rich and "<sup>" not in rich else None


_COMMAND = re.compile(r"\\([A-Za-z]+)")
_OPERATOR_WORD = re.compile(r"[^\W\d_]{2,}")


def _serial_number(reference: Reference, preprint: bool) -> dict[str, str] | None:
    """The identifiers hayagriva knows by scheme. A preprint's arXiv id is no ``serial`` (CSL's
    ``number``): its DOI holds it, and styles print both ("arXiv: ID. doi: 10.48550/arXiv.ID")."""
    arxiv_id = reference.ids.arxiv_id
    doi = reference.ids.doi
    if not preprint and is_arxiv_doi(doi):
        doi = None  # arXiv's DOI names the preprint, never the published paper
    if preprint and not doi and arxiv_id:
        doi = f"10.48550/arXiv.{arxiv_id}"
    numbers = {
        "doi": doi,
        "arxiv": arxiv_id,
        "serial": reference.number if reference.entry_type == "report" else None,
        "isbn": reference.isbn,
        "issn": reference.user_fields.issn if reference.user_fields else None,
    }
    return {scheme: value for scheme, value in numbers.items() if value} or None


def _parent(reference: Reference) -> HayagrivaParent | list[HayagrivaParent] | None:
    """A journal article's periodical; a proceedings paper's book and untitled proceedings; a
    chapter's book."""
    if reference.entry_type == "chapter" and reference.venue:
        return _book_of_chapter(reference, reference.venue)
    if reference.entry_type not in ("article", "inproceedings") or not reference.venue:
        return None  # a published type without its venue is cited as a preprint (as in BibTeX)
    journal = reference.entry_type == "article"
    container = HayagrivaParent(
        type="periodical" if journal else "book",
        title=name_text(reference.venue),
        editor=[hayagriva_name(p) for p in reference.editors] or None,
        volume=reference.volume,
        issue=reference.number if journal else None,
        publisher=name_text(reference.publisher) if reference.publisher else None,
        parent=HayagrivaSeries(title=name_text(reference.series)) if reference.series else None,
    )
    return container if journal else [container, HayagrivaParent(type="proceedings")]


def _book_of_chapter(reference: Reference, book: str) -> HayagrivaParent:
    """The book a chapter is in (a user's own record: `Query.record`), its editors, publisher and series."""
    return HayagrivaParent(
        type="book",
        title=name_text(book),
        editor=[hayagriva_name(p) for p in reference.editors] or None,
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
    preprint = parent is None and reference.entry_type in _PAPERS and arxiv_id is not None
    date = reference.issued or reference.first_version
    title, problems = hayagriva_title(reference.title, evidence, key)
    publisher = "arXiv" if preprint else reference.publisher
    entry = HayagrivaEntry(
        type=_entry_type(reference, parent),
        title=title,
        author=[hayagriva_name(p) for p in reference.authors] or None,
        date=date.iso() if date else None,
        page_range=reference.pages.replace("--", "-") if parent and reference.pages else None,
        publisher=name_text(publisher) if publisher and parent is None else None,
        serial_number=_serial_number(reference, preprint),
        url=_link(
            _absolute_url(reference.url) or (f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else None),
            reference,
        ),
        parent=parent,
        **_work_fields(reference),
        **_user_fields(reference),
    )
    return entry, problems


def _link(url: str | None, reference: Reference) -> str | HayagrivaLink | None:
    """The entry's ``url``, with the day the user read it where their record gives it."""
    accessed = reference.user_fields.accessed if reference.user_fields else None
    return HayagrivaLink(value=url, date=accessed.iso()) if url and accessed else url


def _user_fields(reference: Reference) -> dict[str, Any]:
    """The note and the abstract of the user's own record (`UserFields`), as formattable strings."""
    given = reference.user_fields
    if given is None:
        return {}
    return {
        "note": formattable(given.note) if given.note else None,
        "abstract": formattable(given.abstract) if given.abstract else None,
    }


_SCHEME = re.compile(r"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*+://")
# A host and its path ("idus.us.es/xmlui/handle/1"), or a www. host alone; not a file's name
_HOST_FIRST = re.compile(r"(?<![\w.-])(?:www\.[\w-]++(?:\.[\w-]++)++|[\w-]++(?:\.[\w-]++)++/)")


def _absolute_url(url: str | None) -> str | None:
    """``url`` as hayagriva reads one: with its scheme. A record's link written without it
    ("www.jstor.org/stable/2929291", as a user may type it into Zotero) is the web address it
    names; hayagriva refuses the whole file over one relative URL ("relative URL without a base"),
    so what names no host is left out."""
    if not url or _SCHEME.match(url):
        return url
    return f"https://{url}" if _HOST_FIRST.match(url) else None


def _entry_type(reference: Reference, parent: object) -> EntryKind:
    """misc, a user's own record's book, thesis or report (and a chapter in its book), else article."""
    kind = reference.entry_type
    if kind == "chapter" and parent is not None:
        return "chapter"
    return _OWN_KINDS.get(kind, "article")


def _work_fields(reference: Reference) -> dict[str, Any]:
    """What a book, a thesis or a report carries (a user's own record: `Query.record`): a book's
    editors and volume, the kind of thesis or report, the city. A school or an institution is the
    ``publisher``, which Typst's styles print for a thesis ("[Master's thesis]. ETH Zürich"), not
    ``organization``, which they do not."""
    kind = reference.entry_type
    if kind not in ("book", "chapter", "thesis", "report"):
        return {}
    translators = [hayagriva_name(p) for p in reference.translators]
    return {
        "editor": ([hayagriva_name(p) for p in reference.editors] or None) if kind == "book" else None,
        "affiliated": [HayagrivaAffiliated(names=translators)] if translators else None,
        "edition": reference.edition if kind in ("book", "chapter") else None,
        "volume": reference.volume if kind == "book" else None,
        "genre": reference.genre if kind in ("thesis", "report") else None,
        "location": reference.address,
    }


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
