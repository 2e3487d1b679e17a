"""Where the reader's venue is overruled — by the rules', the tagger's or none — by a learned classifier.

`_field_choice` keeps a venue (journal, proceedings, book a chapter is in) by hand-written
thresholds; this module overrules it where a multinomial logistic regression over what both
readings say (`venue_features`) gives another of the rules' venue, the model's and none a
probability of at least the weights' ``overrule`` (`overruled_venue`; the regression and its
file format are `_arbiter`'s). It reads the tagger's marginals on its own venue and on the
rules' venue tokens, how the two venues lie against each other (the same, the rules' running on
into the numbers or the publisher, one cut, apart), what the model reads in the rules' venue (a
title, names, a publisher, a date), the words before each venue ("In", a colon, the title's end)
and each venue's length, digits and capitals, and whether it is a listed journal's name. Its
weights (`venue-arbiter.json`) are trained by ``scripts/train_title_arbiter.py --field venue``
on the strings of the tagger's **validation** styles only, as the title's are (docs/tagger.md).
"""

from __future__ import annotations

from bibnorm.readers._arbiter import (
    Arbiter,
    context,
    crossed,
    label_shares,
    marginals_on,
    overruled,
    packaged_arbiter,
    placement,
    steps,
    words_bucket,
)
from bibnorm.readers.tagger import TaggedReference

WEIGHTS_FILE = "venue-arbiter.json"
_IN = frozenset(
    {"in", "in:", "in.", "dans", "in:in"}
)  # the word before a chapter's book, a paper's proceedings

# Pairs of features whose joint presence tells more than each (the choice is linear): what the
# model reads in the rules' venue where it reads no venue of its own.
_CROSSED = tuple(
    ("model:none", other)
    for other in (
        "rules-read:title",
        "rules-read:names",
        "rules-read:publisher",
        "rules-read:date",
        "rules-read:numbers",
        "rules-read:note",
        "rules-read:editor",
        "rules:listed",
        "rules:no-title",
    )
)


def _shape_features(name: str, venue: str) -> dict[str, float]:
    """What a candidate venue looks like: its length, digits, capitals, a listed journal's name."""
    from bibnorm.text.journals import is_listed  # local: the journal list is large

    words = venue.split()
    return {
        f"{name}:words={words_bucket(len(words))}": 1.0,
        f"{name}:digits": float(any(char.isdigit() for char in venue)),
        f"{name}:capitals": sum(word[:1].isupper() for word in words) / max(len(words), 1),
        f"{name}:listed": float(is_listed(venue)),
        f"{name}:abbreviated": sum(word.endswith(".") for word in words) / max(len(words), 1),
    }


def _beside(tagged: TaggedReference, indices: set[int], name: str) -> dict[str, float]:
    """What stands around a venue at ``indices``: "In" before it, the model's title before it or
    around it, the labels of the token after it."""
    start, end = min(indices), max(indices)
    previous = tagged.tokens[start - 1].casefold() if start else ""
    following = tagged.labels[end + 1] if end + 1 < len(tagged.labels) else "end"
    return {
        **context(tagged, start, name),
        f"{name}:after-in": float(previous in _IN or tagged.tokens[start].casefold() in _IN),
        f"{name}:after-title": float(start > 0 and tagged.labels[start - 1] == "title"),
        f"{name}:in-title": sum(tagged.labels[index] == "title" for index in indices) / len(indices),
        f"{name}:before-{following}": 1.0,
    }


def _model_features(tagged: TaggedReference, own: set[int]) -> dict[str, float]:
    return {
        **steps("model:confidence", tagged.confidence("container") or 0.0),
        **_shape_features("model", str(tagged.container)),
        **_beside(tagged, own, "model"),
    }


def _rules_features(
    tagged: TaggedReference, venue: str, title: str | None, own: set[int]
) -> dict[str, float]:
    inside = tagged.tokens_of(venue)
    features = {
        **_shape_features("rules", venue),
        **marginals_on(tagged, "container", inside, "rules"),
        **label_shares(tagged, sorted(inside), "rules-read"),
    }
    if inside:
        features.update(placement(tagged, inside, own))
        features.update(_beside(tagged, inside, "rules"))
    if title is not None and own:  # the rules' title ran on into the model's venue
        features["model-in-rules-title"] = len(own & tagged.tokens_of(title)) / len(own)
    return features


def venue_features(tagged: TaggedReference, venue: str | None, title: str | None) -> dict[str, float]:
    """What both readings say of the venue, the rules' reading being ``venue`` and ``title``: the
    features `Arbiter` weighs (names to values; an absent one is 0)."""
    own = set(tagged.run_of("container"))
    features: dict[str, float] = {
        "bias": 1.0,
        "rules:none": float(venue is None),
        "model:none": float(not own),
        "rules:no-title": float(title is None),
        "model:no-title": float(not tagged.title),
        "model:no-date": float(tagged.year is None),
        "model:publisher": float("publisher" in tagged.labels),
    }
    if own:
        features.update(_model_features(tagged, own))
    if venue is not None:
        features.update(_rules_features(tagged, venue, title, own))
    return {**features, **crossed(features, _CROSSED)}


def overruled_venue(
    tagged: TaggedReference,
    kept: str | None,
    venue: str | None,
    title: str | None,
    arbiter: Arbiter | None = None,
) -> str | None:
    """The venue the reader keeps: ``kept`` (`_field_choice`'s hand-written choice), unless
    ``arbiter`` (else the shipped one) gives another of the rules' venue (``venue``), the model's
    and none a probability of at least its ``overrule`` threshold; where the rules read no venue,
    the model's or none (``fills``: else ``kept`` stays)."""
    arbiter = arbiter or packaged_arbiter(WEIGHTS_FILE)
    features = venue_features(tagged, venue, title)
    readings = {"rules": venue, "model": tagged.container or None, "none": None}
    return overruled(arbiter, features, kept, readings)
