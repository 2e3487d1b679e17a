"""Plain lists: one paper per line, as an arXiv id, arXiv URL, DOI, DOI URL or title.

Blank lines and lines starting with ``#`` are skipped; a Markdown table's row of a work is one
item (its title's cell, then its cells of links), its heading and rule none. What a list or
Markdown sets around an item is no part of it: a marker ("- ", "* ", "• ", "1. ", "2) ", "(3) ",
"[4] ", a task's box "- [ ] "), a badge's link ("[[Paper](…)] [[Code](…)]"). A title set apart —
quoted by the list's author, emphasised ("**Title**") or a Markdown link's text ("[Title](https://
arxiv.org/abs/…)") — is read as a style's quoted title is. A line that is exactly one identifier
in any form `bibnorm.identifiers` accepts becomes an id query. A line holding an identifier among
other words ("Title (arXiv:2106.09685)", a Markdown link to its arXiv page or DOI) becomes an id
query that keeps its title, so the run can tell when the id names another work; a whole reference
among the lines (names, pages) is read as one (`refs.read_refs`). Everything else is a title
(whitespace collapsed): the one set apart at the line's start, else the line without the names a
reading list adds after a dash or a period ("— Ho, Jain, Abbeel", ". Wei et al.") and the
venue/year tags ("[CVPR 2022] …", "… (NeurIPS'23)", "…, arXiv preprint", "…, 2023."); a tag's
year is kept as evidence (`base.strip_title_tags`). A line that gives the title among its
authors and venue ("Title. Ashish Vaswani, Noam Shazeer. NIPS 2017", "He, Zhang, Ren, Sun. Title.
CVPR") is read as the title alone (`_without_names_and_venue`).
"""

from __future__ import annotations

import re

from bibnorm.identifiers import not_an_arxiv_id
from bibnorm.models import Origin, Query, QueryKind
from bibnorm.readers._ref_ids import arxiv_id, only_doi, without_ids
from bibnorm.readers.base import (
    MAX_ITEM,
    URL_PATTERN,
    Reader,
    arxiv_doi_id,
    identifier_of,
    oversized,
    strip_title_tags,
)
from bibnorm.text.capitals_words import is_english_word, word_key
from bibnorm.text.markup import MARKDOWN_LINK, unmarked
from bibnorm.text.names import LATIN_CAPITAL
from bibnorm.text.venues import find_venue, names_preprint_server
from bibnorm.text.word_tables import alternation, identifier_labels, name_particles, reading_list_marks

# A bullet, or an item's number of up to three digits (a year, "2021. …", is no item's number),
# before blanks and the item itself; after a bullet, a task list's box ("- [ ] ", "- [x] ").
_LIST_MARKER = re.compile(r"(?:[-*+•·–](?:\s+\[[ xX]\])?|\d{1,3}[.)]|\(\d{1,3}\)|\[\d{1,3}\])\s+(?=\S)")
# A title the list sets apart at the line's start: quoted by its author, or marked by Markdown's
# emphasis or link (`_unmarked` quotes them), then what the line adds ("“Title”, He et al., CVPR"),
# or alone.
_SET_APART = re.compile(r"[“\"]([^“”\"]+)[”\"](?:[\s,.;:–—-]+(?=\S)|[\s,.;:]*$)")
# Names after a title's period that a reading list adds: ". Wei et al.", ". Smith and Jones"
_NAMES_AFTER = re.compile(r"[.,]\s+[A-Z][\w'’-]*+(?:\s(?:and|&)\s[A-Z][\w'’-]*+)?\s+et\s+al\.?$")
_NAME_DASHES = (" — ", " – ", " - ")
# A paper's presentation or award marked beside its title: "(oral)", "[Spotlight]", "(best paper
# candidate)" (`reading-list-marks.json`)
_MARK = re.compile(rf"[(\[]\s*+{alternation(reading_list_marks(), one_blank=True)}\s*+[)\]]", re.IGNORECASE)
_TABLE_RULE = re.compile(r":?-+:?")  # a Markdown table's rule under its heading: "---", ":--:"
# What is left around a title once its identifiers are out: blanks, the marks before where they stood.
_LEFT_AROUND = " \t.,;:–—-|"
# What a reference prints beside its title (pages, a volume, a name's initial, "et al."): a line
# holding these with its identifier is a whole reference, not a title alone.
_A_REFERENCE = re.compile(
    rf"(?<!\d)\d++\s*+[–-]\s*+\d|\b(?i:pp?|vol|no)\.\s*+\d|(?<![^\W\d_]){LATIN_CAPITAL}\.(?=[\s,]|$)|\bet\s+al\b"
)


def read_lines(text: str, path: str) -> list[Query]:
    """One `Query` per non-blank, non-comment line of ``text`` (a Markdown table's row of a work:
    not its heading's nor its rule's)."""
    queries: list[Query] = []
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        item = line.strip()
        if not item or item.startswith("#"):
            continue
        if len(item) > MAX_ITEM:  # refused before any pattern runs over it
            raise oversized(path, number, len(item), "a line")
        # (a table's heading is the row right above its rule, whatever its cells say)
        heading = item.startswith("|") and number < len(lines) and _a_table_rule(lines[number].strip())
        row = (None if heading else _table_row(item)) if item.startswith("|") else item
        if row is None:
            continue
        queries.append(_query(_unmarked(row), line, len(queries), Origin(path=path, line=number)))
    return queries


def _table_row(row: str) -> str | None:
    """A Markdown table's row as one item: the cell of its title (a link's text, else the cell of
    most words) first, then the cells holding a link ("| 2017 | [Title](https://arxiv.org/abs/…) |
    NeurIPS |"); None for a rule ("|---|:---:|") or a row without a link or a cell of three words."""
    cells = _cells(row)
    if not cells or _a_table_rule(row):
        return None
    linked = [cell for cell in cells if "](" in cell or URL_PATTERN.search(cell)]
    titled = [cell for cell in cells if MARKDOWN_LINK.match(cell)] or sorted(
        cells, key=lambda cell: len(cell.split()), reverse=True
    )
    if not linked and len(titled[0].split()) < 3:
        return None
    return "  ".join(dict.fromkeys([titled[0], *linked]))


def _a_table_rule(line: str) -> bool:
    """Whether ``line`` is a Markdown table's rule under its heading ("|---|:---:|")."""
    cells = _cells(line) if line[:1] == "|" else []
    return bool(cells) and all(_TABLE_RULE.fullmatch(cell) for cell in cells)


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip("|").split("|") if cell.strip()]


def _unmarked(item: str) -> str:
    """``item`` without its list marker and Markdown's or HTML's marks (`text.markup.unmarked`: a
    link's text of words and strong emphasis quoted, as a style quotes a title; a badge's or one
    word's link, "[[Paper](…)]", "[Code](…)", its target)."""
    return unmarked(item[marker.end() :] if (marker := _LIST_MARKER.match(item)) else item)


def _title_of_a_line(item: str) -> tuple[str, int | None, tuple[str, ...]]:
    """The title of a line that holds no identifier, the year its tags give and the authors' names
    it prints beside the title: the title the line sets apart at its start, else the line without
    what a reading list adds after a title (names after a dash or a period: "— Ho, Jain, Abbeel",
    "— He et al.", ". Wei et al.") and around it (`_without_names_and_venue`)."""
    title, year = strip_title_tags(" ".join(item.split()))
    apart = _SET_APART.match(title)
    if apart is not None and len(apart.group(1).split()) >= 2:
        return apart.group(1).strip(" ,.;:"), year or strip_title_tags(title[apart.end() :])[1], ()
    title, names = _without_names_and_venue(_NAMES_AFTER.sub("", _without_names_after_a_dash(title)))
    return title, year, names


def _without_names_and_venue(title: str) -> tuple[str, tuple[str, ...]]:
    """A line that gives its title among its authors and venue, as reading lists print a work —
    "Title. Ashish Vaswani, Noam Shazeer. NeurIPS", "He, Zhang, Ren, Sun. Title. CVPR", "Vaswani et
    al., Title" —, as the title: the sentences of names alone (`_names_alone`) before it and after
    it and a known venue's name alone after it left out (`find_venue`); and the names, one a
    person ("others" for "et al."), which the run weighs as a reference's authors. A line where
    nothing would be left, or whose sentences are all a title's, stays as it is."""
    title = _without_links(_without_alias(_without_marks(title)))
    head, lead, rest = title.partition(" et al., ")
    if lead and rest and _names_alone(f"{head} et al."):
        return _without_names_and_venue(rest)[0], _persons(f"{head} et al.")
    sentences = _sentences(title)
    first, last = 0, len(sentences)
    while first < last - 1 and _names_alone(sentences[first]):
        first += 1
    if last - 2 > first and _a_dated_tag(sentences[last - 1]) and _names_alone(sentences[last - 2]):
        last -= 1  # a venue no table knows, after the names: "… Ion Stoica. NSDI 2011."
    while last - 1 > first and _after_a_title(sentences[last - 1]):
        last -= 1
    if (first, last) == (0, len(sentences)):
        return _names_between_commas(title)
    dropped = [*sentences[:first], *sentences[last:]]
    return " ".join(sentences[first:last]).rstrip("."), tuple(
        person for sentence in dropped if _names_alone(sentence) for person in _persons(sentence)
    )


def _names_between_commas(title: str) -> tuple[str, tuple[str, ...]]:
    """A line that gives its authors' names, the title and the venue between commas, as awesome
    lists print a work — names first ("Hanxi Li, Yi Li and Fatih Porikli, DeepTrack: Learning …,
    BMVC") or the title first ("Deep Residual Learning for Image Recognition, Kaiming He, Xiangyu
    Zhang, …, CVPR 2016", "Deep Learning, Yann LeCun, Yoshua Bengio and Geoffrey Hinton") — as
    the title and the names: the parts before the title that are names (`_leading_names`: two or
    more, or two joined by "and"), where the title after them is no name itself, else the parts
    of names after it, and a known venue after both left out. Else the line as it is."""
    parts = title.split(", ")
    while len(parts) > 1 and _venue_alone(parts[-1]):
        parts.pop()
    before = _leading_names(parts)
    if before and not _one_or_two_names(parts[before]):
        kept, names = parts[before:], parts[:before]
    else:
        after = len(parts) - _leading_names(parts[::-1])
        kept, names = parts[:after], parts[after:]
    joined = len(names) == 1 and (" and " in names[0] or "&" in names[0] or "et al" in names[0])
    if not kept or (len(names) < 2 and not joined):
        return title, ()
    return ", ".join(kept), tuple(person for part in names for person in _persons(part))


def _leading_names(parts: list[str]) -> int:
    """How many of ``parts`` (at most all but the last) are names from the first on: each one
    person's or two joined by "and", and all of them together a list of names (`_names_alone`)."""
    named = 0
    while named < min(len(parts) - 1, _MOST_NAMES) and _one_or_two_names(parts[named]):
        named += 1
    while named and not _names_alone(", ".join(parts[:named])):  # (the list as a whole: "Chao Ma, …")
        named -= 1
    return named


# The most parts between commas read as names before a title, each of at most so many characters:
# the list as a whole is weighed again for each part given back, in bounded time
_MOST_NAMES, _LONGEST_NAMES = 40, 80


def _one_or_two_names(part: str) -> bool:
    """Whether a part of a list between commas is shaped as one person's name or two joined by
    "and" ("Jia-Bin Huang", "Xiaokang Yang and Ming-Hsuan Yang")."""
    if len(part) > _LONGEST_NAMES:
        return False
    people = _people(part)
    return len(people) <= 2 and _shaped_as_names(people, [word for person in people for word in person])


def _persons(names: str) -> tuple[str, ...]:
    """An author list's names as printed, one a person, "others" for "et al." (as `Query.authors`)."""
    people = _names(names.strip(" ."))
    cut = [name.removesuffix("et al").strip() for name in people]
    others = ("others",) if any(name != whole for name, whole in zip(cut, people, strict=True)) else ()
    return (*(name for name in cut if name and name.casefold() != "and"), *others)


def _without_marks(title: str) -> str:
    """A title without a paper's presentation or award marked beside it (`_MARK`: "… Generation
    (long talk). Names" → "… Generation. Names")."""
    if _MARK.search(title) is None:
        return title
    return " ".join(_MARK.sub("", title).split()).replace(" .", ".").replace(" ,", ",")


def _without_links(title: str) -> str:
    """A title without the links a line holds (a badge's target, "[[paper](…)]": `_unmarked`)
    and the word that labels one where it is left last ("…, URL:", "Available at:")."""
    if URL_PATTERN.search(title) is None:
        return title
    words = URL_PATTERN.sub(" ", title).split()
    labels = identifier_labels()
    link_words = {*labels.link_words, *labels.link_joiners}
    while words and words[-1].strip(":").casefold() in link_words:
        words.pop()
    return " ".join(words).strip(" ,;:.") or title  # (". Title" where a link opened the line)


def gives_its_title_first(item: str) -> bool:
    """Whether a list's item gives its title first and the authors' names after it, as reading lists
    do ("Attention is All You Need. Ashish Vaswani, Noam Shazeer. NIPS 2017") and references never
    do: a list of such items is one of titles (`refs.looks_like_reference_list`)."""
    sentences = _sentences(" ".join(_without_alias(_unmarked(item)).split()))
    if len(sentences) < 2 or _names_alone(_without_year_after(sentences[0])):
        return False  # (names first, their year after them as APA prints it: "Zhai, X., … (2022).")
    return any(map(_names_alone, sentences[1:3]))


def _without_year_after(sentence: str) -> str:
    """A sentence without the year in parentheses that closes it ("Beyer, L. (2022)." → "Beyer, L.")."""
    head, opened, year = sentence.rstrip(" .").rpartition(" (")
    return head if opened and year.rstrip(")").isdigit() else sentence


def _without_alias(title: str) -> str:
    """A title without the short name a reading list puts before it in parentheses ("(GPT2)
    Language Models are …", "(CBOW & Skip-Gram) Efficient Estimation …"): a name in code, with a
    capital after its first letter, a digit or an ampersand ("(Almost) Everything …" keeps it)."""
    if not title.startswith("("):
        return title
    inside, closed, rest = title[1:].partition(") ")
    coded = any(ch.isdigit() or ch == "&" for ch in inside) or any(
        w[1:] != w[1:].lower() for w in inside.split()
    )
    named = closed and coded and len(inside.split()) <= 5 and rest[:1].isupper() and len(rest.split()) >= 2
    return rest if named else title


def _sentences(text: str) -> list[str]:
    """``text`` cut after each period that ends a sentence: one followed by a space and not
    closing an initial ("A. Vaswani") or "et al."."""
    sentences, start, at = [], 0, text.find(". ")
    while at != -1:
        blank = text.rfind(" ", start, at)  # (the word before it alone: linear in the text)
        word = text[blank + 1 if blank >= 0 else start : at]
        if len(word) > 1 and word.casefold() not in ("al", "vs", "e.g", "i.e", "no", "vol"):
            sentences.append(text[start : at + 1].strip())
            start = at + 2
        at = text.find(". ", at + 2)
    return [*sentences, text[start:].strip()]


def _after_a_title(sentence: str) -> bool:
    """Whether a sentence after a title is what a reading list adds: names, a venue, a date."""
    return _names_alone(sentence) or _venue_alone(sentence) or _a_year_month_tag(sentence)


def _a_dated_tag(sentence: str) -> bool:
    """Whether a sentence is a short tag that ends in a year, its other words capitalised ("NSDI
    2011", "ACM TOCS September 2017"): a venue, as a list tags a paper after its names."""
    words = sentence.strip(" .").split()
    year = words[-1] if words else ""
    return (
        1 < len(words) <= 5
        and len(year) == 4
        and year.isdigit()
        and year[:2] in ("19", "20")
        and all(word[:1].isupper() for word in words[:-1])
    )


def _a_year_month_tag(sentence: str) -> bool:
    """Whether a sentence is a date in parentheses alone, as lists date an arXiv paper by its
    number's year and month: "(2106)", "(2106-biorxiv)"."""
    inside = sentence.strip(" .")
    if not (inside.startswith("(") and inside.endswith(")")):
        return False
    number = inside[1:-1].split("-", 1)[0]
    return number.isdigit() and 2 <= len(number) <= 8


def _venue_alone(sentence: str) -> bool:
    """Whether a sentence names where the work appeared and nothing else: a known venue ("CVPR",
    "Nature"), one's event ("NIPS GAN Workshop 2016", its first word a known venue's), or only
    that it is a preprint ("Preprint", "bioRxiv")."""
    words = sentence.strip(" .,").split()
    if not words or len(words) > 5:
        return False
    if words[-1].isdigit():
        words = words[:-1]  # the event's year
    return bool(words) and (
        find_venue(" ".join(words)) is not None
        or (find_venue(words[0]) is not None and all(word[:1].isupper() for word in words))
        or (len(words) <= 2 and names_preprint_server(" ".join(words)))
    )


def _without_names_after_a_dash(title: str) -> str:
    for dash in _NAME_DASHES:
        head, found, tail = title.rpartition(dash)
        if found and head.strip() and _names_alone(tail):
            return head.strip()
    return title


def _names_alone(text: str) -> bool:
    """Whether ``text`` is an author list as reading lists give it: "He et al.", "Ho, Jain, Abbeel",
    "Kingma & Ba", "Smith and Jones", "Kaiming He, Ross Girshick", "Matthew E. Peters, Mark Neumann,
    …, Kenton Lee and Luke Zettlemoyer" (not "A Survey, Part One": one comma, words of a title; nor
    "Vision, Language, Action": ordinary English words)."""
    people = _people(text)
    named = [word for person in people for word in person]
    if not _shaped_as_names(people, named):
        return False
    # A title in title case is of ordinary English words ("Vision, Language, Action"), names seldom
    # are: the longer words decide (initials and short family names, "M.", "Le", "He", are English
    # words too), unless an initial says they are names ("Abigail See, Peter J. Liu": "peter" and
    # "manning" are English words).
    initialled = any(len(word) == 2 and word.endswith(".") for word in named)
    longer = [word_key(word.strip(".")) for word in named if len(word.strip(".")) >= 4]
    english = sum(map(is_english_word, longer))
    if not initialled and 2 * english > len(longer):
        return False
    return _one_person(people, initialled, english) or _listed(text, people)


def _one_person(people: list[list[str]], initialled: bool, english: int) -> bool:
    """Whether one name alone is a person's: two or three words, none an English one ("Igor
    Mordatch", not "ImageNet Classification") and none an acronym ("In CVPR")."""
    if len(people) != 1 or not 2 <= len(people[0]) <= 3:
        return False
    acronym = any(len(word) > 2 and word.isupper() for word in people[0])
    return not acronym and (initialled or not english)


def _shaped_as_names(people: list[list[str]], named: list[str]) -> bool:
    """Capitalised words, one to four a person; a long run of words only between three names or more."""
    if not named or not all(word[:1].isupper() for word in named):
        return False
    return all(1 <= len(person) <= 4 for person in people) and (len(named) <= 8 or len(people) >= 3)


def _people(text: str) -> list[list[str]]:
    """The words of each person's name in an author list (between commas, "and" and "&"), without
    name particles ("Gido M. van de Ven") and "et al."."""
    skipped = {*name_particles().particles, "and", "et", "al.", "al"}
    return [kept for name in _names(text) if (kept := [word for word in name.split() if word not in skipped])]


def _names(text: str) -> list[str]:
    """An author list's names, one a person: the parts between commas, "and" and "&"."""
    return [name.strip() for name in text.replace(" and ", ",").replace("&", ",").split(",") if name.strip()]


def _listed(text: str, people: list[list[str]]) -> bool:
    """Whether ``people`` are listed as authors are: with "et al.", three names or more, two joined
    by "and" or "&", or given names and family names of two or three words each ("Kaiming He,
    Ross Girshick")."""
    joined = " and " in text or "&" in text
    full = ("," in text or joined) and all(2 <= len(person) <= 3 for person in people)
    two = joined and sum(map(len, people)) == 2
    return "et al" in text or text.count(",") >= 2 or two or full


def _query(item: str, line: str, index: int, origin: Origin) -> Query:
    arxiv, doi = identifier_of(item)
    if arxiv:
        return Query(
            index=index,
            origin=origin,
            kind=QueryKind.ARXIV_ID,
            arxiv_id=arxiv.id,
            arxiv_version=arxiv.version,
            doi=doi,
            raw=line,
        )
    if doi:
        return Query(index=index, origin=origin, kind=QueryKind.DOI, doi=doi, raw=line)
    if not_an_arxiv_id(item):
        # Shaped like an id but not one ("9999.99999"): reported as such, never searched as a title.
        return Query(index=index, origin=origin, kind=QueryKind.ARXIV_ID, arxiv_id=item, raw=line)
    inside = _with_identifier_inside(item, line, index, origin)
    if inside is not None:
        return inside
    # A URL that names no paper we can look up is still kept, so the user sees it
    # reported as unresolved instead of silently dropped.
    urls = tuple(URL_PATTERN.findall(item))
    title, year, names = _title_of_a_line(item)
    return Query(
        index=index,
        origin=origin,
        kind=QueryKind.TITLE,
        # The line itself when it is the title already: one string an item, not two.
        title=line if title == line else title,
        year=year,
        urls=urls,
        raw=line,
        authors=names,
        author_names=tuple(
            word for name in names if name != "others" for word in name.split() if len(word) > 1
        ),
    )


def _with_identifier_inside(item: str, line: str, index: int, origin: Origin) -> Query | None:
    """The query of a line holding an identifier among other words, for the run to weigh the id's
    record against the title it keeps; None for a line without one. A title alone beside the id
    ("Show, Attend and Tell: … (arXiv:1502.03044)", "**Title** - Smith et al. [[Paper](…)]") is the
    title as `_title_of_a_line` reads it: the reference reader would take its first words for names
    ("Show,", "Swin UNETR:") that the record then lacks. A whole reference (pages, a volume, names'
    initials or "et al.", or what `refs.looks_like_reference` takes for names, a year and a title,
    beside a title not set apart) is read as one (`refs.read_refs`)."""
    arxiv, doi = arxiv_id(item), only_doi(item)
    arxiv = arxiv or arxiv_doi_id(doi)
    if arxiv is None and doi is None:
        return None
    from bibnorm.readers.refs import looks_like_reference, read_refs  # local: the reader loads its model

    rest = " ".join(without_ids(item).split())
    whole = _A_REFERENCE.search(rest) is not None or looks_like_reference(rest)
    if _SET_APART.match(rest) is not None or not whole:
        title, year, _ = _title_of_a_line(
            rest.strip(_LEFT_AROUND)
        )  # (the id's record is weighed by its title)
        return Query(
            index=index,
            origin=origin,
            kind=QueryKind.ARXIV_ID if arxiv else QueryKind.DOI,
            arxiv_id=arxiv.id if arxiv else None,
            arxiv_version=arxiv.version if arxiv else None,
            doi=doi,
            title=title.strip(_LEFT_AROUND) or None,
            year=year,
            urls=tuple(URL_PATTERN.findall(item)),
            raw=line,
        )
    read = read_refs(item, origin.path)
    if len(read) != 1:  # more than one reference on the line: none of them is the line's
        return None
    return read[0].model_copy(update={"index": index, "origin": origin, "raw": line})


READER = Reader(
    name="lines",
    description="one arXiv id, arXiv URL, DOI, DOI URL or title per line; '#' starts a comment line",
    read=read_lines,
    suffixes=(".lst", ".list"),
)
