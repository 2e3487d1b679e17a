"""The identifiers a reference prints: its arXiv id and its DOI, read whole or not at all.

A DOI or an arXiv id read cut short names another work: a wrong identifier is worse than none.
A DOI is read only where it ends where a DOI can (not inside a word, not after "-", "/", "_",
":" or "(", not before a lone number: a typewriter font's underscore printed as a space), and
not where the text holds another DOI (two references run together) — the same DOI again, in
its link, is none other: case is no difference, nor a publisher's landing page after it
("/html"), nor an underscore the field printed as a space. Stretched and broken DOIs are closed
first (`bibnorm.readers._doi_gaps`). An arXiv id is read after "arXiv:" or in an arxiv.org link
(biblatex spaces its dot: "arXiv: 1008 . 2849v1"), an old-style one by its archive, or, in a
reference that names arXiv, the one new-style id it holds alone ("(1805.12177)").
"""

from __future__ import annotations

import re

from bibnorm.identifiers import OLD_STYLE_ARCHIVES, ArxivId, canonical_doi, parse_arxiv_id
from bibnorm.readers._doi_gaps import closed_doi_gaps
from bibnorm.readers._ref_apa import REPRINT

OLD_STYLE_ID = r"[a-z-]+(?:\.[A-Z]{2})?/\d{7}"  # "hep-th/0106109", "math.AG/0309136"
_ARCHIVES = "|".join(sorted(map(re.escape, OLD_STYLE_ARCHIVES)))
ARXIV = re.compile(  # (biblatex spaces an id's dot as it spaces a DOI's: "arXiv: 1008 . 2849v1")
    r"(?i)(?:arXiv:?\s*|arxiv\.org/(?:abs|pdf)/)"
    # (no digit glued after it: "2106.045602" is an id and a line number, or a typo, not 2106.04560)
    rf"((?:\d{{4}}(?: \. |\.)\d{{4,5}}(?!\d)|{OLD_STYLE_ID})(?:v\d+)?)"
    # An old-style id needs no prefix: its archive names it ("hep-th/0106109", "math.AG/0309136").
    rf"|(?<![\w/.-])((?:{_ARCHIVES})(?:\.[A-Z]{{2}})?/\d{{7}}(?:v\d+)?)\b"
)
DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>,;]+[^\s\"<>,;.)\]])")
# A SICI DOI holds "<", ">" and ";": "10.1002/(SICI)1096-987X(199803)19:4<377::AID-JCC1>3.0.CO;2-P".
SICI_DOI = re.compile(r"\b(10\.\d{4,9}/\(SICI\)\S+[^\s.,)\]])")
# A DOI some fonts space out when copied: "10 . 1016 / j . annpal . 2019 . 01 . 001" (only the
# spaced " . ", " / " and " - " between its parts: "10.1016/x. Title" is no spaced DOI; a
# hyphen spaced too, "10 . 1027 / 1618 - 3169/a000440", is no end of it).
_SPACED_DOI = re.compile(r"\b10 \. \d{4,9} / [\w-]+(?: [./-] [\w-]+(?:/[\w.-]*\w)?)*")
URL = re.compile(r"(?:https?://|www\.)\S+")


def joined_dois(text: str) -> str:
    """``text`` with its spaced, stretched or broken DOIs written whole."""
    return closed_doi_gaps(_SPACED_DOI.sub(lambda m: re.sub(r"\s+", "", m.group(0)), text))


def without_ids(text: str) -> str:
    """``text`` without its arXiv ids, DOIs and links (what the title, names and years are read from)."""
    return URL.sub(" ", DOI.sub(" ", SICI_DOI.sub(" ", ARXIV.sub(" ", text))))


def arxiv_id(text: str) -> ArxivId | None:
    """The reference's arXiv id: one after "arXiv:" or in an arxiv.org link, an old-style one by
    its archive; else, where the reference names arXiv, the one new-style id it holds alone
    (Vancouver's "arXiv. 2018 May;(1805.12177).", dcu's "Technical Report 1710.10903, arXiv.")."""
    found = ARXIV.search(text)
    if found is not None:
        return parse_arxiv_id((found.group(1) or found.group(2)).replace(" ", ""))
    if "arxiv" not in text.casefold():
        return None
    alone = _BARE_ARXIV.findall(URL.sub(" ", DOI.sub(" ", text)))
    return parse_arxiv_id(alone[0]) if len(alone) == 1 else None


# A new-style id, its month 01–12, alone (not inside a DOI, a link or a longer number).
_BARE_ARXIV = re.compile(r"(?<![\w./-])(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}(?:v\d+)?)(?![\w/-]|\.\d)")


def only_doi(text: str) -> str | None:
    """The reference's DOI: None when the pattern had to stop inside a word of the text or
    after a hyphen, slash or colon (a cut DOI: none is better than a wrong one), or when the
    text holds another DOI too (two references run together, and no telling whose this one is)."""
    doi_match = SICI_DOI.search(text) or DOI.search(text)
    if doi_match is None:
        return None
    if re.match(r"[^\s.,;:)\]\"”']", text[doi_match.end() : doi_match.end() + 1]):
        return None
    if doi_match.group(1)[-1] in "-/_:(":  # cut where it had to go on ("10.1186/1471- …")
        return None
    if "{" in doi_match.group(1) or "}" in doi_match.group(1).rstrip("}"):
        return None  # a brace inside: BibTeX's markup or two fields run together, no DOI as printed
    # the rest of the DOI on the next line, alone ("10.1080/15476286.2015.10" then "20271"): the
    # DOI is written whole, never cut where the line broke
    rest = _DOI_REST_ALONE.match(text, doi_match.end())
    if rest is not None and doi_match.group(1)[-1].isdigit():
        return canonical_doi(doi_match.group(1) + rest.group(1))
    if _DIGITS_AFTER.match(text, doi_match.end()):
        return None  # digits after the break and more after them: its rest, or not? None is safe
    # a number alone after it: its underscore printed as a space ("…31485-8 2.", a typewriter font)
    split = _SPLIT_AT_UNDERSCORE.match(text, doi_match.end())
    doi = canonical_doi(doi_match.group(1).rstrip("}"))
    found = {
        canonical_doi(_LANDING.sub("", one.rstrip("}")))
        for one in DOI.findall(SICI_DOI.sub(" ", REPRINT.sub(" ", text)))
    }
    # the same DOI again (its link: case is no difference between DOIs, a publisher's landing
    # page after it is none of it, "…/doi/10.1524/phil.1928.83.14.115/html")
    others = {one for one in found if one and (doi is None or one.casefold() != doi.casefold())}
    if doi is not None and len(others) == 1:
        (link,) = others
        # a typewriter font prints "_" as a space: "doi: 10.1007/978-3-642-31485-8 2. URL
        # http://dx.doi.org/10.1007/978-3-642-31485-8_2" is one DOI, whole in its link
        if link.casefold().startswith(doi.casefold() + "_") and f"{doi} {link[len(doi) + 1 :]}" in text:
            return link
    return None if doi is not None and (others or split) else doi


_DOI_REST_ALONE = re.compile(r"\s(\d{5,})\.?\s*$")  # digits ending the reference, after a break
_DIGITS_AFTER = re.compile(r"\s\d{5,}")
_SPLIT_AT_UNDERSCORE = re.compile(r" \d{1,4}[.,;]?(?:\s|$)")
_LANDING = re.compile(r"/(?:html|pdf|epdf|full|abstract|fulltext)$", re.IGNORECASE)  # a publisher's page
