"""A ``.bbl`` item whose title sentence also prints its date: a preprint's "Title, Month Year."
(icml2024's and iclr2024's natbib styles for an arXiv @misc) and a web page's italic title then its
year and the day it was visited ("\\emph{Title}, 2020 (accessed July 22, 2020).", the Eurographics
style, which prints ":" for the names of a work without authors). The date is no part of the
title, and the empty name list names no one.

The items are real ones: TerryTong-Git/Bayesian_Tool_Use and behroozazarkhalili/iclr2024
(example_paper.bbl, iclr2024_conference.bbl), karina-rodriguez/gch2020.SurveyMemInstitutions
(EGauthorGuidelines-GCH2020-sub.bbl), NOAA-OCM/SWMPr's paper (swmpr_manu.bbl).
"""

from __future__ import annotations

import pytest
from bibnorm.readers.bbl import read_bbl
from misreadings import misread


@pytest.mark.parametrize(
    ("item", "title", "first_author", "year"),
    [
        pytest.param(
            "Graves, A., Wayne, G., and Danihelka, I.\n\\newblock Neural {Turing}"
            " {Machines}, December 2014.\n"
            "\\newblock URL \\url{http://arxiv.org/abs/1410.5401}.\n\\newblock arXiv:1410.5401 [cs].",
            "Neural Turing Machines",
            "Graves, A.",
            2014,
            id="month-year-after-the-title",
        ),
        pytest.param(
            "S{\\'e}bastien Bubeck.\n\\newblock Convex Optimization: Algorithms and"
            " Complexity, November 2015.\n"
            "\\newblock URL \\url{http://arxiv.org/abs/1405.4980}.",
            "Convex Optimization: Algorithms and Complexity",
            "Sébastien Bubeck",
            2015,
            id="month-year-after-a-title-with-a-colon",
        ),
        pytest.param(
            "S{\\'e}bastien Bubeck.\n\\newblock Convex {{Optimization}}: {{Algorithms}} and {{Complexity}}, "
            "November\n  2015.\n\\newblock Comment: A previous version of the manuscript was titled "
            '"Theory of\n  Convex Optimization for Machine Learning".',
            "Convex Optimization: Algorithms and Complexity",
            "Sébastien Bubeck",
            2015,
            id="month-year-the-tagger-reads-as-title",
        ),
        pytest.param(
            "Shen, Z.\n\\newblock {LLM} {With} {Tools}: {A} {Survey}, September 2024.\n"
            "\\newblock URL \\url{http://arxiv.org/abs/2409.18807}.",
            "LLM With Tools: A Survey",
            "Shen, Z.",
            2024,
            id="month-year-after-a-braced-title",
        ),
        pytest.param(
            "\\textsc{Jones A.}:\n\\newblock \\emph{Empathetic Audience Engagement During"
            " The Apocalypse}, 2020\n"
            "  (accessed July 22, 2020).\n\\newblock\n "
            " \\httpAddr{//www.peakexperiencelab.com/blog/2020/3/25/x}.",
            "Empathetic Audience Engagement During The Apocalypse",
            "Jones, A.",
            2020,
            id="italic-title-year-and-visit",
        ),
        pytest.param(
            "\\textsc{{international council of museums}}:\n\\newblock \\emph{UStatement on"
            " the necessity for "
            "relief funds for museums during\n  the COVID-19 crisis}, 2020 (accessed July 22, 2020).\n"
            "\\newblock\n  \\httpsAddr{//icom.museum/en/news/statement-on-the-necessity-for-relief-funds/}.",
            "UStatement on the necessity for relief funds for museums during the COVID-19 crisis",
            "international council of museums",
            2020,
            id="italic-title-year-and-visit-of-a-body",
        ),
        pytest.param(
            ":\n\\newblock \\emph{Resources for Carers}, 2020 (accessed July 22, 2020).\n"
            "\\newblock \\httpsAddr{//www.mminquarantine.com/resources-for-carers}.",
            "Resources for Carers",
            None,
            2020,
            id="empty-name-list-names-no-one",
        ),
        pytest.param(
            "\\textsc{Drotner K., Dziekan V., Parry R., {Christian Schrøder}"
            " K.}:\n\\newblock \\emph{The Routledge "
            "Handbook of Museums, Media and Communication}.\n\\newblock Routledge"
            " International Handbooks, 2019.",
            "The Routledge Handbook of Museums, Media and Communication",
            "Drotner, K.",
            2019,
            id="italic-title-alone-in-its-sentence",
        ),
    ],
)
def test_the_date_in_a_title_s_sentence_is_not_the_title_s(
    item: str, title: str, first_author: str | None, year: int
) -> None:
    bbl = f"\\begin{{thebibliography}}{{9}}\n\\bibitem{{key}}\n{item}\n\n\\end{{thebibliography}}\n"
    [query] = read_bbl(bbl, "paper.bbl")
    assert (query.title, next(iter(query.authors), None), query.year) == (title, first_author, year)


@misread("a lower-case date ('november 17,') after a title: the network reads it into the title")
def test_a_title_s_sentence_ending_in_a_full_date_and_its_year_again_ends_before_them() -> None:
    """(The month's day and two years the tagger reads at the title's end: the reading once looped
    on them for ever.)"""
    item = (
        "{System-Wide Monitoring Program Data Analysis Training}.\n\\newblock Swmp data analysis training "
        "workshop provided at the 2014 nerrs/nerra\n  annual meeting, november 17, 2014, 2014.\n"
        "\\newblock \\url{http://copepod.org/nerrs-swmp-workshop/}."
    )
    bbl = f"\\begin{{thebibliography}}{{9}}\n\\bibitem{{SWMP14}}\n{item}\n\n\\end{{thebibliography}}\n"
    [query] = read_bbl(bbl, "swmpr_manu.bbl")
    assert (query.title, query.year) == (
        "Swmp data analysis training workshop provided at the 2014 nerrs/nerra annual meeting",
        2014,
    )
