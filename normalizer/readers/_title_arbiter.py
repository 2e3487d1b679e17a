"""Where the reader's title is overruled — by the rules', the tagger's or none — by a learned classifier.

The reader reads each item by the rules (`bibnorm.readers.refs.parse_reference`) and by the
trained tagger (`bibnorm.readers.tagger`), and `_field_choice` keeps a title by hand-written
conditions; this module overrules that title where it is sure another of the two titles, or
none, is right (`overruled_title`: a probability of at least the weights' ``overrule``, 0.99),
by a multinomial logistic regression over what both readings say (`title_features`): the tagger's
marginals on its own title and on the rules' title tokens, how the two titles lie against each
other (the same, the rules' running on into the venue, one cut or shifted, apart), the labels the
model gives the rules' title tokens (names, a venue, a date, numbers: a style that prints no
article title), the words beside each title (names before it, a quotation mark, a colon) and each
title's length, digits and years. Its weights (`title-arbiter.json`) are trained by
``scripts/train_title_arbiter.py`` on the strings of the tagger's **validation** styles only —
styles the model never saw, where it is no more sure than on a reader's unseen list — and judged
there as ``bench/bench_tagger_heldout.py`` judges a title (docs/tagger.md).
"""

from __future__ import annotations

from bibnorm.readers._arbiter import (
    CHOICES,
    Arbiter,
    context,
    crossed,
    label_shares,
    marginals_on,
    overruled,
    placement,
    steps,
    words_bucket,
)
from bibnorm.readers._arbiter import packaged_arbiter as _packaged
from bibnorm.readers.tagger import TaggedReference

__all__ = ["CHOICES", "WEIGHTS_FILE", "Arbiter", "overruled_title", "packaged_arbiter", "title_features"]

WEIGHTS_FILE = "title-arbiter.json"


def packaged_arbiter() -> Arbiter:
    """The title's arbiter whose weights ship in ``normalizer/data/`` (`WEIGHTS_FILE`)."""
    return _packaged(WEIGHTS_FILE)


def _shape_features(name: str, title: str) -> dict[str, float]:
    """What a candidate title looks like: its length, digits, a year, capitals, a final colon."""
    words = title.split()
    capitals = sum(word[:1].isupper() for word in words) / max(len(words), 1)
    features = {
        f"{name}:words={words_bucket(len(words))}": 1.0,
        f"{name}:digits": float(any(char.isdigit() for char in title)),
        f"{name}:year": float(
            any(word.strip("().,;:")[:4].isdigit() and len(word.strip("().,;:")) == 4 for word in words)
        ),
        f"{name}:capitals": capitals,
        f"{name}:ends-in-colon": float(title.rstrip().endswith(":")),
        f"{name}:one-letter-words": sum(len(word.strip(".,")) == 1 for word in words) / max(len(words), 1),
        # a bracket closed that the title did not open ("January 15). Title"), or opened and not
        # closed ("Title [Conference session"): it runs over a date's or a description's edge
        f"{name}:unbalanced": float(any(title.count(a) != title.count(b) for a, b in ("()", "[]"))),
    }
    return features


# Pairs of features whose joint presence tells more than each (the choice is linear): what the
# model reads in the rules' title where it reads no title of its own, and names where the rules
# read no authors (a work without authors whose title the model reads as a name).
_CROSSED = (
    *(
        ("model:none", other)
        for other in (
            "rules-read:names",
            "rules-read:venue",
            "rules-read:date",
            "rules-read:numbers",
            "rules-read:words-as-numbers",
            "rules-read:editor",
            "rules-read:edition",
            "rules-read:note",
            "rules:words=1",
            "rules:words=2",
            "rules:no-authors",
            "rules:title-max<0.02",
        )
    ),
    ("rules:no-authors", "rules-read:names"),
    ("rules:no-authors", "rules:words=1"),
    ("rules:no-authors", "rules:words=2"),
)


def title_features(
    tagged: TaggedReference, title: str | None, authors: tuple[str, ...], venue: str | None
) -> dict[str, float]:
    """What both readings say of the title, the rules' reading being ``title``, ``authors`` and
    ``venue``: the features `Arbiter` weighs (names to values; an absent one is 0)."""
    model_title = tagged.title or None
    own = set(tagged.run_of("title"))
    features: dict[str, float] = {
        "bias": 1.0,
        "rules:none": float(title is None),
        "model:none": float(model_title is None),
        "rules:no-authors": float(not authors),
        "rules:no-venue": float(venue is None),
        "model:no-venue": float(tagged.container is None),
        "model:no-date": float(tagged.year is None),
    }
    if model_title is not None:
        features.update(steps("model:confidence", tagged.confidence("title") or 0.0))
        features.update(_shape_features("model", model_title))
        features.update(context(tagged, min(own), "model"))
        features["model:colon-inside"] = float(any(tagged.tokens[i].endswith(":") for i in own))
    if title is not None:
        inside = tagged.tokens_of(title)
        features.update(_shape_features("rules", title))
        features.update(marginals_on(tagged, "title", inside, "rules"))
        features.update(label_shares(tagged, sorted(inside), "rules-read"))
        features.update(placement(tagged, inside, own) if inside else {})
        features.update(context(tagged, min(inside) if inside else None, "rules"))
    return {**features, **crossed(features, _CROSSED)}


def overruled_title(
    tagged: TaggedReference,
    kept: str | None,
    title: str | None,
    authors: tuple[str, ...],
    venue: str | None,
    arbiter: Arbiter | None = None,
    overrule: float | None = None,
) -> str | None:
    """The title the reader keeps: ``kept`` (`_field_choice`'s hand-written choice), unless
    ``arbiter`` (else the shipped one) gives another of the rules' title (``title``), the model's
    and none a probability of at least its ``overrule`` threshold (else ``overrule``: a list the
    rules fit less than well, `_field_choice.UNFIT`). Where the rules read no title, ``kept``
    stays: the classifier learnt nothing of a title the rules missed."""
    if title is None:
        return kept
    arbiter = arbiter or packaged_arbiter()
    features = title_features(tagged, title, authors, venue)
    readings = {"rules": title, "model": tagged.title or None, "none": None}
    return overruled(arbiter, features, kept, readings, overrule)
