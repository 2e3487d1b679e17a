"""The run's one HTTP session, opened when first needed and closed when the run ends.

Everything that makes asking a source polite and cheap lives in that session
(`bibnorm.resolvers._http`): per-host spacing, retries that honour ``Retry-After``, a timeout on
every call, the circuit breaker that marks a source down, the requests-cache cache, and the
counters (`HttpStats`) the run's summary and warnings are made from. `SourceSession` is the one
way ``resolve``, ``verify``, ``check`` and ``fix`` get it: built at the first question an online
source must answer (a run the local indexes settle never opens the cache database), and closed by
the ``with`` block that opened it, whatever happened inside.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Protocol, Self

from bibnorm.config import Settings
from bibnorm.resolve.report import source_warnings
from bibnorm.resolvers import HttpStats

if TYPE_CHECKING:
    from bibnorm.resolvers import BibnormSession


class SessionFactory(Protocol):
    """What opens a session (`bibnorm.sources.build_session`, passed in by the composition root:
    the code that asks the sources never builds one itself): the settings in, a session counting
    into ``stats`` out."""

    def __call__(self, settings: Settings, *, stats: HttpStats | None = None) -> BibnormSession: ...


class Closing:
    """A context manager whose ``with`` block closes it (`close`), however the block ends."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class SourceSession(Closing):
    """The run's session, made by ``open_session`` at the first call and closed by `close`.

    Calling it returns the session (the same one every time until it is closed). A context
    manager: ``with SourceSession(settings, open_session) as session:`` closes it at the end of the block.
    """

    def __init__(
        self, settings: Settings, open_session: SessionFactory, stats: HttpStats | None = None
    ) -> None:
        self.settings = settings
        self.stats = stats if stats is not None else HttpStats()
        self._open_session = open_session
        self.opened: BibnormSession | None = None
        self._opening = threading.Lock()  # sources asked side by side open one session

    def __call__(self) -> BibnormSession:
        with self._opening:
            if self.opened is None:
                self.opened = self._open_session(self.settings, stats=self.stats)
            return self.opened

    def close(self) -> None:
        """Close the session if it was opened (its connections and its cache database)."""
        if self.opened is not None:
            self.opened.close()
            self.opened = None

    def lost_sources(self, loses: str, *, advice: str) -> list[str]:
        """The warning lines naming each source that went down, refused access or was given up
        on (`source_warnings`), saying what the run ``loses`` by it and what to do."""
        return source_warnings(loses, self.stats.down, self.stats.refused, self.stats.gave_up, advice=advice)


__all__ = ["Closing", "HttpStats", "SessionFactory", "SourceSession"]
