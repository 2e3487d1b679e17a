"""Hugging Face papers pages copied as text: a title line, then its abstract line, repeated.

Two layouts occur in practice: lines back to back (the page header is two "Get
trending papers ..." lines and the first title is glued to "Subscribe"), and lines
separated by blank lines (a header of "new", "Subscribe", "byAK and the research
community" and a date such as "Mar 14"). Both reduce to the same content lines once
blank lines and page furniture are dropped.

Title and abstract lines are told apart by their shape, not by position, so a
missing abstract or an abstract split over two lines does not shift every item
after it: an abstract is long (`ABSTRACT_MIN_CHARS`) or reads as a sentence
(ends with a full stop and has several words); anything else starts a new item.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from bibnorm.models import Origin, Query, QueryKind
from bibnorm.readers.base import URL_PATTERN, Reader
from bibnorm.text.months import ANY_SPELLING
from bibnorm.text.word_tables import table_entries

# Real abstracts on these pages are 380+ characters, real titles under 170: 250 sits
# well clear of both.
ABSTRACT_MIN_CHARS = 250
_SENTENCE_MIN_WORDS = 8

# Page furniture, compared after stripping the line (hf-papers-page.json): the markers, which only a
# scraped papers page carries (they tell the format), and words other pages print too.
_PAGE = table_entries("hf-papers-page.json")
_MARKERS = frozenset(_PAGE["markers"])
BOILERPLATE = _MARKERS | frozenset(_PAGE["furniture"])
_DATE_LINE = re.compile(rf"{ANY_SPELLING}\.? \d{{1,2}}(?:, \d{{4}})?")
# "SubscribePretraining the Vision ...": the button text glued to the first title.
_GLUED_SUBSCRIBE = re.compile(r"Subscribe(?=[^a-z\s])")


@dataclass
class _Item:
    """An item while its lines are being collected (local to one `read_hf_papers` call)."""

    line: int
    raw: str
    title: str
    abstract: str | None = None


def is_boilerplate(line: str) -> bool:
    """True for page furniture: header/button texts and date separators."""
    text = line.strip()
    return text in BOILERPLATE or bool(_DATE_LINE.fullmatch(text))


def looks_like_abstract(line: str) -> bool:
    """True for a line shaped like an abstract rather than a title."""
    text = line.strip()
    if len(text) >= ABSTRACT_MIN_CHARS:
        return True
    return text.endswith(".") and len(text.split()) >= _SENTENCE_MIN_WORDS


def _content_lines(text: str) -> list[tuple[int, str]]:
    """Non-blank, non-furniture lines with their 1-based numbers; glued "Subscribe" removed."""
    content: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or is_boilerplate(stripped):
            continue
        if not content:  # only the page header glues the button to a title
            stripped = _GLUED_SUBSCRIBE.sub("", stripped, count=1).strip()
        content.append((number, stripped))
    return content


def read_hf_papers(text: str, path: str) -> list[Query]:
    """One title `Query` per paper on the page, with its abstract and the URLs in it.

    Abstract text before the first title (nothing to attach it to) is ignored; a
    second abstract-shaped line is appended to the current item's abstract.
    """
    items: list[_Item] = []
    raw_lines = text.splitlines()
    for number, line in _content_lines(text):
        if looks_like_abstract(line):
            if not items:
                continue
            current = items[-1]
            current.abstract = line if current.abstract is None else f"{current.abstract} {line}"
        else:
            items.append(_Item(line=number, raw=raw_lines[number - 1], title=" ".join(line.split())))
    return [
        Query(
            index=index,
            origin=Origin(path=path, line=item.line),
            kind=QueryKind.TITLE,
            title=item.title,
            abstract=item.abstract,
            # An arXiv id inside an abstract cites other work ("Recent research
            # arXiv:2410.15027 has explored ..."), so it is kept as text, not as this
            # paper's id. URLs stay raw; cleaning code links is normalization's job.
            urls=tuple(URL_PATTERN.findall(item.abstract or "")),
            raw=item.raw,
        )
        for index, item in enumerate(items)
    ]


def sniff_hf_papers(text: str) -> bool:
    """True for a scraped papers page: its header markers, or title/abstract alternation.

    Without markers, at least two items are needed, and nearly every title-shaped
    line must be followed by an abstract-shaped one (a plain title list has none).
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if any(line in _MARKERS for line in lines[:20]):
        return True
    content = [line for line in lines if not is_boilerplate(line)]
    shapes = [looks_like_abstract(line) for line in content]
    titles = shapes.count(False)
    if titles < 2 or shapes[0]:
        return False
    paired = sum(1 for first, second in itertools.pairwise(shapes) if not first and second)
    return paired >= 0.9 * titles


READER = Reader(
    name="hf-papers",
    description="a Hugging Face papers page saved as text: title line, abstract line, ...",
    read=read_hf_papers,
    sniff=sniff_hf_papers,
)
