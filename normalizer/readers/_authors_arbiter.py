"""Where the reader's authors are overruled — by the rules', the tagger's or none — by a learned classifier.

`_field_choice` keeps the model's names where it is all but sure of them and the rules' read
other words, else the rules'; this module overrules that choice where a multinomial logistic
regression over what both readings say (`authors_features`) gives another of the rules' author
list, the model's and none a probability of at least the weights' ``overrule``
(`overruled_authors`; the regression and its file format are `_arbiter`'s). It reads the model's
confidence in its names, what it reads in the rules' first name (names, a title, a venue, a
date), where each list starts and how the two first names compare (the same words, one holding
the other, a first name the rules end in an initial: "John A" of "John A. Lane"), how many names
each reads, and whether the model's names come after its title or hold a quotation mark or a
word of the rules' title. Its weights (`authors-arbiter.json`) are trained by
``scripts/train_title_arbiter.py --field authors`` on the strings of the tagger's **validation**
styles only, judged by the first author as the bench judges it (docs/tagger.md).
"""

from __future__ import annotations

import re

from bibnorm.readers._arbiter import (
    Arbiter,
    context,
    crossed,
    label_shares,
    overruled,
    packaged_arbiter,
    steps,
    words_bucket,
)
from bibnorm.readers.tagger import TaggedReference

WEIGHTS_FILE = "authors-arbiter.json"
_WORD = re.compile(r"[^\W_]+")
_INITIAL = re.compile(r"[A-Z]\.?")

# Pairs of features whose joint presence tells more than each (the choice is linear): what the
# model reads where the rules read no names, and a first name of the rules' the model reads otherwise.
_CROSSED = (
    *(
        ("rules:none", other)
        for other in (
            "model:confidence<0.9",
            "model:confidence<0.99",
            "model:first-token",
            "model:after-title",
            "model:names=1",
        )
    ),
    ("rules:first-ends-in-initial", "rules:first-in-model"),
    ("rules-first:title", "model:first-token"),
)


def _words(name: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(name)}


def _first_names(
    tagged: TaggedReference, written: tuple[str, ...], authors: tuple[str, ...]
) -> dict[str, float]:
    """How the two first names compare: the same words, one within the other, the rules' ending
    in an initial where the model reads a family name after it."""
    model, rules = _words(written[0]), _words(authors[0])
    family = _words(tagged.authors[0][0]) if tagged.authors else set()
    last = authors[0].split()[-1] if authors[0].split() else ""
    return {
        "first:same": float(model == rules),
        "first:apart": float(not model & rules),
        "model:first-in-rules": float(bool(model) and model <= rules),
        "rules:first-in-model": float(bool(rules) and rules < model),
        "rules:holds-model-family": float(bool(family) and family <= rules),
        "rules:first-ends-in-initial": float(_INITIAL.fullmatch(last) is not None),
    }


def _model_features(tagged: TaggedReference, written: tuple[str, ...]) -> dict[str, float]:
    labels = tagged.labels
    first = next((i for i, label in enumerate(labels) if label in ("family", "given")), len(labels))
    confidence = tagged.field_confidences().get("authors", 0.0)
    return {
        **steps("model:confidence", confidence),
        **context(tagged, first, "model"),
        f"model:names={words_bucket(len(written))}": 1.0,
        "model:after-title": float("title" in labels[:first]),
        "model:quoted": float(any(mark in name for name in written for mark in '“”"«»')),
        "model:family-first": float(labels[first] == "family"),
    }


def authors_features(
    tagged: TaggedReference, authors: tuple[str, ...], title: str | None
) -> dict[str, float]:
    """What both readings say of the author list, the rules' reading being ``authors`` and
    ``title``: the features `Arbiter` weighs (names to values; an absent one is 0)."""
    written = tagged.written_authors()
    features: dict[str, float] = {
        "bias": 1.0,
        "rules:none": float(not authors),
        "model:none": float(not written),
        "rules:no-title": float(title is None),
    }
    if written:
        features.update(_model_features(tagged, written))
        if title:
            titled = _words(title)
            features["model:names-in-title"] = float(any(_words(name) & titled for name in written))
    if authors:
        inside = tagged.tokens_of(authors[0])
        features[f"rules:names={words_bucket(len(authors))}"] = 1.0
        features.update(label_shares(tagged, sorted(inside), "rules-first"))
        features.update(context(tagged, min(inside) if inside else None, "rules"))
        if written:
            features.update(_first_names(tagged, written, authors))
    return {**features, **crossed(features, _CROSSED)}


# How sure of its names the model must be to finish a first name the rules cut at an initial.
_SURE_OF_THE_FAMILY = 0.75


def _cut_at_an_initial(tagged: TaggedReference, authors: tuple[str, ...], title: str | None) -> bool:
    """Whether the rules read a given name first and an initial as a whole name ("John F" of
    "John F. Rathé, Bibliography of …", as "Family I." of Vancouver's), the family name after it
    left to open their title: the model's first name is theirs and that one word more, which it
    reads as the family name and which the rules' title starts with."""
    written = tagged.written_authors()
    if not (authors and written and tagged.authors) or len(authors) > 1:
        return False
    rules, model = authors[0].split(), written[0].split()
    family = tagged.authors[0][0]
    opens = title.split()[0] if title and title.split() else ""
    return (
        len(model) == len(rules) + 1
        and [word.rstrip(".,") for word in model[:-1]] == [word.rstrip(".,") for word in rules]
        and _INITIAL.fullmatch(rules[-1]) is not None
        and _words(family) == _words(model[-1])
        and _words(opens) == _words(family)
        and tagged.field_confidences().get("authors", 0.0) >= _SURE_OF_THE_FAMILY
    )


def overruled_authors(
    tagged: TaggedReference,
    kept: tuple[str, ...],
    authors: tuple[str, ...],
    title: str | None,
    arbiter: Arbiter | None = None,
) -> tuple[str, ...]:
    """The authors the reader keeps: ``kept`` (`_field_choice`'s hand-written choice), unless
    ``arbiter`` (else the shipped one) gives another of the rules' list (``authors``), the
    model's and none a probability of at least its ``overrule`` threshold (where the rules read
    none, the model's or none where the weights fill). It chooses by the first author, as it was
    taught: a list whose first name holds no word the kept one lacks does not replace it (the
    rules' "Jumper, J.", "Evans, R." stay for the model's "Jumper", "J."), and names the rules
    read that the string does not print (an author list carried over from the reference before:
    "(2004) “Balanced Bayesian Mechanisms,” …") or that the model reads as editors ("Attwood,
    Feona ed. (2009) Mainstreaming Sex …": the data's truth has no author there) stay, as does
    the hand-written choice where the list chosen runs on past a colon into the title (DIN 1505's
    "Kleucker, Stephan: Grundkurs Software-Engineering mit UML", read "Stephan: Grundkurs …")."""
    if authors and not tagged.tokens_of(authors[0]):
        return kept
    if _cut_at_an_initial(tagged, authors, title):
        return tagged.written_authors()
    arbiter = arbiter or packaged_arbiter(WEIGHTS_FILE)
    features = authors_features(tagged, authors, title)
    readings = {"rules": authors or None, "model": tagged.written_authors() or None, "none": None}
    chosen = overruled(arbiter, features, kept or None, readings) or ()
    return kept if _hand_written_stays(chosen, kept, features) else chosen


# the share of the rules' first name's tokens the model must read as name parts for its "no
# authors" not to drop the hand-written names
_NAMED_SHARE = 0.5


def _hand_written_stays(chosen: tuple[str, ...], kept: tuple[str, ...], features: dict[str, float]) -> bool:
    """Whether the hand-written ``kept`` stays for the learned ``chosen`` (see `overruled_authors`)."""
    if chosen and kept and _words(chosen[0]) <= _words(kept[0]):
        return True
    if not chosen and features.get("rules-first:editor"):  # an edited book's editors head it
        return True
    # the model reads most of the rules' first name as a name's parts, yet the choice is none
    # ("Christopher M Bishop. Pattern …", the family name read into the title): a name the model
    # did not finish, not a reference without authors
    if not chosen and kept and features.get("rules-first:names", 0.0) > _NAMED_SHARE:
        return True
    return any(": " in name for name in chosen)  # run on into the title ("Kleucker, Stephan: Grundkurs …")
