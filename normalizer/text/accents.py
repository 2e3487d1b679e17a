"""Letters without their accents, as every comparison key of bibnorm folds them."""

from __future__ import annotations

import unicodedata


def without_accents(text: str) -> str:
    """``text`` with its letters' accents dropped ("Für" → "Fur", "Gödel" → "Godel"): its
    compatibility decomposition (NFKD, which also splits ligatures: "ﬁ" → "fi") without the
    combining marks. Letters that do not decompose ("Ł", "ø", "ß") stay;
    `bibnorm.text.names.folded_to_ascii` spells them in ASCII too."""
    if text.isascii():
        return text
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


def folded(text: str) -> str:
    """``text`` in lower case without accents ("Für" → "fur"), as word lists and features compare it."""
    return without_accents(text.casefold())
