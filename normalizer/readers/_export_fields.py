"""Reading a reference-manager export's item (CSL-JSON, RIS): the first of a field's several
names that holds a value, and the line an item starts on."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bibnorm.models import Origin


def first_text(item: Mapping[str, Any], *names: str) -> str | None:
    """The value of the first of ``names`` the item fills (not empty), as text; None for none."""
    for name in names:
        value = item.get(name)
        if value:
            return str(value)
    return None


def item_origin(path: str, starts: Sequence[int], number: int) -> Origin:
    """Where item ``number`` (0-based) starts: its line in ``starts``, else the first line."""
    return Origin(path=path, line=starts[number] if number < len(starts) else 1)
