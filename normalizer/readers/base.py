"""What every input reader is: a name, the file suffixes it claims, a parser and a sniffer.

Readers are pure functions of the text and the path as the user gave it; reading the
file (or stdin) happens once, in `normalizer.readers.read_inputs`. Each reader numbers
its queries from 0 within its file; `read_inputs` renumbers them across all files.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from normalizer.identifiers import ArxivId, canonical_doi, parse_arxiv_id
from normalizer.models import Query

ReadFunction = Callable[[str, str], list[Query]]
"""``read(text, path) -> queries``: ``path`` is only used for `Origin` and messages."""

SniffFunction = Callable[[str], bool]
"""``sniff(text) -> bool``: true when the text is in this reader's format."""

URL_PATTERN = re.compile(r"https?://\S+")


@dataclass(frozen=True)
class Reader:
    """One input format.

    ``suffixes`` are lower-case file suffixes (with the dot) that select this reader
    without looking at the content; ``sniff`` recognises the format from the text,
    for files whose suffix says nothing (``.txt``, stdin).
    """

    name: str
    description: str
    read: ReadFunction
    suffixes: tuple[str, ...] = ()
    sniff: SniffFunction | None = None


def display_path(path: str) -> str:
    """How a path appears in messages: stdin (``-``) gets a readable name."""
    return "<stdin>" if path == "-" else path


def arxiv_doi_id(doi: str | None) -> ArxivId | None:
    """The arXiv id inside arXiv's own DataCite DOI (``10.48550/arXiv.2211.09119``), if it is one."""
    if doi and doi.startswith("10.48550/arXiv."):
        return parse_arxiv_id(doi.removeprefix("10.48550/arXiv."))
    return None


def identifier_of(text: str) -> tuple[ArxivId | None, str | None]:
    """The arXiv id and DOI ``text`` names, when it is nothing but one identifier.

    A DataCite arXiv DOI yields both: it names an arXiv paper exactly.
    """
    arxiv = parse_arxiv_id(text)
    if arxiv:
        return arxiv, None
    doi = canonical_doi(text)
    return arxiv_doi_id(doi), doi
