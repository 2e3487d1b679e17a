"""The shapes of the DOIs some registrants mint by a rule, from the packaged ``doi-shapes.json``.

A DOI's suffix is the registrant's to choose, so no rule tells a whole DOI from a cut one in
general. Many registrants choose by a rule, though: Elsevier's journal articles are
``10.1016/j.<journal>.<year>.<month>.<number>``, Oxford's ``10.1093/<journal>/<letters><number>``,
Springer Nature's ``10.<prefix>/s<journal>-<year>-<number>-<check>``. Such a shape tells a DOI a
line break cut ("10.1080/15476286.2015.10", then "20271") from a whole one with a number after it
(a PubMed id: "10.1038/nature11993 23446346"): `doi_shape` says whether a DOI is whole by its
registrant's rule, is not, or is of no kind the table knows.
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple

from bibnorm.text import data_file


class DoiShape(NamedTuple):
    registrant: str
    kind: re.Pattern[str]  # the start every DOI of its kind has
    whole: re.Pattern[str]  # the whole DOI every one of its kind is


def _read() -> tuple[DoiShape, ...]:
    shapes = json.loads(data_file("doi-shapes.json").read_text("utf-8"))["shapes"]
    return tuple(
        DoiShape(
            one["registrant"], re.compile(one["kind"], re.IGNORECASE), re.compile(one["whole"], re.IGNORECASE)
        )
        for one in shapes
    )


SHAPES = _read()


def doi_shape(doi: str) -> bool | None:
    """Whether ``doi`` has the whole shape of its registrant's DOIs of its kind: True, False (a
    kind the table knows, not whole: cut short, or with something glued on), or None (no shape
    known for it)."""
    for shape in SHAPES:
        if shape.kind.match(doi):
            return shape.whole.fullmatch(doi) is not None
    return None
