"""Legal references as APA sets them (APA 7 §11, after the Bluebook): no author, the work's
name first, then its citation.

- A court case: "Brown v. Board of Education, 347 U.S. 483 (1954)." — its name up to the
  comma before the reporter's volume ("347 U.S.", "951 F.2d", "17 Cal.3d", "576 U.S. ___");
  its year the last in the parentheses of the court and date ("(9th Cir. 1991)"; a later
  decision's, "(D. Kan. 1981), aff'd, 727 F.2d 888 (10th Cir. 1984)", is the reference's).
- A statute: "Civil Rights Act of 1964, Pub. L. No. 88–352, 78 Stat. 241 (1964).", "Every
  Student Succeeds Act, 20 U.S.C § 6301 (2015).", "Florida Mental Health Act, Fla. Stat. § 394
  (1971 & rev. 2009)." — its name up to the code; "of 1964" after it is its date, not its name.
- A regulation ("Protection of Human Subjects, 45 C.F.R. § 46 (2009)."), a bill ("… Act, H.R
  1100, 113th Cong. (2013)."), a treaty ("United Nations Convention on the Rights of the Child,
  November 20, 1989, https://…"). A hearing's or a testimony's title runs to its Congress, the
  hearing or the committee in it: "Title: Hearing before the U.S. Senate Committee on …, 113th
  Cong. (2014).", "Title, U.S. Senate Committee on …, 114th Cong. (2016) (testimony of …)".
- A document known by its number has no title: "Exec. Order No. 13,676, 3 C.F.R. 294 (2014).",
  "H.R. Rep. No. 114-358 (2015).", "S. Res. 438, 114th Cong. …".

A name is one sentence ("U.S. Congress, Senate Commission on Commerce. 1966. Conversion to
the Metric System: Hearings on S1278. …" is an author-year reference). A link after the citation
is none of it (a spaced one, "http : / / www . oyez . org / cases / 1940 - 1955 /", holds years
that are not the reference's).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bibnorm.readers._ref_dates import YEAR
from bibnorm.text.months import MONTHS

_MONTH = "(?:" + "|".join(month.name for month in MONTHS) + ")"
# Where the name ends: the comma before the citation.
_CITATION = re.compile(
    r",\s+(?:\d[\d,]*\s+(?:[A-Z][\w.]*|_{2,})"  # "347 U.S.", "20 U.S.C", "81 F.R.", "17 Cal.3d"
    r"|Pub\.\s?L\.|[A-Z][a-z]+\.\s+Stat\.|H\.\s?R\.?\s?\d|S\.\s?\d"  # "Pub. L. No.", "Fla. Stat.", "H.R 1100"
    r"|\d+(?:st|nd|rd|th)\s+Cong\."  # a hearing's, a testimony's Congress
    rf"|{_MONTH}\s+\d{{1,2}},\s+\d{{4}})"  # a treaty's date
)
# What a legal citation holds and a reference to a paper or book does not.
_LEGAL = re.compile(
    r"§|\bv\.\s|U\.S\.C\b|C\.F\.R\b|\bStat\.|Pub\.\s?L\.|\bF\.R\.|\bCong\.|\bU\.S\.\s+(?:\d|_)"
    r"|\bF\.\s?(?:Supp|[234]d)|\bS\.W\.|\bP\.[23]d|\bCir\.|\bConvention\b|\bTreaty\b"
)
# (a bill's "H.R. 1100" or the House's report, "H.R. Rep.": not a person's initials, "H.R. Varian, Title")
_NUMBERED = re.compile(r"^(?:Exec\.\s+Order|H\.\s?R\.\s?(?:\d|Rep\.)|S\.\s+Res\.|S\.\s+\d|Pub\.\s?L\.)")
_SENTENCE_END = re.compile(r"[a-z]{3}\.\s+[A-Z\d]")  # a name is one sentence: "… Control. 1966. A …" is none
_LINK = re.compile(r"(?<!\s)\s*\bhttps?\s?:.*$", re.DOTALL)
_DATED = re.compile(r"\(([^()]*)\)|,\s+" + _MONTH + r"\s+\d{1,2},\s+(\d{4})")


class LegalReference(NamedTuple):
    title: str | None
    year: int | None


def legal_reference(text: str) -> LegalReference | None:
    """The name (its title) and year of an APA legal reference (see the module docstring), or
    None for any other reference."""
    text = _LINK.sub("", text.strip())
    if _NUMBERED.match(text):
        return LegalReference(None, _year(text)) if _LEGAL.search(text) or YEAR.search(text) else None
    citation = _CITATION.search(text)
    if citation is None or not _LEGAL.search(text):
        return None
    name = text[: citation.start()].strip()
    if not name or "(" in name or not name[0].isupper() or _SENTENCE_END.search(name):
        return None
    year = _year(text)
    if year is not None:
        name = re.sub(rf"\s+of\s+{year}$", "", name)
    return LegalReference(name, year)


def _year(text: str) -> int | None:
    """The year of the last date in parentheses (a court's and a decision's), or a treaty's."""
    years = [
        int(found[-1])
        for dated in _DATED.finditer(text)
        if (found := YEAR.findall(dated.group(1) or dated.group(2) or ""))
    ]
    return years[-1] if years else None
