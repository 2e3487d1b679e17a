"""The structure of a plain ``\\bibitem`` (one with no field markup): where its fields begin and
end, which the style printed and a reference string loses.

A BibTeX style separates an item's sentences with ``\\newblock`` (plain's, natbib's and most
others': the names, the title, the venue) and sets parts of a sentence in a font or quotes of
their own: ``\\emph{…}``, ``{\\em …}``, ``{\\it …}``, ``\\textit{…}``, ``\\enquote{…}``,
``\\`\\`…''`` (IEEEtran's quoted title), harvard's ```Title'``, siam's and amsplain's italic title,
a journal's italic name, BMC's bold title. Each sentence and each such group is a *segment*. The
trained tagger (`bibnorm.readers.tagger`) labels the tokens of the item's text; a sentence of its own or a
group most of whose tokens it labels as one field is that field, and the segment bounds it: a
title is the whole of its segment (up to a date or a venue the tagger reads at its end), not cut
at a colon, a full stop or a name the way a reading of the string alone might ("J. Csirik, …,
M. Labbé, and S. Zhang. Heuristics …" read as names up to "Labbé" and a title from "and S.
Zhang"). The first sentence, when most of it is names, is the author list, all of it.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from bibnorm.readers._bbl_bibinfo import braced
from bibnorm.readers.tagger import NAME_LABELS, TaggedReference
from bibnorm.text.months import SPELLINGS as MONTH_SPELLINGS
from bibnorm.text.titles import plain_text
from bibnorm.text.word_tables import visit_dates

BLOCK = "\u2029"  # where a \newblock was
GROUP = "\u2028"  # either side of a font or quote group
_GROUP_OPENING = re.compile(
    r"\\(?:emph|textit|textsl|textbf|enquote|showarticletitle|btxtitlefont|btxjtitlefont)\s*+\{"
    r"|\{\s*+\\(?:em|it|sl|itshape|bf|bfseries)(?![A-Za-z])|``|`(?!`)|“|\\og(?![A-Za-z])"
)
# a quote's end; harvard's single quote ("`Title', {\\em Journal}") is one not followed by a letter
_CLOSING = {
    "``": re.compile("''"),
    "“": re.compile("”"),
    "`": re.compile(r"'(?=[,.;:])"),
    "\\og": re.compile(r"\\fg(?![A-Za-z])\s*+(?:\{\})?"),  # babel-french's guillemets
}
_YEAR_AT_END = re.compile(r"[(\[]?\s?(?:\d{4}[a-z]?|n\.\s?d)$")  # searched in a name list's last characters
_AT_THE_END = frozenset({"date", "volume", "issue", "pages", "doi", "url", "arxiv", "isbn"})
_WORD = re.compile(r"[^\W\d_]{2}")
_EDGES = " \t\n.,;:"
_QUOTES = {"“": "”", '"': '"', "'": "'", "‘": "’", "`": "'", "«": "»"}


def mark_groups(latex: str) -> str:
    """``latex`` with `GROUP` either side of each outermost font or quote group."""
    out: list[str] = []
    position = 0
    while (opening := _GROUP_OPENING.search(latex, position)) is not None:
        token = opening.group()
        if token in _CLOSING:
            closing = _CLOSING[token].search(latex, opening.end())
            end = closing.end() if closing else -1
        else:
            brace = opening.start() if token.startswith("{") else opening.end() - 1
            content = braced(latex, brace + 1)
            end = brace + len(content) + 2 if content is not None else -1
        if end < 0:
            break
        out += [latex[position : opening.start()], GROUP, latex[opening.start() : end], GROUP]
        position = end
    out.append(latex[position:])
    return "".join(out)


@dataclass(frozen=True)
class Segment:
    start: int  # in the joined text
    end: int
    block: int  # the number of its \newblock sentence
    group: bool  # a font or quote group


def joined_segments(latex: str) -> tuple[str, list[Segment]]:
    """The item as one reference string — its sentences joined by ". ", as `plain_text` renders
    them — and where each segment of it lies."""
    text = ""
    segments: list[Segment] = []
    for number, sentence in enumerate(latex.split(BLOCK)):
        pieces = [
            (plain_text(piece).strip(), index % 2 == 1) for index, piece in enumerate(sentence.split(GROUP))
        ]
        pieces = [(piece, group) for piece, group in pieces if piece]
        if not pieces:
            continue
        if text:
            text = text.rstrip(".") + ". "
        for piece, group in pieces:
            if text and not text.endswith(" ") and piece[:1] not in ",.;:)]":
                text += " "
            segments.append(Segment(len(text), len(text) + len(piece), number, group))
            text += piece
    return text, segments


def _without_year(names: str) -> str:
    """An author list without the year an author-year style prints after it ("Names (2003).",
    "Names [2003].")."""
    names = names.rstrip(" .,;:)]–—-")
    year = _YEAR_AT_END.search(names, max(0, len(names) - 12))
    return (names[: year.start()] if year else names).rstrip(" ,;:([–—-").strip()


@dataclass(frozen=True)
class BlockReading:
    """The fields the segments give (None where none does)."""

    names: str | None  # the first sentence, when it is the author list (its year left out)
    title: str | None
    venue: str | None
    first: str  # the first of two or more sentences, its outer punctuation and quotes off


def _labelled(tagged: TaggedReference, *segments: Segment) -> list[tuple[int, str]]:
    """The index and label of each token the tagger labels inside ``segments``, in order."""
    return [
        (index, tagged.labels[index])
        for segment in segments
        for index, (start, _) in enumerate(tagged.spans)
        if segment.start <= start < segment.end
    ]


def _span(tagged: TaggedReference, labelled: list[tuple[int, str]]) -> str:
    """The segment's text but for a date or numbers the tagger reads at its ends: the segment
    bounds the field, and what the tagger labels inside it is the field's whatever its label
    ("No" of "No Longer Innocent"), but not "(2013)" before a title (pnas2009) or "; 2015"
    after one (vancouver)."""
    indices = [index for index, _ in labelled]
    while len(indices) > 1 and tagged.labels[indices[0]] == "date":
        indices.pop(0)
    dated = False
    while (
        len(indices) > 1 and tagged.labels[indices[-1]] in _AT_THE_END and not _the_names_own(tagged, indices)
    ):
        dated = tagged.labels[indices.pop()] == "date" or dated
    del indices[len(indices) - _date_after_comma(tagged, indices, dated) :]
    return _unquoted(tagged.text[tagged.spans[indices[0]][0] : tagged.spans[indices[-1]][1]])


def _the_names_own(tagged: TaggedReference, indices: list[int]) -> bool:
    """Whether the segment's last token, a number, is its name's own: after "Volume" ("Proceedings
    of the 34th International Conference on Machine Learning - Volume 70"), or closing a
    parenthesis the segment opened ("… Symposium (USENIX Security 21)")."""
    last, before = tagged.tokens[indices[-1]], tagged.tokens[indices[-2]]
    if before.casefold().rstrip(".") in _NUMBERED_PART_WORDS:
        return True
    opened = sum(tagged.tokens[index].count("(") - tagged.tokens[index].count(")") for index in indices[:-1])
    return opened > 0 and last.rstrip(".,;:").endswith(")")


_NUMBERED_PART_WORDS = frozenset({"volume", "vol", "part", "issue"})


def _date_after_comma(tagged: TaggedReference, indices: list[int], dated: bool) -> int:
    """How many of the last of ``indices`` are a month's name and its year after a comma (the
    month alone where the year was left out as a date, ``dated``): the date's, not the title's
    ("Neural {Turing} {Machines}, December 2014.", a preprint's title and date in one sentence,
    which the tagger may read as title to its year)."""
    words = [tagged.text[slice(*tagged.spans[index])] for index in indices[-3:]]
    year = 1 if words and _YEAR_WORD.fullmatch(words[-1]) else 0
    if (year or dated) and len(words) >= year + 2 and len(indices) > year + 2:
        month, before = words[-1 - year], words[-2 - year]
        return year + 1 if before.endswith(",") and month.rstrip(".").casefold() in MONTH_SPELLINGS else 0
    return 0


_YEAR_WORD = re.compile(r"(?:1[5-9]|20)\d\d[.,]?")


def _unquoted(text: str) -> str:
    """``text`` without the punctuation around it and the quotes that enclose it (a quote that
    closes one inside it stays: "… in 'ggplot2'")."""
    text = text.strip(_EDGES)
    while len(text) > 1 and text[0] in _QUOTES and text[-1] == _QUOTES[text[0]]:
        text = text[1:-1].strip(_EDGES)
    return text


def _units(
    segments: list[Segment], names: list[Segment], blocks: int, tagged: TaggedReference
) -> list[list[Segment]]:
    """The parts of an item that may each be one field, in order. The first sentence holds the
    names ("{Morton}, T.~D. 2015, {isochrones: …}, Astrophysics Source Code Library."): only its
    groups are parts. After it, a sentence is one part where what lies outside its groups is mostly title
    ("The diversity of \\textit{Ficus}." is one title); else its groups are, then the sentence
    (``\\`\\`Title.'' {\\em Journal}, 34(2)``: a quoted title, an italic journal's name)."""
    units: list[list[Segment]] = []
    numbers = sorted({segment.block for segment in segments})
    for number in numbers:
        sentence = [segment for segment in segments if segment.block == number and segment not in names]
        groups = [[segment] for segment in sentence if segment.group]
        if blocks < 2 or number == numbers[0]:  # the names' sentence: only its groups stand alone
            units += groups
        elif groups and not _titled_outside_groups(sentence, tagged):
            units += [*groups, sentence]
        else:
            units.append(sentence)
    return units


def _titled_outside_groups(sentence: list[Segment], tagged: TaggedReference) -> bool:
    """Whether the tagger reads what lies outside a sentence's groups mostly as title, and it is
    more than a date: "\\emph{Resources for Carers}, 2020 (accessed July 22, 2020)." is an
    italic title and its dates, however the tagger labels them."""
    outside = [segment for segment in sentence if not segment.group]
    words = [
        word for segment in outside for word in _LETTERS.findall(tagged.text, segment.start, segment.end)
    ]
    if all(word.casefold() in _DATE_WORDS for word in words):
        return False
    return _mostly([label for _, label in _labelled(tagged, *outside)], {"title"})


_LETTERS = re.compile(r"[^\W\d_]+")
# the words of a date and of a visit's note: the months' names, "accessed", "on", "de" …
_DATE_WORDS = frozenset(
    word.casefold()
    for phrase in (
        *MONTH_SPELLINGS,
        *visit_dates().words,
        *visit_dates().connectors,
        *visit_dates().date_joiners,
    )
    for word in phrase.split()
)


def _mostly(labels: list[str], wanted: Collection[str]) -> bool:
    """Whether more than half of ``labels`` are ``wanted`` ones (none of none)."""
    return sum(label in wanted for label in labels) * 2 > len(labels)


def _worded(unit: list[Segment], text: str) -> bool:
    """Whether a part holds a word (not only numbers: "\\doeprint{1503.010}")."""
    return _WORD.search(text, unit[0].start, unit[-1].end) is not None


def read_segments(
    text: str,
    segments: list[Segment],
    tagged: TaggedReference,
    rules_title: str | None = None,
    rules_named: bool = True,
) -> BlockReading:
    """What the segments of an item say, by the tagger's majority label in each. The rules'
    reading of the item (fitted to real lists) has a say where the tagger may misread: the first
    sentence is the names also where the tagger reads them as a title but the rules read the
    title after it (``rules_title``), and a sentence that is the rules' title whole is the title
    whatever the tagger makes of it ("GENCODE 2021." read as a venue and a date)."""
    blocks = {segment.block for segment in segments}
    opening = [segment for segment in segments if segment.block == min(blocks, default=0)]
    reading = _Reading(text, tagged, rules_title, rules_named, _sentence_spans(segments))
    named = reading.author_list(opening, len(blocks))
    for unit in _units(segments, named, len(blocks), tagged):
        reading.read(unit)
    return BlockReading(
        _without_year(text[named[0].start : named[-1].end]) if named else None,
        reading.title or None,
        reading.venue or None,
        _unquoted(text[opening[0].start : opening[-1].end]) if opening and len(blocks) > 1 else "",
    )


def _sentence_spans(segments: list[Segment]) -> dict[int, tuple[int, int]]:
    """Where each sentence begins and ends in the joined text, by its number."""
    spans: dict[int, tuple[int, int]] = {}
    for segment in segments:
        start, end = spans.get(segment.block, (segment.start, segment.end))
        spans[segment.block] = (min(start, segment.start), max(end, segment.end))
    return spans


@dataclass
class _Reading:
    """One item as `read_segments` reads it, and the title and venue its parts have given so far."""

    text: str
    tagged: TaggedReference
    rules_title: str | None
    rules_named: bool  # whether the rules read names
    sentences: dict[int, tuple[int, int]]  # `_sentence_spans`
    title: str | None = None
    venue: str | None = None
    title_span: tuple[int, int] = (-1, -1)  # the part that gave the title
    taken: set[int] = field(default_factory=set)  # the sentences read as one field: not their groups again

    def author_list(self, opening: list[Segment], sentences: int) -> list[Segment]:
        """The segments of the first sentence that are the author list: all of it up to its first
        group ("S. Swink, \\emph{Game feel}"), where the item has more (another sentence, a group),
        and the tagger reads most of it as names or the rules read their title after it — but
        none where the rules read no names and their title is this sentence ("Apache\\_Storm.")."""
        grouped = next((number for number, segment in enumerate(opening) if segment.group), None)
        first = opening[:grouped]
        if not first or (sentences < 2 and grouped is None):
            return []
        labels = [label for _, label in _labelled(self.tagged, *first)]
        whole = self.text[first[0].start : first[-1].end]
        if not labels or (not self.rules_named and self.rules_title == _unquoted(whole)):
            return []
        title_after = (
            self.rules_named
            and self.rules_title is not None
            and self.text.find(self.rules_title, first[-1].end) >= 0
        )
        return first if title_after or _mostly(labels, NAME_LABELS) else []

    def read(self, unit: list[Segment]) -> None:
        """Take a part as the item's title or venue where it is one and the item has none yet; a
        sentence so taken whole is read, its groups not again, and the group that gave the title
        is not read again as its sentence."""
        labelled = _labelled(self.tagged, *unit)
        span = (unit[0].start, unit[-1].end)
        if not labelled or span == self.title_span or any(segment.block in self.taken for segment in unit):
            return
        labels = [label for _, label in labelled]
        if self.title is None and self._is_title(unit, labels):
            self.title = self._title(unit)
            self.title_span = span
        elif self.venue is None and _mostly(labels, {"container"}):
            self.venue = re.sub(r"^(?:In|in)\b:?\s*", "", _span(self.tagged, labelled))
        else:
            return
        if len(unit) > 1 or not unit[0].group:
            self.taken.add(unit[0].block)

    def _is_rules_title(self, unit: list[Segment]) -> bool:
        """Whether a part is a sentence of its own and the rules' title whole (where the rules read
        names): "{GENCODE} 2021.", which the tagger reads as a venue and a date."""
        span = (unit[0].start, unit[-1].end)
        if not (self.rules_named and self.rules_title) or self.sentences[unit[0].block] != span:
            return False
        return _unquoted(self.text[span[0] : span[1]]) == self.rules_title

    def _is_title(self, unit: list[Segment], labels: list[str]) -> bool:
        """Whether a part is the title: the rules' title, or, before any venue, a part the tagger
        reads mostly as title that holds a word."""
        if self._is_rules_title(unit):
            return True
        return self.venue is None and _mostly(labels, {"title"}) and _worded(unit, self.text)

    def _title(self, unit: list[Segment]) -> str | None:
        """The title a part gives: the rules' where it is theirs whole, else the tagger's."""
        if self._is_rules_title(unit):
            return self.rules_title
        return _span(self.tagged, _labelled(self.tagged, *unit))
