"""The identifiers a reference prints: its arXiv id and its DOI, read whole or not at all.

A DOI or an arXiv id read cut short names another work: a wrong identifier is worse than none.
A DOI is read only where it ends where a DOI can (not inside a word, not after "-", "/", "_",
":" or "(", not before a lone number: a typewriter font's underscore printed as a space, nor
before a word that goes on as a DOI does, "10.1016/j.jhydrol.20 19.123456": a link TeX broke
inside a word), with its parentheses paired, and not where the text holds another DOI (two
references run together) — the same DOI again, in its link, is none other: case is no
difference, nor a publisher's landing page after it ("/html"), nor an underscore the field
printed as a space. What is glued to its end is none of it: a PubMed number
("…aaa8415.PMID:26089511"), a review copy's line number after the volume, issue and first page
the reference prints ("…pnas.73.11.3852.632" of "73(11):3852-6"). A SICI DOI keeps its "<", ">"
and ";" ("…(199803)19:4<377::AID-JCC1>3.0.CO;2-P", "…(1999)056<3302:TROTLS>2.0.CO;2"), the ESA's
its brackets ("…(2006)87[1465:ATTFHF]2.0.CO;2").
Stretched and broken DOIs are closed first (`bibnorm.readers._doi_gaps`). Where a registrant
mints its DOIs by a rule, the rule tells where one ends (`bibnorm.text.doi_shapes`): a whole
one is not run on into a number after it ("…/nature11993 23446346", a PubMed id), one that is
not whole goes on over the words a line break or a spacing font set apart ("s42256-0 20-00257-z"),
keeps or drops a hyphen at the break as the rule says, and loses the word glued on it
("…1020271Epub"); where no rule tells, a doubt leaves it unread.

An arXiv id is read after "arXiv:", in an arxiv.org link or dblp's "CoRR abs/" (biblatex spaces
its dot: "arXiv: 1008 . 2849v1"; a line break after the dot or an old-style id's slash leaves a
space: "arXiv:2303. 08774"), an old-style one by its archive, or, in a reference that names
arXiv, the one new-style id it holds alone ("(1805.12177)"); never one a digit or a ".632" is
glued to, and none where the reference names two different ids.
"""

from __future__ import annotations

import re

from bibnorm.identifiers import (
    OLD_STYLE_ARCHIVES,
    ArxivId,
    canonical_doi,
    isbn_has_valid_check_digit,
    parse_arxiv_id,
)
from bibnorm.readers._doi_gaps import closed_doi_gaps
from bibnorm.readers._ref_apa import REPRINT
from bibnorm.text.capitals_words import is_english_word, word_key
from bibnorm.text.doi_shapes import doi_shape
from bibnorm.text.titles import title_words
from bibnorm.text.word_tables import alternation, identifier_labels, landing_pages, visit_dates

OLD_STYLE_ID = r"[a-z-]+(?:\.[A-Z]{2})?/\d{7}"  # "hep-th/0106109", "math.AG/0309136"
_ARCHIVES = "|".join(sorted(map(re.escape, OLD_STYLE_ARCHIVES)))
ARXIV = re.compile(
    # (biblatex's French sets the colon apart, "arXiv : 2406 . 02175"; ACM's and some physics styles
    # print the primary class before a new-style id, "arXiv:cs.DC/1802.08021v1")
    r"(?i)(?:arXiv(?:\s?:)?\s*(?:[a-z-]+(?:\.[A-Z]{2})?/(?=\d{4}\.))?|arxiv\.org/(?:abs|pdf)/|\beprint:\s*)"
    # (biblatex spaces an id's dot as it spaces a DOI's, "arXiv: 1008 . 2849v1"; a line broken
    # after the dot leaves a space, "arXiv:2303. 08774", never before a year)
    # (or a line broken inside its number, "arxiv.org/abs/2201.1" / "1903": `_ID_REST` joins it)
    r"((?:\d{4}(?: \. |\.\s?(?!(?:19|20)\d\d(?!\d)))\d{4,5}|\d{4}\.\d{1,3}(?=\s\d)"
    r"|[a-z-]+(?:\.[A-Z]{2})?/\s?\d{7})(?:v\d+)?)"
    # (no digit glued after it, nor a number after a dot: "2106.045602" and "1706.03762.632" are an
    # id and a line number, or a typo, not 2106.04560)
    r"(?!\d|\.\d)"
    # An old-style id needs no prefix: its archive names it ("hep-th/0106109", "math.AG/0309136").
    rf"|(?<![\w/.-])((?:{_ARCHIVES})(?:\.[A-Z]{{2}})?/\d{{7}}(?:v\d+)?)\b"
)
# dblp's CoRR entries as styles print them: "CoRR abs/1810.04805", IEEE's "CoRR, vol. abs/1810.04805"
# (kept in the text the title and venue are read from: "CoRR" is the venue); Semantic Scholar's
# as ACL's styles print them, "ArXiv, abs/1911.02929".
_CORR = re.compile(r"\b(?:CoRR|(?i:arxiv)),?\s+(?:vol\.\s+)?abs/(\d{4}\.\d{4,5}(?:v\d+)?)(?!\d|\.\d)")
# (a period and a bracket glued on end it: "…/1541880.1541882.[Zugriff am: 19. August 2025]"; so
# does a backslash, but LaTeX's escaped underscore: a .bib's "\n" between two links, TeX's
# "$\delimiter" in a field)
DOI = re.compile(r"\b(10\.\d{4,9}/(?:[^\s\"<>,;.\\]|\\_|\.(?!\[))+[^\s\"<>,;.)\]'’”\\])")
# A SICI DOI holds "<", ">" and ";": "10.1002/(SICI)1096-987X(199803)19:4<377::AID-JCC1>3.0.CO;2-P",
# the AMS's "10.1175/1520-0469(1999)056<3302:TROTLS>2.0.CO;2" (its check character "#" too).
# A PDF may print its angle brackets as mathematical ones ("19:4⟨377::AID-JCC1⟩3.0.CO;2-P").
SICI_DOI = re.compile(
    # (a line broken after its "::" leaves a space: "8:4⟨194:: AID-HBM4⟩3.0.CO;2-C"; the ESA's
    # journals bracket the item's code: "10.1890/0012-9658(2006)87[1465:ATTFHF]2.0.CO;2")
    r"\b(10\.\d{4,9}/(?:[^\s\"<>⟨⟩\[\]]*[<⟨\[][^\s\"<>⟨⟩\[\]]+(?:(?<=::) [^\s\"<>⟨⟩\[\]]+)?[>⟩\]]"
    r"\d\.\d\.(?i:co);\d(?:-[0-9A-Za-z#])?"
    r"|\(SICI\)\S+[^\s.,)\]]))"
)
_ANGLES = str.maketrans("⟨⟩〈〉", "<><>")
# A DOI some fonts space out when copied: "10 . 1016 / j . annpal . 2019 . 01 . 001" (only the
# spaced " . ", " / " and " - " between its parts: "10.1016/x. Title" is no spaced DOI; a
# hyphen spaced too, "10 . 1027 / 1618 - 3169/a000440", is no end of it).
_SPACED_DOI = re.compile(r"\b10 \. \d{4,9} / [\w-]+(?: [./-] [\w-]+(?:/[\w.-]*\w)?)*")
# (up to a period and a bracket glued on: "…/document/7312772.[Zugriff am: 19. August 2025]")
URL = re.compile(r"(?:https?://|www\.)(?:[^\s.]|\.(?!\[))+")
# A link in square brackets, which go with it: BMC's "Amazon CloudFront:[[http://aws.amazon.com/cloudfront/]]."
# (its doubled brackets left as the title's end "Amazon CloudFront:[[").
_BRACKETED_LINK = re.compile(r"\[{1,2}(?:https?://|www\.)[^\s\[\]]*+\]{0,2}")
# A doi.org link with its slash escaped: "https://doi.org/10.1038%2Fnature14539".
_ESCAPED_SLASH = re.compile(r"(?i)(doi\.org/10\.\d{4,9})%2F")


def joined_dois(text: str) -> str:
    """``text`` with its spaced, stretched or broken DOIs written whole."""
    text = _ESCAPED_SLASH.sub(r"\1/", text)
    return closed_doi_gaps(_SPACED_DOI.sub(lambda m: re.sub(r"\s+", "", m.group(0)), text))


# What a DOI's label keeps once the DOI and the links after it are taken out, in a field between
# commas (Copernicus' and the AGU's "…, 17, doi:10.1029/2001GB001745, 2003.", "…, 149–174,
# doi:10.1002/2015GB005289, http://dx.doi.org/…, 2015GB005289, 2016."): the label, the empty
# fields after it and a piece of the DOI a line's break parted from it ("doi:10.1029/2001GB001 745,");
# a label before the sentence's end is left ("…, 2015. doi:10. 13140/RG.2.2.16830.18243.")
_EMPTY_DOI_LABEL = re.compile(r"\b(?i:doi):\s++(?:[^\s,]++)?+(?=\s*+,)(?:\s*+,)*+")


def joined_links(text: str) -> str:
    """``text`` with each link a font spaced out written whole: "https : / / en . wikipedia . org /
    wiki / Delaunay _ triangulation" (a typewriter font PDFium reads letter by letter), "https://
    spectrum.ieee.org/ what-is-deepfake" (spaced at its slashes). The link runs over the pieces
    that go on as a link does (`_spaced_link_end`), its last period the sentence's. A link to a
    DOI or an arXiv id is left as printed: its identifier is read as such (`joined_dois`,
    `ARXIV`), never from a link this guesses the end of."""
    joined: list[str] = []
    at = 0
    for scheme in _SPACED_SCHEME.finditer(text):
        if scheme.start() < at or not any(char.isspace() for char in scheme.group(0)):
            continue  # written whole: the link reads as it is
        end = _spaced_link_end(text, scheme.end())
        link = "".join(text[scheme.end() : end].split())
        if _IDENTIFIER_LINK.search(link):
            continue
        kept = link.rstrip(".,;:")
        joined += [text[at : scheme.start()], f"{scheme.group(1)}://{kept}", link[len(kept) :]]
        at = end
    return "".join(joined) + text[at:] if joined else text


# A link's scheme, spaced out or followed by a space: "https : / / ", "http: //", "https:// "
_SPACED_SCHEME = re.compile(r"\b(https?)\s?:\s?/\s?/\s?")
_LINK_TOKEN = re.compile(r"[\w~%+.,/?=&#:@-]+")  # what a link's piece is made of ("[Online" is none)
_LINK_PUNCTUATION = "./_?=&#:@-~%+"  # what joins a link's pieces: a piece ends or opens with one
_NEXT_LINK = re.compile(r"(?i)https?(?::|$)")  # another link's scheme: "….pdf. https : / / …"
_IDENTIFIER_LINK = re.compile(r"(?i)doi\.org/|arxiv\.org/|10\.\d{4,9}/")


def _spaced_link_end(text: str, start: int) -> int:
    """Where a link spaced out from ``start`` ends: at the first token (a run without spaces)
    that is no link's piece or opens another link, or that goes on from the one before neither by
    a link's punctuation (a separator set apart, "wiki / Delaunay", or glued to either: "play.
    google.", "tipps- und-") nor as a word in lower case does (a file's name with its spaces,
    "Analisis crecimiento expansion urbana.pdf"): "triangulation Accessed", "….html. 2011." end it —
    after a period glued to a piece, the sentence's or the link's, only a lower-case word goes on."""
    end = start
    previous = "/"
    for token in re.finditer(r"\S+", text[start:]):
        piece = token.group(0)
        if not _LINK_TOKEN.fullmatch(piece) or _NEXT_LINK.match(piece) or not _goes_on(previous, piece):
            break
        end, previous = start + token.end(), piece
    return end


def _goes_on(previous: str, piece: str) -> bool:
    """Whether a link's ``piece`` goes on from the ``previous`` one (`_spaced_link_end`)."""
    if piece[0] in _LINK_PUNCTUATION or piece[0].islower():
        return True
    return previous[-1] in _LINK_PUNCTUATION and (len(previous) == 1 or previous[-1] != ".")


def without_ids(text: str) -> str:
    """``text`` without its arXiv ids, DOIs, links and Math Reviews numbers (what the title, names
    and years are read from), and without a DOI's label left empty between commas."""
    # Links first: an arXiv or DOI link taken out by its id would leave its "https://" behind.
    bare = DOI.sub(" ", SICI_DOI.sub(" ", ARXIV.sub(" ", URL.sub(" ", _BRACKETED_LINK.sub("", text)))))
    bare = _MATH_REVIEWS.sub(" ", bare) if "MR" in bare else bare
    bare = _EMPTY_BRACKETS.sub(" ", bare) if "(" in bare or "[" in bare else bare
    return _EMPTY_DOI_LABEL.sub(" ", bare) if "," in bare else bare


# Brackets an id stood alone in: "Attention is all you need (arXiv:1706.03762)".
_EMPTY_BRACKETS = re.compile(r"\(\s*+\)|\[\s*+\]")


# A Math Reviews number, which the AMS styles print last (amsplain's "MR 1922099 (2003f:32029)",
# "MR MR0145557 (26 #3088)", "MR 91g:22001"): the review's year and volume in it are no year of
# the work's.
_MATH_REVIEWS = re.compile(
    r"(?<!\w)MR\s?+(?:MR)?\d{2,7}[a-z]?(?::\d{3,6})?(?:\s?+\((?:\d{2,4}[a-z]?:\d{3,6}|\d{1,3}\s?+#\s?+\d{1,6})\))?"
)


def arxiv_id(text: str) -> ArxivId | None:
    """The reference's arXiv id: one after "arXiv:", in an arxiv.org link or after "CoRR abs/", an
    old-style one by its archive; else, where the reference names arXiv, the one new-style id it
    holds alone (Vancouver's "arXiv. 2018 May;(1805.12177).", dcu's "Technical Report
    1710.10903, arXiv."). None where it prints two different ids, or one that is no id."""
    printed = [_whole_id(found, text) for found in ARXIV.finditer(text)]
    printed += _CORR.findall(text)
    if printed:
        ids = [
            parse_arxiv_id(_HYPHENATED.sub(lambda m: _ARCHIVE_OF[m.group().casefold()], one))
            for one in printed
        ]
        named = {one.id for one in ids if one is not None}
        # an id cut short or two references' ids run together: no telling which is its own
        return ids[0] if None not in ids and len(named) == 1 else None
    if "arxiv" not in text.casefold():
        return None
    alone = _BARE_ARXIV.findall(URL.sub(" ", DOI.sub(" ", text)))
    return parse_arxiv_id(alone[0]) if len(alone) == 1 else None


def _whole_id(found: re.Match[str], text: str) -> str:
    """The id ``found`` in ``text``, with the rest of its number a line break set apart joined
    back where the id alone is none and the joined one is ("2201.1190" / "3": a 2022 id has five
    digits; "1412.1234 5" is a 2014 id and a number)."""
    printed = re.sub(r"\s", "", found.group(1) or found.group(2))
    rest = _ID_REST.match(text, found.end())
    if rest is None or parse_arxiv_id(printed) is not None or parse_arxiv_id(printed + rest.group(1)) is None:
        return printed
    return printed + rest.group(1)


# Digits after a new-style id cut short, alone (no digit, dot and digit, or letter glued on).
_ID_REST = re.compile(r"\s(\d{1,4})(?![\w/]|\.\d)")


# An old-style archive whose hyphen a line break took, as a word's ("hep-" / "th/9901001" joined
# "hepth/9901001"): no archive is named so.
_ARCHIVE_OF = {archive.replace("-", ""): archive for archive in OLD_STYLE_ARCHIVES if "-" in archive}
_HYPHENATED = re.compile(rf"^(?i:{'|'.join(sorted(_ARCHIVE_OF))})(?=[./])")

# A new-style id, its month 01–12, alone (not inside a DOI, a link or a longer number); its primary
# archive may stand before it, as a style prints a .bib's class and id ("astro-ph/0709.1159").
_BARE_ARXIV = re.compile(
    rf"(?<![\w./-])(?:(?:{_ARCHIVES})(?:\.[A-Z]{{2}})?/)?(\d{{2}}(?:0[1-9]|1[0-2])\.\d{{4,5}}(?:v\d+)?)(?![\w/-]|\.\d)"
)


def only_doi(text: str) -> str | None:
    """The reference's DOI: None when the pattern had to stop inside a word of the text or
    after a hyphen, slash or colon (a cut DOI: none is better than a wrong one), or when the
    text holds another DOI too (two references run together, and no telling whose this one is)."""
    doi_match = SICI_DOI.search(text) or DOI.search(text)
    if doi_match is None:
        return None
    printed = _printed_doi(text, doi_match)
    # (the label's colon may stand apart: biblatex's French "doi : 10.1145/3236009.url : https://…")
    labelled = printed + ":" if text.startswith(" :", doi_match.end()) else printed
    if _GLUED_LABEL.search(labelled):  # "…aaa8415.PMID:26089511": the PubMed number glued on is none of it
        printed = _unlabelled(labelled)
        if _unpaired(printed):
            return None
        return _mended(canonical_doi(printed.rstrip("}")), _printed_numbers(text))
    shaped = _by_shape(text, doi_match.end(), printed)
    if shaped is not None:
        # its registrant's shape tells where it ends: "…/nature11993 23446346" (a PubMed id after
        # it), "…/s42256-0 20-00257-z" (a line broke it)
        doi, end = shaped
        return _alone(canonical_doi(doi), f"{text[: doi_match.start()]}{doi} {text[end:]}", False)
    if _cut_short(text, doi_match.end(), printed) or _unpaired(printed):
        return None
    return _by_what_follows(text, doi_match, printed.rstrip("}"))


def _printed_doi(text: str, doi_match: re.Match[str]) -> str:
    """The DOI as the pattern found it, its angle brackets plain, without a publisher's page, a
    sentence or a back-reference's page after it (`_without_the_page`) and without a
    back-reference's mark before "page" ("…1863547.ffi page 170")."""
    printed = _without_the_page(doi_match.group(1).translate(_ANGLES).replace(":: ", "::"), text)
    if _BACK_REFERENCE.search(printed) and re.match(r"\s+pages?\b", text[doi_match.end() :]):
        return printed[: printed.rindex(".")]
    return printed


def _without_the_page(printed: str, text: str) -> str:
    """The DOI ``printed`` in ``text`` without the publisher's page its link names after it
    ("…/html", "….pdf": `_LANDING`; the page's name, `_without_the_pages_name`) and without a
    sentence glued on after its period (`_GLUED_SENTENCE`) or a back-reference's page
    (`_BACK_REFERENCE_PAGE`)."""
    printed = _without_the_pages_name(_LANDING.sub("", printed), text)
    glued = _GLUED_SENTENCE.search(printed)
    if glued is not None and is_english_word(word_key(glued.group(1))):
        return printed[: glued.start()]
    return _BACK_REFERENCE_PAGE.sub("", printed)


# A capitalised English word glued on after a DOI's last digit and a period, where a line or a
# style lost the space before the next sentence ("…/TPC.1975.6593963.See supplemental …",
# "….Accessed 3 May"): no registrant ends a DOI with a word of prose.
_GLUED_SENTENCE = re.compile(r"(?<=\d)\.([A-Z][a-z]{2,}+)$")
# A back-reference's page in a thesis's front matter, a Roman numeral in lower case, glued on after
# the DOI's last digit and a period ("doi: 10.1111/jofi.12260.v", "….1177730491.vii": the pages that
# cite it). Not "x" alone, which ends Wiley's DOIs ("10.1111/j.1467-9868.2005.00503.x").
_BACK_REFERENCE_PAGE = re.compile(r"(?<=\d)\.(?!x$)[ivxl]{1,6}+$")
# The name of a publisher's page after the DOI in its link, words joined by hyphens
# ("https://www.taylorfrancis.com/books/mono/10.1201/9781351107099/analyzing-baseball-data-max-…").
_PAGES_NAME = re.compile(r"/([a-z]++(?:-[a-z]++){2,})$")


def _without_the_pages_name(printed: str, text: str) -> str:
    """The DOI ``printed`` without the page's name its link gives after it (`_PAGES_NAME`), where
    most of that name's words are words ``text`` prints apart from it (its title's, its
    authors'): a page named after the work, no part of its DOI."""
    named = _PAGES_NAME.search(printed)
    if named is None:
        return printed
    words = named.group(1).split("-")
    apart = set(title_words(text.replace(named.group(1), " ")))
    return printed[: named.start()] if 2 * sum(word in apart for word in words) >= len(words) else printed


def _unpaired(printed: str) -> bool:
    """Whether a DOI as printed holds a brace inside (BibTeX's markup, or two fields run together)
    or a parenthesis the line broke before its close ("…6736(20" / ")30183-5"): no DOI as printed."""
    return "{" in printed or "}" in printed.rstrip("}") or printed.count("(") != printed.count(")")


def _by_what_follows(text: str, doi_match: re.Match[str], printed: str) -> str | None:
    """The DOI ``printed`` where no shape tells its end, as what follows it in ``text`` allows:
    its rest alone on the next line joined on ("10.1080/15476286.2015.10" then "20271": never
    cut where the line broke); None where what follows may be its rest (no telling); else the
    DOI, where the text holds no other (`_alone`)."""
    end = doi_match.end()
    rest = _DOI_REST_ALONE.match(text, end)
    # (not a number the reference prints before it: bioRxiv's "556993 (2019) …/10.1101/556993 556993")
    if (
        rest is not None
        and printed[-1].isdigit()
        and rest.group(1) not in _printed_numbers(text[: doi_match.start()])[1]
    ):
        return canonical_doi(printed + rest.group(1))
    # (also after the period a line's break point left it: "…185X.2011. 00203.x")
    after_period = end + 1 if text[end : end + 1] == "." else end
    if any(after.match(text, at) for after in (_GOES_ON, _DOI_LIKE_AFTER) for at in {end, after_period}):
        return None  # what looks like its rest after a break: no telling
    if _SPACED_REST.match(text, end):
        return None  # its rest spaced: no telling
    if printed[-1].isdigit() and _DIGITS_AFTER.match(text, end):
        # digits after the break and more after them (a number after one that ends in a letter
        # is another: PubMed's "…90244-s 1991322")
        return None
    if _last_part_after(text, end):
        return None
    # a number alone after it: its underscore printed as a space ("…31485-8 2.", a typewriter font)
    split = _SPLIT_AT_UNDERSCORE.match(text, end) is not None
    return _alone(canonical_doi(printed), text, split)


# A word after a DOI that may be its rest a line or a font's spacing set apart: the characters of a
# DOI, up to its trailing punctuation ("20-00257-z.", "4266(00", ")00165", "-").
# A period after it, set apart from the next word, may be one of it ("j.jmoneco. 2004 . 02 . 001").
_WORD_AFTER = re.compile(r"(\.?)\s+([\w()<>:;/.-]*?[\w()<>/.-])[.,;]?(?=\s|$)")


def _by_shape(text: str, end: int, printed: str) -> tuple[str, int] | None:
    """Where the DOI ``printed`` up to ``end`` of ``text`` ends, by its registrant's shape
    (`doi_shape`): the DOI and where it ends. A whole one ends there when no word after it makes
    another whole one; one that is not whole goes on to the first word after which it is whole
    (the words of a DOI a line broke or a font spaced: "10.1016 /S0378 - 4266(00 )00165 - 5").
    None where no shape tells, or the words after it make whole ones too (no telling)."""
    whole = doi_shape(printed)
    glued = _GLUED_WORD.search(printed) if whole is False else None
    if glued is not None and doi_shape(printed[: glued.start()]):
        # the next word glued on where a line's end lost its space ("…2015.1020271Epub",
        # "…1020271.URL"): none of a DOI whose shape ends before it
        return printed[: glued.start()], end - len(glued.group())
    words = _words_after(text, end)
    joined = [
        (printed + "".join(word for word, _ in words[:count]), words[count - 1][1])
        for count in range(1, len(words) + 1)
    ]
    if whole:
        # (a typewriter font prints a Springer chapter's "_" as a space: "…-31485-8 2" may be "…-8_2")
        underscored = [f"{printed}_{word.lstrip('.')}" for word, _ in words[:1]]
        others = [doi for doi, _ in joined[:_WORDS_ON_A_WHOLE]] + underscored
        return None if any(doi_shape(doi) for doi in others) else (printed, end)
    return _first_fitting(printed, joined)


def _words_after(text: str, end: int) -> list[tuple[str, int]]:
    """The words after the DOI that ends at ``end`` of ``text`` that may be its rest, each with
    where it ends (`_MOST_WORDS` at the most)."""
    words: list[tuple[str, int]] = []
    while len(words) < _MOST_WORDS and (word := _WORD_AFTER.match(text, end)) is not None:
        words.append((word.group(1) + word.group(2), word.end(2)))
        end = word.end()
    return words


def _first_fitting(printed: str, joined: list[tuple[str, int]]) -> tuple[str, int] | None:
    """The first of the DOI ``printed`` with the words after it joined on (``joined``, each with
    where it ends) that its registrant's shape makes whole, and where it ends; None where none
    is, or both readings of a hyphen at a line's end are."""
    for doi, at in joined:
        # a hyphen where the line broke is the DOI's or a word processor's: the shape tells, or
        # nothing is read ("j.jhy- drol.2019.124285" is j.jhydrol…; "07- STS236" is 07-STS236)
        readings = {doi, printed[:-1] + doi[len(printed) :]} if printed.endswith("-") else {doi}
        fitting = [reading for reading in readings if doi_shape(reading)]
        if fitting:
            return (fitting[0], at) if len(fitting) == 1 else None
    return None


# A capitalised word or a label ending a DOI as read, glued on without a space (a run's start).
_GLUED_WORD = re.compile(r"\.?(?:(?<![A-Za-z])[A-Z][a-z]+|(?<![A-Z])[A-Z]{2,})$")
# How many words after a DOI are looked at: a DOI spaced at each of its break points
# ("10.1016 / S0304 - 4076(97 )00115 - 2"); a whole one, the words that may be its rest.
_MOST_WORDS = 6
_WORDS_ON_A_WHOLE = 3


# A DOI in a link to a publisher's page ("https://dl.acm.org/doi/pdf/10.1145/…", maybe spaced).
_PUBLISHER_PAGE = re.compile(
    r"/\s?doi\s?/\s?(?:[a-z]{3,5}\s?/\s?)?(10\.\d{4,9}/[^\s\"<>,;]+[^\s\"<>,;.)\]'’”])"
)


def _found(printed: str, text: str, numbers: tuple[frozenset[str], frozenset[str]]) -> str | None:
    """The DOI ``printed`` in ``text`` as `_alone` compares it: without a label, brace, page
    (`_without_the_page`) or a back-reference's mark glued on, `_mended`."""
    bare = _without_the_page(_unlabelled(printed).rstrip("}"), text)
    return _mended(canonical_doi(_BACK_REFERENCE.sub("", bare)), numbers)


def _alone(doi: str | None, text: str, split: bool) -> str | None:
    """``doi`` as `_mended`, where the text holds no other DOI (its link may give it again, or give
    it whole where a typewriter font printed its underscores as spaces: ``split``); else None."""
    if doi is None:
        return None
    numbers = _printed_numbers(text)
    mended = _mended(doi, numbers)
    found = {_found(one, text, numbers) for one in DOI.findall(SICI_DOI.sub(" ", REPRINT.sub(" ", text)))}
    # the same DOI again (its link: case is no difference between DOIs, a publisher's landing
    # page after it is none of it, "…/doi/10.1524/phil.1928.83.14.115/html")
    others = {one for one in found if one and one.casefold() != (mended or doi).casefold()}
    if others and re.search(rf"(?i)\bdoi:\s?{re.escape(doi)}", text):
        # a link to a publisher's page is a link, not the DOI the reference states where it labels
        # one ("doi: 10.1145/3276514. url: https://dl.acm.org/doi/pdf/10.1145/3290370")
        others -= {_found(one, text, numbers) for one in _PUBLISHER_PAGE.findall(text)}
    if len(others) == 1:
        (link,) = others
        # a typewriter font prints "_" as a space: "doi: 10.1007/978-3-642-31485-8 2. URL
        # http://dx.doi.org/10.1007/978-3-642-31485-8_2" is one DOI, whole in its link
        spaced = link[len(doi) + 1 :].replace("_", " ")
        if link.casefold().startswith(doi.casefold() + "_") and f"{doi} {spaced}" in text:
            return link
    return None if others or split else mended


def _unlabelled(doi: str) -> str:
    """``doi`` without the next field's label glued on ("…tm09181.url:", "…aaa8415.PMID:…")."""
    label = _GLUED_LABEL.search(doi)
    return doi if label is None else doi[: label.start()].rstrip(".")


def _cut_short(text: str, end: int, printed: str) -> bool:
    """Whether the DOI pattern stopped where the DOI cannot have ended: inside a word of the text,
    or after a hyphen, slash, underscore, colon or opening parenthesis ("10.1186/1471- …"); or
    ran on into a capitalised word glued after its last digit ("…116.061102Epub": a line's end
    lost its space, and no shape tells where the DOI ends)."""
    return (
        bool(re.match(r"[^\s.,;:)\]\"”’'>]", text[end : end + 1]))
        or printed[-1] in "-/_:("
        or _GLUED_CAPITALISED.search(printed) is not None
    )


_GLUED_CAPITALISED = re.compile(r"\d[A-Z][a-z]{2,}$")


# The mark before a back-reference's pages, a ligature's letters in some fonts ("….ffi page 24").
_BACK_REFERENCE = re.compile(r"\.(?:ffi|ffl|ff|fi|fl)$")
# PubMed's numbers or the next field, glued on without a space ("….650594.url: http://…").
_LABELS = identifier_labels()  # "pmid", "url", "doi" (identifier-labels.json)
# A word a web page's reference prints around its link or the day of its visit: "url", "online",
# "Disponível em", "available at" (identifier-labels.json's link words), "accessed", "Acesso em"
# (visit-dates.json's words).
LINK_WORD = re.compile(
    rf"\b(?:{alternation(_LABELS.link_words)}|{alternation(visit_dates().words)})\b",
    re.IGNORECASE,
)
_GLUED_LABEL = re.compile(rf"(?i)\.?{alternation(_LABELS.pubmed)}\s?:|\.{alternation(_LABELS.others)}\s?:")
# Digits ending the reference, after a break; seven or more are a PubMed number (LNCS with PMIDs:
# "…/nature11993 23446346"), not a DOI's rest.
_DOI_REST_ALONE = re.compile(r"\s(\d{5,6})\.?\s*$")
_DIGITS_AFTER = re.compile(r"\s\d{5,}")
# After a space, a word that goes on as a DOI does — a digit in it and a dot or slash inside it,
# "19.123456", "matics/btu033": a link TeX broke inside a word (not a link, "www.…", nor "2019.").
_GOES_ON = re.compile(r"(?<!\s)\s+(?!www\.)(?=\S*\d)[\w-]+[./]\w")
# A number alone ending the reference after the DOI's period: a page's or a line's number glued
# on ("…07.038. 5"), or the DOI's last part a line broke off ("…pnas.73.11. 3852").
_NUMBER_ENDS = re.compile(r"\.\s+([1-9]\d{0,3})\.?\s*$")


def _last_part_after(text: str, end: int) -> bool:
    """Whether a number alone after the DOI that ``text`` holds up to ``end``, ending the text,
    may be the DOI's last part: the reference prints it elsewhere too (the first page of PNAS's
    "…pnas.73.11.3852"), or the DOI as read ends with a year ("…hlthaff.2017. 1658."); a number
    it prints nowhere else is the page's or a line's number."""
    number = _NUMBER_ENDS.match(text, end)
    if number is None:
        return False
    first_pages, printed = _printed_numbers(text[:end])
    if len(number.group(1)) == 4 and number.group(1)[:2] in ("19", "20"):
        # a number of a year's shape only where the reference prints it as a first page before it
        # ("Physical Review D 38, 2009–2012 (1988) 10.1103/physrevd.38. 2009."): APS's DOIs end
        # with the article's first page
        return number.group(1) in first_pages
    # a DOI's part that is a year is no DOI's last ("…hlthaff.2017. 1658."): an article's number follows
    return number.group(1) in printed or _YEAR_PART.search(text[:end]) is not None


_YEAR_PART = re.compile(r"[./](?:19|20)\d\d$")


# (or two: "10.1162/jocn a 00405" of "jocn_a_00405")
# After a space, a word that a DOI's part would be, with a digit and a letter, hyphen or
# underscore ("D1 7-1160", "s15516709c og2703_8": a font that spaces a link's characters).
_DOI_LIKE_AFTER = re.compile(r"(?<!\s)\s+(?=[\w-]*\d)(?=[\w-]*[A-Za-z_-])[\w-]+[.,;]?(?:\s|$)")
# A hyphen or slash set apart before a part with a digit, or dots set apart between numbers: the
# DOI goes on, spaced ("10.1016 /S0378 - 4266(00 )00165 - 5", "…jmoneco. 2004 . 02 . 001").
_SPACED_REST = re.compile(r"\.?\s[-/]\s?(?=[\w(]*\d)|\.\s\d+\s\.\s\d")
# (in a link's brackets too: "<http://dx.doi.org/10.1007/3-540-29090-7 27>")
_SPLIT_AT_UNDERSCORE = re.compile(r"(?: [a-z]{1,2})* \d{1,5}[>)\]]?[.,;]?(?:\s|$)")
# A publisher's page after a DOI in its link: "…/html", Project Euclid's and bioRxiv's "….full"
# (landing-pages.json).
_LANDING = re.compile(
    rf"(?:/{alternation(landing_pages().paths)}|{alternation(landing_pages().suffixes)})$", re.IGNORECASE
)
# Numbers a reference prints as a first page: after a colon (Vancouver's "73(11):3852-6"), or
# opening a range ("pp. 3852–3856"); and every number it prints alone (a volume, an issue).
_FIRST_PAGE = re.compile(r":\s?(\d+)|(?<![\w.])(\d+)\s?[-–]\s?\d")
_NUMBER = re.compile(r"(?<![\w.])\d+(?![\w.]\d)")


def _printed_numbers(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(the first pages, every number) ``text`` prints outside its identifiers."""
    bare = without_ids(text)
    pages = frozenset(
        page for found in _FIRST_PAGE.finditer(bare) if (page := found.group(1) or found.group(2))
    )
    return pages, frozenset(_NUMBER.findall(bare))


def _mended(doi: str | None, numbers: tuple[frozenset[str], frozenset[str]]) -> str | None:
    """``doi`` without what the page glued to it or lost from it (`_unglued`, `_chapter_underscore`);
    where no registrant of its kind mints it (`_ill_formed`), the part before a dot that its kind's
    shape holds whole (a note's word glued on: "jss.v070.i08.r package …"), else None."""
    doi = _chapter_underscore(_unglued(doi, numbers))
    if doi is None or not _ill_formed(doi):
        return doi
    dots = [at for at, character in enumerate(doi) if character == "."]
    return next((doi[:dot] for dot in reversed(dots) if doi_shape(doi[:dot])), None)


def _ill_formed(doi: str) -> bool:
    """Whether ``doi`` lacks the shape its registrant gives every DOI of its kind (a style's page-range
    dashes took a hyphen: "10.1186/s40537-01600436" for s40537-016-0043-6; see `doi_shape`)."""
    return doi_shape(doi) is False


def _unglued(doi: str | None, numbers: tuple[frozenset[str], frozenset[str]]) -> str | None:
    """``doi`` without a review copy's line number glued to its end: a DOI that spells the volume,
    issue and first page the reference prints, then one number more that it does not print and
    that no line number opens with a zero ("10.1073/pnas.73.11.3852.632" of "73(11):3852-6")."""
    if doi is None:
        return None
    parts = doi.split("/", 1)[-1].split(".")
    pages, printed = numbers
    glued, page, before = parts[-1], parts[-2] if len(parts) > 1 else "", parts[-4:-2]
    if (
        2 <= len(glued) <= 4  # (one digit more is APS's next article on that page: "…PhysRev.41.111.2")
        and glued.isdigit()
        and not glued.startswith("0")
        and glued not in printed
        and page in pages
        and any(number in printed for number in before)
    ):
        return doi[: -len(glued) - 1]
    return doi


# A DOI named after a book's ISBN-13 that holds more digits than the ISBN: a chapter's number
# glued on where the page printed the "_" between them as a subscript or not at all.
_ISBN_DOI = re.compile(r"(10\.\d{4,9}/)(97[89](?:-?\d)+)")


def _chapter_underscore(doi: str | None) -> str | None:
    """``doi`` with the "_" before a Springer chapter's number the page lost put back
    ("10.1007/978-3-642-18418-517" is chapter 17 of ISBN 978-3-642-18418-5: Springer names its
    chapters "<ISBN>_<n>"), where the ISBN's check digit holds; None where digits are glued to
    the ISBN a DOI is named after and it is no such chapter's."""
    isbn = _ISBN_DOI.fullmatch(doi or "")
    if doi is None or isbn is None or sum(ch.isdigit() for ch in isbn.group(2)) <= 13:
        return doi
    digits = 0
    end = 0
    for end, character in enumerate(isbn.group(2), 1):  # noqa: B007 (where the 13th digit ends)
        digits += character.isdigit()
        if digits == 13:
            break
    book, chapter = isbn.group(2)[:end], isbn.group(2)[end:]
    if not chapter[:1].isdigit():
        return doi  # the ISBN, then a part of the book after a hyphen (De Gruyter's "…563-007")
    if isbn.group(1) == "10.1007/" and chapter.isdigit() and isbn_has_valid_check_digit(book):
        return f"{isbn.group(1)}{book}_{chapter}"
    return None
