"""Harvard's reference forms (the ``harvard`` package's ``agsm`` and ``dcu``; its ``kluwer``,
"Names: 2001, Title, *Journal* 91, 1369–1401", read as agsm's) that the general field reading
does not know.

Both print the names, the year in parentheses and then the title: ``agsm`` with a comma after
the year and an article's or chapter's title in single quotes ("Abadi, M. (1993), ‘Title’,
*Journal* 15(4)."), ``dcu`` with a period after the year and no quotes at all ("Ba, J. L. (2016).
Layer normalization, *Technical Report 1607.06450*, arXiv."). Both set the venue — a journal, a
book's or a proceedings' title — in italics.

- **A quotation inside the title** (`harvard_title`): ``agsm`` sets a title that quotes a word
  in double marks inside its single ones ("‘Games with incomplete information played by
  “Bayesian” players’"), and one that opens with a quotation with the inner marks right after
  its own ("‘’Up for the Commonweal’: The significance of tax grievances’"): the title is the
  outer quotation whole, not the word quoted in it, nor the inner quotation alone.
- **A chapter in an edited book** (`harvard_title`): ``agsm`` quotes the book's title, not the
  chapter's: "Blackwell, D. (1951), Comparison of experiments, in J. Neyman, ed., ‘Proceedings of
  the Second Berkeley Symposium …’, University of California Press" — the title is the upright
  text between the year and ", in", the names before the year the authors.
- **An upright title before its venue** (`harvard_title`): ``dcu`` separates the title from the
  venue by a comma alone, and sets the title in sentence case (a book's keeps its capitals).
  After the first comma in a title in sentence case that the venue follows, the title ends: a
  journal with its volume and pages ("…, *Nature* 521(7553): 436–444"), a proceedings or journal
  by name ("…, *3rd International Conference on Learning Representations*", "…, *IEEE
  Transactions on …*"), or words in capitals where a web page or lecture was published ("…,
  Google Research Blog", "…, CSC321 Lecture 10, University of Toronto"; a word or two alone,
  "Norway", "New York", may be a place the title names). A list whose names end in ", & Name"
  is APA's, not dcu's.
- **An upright title before an italic venue** (`upright_title`): in a PDF the italics show the
  venue whatever it is named ("…, *Entropy* 25(10)", "…, *Interspeech 2021*, ISCA"): the title
  ends at the comma before the first italic run that follows it, where that run is a venue —
  followed by a comma, a volume, a period or nothing, not by more of the title's words (a
  species' name set in italics inside a title: "Chemotaxis, *E. coli* and flagella").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from bibnorm.readers._ref_dates import YEARS
from bibnorm.text.venues import preprint_servers
from bibnorm.text.word_tables import (
    alternation,
    author_list_words,
    kinds_of_work,
    reference_abbreviations,
    venue_words,
)

# The names, the year in parentheses ("(1968a)") and the comma (agsm) or period (dcu) after it
# (an apostrophe inside a name: "O’Meara", "Pe’er"); kluwer's "Names: 2019a, Title" reads as agsm's.
# The names end before blanks, or are the two characters at least they have: the year is looked
# for after a run of blanks once, not from each of its blanks again.
_YEAR = rf"{YEARS}[a-z]?"
_NAMES_YEAR = re.compile(
    rf"^(?P<authors>(?:[^()“”‘’]|(?<=\w)’(?=\w)){{2,3000}}?)(?:(?<!\s)|(?<=^[\s\S]{{2}}))\s*"
    rf"(?:\({_YEAR}\)(?P<sep>[,.])|:\s{_YEAR}(?P<kluwer>,))\s+"
)
# agsm's chapter: "Title, in J. Neyman, ed., ‘Book’", "…, in M. Boyer & R. E. Kihlstrom, eds, ‘Book’",
# "…, in ‘Book’" (each editor capitalised, given names first, no comma inside one); the title
# upright, its own double quotes and periods in it ("When is “nearest neighbor” meaningful?",
# "Forms and Processes. Some Thoughts on …").
# (words apart from "&" and "and", so that no name is read two ways: no backtracking)
_EDITOR = r"[A-Z][^\s,&‘’“”()]*(?:\s(?!and\s)[^\s,&‘’“”()]+)*"
_IN_EDITED_BOOK = re.compile(
    rf"^(?P<title>(?:[^‘’]|(?<=\w)’(?=\w))+?),\s+in\s+"
    rf"(?:{_EDITOR}(?:(?:,\s|\s&\s|\sand\s){_EDITOR})*,\s+eds?\.?,\s+)?‘"
)
# agsm's book in a series, "Title, number 1,5 in ‘Milet …’", "Title, Vol. 3 of ‘Series’", and a
# thesis of a kind named on its own, "Title, Dissertation, Universität Hamburg" (its degree and word
# from normalizer/data/kinds-of-work.json).
_THESIS_KIND = rf"(?:{kinds_of_work().thesis_kind()}|{kinds_of_work().thesis_word})"
# "number", "no.", "Vol." (reference-abbreviations.json's numbers), also capitalised.
_NUMBER_WORD = alternation(reference_abbreviations().numbers, capitalised=True)
_BOOK_TAIL = re.compile(
    rf",\s+(?:{_NUMBER_WORD}\s+[\w,.]+\s+(?:in|of)\s+‘"
    rf"|{_THESIS_KIND}\b,)"
)


def harvard_title(text: str) -> tuple[str, str] | None:
    """The title and the authors of a Harvard reference whose title quotes something, is a
    chapter's in an edited book, a book's in a series, a thesis's (``agsm``), or is followed by
    its venue after a comma (``dcu``; see the module docstring), whole as it is (its end found,
    not to be cut again at its own ", in Mexico …"); None for any other reference."""
    opening = _NAMES_YEAR.match(text)
    if opening is None:
        return None
    authors, rest = opening.group("authors"), text[opening.end() :]
    chapter = _IN_EDITED_BOOK.match(rest)
    book_title = chapter.group("title") if chapter is not None else _book_in_series(rest)
    if book_title is not None:  # an empty title as well
        return book_title, authors
    # dcu quotes no title (a quotation opening one is the title's own), and joins the last two
    # names with a bare "&" (APA's "Kendall, A., & Cipolla, R." is none); agsm quotes an
    # article's, not a web page's or a preprint's
    sep, title = opening.group("sep") or opening.group("kluwer"), None
    if sep == "." and not re.search(r",\s(?:&|and)\s", authors):
        title = _title_before_venue(rest) if not rest.startswith(("“", '"')) else None
    elif rest.startswith(("‘", "“")):
        title = (_nested_quotation(rest) or _short_quotation(rest)) if sep == "," else None
    elif sep == ",":
        title = _title_before_venue(rest)
    return (title, authors) if title else None


def _book_in_series(rest: str) -> str | None:
    """A book's title before agsm's series or a thesis's kind (`_BOOK_TAIL`); None when ``rest``
    opens with a quotation (an article's title)."""
    tail = _BOOK_TAIL.search(rest)
    if tail is None or rest.startswith(("‘", "“")) or re.search(r"[‘’“”]", rest[: tail.start()]):
        return None
    return rest[: tail.start()]


def _nested_quotation(rest: str) -> str | None:
    """The title agsm quotes at the start of ``rest`` where it quotes something itself: single
    marks inside its own (set with TeX's ligatures: "‘‘" is "“", "’’" is "”": "“all economies
    are embedded’: The career of a concept’", "‘The meaning of ‘theory”"), double ones ("‘…
    “Bayesian” players’"), or an inner quotation the .bib opened with an apostrophe ("‘’Up for
    the commonweal’: …’"). None when the title quotes nothing, or its end is not found."""
    if rest[0] == "“" and not re.match(r"“[^”]*?’(?!\w)", rest):
        return None  # a title in double quotes ("“Title,” Journal"): no "‘‘" before a "’"
    inner_apostrophe = rest[1:2] in ("’", "'")  # "‘’Up for …’"
    depth = 2 if rest[0] == "“" or inner_apostrophe else 1  # single marks open, a double mark two
    nested = depth == 2
    for at in range(2 if inner_apostrophe else 1, len(rest)):
        change = _depth_change(rest, at, depth)
        nested = nested or change > 0
        depth += change
        if depth <= 0:
            body = rest[1:at] + ("’" if rest[at] == "”" and depth == 0 else "")  # "”" closed the inner one
            return None if not nested else f"‘{body}" if rest[0] == "“" else body
    return None


def _short_quotation(rest: str) -> str | None:
    """A title agsm quotes at the start of ``rest`` that is a word or two, too short for a
    quotation found anywhere in a reference to be taken for a title: a web page's "‘ABODE’,
    https://…", "‘Micro’, http://…"."""
    short = _SHORT_QUOTED.match(rest)
    return short.group("title") if short is not None else None


_SHORT_QUOTED = re.compile(r"[‘“](?P<title>[^‘’“”]{1,7})[’”](?=[,.])")


def _depth_change(rest: str, at: int, depth: int) -> int:
    """How many single quotations the mark at ``rest[at]`` opens (+) or closes (−), ``depth`` of
    them open: a double mark is two. A "‘" after a letter or digit, or a "’" before one, is an
    apostrophe ("Blackwell’s"); with no inner quotation open, only a "’" before punctuation or
    the end closes the title ("students’ views" is none)."""
    char = rest[at]
    if char in _DOUBLE_MARKS:
        return _DOUBLE_MARKS[char]
    if char == "‘":
        return 0 if rest[at - 1].isalnum() else 1
    closes = char == "’" and not rest[at + 1 : at + 2].isalnum()
    return -1 if closes and (depth > 1 or _ENDS.match(rest, at + 1)) else 0


_DOUBLE_MARKS = {"“": 2, "”": -2}  # TeX's "‘‘" and "’’"
_ENDS = re.compile(r"[,.;:]|\s*$")  # what follows the mark that closes the title


def upright_title(
    text: str, italics: Sequence[tuple[int, int]], title_of: Callable[[str], str | None]
) -> tuple[int, int] | None:
    """Where a ``dcu`` reference's title starts and ends (in ``text``), when the title read
    (``title_of(text)``) runs on from the year into an italic venue after a comma (``italics``:
    where each italic run of the reference is in ``text``); None when it does not."""
    opening = _NAMES_YEAR.match(text)
    title = title_of(text) if opening is not None else None
    if opening is None or not title:
        return None
    start = opening.end()
    read = letters_and_digits(title)
    for run_start, run_end in italics:
        if run_end <= start:
            continue
        before = letters_and_digits(text[start:run_start])
        if (run_start > start and not read.startswith(before)) or len(read) <= len(before):
            return None  # a title read elsewhere, or one that ends before the run
        comma = re.search(r",\s*$", text[start:run_start])
        venue = _AFTER_VENUE.match(text, run_end) is not None
        if run_start <= start and venue:
            return None  # an italic title: a book's
        if comma is not None and venue:
            return start, start + comma.start()
        # else an italic word of the title's own (a genus: "*Arctodus simus* from the Alaskan
        # Arctic slope", "Una nueva especie de *Agriarctos* (…)"): the venue may come after it
    return None


def letters_and_digits(text: str) -> str:
    """``text``'s letters and digits, case folded: how two printings of a title are compared."""
    return re.sub(r"[\W_]+", "", text).casefold()


# What follows a venue's italic run (from its last letter or digit on, its closing parenthesis
# "(CVPR)," too): a comma, a volume, pages ("*Statistical Science* pp. 23–34", "p. e14087"), a
# period, nothing.
_AFTER_VENUE = re.compile(r"[)\]]*+\s*+(?:[,.]|\d|pp?\.\s|$)")


# dcu's title sentence: the title in sentence case, then after a comma its venue — a journal
# with its volume and pages ("Nature 521(7553): 436–444"; agsm's and kluwer's "… Review 91,
# 1369–1401"), a proceedings, journal, preprint server or report by name ("3rd International
# Conference on …", "IEEE Transactions on …", "bioRxiv", "Technical Report 1806.01261"), or
# words in capitals where a web page, a lecture or a talk was published ("Google Research Blog",
# "CSC321 Lecture 10, University of Toronto", "Interspeech 2021, ISCA, pp").
# A sentence-case title goes on past a period before a word in lower case or a part's number
# ("Ab-qtl analysis in spring barley: Ii. detection of …", "Planck 2018 results. III. high
# frequency …"); the venue's abbreviations ("Astron. Astrophys. 641: A3") are no sentence end
# either, a period before a whole word is ("…, Norway. Journal of …"), and so is a question
# mark before a capital ("… than they do? Unpublished manuscript, Johns Hopkins University").
_SENTENCE = re.compile(r"(?:(?<=[^\W_]{2})\.|[?!])\s+(?=[A-Z])(?![IVXL]+\.\s)")
_WORD_SENTENCE = re.compile(r"(?<=[^\W_]{2})\.\s+(?=[A-Z][a-z]+\s)")
# (a venue opens with a capital or a digit, or is a preprint server whose name does not: "arXiv",
# "bioRxiv" of venues.json)
_VENUE_COMMA = re.compile(
    rf",\s+(?=[A-Z\d]|{alternation(name for name in preprint_servers() if name[:1].islower())}\b)"
)
_VENUE_WORD = re.compile(  # venue-words.json's, kinds-of-work.json's "thesis", "Dissertation"
    rf"\b(?:{alternation(venue_words().after_title)}|{kinds_of_work().thesis_word})\b"
)
# (or a journal's pages without its volume: "Economic Botany pp. 254–293")
_VOLUME_PAGES = re.compile(r"\b\d+(?:\(\d+\))?:\s?[A-Za-z]?\d|\spp?\.\s?[A-Za-z]?\d")
# agsm's and kluwer's journal, volume and pages after a comma: "American Economic Review 91,
# 1369–1401", "Journal of Cognition 2(33), 1–4"
_JOURNAL_VOLUME = re.compile(r"[^,]*?\s\d+(?:\([\d–-]+\))?,\s[A-Za-z]?\d+(?:[–-]\s?\d+)?\.?(?:\s|$)")
_LINKING = alternation(author_list_words().body_linking)  # "of", "for" (author-list-words.json)
_CAPITALISED = rf"[A-Z\d][\w.&'’/-]*(?:\s+(?:[A-Z\d][\w.&'’/-]*|{_LINKING}|&))*"
_PUBLISHED = re.compile(rf"{_CAPITALISED}(?:,\s+{_CAPITALISED})*(?:,\s+(?:pp?|Vol)\b.*)?")


def _title_before_venue(rest: str) -> str | None:
    """The title of a ``dcu`` title sentence (``rest``, what follows the year) in sentence case
    and followed by its venue after a comma (a title in title case is a book's, whose commas
    may be its own), up to a chapter's ", in D. Precup & Y. W. Teh (eds)"; else None."""
    sentence = _SENTENCE.split(rest, maxsplit=1)[0]
    for comma in _VENUE_COMMA.finditer(sentence):
        title, tail = sentence[: comma.start()], sentence[comma.end() :]
        first = _WORD_SENTENCE.split(rest[comma.end() :], maxsplit=1)[0].split(",", maxsplit=1)[0]
        # (a number or three words: "Norway", "New York" alone are a place the title names)
        published = _PUBLISHED.fullmatch(tail) is not None and (
            re.search(r"\d", tail) is not None or len(tail.split()) >= 3
        )
        volume = _VOLUME_PAGES.search(first) or _JOURNAL_VOLUME.match(tail)
        if not (_VENUE_WORD.search(first) or volume or published):
            continue
        title = _CHAPTER.split(title, maxsplit=1)[0]
        whole = _sentence_case(title) and title.count("(") == title.count(")") and "[" not in title
        return title if whole else None  # the first venue ends the title, whatever it reads as
    return None


_CHAPTER = re.compile(r",\s+in\s+(?=[A-Z‘“])")  # "Title, in D. Precup & Y. W. Teh (eds), *Book*"


def _sentence_case(title: str) -> bool:
    """Whether a title is set in sentence case: after its first word (and the first after a
    colon) one word in four at most opens with a capital — a name kept in capitals ("Bayesian",
    "Python", "Mexico"), acronyms, words with digits or inner capitals aside ("gpt-4", "ICLR",
    "LLMs") — and one at least is a word in lower case; a title in title case ("Pattern
    Recognition and Machine Learning", a book's) is none."""
    words = re.findall(r"\S+", title)
    later = [word for before, word in itertools.pairwise(words) if not before.endswith(":")]
    lower = [word for word in later if word[:1].islower()]
    capitalised = [word for word in later if word[:1].isupper() and not re.search(r"\d|.[A-Z]", word)]
    return bool(lower) and len(capitalised) <= len(later) // 4
