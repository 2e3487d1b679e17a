"""Reference strings in the styles whose names and titles need rules of their own: Vancouver
(medicine: family names, initials without periods), Harvard (``agsm``: single curly quotes,
a comma after the year, the publisher after a book's title), REVTeX's names and journals, and
IOP's numbered style.
Each case is a real reference as read from a real ``.bib`` file set in that style (the PDF
corpus, ``bench/bench_pdf_corpus.py``), or a list of another style that must not be read as one
of these.
"""

from __future__ import annotations

import pytest
from bibnorm.readers._ref_physics import edited_book
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "title", "year", "some_names", "arxiv", "doi"),
    [
        # Vancouver (vancouver.bst), as read from a real .bib (ContextLab's CDL-bibliography) set
        # in that style: family names then initials without periods, the journal after the title.
        pytest.param(
            "Yeshurun Y, Nguyen M, Hasson U. The default mode network: where the idiosyncratic self "
            "meets the shared social world. Nature Reviews Neuroscience. 2021;22(3):181-92.",
            "The default mode network: where the idiosyncratic self meets the shared social world", 2021,
            {"Yeshurun", "Hasson"}, None, None, id="vancouver-initials-without-periods",
        ),
        pytest.param(
            "Ramer U. An iterative procedure for the polygonal approximation of plane curves. Computer "
            "Graphics and Image Processing. 1972;1(3):244-56.",
            "An iterative procedure for the polygonal approximation of plane curves", 1972, {"Ramer"},
            None, None, id="vancouver-one-author",
        ),
        pytest.param(
            "van de Pol J, Volman M, Beishuizen J. Patterns of contingent teaching in teacher–student "
            "interaction. Learning and Instruction. 2011;21(1):46-57.",
            "Patterns of contingent teaching in teacher–student interaction", 2011, {"Pol", "Volman"},
            None, None, id="vancouver-particles",
        ),
        pytest.param(
            "Nastase SA, Liu Y, Hillman H, Zadbood A, Hasenfratz L, Keshavarzian N, et al. The "
            "“Narratives” fMRI dataset for evaluating models of naturalistic language comprehension. "
            "Scientific Data. 2021;8(1):250.",
            "The “Narratives” fMRI dataset for evaluating models of naturalistic language comprehension",
            2021, {"Nastase", "Keshavarzian"}, None, None, id="vancouver-quoted-word-in-title",
        ),
        pytest.param(
            "Madan CR. Exploring word memorability: how well do different word properties explain item "
            "free-recall probability? Psychonomic Bulletin and Review. 2021;28:583-95.",
            "Exploring word memorability: how well do different word properties explain item free-recall "
            "probability?", 2021, {"Madan"}, None, None, id="vancouver-question-before-the-journal",
        ),
        pytest.param(
            "Andrew G. Howard, Menglong Zhu, Bo Chen. MobileNets: Efficient convolutional neural networks "
            "for mobile vision applications. arXiv, 2017.",
            "MobileNets: Efficient convolutional neural networks for mobile vision applications", 2017,
            {"Howard", "Zhu"}, None, None, id="a-middle-initial-is-no-vancouver-name",
        ),
        pytest.param(
            "Robert L. Augustine. Heterogeneous catalysis for the synthetic chemist. New York: Marcel "
            "Dekker, 1995.",
            "Heterogeneous catalysis for the synthetic chemist", 1995, {"Augustine"}, None, None,
            id="biblatex-given-names-first-are-no-vancouver-name",
        ),
        # (amsplain's italic title, quoted by the PDF reader; IEEE's quoted one alike)
        pytest.param(
            "James E. Humphreys, “Linear algebraic groups”, Springer-Verlag, New York-Heidelberg, 1975.",
            "Linear algebraic groups", 1975, {"Humphreys"}, None, None,
            id="a-comma-and-a-quoted-title-after-a-middle-initial-is-no-vancouver-list",
        ),
        pytest.param(
            "Willy W. Chiu and We Min Chow. A Hybrid Hierarchical Model of a Multiple Virtual Storage (MVS) "
            "Operating System. Research rep. RC-6947. IBM, 1978.",
            "A Hybrid Hierarchical Model of a Multiple Virtual Storage (MVS) Operating System", 1978,
            {"Chiu", "Chow"}, None, None, id="biblatex-and-after-a-middle-initial-is-no-vancouver-list",
        ),
        pytest.param(
            "Dijksterhuis A, Aarts H. Goals, attention, and (un)consciousness. Annual Review of "
            "Psychology. 2010;61:467-90.",
            "Goals, attention, and (un)consciousness", 2010, {"Dijksterhuis", "Aarts"}, None, None,
            id="vancouver-title-with-a-comma-and-and",
        ),
        # Harvard (agsm), as read from real .bib files (akhirsch/bibliography, NickPeyton's paper)
        # set in that style: "Names (Year), ‘Title’, Journal" and books "Names (Year), Title, Publisher".
        pytest.param(
            "Abadi, M., Burrows, M., Lampson, B. & Plotkin, G. (1993), ‘A calculus for access control in "
            "distributed systems’, Transactions on Programming Languages and Systems (TOPLAS) 15(4).",
            "A calculus for access control in distributed systems", 1993, {"Abadi", "Plotkin"}, None, None,
            id="harvard-single-quoted-title",
        ),
        pytest.param(
            "Genovese, V., Garg, D. & Rispoli, D. (2012), Labeled sequent calculi for access control logics: "
            "Countermodels, saturation, and abduction, in ‘Computer Security Foundations (CSF)’.",
            "Labeled sequent calculi for access control logics: Countermodels, saturation, and abduction",
            2012, {"Genovese", "Rispoli"}, None, None, id="harvard-quoted-proceedings-is-no-title",
        ),
        pytest.param(
            "Cecchetti, E., Myers, A. C. & Arden, O. (2017b), Nonmalleable information flow control: "
            "Technical report, Technical report, Cornell University Computing and Information Science.",
            "Nonmalleable information flow control: Technical report", 2017, {"Cecchetti", "Arden"}, None,
            None, id="harvard-technical-report-tail",
        ),
        pytest.param(
            "Rubin, J. T. (2017), Rulers, Religion, and Riches: Why the West Got Rich and the Middle East "
            "Did Not, Cambridge University Press.",
            "Rulers, Religion, and Riches: Why the West Got Rich and the Middle East Did Not", 2017,
            {"Rubin"}, None, None, id="harvard-book-publisher-tail",
        ),
        pytest.param(
            "Studer, R. (2015), The great divergence reconsidered : Europe, India, and the rise to global "
            "economic power, New York, NY : Cambridge University Press.",
            "The great divergence reconsidered : Europe, India, and the rise to global economic power", 2015,
            {"Studer"}, None, None, id="harvard-catalogue-place-and-publisher",
        ),
        pytest.param(
            "Tilly, C. (1992), Coercion, capital, and European states, A.D.990-1990, Cambridge, MA : Basil "
            "Blackwell.",
            "Coercion, capital, and European states, A.D.990-1990", 1992, {"Tilly"}, None, None,
            id="harvard-comma-after-the-year",
        ),
        # REVTeX 4.2 (apsrev4-2), as read from a real .bib (Ciro-Taranto/fRG_paper) set in PRL style:
        # two authors joined by "and" without a comma; a journal with lower-case words in its name.
        pytest.param(
            "C. J. Halboth and W. Metzner, Renormalization-group analysis of the two-dimensional Hubbard "
            "model, Phys. Rev. B 61, 7364 (2000).",
            "Renormalization-group analysis of the two-dimensional Hubbard model", 2000,
            {"Halboth", "Metzner"}, None, None, id="aps-two-authors-joined-by-and",
        ),
        pytest.param(
            "C. Platt, W. Hanke, and R. Thomale, Functional renormalization group for multi-orbital fermi "
            "surface instabilities, Advances in Physics 62, 453 (2013).",
            "Functional renormalization group for multi-orbital fermi surface instabilities", 2013,
            {"Platt", "Thomale"}, None, None, id="aps-journal-with-a-lower-case-word",
        ),
        # Physical Review Letters without article titles (REVTeX 4.2, nolongbibliography), as read
        # from a real .bib (EckerChristian/MCLambdaBHNS): the journal right after the names is no
        # title, and none is read.
        pytest.param(
            "C. Ecker and L. Rezzolla, Mon. Not. Roy. Astron. Soc. 519, 2615 (2022), arXiv:2209.08101 "
            "[astro-ph.HE].",
            None, 2022, {"Ecker", "Rezzolla"}, "2209.08101", None, id="prl-no-title-abbreviated-journal",
        ),
        pytest.param(
            "J. Aasi, B. P. Abbott, R. Abbott, T. Abbott, M. R. Abernathy, et al., Classical and Quantum "
            "Gravity 32, 074001 (2015).",
            None, 2015, {"Aasi", "Abbott"}, None, None, id="prl-no-title-journal-in-words-et-al",
        ),
        pytest.param(
            "G. Baym, C. Pethick, and P. Sutherland, Astrophys. J. 170, 299 (1971).",
            None, 1971, {"Baym", "Sutherland"}, None, None, id="prl-no-title-three-authors",
        ),
        pytest.param(
            "B. P. Abbott, R. Abbott, et al., Physical Review X 9, 011001 (2019), arXiv:1805.11579 [gr-qc].",
            None, 2019, {"Abbott"}, "1805.11579", None, id="prl-no-title-journal-with-a-letter",
        ),
        # Science (biblatex-science's sample document, texlive-doc): no article title either; a
        # name with "III", a journal with a comma in its name.
        pytest.param(
            "A. J. Arduengo III, R. L. Harlow, M. Kline, J. Am. Chem. Soc. 113, 361–363 (1991).",
            None, 1991, {"Arduengo", "Kline"}, None, None, id="science-no-title-name-with-iii",
        ),
        pytest.param(
            "K. Dehnicke, J. Strähle, Angew. Chem., Int. Ed. Engl. 20, 413–426 (1981).",
            None, 1981, {"Dehnicke", "Strähle"}, None, None, id="science-no-title-journal-with-a-comma",
        ),
        pytest.param(
            "E.-I. Negishi, Ed., Handbook of Organopalladium Chemistry for Organic Synthesis (Wiley "
            "Interscience, New York, 2002).",
            "Handbook of Organopalladium Chemistry for Organic Synthesis", 2002, {"Negishi"}, None, None,
            id="science-editor-ed-capitalised",
        ),
        # A book (biblatex-phys's and biblatex-science's sample documents): the title, then
        # publisher, place and year in parentheses.
        pytest.param(
            "W. L. F. Armarego, C. L. L. Chai, Purification of Laboratory Chemicals (Butterworth–Heinemann, "
            "London, ed. 5, 2003).",
            "Purification of Laboratory Chemicals", 2003, {"Armarego", "Chai"}, None, None,
            id="science-book-publisher-in-parentheses",
        ),
        pytest.param(
            "F. A. Cotton, G. Wilkinson, C. A. Murillio, and M. Bochmann, Advanced inorganic chemistry, "
            "6th ed. (Wiley, Chichester, United Kingdom, 1999).",
            "Advanced inorganic chemistry", 1999, {"Cotton", "Bochmann"}, None, None,
            id="aip-book-edition-then-publisher",
        ),
        pytest.param(
            "T. Hahn, ed., International tables for crystallography, 5th ed., Vol. A (Kluwer Academic "
            "Publishers, Dordrecht, Netherlands, 2002).",
            "International tables for crystallography", 2002, {"Hahn"}, None, None,
            id="aip-edited-book-edition-and-volume",
        ),
        # Nature's edited book (biblatex-nature's sample document): the title first, then its
        # editors in parentheses — they stand for its authors.
        pytest.param(
            "N-Heterocyclic Carbenes in Transition Metal Catalysis (ed Glorius, F.) (Springer, Berlin, "
            "2007).",
            "N-Heterocyclic Carbenes in Transition Metal Catalysis", 2007, {"Glorius"}, None, None,
            id="nature-edited-book",
        ),
        pytest.param(
            "Theoretical Aspects of Homogeneous Catalysis (eds van Leeuwen, P. W. M. N., Morokuma, K. & "
            "van Lenthe, J. H.) Catalysis by Metal Compounds 18 (Kluwer Academic Press, Dordrecht, "
            "Netherlands, 1995).",
            "Theoretical Aspects of Homogeneous Catalysis", 1995, {"Leeuwen", "Morokuma"}, None, None,
            id="nature-edited-book-three-editors",
        ),
        # An online work (biblatex-phys): the year in parentheses, then its URL, ends the title.
        pytest.param(
            "S. J. Lancaster, Alkylation of boron trifluoride with pentafluorophenyl grignard reagent, "
            "(2003) http : / / www . syntheticpages . org / pages / 215 (visited on 10/08/2008).",
            "Alkylation of boron trifluoride with pentafluorophenyl grignard reagent", 2003, {"Lancaster"},
            None, None, id="aip-online-year-then-url",
        ),
        # A parenthesis in an article's title is no publisher (ParallelScience/act-dr6's .bbl).
        pytest.param(
            "C. L. Bennett et al., Nine-year Wilkinson Microwave Anisotropy Probe (WMAP) observations: "
            "Final maps and results, Astrophys. J. Suppl. 208, 20 (2013), arXiv:1212.5225 [astro-ph.CO].",
            "Nine-year Wilkinson Microwave Anisotropy Probe (WMAP) observations: Final maps and results",
            2013, {"Bennett"}, "1212.5225", None, id="aps-article-title-with-a-parenthesis",
        ),
        # A number in a title is no volume: words go on after it (ParallelScience/act-dr6's PDF).
        pytest.param(
            "Planck Collaboration, Planck 2018 results. IV. diffuse component separation, Astron. "
            "Astrophys. 641, A4 (2020), arXiv:1807.06208 [astro-ph.CO].",
            "Planck 2018 results. IV. diffuse component separation", 2020, {"Planck"}, "1807.06208", None,
            id="aps-title-with-a-number",
        ),
        # A collaboration in lower case, apsrev4-1 without article titles but a report's (an Italian
        # physics thesis, github:LorenzoMarcoccia/PhDThesis_git)
        pytest.param(
            "The ATLAS collaboration, ATLAS magnet system: Technical Design Report (1997).",
            "ATLAS magnet system: Technical Design Report", 1997, {"ATLAS"}, None, None,
            id="aps-a-collaboration-in-lower-case",
        ),
        # A journal the .bib left empty (an undefined macro such as \apj): the volume alone ends the
        # title, or stands right after the names (EckerChristian/MCLambdaBHNS set in PRL style).
        pytest.param(
            "E. S. Fraga, A. Kurkela, and A. Vuorinen, Interacting Quark Matter Equation of State for "
            "Compact Stars, 781, L25 (2014), arXiv:1311.5154 [nucl-th].",
            "Interacting Quark Matter Equation of State for Compact Stars", 2014, {"Fraga", "Vuorinen"},
            "1311.5154", None, id="aps-empty-journal-volume-ends-the-title",
        ),
        pytest.param(
            "R. J. E. Smith, G. Ashton, A. Vajpeyi, and C. Talbot, 498, 4492 (2020), arXiv:1909.11873 "
            "[gr-qc].",
            None, 2020, {"Smith", "Talbot"}, "1909.11873", None, id="prl-no-title-empty-journal",
        ),
        # A family name of two or three words ("Del Pozzo", "Van Den Broeck") is a name, not the title.
        pytest.param(
            "M. Agathos, J. Meidam, W. Del Pozzo, T. G. F. Li, M. Tompitak, J. Veitch, S. Vitale, and "
            "C. Van Den Broeck, Constraining the neutron star equation of state with gravitational wave "
            "signals from coalescing binary neutron stars, Phys. Rev. D 92, 023012 (2015).",
            "Constraining the neutron star equation of state with gravitational wave signals from "
            "coalescing binary neutron stars", 2015, {"Agathos", "Pozzo"}, None, None,
            id="aps-two-word-family-names",
        ),
        pytest.param(
            "F. B. Kugler and J. von Delft, Multiloop functional renormalization group that sums up all "
            "parquet diagrams, ArXiv e-prints (2017), arXiv:1703.06505 [cond-mat.str-el].",
            "Multiloop functional renormalization group that sums up all parquet diagrams", 2017,
            {"Kugler", "Delft"}, "1703.06505", None, id="aps-arxiv-e-prints-ends-the-title",
        ),
        # A title in title case before the journal is a title, not part of the journal's name.
        pytest.param(
            "A. Yamase, H. Eberlein and W. Metzner, Coexistence of Incommensurate Magnetism and "
            "Superconductivity in the Two-Dimensional Hubbard Model, Phys. Rev. Lett. 116, 096402 (2016).",
            "Coexistence of Incommensurate Magnetism and Superconductivity in the Two-Dimensional Hubbard "
            "Model", 2016, {"Yamase", "Metzner"}, None, None, id="aps-title-case-title-then-journal",
        ),
        # REVTeX 4.2 in PRL style, as read from real .bib files (EckerChristian/MCLambdaBHNS,
        # ParallelScience/act-dr6, Ciro-Taranto/fRG_paper): a title of two words; accented
        # initials; a collaboration "et al."; the .bib's quirks printed as they are ("Adkins, and
        # others", "a. o. Agathos", "Dzyaloshinski I.E."); an e-print right after the names.
        pytest.param(
            "J. Aasi, B. P. Abbott, R. Abbott, T. Abbott, M. R. Abernathy, et al., Advanced LIGO, Classical "
            "and Quantum Gravity 32, 074001 (2015), arXiv:1411.4547 [gr-qc].",
            "Advanced LIGO", 2015, {"Aasi", "Abernathy"}, "1411.4547", None, id="aps-two-word-title",
        ),
        pytest.param(
            "E. É. Flanagan and T. Hinderer, Constraining neutron-star tidal Love numbers with "
            "gravitational-wave detectors, Phys. Rev. D 77, 021502 (2008), arXiv:0709.1915",
            "Constraining neutron-star tidal Love numbers with gravitational-wave detectors", 2008,
            {"Flanagan", "Hinderer"}, "0709.1915", None, id="aps-accented-initial",
        ),
        pytest.param(
            "Planck Collaboration et al., Planck 2018 results. VI. Cosmological parameters, 641, A6 (2020), "
            "arXiv:1807.06209",
            "Planck 2018 results. VI. Cosmological parameters", 2020, {"Planck"}, "1807.06209", None,
            id="aps-collaboration-et-al",
        ),
        pytest.param(
            "A. G. Abac, R. Abbott, R. X. Adhikari, Adkins, and others, Observation of Gravitational Waves "
            "from the Coalescence of a 2.5–4.5 M⊙ Compact Object and a Neutron Star, 970, L34 (2024), "
            "arXiv:2404.04248",
            "Observation of Gravitational Waves from the Coalescence of a 2.5–4.5 M⊙ Compact Object and a "
            "Neutron Star", 2024, {"Abac", "Adhikari"}, "2404.04248", None,
            id="aps-family-name-alone-and-others",
        ),
        pytest.param(
            "R. Abbott, T. D. Abbott, D. Agarwal, and a. o. Agathos, Observation of Gravitational Waves from "
            "Two Neutron Star-Black Hole Coalescences, 915, L5 (2021), arXiv:2106.15163 [astro-ph.HE].",
            "Observation of Gravitational Waves from Two Neutron Star-Black Hole Coalescences", 2021,
            {"Abbott", "Agarwal"}, "2106.15163", None, id="aps-lower-case-initials",
        ),
        pytest.param(
            "A.A. Abrikosov, L.P. Gorkov, and Dzyaloshinski I.E., Methods of quantum field theory in "
            "statistical physics (Dover Publications, Inc., 1963).",
            "Methods of quantum field theory in statistical physics", 1963, {"Abrikosov", "Gorkov"}, None,
            None, id="aps-inverted-name-book",
        ),
        pytest.param(
            "S. Naess et al., arXiv e-prints (2025), arXiv:2503.14451 [astro-ph.CO].",
            None, 2025, {"Naess"}, "2503.14451", None, id="prl-no-title-e-print",
        ),
        # References as Physical Review prints them (REVTeX's apsrev4-2): a journal that names its
        # place ("Ann. Phys. (N.Y.)", "Nature (London)"), a name with "'t", the collaboration the
        # names sign for in parentheses; works with no title printed: a thesis, an e-print alone,
        # one unpublished or in preparation, a private communication.
        pytest.param(
            "A. Kitaev, Anyons in an exactly solved model and beyond, Ann. Phys. (Amsterdam) 321, 2 (2006).",
            "Anyons in an exactly solved model and beyond", 2006, {"Kitaev"}, None, None,
            id="aps-journal-with-its-place",
        ),
        pytest.param(
            "E. H. Lieb, Ann. Phys. (N.Y.) 16, 407 (1961).",
            None, 1961, {"Lieb"}, None, None, id="prl-no-title-journal-with-its-place",
        ),
        pytest.param(
            "G. 't Hooft, Nucl. Phys. B72, 461 (1974).",
            None, 1974, {"Hooft"}, None, None, id="prl-no-title-name-with-a-particle",
        ),
        pytest.param(
            "Y. Fukuda et al. (Super-Kamiokande Collaboration), Evidence for oscillation of atmospheric "
            "neutrinos, Phys. Rev. Lett. 81, 1562 (1998).",
            "Evidence for oscillation of atmospheric neutrinos", 1998, {"Fukuda"}, None, None,
            id="aps-collaboration-in-parentheses",
        ),
        pytest.param(
            "G. Aad et al. (ATLAS Collaboration), Phys. Lett. B 716, 1 (2012).",
            None, 2012, {"Aad"}, None, None, id="prl-no-title-collaboration-in-parentheses",
        ),
        pytest.param(
            "M. Tegmark, arXiv:astro-ph/9712038.",
            None, None, {"Tegmark"}, "astro-ph/9712038", None, id="aps-e-print-alone",
        ),
        pytest.param(
            "E. Author, Ph.D. thesis, University of Tokyo, 2010.",
            None, 2010, {"Author"}, None, None, id="aps-thesis",
        ),
        pytest.param(
            "A. B. Author and C. D. Other (unpublished).",
            None, None, {"Author", "Other"}, None, None, id="aps-unpublished",
        ),
        pytest.param(
            "C. D. Author et al., in preparation (2024).",
            None, 2024, {"Author"}, None, None, id="aps-in-preparation",
        ),
        # Read from real .bib files set in REVTeX PRL (held-out builds): a journal whose name holds
        # commas, found in the journal list ("Annual Review of Ecology, Evolution, and Systematics",
        # "Combinatorics, Probability and Computing"); a DOI printed in the place of the volume of
        # an article without one; a one-word title before a journal or a publisher; BibTeX's "Anon".
        pytest.param(
            "J. M. Brown and R. C. Thomson, Evaluating model performance in evolutionary biology, Annual "
            "Review of Ecology, Evolution, and Systematics 49, 95 (2018).",
            "Evaluating model performance in evolutionary biology", 2018, {"Brown", "Thomson"}, None, None,
            id="aps-journal-with-commas",
        ),
        pytest.param(
            "J. M. Brown and R. C. Thomson, Annual Review of Ecology, Evolution, and Systematics 49, 95 "
            "(2018).",
            None, 2018, {"Brown", "Thomson"}, None, None, id="prl-no-title-journal-with-commas",
        ),
        pytest.param(
            "N. Creignou, H. Daudé, and O. Dubois, Approximating the satisfiability threshold for random "
            "k-xor-formulas, Combinatorics, Probability and Computing 12, 113 (2003).",
            "Approximating the satisfiability threshold for random k-xor-formulas", 2003,
            {"Creignou", "Dubois"}, None, None, id="aps-journal-with-a-comma-and-no-oxford-comma",
        ),
        pytest.param(
            "F. L. Condamine, J. Rolland, and H. Morlon, Macroevolutionary perspectives to environmental "
            "change, Ecology Letters 10.1111/ele.12062 (2013).",
            "Macroevolutionary perspectives to environmental change", 2013, {"Condamine"}, None,
            "10.1111/ele.12062", id="aps-doi-in-the-volumes-place",
        ),
        pytest.param(
            "B. Haller and P. Messer, Molecular Biology and Evolution 10.1093/molbev/msy228 (2019).",
            None, 2019, {"Haller", "Messer"}, None, "10.1093/molbev/msy228",
            id="prl-no-title-doi-in-the-volumes-place",
        ),
        pytest.param(
            "I. Brito, N. Osman, J. Sabater-Mir, and C. Sierra, Charms, Applied Artificial Intelligence "
            "26, 306–330 (2012).",
            "Charms", 2012, {"Brito", "Sierra"}, None, None, id="aps-one-word-title-before-a-journal",
        ),
        pytest.param(
            "D. Graeber, Debt (Penguin UK, 2012).",
            "Debt", 2012, {"Graeber"}, None, None, id="aps-one-word-book-title",
        ),
        pytest.param(
            "A. Cuaron and J. Cuaron, Gravity (2012).",
            "Gravity", 2012, {"Cuaron"}, None, None, id="aps-one-word-dated-title",
        ),
        pytest.param(
            "J. Smith, Nature (2006).",
            None, 2006, {"Smith"}, None, None, id="aps-a-journal-alone-is-no-title",
        ),
        pytest.param(
            "Anon, Exchangeable image file format for digital still cameras (2012).",
            "Exchangeable image file format for digital still cameras", 2012, {"Anon"}, None, None,
            id="aps-anon-for-no-known-author",
        ),
        pytest.param(
            "J. Smith, private communication.",
            None, None, {"Smith"}, None, None, id="aps-private-communication",
        ),
        # REVTeX's own AIP sample document (aipsamp, texlive-doc): a year alone before an e-print,
        # a Russian two-letter initial, a journal with its series after a comma, a thesis' title
        # ended by its kind; no title printed for a personal communication, an M.S. thesis or a
        # chapter "in" its book.
        pytest.param(
            "E. Witten, (2001), hep-th/0106109.",
            None, 2001, {"Witten"}, "hep-th/0106109", None, id="aip-year-then-e-print",
        ),
        pytest.param(
            "A. Einstein, Yu. Podolsky, and N. Rosen, Phys. Rev. 47, 777 (1935).",
            None, 1935, {"Einstein", "Podolsky", "Rosen"}, None, None, id="aip-two-letter-initial",
        ),
        pytest.param(
            "J. S. Smith and G. W. Johnson, Philos. Trans. R. Soc. London, Ser. B 777, 1395 (2005).",
            None, 2005, {"Smith", "Johnson"}, None, None, id="aip-journal-series-after-a-comma",
        ),
        pytest.param(
            "F. P. Phony-Baloney, Fighting Fire with Fire: Festooning French Phrases, PhD dissertation, "
            "Fanstord University, Department of French (1988), a full PHDTHESIS entry.",
            "Fighting Fire with Fire: Festooning French Phrases", 1988, {"Phony", "Baloney"}, None, None,
            id="aip-thesis-title-ends-at-its-kind",
        ),
        pytest.param(
            "M. P. Johnson, K. L. Miller, and K. Smith, personal communication (2007).",
            None, 2007, {"Johnson", "Miller", "Smith"}, None, None, id="aip-personal-communication",
        ),
        pytest.param(
            "J. K. Nelson, M.S. thesis, New York University (1999).",
            None, 1999, {"Nelson"}, None, None, id="aip-masters-thesis",
        ),
        pytest.param(
            "E. Beutler, in Williams Hematology, Vol. 2, edited by E. Beutler, M. A. Lichtman, B. W. Coller, "
            "and T. S. Kipps (McGraw-Hill, New York, 1994) 5th ed., Chap. 7, pp. 654–662.",
            None, 1994, {"Beutler"}, None, None, id="aip-chapter-in-its-book",
        ),
        # REVTeX 4.2 in PRL style, set from a real .bib of statistical physics and coding theory
        # (ParallelScience-like; the corpus's infophyscomp .bib): journals named in full, with a
        # colon, in capitals or with a parenthesis; a work dated in parentheses after its title.
        pytest.param(
            "R. Abou-Chacra, P. W. Anderson, and D. J. Thouless, A self-consistent theory of localization, "
            "Journal of Physics C: Solid State Physics 6, 1734 (1973).",
            "A self-consistent theory of localization", 1973, {"Abou", "Thouless"}, None, None,
            id="aps-journal-with-a-colon",
        ),
        pytest.param(
            "R. Abou-Chacra, P. W. Anderson, and D. J. Thouless, Journal of Physics C: Solid State "
            "Physics 6, 1734 (1973).",
            None, 1973, {"Abou", "Thouless"}, None, None, id="prl-no-title-journal-with-a-colon",
        ),
        pytest.param(
            "S. M. Aji and R. J. McEliece, The generalized distributive law, IEEE Transactions on "
            "Information Theory 46, 325 (2000).",
            "The generalized distributive law", 2000, {"Aji", "McEliece"}, None, None,
            id="aps-journal-in-capitals",
        ),
        pytest.param(
            "S. Franz, M. Mézard, F. Ricci-Tersenghi, M. Weigt, and R. Zecchina, A ferromagnet with a glass "
            "transition, EPL (Europhysics Letters) 55, 465 (2001).",
            "A ferromagnet with a glass transition", 2001, {"Franz", "Zecchina"}, None, None,
            id="aps-journal-with-its-name-in-parentheses",
        ),
        pytest.param(
            "A. Dembo and A. Montanari, Graphical models, Bethe states and all that (2008), unpublished "
            "manuscript.",
            "Graphical models, Bethe states and all that", 2008, {"Dembo", "Montanari"}, None, None,
            id="aps-dated-title-then-a-note",
        ),
        pytest.param(
            "M. Treanor, Investigating meaning in videogames (2012).",
            "Investigating meaning in videogames", 2012, {"Treanor"}, None, None, id="aps-dated-title-alone",
        ),
        pytest.param(
            "R. Tachibana, S. Shimizu, S. Kobayshi et al. (2002). Electronic watermarking method and system "
            "[P/OL]. US: 6,915,001. 2002-04-25.",
            "Electronic watermarking method and system", 2002, {"Tachibana", "Shimizu"}, None, None,
            id="author-year-names-then-year-no-dated-title",
        ),
        pytest.param(
            "G. D. Forney, Jr. and A. Montanari, On exponential error bounds for random codes on the DMC "
            "(2001), unpublished manuscript.",
            "On exponential error bounds for random codes on the DMC", 2001, {"Forney", "Montanari"}, None,
            None, id="aps-jr-after-a-comma",
        ),
        pytest.param(
            "E. A. Bender and E. R. Canfield, The asymptotic number of labeled graphs with given degree "
            "sequences, Journal of Combinatorial Theory, Series A 24, 296 (1978).",
            "The asymptotic number of labeled graphs with given degree sequences", 1978,
            {"Bender", "Canfield"}, None, None, id="aps-journal-series-spelt-out",
        ),
        pytest.param(
            "W. Fernandez de la Vega, On random 2-SAT (1992), unpublished manuscript.",
            "On random 2-SAT", 1992, {"Fernandez", "Vega"}, None, None, id="aps-particles-inside-a-name",
        ),
        pytest.param(
            "D. G. Kendall, On the generalized “birth-and-death” process, Ann. Math. Stat. 19, 1 (1948).",
            "On the generalized “birth-and-death” process", 1948, {"Kendall"}, None, None,
            id="aps-a-quotation-inside-an-unquoted-title",
        ),
        pytest.param(
            "J. A. Hodgson, K. N. Sterner, and T. R. Disotell, Successive radiations, not stasis, in the "
            "South American primate fauna, Proc. Natl. Acad. Sci. U.S.A. 106, 1 (2009).",
            "Successive radiations, not stasis, in the South American primate fauna", 2009,
            {"Hodgson", "Disotell"}, None, None, id="aps-in-the-inside-a-title-is-no-venue",
        ),
        # REVTeX 4.2 in PRL style, set from a real .bib of evolutionary biology (the corpus's
        # revbayes .bib): a journal named in words of any case, known by the page and year after
        # its volume; a name's initials broken at a line end ("C.- H. Wu").
        pytest.param(
            "R. Borges, B. Boussau, G. J. Szöllősi, and C. Kosiol, Nucleotide usage biases distort "
            "inferences of the species tree, Genome biology and evolution 14, 1 (2022).",
            "Nucleotide usage biases distort inferences of the species tree", 2022, {"Borges", "Kosiol"},
            None, None, id="aps-journal-in-lower-case-words",
        ),
        pytest.param(
            "X. Liu and Y.-X. Fu, Nature genetics 47, 555 (2015).",
            None, 2015, {"Liu", "Fu"}, None, None, id="prl-no-title-journal-in-lower-case-words",
        ),
        pytest.param(
            "J. Felsenstein, Phylogenies and the comparative method, The American Naturalist , 1 (1985).",
            "Phylogenies and the comparative method", 1985, {"Felsenstein"}, None, None,
            id="aps-journal-without-its-volume",
        ),
        pytest.param(
            "A. F. Magee and S. Höhna, bioRxiv , 426715 (2021).",
            None, 2021, {"Magee", "Höhna"}, None, None, id="prl-no-title-journal-without-its-volume",
        ),
        pytest.param(
            "A. van Gennep, englishThe Rites of Passage (University of Chicago Press, Chicago, 1960).",
            "The Rites of Passage", 1960, {"Gennep"}, None, None, id="aps-language-run-into-a-books-title",
        ),
        pytest.param(
            "B. Derrida and G. Toulouse, frenchSample to sample fluctuations in the random energy model, "
            "Journal de Physique Lettres 46, L223 (1985).",
            "Sample to sample fluctuations in the random energy model", 1985, {"Derrida", "Toulouse"}, None,
            None, id="aps-language-run-into-an-articles-title",
        ),
        pytest.param(
            "R. J. Billenstein and S. Höhna, Molecular Biology and Evolution 41, msae073 (2024).",
            None, 2024, {"Billenstein", "Höhna"}, None, None, id="prl-no-title-article-number-with-letters",
        ),
        pytest.param(
            "K. St. John, Systematic Biology 66, e83 (2016).",
            None, 2016, {"John"}, None, None, id="prl-no-title-electronic-article-number",
        ),
        pytest.param(
            "R. Bouckaert, J. Heled, D. Kühnert, T. Vaughan, C.- H. Wu, D. Xie, M. A. Suchard, A. Rambaut, "
            "and A. J. Drummond, BEAST 2: a software platform for Bayesian evolutionary analysis, PLoS "
            "Computational Biology 10, e1003537 (2014).",
            "BEAST 2: a software platform for Bayesian evolutionary analysis", 2014,
            {"Bouckaert", "Drummond"}, None, None, id="aps-initials-broken-at-a-hyphen",
        ),
        pytest.param(
            "Y. Burstyn, Proceedings of the 5th International Molecular Beam Epitaxy Conference, Santa Fe, "
            "NM (2004), (unpublished).",
            "Proceedings of the 5th International Molecular Beam Epitaxy Conference, Santa Fe, NM", 2004,
            {"Burstyn"}, None, None, id="aps-dated-title-then-unpublished",
        ),
        # IOP's numbered style (iopart-num), lines of its own sample document (texlive-doc): bare
        # initials, the year after the names; an article prints no title, a book's ends where
        # its publisher, series, volume or edition begins.
        pytest.param(
            "Carlip S and Vera R 1998 Phys. Rev. D 58 011345",
            None, 1998, {"Carlip", "Vera"}, None, None, id="iop-article-no-title",
        ),
        pytest.param(
            "Zamfir N V et al. 2005 Eur. Phys. J. A 25(s01) 389",
            None, 2005, {"Zamfir"}, None, None, id="iop-article-et-al",
        ),
        pytest.param(
            "Dorman L I 1975 Variations of Galactic Cosmic Rays (Moscow: Moscow State University Press) "
            "p 103",
            "Variations of Galactic Cosmic Rays", 1975, {"Dorman"}, None, None, id="iop-book-publisher",
        ),
        pytest.param(
            "Iachello F 2006 Lie Algebras and Applications (Lecture Notes in Physics vol 708) "
            "(Berlin: Springer)",
            "Lie Algebras and Applications", 2006, {"Iachello"}, None, None, id="iop-book-series",
        ),
        pytest.param(
            "Fulco C E, Liverman C T and Sox H C (eds) 2000 Gulf War and Health vol 1 Depleted Uranium, "
            "Pyridostigmine Bromide, Sarin, and Vaccines (Washington, DC: National Academy Press)",
            "Gulf War and Health", 2000, {"Fulco", "Sox"}, None, None, id="iop-edited-book-volume",
        ),
        pytest.param(
            "Harrison M 1999 Dipheomorphism-invariant manifolds (Preprint hep-th/9909196)",
            "Dipheomorphism-invariant manifolds", 1999, {"Harrison"}, "hep-th/9909196", None,
            id="iop-preprint",
        ),
        # IOP's article in a paper's list (github:urazbekov/TheArticle, dbe.pdf): a family name
        # with a capitalised particle, a journal with its place in parentheses, no title either.
        pytest.param(
            "Della Rocca V and Iachello F 2018 Nucl. Phys. A973 1",
            None, 2018, {"Rocca", "Iachello"}, None, None, id="iop-capitalised-particle",
        ),
        pytest.param(
            "Jarczyk L, Kamys B, Italiano A, De Pasquale D and Licandro M 1996 Phys. Rev. C54 1302",
            None, 1996, {"Jarczyk", "Licandro"}, None, None, id="iop-capitalised-particle-in-list",
        ),
        pytest.param(
            "Lukyanov S M, Denikin A S and Kuterbekov K A 2014 J. Phys. (London) G41 035102",
            None, 2014, {"Lukyanov", "Kuterbekov"}, None, None, id="iop-journal-with-its-place",
        ),
    ],
)  # fmt: skip
def test_a_reference_string_in_these_styles_gives_title_authors_and_year(
    text: str, title: str, year: int, some_names: set[str], arxiv: str | None, doi: str | None
) -> None:
    parsed = parse_reference(text)
    assert parsed.title == title
    assert parsed.year == year
    assert some_names <= set(parsed.author_names)
    assert (parsed.arxiv, parsed.doi) == (arxiv, doi)


def test_a_chapter_by_its_authors_is_no_edited_book() -> None:
    # biblatex-nature: the chapter's author comes first; "(ed Negishi, E.-I.)" edits the book.
    chapter = (
        "Henry, P. M. in Handbook Of Organopalladium Chemistry for Organic Synthesis (ed Negishi, E.-I.) "
        "2119–2140 (Wiley Interscience, New York, 2002)."
    )
    assert edited_book(chapter) is None
