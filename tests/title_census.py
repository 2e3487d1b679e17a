"""Which capitalised words of a .bib's titles are braced, entry by entry (tests and bench).

A *word form* is a capitalised word part as `bibnorm.text.capitals.word_key` compares
words ("Transformers" and "Transformer's" are "transformer"), or, for a hyphenated token
braced whole ("{MLP-Mixer}", "{Brain-Score}"), the case-folded token: that compound is its
own form. Words a style keeps capitalised anyway are left out: a title's first word, the
first word after a colon, single letters, the pronoun "I" and words whose shape protects
them (acronyms, mixed case: they are braced by shape, never by a decision about the word).
The first word after "?", "!" or a spaced dash is braced for where it stands, not for what
it is: it is counted apart, as an entry that leaves it free (``sentence_starts_free``).

Read from the .bib text with bibtexparser, independently of the writer: the census sees
the braces as a style does (a character inside any brace group keeps its case).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import bibtexparser
from bibnorm.text.capitals import TOKEN, needs_protection, word_key

_PART = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
# The end of what precedes a word that starts a sentence within a title: "?" or "!" (closing
# quotes allowed) or a dash with spaces around it.
_SENTENCE_BREAK = re.compile(r"(?:[?!][\"'\u201d\u2019)\]]*|\s(?:--?-?|[\u2013\u2014]))\s+$")


@dataclass
class Census:
    """Word form → keys of the entries that brace it and of those that leave it free."""

    braced: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    free: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    # Keys of the entries that leave free the first word after "?", "!" or a spaced dash, which
    # sentence-case styles lower: braced for where it stands, not for what the word is.
    sentence_starts_free: list[str] = field(default_factory=list)

    def inconsistent(self) -> dict[str, tuple[list[str], list[str]]]:
        """Forms braced in some entries and left free in others."""
        return {
            form: (self.braced[form], self.free[form]) for form in sorted(self.braced) if form in self.free
        }


def _plain_with_mask(title: str) -> tuple[str, list[bool]]:
    """The title without braces, and for each character whether a brace group holds it."""
    plain: list[str] = []
    mask: list[bool] = []
    depth = 0
    escaped = False
    for ch in title:
        if escaped:
            escaped = False
            plain.append(ch)
            mask.append(depth > 0)
            continue
        if ch == "\\":
            escaped = True
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(depth - 1, 0)
        else:
            plain.append(ch)
            mask.append(depth > 0)
    return "".join(plain), mask


def census(bib_text: str) -> Census:
    """The census of every entry's title in a .bib text (BibTeX or biblatex)."""
    found = Census()
    for entry in bibtexparser.parse_string(bib_text).entries:
        title = entry.fields_dict.get("title")
        if title is None:
            continue
        text, mask = _plain_with_mask(str(title.value))
        for number, match in enumerate(TOKEN.finditer(text)):
            token, offset = match.group(), match.start()
            parts = list(_PART.finditer(token))
            if len(parts) > 1 and all(mask[offset : offset + len(token)]) and token[:1].isupper():
                if not any(needs_protection(p.group()) for p in parts):
                    found.braced[token.casefold()].append(entry.key)
                continue  # a compound braced whole is its own form
            for part in parts:
                if number == 0 and part.start() == 0:
                    continue  # styles keep the first letter of a title
                position = offset + part.start()
                _count_part(found, entry.key, text, mask[position], position, part.group(), part.start() == 0)
    return found


def _count_part(
    found: Census, key: str, text: str, braced: bool, position: int, word: str, opens: bool
) -> None:
    """Count a word part at ``position`` of a title (``opens``: it begins its token)."""
    if len(word) < 2 or word == "I" or not word[:1].isupper() or needs_protection(word):
        return
    if text[:position].rstrip().endswith(":"):
        return  # styles keep the first letter after a colon
    if opens and _SENTENCE_BREAK.search(text, 0, position):
        if not braced:
            found.sentence_starts_free.append(key)
        return
    (found.braced if braced else found.free)[word_key(word)].append(key)
