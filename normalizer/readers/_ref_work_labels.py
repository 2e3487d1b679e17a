"""A work's label printed where the names go: no author.

biblatex's author-year styles set a work that has no author or editor under its ``label``
field, or its short title, in the names' place, so that the citation "(CTAN 2006)" finds it in
the list: "CTAN (2006). CTAN. The Comprehensive TeX Archive Network.", "CMS (2003). The
Chicago Manual of Style.", "EB (2003). The New Encyclopædia Britannica. Ed. by Warren E.
Preece.", "PACS-L (1989). PACS-L: the public-access computer systems forum". Such a label is
one word in capitals that abbreviates the title — the initials of words that follow each
other in it (small words such as "of" skipped: Chicago Manual of Style) — or that opens the
title as a sentence or a heading of its own ("CTAN.", "PACS-L:"). It names no one.

A corporate author in capitals is kept: "OECD (2019). OECD Employment Outlook" (the title goes
on after the name), "WHO (2020). Guidelines on …" (no initials of the title), and so is one not
dated where it stands: ABNT's "ZABBIX. ZABBIX. 2015. Acesso em …" sets an organisation's page
under its name, the year after the title; a label stands where the citation finds it, its year
right after it.
"""

from __future__ import annotations

import re

from bibnorm.readers._ref_dates import YEARS
from bibnorm.text.word_tables import minor_words

_LABEL = re.compile(r"^[A-Z][A-Z\d]*(?:-[A-Z\d]+)?$")  # "CTAN", "EB", "PACS-L"
_WORD = re.compile(r"[^\W\d_]+")
_YEAR_AFTER_LABEL = re.compile(rf"[\s.,]*+[(\[]?{YEARS}")  # "CTAN (2006)", "CTAN 2006"
_SMALL_WORDS = minor_words().acronym_glue  # skipped as a spelt-out acronym skips them (minor-words.json)


def is_work_label(names: str, title: str | None, text: str) -> bool:
    """Whether ``names`` (the names' place of the reference ``text``) is its work's label, not a
    name: its year right after it ("CTAN (2006). CTAN.")."""
    label = names.strip(" .,;:")
    if not title or not _LABEL.match(label) or sum(char.isupper() for char in label) < 2:
        return False
    start = len(text) - len(text.lstrip())
    if not text.startswith(label, start) or not _YEAR_AFTER_LABEL.match(text, start + len(label)):
        return False
    if re.match(rf"{re.escape(label)}\s*[.:]", title) or title.strip() == label:
        return True
    return _abbreviates(label.replace("-", ""), title)


def _abbreviates(label: str, title: str) -> bool:
    """Whether ``label``'s letters are the initials of words that follow each other in
    ``title``, small words between them skipped ("CMS": Chicago Manual of Style)."""
    words = [word for word in _WORD.findall(title) if word.casefold() not in _SMALL_WORDS]
    initials = "".join(word[0] for word in words).upper()
    return len(label) >= 2 and label in initials
