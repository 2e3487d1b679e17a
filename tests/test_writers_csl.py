"""Specification of the CSL-JSON writer (bibnorm.writers.csl_json)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.writers import WriterOptions, get_writer
from bibnorm.writers.csl_json import csl_items, csl_title, validate_csl
from paths import REFERENCE
from records import JOURNAL_ARTICLE, POINCARE

ROOT = Path(__file__).parents[1]
CSL = get_writer("csl-json")

PREPRINT = POINCARE
ARTICLE = JOURNAL_ARTICLE
PROCEEDINGS = Reference(
    title="Attention Is All You Need",
    authors=(Person(given="Ashish", family="Vaswani"),),
    issued=PartialDate(year=2017),
    entry_type="inproceedings",
    venue="Advances in Neural Information Processing Systems",
    ids=Identifiers(arxiv_id="1706.03762"),
)


def test_preprint_item_exactly() -> None:
    assert csl_items([("vanspengler2023poincare", PREPRINT)]) == [
        {
            "id": "vanspengler2023poincare",
            "citation-key": "vanspengler2023poincare",
            "type": "article",
            "title": 'Poincaré <span class="nocase">ResNet</span>',  # BibTeX braces it
            "author": [
                {"family": "Spengler", "given": "Max", "non-dropping-particle": "van"},
                {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
                {"literal": "H1 Collaboration"},
            ],
            "issued": {"date-parts": [[2023, 3]]},
            "publisher": "arXiv",  # no "number": APA would print the id beside the DOI
            "DOI": "10.48550/arXiv.2303.14027",
            "URL": "https://arxiv.org/abs/2303.14027",
            "custom": {"code": ["https://github.com/maxvanspengler/poincare-resnet"]},
        }
    ]


def test_journal_article_item() -> None:
    assert csl_items([("k", ARTICLE)]) == [
        {
            "id": "k",
            "citation-key": "k",
            "type": "article-journal",
            "title": "Multi-Symmetry Ensembles",
            "author": [{"family": "Soljačić", "given": "Marin"}],
            "issued": {"date-parts": [[2024, 1, 5]]},
            "container-title": "Journal of Machine Learning Research",
            "volume": "25",
            "issue": "3",
            "page": "1-20",
            "DOI": "10.5555/jmlr.2024.3",
            "URL": "https://arxiv.org/abs/2303.02484",
        }
    ]


def test_conference_paper_type_and_container() -> None:
    (item,) = csl_items([("k", PROCEEDINGS)])
    assert item["type"] == "paper-conference"
    assert item["container-title"] == "Advances in Neural Information Processing Systems"
    assert item["issued"] == {"date-parts": [[2017]]}


def test_text_is_unicode_indented_with_trailing_newline() -> None:
    text = CSL.write([("k", ARTICLE)], WriterOptions())
    assert text.startswith('[\n  {\n    "id": "k",\n')
    assert '"family": "Soljačić"' in text
    assert text.endswith("]\n")


def test_output_validates_against_official_schema() -> None:
    items = json.loads(CSL.write([("a", PREPRINT), ("b", ARTICLE), ("c", PROCEEDINGS)], WriterOptions()))
    assert validate_csl(items) == []
    schema = json.loads((ROOT / "fixtures" / "csl" / "csl-data.json").read_text("utf-8"))
    jsonschema.validate(items, schema)  # the same check straight from the vendored file


@pytest.mark.parametrize(
    ("items", "message"),
    [
        pytest.param([{"id": "a", "type": "preprint"}], "0/type: 'preprint' is not one of", id="bad-type"),
        pytest.param(
            [{"id": "a", "type": "article", "autor": []}], "Additional properties", id="misspelt-field"
        ),
        pytest.param({"id": "a"}, "(root): {'id': 'a'} is not of type 'array'", id="not-an-array"),
    ],
)
def test_validate_csl_reports_violations(items: object, message: str) -> None:
    errors = validate_csl(items)
    assert errors and message in errors[0]


def test_deterministic_and_in_input_order() -> None:
    pairs = [("z", PREPRINT), ("a", ARTICLE)]
    first = CSL.write(pairs, WriterOptions())
    assert first.encode() == CSL.write(list(pairs), WriterOptions()).encode()
    assert [item["id"] for item in json.loads(first)] == ["z", "a"]


@pytest.mark.parametrize("name", ["csl-data.json", "stop-words.json"])
def test_packaged_data_matches_vendored_fixture(name: str) -> None:
    assert (ROOT / "normalizer" / "data" / name).read_bytes() == (
        ROOT / "fixtures" / "csl" / name
    ).read_bytes()


def test_vendored_fixture_matches_shared_reference() -> None:
    shared = REFERENCE / "csl"
    for name in ("csl-data.json", "stop-words.json", "LICENSE.txt"):
        assert (ROOT / "fixtures" / "csl" / name).read_bytes() == (shared / name).read_bytes()


NOCASE = '<span class="nocase">{}</span>'.format


@pytest.mark.parametrize(
    ("title", "csl"),
    [
        pytest.param("Attention Is All You Need", "Attention Is All You Need", id="nothing-to-protect"),
        pytest.param(
            "Unified 3D Segmenter As Prototypical Classifiers",
            f"Unified {NOCASE('3D')} Segmenter As Prototypical Classifiers",
            id="digit-and-capital",
        ),
        pytest.param("N2N Learning", f"{NOCASE('N2N')} Learning", id="acronym-first"),
        pytest.param(
            "Illiterate DALL-E Learns", f"Illiterate {NOCASE('DALL-E')} Learns", id="hyphenated-whole"
        ),
        pytest.param(
            r"$BT^2$: Backward-compatible Training",
            f"{NOCASE('<i>BT</i><sup>2</sup>')}: Backward-compatible Training",
            id="math-keeps-its-case",
        ),
        pytest.param(r"PanGu-$\pi$", f"{NOCASE('PanGu')}-{NOCASE('π')}", id="math-after-a-name"),
        pytest.param(r"Costs 5\$ Only", "Costs 5$ Only", id="escaped-dollar"),
    ],
)
def test_title_protects_what_bibtex_braces(title: str, csl: str) -> None:
    assert csl_title(title) == csl


def test_the_bibliographys_prose_decides_for_every_item() -> None:
    # "Hyena" is an English word: capitalised in a title alone, it is not a name; a paper whose
    # abstract names it ("we propose Hyena, ...") settles it for the whole file, as in BibTeX.
    named = Reference(title="Hyena Hierarchy", abstract="We propose Hyena, a subquadratic operator.")
    other = Reference(title="Scaling Hyena Further")
    items = csl_items([("a", named), ("b", other)])
    assert [item["title"] for item in items] == [
        f"{NOCASE('Hyena')} Hierarchy",
        f"Scaling {NOCASE('Hyena')} Further",
    ]
    assert csl_items([("b", other)])[0]["title"] == "Scaling Hyena Further"
