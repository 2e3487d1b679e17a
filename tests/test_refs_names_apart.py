"""The names a reference list's reader keeps are names, and the title beside them is the title:
- an author-date key printed before the names is no name (the French humanities' "Uglow 2006 :
  J. S. Uglow, …", DIN 1505's "Craw 2010 Craw, M.: …");
- one inverted name with its given names written out and its initial last ends before the title
  in the same sentence (Chicago's and MLA's "Varian, Hal R. Microeconomic Analysis.");
- a title the rules read into the last name, reading another field as the title, is not kept in
  the name (Vancouver's "Field K. Cartography. Redlands, CA: …"), nor are words the model is sure
  are another field's after its names ("Schrod J. TUGboat. 1991; 12"), an edited book's editors
  among them;
- no name runs past "et al." or past a lower-case word after a name's initials ("Wolf KB, eds.
  Lie Methods"); families joined by slashes are a name each ("Blei/Jordan, Title"); ISO 690's
  families in capitals keep their given names ("KOKOSZKA, Piotr and REIMHERR, Matthew");
- a title the rules split into names where it prints "and" is the title ("Leslie, J. (ed.),
  Roles and Rituals for Hindu Women, ed. J. Leslie (…)");
- a listed journal's name the rules cut at its comma is the venue of a style that prints no
  title, and a title never ends in the word that opens its venue ("…, dans Environ. Toxicol.
  Chem.").
References as CSL styles print them (the Maison de l'Orient's and the Société française d'étude
de la céramique antique en Gaule's keys, Chicago's and MLA's bibliographies, Vancouver) and
natdin.bst does, through the reader of a list's lines."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import for_both_readers, parse_reference
from pdf_lines import read_lines, styled


@pytest.mark.parametrize(
    ("text", "authors", "title"),
    [
        pytest.param(
            "Uglow 2006 : J. S. Uglow, Nature's engraver: a life of Thomas Bewick, London, UK, Faber "
            "and Faber, 2006.",
            ("J. S. Uglow",),
            "Nature's engraver: a life of Thomas Bewick",
            id="a-key-before-one-name",
        ),
        pytest.param(
            "Marcilio, Hajat, Gouveia 2013: I. Marcilio, S. Hajat, N. Gouveia, “Forecasting daily "
            "emergency department visits using calendar variables”, Academic Emergency Medicine "
            "20/8, 2013, pp. 769–777.",
            ("I. Marcilio", "S. Hajat", "N. Gouveia"),
            "Forecasting daily emergency department visits using calendar variables",
            id="a-key-of-three-families",
        ),
        pytest.param(
            "Lane 2004 : J. A. LANE, Early type specimens in the Plantin–Moretus Museum, New Castle, "
            "DE, USA, Oak Knoll Press, 2004.",
            ("J. A. LANE",),
            "Early type specimens in the Plantin–Moretus Museum",
            id="a-key-before-capitals",
        ),
        pytest.param(
            "Varian, Hal R. Microeconomic Analysis. New York: W. W. Norton, 1992.",
            ("Varian, Hal R",),
            "Microeconomic Analysis",
            id="chicago-a-given-name-and-an-initial",
        ),
        pytest.param(
            "Doe, Jane B. The Art of War. Journal of Military History 3 (1991): 1–5.",
            ("Doe, Jane B",),
            "The Art of War",
            id="mla-a-given-name-and-an-initial",
        ),
        pytest.param(
            "Field K. Cartography. Redlands, CA: ESRI Press; 2018.",
            ("Field K.",),
            "Cartography",
            id="vancouver-one-name-and-a-one-word-title",
        ),
        pytest.param(
            "Terashima Ichiro, Miyazawa Shin-Ichi, Hanba Yuko T. Why are sun leaves thicker than shade "
            "leaves? Plant Physiol. 2006;46:1-5.",
            ("Terashima Ichiro", "Miyazawa Shin-Ichi", "Hanba Yuko T."),
            "Why are sun leaves thicker than shade leaves?",
            id="vancouver-a-question-and-the-venue",
        ),
        pytest.param(
            "Schrod J. TUGboat. 1991; 12: 232–233.",
            ("Schrod J.",),
            None,
            id="vancouver-a-journal-and-no-title",
        ),
        pytest.param(
            "Scheck F, Schöpf R. Mechanik-Manual. Berlin, Germany: Springer-Verlag; 1989.",
            ("Scheck F", "Schöpf R"),
            "Mechanik-Manual",
            id="vancouver-a-book-and-its-place",
        ),
        pytest.param(
            "Leary RA: Interaction Theory in Forest (Zea mays ssp. mexicana) Ecology and Management. "
            "Dordrecht, The Netherlands: Martinus Nijhoff/Dr W. Junk Publishers; 1985.",
            ("Leary RA",),
            "Interaction Theory in Forest (Zea mays ssp. mexicana) Ecology and Management",
            id="vancouver-a-colon-and-a-title-the-rules-read-with-words-left-out",
        ),
        pytest.param(
            "Ribeiro Rafael V, Machado Eduardo C, Habermann Gustavo, Santos Mauro G, Oliveira Ricardo F. "
            "Seasonal effects on the relationship between photosynthesis and leaf carbohydrates in "
            "orange trees. Functional Plant Biology 2005;32:1-10.",
            (
                "Ribeiro Rafael V",
                "Machado Eduardo C",
                "Habermann Gustavo",
                "Santos Mauro G",
                "Oliveira Ricardo F.",
            ),
            "Seasonal effects on the relationship between photosynthesis and leaf carbohydrates in "
            "orange trees",
            id="vancouver-full-given-names-one-of-them-unsure",
        ),
        pytest.param(
            "Docker Inc.. Optimal Reserve and Export Policies for the California Almond Industry: Theory, "
            "Econometrics and Simulations. DI. 1995 [cited 1996June18]. Available from: "
            "https://www.di.org/optimal-reserve-and-export",
            ("Docker Inc.",),
            "Optimal Reserve and Export Policies for the California Almond Industry",
            id="a-groups-name-then-a-title-with-and",
        ),
        pytest.param(
            "Brachman, R.J., Levesque, H.J. & Reiter, R. (Eds.). (1991) Special volume: Knowledge "
            "Representation. Elsevier Science Publishers, Amsterdam, The Netherlands.",
            ("Brachman, R.J.", "Levesque, H.J.", "Reiter, R."),
            "Special volume: Knowledge Representation",
            id="editors-joined-by-an-ampersand",
        ),
        pytest.param(
            "J. Sánchez-Mondragón and K. B. Wolf, Lie Methods in Optics, ed. by J. Sánchez-Mondragón and "
            "K. B. Wolf (Berlin, Germany / Heidelberg, Germany / London, UK / etc.: Springer-Verlag, "
            "1986), 250, p. xiv + 247",
            ("J. Sánchez-Mondragón", "K. B. Wolf"),
            "Lie Methods in Optics",
            id="mhra-editors-then-the-title-after-a-comma",
        ),
        # the model's names less sure than the rules': theirs stand (plainnat, the team's PDF corpus)
        pytest.param(
            "Bruce H. Edwards. Prove it, 2012a. URL https://www.thegreatcourses.com/courses/.",
            ("Bruce H. Edwards",),
            "Prove it",
            id="plainnat-the-models-names-unsure",
        ),
    ],
)
def test_names_hold_no_other_field(text: str, authors: tuple[str, ...], title: str | None) -> None:
    """(No title read: the query is the whole reference.)"""
    (read,) = read_lines([styled(text)])
    assert (read.authors, read.title) == (authors, title or text)


@pytest.mark.parametrize(
    ("text", "authors", "title"),
    [
        pytest.param(
            "Blei/Jordan, Variational Inference for Dirichlet Process Mixtures, 2006, 121",
            ("Blei", "Jordan"),
            "Variational Inference for Dirichlet Process Mixtures",
            id="two-families",
        ),
        # the title's head read into the names comes back to the title, joined by a colon or a blank
        pytest.param(
            "Pierog/Karpenko/Katzy/Yatsenko/Werner, EPOS LHC: Test of collective hadronization with data "
            "measured at the CERN Large Hadron Collider, 2015, 034906",
            ("Pierog", "Karpenko", "Katzy", "Yatsenko", "Werner"),
            "EPOS LHC: Test of collective hadronization with data measured at the CERN Large Hadron Collider",
            id="a-head-before-a-colon",
        ),
        pytest.param(
            "Bostock/Ogievetsky/Heer, D$^3$ data-driven documents, IEEE Transactions on Visualization and "
            "Computer Graphics vol. 17 12 2011 IEEE.",
            ("Bostock", "Ogievetsky", "Heer"),
            "D$^3$ data-driven documents",
            id="a-head-before-a-blank",
        ),
    ],
)
def test_families_joined_by_slashes(text: str, authors: tuple[str, ...], title: str) -> None:
    """German legal styles (gewerblicher-rechtsschutz-und-urheberrecht, vienna-legal) print the
    families alone, joined by slashes, then a comma and the title: each family is a name."""
    (read,) = read_lines([styled(text)])
    assert (read.authors, read.title) == (authors, title)


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        pytest.param(
            "KOKOSZKA, Piotr and REIMHERR, Matthew. Introduction to Functional Data Analysis. [S. l.] : "
            "Chapman & Hall/CRC, 2017.",
            ("KOKOSZKA, Piotr", "REIMHERR, Matthew"),
            id="two-names-and",
        ),
        pytest.param(
            "STEPHENSON, F Richard, WILLIS, David M et HALLINAN, Thomas J. The earliest datable "
            "observation of the aurora borealis. Astronomy & Geophysics. 2004, Vol. 45, no. 6.",
            ("STEPHENSON, F Richard", "WILLIS, David M", "HALLINAN, Thomas J."),
            id="three-names-french-et",
        ),
        pytest.param(
            "WANG, Chengyi et al. UniSpeech: Unified Speech Representation Learning with Labeled and "
            "Unlabeled Data. In: ICML. 2021.",
            ("WANG, Chengyi", "others"),
            id="et-al",
        ),
        # French "et" joins the last two names: the list is whole, no "others" after it
        pytest.param(
            "SHIRTS, Michael R. et PANDE, Vijay S. Solvation free energies of amino acid side chain "
            "analogs. J. Chem. Phys. 2005, 122, 134508.",
            ("SHIRTS, Michael R.", "PANDE, Vijay S."),
            id="french-et",
        ),
        pytest.param(
            "Zhang Q. et Danskin J. M., 1995, « A Pattern-Based Lossy Compression Scheme for Document "
            "Images », Electronic Publishing, 8, 2, p. 221–233.",
            ("Zhang Q", "Danskin J. M"),
            id="french-et-family-first",
        ),
    ],
)
def test_iso_690s_and_french_lists_names_as_printed(text: str, authors: tuple[str, ...]) -> None:
    """ISO 690 prints each family in capitals, its given names after a comma: a name is both. A
    French list's "et" before its last name leaves out no name."""
    (read,) = read_lines([styled(text)])
    assert read.authors == authors


def test_a_role_after_a_family_in_capitals_is_no_given_name() -> None:
    (read,) = read_lines([styled("PIOTR WYROSTEK, translator, 1992. LaTeX. Kraków, Poland : Ariel.")])
    assert "PIOTR WYROSTEK, translator" not in read.authors


def test_a_bodys_parts_joined_by_a_slash_are_one_name() -> None:
    (read,) = read_lines([styled("CEA/DEN, Neutronics: A Monograph on Reactor Physics, 2015, 12")])
    assert read.authors[0].startswith("CEA/DEN")


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        pytest.param(
            "Sánchez-Mondragón J, Wolf KB, eds. Lie Methods in Optics., (Sánchez-Mondragón J, Wolf KB, "
            "eds.). Berlin, Germany: Springer-Verlag, 1986:xiv + 247.",
            ("Sánchez-Mondragón J", "Wolf KB"),
            id="vancouver-editors-mark-after-the-initials",
        ),
        pytest.param(
            "Krönert, G. t.t. Importance of the ISO standard 8613 for document interchange. Basic "
            "standard, functional standards, initial experience, benefits. hlm.209–218.",
            ("Krönert", "G."),
            id="a-no-date-mark-after-the-initials",
        ),
        pytest.param(
            "Eason R., Rookledge S., Baines P., Rookledge G., contributor 1991 Rookledge's handbook of "
            "typedesigners. Carshalton Beeches, Surrey, UK: Sarema Press.",
            ("Eason R", "Rookledge S", "Baines P", "Rookledge G"),
            id="a-role-after-the-last-initial",
        ),
        # "et al." is the list's "others"; a particle and "and" are a name's or the list's words
        pytest.param(
            "Tadel F, Baillet S, Mosher JC, et al. Brainstorm: A User-Friendly Application for MEG/EEG "
            "Analysis. Comput Intell Neurosci. 2011;2011:879716.",
            ("Tadel F", "Baillet S", "Mosher JC", "others"),
            id="et-al-is-others",
        ),
        # a malformed record's "et al." inside the first name, before its family or all of it
        # (real theses' lists, pdf_dev3's and pdf_dev5's): the name around it, then "others"
        pytest.param(
            "E. E. et al Peters. E0 transitions in 106pd: Implications for shape coexistence. The European "
            "Physical Journal A, 52(4):96, Apr 2016.",
            ("E. E. Peters", "others"),
            id="et-al-inside-the-first-name",
        ),
        pytest.param(
            "et al. Zhang Y. “Scoring function for automated assessment of protein structure template "
            "quality”. Proteins: Structure, Function, and Bioinformatics (2004) (citado nas pgs. 2, 14, 15).",
            ("Zhang Y", "others"),
            id="et-al-before-the-first-name",
        ),
        # a family with its particle glued on, after given initials (plainnat; the team's PDF corpus)
        pytest.param(
            "M T deBettencourt, S D Williams, E K Vogel, and E Awh. Sustained attention and spatial "
            "attention distinctly influence long-term memory encoding. Journal of Cognitive "
            "Neuroscience, 33(10):2132–2148, 2021.",
            ("M T deBettencourt", "S D Williams", "E K Vogel", "E Awh"),
            id="a-particle-glued-to-the-family",
        ),
        pytest.param(
            "van Mill, J. and Reed, G. M. Open Problems in Topology. Amsterdam: North-Holland, 1990.",
            ("van Mill, J.", "Reed, G. M."),
            id="a-particle-and-and",
        ),
    ],
)
def test_no_name_past_a_word_no_name_holds(text: str, authors: tuple[str, ...]) -> None:
    """A lower-case word right after a name's initials that no name holds (an editors' mark, a
    role, "n.d.") ends the names."""
    (read,) = read_lines([styled(text)])
    assert read.authors == authors


@pytest.mark.parametrize(
    ("text", "title", "venue"),
    [
        pytest.param(
            "R. Rich, J. Tracy, Journal of Money, Credit and Banking. 2021, 53 (1), 233–253.",
            None,
            "Journal of Money, Credit and Banking",
            id="a-journals-name-with-a-comma-and-no-title",
        ),
        pytest.param(
            "Glass L. B., Charms, Applied Artificial Intelligence, 26(4), 1990.",
            "Charms",
            "Applied Artificial Intelligence",
            id="a-short-title-before-the-journal",
        ),
        pytest.param(
            "M. LIESS, P. C. VON DER OHE, Analyzing effects of pesticides on invertebrate "
            "communities in streams, dans Environ. Toxicol. Chem., 24, 4, 2005, p. 954-965.",
            "Analyzing effects of pesticides on invertebrate communities in streams",
            None,
            id="french-dans-opens-the-venue",
        ),
        pytest.param(
            "Crisanti, E; Formigoni, A and Bruna, PL. 1988. “easyTeX, I”. TUGboat no. 19: 52–56.",
            "easyTeX, I",
            None,
            id="a-parts-number-closes-the-title",
        ),
        pytest.param(
            "Leslie, J. (ed.), Roles and Rituals for Hindu Women, ed. J. Leslie (25 Floral St., London "
            "WC2E 9DS, UK: Pinter Publishers, Ltd., 1991), p. xviii + 267.",
            "Roles and Rituals for Hindu Women",
            None,
            id="an-editors-title-the-rules-split-into-names-at-its-and",
        ),
    ],
)
def test_the_title_and_its_venue(text: str, title: str | None, venue: str | None) -> None:
    """(No title read: the query is the whole reference, with no title's confidence.)"""
    (read,) = read_lines([styled(text)])
    assert read.title == (title or text)
    assert (read.read_confidence.title is None) == (title is None)
    if venue is not None:
        assert read.venue == venue


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Coates et al. 2002: M. Coates, A. Hero, R. Nowak, B. Yu, .",
            "M. Coates, A. Hero, R. Nowak, B. Yu, . 2002.",
            id="the-keys-year-kept-after",
        ),
        pytest.param(
            "Xue et alii 2022 : N. XUE, T. WU, Learning Local-Global Contextual Adaptation, 2022.",
            "N. XUE, T. WU, Learning Local-Global Contextual Adaptation, 2022.",
            id="et-alii",
        ),
        # DIN 1505's key (natdin.bst), no colon, German "u." and "u. a." between its families
        pytest.param(
            "Vanden Berghe u. De Meyer 1990 Vanden Berghe, G. ; De Meyer, H.: A Modified Numerov "
            "Method. 1990.",
            "Vanden Berghe, G. ; De Meyer, H.: A Modified Numerov Method. 1990.",
            id="natdin-two-families",
        ),
        pytest.param(
            "Stralberg u. a. 2015 Stralberg, D. ; Matsuoka, S.: Projecting boreal bird responses. 2015.",
            "Stralberg, D. ; Matsuoka, S.: Projecting boreal bird responses. 2015.",
            id="natdin-and-others",
        ),
        # a family with a particle: the key's whole family opens the names, not a title's words
        pytest.param(
            "Van der Marck u. a. 2006 Van der Marck, S. ; Kuijper, J.: Homogenized Group Cross "
            "Section by Monte Carlo. 2006.",
            "Van der Marck, S. ; Kuijper, J.: Homogenized Group Cross Section by Monte Carlo. 2006.",
            id="natdin-a-family-with-a-particle",
        ),
        pytest.param(
            "van Mill 1990 van Mill, J.: Open Problems in Topology. Amsterdam : North-Holland, 1990.",
            "van Mill, J.: Open Problems in Topology. Amsterdam : North-Holland, 1990.",
            id="natdin-a-lower-case-particle",
        ),
        # without a colon, the key's family must open an inverted name right after it
        pytest.param(
            "World Bank 2019 World Development Report. Washington, DC.",
            "World Bank 2019 World Development Report. Washington, DC.",
            id="no-colon-no-inverted-name-no-key",
        ),
        # names and their year before a colon, then the title: no key
        pytest.param(
            "Lindley, D. V., 1957: A statistical paradox. Biometrika, 44, 187–192.",
            "Lindley, D. V., 1957: A statistical paradox. Biometrika, 44, 187–192.",
            id="ams-no-key",
        ),
        pytest.param(
            "Rathé, J.F. 1992: Bibliography of the Typophile Chap Books, 1935–1992.",
            "Rathé, J.F. 1992: Bibliography of the Typophile Chap Books, 1935–1992.",
            id="initials-no-key",
        ),
        pytest.param(
            "Smith 2001: Smith revisited. Journal of History 3.",
            "Smith 2001: Smith revisited. Journal of History 3.",
            id="the-family-in-the-title-no-key",
        ),
    ],
)
def test_an_author_date_key_comes_off(text: str, expected: str) -> None:
    assert for_both_readers(text) == expected


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        pytest.param(
            "Doe, Jane B. Jr. Learning. Journal of Stuff 3 (1991): 1-5.",
            "Doe, Jane B. Jr",
            id="a-suffix-is-the-names",
        ),
        pytest.param(
            "Smith, John A., and Jane B. Doe. Deep Learning Methods. New York: Springer, 1991.",
            "Smith, John A",
            id="two-names",
        ),
    ],
)
def test_an_inverted_names_end(text: str, authors: str) -> None:
    assert parse_reference(text).authors[0] == authors
