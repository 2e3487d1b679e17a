"""Camera-ready, round three: the proceedings' editors where the publisher gives
them. Crossref deposits a proceedings paper's volume editors as ``editor`` (same shape as
``author``); the record below is U-Net's (MICCAI 2015, LNCS 9351), whose volume Navab,
Hornegger, Wells and Frangi edited.
"""

from __future__ import annotations

from pathlib import Path

from bibnorm.config import Settings
from bibnorm.models import Candidate, Identifiers, PartialDate, Person, Reference
from bibnorm.resolve.merge import merge_reference
from bibnorm.resolvers.crossref import SEARCH_FIELDS, work_to_reference
from bibnorm.writers import WriterOptions, get_writer
from clients import need, run
from test_book_series import AUTHORS, DOI, LNCS, MICCAI_VOLUME, TITLE, arxiv_primary, crossref_chapter

EDITORS = [
    {"given": "Nassir", "family": "Navab", "sequence": "first", "affiliation": []},
    {"given": "Joachim", "family": "Hornegger", "sequence": "additional", "affiliation": []},
]


def test_crossref_gives_a_proceedings_paper_its_volumes_editors() -> None:
    reference = work_to_reference(crossref_chapter([LNCS, MICCAI_VOLUME], editor=EDITORS))
    assert reference is not None
    assert reference.editors == (
        Person(given="Nassir", family="Navab"),
        Person(given="Joachim", family="Hornegger"),
    )
    assert reference.provenance["editors"] == "crossref"
    text = get_writer("bibtex").write([("k", reference)], WriterOptions())
    assert "editor    = {Navab, Nassir and Hornegger, Joachim}," in text


def test_a_journal_article_carries_no_editors() -> None:
    work = crossref_chapter([LNCS, MICCAI_VOLUME], editor=EDITORS, type="journal-article")
    work["container-title"] = ["Nature Machine Intelligence"]
    reference = work_to_reference(work)
    assert reference is not None and reference.entry_type == "article" and reference.editors == ()


def test_crossref_is_asked_for_the_editors() -> None:
    assert "editor" in SEARCH_FIELDS.split(",")


def test_dblps_record_takes_the_editors_and_publisher_crossref_gives_for_the_same_doi() -> None:
    crossref = work_to_reference(crossref_chapter([LNCS, MICCAI_VOLUME], editor=EDITORS))
    assert crossref is not None
    dblp = Reference(
        title=TITLE,
        authors=AUTHORS,
        issued=PartialDate(year=2015),
        entry_type="inproceedings",
        venue="MICCAI (3)",
        pages="234--241",
        ids=Identifiers(doi=DOI, dblp="conf/miccai/RonnebergerFB15"),
    )
    companions = [
        Candidate(source="dblp", reference=dblp, by_identifier=True),
        Candidate(source="crossref", reference=crossref, by_identifier=True),
    ]
    merged = merge_reference(arxiv_primary(), companions, Settings())
    assert merged.provenance["venue"] == "dblp"  # dblp owns the venue; Crossref fills what it lacks
    assert merged.editors == crossref.editors and merged.provenance["editors"] == "crossref"
    assert merged.publisher == "Springer International Publishing"


def test_the_publishers_city_is_the_proceedings_address_acm_asks_for(tmp_path: Path) -> None:
    work = crossref_chapter([LNCS, MICCAI_VOLUME], **{"publisher-location": "Cham"})
    reference = work_to_reference(work)
    assert reference is not None and reference.address == "Cham"
    assert "publisher-location" in SEARCH_FIELDS.split(",")
    bib = get_writer("bibtex").write([("k", reference)], WriterOptions(bst="ACM-Reference-Format"))
    assert "address   = {Cham}," in bib
    assert "location  = {Cham}," in get_writer("biblatex").write([("k", reference)], WriterOptions())
    need("bibtex")
    (tmp_path / "refs.bib").write_text(bib, encoding="utf-8")
    (tmp_path / "doc.aux").write_text(
        "\\citation{*}\n\\bibstyle{ACM-Reference-Format}\n\\bibdata{refs}\n", "utf-8"
    )
    result = run(["bibtex", "doc"], tmp_path)
    assert result.returncode == 0 and "Warning--" not in result.stdout, result.stdout
