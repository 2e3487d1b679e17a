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

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from bibnorm.readers.tagger import TaggedReference
from bibnorm.text import data_file

WEIGHTS_FILE = "title-arbiter.json"
CHOICES = ("rules", "model", "none")  # the title kept: the rules', the model's, none

# The labels the model may give the rules' title tokens, grouped as the choice weighs them.
_LABEL_GROUPS: Mapping[str, frozenset[str]] = {
    "names": frozenset({"family", "given", "author"}),
    "venue": frozenset({"container"}),
    "date": frozenset({"date"}),
    "numbers": frozenset({"volume", "issue", "pages"}),
    "publisher": frozenset({"publisher", "place"}),
    "edition": frozenset({"edition"}),
    "editor": frozenset({"editor"}),
    "note": frozenset({"note", "other"}),
    "title": frozenset({"title"}),
    "ids": frozenset({"doi", "arxiv", "url", "isbn"}),
}
_OPENING_QUOTES = '“"«‘'
_FLOORS = (0.02, 0.1, 0.5, 0.9, 0.99)  # a marginal's steps (the choice is linear in its features)


@dataclass(frozen=True)
class Arbiter:
    """A trained choice: per choice of `CHOICES`, a weight per feature (absent: 0). The model's
    title is taken only where its log-odds beat the next choice's by ``model_margin``, none only
    where by ``none_margin`` (on the lists the rules were fitted to they are right where the model
    is sure and wrong: short titles, APA's dates and descriptions), and the model's only where the
    rules read a title: a title the rules read none of is none (``fills`` false)."""

    weights: Mapping[str, Mapping[str, float]]
    model_margin: float = 0.0
    none_margin: float = 0.0
    fills: bool = False
    overrule: float = 0.0  # the probability another choice needs to overrule the hand-written one

    def scores(self, features: Mapping[str, float]) -> dict[str, float]:
        """Each choice's probability given ``features`` (a softmax over the weighted sums)."""
        sums = {
            choice: sum(self.weights[choice].get(name, 0.0) * value for name, value in features.items())
            for choice in CHOICES
        }
        sums["model"] -= self.model_margin
        sums["none"] -= self.none_margin
        if features.get("rules:none"):  # the rules' none is none
            sums["rules"] = -math.inf
            if not self.fills:
                sums["model"] = -math.inf
        top = max(sums.values())
        exps = {choice: math.exp(value - top) if value > -math.inf else 0.0 for choice, value in sums.items()}
        total = sum(exps.values())
        return {choice: value / total for choice, value in exps.items()}

    def choose(self, features: Mapping[str, float]) -> str:
        scores = self.scores(features)
        return max(CHOICES, key=lambda choice: scores[choice])


@lru_cache(maxsize=1)
def packaged_arbiter() -> Arbiter:
    """The arbiter whose weights ship in ``normalizer/data/`` (`WEIGHTS_FILE`)."""
    stored = json.loads(data_file(WEIGHTS_FILE).read_text(encoding="utf-8"))
    return Arbiter(
        stored["weights"], stored["model-margin"], stored["none-margin"], stored["fills"], stored["overrule"]
    )


def _steps(name: str, value: float) -> dict[str, float]:
    """``value`` (0–1) and whether it is below each of `_FLOORS`."""
    steps = {f"{name}<{floor}": 1.0 for floor in _FLOORS if value < floor}
    return {name: value, **steps}


def _words_bucket(words: int) -> str:
    return (
        "1"
        if words <= 1
        else "2"
        if words == 2
        else "3-5"
        if words <= 5
        else "6-12"
        if words <= 12
        else "13+"
    )


def _shape_features(name: str, title: str) -> dict[str, float]:
    """What a candidate title looks like: its length, digits, a year, capitals, a final colon."""
    words = title.split()
    capitals = sum(word[:1].isupper() for word in words) / max(len(words), 1)
    features = {
        f"{name}:words={_words_bucket(len(words))}": 1.0,
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


def _label_shares(tagged: TaggedReference, indices: Iterable[int], name: str) -> dict[str, float]:
    """The share of the tokens at ``indices`` the model gives each group of labels, and whether it
    reads a word as a number there (it is lost: "Title1." read as pages)."""
    indices = list(indices)
    labels = [tagged.labels[index] for index in indices]
    if not labels:
        return {}
    return {
        **{
            f"{name}:{group}": sum(label in members for label in labels) / len(labels)
            for group, members in _LABEL_GROUPS.items()
        },
        f"{name}:words-as-numbers": float(
            any(
                tagged.labels[index] in _LABEL_GROUPS["numbers"] and _WORD.search(tagged.tokens[index])
                for index in indices
            )
        ),
    }


_WORD = re.compile(r"[^\W\d_]{2}")
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")

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


def _crossed(features: Mapping[str, float]) -> dict[str, float]:
    return {
        f"{first}&{second}": features[first] * features[second]
        for first, second in _CROSSED
        if features.get(first) and features.get(second)
    }


def _placement(tagged: TaggedReference, inside: set[int], own: set[int]) -> dict[str, float]:
    """How the rules' title tokens (``inside``) lie against the model's title run (``own``)."""
    if not own:
        return {"lie:model-none": 1.0}
    if inside == own:
        return {"lie:same": 1.0}
    if not inside & own:
        return {"lie:apart": 1.0, "lie:rules-first": float(min(inside) < min(own))}
    extra, missing = inside - own, own - inside
    return {
        "lie:overlap": 1.0,
        "lie:rules-start-earlier": float(min(inside) < min(own)),
        "lie:rules-start-later": float(min(inside) > min(own)),
        "lie:rules-end-later": float(max(inside) > max(own)),
        "lie:rules-end-earlier": float(max(inside) < max(own)),
        "lie:extra-share": len(extra) / len(inside),
        "lie:missing-share": len(missing) / len(own),
        **_label_shares(tagged, sorted(extra), "extra"),
    }


def _context(tagged: TaggedReference, start: int | None, name: str) -> dict[str, float]:
    """What stands before a title starting at token ``start``: names, a quotation mark, a colon."""
    if start is None:
        return {}
    before = tagged.labels[:start]
    previous = tagged.tokens[start - 1] if start else ""
    return {
        f"{name}:names-before": float(any(label in ("family", "given") for label in before)),
        f"{name}:first-token": float(start == 0),
        f"{name}:quoted": float(tagged.tokens[start][:1] in _OPENING_QUOTES),
        f"{name}:after-colon": float(previous.endswith(":")),
        f"{name}:after-comma": float(previous.endswith(",")),
        # "(2019, January 15). Title": a date's day and month, not the title's start
        f"{name}:after-year-comma": float(previous.endswith(",") and _YEAR.search(previous) is not None),
        f"{name}:position": start / len(tagged.labels),
    }


def _rules_marginals(tagged: TaggedReference, inside: set[int]) -> dict[str, float]:
    """The model's marginals of the title label on the rules' title tokens, and of its own labels
    there (how sure it is of what it reads in their place)."""
    marginals = tagged.label_marginals.get("title")
    if not inside or marginals is None:
        return {"rules:unfound": 1.0}
    title = [marginals[index] for index in inside]
    own = [tagged.marginals[index] for index in inside if tagged.labels[index] != "title"]
    return {
        **_steps("rules:title-max", max(title)),
        **_steps("rules:title-min", min(title)),
        **_steps("rules:title-mean", sum(title) / len(title)),
        **_steps("rules:others-min", min(own, default=1.0)),
    }


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
        features.update(_steps("model:confidence", tagged.confidence("title") or 0.0))
        features.update(_shape_features("model", model_title))
        features.update(_context(tagged, min(own), "model"))
        features["model:colon-inside"] = float(any(tagged.tokens[i].endswith(":") for i in own))
    if title is not None:
        inside = tagged.tokens_of(title)
        features.update(_shape_features("rules", title))
        features.update(_rules_marginals(tagged, inside))
        features.update(_label_shares(tagged, sorted(inside), "rules-read"))
        features.update(_placement(tagged, inside, own) if inside else {})
        features.update(_context(tagged, min(inside) if inside else None, "rules"))
    return {**features, **_crossed(features)}


def overruled_title(
    tagged: TaggedReference,
    kept: str | None,
    title: str | None,
    authors: tuple[str, ...],
    venue: str | None,
    arbiter: Arbiter | None = None,
) -> str | None:
    """The title the reader keeps: ``kept`` (`_field_choice`'s hand-written choice), unless
    ``arbiter`` (else the shipped one) gives another of the rules' title (``title``), the model's
    and none a probability of at least its ``overrule`` threshold. Where the rules read no title,
    ``kept`` stays: the classifier learnt nothing of a title the rules missed."""
    model_title = tagged.title or None
    if title is None:
        return kept
    arbiter = arbiter or packaged_arbiter()
    scores = arbiter.scores(title_features(tagged, title, authors, venue))
    likelihood: dict[str | None, float] = {}
    for choice, value in (("rules", title), ("model", model_title), ("none", None)):
        likelihood[value] = likelihood.get(value, 0.0) + scores[choice]  # the model's none is none
    best = max(likelihood, key=lambda value: likelihood[value])
    return best if best != kept and likelihood[best] >= arbiter.overrule else kept
