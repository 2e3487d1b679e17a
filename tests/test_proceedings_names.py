"""One name per venue: dblp's and Crossref's proceedings titles, whose city, dates,
year and edition made one venue print under seven booktitles, written by one rule.

The decorated titles are dblp's and Crossref's forms (dblp's ``booktitle`` for SPIRE 2006 is in
fixtures/shared/reference/api-samples/dblp; Crossref's "…, 2003. Proceedings." container title
in the Crossref samples; the others are dblp's proceedings titles of the five pages' papers).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from bibnorm.cli import main
from bibnorm.text.journals import venue_spelling
from bibnorm.text.venues import find_venue, proceedings_name
from click.testing import CliRunner

CVPR_2018 = (
    "IEEE Conference on Computer Vision and Pattern Recognition, "
    "CVPR 2018, Salt Lake City, UT, USA, June 18-22, 2018"
)
NIPS_2017 = (
    "Advances in Neural Information Processing Systems 30: Annual Conference on Neural Information"
    " Processing Systems 2017, December 4-9, 2017, Long Beach, CA, USA"
)


@pytest.mark.parametrize(
    ("title", "short"),
    [
        pytest.param(CVPR_2018, "CVPR", id="dblp-cvpr"),
        pytest.param("2018 " + CVPR_2018, "CVPR", id="crossref-year-first"),
        pytest.param(NIPS_2017, "NeurIPS", id="dblp-nips-volume"),
        pytest.param(
            "9th International Conference on Learning Representations, "
            "ICLR 2021, Virtual Event, Austria, May 3-7, 2021",
            "ICLR",
            id="dblp-iclr-edition",
        ),
        pytest.param(
            "Proceedings of the 38th International Conference on Machine Learning, "
            "ICML 2021, 18-24 July 2021, Virtual Event",
            "ICML",
            id="pmlr-icml",
        ),
        pytest.param(
            "Computer Vision - ECCV 2020 - 16th European Conference, "
            "Glasgow, UK, August 23-28, 2020, Proceedings, Part I",
            "ECCV",
            id="lncs-eccv",
        ),
        pytest.param(
            "IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops, "
            "CVPR Workshops 2020, Seattle, WA, USA, June 14-19, 2020",
            "CVPRW",
            id="workshops-stay-workshops",
        ),
        pytest.param(
            "Proceedings of the 5th Workshop on Representation Learning for NLP, "
            "RepL4NLP@ACL 2020, Online, July 9, 2020",
            None,
            id="a-workshop-at-acl-is-not-acl",
        ),
    ],
)
def test_a_decorated_proceedings_title_finds_its_venue(title: str, short: str | None) -> None:
    found = find_venue(title)
    assert (found.short if found else None) == short


@pytest.mark.parametrize(
    ("title", "year", "written"),
    [
        pytest.param(
            CVPR_2018,
            2018,
            "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR)",
            id="cvpr-2018",
        ),
        pytest.param(
            NIPS_2017, 2017, "Advances in Neural Information Processing Systems (NIPS)", id="nips-2017"
        ),
        pytest.param(
            "String Processing and Information Retrieval, 13th International Conference, "
            "SPIRE 2006, Glasgow, UK, October 11-13, 2006, Proceedings",
            2006,
            "String Processing and Information Retrieval (SPIRE)",
            id="unknown-venue-loses-edition-city-dates",
        ),
        pytest.param(
            "23rd International Conference on Distributed Computing Systems Workshops, 2003. Proceedings.",
            2003,
            "International Conference on Distributed Computing Systems Workshops",
            id="crossref-year-and-proceedings-tail",
        ),
        pytest.param(
            "The 33rd Foo Symposium on Bar Things, FBT 2021, Paris, France, May 3-7, 2021",
            2021,
            "Foo Symposium on Bar Things (FBT)",
            id="unknown-with-acronym",
        ),
        pytest.param("A-TEST@ESEC/SIGSOFT FSE", 2017, "A-TEST@ESEC/SIGSOFT FSE", id="plain-name-unchanged"),
    ],
)
def test_proceedings_are_written_by_one_rule(title: str, year: int, written: str) -> None:
    assert venue_spelling(title, journal=False, year=year, form="full") == written


def test_every_spelling_of_one_years_cvpr_is_one_booktitle() -> None:
    spellings = [
        CVPR_2018,
        "2018 IEEE Conference on Computer Vision and Pattern Recognition, "
        "CVPR 2018, Salt Lake City, UT, USA, June 18-22, 2018",
        "2018 IEEE/CVF Conference on Computer Vision and Pattern Recognition",
        "Computer Vision and Pattern Recognition",
        "CVPR",
        "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR)",
    ]
    assert {venue_spelling(s, journal=False, year=2018, form="full") for s in spellings} == {
        "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR)"
    }


@pytest.mark.parametrize(
    ("title", "name"),
    [
        pytest.param(
            CVPR_2018, "IEEE Conference on Computer Vision and Pattern Recognition (CVPR)", id="acronym-kept"
        ),
        pytest.param(
            "Neural Information Processing Systems", "Neural Information Processing Systems", id="plain"
        ),
    ],
)
def test_proceedings_name_keeps_no_city_nor_dates(title: str, name: str) -> None:
    assert proceedings_name(title) == name


CVPR_2022 = (
    "IEEE/CVF Conference on Computer Vision and Pattern Recognition, CVPR 2022, "
    "New Orleans, LA, USA, June 18-24, 2022"
)
CVPR_NAME = "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)"


def test_check_and_format_hold_a_file_to_the_one_name(tmp_path: Path) -> None:
    # `journal_names` set: check finds the decorated booktitle (BN602) and format writes the name.
    (tmp_path / "pyproject.toml").write_text('[tool.bibnorm]\njournal_names = "full"\n', encoding="utf-8")
    (tmp_path / "refs.bib").write_text(
        "@inproceedings{zhai2022scaling,\n  author = {Zhai, Xiaohua},\n"
        "  title = {Scaling Vision Transformers},\n"
        f"  booktitle = {{{CVPR_2022}}},\n  year = {{2022}},\n}}\n",
        encoding="utf-8",
    )
    with contextlib.chdir(tmp_path):
        checked = CliRunner().invoke(main, ["check", "--offline", "refs.bib"])
        formatted = CliRunner().invoke(main, ["format", "refs.bib"])
    assert "BN602" in checked.output, checked.output
    assert f"booktitle = {{{CVPR_NAME}}}," in formatted.output, formatted.output
