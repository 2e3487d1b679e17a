"""Where the reader's year is overruled — by the rules', the tagger's or none — by a learned classifier.

`_field_choice` keeps the rules' year but where the model is sure of its own and sure the rules
took theirs from the pages, the volume or a range of years in a title; this module overrules
that year where a multinomial logistic regression over what both readings say (`year_features`)
gives another of the rules' year, the model's and none a probability of at least the weights'
``overrule`` (`overruled_year`; the regression and its file format are `_arbiter`'s). It reads
the tagger's marginals on its own date and on the rules' year token, what the model reads there
instead (pages, a volume, a title, a place, an identifier), how that token is printed (in
brackets, in a range of numbers, glued to other characters, after or before the model's date)
and how many years the string prints. Its weights (`year-arbiter.json`) are trained by
``scripts/train_title_arbiter.py --field year`` on the strings of the tagger's **validation**
styles only, as the title's are (docs/tagger.md).
"""

from __future__ import annotations

import re

from bibnorm.readers._arbiter import (
    Arbiter,
    context,
    crossed,
    label_shares,
    marginals_on,
    overruled,
    packaged_arbiter,
    steps,
)
from bibnorm.readers._ref_dates import dating_text
from bibnorm.readers.tagger import TaggedReference

WEIGHTS_FILE = "year-arbiter.json"
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
_RANGE = re.compile(r"\d[-–—‐/]+\d")  # "1820–1860", "1992/93", "1999–2012": a year among numbers

# Pairs of features whose joint presence tells more than each (the choice is linear): what the
# model reads on the rules' year where it is sure of a date of its own, and a year it reads none of.
_CROSSED = (
    *(
        ("model:confidence>=0.99", other)
        for other in (
            "rules-read:numbers",
            "rules-read:title",
            "rules-read:publisher",
            "rules-read:date",
            "rules:in-range",
            "rules:after-model",
        )
    ),
    *(("model:none", other) for other in ("rules-read:numbers", "rules:glued", "rules-read:ids")),
)


def _token_shape(tagged: TaggedReference, index: int, name: str) -> dict[str, float]:
    """How the token at ``index`` prints its year: in brackets, in a range, glued to more."""
    token = tagged.tokens[index]
    core = token.strip("()[].,;:")
    return {
        f"{name}:bracketed": float(token[:1] in "([" or token.rstrip(".,;:")[-1:] in ")]"),
        f"{name}:in-range": float(_RANGE.search(token) is not None),
        f"{name}:glued": float(len(core) > 4),
        f"{name}:last-token": float(index == len(tagged.tokens) - 1),
    }


def year_features(tagged: TaggedReference, year: int | None) -> dict[str, float]:
    """What both readings say of the year, the rules' reading being ``year``: the features
    `Arbiter` weighs (names to values; an absent one is 0)."""
    own = tagged.run_of("date")
    printed = len(_YEAR.findall(tagged.text))
    features: dict[str, float] = {
        "bias": 1.0,
        "rules:none": float(year is None),
        "model:none": float(tagged.year is None),
        "same": float(year is not None and year == tagged.year),
        "years-printed=1": float(printed == 1),
        "years-printed>2": float(printed > 2),
    }
    if own and tagged.year is not None:
        confidence = tagged.confidence("date") or 0.0
        features.update(steps("model:confidence", confidence))
        features["model:confidence>=0.99"] = float(confidence >= 0.99)
        features.update(context(tagged, own.start, "model"))
        features.update(_token_shape(tagged, own.start, "model"))
        features["model:dates>1"] = float(sum(1 for run in tagged.fields if run.label == "date") > 1)
    if year is not None:
        inside = tagged.tokens_of(str(year))
        features.update(marginals_on(tagged, "date", inside, "rules"))
        features.update(label_shares(tagged, sorted(inside), "rules-read"))
        if inside:
            features.update(_token_shape(tagged, min(inside), "rules"))
            features.update(context(tagged, min(inside), "rules"))
            features["rules:after-model"] = float(bool(own) and min(inside) >= own.stop)
    return {**features, **crossed(features, _CROSSED)}


def overruled_year(
    tagged: TaggedReference, kept: int | None, year: int | None, arbiter: Arbiter | None = None
) -> int | None:
    """The year the reader keeps: ``kept`` (`_field_choice`'s hand-written choice), unless
    ``arbiter`` (else the shipped one) gives another of the rules' year (``year``), the model's
    and none a probability of at least its ``overrule`` threshold. Where the rules read no year,
    ``kept`` stays (`_field_choice` fills the model's where it is sure), and so does a year the
    rules read that the string does not print: the regression learnt only years printed."""
    if year is None or not tagged.tokens_of(str(year)):
        return kept
    arbiter = arbiter or packaged_arbiter(WEIGHTS_FILE)
    features = year_features(tagged, year)
    chosen = overruled(arbiter, features, kept, {"rules": year, "model": tagged.year, "none": None})
    # only the model's year printed after the rules' — real lists print before a work's date what no
    # validation style does (a conference's dates, "seit dem Jahr 1899", an original edition's year)
    # — or before a rules' year that is the last of a run of bare numbers (the pages of "Lancet
    # 2003, 361, 1761.", "Chemistry 2003, 24, 1999."); and only a year the rules may date it by
    inside = tagged.tokens_of(str(year))
    after = tagged.run_of("date").start > min(inside) or _after_numbers(tagged, min(inside))
    if chosen is None or chosen != tagged.year or not after or not _dating(tagged.text, chosen):
        return kept
    return chosen


def _dating(text: str, year: int) -> bool:
    """Whether ``year`` is among the years the rules may date the work by (`dating_text`): not a
    year in a note the rules read as another work's — a related work's after the work's year, a
    standard style's note after the sentence its year ends ("Quebec, 1973. Séminaire de
    Mathématiques Supérieures, No. 52 (Été 1971).") —, nor a range's end or a page."""
    return str(year) in _YEAR.findall(dating_text(text))


def _bare_number(token: str) -> bool:
    return token.rstrip(".,;").isdigit()


def _after_numbers(tagged: TaggedReference, index: int) -> bool:
    """Whether the token at ``index`` (the rules' year) is a bare number after another and the
    reference's last: a journal's numbers, year, volume, pages ("2003, 361, 1761."), not a year in
    brackets after a date ("2005 (1899)": an original edition's)."""
    tokens = tagged.tokens
    last = index == len(tokens) - 1
    return last and index > 0 and _bare_number(tokens[index]) and _bare_number(tokens[index - 1])
