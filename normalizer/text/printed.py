"""What a printed reference carries: a record's title and venue, wherever a reader put the
boundaries between the reference's parts.

An item of a reference list (a PDF's, a pasted list's, a ``.bbl``'s) is one run of text; a
reader splits it into names, title and venue by its punctuation, and now and then splits a
title that asks a question ("How Faithful is your Synthetic Data? Sample-level Metrics …"),
quotes itself ("“It was honestly just gambling”: Investigating …"), or a venue that holds a
comma ("Immunity, inflammation and disease") or abbreviation dots ("Proc. ACM Manag. Data"),
in the wrong place. What the text carries does not depend on that split.

Words are compared as title keys join them (`bibnorm.text.titles.title_words`), so a word
broken across two lines of a PDF counts as one, and a phrase is found only from the start of a
word to the end of one.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import NamedTuple

from bibnorm.text.titles import SUBTITLE_HEAD_WORDS, title_key, title_words
from bibnorm.text.word_tables import alternation, bare_words, reference_abbreviations


class Span(NamedTuple):
    start: int  # characters into the joined words
    end: int


_TOKEN = re.compile(r"\S+")
# The "In" that leads a venue; one that ends the text leads to nothing (the venue was on a line
# the reader did not get).
VENUE_IN = r"[Ii]n:?(?:\s+|$)"
_VENUE_LEAD = re.compile(f"^{VENUE_IN}")
# The editors' mark that closes a chapter's editors before its book: "editors.", "eds.", "(ed)",
# "(Eds.):", "Hrsg." (reference-abbreviations.json's editors' marks, not one that opens the names:
# "edited by"), and the blanks after it
_CLOSING_MARKS = [mark for mark in reference_abbreviations().editors if " " not in mark]
EDITORS_MARK = rf"\(?\b(?i:{alternation(_CLOSING_MARKS)})\b\.?\)?[.,:;]?\s++"


class PrintedText:
    """A printed reference's words, joined, with where each word ends and the stretch of the
    text (between spaces) it was read from."""

    def __init__(self, text: str) -> None:
        self.text = text
        words: list[str] = []
        self.tokens: list[tuple[int, int]] = []  # each word's stretch of ``text``
        for token in _TOKEN.finditer(text):
            for word in title_words(token.group()):
                words.append(word)
                self.tokens.append(token.span())
        self.words = tuple(words)
        self.joined = "".join(words)
        self.ends: list[int] = list(itertools.accumulate(len(word) for word in words))
        self._starts = frozenset([0, *self.ends[:-1]])

    def find(self, phrase: str, after: int = 0) -> Span | None:
        """Where ``phrase``'s words first stand whole at or after character ``after``."""
        key = title_key(phrase)
        at = self.joined.find(key, after) if key else -1
        while at >= 0:
            end = at + len(key)
            if at in self._starts and (end in self._starts or end == len(self.joined)):
                return Span(at, end)
            at = self.joined.find(key, at + 1)
        return None

    def word_at(self, offset: int) -> int:
        """The number of the word that starts at (or runs over) character ``offset``."""
        return bisect.bisect_right(self.ends, offset)

    def runs_from(self, start: int, shortest: int = SUBTITLE_HEAD_WORDS) -> list[str]:
        """The keys of the runs of at least ``shortest`` whole words that begin at character
        ``start``, shortest first."""
        return [self.joined[start:end] for end in self.ends[self.word_at(start) + shortest - 1 :]]

    def runs_to(self, end: int, shortest: int = SUBTITLE_HEAD_WORDS) -> list[str]:
        """The keys of the runs of at least ``shortest`` whole words that end at character
        ``end`` (a word's end, or the start of the next), shortest first."""
        last = self.word_at(end - 1) if end > 0 else -1  # the word that ends at ``end``
        starts = [0, *self.ends]
        return [self.joined[starts[first] : end] for first in range(last - shortest + 1, -1, -1)]

    def text_after(self, offset: int) -> str:
        """The text from the word at character ``offset`` to the first stretch that holds a digit
        (a year, a volume, pages) or the end: where a reference prints its venue after its title."""
        first = self.word_at(offset)
        if first >= len(self.tokens):
            return ""
        begin = end = self.tokens[first][0]
        for token in _TOKEN.finditer(self.text, begin):
            if any(character.isdigit() for character in token.group()):
                break
            end = token.end()
        return self.text[begin:end]


def title_misread(text: str, read: str, title: str) -> bool:
    """Whether ``title`` is what the printed reference ``text`` cites, though a reader took
    ``read`` for its title: ``title`` (of `SUBTITLE_HEAD_WORDS` words or more) stands whole in
    the text over the words read, or begins just after them (a fragment of the names read as the
    title), or ends just before them (the title read as names, the venue as the title). A
    ``title`` the words read run past is not: "Attention Is All You Need in Speech Separation"
    does not cite "Attention Is All You Need"."""
    if len(title_words(title)) < SUBTITLE_HEAD_WORDS:
        return False
    printed = PrintedText(text)
    at = printed.find(read)
    found = printed.find(title)
    while at is not None and found is not None:
        over = found.start <= at.start and found.end >= at.end
        if over or at.end == found.start or found.end == at.start:
            return True
        found = printed.find(title, after=found.start + 1)
    return False


def venue_after_title(text: str, title: str) -> str | None:
    """What the printed reference ``text`` prints where a venue stands, after ``title`` (found
    whole in it): the text up to a year, a volume or the end, without a leading "In" and
    separators; "" when nothing stands there (a reference that names no venue, or whose venue
    is on a line its reader did not get); None when the title is not in the text."""
    printed = PrintedText(text)
    found = printed.find(title)
    if found is None:
        return None
    venue = _VENUE_LEAD.sub("", printed.text_after(found.end).strip(" ,;:.")).strip(" ,;:")
    head, _, last = venue.rpartition(" ")
    if head and last.rstrip(".").casefold() in _NUMBER_LEADS:  # "…, pages" before "1–8"
        venue = head.strip(" ,;:")
    return venue


# The words a reference prints before a volume, number or pages, which end no venue's name.
_NUMBER_LEADS = frozenset(word.casefold() for word in bare_words(reference_abbreviations().numbers))
