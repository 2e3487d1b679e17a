"""The run's request counters, apart from the HTTP stack so a run that asks no online
source never imports it (requests and requests-cache cost a fifth of a second)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class HttpStats:
    """Counters for the run summary: real requests per source, and cache hits."""

    requests: Counter[str] = field(default_factory=Counter)
    cache_hits: int = 0
    down: dict[str, str] = field(default_factory=dict)  # source → why it stopped being asked
    refused: set[str] = field(default_factory=set)  # sources that refused access (a wrong key)
    # source → why a request to it was given up (retries spent) while it stayed up: said once
    # on stderr, like a source that is down, since the items it left are in the report only.
    gave_up: dict[str, str] = field(default_factory=dict)

    def total_requests(self) -> int:
        return sum(self.requests.values())
