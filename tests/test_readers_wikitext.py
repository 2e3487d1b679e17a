"""Specification of the citation-template reader (bibnorm.readers.wikitext).

A real Wikipedia article's wikitext (fixtures/wikitext/netilmicin.wiki, PROVENANCE.md there): its
eight templates, as Wikipedia's editors wrote them inside ``<ref>`` tags, among prose, an infobox
and comments. The expected values are read off the file. Then one template a row, for what the
article does not show: numbered and listed authors, a book's chapter, links and templates inside
values, templates never closed, SPIP's form.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bibnorm.models import QueryKind
from bibnorm.readers import detect_format
from bibnorm.readers.wikitext import read_templates

ARTICLE = Path(__file__).parent.parent / "fixtures" / "wikitext" / "netilmicin.wiki"


def read_one(text: str):
    (query,) = read_templates(text, "refs.txt")
    return query


def test_an_articles_templates_are_its_items_in_order() -> None:
    queries = read_templates(ARTICLE.read_text("utf-8"), "netilmicin.wiki")
    assert [(query.title, query.origin.line) for query in queries] == [
        ("eEML - Electronic Essential Medicines List", 54),
        ("Netilmicin - brand name list from Drugs.com", 54),
        ("Netilmicin", 57),
        (
            "Netilmicin. A review of its antibacterial activity, pharmacokinetic properties and therapeutic "
            "use.",
            57,
        ),
        ("Analogue-based Drug Discovery", 60),
        ("Netilmicin", 60),
        (
            "The selection and use of essential medicines 2023: web annex A: World Health Organization model "
            "list of essential medicines: 23rd list (2023)",
            60,
        ),
        ("Netilmicin Medicinal forms", 60),
    ]


def test_a_journal_article_of_the_article() -> None:
    queries = read_templates(ARTICLE.read_text("utf-8"), "netilmicin.wiki")
    review = queries[3]
    assert review.kind is QueryKind.DOI
    assert review.doi == "10.2165/00003495-198938050-00003"
    assert review.authors == ("Campoli-Richards, DM", "Chaplin, S", "Sayce, RH", "Goa, KL")
    assert (review.year, review.venue, review.volume, review.pages) == (1989, "Drugs", "38", "703-56")
    assert review.entry_type == "article"


def test_a_book_a_web_page_and_a_group_in_vancouvers_list() -> None:
    queries = read_templates(ARTICLE.read_text("utf-8"), "netilmicin.wiki")
    book, page, list_of_medicines = queries[4], queries[2], queries[6]
    assert (book.authors, book.year, book.publisher, book.entry_type) == (
        ("Fischer, Jnos", "Ganellin, C. Robin"),
        2006,
        "John Wiley & Sons",
        "book",
    )
    # a web page's access date is no date of the work
    assert (page.year, page.venue, page.publisher, page.entry_type) == (None, "NICE", "BNF", "misc")
    assert list_of_medicines.authors == ("World Health Organization",)


def test_a_ref_tags_name_is_the_works_key() -> None:
    # "<ref name=Camp1989>{{cite journal …" and '<ref name="WHO23rd">{{cite book …'; the last
    # template stands in a <ref> without a name
    queries = read_templates(ARTICLE.read_text("utf-8"), "netilmicin.wiki")
    assert [query.key for query in queries] == [
        "Online2023",
        "Brand2023",
        "BNF2023",
        "Camp1989",
        "Fis2006",
        "SPS2020",
        "WHO23rd",
        None,
    ]


def test_a_ref_tags_name_no_bibtex_key_may_be_is_none() -> None:
    text = '<ref name="Smith 2001">{{cite book |title=A Book |year=2001}}</ref>'
    assert read_one(text).key is None


def test_the_article_is_read_as_citation_templates() -> None:
    assert detect_format(ARTICLE.read_text("utf-8")) == "wikitext"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "{{cite journal |last1=Vaswani |first1=Ashish |last2=Shazeer |first2=Noam |title=Attention Is "
            "All You Need |journal=Advances in Neural Information Processing Systems |volume=30 |year=2017 "
            "|arxiv=1706.03762}}",
            {
                "kind": QueryKind.ARXIV_ID,
                "arxiv_id": "1706.03762",
                "title": "Attention Is All You Need",
                "authors": ("Vaswani, Ashish", "Shazeer, Noam"),
                "venue": "Advances in Neural Information Processing Systems",
                "year": 2017,
            },
            id="numbered-names-and-an-arxiv-id",
        ),
        pytest.param(
            "{{Cite journal\n | last1 = Jumper\n | first1 = John\n | title = Highly accurate protein "
            "structure prediction with AlphaFold\n | journal = Nature\n | date = 2021\n | doi = "
            "10.1038/s41586-021-03819-2\n}}",
            {
                "title": "Highly accurate protein structure prediction with AlphaFold",
                "authors": ("Jumper, John",),
            },
            id="a-parameter-a-line",
        ),
        pytest.param(
            "{{Cite arXiv |last=He |first=Kaiming |eprint=1512.03385 |title=Deep Residual Learning for Image "
            "Recognition |date=10 December 2015}}",
            {"arxiv_id": "1512.03385", "authors": ("He, Kaiming",), "year": 2015, "entry_type": "misc"},
            id="cite-arxivs-eprint",
        ),
        pytest.param(
            "{{cite book |author=Donald E. Knuth |chapter=Fonts |title=The TeXbook |publisher=Addison-Wesley "
            "|year=1984}}",
            {
                "title": "Fonts",
                "venue": "The TeXbook",
                "authors": ("Donald E. Knuth",),
                "entry_type": "incollection",
            },
            id="a-books-chapter",
        ),
        pytest.param(
            "{{cite journal |vauthors=Smith AB, Jones C, ((Utah Genome Project, Inc.)) |title=''Drosophila'' "
            "genes |journal=[[Nature (journal)|Nature]] |date=May 2001}}",
            {
                "title": "Drosophila genes",
                "authors": ("Smith AB", "Jones C", "Utah Genome Project, Inc."),
                "venue": "Nature",
                "year": 2001,
            },
            id="vancouvers-list-italics-and-a-links-label",
        ),
        pytest.param(
            "{{citation |last=Lee |first=J. |title=A {{!}} B <!-- the pipe template --> tests"
            "{{sfn|Lee|2020}} "
            "|periodical=[https://example.org/j The Journal] |year=2020 |doi=10.1000/xyz123}}",
            {
                "title": "A | B tests",
                "venue": "The Journal",
                "doi": "10.1000/xyz123",
                "entry_type": "article",
            },
            id="cs2-a-pipe-template-and-an-external-links-label",
        ),
        pytest.param(
            "<cite|report |authors=Lotfollahi, M.; Wolf, F. A.; Theis, F. J. |year=2019 |title=Generative "
            "modeling of single-cell data |number=INRI/RR-19/10 |institution=INRIA >",
            {
                "title": "Generative modeling of single-cell data",
                "authors": ("Lotfollahi, M.", "Wolf, F. A.", "Theis, F. J."),
                "publisher": "INRIA",
                "entry_type": "techreport",
                "year": 2019,
            },
            id="spips-cite",
        ),
    ],
)
def test_a_templates_named_fields(text: str, expected: dict[str, object]) -> None:
    query = read_one(text)
    assert {name: getattr(query, name) for name in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Known since 1990.{{citation needed|date=May 2020}}", id="citation-needed"),
        pytest.param("{{cite Q|Q56452481}}", id="wikidatas-cite-q"),
        pytest.param("{{cite web |title=Left open |url=https://example.org", id="never-closed"),
        pytest.param("<!-- {{cite web |title=Commented out}} -->", id="in-a-comment"),
    ],
)
def test_no_item_where_no_template_names_a_work(text: str) -> None:
    assert read_templates(text, "refs.txt") == []


def test_a_template_left_open_leaves_the_next_one_read() -> None:
    text = "{{cite web |title=Left open\n{{cite book |title=Closed |year=1999}}"
    assert [query.title for query in read_templates(text, "refs.txt")] == ["Closed"]


def test_templates_left_open_cost_one_pass() -> None:
    # each "{{cite" never closed: no item, and no scan to the end of the text for each of them
    text = "{{cite web |title=x " * 50_000 + "{{cite book |title=Read |year=2001}}"
    assert [query.title for query in read_templates(text, "refs.txt")] == ["Read"]


def test_a_reference_list_with_a_template_among_its_items_stays_a_reference_list() -> None:
    text = (
        "[1] A. Vaswani, N. Shazeer. Attention is all you need. In NeurIPS, 2017.\n"
        "[2] {{cite journal |last=He |first=K. |title=Deep residual learning |year=2016}}\n"
        "[3] J. Devlin, M. Chang. BERT: Pre-training of deep bidirectional transformers. In NAACL, 2019.\n"
        "[4] T. Brown, B. Mann. Language models are few-shot learners. In NeurIPS, 2020.\n"
    )
    assert detect_format(text) == "refs"


def test_a_reference_list_without_templates_stays_a_reference_list() -> None:
    text = (
        "[1] A. Vaswani, N. Shazeer. Attention is all you need. In NeurIPS, 2017.\n"
        "[2] K. He, X. Zhang. Deep residual learning for image recognition. In CVPR, 2016.\n"
        "[3] J. Devlin, M. Chang. BERT: Pre-training of deep bidirectional transformers. In NAACL, 2019.\n"
    )
    assert detect_format(text) == "refs"
