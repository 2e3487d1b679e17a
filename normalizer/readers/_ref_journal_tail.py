"""A journal, volume and pages read into a title's sentence.

Some author-year styles (the agricultural and applied economics journals' ``economic``
styles) set a paper as "Name, A. (1965) Title, Journal Name, 41, 325–334." — no period
between the title and the journal, so the title's sentence runs to the end. What follows the
title's last comma (or its question mark: APA's "… mean? Journal of Behavioral Medicine, 22,
303–326", where the period the title ends with is the question's) is a capitalised name, a
volume (an issue in parentheses may follow) and a page range: the journal's, never the title's.
apacite sets a space before those commas ("22 , 303–326").

elsarticle's author-year style (``elsarticle-harv``) sets "Title. Journal Name 169, 1631–1638."
— the volume right after the journal's name — and its titles in sentence case, so a title ending
in an abbreviation or a number ("… in oryza sativa l.", "… eastern mediterranean 1.") is no
sentence end before the journal: a name (in lower case too where the .bib spells it so,
"science 311"), a volume and a page or page range after the title's last period are the
journal's.
"""

from __future__ import annotations

import re

_JOURNAL_TAIL = re.compile(
    r"(?:,|(?<=[?!]))\s+[A-Z][^,()?!]{2,80}\s?,\s+\d{1,4}(?:\s*\(\d{1,4}\))?\s?,\s+(?:pp\.\s*)?\d+\s*[–-]\s*\d+\.?$"
)


_VOLUME_AFTER_JOURNAL = re.compile(
    r"(?<=\.)\s+[A-Za-z][^,()?!.]{2,80}\s\d{1,4}(?:\s*\(\d{1,4}\))?,\s+[A-Z]?\d+(?:\s*[–-]\s*[A-Z]?\d+)?\.?$"
)


# Harvard ``dcu``'s volume and pages, "58: 473–503", "10(3): 362–380" (``kluwer``'s "58, 473–503",
# elsarticle-harv's without the comma before them):
# after a title whose .bib names no journal (biblatex's ``journaltitle`` read by a BibTeX style).
_VOLUME_COLON_PAGES = re.compile(r"(?:,\s+|\s)\d{1,4}(?:\s?\(\d{1,4}\))?(?::|,)\s\d+(?:\s*[–-]\s*\d+)?$")


# elsarticle-harv's journal and volume without pages after a title ending in a roman numeral, whose
# period ends no sentence (one letter): "A calculus of mobile processes, part i. Information and
# Computation 100", "The problem of logical omniscience, I. Synthese 89".
_JOURNAL_AFTER_NUMERAL = re.compile(r"(?<=\b[IVXivx]\.)\s+[A-Z][^,()?!.]{2,80}\s\d{1,4}(?:\s?\(\w{1,6}\))?$")
# What is left of Chicago's "… domesticated? Science 311 (5769), 1886–1886" once its volume and
# pages are cut: a journal's name after the title's question mark or closing numeral.
_JOURNAL_NAME_AFTER = re.compile(r"(?:(?<=[?!])|(?<=\b[IVXivx]\.))\s+[A-Z][^,()?!.\d]{2,80}$")


# A journal's name, its volume and the article's number, or nothing, after the title's last comma:
# the AGU's and Copernicus' "…, Global Biogeochemical Cycles, 22, GB2024", "…, 30, 149–174,
# 2015GB005289" (pages and the article's number), "…, Paleoceanography, 21" (the DOI after it taken
# out) — the journal's only where the list of journals names it (`journals.is_listed`), and not
# after a year (astronomy's "Names 2010, Classical and Quantum Gravity, 27, 194002": no title).
_LISTED_JOURNAL_TAIL = re.compile(
    r"(?<![12]\d{3})(?<![12]\d{3}[a-z]),\s++(?P<journal>[A-Z][^,()?!]{2,80}),\s++\d{1,4}+"
    r"(?:,\s++\d++\s*+[–-]\s*+\d++)?"
    r"(?:,?\s++[A-Za-z]{0,2}+\d++[A-Za-z]{0,2}+\d*+)?\s*+$"
)


def without_journal_tail(title: str) -> str:
    """``title`` without a journal, volume and page range read after it."""
    from bibnorm.text.journals import is_listed  # local: the journal list is large

    title = _VOLUME_AFTER_JOURNAL.sub("", _JOURNAL_TAIL.sub("", title))
    listed = _LISTED_JOURNAL_TAIL.search(title)
    if listed is not None and is_listed(listed.group("journal")):
        title = title[: listed.start()]
    volume = _VOLUME_COLON_PAGES.search(title)
    bare = title[: volume.start()] if volume else title
    if volume and not volume.group().startswith(","):  # the volume right after a name: a journal's
        bare = _JOURNAL_NAME_AFTER.sub("", bare)
    return _JOURNAL_AFTER_NUMERAL.sub("", bare)
