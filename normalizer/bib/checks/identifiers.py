"""BN4xx: identifiers and links (DOI form, arXiv/DOI URL form, code repository links)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from bibnorm.bib.bibfile import (
    BibFile,
    iter_entries,
)
from bibnorm.bib.checks.base import CheckContext, Finding
from bibnorm.identifiers import canonical_doi, parse_arxiv_id, short_doi
from bibnorm.text.links import CODE_HOSTS, extract_code_links

# -- BN4xx: identifiers and links ------------------------------------------------------------------


def doi_form(files: Sequence[BibFile], ctx: CheckContext) -> Iterator[Finding]:
    """BN401: a ``doi`` that is a link, has a ``doi:`` prefix or TeX escapes, or is no DOI.

    A shortDOI (``10/ggcxkc``) is a DOI; the case of a DOI is not held against it (DOIs are
    case-insensitive), nor are braces around it.
    """
    for bibfile, entry in iter_entries(files):
        field = entry.field("doi")
        if field is None or is_empty(field.text):
            continue  # BN404's
        value = field.text.strip()
        bare = value.replace("{", "").replace("}", "").strip()
        canonical = escapes_kept(bare, canonical_doi(bare))
        message = None
        if canonical is None and (short := short_doi(bare)) is not None:
            if short != bare.lower():
                message = f"doi {value!r} should be the bare shortDOI {short!r}"
        elif canonical is None:
            message = f"doi {value!r} is not a DOI"
        elif canonical.casefold() != bare.casefold():
            message = f"doi {value!r} should be the bare DOI {canonical!r}"
        if message is not None:
            yield ctx.finding("BN401", bibfile.path, field.line, entry.key, message)


IDENTIFIER_FIELDS = ("doi", "url", "eprint", "isbn", "issn", "pmid", "pmcid", "arxivid")


def is_empty(text: str) -> bool:
    """Whether a field's text holds nothing but braces and spaces."""
    return not text.replace("{", "").replace("}", "").strip()


def empty_identifiers(files: Sequence[BibFile], ctx: CheckContext) -> Iterator[Finding]:
    """BN404: an identifier field with nothing in it (``doi = {}``): no style prints it, and a
    reader of the file takes it for an identifier that was never filled in."""
    for bibfile, entry in iter_entries(files):
        for name in IDENTIFIER_FIELDS:
            field = entry.field(name)
            if field is not None and field.value[:1] in '{"' and is_empty(field.text):
                yield ctx.finding("BN404", bibfile.path, field.line, entry.key, f"{name} is empty: remove it")


def escapes_kept(written: str, doi: str | None) -> str | None:
    """``doi`` with ``%``, ``_``, ``&`` and ``#`` escaped as ``written`` escapes them.

    A style that prints the field as text (plainnat in a document without url or hyperref) needs
    the escape: a bare ``_`` there stops LaTeX with "Missing $ inserted", a bare ``%`` starts a
    comment. Mendeley writes ``{\\_}``, others ``\\_``: each escape is kept as written, so what
    is typeset does not change.
    """
    if doi is None:
        return None
    for special in "%_&#":
        for escape in ("{\\" + special + "}", "\\" + special):
            if escape in written:
                doi = doi.replace(special, escape)
                break
    return doi


def canonical_url(url: str) -> str | None:
    """The canonical spelling of an arXiv or DOI link, or None when ``url`` is neither."""
    text = url.strip()
    lowered = text.lower()
    if "arxiv.org/" in lowered:
        arxiv = parse_arxiv_id(text)
        if arxiv is None:
            return None
        version = f"v{arxiv.version}" if arxiv.version else ""
        return f"https://arxiv.org/abs/{arxiv.id}{version}"
    if "doi.org/" in lowered:
        doi = canonical_doi(text)
        return f"https://doi.org/{doi}" if doi else None
    return None


def url_form(files: Sequence[BibFile], ctx: CheckContext) -> Iterator[Finding]:
    for bibfile, entry in iter_entries(files):
        field = entry.field("url")
        if field is None or is_empty(field.text):
            continue  # BN404's
        value = field.text
        # escapes kept as `fix` keeps them (DBLP's "https://doi.org/10.1007/…\_27" is canonical)
        canonical = escapes_kept(value, canonical_url(value))
        if canonical is not None and canonical != value:
            yield ctx.finding("BN402", bibfile.path, field.line, entry.key, f"url should be {canonical}")
        elif canonical is None and value != value.strip():
            yield ctx.finding("BN402", bibfile.path, field.line, entry.key, "url has surrounding spaces")


# A code host's link, not a site under it: ``adriaanm.github.com/research`` is a GitHub Pages
# site, no repository (nothing of the host name may come before the code host's).
CODE_URL = re.compile(
    r"(?<![\w.@/-])(?:https?://)?(?:www\.)?(?:"
    + "|".join(re.escape(h) for h in sorted(CODE_HOSTS))
    + r")/[^\s{}\\]*",
    re.IGNORECASE,
)
CODE_FIELDS = ("url", "code", "github", "repository", "howpublished", "note")
# Of those, the fields the standard styles print as written (plain's misc prints howpublished and
# every type prints note): a link there is text the reader sees, which `fix` leaves to the author.
PRINTED_CODE_FIELDS = frozenset({"howpublished", "note"})


def code_links(files: Sequence[BibFile], ctx: CheckContext) -> Iterator[Finding]:
    for bibfile, entry in iter_entries(files):
        for name in CODE_FIELDS:
            field = entry.field(name)
            if field is None:
                continue
            for match in CODE_URL.finditer(field.text):
                written = match.group(0).rstrip(".,;:)")
                canonical = canonical_code_link(written)
                if canonical is not None and canonical != written:
                    by_hand = (
                        " (by hand: a style prints this field as written)"
                        if name in PRINTED_CODE_FIELDS
                        else ""
                    )
                    yield ctx.finding(
                        "BN403",
                        bibfile.path,
                        field.line,
                        entry.key,
                        f"code link {written} should be {canonical}{by_hand}",
                    )


def canonical_code_link(written: str) -> str | None:
    """The canonical spelling of a code host's link (`bibnorm.text.links`), with the query
    and fragment it was written with (``#L323`` points at a line), or None when it names no
    repository."""
    link, hash_, fragment = written.partition("#")
    code, _ = extract_code_links([link if "://" in link else "https://" + link])
    if not code:
        return None
    query = link.partition("?")[2]
    return code[-1] + (f"?{query}" if query else "") + hash_ + fragment
