"""What a pasted reference's title, names and year are where styles print a part's number, a
report's number, a group's name, a journal's date or a visit's date beside them; where a title
ends when no mark ends it; and what the dates and venue are where a Chinese list glues them or
prints its page ranges with a wave dash.

Each row is one reference as a style prints it; the expected fields are what it printed, written
here by hand."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import read_refs


def read_one(text: str):  # the reader's query
    (query,) = read_refs(text, "refs.txt")
    return query


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a part's or a report's number closing the title
        pytest.param(
            "Jacobson, D.H. 1973. Optimal Stochastic Linear Systems with Exponential Performance Criteria "
            "and their Relation to Differential Games. Part XVII. IEEE Trans. Autom. Control 18: 124–131.",
            "Optimal Stochastic Linear Systems with Exponential Performance Criteria and their Relation to "
            "Differential Games. Part XVII",
            id="a-parts-number-last",
        ),
        pytest.param(
            "Wei, A., Haghtalab, N., ve Steinhardt, J. (2023). Jailbroken. Report 12. NeurIPS.",
            "Jailbroken. Report 12",
            id="a-reports-number-last",
        ),
        # a Roman numeral that opens the title's next part
        pytest.param(
            "Ashuach, T., Gabitto, M. I., Koodli, R. V., Saldi, G.-A., Jordan, M. I., & Yosef, N. (2023). "
            "MultiVI. XIV. deep generative model for the integration of multimodal data.",
            "MultiVI. XIV. deep generative model for the integration of multimodal data",
            id="a-parts-number-opening-its-title",
        ),
        pytest.param(
            "Evans, D. S. (1987). The relationship between firm growth, size, and age. XXIV. Estimates for "
            "100 manufacturing industries.",
            "The relationship between firm growth, size, and age. XXIV. Estimates for 100 manufacturing "
            "industries",
            id="a-parts-title-after-its-number",
        ),
        # a part's word and number opening the title's next part (two real Elsevier lists' items,
        # pdf_dev11's and pdf_dev10's): the rules end the title before it, or both readers take
        # that part for the venue
        pytest.param(
            "Foti, F., Martinelli, L., 2018. Finite element modeling of cable galloping vibrations. Part II: "
            "Application to an iced cable in 1:2 multiple internal resonance. J. Vib. Control 24, 1322–1340.",
            "Finite element modeling of cable galloping vibrations. Part II: Application to an iced cable in "
            "1:2 multiple internal resonance",
            id="a-parts-word-and-number-opening-its-title",
        ),
        pytest.param(
            "M.A. Boschetti, A. Mingozzi, The two-dimensional finite bin packing problem. Part I: New lower "
            "bounds for the oriented case, 4OR 1 (2003) 27–42.",
            "The two-dimensional finite bin packing problem. Part I: New lower bounds for the oriented case",
            id="a-parts-title-read-as-the-venue",
        ),
        # a subtitle's sentence, then a listed journal after a comma (Copernicus's style, a real
        # model description's list, pdf_dev8): the rules end the title before it, the model does not
        pytest.param(
            "Maier-Reimer, E.: Geochemical cycles in an ocean general circulation model. Preindustrial "
            "tracer distributions, Global Biogeochemical Cycles, 7, 645–677, 1993.",
            "Geochemical cycles in an ocean general circulation model. Preindustrial tracer distributions",
            id="a-subtitles-sentence-before-a-listed-journal",
        ),
        # not a version's note before arXiv (biblatex's authoryear example, the team's PDF corpus)
        pytest.param(
            "Baez, John C. and Aaron D. Lauda (Oct. 27, 2004a). Higher-Dimensional Algebra V: 2-Groups. "
            "Version 3. arXiv: math/0307200v3.",
            "Higher-Dimensional Algebra V: 2-Groups",
            id="a-versions-note-before-arxiv",
        ),
        # a series' Roman numeral and the part's title, then the journal (a real thesis's list,
        # pdf_dev7's, and the same paper as the AAS print it)
        pytest.param(
            "Željko Ivezić, Branimir Sesar, Mario Jurić, et al. The Milky Way Tomography with SDSS. II. "
            "Stellar Metallicity. ApJ, 684(1):287, 2008.",
            "The Milky Way Tomography with SDSS. II. Stellar Metallicity",
            id="a-series-numeral-and-its-title-the-rules-read",
        ),
        pytest.param(
            "Ivezić, Ž., Sesar, B., Jurić, M., et al. 2008, The Milky Way Tomography with SDSS. II. Stellar "
            "Metallicity. ApJ, 684, 287.",
            "The Milky Way Tomography with SDSS. II. Stellar Metallicity",
            id="a-series-numeral-and-its-title-read-as-the-venue",
        ),
        # the title's number, which the rules read as the whole title
        pytest.param(
            "Wang Y., Skorokhodov I., Wonka P. HF-NeuS: Improved Surface Reconstruction Using High-Frequency "
            "Details, No. 176. NeurIPS 2022, .",
            "HF-NeuS: Improved Surface Reconstruction Using High-Frequency Details, No. 176",
            id="a-titles-number-read-as-the-title",
        ),
        # the year a sentence of its own after the title's end (ABNT's)
        pytest.param(
            "ALLERBO, Oskar; JÖRNSTEN, Rebecka. Non-linear, Sparse Dimensionality Reduction via Path Lasso "
            "Penalized Autoencoders.. 2021. J. Mach. Learn. Res.. [S. l.]: [s. d.], 2021.",
            "Non-linear, Sparse Dimensionality Reduction via Path Lasso Penalized Autoencoders",
            id="the-year-after-the-titles-end",
        ),
        pytest.param(
            "Kopka H. LaTeX Band 3. XII. Erweiterungen— mit einer Einfürung in METAFONT. Bonn, Germany: "
            "Addison-Wesley Verlag; 1994.",
            "LaTeX Band 3. XII. Erweiterungen— mit einer Einfürung in METAFONT",
            id="a-title-cut-at-its-parts-numeral",
        ),
        # a short title after a name's initial, which the rules read into the name
        pytest.param(
            "Wei A, Haghtalab N, Steinhardt J. Jailbroken. In: NeurIPS; 2023.",
            "Jailbroken",
            id="a-short-title-after-an-initial",
        ),
        # names a semicolon joins without a blank
        pytest.param(
            "Li K;Wang Z;Cheng Z;Yu R;Zhao Y;Song G;et al. ACSeg, IV: Adaptive Conceptualization for "
            "Self-supervised Semantic Segmentation. CVPR, 2023.",
            "ACSeg, IV: Adaptive Conceptualization for Self-supervised Semantic Segmentation",
            id="names-glued-by-semicolons",
        ),
        # APA's report number in parentheses: no part of the title
        pytest.param(
            "Yin, R. ; Liu, Y. et Meng, D. (2022). Efficient Attention via Linear Complexity Approximations "
            "(Internal Report TR-2022-27). Department of Physics and Astronomy, University of Tokyo.",
            "Efficient Attention via Linear Complexity Approximations",
            id="a-reports-number-in-parentheses",
        ),
        # the title's head the rules would read into the last name, an initial's period before it
        pytest.param(
            "King J-R, Gramfort A, Schurger A, Naccache L, Dehaene S. Two Distinct Dynamic Modes Subtend the "
            "Detection of Unexpected Sounds. Part XIII. PLoS ONE 2014;9:e85791.",
            "Two Distinct Dynamic Modes Subtend the Detection of Unexpected Sounds. Part XIII",
            id="a-titles-head-after-an-initial",
        ),
        # a quoted title stays the quotation
        pytest.param(
            "Vohra, Rajiv O R Debraj Ray, ‘Maximality in The Farsighted Stable Set.’ 2018, "
            "https://debrajray.com/wp-content/uploads/2018/01/RayVohraHistDep.pdf, September, 2018.",
            "Maximality in The Farsighted Stable Set",
            id="a-quoted-title-after-names",
        ),
        # German styles' issue number after the journal's year in parentheses: no APA year
        pytest.param(
            "McCarthy, D. J./Campbell, K. R./Lun, A. T. L. u. a., Scater: pre-processing, quality control, "
            "normalization and visualization of single-cell RNA-seq data in R, Bioinformatics 33 (2017), "
            "Nummer 8, S. 1179–1186.",
            "Scater: pre-processing, quality control, normalization and visualization of single-cell RNA-seq "
            "data in R",
            id="an-issues-number-after-the-journals-year",
        ),
        # a group's name with a year among its words
        pytest.param(
            "GBD 2015 Mortality Collaborators. Global, regional, and national life expectancy, all-cause "
            "mortality, and cause-specific mortality for 249 causes of death, 1980-2015. Lancet "
            "2016;388:1459-1544.",
            "Global, regional, and national life expectancy, all-cause mortality, and cause-specific "
            "mortality for 249 causes of death, 1980-2015",
            id="a-groups-name-with-a-year",
        ),
        # the next field after the title, no mark between
        pytest.param(
            "Brown, T., Mann, B., & Ryder, N. (2020). Language models are few-shot learners In arXiv.",
            "Language models are few-shot learners",
            id="a-venue-after-its-in",
        ),
        pytest.param(
            "Smith, J., & Lee, K. (2021). Sparse attention for long documents doi:10.48550/arXiv.2101.00001.",
            "Sparse attention for long documents",
            id="a-doi-after-its-label",
        ),
        pytest.param(
            "Deep Residual Learning for Image Recognition He, K. – Zhang, X. – Ren, S., CVPR (2016).",
            "Deep Residual Learning for Image Recognition",
            id="the-authors-after-the-title",
        ),
        # a group's name and the year before the title, no mark between
        pytest.param(
            "International Energy Agency 2020 World Energy Outlook. In IEA.",
            "World Energy Outlook",
            id="a-groups-name-and-its-year",
        ),
        # the days of the meeting a paper was given at, after its title's comma
        pytest.param(
            "Tadel, F., Baillet, S., Mosher, J. C., Pantazis, D., and Leahy, R. M. (2011). Brainstorm: A "
            "User-Friendly Application for MEG/EEG Analysis, 24–26 November 2011. Computational "
            "Intelligence and Neuroscience, 2011, 879716.",
            "Brainstorm: A User-Friendly Application for MEG/EEG Analysis",
            id="a-meetings-days-after-the-title",
        ),
        pytest.param(
            "Smith, J. (1997). Parsing with finite automata, October 15–17, 1997. In ACL.",
            "Parsing with finite automata",
            id="a-meetings-month-and-days-after-the-title",
        ),
        # what the rules read between two fields in the title's place: a year, a venue's "In"
        pytest.param(
            "[91] Blanchard v. Brandt, Volume 624. 2016, page 690.",
            "Blanchard v. Brandt",
            id="a-year-in-the-titles-place",
        ),
        pytest.param(
            "Zhao, J., M. Qu, C. Li, H. Yan, Q. Liu, R. Li, X. Xie, and J. Tang 2023 CiCo. In , CVPR.",
            "CiCo",
            id="a-venues-in-in-the-titles-place",
        ),
        # a group's name and its colon before the title
        pytest.param(
            "European Space Agency: Gaia Data Release 3: Summary of the content and survey properties. 2022.",
            "Gaia Data Release 3: Summary of the content and survey properties",
            id="a-groups-name-and-its-colon",
        ),
        pytest.param(
            "World Health Organization: Global tuberculosis report 2023. Geneva, 2023.",
            "Global tuberculosis report 2023",
            id="a-groups-name-and-its-colon-before-a-reports-title",
        ),
        # a group's name before the title in a Chinese list whose pages' range is a wave dash (a
        # full-width mark between digits: no script without spaces)
        pytest.param(
            "[56] Docker Inc.. Reproducible research environments with containers[J]. Nature Methods,2019, "
            "16(8):715～721.",
            "Reproducible research environments with containers",
            id="a-groups-name-in-a-chinese-list",
        ),
        # the last name after its conjunction, in the list's language (Finnish "ja")
        pytest.param(
            "J. A. Alston, H. F. Carman, J. E. Christian, J. Dorfman, J.-R. Murua, ja R. J. Sexton. "
            "Optimal Reserve and Export Policies for the California Almond Industry: Theory, Econometrics "
            "and Simulations. Giannini Foundation of Agricultural Economics, University of California, "
            "Agricultural and Natural Resource Publications, 6701 San Pablo Avenue, Oakland, CA 94608, USA, "
            "July 1995.",
            "Optimal Reserve and Export Policies for the California Almond Industry: Theory, Econometrics "
            "and Simulations",
            id="the-last-name-after-ja",
        ),
        # a journal's one word ending the title before its year or a meeting's days stays in it
        pytest.param(
            "Stoian M, Milbradt R, Mendl C. Polynomial-Time Algorithms for Tree Tensor Networks. 2022.",
            "Polynomial-Time Algorithms for Tree Tensor Networks",
            id="a-journals-word-before-the-year",
        ),
        pytest.param(
            "Stoian M, Milbradt R, Mendl C. Polynomial-Time Algorithms for Tree Tensor Networks, 21–22 June "
            "2022.",
            "Polynomial-Time Algorithms for Tree Tensor Networks",
            id="a-journals-word-before-a-meetings-days",
        ),
        # a journal's name ending a title before numbers, the title's: after a minor word, or one
        # English word
        pytest.param(
            "Smith J.: Recent advances in Bioinformatics, 12, pp. 1–10 (2019)",
            "Recent advances in Bioinformatics",
            id="after-a-minor-word",
        ),
        pytest.param(
            # the journal left out (revtex's ApJS macro), an English word ending the title
            "G. Ashton, M. Huebner, and E. Thrane, BILBY: A User-friendly Bayesian Inference Library for "
            "Gravitational-wave Astronomy, 241, 27 (2019).",
            "BILBY: A User-friendly Bayesian Inference Library for Gravitational-wave Astronomy",
            id="a-journals-one-english-word",
        ),
        # a report's number the rules read as the title ("20-07)", numbers without a letter): the
        # model's title, without the number
        pytest.param(
            "Kim, S, Park, J, and Lee, H 2020 Robust Estimation of Sparse Covariance Matrices (Report No. "
            "20-07). University of Tokyo.",
            "Robust Estimation of Sparse Covariance Matrices",
            id="a-reports-number-a-university-after",
        ),
        pytest.param(
            "Okafor, T, Adeyemi, B, and Musa, K 2019 Rainfall Variability and Crop Yields in the Sahel "
            "(Report No. 19-3). World Bank.",
            "Rainfall Variability and Crop Yields in the Sahel",
            id="a-reports-number-a-bank-after",
        ),
        # a group that is the author and the publisher: the title is what the style quoted, no more
        pytest.param(
            "Mozilla. “Firefox”. Mozilla, 2020. https://www.mozilla.org/firefox.",
            "Firefox",
            id="a-quotation-a-group-twice-a-link-after",
        ),
        pytest.param(
            "OpenAI. “ChatGPT”. OpenAI, 2023.", "ChatGPT", id="a-quotation-a-group-twice-the-year-after"
        ),
        # French archaeology's "Label Year : FAMILY (I.), … – Title, Journal, Year."
        pytest.param(
            "Ganyani, Kremer, Chen 2020 : GANYANI (T.), KREMER (C.), CHEN (D.) – Estimating the "
            "generation interval for coronavirus disease (COVID-19) based on symptom onset data, Euro "
            "Surveillance, 2020.",
            "Estimating the generation interval for coronavirus disease (COVID-19) based on symptom onset "
            "data",
            id="a-label-of-names-a-parenthesis-in-the-title",
        ),
        pytest.param(
            "Li, Guan, Wu 2020 : LI (Q.), GUAN (X.), WU (P.) – Early transmission dynamics in Wuhan, "
            "China, of novel coronavirus-infected pneumonia, New England Journal of Medicine, 2020.",
            "Early transmission dynamics in Wuhan, China, of novel coronavirus-infected pneumonia",
            id="a-label-of-names-commas-in-the-title",
        ),
    ],
)
def test_the_title_is_what_the_style_printed(text: str, title: str) -> None:
    assert read_one(text).title == title


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        pytest.param(
            "Željko Ivezić, Branimir Sesar, Mario Jurić, et al. The Milky Way Tomography with SDSS. II. "
            "Stellar Metallicity. ApJ, 684(1):287, 2008.",
            "ApJ",
            id="after-the-title-the-rules-read",
        ),
        pytest.param(
            "Ivezić, Ž., Sesar, B., Jurić, M., et al. 2008, The Milky Way Tomography with SDSS. II. Stellar "
            "Metallicity. ApJ, 684, 287.",
            "ApJ",
            id="after-the-part-read-as-the-venue",
        ),
        # the part's title alone after the title: no venue, rather than the part's title for one
        pytest.param(
            "M.A. Boschetti, A. Mingozzi, The two-dimensional finite bin packing problem. Part I: New lower "
            "bounds for the oriented case, 4OR 1 (2003) 27–42.",
            None,
            id="none-but-the-part",
        ),
    ],
)
def test_the_venue_is_what_follows_a_parts_title(text: str, venue: str | None) -> None:
    assert read_one(text).venue == venue


def test_a_title_does_not_run_on_through_a_parts_number_into_the_journal() -> None:
    """A part's number closing a title's sentence, then a journal's name the model reads on into
    (its title ends at the journal's comma, not a sentence's end): the journal is not the part's title."""
    text = (
        "Antoni T, Apel WD, Badea F, et al. The cosmic-ray experiment KASCADE. Part VII. Nuclear "
        "Instruments and Methods in Physics Research Section A: Accelerators, Spectrometers, Detectors "
        "and Associated Equipment 2003;513:490–510."
    )
    title = read_one(text).title
    assert title is not None and title.startswith("The cosmic-ray experiment KASCADE")
    assert "Nuclear" not in title


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        # French archaeology's label ("et alii") and Italian humanities' ("=") before the names in
        # full: the authors are the names in full, not the label's
        pytest.param(
            "Ye et alii 2026 : YE (T.), DONG (L.), WU (X.), HUANG (S.), WEI (F.) – On-Policy Context "
            "Distillation for Language Models, 2026.",
            ("YE (T.)", "DONG (L.)", "WU (X.)", "HUANG (S.)", "WEI (F.)"),
            id="et-alii-label",
        ),
        pytest.param(
            "Paul 2015 = Franziska Paul, Ya’ara Arkin, Amir Giladi, [et al.], Transcriptional "
            "Heterogeneity and Lineage Commitment in Myeloid Progenitors, «Cell», 163 (2015), 7, "
            "p. 1663–1677.",
            ("Franziska Paul", "Ya’ara Arkin", "Amir Giladi", "others"),
            id="equals-label",
        ),
    ],
)
def test_a_label_of_names_is_not_the_author_list(text: str, authors: tuple[str, ...]) -> None:
    assert read_one(text).authors == authors


@pytest.mark.parametrize(
    "text",
    [
        # an institution, or a report's designation, in the title's place
        "Abreu D. 1988. Department of Computer Science, Stanford University. Report no. DCSS-TR-1690.",
        "Graf, L., Harks, T., Kollias, K., and Markl, M. 2023. Université Paris-Sud.",
        # the last author's hyphened initials in the title's place
        "Hu Y., He Y., Li Y., Li J., Han Y., Wen J., Liu Y.-J., in ICML, 2023.",
    ],
)
def test_no_title_where_the_style_printed_none(text: str) -> None:
    assert read_one(text).title == text  # no title read: the whole reference is what a search is given


def test_names_before_their_year_in_parentheses_are_names_not_a_vancouver_title() -> None:
    query = read_one(
        "Donald E. Knuth, Tracy Larrabee & Paul M. Roberts (1989). Mathematical Writing. Technical report."
    )
    assert (query.title, query.authors[0], query.year) == ("Mathematical Writing", "Donald E. Knuth", 1989)


def test_a_titles_head_read_into_the_last_name_leaves_it() -> None:
    query = read_one(
        "King J-R, Gramfort A, Schurger A, Naccache L, Dehaene S. Two Distinct Dynamic Modes Subtend the "
        "Detection of Unexpected Sounds. Part XIII. PLoS ONE 2014;9:e85791."
    )
    assert query.authors[-1] == "Dehaene S."


def test_a_groups_name_with_a_year_is_the_author() -> None:
    query = read_one(
        "GBD 2015 Mortality Collaborators. Global, regional, and national life expectancy, all-cause "
        "mortality, and cause-specific mortality for 249 causes of death, 1980-2015. Lancet "
        "2016;388:1459-1544."
    )
    assert (query.authors, query.year) == (("GBD 2015 Mortality Collaborators",), 2016)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # the year a title closes on is its own where the journal's date stands before its numbers
        (
            "Dutta PK. What Do Discounted Optima Converge To? A Theory of Discount Rate Asymptotics in "
            "Economic Models, 2015. Journal of Economic Theory 1991;55(1):64–99.",
            1991,
        ),
        # the year printed once, after the title: the date's, not the title's
        ("Svensson V. Improving SCVI for low-count cells through self-supervised augmentation 2026.", 2026),
        # a day a page was read, dotted day first after its link: no date of the work
        ('UNDP (n.d.), "OpenStreetMap",. https://www.unitednations.com/openstreetmap (06.06.2023).', None),
        (
            "Stack Overflow sine data, MC, https://www.microsoftcorporation.com/stack-overflow "
            "(13. 9. 2025).",
            None,
        ),
        # a day and a month's name in brackets after the link, as CSL's styles print the "accessed"
        # date without its word, the work dated before the link: the day a page was read
        (
            "Mozilla Foundation. Title of the Page [Online]. Mozilla Foundation: 2016. "
            "https://www.example.org/title-of-the-page [24 Mar. 2019].",
            2016,
        ),
        (
            'Statistics Canada., "Title of the report", SC, 2003, <https://www.example.org/report> '
            "(21 May 2005 ).",
            2003,
        ),
        (
            "National Institute of Standards. (n.d.). Title of the page. <https://www.example.org/page> "
            "(July 15, 2022).",
            None,
        ),
        # the work's own date before the page's link stays
        ("Smith, J. (2019): Title of the page. https://example.org/page (27.05.2025)", 2019),
        # a month and a year alone after the link may be the work's own date
        ("Smith, J. Title of the page. https://example.org/page (May 2019).", 2019),
        # as the day and month are where no date stands before the link (biblatex's nature style)
        # a volume's (and an issue's) number and the year after a slash, as the generated Icelandic
        # ritid validation style prints them
        (
            "Español, P., og P. Warren. „Statistical Mechanics of Dissipative Particle Dynamics“, "
            "Europhys. Lett. 30/1995, bls. 191–196.",
            1995,
        ),
        # not a day's date after its slashes, a visit's (an Italian thesis of pdf_dev9:
        # github:Lugozzi04/tesi-max-pressure-semaforico-adattivo)
        (
            "Michael Behrisch et al. «SUMO – Simulation of Urban MObility: An Overview». In: Proceedings of "
            "the Third International Conference on Advances in System Simulation. 2011, pp. 63–68. url: "
            "https://sumo.dlr.de/pdf/simul_2011_3_40_50150.pdf (visitato il giorno 13/06/2026).",
            2011,
        ),
        (
            "Heled, J. & Drummond, A. J. Bayesian inference of population size history from multiple loci. "
            "BMC Evolutionary Biology 8, 289. issn: 1471-2148. https://doi.org/10.1186/1471-2148-8-289 "
            "(Oct. 23, 2008).",
            2008,
        ),
    ],
)
def test_the_year_is_the_works(text: str, year: int | None) -> None:
    assert read_one(text).year == year


# A German thesis's list of web pages (the inputs trial's de_ipfs list): "Author, Title, URL: link
# (abgerufen am …)" — the link's label ends the title, and the author's name is not its opening
@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        (
            "Dat Project, Dat awesome, URL: http://awesome.datproject.org/ (abgerufen am 01.07.2018)",
            "Dat awesome",
            ("Dat Project",),
        ),
        (
            "Wikipedia, Zensur von Wikipedia, URL: https://de.wikipedia.org/wiki/Zensur_von_Wikipedia "
            "(abgerufen am 26.06.2018)",
            "Zensur von Wikipedia",
            ("Wikipedia",),
        ),
    ],
)
def test_a_links_label_ends_the_title_and_the_authors_name_opens_none(
    text: str, title: str, authors: tuple[str, ...]
) -> None:
    query = read_one(text)
    assert (query.title, query.authors) == (title, authors)


def test_the_last_authors_name_read_into_the_title_is_an_authors() -> None:
    # a list of initials-first names and no "and" (the generated chicago-notes-bibliography-annotated
    # validation style's): the rules read the last name and its period into the title
    query = read_one(
        "J. S. Byrnes, J. L. Byrnes, K. Berry, K. A. Hargreaves. Probabilistic and Stochastic Methods in "
        "Analysis, with Applications: Proceedings of the NATO Advanced Study Institute. In Probabilistic "
        "and Stochastic Methods in Analysis, edited by J. S. Byrnes. Dordrecht: Kluwer, 1992."
    )
    assert query.title == (
        "Probabilistic and Stochastic Methods in Analysis, with Applications: Proceedings of the NATO "
        "Advanced Study Institute"
    )
    assert query.authors == ("J. S. Byrnes", "J. L. Byrnes", "K. Berry", "K. A. Hargreaves")


def test_a_volume_before_its_issue_and_pages_is_no_year() -> None:
    # github:huntfeng/magnetic_nozzle_spectral_instability's AIP proceedings paper
    query = read_one(
        "D. D. Ryutov, P. N. Yushmanov, D. C. Barnes, and S. V. Putvinski. Divertor for a linear fusion "
        "device. AIP Conference Proceedings, 1721(1):060003, 03 2016."
    )
    assert (query.year, query.title) == (2016, "Divertor for a linear fusion device")


def test_an_issue_between_its_volume_and_pages_is_no_year() -> None:
    # bench/pdf_dev16's gh-chenxihecam-behavioural-parameter-manifold (plainnat)
    query = read_one(
        "Padraig Gleeson, David Lung, Radu Grober, et al. c302: a multiscale framework for modelling the "
        "nervous system of Caenorhabditis elegans. Philosophical Transactions of the Royal Society B, "
        "373(1758):20170379, 2018."
    )
    assert query.year == 2018


def test_an_issue_the_rules_read_as_the_year_gives_way_to_the_one_year_printed() -> None:
    # works-dev's jpc.bst (ACS): the year before the volume, a four-digit issue and an article number
    query = read_one(
        "Pascual-García, A.; Bonhoeffer, S.; Bell, T. Metabolically cohesive microbial consortia and "
        "ecosystem functioning. Philosophical Transactions of the Royal Society B 2020, 375(1798), 20190245."
    )
    assert query.year == 2020


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # bench/pdf_dev16's gh-mhostert-juno (REVTeX from INSPIRE's BibTeX): the erratum's year is not
        # the work's
        ("P. Huber, Phys. Rev. C 84, 024617 (2011), [Erratum: Phys.Rev.C 85, 029901 (2012)], "
         "arXiv:1106.0687 [hep-ph].", 2011),
        ("G. Cowan, K. Cranmer, E. Gross, and O. Vitells, Eur. Phys. J. C 71, 1554 (2011), [Erratum: "
         "Eur.Phys.J.C 73, 2501 (2013)], arXiv:1007.1727 [physics.data-an].", 2011),
        # bench/pdf_dev16's gh-daniel-gong-wm-gp (unsrtnat, a note in the .bib): "see also" another work
        ("Iain C. Griffin and Anna C. Nobre. The speed of time in the Attentional Blink. Psychological "
         "Science, 14(6):571–577, 2003. doi: 10.1046/j.0956-7976.2003.psci 1459.x. Representative citation "
         "for retrocue timing effects; see also Souza & Oberauer 2016.", 2003),
    ],
)  # fmt: skip
def test_a_year_in_a_note_on_another_work_is_no_year_of_the_work(text: str, year: int) -> None:
    assert read_one(text).year == year


def test_an_issn_a_line_break_cut_after_its_hyphen_is_joined_and_no_year() -> None:
    # bench/pdf_dev16's gh-peetoomheida-cereal-induction (biblatex, line numbers in the margin)
    massey, *_ = read_refs(
        "[1] Massey, Fergus P., A. Roland Ennos, and Sue E. Hartley (July 1, 2007). “Herbivore specific\n"
        "induction of silica-based plant defences”. In: Oecologia 152.4, pp. 677–683. issn: 1432-\n"
        "1939. doi: 10.1007/s00442-007-0703-5.\n"
        "[2] Meena, V. D., M. L. Dotaniya, Vassanda Coumar, and S. Rajendiran (2014). “A case for\n"
        "silicon fertilization to improve crop yields in tropical soils”. In: Proceedings of the\n"
        "National Academy of Sciences, India Section B 84.3, pp. 505–518.\n"
        "[3] Schmelz, Eric A., Hans T. Alborn, Erika Banchio, and James H. Tumlinson (Feb. 1, 2003).\n"
        "“Quantitative relationships between induced jasmonic acid levels and volatile emission in\n"
        "Zea mays during Spodoptera exigua herbivory”. In: Planta 216.4, pp. 665–673.",
        "refs.txt",
    )
    assert massey.year == 2007 and "issn: 1432-1939." in massey.raw


def test_names_ending_in_et_al_before_the_title_are_the_names() -> None:
    # a JHEP-like numbered list (github:fpineda94/Higgs-R-2-inflation)
    query = read_one(
        "Y. Akrami, F. Arroja, M. Ashdown, J. Aumont, C. Baccigalupi, M. Ballardini et al., Planck 2018 "
        "results-x. constraints on inflation, Astronomy & Astrophysics 641 (2020) A10."
    )
    assert query.title == "Planck 2018 results-x. constraints on inflation"
    assert query.authors[0] == "Y. Akrami" and query.year == 2020


def test_a_year_read_into_the_title_is_left_out_of_it() -> None:
    query = read_one(
        "Svensson V. Improving SCVI for low-count cells through self-supervised augmentation 2026."
    )
    assert query.title == "Improving SCVI for low-count cells through self-supervised augmentation"


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # a listed journal's whole name, then nothing but its numbers: a style that prints no title
        ("Hamilton, J. D. (2005). JChPh, (July-August), 435–452.", "JChPh"),
        (
            "Zauner-Stauber V, Vanderstraeten L, Fishman MT, Verstraete F & Haegeman J (2018) Physical "
            "Review B, vol. 97, no. 4, p. 045145",
            "Physical Review B",
        ),
        (
            "An, Sungbae en Frank Schorfheide. Econometric Reviews 26, nr. 2--4 (2007): 113–172.",
            "Econometric Reviews",
        ),
        # REVTeX without titles (github:michaelsouza/dla-collagen): the model read "Bone Miner",
        # the abbreviated words around it left out
        (
            "B. Depalle, Z. Qin, S. J. Shefelbine, and M. J. Buehler, J. Bone Miner. Res. 31, 380 (2016).",
            "J. Bone Miner. Res.",
        ),
        # Elsevier's section after the journal's abbreviation and a dash, an ISSN and a link after
        # its numbers (REVTeX without titles, bench/pdf_dev16's gh-nmrlipids-nmrlipidsivotherhgs)
        (
            "H. Hauser and G. Shipley, Biochimica et Biophysica Acta (BBA) - Biomembranes 813, 343 (1985), "
            "ISSN 0005-2736, URL http://www.sciencedirect.com/science/article/pii/0005273685902512.",
            "Biochimica et Biophysica Acta (BBA) - Biomembranes",
        ),
        # a journal's series and the series' own name (the same list): no title either
        (
            "H. E. Daniels, Proceedings of the Royal Society of London. Series A, Mathematical and "
            "Physical Sciences 183, 405 (1945).",
            "Proceedings of the Royal Society of London. Series A",
        ),
        # the journal's publisher between its name and its numbers, as records exported with an
        # article's publisher print it (real .bib files of bench/works, Vancouver styles)
        ("Sellin A. Acta Oecologica. Elsevier; 1999; 20(1):51–59.", "Acta Oecologica"),
        (
            "Ye J-S, Bradford MA, Dacal M, Maestre FT, García-Palacios P. Global Change Biology. Wiley "
            "Online Library; 2019; 25(10):3354–3364.",
            "Global Change Biology",
        ),
    ],
)
def test_a_journal_before_nothing_but_its_numbers_is_no_title(text: str, venue: str) -> None:
    query = read_one(text)
    assert (query.title, query.venue) == (text, venue)  # no title read: the whole reference is searched


@pytest.mark.parametrize(
    "text",
    [
        "Complex Systems, 1987.",  # a year alone after it: a book's title
        # one plain word: as often a report's designation
        "Engle, R. F., and C. W. J. Granger. Co-integration and error correction. Report 189.",
    ],
)
def test_a_journals_name_before_a_year_or_one_plain_word_stays_a_title(text: str) -> None:
    assert read_one(text).title != text


@pytest.mark.parametrize(
    "text",
    [
        # what a style that prints no title leaves: an identifier's label, marks alone
        "S. Chambon, M. N. Galtier, P. J. Arnal, G. Wainrib, A. Gramfort, 2018. DOI: "
        "https://doi.org/10.1109/TNSRE.2018.2813138.",
        "Anonymous (2022). – J. Chem. Inf. Model., 62(2): 309–323.",
    ],
)
def test_a_title_without_words_is_none(text: str) -> None:
    # none read: the whole reference is searched, or its DOI alone is
    assert read_one(text).title in (None, text)


def test_a_publisher_after_a_parts_numeral_is_no_part_of_the_title() -> None:
    query = read_one(
        "Walter Gander and Jiři Hřebíček. Solving Problems in Scientific Computing Using MAPLE and "
        "MATLAB. X. Springer-Verlag, Berlin, Germany / Heidelberg, Germany / London, UK / etc., 1993."
    )
    assert (
        query.title.startswith("Solving Problems in Scientific Computing") and "Springer" not in query.title
    )


def test_a_short_title_read_into_the_last_name_leaves_it() -> None:
    query = read_one("Wei A, Haghtalab N, Steinhardt J. Jailbroken. In: NeurIPS; 2023.")
    assert query.authors == ("Wei A", "Haghtalab N", "Steinhardt J.")


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("Li K;Wang Z;et al. ACSeg", "Li K; Wang Z; et al. ACSeg"),
        ("Smith, J.;Lee, K. Title", "Smith, J.; Lee, K. Title"),
        # a link's, an HTML entity's and a number's semicolon stay
        ("Title. https://example.org/a;jsessionid=abc", "Title. https://example.org/a;jsessionid=abc"),
        ("Smith &amp;Jones", "Smith &amp;Jones"),
        ("Lancet 2016;388:1459", "Lancet 2016;388:1459"),
    ],
)
def test_names_a_semicolon_joins_are_set_apart(text: str, seen: str) -> None:
    from bibnorm.readers.refs import semicolons_apart

    assert semicolons_apart(text) == seen


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        # a name ending in an accent TeX built of two glyphs: PDFium leaves a blank before its comma
        ("Öwall , Viktor: Background", "Öwall, Viktor: Background"),
        ("Lin, L., Göǧüs  , E., Kaneko, Y.", "Lin, L., Göǧüs, E., Kaneko, Y."),
        # a style's blank fields keep their blanks: no word before them
        ("Smith, J. —, , & Jones", "Smith, J. —, , & Jones"),
        ("?? , 1990", "?? , 1990"),
        ("2023 CiCo. In , CVPR.", "2023 CiCo. In , CVPR."),
        ("IEEE_J_IA, 31, traduit par , p. 1047", "IEEE_J_IA, 31, traduit par , p. 1047"),
    ],
)
def test_both_readers_see_a_words_comma_without_a_blank_before_it(text: str, seen: str) -> None:
    from bibnorm.readers.refs import for_both_readers

    assert for_both_readers(text) == seen


def test_a_name_with_a_blank_before_its_comma_is_read_with_its_given_name() -> None:
    """A DIN 1505 list from a PDF (gh-oliver-kalbf-masterthesis, pdf_dev9): the third name's
    blank before its comma made the rules and the model read "Öwall" as a name alone and "Viktor:
    Background Segmentation Beyond RGB" as a name or the title."""
    from bibnorm.readers.refs import read_refs

    text = (
        "Kristensen, Fredrik ; Nilsson, Peter ; Öwall , Viktor: Background Segmentation Beyond RGB. In: "
        "Narayanan, P. J. (Hrsg.) ; Nayar, Shree K. (Hrsg.): Computer Vision - ACCV 2006. Guildford : "
        "Springer London, Feb. 2007."
    )
    (query,) = read_refs(text, "refs.txt")
    assert query.title == "Background Segmentation Beyond RGB"
    assert query.authors == ("Kristensen, Fredrik", "Nilsson, Peter", "Öwall, Viktor")


@pytest.mark.parametrize(
    ("text", "title", "venue"),
    [
        # a venue's acronym after the title's comma, or after its last word where the field closes
        (
            "King J., Gramfort A., Schurger A., Naccache L., and Dehaene S., (2014), Two Distinct Dynamic "
            "Modes Subtend the Detection of Unexpected Sounds, INRIA.",
            "Two Distinct Dynamic Modes Subtend the Detection of Unexpected Sounds",
            "INRIA",
        ),
        (
            "Li W, Huang X, Lu J, Feng J, Zhou J (2021) Learning Probabilistic Ordinal Embeddings for "
            "Uncertainty-Aware Regression CVPR,.",
            "Learning Probabilistic Ordinal Embeddings for Uncertainty-Aware Regression",
            "CVPR",
        ),
        # an acronym with a word's small letters in it
        (
            "Kim J, Park S, Lee H (2021) Robust Learning with Noisy Pairwise Labels NeurIPS,.",
            "Robust Learning with Noisy Pairwise Labels",
            "NeurIPS",
        ),
        (
            "Garg S, Tsipras D, Liang P (2022) What Can Transformers Learn In-Context NeurIPS,.",
            "What Can Transformers Learn In-Context",
            "NeurIPS",
        ),
    ],
)
def test_a_venues_acronym_printed_after_the_title_is_no_part_of_it(text: str, title: str, venue: str) -> None:
    query = read_one(text)
    assert (query.title, query.venue) == (title, venue)


def test_a_roman_numeral_after_the_titles_comma_stays_in_it() -> None:
    # a volume's number read as the venue: no acronym of a venue
    assert read_one("Smith, J. (2019). Internet Tomography, IX. Springer.").title == "Internet Tomography, IX"


def test_a_group_and_its_year_before_the_title_are_the_author_and_the_date() -> None:
    query = read_one("World Bank 2018 Learning to Realize Education's Promise. In World Development Report.")
    assert (query.title, query.authors, query.year) == (
        "Learning to Realize Education's Promise",
        ("World Bank",),
        2018,
    )


@pytest.mark.parametrize(
    ("text", "title", "year", "venue"),
    [
        # GB/T 7714: no space after the journal's comma; the pages' range a wave dash
        pytest.param(
            "[5] Tasic B, Menon V, Nguyen T N. Adult mouse cortical cell taxonomy revealed by single cell "
            "transcriptomics[J]. Nature Neuroscience,2016, 19(2):335–346.",
            "Adult mouse cortical cell taxonomy revealed by single cell transcriptomics",
            2016,
            "Nature Neuroscience",
            id="the-year-glued-to-the-journal",
        ),
        pytest.param(
            "[6] Jumper J, Evans R. Highly accurate protein structure prediction with AlphaFold[J]. Nature, "
            "2021, 596(7873): 583～1589.",
            "Highly accurate protein structure prediction with AlphaFold",
            2021,
            "Nature",
            id="a-wave-dash-before-a-years-number",
        ),
        pytest.param(
            "[3] Amit I, Paul F. A single-cell atlas of myeloid progenitors[J]. Cell Reports,2018, "
            "21(4):1663～1677.",
            "A single-cell atlas of myeloid progenitors",
            2018,
            "Cell Reports",
            id="glued-and-a-wave-dash",
        ),
    ],
)
def test_a_chinese_lists_journal_its_year_and_pages(text: str, title: str, year: int, venue: str) -> None:
    query = read_one(text)
    assert (query.title, query.year, query.venue) == (title, year, venue)


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # an issue's months in parentheses, a part's number before the journal, a link's label
        pytest.param(
            "Hamilton JD. 2005. What's real about the business cycle? Federal Reserve Bank of St. Louis "
            "Review (July-August):435–452.",
            "Federal Reserve Bank of St. Louis Review",
            id="an-issues-months",
        ),
        pytest.param(
            "Schelling TC. Models of Segregation. X. American Economic Review 1969; 59:488–493.",
            "American Economic Review",
            id="a-parts-number-before-the-journal",
        ),
        pytest.param(
            "Coates, M., Hero, A., Nowak, R. and Yu, B. (2002). Internet Tomography, IX.",
            None,
            id="a-parts-number-alone",
        ),
        pytest.param(
            "Gander, W. and Hřebíček, J. (1993). Solving Problems in Scientific Computing Using Maple and "
            "MATLAB. European Commission. URL https://www.example.org/spscumam.",
            "European Commission",
            id="a-links-label-after-the-publisher",
        ),
        # a name's words in parentheses whose closing mark the reader lost stay, closed
        pytest.param(
            "Dalal, R. Book Review. Printing History (New Series), (24):12–14, 2018.",
            "Printing History (New Series)",
            id="a-names-parenthesis",
        ),
        pytest.param(
            "Spielman, D. A., and Teng, S.-H. Smoothed analysis of algorithms: Why the simplex algorithm "
            "usually takes polynomial time. Journal of the ACM (JACM), 51(3):385–463, 2004.",
            "Journal of the ACM (JACM)",
            id="a-journals-acronym-in-parentheses",
        ),
        # a meeting's ordinal in Roman numerals is the meeting's
        pytest.param(
            "Kaya, A. 2025. 3D Topographic and Architectural Documentation of the Multi-Domed Structure. "
            "In V. International Architectural Sciences Congress (IarcSC-2025). Proceedings Book, 12–20.",
            "V. International Architectural Sciences Congress (IarcSC-2025). Proceedings Book",
            id="a-meetings-ordinal",
        ),
    ],
)
def test_the_venue_is_the_venues_name_alone(text: str, venue: str | None) -> None:
    assert read_one(text).venue == venue


def test_the_authors_a_style_prints_after_the_title_are_the_authors() -> None:
    query = read_one(
        "Self-Distillation from the Last Mini-Batch for Consistency Regularization Shen, Y. et al., "
        "CVPR (2022)."
    )
    assert (query.title, query.authors[:1]) == (
        "Self-Distillation from the Last Mini-Batch for Consistency Regularization",
        ("Shen, Y.",),
    )


# a reading list that prints the names after the title, given names first or Vancouver's
# (github:pmean/build-website, text/07/classic-references-for-ebm.md): the rules read the title's
# words, cut at its "and", as names
@pytest.mark.parametrize(
    ("text", "title", "first_author"),
    [
        (
            "A comparison of observational studies and randomized, controlled trials. K. Benson, "
            "A. J. Hartz. New England Journal of Medicine 2000: 342(25); 1878-86.",
            "A comparison of observational studies and randomized, controlled trials",
            "K. Benson",
        ),
        (
            "Any casualties in the clash of randomised and observational evidence? J. P. Ioannidis, "
            "A. B. Haidich, J. Lau. British Medical Journal 2001: 322(7291); 879-80.",
            "Any casualties in the clash of randomised and observational evidence?",
            "J. P. Ioannidis",
        ),
        (
            "Acting on imperfect evidence: How much regret are we ready to accept? Djulbegovic B, "
            "Frohlich A, Bennett CL. J Clin Oncol 2005: 23(28); 6822-5.",
            "Acting on imperfect evidence: How much regret are we ready to accept?",
            "Djulbegovic B",
        ),
    ],
)
def test_names_printed_after_the_title_are_not_the_titles_words(
    text: str, title: str, first_author: str
) -> None:
    query = read_one(text)
    assert (query.title, query.authors[:1]) == (title, (first_author,))


def test_inverted_names_before_a_bare_year_are_each_one_name() -> None:
    query = read_one("Chen, G., Yao, W., and Song, X. 2023 PLOT. In ICLR.")
    assert query.authors == ("Chen, G.", "Yao, W.", "Song, X.")


def test_a_names_abbreviation_and_the_names_period_are_one_period() -> None:
    query = read_one(
        "[56] Docker Inc.. Reproducible research environments with containers[J]. Nature Methods,2019, "
        "16(8):715～721."
    )
    assert query.authors == ("Docker Inc.",)


@pytest.mark.parametrize(
    "text",
    [
        "12. Smith J, Doe A. Deep learning for proteins. Nature. 2020;1:2.",
        "(12) Smith J, Doe A. Deep learning for proteins. Nature. 2020;1:2.",
        "[12] Smith J, Doe A. Deep learning for proteins. Nature. 2020;1:2.",
    ],
)
def test_one_reference_pasted_with_its_number_is_read_without_it(text: str) -> None:
    query = read_one(text)
    read = (query.title, query.authors, query.year)
    assert read == ("Deep learning for proteins", ("Smith J", "Doe A"), 2020)


@pytest.mark.parametrize(
    ("text", "title", "venue"),
    [
        pytest.param(
            "44. Kim H., Park S.: Fast and accurate alignment of long reads to graph genomes "
            "Bioinformatics, 38, pp. 1–9 (2022)",
            "Fast and accurate alignment of long reads to graph genomes",
            "Bioinformatics",
            id="a-journals-one-word-no-english-word",
        ),
        pytest.param(
            "7. Kingma D.P., Welling M.: An Introduction to Variational Autoencoders Foundations and "
            "Trends in Machine Learning, 12, pp. 307–392 (2019)",
            "An Introduction to Variational Autoencoders",
            "Foundations and Trends in Machine Learning",
            id="a-journals-full-name",
        ),
        pytest.param(
            "Hochreiter S., Schmidhuber J.: Long short-term memory Neural Comput., 9, pp. 1735–1780 (1997)",
            "Long short-term memory",
            "Neural Comput.",
            id="an-abbreviated-name-and-its-period",
        ),
        pytest.param(
            "58. Wang L., Martinez T.J., Pande V.S.: Building force fields: an automatic, systematic, and "
            "reproducible approach J. Phys. Chem. Lett., 5, pp. 1885–1891 (2014)",
            "Building force fields: an automatic, systematic, and reproducible approach",
            "J. Phys. Chem. Lett.",
            id="an-abbreviation-the-readers-cut-at-its-first-period",
        ),
    ],
)
def test_a_journal_printed_after_the_title_without_a_mark_is_the_venue(
    text: str, title: str, venue: str
) -> None:
    # a style that prints the journal right after the title, then its volume
    query = read_one(text)
    assert (query.title, query.venue) == (title, venue)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(
            "Kim, S.; Lee, J. 2021: Scalable Learning of Sparse Graphs with Missing Data.. In: J. Mach. "
            "Learn. Res.. [https://jmlr.org/papers/v22/20-1234.html].",
            "Scalable Learning of Sparse Graphs with Missing Data",
            id="a-colon-after-the-year",
        ),
        pytest.param(
            "Kim, S, Lee, J, and Park, H 2021\nScalable learning of sparse graphs with missing data.. In: "
            "J. Mach. Learn. Res.. Available at https://jmlr.org/papers/v22/20-1234.html",
            "Scalable learning of sparse graphs with missing data",
            id="the-year-alone-before-the-title",
        ),
    ],
)
def test_a_title_ending_in_a_doubled_period_is_read_whole(text: str, title: str) -> None:
    # the journal's abbreviated words after it ("Learn.") are no title cut out of the title's words
    query = read_one(text)
    assert (query.title, query.venue) == (title, "J. Mach. Learn. Res")
