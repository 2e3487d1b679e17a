"""Field-precedence merge of a primary record with companion records (placeholder: issue 7)."""

from __future__ import annotations

from collections.abc import Sequence

from normalizer.config import Settings
from normalizer.models import Candidate, Reference


def merge_reference(primary: Reference, companions: Sequence[Candidate], settings: Settings) -> Reference:
    """Return ``primary`` enriched by ``companions`` (S2 records found by identifier)."""
    return primary
