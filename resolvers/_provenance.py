"""The provenance every source's record carries: each field it sets, and each identifier,
named by the source (``Reference.provenance``), so that a merge can say where a value came from.
Kept apart from the HTTP edge: the local indexes' records (dblp's dump) need it too.

A source's placeholder values (Crossref's publisher "Crossref Member"), listed per source and
field in ``normalizer/data/placeholders.json``, are no values: the field is left unset here, at
the edge, so no merge prefers them and no writer prints them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from bibnorm.models import Reference
from bibnorm.text import data_file


@lru_cache(maxsize=1)
def placeholders() -> dict[str, dict[str, frozenset[str]]]:
    """Per source, per field, the placeholder values (case-folded, spaces collapsed)."""
    table = json.loads(data_file("placeholders.json").read_text("utf-8"))
    return {
        source: {field: frozenset(_folded(value) for value in values) for field, values in fields.items()}
        for source, fields in table.items()
    }


def _folded(value: str) -> str:
    return " ".join(value.split()).casefold()


def without_placeholders(values: Mapping[str, Any], source: str) -> dict[str, Any]:
    """``values`` with every field that holds one of ``source``'s placeholders unset (None)."""
    known = placeholders().get(source, {})
    return {
        name: None if isinstance(value, str) and _folded(value) in known.get(name, ()) else value
        for name, value in values.items()
    }


def sourced_reference(values: Mapping[str, Any], source: str) -> Reference:
    """The `Reference` of ``values`` (which hold its ``ids``), its provenance naming ``source``
    for every field and every identifier it sets; a placeholder value of the source sets nothing."""
    values = without_placeholders(values, source)
    provenance = {name: source for name, value in values.items() if value not in (None, "", ())}
    provenance.pop("ids", None)
    provenance |= {name: source for name, value in values["ids"].model_dump().items() if value is not None}
    return Reference(**values, provenance=provenance)
