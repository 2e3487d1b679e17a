"""A reference's DOI and arXiv id as the page prints them: read whole, or not at all.

Each row is a printed form seen in real PDFs' text (a line or column break, a margin's line number,
a brace, punctuation, a link, a font that drops or spaces characters) with its one right reading —
or none, where the printed form is cut, glued to something or ambiguous: a wrong identifier names
another work, which is worse than none. Rows with a line break are read as a pasted list (the
lines of one reference joined as the PDF reader joins them); the others as one reference string.
"""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference, read_refs

# Two more references, so that a pasted list with a line break is read as paragraphs.
OTHERS = "\n\nDoe J. Another paper. Cell. 2018;1:1-2.\n\nRoe R. Third paper here. Cell. 2018;1:1-2.\n"
VANCOUVER = "Smith J, Jones B. A paper on RNA. RNA Biol. 2015;12(3):101-9. "
PNAS = "Kornberg A. Enzymic synthesis of DNA. Proc Natl Acad Sci USA. 1976;73(11):3852-6. "
ELSEVIER = "Smith A. A paper on graphics. Computers & Graphics 28, 6 (2004), 801-814. "
D = "10.1080/15476286.2015.1020271"
GIRARDI = "Girardi L. TRILEGAL. Astrophysics and Space Science Proceedings, 26:165, 2012. "
WEISS = "Weiss K. A survey of transfer learning. Journal of Big Data. 2016;3(9):"


def read_doi(printed: str) -> str | None:
    if "\n" in printed:
        return read_refs(printed + OTHERS, "refs.txt")[0].doi
    return parse_reference(printed).doi


def read_arxiv(printed: str) -> str | None:
    if "\n" in printed:
        return read_refs(printed + OTHERS, "refs.txt")[0].arxiv_id
    return parse_reference(printed).arxiv


@pytest.mark.parametrize(
    ("printed", "doi"),
    [
        # --- whole, its punctuation and markup left out
        pytest.param(VANCOUVER + f"doi:{D}.", D, id="period"),
        pytest.param(VANCOUVER + f"(doi:{D})", D, id="parentheses"),
        pytest.param(VANCOUVER + f"doi:{D};", D, id="semicolon"),
        pytest.param(VANCOUVER + f"[doi:{D}]", D, id="brackets"),
        pytest.param(VANCOUVER + f"<doi:{D}>", D, id="angle brackets"),
        pytest.param(VANCOUVER + f"'doi:{D}'", D, id="quotes"),
        pytest.param(VANCOUVER + f"doi:{{{D}}}.", D, id="BibTeX's braces"),
        pytest.param(VANCOUVER + f"doi:{D}}}", D, id="a closing brace"),
        pytest.param(VANCOUVER + "doi:10.1080/15476286.{2015}.1020271", None, id="a brace inside"),
        pytest.param(VANCOUVER + f"DOI {D}", D, id="DOI and a space"),
        pytest.param(VANCOUVER + f"DOI: {D}", D, id="DOI and a colon"),
        pytest.param(VANCOUVER + f"https://doi.org/{D}", D, id="doi.org link"),
        pytest.param(VANCOUVER + f"http://dx.doi.org/{D}.", D, id="dx.doi.org link"),
        pytest.param(VANCOUVER + f"doi.org/{D}", D, id="doi.org, no scheme"),
        pytest.param(VANCOUVER + "https://doi.org/10.1080%2F15476286.2015.1020271", D, id="escaped slash"),
        pytest.param(VANCOUVER + f"https: //doi.org/{D}", D, id="scheme spaced"),
        pytest.param(VANCOUVER + f"doi:{D}. PMID: 25826652", D, id="PubMed after it"),
        pytest.param(VANCOUVER + f"doi:{D}.PMID:25826652", D, id="PubMed glued on"),
        pytest.param(VANCOUVER + f"doi:{D}pmid:25826652", D, id="PubMed glued, no dot"),
        pytest.param(VANCOUVER + f"doi:{D}. Epub 2015 Mar 3.", D, id="a sentence after it"),
        # a German thesis's IEEE list (github:VariableOne/bachelorarbeit-document): the visit's note
        # in brackets glued to the link's last period
        pytest.param(
            VANCOUVER + f"Verfügbar: https://doi.org/{D}.[Zugriff am: 19. August 2025].",
            D,
            id="a bracket glued on",
        ),
        pytest.param(
            ELSEVIER + "https://doi.org/10.1016/j.cag.2004.08.009. 2004.",
            "10.1016/j.cag.2004.08.009",
            id="a year after it",
        ),
        pytest.param(
            VANCOUVER + f"https://doi.org/{D} - Accessed 2020.",
            D,
            id="a spaced dash and a word after its link",
        ),
        pytest.param(
            "Darling R. Bounds. Ann Appl Probab, 1(1):36-61, 1991. doi: 10.1214/aoap/1177005980. URL "
            "https://projecteuclid.org/journals/volume-1/10.1214/aoap/1177005980.full.",
            "10.1214/aoap/1177005980",
            id="again in a link to its full text",
        ),
        pytest.param(
            "Smith J. Climate. J Climate 25, 1-20 (2012). https://doi.org/10.1175/JCLI - D-11-00123.1",
            "10.1175/JCLI-D-11-00123.1",
            id="a link's break point before a capital's part",
        ),
        pytest.param(
            "Fabreti L. Convergence. Methods Ecol Evol 13, 77-90. eprint: https://besjournals.onlinelibrary"
            ".wiley.com/doi/pdf/10.1111/ 2041 - 210X . 13727. https : / / besjournals . onlinelibrary"
            ".wiley.com/doi/abs/10.1111/2041-210X.13727 (2022).",
            "10.1111/2041-210X.13727",
            id="a publisher's link spaced at its break points, then whole",
        ),
        pytest.param(
            "Western B. A change point model. Polit Anal 12.4, pp. 354-374. doi: 10.1093 /pan / mph023. "
            "eprint: "
            "http : / / pan . oxfordjournals . org / content / 12 / 4 / 354 .full . pdf + html.",
            "10.1093/pan/mph023",
            id="slashes set apart",
        ),
        pytest.param(
            "Grauer R. Victory. Security Studies 21.1, pp. 83-112. doi: 10.1080/09636412.2012.650594. "
            "eprint: "
            "http://dx.doi.org/10.1080/09636412.2012.650594. url: http://dx.doi.org/10.1080/09636412.2012.650594",
            "10.1080/09636412.2012.650594",
            id="three times, the links' fields after them",
        ),
        pytest.param(
            "Hans C. Bayesian lasso. Biometrika 96.4, pp. 835-845. doi: 10.1093/biomet/asp047.url: "
            "http://biomet.oxfordjournals.org/content/96/4/835.abstract",
            "10.1093/biomet/asp047",
            id="the next field glued on",
        ),
        pytest.param(
            "Salzman J. Scrambled exons. Cell 64(3), 607-613 (1991) "
            "https://doi.org/10.1016/0092-8674(91)90244-s 1991322",
            "10.1016/0092-8674(91)90244-s",
            id="a PubMed number after one that ends in a letter",
        ),
        pytest.param(
            "Lin C. Neural program synthesis. ACL, 2017. doi: 10.18653/v1/D1 7-1160. "
            "URL https://aclanthology.org/D17-1160/.",
            "10.18653/v1/D17-1160",  # (bench/pdf_heldout's gh-bayesian-tool-use)
            id="spaced inside by a font, whole by its registrant's shape",
        ),
        pytest.param(
            "Smith J. Cognitive Science, 27(3):525-559, 2003. doi: 10.1207/s15516709c og2703_8.",
            "10.1207/s15516709cog2703_8",
            id="spaced inside by a font, its rest a word: whole by its registrant's shape",
        ),
        pytest.param(
            "Jones A. Banking. J Bank Financ 24, 1921-1939. doi: 10.1016 /S0378 - 4266(00 )00165 - 5. "
            "url: http://x.org",
            "10.1016/S0378-4266(00)00165-5",  # (gh-phantasmic-dirigible: biblatex, a spacing font)
            id="a hyphen set apart before its rest: an Elsevier PII's shape",
        ),
        pytest.param(
            "Smith J. Money. J Monet Econ. doi: http : / / dx . doi . org / 10 . 1016 / j . jmoneco. "
            "2004 . 02 . 001.",
            "10.1016/j.jmoneco.2004.02.001",  # (gh-phantasmic-dirigible: biblatex, a spacing font)
            id="spaced dots after it: whole by Elsevier's shape",
        ),
        pytest.param(
            "Zhang X. Exon circularization. Cell 159(1), 134-147 (2014) "
            "https://doi.org/10.1016/j.cell.2014.09.001 25242744",
            "10.1016/j.cell.2014.09.001",  # (gh-bmc-genomics-review: sn-jnl, the PMID as eprint)
            id="a PubMed number after one that ends in a digit: whole by Elsevier's shape",
        ),
        pytest.param(
            "Fekete A. Thread-safe Java classes. ITiCSE '08, 119-123. doi: 10.1145/1384271.1384304. "
            "url: https://dl.acm.org/doi/pdf/10.1145/1597849.1384304 (besucht am 09. 12. 2022).",
            "10.1145/1384271.1384304",  # (bench/pdf_heldout's gh-7ubi-threadsafety-thesis)
            id="labelled, and a link to a publisher's page naming another",
        ),
        pytest.param(
            "Sergey I. RacerD. OOPSLA 2018. doi: 10 . 1145 / 3276514. url: https : / / dl . acm . org / doi "
            "/ pdf / 10 . 1145 / 3290370 (besucht am 13. 03. 2023).",
            "10.1145/3276514",
            id="labelled, and a spaced link to a publisher's page naming another",
        ),
        pytest.param(
            "Fekete A. Thread-safe Java classes. ITiCSE '08, 119-123. doi: 10.1145/1384271.1384304. "
            "url: https://doi.org/10.1145/1597849.1384304.",
            None,
            id="labelled, and a doi.org link naming another: no telling",
        ),
        pytest.param(
            "Fekete A. Thread-safe Java classes. ITiCSE '08, 119-123. 10.1145/1384271.1384304. "
            "url: https://dl.acm.org/doi/pdf/10.1145/1597849.1384304.",
            None,
            id="unlabelled, and a link to a publisher's page naming another: no telling",
        ),
        # a hyphen where the line broke: the DOI's or a word processor's, as the shape says
        pytest.param(
            ELSEVIER + "doi:10.1016/j.jhy- drol.2019.124285",
            "10.1016/j.jhydrol.2019.124285",
            id="a word processor's hyphen where its line broke, none of Elsevier's shape",
        ),
        pytest.param(
            "Efron B. Microarrays. Statist Sci 23(1):1-22 (2008). doi: 10.1214/07- STS236.",
            "10.1214/07-STS236",  # (gh-phantasmic-dirigible)
            id="its own hyphen where its line broke, by IMS's shape",
        ),
        pytest.param(
            VANCOUVER + "doi:10.5555/abc- def.2019",
            None,
            id="a hyphen where its line broke, no shape to tell whose",
        ),
        pytest.param(
            VANCOUVER + "doi:10.1093/bioinformatics/ btu033",
            "10.1093/bioinformatics/btu033",
            id="a space after an inner slash: no DOI ends with its slash",
        ),
        pytest.param(
            VANCOUVER + "doi:10.1111/ j.1365-2958.2006.05172.x",
            "10.1111/j.1365-2958.2006.05172.x",
            id="a space after its prefix's slash",
        ),
        pytest.param(VANCOUVER + f"doi:{D}Epub 2015 Mar 3.", D, id="the next word glued on"),
        pytest.param(VANCOUVER + f"doi: {D}.URL https://x.org", D, id="the next field's label glued on"),
        pytest.param(
            "Smith J. Remote sensing. Remote Sens 12(1):1 (2020). doi:10.3390/rs12010001 2020",
            "10.3390/rs12010001",
            id="a year after one whole by MDPI's shape",
        ),
        # --- where no registrant's shape tells (a registrant with no rule in normalizer/data/
        # doi-shapes.json, or both readings whole), what may be a DOI's rest leaves it unread
        pytest.param(
            "Alon U. code2vec. POPL 3:1-29 (2019) https://doi.org/10.1145/3290353 23446346",
            None,
            id="a PubMed number after a DOI of no known shape",
        ),
        pytest.param(
            "Rao K. Spin glasses. Phys Rev Lett 116, 061102 (2016). doi:10.1103/PhysRevLett.116.061102Epub",
            None,
            id="a word glued on a DOI of no known shape",
        ),
        pytest.param(
            ELSEVIER + "https://doi.org/10.5555/jhydrol.20 19.123456",
            None,
            id="a link broken inside a word, no known shape",
        ),
        pytest.param(
            "Smith J. Genes. Nat Genet 45, 580-585 (2013). doi:10.1038/ng.265 3",
            None,
            id="both readings whole by the shape: no telling",
        ),
        pytest.param(
            "Shi X. circRNAs. Mol Ther Nucleic Acids 19:384-392 (2020) "
            "https://doi.org/10.1016/j.omtn.2019.11.02 31887549",
            None,
            id="cut, and no word after it makes it whole",
        ),
        pytest.param(
            "Allamanis M. Big code. ACM Computing Surveys, 51(4):1-37, 2018. doi: 10.1 145/3212695.",
            "10.1145/3212695",  # (gh-bayesian-tool-use)
            id="a line broken inside the registrant's number",
        ),
        pytest.param(
            "Harchaoui Z. Change points. JASA 105, 1480-1493 (2010). doi: 10.1198/jasa.2010.tm09181. eprint: "
            "http://dx.doi.org/10.1198/jasa.2010.tm09181.url: http://dx.doi.org/10.1198/jasa.2010.tm09181",
            "10.1198/jasa.2010.tm09181",  # (gh-phantasmic-dirigible)
            id="again in a link with the next field's label glued on",
        ),
        pytest.param(
            "McBride C. Levitation. ICFP'10, pages 3-14. ACM. "
            "DOI: 10.1145/1863543.1863547.ffi pages 24, 64, and 102",
            "10.1145/1863543.1863547",
            id="a back-reference's mark glued on",
        ),
        pytest.param(
            "Xu W. Searching circular RNAs. bioRxiv, 556993 (2019) https://doi.org/10.1101/556993 556993",
            "10.1101/556993",
            id="a number it prints, after it: not its rest by bioRxiv's shape",
        ),
        # --- characters some DOIs hold
        pytest.param(
            VANCOUVER + "doi:10.1016/0370-2693(82)91194-3.",
            "10.1016/0370-2693(82)91194-3",
            id="parentheses inside",
        ),
        pytest.param(
            VANCOUVER + "(doi:10.1016/0370-2693(82)91194-3)",
            "10.1016/0370-2693(82)91194-3",
            id="parentheses inside and around",
        ),
        pytest.param(
            VANCOUVER + "https://ascelibrary.org/doi/10.1061/41170(400)21",
            "10.1061/41170(400)21",
            id="ending with its parenthesis' part",
        ),
        pytest.param(
            VANCOUVER + "doi:10.1002/(SICI)1096-987X(199803)19:4<377::AID-JCC1>3.0.CO;2-P.",
            "10.1002/(SICI)1096-987X(199803)19:4<377::AID-JCC1>3.0.CO;2-P",
            id="SICI",
        ),
        pytest.param(
            "Lachaux J-P. Phase synchrony. Hum Brain Mapp 8(4):194-208 (1999). "
            "doi: 10.1002/(SICI)1097-0193(1999)8:4⟨194:: AID-HBM4⟩3.0.CO;2-C",
            "10.1002/(SICI)1097-0193(1999)8:4<194::AID-HBM4>3.0.CO;2-C",  # (bench/pdf_corpus, apa7 mne)
            id="SICI, a line broken after its '::'",
        ),
        pytest.param(
            VANCOUVER + "doi:10.1175/1520-0469(1999)056<3302:TROTLS>2.0.CO;2.",
            "10.1175/1520-0469(1999)056<3302:TROTLS>2.0.CO;2",
            id="SICI, AMS's, no check character",
        ),
        pytest.param(
            VANCOUVER + "doi:10.1002/(SICI)1097-4598(199910)22:10<1334::AID-MUS5>3.0.CO;2-#",
            "10.1002/(SICI)1097-4598(199910)22:10<1334::AID-MUS5>3.0.CO;2-#",
            id="SICI, check character #",
        ),
        pytest.param(
            VANCOUVER + "doi: 10.1002/(SICI)1097-0193(1999)8:4⟨272::AID-HBM10⟩3.0.CO;2-4",
            "10.1002/(SICI)1097-0193(1999)8:4<272::AID-HBM10>3.0.CO;2-4",
            id="SICI, mathematical angle brackets",
        ),
        pytest.param(
            VANCOUVER + "doi:10.1007/978-3-319-24574-4_28", "10.1007/978-3-319-24574-4_28", id="underscore"
        ),
        pytest.param(
            VANCOUVER + "doi:10.1111/j.1365-2958.2006.05172.x",
            "10.1111/j.1365-2958.2006.05172.x",
            id="a letter last",
        ),
        pytest.param(
            VANCOUVER + "doi:10.48550/arXiv.2303.08774", "10.48550/arXiv.2303.08774", id="arXiv's DOI"
        ),
        pytest.param(
            VANCOUVER + "10 . 1016 / j . annpal . 2019 . 01 . 001",
            "10.1016/j.annpal.2019.01.001",
            id="spaced out by a font",
        ),
        # --- glued on, or lost, by the page
        pytest.param(
            PNAS + "doi:10.1073/pnas.73.11.3852.632",
            "10.1073/pnas.73.11.3852",
            id="margin line number after volume, issue, page",
        ),
        pytest.param(
            PNAS + "doi:10.1073/pnas.73.11.3852", "10.1073/pnas.73.11.3852", id="volume, issue, page alone"
        ),
        pytest.param(
            "A B. Gravitational waves. Phys Rev Lett. 2016;116:061102. doi:10.1103/PhysRevLett.116.061102",
            "10.1103/PhysRevLett.116.061102",
            id="volume and article number",
        ),
        pytest.param(
            "A B. A cell paper. Cell. 2015 May;161(5):05-1002. doi:10.1016/j.cell.2015.05.002",
            "10.1016/j.cell.2015.05.002",
            id="a last part with a zero first is no line number",
        ),
        pytest.param(
            "Compton, A. H., ‘Variation of the Cosmic Rays with Latitude’, Phys. Rev., 41 (1932), pp. "
            "111–113, https://doi.org/10.1103/PhysRev.41.111.2.",
            "10.1103/PhysRev.41.111.2",
            id="one digit after the first page is APS's next article on it, no line number",
        ),
        pytest.param(
            "Morris, R., and L. L. Cherry. “Computer Detection of Typographical Errors”. Preprint, 1975. "
            "https://doi.org/10.1109/TPC.1975.6593963.See supplemental word list.",
            "10.1109/TPC.1975.6593963",
            id="the next sentence glued on after a period",
        ),
        # a thesis's back-references to front-matter pages glued on (bench/pdf_fresh2's
        # gh-lingenohl-bachelorthesis: "… 1555–1582. doi: 10.1111/jofi.12260.v")
        pytest.param(
            "Collin-Dufresne, P. & Fos, V. (2015). Do Prices Reveal the Presence of Informed Trading? "
            "The Journal of Finance 70 (4), 1555–1582. doi: 10.1111/jofi.12260.v",
            "10.1111/jofi.12260",
            id="a back-reference's Roman page glued on",
        ),
        pytest.param(
            "Mann, H. B. & Whitney, D. R. (1947). On a Test of Whether one of Two Random Variables is "
            "Stochastically Larger than the Other. The Annals of Mathematical Statistics 18 (1), 50–60. "
            "doi: 10.1214/aoms/1177730491.vii",
            "10.1214/aoms/1177730491",
            id="a back-reference's longer Roman page glued on",
        ),
        pytest.param(
            "Tibshirani, R. (2005). Sparsity and smoothness via the fused lasso. J. R. Stat. Soc. B 67, "
            "91–108. doi: 10.1111/j.1467-9868.2005.00503.x",
            "10.1111/j.1467-9868.2005.00503.x",
            id="Wiley's x ends its DOI",
        ),
        pytest.param(
            "Marchi, M., Albert, J. & Baumer, B. S. (2018). Analyzing baseball data with R. CRC Press. "
            "https://www.taylorfrancis.com/books/mono/10.1201/9781351107099/analyzing-baseball-data-max-"
            "marchi-jim-albert-benjamin-baumer",
            "10.1201/9781351107099",
            id="the page's name after it in its link, the work's own words",
        ),
        pytest.param(
            "A B. A climate paper. J Climate 2012;25:1-9. doi:10.1175/jcli-d-11-00150.1",
            "10.1175/jcli-d-11-00150.1",
            id="words joined by hyphens that are its own",
        ),
        pytest.param(
            GIRARDI + "doi: 10.1007/978-3-642-18418-517.",
            "10.1007/978-3-642-18418-5_17",
            id="a Springer chapter's underscore lost",
        ),
        pytest.param(
            "Nemirovski A. Optimization. Princeton University Press, 2003. doi: 10.1515/9780691187563-007.",
            "10.1515/9780691187563-007",
            id="an ISBN, then a part of the book",
        ),
        pytest.param(
            GIRARDI + "doi: 10.1007/978-3-642-18418-617.",
            None,
            id="an ISBN's digits and more, not an ISBN",
        ),
        pytest.param(
            WEISS + "doi.org/10.1186/s40537-01600436.",
            None,
            id="a Springer Nature DOI without its hyphens",
        ),
        pytest.param(
            WEISS + "doi.org/10.1186/s40537-016-0043-6.",
            "10.1186/s40537-016-0043-6",
            id="a Springer Nature DOI",
        ),
        pytest.param(
            "Russakovsky O. ImageNet. IJCV 115, 211-252 (2015). doi:10.1007/s11263-015-0816-y",
            "10.1007/s11263-015-0816-y",
            id="a Springer Nature DOI, a letter to check",
        ),
        pytest.param(
            "Owen L. High-level cognition. bioRxiv. 2023:doi.org/10.1101/2023.03.17.53315.",
            None,
            id="a bioRxiv DOI cut",
        ),
        pytest.param(
            "Owen L. High-level cognition. bioRxiv. 2023:doi.org/10.1101/2023.03.17.533150.",
            "10.1101/2023.03.17.533150",
            id="a bioRxiv DOI",
        ),
        pytest.param(
            "Owen L. Genome paper. Genome Res. 2015;25:1-9. doi:10.1101/gr.180893.114",
            "10.1101/gr.180893.114",
            id="a Cold Spring Harbor DOI",
        ),
        pytest.param(
            "Greve D. Lateralization. J Cogn Neurosci, 25 (9), 1477-1492. doi: 10.1162/jocn a 00405",
            None,
            id="underscores printed as spaces",
        ),
        pytest.param(
            "Greve D. Lateralization. J Cogn Neurosci, 25 (9), 1477-1492. doi: 10.1162/jocn a 00405. "
            "URL http://dx.doi.org/10.1162/jocn_a_00405",
            "10.1162/jocn_a_00405",
            id="underscores as spaces, whole in its link",
        ),
        pytest.param(
            ELSEVIER + "doi:https: //doi.org/10.1016/j.cag.2004.08.009. 1",
            "10.1016/j.cag.2004.08.009",
            id="a page's number after it",
        ),
        pytest.param(
            ELSEVIER + "doi: 10.1016/j.anucene.2015.07.038. 5",
            "10.1016/j.anucene.2015.07.038",
            id="a page's number",
        ),
        pytest.param(
            PNAS + "doi:10.1073/pnas.73.11. 3852", None, id="a number it prints after it, its last part?"
        ),
        pytest.param(
            ELSEVIER + "https://doi.org/10.1016/j.jhydrol.20 19.123456",
            "10.1016/j.jhydrol.2019.123456",
            id="a link broken inside a word: Elsevier's shape joins it",
        ),
        pytest.param(
            VANCOUVER + "doi:10.1093/bioinfor matics/btu033",
            "10.1093/bioinformatics/btu033",
            id="broken inside a word, its rest with a slash: Oxford's shape joins it",
        ),
        # --- cut, or two
        pytest.param(VANCOUVER + "doi:10.1186/1471-", None, id="cut after a hyphen"),
        pytest.param(
            VANCOUVER + "doi:10.1186/1471- 2148- 8- 289",
            "10.1186/1471-2148-8-289",
            id="stretched at its hyphens",
        ),
        pytest.param(VANCOUVER + "doi:10.1016/S0140-6736(20", None, id="cut inside its parentheses"),
        pytest.param(
            VANCOUVER + "doi:10.1080/15476286.2015.10 20271. Epub 2015.",
            D,
            id="digits after a break, then more: Taylor & Francis's shape joins them",
        ),
        pytest.param(VANCOUVER + "doi:10.1038/nature14539 doi:10.1038/nature14540", None, id="two DOIs"),
        pytest.param(
            VANCOUVER + "doi:10.1038/nature14539. https://doi.org/10.1038/NATURE14539",
            "10.1038/nature14539",
            id="the same DOI twice",
        ),
        # --- broken at a line's end, joined
        pytest.param(VANCOUVER + "doi:10.1080/15476286.2015.10\n20271", D, id="line: its last digits"),
        pytest.param(
            VANCOUVER + "doi:10.1016/j.cell.2015\n.05.002",
            "10.1016/j.cell.2015.05.002",
            id="line: before a dot",
        ),
        pytest.param(
            VANCOUVER + "doi:10.1016/j.cell.\n2015.05.002",
            "10.1016/j.cell.2015.05.002",
            id="line: after a dot",
        ),
        pytest.param(
            VANCOUVER + "doi:10.1016/j.cell.2015.05.\n002.",
            "10.1016/j.cell.2015.05.002",
            id="line: after the last dot",
        ),
        pytest.param(
            VANCOUVER + "doi:10.1016/j.cell.2015.05-\n.002.",
            "10.1016/j.cell.2015.05.002",
            id="line: a hyphenation mark",
        ),
        pytest.param(
            VANCOUVER + "doi:10.1007/s10548-016-\n0523-1",
            "10.1007/s10548-016-0523-1",
            id="line: after a hyphen",
        ),
        pytest.param(
            VANCOUVER + "doi:10.1007/s10548-016\n-0523-1",
            "10.1007/s10548-016-0523-1",
            id="line: before a hyphen",
        ),
        pytest.param(
            VANCOUVER + "doi: 10.1038/\nnature14539", "10.1038/nature14539", id="line: after the slash"
        ),
        pytest.param(
            VANCOUVER + "doi:10.1111/j.1365-2958.2006.\n05172.x",
            "10.1111/j.1365-2958.2006.05172.x",
            id="line: a letter last",
        ),
        pytest.param(
            VANCOUVER + "doi:10.1016/S0140-6736(20)\n30183-5",
            "10.1016/S0140-6736(20)30183-5",
            id="line: after a parenthesis",
        ),
        pytest.param(
            VANCOUVER + "doi:10.1016/S0140-6736(20\n)30183-5",
            "10.1016/S0140-6736(20)30183-5",
            id="line: before a parenthesis",
        ),
        pytest.param(
            VANCOUVER + "doi:10.1007/978-3-319-24574-4\n_28",
            "10.1007/978-3-319-24574-4_28",
            id="line: before an underscore",
        ),
        pytest.param(
            VANCOUVER + "doi:10.1371/journal.pone.0\n123456",
            "10.1371/journal.pone.0123456",
            id="line: its digits, alone",
        ),
        pytest.param(
            VANCOUVER + "https://doi.org/10.1080/\n15476286.2015.1020271",
            D,
            id="line: a link after its slash",
        ),
    ],
)
def test_the_doi_read_is_the_printed_one_or_none(printed: str, doi: str | None) -> None:
    assert read_doi(printed) == doi


ARTICLE = "A. Smith. A paper on things. "


@pytest.mark.parametrize(
    ("printed", "arxiv"),
    [
        pytest.param(ARTICLE + "arXiv:1706.03762v5, 2017.", "1706.03762", id="a version"),
        pytest.param(
            ARTICLE + "arXiv preprint arXiv:2303.08774, 2023.", "2303.08774", id="arXiv preprint arXiv:"
        ),
        pytest.param(ARTICLE + "arXiv: 1706.03762", "1706.03762", id="a space after the colon"),
        pytest.param(ARTICLE + "arXiv: 1008 . 2849v1", "1008.2849", id="biblatex's spaced dot"),
        pytest.param(ARTICLE + "arXiv:1706.03762 [cs.CL]", "1706.03762", id="its category"),
        pytest.param(ARTICLE + "https://arxiv.org/abs/1706.03762.", "1706.03762", id="abs link"),
        pytest.param(ARTICLE + "https://arxiv.org/pdf/1706.03762v2.pdf", "1706.03762", id="pdf link"),
        pytest.param(ARTICLE + "CoRR abs/1810.04805 (2018)", "1810.04805", id="dblp's CoRR"),
        pytest.param(ARTICLE + "eprint: 1502.00560 (cit. on p. 86).", "1502.00560", id="biblatex's eprint"),
        pytest.param(
            ARTICLE + "eprint: 1404 . 0202. url: http:", "1404.0202", id="biblatex's eprint, spaced"
        ),
        pytest.param(
            ARTICLE + "CoRR, vol. abs/1810.04805, 2018.", "1810.04805", id="dblp's CoRR, IEEE's volume"
        ),
        pytest.param(ARTICLE + "hep-th/9901001, 1999.", "hep-th/9901001", id="old style, no prefix"),
        pytest.param(ARTICLE + "arXiv:hep-th/9901001.", "hep-th/9901001", id="old style"),
        pytest.param(ARTICLE + "arXiv:math.AG/0309136", "math/0309136", id="old style, its subject class"),
        pytest.param(ARTICLE + "arXiv:astro-ph/0507041v2", "astro-ph/0507041", id="old style, a version"),
        pytest.param(ARTICLE + "arXiv:0912.0201", "0912.0201", id="four digits before 2015"),
        pytest.param(
            ARTICLE + "arXiv. 2018 May;(1805.12177).", "1805.12177", id="alone in a reference naming arXiv"
        ),
        pytest.param(
            ARTICLE + "arXiv:1706.03762. https://arxiv.org/abs/1706.03762v5",
            "1706.03762",
            id="the same id twice",
        ),
        pytest.param(ARTICLE + "arXiv:1706.037621, 2017.", None, id="a digit glued on"),
        pytest.param(ARTICLE + "arXiv:1706.03762.632", None, id="a line number glued on"),
        pytest.param(ARTICLE + "arXiv:2106.0456, 2021.", None, id="cut: four digits after 1501"),
        pytest.param(ARTICLE + "arXiv:1706.03762, arXiv:1810.04805", None, id="two ids"),
        pytest.param(ARTICLE + "arXiv:1207. 2012.", None, id="cut after its dot, a year after it"),
        pytest.param(
            ARTICLE + "arXiv preprint arXiv:2303.\n08774, 2023.", "2303.08774", id="line: after its dot"
        ),
        pytest.param(
            ARTICLE + "arXiv:hep-th/\n9901001.", "hep-th/9901001", id="line: after an old id's slash"
        ),
        pytest.param(
            # (an id's number has five digits since 2015, four before: the form tells a cut one)
            ARTICLE + "arXiv preprint arXiv:2303.08\n774, 2023.",
            "2303.08774",
            id="line: inside its number",
        ),
        pytest.param(ARTICLE + "arXiv:2303.0877\n4, 2023.", "2303.08774", id="line: before its last digit"),
        pytest.param(
            ARTICLE + "URL https://arxiv.org/abs/2201.1 1903.",
            "2201.11903",
            id="link broken inside its number (bench/pdf_heldout's gh-bayesian-tool-use)",
        ),
        pytest.param(ARTICLE + "arXiv:1412.1234 5, 2014.", "1412.1234", id="a 2014 id whole, a number after"),
        pytest.param(ARTICLE + "arXiv:2201.1 19034, 2022.", None, id="a number after a cut id, too long"),
        pytest.param(ARTICLE + "arXiv:170\n6.03762", None, id="line: inside its month"),
        pytest.param(
            ARTICLE + "arXiv:hep-\nth/9901001.",
            "hep-th/9901001",
            id="line: inside its archive, hyphen taken as a word's",
        ),
    ],
)
def test_the_arxiv_id_read_is_the_printed_one_or_none(printed: str, arxiv: str | None) -> None:
    assert read_arxiv(printed) == arxiv
