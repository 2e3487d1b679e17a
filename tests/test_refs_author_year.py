"""Author-year lists with hanging indents (econ-bst's variants, economic's journals, Harvard
``agsm``, elsarticle's author-year; texlive-doc's samples and lists built with those styles):
titles as their styles set them, names as they print them."""

from __future__ import annotations

import pytest
from bibnorm.readers._ref_elided import with_elided_names
from bibnorm.readers._reflist import LIGATURES
from bibnorm.readers.refs import parse_reference
from pdf_lines import read_lines, styled


@pytest.mark.parametrize(
    ("text", "italic", "title", "first_author"),
    [
        pytest.param("Krugman, Paul R., Geography and Trade, Cambridge, MA: MIT Press, 1991a.",
                     "Geography and Trade,", "Geography and Trade", "Krugman, Paul R",
                     id="econ-b-a-book-after-names-in-natural-order"),
        pytest.param("Fujita, Masahisa, Paul R. Krugman, & Anthony J. Venables, The Spatial Economy, "
                     "Cambridge, MA: MIT Press, 1999.", "The Spatial Economy,", "The Spatial Economy",
                     "Fujita, Masahisa", id="econ-b-several-names"),
        pytest.param("Helpman, Elhanan & Assaf Razin, (eds.) International Trade and Trade Policy, "
                     "Cambridge, MA: MIT Press, 1991.", "International Trade and Trade Policy,",
                     "International Trade and Trade Policy", "Helpman, Elhanan", id="econ-b-editors"),
        pytest.param("Attwood, Feona ed. (2010) Porn.com: Making Sense of Online Pornography: Peter Lang.",
                     "Porn.com: Making Sense of Online Pornography:",
                     "Porn.com: Making Sense of Online Pornography", "Attwood, Feona",
                     id="econ-a-publisher-without-place-after-a-colon"),
        pytest.param("Krantz, H. D., R. D. Luce, P. Suppes and A. Tversky, Foundations of Measurement "
                     "(New York: Academic Press, 1971).", "Foundations of Measurement",
                     "Foundations of Measurement", "Krantz, H. D.",
                     id="ier-a-book-before-its-publisher-in-parentheses"),
        pytest.param("Hoskins, W. G. (1976), The age of plunder : King Henry’s England, 1500-1547, London "
                     "etc. : Longman.", "The age of plunder : King Henry’s England, 1500-1547,",
                     "The age of plunder : King Henry’s England, 1500-1547", "Hoskins, W. G.",
                     id="agsm-a-catalogues-place-and-publisher"),
        pytest.param("Wood, A. (2002), Riot, rebellion and popular politics in Early Modern England, Social "
                     "history in perspective, Palgrave, Basingstoke.",
                     "Riot, rebellion and popular politics in Early Modern England,",
                     "Riot, rebellion and popular politics in Early Modern England", "Wood, A.",
                     id="agsm-one-initial-and-a-series-after-the-title"),
        pytest.param("Takeda, Shiro, An Economic Analysis of Environmental Regulations Ph.D. dissertation, "
                     "Hitotsubashi University, 2005.", "An Economic Analysis of Environmental Regulations",
                     "An Economic Analysis of Environmental Regulations", "Takeda, Shiro",
                     id="econ-b-a-thesis-kind-right-after-the-title"),
    ],
)  # fmt: skip
def test_an_italic_book_title_after_the_names_is_the_title(
    text: str, italic: str, title: str, first_author: str
) -> None:
    """econ-bst's and economic's samples, Harvard ``agsm``: a book's title in italics after the
    names (which the text alone cannot tell from it) and before its place and publisher."""
    query = read_lines([styled(text, italic)])[0]
    assert (query.title, query.authors[0]) == (title, first_author)


def test_names_left_blank_take_the_previous_references_and_the_italic_title() -> None:
    """econ-b prints the names that repeat the previous reference's as nothing ("& , *Title*")."""
    lines = [
        styled("[1] Giorcelli, Michela, ‘The Long-Term Effects of Management and Technology Transfers.’ "
                "American Economic Review, 109 (1), 121–52, January, 2019."),
        styled("[2] Goldin, Claudia & Lawrence F. Katz, ‘Education and Income in the Early Twentieth "
                "Century.’ Journal of Economic History, 60 (3), 782–818, 2000."),
        styled("[3] & , The Race between Education and Technology, Cambridge, MA: The Belknap Press of "
                "Harvard University Press, 2008.", "The Race between Education and Technology,"),
    ]  # fmt: skip
    race = read_lines(lines)[2]
    assert (race.title, race.authors) == (
        "The Race between Education and Technology",
        ("Goldin, Claudia", "Lawrence F. Katz"),
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param("Zhou, Y., Massonnet, M., Sanjak, J., Cantu, D., Gaut, B.S., 2017a. The evolutionary "
                     "genomics of grape (vitis vinifera ssp. vinifera) domestication. bioRxiv , 146373.",
                     "The evolutionary genomics of grape (vitis vinifera ssp. vinifera) domestication",
                     id="elsarticle-harv-a-sentence-case-abbreviation-is-no-end"),
        pytest.param("Singh, R., Hymowitz, T., 1988. The genomic relationship between glycine max (l.) merr. "
                     "and g. soja sieb. and zucc. as revealed by pachytene chromosome analysis. Theoretical "
                     "and Applied Genetics 76, 705–711.",
                     "The genomic relationship between glycine max (l.) merr. and g. soja sieb. and zucc. "
                     "as revealed by pachytene chromosome analysis",
                     id="elsarticle-harv-botanical-authorities"),
        pytest.param("Garris, A.J., Tai, T.H., Coburn, J., Kresovich, S., McCouch, S., 2005. Genetic "
                     "structure and diversity in oryza sativa l. Genetics 169, 1631–1638.",
                     "Genetic structure and diversity in oryza sativa l",
                     id="elsarticle-harv-journal-volume-pages"),
        pytest.param("Colledge, S., Conolly, J., Shennan, S., et al., 2004. Archaeobotanical evidence for "
                     "the spread of farming in the eastern mediterranean 1. Current anthropology 45, "
                     "S35– S58.",
                     "Archaeobotanical evidence for the spread of farming in the eastern mediterranean 1",
                     id="elsarticle-harv-a-number-ends-the-title"),
        pytest.param("Li, C., Zhou, A., Sang, T., 2006. Rice domestication by reducing shattering. science "
                     "311, 1936–1939.", "Rice domestication by reducing shattering",
                     id="elsarticle-harv-a-journal-in-lower-case"),
        pytest.param("Pastore, M.A. (2009) Sphyraena intermedia sp. nov. (Pisces: Sphyraenidae): a potential "
                     "new species of barracuda identified from the central Mediterranean Sea. Journal of the "
                     "Marine Biological Association of the United Kingdom, 89(6), 1299–1303.",
                     "Sphyraena intermedia sp. nov. (Pisces: Sphyraenidae): a potential new species of "
                     "barracuda identified from the central Mediterranean Sea", id="zootaxa-a-new-species"),
        pytest.param("Zaharah, S.S., Razi, I.M., 2009. Growth, stomata aperture, biochemical changes and "
                     "branch anatomy in mango (Mangifera indica) cv. Chokanan in response to root "
                     "restriction and water stress. Scientia Horticulturae 123, 58–67.",
                     "Growth, stomata aperture, biochemical changes and branch anatomy in mango (Mangifera "
                     "indica) cv. Chokanan in response to root restriction and water stress",
                     id="elsarticle-harv-a-cultivars-name-after-its-abbreviation"),
        pytest.param("Girard, A. 1990. Routing and Dimensioning in Circuit-Switched Networks of Daucus "
                     "Carota Ssp. Sativus. Reading, MA, USA: Addison-Wesley.",
                     "Routing and Dimensioning in Circuit-Switched Networks of Daucus Carota Ssp. Sativus",
                     id="title-case-a-subspecies-abbreviation-capitalised"),
        pytest.param("Sørensen, M.H., Urzyczyn, P., 2006. Lectures on the Curry-Howard Isomorphism. volume "
                     "149 of Studies in Logic and the Foundations of Mathematics. Elsevier.",
                     "Lectures on the Curry-Howard Isomorphism",
                     id="elsarticle-harv-a-series-volume-in-lower-case"),
        pytest.param("Milner, R., Parrow, J., Walker, D., 1992. A calculus of mobile processes, part i. "
                     "Information and Computation 100.", "A calculus of mobile processes, part i",
                     id="elsarticle-harv-a-journal-without-pages-after-a-numeral"),
        pytest.param("Tanno, K.-i. and G. Willcox (2006). How fast was wild wheat domesticated? Science 311 "
                     "(5769), 1886–1886.", "How fast was wild wheat domesticated?",
                     id="chicago-a-journal-after-the-titles-question"),
        pytest.param("Stalnaker, R. (1991). The problem of logical omniscience, I. Synthese 89 (3)",
                     "The problem of logical omniscience, I", id="chicago-a-journal-after-a-closing-numeral"),
        pytest.param("Turner, G.J., 1898. The sheriff’s farm 12, 117–149.", "The sheriff’s farm",
                     id="elsarticle-harv-volume-and-pages-without-their-journal"),
        pytest.param("Broadberry, S., Campbell, B. M. S.: 2018, Clark's malthus delusion: response to "
                     "‘farming in england 1200–1800’, 71, 639–664.",
                     "Clark's malthus delusion: response to ‘farming in england 1200–1800’",
                     id="kluwer-a-single-quoted-phrase-inside-the-title"),
        pytest.param("Wilkes, H., 1977. Hybridization of maize and teosinte, in mexico and guatemala and the "
                     "improvement of maize. Economic Botany , 254–293.",
                     "Hybridization of maize and teosinte, in mexico and guatemala and the improvement of "
                     "maize",
                     id="elsarticle-harv-in-a-sentence-case-title-opens-no-venue"),
        pytest.param("Doe, J., 2001. Reading lists, in Proc. of the Workshop on Lists, pp. 1–9.",
                     "Reading lists",
                     id="a-capitalised-venue-after-in-is-cut"),
        pytest.param("Smith, J. (2020). Deep models. arXiv preprint arXiv:2001.00001.", "Deep models",
                     id="a-lower-case-word-with-a-capital-inside-opens-a-sentence"),
        pytest.param("Bush, M. L. (1991b), ‘’up for the commonweal’: The significance of tax grievances in "
                     "the english rebellions of 1536’, 106, 299–318.",
                     "’up for the commonweal’: The significance of tax grievances in the english rebellions "
                     "of 1536", id="agsm-a-title-opening-with-a-quotation"),
        pytest.param("Keene, D. J. (1990), Suburban growth, in R. Holt & G. Rosser, eds, ‘The Medieval Town "
                     "in England 1200-1540’, Routledge.", "Suburban growth",
                     id="agsm-the-books-name-after-its-editors"),
        pytest.param("[35] Krugman, Paul R., ‘Is Bilateralism Bad?’ In Helpman, Elhanan & Assaf Razin (eds.) "
                     "International Trade and Trade Policy, 9–23, Cambridge, MA: MIT Press, 1991b.",
                     "Is Bilateralism Bad?", id="econ-b-a-question-closes-the-quotes"),
        pytest.param("Chandler, A. D. (1984). The emergence of managerial capitalism, 58: 473–503.",
                     "The emergence of managerial capitalism", id="dcu-volume-and-pages"),
        pytest.param("Habakkuk, H. J. (1958). The market for monastic property, 1539-1603, 10(3): "
                     "362–380.", "The market for monastic property, 1539-1603",
                     id="dcu-volume-issue-and-pages"),
    ],
)  # fmt: skip
def test_a_title_ends_where_its_style_ends_it(text: str, title: str) -> None:
    """elsarticle's author-year style sets titles in sentence case: a period before a word all in
    lower case is an abbreviation's ("ssp.", "l.", "merr."); so is a taxon's ("sp. nov.", zootaxa) and a
    cultivar's before its name ("cv. Chokanan");
    a journal, its volume and pages after the title's last period are no part of it. Harvard
    ``agsm`` and econ-b quote titles singly; a quotation inside keeps them open. Harvard ``dcu``
    with a .bib that names the journal as biblatex does (``journaltitle``, which a BibTeX style
    does not print): "Title, 58: 473–503."."""
    assert parse_reference(text).title == title


@pytest.mark.parametrize(
    ("text", "title", "family", "year"),
    [
        pytest.param("Rutherford, Thomas F., and Sergey V. Paltsev 2000.“GTAPinGAMS and GTAP-EG: Global "
                     "Datasets for Economic Research and Illustrative Models.” September, "
                     "http://www.mpsge.org/gtap5/index.html, accessed on 29th June, 2013, Working Paper.",
                     "GTAPinGAMS and GTAP-EG: Global Datasets for Economic Research and Illustrative Models",
                     "Rutherford", 2000, id="econ-jpe-the-year-before-the-quotes-not-the-access-date"),
        pytest.param("Balistreri, Edward J., and Thomas F. Rutherford 2013.“Computing General Equilibrium "
                     "Theories of Monopolistic Competition and Heterogeneous Firms.” In Handbook of "
                     "Computable General Equilibrium Modeling SET edited by Peter B. Dixon 1: Elsevier, "
                     "Chap. 23 1513 – 1570.",
                     "Computing General Equilibrium Theories of Monopolistic Competition and Heterogeneous "
                     "Firms", "Balistreri", 2013, id="econ-jpe-pages-that-look-like-years"),
        pytest.param("Lucas, R. E., Jr., 1976. Econometric Policy Evaluation: A Critique. in The Phillips "
                     "Curve and Labor Markets. 1 of Carnegie Rochester Conference Series on Public Policy.",
                     "Econometric Policy Evaluation: A Critique", "Lucas", 1976,
                     id="econ-jet-jr-opens-no-title"),
        pytest.param("U.S. Bureau of the Budget. 1963. The Budget of the United States Government for the "
                     "Fiscal Year Ending June 30, 1964. Washington DC.",
                     "The Budget of the United States Government for the Fiscal Year Ending June 30, 1964",
                     "U.S. Bureau of the Budget", 1963, id="ajae-a-body-as-author"),
        pytest.param("Ghana, Republic of, Central Bureau of Statistics. 1962. Economic Survey, 1961. Accra: "
                     "Government Printing Department.", "Economic Survey, 1961", "Ghana", 1962,
                     id="ajae-a-year-in-the-title"),
        pytest.param("Smith, J. 2019. Learning to read, 2019. Journal of Things.", "Learning to read",
                     "Smith", 2019, id="the-works-own-year-after-the-title-is-no-part-of-it"),
        # Harvard ``kluwer`` (the harvard package): "Names: 1984, Title, 58, 473–503." — the year
        # after the colon that LNCS sets before its title; a quotation inside an unquoted title is
        # no title
        pytest.param("Chandler, A. D.: 1984, The emergence of managerial capitalism, 58, 473–503.",
                     "The emergence of managerial capitalism", "Chandler", 1984, id="kluwer-an-article"),
        pytest.param("Andersen, T. B., Bentzen, J., Dalgaard, C. and Sharp, P.: 2017, Pre-reformation roots "
                     "of the protestant ethic, 127, 1756–1793.",
                     "Pre-reformation roots of the protestant ethic", "Andersen", 2017,
                     id="kluwer-pages-that-look-like-years"),
        pytest.param("Greasley, D. and Oxley, L.: 1997, Endogenous growth or “big bang”: Two views of the "
                     "first industrial revolution, 57, 935–949.",
                     "Endogenous growth or “big bang”: Two views of the first industrial revolution",
                     "Greasley", 1997, id="kluwer-a-quotation-inside-the-title"),
        pytest.param("Nastase, S. A. and Liu, Y.: 2021, The “Narratives” fMRI dataset for evaluating models "
                     "of naturalistic language comprehension, 8, 250.",
                     "The “Narratives” fMRI dataset for evaluating models of naturalistic language "
                     "comprehension", "Nastase", 2021, id="kluwer-a-quotation-after-the-titles-first-word"),
        pytest.param("Name, A.: Title of the paper. In: Venue of the Conference, pp. 1–9 (2025)",
                     "Title of the paper", "Name", 2025, id="lncs-names-colon-title"),
        # a part of a series: the series' title, the part's number and its own title, as two theses
        # print them (github:jesford/Thesis 756633b diss.pdf; github:nityamd/Dissertation 0d36fed)
        pytest.param("E. S. Rykoff, E. Rozo, M. T. Busha, C. E. Cunha, A. Finoguenov, A. Evrard, J. Hao, "
                     "B. P. Koester, A. Leauthaud, B. Nord, M. Pierre, R. Reddick, T. Sadibekova, "
                     "E. S. Sheldon, and R. H. Wechsler. redMaPPer. I. Algorithm and SDSS DR8 Catalog. ApJ, "
                     "785:104, Apr. 2014.",
                     "redMaPPer. I. Algorithm and SDSS DR8 Catalog", "E. S. Rykoff", 2014,
                     id="series-part-plainnat"),
        pytest.param("Spinrad, H. & Taylor, B. J. (1971). The Stellar Content of the Nuclei of Nearby "
                     "Galaxies. I. M31, M32, and M81. The Astrophysical Journal, Supplement, 22, 445.",
                     "The Stellar Content of the Nuclei of Nearby Galaxies. I. M31, M32, and M81", "Spinrad",
                     1971, id="series-part-apa"),
        pytest.param("Bruzual A, G. (1983). Spectral evolution of galaxies. I - Early-type systems. "
                     "The Astrophysical Journal, 273, 105.",
                     "Spectral evolution of galaxies. I - Early-type systems", "Bruzual A", 1983,
                     id="series-part-a-dash-after-the-numeral"),
        pytest.param("A. Name. A title of a work. I. J. Mod. Phys. A, 12, 2001.", "A title of a work",
                     "A. Name", 2001, id="an-initial-after-the-title-is-no-part"),
    ],
)  # fmt: skip
def test_an_author_year_reference_reads_its_names_year_and_title(
    text: str, title: str, family: str, year: int
) -> None:
    """econ-bst's and economic's samples (texlive-doc): the year after the names is the work's (not
    an access date's or a page's), "Jr." is the name's, a body may be the author."""
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors[0].split(",")[0], parsed.year) == (title, family, year)


def test_editors_after_a_rule_start_a_reference_by_the_previous_names() -> None:
    """econ-jie's sample (texlive-doc): "(Eds.), 1985. Handbook …" set after the rule that stands
    for the previous reference's names, further in than a wrapped line."""
    lines = [
        styled("Jones, R. W., Kenen, P. B., (Eds.), 1984. Handbook of International Economics. 1, Elsevier,"),
        styled("Amsterdam.", indent=10.0),
        styled("(Eds.), 1985. Handbook of International Economics. 2, Elsevier, Amsterdam.", indent=38.0),
        styled("Krugman, P. R., 1991a. Geography and Trade. MIT Press, Cambridge, MA."),
    ]
    queries = read_lines(lines)
    assert [(q.authors[:1], q.year) for q in queries] == [
        (("Jones, R. W.",), 1984),
        (("Jones, R. W.",), 1985),
        (("Krugman, P. R.",), 1991),
    ]


@pytest.mark.parametrize(
    ("text", "italic", "title"),
    [
        pytest.param("Kusuoka, S., and A. Yamasue ed. (2006): Advances in Mathematical Economics Volume 8, "
                     "New York: Springer.", "Advances in Mathematical Economics",
                     "Advances in Mathematical Economics", id="econometrica-a-volume-after-the-italic-title"),
        pytest.param("Attwood, F., ed. , 2010. Porn.com: Making Sense of Online Pornography.: Peter Lang.",
                     None, "Porn.com: Making Sense of Online Pornography",
                     id="econ-jet-a-publisher-without-its-place"),
        pytest.param("Franck Varenne, Marc Silberstein, et al. Modéliser & simuler. Epistémologies et "
                     "pratiques de la modélisation, tome 1. Éditions Matériologiques, 2013.",
                     "simuler. Epistémologies et pratiques de la modélisation, tome 1.",
                     "Modéliser & simuler", id="a-run-after-an-upright-word-of-the-title"),
        pytest.param("Smith, A. B. (2001), Drosophila genetics revisited, Journal of Flies, 4, 1–9.",
                     "Drosophila", "Drosophila genetics revisited", id="a-species-opening-an-upright-title"),
        pytest.param("Abadi, M. (2006). Access control in a core calculus of dependency, International "
                     "Conference on Functional Programming (ICFP).",
                     "International Conference on Functional Programming (ICFP).",
                     "Access control in a core calculus of dependency", id="dcu-a-proceedings-name"),
        pytest.param("Abadi, M., Burrows, M., Lampson, B. & Plotkin, G. (1993). A calculus for access "
                     "control in distributed systems, Transactions on Programming Languages and Systems "
                     "(TOPLAS) 15(4).", "Transactions on Programming Languages and Systems (TOPLAS)",
                     "A calculus for access control in distributed systems",
                     id="dcu-a-journal-and-its-volume"),
        pytest.param("Plotkin, G. & Stirling, C. (1986). A framework for intuitionistic modal logics, "
                     "Theoretical Aspects of Reasoning about Knowledge (TARK), pp. 399–406.",
                     "Theoretical Aspects of Reasoning about Knowledge (TARK),",
                     "A framework for intuitionistic modal logics", id="dcu-pages-after-the-venue"),
        pytest.param("Fischer Servi, G. (1981). Semantics for a class of intuitionistic modal calculi, "
                     "Italian Studies in the Philosophy of Science, Springer, pp. 59–72.",
                     "Italian Studies in the Philosophy of Science,",
                     "Semantics for a class of intuitionistic modal calculi",
                     id="dcu-a-publisher-after-the-book"),
        pytest.param("Weiss, K., Khoshgoftaar, T. M. & Wang, D. D. (2016). A survey of transfer learning, "
                     "Journal of Big Data 3(9): doi.org/10.1186/s40537-016-0043-6.", "Journal of Big Data",
                     "A survey of transfer learning", id="dcu-a-link-after-the-journal"),
        pytest.param("Chen, A. M. & Gershman, S. J. (2024). A hierarchical Bayesian model of adaptive "
                     "teaching, Cognitive Science 48(7): e13477.", "Cognitive Science",
                     "A hierarchical Bayesian model of adaptive teaching", id="dcu-an-article-number"),
        pytest.param("Zhou, Y., Massonnet, M. & Gaut, B. S. (2017). The evolutionary genomics of grape "
                     "(vitis vinifera ssp. vinifera) domestication, Proceedings of the National Academy of "
                     "Sciences 114(44): 11715–11720.", "Proceedings of the National Academy of Sciences",
                     "The evolutionary genomics of grape (vitis vinifera ssp. vinifera) domestication",
                     id="dcu-a-sentence-case-title-past-an-abbreviation"),
        pytest.param("Doe, J. (2001). Genetics of the fruit fly, Drosophila melanogaster and its kin. "
                     "Journal of Flies, 4, 1–9.", "Drosophila melanogaster",
                     "Genetics of the fruit fly, Drosophila melanogaster and its kin",
                     id="a-species-after-a-comma-inside-the-title"),
        # a journal's run is found where it is printed, not in a title's word of its letters (APA,
        # a real thesis's list, gh-adrienneetar's)
        pytest.param("Jones, K. E. et al. (2009). PanTHERIA: a species-level database of life history, "
                     "ecology, and geography of extant and recently extinct mammals. Ecology. DOI: "
                     "10.1890/08-1494.1.", "Ecology.",
                     "PanTHERIA: a species-level database of life history, ecology, and geography of extant "
                     "and recently extinct mammals", id="apa-a-journal-named-by-a-word-of-the-title"),
        # a listed journal's run before its numbers: no title after a title (plainnat, a real paper's
        # list, gh-glouppe's: the rules read the journal and its numbers as the title); the series'
        # volume after names alone is the work's (econ)
        pytest.param("Beaumont, Mark A, Zhang, Wenyang, and Balding, David J. Approximate bayesian "
                     "computation in population genetics. Genetics, 162(4):2025–2035, 2002.", "Genetics,",
                     "Approximate bayesian computation in population genetics",
                     id="plainnat-a-listed-journal-before-its-numbers"),
        pytest.param("Kusuoka, Shigeo & Akira Yamasue, (eds.) Advances in Mathematical Economics, 8, New "
                     "York: Springer, 2006.", "Advances in Mathematical Economics,",
                     "Advances in Mathematical Economics", id="econ-a-series-volume-after-names-alone"),
    ],
)  # fmt: skip
def test_a_books_title_ends_before_its_volume_or_publisher(text: str, italic: str | None, title: str) -> None:
    """econ-bst's econometrica and jet variants (texlive-doc): "*Title* Volume 8, Place: Publisher";
    jet prints a book without a place as "Title.: Publisher". A run with no separator on either
    side is a word of the title set in italics. Harvard ``dcu`` sets the title upright and the
    journal or proceedings in italics after a comma ("Title, *Venue* 15(4)."): the title ends at
    that comma, unless words of a title go on after the run. A run is found where it is printed,
    not in a word of the title with its letters; a listed journal's run before its numbers is no
    title where a title stands before it."""
    assert read_lines([styled(text, *([italic] if italic else []))])[0].title == title


def test_a_numbered_reference_opening_with_its_year_or_editors_is_by_the_previous_names() -> None:
    """econ-numbers (econ-bst's sample, texlive-doc): the rule standing for repeated names is no
    text and a label sets every line's start, so "[54] ed. (2009) …" and "[60] (2003) …" show the
    repeat only by naming nobody before the year."""
    lines = [
        styled("[1] Attwood, Feona (2006) “Sexed Up: Theorizing the Sexualization of Culture,” Sexualities, "
                "9 (1), 77–94."),
        styled("[2] ed. (2009) Mainstreaming Sex: the Sexualization of Western Culture: I. B. Tauris.",
                "Mainstreaming Sex: the Sexualization of Western Culture:"),
        styled("[3] (2010) “A Paper of Her Own,” Sexualities, 13 (1), 1–9."),
        styled("[4] Chung, Kim-Sau (1999) “A Note on Matsushima’s Regularity Condition,” Journal of "
                "Economic Theory, 87 (2), 429–433."),
    ]  # fmt: skip
    assert [q.authors for q in read_lines(lines)] == [("Attwood, Feona",)] * 3 + [("Chung, Kim-Sau",)]


def test_aers_rule_for_repeated_names_is_as_wide_as_the_indent() -> None:
    """``economic``'s aer.bst (texlive) with a real .bib: a rule as wide as the hanging indent stands
    for the names that repeat the previous reference's, so a line opens at the continuation
    lines' indent with ", More Names" or ", , and , “Title”", or a space further in with "and …";
    a wrapped line after an empty volume (", 1079–1089.") is none."""
    lines = [
        styled("Acemoglu, Daron, Why nations fail : the origins of power, prosperity, and poverty, London :",
                "Why nations fail : the origins of power, prosperity, and poverty,"),
        styled("Profile Books, 2012.", indent=10.9),
        styled(", Simon Johnson, and James A Robinson, “The Rise of Europe: Atlantic Trade, Institutional",
                indent=11.4),
        styled("Change and Economic Growth,” 2002.", indent=11.1),
        styled("and Jared Rubin, “Causes and consequences of the Protestant Reformation,” 2016, 62, 1–25.",
                indent=15.0),
        styled("Nagy, E. S. and K. J. Rice, “Local adaptation in two subspecies of an annual plant,” Evol."),
        styled(", 1079–1089, 1997.", indent=10.9),
        styled("Ryza, Sandy and Uri Laserson, “Advanced Analytics with Spark,” O’Reilly, 2015."),
        styled("Saito, Muneyuki and Shinya Kato, “Effects of Immigration in Japan,” 2017, 4, 1–9."),
        styled("Takeda, Shiro, “The Double Dividend from Carbon Regulations,” 2007, 21, 336–364."),
        styled("Wadler, Philip, “A Taste of Linear Logic,” in “Mathematical Foundations” 1993, 185–210."),
        styled(", “Propositions as Sessions,” in “International Conference on Functional Programming” 2012.",
                indent=11.6),
    ]  # fmt: skip
    queries = read_lines(lines)
    assert [q.title for q in queries] == [
        "Why nations fail : the origins of power, prosperity, and poverty",
        "The Rise of Europe: Atlantic Trade, Institutional Change and Economic Growth",
        "Causes and consequences of the Protestant Reformation",
        "Local adaptation in two subspecies of an annual plant",
        "Advanced Analytics with Spark",
        "Effects of Immigration in Japan",
        "The Double Dividend from Carbon Regulations",
        "A Taste of Linear Logic",
        "Propositions as Sessions",
    ]
    assert [(q.authors[:2], q.year) for q in queries] == [
        (("Acemoglu, Daron",), 2012),
        (("Acemoglu, Daron", "Simon Johnson"), 2002),
        (("Acemoglu, Daron", "Jared Rubin"), 2016),
        (("Nagy, E. S.", "K. J. Rice"), 1997),
        (("Ryza, Sandy", "Uri Laserson"), 2015),
        (("Saito, Muneyuki", "Shinya Kato"), 2017),
        (("Takeda, Shiro",), 2007),
        (("Wadler, Philip",), 1993),
        (("Wadler, Philip",), 2012),
    ]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        pytest.param(", , and , “Flow-Limited Authorization,” 2015.",
                     "Arden, Owen, Jed Liu, and Andrew C. Myers, “Flow-Limited Authorization,” 2015.",
                     id="aer-and-between-the-blanks"),
        pytest.param("and Stirling, “A Framework,” 1986.", "Arden, Owen and Stirling, “A Framework,” 1986.",
                     id="aer-and-after-the-first-blank"),
    ],
)  # fmt: skip
def test_aer_writes_and_between_blank_names(text: str, written: str) -> None:
    """aer.bst leaves the repeated names blank as econ-b does, with "and" where econ writes "&"."""
    assert with_elided_names(text, ("Arden, Owen", "Jed Liu", "Andrew C. Myers")) == written


def test_a_page_range_holds_no_year() -> None:
    """aer.bst prints the year before the volume and pages: "…,” 2005, 169, 1631–1638."."""
    text = "Garris, Amanda J and Thomas H Tai, “Genetic structure and diversity,” 2005, 169, 1631–1638."
    assert parse_reference(text).year == 2005


def test_a_t1_font_without_a_unicode_map_leaves_texs_quotes_and_dashes() -> None:
    """Harvard ``jmr`` set in T1 fonts that carry no Unicode map: the page's text has TeX's own
    quotes, "`Title'", and the Cork slot 0x15 for the en dash of the pages ("229\\x15246")."""
    text = (
        "Abbott, R, D Albach & S Ansell (2013), ‘Hybridization and speciation', Journal of "
        "Evolutionary Biology 26(2), 229\x15246."
    ).translate(LIGATURES)
    parsed = parse_reference(text)
    assert (parsed.title, parsed.year, text.endswith("229–246.")) == (
        "Hybridization and speciation",
        2013,
        True,
    )


@pytest.mark.parametrize(
    ("text", "apart"),
    [
        pytest.param("Palvia 2021Heavy-tailed Distributions", "Palvia 2021. Heavy-tailed Distributions",
                     id="opening-the-title"),
        pytest.param("y W.M. Getz2005“Superspreading and", "y W.M. Getz 2005. “Superspreading and",
                     id="between-a-name-and-a-quoted-title"),
        pytest.param("P.M. Roberts1989Mathematical Writing.", "P.M. Roberts 1989. Mathematical Writing.",
                     id="between-a-name-and-the-title"),
        pytest.param("Wei, W. (1990)Time Series.", "Wei, W. (1990) Time Series.", id="in-brackets"),
        pytest.param("NIST1998Typefaces for", "NIST 1998. Typefaces for", id="after-a-capital"),
        pytest.param("P.1990Typesetting with", "P. 1990. Typesetting with", id="after-an-initial"),
        pytest.param("Smith 2021Decision Trees", "Smith 2021. Decision Trees", id="like-a-month"),
        # glued to the names' last initial or "et al.", a blank before the title
        pytest.param("Dutta, P. K.1991 What Do Discounted", "Dutta, P. K. 1991. What Do Discounted",
                     id="after-the-last-initial"),
        pytest.param("Li, Y. et al.2023 Efficient Semantic", "Li, Y. et al. 2023. Efficient Semantic",
                     id="after-et-al"),
        # left alone: a link's, an identifier's, a date's, a title's own number, a year already apart
        pytest.param("https://example.org/a2020Final", "https://example.org/a2020Final", id="a-link"),
        pytest.param("arXiv:2005.12345", "arXiv:2005.12345", id="an-arxiv-id"),
        pytest.param("[cited 2020May5]", "[cited 2020May5]", id="a-date"),
        pytest.param("COVID2019 Dataset", "COVID2019 Dataset", id="a-name-with-a-number"),
        pytest.param("2001: A Space Odyssey", "2001: A Space Odyssey", id="a-title-opening-with-a-year"),
        pytest.param("Smith, J.2020 May 5", "Smith, J.2020 May 5", id="a-month-after-it"),
        pytest.param("Vol.2012 Special Issue", "Vol.2012 Special Issue", id="after-an-abbreviation"),
        pytest.param("http://x.org/B.2019 Foo", "http://x.org/B.2019 Foo", id="in-a-link"),
    ],
)  # fmt: skip
def test_a_year_glued_to_its_neighbours_is_set_apart(text: str, apart: str) -> None:
    from bibnorm.readers.refs import years_apart

    assert years_apart(text) == apart


@pytest.mark.parametrize(
    ("text", "title", "first"),
    [
        # American Anthropological Association and Estudios de Cultura Maya (CSL), as the validation
        # strings print them: the year glued to the title after the names
        pytest.param("Jebarajakirthy, Saravanan, Paurav Shukla, and Prashant Palvia 2021Heavy-tailed "
                     "Distributions in Online Ad Response: A Marketing Analytics Perspective. In ICLR.",
                     "Heavy-tailed Distributions in Online Ad Response: A Marketing Analytics Perspective",
                     "Jebarajakirthy", id="aaa"),
        pytest.param("Lloyd-Smith, J.O., S.J. Schreiber, P.E. Kopp, y W.M. Getz2005“Superspreading and the "
                     "effect of individual variation on disease emergence”, Nature.",
                     "Superspreading and the effect of individual variation on disease emergence",
                     "Lloyd-Smith", id="estudios-de-cultura-maya"),
    ],
)  # fmt: skip
def test_a_title_glued_to_the_year_before_it_is_read_from_its_first_word(
    text: str, title: str, first: str
) -> None:
    from bibnorm.readers.refs import read_refs

    (query,) = read_refs(text, "refs.txt")
    assert query.title == title
    assert query.authors[0].startswith(first)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # J Mol Endocrinol (CSL): the date between the names and the title, no period after it
        pytest.param("Tuite AR, Greer AL, Pourbohloul B et al. 2010 Estimated epidemiologic parameters and "
                     "morbidity associated with pandemic H1N1 influenza. CMAJ 182 131–136.",
                     "Estimated epidemiologic parameters and morbidity associated with pandemic H1N1 "
                     "influenza", id="the-date-before-the-title"),
        pytest.param("Byrne RA et al. 2023 2023 ESC Guidelines for the management of acute coronary "
                     "syndromes. Eur Heart J 44 3720–3826.",
                     "2023 ESC Guidelines for the management of acute coronary syndromes",
                     id="the-date-before-a-title-opening-with-it"),
        # a title's own year: the date printed again, or another year
        pytest.param("Byrne RA. 2023 ESC Guidelines for the management of acute coronary syndromes. Eur "
                     "Heart J. 2023;44:3720–3826.",
                     "2023 ESC Guidelines for the management of acute coronary syndromes",
                     id="the-date-printed-again"),
        pytest.param("Orwell G. 1984 Revisited and more. Penguin; 2001.", "1984 Revisited and more",
                     id="another-year"),
    ],
)  # fmt: skip
def test_a_title_opens_with_its_year_only_where_the_year_is_printed_again(text: str, title: str) -> None:
    assert parse_reference(text).title == title
