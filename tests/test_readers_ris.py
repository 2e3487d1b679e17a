"""Specification of the RIS reader (bibnorm.readers.ris) on rispy's own RIS fixtures.

The four files (shared/reference/formats/csl-yaml-and-ris, see its PROVENANCE.md) are what RIS
looks like in the wild: a UTF-8 BOM and EndNote's spelled-out type, record numbers before ``TY``,
values continued on lines without a tag, and ``UR`` given once, repeated, or ``;``-separated.
The expected values are read off the files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bibnorm.errors import InputError
from bibnorm.readers import READERS, detect_format
from bibnorm.readers.ris import READER, read_ris, ris_record_texts
from paths import REFERENCE

RIS_SAMPLES = REFERENCE / "formats" / "csl-yaml-and-ris"


def sample(name: str) -> str:
    # As the file's bytes are: the BOM kept (``read_text`` of bibnorm.io would drop it).
    return (RIS_SAMPLES / f"rispy-tests-data-{name}.ris").read_bytes().decode("utf-8")


def fields(query: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(query, name) for name in names}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param(
            "example_full",
            [
                {
                    "title": "Title of reference",
                    "authors": ("Marx, Karl", "Lindgren, Astrid"),
                    "year": 2014,
                    "venue": "Lorem",
                    "key": "12345",
                    "entry_type": "article",
                    "publisher": "Fun Factory",
                    "origin_line": 2,
                },
                {
                    "title": "The title of the reference",
                    "authors": ("Marxus, Karlus", "Lindgren, Astrid"),
                    "year": 2006,
                    "venue": "Lorem",
                    "key": "12345",
                    "entry_type": "article",
                    "publisher": "Dark Factory",
                    "origin_line": 27,
                },
            ],
            id="record-numbers-before-TY",
        ),
        pytest.param(
            "example_utf_chars",
            [
                {
                    "title": None,  # no TI or T1: its only title is ST, a short title, not taken
                    "authors": (
                        "Dobrokhotova, Yu E.",
                        "Yusupova, R. O.",
                        "Ozerova, R. I.",
                        "Fayzullin, L. Z.",
                        "Karnaukhov, V. N.",
                    ),
                    "year": 2009,
                    "venue": "Gynecology, Obstetrics and Perinatology",
                    "key": None,
                    "entry_type": "article",  # TY  - Journal Article, EndNote's name for JOUR
                    "publisher": None,
                    "origin_line": 1,
                }
            ],
            id="bom-and-endnote-type",
        ),
        pytest.param(
            "example_urls",
            [
                {
                    "title": "A Mathematical Theory of Communication",
                    "authors": ("Shannon,Claude E.",),
                    "year": 1948,
                    "venue": "Bell System Technical Journal",
                    "key": None,
                    "entry_type": "article",
                    "publisher": None,
                    "origin_line": line,
                }
                for line in (1, 12, 24, 35)
            ],
            id="one-repeated-and-semicolon-urls",
        ),
        pytest.param(
            "example_multiline",
            [
                {
                    "title": None,
                    "authors": (),
                    "year": None,
                    "venue": None,
                    "key": None,
                    "entry_type": "article",
                    "publisher": None,
                    "origin_line": line,
                }
                for line in (1, 8, 17)
            ],
            id="continuation-lines-one-starting-with-ER",
        ),
    ],
)
def test_rispys_fixtures(name: str, expected: list[dict[str, Any]]) -> None:
    queries = read_ris(sample(name), "refs.ris")
    names = tuple(key for key in expected[0] if key != "origin_line")
    assert [fields(q, names) | {"origin_line": q.origin.line} for q in queries] == expected


@pytest.mark.parametrize("name", ["example_full", "example_utf_chars", "example_urls", "example_multiline"])
def test_each_fixture_is_told_to_be_ris(name: str) -> None:
    assert READER.sniff is not None and READER.sniff(sample(name))
    assert detect_format(sample(name), Path("refs.txt")) == "ris"


@pytest.mark.parametrize("name", ["example_full", "example_utf_chars", "example_urls", "example_multiline"])
def test_each_record_is_kept_as_written_one_per_item_read(name: str) -> None:
    text = sample(name)
    records = ris_record_texts(text)
    assert len(records) == len(read_ris(text, "refs.ris"))
    assert all(record.startswith("TY  -") and record.rstrip().endswith("ER  -") for record in records)
    assert all(record in text for record in records)


def test_a_record_no_er_line_ends_runs_to_the_next_record() -> None:
    text = "TY  - JOUR\nTI  - Cut off\nTY  - BOOK\nTI  - Whole\nER  - \n\nTY  - GEN\nTI  - Last"
    assert ris_record_texts(text) == [
        "TY  - JOUR\nTI  - Cut off\n",
        "TY  - BOOK\nTI  - Whole\nER  - \n",
        "TY  - GEN\nTI  - Last",
    ]


URLS_RECORD = "TY  - JOUR\nTI  - Attention Is All You Need\nAU  - Vaswani, Ashish\nPY  - 2017\n{urls}ER  -\n"


@pytest.mark.parametrize(
    "urls",
    [
        pytest.param("UR  - https://arxiv.org/abs/1706.03762\n", id="one"),
        pytest.param("UR  - http://example.com\nUR  - https://arxiv.org/abs/1706.03762\n", id="repeated"),
        pytest.param("UR  - http://example.com; https://arxiv.org/abs/1706.03762\n", id="semicolon-space"),
        pytest.param("UR  - http://example.com;https://arxiv.org/abs/1706.03762\n", id="semicolon"),
    ],
)
def test_an_arxiv_url_is_found_in_every_ur_form(urls: str) -> None:
    """example_urls.ris's four ``UR`` forms, with an arXiv page as the second URL."""
    (query,) = read_ris(URLS_RECORD.format(urls=urls), "refs.ris")
    assert query.arxiv_id == "1706.03762"


def test_a_date_is_the_year_when_py_is_missing() -> None:
    (query,) = read_ris("TY  - JOUR\nTI  - T\nDA  - 2009/05/01\nER  - \n", "refs.ris")
    assert query.year == 2009


@pytest.mark.parametrize(
    ("year_text", "year"),
    [
        # Hilbert's space-filling curve (Math. Ann. 38, 1891), as github:jvanhare/bibliography cites it
        ("1891", 1891),
        ("1859/11/24/", 1859),
        ("12019", None),  # four digits inside a longer number are no year
    ],
)
def test_a_year_before_1900_is_the_year(year_text: str, year: int | None) -> None:
    (query,) = read_ris(
        f"TY  - JOUR\nTI  - Ueber die stetige Abbildung\nPY  - {year_text}\nER  - \n", "refs.ris"
    )
    assert query.year == year


def test_a_csl_json_year_before_1900_is_the_year() -> None:
    item = '[{"id": "h", "type": "article-journal", "title": "T", "issued": {"date-parts": [[1891, 9]]}}]'
    (query,) = READERS["csl-json"].read(item, "refs.json")
    assert query.year == 1891


def test_a_csl_json_name_keeps_its_particles_and_suffix() -> None:
    # as Zotero and Better BibTeX export them (callumalpass/bibliography, greenelab/meta-review)
    authors = [
        {"family": "Inwagen", "given": "Peter", "non-dropping-particle": "van"},
        {"family": "Brauw", "given": "Alan", "dropping-particle": "de"},
        {"family": "Ramirez", "given": "Roman E.", "suffix": "Jr."},
    ]
    item = json.dumps([{"id": "x", "type": "book", "title": "An Essay on Free Will", "author": authors}])
    (query,) = READERS["csl-json"].read(item, "refs.json")
    assert query.authors == ("Peter van Inwagen", "Alan de Brauw", "Roman E. Ramirez Jr.")


def pandoc_ris() -> str:
    """The RIS input of pandoc's regression test 7894 (real references, three tag dialects)."""
    text = (RIS_SAMPLES / "pandoc-test-command-7894.md").read_text(encoding="utf-8")
    return text.split("% pandoc -f ris -t csljson\n", 1)[1].split("^D\n", 1)[0]


def test_pandocs_ris_test_input() -> None:
    """What pandoc's CSL JSON for the same input says (7894.md), bar the ids pandoc invents."""
    queries = read_ris(pandoc_ris(), "refs.ris")
    names = ("key", "entry_type", "title", "authors", "year", "venue")
    assert [fields(q, names) for q in queries] == [
        {
            "key": "Chang_Keisler_Model_Theory",
            "entry_type": "book",
            "title": "Model Theory",
            "authors": ("Chang, C. C.", "Keisler, H. Jerome"),
            "year": 1990,
            "venue": None,
        },
        {
            "key": None,
            "entry_type": "article",
            "title": "A Mathematical Theory of Communication",
            "authors": ("Shannon, Claude E.",),
            "year": 1948,
            "venue": "Bell System Technical Journal",  # T2
        },
        {
            "key": None,
            "entry_type": "article",
            "title": "On computable numbers, with an application to the Entscheidungsproblem",  # T1
            "authors": ("Turing, Alan Mathison",),  # A1
            "year": 1937,  # Y1
            "venue": "Proc. of London Mathematical Society",  # JO
        },
    ]


def test_a_file_cut_off_inside_its_last_record_reads_it_and_says_so() -> None:
    # the first 1,200 bytes of a real export (Logic06183/HVI_Johannesburg references.ris)
    text = (
        "TY  - JOUR\nTI  - Urban heat\nAU  - Wang, J.\nPY  - 2019\nER  - \n\n"
        "TY  - JOUR\nTI  - Increasing heat stress in urban areas\nAU  - Tuholske, C.\nAU  - Sween"
    )
    queries = read_ris(text, "refs.ris")
    assert [query.title for query in queries] == ["Urban heat", "Increasing heat stress in urban areas"]
    assert queries[1].authors == ("Tuholske, C.", "Sween")
    assert READER.describe is not None
    assert READER.describe(text, queries) == (
        "the last record (line 7) has no ER line: read to the end of the file (was it cut off?)"
    )
    assert READER.describe(text + "\nER  - \n", queries) is None


def test_another_programs_json_of_titles_is_no_csl_json() -> None:
    # cobbnathan/cold-war-finland-bibliography: "authors", "year", "resource_type" — read as
    # CSL-JSON, every name and year would be lost without a word
    item = {
        "id": "x",
        "resource_type": "book",
        "authors": [{"author_last": "Casal"}],
        "year": 2016,
        "title": "T",
    }
    with pytest.raises(InputError, match=r"refs\.json: not CSL-JSON \(.*type, author or issued"):
        READERS["csl-json"].read(json.dumps([item]), "refs.json")
    assert detect_format(json.dumps([item]), "refs.txt") != "csl-json"


@pytest.mark.parametrize(
    "doi",
    [
        '<a href="https://doi.org/10.1017/CBO9780511816338">Cambridge</a>',  # an HTML anchor
        "http://dx.doi.org.ezproxy.elon.edu/10.1017/CBO9780511816338",  # a library's proxy
        "doi:http://dx.doi.org/10.1017/CBO9780511816338",
    ],
)
def test_a_doi_field_holding_a_doi_link_gives_its_doi(doi: str) -> None:
    # as real Zotero exports hold them (the inputs trial's repro 09)
    item = {"id": "x", "type": "book", "title": "A Theory of Justice", "DOI": doi}
    (query,) = READERS["csl-json"].read(json.dumps([item]), "refs.json")
    assert query.doi == "10.1017/CBO9780511816338"


def test_an_item_without_a_title_is_never_looked_up_by_its_key() -> None:
    item = {"id": "chambersFeminism12", "type": "book", "author": [{"family": "Chambers"}]}
    (query,) = READERS["csl-json"].read(json.dumps([item]), "refs.json")
    assert (query.title, query.key) == (None, "chambersFeminism12")
