"""The reader's learned venue choice (`bibnorm.readers._venue_arbiter`): the rules' venue, the
tagger's or none, by the logistic regression of `bibnorm.readers._arbiter` over what both
readings say."""

from __future__ import annotations

import pytest
from bibnorm.readers._arbiter import CHOICES, Arbiter, arbiter_of, packaged_arbiter, stored_weights
from bibnorm.readers._venue_arbiter import WEIGHTS_FILE, overruled_venue, venue_features
from test_field_choice import (
    LABELS,
    tagged,
    tagged_as,
)  # "Zhai, X., Beyer, L.: Scaling vision transformers. In: CVPR, …"
from test_title_arbiter import sure_of

TITLE = "Scaling vision transformers"
OWN = "CVPR"  # the model's venue of `tagged()`
RAN_ON = "CVPR, pp. 1–10"  # the rules' venue run on into the pages
# the model reads the venue as the title's last word: it reads no venue
NO_VENUE = tuple("title" if label == "container" else label for label in LABELS)


# What the features say (names to values) where the two readings lie so
SAME = {"lie:same": 1.0, "rules:after-in": 1.0, "rules:container-min<0.99": 0.0}
RUN_ON = {
    "lie:overlap": 1.0,
    "lie:rules-end-later": 1.0,
    "extra:numbers": 0.5,
    "rules:container-min<0.02": 1.0,
}
READ_AS_TITLE = {"model:none": 1.0, "rules-read:title": 1.0, "model:none&rules-read:title": 1.0}
RULES_NONE = {"rules:none": 1.0, "model:confidence": 0.99, "model:after-in": 1.0}


@pytest.mark.parametrize(
    ("rules_venue", "labels", "present", "absent"),
    [
        pytest.param(OWN, LABELS, SAME, {"rules:none", "model:none"}, id="both-read-the-same"),
        pytest.param(RAN_ON, LABELS, RUN_ON, {"lie:same"}, id="the-rules-ran-into-the-pages"),
        pytest.param(
            OWN, NO_VENUE, READ_AS_TITLE, {"lie:same", "model:confidence"}, id="the-model-reads-a-title"
        ),
        pytest.param(None, LABELS, RULES_NONE, {"lie:same"}, id="rules-none"),
    ],
)
def test_the_features_say_how_the_two_venues_lie(
    rules_venue: str | None, labels: tuple[str, ...], present: dict[str, float], absent: set[str]
) -> None:
    features = venue_features(tagged(labels=labels), rules_venue, TITLE)
    assert {name: features.get(name, 0.0) for name in present} == pytest.approx(present)
    assert not [name for name in absent if features.get(name, 0.0)]


def filling(choice: str) -> Arbiter:
    """`sure_of` ``choice`` (overruling from 0.97) that may fill a venue the rules read none of."""
    return Arbiter(sure_of(choice, 0.97).weights, fills=True, overrule=0.97)


@pytest.mark.parametrize(
    ("arbiter", "rules_venue", "kept", "expected"),
    [
        pytest.param(sure_of("model", 0.97), RAN_ON, RAN_ON, OWN, id="a-run-on-venue-overruled"),
        pytest.param(filling("model"), None, None, OWN, id="the-rules-read-none-filled"),
        pytest.param(filling("none"), None, OWN, None, id="the-rules-read-none-emptied"),
        pytest.param(sure_of("model", 0.97), None, OWN, None, id="the-rules-none-is-none-unless-it-fills"),
    ],
)
def test_the_venue_is_overruled_as_the_title_and_filled_where_the_arbiter_fills(
    arbiter: Arbiter, rules_venue: str | None, kept: str | None, expected: str | None
) -> None:
    assert overruled_venue(tagged(), kept, rules_venue, TITLE, arbiter) == expected


def test_stored_weights_read_back_as_the_arbiter() -> None:
    arbiter = Arbiter({"rules": {"bias": 0.1234567}, "model": {"bias": 0.0}, "none": {}}, 0.5, 1.0, True, 0.9)
    stored = stored_weights("about", arbiter.weights, arbiter, penalty=0.001)
    assert stored["weights"] == {"rules": {"bias": 0.123457}, "model": {}, "none": {}}  # rounded, no zeros
    assert arbiter_of(stored) == Arbiter(stored["weights"], 0.5, 1.0, True, 0.9)


def test_the_shipped_weights_fill_and_overrule_where_sure() -> None:
    arbiter = packaged_arbiter(WEIGHTS_FILE)
    assert set(arbiter.weights) == set(CHOICES)
    assert arbiter.fills and 0.5 <= arbiter.overrule < 1


def test_the_rules_venue_stays_where_the_models_is_the_same_but_for_its_closing_period() -> None:
    """The model's field text drops the style's closing period ("Phys. Rev. Lett"), the rules keep
    the abbreviation's ("Phys. Rev. Lett."): one reading, whichever the arbiter prefers."""
    text = "Albrecht A., Steinhardt P. J., 1982, Phys. Rev. Lett., 48, 1220"
    labels = ("family", "given", "family", "given", "given", "date", "container", "container", "container",
              "volume", "pages")  # fmt: skip
    reading = tagged_as(text, labels)
    assert reading.container == "Phys. Rev. Lett"
    venue = "Phys. Rev. Lett."
    assert overruled_venue(reading, venue, venue, None, sure_of("model", 0.97)) == venue
    assert overruled_venue(reading, venue, venue, None, sure_of("none", 0.97)) is None
