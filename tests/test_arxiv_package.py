"""The arxiv package's private pieces bibnorm uses are the ones that were read.

`bibnorm.resolvers._arxiv_package` is the one module that names ``arxiv._feed``,
``Client._session`` and ``Client._parse_feed``. A release of ``arxiv`` that changes any of them
must fail here, loudly, before it can change what bibnorm reads from arXiv in silence.
"""

from __future__ import annotations

import importlib.metadata
import inspect
from pathlib import Path

import arxiv
from bibnorm.resolvers._arxiv_package import READ_FINGERPRINTS, OnePageClient, installed_fingerprint

ROOT = Path(__file__).resolve().parents[1]
PRIVATE_PIECES = ("arxiv._feed", "_parse_feed", "Client._session")


def test_the_installed_arxiv_release_has_the_private_pieces_that_were_read() -> None:
    version = importlib.metadata.version("arxiv")
    assert installed_fingerprint() in READ_FINGERPRINTS.values(), (
        f"arxiv {version} changed arxiv/_feed.py or arxiv.Client: read its wheel, check "
        "resolvers/_arxiv_package.py against it and add its fingerprint to READ_FINGERPRINTS"
    )


def test_the_fetch_point_bibnorm_replaces_is_the_one_the_package_calls() -> None:
    assert list(inspect.signature(arxiv.Client._parse_feed).parameters) == [
        "self",
        "url",
        "first_page",
        "_try_index",
    ]
    assert "self._parse_feed(" in inspect.getsource(arxiv.Client)
    assert OnePageClient._parse_feed is not arxiv.Client._parse_feed


def test_no_other_module_names_the_packages_private_pieces() -> None:
    files = [p for folder in ("normalizer", "resolvers") for p in (ROOT / folder).rglob("*.py")]
    naming = {p for p in files if any(piece in p.read_text("utf-8") for piece in PRIVATE_PIECES)}
    assert naming == {ROOT / "resolvers" / "_arxiv_package.py"}  # the adapter, as in the repository
