"""Pure Reference → Reference normalization steps (placeholder; being built)."""

from __future__ import annotations

from normalizer.models import Reference


def normalize_reference(reference: Reference) -> Reference:
    return reference
