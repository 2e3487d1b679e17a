"""APA 7 reference strings (biblatex-apa, apacite): the date slot's "(n.d.)" and "(in press)",
a work without an author (its title in the author's place), a retrieval statement after the
title, an author list ending in an initial, and a DOI its font spaced out. Each case is a
reference as printed by biblatex-apa's or apacite's own test documents (texlive-doc).
"""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import looks_like_reference, parse_reference


@pytest.mark.parametrize(
    ("text", "title", "year", "first_author"),
    [
        pytest.param(
            "Zhou, A. (n.d.). Getting consistent with consequences. Educational Leadership.",
            "Getting consistent with consequences", None, "Zhou", id="no-date",
        ),
        pytest.param(
            "Sifuentes, A. (n.d.-a). Stories of the borderlands. University Press.",
            "Stories of the borderlands", None, "Sifuentes", id="no-date-with-a-letter",
        ),
        pytest.param(
            "Pachur, T., & Scheibehenne, B. (in press). Unpacking buyer-seller differences in valuation "
            "from experience: A cognitive modeling approach. Psychonomic Bulletin & Review.",
            "Unpacking buyer-seller differences in valuation from experience: A cognitive modeling approach",
            None, "Pachur", id="in-press",
        ),
        pytest.param(
            "GVU’s 8th WWW user survey. (n.d.). Retrieved August 8, 2000, from "
            "http://www.cc.gatech.edu/gvu/user_surveys/survey-1997-10/",
            "GVU’s 8th WWW user survey", None, None, id="no-author-title-in-its-place",
        ),
        pytest.param(
            "Greater New Milford Area Healthy Community. (n.d.). Who has time for a family meal? You do! "
            "Retrieved October 5, 2000, from http://www.familymealtime.org",
            "Who has time for a family meal? You do!", None, None, id="retrieval-statement-not-the-title",
        ),
        pytest.param(
            "Morey, M. C. (2019). Physical activity and exercise in older adults. UpToDate. Retrieved "
            "July 12, 2019, from https://www.uptodate.com/contents/physical-activity-and-exercise",
            "Physical activity and exercise in older adults", 2019, "Morey", id="access-date-not-the-year",
        ),
        pytest.param(
            "McDaniel, S. H., Salas, E., & Kazak, A. E. (Eds.). (2018). The science of teamwork [Special "
            "issue]. American Psychologist, 73(4).",
            "The science of teamwork", 2018, "McDaniel", id="editors",
        ),
    ],
)  # fmt: skip
def test_an_apa_reference_gives_its_title_year_and_first_author(
    text: str, title: str, year: int | None, first_author: str | None
) -> None:
    parsed = parse_reference(text)
    assert parsed.title == title
    assert parsed.year == year
    if first_author is not None:
        assert parsed.author_names[0] == first_author


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Fried, D., & Polyakova, A. (2018). Democratic defense against disinformation. Atlantic Council.",
            id="authors-ending-in-the-initial-A",
        ),
        pytest.param(
            "Zhou, A. (n.d.). Getting consistent with consequences. Educational Leadership.", id="n.d."
        ),
    ],
)
def test_an_apa_reference_reads_as_a_reference(text: str) -> None:
    assert looks_like_reference(text)


def test_a_title_case_title_is_still_no_author_list() -> None:
    """The initial "A." keeps its period; a title's article "A" is still a title word."""
    assert not looks_like_reference("A Study of Things. (2018). Journal of Studies, 3, 1–2.")


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        pytest.param(
            "Huestegge, S. M. (2019). Are face-incongruent voices harder to process? Experimental "
            "Psychology. https : / / doi . org / 10 . 1027 / 1618 - 3169/a000440",
            "10.1027/1618-3169/a000440", id="spaced-hyphen-inside",
        ),
        pytest.param(
            "Shore, M. F. (2014). Marking time in the land of plenty. American Journal of "
            "Orthopsychiatry, 84(6), 611–618. https : / / doi . org / 10 . 1037 / h0100165",
            "10.1037/h0100165", id="spaced",
        ),
    ],
)  # fmt: skip
def test_a_spaced_out_doi_is_read_whole_never_cut(text: str, doi: str) -> None:
    assert parse_reference(text).doi == doi
