"""What a reference prints of another work, after its own: the dates there are not its own.

biblatex prints an entry's related works after it ("Repr. from Electronics 38.8 (1965)",
"Excerpt in Roger Matuz, ed. Contemporary Literary Criticism. … 1990", "Trans. of Arnold van
Gennep. Les rites de passage. Paris: Nourry, 1909", "Orig. pub. in 1959 by …", "Trans. by
Monika B. Vizedom and Gabrielle L. Caffee as The Rites of Passage (University of Chicago Press,
1960)"); so do Chicago and IEEE ("Reprinted from", "Originally published in"). The reference's
year is the one printed before such a note, not the last one of the string.

Nor is a page a year: IEEE prints a paper's pages after its date ("in Proc. of ICASSP, Dallas,
TX, USA, Apr. 1987, pp. 1953–1956"), and "1953" is no year of it; amsplain prints them without
"pp." ("… 22 (2014), no. 10, 1533–1545"): a range that looks like years is pages where the
reference prints a year of its own besides ("Leipzig, 1885–1888" is dated by the range).
"""

from __future__ import annotations

import re

# biblatex's bibstrings for related entries (reprintof, reprintfrom, translationof, origpubin,
# origpubas, excerptin, excerptfrom, reviewof) and their long forms; "Trans. from the French
# by …" names the translator of this very work and is none.
_RELATED = re.compile(
    r"\b(?:Repr\.\s(?:of|from|in|as)|Reprint(?:ed)?\s(?:of|from|in|as)|Trans\.\sof|Translation\sof"
    r"|Orig\.\spub\.|Originally\spublished|Excerpt\s(?:in|from)|Review\sof)\s"
    r"|\bTrans\.\sby\s[^.()]{3,120}?\sas\s"
)


def own_part(text: str) -> str:
    """``text`` up to where it starts on a related work (all of it where it names none)."""
    match = _RELATED.search(text)
    return text[: match.start()] if match else text


_PAGES = re.compile(r"\b(?:pp?\.|pages?)\s*[A-Za-z]?\d+(?:\s*[–—-]+\s*[A-Za-z]?\d+)?")


def without_pages(text: str) -> str:
    """``text`` without the pages it prints ("pp. 1953–1956", "p. 1639", "pages 1192–1199")."""
    return _PAGES.sub(" ", text)


_RANGE_START = re.compile(r"(?<![\d.])((?:1[5-9]|20)\d{2})[a-z]?\s*[–—-]+\s*(?:1[5-9]|20)\d{2}\b")


def without_page_ranges(years: list[int], text: str) -> list[int]:
    """``years`` (read from ``text``) without the first of each range that looks like years,
    where one of them stands alone (then the range is the pages)."""
    starts = {int(start) for start in _RANGE_START.findall(text)}
    alone = [year for year in years if year not in starts]
    return alone or years
