"""Which of a reference's years dates the work: not a related work's, not a range's end.

biblatex prints, after a work's own data, notes on the works it is related to, each with its
own date ("… In: Proceedings of the IEEE 86.1 (1998), pp. 82–85. Repr. from Electronics 38.8
(1965)", "… New York: Dover Publications, 1997. (Orig. pub. in 1959 by John Wiley & Sons)",
"… 4.3 (1974), pp. 212–225. Excerpt in Roger Matuz, ed. … Detroit: Gale, 1990"). The phrases
are its localisation strings (``reprintof``, ``reprintfrom``, ``reprintas``, ``translationof``,
``translationas``, ``origpubin``, ``origpubas``, a translation's "Trans. by … as"), written out
or abbreviated; APA prints its "(Original work published 1962)" likewise. Where a year comes
before such a note, the years in it date the other work.

A reprint may print its original's year before its own: Chicago's "Austen, Jane. Persuasion.
1818. Reprint, New York: Penguin, 2008." and its author-date "Darwin, Charles. (1859) 2009.
On the Origin of Species." The later year dates the edition the list cites (a `.bib`'s
``year``; the first is its ``origdate``); undated, the reprint has the original's year alone.

A range of years ("1984–1986", "Leipzig, 1885–1888": a work in several volumes, printed over
years) dates the work by its first; a year inside the range after it is one volume's ("Vol. A:
The TEXbook. 1984.").

BibTeX's standard styles (plain, alpha, unsrt, natbib's) print a book's year after its
publisher and then its note as a sentence of its own: "Bibliopolis, 1984. Notes by Giovanni
Sambin of a series of lectures given in Padua, June 1980.", "Montreal, Quebec, 1973. Séminaire
de Mathématiques Supérieures, No. 52 (Été 1971)." Where a year after a comma ends a sentence
and what follows prints no such year of its own (a title's "Economic Survey, 1961." is followed
by the publisher's ", 1962."), the years after it are the note's.
"""

from __future__ import annotations

import re

# The years a reference may date a work by, 1500–2099 (a reference to Newton or Darwin has one
# too): the one definition every reader of references builds its patterns from.
YEARS = r"(?:1[5-9]|20)\d{2}"
# A note opens after a block's punctuation; DIN 1505's styles (natdin, German theses) set each block
# off by a dash: "…, 1990. – ISBN 0–201–51141–X. – Reprint of the 1904 edition".
_RELATED_NOTE = re.compile(
    r"(?:(?<=[.,;(])|(?<=[.,;–]\s))\s*(?:"
    r"[Rr]epr(?:\.|int(?:ed)?)\s+(?:of|from|in|as)"
    r"|[Rr]pt\.\s+as"
    r"|(?:A\s)?[Tt]rans(?:\.|lation|lated)\s+(?:of|as)"  # MathSciNet's "…, A translation of …"
    # MathSciNet's and the AMS styles' "Translated from the 1968 French original by …"
    rf"|[Tt]rans(?:\.|lated)\s+from\s+the(?=\s+{YEARS}\b)"
    r"|[Oo]rig(?:\.\s+pub\.|inally\s+published)\s+(?:in|as)"
    # BibTeX's styles' note of the original's year: "Orig. publ. 1940.", "Originally published 1896."
    rf"|[Oo]rig(?:\.\s+publ?|inally\s+published)(?=\.?\s+{YEARS}\b)"
    # APA's "(Original work published 1962)", in French "(Ouvrage original publié en 1902)"
    r"|Original\s+work\s+published|Ouvrage\s+original\s+publié"
    r"|[Ee]xcerpt(?:ed)?\s+(?:in|from)"
    # another version of the work and its venue: "extended version in JMLR 25, 2024", "A preliminary
    # version appeared in Proc. FOCS 1995", "Full version of …"
    r"|(?:An?\s)?(?:[Ee]xtended|[Ff]ull|[Pp]reliminary|[Ss]hort|[Cc]onference|[Jj]ournal)\s+version"
    r"\s+(?:in|of|at|appeared|published)"
    # the RFC Editor's .bib notes of the later RFCs that change one: "Updated by RFCs 1101, …, 2065"
    r"|(?:Updated|Obsoleted)\s+by\s+RFCs?(?=\s+\d)"
    # a translation's "Trans. by Monika B. Vizedom and Gabrielle L. Caffee as The Rites of Passage"
    r"|[Tt]rans(?:\.|lated)\s+(?:from\s+(?:the\s+)?[A-Z]\w+\s+)?by\s[^()]{1,120}?\sas(?=\s[A-Z\d“\"‘])"
    # INSPIRE's erratum in brackets after the year: "Phys. Rev. C 84, 024617 (2011), [Erratum:
    # Phys.Rev.C 85, 029901 (2012)]" (and an addendum's, a corrigendum's)
    r"|\[(?:Erratum|Addendum|Corrigendum)(?=:)"
    # a note that points to another work: "…, 2003. doi: …. Representative citation …; see also
    # Souza & Oberauer 2016."
    r"|(?<=[;,.]\s)[Ss]ee\s+also(?=\s)"
    r")\b.*$",
    re.DOTALL,
)
# A reprint's original year before its own (`without_an_originals_year`): a sentence of its own before
# Chicago's "Reprint, ", or in parentheses before the reprint's year right after the names' period
# (not a volume's year before a page of a year's shape: "BMC Public Health 21 (1) (2021) 1954.")
_ORIGINALS_YEAR = re.compile(
    rf"(?<![\d.])({YEARS})\.\s(?=[Rr]eprint(?:ed)?,\s)"
    rf"|(?<=[^\W\d_]\.\s)\(({YEARS})\)\s(?={YEARS}[a-z]?\.\s)"
)
# "…, Bibliopolis, 1984. Notes by"; acm.bst's "Journal 228 (2009), 69–84. Proceedings of … (LFMTP 2008)."
_DATED_SENTENCE = re.compile(
    rf",\s{YEARS}[a-z]?\.(?=\s+[A-Z])"
    rf"|\s\((?:[A-Z][a-z]{{2,8}}\.?\s)?{YEARS}\),\s(?:pp?\.\s)?\d+(?:[–-]\d+)?\.(?=\s+[A-Z])"
)
# A year after the one the sentence ends with that dates the work: after a comma (a title's "Economic
# Survey, 1961." before the publisher's ", 1962."), or in parentheses closing the reference, as
# Springer's basic style does ("…: Title …, bandung, indonesia, 2007. Proc Assoc … 3, 116–120 (2008)").
_YEAR_AFTER_COMMA = re.compile(rf",\s{YEARS}(?!\d)|\({YEARS}\)[.\s]*$")
_RANGE = re.compile(rf"(?<![\d./:-])({YEARS})\s?[–—]\s?({YEARS}|\d{{2}})(?![\d–—-])")
YEAR = re.compile(rf"(?<!\d){YEARS}(?!\d)")  # a year, not part of a longer number
# A date in numbers, its day and month before its year: German "30.07.2020" (not a longer run of
# numbers joined by periods, a version's or an address's); or joined by hyphens, its day or its
# month first, biblatex's Vietnamese "24-12-2016" and "7-2012" (a month up to 12; not a range's end),
# or a month and year by a slash, a German thesis's report "Technical report CW 641, 07/2013" (a
# day's date so, "[Citado 18/07/2004]", is a visit's as often)
_NUMERIC_DATE = re.compile(
    rf"(?<![\d.])\d{{1,2}}\.\s?\d{{1,2}}\.\s?({YEARS})(?![\d.]\d)"
    rf"|(?<![\d./:–-])(?:\d{{1,2}}-)?(?:0?[1-9]|1[0-2])-({YEARS})(?![\d–-])"
    rf"|(?<![\d./:–-])(?:0?[1-9]|1[0-2])/({YEARS})(?![\d/])"
)
# The marks a range of pages is printed with: dashes, and the wave dashes of Chinese and Japanese
# lists (GB/T 7714's "163(7):1663～1677", a Japanese "12〜18頁"), whose second number is no year.
_DASHES = "–—\\-～〜"
# "pp. 1517–1530", "p. 1999", "pages 1192–1199", "pp. A12–A15": pages; GOST's "— P. 1969." (after
# its dash: not an initial, "Smith, J. P. 1999."); a volume's number, "Proc. SPIE, vol. 1825"
_PAGES = re.compile(
    rf"(?:\b(?:pp?\.|pages?)|(?<=[—–]\s)P\.|\b[Vv]ol(?:ume)?\.?)\s*[A-Za-z]?\d+(?:\s*[{_DASHES}]+\s*[A-Za-z]?\d+)?"
)
_PAGES_IN_KANJI = re.compile(rf"(?<!\d)\d++(?:\s*+[{_DASHES}]\s*+\d++)?頁")  # a Japanese list's "1999–2012頁"
# a volume's pages after it, no "pp." before them: "Genetics 169, 1631–1638", "45(4): 4713–4726",
# ACS's "137 (12), 1850–1860" (no ISO date: "Patent 152932/92, 1992-05-20", a month's leading zero)
_VOLUME_PAGES = re.compile(
    rf"(\d(?:\s?\([^()]{{1,12}}\))?[,:]\s*)\d+\s*[{_DASHES}]\s*(?!0)\d+(?![{_DASHES}]?\d)"
)
# A volume's number and first page around the year that dates them: physics' "Phys. Rev. Lett. 44
# (1980) 1645", "J. Chem. Eng. Data 62 (2017) 1559– 1569", elsarticle's "BMC Public Health 21 (1)
# (2021) 1954" (the pages after the year), ACS's
# "Biochim. Biophys. Acta 2015, 1850, 1041–1058" (the volume and pages after the year).
_PAGE_AFTER_YEAR = re.compile(rf"(?<=[\d)]\s\()({YEARS})\)\s+[A-Z]?\d+(?:\s*[–—-]\s*[A-Z]?\d+)?\b")
_VOLUME_AFTER_YEAR = re.compile(
    rf"(?<![\d,]\s)(?<!\d)({YEARS}),\s*\d+(?:\s?\(\d+\))?,\s*[A-Z]?\d+\s*[–—-]\s*[A-Z]?\d+(?!\d)"
)
# Vancouver's "Year;Volume(Issue):Pages": the number after the year's semicolon is a volume's, one
# of a year's shape too ("Proc SPIE 1993; 1825: 378–388", "2000;1850(3):e12").
_VOLUME_AFTER_YEARS_SEMICOLON = re.compile(rf"(?<!\d)({YEARS});\s?\d++(?:\s?\([^()]{{1,12}}\))?:")


def without_an_originals_year(text: str) -> str:
    """``text`` without the year of the work a reprint reprints, where it prints that year before
    the reprint's own and a later year follows ("Persuasion. 1818. Reprint, New York: Penguin,
    2008." → "Persuasion. Reprint, …", "Darwin, Charles. (1859) 2009. On the …" → "Darwin,
    Charles. 2009. On the …"): what is left dates the reprint, as any reference is dated."""
    original = _ORIGINALS_YEAR.search(text)
    if original is None or (later := YEAR.search(text, original.end())) is None:
        return text
    if int(later.group()) <= int(original.group(1) or original.group(2)):
        return text
    return f"{text[: original.start()]}{text[original.end() :]}"


def dating_text(text: str) -> str:
    """``text`` with what dates other works blanked: a related work's note after a year (a
    reprint's, a translation's, the later RFCs that update one); a
    range's end year, and the years inside the range printed after it (its volumes'); and
    what is no date at all, pages ("pp. 1517–1530", a volume's "169, 1631–1638", "— P. 1969",
    "1999–2012頁"), a volume's number ("vol. 1825"), a volume and first page beside their year
    ("44 (1980) 1645", "2015, 1850, 1041–1058", Vancouver's "1993; 1825: 378"). A date written
    in numbers, day and month before the year ("Kubernetes. Nodes, 30.07.2020.", "24-12-2016",
    "7-2012", "07/2013"), gives its year alone; a reprint's original year
    (`without_an_originals_year`) none."""
    text = _NUMERIC_DATE.sub(lambda date: date.group(1) or date.group(2) or date.group(3), text)
    text = without_an_originals_year(text)
    note = _RELATED_NOTE.search(text)
    if note and YEAR.search(text, 0, note.start()):
        text = text[: note.start()]
    dated = _DATED_SENTENCE.search(text)
    if dated and _YEAR_AFTER_COMMA.search(text, dated.end()) is None:
        text = text[: dated.end()]  # a standard style's note after the year
    text = _VOLUME_AFTER_YEAR.sub(r"\1, ", _PAGE_AFTER_YEAR.sub(r"\1) ", text))
    text = _VOLUME_AFTER_YEARS_SEMICOLON.sub(r"\1; :", text)
    text = _VOLUME_PAGES.sub(r"\1 ", _PAGES_IN_KANJI.sub(" ", _PAGES.sub(" ", text)))
    found = _RANGE.search(text)
    while found is not None:
        text = f"{text[: found.start()]}{found.group(1)}{_outside(found, text[found.end() :])}"
        found = _RANGE.search(text, found.start() + 4)
    return text


def _outside(found: re.Match[str], after: str) -> str:
    """``after`` (what follows a range of years) with the years inside the range blanked."""
    first, end = int(found.group(1)), found.group(2)
    last = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
    return YEAR.sub(lambda year: " " if first <= int(year.group()) <= last else year.group(), after)
