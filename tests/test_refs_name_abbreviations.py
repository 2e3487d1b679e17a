"""A given name abbreviated with a period ("Md." for Mohammad, Malaysia's "Mohd.", the Greek
patronymic "Ch.") stays in the name: the names do not end there, and the next author's name is
not read as the title (real authors from the venue bench's PDFs: arXiv:2602.12129, ICML 2022)."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        (
            "Rahin Arefin Ahmed, Md. Anik Chowdhury, Sakil Ahmed Sheikh Reza, Devnil Bhattacharjee,"
            " Muhammad Abdullah Adnan, Nafis Sadeq. Towards Personalized Bangla Book Recommendation:"
            " A Large-Scale Multi-Entity Book Graph Dataset. In arXiv.org, 2026. arXiv:2602.12129.",
            "Towards Personalized Bangla Book Recommendation: A Large-Scale Multi-Entity Book Graph Dataset",
            ("Rahin Arefin Ahmed", "Md. Anik Chowdhury", "Sakil Ahmed Sheikh Reza", "Devnil Bhattacharjee",
             "Muhammad Abdullah Adnan", "Nafis Sadeq"),
        ),
        (
            "Zhiyu Zhang, Ashok Cutkosky, Ioannis Ch. Paschalidis. PDE-Based Optimal Strategy for"
            " Unconstrained Online Learning. In ICML, 2022.",
            "PDE-Based Optimal Strategy for Unconstrained Online Learning",
            ("Zhiyu Zhang", "Ashok Cutkosky", "Ioannis Ch. Paschalidis"),
        ),
        (
            "Mohd. Faiz Ahmad, Siti Aminah. A Study of Palm Oil Yields. Journal of Oil Palm Research, 2019.",
            "A Study of Palm Oil Yields",
            ("Mohd. Faiz Ahmad", "Siti Aminah"),
        ),
        # an older given name's abbreviation, the family name's letters not ASCII
        # (github:Born-ship-it/optimized_virtual_orbitals, pdf_dev13)
        (
            "Chr. Møller and M. S. Plesset. Note on an approximation treatment for many-electron systems."
            " Phys. Rev., 46:618–622, 1934.",
            "Note on an approximation treatment for many-electron systems",
            ("Chr. Møller", "M. S. Plesset"),
        ),
        (
            "Th. Kaluza. Zum Unitätsproblem der Physik. Sitzungsber. Preuss. Akad. Wiss., 1921.",
            "Zum Unitätsproblem der Physik",
            ("Th. Kaluza",),
        ),
    ],
)  # fmt: skip
def test_an_abbreviated_given_name_is_part_of_the_names(
    text: str, title: str, authors: tuple[str, ...]
) -> None:
    reference = parse_reference(text)
    assert reference.title == title
    assert reference.authors == authors


def test_maryland_before_a_year_still_ends_a_sentence() -> None:
    reference = parse_reference(
        "J. Smith. The History of Maryland. Johns Hopkins University Press, Baltimore, Md. 1990."
    )
    assert reference.title == "The History of Maryland"
    assert reference.year == 1990
