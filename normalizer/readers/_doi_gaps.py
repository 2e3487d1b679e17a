"""DOIs with a gap in the text: what a narrow column and a link's break points do to them.

A bare DOI: TeX may break a DOI or URL after its slashes, hyphens and dots, and in a justified
line it stretches it there; PDFium then gives a space where the gap is ("10.1088/0305-4470/30/23/
004", "10.1186/1471- 2148- 8- 289", "10.1111/biom . 13276", "10 . 34780/5CB1-3X71"), and a line
break joined back leaves one too ("doi: 10" / ".1006/nimg…" is "10 .1006/nimg…"; natbib's "doi:
10.1051/jp1: 1995201", "10.1023/A: 1018983601518"; "10.1 145/3212695", a break inside the
registrant's number). A gap is closed only where no DOI can end:
after a slash, a hyphen or a colon before a digit, after a slash before a part with a digit, a
dot or a slash ("10.1111/ j.1365-2958.2006.05172.x": no DOI ends with its slash), after the closing
parenthesis of a part the DOI opened ("(90) 90060-d") and before it ("6736(20 )30183-5"), before
an underscore ("978-3-319-24574-4 _28"), around a dot set apart (" . ") and before a slash
("10.1093 /pan / mph023"); a hyphen before a dot
is a word processor's, where its line broke ("j.cell.2015.05- .002" is "j.cell.2015.05.002"), and a
backslash before a space and a digit is LaTeX's ``\\_`` whose underscore the link lost
("…10694-4\\ 24"). A DOI followed by a sentence ("10.1234/abc. Title") keeps its space, and so does
one a dot set apart follows before the next field, a link or a word of prose (Springer Nature's
"…3286262 . Publisher Copyright", "…3705343 . https://doi.org/…").

A DOI printed as a link (``https://doi.org/10.…``, APA's form) is set with break points after its
"/", "." and "-" (biblatex, hyperref's ``\\url``), and a PDF's text then holds a space at each
point the line could break or did: "https://doi. org/ 10. 3886/ ICPSR335531.v3",
"https://doi.org/10.1007/978 -1 -4419 - 57160_6". After a ``doi.org/`` link's prefix, such a space
is no end of the DOI: one after a "/" or a "-", one before a "-", and one after a "." when a digit
or a lower-case letter follows ("10. 1159/"); a space before anything else (a parenthesis, a
capital after a period: "… .v3 (Original work") ends it. A link to a publisher's page that the
DOI names is read so too ("…wiley.com/doi/pdf/10.1111/ 2041 - 210X . 13727").

A link's scheme a space parts from the rest ("https: //doi.org/…", "https: //dl.acm.org/…", ACM's
reference format) is one link again.

`closed_doi_gaps` closes them all (links first): a DOI read up to a gap is read cut short, and a
truncated DOI is a wrong one.
"""

from __future__ import annotations

import re

from bibnorm.text.word_tables import alternation, identifier_labels, landing_pages

# (a line may break inside the registrant's number too: "doi: 10.1" / "145/3212695", whose rest is
# no DOI of its own)
_START = re.compile(r"\b10 ?\. ?\d(?: ?\d){3,8} ?/ ?")
_GAP = re.compile(
    r"(?:(?<=[/:-])|(?<=\)))( )(?=\d)|(?<=/) (?=[\w-]*[\d./])| (\.) (?=\w)|( )(?=_[^\W_])"
    r"|(?P<close> )(?=\)[^\W_])|(?<=-)(?P<hyphenated> )(?=\.[^\W_])| (?P<slash>/) ?(?=\w)"
    r"|(?<=\\)(?P<escaped> )(?=\d)"
)
_SPACED_SCHEME = re.compile(r"\b(https?):\s+//")


def closed_doi_gaps(text: str) -> str:
    """``text`` with the gaps of each DOI in it closed, a link's and a bare one's (see the module
    docstring)."""
    text = _joined_doi_links(_SPACED_SCHEME.sub(r"\1://", text))
    pieces: list[str] = []
    done = 0
    for start in _START.finditer(text):
        if start.start() < done:
            continue
        end = start.end()
        doi = start.group().replace(" ", "")
        while True:
            token = re.match(r"\S*", text[end:]).group()  # type: ignore[union-attr]
            doi, end = doi + token, end + len(token)
            gap = _GAP.match(text, end)
            closed = None if gap is None else _across(doi, gap, text)
            if closed is None:
                break
            doi, end = closed, gap.end()  # type: ignore[union-attr]
        pieces += [text[done : start.start()], doi]
        done = end
    return "".join(pieces) + text[done:]


def _across(doi: str, gap: re.Match[str], text: str) -> str | None:
    """``doi`` read on across ``gap`` (up to the word after it), or None where the gap ends it."""
    if gap.group(1) and doi.endswith(")") and "(" not in doi:
        return None
    if gap.group("close") and doi.count("(") <= doi.count(")"):
        return None  # a parenthesis after it is none of it unless it closes one the DOI opened
    if gap.group(2) and _no_part_of_it(text, gap.end()):
        return None  # "….3705343 . https://doi.org/…", "… . Publisher Copyright": the next field
    if gap.group("hyphenated"):
        doi = doi[:-1]  # a word processor's hyphen where the line broke, before a dot
    if gap.group("escaped"):
        doi = doi[:-1] + "_"  # LaTeX's "\_" in a link, its underscore lost: "…10694-4\ 24"
    return doi + (gap.group(2) or gap.group("slash") or "")


def _no_part_of_it(text: str, start: int) -> bool:
    """Whether the word at ``start``, after a dot set apart, is what follows a DOI, not its
    next part: another field or a link ("url:", "https://…"), or a word of prose ("Publisher",
    "International", "Micro- and Nano-Engineering"; a part of a DOI holds a digit or is a letter or
    two: "13276", "x")."""
    word = _TOKEN.match(text, start)
    return word is not None and bool(
        _ANOTHER_FIELD.match(word.group()) or _PROSE.fullmatch(word.group().removesuffix("-"))
    )


# A doi.org link, its break points maybe spaced; or a publisher's page named by the DOI
# ("…wiley.com/doi/pdf/10.1111/ 2041 - 210X . 13727"), whose path is kept as it is (its words
# from landing-pages.json).
_LINK = re.compile(
    r"https?\s?:\s?/\s?/\s?(?:dx\.\s?)?doi\.\s?org\s?/\s?(?=10\.\s?\d)"
    rf"|(?P<page>/doi/(?:{alternation(landing_pages().paths)}/)?)(?=10\.\d)"
)
_TOKEN = re.compile(r"\S+")
_NEXT = re.compile(r"\s+(\S+)")
_PROSE = re.compile(r"[A-Z]?[a-z]{2,}[.,;:]?")  # a word: "Accessed", "see"; not "D-11", "m6dd", "ICPSR"
# A field's label or a link after the DOI ("url:", "eprint:", "https://…", "www.…"), glued or not.
_ANOTHER_FIELD = re.compile(rf"(?i)(?:https?:|www\.|{alternation(identifier_labels().labels)}:)")
_LONE_NUMBER = re.compile(r"[1-9]\d{0,3}\.?")  # no line's or page's number opens with a zero


def _joined_doi_links(text: str) -> str:
    """``text`` with each ``doi.org`` link's DOI written without the spaces of its break points."""
    pieces: list[str] = []
    position = 0
    for link in _LINK.finditer(text):
        if link.start() < position:
            continue
        token = _TOKEN.match(text, link.end())  # a DOI's "10." follows every link (`_LINK`)
        doi, end = token.group(), token.end()  # type: ignore[union-attr]
        while (following := _NEXT.match(text, end)) is not None:
            after = _NEXT.match(text, following.end())
            word = after.group(1) if after else ""
            if not _goes_on(doi, following.group(1), word, last=after is None):
                break
            doi, end = doi + following.group(1), following.end()
        pieces += [text[position : link.start()], link.group("page") or "https://doi.org/", doi]
        position = end
    return "".join([*pieces, text[position:]])


def _goes_on(doi: str, following: str, after: str, *, last: bool) -> bool:
    """Whether the DOI read so far goes on across a space with the ``following`` word (``after``:
    the word after that; ``last``: ``following`` is the text's last word, where a number alone
    may be a page's or a line's number glued on). A word of prose is no part of it: "… - Accessed
    2020" ends the DOI before its dash, where "JCLI - D-11-00123.1" goes on."""
    if _ANOTHER_FIELD.match(following):
        return False  # "….650594. url: http://…": the next field, or another link
    if following.startswith("-"):
        return not _PROSE.fullmatch(following[1:] or after)
    if doi.endswith(("/", "-")):
        return following[0].isalnum() and not _PROSE.fullmatch(following)
    if last and _LONE_NUMBER.fullmatch(following):
        return False  # "…/j.cag.2004.08.009. 1": no telling whether the 1 is the DOI's
    return (
        doi.endswith(".")
        and (following[0].isdigit() or following[0].islower())
        and not _PROSE.fullmatch(following)
    )
