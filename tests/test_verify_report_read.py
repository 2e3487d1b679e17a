"""The ``read`` block of each card in ``verify --html``: what was read, beside the record found.

A reviewer must see why a reference did not resolve without opening ``--json``: every card lists
the title, authors, year, venue, DOI, arXiv id and kind the reader took from the item, and the
page and line it starts at; a field read as nothing is shown as "—", never left out.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from bibnorm.models import Origin, Query, QueryKind
from bibnorm.verify.html import render_report
from bibnorm.verify.judge import Claim, EntryVerdict, Verdict
from bibnorm.verify.reading import claims_from_queries
from bibnorm.verify.run import VerifyOutcome

# A reference as the PDF reader reads it from page 7 of a paper (the raw text is the paper's own).
PDF_REFERENCE = Query(
    index=0,
    origin=Origin(path="paper.pdf", line=212, page=7),
    kind=QueryKind.TITLE,
    title="Attention is all you need",
    authors=("Ashish Vaswani", "Noam Shazeer", "others"),
    year=2017,
    venue="Advances in Neural Information Processing Systems",
    arxiv_id="1706.03762",
    entry_type="inproceedings",
    raw="[12] A. Vaswani, N. Shazeer, et al. Attention is all you need. In NeurIPS, 2017. arXiv:1706.03762",
)
# A wrapped line the reader took for an item: no title, so no claim, only its verdict.
UNREADABLE = Query(
    index=1,
    origin=Origin(path="paper.pdf", line=219, page=8),
    kind=QueryKind.TITLE,
    year=2015,
    raw="Palo Alto, CA, 2015.",
)


def _page(*verdicts: EntryVerdict) -> str:
    return render_report(
        VerifyOutcome(verdicts=list(verdicts)), files=["paper.pdf"], generated=date(2026, 11, 25)
    )


def _read_rows(page: str) -> list[dict[str, str]]:
    """Each full read block (a card without a fields table) as {label: shown text}, the origin
    under ``from``."""
    blocks = re.findall(r'<section class="read".*?<h4>Read from the input \((.*?)\)</h4><dl>(.*?)</dl>', page)
    return [
        {"from": origin}
        | {
            label: re.sub(r"<[^>]+>", "", value)
            for label, value in re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", rows)
        }
        for origin, rows in blocks
    ]


def _cited_column(page: str) -> dict[str, str]:
    """The fields table's rows as {label: the cited cell's text}."""
    rows = re.findall(r'<tr[^>]*><th scope="row">(.*?)</th><td[^>]*>(.*?)</td>', page)
    return {label: re.sub(r"<[^>]+>", "", cell) for label, cell in rows}


def test_a_pdf_reference_shows_every_field_read_and_its_page_and_line() -> None:
    claims, _ = claims_from_queries([PDF_REFERENCE], "paper.pdf")
    verdict = EntryVerdict(
        key=claims[0].key,
        path="paper.pdf",
        line=212,
        verdict=Verdict.NOT_FOUND,
        claim=claims[0],
    )
    page = _page(verdict)
    # The fields read are the table's "cited" column; the block adds origin, kind and what is missing.
    assert _cited_column(page) == {
        "title": "Attention is all you need",
        "authors": "Ashish Vaswani; Noam Shazeer; and others",
        "year": "2017",
        "venue": "Advances in Neural Information Processing Systems",
        "arXiv": "1706.03762",
    }
    assert (
        '<p class="read">Read from the input (page 7, line 212): kind inproceedings; '
        "nothing read for DOI.</p>" in page
    )


def test_an_item_that_could_not_be_claimed_still_shows_what_was_read() -> None:
    _, unclaimable = claims_from_queries([UNREADABLE], "paper.pdf")
    rows = _read_rows(_page(*unclaimable))
    assert rows == [
        {
            "from": "page 8, line 219",
            "title": "—",
            "authors": "—",
            "year": "2015",
            "venue": "—",
            "DOI": "—",
            "arXiv": "—",
            "kind": "—",
        }
    ]


@pytest.mark.parametrize(
    ("claim", "origin"),
    [
        pytest.param(
            Claim(key="k", path="refs.bib", line=4, entry_type="article", title="A <b>Bold</b> Paper"),
            "line 4",
            id="bib-entry-has-a-line-no-page",
        ),
        pytest.param(
            Claim(key="k", path="p.pdf", line=0, entry_type="misc", title="T", page=2),
            "page 2",
            id="pdf-item-without-a-line",
        ),
    ],
)
def test_the_origin_says_what_is_known_and_values_are_escaped(claim: Claim, origin: str) -> None:
    page = _page(
        EntryVerdict(key="k", path=claim.path, line=claim.line, verdict=Verdict.NOT_FOUND, claim=claim)
    )
    assert f"Read from the input ({origin}): kind " in page
    assert "<b>Bold</b>" not in page  # a title is text, never markup
