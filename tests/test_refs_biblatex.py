"""biblatex's author-title and author-year styles as they print a list: a related work's note
and its date, ranges of years, a work's label in the names' place, names printed family first
with several given names or a particle after them, the repeated-author dash after a reference
that prints no year after its names, and titles that only italics mark (a volume's own title
after its work's, a book's title quoting another). The lines are those of biblatex's own example
documents (50-style-authoryear, 60-style-authortitle; texlive-doc) and caspervector's sample."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference, person_names
from misreadings import misread
from pdf_lines import read_lines, styled


@pytest.mark.parametrize(
    ("text", "year"),
    [
        pytest.param("Doody, Terrence. “Hemingway’s Style and Jake’s Narration.” In: The Journal of "
                     "Narrative Technique 4.3 (1974), pp. 212–225. Excerpt in Roger Matuz, ed. Contemporary "
                     "Literary Criticism. Vol. 61. Detroit: Gale, 1990, pp. 204–208.", 1974, id="excerpt-in"),
        pytest.param("— “Cramming more components onto integrated circuits.” In: Proceedings of the IEEE "
                     "86.1 (1998), pp. 82–85. Repr. from Electronics 38.8 (1965), pp. 114–117.", 1998,
                     id="reprinted-from"),
        pytest.param("— Information Theory and Statistics. New York: Dover Publications, 1997. (Orig. pub. "
                     "in 1959 by John Wiley & Sons).", 1997, id="originally-published-in"),
        pytest.param("— Les rites de passage. Paris: Nourry, 1909. Trans. by Monika B. Vizedom and "
                     "Gabrielle L. Caffee as The Rites of Passage (University of Chicago Press, 1960).", 1909,
                     id="translated-by-as"),
        pytest.param("Vizedom, Monika B. and Gabrielle L. Caffee, trans. The Rites of Passage. University of "
                     "Chicago Press, 1960. Trans. of Arnold van Gennep. Les rites de passage. Paris: Nourry, "
                     "1909.", 1960, id="translation-of"),
        pytest.param("— The Rites of Passage. Trans. from the French by Monika B. Vizedom and Gabrielle L. "
                     "Caffee. University of Chicago Press, 1960.", 1960, id="its-own-translator-is-no-note"),
        pytest.param("Knuth, Donald E. Computers & Typesetting. 5 vols. Reading, Mass.: Addison-Wesley, "
                     "1984–1986.", 1984, id="a-range-by-its-first-year"),
        pytest.param("— Computers & Typesetting. 5 vols. Reading, Mass.: Addison-Wesley, 1984– 1986. Vol. A: "
                     "The TEXbook. 1984. Vol. B: TEX: The Program. 1986.", 1984,
                     id="its-volumes-years-inside-the-range"),
        pytest.param("Jaffé, Philipp, ed. Regesta Pontificum Romanorum. 2nd ed. 2 vols. Leipzig, 1885–1888.",
                     1885, id="a-range-at-the-end"),
        pytest.param("Knuth, Donald E. (1984–1986a). Computers & Typesetting. 5 vols. Reading, Mass.: "
                     "Addison-Wesley.", 1984, id="authoryear-range-with-a-letter"),
        pytest.param("Vázques de Parga, Luis. Las Peregrinaciones a Santiago de Compostela. 3 vols. Ed. "
                     "facs. de la realizada en 1948–49. Pamplona: Iberdrola, 1993.", 1993,
                     id="a-range-in-a-note-before-the-year"),
        pytest.param("Moore, Gordon E. “Cramming more components.” In: Electronics 12 (2004), pp. 1517–1530.",
                     2004, id="a-page-range-is-no-year-range"),
    ],
)  # fmt: skip
def test_the_works_own_year_is_read(text: str, year: int) -> None:
    assert parse_reference(text).year == year


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        pytest.param("CTAN (2006). CTAN. The Comprehensive TeX Archive Network. url: http://www.ctan.org "
                     "(visited on 10/01/2006).", (), id="label-opens-the-title"),
        pytest.param("EB (2003). The New Encyclopædia Britannica. Ed. by Warren E. Preece. 15th ed. 32 vols.",
                     (), id="initials-of-the-title"),
        pytest.param("CMS (2003). The Chicago Manual of Style. The Essential Guide for Writers, Editors, and "
                     "Publishers. 15th ed. Chicago, Ill.: University of Chicago Press.", (),
                     id="initials-with-small-words-between"),
        pytest.param("PACS-L (1989). PACS-L: the public-access computer systems forum [EB/OL]. Houston, Tex: "
                     "University of Houston Libraries.", (), id="short-title-with-a-hyphen"),
        pytest.param("OECD (2019). OECD Employment Outlook 2019: The Future of Work. Paris: OECD Publishing.",
                     ("OECD",), id="a-corporate-author-the-title-goes-on-after"),
        pytest.param("WHO (2020). Guidelines on physical activity and sedentary behaviour. Geneva.", ("WHO",),
                     id="a-corporate-author-the-title-does-not-abbreviate"),
    ],
)  # fmt: skip
def test_a_works_label_in_the_names_place_names_no_one(text: str, authors: tuple[str, ...]) -> None:
    assert parse_reference(text).authors == authors


@pytest.mark.parametrize(
    ("names", "people"),
    [
        pytest.param("Brandt, Ahasver von and Erich Hoffmann", ("Brandt, Ahasver von", "Erich Hoffmann"),
                     id="particle-after-the-given-name"),
        pytest.param("Geer, Ingrid de", ("Geer, Ingrid de",), id="particle-alone"),
        pytest.param("Cicero, Marcus Tullius", ("Cicero, Marcus Tullius",), id="two-given-names"),
        pytest.param("Cotton, Frank Albert et al.", ("Cotton, Frank Albert", "others"),
                     id="two-given-names-et-al"),
        pytest.param("Aksın, Özge et al.", ("Aksın, Özge", "others"), id="a-given-name-opening-with-Ö"),
        pytest.param("Van Gennep, Arnold", ("Van Gennep, Arnold",), id="capitalised-particle-first"),
        pytest.param("Vázques de Parga, Luis, José María Lacarra, and Juan Uría Ríu",
                     ("Vázques de Parga, Luis", "José María Lacarra", "Juan Uría Ríu"),
                     id="a-family-name-joined-by-a-particle"),
        pytest.param("OpenAI, Josh Achiam, Steven Adler, and Sandhini Agarwal",
                     ("OpenAI", "Josh Achiam", "Steven Adler", "Sandhini Agarwal"),
                     id="natural-order-after-a-one-word-name"),
    ],
)  # fmt: skip
def test_names_printed_family_first_are_one_person_each(names: str, people: tuple[str, ...]) -> None:
    assert person_names(names) == people


def test_a_dash_after_an_author_title_reference_stands_for_its_names_only() -> None:
    """authortitle prints no year after the names: what comes before the year of "Aristotle. De
    Anima. … 1907." is no author list to put in the dash's place."""
    lines = [
        styled("Aristotle. De Anima. Ed. by Robert Drew Hicks. Cambridge: Cambridge Uni-", "De Anima"),
        styled("versity Press, 1907.", indent=10.0),
        styled("— Physics. Trans. by P. H. Wicksteed and F. M. Cornford. New York: G. P.", "Physics"),
        styled("Putnam, 1929.", indent=10.0),
        styled("Kullback, Solomon. Information Theory and Statistics. New York: John Wiley",
              "Information Theory and Statistics"),
        styled("& Sons, 1959.", indent=10.0),
        styled("— Information Theory and Statistics. New York: Dover Publications, 1997.",
              "Information Theory and Statistics"),
        styled("— Information Theory and Statistics. New York: Dover Publications, 1997.",
              "Information Theory and Statistics"),
        styled("(Orig. pub. in 1959 by John Wiley & Sons).", indent=10.0),
    ]  # fmt: skip
    queries = read_lines(lines)
    assert [(q.authors, q.title, q.year) for q in queries] == [
        (("Aristotle",), "De Anima", 1907),
        (("Aristotle",), "Physics", 1929),
        (("Kullback, Solomon",), "Information Theory and Statistics", 1959),
        (("Kullback, Solomon",), "Information Theory and Statistics", 1997),
        (("Kullback, Solomon",), "Information Theory and Statistics", 1997),
    ]
    assert queries[1].raw.startswith("— Physics.")  # the text as printed


@misread(
    "a volume's own title after its work's ('Computers & Typesetting. Vol. E: …'): the network reads no venue"
)
def test_a_volumes_own_italic_title_is_the_title_and_its_works_the_venue() -> None:
    lines = [
        styled("Knuth, Donald E. Computers & Typesetting. Vol. E: Computer Modern Type-",
              "Computers & Typesetting", "Computer Modern Type-"),
        styled("faces. Reading, Mass.: Addison-Wesley, 1986.", "faces", indent=10.0),
        styled("— Computers & Typesetting. Vol. B: TEX: The Program. Reading, Mass.: Addison-",
              "Computers & Typesetting", "TEX: The Program"),
        styled("Wesley, 1986.", indent=10.0),
        styled("Coleridge, Samuel Taylor (1983). The collected works of Samuel Taylor Co-",
              "The collected works of Samuel Taylor Co-"),
        styled("leridge. Vol. 7.2: Biographia literaria, or Biographical sketches of my literary",
              "leridge", "Biographia literaria, or Biographical sketches of my literary", indent=10.0),
        styled("life and opinions. London: Routledge and Kegan Paul.", "life and opinions", indent=10.0),
    ]  # fmt: skip
    queries = read_lines(lines)
    assert [(q.authors, q.title, q.year) for q in queries] == [
        (("Knuth, Donald E",), "Computer Modern Typefaces", 1986),
        (("Knuth, Donald E",), "TEX: The Program", 1986),
        (("Coleridge, Samuel Taylor",), "Biographia literaria, or Biographical sketches of my literary life "
         "and opinions", 1983),
    ]  # fmt: skip
    assert queries[0].venue is not None and queries[0].venue.startswith("Computers & Typesetting")


def test_an_italic_title_that_quotes_another_is_the_title_whole() -> None:
    lines = [
        styled("Augustine, Robert L. Heterogeneous catalysis for the synthetic chemist. New",
              "Heterogeneous catalysis for the synthetic chemist"),
        styled("York: Marcel Dekker, 1995.", indent=10.0),
        styled("Nussbaum, Martha. Aristotle’s “De Motu Animalium.” Princeton: Princeton",
              "Aristotle’s “De Motu Animalium.”"),
        styled("University Press, 1978.", indent=10.0),
        styled("— Des Averroës Abhandlung: “Über die Möglichkeit der Conjunktion” oder",
              "Des Averroës Abhandlung: “Über die Möglichkeit der Conjunktion” oder"),
        styled("“Über den materiellen Intellekt.” Ed. by Ludwig Hannes. Halle: C. A. Kaemmerer, 1892.",
              "“Über den materiellen Intellekt.”", indent=10.0),
        styled("Doody, Terrence. “Hemingway’s Style and Jake’s Narration.” In: The Journal of",
              "The Journal of"),
        styled("Narrative Technique 4.3 (1974), pp. 212–225.", "Narrative Technique", indent=10.0),
    ]  # fmt: skip
    assert [(q.authors, q.title) for q in read_lines(lines)] == [
        (("Augustine, Robert L",), "Heterogeneous catalysis for the synthetic chemist"),
        (("Nussbaum, Martha",), "Aristotle’s ‘De Motu Animalium’"),
        (("Nussbaum, Martha",), "Des Averroës Abhandlung: ‘Über die Möglichkeit der Conjunktion’ oder "
         "‘Über den materiellen Intellekt’"),
        (("Doody, Terrence",), "Hemingway’s Style and Jake’s Narration"),  # quoted, upright: stays
    ]  # fmt: skip


def test_a_title_read_past_its_italics_ends_where_they_do() -> None:
    """Oxford's author-year (biblatex-oxref's oxyear) and Harvard print what follows a book's
    italic title upright after a parenthesis, a comma or a semicolon."""
    lines = [
        styled("Lyons, J. (1981a), Language and Linguistics: An Introduction (Cambridge: Cambridge",
               "Language and Linguistics: An Introduction"),
        styled("University Press).", indent=10.0),
        styled("Sarrau, J. (1975), Tapas y aperitivos (Madrid); trans. F. P. Slesinger as Tapas and Appet-",
               "Tapas y aperitivos"),
        styled("izers (New York, 1987).", indent=10.0),
        styled("Jacobs, B. (1999), Categorical Logic and Type Theory, Studies in Logic and The",
               "Categorical Logic and Type Theory"),
        styled("Foundations of Mathematics, Elsevier.", indent=10.0),
    ]  # fmt: skip
    assert [(q.title, q.year) for q in read_lines(lines)] == [
        ("Language and Linguistics: An Introduction", 1981),
        ("Tapas y aperitivos", 1975),
        ("Categorical Logic and Type Theory", 1999),
    ]


def test_a_rule_drawn_for_the_names_starts_a_reference_by_them() -> None:
    """biblatex-chicago's author-date list: the repeated names are a 3-em rule (no text), the
    line set past the continuations (2 em) opens with the names' punctuation and the year."""
    lines = [
        styled("Grande, Lance, and Allison Augustyn. 2009. Gems and Gemstones: Timeless Natural",
               "Gems and Gemstones: Timeless Natural"),
        styled("Beauty of the Mineral World. Chicago: University of Chicago Press.",
               "Beauty of the Mineral World", indent=20.0),
        styled(". 2011. Gems and Jewels. iPad ed., v. 1.01. Touchpress.", "Gems and Jewels", indent=31.0),
        styled("Wright, Sewell. 1968–78. Evolution and the Genetics of Populations. 4 vols. Chicago:",
               "Evolution and the Genetics of Populations"),
        styled("University of Chicago Press.", indent=20.0),
        styled("Coolidge, Calvin. [Ca. 1920]. “Equal Rights” (speech). Copy of an undated 78 rpm disc.",
               "Equal Rights"),
    ]  # fmt: skip
    assert [(q.authors, q.title, q.year) for q in read_lines(lines)] == [
        (("Grande, Lance", "Allison Augustyn"),
         "Gems and Gemstones: Timeless Natural Beauty of the Mineral World", 2009),
        (("Grande, Lance", "Allison Augustyn"), "Gems and Jewels", 2011),
        (("Wright, Sewell",), "Evolution and the Genetics of Populations", 1968),
        (("Coolidge, Calvin",), "Equal Rights", 1920),
    ]  # fmt: skip
