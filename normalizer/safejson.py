"""JSON parsing that fails like bad JSON on any input, however deeply it nests.

``json.loads`` raises `RecursionError`, not `ValueError`, on a document nested deeper than
the interpreter's recursion limit (100,000 ``[``): a file, a lockfile or an API answer like
that would end a run in a traceback. Every reader of JSON text in bibnorm parses through
`loads`, so such a document is one more "not JSON" case.
"""

from __future__ import annotations

import json
from typing import Any


class TooDeepError(json.JSONDecodeError):
    """A document nested deeper than the parser can follow (never valid input for bibnorm)."""


def loads(data: str | bytes | bytearray) -> Any:
    """``json.loads(data)``; `json.JSONDecodeError` (a `ValueError`) for any unreadable document,
    `TooDeepError` for one nested too deeply."""
    try:
        return json.loads(data)
    except RecursionError:
        raise TooDeepError("nested too deeply", data if isinstance(data, str) else "", 0) from None
