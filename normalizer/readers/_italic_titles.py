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
  that run, the run is the title (the parser took the place and publisher after it).

- when a reference opens with an italic run (no names: a manual, a standard, a periodical),
  that run is the title;
- when the title read is a multi-volume work's, and "Vol. B:" and another italic run follow
  it, that run (the volume's own title: "*Computers & Typesetting*. Vol. B: *TeX: The
  Program*") is the title.

An italic run that is no title (a journal's name after an upright article title, APA's
"*Journal*, 5(2)") is left alone: it neither holds the title read nor comes before it.
The reference's raw text stays as the PDF prints it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bibnorm.models import Query
from bibnorm.readers._reflist import ReferenceList
from bibnorm.readers.refs import OriginOf, name_like, parse_reference, queries_from_list

StyledLine = tuple[str, Sequence[tuple[int, int]]]
"""A line's text and the (start, end) of each italic run in it."""

_QUOTES = re.compile(r"[“”\"«»]|``|''")
# "(ed Family, I.)" soon after the title, or after a volume's title ("*Work.* C: *Volume* 3rd ed. (eds …")
_EDITORS_AFTER = re.compile(r"[^()]{0,80}\(eds? ")
_MIN_LETTERS = 4  # an italic run shorter than this ("ed.", "et al.") is no title


def italic_runs(lines: Sequence[StyledLine]) -> list[str]:
    """The italic runs of a reference's lines, a run that ends its line joined to one that
    starts the next (a title wrapped across lines)."""
    runs: list[str] = []
    goes_on = False
    for text, spans in lines:
        for start, end in spans:
            run = text[start:end]
            if goes_on and start == 0 and runs:
                runs[-1] = f"{runs[-1]} {run}"
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
    queries = queries_from_list(
        references._replace(
            items=[item._replace(text=text) for item, text in zip(references.items, quoted, strict=True)]
        ),
        origin_of,
    )
    return [
        query.model_copy(update={"raw": item.text})
        for query, item in zip(queries, references.items, strict=True)
    ]


def _quote_title(text: str, runs: Sequence[str]) -> str:
    """``text`` with its italic title quoted, where its runs show one the text does not."""
    if not runs or _QUOTES.search(text):
        return text
    read = parse_reference(text).title
    title = read or text  # none read: the whole text holds the title
    placed = [found for run in runs if (found := _find(run, text)) is not None]
    for number, (start, end) in enumerate(placed):
        run = _letters(text[start:end])
        if len(run) < _MIN_LETTERS:
            continue
        volume = _volume_after(text, placed, number)
        if volume is not None and (
            _letters(title) in run or _letters(text[slice(*volume)]) in _letters(title)
        ):
            return _if_read(text, *volume)
        title_at = _find(title, text)
        extends = (
            _letters(title) in run
            and len(run) > len(_letters(title))
            and _subtitle_after(text[start:end], title)
        )
        comes_before = number == 0 and start > 0 and title_at is not None and title_at[0] >= end
        # no names: a title opens the reference — unless the editors follow it, which the parser
        # reads as the names (Nature's "*Title* 3rd edn (eds Family, I. & …) (Publisher, 2006)")
        opens = number == 0 and not text[:start].strip() and not _EDITORS_AFTER.match(text, end)
        # a title read that runs on from the run into what follows a title upright: a report's
        # kind and number ("*Radioisotope Data* UKAEA Research Group Report AERE-R 2938", Nature)
        # or, after a title of a few words, its publisher ("*Porn.com: Making Sense of Online
        # Pornography:* Peter Lang", econ without an address)
        upright = text[end : title_at[1]] if title_at is not None and title_at[0] == start else ""
        numbered = bool(upright) and (
            _NUMBERED_TAIL.match(upright) is not None
            or (len(text[start:end].split()) >= 3 and _PUBLISHER_TAIL.match(upright) is not None)
        )
        # the names, then the italic title, all joined by commas (amsplain, SIAM: "Martín Abadi,
        # *Access control in a core calculus of dependency,* International Conference on …")
        after_names = (
            number == 0
            and title_at is not None
            and title_at[0] <= start < end <= title_at[1]
            and _names_before(text[:start])
            # with no title read, not a journal's name before its volume (Science: "G. Booth, J.
            # Chatt, *J. Chem. Soc.* 2099–2106 (1962)")
            and (read is not None or _WORDS_AFTER.match(text, end) is not None)
        )
        if extends or comes_before or opens or numbered or after_names:
            return _if_read(text, start, end)
    return text


_PUBLISHER_TAIL = re.compile(r"[\s.,:]+(?:[A-Z][\w.&'’-]*\s?){1,4}$")  # capitalised words alone
_NUMBERED_TAIL = re.compile(
    r"[\s.,]+[A-Z]\S*(?:\s\S+){0,6}\s[\w/-]*\d[\w/.-]*$"
)  # capitalised, a number last


_WORDS_AFTER = re.compile(r"[\s.,:;]*[^\W\d_]")


def _names_before(text: str) -> bool:
    """Whether ``text`` (what comes before an italic run) is a list of names and a comma, or
    the rule or dash a style prints for the previous reference's names (", ")."""
    names = text.rstrip(" ,")  # a name of one word ("ABSPACK, *CrysAlis CCD*") may open the title
    return text.rstrip() != names and (not names.strip(" —–-") or (" " in names and name_like(names)))


def _volume_after(text: str, placed: Sequence[tuple[int, int]], number: int) -> tuple[int, int] | None:
    """The italic run of a volume's own title right after the run ``number`` of a multi-volume
    work's title ("*Computers & Typesetting*. Vol. B: *TeX: The Program*"), if there is one."""
    if number + 1 >= len(placed):
        return None
    start, end = placed[number + 1]
    return (start, end) if _VOLUME.fullmatch(text[placed[number][1] : start]) else None


# "Vol. B:" (biblatex), ", vol. C:" (Science), ". Vol. 3," (ISO 690)
_VOLUME = re.compile(r"[\s.,]*[Vv]ol\.\s+[\w.]+[:,]\s*")


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
_ABBREVIATION = re.compile(r"\b[A-Z][a-z]{0,2}$")  # "No", "Vol", "Pt": cut at its period


def _if_read(text: str, start: int, end: int) -> str:
    """``text`` with its part from ``start`` to ``end`` quoted, when the parser reads that
    part as the title then; else ``text``."""
    body = text[start:end].rstrip(" .,:;")
    quoted = f"{text[:start]}“{body}”{text[start + len(body) :]}"
    read = parse_reference(quoted).title
    return quoted if read is not None and _letters(read) == _letters(body) else text


def _find(part: str, text: str) -> tuple[int, int] | None:
    """Where ``part`` is in ``text`` (start, end), by their letters and digits alone: white
    space and a line end's hyphen may differ."""
    wanted = "".join(_folded(char) for char in part if char.isalnum())
    at = [index for index, char in enumerate(text) if char.isalnum()]
    found = "".join(_folded(text[index]) for index in at).find(wanted) if wanted else -1
    if found < 0:
        return None
    end = at[found + len(wanted) - 1] + 1
    closing = _CLOSING.search(part.rstrip(" .,;:"))  # "(MC68175/D),": the bracket is the part's too
    return at[found], end + len(closing.group()) if closing and text.startswith(closing.group(), end) else end


_CLOSING = re.compile(r"[)\]]+$")


def _folded(char: str) -> str:
    return char.lower()[:1]  # one for one ("İ" lowers to two)


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()
