"""Deterministic citation keys (placeholder; being built)."""

from __future__ import annotations

from collections.abc import Sequence

from normalizer.models import Reference


def assign_keys(
    wanted: Sequence[tuple[Reference, str | None]], key_format: str, *, keep_existing: bool = True
) -> list[str]:
    return [existing or f"ref{i}" for i, (_, existing) in enumerate(wanted)]
