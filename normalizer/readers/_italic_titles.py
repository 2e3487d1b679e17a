"""A reference's title where its style sets it in italics and prints no quotes around it.

biblatex, IEEEtran, APA and Chicago set the title of a book, a thesis, a manual or a report in
italics: the italics are the only thing that marks where such a title starts and ends. Read
as text alone, a title is cut at its first period ("The Federal Appointments Process" of
"*The Federal Appointments Process. A Constitutional and Historical Analysis*. Durham …"),
and an IEEE book's title runs into the authors ("B. K. Bul, *Theory Principles and Design of
Magnetic Circuits*. Moscow: Energia Press, 1964" read with the title "Moscow: Energia
Press"). Where a reference has no quoted title, its italic run is quoted for the parser:

- when the title read is part of an italic run, the whole run is the title (a book's title
  and subtitle, italic across the period between them, read as either) — where what follows
  the title read in the run opens with a capital, as a subtitle does;
- when the title read comes after the reference's first italic run, and names come before
  that run, the run is the title (the parser took the place and publisher after it);
- when the title read opens with an italic run and goes on upright after a comma and a capital
  or a digit, the run is the title: the rest is what a style whose fields are joined by commas
  (biblatex-phys, AIP) sets after a report's or a book's title, its type and number or its
  series ("*Radioisotope data*, UKAEA Research Group Report AERE-R 2938 (H.M.S.O., …)").
- when a run lies inside the title read and only names (a year, "eds.") come before it, the
  run is the title: econ's "Krugman, Paul R., *Geography and Trade*, Cambridge, MA: MIT
  Press" (the title read holds the names), "Attwood, Feona ed. (2010) *Porn.com: Making
  Sense of Online Pornography*: Peter Lang" (it holds the publisher).

- when a reference opens with an italic run (no names: a manual, a standard, a periodical),
  that run is the title;
- when the title read opens with an italic run and runs on past it into a parenthesis, a
  comma, a semicolon or "=" (Oxford's "*Famine and Gender* (New Haven, Conn.)", "*Capital*,
  i, trans. B. Fowkes"), the run is the title;
- when the title read is a multi-volume work's, and "Vol. B:" and another italic run follow
  it, that run (the volume's own title: "*Computers & Typesetting*. Vol. B: *TeX: The
  Program*") is the title.

An italic run that is no title (a journal's name after an upright article title, APA's
"*Journal*, 5(2)") is left alone: it neither holds the title read nor comes before it.
The reference's raw text stays as the PDF prints it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bibnorm.models import Query
from bibnorm.readers._ref_dates import YEARS
from bibnorm.readers._ref_harvard import letters_and_digits, upright_title
from bibnorm.readers._reflist import ReferenceList
from bibnorm.readers.refs import OriginOf, looks_like_names, parse_reference, queries_from_list
from bibnorm.text.names import LATIN_CAPITAL
from bibnorm.text.word_tables import alternation, reference_abbreviations, venue_words

StyledLine = tuple[str, Sequence[tuple[int, int]]]
"""A line's text and the (start, end) of each italic run in it."""

_QUOTES = re.compile(r"[“”\"«»]|``|''")
# "(ed Family, I.)" soon after the title, or after a volume's title ("*Work.* C: *Volume* 3rd ed. (eds …")
_EDITORS_AFTER = re.compile(r"[^()]{0,80}\(eds? ")
_MIN_LETTERS = 4  # an italic run shorter than this ("ed.", "et al.") is no title


_SUBTITLES_MARKS = " :;–—-"  # what may stand upright between a title and its subtitle


def italic_runs(lines: Sequence[StyledLine]) -> list[str]:
    """The italic runs of a reference's lines, a run that ends its line joined to one that
    starts the next (a title wrapped across lines), or that only a subtitle's mark, upright,
    opens ("*Navigating mobile robots*⏎: *systems and techniques*": French spacing wrapped the
    colon, which has no letter to be italic by, onto the next line)."""
    runs: list[str] = []
    goes_on = False
    for text, spans in lines:
        for start, end in spans:
            run, lead = text[start:end], text[:start]
            if goes_on and runs and not lead.strip(_SUBTITLES_MARKS):
                runs[-1] = " ".join(filter(None, (runs[-1], lead.strip(), run)))
            else:
                runs.append(run)
            goes_on = end == len(text)
        if not spans:
            goes_on = False
    return runs


def queries_with_italic_titles(
    references: ReferenceList, runs: Sequence[Sequence[str]], origin_of: OriginOf
) -> list[Query]:
    """`queries_from_list` of ``references``, each item whose italic runs (``runs``, one list
    per item) show its title read with that title (see the module docstring)."""
    quoted = [
        _quote_title(item.text, item_runs) for item, item_runs in zip(references.items, runs, strict=True)
    ]
    return queries_from_list(
        references._replace(
            items=[item._replace(text=text) for item, text in zip(references.items, quoted, strict=True)]
        ),
        origin_of,
        printed=[item.text for item in references.items],
    )


def _quote_title(text: str, runs: Sequence[str]) -> str:
    """``text`` with its italic title quoted, where its runs show one the text does not."""
    if not runs:
        return text
    placed = _placed(runs, text)
    upright = upright_title(text, placed, _title_of)
    if upright is not None:  # dcu: "Names (2017). Title, *Journal* 39(12)"
        return _if_read(text, *upright)
    if _QUOTES.search(text):
        # (a quotation after the first run, in a proceedings' name, leaves the run the title:
        # amsplain's "*An introduction to Cartan geometries*, Proceedings of the 21st Winter
        # School “Geometry and Physics” (Srní, 2001)")
        quoted = _quotes_in_italics(text, placed)
        if quoted != text or not placed or _QUOTES.search(text, 0, placed[0][1]):
            return quoted
    return _italic_title(text, placed, _title_of(text))


def _title_of(text: str) -> str | None:
    return parse_reference(text).title


def _italic_title(text: str, placed: Sequence[tuple[int, int]], read: str | None) -> str:
    """``text`` with its title quoted as the first of its italic runs (``placed``: where each is)
    to show one shows it, beside the title the parser read (``read``); else ``text``."""
    title_at = _find(read or text, text)  # none read: the whole text holds the title, after the names
    for number, (start, end) in enumerate(placed):
        run = _Run(text, number, start, end, read or text, title_at)
        if len(letters_and_digits(run.body)) < _MIN_LETTERS:
            continue
        # with no title read, a book's title after names, not a journal's name before its volume
        # (Science: "G. Booth, J. Chatt, *J. Chem. Soc.* 2099–2106 (1962)")
        if read is None:
            book = run.follows_names() and _WORDS_AFTER.match(text, end)
            return _if_read(text, start, end) if book else text
        volume = _volume_after(text, placed, number)
        if volume is not None:
            return _volume_first(text, (start, end), volume)
        if run.journal_before_numbers():
            continue
        if any(shows(run) for shows in _SHOWS_TITLE):
            return _if_read(text, start, end)
        venue = _venue_run(text, title_at, start, end, placed[number + 1 :])
        if venue is not None:
            return _if_read(text, *venue)
    return text


@dataclass(frozen=True)
class _Run:
    """An italic run of a reference's ``text`` (its ``number``-th, from ``start`` to ``end``), and
    the ``title`` the parser read (the whole text where it read none), at ``title_at`` in ``text``."""

    text: str
    number: int
    start: int
    end: int
    title: str
    title_at: tuple[int, int] | None

    @property
    def body(self) -> str:
        return self.text[self.start : self.end]

    def extends_title(self) -> bool:
        """The title read and a subtitle after it are the run ("*The Federal Appointments Process.
        A Constitutional and Historical Analysis*" read to its first period)."""
        inside, read = letters_and_digits(self.body), letters_and_digits(self.title)
        extends = read in inside and len(inside) > len(read) and _subtitle_after(self.body, self.title)
        return extends and not self.ends_with_its_journal()

    def ends_with_its_journal(self) -> bool:
        """The run holds the title read, a comma and a journal's name — a listed one, or one with
        a word that names a kind of venue ("Journal", "ACM", "Proceedings"; venue-words.json) —,
        and a number (the volume) or a parenthesis follows it: the style sets the journal in
        italics as it does the title (JHEP's "*Broken symmetries and the masses of gauge bosons,
        Phys. Rev. Lett.* 13 (1964) 508", "*The halting problem, Macalester Journal of
        Philosophy* 5 (2010)"), and the journal is no subtitle."""
        from bibnorm.text.journals import is_listed  # local: the journal list is large

        found = _find(self.title, self.body)
        after = self.body[found[1] :] if found is not None else ""
        if not after.startswith(",") or not _NUMBERS_NEXT.match(self.text, self.end):
            return False
        journal = after.strip(" ,.;")
        return any(word.strip(".,:;()").casefold() in _VENUES_WORDS for word in journal.split()) or is_listed(
            journal
        )

    def precedes_title(self) -> bool:
        """The first run, after the names, comes before the title read: the place and publisher
        after the run, which the parser took for the title."""
        at = self.title_at
        return self.number == 0 and self.start > 0 and at is not None and at[0] >= self.end

    def opens_reference(self) -> bool:
        """No names: the run opens the reference — unless the editors follow it, which the parser
        reads as the names (Nature's "*Title* 3rd edn (eds Family, I. & …) (Publisher, 2006)"), or
        the run is the names, the title read after it (GOST's names in italics: "*Akimova E. N.,
        Misilov V. E.* Optimized Algorithms … // Communications …")."""
        opens = self.number == 0 and not self.text[: self.start].strip()
        names = self.title_at is not None and self.title_at[0] >= self.end and _initialled_names(self.body)
        return opens and not names and not _EDITORS_AFTER.match(self.text, self.end)

    def opens_title(self) -> bool:
        """The title read opens with the run and runs on past its italics into what a style sets
        after a book's or a report's title, upright: "*Radioisotope data*, UKAEA Research Group
        Report …", Oxford's "*Language and Linguistics* (Cambridge: CUP)", "*Tapas* (Madrid);
        trans." — not a species' name that opens an article's upright title ("*Arabidopsis
        thaliana*, a model plant …": a title's words go on in small letters) — or a report's kind
        and number with no punctuation ("*Radioisotope Data* UKAEA Research Group Report AERE-R
        2938", Nature)."""
        text, end, at = self.text, self.end, self.title_at
        if at is None or at[0] != self.start or at[1] <= end:
            return False
        return bool(_AFTER_A_TITLE.match(text, end, at[1]) or _NUMBERED_TAIL.fullmatch(text, end, at[1]))

    def follows_names(self) -> bool:
        """The names, then the run, inside the title read: a book's title after names the parser
        could not tell from it (econ's "Krugman, Paul R., *Geography and Trade*, Cambridge …"),
        or whose first words it read as one more name (amsplain's "Nicolas Bourbaki, *Lie groups
        and Lie algebras. Chapters 4–6*, Elements of Mathematics …": the title read starts inside
        the run)."""
        text, start, end, at = self.text, self.start, self.end, self.title_at
        if at is None or at[0] >= end or start + len(self.body.rstrip(" .,:;")) > at[1]:
            return False
        return _book_title_run(text[:start], self.body, text[end:], ends_title=end >= at[1])

    def book_after_names(self) -> bool:
        """`follows_names`, unless the run is a name of one or two words (a genus, a species) and
        a colon inside the title read opens its upright rest ("*Drosophila*: Genes Controlling …")."""
        at, end = self.title_at, self.end
        colon = self.text.startswith(":", end) and at is not None and at[1] > end + 1
        return not (colon and len(self.body.split()) <= 2) and self.follows_names()

    def journal_before_numbers(self) -> bool:
        """The run is a journal's abbreviated name, listed or not (`journals.abbreviation_shaped`:
        an old spelling), and its numbers follow (ACS's "Nagai, O.; Nakamura, T. *Progr. Theoret.
        Phys.* 1960, 24, 432–454.": a style that prints no title sets the journal in italics); or
        a listed journal's name after a title (plainnat's "… in population genetics. *Genetics*,
        162(4):2025–2035", where the rules read the journal and its numbers as the title) — not
        with only names before it, where a series' volume is the work ("Kusuoka, Shigeo & Akira
        Yamasue, (eds.) *Advances in Mathematical Economics*, 8"), nor opening the reference (a
        periodical's issue: "*Computers and Graphics* 35.4 (2011)")."""
        from bibnorm.text.journals import abbreviation_shaped, is_listed  # local: the journal list is large

        if _NUMBERS_NEXT.match(self.text, self.end) is None:
            return False
        name, before = self.body.strip(" ,;:"), self.text[: self.start]
        return abbreviation_shaped(name) or (not _names_before(before) and is_listed(name))


def _initialled_names(text: str) -> bool:
    """Whether an italic run is names with their initials ("Akimova E. N., Misilov V. E."), not
    a periodical's name that opens an issue's entry ("*Computers and Graphics* 35.4 (2011)")."""
    return _INITIAL.search(text) is not None and looks_like_names(text)


_INITIAL = re.compile(rf"(?<!\w)(?:{LATIN_CAPITAL}|[А-ЯЁ])(?:[.,]|$)")  # "Akimova E. N.", "Kelley C"


# How an italic run shows that it is the title (see the module docstring).
_SHOWS_TITLE = (
    _Run.extends_title,
    _Run.precedes_title,
    _Run.opens_reference,
    _Run.opens_title,
    _Run.book_after_names,
)

_AFTER_A_TITLE = re.compile(r"[.,]?\s*[(;=]|,\s+[A-Z\d]")
_NUMBERED_TAIL = re.compile(r"[\s.,]+[A-Z]\S*(?:\s\S+){0,6}\s[\w/-]*\d[\w/.-]*")  # capitalised, a number last
_WORDS_AFTER = re.compile(r"[\s.,:;]*[^\W\d_]")


def _quotes_in_italics(text: str, placed: Sequence[tuple[int, int]]) -> str:
    """``text`` with its italic title quoted where every quotation mark of the text stands
    inside that title (a book's title quoting another's: "*Aristotle’s “De Motu Animalium.”*");
    the marks inside become single ones, as a quotation inside a quotation is written, and the
    period the style set inside the closing mark goes."""
    marks = [found.start() for found in _QUOTES.finditer(text)]
    for start, end in placed:
        end += len(_CLOSING_QUOTE.match(text, end).group())  # type: ignore[union-attr]
        if start <= marks[0] and marks[-1] < end and len(letters_and_digits(text[start:end])) >= _MIN_LETTERS:
            body = _INNER_PERIOD.sub("", text[start:end].translate(_TO_SINGLE))
            return _if_read(f"{text[:start]}{body}{text[end:]}", start, start + len(body))
    return text


_CLOSING_QUOTE = re.compile(r"[.,]?[”\"]?")  # after the run's last letter: "Animalium.”"
_TO_SINGLE = str.maketrans({"“": "‘", "”": "’", '"': "’"})
_INNER_PERIOD = re.compile(r"[.,](?=’$)")


def _venue_run(
    text: str,
    title_at: tuple[int, int] | None,
    start: int,
    end: int,
    later: Sequence[tuple[int, int]] = (),
) -> tuple[int, int] | None:
    """The upright title before an italic venue the title read ran into, if the run at ``start``
    to ``end`` is one: Harvard ``dcu`` sets "Abadi, M. (2006). Access control in a core calculus,
    *International Conference on Functional Programming (ICFP)*." — the venue in italics after
    the title's comma, nothing but its volume, pages or publisher after it (`_AFTER_VENUE`). (Not
    where another italic run follows the title read, the venue's: this one is the title's own
    words, a species' name: "… of visitors to wild radish, *Raphanus raphanistrum*
    (Brassicaceae). *American Journal of Botany*, 94(2)". Nor where the upright words are the
    names the parser read into its title: "O. Kupferman and M. Y. Vardi, *Model checking of safety
    properties, Formal methods in system design* 19 (2001)", whose run is the title.)"""
    if title_at is None or start <= title_at[0] or any(after >= title_at[1] for after, _ in later):
        return None  # (``later``: the runs after this one)
    # a sentence-case title the parser cut at an abbreviation's period ("… grape (vitis vinifera
    # ssp" + ". vinifera) domestication, *Venue*"): no capital between there and the venue
    if start >= title_at[1] and not _SENTENCE_CASE_GOES_ON.fullmatch(text, title_at[1], start):
        return None
    comma = _COMMA_BEFORE.search(text, title_at[0], start)
    if comma is None or not _AFTER_VENUE.fullmatch(text[end : title_at[1]]):
        return None
    if _initialled_names(text[title_at[0] : comma.start()]):
        return None
    if end > title_at[1] and _SENTENCE_AFTER_A_WORD.fullmatch(text, _word_start(text, title_at[1]), end):
        # the title's own italic words, then its sentence's end and the journal, in one run: "…
        # flower, *Brassica napus. Functional Ecology*, 18(6)" (a species, upright the period)
        return None
    return title_at[0], comma.start()


# A lower-case word, not an abbreviation ("napus", not "Chem" of "*J. Chem. Soc.*"), ending a
# sentence, and a capitalised name after it to the end of the run
# (from a word's start, possessive: linear whether matched at a place or searched)
_SENTENCE_AFTER_A_WORD = re.compile(r"(?<![a-z])[a-z]{3,}+[.!?]\s++[A-Z][^.!?]*+")


def _word_start(text: str, end: int) -> int:
    """Where the word that ends at ``end`` starts."""
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start


_COMMA_BEFORE = re.compile(r",\s*$")
_SENTENCE_CASE_GOES_ON = re.compile(r"[.)]*\s+[a-z(][^A-Z]*,\s*")
# What follows a venue's italic name: its volume and pages, a publisher's capitalised name
# ("15(4)", ", pp", ", Springer", ", John Wiley & Sons, Ltd, chapter 13, pp"); no lower-case word
# of a title ("…, *Drosophila* and its kin").
_AFTER_VENUE = re.compile(  # "pp", "chapter" (reference-abbreviations.json's after_italic_venue)
    rf"(?>[\s,.;:()–-]|[a-zA-Z]{{0,2}}\d[\w./–-]*|{alternation(reference_abbreviations().after_italic_venue)}\b"
    r"|&|[A-Z][\w'’.-]*"
    r"|(?:https?://|doi\.org\b)\S*)*"  # an article number ("48(7): e13477"), a link
)


def _volume_after(text: str, placed: Sequence[tuple[int, int]], number: int) -> tuple[int, int] | None:
    """The italic run of a volume's own title right after the run ``number`` of a multi-volume
    work's title ("*Computers & Typesetting*. Vol. B: *TeX: The Program*"), if there is one."""
    if number + 1 >= len(placed):
        return None
    start, end = placed[number + 1]
    return (start, end) if _VOLUME.fullmatch(text[placed[number][1] : start]) else None


# "Vol. B:" (biblatex), ", vol. C:" (Science)
_VOLUME = re.compile(r"[\s.,]*[Vv]ol\.\s+[\w.]+:\s*")


def _volume_first(text: str, work: tuple[int, int], volume: tuple[int, int]) -> str:
    """``text`` with a volume's own title quoted in its work's title's place, and the work's
    title and "Vol. B" after it, where a venue stands ("Knuth, Donald E. “TeX: The Program”.
    Computers & Typesetting. Vol. B. Reading, Mass.: …"); else ``text``."""
    body = text[volume[0] : volume[1]].rstrip(" .,:;")
    moved = (
        f"{text[: work[0]]}“{body}”. {text[work[0] : volume[0]].rstrip(' :')}{text[volume[0] + len(body) :]}"
    )
    read = parse_reference(moved).title
    return moved if read is not None and letters_and_digits(read) == letters_and_digits(body) else text


def _subtitle_after(run: str, title: str) -> bool:
    """Whether what an italic ``run`` holds after the ``title`` read is a subtitle: nothing,
    or words that open with a capital after the title's punctuation ("Process. A Constitutional
    …"), as styles capitalise a subtitle, or a number after an abbreviation the title was cut
    at ("U.S. Patent No. 123,445"); not "research. 1.7 billion comments at 250 gb …"."""
    found = _find(title, run)
    after = run[found[1] :] if found is not None else ""
    first = _FIRST_WORD.match(after)
    if not after.strip(" .,:;"):
        return True
    if first is None:
        return False
    return first.group(1).isupper() or (first.group(1).isdigit() and _ABBREVIATION.search(title) is not None)


_FIRST_WORD = re.compile(r"[\s.,:;!?–—-]*(\w)")
_NUMBERS_NEXT = re.compile(r"[\s.,]*[(\d]")  # after a journal's name: its volume, or its year in parentheses
# The words that name a kind of venue: "journal", "acm", "proceedings" (venue-words.json).
_VENUES_WORDS = frozenset((*venue_words().journals, *venue_words().kinds, *venue_words().meetings))
_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,2}$")  # "No", "Vol", "Pt": cut at its period


def _if_read(text: str, start: int, end: int) -> str:
    """``text`` with its part from ``start`` to ``end`` quoted, when the parser reads that
    part as the title then; else ``text``."""
    body = text[start:end].rstrip(" .,:;")
    quoted = f"{text[:start]}“{body}”{text[start + len(body) :]}"
    read = parse_reference(quoted).title
    return quoted if read is not None and letters_and_digits(read) == letters_and_digits(body) else text


def _placed(runs: Sequence[str], text: str) -> list[tuple[int, int]]:
    """Where each italic run is in ``text``, in the order they are printed: each after the one
    before, as printed (its capitals) where it can be, so that a run is not found in a word of
    the same letters before it ("*Ecology.*" after a title holding "… life history, ecology, and …")."""
    placed: list[tuple[int, int]] = []
    for run in runs:
        after = placed[-1][1] if placed else 0
        found = _find(run, text, after, as_printed=True) or _find(run, text, after)
        if found is not None:
            placed.append(found)
    return placed


def _find(part: str, text: str, after: int = 0, *, as_printed: bool = False) -> tuple[int, int] | None:
    """Where ``part`` is in ``text`` (start, end), at ``after`` or later, by their letters and
    digits alone, case folded (``as_printed``: not): white space and a line end's hyphen may
    differ."""
    wanted = "".join(char if as_printed else _folded(char) for char in part if char.isalnum())
    at, folded, printed = _alnum_index(text)
    within = printed if as_printed else folded
    found = within.find(wanted, bisect_left(at, after)) if wanted else -1
    if found < 0:
        return None
    end = at[found + len(wanted) - 1] + 1
    closing = _CLOSING.search(part.rstrip(" .,;:"))  # "(MC68175/D),": the bracket is the part's too
    return at[found], end + len(closing.group()) if closing and text.startswith(closing.group(), end) else end


_CLOSING = re.compile(r"(?<![)\]])[)\]]+$")  # from the run's first bracket: tried once per run


@lru_cache(maxsize=256)
def _alnum_index(text: str) -> tuple[tuple[int, ...], str, str]:
    """Where each letter or digit of ``text`` is, and those characters folded and as printed
    (`_find`)."""
    at = tuple(index for index, char in enumerate(text) if char.isalnum())
    return at, "".join(_folded(text[index]) for index in at), "".join(text[index] for index in at)


def _folded(char: str) -> str:
    return char.lower()[:1]  # one for one ("İ" lowers to two)


# What may stand before a book's title besides its names: a label ("[12] "), the names a style
# leaves blank or dashes because they repeat the previous reference's (econ's ", , & ,", "—."),
# the editors' mark and the year ("Attwood, Feona ed. (2010)", "Jones, R. W., eds. , 1997.").
_LABEL = re.compile(r"^\s*\[[^\]]{1,20}\]\s*")
_BLANK_NAMES = re.compile(r"^(?>\s*(?:[—–]{1,3}|-{2,3})\.?|\s*(?:,\s*&|,|&))*\s*")
# A run of them is tried from its start only: right after a whole year or editors' mark, the run
# from that mark (or the blanks before it) was tried already and went on the same way — tried
# from each mark again, a long run would be read once per mark.
_MARK_ENDS = (
    *(rf"{YEARS}{after}" for after in ("", "[a-z]", r"\)", r"[a-z]\)")),
    *(rf"\b[Ee]d{after}" for after in ("", "s", r"\.", r"s\.", r"\)", r"s\)", r"\.\)", r"s\.\)")),
    r"\b[Ee]ditor",
    r"\b[Ee]ditors",
    "Forthcoming",
)
_YEAR_OR_EDITORS = re.compile(
    "".join(f"(?<!{end})" for end in _MARK_ENDS)
    # nor inside a mark's opening parenthesis: "(1999)" is tried from before it
    + r"(?<![\s,.(])"
    + rf"(?:[\s,.]*(?:\(?{YEARS}[a-z]?\)?|\(?\b[Ee]ds?\.?\)?|\b[Ee]ditors?|Forthcoming))+[\s,.:]*$"
)


def _names_before(prefix: str) -> bool:
    """Whether ``prefix`` (a reference's text before its title) holds only names as the
    style prints them, or the blanks and dashes standing for the previous reference's."""
    rest = _YEAR_OR_EDITORS.sub("", _BLANK_NAMES.sub("", _LABEL.sub("", prefix), count=1))
    rest = rest.strip(" ,.:;")
    rest = f"{rest}." if _LAST_INITIAL.search(rest) else rest  # "Wood, A": an initial, not the article
    return not rest or looks_like_names(rest)


_LAST_INITIAL = re.compile(r"(?<![^\W\d_])[A-Z]$")


def _book_title_run(before: str, run: str, after: str, *, ends_title: bool) -> bool:
    """Whether an italic ``run`` with ``before`` and ``after`` it is a book's title after its
    names: only names before it (a run that opens the reference is `_italic_titles`' own case),
    and a separator on each side (a comma, a period, a colon or a year's parenthesis) — an
    italic word inside a title (a species, "Modéliser & *simuler*") has none; on the right, the
    end of the title read (``ends_title``) is one too (econ's "*Title* Ph.D. dissertation"). A
    comma after the run then a word in small letters goes on with the title the run opens (a
    species' name: APA's "*Arabidopsis thaliana*, a model plant of some use"), unless that word
    opens the next field ("*Statistics of random processes. II*, vol. 6 of …")."""
    if _COMMA_SMALL_WORD.match(after) or (run.rstrip().endswith(",") and _SMALL_WORD.match(after)):
        return False
    return (
        bool(before.strip() and _BEFORE_TITLE.search(before))
        and (ends_title or bool(_AFTER_TITLE.search(run) or _AFTER_TITLE.match(after)))
        and _names_before(before)
    )


_BEFORE_TITLE = re.compile(r"(?:^|[,.:;)])\s*$")
# (not a word that opens the next field: "*Statistics of random processes. II*, vol. 6 of …";
# reference-abbreviations.json's after_italic_venue: "vol", "pp", "chapter"; nor an edition's:
# amsplain's "*Algebra*, third ed.", "*Algebra II. Chapters 4–7*, french ed."; nor a link's scheme:
# amsplain's "*Title*, https://arxiv.org/abs/2307.07018, 2023.")
_NEXT_FIELD = (
    rf"(?!(?:{alternation(reference_abbreviations().after_italic_venue)})\b"
    rf"|[a-z]+\s(?:{alternation(reference_abbreviations().editions)})\b|https?:|www\.)"
)
# (from a run of blanks' first, possessive: matched at the start as called, linear when searched too)
_SMALL_WORD = re.compile(rf"(?<!\s)\s*+{_NEXT_FIELD}[a-z]+\b")
_COMMA_SMALL_WORD = re.compile(rf"(?<!\s)\s*+,\s*+{_NEXT_FIELD}[a-z]+\b")
_AFTER_TITLE = re.compile(r"[,.:;]\s*$|^\s*(?:[,.:;(]|$|Vol(?:ume|\.)\s)")  # econ's "*Title* Volume 8"
