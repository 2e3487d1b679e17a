"""A reference's DOI and arXiv id are written as printed, whole, or not at all: a DOI's rest on
the next line joined back, a closing brace left out; never an identifier cut where its line broke
or with a digit glued on."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference, read_refs

OTHERS = "\n\nDoe J. Another paper. Cell. 2018;1:1-2.\n\nRoe R. Third paper here. Cell. 2018;1:1-2.\n"


@pytest.mark.parametrize(
    ("reference", "doi"),
    [
        pytest.param(
            "Smith J, Jones B. A paper on RNA. RNA Biol. 2015;12:1-9. doi:10.1080/15476286.2015.10\n20271",
            "10.1080/15476286.2015.1020271",
            id="broken at a line end",
        ),
        pytest.param(
            "Smith J, Jones B. A paper on RNA. PNAS. 1976;73:3852. doi:{10.1073/pnas.73.11.3852}.",
            "10.1073/pnas.73.11.3852",
            id="a brace kept from BibTeX",
        ),
        pytest.param(
            "Smith J, Jones B. A paper on RNA. PNAS. 1976;73:3852. doi:10.1073/pnas.73.11.3852.",
            "10.1073/pnas.73.11.3852",
            id="whole on its line",
        ),
        pytest.param(
            "Smith J, Jones B. A paper on RNA. RNA Biol. 2015;12:1-9. doi:10.1080/15476286.2015.10\n20271."
            " Epub 2015 Mar 3.",
            "10.1080/15476286.2015.1020271",
            id="digits after a break, then more: joined by Taylor & Francis's shape",
        ),
        # a link's break point after a dot, spaced (plainnat's \doi; github:dasesteves and
        # github:AdrienneEtard theses): no telling, so none rather than one cut short
        pytest.param(
            "S. C. Lin and A. K. Jha. Electronic health records. Health Affairs, 37:1128–1135, 2018."
            " doi: 10.1377/hlthaff.2017. 1658.",
            None,
            id="a number after a year part and its spaced dot",
        ),
        # biblatex-phys with DOIs (a physics report): APS's DOI ends with the article's first page,
        # a year's shape, set apart after the period where the line broke: none rather than one cut
        pytest.param(
            "R. G. Edwards and A. D. Sokal, “Generalization of the fortuin-kasteleyn-swendsen-wang "
            "representation and monte carlo algorithm”, Physical Review D 38, 2009–2012 (1988) "
            "10.1103/physrevd.38. 2009.",
            None,
            id="a first page of a year's shape after its spaced dot",
        ),
        pytest.param(
            "Letnic, M. and Dickman, C. R. (2012). Top predators. Biological Reviews. DOI: 10.1111/j.1469-"
            " 185X.2011. 00203.x.",
            None,
            id="a doi-like word after its spaced dot",
        ),
        pytest.param(
            "Cornwell, W. K. and Ackerly, D. D. (2006). A trait-based test for habitat filtering. Ecology."
            " DOI: 10.1890/0012-9658(2006)87[1465:ATTFHF]2.0.CO;2.",
            "10.1890/0012-9658(2006)87[1465:ATTFHF]2.0.CO;2",
            id="the esa's sici doi in brackets",
        ),
        # Springer Nature's sn-jnl prints " . " after a DOI link, then the .bib's note or the link
        # again (github:karmayur/LatexFiles): the dot set apart ends the DOI before a field or prose
        pytest.param(
            "Yang, H., Ren, H.: Gpu-accelerated inverse lithography. In: Proceedings of ISPD. ISPD ’25,"
            " pp. 42–50. ACM, New York, NY, USA (2025). https://doi.org/10.1145/3698364.3705343 ."
            " https://doi.org/10.1145/3698364.3705343",
            "10.1145/3698364.3705343",
            id="a dot set apart, then the link again",
        ),
        pytest.param(
            "Chen, G., Yu, Z.: Develset: Deep neural level set. IEEE Transactions on Computer-Aided Design"
            " 42(12), 5020–5033 (2023) https://doi.org/10.1109/TCAD.2023.3286262 . Publisher Copyright:"
            " © 1982-2012 IEEE.",
            "10.1109/TCAD.2023.3286262",
            id="a dot set apart, then a note",
        ),
        pytest.param(
            "Chang, T.H.P., Mankos, M.: Multiple electron-beam lithography. Microelectronic Engineering"
            " 57-58, 117–135 (2001) https://doi.org/10.1016/S0167-9317(01)00528-7 . Micro- and"
            " Nano-Engineering 2000",
            "10.1016/S0167-9317(01)00528-7",
            id="a dot set apart, then a hyphenated word",
        ),
        pytest.param(
            "Smith J, Jones B. A paper on RNA. Biometrics. 2020;76:1-9. doi: 10.1111/biom . 13276.",
            "10.1111/biom.13276",
            id="a dot set apart inside the doi",
        ),
        # biblatex's French punctuation ("doi : …", "url : …") where the space after the DOI's
        # period was lost (github:KohlerHECTOR/thesis, pdf_dev5)
        pytest.param(
            "Riccardo Guidotti et al. « A Survey of Methods for Explaining Black Box Models ». In : ACM"
            " Comput. Surv. 51.5 (août 2018). issn : 0360-0300. doi : 10.1145/3236009.url :"
            " https://doi.org/10.1145/3236009.",
            "10.1145/3236009",
            id="a url label glued on, its colon apart",
        ),
        # a link to the publisher's file of the work (IEEEtran in German,
        # github:VariableOne/bachelorarbeit-document)
        pytest.param(
            "H. Torabi, S. L. Mirtaheri, and S. Greco, “Practical autoencoder based anomaly detection,”"
            " Journal of Big Data, vol. 10, no. 1, pp. 1–21, 2023, [Online]. Verfügbar:"
            " https://link.springer.com/content/pdf/10.1186/s42400-022-00134-9.pdf.[Zugriff am: 19."
            " August 2025].",
            "10.1186/s42400-022-00134-9",
            id="the publisher's pdf file in a link",
        ),
        # abnTeX's link of a DOI whose "\_" printed its backslash and lost its underscore
        # (github:freds0/MasterThesis)
        pytest.param(
            "DWYER, H.; OTEY, G. A study of reactive diffusion problems. In: Seventh International"
            " Conference on Numerical Methods in Fluid Dynamics. Springer Berlin Heidelberg, 1981. p."
            " 170–175. Disponível em: <http://dx.doi.org/10.1007/3-540-10694-4\\ 24>.",
            "10.1007/3-540-10694-4_24",
            id="latex's escaped underscore in a link",
        ),
        # ... and one whose underscore a typewriter font printed as a space: no telling, none
        pytest.param(
            "ZHANG, Y.; BAJAJ, C. Surface smoothing. In: Proceedings of the 14th International Meshing"
            " Roundtable. Springer Berlin Heidelberg, 2005. p. 449–468. Disponível em:"
            " <http://dx.doi.org/10.1007/3-540-29090-7 27>.",
            None,
            id="an underscore printed as a space inside a link's brackets",
        ),
        # a .bib's url field holding two links joined by a literal "\n" (Mendeley's export,
        # github:StatsRhian/thesis): the backslash ends the DOI in the link, the same as labelled
        pytest.param(
            "Jonathan a Silva and João Gama. Data stream clustering. ACM Computing Surveys, 46(1):1–31,"
            " 2013. ISSN 03600300. doi: 10.1145/2522968.2522981. URL"
            " http://doi.acm.org/10.1145/2522968.2522981\\nhttp://dl.acm.org/citation.cfm?doid=2522968.2522981.",
            "10.1145/2522968.2522981",
            id="a backslash ends a doi",
        ),
        pytest.param(
            "O. Ronneberger. U-Net. In: MICCAI 2015, pp. 234–241. Springer, 2015."
            " doi:10.1007/978-3-319-24574-4\\_28.",
            "10.1007/978-3-319-24574-4_28",
            id="but latex's escaped underscore is the doi's",
        ),
        # a note's word glued on after the DOI's period (elsarticle-harv, its "R package" lower case;
        # github:Jesse-Islam/cbnnManuscript): the Journal of Statistical Software's DOIs have one
        # shape, which the DOI before the word holds whole
        pytest.param(
            "Jackson, C., 2016. flexsurv: A platform for parametric survival modeling in R. Journal of"
            " Statistical Software 70, 1–33. doi:10.18637/jss.v070.i08.r package version 2.0.",
            "10.18637/jss.v070.i08",
            id="a word glued on after a registrant's whole shape",
        ),
    ],
)
def test_the_doi_is_whole(reference: str, doi: str | None) -> None:
    assert read_refs(reference + OTHERS, "refs.txt")[0].doi == doi


@pytest.mark.parametrize(
    ("reference", "arxiv"),
    [
        pytest.param("A. Smith. A paper on things. arXiv:2106.04560v2, 2021.", "2106.04560", id="whole"),
        pytest.param("A. Smith. A paper on things. arXiv:2106.045602, 2021.", None, id="a digit glued on"),
        pytest.param(
            "A. Smith. A paper on things. arXiv:2106.0456, 2021.", None, id="cut: four digits after 1501"
        ),
        # ACL's styles print Semantic Scholar's "ArXiv" journal and its "abs/…" volume
        pytest.param(
            "Y. Wang, L. Cui, and Y. Zhang. Using dynamic embeddings to improve static embeddings. ArXiv,"
            " abs/1911.02929, 2019b. URL https://ui.adsabs.harvard.edu/abs/2019arXiv191102929W/abstract.",
            "1911.02929",
            id="semantic scholar's arxiv volume",
        ),
        # a .bib's primary class printed before a new-style id (a physics thesis's style and ACM's)
        pytest.param(
            "D. E. Johnston and E. S. Sheldon. Cross-correlation Weak Lensing of SDSS galaxy Clusters II."
            " ArXiv e-prints, astro-ph/0709.1159, Sept. 2007.",
            "0709.1159",
            id="an archive before a new-style id",
        ),
        pytest.param(
            "Cèdric Renggli, Dan Alistarh, and Torsten Hoefler. 2018. SparCML: High-Performance Sparse"
            " Communication for Machine Learning. arXiv.org (2018). arXiv:cs.DC/1802.08021v1",
            "1802.08021",
            id="a class before a new-style id after arxiv's label",
        ),
        # biblatex's French sets the label's colon and the id's dot apart
        pytest.param(
            "Ayman Chaouki, Jesse Read et Albert Bifet. « Branches : A Fast Dynamic Programming and"
            " Branch & Bound Algorithm for Optimal Decision Trees ». In : (2024). arXiv : 2406 . 02175"
            " [cs.LG].",
            "2406.02175",
            id="a colon set apart",
        ),
    ],
)
def test_the_arxiv_id_is_whole(reference: str, arxiv: str | None) -> None:
    assert parse_reference(reference).arxiv == arxiv
