"""Training strings typeset by biblatex styles (scripts/biblatex_render.py, docs/tagger.md): the
markers biblatex prints around fields, lists, names and localisation strings become exact labels."""

from __future__ import annotations

import random
from pathlib import Path
from types import ModuleType

import pytest
from repo_scripts import script

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def make_data() -> ModuleType:
    return script("make_tagger_data")


@pytest.fixture(scope="module")
def render(make_data: ModuleType) -> ModuleType:
    return script("biblatex_render")


# Two items as `pdftotext -layout` read them from biblatex's `authoryear` style (pdflatex, biber),
# after the page's heading; the second item is longer than a line.
RECORDED = """\
References
QXOIkeXQQXONauthorXQIngelfingerQXCNauthorXQ, F. QXOSXQet al.QXCSXQ (2025). QXOFtitleXQCytoVI: \
Deep generative modeling of antibody-based single cell technologiesQXCFtitleXQ. QXOFdoiXQQXOSXQdoi\
QXCSXQ: 10.1101/2025.09.07.674699QXCFdoiXQ.
QXOIkfXQQXONauthorXQKihlstromQXCNauthorXQ, Richard E. (1974). “QXOFtitleXQA General Theory of \
Demand for Information about Product QualityQXCFtitleXQ”. QXOSXQInQXCSXQ: QXOFjournaltitleXQJournal
of Economic TheoryQXCFjournaltitleXQ QXOFvolumeXQ8QXCFvolumeXQ.QXOFnumberXQ4QXCFnumberXQ, \
QXOFpagesXQQXOSXQpp.QXCSXQ 413–439QXCFpagesXQ.
"""


def _kihlstrom(make_data: ModuleType) -> object:
    return make_data.Record(
        key="test#kihlstrom",
        kind="article-journal",
        title="A General Theory of Demand for Information about Product Quality",
        authors=[make_data.Name("Richard E.", "Kihlstrom")],
        year=1974,
        container="Journal of Economic Theory",
        volume="8",
        issue="4",
        pages="413–439",
    )


def test_each_item_is_found_by_its_key_and_a_continued_line_joins_it(render: ModuleType) -> None:
    items = render.items_of(RECORDED)
    assert list(items) == ["ke", "kf"]  # the heading holds no item marker and is left out
    assert "QXOFjournaltitleXQJournal of Economic" in items["kf"]
    assert items["kf"].endswith("413–439QXCFpagesXQ.")


def test_entry_keys_are_letters_only(render: ModuleType) -> None:
    assert [render.entry_key(number) for number in (0, 12, 305)] == ["ka", "kbc", "kdaf"]


def test_styles_are_the_trees_bbx_files_but_helpers_and_styles_whose_items_run_together(
    render: ModuleType, tmp_path: Path
) -> None:
    # `reading` prints an entry's heading on a line before its item: read as the end of the item
    # before it, it labelled the next entry's names after a year.
    for name in ("authoryear", "gost-numeric", "standard", "reading"):
        bbx = tmp_path / "tex" / "latex" / name.partition("-")[0] / f"{name}.bbx"
        bbx.parent.mkdir(parents=True, exist_ok=True)
        bbx.write_text("% a style\n", "utf-8")
    assert sorted(render.biblatex_styles(tmp_path)) == ["biblatex:authoryear", "biblatex:gost-numeric"]


@pytest.mark.parametrize(
    ("token", "label"),
    [
        pytest.param("Kihlstrom,", "family", id="family-name-marker"),
        pytest.param("Richard", "given", id="given-name-from-the-record"),
        pytest.param("(1974).", "date", id="year-from-the-record"),
        pytest.param("“A", "title", id="title-first-word-behind-a-quote"),
        pytest.param("Quality”.", "title", id="title-last-word"),
        pytest.param("In:", "other", id="string-outside-a-field"),
        pytest.param("Economic", "container", id="journal"),
        pytest.param("8.4,", "volume", id="volume-dot-issue-glued"),
        pytest.param("pp.", "other", id="string-inside-the-pages-field"),
        pytest.param("413–439.", "pages", id="pages"),
    ],
)
def test_biblatex_markers_become_exact_labels(
    make_data: ModuleType, render: ModuleType, token: str, label: str
) -> None:
    marked = render.private_use_marked(render.items_of(RECORDED)["kf"], "family")
    text, chars = make_data.char_labels(marked)
    assert text.startswith("Kihlstrom, Richard E. (1974). “A General Theory")
    row = make_data.labelled_row("biblatex:authoryear", _kihlstrom(make_data), text, chars)
    assert dict(zip(row["tokens"], row["labels"], strict=True))[token] == label


def test_a_strings_colon_inside_a_field_is_the_strings(make_data: ModuleType, render: ModuleType) -> None:
    marked = render.private_use_marked(render.items_of(RECORDED)["ke"], "family")
    text, chars = make_data.char_labels(marked)
    assert text.endswith("technologies. doi: 10.1101/2025.09.07.674699.")
    start = text.index("doi:")
    assert chars[start : start + 5] == [None] * 5  # "doi: " is no field's
    assert chars[text.index("10.1101")] == "doi"
    assert chars[text.index("et al.")] is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param(
            "QXONAUTHORXQSMITHQXCNAUTHORXQ, J. QXOFTITLEXQDEEP RNAQXCFTITLEXQ.",
            "SMITH, J. DEEP RNA.",
            id="markers-upper-cased-by-a-style",
        ),
        pytest.param(
            "QXONauthorXQDupre\u0301QXCNauthorXQ, Lu\u0131\u0300sa, \u0131\ufb01",
            "Dupré, Luìsa, ıfi",
            id="accents-joined-to-their-letters-and-ligatures-split",
        ),
        pytest.param("QXOFtitleXQDeep RNA.", None, id="a-field-never-closed"),
        pytest.param("QXOFtitleXQDeep QXCFpagesXQRNA", None, id="closed-by-another-field"),
        pytest.param("QXOFtitleXQQXCFtitleXQDeep RNA", "Deep RNA", id="a-field-printed-empty"),
    ],
)
def test_markers_are_read_case_blind_and_must_nest(
    make_data: ModuleType, render: ModuleType, line: str, expected: str | None
) -> None:
    marked = render.private_use_marked(line, "family")
    assert (make_data.char_labels(marked)[0] if marked is not None else None) == expected


def test_a_record_pdflatex_cannot_typeset_is_left_out(make_data: ModuleType, render: ModuleType) -> None:
    latin = make_data.Record(
        key="a", kind="article", title="Über die Straße", authors=[make_data.Name("J.", "Dupré")]
    )
    greek = make_data.Record(key="b", kind="article", title="Περί", authors=[make_data.Name("J.", "Dupré")])
    stroke = make_data.Record(
        key="c", kind="article", title="Deep RNA", authors=[make_data.Name("J.", "Łukasz")]
    )
    assert render.typesettable(latin)
    angle = make_data.Record(
        key="d", kind="article", title="See <cit.>", authors=[make_data.Name("J.", "Li")]
    )
    assert not render.typesettable(greek) and not render.typesettable(stroke)  # "Ł" reads back as "L"
    assert not render.typesettable(angle)  # "<" prints as "¡"


def test_the_bib_entry_carries_the_values_unmarked(make_data: ModuleType, render: ModuleType) -> None:
    entry = render.bib_entry(_kihlstrom(make_data), 5, random.Random(1))
    assert entry.startswith("@article{kf,\n")
    assert "  title = {A General Theory of Demand for Information about Product Quality}" in entry
    assert "  pages = {413--439}" in entry and "QX" not in entry


@pytest.mark.clients
def test_three_biblatex_styles_label_five_records(make_data: ModuleType, render: ModuleType) -> None:
    from clients import need

    need("pdflatex", "biber", "pdftotext", "kpsewhich")
    records = [
        make_data.Record(
            key=f"test#{number}",
            kind="article-journal",
            title=f"Learning {word} representations of protein structure",
            authors=[make_data.Name("Jiaxin", family), make_data.Name("Marta", "Kowalska")],
            year=2010 + number,
            container="Journal of Molecular Biology",
            volume=str(40 + number),
            pages=f"{100 + number}–{120 + number}",
        )
        for number, (word, family) in enumerate(
            zip(
                ("sparse", "dense", "graph", "local", "global"),
                ("Zhao", "Novak", "Berger", "Okafor", "Lindqvist"),
                strict=True,
            )
        )
    ]
    for style in ("biblatex:authoryear", "biblatex:numeric", "biblatex:ieee"):
        rows, failure = render.render_biblatex(style, records)
        assert failure == "" and len(rows) == 5, style
        for row, record in zip(rows, records, strict=True):
            assert row["style"] == style
            assert row["truth"]["title"].strip("“”.,") == record.title
            assert row["truth"]["family"] == record.authors[0].family  # no "———" for a repeated one
            assert row["truth"]["year"] == record.year
