"""Initials outside ASCII read as initials by every family of names (`text.names.LATIN_CAPITALS`):
Polish, Czech, Croatian, Icelandic, Scandinavian and accented initials ("Ł.", "Š.", "Đ.", "Á.") end
a name as "L." does, and the title after the names is read, not the names into the title or the
title into the names."""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        # Vancouver: family names, then initials without periods
        pytest.param(
            "Girard Á. Routing and Dimensioning in Circuit-Switched Networks. Reading, MA, USA: "
            "Addison-Wesley; 1990.",
            "Routing and Dimensioning in Circuit-Switched Networks",
            ("Girard Á",),
            id="vancouver",
        ),
        # the first author inverted, the others in natural order (econ, Chicago)
        pytest.param(
            "Šun, Č., M. Šun, and H.-Ť. Čhen (2022). Direct Voxel Grid Optimization. In CVPR.",
            "Direct Voxel Grid Optimization",
            ("Šun, Č.", "M. Šun", "H.-Ť. Čhen"),
            id="inverted-first",
        ),
        # every name inverted, "and" before the last, the year after the names
        pytest.param(
            "Akiyama, Š., and Suzuki, Ť. 2021. On Learnability via Gradient Method. In ICML.",
            "On Learnability via Gradient Method",
            ("Akiyama, Š.", "Suzuki, Ť."),
            id="inverted-and-year",
        ),
        pytest.param(
            "Coyne, R.Đ., Rosenman, M.Á., Radford, Á.Đ. and Gero, J.Š. 1990. Knowledge-Based Design "
            "Systems. Addison-Wesley.",
            "Knowledge-Based Design Systems",
            ("Coyne, R.Đ.", "Rosenman, M.Á.", "Radford, Á.Đ.", "Gero, J.Š."),
            id="initials-without-blanks",
        ),
        # ACS's untitled articles: names, then the journal
        pytest.param(
            "Franck, J.; Dymond, É. G. Trans. Faraday Soc. 1926, 21, 536–542.",
            None,
            ("Franck, J.", "Dymond, É. G."),
            id="acs-untitled",
        ),
        # DIN 1505: given names written out, semicolons between the names, a colon before the title
        pytest.param(
            "Kristensen, Łukasz ; Nilsson, Peter: Background Segmentation Beyond RGB. In: Proc. X, 2007.",
            "Background Segmentation Beyond RGB",
            ("Kristensen, Łukasz", "Nilsson, Peter"),
            id="din-given-names",
        ),
        # names inverted with their given names and semicolons, the last with an initial
        pytest.param(
            "Zhao, Yulai; Yang, Zhuoran; Lee, Jason Đ. (2023): Local Optimization Achieves Global "
            "Optimality. In: ICML (2023).",
            "Local Optimization Achieves Global Optimality",
            ("Zhao, Yulai", "Yang, Zhuoran", "Lee, Jason Đ"),
            id="semicolons-and-a-middle-initial",
        ),
        # initials first, a colon before the title (a German thesis's list)
        pytest.param(
            "Ł. Nowak, Š. Kowalski: Efficient Trace of Things. In: Proc. X, 2001.",
            "Efficient Trace of Things",
            ("Ł. Nowak", "Š. Kowalski"),
            id="given-first-before-a-colon",
        ),
    ],
)
def test_initials_outside_ascii_end_a_name_as_ascii_ones_do(
    text: str, title: str | None, authors: tuple[str, ...]
) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, authors)
