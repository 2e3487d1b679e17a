"""A number that breaks the run of labels around it is a wrapped line, not a reference: natbib's
unsrtnat in two columns wraps a page range so that a line opens with "120." between references
1 and 2. Two lists, each from 1, and a run that jumps (a page the PDF left out) keep their
labels."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import read_list, read_refs

_AARTS = """1. Emile H. L. Aarts, Jan H. M. Korst, and Peter J. M. van Laarhoven. Simulated annealing. In
Emile Aarts and Jan Karel Lenstra, editors, Local Search in Combinatorial Optimization, pages 91–
120. Princeton University Press, 2003. ISBN 978-0691115221.
2. Michael Aizenman and Robert Sims. Mean-field spin glass models from the cavity-rost perspective.
Prague Stochastics, 2005.
3. David Aldous and J. Michael Steele. The objective method. In Probability on Discrete Structures,
pages 1–72. Springer, Berlin, 2004."""

_JUMP = """1. Emile H. L. Aarts and Jan H. M. Korst. Simulated annealing. Princeton University Press, 2003.
2. Michael Aizenman and Robert Sims. Mean-field spin glass models. Prague Stochastics, 2005.
146. Hui Ye and Steve Young. High quality voice morphing. In ICASSP, pages 1–9, 2004.
147. Thomas Zaslavsky. Facing up to arrangements. Memoirs of the AMS, 1975."""

_TWO_LISTS = """1. Emile H. L. Aarts and Jan H. M. Korst. Simulated annealing. Princeton, 2003.
2. Michael Aizenman and Robert Sims. Mean-field spin glass models. Prague Stochastics, 2005.
1. Hui Ye and Steve Young. High quality voice morphing. In ICASSP, pages 1–9, 2004.
2. Thomas Zaslavsky. Facing up to arrangements. Memoirs of the AMS, 1975."""

# A number and a closing parenthesis: bench/pdf_corpus's built-unsrtnat-paren-cdl (unsrtnat,
# \bibnumfmt "#1)", ContextLab's CDL-bibliography), its first page as pdftotext copies it.
_CLOSED = """1) U Ramer. An iterative procedure for the polygonal approximation of plane curves. Computer
   Graphics and Image Processing, 1(3):244–256, 1972.
2) E L Thorndike. Educational psychology: the psychology of learning, volume 2. Teachers College,
   Columbia University, 1913.
3) J Antony, A Lozano, P Dhoat, J Chen, and K Bennion. Causal and chronological relationships predict
   memory organization for nonlinear narratives. Journal of Cognitive Neuroscience, 36(11):2368–2385,
   2024.
4) C A Lindbergh, N Walker, R La Joie, S Weiner-Light, A M Staffaroni, K B Casaletto, F Elahi, S M
   Walters, M You, D Cotter, B Asken, A C Apple, E Tsoy, J Neuhaus, C Fonseca, A Wolf, Y Cobigo,
   H Rosen, and J H Kramer. Worth the wait: delayed recall after 1 week predicts cognitive and medial
   temporal lobe trajectories in older adults. Journal of the International Neuropsychological Society, 27
   (4):382–388, 2021."""

# An unnumbered list whose wrapped lines open "2)" and "3)": a volume and a part in parentheses
# broken after "Vol." and "Part" (no run of labels: no reference opens there).
_WRAPPED_CLOSING = """Gelman, A. and Hill, J. (2007). Data Analysis Using Regression and Multilevel (Vol.
2) Cambridge University Press, Cambridge.
Knuth, D. E. (1997). The Art of Computer Programming: Fundamental Algorithms (Part
3) Addison-Wesley, Reading, MA.
Zaslavsky, T. (1975). Facing up to arrangements. Memoirs of the AMS, 154, 1–102."""


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        pytest.param(_CLOSED, ["1", "2", "3", "4"], id="numbers-and-a-closing-parenthesis"),
        pytest.param(_AARTS, ["1", "2", "3"], id="a-page-range-wrapped-to-a-line-start"),
        pytest.param(_JUMP, ["1", "2", "146", "147"], id="a-run-that-jumps"),
        pytest.param(_TWO_LISTS, ["1", "2", "1", "2"], id="two-lists-from-one"),
    ],
)
def test_labels_in_their_run(text: str, labels: list[str]) -> None:
    assert [query.label for query in read_refs(text, "refs.txt")] == labels


_AMSALPHA = """[Ad19] K C S Adam and M T deBettencourt, Fluctuations of attention and working
memory, Journal of Cognition 2 (2019), no. 33, 1–4.
[ADP+22] G Agrawal, Y Deng, J Park, H Liu, and Y-C Chen, Building knowledge graphs from
unstructured texts, Information 13 (2022), no. 11.
[AKB+97] J Avrahami, Y Kareev, Y Bogot, R Caspi, S Dunaevsky, and S Lerner, Teaching by
examples, Quarterly Journal of Experimental Psychology 50 (1997), no. 3, 586–606.
[Alv02] S A Alvarez, An exact analytical relation among recall, precision, and classification
accuracy in information retrieval, Technical Report BCCS-02-01, Boston College, 2002."""


def test_alpha_labels_open_references_whatever_their_names_read_as() -> None:
    """amsalpha setting a real third-party .bib whose names have no periods ("K C S Adam"): the
    labels "[Ad19]", "[ADP+22]" open its references, however its text reads."""
    queries = read_refs(_AMSALPHA, "refs.txt")
    assert [query.raw.split(",")[0] for query in queries] == [
        "K C S Adam and M T deBettencourt",
        "G Agrawal",
        "J Avrahami",
        "S A Alvarez",
    ]


# AAAI's author-year labels (an ICAPS paper's list): a repeated author's next works are labelled
# by their year alone, a hanging indent of 0.4 em that no geometry tells apart from flush
_AAAI = """[Haas 2002] Haas, P. J. 2002. Stochastic Petri Nets:
  Modelling, Stability, Simulation. Springer.
[Senderovich et al. 2015a] Senderovich, A.; Rogge-Solti,
  A.; and Bunnell, C. A. 2015a. Data-driven performance
  analysis of scheduled processes. In BPM, 35–52.
[2015b] Senderovich, A.; Rogge-Solti, A.; and Gal, A.
  2015b. Data-driven analysis of queueing processes. In BPM, 53–60.
[1996] Van der Aalst, W. 1996. Petri net based scheduling.
  Operations-Research-Spektrum 18(4):219–229.
[2011] van der Aalst, W. M. P. 2011. Process Mining -
  Discovery, Conformance and Enhancement of Business
  Processes. Springer."""


def test_a_year_alone_in_brackets_labels_a_repeated_authors_work() -> None:
    items = read_list(_AAAI).items
    assert [item.label for item in items] == [
        "Haas 2002",
        "Senderovich et al. 2015a",
        "2015b",
        "1996",
        "2011",
    ]
    assert [query.year for query in read_refs(_AAAI, "refs.txt")] == [2002, 2015, 2015, 1996, 2011]


def test_a_wrapped_line_opening_with_a_number_and_a_parenthesis_is_no_reference() -> None:
    references = read_list(_WRAPPED_CLOSING)
    assert [item.text.split(",")[0] for item in references.items] == ["Gelman", "Knuth", "Zaslavsky"]
