"""What a user's own record keeps that no source gives — a note, keywords, an abstract, the
journal's ISSN, the day its link was read (`UserFields`) — is read from every export and written
into every output format with the record's item, resolved or not; an output in the input's own
format keeps the input's fields as they were.

Every expected value is written here from the inputs' own fields; BibTeX output is read back by
bibtexparser v2 (the test oracle), RIS by rispy, CSL-JSON checked against CSL's schema.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import bibnorm
import bibtexparser
import pytest
import rispy
from bibnorm.models import Identifiers, PartialDate, Reference, UserFields
from bibnorm.readers.base import without_data_lines
from bibnorm.readers.bib import read_bib
from bibnorm.readers.csl_json import read_csl_json
from bibnorm.readers.ris import read_ris
from bibnorm.readers.zotero import read_zotero
from bibnorm.writers import WriterOptions, get_writer
from bibnorm.writers.csl_json import validate_csl
from paths import FIXTURES

MINE = UserFields(
    note="Read before the exam",
    keywords=("sorting", "algorithms"),
    abstract="We sort in place.",
    issn="0001-0782",
    accessed=PartialDate(year=2024, month=3, day=5),
)


def user_fields_of(queries: list[bibnorm.Query]) -> UserFields | None:
    (query,) = queries
    assert query.record is not None
    return query.record.user_fields


def test_a_bib_entrys_note_keywords_abstract_issn_and_urldate_are_its_users() -> None:
    entry = r"""@article{lee2020, title = {Sorting in Place}, author = {Lee, Kim},
      journal = {Communications of the ACM}, year = {2020}, note = {Read before the exam},
      keywords = {sorting; algorithms}, abstract = {We sort in place.}, issn = {0001-0782},
      urldate = {2024-03-05}, file = {/home/me/lee.pdf}}"""
    assert user_fields_of(read_bib(entry, "refs.bib")) == MINE


def test_a_csl_json_items_own_fields_are_its_users_without_zoteros_data_lines() -> None:
    item = {
        "id": "lee2020",
        "type": "article-journal",
        "title": "Sorting in Place",
        "container-title": "Communications of the ACM",
        "note": "PMID: 7235198\nRead before the exam\nCitation Key: lee2020",
        "keyword": "sorting, algorithms",
        "abstract": "We sort in place.",
        "ISSN": "0001-0782",
        "accessed": {"date-parts": [["2024", 3, 5]]},
    }
    assert user_fields_of(read_csl_json(json.dumps([item]), "refs.json")) == MINE


def test_a_ris_records_keywords_abstract_issn_and_access_date_are_its_users_and_n1_is_not() -> None:
    record = (
        "TY  - JOUR\nTI  - Sorting in Place\nAU  - Lee, Kim\nT2  - Communications of the ACM\n"
        "PY  - 2020\nSN  - 0001-0782\nKW  - sorting\nKW  - algorithms\nAB  - We sort in place.\n"
        "Y2  - 2024/03/05/\nN1  - <p>Zotero's child note: my own reading notes</p>\nER  - \n"
    )
    # Zotero reads N1 as the item's notes, the user's own and never printed
    assert user_fields_of(read_ris(record, "refs.ris")) == MINE.model_copy(update={"note": None})


def test_a_zotero_items_tags_abstract_issn_and_access_date_are_its_users() -> None:
    item = {
        "key": "ABCD1234",
        "data": {
            "key": "ABCD1234",
            "itemType": "journalArticle",
            "title": "Sorting in Place",
            "publicationTitle": "Communications of the ACM",
            "creators": [{"creatorType": "author", "lastName": "Lee", "firstName": "Kim"}],
            "date": "2020",
            "tags": [{"tag": "sorting"}, {"tag": "algorithms", "type": 1}],
            "abstractNote": "We sort in place.",
            "ISSN": "0001-0782",
            "accessDate": "2024-03-05T10:11:12Z",
        },
    }
    fields = user_fields_of(read_zotero(json.dumps([item]), "zotero:"))
    assert fields == MINE.model_copy(update={"note": None})


def test_a_note_holding_nothing_but_the_records_own_doi_is_no_note_of_the_users() -> None:
    entry = "@article{k, title = {T}, journal = {J}, year = 2020, note = {doi: 10.1000/xyz}}"
    assert user_fields_of(read_bib(entry, "refs.bib")) is None


@pytest.mark.parametrize(
    ("note", "kept"),
    [
        ("PMID: 7235198", None),
        ("original-date: 1925\nRead first", "Read first"),
        ("OCLC: 988077969", None),
        ("_eprint: https://onlinelibrary.wiley.com/doi/pdf/10.1111/x", None),
        ("Select: zotero://select/library/items/ZZG9V8JH", None),
        ("Citation Key: lee2020\ntex.ids: lee2020a, lee2020b", None),
        ('mlzsync1:0064{"extrafields":{"publisher":"Duke University Press"}}', None),
        ("00012", None),
        ("Note: see chapter 3", "Note: see chapter 3"),
        ("Tome 11 : Articles I, 1944-1949", "Tome 11 : Articles I, 1944-1949"),
        ("https://archive.org/details/thirdhour", "https://archive.org/details/thirdhour"),
        ("complaint filed Jan. 6, 2020", "complaint filed Jan. 6, 2020"),
    ],
)
def test_zoteros_data_lines_are_no_note_and_the_users_prose_stays(note: str, kept: str | None) -> None:
    assert without_data_lines(note) == kept


def mine(entry_type: str = "article") -> Reference:
    return Reference(
        title="Sorting in Place",
        entry_type=entry_type,  # type: ignore[arg-type]
        venue="Communications of the ACM",
        issued=PartialDate(year=2020),
        url="https://example.org/lee",
        user_fields=MINE,
    )


def written(fmt: str, reference: Reference | None = None) -> str:
    return get_writer(fmt).render([("lee2020", reference or mine())], WriterOptions()).text


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex"])
def test_bibtex_and_biblatex_write_the_users_fields(fmt: str) -> None:
    (entry,) = bibtexparser.parse_string(written(fmt)).entries
    fields = {f.key: f.value for f in entry.fields}
    assert (fields["note"], fields["keywords"], fields["abstract"]) == (
        "Read before the exam",
        "sorting, algorithms",
        "We sort in place.",
    )
    assert (fields["issn"], fields["urldate"]) == ("0001-0782", "2024-03-05")


def test_bibtex_writes_the_users_note_before_the_doi_a_style_without_a_doi_field_prints() -> None:
    published = mine().model_copy(update={"ids": Identifiers(doi="10.1145/1234")})
    text = get_writer("bibtex").render([("lee2020", published)], WriterOptions(doi_link="note")).text
    (entry,) = bibtexparser.parse_string(text).entries
    assert [f.value for f in entry.fields if f.key == "note"] == ["Read before the exam; doi: 10.1145/1234"]


def test_csl_json_writes_the_users_fields_in_csls_own_and_is_valid() -> None:
    items = json.loads(written("csl-json"))
    assert validate_csl(items) == []
    (item,) = items
    assert {name: item[name] for name in ("note", "keyword", "abstract", "ISSN", "accessed")} == {
        "note": "Read before the exam",
        "keyword": "sorting, algorithms",
        "abstract": "We sort in place.",
        "ISSN": "0001-0782",
        "accessed": {"date-parts": [[2024, 3, 5]]},
    }


def test_csl_yaml_writes_the_users_fields_too() -> None:
    text = written("csl-yaml")
    assert "note: Read before the exam" in text and "keyword: sorting, algorithms" in text


def test_ris_writes_the_users_fields_in_zoteros_tags_and_reads_back() -> None:
    (record,) = rispy.loads(written("ris"))
    assert (record["keywords"], record["abstract"], record["notes"]) == (
        ["sorting", "algorithms"],
        "We sort in place.",
        ["Read before the exam"],
    )
    assert (record["issn"], record["access_date"]) == ("0001-0782", "2024/03/05/")


def test_ris_keeps_a_books_isbn_in_sn_over_the_users_issn() -> None:
    book = mine("book").model_copy(update={"isbn": "978-0-201-13447-6"})
    (record,) = rispy.loads(written("ris", book))
    assert record["issn"] == "978-0-201-13447-6"


def test_hayagriva_writes_the_note_the_abstract_the_issn_and_the_links_access_date() -> None:
    import yaml

    entry = yaml.safe_load(written("hayagriva"))["lee2020"]
    assert entry["url"] == {"value": "https://example.org/lee", "date": "2024-03-05"}
    assert (entry["note"], entry["abstract"]) == ("Read before the exam", "We sort in place.")
    assert entry["serial-number"] == {"issn": "0001-0782"}


# Resolving: the demo snapshot's VLTSeg paper, as the user's own record names it
VLTSEG = (
    "VLTSeg: Simple Transfer of CLIP-Based Vision-Language Representations for Domain Generalized "
    "Semantic Segmentation"
)


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> bibnorm.Settings:
    """An index of the demo snapshot and offline settings for it, in a folder of its own."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "demo" / "snapshot.jsonl", tmp_path / "snapshot.jsonl")
    plan = bibnorm.plan_index([tmp_path / "snapshot.jsonl"], output=tmp_path / "snapshot.sqlite")
    bibnorm.build_index(plan, jobs=1)
    return bibnorm.load_settings(
        {"offline": True, "snapshot": tmp_path / "snapshot.sqlite", "cache_dir": tmp_path / "cache"}
    )


def resolve(demo: bibnorm.Settings, source: str, output: str) -> None:
    job = bibnorm.ResolveJob(inputs=(source,), output=output)
    run = bibnorm.resolve_files(bibnorm.plan_resolve(job, demo))
    assert run.result.summary()["resolved"] == 1


def test_a_resolved_bib_entrys_own_fields_go_with_it_into_csl_json(demo: bibnorm.Settings) -> None:
    Path("refs.bib").write_text(
        f"@misc{{vltseg, title = {{{VLTSEG}}}, note = {{Read first}}, keywords = {{segmentation}}}}\n",
        encoding="utf-8",
    )
    resolve(demo, "refs.bib", "out.json")
    (item,) = json.loads(Path("out.json").read_text(encoding="utf-8"))
    assert (item["URL"], item["note"], item["keyword"]) == (
        "https://arxiv.org/abs/2312.02021",  # resolved: the snapshot's record
        "Read first",
        "segmentation",
    )


def test_a_resolved_csl_json_items_note_goes_into_bibtex_and_stays_in_csl_json(
    demo: bibnorm.Settings,
) -> None:
    item = {"id": "vltseg", "type": "article", "title": VLTSEG, "note": "Read first", "keyword": "a, b"}
    Path("refs.json").write_text(json.dumps([item]), encoding="utf-8")
    resolve(demo, "refs.json", "out.bib")
    (entry,) = bibtexparser.parse_string(Path("out.bib").read_text(encoding="utf-8")).entries
    assert (entry.fields_dict["note"].value, entry.fields_dict["keywords"].value) == ("Read first", "a, b")
    resolve(demo, "refs.json", "out.json")
    (kept,) = json.loads(Path("out.json").read_text(encoding="utf-8"))
    assert (kept["note"], kept["keyword"]) == ("Read first", "a, b")  # the input's, as they were


def test_a_bib_into_a_bib_writes_each_of_the_users_fields_once(demo: bibnorm.Settings) -> None:
    Path("refs.bib").write_text(
        f"@misc{{vltseg, title = {{{VLTSEG}}}, note = {{Read first}}, keywords = {{a, b}}}}\n",
        encoding="utf-8",
    )
    resolve(demo, "refs.bib", "out.bib")
    (entry,) = bibtexparser.parse_string(Path("out.bib").read_text(encoding="utf-8")).entries
    assert [f.key for f in entry.fields].count("keywords") == 1
    assert [f.value for f in entry.fields if f.key == "note"] == ["Read first"]


def test_the_librarys_entries_and_rendered_bibliography_carry_the_users_fields(
    demo: bibnorm.Settings,
) -> None:
    # (the MCP server's resolve_references writes its resolved items so: entries_with_records_as_given)
    entry = f"@misc{{vltseg, title = {{{VLTSEG}}}, note = {{Read first}}, keywords = {{a, b}}}}\n"
    Path("refs.bib").write_text(entry, encoding="utf-8")
    with bibnorm.open_sources(demo) as sources:
        result = bibnorm.resolve_queries(bibnorm.read("refs.bib"), sources=sources, settings=demo)
    ((_, reference),) = result.entries()
    assert reference.user_fields == UserFields(note="Read first", keywords=("a", "b"))
    (item,) = json.loads(bibnorm.render(result.resolutions, format="csl-json", settings=demo).text)
    assert (item["note"], item["keyword"]) == ("Read first", "a, b")
