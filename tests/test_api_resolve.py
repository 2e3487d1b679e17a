"""The library the resolve, tex, index and cache commands are built on: it prints nothing,
refuses a bad job before reading anything, and gives what the commands give.

Offline, against an index of the bundled demo snapshot (fixtures/demo/); the examples of
docs/api.md (tests/test_docs_api.py) cover each function's results.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import bibnorm
import pytest
from bibnorm.errors import BibnormError
from paths import FIXTURES


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> bibnorm.Settings:
    """A folder with the demo page and an index of the demo snapshot; offline settings for it."""
    shutil.copy(FIXTURES / "demo" / "hf-page.txt", tmp_path / "hf-page.txt")
    monkeypatch.chdir(tmp_path)
    plan = bibnorm.plan_index([FIXTURES / "demo" / "snapshot.jsonl"], output=tmp_path / "snapshot.sqlite")
    bibnorm.build_index(plan, jobs=1)
    return bibnorm.load_settings(
        {"offline": True, "snapshot": tmp_path / "snapshot.sqlite", "cache_dir": tmp_path / "cache"}
    )


def test_a_whole_run_prints_nothing(demo: bibnorm.Settings, capfd: pytest.CaptureFixture[str]) -> None:
    heard: list[str] = []
    job = bibnorm.ResolveJob(inputs=("hf-page.txt",), output="refs.bib", report_path="report.json")
    run = bibnorm.resolve_files(bibnorm.plan_resolve(job, demo), notify=heard.append)
    Path("paper.tex").write_text("\\cite{2403.07392}\\cite{nobody2099}\n\\bibliography{paper}\n")
    done = bibnorm.tex(Path("paper.tex"), settings=demo)
    bibnorm.cache_info(demo)

    assert capfd.readouterr() == ("", "")  # what the user hears is data: notify, results
    assert run.result.summary()["resolved"] == 44 and Path("refs.bib").read_text() == run.text
    assert done.added == ("2403.07392",) and [d.key for d in done.unresolved] == ["nobody2099"]


@pytest.mark.parametrize(
    ("job", "message"),
    [
        pytest.param(
            {"output": "hf-page.txt"},
            "-o/--output hf-page.txt is also an input",
            id="the-output-is-an-input",
        ),
        pytest.param(
            {"report_on_stdout": True, "output": "refs.bib"},
            "--json prints the report on stdout; use --report PATH together with -o",
            id="the-report-on-stdout-and-a-file-output",
        ),
    ],
)
def test_a_job_that_cannot_run_is_refused_before_anything_is_read_or_written(
    demo: bibnorm.Settings, job: dict[str, object], message: str
) -> None:
    before = sorted(path.name for path in Path().iterdir())
    with pytest.raises(BibnormError) as refused:
        bibnorm.plan_resolve(bibnorm.ResolveJob(inputs=("hf-page.txt",), **job), demo)
    assert message in str(refused.value) and "\n" not in str(refused.value)
    assert sorted(path.name for path in Path().iterdir()) == before


def test_one_opening_of_the_sources_serves_several_calls(demo: bibnorm.Settings) -> None:
    queries = bibnorm.read(["hf-page.txt"])
    with bibnorm.open_sources(demo) as sources:
        first = bibnorm.resolve_queries(queries[:2], sources=sources, settings=demo)
        second = bibnorm.resolve_queries(queries[2:4], sources=sources, settings=demo)
    assert [r.query.index for r in (*first.resolutions, *second.resolutions)] == [0, 1, 2, 3]
    assert first.all_resolved and second.all_resolved


def test_one_path_alone_is_one_input_not_its_characters(demo: bibnorm.Settings) -> None:
    Path("refs.bib").write_text(PUBLISHED_ENTRY, encoding="utf-8")
    assert bibnorm.read("hf-page.txt") == bibnorm.read([Path("hf-page.txt")])
    assert bibnorm.check("refs.bib", demo).files == ("refs.bib",)
    one = bibnorm.verify_references("refs.bib", settings=demo)
    assert [(verdict.key, verdict.path) for verdict in one.outcome.verdicts] == [("vltseg", "refs.bib")]


def test_write_gives_what_resolve_files_writes(demo: bibnorm.Settings) -> None:
    job = bibnorm.ResolveJob(inputs=("hf-page.txt",), output="refs.json")
    run = bibnorm.resolve_files(bibnorm.plan_resolve(job, demo))
    assert bibnorm.write(run.result.resolutions, format="csl-json", settings=demo) == run.text


# A .bib entry cites a paper as published: resolved offline to its arXiv record alone (no source of
# the publication answers), it stays published as the entry gives it, never becomes a preprint.
PUBLISHED_ENTRY = """@article{vltseg,
  title   = {VLTSeg: Simple Transfer of CLIP-Based Vision-Language Representations for
             Domain Generalized Semantic Segmentation},
  author  = {H{\\"u}mmer, Christoph and Schwonberg, Manuel},
  journal = {Pattern Recognition},
  volume  = {160},
  number  = {3},
  pages   = {111154},
  year    = {2025},
  doi     = {10.1016/j.patcog.2024.111154},
  eprint  = {2312.02021},
}
"""
# Google Scholar's "journal" of a preprint names no publication
SCHOLARS_ENTRY = """@article{vltseg-scholar,
  title   = {VLTSeg: Simple Transfer of CLIP-Based Vision-Language Representations for
             Domain Generalized Semantic Segmentation},
  author  = {H{\\"u}mmer, Christoph},
  journal = {arXiv preprint arXiv:2312.02021},
  year    = {2023},
}
"""


def test_a_bib_entry_cited_as_published_stays_published_where_no_source_names_the_publication(
    demo: bibnorm.Settings,
) -> None:
    Path("refs.bib").write_text(PUBLISHED_ENTRY, encoding="utf-8")
    Path("scholar.bib").write_text(SCHOLARS_ENTRY, encoding="utf-8")
    ((_, published),) = bibnorm.resolve_files(
        bibnorm.plan_resolve(bibnorm.ResolveJob(inputs=("refs.bib",)), demo)
    ).result.entries()
    ((_, scholar),) = bibnorm.resolve_files(
        bibnorm.plan_resolve(bibnorm.ResolveJob(inputs=("scholar.bib",)), demo)
    ).result.entries()
    assert (published.entry_type, published.venue, published.volume, published.number, published.pages) == (
        "article",
        "Pattern Recognition",
        "160",
        "3",
        "111154",
    )
    assert (published.ids.doi, published.ids.arxiv_id, published.issued.year) == (
        "10.1016/j.patcog.2024.111154",
        "2312.02021",
        2025,
    )
    assert published.provenance["venue"] == "input"
    assert (scholar.entry_type, scholar.venue) == ("preprint", None)  # the arXiv record stands


# The same publication as a Zotero CSL-JSON item and as an RIS record
VLTSEG_TITLE = (
    "VLTSeg: Simple Transfer of CLIP-Based Vision-Language Representations for Domain Generalized "
    "Semantic Segmentation"
)
PUBLISHED_CSL_ITEM = json.dumps(
    [
        {
            "id": "vltseg",
            "type": "article-journal",
            "title": VLTSEG_TITLE,
            "author": [
                {"family": "Hümmer", "given": "Christoph"},
                {"family": "Schwonberg", "given": "Manuel"},
            ],
            "container-title": "Pattern Recognition",
            "volume": "160",
            "issue": "3",
            "page": "111154",
            "issued": {"date-parts": [[2025]]},
            "DOI": "10.1016/j.patcog.2024.111154",
            "URL": "https://arxiv.org/abs/2312.02021",
        }
    ]
)
PUBLISHED_RIS_RECORD = "\n".join(
    [
        "TY  - JOUR",
        f"TI  - {VLTSEG_TITLE}",
        "AU  - Hümmer, Christoph",
        "AU  - Schwonberg, Manuel",
        "T2  - Pattern Recognition",
        "VL  - 160",
        "IS  - 3",
        "SP  - 111154",
        "PY  - 2025",
        "DO  - 10.1016/j.patcog.2024.111154",
        "UR  - https://arxiv.org/abs/2312.02021",
        "ER  - ",
        "",
    ]
)


@pytest.mark.parametrize(
    ("name", "text"), [("refs.json", PUBLISHED_CSL_ITEM), ("refs.ris", PUBLISHED_RIS_RECORD)]
)
def test_an_exports_item_cited_as_published_stays_published_where_no_source_names_the_publication(
    demo: bibnorm.Settings, name: str, text: str
) -> None:
    Path(name).write_text(text, encoding="utf-8")
    ((_, published),) = bibnorm.resolve_files(
        bibnorm.plan_resolve(bibnorm.ResolveJob(inputs=(name,)), demo)
    ).result.entries()
    numbers = (published.entry_type, published.venue, published.volume, published.number, published.pages)
    assert numbers == ("article", "Pattern Recognition", "160", "3", "111154")
    assert (published.ids.doi, published.ids.arxiv_id) == ("10.1016/j.patcog.2024.111154", "2312.02021")
    assert published.provenance["venue"] == "input"


UNRESOLVABLE_ENTRY = """@book{knuth1984,
  title     = {The {\\TeX}book},
  author    = {Knuth, Donald E.},
  publisher = {Addison-Wesley},
  year      = {1984},
}
"""


UNTITLED_ENTRY = "@misc{untitled, author = {Knuth, Donald E.}, year = {1984}}\n"


def test_a_bib_entry_that_does_not_resolve_is_written_in_another_format_as_the_entry_gives_it(
    demo: bibnorm.Settings,
) -> None:
    Path("refs.bib").write_text(PUBLISHED_ENTRY + UNRESOLVABLE_ENTRY, encoding="utf-8")
    job = bibnorm.ResolveJob(inputs=("refs.bib",), output="refs.json", output_format="csl-json")
    run = bibnorm.resolve_files(bibnorm.plan_resolve(job, demo))
    resolved, book = json.loads(Path("refs.json").read_text(encoding="utf-8"))
    assert resolved["container-title"] == "Pattern Recognition"
    assert book == {
        "id": "knuth1984",
        "citation-key": "knuth1984",
        "type": "book",
        "title": 'The <span class="nocase">TeXbook</span>',
        "author": [{"family": "Knuth", "given": "Donald E."}],
        "issued": {"date-parts": [[1984]]},
        "publisher": "Addison-Wesley",
    }
    assert (run.as_given, run.left_out) == (1, 0)


def test_entries_another_format_leaves_out_are_counted_and_said_with_quiet_too(
    demo: bibnorm.Settings,
) -> None:
    from bibnorm.cli import main
    from click.testing import CliRunner

    Path("refs.bib").write_text(PUBLISHED_ENTRY + UNRESOLVABLE_ENTRY + UNTITLED_ENTRY, encoding="utf-8")
    job = bibnorm.ResolveJob(inputs=("refs.bib",), output="refs.json", output_format="csl-json")
    assert bibnorm.resolve_files(bibnorm.plan_resolve(job, demo)).left_out == 1  # no title to write
    as_bib = bibnorm.ResolveJob(inputs=("refs.bib",), output="out.bib")
    assert bibnorm.resolve_files(bibnorm.plan_resolve(as_bib, demo)).left_out == 0  # a .bib keeps it
    index = ["--offline", "--snapshot", str(demo.snapshot), "--cache-dir", "cache"]
    result = CliRunner().invoke(
        main, ["resolve", "-q", *index, "refs.bib", "-f", "hayagriva", "-o", "refs.yml"]
    )
    lines = result.stderr.splitlines()
    assert (
        "bibnorm: note: 1 item that did not resolve is in the hayagriva output as its input gives "
        "it (not looked up; listed above and in --report)"
    ) in lines
    assert (
        "bibnorm: warning: 1 .bib entry that did not resolve is not in the hayagriva output "
        "(a .bib output keeps them)"
    ) in lines


def test_a_csl_json_item_keeps_the_fields_bibnorm_does_not_write(demo: bibnorm.Settings) -> None:
    (item,) = json.loads(PUBLISHED_CSL_ITEM)
    kept = {"abstract": "We transfer CLIP.", "keyword": "segmentation", "ISSN": "0031-3203"}
    Path("refs.json").write_text(json.dumps([item | kept | {"title-short": "VLTSeg"}]), encoding="utf-8")
    job = bibnorm.ResolveJob(inputs=("refs.json",), output="out.json")
    bibnorm.resolve_files(bibnorm.plan_resolve(job, demo))
    (written,) = json.loads(Path("out.json").read_text(encoding="utf-8"))
    assert {name: written.get(name) for name in kept} == kept  # the user's, after bibnorm's own
    assert written["container-title"] == "Pattern Recognition" and "title-short" in written


def test_an_exports_items_no_output_holds_are_counted_and_said_with_quiet_too(demo: bibnorm.Settings) -> None:
    from bibnorm.cli import main
    from click.testing import CliRunner

    book = {"id": "knuth1984", "type": "book", "title": "The TeXbook", "author": [{"family": "Knuth"}]}
    untitled = {"id": "untitled", "type": "book", "author": [{"family": "Knuth"}]}
    items = [*json.loads(PUBLISHED_CSL_ITEM), book, untitled]
    Path("refs.json").write_text(json.dumps(items), encoding="utf-8")
    for output, as_given, left_out in (("out.bib", 1, 1), ("out.json", 0, 0)):  # CSL-JSON keeps both
        job = bibnorm.ResolveJob(inputs=("refs.json",), output=output)
        run = bibnorm.resolve_files(bibnorm.plan_resolve(job, demo))
        assert (run.as_given, run.exports_left_out) == (as_given, left_out)
    index = ["--offline", "--snapshot", str(demo.snapshot), "--cache-dir", "cache"]
    result = CliRunner().invoke(main, ["resolve", "-q", *index, "refs.json", "-o", "out.ris"])
    assert (
        "bibnorm: warning: 1 item of the CSL-JSON, RIS or Zotero input that did not resolve is not in "
        "the ris output (listed above and in --report)"
    ) in result.stderr.splitlines()


@pytest.mark.parametrize(
    ("entry", "venue"),
    [
        pytest.param("@article{k, title={T}, journal={Nature}, year=2017}", "Nature", id="bibtex-journal"),
        pytest.param(
            "@article{k, title={T}, journaltitle={Nature}, date={2017-08}}", "Nature", id="biblatex"
        ),
        pytest.param(
            "@inproceedings{k, title={T}, booktitle={Proc. CVPR}, year=2022}", "Proc. CVPR", id="proceedings"
        ),
        pytest.param(
            "@article{k, title={T}, journal={arXiv preprint arXiv:1705.01480}}", None, id="scholars-preprint"
        ),
        pytest.param("@misc{k, title={T}, howpublished={Nature}}", None, id="no-publication-type"),
    ],
)
def test_the_publication_a_bib_entry_gives(entry: str, venue: str | None) -> None:
    from bibnorm.readers.bib import read_bib

    (query,) = read_bib(entry, "refs.bib")
    assert (query.published.venue if query.published else None) == venue


BOOK_CSL_ITEM = {
    "id": "knuth1984",
    "type": "book",
    "title": "The TeXbook",
    "author": [{"family": "Knuth", "given": "Donald E."}],
    "publisher": "Addison-Wesley",
    "issued": {"date-parts": [[1984]]},
    "note": "shelf 3",
}


def test_a_csl_json_items_that_do_not_resolve_stay_in_a_csl_json_output_as_they_were_in_their_places(
    demo: bibnorm.Settings,
) -> None:
    (published,) = json.loads(PUBLISHED_CSL_ITEM)
    Path("refs.json").write_text(json.dumps([BOOK_CSL_ITEM, published]), encoding="utf-8")
    job = bibnorm.ResolveJob(inputs=("refs.json",), output="out.json")
    run = bibnorm.resolve_files(bibnorm.plan_resolve(job, demo))
    book, resolved = json.loads(Path("out.json").read_text(encoding="utf-8"))
    assert book == BOOK_CSL_ITEM  # the user's record, every field as it was
    assert resolved["id"] == "vltseg" and resolved["container-title"] == "Pattern Recognition"
    assert run.exports_left_out == 0


BOOK_RIS_RECORD = "\n".join(
    [
        "TY  - BOOK",
        "ID  - knuth1984",
        "TI  - The TeXbook",
        "AU  - Knuth, Donald E.",
        "PY  - 1984",
        "PB  - Addison-Wesley",
        "ER  - ",
        "",
    ]
)


def test_a_ris_inputs_records_stay_in_a_ris_output_in_their_places_with_the_users_own_tags(
    demo: bibnorm.Settings,
) -> None:
    own = ["KW  - segmentation", "AB  - We transfer CLIP", "      to driving scenes."]
    published = PUBLISHED_RIS_RECORD.replace("ER  - ", "\n".join([*own, "ER  - "]))
    Path("refs.ris").write_text(f"{BOOK_RIS_RECORD}\n{published}", encoding="utf-8")
    job = bibnorm.ResolveJob(inputs=("refs.ris",), output="out.ris")
    run = bibnorm.resolve_files(bibnorm.plan_resolve(job, demo))
    book, resolved = Path("out.ris").read_text(encoding="utf-8").split("\n\n")
    assert f"{book}\n" == BOOK_RIS_RECORD  # as it was, line for line
    lines = resolved.splitlines()
    assert "T2  - Pattern Recognition" in lines and "ID  - vltseg" not in lines  # bibnorm's record
    assert lines[-4:] == [*own, "ER  - "]  # then the user's tags bibnorm does not write
    assert lines.count("TI  - " + VLTSEG_TITLE) == 1 and run.exports_left_out == 0


def test_an_exports_record_that_does_not_resolve_is_written_in_another_format_in_its_place(
    demo: bibnorm.Settings,
) -> None:
    Path("refs.ris").write_text(f"{BOOK_RIS_RECORD}\n{PUBLISHED_RIS_RECORD}", encoding="utf-8")
    job = bibnorm.ResolveJob(inputs=("refs.ris",), output="out.json")
    run = bibnorm.resolve_files(bibnorm.plan_resolve(job, demo))
    book, resolved = json.loads(Path("out.json").read_text(encoding="utf-8"))
    assert (book["type"], book["publisher"], book["author"]) == (
        "book",
        "Addison-Wesley",
        [{"family": "Knuth", "given": "Donald E."}],
    )
    assert resolved["container-title"] == "Pattern Recognition"
    assert (run.as_given, run.exports_left_out) == (1, 0)


def test_an_earlier_outputs_entry_naming_a_doi_the_record_lacks_is_kept_over_the_record(
    demo: bibnorm.Settings,
) -> None:
    # an earlier run resolved the book (its DOI): this run, offline, cannot; the entry stays
    earlier = (
        "@book{knuth84,\n  title = {The {TeX}book},\n  author = {Knuth, Donald E.},\n"
        "  doi = {10.5555/1102013},\n}\n"
    )
    Path("out.bib").write_text(earlier, encoding="utf-8")
    Path("refs.ris").write_text(f"{BOOK_RIS_RECORD}\n{PUBLISHED_RIS_RECORD}", encoding="utf-8")
    job = bibnorm.ResolveJob(inputs=("refs.ris",), output="out.bib")
    run = bibnorm.resolve_files(bibnorm.plan_resolve(job, demo))
    written = Path("out.bib").read_text(encoding="utf-8")
    assert written.startswith(earlier.strip()) and "knuth1984" not in written
    assert run.as_given == 0


def test_an_earlier_outputs_entry_naming_nothing_more_gives_way_to_the_record_as_it_is_now(
    demo: bibnorm.Settings,
) -> None:
    # a record an earlier run wrote as given, since edited in the user's library
    Path("refs.ris").write_text(f"{BOOK_RIS_RECORD}\n{PUBLISHED_RIS_RECORD}", encoding="utf-8")
    job = bibnorm.ResolveJob(inputs=("refs.ris",), output="out.bib")
    bibnorm.resolve_files(bibnorm.plan_resolve(job, demo))
    edited = BOOK_RIS_RECORD.replace("PB  - Addison-Wesley", "PB  - Addison-Wesley Professional")
    Path("refs.ris").write_text(f"{edited}\n{PUBLISHED_RIS_RECORD}", encoding="utf-8")
    run = bibnorm.resolve_files(bibnorm.plan_resolve(job, demo))
    written = Path("out.bib").read_text(encoding="utf-8")
    assert "Addison-Wesley Professional" in written and written.count("@book{") == 1
    assert run.as_given == 1


def test_an_item_repeating_another_that_does_not_resolve_is_written_again_under_its_own_key(
    demo: bibnorm.Settings,
) -> None:
    again = BOOK_CSL_ITEM | {"id": "knuthTeXbook"}
    Path("refs.json").write_text(json.dumps([BOOK_CSL_ITEM, again, BOOK_CSL_ITEM]), encoding="utf-8")
    job = bibnorm.ResolveJob(inputs=("refs.json", "hf-page.txt"), output="out.bib")
    run = bibnorm.resolve_files(bibnorm.plan_resolve(job, demo))
    keys = [line.split("{")[1].rstrip(",") for line in run.text.splitlines() if line.startswith("@book")]
    assert keys == ["knuth1984", "knuthTeXbook"]  # the third, under the first's key, is written once


def test_a_record_never_takes_the_key_of_an_entry_a_bib_output_keeps(demo: bibnorm.Settings) -> None:
    Path("refs.bib").write_text(UNRESOLVABLE_ENTRY, encoding="utf-8")
    metafont = BOOK_CSL_ITEM | {"title": "The METAFONTbook", "issued": {"date-parts": [[1986]]}}
    Path("more.json").write_text(json.dumps([metafont]), encoding="utf-8")
    job = bibnorm.ResolveJob(inputs=("refs.bib", "more.json", "hf-page.txt"), output="out.bib")
    run = bibnorm.resolve_files(bibnorm.plan_resolve(job, demo))
    keys = [line.split("{")[1].rstrip(",") for line in run.text.splitlines() if line.startswith("@book")]
    assert keys[0] == "knuth1984" and len(keys) == 2 and keys[1] != "knuth1984"  # both books, two keys


def test_a_record_never_takes_a_key_that_differs_from_a_kept_one_only_in_case(demo: bibnorm.Settings) -> None:
    # BibTeX tells keys apart ignoring case: "Knuth1984" beside "knuth1984" is a repeated entry
    Path("refs.bib").write_text(UNRESOLVABLE_ENTRY, encoding="utf-8")
    metafont = BOOK_CSL_ITEM | {"id": "Knuth1984", "title": "The METAFONTbook"}
    Path("more.json").write_text(json.dumps([metafont]), encoding="utf-8")
    job = bibnorm.ResolveJob(inputs=("refs.bib", "more.json", "hf-page.txt"), output="out.bib")
    run = bibnorm.resolve_files(bibnorm.plan_resolve(job, demo))
    keys = [line.split("{")[1].rstrip(",") for line in run.text.splitlines() if line.startswith("@book")]
    assert len({key.casefold() for key in keys}) == len(keys) == 2
