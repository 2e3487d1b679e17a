"""A Vancouver title after the author list, however it opens: a hyphenated first word ("Single-
and Two-Channel …" is no second author's name), a lowercase name with a digit ("wav2vec 2.0") or a
lowercase word its sentence or a colon ends ("tidyverse.", "vegan: …"). Lines as the Vancouver
template sets real third-party .bib entries."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param("Aalburg S, Beaugeant C. Single- and Two-Channel Noise Reduction for Robust Speech "
                     "Recognition. In: Proc. of COST278; 2002. p. 1-4.",
                     "Single- and Two-Channel Noise Reduction for Robust Speech Recognition",
                     id="hyphenated-opening"),
        pytest.param("Baevski A, Zhou Y, Auli M. wav2vec 2.0: A Framework for Self-Supervised Learning "
                     "of Speech Representations. In: Proc. of NeurIPS; 2020. p. 12449-60.",
                     "wav2vec 2.0: A Framework for Self-Supervised Learning of Speech Representations",
                     id="lowercase-name-with-a-digit"),
        pytest.param("Baevski A, Schneider S. vq-wav2vec: Self-Supervised Learning of Discrete Speech "
                     "Representations. In: Proc. of ICLR; 2020. p. 1-12.",
                     "vq-wav2vec: Self-Supervised Learning of Discrete Speech Representations",
                     id="hyphenated-lowercase"),
        # R packages: a lowercase word its own sentence or a subtitle's colon ends
        pytest.param("Wickham H, Averick M. tidyverse. 2019.", "tidyverse", id="lowercase-word-alone"),
        pytest.param("Oksanen J, Blanchet FG, Kindt R. vegan: Community Ecology Package. R package "
                     "version 2.0-10; 2013.", "vegan: Community Ecology Package",
                     id="lowercase-before-a-colon"),
    ],
)  # fmt: skip
def test_a_vancouver_title_is_read_however_it_opens(text: str, title: str) -> None:
    reference = parse_reference(text)
    assert reference.title == title
    assert reference.authors[0] == text.split(",")[0]


def test_a_second_full_name_after_the_first_is_still_no_vancouver_list() -> None:
    """ "John C. Baez and Aaron D. Lauda": after "John C." comes a name and another full name."""
    assert parse_reference(
        "John C. Baez and Aaron D. Lauda. Higher-dimensional algebra V: 2-groups. 2004."
    ).title != ("Baez and Aaron D")


# Vancouver with bare numbers, as vancouver.bst sets real third-party .bib files (a biology one,
# HuffordLab's, and a neuroscience one, MNE-Python's): "Names. Title. Journal. Year;Vol(Issue):pages."
# The title is everything between the names and the journal's sentence, whatever periods it holds.
@pytest.mark.parametrize(
    ("text", "title", "first_author", "year"),
    [
        pytest.param("Singh R, Hymowitz T. The genomic relationship between Glycine max (L.) Merr. and G. "
                     "soja Sieb. and Zucc. as revealed by pachytene chromosome analysis. Theoretical and "
                     "Applied Genetics. 1988;76(5):705-11.",
                     "The genomic relationship between Glycine max (L.) Merr. and G. soja Sieb. and Zucc. as "
                     "revealed by pachytene chromosome analysis", "Singh R", 1988,
                     id="botanical-authorities-in-the-title"),
        pytest.param("Fischl B, Sereno MI, Dale AM. Cortical Surface-Based Analysis: II. Inflation, "
                     "Flattening, and a Surface-Based Coordinate System. NeuroImage. 1999;9(2):195-207.",
                     "Cortical Surface-Based Analysis: II. Inflation, Flattening, and a Surface-Based "
                     "Coordinate System", "Fischl B", 1999, id="a-part-in-roman-numerals"),
        pytest.param("Zhou Y, Massonnet M, Sanjak J, Cantu D, Gaut BS. The Evolutionary Genomics of Grape "
                     "(Vitis vinifera ssp. vinifera) Domestication. bioRxiv. 2017:146373.",
                     "The Evolutionary Genomics of Grape (Vitis vinifera ssp. vinifera) Domestication",
                     "Zhou Y", 2017, id="an-abbreviation-inside-parentheses"),
        # (a journal's name and year without a period between them: the title ends at the first
        # sentence's end, which a subspecies' abbreviation is not)
        pytest.param("James SA, Bell DT. Leaf orientation, light interception and stomatal conductance of "
                     "Eucalyptus globulus ssp. globulus leaves. Tree Physiol 2000;20(12):815-23.",
                     "Leaf orientation, light interception and stomatal conductance of Eucalyptus globulus "
                     "ssp. globulus leaves", "James SA", 2000,
                     id="a-subspecies-before-a-journal-and-its-year"),
        pytest.param("Percy R, Wendel JF. Allozyme evidence for the origin and diversification of Gossypium "
                     "barbadense L. Theoretical and Applied Genetics. 1990;79(4):529-42.",
                     "Allozyme evidence for the origin and diversification of Gossypium barbadense L",
                     "Percy R", 1990, id="a-botanist-s-initial-ends-the-title"),
        pytest.param("Colledge S, Conolly J, Shennan S, Bellwood P, Bouby L, Hansen J, et al. "
                     "Archaeobotanical Evidence for the Spread of Farming in the Eastern Mediterranean 1. "
                     "Current anthropology. 2004;45(S4):S35-58.",
                     "Archaeobotanical Evidence for the Spread of Farming in the Eastern Mediterranean 1",
                     "Colledge S", 2004, id="a-number-ends-the-title"),
        pytest.param("Allaby RG. Barley domestication: the end of a central dogma? Genome biology. "
                     "2015;16(1):176.", "Barley domestication: the end of a central dogma?", "Allaby RG",
                     2015, id="a-question-before-a-journal-in-sentence-case"),
        pytest.param("Tanno Ki, Willcox G. How fast was wild wheat domesticated? Science. "
                     "2006;311(5769):1886-6.", "How fast was wild wheat domesticated?", "Tanno Ki", 2006,
                     id="a-question-before-a-one-word-journal-initials-with-a-lowercase-letter"),
        pytest.param("von Bothmer Rv, Jacobsen N, Baden C, Jørgensen R, Linde-Laursen I. An ecogeographical "
                     "study of the genus Hordeum. Systematic and ecogeographic studies on crop genepools 7. "
                     "International Plant Genetic Resources Institute, Rome. 1995.",
                     "An ecogeographical study of the genus Hordeum. Systematic and ecogeographic studies on "
                     "crop genepools 7", "von Bothmer Rv", 1995, id="a-particle-and-a-year-alone"),
        pytest.param("Von Korff M, Wang H, Léon J, Pillen K. AB-QTL analysis in spring barley: II. Detection "
                     "of favourable exotic alleles for agronomic traits introgressed from wild barley (H. "
                     "vulgare ssp. spontaneum). Theoretical and Applied Genetics. 2006;112(7):1221-31.",
                     "AB-QTL analysis in spring barley: II. Detection of favourable exotic alleles for "
                     "agronomic traits introgressed from wild barley (H. vulgare ssp. spontaneum)",
                     "Von Korff M", 2006, id="a-capitalised-particle"),
        pytest.param("Gonçalves SI, de Munck JC, Verbunt JPA, Bijma F, Heethaar RM, Lopes da Silva F. In "
                     "Vivo Measurement of the Brain and Skull Resistivities Using an EIT-Based Method and "
                     "Realistic Models for the Head. IEEE Transactions on Biomedical Engineering. "
                     "2003;50(6):754-67.",
                     "In Vivo Measurement of the Brain and Skull Resistivities Using an EIT-Based Method and "
                     "Realistic Models for the Head", "Gonçalves SI", 2003,
                     id="a-particle-between-two-family-names"),
        pytest.param("Campos Viola F, Thorne J, Edmonds B, Schneider T, Eichele T, Debener S. Semi-Automatic "
                     "Identification of Independent Components Representing EEG Artifact. Clinical "
                     "Neurophysiology. 2009;120(5):868-77.",
                     "Semi-Automatic Identification of Independent Components Representing EEG Artifact",
                     "Campos Viola F", 2009, id="two-family-names"),
        pytest.param("Hyvärinen A. Fast and Robust Fixed-Point Algorithms for Independent Component "
                     "Analysis. IEEE Transactions on Neural Networks. 1999;10(3):626-34.",
                     "Fast and Robust Fixed-Point Algorithms for Independent Component Analysis",
                     "Hyvärinen A", 1999, id="a-title-case-and-is-no-second-author"),
        pytest.param("Laakso A, Cottrell G. Content and Cluster Analysis: Assessing Representational "
                     "Similarity in Neural Systems. Philosophical Psychology. 2000;13(1):47-76.",
                     "Content and Cluster Analysis: Assessing Representational Similarity in Neural Systems",
                     "Laakso A", 2000, id="a-title-case-and-before-a-colon"),
        pytest.param("Dempewolf H, Baute G, Anderson J, Kilian B, Smith C, Guarino L. Past and Future Use of "
                     "Wild Relatives in Crop Breeding. 2017;57:1070-82.",
                     "Past and Future Use of Wild Relatives in Crop Breeding", "Dempewolf H", 2017,
                     id="no-journal-printed"),
        pytest.param("Rivet B, Souloumiac A, Attina V, Gibert G. xDAWN Algorithm to Enhance Evoked "
                     "Potentials: Application to Brain–Computer Interface. IEEE Transactions on Biomedical "
                     "Engineering. 2009;56(8):2035-43.",
                     "xDAWN Algorithm to Enhance Evoked Potentials: Application to Brain–Computer Interface",
                     "Rivet B", 2009, id="a-title-opening-lowercase-then-capitals"),
        pytest.param("Pascual-Marqui RD, Lehmann D, Koukkou M, Kochi K, Anderer P, Saletu B, et al. "
                     "Assessing interactions in the brain with exact low-resolution electromagnetic "
                     "tomography. Philosophical Transactions of the Royal Society A: Mathematical, Physical "
                     "and Engineering Sciences. 2011;369(1952):3768-84.",
                     "Assessing interactions in the brain with exact low-resolution electromagnetic "
                     "tomography", "Pascual-Marqui RD", 2011, id="the-year-opens-the-numbers-not-the-issue"),
        pytest.param("Wilkes H. Hybridization of maize and teosinte, in Mexico and Guatemala and the "
                     "improvement of maize. Economic Botany. 1977:254-93.",
                     "Hybridization of maize and teosinte, in Mexico and Guatemala and the improvement of "
                     "maize", "Wilkes H", 1977, id="a-comma-and-in-inside-the-title"),
        pytest.param("Morrell PL, Clegg MT. Genetic evidence for a second domestication of barley (Hordeum "
                     "vulgare) east of the Fertile Crescent. Proc. Natl. Acad. Sci. U.S.A. "
                     "2007;104(9):3289-94.",
                     "Genetic evidence for a second domestication of barley (Hordeum vulgare) east of the "
                     "Fertile Crescent", "Morrell PL", 2007, id="a-journal-abbreviated-with-periods"),
        pytest.param("Brar D, Khush G. Alien introgression in rice. In: Oryza: From Molecule to Plant. "
                     "Springer; 1997. p. 35-47.", "Alien introgression in rice", "Brar D", 1997,
                     id="a-chapter-its-book-after-in"),
        # NLM's own forms (Citing Medicine, the ICMJE samples): a generation after the initials, a
        # particle in lower case, a date with its month and day or a span of months, a kind of work
        # in brackets after the title.
        pytest.param("DeVita VT Jr, Chu E. A history of cancer chemotherapy. Cancer Res. "
                     "2008;68(21):8643-53.", "A history of cancer chemotherapy", "DeVita VT Jr", 2008,
                     id="a-generation-after-the-initials"),
        pytest.param("ter Haar G, Coussios C. High intensity focused ultrasound: physical principles and "
                     "devices. Int J Hyperthermia. 2007;23(2):89-104.",
                     "High intensity focused ultrasound: physical principles and devices", "ter Haar G", 2007,
                     id="particle-ter"),
        pytest.param("Halpern SD, Ubel PA, Caplan AL. Solid-organ transplantation in HIV-infected "
                     "patients. N Engl J Med. 2002 Jul 25;347(4):284-7.",
                     "Solid-organ transplantation in HIV-infected patients", "Halpern SD", 2002,
                     id="a-date-with-month-and-day"),
        pytest.param("Bodenheimer T, Sinsky C. From triple to quadruple aim: care of the patient requires "
                     "care of the provider. Ann Fam Med. 2014 Nov-Dec;12(6):573-6.",
                     "From triple to quadruple aim: care of the patient requires care of the provider",
                     "Bodenheimer T", 2014, id="a-span-of-months"),
        pytest.param("Tor M, Turker H. International approaches to the prescription of long-term oxygen "
                     "therapy [letter]. Eur Respir J. 2002;20(1):242.",
                     "International approaches to the prescription of long-term oxygen therapy", "Tor M",
                     2002, id="a-kind-of-work-in-brackets"),
        # a title's last word a letter alone, which reads as an initial: the journal after it ends
        # the title all the same
        pytest.param("McCarthy DJ, Campbell KR, Lun ATL, Wills QF. Scater: pre-processing, quality "
                     "control, normalization and visualization of single-cell RNA-seq data in R. "
                     "Bioinformatics. 2017;33(8):1179-86.",
                     "Scater: pre-processing, quality control, normalization and visualization of "
                     "single-cell RNA-seq data in R", "McCarthy DJ", 2017, id="a-letter-then-the-journal"),
        pytest.param("Terrault NA, Bzowej NH, Chang KM, Hwang JP, Jonas MM, Murad MH. AASLD guidelines "
                     "for treatment of chronic hepatitis B. Hepatology 2016;63:261–83.",
                     "AASLD guidelines for treatment of chronic hepatitis B", "Terrault NA", 2016,
                     id="a-letter-then-the-journal-and-its-numbers"),
    ],
)  # fmt: skip
def test_a_vancouver_title_ends_where_the_journal_begins(
    text: str, title: str, first_author: str, year: int
) -> None:
    reference = parse_reference(text)
    assert (reference.title, reference.authors[0], reference.year) == (title, first_author, year)


def test_a_letter_alone_before_words_no_journal_has_goes_on_in_the_title() -> None:
    reference = parse_reference(
        "Smith J, Lee K. Resistance to vitamin D. Receptor polymorphisms in the elderly. Clin Endocrinol. "
        "2010;72(3):1-9."
    )
    assert reference.title == "Resistance to vitamin D. Receptor polymorphisms in the elderly"


def test_given_names_first_and_a_comma_before_and_are_no_vancouver_list() -> None:
    """unsrtnat: "Changyan Di, Thomas J. Richardson, and …" — "Di" and "J" read as initials alone,
    but a full name follows ", and"."""
    reference = parse_reference(
        "Changyan Di, Thomas J. Richardson, and Rüdiger L. Urbanke. Weight Distribution of Low-Density "
        "Parity-Check Codes. IEEE Trans. Inf. Theory, 52(11):4839–4855, 2006."
    )
    assert reference.title == "Weight Distribution of Low-Density Parity-Check Codes"


# GB/T 7714 (gbt7714 .bst files) prints Latin-script names as Vancouver does, family name first and
# initials without periods, but with a space between the initials ("Moore J B", "Wong R C W"):
# the names' sentence still ends at the last initial, the title is the next sentence, its kind of
# work's mark ("[M]", "[C]//") none of it.
@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        pytest.param("Elliott R J, Aggoun L, Moore J B. Hidden Markov Models[M].[S.l.]: Springer, 1994.",
                     "Hidden Markov Models", ("Elliott R J", "Aggoun L", "Moore J B"), id="a-book"),
        pytest.param("Bian K, Park J M. MAC-layer misbehaviors in multi-hop cognitive radio networks[C]//"
                     "US-Korea Conference on Science, Technology, and Entrepreneurship (UKC2006). "
                     ".[S.l.]: [s.n.] , 2006:65–73.",
                     "MAC-layer misbehaviors in multi-hop cognitive radio networks", ("Bian K", "Park J M"),
                     id="a-paper-in-proceedings"),
        pytest.param("Gao B, Park J M, Yang Y. Supporting mobile users in database-driven opportunistic "
                     "spectrum access[C]//Proceedings of the 15th ACM international symposium on Mobile ad "
                     "hoc networking and computing. .[S.l.]: [s.n.] , 2014:215–224.",
                     "Supporting mobile users in database-driven opportunistic spectrum access",
                     ("Gao B", "Park J M", "Yang Y"), id="spaced-initials-inside-the-list"),
        pytest.param("Adam N R, Worthmann J C. Security-control methods for statistical databases: a "
                     "comparative study[J]. ACM Computing Surveys (CSUR), 1989, 21(4):515–556.",
                     "Security-control methods for statistical databases: a comparative study",
                     ("Adam N R", "Worthmann J C"), id="an-article"),
    ],
)  # fmt: skip
def test_gbt_latin_names_with_spaced_initials_end_at_their_last_initial(
    text: str, title: str, authors: tuple[str, ...]
) -> None:
    reference = parse_reference(text)
    assert (reference.title, reference.authors) == (title, authors)


# NLM's web pages: the medium in brackets closes the title, so where no author precedes it what
# stands before "[Internet]" is the title, and the place and publisher after it are neither;
# GOST's "[Электронный ресурс]" likewise.
@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        pytest.param("ATLAS Collaboration [Internet]. Geneva: CERN; 2022 [cited 2025 Dec 11]. Available "
                     "from: https://atlas.cern/", "ATLAS Collaboration", (), id="no-author"),
        pytest.param("Kubernetes [Internet]. The Linux Foundation; 2023 [cited 2024 Mar 3]. Available from: "
                     "https://kubernetes.io/", "Kubernetes", (), id="no-author-no-place"),
        pytest.param("World Health Organization. Coronavirus disease (COVID-19) pandemic [Internet]. Geneva: "
                     "WHO; 2020 [cited 2020 Apr 1]. Available from: https://www.who.int/",
                     "Coronavirus disease (COVID-19) pandemic", ("World Health Organization",),
                     id="a-body-as-author-as-before"),
        # GOST R 7.0.5-2008's general material designation (its CSL styles; a Russian journal's list)
        pytest.param("PubMed [Электронный ресурс]. AWS. URL: https://www.amazonweb.com/pubmed "
                     "(дата обращения: 25.08.2018).", "PubMed", (), id="gost-an-electronic-resource"),
        pytest.param("Kubernetes [Electronic resource]. The Linux Foundation. URL: https://kubernetes.io/ "
                     "(accessed: 03.03.2024).", "Kubernetes", (), id="gost-in-english"),
    ],
)  # fmt: skip
def test_a_web_pages_title_closed_by_its_medium(text: str, title: str, authors: tuple[str, ...]) -> None:
    reference = parse_reference(text)
    assert (reference.title, reference.authors) == (title, authors)
