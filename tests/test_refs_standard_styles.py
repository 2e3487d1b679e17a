"""BibTeX's standard styles (plain, alpha, unsrt, natbib's) in two columns: a book's volume or
number in a series is no part of its title; a month before the year ends it too; a title may end
at a lone number ("… of logic 1. Annals of Mathematics"); names in natural order with particles
or an initial after "and" are names, never Vancouver's "Family I". References as these styles
print real third-party .bib files."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "title", "first_author"),
    [
        pytest.param("A. Joyal and I. Moerdijk. Algebraic set theory, volume 220 of London Mathematical "
                     "Society Lecture Note Series. Cambridge University Press, 1995.",
                     "Algebraic set theory", "A. Joyal", id="volume-of-a-series"),
        pytest.param("William Feller. An Introduction to Probability Theory and Its Applications, volume 1. "
                     "John Wiley Sons, New York, third edition, 1968.",
                     "An Introduction to Probability Theory and Its Applications", "William Feller",
                     id="a-volume-alone"),
        pytest.param("Peter T. Johnstone. Sketches of an Elephant: A Topos Theory Compendium: Volumes 1 "
                     "and 2. Number 43 in Oxford Logic Guides. Oxford Science Publications, 2002.",
                     "Sketches of an Elephant: A Topos Theory Compendium: Volumes 1 and 2",
                     "Peter T. Johnstone", id="number-in-a-series"),
        pytest.param("Wikipedia. Homotopy groups of spheres, April 2013.", "Homotopy groups of spheres",
                     "Wikipedia", id="a-month-and-year-after-the-title"),
        pytest.param("Alonzo Church. A set of postulates for the foundation of logic 1. Annals of "
                     "Mathematics, 33:346–366, 1932.", "A set of postulates for the foundation of logic 1",
                     "Alonzo Church", id="a-title-ending-at-a-number"),
        pytest.param("Nicolaas Govert de Bruijn. AUTOMATH, a language for mathematics. Technical Report "
                     "66-WSK-05, Technological University Eindhoven, 1968.",
                     "AUTOMATH, a language for mathematics", "Nicolaas Govert de Bruijn",
                     id="a-name-with-particles"),
        pytest.param("Sae-Young Chung, G. David Forney, Thomas J. Richardson, and Rüdiger Urbanke. On "
                     "the design of low-density parity-check codes. IEEE Commun. Letters, 5(2):58–60, 2001.",
                     "On the design of low-density parity-check codes", "Sae-Young Chung",
                     id="a-family-then-an-initial-is-no-inverted-name"),
        pytest.param("G. David Forney Jr., and Andrea Montanari. On exponential error bounds for random "
                     "codes on the DMC. 2001.", "On exponential error bounds for random codes on the DMC",
                     "G. David Forney Jr", id="junior-and-a-second-name"),
        # plainnat-like (a thesis's): the last name after "and" with its initial, a period, the title,
        # then the editors before the proceedings' title (no APS list whose journal ends the title)
        pytest.param("R. Kiros, Y. Zhu, R. R. Salakhutdinov, R. Zemel, R. Urtasun, A. Torralba, and S. "
                     "Fidler. Skip-thought vectors. In C. Cortes, N. D. Lawrence, D. D. Lee, M. Sugiyama, "
                     "and R. Garnett, editors, Advances in Neural Information Processing Systems 28, pages "
                     "3294–3302. Curran Associates, Inc., 2015.", "Skip-thought vectors", "R. Kiros",
                     id="an-initial-after-and-then-the-editors"),
        pytest.param("Milne-Thomson, L. M., Theoretical Hydrodynamics, 5th edition, 480, London: MaCmillan "
                     "Press, 1968.", "Theoretical Hydrodynamics", "Milne-Thomson, L. M.",
                     id="econ-an-inverted-name-then-a-title-with-a-comma"),
        pytest.param("Léon Bottou and Jean-Sylvain Liénard. Speaker-independent isolated digit recognition: "
                     "Multilayer perceptrons vs. dynamic time warping. Neural Networks, 3(4):453–465, 1990.",
                     "Speaker-independent isolated digit recognition: Multilayer perceptrons vs. dynamic "
                     "time warping", "Léon Bottou", id="versus-ends-no-sentence"),
        pytest.param("Robert L. Constable and N. P. Mendler. Recursive Definitions in Type Theory. In Logic "
                     "of Programs, pages 61–78, 1985.", "Recursive Definitions in Type Theory",
                     "Robert L. Constable", id="an-initial-after-and"),
        # @inbook: the chapter, named in its field, after the book's title (plainnat; an Argentine
        # thesis's Spanish translation of it, "cap.", after the title's own period)
        pytest.param("Tobias Gemmeke, Mohamed M. Sabry, and David Atienza. Near Threshold Computing: "
                     "Technology, Methods and Applications, chapter Memories for NTC, pages 75–100. "
                     "Springer, 2016.", "Near Threshold Computing: Technology, Methods and Applications",
                     "Tobias Gemmeke", id="a-named-chapter-after-the-book-s-title"),
        pytest.param("Borém, A. Melhoramento de Plantas., cap. Interação genótipo x ambiente, adaptabilidade "
                     "e estabilidade de comportamento, págs. 81–98. UFV, Viçosa, 2001.",
                     "Melhoramento de Plantas", "Borém, A.", id="spanish-cap-after-the-title-s-period"),
    ],
)  # fmt: skip
def test_a_standard_styles_title_and_first_author(text: str, title: str, first_author: str) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors[0]) == (title, first_author)


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        pytest.param("The Coq Development Team. 2004. The Coq proof assistant reference manual. LogiCal "
                     "Project.", "The Coq proof assistant reference manual", ("The Coq Development Team",),
                     id="a-team"),
        pytest.param("The Rust Project Developers. 2016. The Rust Reference. https://doc.rust-lang.org/.",
                     "The Rust Reference", ("The Rust Project Developers",), id="developers"),
        pytest.param("Andrew K. Hirsch, Pedro de Amorim, and Ross Tate. 2020. First-Order Logic for "
                     "Flow-Limited Authorization. Cornell University.",
                     "First-Order Logic for Flow-Limited Authorization",
                     ("Andrew K. Hirsch", "Pedro de Amorim", "Ross Tate"), id="a-particle-after-a-comma"),
    ],
)  # fmt: skip
def test_a_group_or_natural_names_before_acms_year(text: str, title: str, authors: tuple[str, ...]) -> None:
    """ACM's reference format (sigconf) setting a real third-party .bib: a group as the author, and
    names in natural order, one with a particle, that are no Vancouver list."""
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, authors)


def test_naturemags_link_after_the_year_is_no_apa_title() -> None:
    """natbib's naturemag setting a real third-party .bib: "(1993). URL http://…" closes the
    reference; the title is the sentence after the names."""
    parsed = parse_reference(
        "Jones, M. P. & Hudak, P. Implicit and explict parallel programming in haskell. Tech. Rep., "
        "Yale University (1993). URL http://web.cecs.pdx.edu/ mpj/pubs/par.html."
    )
    assert (parsed.title, parsed.authors, parsed.year) == (
        "Implicit and explict parallel programming in haskell",
        ("Jones, M. P.", "Hudak, P."),
        1993,
    )


def test_amsplains_issue_after_the_year_is_no_apa_title() -> None:
    """amsplain setting a real third-party .bib: "Journal 32 (2018), no. 1, doi.org/…" — the
    parenthesised year is the issue's date, and "no. 1" no title."""
    parsed = parse_reference(
        "Y Zhang, H Dai, Z Kozareva, A Smola, and L Song, Variational reasoning for question answering "
        "with knowledge graph, Proceedings of the AAAI Conference on Artificial Intelligence 32 (2018), "
        "no. 1, doi.org/10.1609/aaai.v32i1.12057."
    )
    assert parsed.title != "no" and parsed.year == 2018
