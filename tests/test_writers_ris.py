"""Specification of the RIS writer (bibnorm.writers.ris), read back by rispy and by the RIS reader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rispy
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.readers.ris import read_ris
from bibnorm.writers import WriterOptions, get_writer
from bibnorm.writers.ris import ris_name
from clients import need, run
from records import HAZARD, JOURNAL_ARTICLE, POINCARE, PUBLISHED

RIS = get_writer("ris")
PROCEEDINGS = Reference(
    title="Deep Residual Learning",
    authors=(Person(given="Kaiming", family="He"),),
    issued=PartialDate(year=2016, month=10),
    entry_type="inproceedings",
    venue="Computer Vision – ECCV 2016",
    series="Lecture Notes in Computer Science",
    editors=(Person(given="Bastian", family="Leibe"), Person(given="Jiri", family="Matas")),
    volume="9908",
    pages="630--645",
    publisher="Springer",
    ids=Identifiers(arxiv_id="1603.05027", doi="10.1007/978-3-319-46493-0_38"),
    code_links=("https://github.com/KaimingHe/resnet-1k-layers",),
)


def read_back(*references: tuple[str, Reference]) -> list[dict[str, object]]:
    records: list[dict[str, object]] = rispy.loads(RIS.write(list(references), WriterOptions()))
    return records


def test_preprint_record_exactly() -> None:
    assert RIS.write([("vanspengler2023poincare", POINCARE)], WriterOptions()) == (
        "TY  - UNPB\n"
        "ID  - vanspengler2023poincare\n"
        "TI  - Poincaré ResNet\n"
        "AU  - van Spengler, Max\n"
        "AU  - King, Martin Luther, Jr.\n"
        "AU  - H1 Collaboration\n"
        "PY  - 2023\n"
        "DA  - 2023/03//\n"  # RIS's YYYY/MM/DD/other, every slash written
        "PB  - arXiv\n"
        "DO  - 10.48550/arXiv.2303.14027\n"
        "UR  - https://arxiv.org/abs/2303.14027\n"
        "UR  - https://github.com/maxvanspengler/poincare-resnet\n"
        "ER  - \n"
    )


def test_journal_article_round_trips_through_rispy() -> None:
    assert read_back(("k", JOURNAL_ARTICLE)) == [
        {
            "type_of_reference": "JOUR",
            "id": "k",
            "title": "Multi-Symmetry Ensembles",
            "authors": ["Soljačić, Marin"],
            "year": "2024",
            "date": "2024/01/05/",
            "secondary_title": "Journal of Machine Learning Research",
            "volume": "25",
            "number": "3",
            "start_page": "1",
            "end_page": "20",
            "doi": "10.5555/jmlr.2024.3",
            "urls": ["https://arxiv.org/abs/2303.02484"],
            "notes": ["arXiv:2303.02484"],
        }
    ]


def test_proceedings_paper_round_trips_through_rispy() -> None:
    assert read_back(("he2016deep", PROCEEDINGS)) == [
        {
            "type_of_reference": "CONF",
            "id": "he2016deep",
            "title": "Deep Residual Learning",
            "authors": ["He, Kaiming"],
            "secondary_authors": ["Leibe, Bastian", "Matas, Jiri"],
            "year": "2016",
            "date": "2016/10//",
            "secondary_title": "Proceedings of the European Conference on Computer Vision (ECCV)",
            "tertiary_title": "Lecture Notes in Computer Science",
            "volume": "9908",
            "start_page": "630",
            "end_page": "645",
            "publisher": "Springer",
            "doi": "10.1007/978-3-319-46493-0_38",
            "urls": ["https://arxiv.org/abs/1603.05027", "https://github.com/KaimingHe/resnet-1k-layers"],
            "notes": ["arXiv:1603.05027"],
            "unknown_tag": {"BT": ["Proceedings of the European Conference on Computer Vision (ECCV)"]},
        }
    ]


@pytest.mark.clients
def test_bibutils_imports_a_conference_paper_as_one(tmp_path: Path) -> None:
    # Debian's bibutils (ris2xml | xml2bib) makes a CPAPER record @Misc; CONF is @InProceedings,
    # its booktitle read from BT.
    need("ris2xml", "xml2bib")
    (tmp_path / "refs.ris").write_text(RIS.write([("he2016deep", PROCEEDINGS)], WriterOptions()), "utf-8")
    mods = run(["ris2xml", "refs.ris"], tmp_path)
    assert mods.returncode == 0, mods.stderr
    (tmp_path / "refs.xml").write_text(mods.stdout, "utf-8")
    bib = run(["xml2bib", "refs.xml"], tmp_path)
    assert bib.returncode == 0, bib.stderr
    assert bib.stdout.lstrip("\ufeff").startswith("@InProceedings{he2016deep,")
    fields = dict(re.findall(r'^(\w+)="(.*)",?$', bib.stdout, re.MULTILINE))
    assert (fields["title"], fields["booktitle"], fields["series"], fields["pages"]) == (
        "Deep Residual Learning",
        "Proceedings of the European Conference on Computer Vision (ECCV)",
        "Lecture Notes in Computer Science",
        "630--645",
    )


def test_hazards_come_back_as_text() -> None:
    (record,) = read_back(("hazard", HAZARD))
    # Math without a plain form stays TeX; a dollar before a digit is text.
    assert record["title"] == (
        "R&D at 50% of #1 with a_b: PanGu-π, ΔNeRF and $O(N \\log N)$ — “Quoted” {Braces} ~ ^ \\ $5"
    )
    assert record["authors"] == [
        "Kaiser, Łukasz",
        "Nguyễn, Thị",
        "Dvořák, Antonín",
        "Şahin, Uğur",
        "Großmann, Øyvind",
        "King, Martin Luther, Jr.",
        "van der Berg, Jan",
        "AI & Society Lab",
    ]
    assert record["urls"] == [
        "https://arxiv.org/abs/2311.00001",
        "https://github.com/org/repo_name#readme",
        "https://github.com/org/100%25",
    ]


@pytest.mark.parametrize(
    ("title", "written"),
    [
        pytest.param("Two\nlines  and\ttabs", "Two lines and tabs", id="whitespace-collapsed"),
        pytest.param("ER  - inside", "ER - inside", id="tag-lookalike"),
        pytest.param("Angles $\\alpha$ and $\\beta$", "Angles α and β", id="unicode-math"),
        pytest.param("Costs \\$5", "Costs $5", id="escaped-dollar"),
    ],
)
def test_awkward_titles(title: str, written: str) -> None:
    (record,) = read_back(("k", Reference(title=title, entry_type="misc")))
    assert record == {"type_of_reference": "GEN", "id": "k", "title": written}


@pytest.mark.parametrize(
    ("person", "written"),
    [
        pytest.param(Person(given="Marin", family="Soljačić"), "Soljačić, Marin", id="plain"),
        pytest.param(
            Person(given="Jan", family="Berg", particle="van der"), "van der Berg, Jan", id="particle"
        ),
        pytest.param(Person(given="Martin", family="King", suffix="Jr."), "King, Martin, Jr.", id="suffix"),
        pytest.param(Person(family="Plato"), "Plato", id="family-only"),
        pytest.param(Person(literal="AI & Society Lab, Inc."), "AI & Society Lab, Inc.", id="literal"),
    ],
)
def test_names(person: Person, written: str) -> None:
    assert ris_name(person) == written


def test_bibnorm_reads_its_own_ris_back_as_the_same_queries() -> None:
    references = [("poincare", POINCARE), ("article", JOURNAL_ARTICLE), ("published", PUBLISHED)]
    queries = read_ris(RIS.write(references, WriterOptions()), "refs.ris")
    assert [(q.key, q.title, q.arxiv_id, q.doi, q.year, q.venue, q.entry_type) for q in queries] == [
        ("poincare", "Poincaré ResNet", "2303.14027", "10.48550/arXiv.2303.14027", 2023, None, "misc"),
        (
            "article",
            "Multi-Symmetry Ensembles",
            "2303.02484",
            "10.5555/jmlr.2024.3",
            2024,
            "Journal of Machine Learning Research",
            "article",
        ),
        (
            "published",
            "Attention Is All You Need",
            "1706.03762",
            None,
            2017,
            "Advances in Neural Information Processing Systems (NIPS)",
            "inproceedings",
        ),
    ]
    assert queries[0].authors == ("van Spengler, Max", "King, Martin Luther, Jr.", "H1 Collaboration")


def test_output_is_deterministic_with_one_blank_line_between_records() -> None:
    references = [("b", JOURNAL_ARTICLE), ("a", POINCARE)]
    text = RIS.write(references, WriterOptions())
    assert text == RIS.write(references, WriterOptions())
    assert text.count("ER  - \n\nTY  - ") == 1
    assert [record["id"] for record in rispy.loads(text)] == ["b", "a"]


def test_bibnorm_reads_a_proceedings_paper_back_without_taking_editors_for_authors() -> None:
    (query,) = read_ris(RIS.write([("he2016", PROCEEDINGS)], WriterOptions()), "refs.ris")
    assert (query.key, query.entry_type, query.venue, query.authors, query.year, query.doi) == (
        "he2016",
        "inproceedings",
        "Proceedings of the European Conference on Computer Vision (ECCV)",  # one name per venue
        ("He, Kaiming",),  # A2 (the editors) is not AU
        2016,
        "10.1007/978-3-319-46493-0_38",
    )
