"""Recognising inputs that no installed reader can read, before any request is sent.

When neither a suffix nor a sniffer claims a file, bibnorm would read it as a list of
titles (``lines``). For a CSL-JSON export, an XML dump or a binary file that means
hundreds of junk queries and API requests. `what_it_looks_like` names such a file's
apparent kind instead, so the run stops with one line and no request.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bibnorm.readers.base import identifier_of
from bibnorm.readers.ris import RIS_TAG
from bibnorm.safejson import TooDeepError, loads

_BBL = re.compile(r"\\bibitem[\[{]|\\entry\{|\\begin\{thebibliography\}")
_XML = re.compile(r"^\s*(<\?xml|<!DOCTYPE|<html|<feed|<rdf|<OAI-PMH|<[A-Za-z][\w:-]*[\s>])", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]")
_FORMAT = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_MIN_LINES_TO_JUDGE = 5
# A line of a JSON document cut short: brackets and commas alone, a key or string, an object or
# array opening on its first member, numbers alone, a literal. Not "[1] Attention is all you need",
# a numbered list's item, which opens with a bracket too.
_JSON_LINE = re.compile(
    r'\A(?:[{}\[\],\s]+$|"|\{\s*"|\[\s*[\[{"]|[\[\]\d\s.,eE+-]+$|(?:true|false|null)\s*,?$)'
)


def _json(text: str) -> bool:
    stripped = text.lstrip()
    if not stripped.startswith(("{", "[")):
        return False
    try:
        loads(stripped)
    except ValueError as error:
        if isinstance(error, TooDeepError):
            return True  # brackets nested beyond what any parser follows: JSON-shaped all the same
        # Still JSON-shaped when most lines are "key": value pairs or brackets.
        lines = [line.strip() for line in stripped.splitlines() if line.strip()]
        shaped = sum(1 for line in lines if _JSON_LINE.match(line))
        return len(lines) >= 3 and shaped > 0.8 * len(lines)
    return True


def _control_characters(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return bool(sample) and controls > 0.02 * len(sample)


def _plausible_item(line: str) -> bool:
    """A line a person could mean as a title or an identifier."""
    arxiv, doi = identifier_of(line)
    if arxiv or doi or line.startswith(("http://", "https://")):
        return True
    words = line.split()
    if len(words) < 2 or len(line) > 600:
        return False
    letters = len(_LETTERS.findall(line))
    # Invisible format characters (direction marks, zero-width spaces) are no evidence either way.
    return letters >= 0.5 * len(_FORMAT.sub("", line.replace(" ", "")))


def _not_a_list(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines()]
    items = [line for line in lines if line and not line.startswith("#")]
    if len(items) < _MIN_LINES_TO_JUDGE:
        return False
    plausible = sum(1 for line in items if _plausible_item(line))
    return plausible < 0.5 * len(items)


KINDS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("looks like binary data", _control_characters),
    ("looks like JSON (a CSL-JSON or other export?)", _json),
    ("looks like XML or HTML", lambda text: bool(_XML.match(text))),
    ("looks like RIS (a reference manager export)", lambda text: len(RIS_TAG.findall(text[:20000])) >= 2),
    ("looks like a LaTeX .bbl bibliography", lambda text: bool(_BBL.search(text[:20000]))),
    ("has too few lines that look like titles or ids (most have too few words or letters)", _not_a_list),
)
"""Apparent kinds of unreadable files, checked in order; the first that matches names it."""


def what_it_looks_like(text: str) -> str | None:
    """The apparent kind of a file no reader claimed, or ``None`` when it can be a list of titles."""
    for description, matches in KINDS:
        if matches(text):
            return description
    return None
