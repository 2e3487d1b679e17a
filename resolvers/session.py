"""Opening a run's HTTP session: the one thing only a composition root may do.

`build_session` gives the session every online source shares (cached, polite, or refusing
when offline); `build_local_session` one for a program on this computer (Zotero's local API);
`build_download_session` one for downloading a dump whole (``bibnorm index fetch``).
Its own public module, rather than a name of `bibnorm.resolvers`, so that the import contract
"one composition root" sees who imports it.
"""

from __future__ import annotations

from bibnorm.resolvers._session import build_download_session, build_local_session, build_session

__all__ = ["build_download_session", "build_local_session", "build_session"]
