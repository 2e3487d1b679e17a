"""No regular expression of bibnorm takes a time that grows faster than its text.

Every compiled pattern of `bibnorm` and `bibnorm.resolvers` (`regex_inventory`), called as the
code calls it (searched, or matched at one position), is run on adversarial strings of about
2,000 and 8,000 characters built from its own repeated parts and from what reference lists repeat
(`regex_growth`); one whose time grows more than linearly from n to 4n pumps (a quadratic one
grows sixteenfold) above a floor, or that runs past a bound in one call, fails the suite. The
detector is tested too: today's fixed patterns, as they were, are flagged.
"""

from __future__ import annotations

import re
import time

import pytest
from bibnorm.readers._italic_titles import _SENTENCE_AFTER_A_WORD
from bibnorm.readers.refs import _FINANCE_VENUE
from bibnorm.text.titles import _CHAPTER_TAIL
from regex_growth import GENERIC_PUMPS, OLD_VANCOUVER, attack_strings, super_linear
from regex_inventory import all_patterns
from repo_scripts import load

PATTERNS = all_patterns()


def test_the_inventory_holds_every_package_s_patterns() -> None:
    # module patterns, patterns in module tuples, and patterns compiled in functions' code
    assert len(PATTERNS) > 500
    assert any(where.endswith("_ref_vancouver._VANCOUVER") for where in PATTERNS)
    assert any("(in code" in where for where in PATTERNS)
    for package in ("bibnorm.text.", "bibnorm.bib.checks.", "bibnorm.verify.kinds", "bibnorm.resolvers."):
        assert any(where.startswith(package) for where in PATTERNS), package
    # every pattern a table holds under one name, not one of them: the DOI shapes' two each
    from bibnorm.text.doi_shapes import SHAPES

    in_the_table = [where for where in PATTERNS if where.startswith("bibnorm.text.doi_shapes.SHAPES")]
    assert len(in_the_table) == len({p for shape in SHAPES for p in (shape.kind, shape.whole)})


@pytest.mark.parametrize(
    "where",
    [
        pytest.param("bibnorm.text.venues._NAMES_PREPRINT_SERVER", id="the venue table's preprint servers"),
        pytest.param("bibnorm.text.journals._SUBTITLE", id="journal-catalogue-words.json"),
        pytest.param("bibnorm.text.journal_abbreviations._PUBLISHER", id="imported: named where first found"),
        pytest.param("bibnorm.verify.notices._WITHDRAWN", id="withdrawal-words.json"),
        pytest.param("bibnorm.readers._ref_apa._TITLE_END", id="final-abbreviations.json"),
        pytest.param("bibnorm.readers._ref_physics._COLLABORATION_AFTER", id="organisation-words.json"),
        pytest.param("bibnorm.readers.refs._REPORT_TAIL", id="kinds-of-work.json: a thesis's kind"),
        pytest.param("bibnorm.readers._ref_ids._LANDING", id="landing-pages.json"),
        pytest.param("bibnorm.readers._list_edges._APPENDIX", id="reference-headings.json: appendices"),
        pytest.param("bibnorm.verify.kinds._NOT_A_VENUE", id="link-hosts.json: no venue"),
        pytest.param("bibnorm.readers._ref_apa._NO_DATE_ELSEWHERE", id="reference-abbreviations.json: n.d."),
        pytest.param("bibnorm.readers._ref_apa._NOTE", id="reference-abbreviations.json: APA's notes"),
        pytest.param("bibnorm.readers._italic_titles._AFTER_VENUE", id="after an italic venue"),
        pytest.param("bibnorm.readers.refs._OPENS_THE_TITLE", id="after a quotation"),
        pytest.param("bibnorm.readers.refs._LINK_MATTER", id="identifier-labels.json: link words"),
        pytest.param("bibnorm.readers._ref_harvard._VENUE_COMMA", id="venues.json: preprint servers"),
        pytest.param("bibnorm.readers._ref_physics._SERIES", id="journal-catalogue-words.json: series"),
        pytest.param("bibnorm.readers._ref_astro._UNTITLED", id="publication-states.json: untitled"),
        pytest.param("bibnorm.text.names._NAME_PREFIX", id="name-particles.json: glued prefixes"),
        pytest.param("bibnorm.text.names._OTHERS_LAST", id="author-list-words.json: and others"),
        pytest.param("bibnorm.readers.refs._AND_OTHERS", id="author-list-words.json: and others anywhere"),
        pytest.param("bibnorm.readers.refs._VISIT_DATE_TAIL", id="visit-dates.json: a date's tail"),
        pytest.param("bibnorm.readers._ref_quoted._A_STATE", id="publication-states.json: a state"),
        pytest.param(
            "bibnorm.readers._field_choice.LINK_WORD", id="identifier-labels.json: a page's words, imported"
        ),
        pytest.param(
            "bibnorm.readers._field_choice._EDITED_AT_THE_END", id="reference-abbreviations.json: editors"
        ),
        pytest.param("bibnorm.readers._field_choice._DATED_AT_THE_END", id="months.json: a day's date"),
        pytest.param(
            "bibnorm.readers._field_choice._MEETINGS_OF", id="venue-words.json: a meeting's word and of"
        ),
        pytest.param(
            "bibnorm.readers._field_choice._EDITION_AT_THE_END", id="reference-abbreviations.json: ordinals"
        ),
    ],
)
def test_the_inventory_holds_the_patterns_built_from_word_tables(where: str) -> None:
    # built at import from a data file's words, they are timed like any written pattern
    assert where in PATTERNS


@pytest.mark.parametrize(
    ("where", "anchored"),
    [
        pytest.param("bibnorm.readers._doi_gaps._NEXT", True, id="only matched at a position"),
        pytest.param("bibnorm.bib.problems._EXTRA_FIELDS", True, id="only matched"),
        pytest.param("bibnorm.readers._italic_titles._CLOSING", False, id="searched"),
        pytest.param("bibnorm.bib.problems._FIELD_START", False, id="found all"),
        pytest.param("bibnorm.resolvers._dblp_records._HOMONYM", False, id="substituted"),
    ],
)
def test_the_inventory_knows_how_a_pattern_is_called(where: str, anchored: bool) -> None:
    assert PATTERNS[where].anchored is anchored
    assert PATTERNS[where].methods == (("match",) if anchored else ("search", "fullmatch"))


@pytest.mark.parametrize(
    ("pattern", "attacks"),
    [
        pytest.param(OLD_VANCOUVER, [("", "Family II, ")], id="yesterday's Vancouver names, exponential"),
        pytest.param(OLD_VANCOUVER, None, id="yesterday's Vancouver names, its own pumps"),
        pytest.param(re.compile(r"^(?:\w+\s?)+$"), None, id="nested repetition"),
        pytest.param(re.compile(r"^(?:[A-Z][a-z]?\.\s?-?\s?)+$"), None, id="yesterday's initials"),
        pytest.param(re.compile(r"\s*[,.]?\s*\bCoRR\b.*$"), None, id="two runs of spaces, cubic"),
        # quadratic ones, each start of a run reading the run again: what the longer strings catch
        pytest.param(re.compile(r"[)\]]+$"), None, id="yesterday's closing brackets, quadratic"),
        pytest.param(re.compile(r"\s+(?:19|20)\d{2}$"), None, id="yesterday's homonym numbers, quadratic"),
        pytest.param(
            re.compile(r"^(?:[A-Z][a-z]*\.\s)+(?:[A-Z][a-z]*\.?\s)*\d"),
            None,
            id="two runs of words, quadratic",
        ),
        # a tail to the line's end, searched from each of its starts in a text whose line breaks
        # before its end: each try runs to the break and back (refs._VENUE_TAIL and four more as
        # they were)
        pytest.param(re.compile(r",\s(?:\d+(?:st|nd|rd|th)\sed\.|Vol\.\s).*$"), None, id="a tail, quadratic"),
        # a line's last word as a link, as `_reflist._ENDS_SENTENCE` read it: each slash of a word
        # of many tried as the link's, its rest read to the line's end and back
        pytest.param(re.compile(r"(?<!\S)\S+/\S+\s*$"), [("", "a/")], id="a link's slashes, quadratic"),
        # names, a colon and the rest as `refs._LNCS` read them: the blanks after the colon shared
        # out every way where a line break cut the rest short
        pytest.param(
            re.compile(r"^(?P<authors>[^:\d]+?\.)\s*:\s+(?P<rest>.+)$"),
            [("Aa, A.: ", " ")],
            id="a colon's blanks and the rest, quadratic",
        ),
        # APA's names and year as they were: the names lazily to each year, the rest read to the line
        # break and back from each of its words
        pytest.param(
            re.compile(r"^(?P<authors>.+?)\s*\((?P<year>\d{4})\)(?P<rest>.*[^\W\d_]{3}.*)$"),
            None,
            id="yesterday's APA, cubic",
        ),
        # given names as `_ref_inverted_names._GIVEN_NAMES` read them: each word's small letter any
        # of its small letters, every way tried where the list fails at its end
        pytest.param(
            re.compile(r"^[^\W\d_][^\s\d.,]*[a-z][^\s\d.,]*(?:\s+[^\W\d_][^\s\d.,]*[a-z][^\s\d.,]*)*$"),
            [("", "Lukasz ")],
            id="yesterday's given names, exponential",
        ),
    ],
)
def test_the_detector_flags_a_super_linear_pattern(
    pattern: re.Pattern[str], attacks: list[tuple[str, str]] | None
) -> None:
    assert super_linear(pattern, attacks)


@pytest.mark.parametrize(
    "pattern",
    [
        pytest.param(re.compile(r"\b(?:19|20)\d{2}\b"), id="a year"),
        pytest.param(re.compile(r"(?<!\s)\s+(\S+)"), id="a guarded run of spaces"),
        pytest.param(re.compile(r"^(?>[A-Z][a-z]?\.\s?+-?+\s?+)+$"), id="today's initials"),
        pytest.param(re.compile(r"(?<![)\]])[)\]]+$"), id="today's closing brackets"),
        pytest.param(
            re.compile(r"^[A-Z][a-z]*\.\s(?:[A-Z][a-z]*+\.?\s)*\d"), id="today's words, one way to read them"
        ),
    ],
)
def test_the_detector_passes_a_linear_pattern(pattern: re.Pattern[str]) -> None:
    assert super_linear(pattern) == []


def test_the_old_vancouver_pattern_is_caught_before_it_hangs() -> None:
    started = time.perf_counter()
    findings = super_linear(OLD_VANCOUVER, [("", "Family II, ")])
    assert findings and findings[0].long == float("inf")
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    ("pattern", "linear"),
    [
        pytest.param(_CHAPTER_TAIL, True, id="the-chapter-tail"),
        # as it was: each try from a ", chapter" ran to the break and back (0.7 s at 44,000
        # characters, 12 s at 176,000)
        pytest.param(
            re.compile(r",\s(?:chapter|cap\.|capítulo|Kapitel)(?:\s.*)?$|,\scap$"), False, id="as-it-was"
        ),
    ],
)
def test_a_chapters_tail_is_searched_in_linear_time(pattern: re.Pattern[str], linear: bool) -> None:
    """`titles._CHAPTER_TAIL`, searched from each ", chapter" of a text: the attacks pump the
    pattern's whole match (", chapter a", its optional part present) and end a line before the
    text's end."""
    assert (super_linear(pattern, methods=("search",)) == []) is linear


@pytest.mark.parametrize(
    ("pattern", "linear"),
    [
        pytest.param(_SENTENCE_AFTER_A_WORD, True, id="a-sentence-after-a-word"),
        # as it was: matched at a word's start it was linear, searched each start of a run of
        # letters read the run to its end (0.2 s at 8,000 letters, sixteenfold at four times)
        pytest.param(re.compile(r"[a-z]{3,}[.!?]\s+[A-Z][^.!?]*"), False, id="as-it-was"),
        pytest.param(_FINANCE_VENUE, True, id="the-finance-venue"),
        # a first form, lazy: from each comma it tried every end of the venue's words
        pytest.param(
            re.compile(r"(?:,\s[A-Z][^,]*?(?:\s\d[\w()]*(?:,\s[\d–-]+)?)?|\s\([^()]*\))\.?\s*$"),
            False,
            id="the-finance-venue-as-first-written",
        ),
    ],
)
def test_the_reference_readers_new_patterns_are_linear_searched_too(
    pattern: re.Pattern[str], linear: bool
) -> None:
    """Patterns the readers call at one place (`_italic_titles`) or search (`refs`), searched
    from every start of texts that pump their own parts."""
    assert (super_linear(pattern, methods=("search", "fullmatch")) == []) is linear


@pytest.mark.parametrize(
    ("where", "attacks"),
    [
        # runs of what each pattern's repetitions and alternatives read, without the end it needs
        pytest.param("bibnorm.text.names._OTHERS_LAST", [("", " et    "), ("", " u. "), ("", " i ")],
                     id="and-others-last"),
        pytest.param("bibnorm.readers.refs._AND_OTHERS", [("", "et "), ("", "u. "), ("Smith", " i  ")],
                     id="and-others-anywhere"),
        pytest.param("bibnorm.readers.refs._AREA_DASH", [("", " –"), ("", " ––– ."), ("x", " —, x")],
                     id="gosts-dash"),
        pytest.param("bibnorm.readers.refs._SPACED_GUILLEMETS", [("", "« a "), ("«", " a")],
                     id="spaced-guillemets"),
        pytest.param("bibnorm.readers.refs._QUOTATION_FIRST_IN_QUOTES", [("«", " \"a\" b"), ("", "“\"")],
                     id="a-quotation-in-quotes"),
        pytest.param("bibnorm.readers.refs._VISIT_DATE_TAIL", [("", "de 2023 "), ("", "del de ")],
                     id="a-dates-tail"),
        pytest.param("bibnorm.readers.refs._A_WORD_AFTER", [("", " ")], id="a-word-after"),
        pytest.param("bibnorm.readers._ref_quoted._A_STATE", [("", "in "), ("", "in press ")], id="a-state"),
        # an editors' statement after a title: the mark, then people's names, or the names first
        pytest.param("bibnorm.readers._field_choice._EDITORS_AT_THE_END",
                     [("a", ". Ed. "), ("a ed ", "Wolf KB, "), ("a ", "C. "), ("a ", "Aa B and "),
                      ("a", " ")],
                     id="editors-at-the-end"),
        # a title alone that is a number's cue and a roman number, or an edition's ordinal in figures
        pytest.param("bibnorm.readers._no_work_title._ROMAN", [("", "i"), ("x", "v")], id="a-roman-number"),
        pytest.param("bibnorm.readers._no_work_title._ORDINAL_FIGURES", [("", "1"), ("1", ".ª")],
                     id="an-ordinal-in-figures"),
        pytest.param("bibnorm.readers._no_work_title._VERSION_NUMBER", [("", "1."), ("v1", "-1"), ("", "v")],
                     id="a-versions-number"),
        # an edition's statement after a title: an ordinal, a qualifier, an edition's word
        pytest.param("bibnorm.readers._field_choice._EDITION_AT_THE_END",
                     [("a", ", "), ("a", ", 2nd "), ("a, 2nd", " rev. "), ("a", ", third"),
                      ("a", " ,., "), ("a", " (2. "), ("a, ", "third "), ("a.", " 8 "), ("a, 2", " изд ")],
                     id="an-edition-at-the-end"),
        # a word going on after an italic title's comma, not the next field's cue or an edition's
        pytest.param("bibnorm.readers._italic_titles._SMALL_WORD",
                     [("", " "), ("", "french "), ("", "a ed "), (" ", "vol")], id="a-small-word"),
        pytest.param("bibnorm.readers._italic_titles._COMMA_SMALL_WORD",
                     [("", " , "), (",", " "), (", ", "third ")], id="a-comma-and-a-small-word"),
        # Vancouver's names, then a comma and a quoted title: no Vancouver list
        pytest.param("bibnorm.readers._ref_vancouver._VANCOUVER",
                     [("", "Family II, "), ("Doe J. ", "Word, “")], id="vancouver-a-quoted-title-after"),
        pytest.param("bibnorm.readers._ref_vancouver._VANCOUVER",
                     [("", "Šulc ŁŁ, "), ("Šulc Ł. ", "Łó, “"), ("", "Ø Ł ")], id="vancouver-latin-initials"),
        pytest.param("bibnorm.readers._ref_dates._RELATED_NOTE",
                     [("", ", A translation of "), ("", "A "), ("", ". An extended version ")],
                     id="a-translation-of"),
        # a parenthesis a title leaves open, opened by a number
        pytest.param("bibnorm.readers._field_choice._OPENED_BY_A_NUMBER",
                     [("", "(1"), ("", "(1 "), ("(", "1")], id="a-number-left-open"),
        # a link a line's end cut, and the line that goes on with it
        pytest.param("bibnorm.readers._reflist._CUT_LINK", [("https://", "a/"), ("http://", "/_ ")],
                     id="a-link-cut"),
        pytest.param("bibnorm.readers._reflist._LINK_GOES_ON", [("a", "./"), ("", "a ")],
                     id="a-link-going-on"),
        # where a wrapped list's reference opens, and where the line before it ends
        pytest.param("bibnorm.readers._reflist._OPENS_WITH_NAME",
                     [("", "Ab A "), ("A. ", "Ab "), ("Ab ", "AB "), ("A Ab and ", "A ")],
                     id="opens-with-a-name"),
        # (a last word of many slashes: "a/a/…/a" then a line's break, tried at each slash as it was)
        pytest.param("bibnorm.readers._reflist._ENDS_SENTENCE",
                     [("", " A."), ("a", " "), ("", ". "), ("", "a/"), ("", "/")], id="ends-a-sentence"),
        # a note in brackets that ends the reference
        pytest.param("bibnorm.readers.refs._NOTE_AT_THE_END", [(".", " "), ("", ". [a] "), (".", " [ ")],
                     id="a-note-at-the-end"),
        # a date under a word last after a link (the visit's), and the link before it
        pytest.param("bibnorm.readers.refs._LABELLED_DATE_AT_THE_END",
                     [("", " abc:"), ("", " abc: 12.03."), (" ", "abcd: 2020-01-01 ")], id="a-dated-word"),
        # names before a colon, then a run of blanks and a line's break (the rest was read every way
        # the blanks could be shared out between the colon's blanks and the rest, as it was)
        pytest.param("bibnorm.readers.refs._GIVEN_FIRST_BEFORE_COLON",
                     [("A. ", "a "), ("A. ", "a  "), ("", "A. "), ("A. Aa: ", " ")],
                     id="given-names-first-before-a-colon"),
        pytest.param("bibnorm.readers.refs._LNCS", [("Aa, A.: ", " "), ("", "Aa, A. ")], id="lncs-names"),
        pytest.param("bibnorm.readers.refs._DIN", [("BECK, Simon: ", " "), ("", "BECK, Simon ; ")],
                     id="din-names"),
        pytest.param("bibnorm.readers._ref_dates._DATED_SENTENCE",
                     [("", " (2009), 1"), (" (", "Mar. "), ("", ", 2009.")], id="a-dated-sentence"),
        # a conjunction before an initial; a publisher after the title's comma; a kind of work after
        # its colon; a year after a link parameter's sign
        pytest.param("bibnorm.readers.refs._CONJOINED_INITIAL", [("", " und "), ("", " et A")],
                     id="a-conjunction-before-an-initial"),
        pytest.param("bibnorm.readers.refs._BOOK_TAIL", [("", ", Springer"), ("", ", Springer, 1987 ")],
                     id="a-publisher-after-the-title"),
        pytest.param("bibnorm.readers.refs._REPORT_TAIL", [("", ": дис. "), ("", " : ")], id="a-thesis-note"),
        pytest.param("bibnorm.readers.refs._DATING_YEAR", [("", "&camp=2025"), ("", "=2025&")],
                     id="a-year-after-a-sign"),
        # years after slashes: a volume's, a day's date, a year's
        pytest.param("bibnorm.readers.refs._DATING_YEAR", [("", "30/"), ("", "13/06/"), ("", "1961/")],
                     id="a-year-after-a-slash"),
        pytest.param("bibnorm.readers._ref_vancouver._REST_OF_A_NAME",
                     [("Van ", "a"), ("", "Aa, ed "), ("Van ", "A-")], id="the-rest-of-a-name"),
        pytest.param("bibnorm.readers.refs._INITIALS_THEN_A_NAME",
                     [("A. ", "a "), ("", "A. "), ("A. b", " c")], id="initials-then-a-name"),
        pytest.param("bibnorm.readers.refs._SHORT_QUOTED_AFTER_NAMES",
                     [(", ", "“a"), ("", ", “"), (", “", "abcdef")], id="a-short-quoted-title"),
        # a reading list's marks: markers, Markdown's links and emphasis, a title set apart, names
        # after it, a table's rule, a year or a reference's parts beside an identifier
        pytest.param("bibnorm.readers.lines._LIST_MARKER", [("", "- "), ("", "1. "), ("-", " [ ] ")],
                     id="a-list-marker"),
        # a presentation's mark never closed, its blanks and its words repeated; a date's year
        # and month separators repeated, digits without end
        pytest.param("bibnorm.readers.lines._MARK",
                     [("", "( "), ("(", "oral "), ("", "[spotlight"), ("(", " ")], id="a-presentations-mark"),
        pytest.param("bibnorm.text.months._YEAR_FIRST", [("", "2021-"), ("", "2021/05/"), ("", "1")],
                     id="a-year-first-date"),
        # a DOI's gaps: LaTeX's escaped underscore repeated, spaces and digits; a number after a
        # DOI before a link's bracket repeated
        pytest.param("bibnorm.readers._doi_gaps._GAP", [("", "\\ "), ("", " 1"), ("", " . ")],
                     id="a-dois-gap"),
        # an arXiv label, a class and an id: the label's blanks, a class's letters and slashes
        pytest.param("bibnorm.readers._ref_ids.ARXIV",
                     [("", "arXiv "), ("arXiv", " "), ("arXiv:", "cs-"), ("arXiv:cs", "/")],
                     id="an-arxiv-label-and-class"),
        # (_ref_ids's DOI pattern, which the inventory names after the first module holding it)
        pytest.param("bibnorm.readers._exports.DOI",
                     [("10.1234/", "\\_"), ("10.1234/", "\\"), ("10.1234/a", ".")],
                     id="a-doi-and-backslashes"),
        pytest.param("bibnorm.readers._ref_ids._CORR", [("", "ArXiv, "), ("arxiv ", "abs/1")],
                     id="an-abs-volume"),
        pytest.param("bibnorm.readers._ref_ids._BARE_ARXIV", [("", "astro-ph/"), ("astro-ph", "/0709.")],
                     id="an-archive-before-an-id"),
        pytest.param("bibnorm.readers._ref_ids._SPLIT_AT_UNDERSCORE", [("", " a"), ("", " 1>"), ("", " 1")],
                     id="a-number-after-a-doi"),
        pytest.param("bibnorm.readers.lines.MARKDOWN_LINK", [("", "[["), ("[a](", "b "), ("", "[a]")],
                     id="a-markdown-link"),
        pytest.param("bibnorm.text.markup._STRONG", [("", "**a"), ("", "__"), ("**", "a* ")],
                     id="emphasis"),
        pytest.param("bibnorm.identifiers._DOI_URL", [("", "http://doi."), ("", "doi.acm.or"), ("", "https://")],
                     id="a-doi-resolver"),
        pytest.param("bibnorm.text.venues._PROCEEDINGS_OF",
                     [("", "proceedings of "), ("", "proceedings "), ("", "p")], id="proceedings-of"),
        pytest.param("bibnorm.readers.bbl._ZERO_WIDTH",
                     [("", "\\penalty"), ("a", "[J"), ("", "a[EB/"), ("", "$\\{")],
                     id="a-bbls-zero-width"),
        pytest.param("bibnorm.readers.bbl._CONTAINER_AFTER_CODE", [("", " "), ("", " [C]/"), ("", "[EB/")],
                     id="gbt-proceedings-after-a-code"),
        pytest.param("bibnorm.readers.markdown._INCLUDE",
                     [("", "{{< include "), ("{{<", " "), ("", "{{<include a")], id="a-quarto-include"),
        pytest.param("bibnorm.readers._reflist._BULLET", [("", "- "), ("-", " [ ]"), ("", "\t")],
                     id="a-bullet"),
        pytest.param("bibnorm.readers.latex._FI", [("", "\\fi"), ("", "\\f")], id="latex-fi"),
        pytest.param("bibnorm.readers.typst._CODE_STRING", [("", "( "), ("", "(\""), ("#import", " ")],
                     id="typst-code-string"),
        pytest.param("bibnorm.readers.typst._REFERENCE", [("", "@a"), ("", "@a."), ("a", "@")],
                     id="typst-reference"),
        pytest.param("bibnorm.text.markup._BOLD_LABEL", [("", "**a"), ("**", "a:"), ("", "  __")],
                     id="a-bold-label"),
        pytest.param("bibnorm.text.markup._BRACKETED_LINK", [("", "[[a"), ("[[a]](", "b"), ("", "]]")],
                     id="a-bracketed-link"),
        pytest.param("bibnorm.readers.latex._UNREAD",
                     [("", "\\begin{"), ("", "\\verb"), ("\\begin ", "{comment")], id="latex-unread"),
        pytest.param("bibnorm.text.markup._EMPHASIS", [("", "*a"), ("", "_a "), ("*", "a "), ("_", "a_b ")],
                     id="emphasis-by-one-mark"),
        pytest.param("bibnorm.text.markup._CODE", [("", ":a:`"), ("", "`a"), (":doi:`", "a ")],
                     id="a-code-span"),
        pytest.param("bibnorm.text.markup._TAG", [("", "<a "), ("", "</div"), ("<br", " ")], id="a-tag"),
        pytest.param("bibnorm.text.markup._REFERENCE_LINK", [("", "[a]"), ("", "[a]["), ("[", "a ")],
                     id="a-reference-link"),
        pytest.param("bibnorm.text.markup._LINK_DEFINITION",
                     [("", " [a]: "), ("[a]: b", " \"c "), ("", "  ")],
                     id="a-link-definition"),
        pytest.param("bibnorm.text.markup._LINE_MARK", [("", "  "), ("", "# "), ("", "- [ ] ")],
                     id="a-lines-mark"),
        pytest.param("bibnorm.text.markup._ESCAPE", [("", "\\ "), ("", " \\A")], id="an-escape"),
        pytest.param("bibnorm.readers.lines._SET_APART", [("“", "a "), ("", "“a” "), ("\"", "a, ")],
                     id="a-title-set-apart"),
        pytest.param("bibnorm.readers.lines._NAMES_AFTER", [("", ". Aa "), ("", ". Aa and "), (".", " ")],
                     id="names-after-a-title"),
        pytest.param("bibnorm.readers.lines._TABLE_RULE", [("", "-"), (":", "-:")], id="a-tables-rule"),
        pytest.param("bibnorm.readers.lines._A_REFERENCE", [("", "1 - "), ("", "A. "), ("", "et ")],
                     id="a-references-parts"),
        pytest.param("bibnorm.readers.base._YEAR_AFTER", [("", ", 2023 "), ("", ". ("), ("", ", ")],
                     id="a-year-after-a-title"),
        pytest.param("bibnorm.readers._unreadable._JSON_LINE", [("", "[1, "), ("", "{ "), ("[", " a")],
                     id="a-json-line"),
        pytest.param("bibnorm.readers._ref_ids._EMPTY_BRACKETS", [("", "( "), ("", "[ ")],
                     id="empty-brackets"),
        # what pdf_dev14 showed: a biography after the list, particles after initials, names before
        # a title in one sentence, an RFC's number, a subtitle after a quotation
        pytest.param("bibnorm.readers._list_edges._BIOGRAPHY",
                     [("", "Aa "), ("Aa ", "(M’76–"), ("", "A. ")], id="a-biography"),
        pytest.param("bibnorm.readers._ref_physics._INITIAL_THEN_SENTENCE",
                     [("and A. ", "van "), ("and ", "A. ")], id="an-initial-then-particles"),
        pytest.param("bibnorm.readers._ref_physics._NAME_THEN_SENTENCE",
                     [("and Aa ", "de "), ("and Aa", " A.")], id="a-name-then-particles"),
        pytest.param("bibnorm.readers._ref_physics._INITIALS_FIRST", [("", "A. "), ("", "A.-")],
                     id="initials-first"),
        pytest.param("bibnorm.readers._ref_physics._NO_TITLE_OPENING", [("", "and "), ("", "eds ")],
                     id="no-title-opening"),
        pytest.param("bibnorm.readers._ref_physics._INITIALS_UNDOTTED", [("", "Aa "), ("", "aA")],
                     id="initials-undotted"),
        pytest.param("bibnorm.readers._ref_vancouver._NAMES_GO_ON", [("Van ", "Aa, "), ("", "Van ")],
                     id="names-going-on"),
        pytest.param("bibnorm.readers.refs._SUBTITLE_LEAD", [("", " "), ("", ": "), ("", " - ")],
                     id="a-subtitle-lead"),
        # a year glued to its neighbours (not in a link), an initial (a title's none; amsplain's names)
        pytest.param("bibnorm.readers.refs._GLUED_YEAR", [("", "a2020"), ("", "(2020)"), ("", "2020May")],
                     id="a-glued-year"),
        pytest.param("bibnorm.readers.refs._IN_A_LINK", [("", "a"), ("", "/")], id="in-a-link"),
        pytest.param("bibnorm.readers.refs._AN_INITIAL", [("", "A."), ("a", "Aa.")], id="an-initial"),
        pytest.param("bibnorm.readers._ref_physics._AN_INITIAL", [("", "A. "), ("a", "Aa.-")],
                     id="an-initial-before-a-blank"),
        # an "and others" of a script without capitals, a year glued to the names' last initial,
        # a lone reference's number, the names' or the year's sentence before a quotation
        pytest.param("bibnorm.readers.refs._CASELESS_OTHERS", [("", ", 等"), ("", " 等 "), ("", "等")],
                     id="caseless-others"),
        pytest.param("bibnorm.readers.refs._YEAR_AFTER_THE_NAMES", [("", "A.2020"), ("", "al."), ("", " A.")],
                     id="a-year-after-the-names"),
        pytest.param("bibnorm.readers.refs._TITLE_START", [("", "“"), ("", "Ma")], id="a-titles-start"),
        pytest.param("bibnorm.readers._reflist._LONE_NUMBER",
                     [("", "[1] "), ("[1]", " "), ("1.", " "), ("", "(1) ")], id="a-lone-references-number"),
        pytest.param("bibnorm.readers._ref_quoted._NAMES_END",
                     [("", "Aa. "), ("", " 2020. "), ("", " ("), ("", " (2020) "), ("", " (2020): ")],
                     id="the-names-or-the-years-end"),
        pytest.param("bibnorm.readers.refs._YEAR_LEAD", [("", "2020 "), ("2020", " ")], id="a-years-lead"),
        pytest.param("bibnorm.readers.refs._LOCATOR_END",
                     [("", ", 1-2"), ("", "1 "), ("", " 1, 2"), ("", " 1 (2), ")],
                     id="a-volume-and-pages-or-pages-alone"),
        pytest.param("bibnorm.readers.refs._UNKNOWN_PLACE", [("", "[s.l.]"), ("", "[S. l.: s. n.]")],
                     id="no-place"),
        pytest.param("bibnorm.readers._title_questions._QUESTION", [("", "?, "), ("", "? ")],
                     id="a-questions-end"),
        pytest.param("bibnorm.readers.refs._LAST_SENTENCE", [(". ", "a"), ("", ". a"), (". ", " ")],
                     id="the-last-sentence"),
        # a quotation ending a quoted title; a journal after a title's word of one letter
        pytest.param("bibnorm.readers.refs._QUOTATION_LAST_IN_QUOTES",
                     [("“", "a “b"), ("", "“a"), ("«", " a “b” "), ("“a “", "b")],
                     id="a-quotation-ending-quotes"),
        pytest.param("bibnorm.readers.refs._JOURNAL_AFTER_A_LETTER",
                     [("", " R. "), (" R.", " A"), ("", " R. Bio ")],
                     id="a-journal-after-a-letter"),
        pytest.param("bibnorm.readers._ref_apa._A_MEDIUM", [("", "Online"), ("", "Internet ")],
                     id="a-medium"),
        pytest.param("bibnorm.readers.refs._BETWEEN_SLASHED_NAMES", [("", "A. / "), ("", "a/"), ("", " /")],
                     id="a-slash-between-names"),
        pytest.param("bibnorm.readers.refs._PERSONS_NAME", [("", ", "), ("", "A "), ("", "-A.")],
                     id="a-persons-name"),
        pytest.param("bibnorm.readers.refs._DESIGNATED_TITLE", [("", "a "), ("a", " [Internet"), ("", "[")],
                     id="a-designated-title"),
        pytest.param("bibnorm.readers._title_questions._MARKED_QUESTION", [("", "?. "), ("?", ", ")],
                     id="a-marked-question"),
        pytest.param("bibnorm.readers._field_choice._UP_TO_THE_NUMBERS", [("", "Ab. "), ("", "a")],
                     id="up-to-the-numbers"),
        pytest.param("bibnorm.readers._field_choice._IN_A_VENUE", [("", "In "), ("", "in."), (" ", "Ina")],
                     id="in-a-venue"),
        # an initial joined to the next by a hyphen; a title's parts at a sentence's end
        pytest.param("bibnorm.readers._field_choice._INITIAL", [("", "A.-"), ("", "Aa."), ("A", ".-")],
                     id="a-hyphened-initial"),
        pytest.param("bibnorm.readers._no_work_title._PARTS", [("", ". "), ("", ", "), (".", " a")],
                     id="a-titles-parts"),
        pytest.param("bibnorm.readers._field_choice._PART_ARABIC", [("", "1"), ("1", ".")],
                     id="a-parts-number"),
        pytest.param("bibnorm.readers._ref_vancouver._NAMES_YEAR", [("", " (2020)"), (" (", "2020 ")],
                     id="the-names-year-last"),
        # names with initials outside ASCII ("Kaiser, Ł.", "Nowak Ł. Ł.")
        pytest.param("bibnorm.readers._ref_inverted_names.INVERTED_NAMES",
                     [("Kaiser, ", "Ł. "), ("Kaiser, Ł.", ", Šulc, Ž."), ("Ø", "ksendal, Ł., ")],
                     id="inverted-names-with-latin-initials"),
        pytest.param("bibnorm.readers.refs._GOST_NAMES", [("", "Nowak Ł. Ł., "), ("Nowak", " Ł.")],
                     id="gost-names-with-latin-initials"),
        pytest.param("bibnorm.readers.refs._DIN", [("", "Nowak, Łukasz ; "), ("Nowak, Ł", "ukasz Ł")],
                     id="din-names-with-latin-capitals"),
        # given names of several small letters each, the list failing at its end
        pytest.param("bibnorm.readers._ref_inverted_names._GIVEN_NAMES",
                     [("", "Lukasz "), ("", "Łukasz "), ("Lukasz", " Ł.")], id="given-names-words"),
        pytest.param("bibnorm.readers._ref_inverted_names._GIVEN_FIRST",
                     [("", "Lukasz "), ("Lukasz", " Ł.")], id="given-first-words"),
        pytest.param("bibnorm.readers._ref_inverted_names._FAMILY_FIRST",
                     [("", "Lukasz "), ("de ", "Lukasz ")], id="family-first-words"),
        pytest.param("bibnorm.readers.refs._BLANK_BEFORE_A_COMMA", [("A", "a"), ("a", " "), ("a ", "a ")],
                     id="a-blank-before-a-comma"),
        pytest.param("bibnorm.readers.refs._GLUED_SEMICOLON", [("", "a;"), ("", ".;a"), ("a", ";;")],
                     id="a-glued-semicolon"),
        pytest.param("bibnorm.readers._field_choice._VENUES_ACRONYM",
                     [("", "A"), ("A", "a"), ("Ne", "u"), ("NeuI", "p")],
                     id="a-venues-acronym"),
        # a journal's series letter, a year alone, a months' range, a part's word, a link, a group
        pytest.param("bibnorm.readers._field_choice._SERIES_LETTER", [("", " "), (" ", "A")],
                     id="a-series-letter"),
        pytest.param("bibnorm.readers._field_choice._MEETINGS_OF",
                     [("Proceedings", " "), ("Proceedings of", " "), ("Proceedings of the", ". ")],
                     id="a-meetings-word-and-of"),
        pytest.param("bibnorm.readers._field_choice._VENUE_OPENING",
                     [("In 2016 ", "A "), ("In 2016 ", "Ab"), ("In 3rd ", "A/ "), ("In ", " ")],
                     id="a-venues-opening"),
        pytest.param("bibnorm.readers._field_choice._YEAR_ALONE", [("", "2020"), ("2020", "a")],
                     id="a-year-alone"),
        pytest.param("bibnorm.readers._field_choice._MONTHS_APART", [("", "-"), ("a", "–a")],
                     id="months-apart"),
        pytest.param("bibnorm.readers._field_choice._PART_WORD", [("", "Part"), ("", "Pt.")],
                     id="a-parts-word"),
        pytest.param("bibnorm.readers._no_work_title._LINK", [("", "www."), ("", "http:/")],
                     id="a-link"),
        pytest.param("bibnorm.readers._ref_vancouver._DESIGNATOR", [("", " "), ("a", " [Internet")],
                     id="a-designator-after-a-title"),
        pytest.param("bibnorm.readers.refs._GROUP", [("", "Aa "), ("", "2020 "), ("A ", "2020 Aa")],
                     id="a-group-with-a-year"),
        pytest.param("bibnorm.readers._field_choice._YEAR_LAST",
                     [("aaa", ". 2020"), ("", "aaa.. "), ("", "; (")], id="a-year-after-the-titles-end"),
        pytest.param("bibnorm.readers._field_choice._ENDS_IN_AN_INITIAL",
                     [("", " A."), ("", "-A"), ("", "A.")], id="ends-in-an-initial"),
        pytest.param("bibnorm.readers._ref_vancouver._YEAR_VOLUME_PAGES",
                     [("", "2020;1("), ("2020;1", "(1"), ("", "2020;1:")],
                     id="a-year-before-volume-and-pages"),
        pytest.param("bibnorm.readers.refs._UNLABELLED_DATE_AT_THE_END",
                     [("", "(1.1.2020"), ("", ", 1. 1."), ("(", "1.1.2020) ")],
                     id="a-visits-date-unlabelled"),
        pytest.param("bibnorm.readers.refs._UNLABELLED_NAMED_DATE_AT_THE_END",
                     [("", "(1 May "), ("", "(May 1, "), ("(", "May 1, 2020 ]"), ("", ", 1. Mar. ")],
                     id="a-visits-date-unlabelled-its-months-name"),
        pytest.param("bibnorm.readers.refs._APA", [("a", " (2020), Nummer "), ("", "(2020), "), ("", "a ")],
                     id="apas-year-before-an-issues-number"),
        # a bracket after a title: the lookahead that reads a bracket's words, its parentheses
        pytest.param("bibnorm.readers.refs._APA_DESCRIPTION",
                     [("a", " [the a"), ("a", " [a "), ("a", " [A (a) "), ("a", " [a a a ]"),
                      ("a", " [a a 1"), ("a", " (2nd ed.)")],
                     id="apas-description-not-the-titles-own-bracket"),
        pytest.param("bibnorm.readers._ref_apa._BRACKETED_AFTER",
                     [("a", " [A a"), ("a", " [A ("), ("a", " [A a) ")],
                     id="a-bracket-after-a-title-without-a-parenthesis"),
        # full-width marks glued to a letter, a venue's glued year, pages' ranges with a wave dash
        pytest.param("bibnorm.readers._field_choice._UNSPACED", [("", "1～"), ("", "a "), ("1", "～1")],
                     id="full-width-marks-glued-to-a-letter"),
        pytest.param("bibnorm.readers._field_choice._VENUES_YEAR",
                     [("", ",2020"), ("", ", "), ("a", ",2020,")],
                     id="a-venues-glued-year"),
        # a .bbl's line broken by a comment's "%", the next line's blanks after it
        pytest.param("bibnorm.readers.bbl._LINE_BROKEN_BY_A_COMMENT",
                     [("", "%\n"), ("%\n", " "), ("", "\\%\n"), ("", "%\r")],
                     id="a-line-broken-by-a-comment"),
        # a medium in brackets closing a title, and what follows it
        pytest.param("bibnorm.readers._field_choice._MEDIUM_AND_AFTER",
                     [("a", " [Internet]"), ("a", " "), ("a", " [Text] ."), ("", "[Text"), ("a", "\t [")],
                     id="a-medium-and-what-follows"),
        # a book's count of pages in the parenthesis closing its title, or left open at its word
        pytest.param("bibnorm.readers._field_choice._COUNT_OF_PAGES",
                     [("a", " (p. "), ("", " (1"), ("", " (x + "), ("a ", "(s"), ("", "  ")],
                     id="a-count-of-pages"),
        # one inverted name, its given names and its initial, then the title in the same sentence
        pytest.param("bibnorm.readers.refs._GIVEN_NAMES_THEN_INITIAL",
                     [("Family,", " Given"), ("Family, Given", " A."), ("", "Family, Given A. "),
                      ("Family, Given A. ", "Title "), ("", "a")],
                     id="a-given-name-and-an-initial-then-a-title"),
        # an author-date key before the names: families, "et al.", the year and a colon
        pytest.param("bibnorm.readers.refs._AUTHOR_DATE_KEY",
                     [("Family", " et al 2001 "), ("Family", ", Family"), ("Family ", "x "),
                      ("", "Family 2001 : "), ("Family", " 2001"), ("Family", " u. a"), ("Family 2001", " ")],
                     id="an-author-date-key"),
        # the word that opens a venue after a title's last comma
        pytest.param("bibnorm.readers._field_choice._A_VENUES_LEAD_LAST",
                     [("a", ", in x"), ("a", ", "), ("a", " ,"), ("a", ",  dans")],
                     id="a-venues-lead-last"),
        # a reprint's original year before its own: a sentence before "Reprint, ", or after the names
        pytest.param("bibnorm.readers._ref_dates._ORIGINALS_YEAR",
                     [("", "(2020) "), ("", "2020. "), ("(2020)", " 2020"), ("", "2020. Reprint")],
                     id="a-reprints-original-year"),
        pytest.param("bibnorm.readers.refs._AUTHOR_YEAR",
                     [("a", "(2020) 2020a. "), ("", "(2020) "), ("a", " ")],
                     id="chicagos-reprint-after-the-names"),
        pytest.param("bibnorm.readers._ref_dates._VOLUME_PAGES", [("", "1, 2～"), ("1:", "2～3"), ("", "1(")],
                     id="a-volumes-pages-with-a-wave-dash"),
        pytest.param("bibnorm.readers._ref_dates._PAGES", [("", "pp. 1～"), ("pp. ", "1～"), ("", "p.")],
                     id="pages-with-a-wave-dash"),
        pytest.param("bibnorm.readers._ref_dates._PAGES_IN_KANJI", [("", "1〜"), ("1", "〜1頁")],
                     id="pages-in-kanji-with-a-wave-dash"),
        # a meeting's days after a title; a part's number, an issue's months left open, in a venue
        pytest.param("bibnorm.readers._field_choice._EVENT_AT_THE_END",
                     [("", ", 1–2 May"), (",", " 1–2 May 2020"), ("", ", May 1-")],
                     id="a-meetings-days-at-the-end"),
        pytest.param("bibnorm.readers._field_choice._PARTS_NUMBER_FIRST", [("", "X"), ("XI", ". ")],
                     id="a-parts-number-first"),
        pytest.param("bibnorm.readers._field_choice._ISSUE_AT_THE_END", [("", " (May-"), ("(", " 1 ")],
                     id="an-issues-months-at-the-end"),
        pytest.param("bibnorm.readers._field_choice._AN_INITIAL_ALONE", [("", "A."), ("A", ".")],
                     id="an-initial-alone"),
        # citation templates: their openings, a value's links and templates, Vancouver's names
        pytest.param("bibnorm.readers.wikitext._OPENING",
                     [("", "{{cite "), ("{{cite ", "a"), ("{{cite a", "\n "), ("<cite|", " "),
                      ("", "<cite| a")],
                     id="a-templates-opening"),
        pytest.param("bibnorm.readers.wikitext._LINK", [("", "[["), ("[[", "a|"), ("[[a|", "b")],
                     id="a-wiki-link"),
        pytest.param("bibnorm.readers.wikitext._EXTERNAL_LINK", [("", "[//"), ("[//", "a "), ("[// ", "b")],
                     id="an-external-link"),
        pytest.param("bibnorm.readers.wikitext._MARKS", [("", "{"), ("", "[|"), ("", "}")],
                     id="a-templates-marks"),
        pytest.param("bibnorm.readers.wikitext._ITALICS_OR_BOLD", [("", "'"), ("a", "'a")],
                     id="italics-or-bold"),
        pytest.param("bibnorm.readers.wikitext._TAG", [("", "<"), ("<", "a")], id="an-html-tag"),
        pytest.param("bibnorm.text.blanking._NO_LINE_BREAK", [("", "a"), ("", "\n")], id="no-line-break"),
        pytest.param("bibnorm.readers.wikitext._INNER_TEMPLATE", [("", "{{"), ("{{", "a")],
                     id="a-template-in-a-value"),
        pytest.param("bibnorm.readers.wikitext._REFERENCE_NAME",
                     [("<ref", " "), ("<ref name=", "a"), ("", "<ref ")],
                     id="a-ref-tags-name"),
        pytest.param("bibnorm.readers.wikitext._VANCOUVER_NAME", [("", "(("), ("((", "a"), ("", " ")],
                     id="vancouvers-names"),
        # a journal's volume after a title it runs on from
        pytest.param("bibnorm.readers._field_choice._VOLUME_NEXT",
                     [(",", " 1 "), ("", " 1–"), ("", "1. May")],
                     id="a-volume-next"),
        # names after a quoted title, each a family and initials (a word may be either), with no
        # period to end them; a link's label after a comma; a journal's series' name
        pytest.param("bibnorm.readers.refs._LISTED_NAMES",
                     [("", "Ab CD, "), ("", "Ab Cd EF, "), ("Ab", " C"), ("", "Ab, et al ")],
                     id="names-listed-after-a-title"),
        pytest.param("bibnorm.readers.refs._SHORT_QUOTED_AFTER_A_SENTENCE",
                     [(". ", "“a"), ("", ". “"), (". “", "abcdef")], id="a-short-title-after-a-period"),
        pytest.param("bibnorm.readers._field_choice._LINKS_LABEL",
                     [("", ", Url "), ("", ", Available at "), (",", " ")], id="a-links-label"),
        pytest.param("bibnorm.readers._field_choice._SERIES_SUBTITLE",
                     [(", ", "Ab "), (", ", "and, "), ("", ", Ab ")], id="a-series-name"),
        pytest.param("bibnorm.readers._field_choice._ABBREVIATED_AFTER", [("", " Ab."), (".", " A")],
                     id="abbreviated-words-after"),
        pytest.param("bibnorm.readers._field_choice._PAGE_RANGE", [("", "1–"), ("1", "--"), ("", "12")],
                     id="a-page-range"),
        pytest.param("bibnorm.readers._italic_titles._SENTENCE_AFTER_A_WORD",
                     [("", "abc. A"), ("abc. A", "b")], id="a-sentence-after-a-word"),
        # a publisher's name after a title, capitalised words before it, its place after it: runs of
        # marks and capitalised words that never reach the end, and publishers' names repeated
        pytest.param("bibnorm.readers._field_choice._PUBLISHER_AT_THE_END",
                     [("", ", Ab "), ("", ". Springer "), ("a", ", Springer, New York "), ("", ", Press,"),
                      ("a, ", "Oxford University Press "), ("", "Aa-Bb&Cc ")],
                     id="a-publisher-at-the-end"),
        pytest.param("bibnorm.readers._ref_ids._BACK_REFERENCE_PAGE",
                     [("", "1.vii"), ("1", ".x"), ("1.", "iiiiiii")], id="a-back-references-page"),
        pytest.param("bibnorm.readers._field_choice._NUMBERS", [("", "1a"), ("", "12")], id="numbers"),
        # GOST's names after the title: initials, families, commas and an "and others" repeated
        pytest.param("bibnorm.readers.refs._GOST_STATEMENT",
                     [(" / ", "А. А. Б"), (" / ", "A.-B."), (" / A. Bb", ", C. Dd"), (" / A. Bb", " [и др.")],
                     id="a-gost-statement"),
        pytest.param("bibnorm.readers.refs._BRACKETED_OTHERS", [("", "[et al"), ("", "[и др.")],
                     id="a-bracketed-and-others"),
        pytest.param("bibnorm.readers._ref_author_year._COUNTRYS_ABBREVIATION",
                     [("", "U."), ("U.S.", " "), ("", "U.S")], id="a-countrys-abbreviation"),
        # a part's number opening a venue: its words, Roman letters and digits repeated
        pytest.param("bibnorm.readers._field_choice._PARTS_OPENING",
                     [("", "Part "), ("Part ", "X"), ("", "XI"), ("Paper ", "1"), ("", "IV. ")],
                     id="a-parts-opening"),
        # the Roman numeral both are built from, and the venue opened by one
        pytest.param("bibnorm.readers._field_choice.PART_NUMBER", [("", "X"), ("", "I"), ("XX", "I.")],
                     id="a-parts-number"),
        pytest.param("bibnorm.readers._field_choice._PARTS_NUMBER_FIRST",
                     [("", "X"), ("X", ". "), ("", "IV")], id="a-parts-number-first"),
        # a series statement after a book's title: marks, blanks, volumes' words and figures repeated
        pytest.param("bibnorm.readers._field_choice._SERIES_STATEMENT",
                     [("", ", "), ("", ", volume 1"), ("a", ". Volume 49 of "), (", vol", "1")],
                     id="a-series-statement"),
        pytest.param("bibnorm.readers._field_choice._VOLUME_AT_THE_END",
                     [("", ", "), ("", ", vol 1"), ("a,", " "), ("", ". Volume 2")],
                     id="a-volume-at-the-end"),
        pytest.param("bibnorm.readers._field_choice._EDITION_INSIDE",
                     [("", ", "), ("", ", second "), (", 2nd", " rev"), ("", ", third ed., "),
                      ("a, 2nd", " ")],
                     id="an-edition-inside"),
        pytest.param("bibnorm.readers._field_choice._VOLUME_FIRST",
                     [("", " "), ("", ", vol"), (", volume", " 1")], id="a-volume-first"),
        # a one-word title's token: letters, digits and hyphens run on past its bound, no period
        pytest.param("bibnorm.readers._field_choice._LONE_WORD",
                     [("", "a"), ("a", "-"), ("a", "+1"), ("", "a.")], id="a-lone-word"),
        # the AMS's names before the year: initials with periods and commas that never reach a
        # year and its colon, or a year with no colon after it
        pytest.param("bibnorm.readers.refs._AMS",
                     [("", "Aa, B. "), ("", "E.R. "), ("", ", "), ("Aa, B.", " 1990 "), ("", "et al. ")],
                     id="the-ams-names-and-year"),
        # Vancouver names, then a lowercase word that its period or colon never ends
        pytest.param("bibnorm.readers._ref_vancouver._VANCOUVER",
                     [("Aa B. ", "a"), ("Aa B. ", "a-"), ("", "Aa B, "), ("Aa B. t", "idyr")],
                     id="vancouver-with-a-lowercase-title"),
        # a chapter's editors' mark before its book, searched for as the end of what precedes it:
        # marks and blanks that never reach the end
        pytest.param("bibnorm.readers._field_choice._EDITORS_MARK_LAST",
                     [("", "eds. "), ("", " "), ("(eds", ") x"), ("", "editors, ")],
                     id="an-editors-mark-last"),
        # initials and "et al." before a family name that never gets its period and blank
        pytest.param("bibnorm.readers._field_choice._ET_AL_BEFORE_THE_FAMILY",
                     [("", "B. "), ("B. P. et al. ", "a"), ("", " ")], id="initials-et-al-family"),
        # a link left out: runs of blanks, "http" never followed by "://"
        pytest.param("bibnorm.readers._field_choice._LINK_LEFT_OUT",
                     [("", "  x"), ("", " http"), ("", "www")], id="a-link-left-out"),
    ],
)  # fmt: skip
def test_patterns_stay_linear_on_the_runs_their_own_parts_read(
    where: str, attacks: list[tuple[str, str]]
) -> None:
    found = PATTERNS[where]
    assert super_linear(found.pattern, attacks, methods=found.methods) == []


def test_attacks_pump_the_patterns_own_parts() -> None:
    pumps = {pump for _, pump in attack_strings(re.compile(r"^(?:Smith\s)+X$"))}
    assert "Smith " in pumps
    assert "Family II, " in GENERIC_PUMPS


def test_the_detector_times_a_pattern_as_it_is_called() -> None:
    # quadratic when searched (each blank of a run is a new start), linear when matched at one place
    runs = re.compile(r"\s+x")
    assert super_linear(runs, [("", " ")])
    assert super_linear(runs, [("", " ")], methods=("match", "fullmatch")) == []


# The tools' patterns, outside the package's inventory: they read TeX's logs and `.bbl` files and
# biblatex's marked output, which the data and benches take from public repositories.
@pytest.mark.parametrize(
    ("folder", "module", "name"),
    [
        pytest.param("scripts", "biblatex_render", "MARKER", id="biblatex's field markers"),
        pytest.param("scripts", "biblatex_render", "_DOTLESS", id="a dotless letter under an accent"),
        pytest.param("scripts", "make_tagger_data", "_TEX_WORD", id="TeX's logos"),
        pytest.param("scripts", "make_tagger_data", "_SHORT_HEAD", id="a short head before a colon"),
        pytest.param("scripts", "make_tagger_data", "_EDITOR_WORD", id="an editor's word"),
        pytest.param("scripts", "make_tagger_data", "_BEFORE_FRENCH_SPACE", id="French typography's colons"),
        pytest.param("bench", "bench_pdf_corpus", "_NOT_LOADABLE", id="pdflatex's fonts not loaded"),
        pytest.param("bench", "bench_pdf_corpus", "_ITEM_COMMAND", id="a .bbl's item command"),
        pytest.param("bench", "bench_pdf_corpus", "_ET_AL", id="a truth author's et al"),
        pytest.param("bench", "bench_tagger_heldout", "_NAME_JOIN", id="names joined without a space"),
        pytest.param("bench", "bench_tagger_heldout", "_LIST_NUMBER", id="a list's number"),
        pytest.param("bench", "bench_tagger_heldout", "_KIND_MARK", id="GB/T's kind of work's mark"),
        pytest.param("bench", "bench_tagger_heldout", "_YEAR_THEN_WORDS", id="a year glued to a title"),
        pytest.param("bench", "bench_tagger_heldout", "_YEAR_SET_OFF", id="a year set off by punctuation"),
        pytest.param("bench", "bench_tagger_heldout", "_NAME_PIECE", id="a name's pieces"),
        pytest.param("bench", "bench_pdf_corpus", "_OVERRIDE_MODE", id="a truth override's mode"),
        pytest.param("bench", "bench_pdf_corpus", "_NOOP", id="a sort key in a .bib's year"),
        pytest.param("bench", "bench_pdf_corpus", "_TEX_COMMAND", id="a .bbl item's TeX commands"),
        pytest.param("bench", "bench_pdf_corpus", "_FIELDED_TITLE", id="a .bbl item's title field"),
    ],
)
def test_no_pattern_of_a_tool_grows_super_linearly(folder: str, module: str, name: str) -> None:
    assert super_linear(getattr(load(folder, module), name)) == []


# One test per package, the rest of bibnorm last (a failure names the package it is in).
_PACKAGES = ("bibnorm.readers.", "bibnorm.text.", "bibnorm.resolvers.", "bibnorm.bib.", "bibnorm.verify.")


@pytest.mark.parametrize("package", [*_PACKAGES, "the rest"])
def test_no_pattern_of_a_package_grows_super_linearly(package: str) -> None:
    findings = {
        where: super_linear(found.pattern, methods=found.methods)
        for where, found in PATTERNS.items()
        if (where.startswith(package) if package in _PACKAGES else not where.startswith(_PACKAGES))
    }
    assert {
        where: [str(found) for found in found_here] for where, found_here in findings.items() if found_here
    } == {}
