"""bibnorm.bib.shown_ids: whether a field holds nothing but an entry's identifiers."""

from __future__ import annotations

import pytest
from bibnorm.bib.shown_ids import only_ids

# A DOI that holds the arXiv id (as the bench's synthetic DOIs do, and arXiv's own).
DOI = "10.5555/bibnorm-bench.2410.09132"
ARXIV = "2410.09132"


@pytest.mark.parametrize(
    ("text", "ids", "expected"),
    [
        pytest.param(f"doi: {DOI}", {DOI, ARXIV}, True, id="an-id-inside-another"),
        pytest.param(f"https://doi.org/{DOI}", {DOI, ARXIV}, True, id="a-doi-link"),
        pytest.param(f"doi: {DOI}; arXiv:{ARXIV} [cs.CV]", {DOI, ARXIV}, True, id="both"),
        pytest.param(f"doi: {DOI}, cited in the intro", {DOI, ARXIV}, False, id="words-of-the-user"),
        pytest.param(f"doi: {DOI}", {ARXIV}, False, id="the-doi-not-among-the-ids"),
    ],
)
def test_only_ids(text: str, ids: set[str], expected: bool) -> None:
    # (The set's order varies with the hash seed: the answer may not depend on it.)
    assert only_ids(text, ids) is expected
