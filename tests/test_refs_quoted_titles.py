"""A quoted title with words between it and the sentence of names: a quotation inside the
title, or a multi-volume work's title before "Vol. 1:" and the volume's own (quoted from its
italics). References as biblatex's standard styles print them; the names end at their sentence."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        pytest.param("Martha Nussbaum. Aristotle’s “De Motu Animalium.” Princeton: Princeton University "
                     "Press, 1978.", "Aristotle’s De Motu Animalium", ("Martha Nussbaum",),
                     id="a-quotation-ends-the-title"),
        pytest.param("Averroes. Des Averroës Abhandlung: “Über die Möglichkeit der Conjunktion” oder “Über "
                     "den materiellen Intellekt.” Ed., trans., and annot. by Ludwig Hannes. Halle an der "
                     "Saale: C. A. Kaemmerer, 1892.",
                     "Des Averroës Abhandlung: Über die Möglichkeit der Conjunktion oder Über den "
                     "materiellen Intellekt", ("Averroes",), id="two-quotations-inside-the-title"),
        pytest.param("Friedrich Nietzsche. Sämtliche Werke. Kritische Studienausgabe. Vol. 1: “Die Geburt "
                     "der Tragödie. Unzeitgemäße Betrachtungen I–IV. Nachgelassene Schriften 1870–1973”. "
                     "Ed. by Giorgio Colli and Mazzino Montinari. München: Taschenbuch-Verlag, 1988.",
                     "Die Geburt der Tragödie. Unzeitgemäße Betrachtungen I–IV. Nachgelassene Schriften "
                     "1870–1973", ("Friedrich Nietzsche",), id="a-volumes-own-title"),
        pytest.param("Donald E. Knuth. Computers & Typesetting. Vol. A: “The TEXbook”. Reading, Mass.: "
                     "Addison-Wesley, 1984.", "The TEXbook", ("Donald E. Knuth",),
                     id="an-ampersand-in-the-works-title-joins-no-names"),
        pytest.param("S A Nastase, Y Liu, K A Norman, and U Hasson. The “Narratives” fMRI dataset for "
                     "evaluating models of naturalistic language comprehension. Sci. Data, 8:250, 2021.",
                     "The “Narratives” fMRI dataset for evaluating models of naturalistic language "
                     "comprehension",
                     ("S A Nastase", "Y Liu", "K A Norman", "U Hasson"), id="initials-without-periods-unsrt"),
        pytest.param("Gordon E. Moore. “Cramming more components onto integrated circuits.” In: Electronics "
                     "38.8 (1965), pp. 114–117.", "Cramming more components onto integrated circuits",
                     ("Gordon E. Moore",), id="nothing-between"),
        pytest.param("John Smith. 2015. “A Title of Some Length.” In Proceedings of the Conference.",
                     "A Title of Some Length", ("John Smith",), id="a-year-between-is-no-title"),
        # names ending with an initial, then the year's sentence: the title runs from after it
        pytest.param("Maess, B., Schröger, E., and Widmann, A. 2016. High-Pass Filters and Baseline "
                     "Correction in M/EEG Analysis. Commentary on: “How Inappropriate High-Pass Filters Can "
                     "Produce Artefacts”. Journal of Neuroscience Methods 266: 164–165.",
                     "High-Pass Filters and Baseline Correction in M/EEG Analysis. Commentary on: How "
                     "Inappropriate High-Pass Filters Can Produce Artefacts",
                     ("Maess, B.", "Schröger, E.", "Widmann, A."), id="a-quotation-after-the-years-sentence"),
        pytest.param("Maess, B., Schröger, E. and Widmann, A. (2016) High-Pass Filters and Baseline "
                     "Correction in M/EEG Analysis. Commentary on: “How Inappropriate High-Pass Filters Can "
                     "Produce Artefacts”. Journal of Neuroscience Methods 266: 164–165.",
                     "High-Pass Filters and Baseline Correction in M/EEG Analysis. Commentary on: How "
                     "Inappropriate High-Pass Filters Can Produce Artefacts",
                     ("Maess, B.", "Schröger, E.", "Widmann, A."), id="after-the-year-in-brackets"),
        pytest.param("Maess, Burkhard; Schröger, Erich; Widmann, Andreas (2016): High-Pass Filters and "
                     "Baseline Correction in M/EEG Analysis. Commentary on: “How Inappropriate High-Pass "
                     "Filters Can Produce Artefacts”, in: Journal of Neuroscience Methods, 266, S. 164–165.",
                     "High-Pass Filters and Baseline Correction in M/EEG Analysis. Commentary on: How "
                     "Inappropriate High-Pass Filters Can Produce Artefacts",
                     ("Maess, Burkhard", "Schröger, Erich", "Widmann, Andreas"),
                     id="after-the-year-in-brackets-and-a-colon"),
        pytest.param("B. Smith Jr. and C. Doe, “A Title of Some Length,” in Proc. Conf., 2001.",
                     "A Title of Some Length", ("B. Smith Jr", "C. Doe"), id="more-names-between"),
        # the state in the year's place (Chicago's author-date; github:desmarais-lab's reference list)
        pytest.param("Cranmer, Skyler J. and Bruce A. Desmarais. Accepted. “A Critique of Dyadic Design.” "
                     "International Studies Quarterly .", "A Critique of Dyadic Design",
                     ("Cranmer, Skyler J", "Bruce A. Desmarais"), id="a-state-between-is-no-title"),
        pytest.param("Cranmer, Skyler J., and Bruce A. Desmarais. Forthcoming. “A Critique of Dyadic "
                     "Design.” International Studies Quarterly.", "A Critique of Dyadic Design",
                     ("Cranmer, Skyler J", "Bruce A. Desmarais"), id="forthcoming-between-is-no-title"),
    ],
)  # fmt: skip
def test_words_between_the_names_and_the_quotes(text: str, title: str, authors: tuple[str, ...]) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, authors)


# A quotation that opens the title, words after it in the same sentence: the title runs on past the
# quotation to the separator the names end with (a period: the sentence's end; a comma: the next
# comma). IEEE's quotes inside its quotes open the title too.
@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        pytest.param("John H Nachbar. “evolutionary” selection dynamics in games: Convergence and limit "
                     "properties. International journal of game theory, 19(1):59–89, 1990.",
                     "“evolutionary” selection dynamics in games: Convergence and limit properties",
                     ("John H Nachbar",), id="plainnat-names-then-a-period"),
        pytest.param("M. T. Ribeiro, S. Singh, and C. Guestrin, \" why should i trust you?\" explaining the "
                     "predictions of any classifier, in Proceedings of the 22nd ACM SIGKDD international "
                     "conference on knowledge discovery and data mining, 2016, pp. 1135–1144.",
                     "\" why should i trust you?\" explaining the predictions of any classifier",
                     ("M. T. Ribeiro", "S. Singh", "C. Guestrin"), id="names-then-a-comma"),
        pytest.param("J. M. Zhang and M. Harman, “\"ignorance and prejudice\" in software fairness,” in "
                     "2021 IEEE/ACM 43rd International Conference on Software Engineering (ICSE), pp. "
                     "1436–1447, 2021.", "\"ignorance and prejudice\" in software fairness",
                     ("J. M. Zhang", "M. Harman"),
                     id="ieee-quotes-inside-quotes"),
        pytest.param("A. Finkelstein, M. Harman, S. A. Mansouri, J. Ren, and Y. Zhang, ““fairness analysis” "
                     "in requirements assignments,” in 2008 16th IEEE International Requirements "
                     "Engineering Conference, pp. 115–124, IEEE, 2008.",
                     "“fairness analysis” in requirements assignments",
                     ("A. Finkelstein", "M. Harman", "S. A. Mansouri", "J. Ren", "Y. Zhang"),
                     id="ieee-curly-quotes-inside-curly-quotes"),
        # biblatex's French: guillemets, spaced, around a title that opens with a quotation
        # (github:kohlerhector's thesis)
        pytest.param("Marco Tulio Ribeiro, Sameer Singh et Carlos Guestrin. « \"Why Should I Trust You?\" : "
                     "Explaining the Predictions of Any Classifier ». In : KDD ’16 (2016), p. 1135-1144.",
                     "\"Why Should I Trust You?\" : Explaining the Predictions of Any Classifier",
                     ("Marco Tulio Ribeiro", "Sameer Singh", "Carlos Guestrin"), id="french-guillemets"),
        # APA quotes no title: after its year, a quotation followed by any word opens the title (an
        # APA list of github:joaoeira's thesis), "in" too
        pytest.param("Henrich, J., Boyd, R., Bowles, S., Camerer, C., Fehr, E., Gintis, H., . . . Others "
                     "(2005). “Economic man” in cross-cultural perspective: Behavioral experiments in 15 "
                     "small-scale societies. Behavioral and Brain Sciences, 28 (6), 795–815.",
                     "“Economic man” in cross-cultural perspective: Behavioral experiments in 15 small-scale "
                     "societies",
                     ("Henrich, J.", "Boyd, R.", "Bowles, S.", "Camerer, C.", "Fehr, E.", "Gintis, H."),
                     id="apa-a-quotation-then-in"),
    ],
)  # fmt: skip
def test_a_quotation_opening_the_title_is_not_the_whole_title(
    text: str, title: str, authors: tuple[str, ...]
) -> None:
    reference = parse_reference(text)
    assert (reference.title, reference.authors) == (title, authors)


def test_a_quoted_title_closed_by_its_comma_ends_at_its_quotes() -> None:
    """IEEE's “Title,” in …: the comma inside the quotes closes the title, "in" after them is no
    word of it."""
    reference = parse_reference(
        "A. Smith and B. Jones, “A study of quoted things,” in Proc. Conf., 2020, pp. 1–2."
    )
    assert reference.title == "A study of quoted things"


def test_a_quoted_title_then_a_colon_is_the_whole_title() -> None:
    """An italic title read as quoted, its publisher after a colon (econ's "Names (2010) *Title*:
    Publisher."): what follows the colon is no word of the title."""
    reference = parse_reference(
        "Attwood, Feona (2010) “Porn.com: Making Sense of Online Pornography”: Peter Lang."
    )
    assert reference.title == "Porn.com: Making Sense of Online Pornography"


def test_a_quoted_title_opening_the_reference_is_the_whole_title() -> None:
    """No names before the quotation (an italic title read as quoted: biblatex-nature's software
    "*ABSPACK, CrysAlis CCD and CrysAlis RED* version 1.171 (…)"): the words after it are none of it."""
    reference = parse_reference(
        "“ABSPACK, CrysAlis CCD and CrysAlis RED” version 1.171 (Oxford Diffraction Ltd., Abingdon, "
        "United Kingdom, 2006)."
    )
    assert reference.title == "ABSPACK, CrysAlis CCD and CrysAlis RED"


def test_a_field_label_after_a_quoted_title_is_no_word_of_it() -> None:
    """biblatex's "isbn:" after an italic title read as quoted: a field's label, not the title's
    next word (the title a quotation opens runs on only into words)."""
    reference = parse_reference(
        "Schreiber, M. “Statistical Mechanics of Volumes” isbn: 978-3-642-46246-7 ()."
    )
    assert reference.title == "Statistical Mechanics of Volumes"


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        # biblatex's French sets every title in spaced guillemets, a short one too (github:kohlerhector)
        pytest.param("Daniel Whiteson. « HIGGS ». In : (2014). DOI : https ://doi.org/10.24432/C5V312.",
                     "HIGGS", ("Daniel Whiteson",), id="a-short-title"),
        # a quotation inside an unquoted title stays the title's
        pytest.param("Jean Dupont. Une théorie du « big bang » et après. Paris, 2014.",
                     "Une théorie du « big bang » et après", ("Jean Dupont",), id="inside-a-title"),
    ],
)  # fmt: skip
def test_a_title_in_spaced_guillemets_is_the_title(text: str, title: str, authors: tuple[str, ...]) -> None:
    reference = parse_reference(text)
    assert (reference.title, reference.authors) == (title, authors)


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        # IEEE's German strings (github:richardwerner173134/masterarbeit-latex): a one-word title
        pytest.param("H. Garcia-Molina und K. Salem, “Sagas”, ACM SIGMOD Record, 1987, ISSN: 0163- 5808. "
                     "DOI: 10.1145/38714.38742.", "Sagas", ("H. Garcia-Molina", "K. Salem"),
                     id="closed-after-the-quotes"),
        pytest.param("H. Garcia-Molina and K. Salem, “Sagas,” ACM SIGMOD Record, vol. 16, pp. 249–259, 1987.",
                     "Sagas", ("H. Garcia-Molina", "K. Salem"), id="closed-inside-the-quotes"),
        pytest.param("A. B. Author, “Go”, 1987.", "Go", ("A. B. Author",), id="two-letters"),
        # Chicago after the names' period, the title's period inside the quotes (a pasted list's
        # dictionary entries: the inputs trial's chin_en_sps list)
        pytest.param('Farlex. "Author." The Free Dictionary. Huntingdon Valley, US-PA: Farlex.', "Author",
                     ("Farlex",), id="chicago-after-the-names-period"),
        pytest.param('———. "Birth." The Free Dictionary. Huntingdon Valley, US-PA: Farlex, 2019b.', "Birth",
                     (), id="chicago-after-the-repeated-names-dash"),
    ],
)  # fmt: skip
def test_a_short_title_quoted_after_the_names_is_the_title(
    text: str, title: str, authors: tuple[str, ...]
) -> None:
    """A title of a word or two quoted right after the names' comma and closed by a comma or a
    period is the title, however short."""
    reference = parse_reference(text)
    assert (reference.title, reference.authors) == (title, authors)


def test_a_pdfs_italic_journal_after_the_names_period_is_no_short_quoted_title() -> None:
    """The italic pass quotes an italic run for the rules as it quotes an italic title: ACS's
    journal after the names' period (github:mlamichh/dissertation, pdf_fresh) is no title."""
    assert (
        parse_reference("Beck, D.; Armen, R.; Daggett, V. “Biochem”. 2005, 44, 609–616.").title != "Biochem"
    )


def test_a_short_quotation_opening_a_longer_title_is_not_the_title() -> None:
    reference = parse_reference("J. Smith, “Go” as a language, in Proc. X, 2001.")
    assert reference.title != "Go"


@pytest.mark.parametrize("others", ["et al.", "u. a.", "и др."])
def test_an_italic_et_al_quoted_after_the_names_is_no_title(others: str) -> None:
    """A PDF's italic "et al." closing the names is quoted for the rules, as an italic title is
    (`_italic_titles`; github:Felix-Rainmaker/ACsleuth, pdf_dev6): it is no short quoted title."""
    reference = parse_reference(f"Matthew Amodio, David Van Dijk, “{others}” Exploring cell data. 2019.")
    assert reference.title != others.rstrip(".")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a quoted question opening the title, its subtitle after a colon (plain, abbrv)
        pytest.param("Marco Tulio Ribeiro, Sameer Singh, and Carlos Guestrin. “Why should I trust you?”: "
                     "Explaining the predictions of any classifier. In Proceedings of the 22nd ACM SIGKDD, "
                     "pages 1135–1144, 2016.",
                     "“Why should I trust you?”: Explaining the predictions of any classifier", id="colon"),
        # a quoted phrase, then a dash and the subtitle (a thesis's plain list, github:BramBonne/Thesis)
        pytest.param("Amit Klein. “Divide and Conquer” - HTTP Response Splitting, Web Cache Poisoning "
                     "Attacks, and Related Topics. Whitepaper, Sanctum Inc., January 2004.",
                     "“Divide and Conquer” - HTTP Response Splitting, Web Cache Poisoning Attacks, and "
                     "Related Topics", id="dash"),
        # … not a publisher after a colon, nor a venue after a quotation
        pytest.param("Attwood, Feona (2010) “Porn.com: Making Sense of Online Pornography”: Peter Lang.",
                     "Porn.com: Making Sense of Online Pornography", id="a-publisher-after-a-colon"),
        pytest.param("Attwood, Feona (2010) “Porn.com: Making Sense of Online Pornography”: Peter Lang "
                     "Verlag, New York.", "Porn.com: Making Sense of Online Pornography",
                     id="a-publisher-and-place"),
        pytest.param("A. Smith, “A study of quoted things” Journal of Things, 12, 2020.",
                     "A study of quoted things", id="a-venue-after-a-quotation"),
        # (econ-bst's jpe sample, the team's corpus; a written report's list, github:allieluu/written_report)
        pytest.param("Krugman, Paul (1991) “Is Bilateralism Bad?” In International Trade and Trade Policy, "
                     "edited by Elhanan Helpman and Assaf Razin. Cambridge: MIT Press.",
                     "Is Bilateralism Bad?", id="in-after-a-question"),
        pytest.param("K. Strimbu and J. A. Tavel. “What are biomarkers?” Current Opinion HIV AIDS, "
                     "5(6):463–466, 2010.", "What are biomarkers?", id="a-journal-after-a-question"),
    ],
)  # fmt: skip
def test_a_subtitle_after_a_quotation_opening_the_title_is_the_titles(text: str, title: str) -> None:
    assert parse_reference(text).title == title


# A quoted title that ends with a quotation of its own (a comment quoting the work it is on): the
# title is the outer quotation, with the inner one, in curly quotes or in spaced guillemets.
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Maess, B., Schröger, E., & Widmann, A., 2016, “High-Pass Filters and Baseline "
                     "Correction in M/EEG Analysis. Commentary on: “How Inappropriate High-Pass Filters Can "
                     "Produce Artefacts””, Journal of Neuroscience Methods, 266, 164–165.",
                     id="in-curly-quotes"),
        pytest.param("Maess Burkhard, Schröger Erich et Widmann Andreas, « High-Pass Filters and Baseline "
                     "Correction in M/EEG Analysis. Commentary on: “How Inappropriate High-Pass Filters Can "
                     "Produce Artefacts” », Journal of Neuroscience Methods, 266, 2016, p. 164‑165.",
                     id="in-guillemets"),
    ],
)  # fmt: skip
def test_a_quotation_ending_the_quoted_title_is_part_of_it(text: str) -> None:
    assert parse_reference(text).title == (
        "High-Pass Filters and Baseline Correction in M/EEG Analysis. Commentary on: “How Inappropriate "
        "High-Pass Filters Can Produce Artefacts”"
    )


def test_two_quoted_fields_are_not_one_nested_quotation() -> None:
    parsed = parse_reference("A. Author, “A Title of Some Length,” in “A Book of Some Length,” 2001.")
    assert parsed.title == "A Title of Some Length"
