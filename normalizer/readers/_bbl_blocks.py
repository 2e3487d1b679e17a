"""The structure of a plain ``\\bibitem`` (one with no field markup): where its fields begin and
end, which the style printed and a reference string loses.

A BibTeX style separates an item's sentences with ``\\newblock`` (plain's, natbib's and most
others': the names, the title, the venue) and sets parts of a sentence in a font or quotes of
their own: ``\\emph{…}``, ``{\\em …}``, ``{\\it …}``, ``\\textit{…}``, ``\\enquote{…}``,
``\\`\\`…''`` (IEEEtran's quoted title), harvard's ```Title'``, siam's and amsplain's italic title,
a journal's italic name. Each sentence and each such group is a *segment*. The trained tagger
(`bibnorm.readers.tagger`) labels the tokens of the item's text; a sentence of its own or a
group most of whose tokens it labels as one field is that field, and the segment bounds it: a
title is the whole of its segment (up to a date or a venue the tagger reads at its end), not cut
at a colon, a full stop or a name the way a reading of the string alone might ("J. Csirik, …,
M. Labbé, and S. Zhang. Heuristics …" read as names up to "Labbé" and a title from "and S.
Zhang"). The first sentence, when most of it is names, is the author list, all of it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bibnorm.readers._bbl_bibinfo import braced
from bibnorm.readers.tagger import TaggedReference
from bibnorm.text.titles import plain_text

BLOCK = "\u2029"  # where a \newblock was
GROUP = "\u2028"  # either side of a font or quote group
_GROUP_OPENING = re.compile(
    r"\\(?:emph|textit|textsl|enquote|showarticletitle|btxtitlefont|btxjtitlefont)\s*+\{"
    r"|\{\s*+\\(?:em|it|sl|itshape)(?![A-Za-z])|``|`(?!`)|“"
)
# a quote's end; harvard's single quote ("`Title', {\\em Journal}") is one not followed by a letter
_CLOSING = {"``": re.compile("''"), "“": re.compile("”"), "`": re.compile(r"'(?![A-Za-z])")}
_NAMES = frozenset({"family", "given", "author"})
_YEAR_AT_END = re.compile(r"\(?\s?(?:\d{4}[a-z]?|n\.\s?d)$")  # searched in a name list's last characters
_KEPT = frozenset({"other", "note", "edition", "family", "given", "author"})  # inside a title's segment
_EDGES = " \t\n.,;:“”\"'‘’`«»"


def mark_groups(latex: str) -> str:
    """``latex`` with `GROUP` either side of each outermost font or quote group."""
    out: list[str] = []
    position = 0
    while (opening := _GROUP_OPENING.search(latex, position)) is not None:
        token = opening.group()
        if token in ("``", "“", "`"):
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
    """An author list without the year an author-year style prints after it ("Names (2003).")."""
    names = names.rstrip(" .,;:)")
    year = _YEAR_AT_END.search(names, max(0, len(names) - 12))
    return (names[: year.start()] if year else names).rstrip(" ,;:(").strip()


@dataclass(frozen=True)
class BlockReading:
    """The fields the segments give (None where none does)."""

    names: str | None  # the first sentence, when it is the author list (its year left out)
    title: str | None
    title_quoted: bool  # the title is a sentence or a group of its own
    venue: str | None


def _labelled(tagged: TaggedReference, segment: Segment) -> list[tuple[int, str]]:
    return [
        (index, label)
        for index, (start, _) in enumerate(tagged.spans)
        if segment.start <= start < segment.end
        for label in (tagged.labels[index],)
    ]


def _span(tagged: TaggedReference, labelled: list[tuple[int, str]], wanted: frozenset[str]) -> str:
    """The segment's text from its first token to its last not labelled another field: the
    segment bounds the field, and what the tagger labels inside it is the field's whatever its
    label ("No" of "No Longer Innocent"), but a date or a venue at its end is not ("IEEEtran
    Homepage; 2015")."""
    indices = [index for index, _ in labelled]
    while len(indices) > 1 and tagged.labels[indices[-1]] not in wanted | _KEPT:
        indices.pop()
    return tagged.text[tagged.spans[indices[0]][0] : tagged.spans[indices[-1]][1]].strip(_EDGES)


def read_segments(
    text: str, segments: list[Segment], tagged: TaggedReference, rules_title: str | None = None
) -> BlockReading:
    """What the segments of an item say, by the tagger's majority label in each. The first
    sentence is the names also where the tagger reads them as a title but the rules (whose
    reading of names is fitted to real lists) read the title after it: ``rules_title``."""
    blocks = {segment.block for segment in segments}
    names = None
    # the author list: the first sentence, up to its first group ("S. Swink, \\emph{Game feel}")
    opening = [segment for segment in segments if segment.block == min(blocks, default=0)]
    grouped = next((number for number, segment in enumerate(opening) if segment.group), None)
    first = opening[:grouped]
    if first and (len(blocks) > 1 or grouped is not None):
        labels = [label for segment in first for _, label in _labelled(tagged, segment)]
        after = rules_title is not None and text.find(rules_title, first[-1].end) >= 0
        if labels and (after or sum(label in _NAMES for label in labels) * 2 > len(labels)):
            names = _without_year(text[first[0].start : first[-1].end])
    title = venue = None
    quoted = False
    for segment in segments:
        if names is not None and segment in first:
            continue
        alone = sum(other.block == segment.block for other in segments) == 1 and len(blocks) > 1
        if not (segment.group or alone):  # a part of a sentence: its bounds are not a field's
            continue
        labelled = _labelled(tagged, segment)
        counts = Counter(label for _, label in labelled)
        if not labelled:
            continue
        if title is None and venue is None and counts["title"] * 2 > len(labelled):
            title = _span(tagged, labelled, frozenset({"title"}))
            quoted = True
        elif venue is None and counts["container"] * 2 > len(labelled):
            venue = re.sub(r"^(?:In|in)\b:?\s*", "", _span(tagged, labelled, frozenset({"container"})))
    return BlockReading(names, title or None, quoted, venue or None)
