"""The reader's learned title choice (`bibnorm.readers._title_arbiter`): the rules' title, the
tagger's or none, by a logistic regression over what both readings say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bibnorm.readers._arbiter import arbiters_from
from bibnorm.readers._title_arbiter import (
    CHOICES,
    WEIGHTS_FILE,
    Arbiter,
    overruled_title,
    packaged_arbiter,
    title_features,
)
from test_field_choice import LABELS, NO_TITLE, tagged  # the same reading of one reference

AUTHORS = ("Zhai, X.", "Beyer, L.")


def always(choice: str, **margins: float) -> Arbiter:
    """An arbiter whose bias alone prefers ``choice`` (by 1 in log-odds)."""
    return Arbiter({name: {"bias": 1.0 if name == choice else 0.0} for name in CHOICES}, **margins)


@pytest.mark.parametrize(
    ("arbiter", "features", "expected"),
    [
        pytest.param(always("rules"), {"bias": 1.0}, "rules", id="the-likeliest-choice"),
        pytest.param(always("model"), {"bias": 1.0}, "model", id="the-models-where-likeliest"),
        pytest.param(
            always("model", model_margin=2.0), {"bias": 1.0}, "rules", id="within-the-models-margin"
        ),
        pytest.param(always("none", none_margin=2.0), {"bias": 1.0}, "rules", id="within-none-s-margin"),
        pytest.param(
            always("model"),
            {"bias": 1.0, "rules:none": 1.0},
            "none",
            id="never-the-models-where-rules-read-none",
        ),
        pytest.param(
            Arbiter(always("model").weights, fills=True),
            {"bias": 1.0, "rules:none": 1.0},
            "model",
            id="the-models-where-rules-read-none-if-it-fills",
        ),
    ],
)
def test_the_arbiter_chooses_the_likeliest_reading_beyond_its_margins(
    arbiter: Arbiter, features: dict[str, float], expected: str
) -> None:
    assert arbiter.choose(features) == expected
    assert sum(arbiter.scores(features).values()) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("rules_title", "labels", "present", "absent"),
    [
        pytest.param(
            "Scaling vision transformers",
            LABELS,
            {"lie:same": 1.0, "rules:title-min<0.99": 0.0},
            {"rules:none"},
            id="both-read-the-same",
        ),
        pytest.param(
            "Scaling vision transformers. In: CVPR",
            LABELS,
            {"lie:overlap": 1.0, "lie:rules-end-later": 1.0, "extra:venue": 0.5, "rules:title-min<0.02": 1.0},
            {"lie:same"},
            id="the-rules-ran-into-the-venue",
        ),
        pytest.param(
            "Scaling vision transformers",
            NO_TITLE,
            {"model:none": 1.0, "rules-read:venue": 1.0},
            {"lie:same"},
            id="the-model-reads-a-venue-there",
        ),
        pytest.param(
            None, LABELS, {"rules:none": 1.0, "model:confidence": 0.99}, {"rules:unfound"}, id="rules-none"
        ),
    ],
)
def test_the_features_say_how_the_two_titles_lie(
    rules_title: str | None, labels: tuple[str, ...], present: dict[str, float], absent: set[str]
) -> None:
    features = title_features(tagged(labels=labels), rules_title, AUTHORS, "CVPR")
    assert {name: features.get(name, 0.0) for name in present} == pytest.approx(present)
    assert not [name for name in absent if features.get(name, 0.0)]


RAN_ON = "Scaling vision transformers. In: CVPR"  # the rules' title run on into the venue
OWN = "Scaling vision transformers"  # the model's title of `tagged()`


def sure_of(choice: str, overrule: float) -> Arbiter:
    """An arbiter that gives ``choice`` a probability of about 0.98 (log-odds 5 against each
    other), overruling the hand-written choice from ``overrule`` on."""
    return Arbiter({name: {"bias": 5.0 if name == choice else 0.0} for name in CHOICES}, overrule=overrule)


@pytest.mark.parametrize(
    ("arbiter", "rules_title", "kept", "expected"),
    [
        pytest.param(sure_of("model", 0.97), RAN_ON, RAN_ON, OWN, id="sure-of-another-overrules"),
        pytest.param(sure_of("model", 0.99), RAN_ON, RAN_ON, RAN_ON, id="below-the-threshold-kept"),
        pytest.param(sure_of("none", 0.97), RAN_ON, RAN_ON, None, id="sure-of-none-overrules"),
        pytest.param(sure_of("rules", 0.97), RAN_ON, None, RAN_ON, id="sure-of-the-rules-restores"),
        pytest.param(sure_of("rules", 0.97), RAN_ON, RAN_ON, RAN_ON, id="the-same-choice-kept"),
        pytest.param(sure_of("none", 0.5), None, OWN, OWN, id="the-rules-read-none-kept"),
    ],
)
def test_the_hand_written_title_stays_unless_the_arbiter_is_sure_of_another(
    arbiter: Arbiter, rules_title: str | None, kept: str | None, expected: str | None
) -> None:
    assert overruled_title(tagged(), kept, rules_title, AUTHORS, "CVPR", arbiter) == expected


def test_the_models_none_is_none() -> None:
    """Where the model reads no title, its choice and none's add up to none's probability."""
    halves = Arbiter({"rules": {"bias": 0.0}, "model": {"bias": 3.0}, "none": {"bias": 3.0}}, overrule=0.97)
    assert overruled_title(tagged(labels=NO_TITLE), OWN, OWN, AUTHORS, "CVPR", halves) is None


def test_the_shipped_weights_load_with_their_margins() -> None:
    arbiter = packaged_arbiter()
    assert set(arbiter.weights) == set(CHOICES)
    assert arbiter.model_margin >= 0 and arbiter.none_margin >= 0 and not arbiter.fills
    assert 0.5 <= arbiter.overrule < 1


def test_inside_arbiters_from_the_weights_are_the_folders_after_it_the_shipped_ones(tmp_path: Path) -> None:
    """A benchmark's truth is read with arbiters frozen beside it (`arbiters_from`)."""
    (tmp_path / WEIGHTS_FILE).write_text(
        json.dumps(
            {
                "weights": {"rules": {"bias": 1.0}, "model": {}, "none": {}},
                "model-margin": 0.25,
                "none-margin": 0.5,
                "fills": True,
                "overrule": 0.75,
            }
        ),
        encoding="utf-8",
    )
    shipped = packaged_arbiter()
    with arbiters_from(tmp_path):
        frozen = packaged_arbiter()
    assert (frozen.model_margin, frozen.none_margin, frozen.fills, frozen.overrule) == (0.25, 0.5, True, 0.75)
    assert frozen.weights["rules"] == {"bias": 1.0}
    assert packaged_arbiter() is shipped
