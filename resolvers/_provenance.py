"""The provenance every source's record carries: each field it sets, and each identifier,
named by the source (``Reference.provenance``), so that a merge can say where a value came from.
Kept apart from the HTTP edge: the local indexes' records (dblp's dump) need it too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bibnorm.models import Reference


def sourced_reference(values: Mapping[str, Any], source: str) -> Reference:
    """The `Reference` of ``values`` (which hold its ``ids``), its provenance naming ``source``
    for every field and every identifier it sets."""
    provenance = {name: source for name, value in values.items() if value not in (None, "", ())}
    provenance.pop("ids", None)
    provenance |= {name: source for name, value in values["ids"].model_dump().items() if value is not None}
    return Reference(**values, provenance=provenance)
