"""Reference strings: a bibliography pasted from a paper (or read from its PDF), one query each.

Which lines form one reference is `bibnorm.readers._reflist`'s business: numbered
(``[12]``, ``12.``, ``(12)``) or labelled items, else unnumbered references one per line,
blank-line separated, with hanging indents or wrapped — whichever reads most lines as
references. A text is a reference list (`looks_like_reference_list`) when it has three
numbered items mostly with a year, or when most of its items carry an author list, a
year and a title-like span (`looks_like_reference`); a list of plain titles has no author
list, so it stays a title list. From each string:

- ids anywhere: ``arXiv:2106.04560``, ``arxiv.org/abs/…``, a DOI — an arXiv id or DOI
  makes the item an id query (the title stays as evidence);
- the title: after Vancouver's names (``Yeshurun Y, Hasson U. Title. Journal. 2021;22:181-92.``);
  in quotes (IEEE: ``A. Name, “Title,” in …``; Harvard's ``‘Title’``); after ``(2015).`` (APA:
  ``Name, A. (2015). Title. Venue.``); else the sentence after the author sentence
  (ACM, plain, natbib: ``Names. Title. Venue, year.``; ACM's ``Names. 2015. Title.``);
  venue/year tags and a trailing "arXiv preprint …" are never part of it;
- the authors, one name each as written ("X. Zhai", "Zhai, X.", "others" for "et al.")
  and their name words, and the year, which matching uses as evidence
  (`matching.authors_agree`, `matching.year_consistent`) and `verify` compares;
- the venue as written, and the BibTeX type it implies (a known conference →
  ``inproceedings``, a journal → ``article``, else ``misc``).

Nothing here looks anything up; a string whose title cannot be found still becomes a
query, so it is reported as unresolved instead of dropped.

Why a small grammar (surveyed 2026-11-22): ``refextract`` 1.1.7 (INSPIRE) splits and
numbers references well but returns no title — on a plain-style list the title
is inside an unstructured ``misc`` blob for every item; ``refparse`` 0.5.0 reads Web of
Science/Scopus/CSSCI export lines only; GROBID (CRF/deep models) needs a Java server and
AnyStyle is Ruby — neither installs as a Python dependency that runs offline. This grammar
reads 159/159 titles exactly from lists typeset by plain, IEEEtran and splncs04 and copied
out of the PDF (``bench/bench_refs.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

from bibnorm.models import Origin, Query, QueryKind, ReadConfidence
from bibnorm.readers._field_choice import (
    FITS,
    JOURNAL_NAME_RUN,
    UNSPACED_SCRIPTS,
    ListFit,
    RuleReading,
    choose_fields,
    is_listed_journal,
    list_fit,
    names_a_book,
)
from bibnorm.readers._ref_apa import (
    NO_DATE,
    apa_title,
    group_author,
    in_english_no_date,
    title_in_author_place,
    title_sentence,
    untitled_authors,
    without_note,
    without_retrieval,
)
from bibnorm.readers._ref_astro import AstroReference, astro_reference
from bibnorm.readers._ref_author_year import (
    KLUWER_YEAR,
    SENTENCE_END,
    SINGLE_QUOTED,
    is_body,
    is_one_body,
    outer_quotes,
    title_with_its_year,
)
from bibnorm.readers._ref_dates import YEARS, dating_text, without_an_originals_year
from bibnorm.readers._ref_elided import with_elided_names
from bibnorm.readers._ref_entry_types import entry_type_of, publisher_of
from bibnorm.readers._ref_harvard import harvard_title
from bibnorm.readers._ref_ids import (
    LINK_WORD,
    URL,
    arxiv_id,
    joined_dois,
    joined_links,
    only_doi,
    without_ids,
)
from bibnorm.readers._ref_inverted_names import (
    INVERTED_NAMES,
    inverted_first,
    joined_first_person,
    without_proceedings,
)
from bibnorm.readers._ref_iop import iop_title_and_authors
from bibnorm.readers._ref_journal_tail import without_journal_tail
from bibnorm.readers._ref_legal import LegalReference, legal_reference
from bibnorm.readers._ref_physics import edited_book, names_then_title, physics_title
from bibnorm.readers._ref_quoted import title_around_quotes
from bibnorm.readers._ref_series import without_series
from bibnorm.readers._ref_vancouver import vancouver_title, vancouver_year
from bibnorm.readers._ref_work_labels import is_work_label
from bibnorm.readers._reflist import Layout, ReferenceList, lone_number_apart, split_list, without_its_number
from bibnorm.readers._repeated_authors import dash_as_names, with_repeated_authors
from bibnorm.readers._title_questions import title_before_question
from bibnorm.readers.base import Reader, arxiv_doi_id
from bibnorm.readers.tagger import TaggedReference, TaggedTogether
from bibnorm.text.capitals_words import is_english_word
from bibnorm.text.markup import unmarked_list
from bibnorm.text.months import ANY_SPELLING as A_MONTH
from bibnorm.text.months import MONTHS
from bibnorm.text.names import (
    AND_OTHERS,
    ELIDED_PARTICLE,
    INITIAL,
    LATIN_CAPITAL,
    LATIN_CAPITALS,
    is_name_suffix,
    split_authors,
)
from bibnorm.text.printed import EDITORS_MARK, VENUE_IN
from bibnorm.text.titles import KIND_OF_WORK_CODE, without_chapter
from bibnorm.text.word_tables import (
    alternation,
    author_list_words,
    identifier_labels,
    kinds_of_work,
    name_list_conjunctions,
    name_particles,
    organisation_words,
    publishers,
    reference_abbreviations,
    visit_dates,
)

_VOLUME_LEAD = re.compile(r"\bVol(?:ume)?\.?\s+[A-Z0-9]{1,4}:\s*$")  # "Vol. B: " before a volume's title
# A year is no part of a longer number, a path or a hyphenated range ("1994-1998"), but opens an
# ISO date (IEEE and biblatex print "1992-05-20", "1987-08", "1996- 08" broken at a line's end)
# and a volume's two years in parentheses, a slash between (the AMS styles' "Math. Ann. 145
# (1961/1962)", "(1970/71)"; not a title's "Jahrbuch 1992/93");
# nor a new-style arXiv id's first half ("2018 Mar;1803.01234" in Vancouver): YYMM.NNNNN; nor an
# article number's year, two capitals and digits after it (the AGU's "e2021JA029826", submitted
# the year before it appeared).
_YEAR_END = r"(?!\d|/(?!(?:\d{4}|\d\d)\))|-(?!\s?(?:0[1-9]|1[0-2])(?:-\d\d)?\b)|\.\d{4,5}\b|[A-Z]{2}\d{3})"
_YEAR = re.compile(rf"(?<![\d./:-])({YEARS})[a-z]?{_YEAR_END}")  # does a text hold a year
# The years that date the work, read from `dating_text`: no number of a page range ("885–1990",
# pages "1631–1638", physics' "R1712–R1716"), where a range of years ("1984–1986a") does hold a year;
# one glued to an initial's period is ("Price, L.A.1981“Hebrew letter”", "Powell, P.1990Typesetting"),
# not to a word's ("vol.1825", "10.1999"); nor a number after its sign, a report's, a series' or an
# issue's ("Memorandum No. 1991.", "(Monographs on Statistics ; nr. 1587)"); nor the value of a
# link's parameter a line's break left apart from its link ("…?tag=x&linkCode= xm2&camp=2025&…");
# nor one after a slash but a number's: a volume's and its year, as Icelandic and Scandinavian
# styles print them ("Europhys. Lett. 30/1995"), or a month's ("06/2011") — not a day's date,
# "13/06/2026", most often a visit's in a language whose words for it the table lacks ("visitato
# il giorno 13/06/2026"), nor a volume's second year ("Math. Ann. 145 (1961/1962)": the first).
_DATING_YEAR = re.compile(
    rf"(?<![\d:=&-])(?<![^\d]/)(?<!\d/\d/)(?<!\d/\d\d/)(?<!\d{{4}}/)"
    rf"(?<![^A-Z]\.)(?<!\d–)(?<![\s–-][A-Z])(?<![Nn][or]\.\s)({YEARS})[a-z]?(?!–\d){_YEAR_END}"
)
_OPENING_YEAR = re.compile(rf"\(({YEARS})[a-z]?\)")  # a reference's first words, its year in brackets
# When a web page was looked at, not when the work appeared ("Retrieved February 28, 2008",
# "besucht am 06. 02. 2023", "visitado el 3 de abril de 2022", "[cited 2023 Mar 12]":
# visit-dates.json): the date's day and month in numbers or one month's name in any language,
# then its year.
_VISIT_DAY = r"\d{1,2}(?:st|nd|rd|th|\.)?[\s,/.-]{0,2}"
_VISIT_JOINER = rf"(?:{alternation(visit_dates().date_joiners)}\s+)?"
_ACCESSED = re.compile(
    rf"(?<!\w){alternation(visit_dates().words)}(?:\s+{alternation(visit_dates().connectors)})?(?:\s*+[:,])?\s*"
    rf"{_VISIT_JOINER}(?:{_VISIT_DAY}){{0,2}}{_VISIT_JOINER}(?:[^\W\d_]{{3,10}}\.?,?[\s-]+)?{_VISIT_JOINER}"
    rf"(?:{_VISIT_DAY})?{YEARS}",
    re.I,
)
# A year as the names are followed by it: "(2006)", Chicago's "1968–78", "1987–", "[Ca. 1920]", "[1957?]".
_DATED = rf"[(\[]?(?:[Cc]a\.\s)?{YEARS}[a-z]?(?:[–-](?:{YEARS}|\d\d)?)?\??"
_YEAR_AFTER_AUTHORS = re.compile(rf"(?<![\s,.])[\s,.]*{_DATED}(?:,[^)]*)?[)\]]?[\s.,:]*$")
# The year right after the author list: "Names (2006)", "Names (2006a, March)", "Names. 2006."
# (APA's range of years, "(1959–1963)", and a reprint's original year and its own, "(1925/2003)",
# are dated by the first; its authors' role in parentheses, "Koch, S. (Ed.).", is no year.)
_AUTHOR_YEAR = re.compile(
    rf"^(?:[^\d()“\"]|\([^\d()“\"]*\)){{2,400}}?"
    rf"(?:\(({YEARS})[a-z]?(?:[–/-]{YEARS}[a-z]?)?[,)]"
    # Chicago's "Names. 1968–78. Title", "Names. [Ca. 1920]. Title", "Names. [1957?]. Title";
    # ISO 690's "1959 [i.e. 1995]", "2000, © 2001": the first year is the work's
    rf"|[.,]\s+\[?(?:[Cc]a\.\s)?({YEARS})[a-z]?(?:[–-](?:{YEARS}|\d\d)?)?\??\]?"
    r"(?:\s\[[^\]]{1,20}\]|,\s©\s?\d{4})?\.\s"
    # econ-jpe's "Rutherford 2000.“Title"; Harvard's kluwer "Names: 2019a, Title"; the AMS's
    # "Names, 2000: Title"; "Names [1984a]. Title"
    rf"|\s({YEARS})[a-z]?\.(?=[“‘])|:\s({YEARS})[a-z]?,\s|,\s({YEARS})[a-z]?:\s|\s\[({YEARS})[a-z]?\]\.\s)"
)
# (The title opens after the spaces and ends after a letter, not among spaces: a quotation full of
# spaces was read every way its spaces can be shared out, a time cubic in their number.)
_QUOTED = re.compile(r"(?:[“\"«]|``)\s*+(?P<title>[^“”\"»]{8,}?)(?<!\s)[,.]?\s*+(?:[”\"»]|'')")
# Words after the quotation, in the same sentence: the quotation opens the title, not the whole of it
# ("Nachbar. “evolutionary” selection dynamics in games: …"); not a venue's or a note's word after a
# whole title ("“Title” in Book", "pp. 3"), nor a field's label ("isbn:"), nor a colon's: an italic
# title read as quoted has its publisher after one ("Attwood, Feona (2010) “Porn.com: …”: Peter
# Lang.")
_OPENS_THE_TITLE = re.compile(  # "in", "pp", "tech" (reference-abbreviations.json's after_quotation)
    rf"\s?+(?!{alternation(reference_abbreviations().after_quotation)}\b|[a-z]++:)[a-z]"
)
# French typography's spaced guillemets around a title, however short (biblatex's French: "Daniel
# Whiteson. « HIGGS ». In : (2014)."), which `_QUOTED`'s eight letters or more would pass over
_SPACED_GUILLEMETS = re.compile(r"«\s(?P<title>[^«»\s][^«»]{1,300}?)\s»")
# A title of one short word or two, quoted right after the names' comma and closed by a comma or
# a period ("H. Garcia-Molina and K. Salem, “Sagas”, ACM SIGMOD Record, 1987."), which `_QUOTED`'s
# eight letters or more pass over; not a quoted word opening a longer title ("“Go” as a language"),
# nor one after the names' period, where a PDF's italic journal is read as quoted ("Beck, D.;
# Armen, R. “Biochem”. 2005, 44, 609–616.")
_SHORT_QUOTED_AFTER_NAMES = re.compile(
    r"(?<=,\s)[“\"](?P<title>[^\W\d_][^“”\",.]{0,6})(?:[,.][”\"]|[”\"][,.])(?=\s|$)"
)
# Chicago's short title quoted after the names' period, its own period inside the quotes
# ("Farlex. “Author.” The Free Dictionary. …", "———. “Birth.” …"): not a PDF's italic journal read
# as quoted, whose period is outside ("“Biochem”.")
_SHORT_QUOTED_AFTER_A_SENTENCE = re.compile(
    r"(?<=\.\s)[“\"](?P<title>[^\W\d_][^“”\",.]{0,20})[.,][”\"](?=\s|$)"
)
_A_WORD_AFTER = re.compile(r"\s?+[a-z]")  # a quotation's words going on: "“Economic man” in …"
_CLOSED_TITLE = re.compile(r"[,.]\s*+\S$")  # IEEE's “Title,” in Proc. …: the comma closes the title
# The end of a title a quotation opens: after names and a comma, the next comma ("Ribeiro, S. Singh,
# and C. Guestrin, " why should i trust you?" explaining the predictions of any classifier, in
# Proceedings …"); after names and a period or a colon, the sentence's end or a year in parentheses.
_COMMA_END = re.compile(r",\s")
_SENTENCE_OR_YEAR_END = re.compile(r"(?<=[^\W_]{2})\.(?:\s|$)|\s\((?=\d{4}[a-z]?\))")
# A quotation that opens a quoted title (IEEE's quotes inside quotes: “"ignorance and prejudice" in
# software fairness,”, ““fairness analysis” in requirements assignments,”; French guillemets around
# them, spaced: « "Why Should I Trust You?" : Explaining … »).
_QUOTATION_FIRST_IN_QUOTES = re.compile(
    r"[“«]\s?+(?P<title>[“”\"][^“”\"«»]{1,200}[”\"][^“”\"«»]{1,300}?)[,.]?\s?[”»]"
)
# And the quotation that ends a quoted title, its closing mark beside the title's: a comment's title
# quoting the work it is on (“High-Pass Filters … Commentary on: “How Inappropriate …””, « … on:
# “How Inappropriate …” »): the whole is the title, not the work it quotes.
_QUOTATION_LAST_IN_QUOTES = re.compile(
    r"[“«]\s?+(?P<title>[^“”\"«»\s][^“”\"«»]{0,300}?[“\"][^“”\"«»]{1,200}[”\"])[,.]?\s?[”»]"
)
# The word before an issue's number, in any of biblatex's languages (reference-abbreviations.json):
# after a year in parentheses, the year is a journal's ("Bioinformatics 33 (2017), Nummer 8").
_ISSUE_NUMBER = f"(?i:{alternation(reference_abbreviations().issue_numbers)})"
# (A year in parentheses at the very end, "… 113, 361–363 (1991).", is no APA year: no words follow.)
# Harvard (agsm) puts a comma after it: "Tilly, C. (1992), Coercion, capital, and European states".
_APA = re.compile(
    # (the names end before blanks, or are one character: the year is looked for after a run of
    # blanks once, not from each of its blanks again; biblatex's "(Oct. 27, 2004a)")
    r"^(?P<authors>.+?)(?:(?<!\s)|(?<=^[\s\S]))\s*\((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+)?"
    rf"(?P<year>{YEARS}(?:[–-](?:{YEARS}|present))?|n\.\s?d\.|in press)"
    r"-?[a-z]?(?:,[^)]{0,80})?\)"  # a range to "present": "(2015–present)"
    # not a date after a date ("… (2024) (Jan. 2023)."), nor naturemag's "URL" and link or
    # an issue's number ("… 32 (2018), no. 1", "… 33 (2017), Nummer 8") after the year; the rest
    # runs to the text's very end ("(?s:.*)", once: a rest that stopped at a line break was read
    # again from each year), and
    # `_apa_year` asks for a word in it
    rf"(?:(?P<period>\.)|,)?\s*+(?P<rest>(?![.,\s]*\([A-Z]?[a-z.]*\s?{YEARS}\))(?![.,\s]*(?:URL|{_ISSUE_NUMBER})\s)"
    r"(?s:.*))$"
)
# A word of three letters, which a title and APA's rest hold (a later year's rest is a part of an
# earlier one's, so where the first rest holds none, no later one does).
_A_WORD = re.compile(r"[^\W\d_]{3}")
_ACM_YEAR = re.compile(rf"\.\s{YEARS}[a-z]?\.\s")  # ACM's year after the names: "Names. 2018. Title."
# LNCS (splncs04): "Name, A., Name, B.: Title. In: Venue (2025)".
# (the rest from its first character: with ":\s+(?P<rest>.+)$" the blanks after the colon were
# shared out every way between the two where a line break cut the rest short, a time quadratic)
_LNCS = re.compile(r"^(?P<authors>[^:\d]+?\.)\s*:\s+(?P<rest>\S.*)$")  # no year among LNCS names
# The names given first before the colon, each family name last: "A. Shamir: How to share a
# secret.", "M. Naor und B. Pinkas: Efficient Trace …" (a German thesis's hand-made list)
_GIVEN_FIRST_BEFORE_COLON = re.compile(
    rf"^(?P<authors>(?:{LATIN_CAPITAL}\.\s?){{1,3}}[^:\d]+?[^\W\d_])\s*:\s+(?P<rest>\S.*)$"
)
# DIN 1505 (alphadin, din1505, natdin): given names written out, no period before the colon,
# semicolons or slashes between the names: "BECK, Simon: Title", "HOWS, David ; MEMBREY, Peter:
# Title", "Oaks, Scott/Wong, Henry: Title" (a family name of one word after its particles, a given
# name of up to three, the first written out; not a title's "Deep learning, revisited: …", whose
# words after the comma are lower case, nor Harvard's "Avriel, M. Nonlinear Programming: Analysis
# …", nor Vancouver's "Tanno Ki, Willcox G", whose family names have initials after them).
_DIN_NAME = (
    rf"(?:[a-z]++\s){{0,2}}[^\W\d_][\w'’-]++,\s{LATIN_CAPITAL}[^\W\d_A-Z]++(?:-{LATIN_CAPITAL}[^\W\d_A-Z]++)?"
    rf"(?:\s{LATIN_CAPITAL}[\w'’.-]*+){{0,2}}"
)
_DIN_NAMES = rf"{_DIN_NAME}(?:\s?[;/]\s?{_DIN_NAME})*"
_DIN = re.compile(rf"^(?P<authors>{_DIN_NAMES}):\s+(?P<rest>\S.*)$")
_DIN_LIST = re.compile(rf"^{_DIN_NAMES}$")  # the names alone
_DIN_BETWEEN_NAMES = re.compile(r"\s?[;/]\s?")
# A body as a work's author in such a list: "WHO: Dengue Type. http://…", "World Population
# Review: Bangkok Population 2015.", "MASSACHUSETTS INSTITUTE OF TECHNOLOGY: MIT License." — up
# to six words, each opening with a letter, no digit, comma or parenthesis among them.
_BODY_BEFORE_COLON = re.compile(
    r"^(?P<authors>[^\W\d_][^\s\d:,;()]*+(?:\s[^\W\d_][^\s\d:,;()]*+){0,5}):\s+(?P<rest>\S.*)$"
)
# Where a venue starts inside a title sentence ("… models, in Proc. …", "… In: CVPR",
# "…, arXiv preprint arXiv:…"): "in the image", "Successive radiations, not stasis, in the South
# American primate fauna" and "DataComp: In search of …" are titles, and so is a sentence-case
# title's ", in mexico and guatemala …" (no capital or digit after "in", no "press").
_VENUE_TAIL = re.compile(
    # (each to the text's very end, "(?s:.*)": a "." stopped at a line break is tried again from each start)
    r"(?:[.,]\s*\b[Ii]n\b:?\s(?=press\b|[^a-z])(?s:.*)|\sIn:\s(?s:.*)"
    r"|(?<!\s)\s*(?:[,.]\s*)?\b[Aa]r[Xx]iv preprint\b(?s:.*)|(?<!\s)\s*(?:[,.]\s*)?\bCoRR\b(?s:.*))$"
)
_MONTH = rf"{alternation(month.abbreviation for month in MONTHS)}[a-z]*"  # "Apr", "April" (months.json)
_TRAILING_YEAR = re.compile(
    rf"(?:(?<!\s)\s*(?:,\s*|\(\s*)|(?<=[^\W_])\.\s+|(?<=[?!])\s+)(?:{_MONTH}\.?\s++|\d{{1,2}}\.\d{{1,2}}\.)?{YEARS}[a-z]?\)?\s*\.?$"
)  # ", April 2013", ", 30.07.2020"; ABNT's "Hyper-V. 2015", "O que é CSS? 2019" (a sentence of its own)
_ONLY_YEAR = re.compile(rf"^{_DATED}[)\]]?$")
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]+")
# The words of an author list that name no one: joining words and its abbreviations ("et al.", "eds.").
_NOT_NAMES = author_list_words().not_names  # normalizer/data/author-list-words.json
# Words a title has and an author list has not ("Attention Is All You Need").
_TITLE_WORDS = author_list_words().title_only
_PARTICLES = name_particles().particles  # "van", "de", "bin" (normalizer/data/name-particles.json)
# The words that join an author list's names in its language (French "et", German "und", Russian
# "и": name-list-conjunctions.json; Portuguese "e", Spanish "y": name-particles.json's joiners),
# and "et al." as a list's end leaves it, its period cut with the names' last.
_JOINING_WORDS = name_list_conjunctions() | name_particles().family_joiners
_AND = frozenset({"and"})
_ET_AL = re.compile(r"(?<![^\W\d_])et al(?:\.|$)")
# Three lower-case words in a row, the first no name's particle: a title's words ("a national
# cohort study"), which an author list never holds ("van der Berg", "U.S. Bureau of the Budget").
_TITLE_RUN = re.compile(rf"(?<![\w.])(?!{alternation(_PARTICLES)}\b)[a-z]+(?:[\s,]+[a-z]+){{2}}\b")
_INITIALS = re.compile(rf"^(?:{INITIAL}\s?+-?+\s?+)+$")  # (possessive: a space is read one way)
# One initial of a given name: "J.", "Yu.", "J.-P.", or a capital alone as some styles print it
# ("John P A Ioannidis"; not "A" or "I", which are words of a title).
_INITIAL = re.compile(rf"{INITIAL}(?:-{LATIN_CAPITAL}\.)?|[B-HJ-Z]")
# Initials, then a family name: "Q. Gu", "C.-Y. Ma" are whole names, though "Gu." and "Ma." would
# read as initials ("Th.") were the period there.
_GIVEN_FAMILY = re.compile(rf"^(?:{INITIAL}\s?+-?+\s?+)+[A-Z][a-z]+$")


class ParsedReference(NamedTuple):
    title: str | None
    author_names: tuple[str, ...]
    year: int | None
    arxiv: str | None
    doi: str | None
    venue: str | None = None
    authors: tuple[str, ...] = ()  # one name each, as written; "others" last for "et al."
    arxiv_version: int | None = None


# German, Dutch and Nordic lists quote low-high („Titel“, ‚Titel‘) or with guillemets pointing
# inwards (»Titel«): each pair is read as the English or French pair the quoted-title rules know.
_LOW_HIGH_QUOTES = re.compile(r"„([^„“”\n]*)[“”]|»([^»«\n]*)«|‚([^‚‘’\n]*)[‘’]")


def _as_quoted_in_english(text: str) -> str:
    """``text`` with its low-high quotes and inward guillemets as “…”, «…» and ‘…’."""

    def pair(quoted: re.Match[str]) -> str:
        double, guillemets, single = quoted.groups()
        if double is not None:
            return f"“{double}”"
        return f"«{guillemets}»" if guillemets is not None else f"‘{single}’"

    return _LOW_HIGH_QUOTES.sub(pair, text) if any(mark in text for mark in "„»‚") else text


# natbib's and elsarticle's link field, "… (Dec. 2023). URL https://www.who.int/…/9789 240086517":
# the link is the reference's last field, so what follows the label is the link and the pieces a
# line's break left of it, none of them a title. elsarticle-harv's "URL: https://…" is too, where
# no year follows it (IEEE prints "Visited 2005- 03-18. URL: http://…, Tech. Rep., 2006.").
_LINK_FIELD = re.compile(r"(?<=[.)])\s+URL(?P<colon>:)?\s.*$")


def _without_link_field(text: str) -> str:
    field = _LINK_FIELD.search(text)
    if field is None or (field["colon"] and _YEAR.search(field.group())):
        return text
    return text[: field.start()]


# ACM's label for a work without authors, its title and year before the title itself: "Apache
# hadoop project 2016. Apache hadoop project. https://hadoop.apache.org/. (2016)."
_TITLE_AS_LABEL = re.compile(rf"^([^\s.][^.]{{1,200}}?)\s({YEARS})[a-z]?\.\s")


def _without_title_as_label(text: str) -> str:
    """``text`` without ACM's label of an authorless work (`_TITLE_AS_LABEL`): the label is the
    title and year the reference prints again after it as its sentence ("Colt - Welcome.
    https://…"), so it names no author: the title is quoted, as no names are."""
    label = _TITLE_AS_LABEL.match(text)
    # (the title's whole sentence again: "IEEE 2004. IEEE TCSC Executive Committee." is a body's
    # name as the label and another title)
    if label is None or not text.startswith(f"{label.group(1)}.", label.end()):
        return text
    return f"“{label.group(1)}.”{text[label.end() + len(label.group(1)) + 1 :]}"


# The marks GB/T 7714 sets between fields in full width, and the ideographic full stop ("王平，汪定．
# Title[J]．Journal，2016"; "Title。Journal"): read as their ASCII forms with a space, the separators
# every rule knows; the fields read keep them as printed (`_as_marked`). So is an ASCII period or
# comma glued after an ideograph ("韩文报.FPGA上 …[J].计算机科学,2011"): Chinese has no decimals.
_FULL_WIDTH_MARKS = str.maketrans(
    {"。": ". ", "，": ", ", "．": ". ", "：": ": ", "；": "; ", "（": " (", "）": ") "}
)
_GLUED_AFTER_IDEOGRAPH = re.compile(r"(?<=[\u3400-\u9fff])[.,](?=\S)")
# Each mark as its ASCII form, to find a field read with ASCII marks in the text that printed
# full-width ones (`_as_marked`)
_AS_ASCII = str.maketrans({"。": ".", "，": ",", "．": ".", "：": ":", "；": ";", "（": "(", "）": ")"})


def _as_marked(field: str | None, printed: str) -> str | None:
    """``field``, read from ``printed`` with its marks as ASCII and a blank (`_FULL_WIDTH_MARKS`),
    as ``printed`` has it: found where both read alike, blanks aside and each mark as its ASCII
    form (one search, in time linear in the text: no pattern built of the field)."""
    if not field:
        return field
    places = [at for at, char in enumerate(printed) if not char.isspace()]
    skeleton = "".join(printed[at] for at in places).translate(_AS_ASCII)
    wanted = "".join(field.split()).translate(_AS_ASCII)
    start = skeleton.find(wanted) if wanted else -1
    return printed[places[start] : places[start + len(wanted) - 1] + 1] if start >= 0 else field


@lru_cache(maxsize=8192)  # `_italic_titles` reads each title before `queries_from_list` does
def parse_reference(text: str) -> ParsedReference:
    """What one reference string says: title, authors, year, venue, arXiv id, DOI; a list's number
    it was copied with is no field's."""
    text = without_its_number(text)
    printed = text
    text = _GLUED_AFTER_IDEOGRAPH.sub(r"\g<0> ", text.translate(_FULL_WIDTH_MARKS))
    full_width = text != printed
    if marked := _KIND_OF_WORK.search(text):  # and its titles with their kind's mark: "Title[C]//Venue"
        text = _KIND_OF_WORK.sub(". ", text)
    text = _without_title_as_label(_as_quoted_in_english(in_english_no_date(_visit_named(text))))
    arxiv = arxiv_id(text)
    # a narrow column's stretched or broken DOI, a link's break points; a link a font spaced out
    text = joined_links(joined_dois(text))
    doi = only_doi(text)
    # arXiv's own DataCite DOI names its preprint (Vancouver's "arXiv. 2023;doi.org/10.48550/arXiv.…")
    arxiv = arxiv or arxiv_doi_id(doi)
    # a reprint's original year before its own is no date of the reference (Chicago's "Names.
    # (1859) 2009. Title", "Title. 1818. Reprint, …, 2008."): every reader of it sees the rest
    bare = without_an_originals_year(_without_link_field(without_ids(text)))
    after_authors = _year_after_names(bare, marked)
    # MNRAS, AAS, A&A: names, year, then a journal and no title
    astro = astro_reference(bare, doi_last=bool(doi) and _ends_with(text, str(doi)))
    years = _dating_years(bare, after_authors, astro)
    # APA's court cases, statutes, bills: a name, no authors ("Zernike v. F., 1934" is a name)
    legal = legal_reference(text) if astro is None else None
    title, authors = _title_and_names(bare, astro, legal)
    if title:
        title, authors = _as_printed(title, authors, bare, years, after_authors is not None, marked)
    venue = astro.venue if astro is not None else _venue_after(bare, title)
    if full_width:  # the marks the text had in the fields, not their ASCII forms
        title, venue = _as_marked(title, printed), _as_marked(venue, printed)
    return ParsedReference(
        venue=venue,
        title=title,
        author_names=_name_words(authors),
        year=legal.year if legal else years[-1] if years else None,
        arxiv=arxiv.id if arxiv else None,
        doi=doi,
        authors=astro.names
        if astro is not None and authors
        else group_author(bare, authors) or person_names(authors),
        arxiv_version=arxiv.version if arxiv else None,
    )


def _as_printed(
    title: str, authors: str, bare: str, years: Sequence[int], dated: bool, marked: re.Match[str] | None
) -> tuple[str, str]:
    """The title and names read, as the text prints them: the title with its years
    (`_title_with_its_years`), up to GB/T 7714's mark of its kind where the text has one
    (``marked``, `_up_to_the_mark`), and the names without it."""
    title = _before_a_journal_after_a_letter(_title_with_its_years(title, bare, years, dated))
    if marked is not None:
        title = _up_to_the_mark(title, marked)
    return title, _names_before(title, authors)


def _title_with_its_years(title: str, bare: str, years: Sequence[int], dated: bool) -> str:
    """``title`` as the text prints it around the years: a year after it that is not the work's
    (``dated``: an author-year style's, `title_with_its_year`), without the work's date before it
    (`_without_the_dates_lead`), with its part's and its volume's numbers."""
    if dated:
        title = title_with_its_year(title, bare, years[-1])
    if years:
        title = _without_the_dates_lead(title, bare, years[-1])
    return _with_its_volume(_with_its_part(title, bare), bare)


# A word of one capital letter, its period, then a journal's name: where a title ends with such a
# word ("… single-cell RNA-seq data in R. Bioinformatics 2017;33:1179–1186", "… and vitamin D.
# Nutrients. 2020"), the rules take the letter for a name's initial, which ends no sentence, and
# read on into the journal. The name runs to a digit or a field's punctuation (`JOURNAL_NAME_RUN`).
_JOURNAL_AFTER_A_LETTER = re.compile(rf"(?<=\s[A-Z])\.\s++(?=[A-Z])(?P<journal>{JOURNAL_NAME_RUN})")


def _before_a_journal_after_a_letter(title: str) -> str:
    """``title`` up to a word of one letter whose period a listed journal's name follows (the
    letter kept: `_JOURNAL_AFTER_A_LETTER`), else as it is."""
    for letter in _JOURNAL_AFTER_A_LETTER.finditer(title):
        if is_listed_journal(letter.group("journal").strip(" .")):
            return title[: letter.start()]
    return title


# GB/T 7714's mark of a kind of work closing a title, then a period or the "//" before the work it
# is part of ("Title[J]. Journal", "Title[M].[S.l.]: Springer", "Title[C]//Proceedings …"): the
# title's end, no part of it (a quoted title's end its quotes tell: “密码学与数学”[J])
# ("Title [C]//Proceedings", "Title [J].Journal": a space before the mark only after a word, where
# no label stands)
_KIND_OF_WORK = re.compile(
    rf"(?:(?<=[^\s\[\"'“”‘’]){KIND_OF_WORK_CODE}\](?://|\.)|(?<=\w)\s{KIND_OF_WORK_CODE}\](?://|\.))\s*+"
)


def _up_to_the_mark(title: str, marked: re.Match[str]) -> str:
    """``title`` ending where GB/T 7714's mark of a kind of work (``marked``) ends it: a title read
    on past it into a sentence the rules did not know for the venue ("Models of Segregation: Part
    3[J]. SoPh,1969, 59(2):488～493.", "k-Means++[D]. . NeurIPS.") is cut where what it holds is all
    the text before the mark ends with. A title read wholly after the mark is the next field's
    ("Tian Y.,Engel J. Latent Translation …[J]. ArXiv,11月 2019."): the title is the sentence the
    mark ends."""
    before = marked.string[: marked.start()].rstrip()
    after = title not in before and title in marked.string[marked.end() :]
    if after and (last := _LAST_SENTENCE.search(before)) is not None:
        return last.group()
    words = before.split()
    at = title.find(f"{words[-1]}.") if words else -1
    while at > 0:
        if before.endswith(title[: at + len(words[-1])]):
            return title[: at + len(words[-1])]
        at = title.find(f"{words[-1]}.", at + 1)
    return title


def _names_before(title: str, authors: str) -> str:
    """``authors`` up to the ``title`` where they hold it (of three words at least): the names ran
    on into the title their last initial's period did not end ("Tian Y., Engel J. Latent
    Translation …[J]."), and no title is a name's."""
    at = authors.find(title) if len(title.split()) >= _TITLE_IN_NAMES else -1
    return authors[:at].rstrip(" .,;:") if at > 0 else authors


_TITLE_IN_NAMES = 3  # the fewest words of a title cut off the names: not a one-word title ("Nature")


# the last sentence of the text before the mark: after the last period a blank follows, words in it
_LAST_SENTENCE = re.compile(r"(?<=\.\s)(?=[^.]*?[^\W\d_])[^.]*+$")


def for_both_readers(text: str) -> str:
    """An item as both readers see it: its glued years set apart (`years_apart`), an "and
    others" of a script without letter case as "et al." (`_CASELESS_OTHERS`), names a
    semicolon joins without a blank set apart (`semicolons_apart`), full-width marks in a
    reference in Latin letters as ASCII (`_latin_marks`), and a word's comma without the blank a
    PDF's accent built of two glyphs leaves before it (`_BLANK_BEFORE_A_COMMA`)."""
    text = _BLANK_BEFORE_A_COMMA.sub(_without_the_blank, text) if " ," in text else text
    return semicolons_apart(
        years_apart(
            _GLUED_OTHERS.sub(" ", _CASELESS_OTHERS.sub("et al", _latin_marks(_without_its_key(text))))
        )
    )


# An author-date key before the reference, as French humanities' styles print it: the families,
# the year and a colon, then the whole reference from its names ("Uglow 2006 : J. S. Uglow, Nature's
# engraver …", "Deng et al. 2021: X. Deng, Y. Xiao, …", "Pei, Pischke, Schwandt 2019 : Z. Pei, …");
# or without the colon, as DIN 1505's natdin.bst prints it, German "u." and "u. a." joining the
# families ("Vanden Berghe u. De Meyer 1990 Vanden Berghe, G. ; De Meyer, H.: …"). The key's words
# are families alone (no initial): AMS's "Lindley, D. V., 1957: A statistical paradox." prints its
# names and year so, then the title.
_AUTHOR_DATE_KEY = re.compile(
    r"(?P<families>[^\W\d_][^\W\d_'’-]*+(?:[-'’ ,&](?:[^\d:;.()\[\]]|(?<=\s[ua])\.){0,120}?)?"
    rf"(?:\set\sal(?:ii)?\.?)?)\s(?P<year>{YEARS})[a-z]?\s?(?P<colon>:\s)?(?(colon)|(?=\S))"
)
_KEYS_NAMES_AFTER = 40  # the key's first family within so many characters after the key


def _without_its_key(text: str) -> str:
    """``text`` without an author-date key before its names (`_AUTHOR_DATE_KEY`): where the key's
    first family opens the names after it again, in any letter case ("Lane 2004 : J. A. LANE, …").
    The key's year is the work's: where the reference prints it nowhere else ("Coates et al. 2002:
    M. Coates, A. Hero, R. Nowak, B. Yu, ."), it goes after the reference."""
    key = _AUTHOR_DATE_KEY.match(text)
    if key is None or _KEYS_INITIAL.search(key["families"]):
        return text
    family = _KEYS_JOINER.split(key["families"])[0].strip()  # "Vanden Berghe" of "… u. De Meyer"
    rest = text[key.end() :]
    at = rest[:_KEYS_NAMES_AFTER].casefold().find(family.casefold())
    # the family a name's, not a title's word ("Smith 2001: Smith revisited."); the whole family,
    # whose particle is lower case ("Van der Marck u. a. 2006 Van der Marck, S."); without a
    # colon, right after the key and inverted ("Craw 2010 Craw, M.: …", not "World Bank 2019
    # World Development Report")
    if at < 0 or _A_LOWER_CASE_WORD.match(rest, at + len(family)):
        return text
    if not key["colon"] and not rest.startswith(f"{family},"):
        return text
    return rest if key["year"] in rest else f"{rest.rstrip()} {key['year']}."


_KEYS_JOINER = re.compile(r",|\s(?:u\.|&|et\s)")  # between a key's families, before "et al."
_KEYS_INITIAL = re.compile(r"(?<![^\W\d_])[A-Z]\.")  # "Rathé, J.F. 1992: Title": names, no key
_A_LOWER_CASE_WORD = re.compile(r"\s[a-z]")


# A blank between a word and its comma, which no style prints: PDFium's text of a name ending in
# an accent TeX built from two glyphs ("Kristensen, Fredrik ; Nilsson, Peter ; Öwall , Viktor:
# Background …", "Lin, L., Göǧüs , E."), where the rules and the model read "Öwall" as a name
# alone, or a .bib's typist's ("Harnessing The GPU For Fast , High-Level Visualization").
# Only after a capitalised word (a name's, a title's), not a mark, a cue or a venue's "In": a
# style's blank fields ("—, , &", "traduit par , p. 288", "… 2023 CiCo. In , CVPR.").
_BLANK_BEFORE_A_COMMA = re.compile(r"(?<![^\W\d_])([^\W\d_]++) ++(?=,)")


def _without_the_blank(match: re.Match[str]) -> str:
    """A word and the blanks before its comma (`_BLANK_BEFORE_A_COMMA`): the word alone where it is
    capitalised and no venue's "In"."""
    word = match.group(1)
    return word if word[0].isupper() and len(word) > 1 and word != "In" else match.group()


# A script without blanks between words: its references keep their full-width marks for the rules
# (`_as_marked` gives the fields them back), and the tagger leaves them to the rules
_UNSPACED_SCRIPT = re.compile(f"[{UNSPACED_SCRIPTS}]")
_A_FULL_WIDTH_MARK = re.compile("[。，．：；（）]")


def _latin_marks(text: str) -> str:
    """A reference in Latin letters typed with full-width marks (a Chinese paper's English
    references: "LAMPORT L．LaTeX：A document preparation system[M]．Reading：Addison-Wesley，1994．")
    with their ASCII forms and a blank (`_FULL_WIDTH_MARKS`): the tagger reads it then, as the
    rules do."""
    if not _A_FULL_WIDTH_MARK.search(text) or _UNSPACED_SCRIPT.search(text):
        return text
    return " ".join(text.translate(_FULL_WIDTH_MARKS).split())


# "et al." glued to the title after it, as a text that lost its blanks prints it ("Luo Min,et al.A
# study of …"): neither reader tells the title's first word from the names' end.
_GLUED_OTHERS = re.compile(r"(?<=\bet al\.)(?=[^\W\d_])")


# A semicolon between two words with no blank after it: names a style or a PDF's text joined
# ("Li K;Wang Z;Cheng Z;et al. ACSeg …"), which the tagger reads a word at a time.
_GLUED_SEMICOLON = re.compile(r"(?<=[^\W\d_.]|\.);(?=[^\W\d_])")


def semicolons_apart(text: str) -> str:
    """``text`` with a blank after each semicolon glued to the word after it, but in a link
    ("…/page;jsessionid=…") or an HTML entity ("&amp;") — both readers then see each name as its
    own words."""
    if not _GLUED_SEMICOLON.search(text):
        return text
    return " ".join(
        word if _IN_A_LINK.search(word) or "&" in word else _GLUED_SEMICOLON.sub("; ", word)
        for word in text.split(" ")
    )


# The "and others" that ends an author list in a script without letter case (author-list-words.json:
# GB/T 7714's Chinese "等", Japanese "他", Korean "외"), a word of its own before its period or a
# comma ("张三, 李四, 等. 深度学习[J].", "Hipp J F, Corbetta M, 等. Large-scale …"): neither reader
# tells it from a name (the rules take "等." for an initial, the tagger never saw it), both know
# "et al." The names before it are the authors either way.
_CASELESS_OTHERS_WORDS = [word for word in author_list_words().and_others if word.upper() == word.lower()]
_CASELESS_OTHERS = re.compile(rf"(?<=[,，、\s]){alternation(_CASELESS_OTHERS_WORDS)}(?=[.．,，]|\s*+$)")


def years_apart(text: str) -> str:
    """``text`` with a year glued to the name before it or the title after it set apart ("y W.M.
    Getz2005“Superspreading and …", "Prashant Palvia 2021Heavy-tailed Distributions …",
    "Roberts1989Mathematical Writing.", "(1990)Time Series.", "Dutta, P. K.1991 What Do …"), as
    some styles print them and a PDF's text may join them: the year is then its own word to both
    readers. Not inside a link nor an identifier ("…/report2020Final", "arXiv:2005.12345")."""
    if not (_GLUED_YEAR.search(text) or _YEAR_AFTER_THE_NAMES.search(text)):
        return text
    words = text.split(" ")
    followed = zip(words, [*words[1:], ""], strict=True)
    return " ".join(_word_apart(word, following) for word, following in followed)


def _word_apart(word: str, following: str) -> str:
    """``word`` with its glued year set apart, ``following`` the word after it."""
    if _IN_A_LINK.search(word):
        return word
    if _TITLE_START.match(following):
        word = _YEAR_AFTER_THE_NAMES.sub(r" \g<year>.", word)
    return _GLUED_YEAR.sub(_set_apart, word)


def _set_apart(glued: re.Match[str]) -> str:
    """The glued year as a word of its own, before it a blank after a name's end, and after it a
    period where no bracket closes it: the sentence an author-date style ends the year with
    ("Yuan, Li, …, et al. 2021Tokens-to-Token ViT." is read as "… et al. 2021. Tokens-to-Token
    ViT."; a year that opens a title the style prints apart stays its own: "2023 ESC Guidelines")."""
    year = glued.group("year")
    before = " " if glued.group("after_a_name") is not None else ""
    return f"{before}{year} " if year.endswith(")") else f"{before}{year}. "


# A title's start: a capitalised word or an opening quotation mark — not a month's name alone (a
# date: "[cited 2020May5]"; not "Mars", "Decision")
_A_TITLES_START = rf"(?!{A_MONTH}(?![a-z]))[“\"‘«]?[A-Z][a-z]"
_TITLE_START = re.compile(_A_TITLES_START)
# A year glued to a letter or an initial's period before it (a name's end: "Getz2005", "NIST1998",
# "P.1990"), or opening its word or a bracket, before a title's start.
_GLUED_YEAR = re.compile(
    rf"(?:(?P<after_a_name>(?<=[^\W\d_]|\.))|(?<![^\s(]))(?P<year>{YEARS}\)?)(?={_A_TITLES_START})"
)
_IN_A_LINK = re.compile(r"[/@:]")
# A year glued to the initial or the "et al." that ends the names before it, its word's last, a
# title after it ("Dutta, P. K.1991 What Do …", "Li, Y.; He, Y. et al.2023 Efficient …")
_YEAR_AFTER_THE_NAMES = re.compile(
    rf"(?:(?<=(?<![^\W\d_]){LATIN_CAPITAL}\.)|(?<=(?<![^\W\d_])al\.))(?P<year>{YEARS})(?!\S)"
)


def _without_the_dates_lead(title: str, text: str, year: int) -> str:
    """``title`` without the work's year that opens it where the text prints that year nowhere else:
    the date set between the names and the title with no period ("Tuite AR, …, Pourbohloul B et al.
    2010 Estimated epidemiologic parameters …", J Mol Endocrinol; "Byrne RA et al. 2023 2023 ESC
    Guidelines …": the title's own year after it); a title's own year stays where the date is
    printed again ("Byrne RA. 2023 ESC Guidelines …. Eur Heart J. 2023;44:3720–826.")."""
    lead = _YEAR_LEAD.match(title)
    if lead is None or lead.group("year") != str(year):
        return title
    rest = title[lead.end() :]
    return rest if text.count(str(year)) - rest.count(str(year)) == 1 else title


_YEAR_LEAD = re.compile(rf"(?P<year>{YEARS})\s++(?=[A-Z][a-z]|\d{{4}}\s[A-Z])")  # words, or a year's


def _ends_with(text: str, identifier: str) -> bool:
    """Whether ``text`` ends with ``identifier`` (its case aside), but for a closing period."""
    return text.rstrip(" .").casefold().endswith(identifier.casefold())


def _with_its_part(title: str, text: str) -> str:
    """``title`` with the part of a series the text prints after it, which a sentence's end cut
    off: "Subaru Deep Survey. V. A Census of Lyman Break Galaxies …", "redMaPPer. I. Algorithm and
    SDSS DR8 Catalog", "Spectral Evolution of Galaxies. I - Early-Type Systems" (a Roman numeral
    after the title's period, then the part's own title to the next sentence's end)."""
    return _run_on(title, text, _SERIES_PART, _PART_END)


def _with_its_volume(title: str, text: str) -> str:
    """``title`` with the numbered volume and its own title the text prints after it, which a
    sentence's end cut off at "Vol.": "The Art of Computer Programming, Vol. 1: Fundamental
    Algorithms (3rd. ed.)", "The Quantum Theory of Fields. Vol. 2: Modern Applications. Cambridge"""
    return _run_on(title, text, _VOLUME_PART, _VOLUME_TITLE_END)


def _run_on(title: str, text: str, opening: re.Pattern[str], end: re.Pattern[str]) -> str:
    """``title`` with what ``text`` prints right after it where that matches ``opening``, up to
    ``end`` (or the text's end): a part or a volume a sentence's end cut off the title."""
    at = text.find(title)
    found = opening.match(text, at + len(title)) if at >= 0 else None
    if found is None:
        return title
    stop = end.search(text, found.end())
    return title + text[at + len(title) : stop.start() if stop else len(text)].rstrip(" .,")


# ". Vol. 2: Modern …" after a title, or ". 1: Fundamental …" after its "Vol" (the title cut at its
# period); the volume's title ends at the next sentence or at an edition's parenthesis
_VOLUME_PART = re.compile(r"(?:(?<=\bVol)|(?<=\bVolume)|[.,]\sVol(?:ume)?)\.?\s\d{1,3}:\s(?=[A-Z])")
_VOLUME_TITLE_END = re.compile(r"\s\(|\.\s(?=[A-Z])")


# ". V. A Census …", ". I - Early-Type …": a series' part number after a title, its title after it
_SERIES_PART = re.compile(r"\.\s(?:[IVX]{1,5}\.|[IVX]{1,5}\s[-–—])\s(?=[A-Z0-9])(?![A-Z]\.)")
_PART_END = re.compile(r"\.\s(?=[A-Z])")  # the part's title ends where the next sentence opens


def _year_after_names(bare: str, marked: re.Match[str] | None = None) -> re.Match[str] | None:
    """The year an author-year style prints right after the names, where it is the work's: not a
    year that closes the title GB/T 7714's mark of a kind of work (``marked``) ends ("WP. Book
    Review: …, Britain, France, and Germany, 1820–1860[J]. Printing History, 2009(5)")."""
    after = _AUTHOR_YEAR.match(bare)
    if after is None:
        return _finance_year(bare)
    if not after.group(2):
        return after
    closing = _YEARS_CLOSING.search(marked.string, 0, marked.start()) if marked else None
    if closing is not None and closing.group(1) == after.group(2):
        return None
    # "Names. Title …: a cohort study in Sweden, 1964–2018. In Venue, 2026.", "Names: Title …
    # bandung, indonesia, 2007. Proc … (2008)": a year or range of years closing a title's words
    # is the place's or the period's it studies, not the work's date (Chicago's "Names. 1968–78."
    # follows names only; unsrtnat's "Title, 2008." is the work's year)
    return None if _TITLE_RUN.search(bare, 0, after.start(2)) else after


# A year or range of years ending a text (a title's words before its kind of work's mark)
_YEARS_CLOSING = re.compile(rf"(?<!\d)({YEARS})(?:[–-](?:{YEARS}|\d\d))?\s?$")


# A date in numbers under one word and its colon, last in a reference and after its link: the
# day the page was looked at, whatever the word ("…/index.php. Accessado: 2013.05.07.", a
# misspelling; "…, 2006. Zeitstempel: 15.02.2018.", German "time stamp"). A reference prints
# the work's date before its link, so a dated word after it says when the link was followed.
_LABELLED_DATE_AT_THE_END = re.compile(
    r"(?<=[\s.,;])[^\W\d_]{3,20}"  # the word; then its colon and the date: day first, or year first
    r"(?=:\s?(?:\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})\.?\s*\Z)"
)
# Or with no word, day first and dotted, in parentheses or after the link's comma in its brackets
# ("…/openstreetmap (06.06.2023).", "…/stack-overflow (13. 9. 2025).", "[https://…, 7.7.2025]."),
# as German, Czech and Nordic styles print the day a page was read.
_UNLABELLED_DATE_AT_THE_END = re.compile(
    r"(?:(?<=[(\[])|(?<=,\s))(?=\d{1,2}\.\s?\d{1,2}\.\s?\d{4}[)\]]\.?\s*\Z)"
)
# Or a day and a month's name so ("…/single-cell [24 Mar. 2019].", "<https://…> (July 15, 2022).",
# "… (21 May 2005 )."), as CSL's styles print a link's "accessed" date without its word — where
# the work is dated before the link (`_dated_before_the_link`): biblatex's nature style prints the
# work's own date there ("… https://doi.org/10.1186/1471-2148-8-289 (Oct. 23, 2008).").
_UNLABELLED_NAMED_DATE_AT_THE_END = re.compile(
    r"(?:(?<=[(\[])|(?<=,\s))"
    rf"(?=(?:\d{{1,2}}\.?\s{A_MONTH}\.?|{A_MONTH}\.?\s\d{{1,2}},?)\s\d{{4}}\s?[)\]]\.?\s*\Z)"
)
# (the date's word is looked for in the reference's last characters only: the date is its end)
_LAST_CHARACTERS = 48


def _visit_named(text: str) -> str:
    """``text`` with the word before a date last after its link as visit-dates.json's "Accessed",
    which the reader knows leaves the page's date alone and is no title; "Accessed" before such a
    date without a word (`_UNLABELLED_DATE_AT_THE_END`)."""
    tail = max(0, len(text) - _LAST_CHARACTERS)
    labelled = _LABELLED_DATE_AT_THE_END.search(text, tail)
    if labelled is None:
        unlabelled = _UNLABELLED_DATE_AT_THE_END.search(text, tail)
        if unlabelled is None:
            named = _UNLABELLED_NAMED_DATE_AT_THE_END.search(text, tail)
            unlabelled = named if named is not None and _dated_before_the_link(text, named.start()) else None
        if unlabelled is None or URL.search(text, 0, unlabelled.start()) is None:
            return text
        return f"{text[: unlabelled.start()]}Accessed {text[unlabelled.start() :]}"
    if URL.search(text, 0, labelled.start()) is None:
        return text
    if _ACCESSED.search(text, tail) is not None:  # the table's own words ("zuletzt abgerufen:")
        return text
    return f"{text[: labelled.start()]}Accessed{text[labelled.end() :]}"


def _dated_before_the_link(text: str, end: int) -> bool:
    """Whether the reference gives the work's year, or APA's "(n.d.)" in any language, before
    the link that the date at ``end`` follows."""
    link = URL.search(text, 0, end)
    before = text[: link.start()] if link else ""
    return _DATING_YEAR.search(before) is not None or NO_DATE.search(in_english_no_date(before)) is not None


def _visit_left(visit: re.Match[str]) -> str:
    """What dates the work in a visit's date: nothing, but for a year a letter follows, which
    tells apart one author's works of that year ("Acesso em: jan. 2012a.": abnTeX2 prints the
    work's year there when a page has no date of its own)."""
    following = visit.string[visit.end() : visit.end() + 2]
    return f" {visit.group()[-4:]}" if _YEAR_LETTER.match(following) else " "


_YEAR_LETTER = re.compile(r"[a-z](?![^\W\d_])")
# GB/T 7714's date of citing an electronic resource, in square brackets after its date of update
# ("Title[EB/OL].(2001-12-19)[2002-04-15].") or alone: the day the page was read, not the work's.
_CITATION_DATE = re.compile(rf"\[{YEARS}-\d{{1,2}}-\d{{1,2}}\]")


def _dating_years(bare: str, after_authors: re.Match[str] | None, astro: AstroReference | None) -> list[int]:
    """The years that may date the work, the one that does last."""
    dating = dating_text(_CITATION_DATE.sub(" ", bare))
    years = [int(y) for y in _DATING_YEAR.findall(_ACCESSED.sub(_visit_left, dating))]
    if after_authors:  # an author-year style prints the work's year there; later ones are other dates
        years.append(int(next(year for year in after_authors.groups() if year)))
    elif opening := _OPENING_YEAR.match(bare):  # no names, the date in their place: "(2009). Title"
        years.append(int(opening.group(1)))
    if astro is not None and astro.year is not None:
        years.append(astro.year)
    if (vancouver := vancouver_year(bare)) is not None:  # "2011;369(1952):…": not the issue's number
        years.append(vancouver)
    return years


# A medium or kind of work in brackets closes a title, never names (NLM's web pages without an
# author: "ATLAS Collaboration [Internet]. Geneva: CERN; 2022 [cited …]"; kinds-of-work.json's
# designators): read in the names' place, it is the title, and what was read as the title the
# publisher's.
# (the title starts the text or follows a bracket: searched, one try per run between brackets, not
# one per blank of a run, each reading the run to its end)
_DESIGNATED_TITLE = re.compile(
    rf"(?<![^\[\]])(?P<title>[^\[\]]*[^\[\]\s])\s*+\[{kinds_of_work().designator()}\]\.?"
)


def _title_and_names(bare: str, astro: AstroReference | None, legal: LegalReference | None) -> _Reading:
    """The title and the names' place, as an astronomy list, a legal reference or the others print them."""
    # a dash for the names ("— Physics. Trans. by …") is read as names, and names no one here:
    # the list gives the reference the previous one's (`_repeated_authors`)
    named = dash_as_names(bare)
    if astro is not None:
        title, authors = (_clean_title(astro.title) if astro.title else None), astro.authors
    elif legal is not None:
        title, authors = legal.title, ""
    elif (untitled := acs_untitled_names(named)) is not None:  # before "Int. Ed. 2016" reads as editors
        title, authors = None, untitled
    else:
        title, authors = _title_and_authors(
            _EDITORS_BEFORE_YEAR.sub("", _ACM_NO_DATE.sub(" (n.d.). ", named))
        )
        if title is not None and _printed_no_title(title, bare):
            title = None
        if designated := _DESIGNATED_TITLE.fullmatch(authors):  # "ATLAS Collaboration [Internet]."
            title, authors = designated.group("title"), ""
    if named != bare or is_work_label(authors, title, bare):  # "CTAN (2006). CTAN. The …": a label
        authors = ""
    return title, authors


def _name_words(authors: str) -> tuple[str, ...]:
    """The words of an author list that name people ("Zhai", "Xiaohua"), no "and", "et al.", initials."""
    return tuple(
        w for w in _NAME_WORD.findall(authors) if w.casefold().strip(".") not in _NOT_NAMES and len(w) > 1
    )


# Styles that print no article title (ijqc, jbact: "Lee, Y.; Kang, J. ICLR. 2022.", "Abbas, A., and
# Paul Swoboda. 2021. In: NeurIPS.") leave names or the venue where a title would be: what was read
# there is no title, and none is better than an invented one (`verify` judges what was printed).
_VENUE_ALONE = re.compile(rf"{VENUE_IN}\S+$|In:\s")  # "In: NeurIPS", "In: AAAI . Zhu, F., …"
# A note of the work's PubMed number where a style that prints no title ends the reference
# ("Chan B. y Radom L., Journal of Chemical Theory and Computation 11, 2109 (2015), PMID: 26574414.")
_PUBMED_NOTE = re.compile(r"PM(?:C)?ID:?\s?(?:PMC)?\d{4,9}\.?")
# "Lee, Y.; Kang, J.", "Liu, R. ICML": a name inverted, then another or the venue's one word
_INVERTED_LIST = re.compile(
    rf"^[^\W\d_][\w'’-]*,(?:\s?{LATIN_CAPITAL}\.)+(?:-{LATIN_CAPITAL}\.)?(?:;\s|\s+\S+$)"
)
_OXFORD_AND = re.compile(r",\s(?:and|&)\s")  # "…, Atri Rudra, and Beidi Chen"
_LAST_NAME_LEAD = re.compile(r"(?:^|\s)(?:and|&)\s$")  # "…, and " before "Paul Swoboda"
_YEAR_NEXT = re.compile(rf"(?<!\s)\.?\s+{YEARS}[a-z]?\.")  # names end where the year's sentence follows
_DATE_TAIL = re.compile(rf"(?<![\s.,])[\s.,]+{YEARS}[a-z]?[\s.]*$")  # "… Honglak Lee. 2022. ."


def _printed_no_title(title: str, text: str) -> bool:
    """Whether what was read as the title of ``text`` is the venue's lead or names: the style
    printed no title."""
    if _VENUE_ALONE.match(title) or _PUBMED_NOTE.fullmatch(title) or _journal_after_the_year(title, text):
        return True
    if _UNKNOWN_PLACE.fullmatch(title.strip(" .,;")):  # "Names. [s.l.] : [s.n.]. 2021."
        return True
    names = _DATE_TAIL.sub("", title).rstrip(" .")
    if _INVERTED_LIST.match(names):
        return True
    at = text.find(names)
    # names then their year ("…, and Beidi Chen. 2026."), where a title would follow them: a
    # title's own list ("Correlation, Independence, and Bayesian Incentives") has its venue after it
    if at < 0 or not _YEAR_NEXT.match(text, at + len(names)) or not looks_like_names(names):
        return False
    if _a_titles_words(names):
        return False
    return bool(_OXFORD_AND.search(names)) or (at > 0 and _LAST_NAME_LEAD.search(text, 0, at) is not None)


def _a_titles_words(names: str) -> bool:
    """Whether what reads as names ("A, B, and C") is a title in title case: no initial, and most
    of its words of three letters or more ordinary English words (`is_english_word`: "Understanding
    Full Virtualization, ParaVirtualization, and Hardware Assist"; not "Atri Rudra, and Beidi Chen";
    a family name that is a word, "Young", has initials or given names beside it)."""
    if _AN_INITIAL.search(names):
        return False
    words = [word for word in _NAME_WORD.findall(names) if len(word) >= _LONG_WORD]
    words = [word for word in words if word.casefold() not in _AND]
    english = sum(is_english_word(word.casefold()) for word in words)
    return len(words) >= _TITLE_WORDS_AT_LEAST and 2 * english > len(words)


_LONG_WORD = 3
_TITLE_WORDS_AT_LEAST = 3


def _journal_after_the_year(title: str, text: str) -> bool:
    """Whether what was read as the title is a listed journal's name set right after the names'
    year in parentheses, with nothing after it but the volume and pages: PNAS's and some
    author-year styles' "Purugganan, M. D & Fuller, D. Q. (2009) Nature 457, 843–848." print no
    article title (the title read may hold the volume and pages too: "PLoS genetics 7, e1002100")."""
    at = text.find(title)
    if at < 0 or not _YEAR_CLOSED_BEFORE.search(text, 0, at):
        return False
    rest = text[at:]
    locator = _LOCATOR_END.search(rest)
    if locator is None:  # the journal or preprint server alone: "Tian, Y. and Engel, J. (2019) ArXiv."
        return rest.rstrip(" .") == title.rstrip(" .") and is_listed_journal(title)
    if locator.start() > len(title):  # the title read is all before the volume
        return False
    return is_listed_journal(rest[: locator.start()].rstrip(" ,"))  # ADS's too: "(1987) PhR, 567–581."


# The names' year in parentheses right before the title's place, and a volume (an issue after it)
# and a page or page range (an article number: "e1002100"), or a page range alone (", 567–581."),
# that end the reference.
_YEAR_CLOSED_BEFORE = re.compile(rf"\({YEARS}[a-z]?\)\.?\s*\Z")
_LOCATOR_END = re.compile(
    r"(?<!\s)(?:\s+\d+(?:\s?\(\d+\))?,\s?[A-Za-z]?\d+(?:[-–][A-Za-z]?\d+)?|,\s?[A-Za-z]?\d+[-–][A-Za-z]?\d+)\.?\s*\Z"
)


_Reading = tuple[str | None, str]  # a title (None: the style prints none) and the names before it


def _title_and_authors(text: str) -> _Reading:
    """Title and authors as the first of `_TITLE_READERS` that knows the reference reads them."""
    for read in _TITLE_READERS:
        reading = read(text)
        if reading is not None:
            return reading
    return _by_sentences(text)


def _read_vancouver(text: str) -> _Reading | None:
    """Vancouver's, before quotes: its titles quote words ("The ``Narratives'' fMRI dataset")."""
    vancouver = vancouver_title(text)
    if vancouver is None:
        return None
    read, names, whole = vancouver
    return (read if whole else _clean_title(read)), names


def _read_harvard(text: str) -> _Reading | None:
    """Harvard's (agsm, dcu): what its punctuation alone does not show."""
    harvard = harvard_title(text)
    if harvard is None:
        return None
    read, names = harvard
    return read.strip(" .,;:"), names


@lru_cache(maxsize=64)  # asked by the quoted title's reader, then by APA's
def _apa_year(text: str) -> re.Match[str] | None:
    """APA's year after the names, not ACM's ("Names. 2018. Title. Journal 82, 10 (2018)")."""
    apa = _APA.match(text)
    if apa is None or not _A_WORD.search(apa.group("rest")) or _ACM_YEAR.search(apa.group("authors")):
        return None
    return apa


# The AMS's journals (ametsoc) and the AGU's: "Hogan, R. J. and A. J. Illingworth, 2000: Title.
# Q. J. R. Meteorol. Soc., 126, 2903–2909." — the year after the names' comma, a colon after it;
# in their kin, after the last initial's period with no comma ("Tufte, E.R. 1990: Envisioning
# Information", "Gander, W.; Hřebíček, J. 1993: Solving …"). Not after "et al.": "Deng et al. 2021:
# X. Deng, Y. Xiao, …" is a label, the names printed again after it.
_AMS = re.compile(rf"^(?P<authors>[^\d:]{{2,400}}?)(?:,|(?<=[A-Z]\.))\s{YEARS}[a-z]?:\s+(?P<rest>\S.*)$")


def _read_ams(text: str) -> _Reading | None:
    """The AMS's "Names, 2000: Title. Journal, 126, 2903–2909.": the title is the sentence after
    the year's colon (not the journal's abbreviations after it)."""
    return _title_after_dated_names(_AMS.match(text))


# The Journal of Finance's (jf.bst) and its kin's: "Myers, Stewart C, 1977, Determinants of corporate
# borrowing, Journal of Financial Economics 5, 147–175." — the year alone between commas after the
# names (the pattern's one group, as `_AUTHOR_YEAR`'s groups give it), the title after it up to the
# comma before the venue.
_FINANCE = re.compile(rf"^[^\d:]{{2,400}}?,\s({YEARS})[a-z]?,\s(?=[^\W\d_])")
# what follows the title: the venue, its words opening with a capital, then its volume and pages or
# nothing more ("Econometrica 77, 623–685.", "Working Paper."); or a book's publisher in brackets
# ("American Default: …, and the Battle Over Gold (Princeton University Press)."); a marker of the
# container with no editors after it stands before the venue ("Jailbroken, dans , NeurIPS.")
# (each run possessive: a search tried from each comma reads on to the next one only)
_FINANCE_VENUE = re.compile(r"(?:,\s(?:[a-z]{2,4}\s?,\s)?[A-Z][^,]*+(?:,\s[\d–-]++)?+|\s\([^()]*+\))[.\s]*+$")


def _finance_year(bare: str) -> re.Match[str] | None:
    """The Journal of Finance's year after the names (`_FINANCE`), where they read as names (a
    title before the year does not: "Internò, C. et al., The Observer Effect …, 2026")."""
    dated = _FINANCE.match(bare)
    return dated if dated and looks_like_names(bare[: dated.start(1) - 2], any_language=True) else None


def _read_finance(text: str) -> _Reading | None:
    """The Journal of Finance's "Names, 1977, Title, Journal 5, 147–175.": the title is what stands
    between the year's comma and the venue's (`_FINANCE_VENUE`)."""
    dated = _finance_year(text)
    if dated is None:
        return None
    # A title that a sentence's end closes is another layout's, its venue after a period ("Names,
    # 1990, A Widow's Work: Ann Franklin of Newport, Rhode Island. Printing History, 13, ??–??."):
    # the sentences tell its title.
    rest = text[dated.end() :]
    if SENTENCE_END.search(rest):
        return None
    venue = _FINANCE_VENUE.search(rest)
    return _clean_title(rest[: venue.start()] if venue else rest), text[: dated.start(1) - 2]


# The year in square brackets after the names (a thesis's author-year style, Morgan & Claypool's):
# "Edsger W. Dijkstra [1972]. Notes on structured programming. In Structured Programming, …".
_BRACKETED_YEAR = re.compile(rf"^(?P<authors>[^\[\]\d]{{2,400}}?)\s\[{YEARS}[a-z]?\]\.\s+(?P<rest>\S.*)$")


def _read_bracketed_year(text: str) -> _Reading | None:
    """ "Names [1972]. Title. Venue": the title is the sentence after the year (a middle initial's
    period among the names, "Edsger W. Dijkstra", ends no sentence there)."""
    return _title_after_dated_names(_BRACKETED_YEAR.match(text))


def _title_after_dated_names(dated: re.Match[str] | None) -> _Reading | None:
    """The title as the sentence after the names and their year (``dated``'s "authors" and
    "rest"), where what stands before the year reads as names."""
    if dated is None or not _looks_like_authors(dated.group("authors")):
        return None
    title = SENTENCE_END.split(dated.group("rest"), maxsplit=1)[0]
    return _clean_title(title_before_question(title)), dated.group("authors")


# GOST 7.1 (Russian theses and journals): "//" opens the container, "/" the statement of
# responsibility: "Title / R. J. Mears, L. Reekie et al. // Electronics letters. 1986. Vol. 22.", or
# with up to three authors before the title, family name first: "Canning J. Title // Laser Photon.
# Rev. 2008. Vol. 2. P. 275–289."
_GOST_CONTAINER = " // "
_GOST_RESPONSIBILITY = " / "
_GOST_CAPITAL = f"{LATIN_CAPITALS}А-ЯЁ"  # a name's first letter, an initial: Latin, accented, Cyrillic
# a name's initials: "I.", "I. O.", "I.O.", "P.-Y.", "W. J. B."; after its family name, a blank first
_GOST_INITIALS = rf"[{_GOST_CAPITAL}]\.(?:[\s-]?[{_GOST_CAPITAL}]\.){{0,2}}"
_GOST_INITIAL = rf"\s{_GOST_INITIALS}"
# names, family name first, each with its initials, a comma after the family name or not, the
# last after "and" ("Ivanov I. O., Petrov P. P. and Sidorov S.", "Kasa, K."), before the title
# (which opens with no small letter: "Ivanov I. O. E. coli in vitro" has two initials)
_GOST_NAMES = re.compile(
    rf"^(?:(?:and\s|и\s)?[{_GOST_CAPITAL}][\w'’-]+,?{_GOST_INITIAL}(?:,\s|\s(?=[^\sa-zа-яё]|and\s|и\s|et\sal\.)))+"
    r"(?:et\sal\.\s|и\sдр\.\s)?"
)
# what the names leave where the title should start when they go on in a form they do not read
# ("Winther Å. Heavy Ion …" after "Broglia R. A., "; a fourth initial): no title is read there
_GOST_NAME_LEFT = re.compile(
    rf"[{_GOST_CAPITAL}]\.\s(?![a-zа-яё])|[{_GOST_CAPITAL}][\w'’-]+,?\s[{_GOST_CAPITAL}]\.[\s,]"
)
# names in full, family name first, joined by commas: "Cochran William G", "Sokolova Marina,
# Lapalme Guy", "Marinari E, Parisi G" (where the title after them opens with no initial that
# would show them cut short: "Ivanov, I" of "Ivanov, I. O." is no name in full)
_GOST_FULL_NAMES = re.compile(rf"^[{_GOST_CAPITAL}][\w'’-]+(?:,?\s[{_GOST_CAPITAL}][\w'’-]*)+$")
_GOST_TITLE_CHARS = 300  # the title and subtitle before "//"
# the dash that opens a description's next area after the title's: ". — Москва : Наука, 1990."
_GOST_AREA = re.compile(r"\.\s(?:—|––)\s")
_QUOTE_MARK = re.compile(r"[«“\"]")
# The publication area's colon between the place and the publisher, a publisher's name and the
# year after it ("Cambridge, MA : The MIT Press, 1986"), and how long a place's name may be
_GOST_PUBLISHER = " : "
_GOST_PUBLISHER_YEAR = re.compile(r"[^,.:]{2,80},\s(?:1[5-9]|20)\d\d\b")
_GOST_PLACE_CHARS = 60
_GIVEN_NAME_FIRST = re.compile(
    rf"\s{LATIN_CAPITAL}\.\s{LATIN_CAPITAL}[a-z][\w'’-]*+\.\s"
)  # "… Andrew G. Barto. Title"
_GOST_EDITION = re.compile(r"\.\s(?:[\w-]++\s){1,2}ed$")  # "… Title. third ed", "… Title. 2nd rev. ed"
# GOST's names alone before "//", no title printed: "Mifflin J. // Printing History", "Anonymous //"
# ("Ing Roy T. // Comput. Chem.": a given name in full with an initial)
_GOST_NAMES_ALONE = re.compile(
    rf"^[{_GOST_CAPITAL}][\w'’-]+(?:(?:\s[{_GOST_CAPITAL}][\w'’-]+)?,?{_GOST_INITIAL})?\.?$"
)


# GOST's statement of responsibility after the title: " / ", names with their initials first
# ("А. А. Барсегян", "P.-Y. Nom"), an "and others" in brackets or not, then the period that ends
# the area ("… / R. Christensen, W. Johnson, A. Branscum [и др.]. 1 изд.")
_GOST_INITIALS_FIRST = rf"{_GOST_INITIALS}\s?[{_GOST_CAPITAL}][\w'’-]++"
_GOST_STATEMENT = re.compile(
    rf" / {_GOST_INITIALS_FIRST}(?:,\s{_GOST_INITIALS_FIRST}){{0,11}}(?:\s\[?{AND_OTHERS}\]?)?(?=\.(?:\s|$))"
)


def _read_gost(text: str) -> _Reading | None:
    """GOST's "Title / Names // Journal", "Family I. Title // Journal" and "Family Given.
    Title // Journal": the title is what stands before the names after "/" or after the names
    before it, up to "//"."""
    head, container, _ = text.partition(_GOST_CONTAINER)
    if not container or head.endswith(":"):  # a link's "//" after its scheme ("http : //www…")
        return _gost_book(text)
    title, responsibility, names = head.partition(_GOST_RESPONSIBILITY)
    if responsibility:
        return _gost_titled(title, names)
    if _GOST_NAMES_ALONE.match(head):
        return None, head.rstrip(".")
    if _GOST_NAMES.match(head):
        return _after_gost_names(head)
    return _after_full_gost_names(head)


def _after_full_gost_names(head: str) -> _Reading | None:
    """The title after GOST's names in full, family name first ("Cochran William G. Title //
    Biometrika", biblatex-gost without initials): the first sentence, where it reads as such
    names — a family name first, joined by commas alone (not "C. Borst, M. Fischer, and G.
    Hirzinger. …", an algorithm's "// comment" run into the reference), before a title of a
    sentence or two."""
    names, period, title = head.partition(". ")
    named = period and _GOST_FULL_NAMES.match(names) is not None and looks_like_names(names)
    named = named and not title.startswith("(")  # not APA's "Carcavilla González, N. (2015)."
    named = named and not _GOST_NAME_LEFT.match(title)  # not "Johnson M. G. Title": initials go on
    return (_clean_title(title), names) if named and 0 < len(title) <= _GOST_TITLE_CHARS else None


def _gost_book(text: str) -> _Reading | None:
    """GOST's book, report or thesis, no container: "Family I., Family I. Title. — Place :
    Publisher, Year." or "Title / I. Family, I. Family. — Place …": the title is what stands
    after the names (family name first, initials after) or before the names after "/", up to the
    dash that opens the next area of the description."""
    head, *areas = _GOST_AREA.split(text, maxsplit=1)
    if not areas:
        head = _before_publication(text) or _up_to_the_responsibility_end(text)
        areas = [""] if head else []
    if not areas or _QUOTE_MARK.match(areas[0]):  # the title quoted after the names: "… –– «Title». –– В: …"
        return None
    # a container's mark with nothing after it ("… / M. Huti [et al.] //. — 2023."), as a
    # biblatex-gost entry without its journal prints one
    head = head.removesuffix(" //")
    title, responsibility, names = head.partition(_GOST_RESPONSIBILITY)
    if responsibility:
        return _gost_titled(title, names)
    return _after_gost_names(head)


def _up_to_the_responsibility_end(text: str) -> str | None:
    """A GOST book's title and its statement of responsibility, names with their initials first,
    where no dash opens the next area ("Анализ данных и процессов / А. А. Барсегян, М. С.
    Куприянов, И. И. Холод [и др.]. 3 изд. БХВ-Петербург, 2009."): up to the period that ends the
    names; None where the text has no such statement."""
    mark = text.find(_GOST_RESPONSIBILITY)
    statement = _GOST_STATEMENT.match(text, mark) if mark > 0 else None
    return text[: statement.end()] if statement else None


def _before_publication(text: str) -> str | None:
    """What a GOST book's description prints before its publication area where no dash opens the
    area (TeX Live's GOST .bst files: "Horn B. K. P. Robot Vision. Cambridge, MA : The MIT Press,
    1986."): up to the sentence that names the place before the last spaced colon, the publisher
    and the year after it; None where there is none."""
    colon = text.rfind(_GOST_PUBLISHER)
    place = text.rfind(". ", 0, colon)
    if colon < 0 or place < 0 or colon - place > _GOST_PLACE_CHARS:
        return None
    if not _GOST_PUBLISHER_YEAR.match(text, colon + len(_GOST_PUBLISHER)):
        return None
    head = text[:place]
    # (a French list's given names first, its spaced colon too: "Richard S. Sutton et Andrew G.
    # Barto. Reinforcement Learning : An Introduction. Cambridge, MA : The MIT Press, 1998.")
    return None if _GIVEN_NAME_FIRST.search(head) else _GOST_EDITION.sub("", head)


def _gost_titled(title: str, names: str) -> _Reading:
    """The title before GOST's statement of responsibility ("Title / I. Family"), without the
    names that head the description before it ("Family I. Title : PhD thesis / Family Given");
    those are the authors where the statement names others ("… / ed. by Osgood R. M.")."""
    heading = _after_gost_names(title) or (_after_full_gost_names(title) if names[:1].islower() else None)
    if heading is None:
        return _clean_title(title), names
    return heading if names[:1].islower() else (heading[0], names)


def _after_gost_names(head: str) -> _Reading | None:
    """The title after GOST's names, family name first with initials, that open ``head``; None
    where they open no name or go on in a form they do not read (a name left where the title
    would start)."""
    leading = _GOST_NAMES.match(head)
    if leading is None or _GOST_NAME_LEFT.match(head, leading.end()):
        return None
    return _clean_title(head[leading.end() :]), leading.group().rstrip(" ,")


# An ACS-like list that prints no article title (achemso's default, a chemistry thesis's):
# "Franck, J.; Dymond, E. G. Trans. Faraday Soc. 1926, 21, 536–542." — names inverted and
# separated by semicolons, then a journal's name and the year, volume and pages after it.
_ACS_INITIALS = rf"(?:\s{LATIN_CAPITAL}\.(?:-{LATIN_CAPITAL}\.)?)+"  # " E. G.", " J.-P."
_ACS_NAME = rf"{LATIN_CAPITAL}[\w'’]*(?:[\s-]{LATIN_CAPITAL}[\w'’]*)*,{_ACS_INITIALS}"
_ACS_UNTITLED = re.compile(
    rf"^(?P<authors>{_ACS_NAME}(?:;\s{_ACS_NAME})*)\s(?P<journal>[^;\d]{{2,80}}?)\s{YEARS}[a-z]?,\s\d"
)
# "Bartlett, R. J. J. Chem. Phys.": the last "J." may be the journal's
_LAST_INITIAL_OF_NAMES = re.compile(rf"\s{LATIN_CAPITAL}\.$")


def acs_untitled_names(text: str) -> str | None:
    """The names of an ACS-like "Names. Journal Year, Vol, Pages." that prints no title: where
    what stands between the names and the year is a listed journal's name (its first
    initial-like word, "J.", may have been read as the last author's initial)."""
    from bibnorm.text.journals import is_listed  # local: the journal list is large

    acs = _ACS_UNTITLED.match(text)
    if acs is None:
        return None
    authors, journal = acs.group("authors"), acs.group("journal").strip('“”"')
    initial = _LAST_INITIAL_OF_NAMES.search(authors)
    shifted = f"{initial.group().strip()} {journal}" if initial and authors.count(".") > 1 else None
    return authors if is_listed(journal) or (shifted is not None and is_listed(shifted)) else None


def _read_quoted(text: str) -> _Reading | None:
    """A quoted title, the names before it without an author-year style's year ("Attwood, Feona
    (2006) “…”"); words between the names and the quotes are `title_around_quotes`'s."""
    if nested := _quotation_in_quotes(text):
        return _clean_title(nested.group("title")), _YEAR_AFTER_AUTHORS.sub("", text[: nested.start()])
    quoted = _quotation(text)
    if quoted is None:
        return None
    apa = _apa_year(text)
    if _a_comments_quotation(text, quoted, apa):
        return None
    around = title_around_quotes(text, quoted.start(), quoted.group("title"), looks_like_names)
    if around is not None:  # "Names. Aristotle’s “De Motu Animalium.”", "Names. Work. Vol. 1: “…”"
        return _clean_title(around[0]), around[1]
    # (names before the quotation: an italic title read as quoted opens a reference without them,
    # "“ABSPACK, CrysAlis CCD and CrysAlis RED” version 1.171 (…)", a version's word after it;
    # after APA's year any word goes on: APA quotes no title, "(2005). “Economic man” in …")
    after_apa = bool(apa and apa.group("period")) and _A_WORD_AFTER.match(text, quoted.end()) is not None
    opening = quoted.start() > 0 and (
        _OPENS_THE_TITLE.match(text, quoted.end()) or after_apa or _subtitle_after(text, quoted)
    )
    if opening and not _CLOSED_TITLE.search(quoted.group()):
        return _title_opened_by_quotation(text, quoted.start(), quoted.end())
    names = _YEAR_AFTER_AUTHORS.sub("", text[: quoted.start()])
    return _clean_title(quoted.group("title")), names or _names_after_the_title(text, quoted.end())


# What a reading list prints after a title that opens the reference: its year, then the names,
# up to a link or the end ("“Distilling the knowledge …” (2015), G. Hinton et al. [pdf] https://…")
_NAMES_AFTER_THE_TITLE = re.compile(
    rf"\s*+(?:\({YEARS}[a-z]?\)|{YEARS}[a-z]?)?[,.]?\s*+(?P<names>[^()\[\]]{{3,300}}?)\s*+(?:https?://|\[|$)"
)
# what tells names from a venue's words: an initial, "et al.", "and"
_NAMES_MARK = re.compile(rf"\b{LATIN_CAPITAL}\.|\bet al\b|\sand\s")


# Names a reading list prints after the title, then a period, before the venue ("“Title” Di Iorio
# A, et al. Aging Clin Exp Res 11, …", "“Title” Kalaria RN, Ballard C. Lancet …"): Vancouver's
# family names and initials, or a few words and "et al."
_NAME_AND_INITIALS = rf"[^\W\d_][\w'’-]*+(?:\s[^\W\d_][\w'’-]*+){{0,2}}\s{LATIN_CAPITAL}{{1,3}}"
_LISTED_NAMES = re.compile(
    rf"\s*+(?P<names>{_NAME_AND_INITIALS}(?:,\s{_NAME_AND_INITIALS}){{0,30}}(?:,?\set\sal)?"
    r"|[^\W\d_][^()\[\].,]{0,60},?\set\sal)\.(?:\s|$)"
)


def _names_after_the_title(text: str, end: int) -> str:
    """The names after a quoted title that opens ``text`` (its end at ``end``), as a reading list
    prints them after the title and its year, or before the venue (`_LISTED_NAMES`); "" where no
    names follow it."""
    if listed := _LISTED_NAMES.match(text, end):
        names = listed.group("names")
    else:
        after = _NAMES_AFTER_THE_TITLE.match(text, end)
        marked = after is not None and _NAMES_MARK.search(after.group("names")) is not None
        names = after.group("names").strip(" .,;") if after and marked else ""
    return names if looks_like_names(names, any_language=True) else ""


def _a_comments_quotation(text: str, quoted: re.Match[str], apa: re.Match[str] | None) -> bool:
    """Whether ``quoted`` is what a comment or review is on: APA quotes no title, and a quotation
    after its title sentence is one — but not after "Vol. B:", where it is the volume's own title
    (quoted from its italics: a multi-volume work)."""
    comment = apa is not None and bool(apa.group("period")) and quoted.start() > apa.start("rest") + 1
    return comment and not _VOLUME_LEAD.search(text, 0, quoted.start())


def _quotation_in_quotes(text: str) -> re.Match[str] | None:
    """A quoted title that opens or ends with a quotation of its own (IEEE's “"ignorance and
    prejudice" in …,”; “… Commentary on: “How …””): the outer quotation, the title."""
    return _QUOTATION_FIRST_IN_QUOTES.search(text) or _QUOTATION_LAST_IN_QUOTES.search(text)


def _subtitle_after(text: str, quoted: re.Match[str]) -> bool:
    """Whether a subtitle follows the quotation that opens the title, to the sentence's end, after
    a colon or a dash ("“Why should I trust you?”: Explaining the predictions of any classifier.",
    "“Divide and Conquer” - HTTP Response Splitting, …"): four words or more, and after a colon
    no comma (an italic title read as quoted has its publisher and place after a colon: "“Porn.com:
    …”: Peter Lang.", "…: Peter Lang, New York."). Not a capital's word after a quoted question:
    that is as often the venue ("“What are biomarkers?” Current Opinion HIV AIDS", "“Is
    Bilateralism Bad?” In International Trade …") as APA's subtitle."""
    lead = _SUBTITLE_LEAD.match(text, quoted.end())
    if lead is None:
        return False
    ending = _SENTENCE_OR_YEAR_END.search(text, lead.end())
    subtitle = text[lead.end() : ending.start() if ending else len(text)]
    colon = lead.group().strip() == ":"
    return len(subtitle.split()) >= _SUBTITLE_WORDS and not (colon and "," in subtitle)


_SUBTITLE_LEAD = re.compile(r"\s?:\s++(?=\S)|\s[-–—]\s++(?=[A-Z])")  # a colon or a dash after a quotation
_SUBTITLE_WORDS = 4


def _quotation(text: str) -> re.Match[str] | None:
    """The quotation that is the title's: in double quotes or guillemets, eight letters or more,
    spaced guillemets, a short title quoted after the names; or in single quotes."""
    double = _QUOTED.search(text) or _SPACED_GUILLEMETS.search(text) or _short_title_after_names(text)
    return outer_quotes(double, SINGLE_QUOTED.search(text))


def _short_title_after_names(text: str) -> re.Match[str] | None:
    short = _SHORT_QUOTED_AFTER_NAMES.search(text) or _SHORT_QUOTED_AFTER_A_SENTENCE.search(text)
    # (a PDF's italic "et al." closing the names is quoted for the rules as its italic title is)
    if short is None or _AND_OTHERS.fullmatch(short.group("title")):
        return None
    # (what opens the reference before the quotes is the names, in any language: "… und K. Salem";
    # or the dash that repeats the reference before's, read as a name: `dash_as_names`)
    names = dash_as_names(text[: short.start()]).rstrip(" ,.")
    return short if names and looks_like_names(names, any_language=True) else None


def _title_opened_by_quotation(text: str, start: int, end: int) -> _Reading:
    """The title a quotation opens, words following it ("Nachbar. “evolutionary” selection dynamics
    in games: …"): to the comma or the sentence's end the separator before it tells, names before."""
    names = text[:start]
    ending = (_COMMA_END if names.rstrip().endswith(",") else _SENTENCE_OR_YEAR_END).search(text, end)
    title = text[start : ending.start() if ending else len(text)]
    return _clean_title(title), _YEAR_AFTER_AUTHORS.sub("", names)


# elsarticle's numbered style (elsarticle-num, and the styles made after it): "T. D. Wilson, Title,
# Informing science 3 (2) (2000) 49–56." — given names first, no "and", commas between the names,
# the title and the journal, whose volume, issue and year in parentheses follow it; a proceedings
# paper's "Title, in: Proceedings …, ACM, 2004, pp. 357–360.".
_GIVEN_FIRST_NAMES = re.compile(
    rf"^(?:{LATIN_CAPITAL}\.(?:\s?-?{LATIN_CAPITAL}\.)*\s[^\W\d_][\w'’-]*(?:\s[^\W\d_][\w'’-]*){{0,3}}(?:\set\sal\.)?,\s)+"
)
_IN_VENUE = re.compile(r",\sin:\s")
# The journal is the last piece between commas before its volume, issue and year; without a volume
# or issue it is a name of two words or more (a book's: "…, Context and consciousness (1996) 17–44"),
# not REVTeX's place ("Santa Fe, NM (2004)") or article number (", L34 (2024)").
_JOURNAL_VOLUME_YEAR = re.compile(
    rf",\s(?P<journal>[^\W\d_][^,]{{1,150}}?)\s(?P<volume>\d+[A-Za-z]?\s)?(?P<issue>\([^()]{{1,10}}\)\s)?"
    rf"\((?:{_MONTH}\.?\s)?{YEARS}\)"  # a month before the year: "(Aug. 2023)"
)
# Names joined by "and" are another style's (REVTeX's "…, and A. J. Drummond, Title, …", amsplain's
# Croatian "…, S. Konyagin i D. Kutzarova, Title, …"): elsarticle-num prints none.
_EDITOR_MARK = re.compile(r"\(?(?:[Ee]ds?|[Ee]ditors?)\b")  # the names' role: editors, not authors
_JOINED_NAME = re.compile(
    rf"(?:^|\s)(?:and|&)\s(?:{LATIN_CAPITAL}\.|others\b)|\s{alternation(name_particles().family_joiners)}\s{LATIN_CAPITAL}\."
)


def _read_elsarticle_num(text: str) -> _Reading | None:
    """elsarticle-num's "I. Family, I. Family, Title, Journal 3 (2) (2000) 49–56." and "…, Title,
    in: Venue, …": the title ends at the journal's comma or at "in:"."""
    names = _GIVEN_FIRST_NAMES.match(text)
    if names is None:
        return None
    rest = text[names.end() :]
    if _EDITOR_MARK.match(rest):  # "A. Kirschning, ed., Topics in current chemistry 242 (2004): …"
        return None
    end = _IN_VENUE.search(rest) or _JOURNAL_VOLUME_YEAR.search(rest)
    if end is None or _JOINED_NAME.search(rest, 0, end.start()):
        return None
    if end.re is _JOURNAL_VOLUME_YEAR and not (end["volume"] or end["issue"] or " " in end["journal"]):
        return None
    return _clean_title(rest[: end.start()]), names.group().rstrip(", ")


def _read_lncs(text: str) -> _Reading | None:
    """LNCS's "Names: Title. In: Venue", DIN 1505's "FAMILY, Given ; FAMILY, Given: Title. Place :
    Publisher", and Harvard kluwer's "Names: 1984, Title, …"."""
    lncs = _LNCS.match(text) or _DIN.match(text)
    if lncs is None or not _looks_like_authors(lncs.group("authors")):
        # (names given first hold no word of a title, "A. Name, Title: Subtitle", nor a sentence's
        # end, "M. Fowler. Refactoring: Improving …")
        lncs = _GIVEN_FIRST_BEFORE_COLON.match(text)
        if lncs is None or not _each_initials_first(lncs.group("authors")):
            return None
    return _title_after_colon(lncs), lncs.group("authors")


def _each_initials_first(names: str) -> bool:
    """Whether ``names`` are persons each printed initials first ("A. Fiat and M. Naor", "M. Naor
    und B. Pinkas"): no title's word ("M. J. Newman, Networks"), no sentence's end ("M. Fowler.
    Refactoring": a period after a word is none of a person's)."""
    return all(_INITIALS_THEN_A_NAME.fullmatch(person) for person in split_authors(names))


_INITIALS_THEN_A_NAME = re.compile(
    rf"(?:{LATIN_CAPITAL}\.\s?(?:-{LATIN_CAPITAL}\.\s?)?){{1,3}}[^\W\d_][\w'’-]*(?:\s[^\W\d_][\w'’-]*){{0,2}}"
)


def _title_after_colon(names: re.Match[str]) -> str | None:
    """The title after the names' colon: the first sentence of the rest, up to a year after a
    comma that closes it or opens a series' parenthesis ("Title, 2013 (The 10th Conference …)") or
    before the link ("IEEE 802.11n / WLAN mit 150 MBit/s. 2015 hURL: http://…"), or to a visit's
    date where the page's link was ("WHAT IS A REVERSE PROXY SERVER? – Accessed: 2017-01-08")."""
    first = SENTENCE_END.split(KLUWER_YEAR.sub("", names.group("rest")), maxsplit=1)[0]
    first = _YEAR_CLOSING_TITLE.split(first, maxsplit=1)[0]
    if visit := _ACCESSED.search(first):
        first = first[: visit.start()].rstrip(" –-")
    return _clean_title(title_before_question(first))


# (natdin's year before its link, "⟨URL" read as "hURL": "Title. 2015 hURL: http://…")
_YEAR_CLOSING_TITLE = re.compile(rf",\s{YEARS}[a-z]?(?=\s\(|\s*$)|\.\s{YEARS}[a-z]?\s+h?URL\b")


def _names_before_colons(references: ReferenceList) -> bool:
    """Whether a list prints its names before a colon (LNCS, DIN 1505, BMC): half its references
    or more, four at least, read so."""
    colons = sum(_read_lncs(reference) is not None for _, reference, _ in references.items)
    return colons >= 4 and 2 * colons >= len(references.items)


def _body_as_author(text: str, parsed: ParsedReference, colon_names: bool) -> ParsedReference:
    """A reference of a list that prints its names before a colon (``colon_names``:
    `_names_before_colons`), read as a body's work where it opens with a body's name and that
    colon ("WHO: Dengue Type. http://…"): in another list "CodeBlue: Sensor Networks for Medical
    Care" opens an unsigned work's title."""
    body = _BODY_BEFORE_COLON.match(text) if colon_names else None
    # where the rules read the body's name and its colon into the title or the names ("WHO: Dengue
    # Type", "Developer.Android.com: JSONObject"); not elsewhere: "SINNERSCHRADER: “Quartalsbericht
    # 1”" is read already
    read = (parsed.title or "", *parsed.authors[:1])
    if body is None or not any(field.startswith(f"{body['authors']}:") for field in read) or _read_lncs(text):
        return parsed
    authors = body.group("authors")
    return parsed._replace(
        title=_title_after_colon(body),
        # DIN's slash between names: "Venkatesh/Davis: Technology Acceptance Model"
        authors=tuple(_DIN_BETWEEN_NAMES.split(authors)),
        author_names=_name_words(authors),
    )


def _read_physics(text: str) -> _Reading | None:
    """REVTeX's and Nature's, IOP's "Names Year Title Journal", an edited book's "Title (ed …)"."""
    for read in (physics_title, iop_title_and_authors, edited_book):
        reading = read(text)
        if reading is not None:
            return (_clean_title(reading[0]) if reading[0] else None), reading[1]
    return None


def _read_apa(text: str) -> _Reading | None:
    """APA's: "Names (2008). Title.", an untitled work's "Author, A. A., & Author, B. B. (2014).",
    a title in the names' place ("College bound seniors. (2008).")."""
    untitled = untitled_authors(text)
    if untitled is not None:
        return (_clean_title(untitled), "") if title_in_author_place(untitled, "") else (None, untitled)
    apa = _apa_year(text)
    if apa is None:
        return None
    names, rest = apa.group("authors"), apa.group("rest")
    if title_in_author_place(names, rest):
        return _clean_title(names), ""
    if apa.group("period"):  # APA proper: "(2008). Title."
        return _clean_title(apa_title(title_sentence(rest))), names
    return _clean_title(SENTENCE_END.split(rest, maxsplit=1)[0]), names


def _read_inverted(text: str) -> _Reading | None:
    """Nature's, ACS's: "…, R. L. & Kline, M. A stable carbene."."""
    inverted = INVERTED_NAMES.match(text)
    first = SENTENCE_END.split(inverted.group("rest"), maxsplit=1)[0] if inverted else ""
    if inverted is None or len(first.split()) < 2:
        return None
    return _clean_title(title_before_question(without_proceedings(first))), inverted.group("authors")


# The families' readers in the order that tells them apart; the others are read as sentences.
_TITLE_READERS: tuple[Callable[[str], _Reading | None], ...] = (
    _read_gost, _read_bracketed_year, _read_vancouver, _read_harvard, _read_ams, _read_finance,
    _read_quoted, _read_elsarticle_num, _read_lncs, _read_physics, _read_apa, _read_inverted,
)  # fmt: skip


_LINK_TAIL_OR_DATE = re.compile(rf"[a-z][\w-]*\.?|[\s,]*{YEARS}[a-z]?\.?")
# (from the first blank before the bracket: a run of blanks is not tried from each of them)
_NOTE_AT_THE_END = re.compile(r"(?<=[.,;])(?<!\s)\s*\[[^\[\]]*\][\s.,;]*$")


def _by_sentences(text: str) -> tuple[str | None, str]:
    """Title and authors as sentences: names, then the title (an ACM year between them dropped). A
    note in brackets that ends the reference after its link ("Report Descriptor. https://…pdf.
    [str. 23].", a page; "[sekcia „Where applicable“]", a section) is none of them: its
    abbreviations' periods would cut it into sentences of their own."""
    text = _NOTE_AT_THE_END.sub("", text)
    sentences = [s.strip() for s in SENTENCE_END.split(text) if s.strip()]
    dated = len(sentences) >= 3 and _ONLY_YEAR.match(sentences[1].rstrip(".")) is not None
    if dated:  # ACM: "Names. 2022. Title. In Venue."; AJAE: "U.S. Bureau of the Budget. 1963. Title."
        del sentences[1]
    # a lone lower-case word last is a link's tail ("Haversine Formula. https://…/haversine formula."),
    # a lone year after a comma the date of a page ("Apache Storm. https://storm.apache.org/, 2015.";
    # APA's "Author, U. (2014)." is an untitled work's names and date)
    if len(sentences) == 2 and _LINK_TAIL_OR_DATE.fullmatch(sentences[1]):
        del sentences[1]
    if (noted := _title_beside_a_note(sentences)) is not None:
        return noted
    if (unnamed := _link_or_untitled(sentences)) is not None:
        return unnamed
    if (named := _title_after_names(sentences, dated)) is not None:
        return named
    return (_clean_title(sentences[0]) if sentences else None), ""


def _title_after_names(sentences: list[str], dated: bool) -> _Reading | None:
    """The title after the names: in the names' own sentence after a comma ("R. Haag, Local
    Quantum Physics. Springer, 1992.": `names_then_title`), else the next sentence; None where the
    first sentence is no names."""
    if len(sentences) < 2:
        return None
    if not dated and (joined := names_then_title(sentences[0])) is not None:
        return _clean_title(joined[0]), joined[1]
    if (initialled := _inverted_name_then_title(sentences[0])) is not None:
        return _clean_title(title_before_question(initialled[0])), initialled[1]
    if _looks_like_authors(sentences[0]) or (dated and is_body(sentences[0])):
        return _clean_title(title_before_question(sentences[1])), _YEAR_AFTER_AUTHORS.sub("", sentences[0])
    return None


# One inverted name, its given names written out and its initial last, then the title in the same
# sentence (an initial's period ends no sentence): Chicago's and MLA's bibliographies, "Varian, Hal
# R. Microeconomic Analysis. New York: Norton, 1992."; not a title that opens as an inverted name
# ("Doe, Jane B. Smith, John. …"), nor a name's suffix ("Jr.") where the title would start.
_GIVEN_NAMES_THEN_INITIAL = re.compile(
    rf"(?P<names>[^,;]++,(?:\s{LATIN_CAPITAL}[^\W\d_]++(?:-{LATIN_CAPITAL}[^\W\d_]++)?){{1,3}}"
    rf"(?:\s{LATIN_CAPITAL}\.)++)\s++(?P<title>{LATIN_CAPITAL}.*)"
)
_AN_INVERTED_NAME = re.compile(r"[^\W\d_]++,\s")


def _inverted_name_then_title(sentence: str) -> tuple[str, str] | None:
    """The title and the one inverted name of a sentence that holds both (`_GIVEN_NAMES_THEN_INITIAL`)."""
    split = _GIVEN_NAMES_THEN_INITIAL.fullmatch(sentence)
    if split is None or _AN_INVERTED_NAME.match(split["title"]):
        return None
    if is_name_suffix(split["title"].split()[0].rstrip(".,")):
        return None
    return split["title"], split["names"]


# A note in the title's place, after the names (and the year): a visit's date ("Acesso em 14 de
# setembro de 2015", "Accessed on 2023-09-18": visit-dates.json) or the words that lead a link in
# ABNT's angle brackets, the link gone ("Disponível em: <", "Available at: <").
_LINK_LEAD = re.compile(r"[^\W\d_]++(?:\s[^\W\d_]++){0,2}:\s*+<")
# An inverted name and its initials, then the title, in one sentence (its initial's period read as
# no sentence's end): "APACHE, f. CloudStack", "INC., C. S. Xen Project Software Overview",
# "PAMPLONA, E. de O. Engenharia Econômica II" (a particle before an initial), "DIAS, S. M. P. D.
# B.; BíSCARO, H. H. Libras Movement Data Set" (ABNT's semicolons between the names).
# (an atomic group, not a possessive one around the optional particle: Python 3.11.0-3.11.4's `re`
# matches nothing with `(?:…(?:…)?…)++`)
_INVERTED_INITIALS = rf"[^,;]++,(?>(?:\s(?:(?:{alternation(_PARTICLES)})\s)?[A-Za-z]\.)+)"
_INITIALS_THEN_TITLE = re.compile(
    rf"(?P<names>{_INVERTED_INITIALS}(?:;\s{_INVERTED_INITIALS})*+)\s++(?P<title>[^\W\d_].*)"
)


def _a_note(sentence: str) -> bool:
    return _ACCESSED.match(sentence) is not None or _LINK_LEAD.match(sentence) is not None


def _title_beside_a_note(sentences: list[str]) -> _Reading | None:
    """Where a note follows the names (the year dropped): the title the names' sentence holds
    after the initials (ABNT's "APACHE, f. CloudStack. 2015. Acesso em 14 de setembro de 2015."),
    else the sentence after the note ("GiliiBueno. Accessed on 2023-09-18. FurhatInterviewRobot
    github repository."); None where no note follows the names."""
    if len(sentences) < 2 or not _a_note(sentences[1]):
        return None
    if split := _INITIALS_THEN_TITLE.fullmatch(sentences[0]):
        return _clean_title(split["title"]), split["names"]
    if len(sentences) >= 3 and not _a_note(sentences[2]) and _looks_like_authors(sentences[0]):
        return _clean_title(title_before_question(sentences[2])), sentences[0]
    return None


def _link_or_untitled(sentences: list[str]) -> _Reading | None:
    """A web page's title alone before its link (`_only_a_link`: no names), or persons' names and
    a year alone (`_names_and_year`: no title); None for the others."""
    if len(sentences) >= 2 and _only_a_link(sentences[0], " ".join(sentences[1:])):
        return _clean_title(sentences[0]), ""
    if len(sentences) == 1 and (untitled := _names_and_year(sentences[0])):
        return None, untitled
    return None


# A work cited by its persons' names and year alone: "G. M. Simpson, 1998.", "Mark S. Miller and
# Wm. David Washington, 1998." (an initial in them: "Apache Storm, 2015." is a page's title).
_NAMES_AND_YEAR = re.compile(rf"(?P<names>[^,]*),\s{YEARS}[a-z]?\.?")
_AN_INITIAL = re.compile(rf"\b{LATIN_CAPITAL}\.")


def _names_and_year(sentence: str) -> str | None:
    found = _NAMES_AND_YEAR.fullmatch(sentence)
    names = found["names"] if found else ""
    return names if _AN_INITIAL.search(names) and looks_like_names(names) else None


# What a web page's reference prints after its title, its link gone: "In: url:", "WWW-document",
# "[Online]", the day of the visit ("[accessed 2018-09-30]", "visited: 04.08.2017"), with one of
# those words; or its year alone ("(2014)").
_VISITED = alternation(visit_dates().words)  # "accessed", "last visited", "abgerufen" (visit-dates.json)
_LINK_WORDS = identifier_labels()  # "url", "online"; "in", "at" (identifier-labels.json)
_LINK_OR_JOINER = alternation((*_LINK_WORDS.link_joiners, *_LINK_WORDS.link_words))
_LINK_MATTER = re.compile(rf"[\W\d]*(?:(?:{_LINK_OR_JOINER}|{_VISITED})\b[\W\d]*)*")
_YEAR_ALONE = re.compile(rf"[\s(]*{YEARS}[).\s]*")
# A date's tail, which a line's end cut from the visit's date before it: "de 2023" of "Acesso em:
# 9 de dezembro | de 2023. Disponível em: <…>" (visit-dates.json's words that join a date's parts).
_VISIT_DATE_TAIL = re.compile(rf"[\W\d]*(?:{alternation(visit_dates().date_joiners)}\b[\W\d]*)*")


def _only_a_link(first: str, rest: str) -> bool:
    """Whether a reference is one sentence and its link ("Spotify Playlist Miner. In: url: …",
    "Buy microsoft hololens. 2018. WWW-document … [accessed 2018-09-30].", "Oxford nanopore
    technologies. … (2014)."): that sentence is the title of a page that names no author. A
    person's name and a year alone are an untitled work's ("Author, U. (2014)."), a date's tail
    no title (`_VISIT_DATE_TAIL`)."""
    if _VISIT_DATE_TAIL.fullmatch(first.casefold()):
        return False
    if LINK_WORD.search(rest) is not None:
        # a visit's date as one word, its month named in any language ("(Accessed August 31, 2018)")
        return _LINK_MATTER.fullmatch(_ACCESSED.sub("accessed", rest).casefold()) is not None
    # ("Author, U. [@ausername]. (2014).": a name inverted before its comma)
    return _YEAR_ALONE.fullmatch(rest) is not None and "," not in first and not looks_like_names(first)


_VENUE_LEAD = re.compile(rf"^[\s.,:;”\"'’]*(?:{VENUE_IN})?(?:Proc(?:eedings|\.)\s+(?:of\s+)?(?:the\s+)?)?")
# Where the venue ends: at a comma, a parenthesis, pages, a year, a DOI or URL — not at the
# dot of an abbreviation ("Mach. Learn.", "Proc. IEEE", "Trans. Pattern Anal.").
_VENUE_END = re.compile(
    r"(?<!\s)\s*(?:,|\(|\bpp\.|\bpages\b|\d{4}|\bdoi\b|\bURL\b|https?:|\.\s+(?:In\b|[A-Z][a-z]+,)|\.$).*$",
    re.DOTALL,
)


def _venue_after(text: str, title: str | None) -> str | None:
    """The venue as written after the title ("In CVPR, 2022" → "CVPR"), if there is text there."""
    if not title:
        return None
    at = text.find(title)
    if at < 0:
        return None
    after = text[at + len(title) :]
    # GOST's container after "//", its statement of responsibility before it ("Title / Names // Journal")
    rest = _VENUE_LEAD.sub("", after.partition(_GOST_CONTAINER)[2] or after)
    if _ACCESSED.match(rest):  # the day a page was looked at ("Accessed: 2013-05-07") names no venue
        return None
    book = _book_after_its_editors(rest) if _IN_LEAD.match(after) else None
    venue = (book if book is not None else _VENUE_END.sub("", rest)).strip(" .,;:")
    # (a venue names something: not the day and month of a date in numbers, "Nodes, 30.07.2020.")
    return venue if 2 <= len(venue) <= 120 and any(char.isalpha() for char in venue) else None


# The editors' mark that closes a chapter's editors before its book (`printed.EDITORS_MARK`),
# looked for near the start
_EDITORS_MARK = re.compile(EDITORS_MARK)
_IN_LEAD = re.compile(rf"[\s.,:;”\"'’]*+{VENUE_IN}")  # a chapter's "In" before its editors
_EDITORS_WITHIN = 200  # the most characters of editors' names before their mark
# A book's title ends at its sentence's end (not an initial's or an abbreviation's period: a word
# of three letters before it), a semicolon or a parenthesis: its publisher, place or pages follow
_BOOK_END = re.compile(r"(?<=[^\W\d_]{3})\.\s|;|\s\(")


def _book_after_its_editors(rest: str) -> str | None:
    """The book's title where what follows a chapter's title and "In" opens with its editors'
    names and their mark ("In: Brooks S, Gelman A, Jones G, Meng X-L, editors. Handbook of Markov
    Chain Monte Carlo. Chapman & Hall/CRC; 2011.", "In: Grace FAB (ed) Plant Resource Allocation.
    Academic Press"): up to its end (`_BOOK_END`); None where no editors open it."""
    mark = _EDITORS_MARK.search(rest, 0, _EDITORS_WITHIN)
    if mark is None or mark.start() == 0:
        return None
    names = rest[: mark.start()].strip(" ,;(")
    if any(character.isdigit() for character in names) or not _looks_like_authors(names):
        return None
    book = _BOOK_END.split(rest[mark.end() :], maxsplit=1)[0]
    return book if names_a_book(book) else None


def _looks_like_authors(text: str) -> bool:
    """Whether a sentence before the title reads as its names: a list, a group, or one person's
    name of up to three words besides particles and initials ("Nicolaas Govert de Bruijn",
    "P. J. E. Peebles", "Wilhelm P. A. Klingenberg", "John P A Ioannidis")."""
    words = [word for word in text.split() if word.casefold() not in _PARTICLES]
    names = [word for word in words if not _INITIAL.fullmatch(word)]
    # with its initials, a name's other words are capitalised ("Borde A. by Example" is a title;
    # "The Kubernetes Authors", "ktaka ccmp" without them are read as before)
    worded = [word for word in names if word[:1].isalpha()]  # not "2018", "(ed)"
    initialled = len(names) <= 3 and all(map(_is_capitalised_name, worded))
    return _is_listed(text) or len(words) <= 3 or initialled or _GROUP.match(text) is not None


def _is_listed(text: str, any_language: bool = False) -> bool:  # "A, B", "A and B", "A & B", "A et al."
    return (
        any(mark in text for mark in (",", ";", " and ", "&", "et al"))  # ("Given Family; Given Family")
        or (any_language and bool(_CONJOINED.search(text)))  # "A et B", "A und B"
        # (in any list, a conjunction of any language before an initial: "D. Dheeru et E. Karra …")
        or bool(_CONJOINED_INITIAL.search(text))
        or len(_two_persons(text)) == 2  # "A B e C D"
    )


_CONJOINED = re.compile(rf"\s{alternation(name_list_conjunctions())}\s")  # "and", "et", "und", "и"
_CONJOINED_INITIAL = re.compile(rf"{_CONJOINED.pattern}[A-ZÀ-ÞА-ЯЁ]\.")  # … before an initial


# A group as a work's author: "The Coq Development Team", "The Rust Project Developers", a year
# among its words ("GBD 2015 Mortality Collaborators").
_GROUP = re.compile(
    rf"^(?:(?:[A-Z][\w&.-]*|\d{{4}})\s){{1,6}}{alternation(organisation_words())}$"  # organisation-words.json
)


_PUBLISHERS = publishers()  # as printed: "MIT Press", "Addison-Wesley"; "Inc." (publisher-words.json)
# A book's place and publisher after its title ("…, Cambridge, MA: MIT Press", "… _Reading,
# Mass.: Addison-Wesley"): only with a publisher's word, so "Attention, Please: A Study" stays.
_PLACE_PUBLISHER = re.compile(
    r"[,.]\s+(?:[A-Z][\w.]*+\s?){1,3}(?:,\s+[A-Z][\w.]*)?\s*:\s+[^:]{0,40}"
    rf"\b(?:{alternation(_PUBLISHERS.after_place)}|Publish\w*)\b[^:]{{0,30}}$"  # publisher-words.json
)
# Harvard's book tail, the title set in italics and then a comma: "…, Cambridge University Press",
# "…, MIT press", "…, Oxford University Press, Oxford", or a catalogue's spaced colon between
# place and publisher, all capitalised ("…, Cambridge ; New York : Cambridge University Press",
# "…, London : Methuen"; "Histoire, tome 2 : la suite" stays whole).
_CAPITALISED = r"(?:[A-Z][\w.&'’-]*|of|and|&|;)(?:\s+(?:[A-Z][\w.&'’-]*|of|and|&|;))*"
# "Cambridge, MA", "New York"; ", India, and the rise" is none. A few words, and a few places before
# the colon: from each comma of a long list of capitalised words ("Family II, Family II, …"), an
# unbounded list was read to its end, a time quadratic in the list.
_PLACE = r"[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3}"
_BOOK_TAIL = re.compile(
    r",\s+(?:[A-Z][\w.&'’-]*\s+|of\s+){0,4}(?:University\s+)?[Pp]ress(?:,\s+[A-Z][\w ]{1,30}){0,2}$"
    rf"|,\s+{_PLACE}(?:\s*[,;]\s*{_PLACE}){{0,3}}\s:\s{_CAPITALISED}$"
    # a firm as publisher, after a comma or (econ) a colon: "…, GAMS Development Corporation",
    # "…at Scale: O’reilly & Associates Inc"
    rf"|[,:]\s+(?:[A-Z][\w.&'’-]*\s+|&\s+){{0,4}}{alternation(_PUBLISHERS.firms)}$"
    # a publisher's name alone after the comma (Copernicus's "…: Simulated annealing, Springer, 1987.")
    rf"|,\s+{alternation(_PUBLISHERS.after_place)}(?:-Verlag)?(?:,\s{YEARS})?$"
)
# An edition after a book's title: "The LaTeX Companion. 1st ed.", econ's "…, 5th edition, 480"
# (and its page count)
_EDITION_WORD = alternation(reference_abbreviations().editions)  # "ed", "edn" (reference-abbreviations.json)
_EDITION = re.compile(
    rf"(?:[.,]|(?<![\s.,]))\s+\d+(?:st|nd|rd|th)\.?\s+{_EDITION_WORD}\.?(?:,\s*(?:p\.\s*)?\d+)?$"
)
# APA's notes after a title: "(2nd ed.)", "(Vol. 2)", "[Letter to the editor]", "[Annual report]",
# a medium ("[online]"), a back-reference ("[siehe S. 31]"). Not the title's own bracket: words in
# lower case and no figure ("Printing and a Museum [the Smithsonian Institution Graphic Arts
# Division]"; APA capitalises a description) or a species' authority ("… in soybean [Glycine max
# (L.) Merr.]"; no description holds a parenthesis).
# (A few of them, each bracket without another inside, after the last word: from each "[" of a
# long run of them, an unbounded run was read to the end of the text, a time quadratic in it.)
_APA_DESCRIPTION = re.compile(
    r"(?<!\s)(?:\s*(?:\((?:\d+(?:st|nd|rd|th)\s+ed\.?|Rev\. ed\.|Vols?\.[^()]*)\)"
    r"|\[(?![a-z][^\[\]\s\d]*+\s++[^\[\]\s\d]++\s[^\[\]\d]*+\])[^\[\]()]*\])){1,3}$"
)
# What is left of Nature's "(Publisher, Place, 2003)" once its year is gone: "(Butterworth, London".
_OPEN_PARENTHESIS = re.compile(r"(?<!\s)\s*\([^()]*$")


# What a report or thesis prints after its title: "…, Technical report, Cornell University",
# "… PhD thesis, Stanford University" (after a comma or period: "Flow-limited authorization:
# Technical report" keeps its subtitle; GOST's spaced colon: "… : tech. rep.").
_THESIS_KIND = kinds_of_work().thesis_kind()  # "PhD thesis" (kinds-of-work.json)
_REPORT_TAIL = re.compile(
    # (each to the text's very end, "(?s:.*)": a "." stopped at a line break is tried again from each start)
    rf"[,.]\s+(?:Technical [Rr]eport|Tech\. [Rr]ep\.|{_THESIS_KIND})\b(?s:.*)$"
    # GOST's kind of work after a colon, spaced or not (biblatex-gost's English entries): "… : PhD
    # thesis / …", "…: tech. rep. — …", "…: дис. … канд. юрид. наук" (kinds-of-work.json's notes)
    rf"|\s?:\s(?:[Tt]ech\.\s[Rr]ep\b|{_THESIS_KIND}\b|{alternation(kinds_of_work().thesis_notes)})(?s:.*)$"
    # econ sets a thesis's kind right after its italic title: "… Regulations Ph.D. dissertation,
    # Hitotsubashi University", and a report's after the title's period: "…California.Technical report"
    rf"|(?<!\s)\s+{_THESIS_KIND}(?:,(?s:.*))?$"
    r"|\.(?=Technical [Rr]eport\b)(?s:.*)$"
    r"|,\s+version\s+\d[\w.]*\b(?s:.*)$"  # a program's version after its title (Science: "…, version 1.171")
    # and R's citation() note after the title's sentence ("… for R. R package version 0.11.1")
    r"|\.\s+[Rr]\s+package\s+version\s+\d(?s:.*)$"
    # an IETF document's series and number after its title's sentence (ieee.bib's and the RFC
    # Editor's BibTeX: "… Version 1.1. RFC 4346 (Proposed Standard), April 2006.")
    r"|[,.]\s+(?:RFC|Request for Comments:?)\s\d{1,5}\b(?s:.*)$"
)


def _clean_title(text: str) -> str | None:
    # GOST's mark of the container ends any title a sentence reader ran on into it ("Anonymous.
    # IBM techexplorer // TUGboat. 2000.": names the GOST rules do not read as names)
    text = text.partition(_GOST_CONTAINER)[0]
    text = _BOOK_TAIL.sub("", without_series(_REPORT_TAIL.sub("", text)).rstrip(" .,;:"))
    text = _EDITION.sub("", _PLACE_PUBLISHER.sub("", text).rstrip(" .,;:"))
    text = _TRAILING_YEAR.sub("", _VENUE_TAIL.sub("", without_chapter(text))).strip(" .,;:")
    text = _EDITION.sub("", _OPEN_PARENTHESIS.sub("", text)).strip(" .,;:")
    text = _APA_DESCRIPTION.sub("", without_retrieval(without_journal_tail(text))).strip(" .,;:")
    text = without_note(text)
    return text if len(text) >= 2 else None


# GOST's dash that opens the area after the names, left after them ("Jiahao Cui и др. –– ")
_AREA_DASH = re.compile(r"\s[–—]++[\s.,:;]*+$")
# "et al.", "others", German's "u. a.", Russian's "и др." (author-list-words.json's and_others), a
# whole word or words
_AND_OTHERS = re.compile(rf"(?<![^\W\d_]){AND_OTHERS}(?![^\W\d_])")
# GOST's "and others" in brackets ("И. И. Холод [и др.]", "[et al.]"): read as printed without them
_BRACKETED_OTHERS = re.compile(rf"\[({AND_OTHERS})\]")


def person_names(authors: str) -> tuple[str, ...]:
    """One string per person of an author list as a reference prints it.

    "X. Zhai, A. Kolesnikov, and L. Beyer" and "Xiaohua Zhai and Lucas Beyer" split at
    commas and "and"; "Zhai, X., Kolesnikov, A., & Beyer, L." (APA, LNCS) pairs each family
    name with its initials. "et al." and "others" (in the list's language: "u. a.", "и др.") become
    a last "others", as in BibTeX.
    """
    text = _AREA_DASH.sub("", _EDITORS.sub("", authors.replace("…", ","))).strip(" .,:;")
    text = _BRACKETED_OTHERS.sub(r"\1", text)
    if whole := _read_whole(authors, text):
        return whole
    others = _AND_OTHERS.search(text) is not None
    pieces = [
        _HONORIFIC.sub("", name).strip(" .") for piece in split_authors(text) for name in _two_persons(piece)
    ]
    pieces = [piece for piece in pieces if piece]
    if inverted_first(text, pieces):  # "Attwood, Feona" / "Crémer, Jacques, Louis Gérard, and …"
        pieces = joined_first_person(pieces)
    initials = [bool(_INITIALS.match(f"{piece}.")) and not _GIVEN_FAMILY.match(piece) for piece in pieces]
    if len(pieces) >= 2 and all(initials[1::2]):
        pieces = [f"{family}, {given}." for family, given in zip(pieces[::2], pieces[1::2], strict=False)]
    else:
        pieces = [f"{piece}." if initial else piece for piece, initial in zip(pieces, initials, strict=True)]
    return (*pieces, "others") if others else tuple(pieces)


# A slash between two persons, as German styles set the names ("Maess, B./Schröger, E./Widmann, A.",
# "Wei A./W. Hu/J. Steinhardt"): after a name's letter or an initial's period, before a letter.
_BETWEEN_SLASHED_NAMES = re.compile(r"(?<=[^\W\d_]|\.)\s?/\s?(?=[^\W\d_])")
# Each a person's: inverted, its given names after a comma, or with an initial ("W. Hu", "Wei A");
# bodies' names joined by a slash are one body ("CEA/DEN", "ATLAS/Tile Calorimeter Collaboration").
_PERSONS_NAME = re.compile(r",\s|(?<![^\s.-])[A-Z](?:\.|(?![^\s,]))")


def _slashed_persons(authors: str, text: str) -> tuple[str, ...]:
    """The persons of a list with slashes between them (`_BETWEEN_SLASHED_NAMES`), "others" last
    where it ends in "u. a." or "et al."; none where it has no slash between persons' names."""
    slashed = _BETWEEN_SLASHED_NAMES.split(_AND_OTHERS.sub("", text).strip(" ,;"))
    if len(slashed) < 2 or not all(_PERSONS_NAME.search(person) for person in slashed):
        return ()
    persons = (*(person.strip(" ,;") for person in slashed[:-1]), _with_its_period(slashed[-1], authors))
    return (*persons, "others") if _AND_OTHERS.search(text) else persons


def _with_its_period(person: str, authors: str) -> str:
    """The list's last name (``authors``: the list as printed) with the period after its initial
    that the list's end took off ("Widmann, A." read as "Widmann, A")."""
    person = person.strip(" ,;")
    last = person.rsplit(maxsplit=1)[-1]
    initial = len(last) == 1 and last.isupper()
    return f"{person}." if initial and authors.rstrip(" ,:;").endswith(f"{person}.") else person


def _read_whole(authors: str, text: str) -> tuple[str, ...]:
    """The persons of a list not split at each comma and "and" (``text``: the list without its
    editors' mark): DIN 1505's (`_din_persons`), a list with slashes between persons
    (`_slashed_persons`), or one body's name ("Organization for Economic Cooperation and
    Development": `is_one_body`); none for others."""
    return (text,) if is_one_body(text) else _din_persons(authors) or _slashed_persons(authors, text)


def _din_persons(authors: str) -> tuple[str, ...]:
    """DIN 1505's names, given names written out: "HOWS, David ; MEMBREY, Peter", "Oaks, Scott/Wong,
    Henry", one person each; none for others ("Lammarsch, J." is read with its initials)."""
    din = authors.strip(" .,:;")  # (as the others: "Krugman, Paul R")
    if not _DIN_LIST.match(din):
        return ()
    persons = tuple(_DIN_BETWEEN_NAMES.split(din))
    written_out = all(any(letter.islower() for letter in person.split(",")[1]) for person in persons)
    return persons if written_out else ()  # "Simon", not "F.O."


# Italian's and Portuguese's "e" between the last two names ("Fernando C. Marques e André Neves"),
# which also joins two family names into one ("Costa e Silva", "Artur da Costa e Silva"): two
# persons where a given name and a family name stand either side.
def _two_persons(piece: str) -> tuple[str, ...]:
    if piece.count(" e ") != 1:
        return (piece,)
    first, second = piece.split(" e ")
    two = len(first.split()) >= 2 and len(second.split()) >= 2 and second[:1].isupper()
    return (first, second) if two else (piece,)


# A title before a person's name, no part of it: "Dr. Dominik Schnitzer", "Prof. Dr. Stephan Kleuker".
_HONORIFIC = re.compile(r"^(?:(?:Prof|Dr)\.\s+)+(?=[A-Z])")


# An edited book's "ed." or "eds." between its editors and its year ("Names. eds. 1991. Title." AEA,
# "Names, eds. , 1991. Title." JET, "Names, (Eds.), 1984. Title." JIE, "Names eds. (1984) Title"
# econ): read as the authors' year.
# (biblatex's translators in the names' place: "Vizedom, Monika B. and Gabrielle L. Caffee, trans. (1960)")
# ACM's date slot of a work without a year, after the names or opening a work without them:
# "Names. [n.d.]. Title. In …", "[n.d.]. Title. https://…" (acmart), read as APA's "(n.d.)" is.
_ACM_NO_DATE = re.compile(r"(?:^\s*|\.\s)\[n\.\s?d\.\]\.\s")
# ("ed", "eds", "trans": reference-abbreviations.json's editors printed abbreviated, also capitalised)
_ABBREVIATED_EDITOR = alternation(reference_abbreviations().abbreviated_editors, capitalised=True)
_EDITORS_BEFORE_YEAR = re.compile(
    rf"(?:,|(?<![\s,]))\s+\(?{_ABBREVIATED_EDITOR}\.\)?(?:\s*,)?(?=\s+\(?{YEARS}[a-z]?\b)"
)
# An editors' mark after the names: "Ian Editor (Ed.)", "A and B, eds.", "Attwood, Feona ed.".
_EDITORS = re.compile(  # "eds", "Hrsg" (reference-abbreviations.json)
    rf"(?<![\s,])[\s,]*\(?\b{alternation(reference_abbreviations().editors, capitalised=True)}\.?\)?[\s.,:]*$"
)


def looks_like_names(authors: str, any_language: bool = False) -> bool:
    """Whether ``authors`` reads as an author list, not a title: capitalised words and initials,
    no title words or digits. ``any_language``, as the reference test reads a list's items: its
    names joined by the word for "and" of any language (`_JOINING_WORDS`: "Andrea Baisero et
    Christopher Amato"), its "et al." ending it without the period the names' end took — not
    where a title is told from names, as a German title's nouns are capitalised ("Elektrische
    Einrichtung und Betriebsverfahren")."""
    joining = _JOINING_WORDS if any_language else _AND
    unended = _ET_AL.sub(" ", authors) if any_language else authors.replace("et al.", " ")
    words = [w for w in re.split(r"[\s,;&]+", unended) if w and w not in joining]
    if not words or len(words) > 120 or any(ch.isdigit() for ch in authors):  # "" has no words
        return False
    names = [w for w in words if _is_name_word(w)]
    return all(map(_is_capitalised_name, names)) and (len(names) <= 3 or _is_listed(authors, any_language))


def _is_capitalised_name(word: str) -> bool:
    """A name word as names are written: capitalised after an elision ("d'Ascoli"), no title's word
    (an initial without its period, "S A Nastase", is no article "a")."""
    title_word = word.casefold() in _TITLE_WORDS and not (len(word) == 1 and word.isupper())
    return ELIDED_PARTICLE.sub("", word)[:1].isupper() and not title_word


def _is_name_word(word: str) -> bool:
    """A word of a name that must be capitalised: not a particle, "others" or a lower-case
    abbreviated particle ("M. v. Spengler", "A. v. d. Hengel")."""
    folded = word.casefold()
    return (
        folded not in _PARTICLES
        and bool(word.strip("."))
        and folded.strip(".") != "others"
        and not re.fullmatch(r"[a-z]{1,3}\.", word)
    )


# ABNT's marks of a place or a publisher not known, "[S.l.: s.n.], 2017", "[S.l.]: Pearson", "[s.n.]",
# and the colon before the publisher after them: no LNCS or DIN colon after the names.
_UNKNOWN_PLACE = re.compile(r"(?:\[[Ss]\.\s?l\.(?::\s?s\.\s?n\.)?\]|\[s\.\s?n\.\]):?")  # French: "[s.l.]"


@lru_cache(maxsize=8192)  # each layout tried, and the sniffer before the reader, ask again
def looks_like_reference(text: str) -> bool:
    """Whether one item reads as a reference: an author list, a year and a title-like span (a
    dash for the names, as the previous reference's, is one). ABNT's "[S.l.: s.n.]" is read as
    no text. A list's number it was copied with is no name (`_reflist.without_its_number`: "12.
    Smith J, Doe A. Title. Nature. 2020;1:2.") where the names after it have initials: a numbered
    title, its year and the next line ("[1] Scaling Vision Transformers (2016) MobileNets: …")
    would read as names and a title without it."""
    unnumbered = without_its_number(text)
    if unnumbered != text and _reads_as_reference(unnumbered, initialled=True):
        return True
    return _reads_as_reference(text)


def _reads_as_reference(text: str, initialled: bool = False) -> bool:
    """`looks_like_reference` for ``text`` as it is; ``initialled``: its names must hold an initial."""
    named = dash_as_names(text)
    bare = _UNKNOWN_PLACE.sub("", without_ids(named))
    if not _YEAR.search(bare) and not NO_DATE.search(bare):
        return False
    if astro_reference(bare if named == text else without_ids(text)) is not None or acs_untitled_names(bare):
        return True  # MNRAS, AAS, A&A, ACS: names (or the AAS's dash for them), a year, a journal, no title
    title, authors = _title_and_authors(_EDITORS_BEFORE_YEAR.sub("", bare))
    # The last initial keeps its period: "Polyakova, A" would read the article "a".
    names = authors.strip(" :").lstrip(".")
    names = names if _LAST_INITIAL.search(names) else names.rstrip(".")
    named_so = named != text or looks_like_names(names, any_language=True)
    initials = not initialled or _AN_INITIAL.search(names) is not None
    return bool(title and _A_WORD.search(title) and named_so and initials)


# An initial or two, its period, the comma after it or the names' end after it: "J.", "JM,", "Doe A".
_AN_INITIAL = re.compile(rf"(?<![^\W\d_]){LATIN_CAPITAL}{{1,2}}(?:[.,]|$)")
_LAST_INITIAL = re.compile(rf"(?<![^\W\d_]){LATIN_CAPITAL}\.$")


@lru_cache(maxsize=2)  # read, then described (`_describe`): the same text split once
def read_list(text: str) -> ReferenceList:
    """The references of a pasted list, in the layout that reads them best (`_reflist.split_list`)."""
    return split_list(text, looks_like_reference)


@lru_cache(maxsize=2)  # read, then described (`_describe`): the marks taken off once
def _pasted_list(text: str) -> ReferenceList:
    """The list as the reader reads it and describes it, without the marks Markdown, reST or HTML
    set around it (`text.markup.unmarked_list`): one reference pasted with its number takes the
    number as its label (`lone_number_apart`; the sniffer reads `read_list`'s)."""
    return lone_number_apart(read_list(unmarked_list(text)))


OriginOf = Callable[[int], Origin]
"""``origin_of(line)``: where the reference starting at a line of the text came from."""


def _tagged(text: str, printed: str, title: str | None, tag: TaggedTogether) -> TaggedReference:
    """The tagger's reading (``tag``) of an item as the rules read it (``text``), or as the page prints it
    where the two differ (the PDF reader quoted an italic run), the rules' title (``title``) is
    a listed journal's name and the model reads no title in the printed text, or reads that name
    as the venue there: the italic run was the journal's (an ACS-like list without article
    titles, "Grimme, S. *Chem. Phys. Lett.* 1996, 259"; or with them, the rules' title cut
    before the journal's, "Wetmur, J. G.; Davidson, N. Kinetics of Renaturation of DNA. *J. Mol.
    Biol.* 1968, 31"), which quoted reads to it as a title or the end of one. Elsewhere the quotes
    stay: they mark a title it reads whole ("Johan Andersson. *Crusader Kings 2*, 2012a.") or
    would otherwise run on ("*R: A Language and Environment …*. R Foundation …")."""
    from bibnorm.text.journals import is_listed  # local: the journal list is large

    tagged = tag(text)
    if printed == text or title is None or not is_listed(title):
        return tagged
    plain = tag(printed)
    # (not a periodical's issue whose title is the journal's: "*Computers and Graphics* (2011) 35.4")
    opens = printed.lstrip(' “"').startswith(title)
    journal = plain.overlap("container", title) in ("same", "within") and not opens
    return plain if plain.title is None or journal else tagged


def queries_from_list(
    references: ReferenceList, origin_of: OriginOf, printed: Sequence[str] | None = None
) -> list[Query]:
    """One `Query` per reference of ``references``. ``printed``: each item as the page prints it,
    where ``references`` holds it marked for the rules (the PDF reader's quotes around an italic
    title, `_italic_titles`): the query's raw text and, without a title, its search text, and
    what the tagger may read (`_tagged`). The list is typeset in one style: where the rules do
    not fit it (`_field_choice.list_fit`, of the titles read item by item), it is read again,
    each item knowing it. The items are tagged together, once (`TaggedTogether`). Both readers
    see each item as `for_both_readers` gives it, once."""
    read = [for_both_readers(item.text) for item in references.items]
    seen = read if printed is None else [for_both_readers(text) for text in printed]
    tag = TaggedTogether(read)
    queries, titles = _list_queries(references, origin_of, printed, (read, seen), FITS, tag)
    fit = list_fit(titles)
    return (
        _list_queries(references, origin_of, printed, (read, seen), fit, tag)[0] if fit.doubted else queries
    )


def _list_queries(
    references: ReferenceList,
    origin_of: OriginOf,
    printed: Sequence[str] | None,
    texts: tuple[Sequence[str], Sequence[str]],
    fit: ListFit,
    tag: TaggedTogether,
) -> tuple[list[Query], list[tuple[str | None, str | None]]]:
    """`queries_from_list`'s queries, each item's fields chosen knowing the list's ``fit`` and
    its reading by the tagger (``tag``), and each item's title as the rules read it and as kept.
    ``texts``: each item as the rules read it, and as the tagger may read it (as printed)."""
    read, seen = texts
    queries: list[Query] = []
    titles: list[tuple[str | None, str | None]] = []
    colon_names = _names_before_colons(references)
    for at, (line, reference, label) in enumerate(references.items):
        previous = queries[-1].authors if queries else ()
        text = with_elided_names(read[at], previous)
        as_printed = reference if printed is None else printed[at]
        parsed = _body_as_author(text, parse_reference(text), colon_names)
        chosen = choose_fields(
            RuleReading(parsed.title, parsed.authors, parsed.year, parsed.venue),
            _tagged(text, with_elided_names(seen[at], previous), parsed.title, tag),
            fit=fit,
        )
        titles.append((parsed.title, chosen.title))
        kind = QueryKind.ARXIV_ID if parsed.arxiv else QueryKind.DOI if parsed.doi else QueryKind.TITLE
        # the kind of work by the venue kept, else by the rules' ("Master's thesis", "MIT Press"),
        # which the model may read as the title's words, a note or a publisher
        typed_by = chosen.venue if entry_type_of(chosen.venue) != "misc" else parsed.venue or chosen.venue
        entry_type = entry_type_of(typed_by)
        publisher = chosen.publisher or publisher_of(reference, typed_by, entry_type)
        queries.append(
            Query(
                index=len(queries),
                origin=origin_of(line),
                raw=as_printed,
                printed=True,
                # a number, also in a numbered list that follows an unnumbered one (PDF geometry)
                label=label if references.layout is Layout.NUMBERED or (label or "").isdigit() else None,
                kind=kind,
                entry_type=entry_type,
                publisher=publisher,
                title=chosen.title or (as_printed if kind is QueryKind.TITLE else None),
                arxiv_id=parsed.arxiv,
                arxiv_version=parsed.arxiv_version,
                doi=parsed.doi,
                author_names=parsed.author_names
                if chosen.authors == parsed.authors
                else _name_words(" ".join(chosen.authors)),
                authors=chosen.authors,
                year=chosen.year,
                venue=chosen.venue,
                volume=chosen.volume,
                pages=chosen.pages,
                read_confidence=ReadConfidence(**chosen.confidence),
            )
        )
    return queries, titles


def read_refs(text: str, path: str) -> list[Query]:
    """One `Query` per reference string; one whose authors a dash stands for ("———. « Title »",
    Chicago's bibliography) by the previous one's (`with_repeated_authors`)."""
    return with_repeated_authors(
        queries_from_list(_pasted_list(text), lambda line: Origin(path=path, line=line))
    )


def describe_list(references: ReferenceList, queries: Sequence[Query]) -> str:
    """The summary's line: how the list was read and why ("150 references, unnumbered, …")."""
    kind = "numbered" if references.layout is Layout.NUMBERED else "unnumbered"
    read = sum(1 for query in queries if query.author_names and query.year)
    layout = "" if references.layout is Layout.NUMBERED else f", {references.layout.value}"
    return (
        f"read as a reference list: {len(queries)} references, {kind}{layout} "
        f"({read} with authors and a year)"
    )


def looks_like_reference_list(text: str) -> bool:
    """A pasted bibliography: three numbered items mostly with a year, or mostly references, or
    one or two references; or bulleted or blank-line separated items over several lines each,
    mostly with a year (`_dated_items_over_lines`).

    Unnumbered, at least three items and 60% of them must read as references (author
    list, year, title): a list of titles, even one tagged "[CVPR 2022] …", has no author
    list and stays a title list. So does a list whose items mostly give the title first and the
    names after it (`lines.gives_its_title_first`), numbered or not.
    """
    # (not splitlines(): it also splits at Cork slots)
    sample = unmarked_list("\n".join(text.split("\n")[:400]))
    references = read_list(sample)
    if _dated_items_over_lines(references, sample):
        return True
    # (a reading list's lines, "Title. Names. Venue 2017", are the lines reader's: weighed only
    # where the items would read as references)
    return _read_as_references(references) and not _titles_first(references)


def _read_as_references(references: ReferenceList) -> bool:
    """`looks_like_reference_list` for a list that is not of dated items over several lines."""
    if 0 < len(references.items) < 3:
        # One or two pasted references, each read as one (two titles never are: no author list).
        return all(looks_like_reference(item.text) for item in references.items)
    if references.layout is Layout.NUMBERED:
        if sum(1 for item in references.items if item.label) < 3:
            return False
        with_year = sum(1 for item in references.items[:200] if _YEAR.search(item.text))
        return with_year >= 0.6 * min(len(references.items), 200)
    read = sum(1 for item in references.items if looks_like_reference(item.text))
    return read >= 3 and read >= 0.6 * len(references.items)


def _titles_first(references: ReferenceList) -> bool:
    """Whether three items or more, 60% of them, give their titles first and the names after them
    (`lines.gives_its_title_first`)."""
    from bibnorm.readers.lines import gives_its_title_first  # local: only a sniffed text needs it

    items = references.items[:200]
    first = sum(1 for item in items if gives_its_title_first(item.text))
    return len(items) >= 3 and first >= 0.6 * len(items)


def _dated_items_over_lines(references: ReferenceList, text: str) -> bool:
    """Whether a list's bullets or blank lines set apart items that run over several lines, most
    with a year (a Markdown reading list's "- **Title** <br />" / "Names <br />" / "*Journal* 11,
    345 (1999)"): a list of references, which a list of titles, one a line, is not."""
    if references.layout not in (Layout.BULLETED, Layout.PARAGRAPHS) or len(references.items) < 3:
        return False
    lines = sum(1 for line in text.split("\n") if line.strip())
    dated = sum(1 for item in references.items if _YEAR.search(item.text))
    return lines >= 1.5 * len(references.items) and dated >= 0.6 * len(references.items)


def _describe(text: str, queries: Sequence[Query]) -> str:
    return describe_list(_pasted_list(text), queries)


READER = Reader(
    name="refs",
    description="a pasted reference list: numbered, or unnumbered (one per line, blank-line separated, "
    "hanging indents or wrapped)",
    read=read_refs,
    sniff=looks_like_reference_list,
    describe=_describe,
)
