"""A learned overrule of one field's hand-written choice: the rules' reading, the tagger's, or none.

The reader keeps per field a reading by hand-written conditions (`_field_choice`); a field's
arbiter (`_title_arbiter`, `_venue_arbiter`) turns what both readings of an item say into
features (names to values) and overrules that choice where a multinomial logistic regression
over them (`Arbiter`: a dot product per choice, then a softmax) gives another of the three
readings a probability of at least the weights' ``overrule`` (`overruled`). The weights are data
files in ``normalizer/data/`` written by ``scripts/train_title_arbiter.py --field FIELD``. This
module holds what every field's arbiter shares: the regression, its file format, and the
features of a marginal and of what the model reads in a span of tokens.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TypeVar

from bibnorm.readers.tagger import NAME_LABELS, TaggedReference
from bibnorm.text import data_file

CHOICES = ("rules", "model", "none")  # the reading kept: the rules', the model's, none

# The labels the model may give a span of tokens, grouped as the choice weighs them.
LABEL_GROUPS: Mapping[str, frozenset[str]] = {
    "names": NAME_LABELS,
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
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
_FLOORS = (0.02, 0.1, 0.5, 0.9, 0.99)  # a marginal's steps (the choice is linear in its features)
_WORD = re.compile(r"[^\W\d_]{2}")


@dataclass(frozen=True)
class Arbiter:
    """A trained choice: per choice of `CHOICES`, a weight per feature (absent: 0). The model's
    reading is taken only where its log-odds beat the next choice's by ``model_margin``, none only
    where by ``none_margin``, and the model's only where the rules read the field: a field the
    rules read none of is none (``fills`` false). The feature ``rules:none`` says the rules read
    none."""

    weights: Mapping[str, Mapping[str, float]]
    model_margin: float = 0.0
    none_margin: float = 0.0
    fills: bool = False
    overrule: float = 0.0  # the probability another choice needs to overrule the hand-written one

    def scores(self, features: Mapping[str, float]) -> dict[str, float]:
        """Each choice's probability given ``features`` (a softmax over the weighted sums)."""
        rules = model = none = 0.0
        by_feature = self._by_feature
        for name, value in features.items():
            weights = by_feature.get(name)
            if weights is not None:
                rules += weights[0] * value
                model += weights[1] * value
                none += weights[2] * value
        sums = dict(zip(CHOICES, (rules, model, none), strict=True))
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

    @cached_property
    def _by_feature(self) -> dict[str, tuple[float, float, float]]:
        """Each feature's weight per choice (in `CHOICES`' order): `scores` reads a feature once,
        not once per choice (the reader weighs four fields an item)."""
        names = {name for choice in CHOICES for name in self.weights[choice]}
        return {
            name: (
                self.weights["rules"].get(name, 0.0),
                self.weights["model"].get(name, 0.0),
                self.weights["none"].get(name, 0.0),
            )
            for name in names
        }

    def choose(self, features: Mapping[str, float]) -> str:
        scores = self.scores(features)
        return max(CHOICES, key=lambda choice: scores[choice])


# The folder the arbiters' weights are read from inside an `arbiters_from` block (else the package).
_ARBITERS_IN_USE: ContextVar[Path | None] = ContextVar("arbiters_in_use", default=None)


@contextmanager
def arbiters_from(folder: Path) -> Iterator[None]:
    """Inside the block every arbiter's weights are read from ``folder`` (files named as the
    packaged ones) in place of the package's: with `tagger.reading_with`, a benchmark's truth read
    by a model and arbiters that do not change when the shipped ones do."""
    token = _ARBITERS_IN_USE.set(folder)
    try:
        yield
    finally:
        _ARBITERS_IN_USE.reset(token)


def packaged_arbiter(weights_file: str) -> Arbiter:
    """The arbiter whose weights ship in ``normalizer/data/`` as ``weights_file`` (or lie in
    `arbiters_from`'s folder)."""
    return _loaded_arbiter(weights_file, _ARBITERS_IN_USE.get())


@lru_cache(maxsize=8)  # four fields', shipped or frozen beside a bench
def _loaded_arbiter(weights_file: str, folder: Path | None) -> Arbiter:
    source = data_file(weights_file) if folder is None else folder / weights_file
    return arbiter_of(json.loads(source.read_text(encoding="utf-8")))


def arbiter_of(stored: Mapping) -> Arbiter:
    """The arbiter a weights file holds (as `stored_weights` writes it)."""
    return Arbiter(
        stored["weights"], stored["model-margin"], stored["none-margin"], stored["fills"], stored["overrule"]
    )


def stored_weights(
    about: str, weights: Mapping[str, Mapping[str, float]], arbiter: Arbiter, **training: float
) -> dict[str, object]:
    """What `packaged_arbiter` reads: ``arbiter``'s settings, ``weights`` rounded (zeros left
    out), ``about`` and the ``training`` settings (the penalty, the steps) as provenance."""
    return {
        "about": about,
        **training,
        "model-margin": arbiter.model_margin,
        "none-margin": arbiter.none_margin,
        "overrule": arbiter.overrule,
        "fills": arbiter.fills,
        "weights": {
            c: {n: round(w, 6) for n, w in sorted(weights[c].items()) if round(w, 6)} for c in CHOICES
        },
    }


Reading = TypeVar("Reading", str, int, tuple[str, ...])


def overruled(
    arbiter: Arbiter,
    features: Mapping[str, float],
    kept: Reading | None,
    readings: Mapping[str, Reading | None],
    overrule: float | None = None,
) -> Reading | None:
    """``kept`` (the hand-written choice), unless ``arbiter`` gives another of ``readings`` (the
    rules', the model's, none: each choice's value) a probability of at least its ``overrule``
    (else ``overrule``);
    choices that give the same value (the model's none and none), or the same words but for the
    punctuation closing them, add up: the rules' "Phys. Rev. Lett." and the model's "Phys. Rev.
    Lett" (its field's text without the style's closing period) are one reading, which stays as
    kept."""
    scores = arbiter.scores(features)
    likelihood: dict[object, float] = {}
    values: dict[object, Reading | None] = {}
    for choice in CHOICES:
        value = readings[choice]
        key = _unclosed(value)
        likelihood[key] = likelihood.get(key, 0.0) + scores[choice]
        values.setdefault(key, value)
    best = max(likelihood, key=lambda key: likelihood[key])
    threshold = arbiter.overrule if overrule is None else overrule
    overrules = best != _unclosed(kept) and likelihood[best] >= threshold
    return values[best] if overrules else kept


_CLOSING = " .,;:"  # the punctuation a style closes a field with


def _unclosed(value: object) -> object:
    """A reading without the punctuation closing it, where it is text."""
    return value.rstrip(_CLOSING) if isinstance(value, str) else value


def crossed(features: Mapping[str, float], pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """The product of each of ``pairs`` of ``features`` both present (the choice is linear: a
    pair's joint presence tells more than each)."""
    return {
        f"{first}&{second}": features[first] * features[second]
        for first, second in pairs
        if features.get(first) and features.get(second)
    }


def steps(name: str, value: float) -> dict[str, float]:
    """``value`` (0–1) and whether it is below each of `_FLOORS`."""
    below = {f"{name}<{floor}": 1.0 for floor in _FLOORS if value < floor}
    return {name: value, **below}


def words_bucket(words: int) -> str:
    """A count of words as one of a few ranges (one, two, 3–5, 6–12, more)."""
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


def label_shares(tagged: TaggedReference, indices: Iterable[int], name: str) -> dict[str, float]:
    """The share of the tokens at ``indices`` the model gives each group of labels, and whether it
    reads a word as a number there (it is lost: "Title1." read as pages)."""
    indices = list(indices)
    labels = [tagged.labels[index] for index in indices]
    if not labels:
        return {}
    return {
        **{
            f"{name}:{group}": sum(label in members for label in labels) / len(labels)
            for group, members in LABEL_GROUPS.items()
        },
        f"{name}:words-as-numbers": float(words_as_numbers(tagged, indices)),
    }


def words_as_numbers(tagged: TaggedReference, indices: Iterable[int]) -> bool:
    """Whether the model reads a word at ``indices`` as a number field (pages, volume, issue): it
    is lost there (APA's placeholder "Title1." read as pages), not reading a venue line."""
    return any(
        tagged.labels[index] in LABEL_GROUPS["numbers"] and _WORD.search(tagged.tokens[index])
        for index in indices
    )


def marginals_on(tagged: TaggedReference, label: str, inside: set[int], name: str) -> dict[str, float]:
    """The model's marginals of ``label`` on the tokens at ``inside`` (the rules' reading), and
    of its own labels there (how sure it is of what it reads in their place)."""
    marginals = tagged.label_marginals.get(label)
    if not inside or marginals is None:
        return {f"{name}:unfound": 1.0}
    of_label = [marginals[index] for index in inside]
    own = [tagged.marginals[index] for index in inside if tagged.labels[index] != label]
    return {
        **steps(f"{name}:{label}-max", max(of_label)),
        **steps(f"{name}:{label}-min", min(of_label)),
        **steps(f"{name}:{label}-mean", sum(of_label) / len(of_label)),
        **steps(f"{name}:others-min", min(own, default=1.0)),
    }


def placement(tagged: TaggedReference, inside: set[int], own: set[int]) -> dict[str, float]:
    """How the rules' reading's tokens (``inside``) lie against the model's run of the field (``own``):
    the same, apart, or overlapping, and what the model reads in the rules' tokens beyond its own."""
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
        **label_shares(tagged, sorted(extra), "extra"),
    }


def context(tagged: TaggedReference, start: int | None, name: str) -> dict[str, float]:
    """What stands before a reading starting at token ``start``: names, a quotation mark, a colon."""
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
