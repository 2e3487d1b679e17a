"""The world the sources would answer for ``tests/corpus/kinds/`` and the verify-kinds tests.

The real records behind the identifiers the corpus names — the arXiv ids of ``@online``
entries, the DOIs of RFCs and of a book — and the Crossref and Open Library bodies of
``fixtures/verify-kinds/`` (a retracted paper and its notice, RFCs, books; see its README).
Nothing here looks at the entries' other claims: the fakes know works, not citations.
"""

from __future__ import annotations

import json
from typing import Any

from paths import FIXTURES, ROOT

from fakes.arxiv_api import Author, FakeRecord
from fakes.crossref_api import sample_works

CORPUS = ROOT / "tests" / "corpus" / "kinds"
CROSSREF_SAMPLES = FIXTURES / "verify-kinds" / "crossref"
RETRACTED: dict[str, Any] = json.loads(
    (CROSSREF_SAMPLES / "work-retracted-updated-by.json").read_text(encoding="utf-8")
)["message"]

# arXiv's records of the corpus's arXiv ids (days arXiv's listing does not give are stand-ins).
CORPUS_ARXIV = (
    # v3 of 2004-10-27, as the entry says; the days of v1 and v2 are stand-ins.
    FakeRecord(
        "math/0307200",
        "Higher-Dimensional Algebra V: 2-Groups",
        "",
        (Author("John C. Baez"), Author("Aaron D. Lauda")),
        ("2003-07-01T00:00:00Z", "2003-07-01T00:00:00Z", "2004-10-27T00:00:00Z"),
        ("math.QA",),
    ),
    FakeRecord(
        "hep-th/9603067",
        "Some remarks on 't Hooft's S-matrix for black holes",
        "",
        (Author("Nissan Itzhaki"),),
        ("1996-03-01T00:00:00Z",),
        ("hep-th",),
    ),
    FakeRecord(
        "1008.2849",
        "Faster Radix Sort via Virtual Memory and Write-Combining",
        "",
        (Author("Jan Wassenberg"), Author("Peter Sanders")),
        ("2010-08-01T00:00:00Z",),
        ("cs.DS",),
    ),
)


def crossref_works() -> list[dict[str, Any]]:
    """The recorded Crossref samples and the verify-kinds works."""
    works = [
        json.loads(path.read_text(encoding="utf-8"))["message"]
        for path in sorted(CROSSREF_SAMPLES.glob("*.json"))
    ]
    return [*sample_works(), *works]
