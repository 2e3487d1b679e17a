"""CSL-JSON output (pandoc ``--citeproc``, Zotero, Quarto), typed through pydantic.

One CSL item per reference, fields in a fixed order, Unicode kept, no LaTeX:

- ``id`` and ``citation-key``: the citation key;
- ``type``: ``article`` (preprint, CSL's type for preprints), ``article-journal``,
  ``paper-conference``, ``document`` (misc); ``book``, ``chapter``, ``thesis``, ``report`` for a
  user's own record of such a work that did not resolve, with its ``publisher-place``, a book's
  ``editor``, ``collection-title`` and ``volume``, a book's or chapter's ``edition``, a thesis's
  or report's ``genre`` and a report's ``number``; a record's ``translator``s;
- ``title``: Unicode as CSL rich text, never TeX: math becomes rich-text markup
  (``$O(n^2)$`` → ``<i>O</i>(<i>n</i><sup>2</sup>)``, `bibnorm.text.tex_math.math_to_rich_text`),
  and what the BibTeX writer braces — the words whose capitals are names (``3D``, ``N2N``,
  `bibnorm.text.capitals.protected_spans`, evidence from the whole file) and all math — is
  wrapped in ``<span class="nocase">``, CSL-JSON's case protection, so styles that title-case
  (Chicago: "Unified 3d") or sentence-case keep it as written;
  ``author``: ``family``/``given``/``non-dropping-particle``/``suffix``, or
  ``literal`` for collaborations;
- ``issued.date-parts``: ``[[year, month, day]]`` as precise as known;
- ``container-title``, ``volume``, ``issue``, ``page``, and for proceedings in a series its
  ``collection-title`` and the proceedings' ``editor``s (published versions);
- ``publisher``: ``arXiv`` (preprints; not also ``archive``, which styles such as Chicago
  print a second time: "arXiv. arXiv."); no ``number``: APA prints it beside the arXiv DOI,
  the id twice ("(No. 1910.04867). arXiv. https://doi.org/10.48550/arXiv.1910.04867");
- ``DOI``: the published DOI; arXiv's ``10.48550/arXiv.<id>`` only for a preprint; ``URL``;
- ``custom.code``: the code links (``custom`` is CSL's place for extra data).

The text is a JSON array, indent 2, ``ensure_ascii=False``, with a trailing newline, so
equal input gives byte-identical files. `validate_csl` checks items against the
official schema packaged in ``normalizer/data/csl-data.json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from bibnorm.identifiers import is_arxiv_doi
from bibnorm.models import PartialDate, Person, Reference, UserFields
from bibnorm.text.capitals import Evidence, bibliography_evidence, paper_evidence, protected_spans
from bibnorm.text.tex_math import math_to_rich_text, split_source_math
from bibnorm.writers import Rendered, WriterOptions
from pydantic import BaseModel, ConfigDict, Field

CslType = Literal[
    "article", "article-journal", "paper-conference", "document", "book", "chapter", "thesis", "report"
]

# (a book, chapter, thesis or report only ever a user's own record: `Query.record`)
_TYPES: dict[str, CslType] = {
    "preprint": "article",
    "article": "article-journal",
    "inproceedings": "paper-conference",
    "misc": "document",
    "book": "book",
    "chapter": "chapter",
    "thesis": "thesis",
    "report": "report",
}


class _Csl(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CslName(_Csl):
    """A CSL name: either split parts or one ``literal``."""

    family: str | None = None
    given: str | None = None
    non_dropping_particle: str | None = Field(default=None, serialization_alias="non-dropping-particle")
    suffix: str | None = None
    literal: str | None = None


class CslDate(_Csl):
    date_parts: list[list[int]] = Field(serialization_alias="date-parts")


class CslCustom(_Csl):
    code: list[str] = Field(default_factory=list)


class CslItem(_Csl):
    """The CSL-JSON fields bibnorm writes, in output order."""

    id: str
    citation_key: str = Field(serialization_alias="citation-key")
    type: CslType
    title: str
    author: list[CslName] | None = None
    editor: list[CslName] | None = None
    translator: list[CslName] | None = None
    issued: CslDate | None = None
    container_title: str | None = Field(default=None, serialization_alias="container-title")
    collection_title: str | None = Field(default=None, serialization_alias="collection-title")
    collection_number: str | None = Field(default=None, serialization_alias="collection-number")
    volume: str | None = None
    issue: str | None = None
    page: str | None = None
    publisher: str | None = None
    edition: str | None = None
    ISBN: str | None = None
    publisher_place: str | None = Field(default=None, serialization_alias="publisher-place")
    genre: str | None = None
    number: str | None = None
    DOI: str | None = None
    URL: str | None = None
    accessed: CslDate | None = None
    ISSN: str | None = None
    note: str | None = None
    keyword: str | None = None
    abstract: str | None = None
    custom: CslCustom | None = None


def csl_name(person: Person) -> CslName:
    """A `Person` as a CSL name (empty parts left out)."""
    if person.literal:
        return CslName(literal=person.literal)
    return CslName(
        family=person.family or None,
        given=person.given or None,
        non_dropping_particle=person.particle or None,
        suffix=person.suffix or None,
    )


def _doi(reference: Reference, preprint: bool) -> str | None:
    """The publication's DOI; arXiv's DataCite DOI only ever for the preprint itself."""
    doi = reference.ids.doi
    if not preprint:
        return None if is_arxiv_doi(doi) else doi
    return doi or (f"10.48550/arXiv.{reference.ids.arxiv_id}" if reference.ids.arxiv_id else None)


def csl_title(title: str, evidence: Evidence | None = None) -> str:
    """A title as CSL rich text: its ``$...$`` math as rich-text markup, never TeX, and what
    BibTeX would brace (`protected_spans`, and math) in ``<span class="nocase">``.

    ``evidence``: the capitals evidence (`bibnorm.text.capitals.paper_evidence`); by default
    the title's own."""
    if evidence is None:
        evidence = paper_evidence(title, None)
    out: list[str] = []
    pieces, _ = split_source_math(" ".join(title.split()))  # repairs were reported at cleaning
    for number, (is_math, piece) in enumerate(pieces):
        if is_math:  # math keeps its case, as inside BibTeX's $...$
            out.append(_nocase(math_to_rich_text(piece)))
            continue
        piece = piece.replace("\\$", "$")
        position = 0
        for start, end in protected_spans(piece, evidence, title_start=number == 0):
            out += (piece[position:start], _nocase(piece[start:end]))
            position = end
        out.append(piece[position:])
    return "".join(out)


def _nocase(text: str) -> str:
    """``text`` kept as written by every CSL style (citeproc-js's and citeproc's ``nocase`` span)."""
    return f'<span class="nocase">{text}</span>'


def csl_item(key: str, reference: Reference, evidence: Evidence | None = None) -> CslItem:
    """One reference as a typed CSL item; ``evidence``: the capitals evidence of the whole
    bibliography (`csl_items`), deciding what the record's own leaves open."""
    arxiv_id = reference.ids.arxiv_id
    kind = _TYPES[reference.entry_type]
    preprint = kind == "article" and arxiv_id is not None
    return CslItem(
        id=key,
        citation_key=key,
        type=kind,
        title=csl_title(reference.title, paper_evidence(reference.title, reference.abstract, evidence)),
        author=[csl_name(p) for p in reference.authors] or None,
        issued=_csl_date(reference),
        publisher="arXiv" if preprint else reference.publisher,
        DOI=_doi(reference, preprint),
        URL=reference.url or (f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else None),
        custom=CslCustom(code=list(reference.code_links)) if reference.code_links else None,
        **(_venue_fields(reference) if kind in ("article-journal", "paper-conference", "chapter") else {}),
        **_work_fields(reference, kind),
        **_user_fields(reference.user_fields),
    )


def _user_fields(given: UserFields | None) -> dict[str, Any]:
    """What the user's own record keeps (`UserFields`), in CSL's fields (its keywords one text,
    as Zotero writes them)."""
    if given is None:
        return {}
    accessed = given.accessed
    return {
        "accessed": CslDate(date_parts=[[accessed.year, *_month_day(accessed)]]) if accessed else None,
        "ISSN": given.issn,
        "note": given.note,
        "keyword": ", ".join(given.keywords) or None,
        "abstract": given.abstract,
    }


def _month_day(date: PartialDate) -> list[int]:
    """The date's month and day as CSL's date-parts follow its year, as far as it knows them."""
    if not date.month:
        return []
    return [date.month, date.day] if date.day else [date.month]


def _csl_date(reference: Reference) -> CslDate | None:
    """The published date, else the first version's, as precise as known."""
    date = reference.issued or reference.first_version
    if date is None:
        return None
    return CslDate(date_parts=[[date.year, *_month_day(date)]])


def _venue_fields(reference: Reference) -> dict[str, Any]:
    """What only a published item carries: editors, its venue and where in it."""
    return {
        "editor": [csl_name(p) for p in reference.editors] or None,
        "container_title": reference.venue,
        "collection_title": reference.series,
        "volume": reference.volume,
        "issue": reference.number,
        "page": reference.pages.replace("--", "-") if reference.pages else None,
    }


def _work_fields(reference: Reference, kind: CslType) -> dict[str, Any]:
    """What a book, a chapter, a thesis or a report carries besides (a user's own record), and
    where a document appeared."""
    fields: dict[str, Any] = {"translator": [csl_name(p) for p in reference.translators] or None}
    if kind in ("book", "chapter"):
        fields |= {"edition": reference.edition, "ISBN": reference.isbn}
    if kind in ("book", "chapter", "thesis", "report", "document"):
        fields["publisher_place"] = reference.address
    if kind == "book":
        fields |= {
            "editor": [csl_name(p) for p in reference.editors] or None,
            "collection_title": reference.series,
            "collection_number": reference.number,
            "volume": reference.volume,
        }
    if kind in ("thesis", "report"):
        fields["genre"] = reference.genre
    if kind == "document":
        fields["container_title"] = reference.venue  # a web site, a server, a magazine
    if kind == "report":
        fields["number"] = reference.number
    return fields


def csl_items(references: Sequence[tuple[str, Reference]]) -> list[dict[str, Any]]:
    """The JSON-ready CSL items, in the order given."""
    evidence = bibliography_evidence([(reference.title, reference.abstract) for _, reference in references])
    return [
        csl_item(key, ref, evidence).model_dump(by_alias=True, exclude_none=True) for key, ref in references
    ]


# The fields of an item bibnorm writes of its own (`CslItem`): every other field of an input's
# item is the user's (an abstract, keywords, an ISSN, a note, Zotero's keys), which
# `with_input_fields` keeps; so are the ones it writes only from a user's record (`UserFields`).
OWNED_FIELDS = frozenset(
    (field.serialization_alias or name) for name, field in CslItem.model_fields.items()
) - frozenset(_user_fields(UserFields()))


def _add_own_fields(item: dict[str, Any], given: dict[str, Any]) -> None:
    """Adds to ``item`` (as bibnorm wrote it) the fields of ``given`` (the input's item) bibnorm
    does not write, after its own."""
    item.update(
        {name: value for name, value in given.items() if name not in OWNED_FIELDS and name not in item}
    )


def with_input_fields(text: str, inputs: Sequence[dict[str, Any]]) -> str:
    """``text`` (the CSL-JSON bibnorm wrote) with each item's own fields from the input item of
    its key (``inputs``: the items of CSL-JSON inputs) that bibnorm does not write, after
    bibnorm's: a CSL-JSON in, a CSL-JSON out, nothing the user kept there is lost."""
    by_key = {str(item.get("citation-key") or item.get("id")): item for item in inputs}
    written = json.loads(text)
    if not isinstance(written, list) or not by_key:
        return text
    for item in written:
        _add_own_fields(item, by_key.get(str(item.get("id")), {}))
    return json.dumps(written, indent=2, ensure_ascii=False) + "\n"


def keep_csl_inputs(text: str, placed: Sequence[tuple[dict[str, Any], str | None]]) -> str:
    """``text`` (the CSL-JSON bibnorm wrote) with the items of CSL-JSON inputs in their places
    (``placed``: each input item and the key bibnorm wrote it under, None where it did not
    resolve): a resolved item as bibnorm writes it with the fields of its own bibnorm does not
    write, one that did not resolve as it was; then the written items no input item placed. A
    CSL-JSON in, a CSL-JSON out: nothing the user kept there is lost, as a ``.bib``'s entries stay."""
    written = json.loads(text)
    if not isinstance(written, list) or not placed:
        return text
    by_key = {str(item.get("id")): item for item in written}
    items, used = [], set()
    for given, key in placed:
        item = by_key.get(key) if key is not None else None
        if item is None:
            items.append(given)
            continue
        _add_own_fields(item, given)
        items.append(item)
        used.add(key)
    items += [item for item in written if str(item.get("id")) not in used]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"


def render_csl_json(references: Sequence[tuple[str, Reference]], options: WriterOptions) -> Rendered:
    """A CSL-JSON array (always Unicode; ``options`` has nothing CSL needs)."""
    text = json.dumps(csl_items(references), indent=2, ensure_ascii=False) + "\n"
    return Rendered(text=text)


@lru_cache(maxsize=1)
def csl_schema() -> dict[str, Any]:
    """The official CSL-JSON schema (citation-style-language/schema, packaged data)."""
    text = resources.files("bibnorm").joinpath("data", "csl-data.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate_csl(items: Any) -> list[str]:
    """Schema violations of CSL-JSON data (a list of items) as readable lines; empty when valid."""
    import jsonschema  # local: only validation needs it

    validator = jsonschema.Draft7Validator(csl_schema())
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in sorted(validator.iter_errors(items), key=lambda e: list(map(str, e.absolute_path)))
    ]
