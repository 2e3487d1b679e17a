"""Which reading of a reference's fields the reader keeps: the trained tagger's or the rules'.

The reader of reference lists reads each item twice: by the rules of `bibnorm.readers.refs`
(`parse_reference`) and by the trained field tagger (`bibnorm.readers.tagger`), and keeps, per
field and per item, the reading the model's marginal probabilities favour. A title or venue is
the tagger's where the rules' reading ran on past the model's into the fields after it ("Title.
In: Venue" read as one title), the model is sure of its own (the mean marginal of its tokens at
least `TRUSTED`) and gives the rules' extra tokens the field's label with a probability below
`DOUBTED` (`TaggedReference.agreement`); a venue also where the rules read another part of the
text. A year, volume and pages the rules read none of are the model's. Everything else is the
rules': the thresholds were chosen on the validation styles of ``bench/bench_tagger_heldout.py``
and held on the team's PDF corpus and reference-list tests, where the rules read 98–100% whole
(docs/tagger.md).

What holds whatever the model says: a reference the rules read no title in gets none from the
tagger either (a style that prints no article title gets no invented one), a title the rules
read is never left out, and the authors and identifiers (DOI, arXiv id) stay the rules', which
join identifiers across line breaks and check their form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from bibnorm.readers.tagger import LABELS, TaggedReference

# Chosen on the validation styles (docs/tagger.md).
TRUSTED = 0.9  # the tagger's reading of a field is taken only when its confidence is at least this
DOUBTED = 0.02  # and the rules' reading of it only replaced when the model gives it less than this
FILLED = 0.9  # a field the rules read none of is the model's where its confidence is at least this
DROPPED = 0.1  # nor left out (the model reading none) unless the model gives each of its tokens less


Value = TypeVar("Value", str, int)
# Scripts written without spaces between words (CJK ideographs, kana, Hangul, full-width forms):
# the tagger's tokens are words between spaces, so a reference in them stays the rules'.
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
# What the rules read as a field may be left out where the model reads these there: names, a
# venue, numbers (a style that prints no title: "Lee, Y.; Kang, J. ICLR. 2022."), not a note or
# words it labels nothing.
_OTHER_FIELDS = frozenset(LABELS) - {"title", "note", "other"}
# What a title or venue the rules read too far runs into: the fields after it, not an edition or
# a note ("Galactic Dynamics: Second Edition" is a title)
_VENUE_LINE = frozenset({"container", "date", "volume", "issue", "pages"})  # "Nature 2021, 596"
_RUN_INTO = frozenset(LABELS) - {"title", "note", "other", "edition", "family", "given", "author"}


@dataclass(frozen=True)
class RuleReading:
    """The rules' fields of one reference (what `refs.ParsedReference` says, by name)."""

    title: str | None
    authors: tuple[str, ...]
    year: int | None
    venue: str | None


@dataclass(frozen=True)
class ChosenFields:
    """The fields the reader keeps, and the tagger's confidence in each it read (0–1)."""

    title: str | None
    authors: tuple[str, ...]
    year: int | None
    venue: str | None
    volume: str | None
    pages: str | None
    confidence: dict[str, float]


def choose_fields(
    rules: RuleReading,
    tagged: TaggedReference,
    trusted: float | None = None,
    doubted: float | None = None,
    dropped: float | None = None,
) -> ChosenFields:
    """Per field, the tagger's reading where it is sure of it (``trusted``, `TRUSTED` unless
    given) and doubts the rules' (``doubted``, `DOUBTED`), else the rules'; no reading where the
    model reads none and gives none of the rules' tokens the field's label (``dropped``,
    `DROPPED`)."""
    trust = TRUSTED if trusted is None else trusted
    doubt = DOUBTED if doubted is None else doubted
    drop = DROPPED if dropped is None else dropped
    fill = max(trust, FILLED)
    confidence = tagged.field_confidences()
    if _UNSPACED.search(tagged.text):  # Chinese, Japanese, Korean: no spaces to tokenize by
        return ChosenFields(rules.title, rules.authors, rules.year, rules.venue, None, None, {})

    def sure(name: str) -> bool:
        return confidence.get(name, 0.0) >= trust

    def doubts(label: str, read: str | None) -> bool:
        if read is None:
            return True
        likely = tagged.agreement(label, read)
        return likely is not None and likely < doubt

    def chosen(label: str, name: str, read: Value | None, own: Value | None) -> Value | None:
        """The rules' reading ``read`` of a field unless the model doubts it; then the model's
        own (``own``) where it is sure of it, nothing where it read none."""
        if read is None:  # a field the rules found nothing for: the model's, where it is very sure
            return own if own is not None and confidence.get(name, 0.0) >= fill else None
        if not doubts(label, str(read)):
            return read
        if own is None and label != "container":
            # a title or year the model reads nowhere stays the rules': on real lists a short
            # title ("Charms.", "Miletus.") read as a venue by the model is a title more often
            # than not (a style that prints no title is the rules' to see: `_printed_no_title`)
            return read
        if own is None:  # dropped only where the model reads other fields there, none likely to be it
            likeliest = tagged.likeliest(label, str(read))
            labels, lowest = tagged.labels_of(str(read))
            other_fields = labels <= _OTHER_FIELDS and lowest >= trust
            return None if likeliest is not None and likeliest < drop and other_fields else read
        # the model's reading replaces the rules' where the rules ran on past it ("Title. In:
        # Venue"); a venue also where the rules read another part of the text. Not where the two
        # start apart ("A simple framework …" against "simple framework …": an article read as
        # an initial; "De Anima" against an editor's "by Robert Drew Hicks"): there the rules,
        # fitted to real lists, are right more often than the model
        overlap = tagged.overlap(label, str(read))
        beyond = tagged.labels_of(str(read))[0] - {label, "other"}  # what the rules ran into
        runs_on = overlap == "runs-on" and bool(beyond) and beyond <= _RUN_INTO
        # the rules read the venue as the title ("Family, I. Title. Journal Year, Vol, Pages.":
        # MDPI's, ACS's layout), where the model reads those words as the venue, sure of them
        labels, lowest = tagged.labels_of(str(read))
        venue_as_title = (
            label == "title" and "container" in labels and labels <= _VENUE_LINE and lowest >= trust
        )
        # a venue the rules cut short ("Inf. Model" of "J. Chem. Inf. Model.") is the model's too
        replaces = runs_on or (
            overlap in ("apart", "within") if label == "container" else overlap == "apart" and venue_as_title
        )
        return own if sure(name) and replaces else read

    # no title where the rules read none: a style that prints none gets no invented one
    title = chosen("title", "title", rules.title, tagged.title or None) if rules.title is not None else None
    venue = chosen("container", "venue", rules.venue, tagged.container or None)
    # the year: the model's only where the rules read none (on real lists the rules read it right
    # 99 times in 100, and a work's first year is not always its date); the authors stay the
    # rules' (a work without one, "Editorial. (2003)", names none on purpose)
    year = rules.year if rules.year is not None else chosen("date", "year", None, tagged.year)
    authors = rules.authors
    return ChosenFields(
        title=title,
        authors=authors,
        year=year,
        venue=venue,
        volume=tagged.text_of("volume"),
        pages=tagged.text_of("pages"),
        confidence=confidence,
    )
