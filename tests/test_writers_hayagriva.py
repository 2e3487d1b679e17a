"""Specification of the Hayagriva YAML writer (bibnorm.writers.hayagriva), and Typst reading it.

Typst (the ``typst`` package of the test extras) compiles a document citing every entry of the
bundled demo page, resolved offline as ``tox -e demo`` does, with no warning; the awkward
values (YAML's special words, hayagriva's markup characters, TeX math, non-ASCII names) come
back as text, read by YAML and typeset by Typst. A community JSON schema of the format
(``fixtures/hayagriva``) accepts every entry too.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import jsonschema
import pytest
import yaml
from _pytest.mark import ParameterSet
from bibnorm.cli import main
from bibnorm.models import Identifiers, PartialDate, Person, Reference
from bibnorm.text.capitals import paper_evidence
from bibnorm.writers import WriterOptions, get_writer
from bibnorm.writers._yaml import FastDumper, PythonDumper, dump_yaml
from bibnorm.writers.hayagriva import (
    _BRACE_OR_ESCAPE,
    _WORD,
    hayagriva_entries,
    hayagriva_name,
    hayagriva_title,
    name_text,
)
from click.testing import CliRunner
from clients import flat, typeset_typst
from paths import FIXTURES, REFERENCE
from records import HAZARD, JOURNAL_ARTICLE, POINCARE
from regex_growth import super_linear

HAYAGRIVA = get_writer("hayagriva")
DEMO = FIXTURES / "demo"

PROCEEDINGS = Reference(
    title="Deep Residual Learning",
    authors=(Person(given="Kaiming", family="He"),),
    issued=PartialDate(year=2016),
    entry_type="inproceedings",
    venue="Computer Vision – ECCV 2016",
    series="Lecture Notes in Computer Science",
    editors=(Person(given="Bastian", family="Leibe"),),
    volume="9908",
    pages="630--645",
    publisher="Springer",
    ids=Identifiers(arxiv_id="1603.05027", doi="10.1007/978-3-319-46493-0_38"),
)
MISC = Reference(
    title="A Web Page", entry_type="misc", url="https://example.org/page", issued=PartialDate(year=2020)
)


def entries(*references: Reference) -> dict[str, object]:
    found, _ = hayagriva_entries([(f"k{number}", ref) for number, ref in enumerate(references)])
    return found


def test_preprint_entry_exactly() -> None:
    assert entries(POINCARE) == {
        "k0": {
            "type": "article",
            "title": "Poincaré {ResNet}",
            "author": [
                {"name": "van Spengler", "given-name": "Max"},  # a non-dropping particle
                {"name": "King", "given-name": "Martin Luther", "suffix": "Jr."},
                {"name": "H1 Collaboration"},
            ],
            "date": "2023-03",
            "publisher": "{arXiv}",  # braced: Chicago title-cases publishers ("ArXiv")
            # No `serial`: styles print it beside the DOI, which holds the same id.
            "serial-number": {"doi": "10.48550/arXiv.2303.14027", "arxiv": "2303.14027"},
            "url": "https://arxiv.org/abs/2303.14027",
        }
    }


def test_journal_article_has_a_periodical_parent() -> None:
    assert entries(JOURNAL_ARTICLE) == {
        "k0": {
            "type": "article",
            "title": "Multi-Symmetry Ensembles",
            "author": ["Soljačić, Marin"],
            "date": "2024-01-05",
            "page-range": "1-20",
            "serial-number": {"doi": "10.5555/jmlr.2024.3", "arxiv": "2303.02484"},
            "url": "https://arxiv.org/abs/2303.02484",
            "parent": {
                "type": "periodical",
                "title": "Journal of Machine Learning Research",
                "volume": "25",
                "issue": "3",
            },
        }
    }


def test_journal_publisher_goes_on_the_periodical() -> None:
    (entry,) = entries(JOURNAL_ARTICLE.model_copy(update={"publisher": "JMLR, Inc."})).values()
    assert isinstance(entry, dict)
    assert "publisher" not in entry
    assert entry["parent"]["publisher"] == "{JMLR}, Inc."  # braced: Chicago prints "Jmlr"


def test_proceedings_paper_has_a_book_with_editors_and_series_and_an_untitled_proceedings() -> None:
    """The book is the container (title, editors, volume, publisher); the untitled proceedings
    makes the paper CSL's paper-conference without a volume-title (module docstring)."""
    (entry,) = entries(PROCEEDINGS).values()
    assert entry == {
        "type": "article",
        "title": "Deep Residual Learning",
        "author": ["He, Kaiming"],
        "date": "2016",
        "page-range": "630-645",
        "serial-number": {"doi": "10.1007/978-3-319-46493-0_38", "arxiv": "1603.05027"},
        "url": "https://arxiv.org/abs/1603.05027",
        "parent": [
            {
                "type": "book",
                "title": "Computer Vision – {ECCV} 2016",
                "editor": ["Leibe, Bastian"],
                "volume": "9908",
                "publisher": "Springer",
                "parent": {"type": "book", "title": "Lecture Notes in Computer Science"},
            },
            {"type": "proceedings"},
        ],
    }


def test_misc_is_misc_without_arxiv_fields() -> None:
    assert entries(MISC) == {
        "k0": {"type": "misc", "title": "A Web Page", "date": "2020", "url": "https://example.org/page"}
    }


def test_published_type_without_venue_is_cited_as_a_preprint() -> None:
    (entry,) = entries(JOURNAL_ARTICLE.model_copy(update={"venue": None})).values()
    assert isinstance(entry, dict)
    assert "parent" not in entry
    assert entry["publisher"] == "{arXiv}"
    assert entry["serial-number"] == {"doi": "10.5555/jmlr.2024.3", "arxiv": "2303.02484"}


@pytest.mark.parametrize(
    ("person", "written"),
    [
        pytest.param(Person(given="Marin", family="Soljačić"), "Soljačić, Marin", id="plain"),
        pytest.param(Person(family="Plato"), "Plato", id="family-only"),
        pytest.param(
            Person(given="Jan", family="Berg", particle="van der"),
            {"name": "van der Berg", "given-name": "Jan"},
            id="particle",
        ),
        pytest.param(
            Person(given="Martin Luther", family="King", suffix="Jr."),
            {"name": "King", "given-name": "Martin Luther", "suffix": "Jr."},
            id="suffix",
        ),
        pytest.param(
            Person(given="Ana", family="da Silva"), {"name": "da Silva", "given-name": "Ana"}, id="lower"
        ),
        pytest.param(
            Person(literal="AI & Society Lab, Inc."), {"name": "AI & Society Lab, Inc."}, id="literal"
        ),
    ],
)
def test_names(person: Person, written: object) -> None:
    name = hayagriva_name(person)
    assert (name if isinstance(name, str) else name.model_dump(by_alias=True, exclude_none=True)) == written


@pytest.mark.parametrize(
    ("title", "written"),
    [
        pytest.param("no", "no", id="yaml-false"),
        pytest.param("yes", "yes", id="yaml-true"),
        pytest.param("null", "null", id="yaml-null"),
        pytest.param("1e5", "1e5", id="yaml-1.2-float"),
        pytest.param("0o17", "0o17", id="yaml-1.2-octal"),
        pytest.param("2023-03-14", "2023-03-14", id="yaml-date"),
        pytest.param("@home: where # is", "@home: where # is", id="yaml-indicators"),
        pytest.param("- not a list", "- not a list", id="leading-dash"),
        pytest.param("Costs {and} \\$5 \\ more", "Costs \\{and\\} \\$5 \\\\ more", id="hayagriva-markup"),
        pytest.param("Sorting in $O(n^2)$ time", "Sorting in $O(n^2)$ time", id="typst-math"),
        pytest.param("Angles $\\alpha$ and $\\beta$", "Angles {α} and {β}", id="unicode-math"),
        pytest.param("A $\\Delta$-shift", "A {Δ}-shift", id="unicode-math-keeps-case"),
        pytest.param(
            "Mesh $\\mathcal{O}(n \\log n)$", "Mesh \\$\\\\mathcal\\{O\\}(n \\\\log n)\\$", id="tex-math"
        ),
        pytest.param("Gödel, Escher, Bach", "Gödel, Escher, Bach", id="non-ascii"),
    ],
)
def test_awkward_titles_read_back_as_written(title: str, written: str) -> None:
    text = HAYAGRIVA.write([("k", Reference(title=title, entry_type="misc"))], WriterOptions())
    assert yaml.safe_load(text) == {"k": {"type": "misc", "title": written}}


def test_number_like_strings_are_quoted_for_yaml_1_2_readers() -> None:
    text = HAYAGRIVA.write([("k", Reference(title="1e5", entry_type="misc"))], WriterOptions())
    assert text == 'k:\n  type: misc\n  title: "1e5"\n'


def test_libyaml_and_python_emitters_write_the_same_text(demo_bibliography: str) -> None:
    if FastDumper is None:
        pytest.skip("PyYAML was built without libyaml")
    references = [("hazard", HAZARD), ("article", JOURNAL_ARTICLE), ("paper", PROCEEDINGS), ("misc", MISC)]
    for data in (hayagriva_entries(references)[0], yaml.safe_load(demo_bibliography)):
        assert dump_yaml(data, dumper=FastDumper) == dump_yaml(data, dumper=PythonDumper)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("𝒪", id="beyond-the-bmp"),
        pytest.param("a\u2028b", id="line-separator"),
        pytest.param("a\x85b", id="next-line"),
        pytest.param("a\nb\r", id="ascii-line-breaks"),
    ],
)
def test_text_libyaml_and_python_would_write_differently_is_written_once_and_read_back(text: str) -> None:
    written = dump_yaml({"title": text})
    assert written == dump_yaml({"title": text}, dumper=PythonDumper)
    assert yaml.safe_load(written) == {"title": text}


def test_characters_beyond_the_bmp_are_written_as_themselves() -> None:
    text = HAYAGRIVA.write(
        [("k", Reference(title="Bounds in $\\mathcal{O}$", entry_type="misc"))], WriterOptions()
    )
    assert text == "k:\n  type: misc\n  title: Bounds in {𝒪}\n"


def test_math_without_plain_or_typst_form_is_reported() -> None:
    rendered = HAYAGRIVA.render([("k", HAZARD)], WriterOptions())
    assert [(w.code, w.message) for w in rendered.warnings] == [
        ("output.math_as_tex", "k: title math $O(N \\log N)$ has no plain or Typst form; written as TeX text")
    ]


def test_output_is_deterministic_and_in_input_order() -> None:
    references = [("b", JOURNAL_ARTICLE), ("a", POINCARE), ("c", PROCEEDINGS)]
    first = HAYAGRIVA.write(references, WriterOptions())
    assert first == HAYAGRIVA.write(references, WriterOptions())
    assert list(yaml.safe_load(first)) == ["b", "a", "c"]


# ---------------------------------------------------------------------------------------------
# The community JSON schema of the format (fixtures/hayagriva/PROVENANCE.md) accepts it.


def schema_errors(data: object) -> list[str]:
    schema = json.loads((FIXTURES / "hayagriva" / "hayagriva.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def test_every_kind_of_entry_satisfies_the_schema() -> None:
    references = [("hazard", HAZARD), ("article", JOURNAL_ARTICLE), ("paper", PROCEEDINGS), ("misc", MISC)]
    references.append(("preprint", POINCARE))
    assert schema_errors(yaml.safe_load(HAYAGRIVA.write(references, WriterOptions()))) == []


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param({"type": "preprint", "title": "x"}, id="unknown-type"),
        pytest.param({"type": "article", "title": "x", "pages": "1-2"}, id="unknown-field"),
        pytest.param({"type": "article", "title": "x", "date": "March 2020"}, id="date-not-iso"),
    ],
)
def test_the_schema_refuses_what_hayagriva_would(entry: dict[str, str]) -> None:
    assert schema_errors({"k": entry}) != []


# ---------------------------------------------------------------------------------------------
# Typst reads it: every entry cited, no warning, the text on the page.


def typeset(folder: Path, bibliography: str, keys: list[str], style: str = "ieee") -> str:
    """The bibliography compiled by Typst citing every key, on one wide page: its text, `flat`."""
    typst = pytest.importorskip("typst", reason="the typst package (test extras) is not installed")
    import pypdfium2

    (folder / "refs.yml").write_text(bibliography, encoding="utf-8")
    cites = " ".join(f'#cite(label("{key}"))' for key in keys)
    (folder / "main.typ").write_text(
        f'#set page(width: 120cm, height: auto)\n{cites}\n#bibliography("refs.yml", style: "{style}")\n',
        encoding="utf-8",
    )
    pdf, warnings = typst.compile_with_warnings(str(folder / "main.typ"), format="pdf")
    assert [w.message for w in warnings] == []
    document = pypdfium2.PdfDocument(pdf)
    return flat("".join(page.get_textpage().get_text_range() for page in document))


@pytest.fixture(scope="module")
def demo_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled snapshot's index, as ``tox -e demo`` builds it."""
    index = tmp_path_factory.mktemp("index") / "demo.sqlite"
    built = CliRunner().invoke(main, ["index", "build", str(DEMO / "snapshot.jsonl"), "-o", str(index)])
    assert built.exit_code == 0, built.output
    return index


def resolve_offline(folder: Path, demo_index: Path, page: Path, *args: str) -> None:
    """``bibnorm resolve PAGE --snapshot INDEX --offline -q ARGS`` in ``folder``."""
    env = {"BIBNORM_CACHE_DIR": str(folder / "cache"), "S2_API_KEY": ""}
    command = ["resolve", str(page), "--snapshot", str(demo_index), "--offline", "-q", *args]
    result = CliRunner().invoke(main, command, env=env)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def demo_bibliography(tmp_path_factory: pytest.TempPathFactory, demo_index: Path) -> str:
    """The demo page resolved offline against the bundled snapshot (``tox -e demo``), as Hayagriva."""
    folder = tmp_path_factory.mktemp("demo")
    resolve_offline(folder, demo_index, DEMO / "hf-page.txt", "-o", str(folder / "refs.yml"))
    return (folder / "refs.yml").read_text(encoding="utf-8")


def test_the_demo_satisfies_the_schema(demo_bibliography: str) -> None:
    assert schema_errors(yaml.safe_load(demo_bibliography)) == []


@pytest.mark.parametrize("style", ["ieee", "apa", "chicago-author-date"])
def test_typst_typesets_every_demo_entry_without_warning(
    demo_bibliography: str, tmp_path: Path, style: str
) -> None:
    data = yaml.safe_load(demo_bibliography)
    assert len(data) == 44  # the titles the bundled snapshot holds (tests/test_cli_resolve.py)
    page = typeset(tmp_path, demo_bibliography, list(data), style)
    for entry in data.values():
        title = flat(re.sub(r"[{}]", "", entry["title"]))  # braces keep case; Typst prints the words
        assert title.casefold() in page.casefold(), title  # Chicago title-cases: "Multi-Scale"
        assert entry["serial-number"]["arxiv"] in page
    for braced in re.findall(r"\{([^{}]+)\}", demo_bibliography):
        assert flat(braced) in page, braced  # the case a brace keeps, whatever the style's casing
    assert "ArXiv" not in page


def test_typst_typesets_the_awkward_entries_as_text(tmp_path: Path) -> None:
    references = [("hazard", HAZARD), ("article", JOURNAL_ARTICLE), ("paper", PROCEEDINGS), ("misc", MISC)]
    text = HAYAGRIVA.write(references, WriterOptions())
    page = typeset(tmp_path, text, [key for key, _ in references], style="apa")  # APA lists every author
    for expected in (
        # the particle leads the family name, as pandoc prints CSL-JSON's non-dropping particle
        "Kaiser, Ł., Nguyễn, T., Dvořák, A., Şahin, U., Großmann, Ø., King, M. L., Jr., van der Berg, J.,"
        " & AI & Society Lab. (2023).",
        "R&D at 50% of #1 with a_b: PanGu-π, ΔNeRF and $O(N \\log N)$ — “Quoted” {Braces} ~ ^ \\ $5."
        " arXiv. https://doi.org/10.48550/arXiv.2311.00001",
        "Journal of Machine Learning Research, 25(3), 1–20. https://doi.org/10.5555/jmlr.2024.3",
        "Proceedings of the European Conference on Computer Vision (ECCV)",  # one name per venue
        "https://doi.org/10.1007/978-3-319-46493-0_38",
    ):
        assert flat(expected) in page, expected


# ---------------------------------------------------------------------------------------------
# Chosen by suffix or name, by `resolve` (the one command that converts; format, fix and tex
# write .bib only).


def titles_in_hayagriva(text: str) -> list[tuple[str, str]]:
    return [(key, entry["title"]) for key, entry in yaml.safe_load(text).items()]


def titles_in_csl_yaml(text: str) -> list[tuple[str, str]]:
    return [(item["id"], item["title"]) for item in yaml.safe_load(text)["references"]]


def titles_in_ris(text: str) -> list[tuple[str, str]]:
    import rispy

    return [(record["id"], record["title"]) for record in rispy.loads(text)]


VIT_LENS = "ViT-Lens: Towards Omni-modal Representations"


@pytest.mark.parametrize(
    ("args", "name", "titles", "title"),
    [
        pytest.param(
            ["-o", "refs.yml"], "refs.yml", titles_in_hayagriva, "{ViT-Lens}" + VIT_LENS[8:], id="yml"
        ),
        pytest.param(
            ["-o", "refs.YAML"], "refs.YAML", titles_in_hayagriva, "{ViT-Lens}" + VIT_LENS[8:], id="yaml"
        ),
        pytest.param(
            ["--format", "hayagriva", "-o", "refs.txt"],
            "refs.txt",
            titles_in_hayagriva,
            "{ViT-Lens}" + VIT_LENS[8:],
            id="hayagriva-by-name",
        ),
        pytest.param(
            ["--format", "csl-yaml", "-o", "refs.yaml"],
            "refs.yaml",
            titles_in_csl_yaml,
            "[ViT-Lens]{.nocase}" + VIT_LENS[8:],
            id="csl-yaml",
        ),
        pytest.param(["-o", "refs.ris"], "refs.ris", titles_in_ris, VIT_LENS, id="ris"),
    ],
)
def test_resolve_chooses_the_writer_by_suffix_or_name(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    demo_index: Path,
    args: list[str],
    name: str,
    titles: Callable[[str], list[tuple[str, str]]],
    title: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "titles.txt").write_text(VIT_LENS + "\n", encoding="utf-8")
    resolve_offline(tmp_path, demo_index, tmp_path / "titles.txt", *args)
    assert titles((tmp_path / name).read_text(encoding="utf-8")) == [("lei2023vit", title)]


# ---------------------------------------------------------------------------------------------
# Held to the REAL format: hayagriva's own example library (basic.yml), the spec's examples and
# real third-party bibliographies (shared/reference/formats/hayagriva, see its PROVENANCE.md).

REAL_HAYAGRIVA = REFERENCE / "formats" / "hayagriva"
REAL_FILES = [
    "hayagriva-tests-data-basic.yml",
    "egwalker-paper-works.yml",
    "egwalker-paper-works.initial-import-06d72782.yml",
    "nanochat-fork-refs.yml",
]
# The schemes hayagriva recognises in a `serial-number` mapping (file-format.md, "serial-number").
SERIAL_SCHEMES = {"doi", "isbn", "issn", "pmid", "pmcid", "arxiv", "serial"}
PERSON_FIELDS = {"name", "given-name", "prefix", "suffix", "alias"}  # file-format.md, "Person"


def spec_examples() -> dict[str, dict[str, object]]:
    """The entries of the spec's own YAML examples (the blocks that are whole libraries)."""
    text = (REAL_HAYAGRIVA / "hayagriva-docs-file-format.md").read_text(encoding="utf-8")
    found: dict[str, dict[str, object]] = {}
    for block in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL):
        data = yaml.safe_load(block)
        if isinstance(data, dict) and all(isinstance(v, dict) and "title" in v for v in data.values()):
            found |= data
    return found


def real_entries() -> list[dict[str, object]]:
    entries_found = list(spec_examples().values())
    for name in REAL_FILES:
        entries_found += yaml.safe_load((REAL_HAYAGRIVA / name).read_text(encoding="utf-8")).values()
    return entries_found


def kind(value: object) -> str:
    return "list" if isinstance(value, list) else "mapping" if isinstance(value, dict) else "scalar"


def parents(entry: dict[str, object]) -> list[dict[str, object]]:
    parent = entry.get("parent")
    return [p for p in (parent if isinstance(parent, list) else [parent]) if isinstance(p, dict)]


def field_shapes(entry: dict[str, object], where: str = "") -> set[tuple[str, str, str]]:
    """(where, field, kind) of every field of an entry and its parents; ``where`` is the chain of
    lower-cased types from the top (``article>periodical``)."""
    here = f"{where}>{str(entry.get('type', '')).lower()}".lstrip(">")
    shapes = {(here, name, kind(value)) for name, value in entry.items()}
    for parent in parents(entry):
        shapes |= field_shapes(parent, here)
    return shapes


def test_the_spec_examples_are_found() -> None:
    assert {"harry", "electronic", "kinetics", "wwdc-network", "plaque"} <= set(spec_examples())


@pytest.mark.parametrize("name", REAL_FILES)
def test_typst_compiles_the_real_files(tmp_path: Path, name: str) -> None:
    """The harness reads what people really write: every entry cited, no warning."""
    text = (REAL_HAYAGRIVA / name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    page = typeset(tmp_path, text, list(data))
    for entry in (e for e in data.values() if "title" in e):  # basic.yml has untitled ones
        title = entry["title"]["value"] if isinstance(entry["title"], dict) else entry["title"]
        assert flat(re.sub(r"[{}$]", "", str(title)))[:20].casefold() in page.casefold(), title


def test_a_top_level_arxiv_key_is_silently_dropped_by_hayagriva(tmp_path: Path) -> None:
    """egwalker's first works.yml put ``arxiv: 1710.04469`` at the top: not a field, so hayagriva
    ignores it and the id is lost; bibnorm writes ``serial-number: {arxiv: ...}`` instead."""
    text = (REAL_HAYAGRIVA / "egwalker-paper-works.initial-import-06d72782.yml").read_text(encoding="utf-8")
    assert str(yaml.safe_load(text)["fugue"]["arxiv"]) == "2305.00583"  # YAML reads a float
    assert "2305.00583" not in typeset(tmp_path, text, ["fugue"])
    ours = HAYAGRIVA.write([("fugue", POINCARE)], WriterOptions())
    assert "2303.14027" in typeset(tmp_path, ours, ["fugue"])


@pytest.mark.parametrize(
    "reference",
    [
        pytest.param(JOURNAL_ARTICLE, id="journal-article"),
        pytest.param(PROCEEDINGS, id="proceedings-paper-with-series"),
        pytest.param(POINCARE, id="preprint"),
        pytest.param(MISC, id="misc"),
    ],
)
def test_every_field_is_written_in_a_shape_real_files_use(reference: Reference) -> None:
    """Each (types from the top, field, YAML kind) bibnorm writes is one the spec's examples or
    the real files use; series and a proceedings paper's book apart (the shape Typst's styles
    print right, module docstring), the chain of parent types is a real one too."""
    (entry,) = entries(reference).values()
    assert isinstance(entry, dict)
    real = set().union(*(field_shapes(e) for e in real_entries()))
    real_fields = {(name, shape) for _, name, shape in real}
    ours = field_shapes(entry)
    assert {(name, shape) for _, name, shape in ours} <= real_fields
    # A proceedings in a proceedings is how bibnorm names a series; basic.yml nests anthologies.
    chains = {where for where, _, _ in ours if where.count(">") < 2}
    assert chains - {"article>book"} <= {where for where, _, _ in real}


def test_serial_numbers_dates_and_names_take_the_specs_forms() -> None:
    found = entries(POINCARE, JOURNAL_ARTICLE, PROCEEDINGS, HAZARD, MISC)
    for entry in found.values():
        assert isinstance(entry, dict)
        assert set(entry.get("serial-number", {})) <= SERIAL_SCHEMES
        assert re.fullmatch(r"-?\d{4}(-\d{2}(-\d{2})?)?", entry["date"])
        for person in entry.get("author", []) + [e for p in parents(entry) for e in p.get("editor", [])]:
            if isinstance(person, dict):
                assert set(person) <= PERSON_FIELDS and "name" in person
            else:
                assert re.fullmatch(r"[^,]+(, [^,]+)?", person), person  # "Family, Given"


def test_the_preprint_shape_prints_arxiv_where_basic_yml_s_repository_parent_does_not(
    tmp_path: Path,
) -> None:
    """basic.yml's ``really-habitable`` gives an arXiv paper a ``Repository`` parent titled arXiv;
    hayagriva prints no such parent's title, so bibnorm keeps ``publisher: arXiv`` and no parent."""
    real = yaml.safe_load((REAL_HAYAGRIVA / "hayagriva-tests-data-basic.yml").read_text(encoding="utf-8"))
    theirs = {"really-habitable": real["really-habitable"]}
    assert theirs["really-habitable"]["parent"] == {"type": "Repository", "title": "arXiv"}
    assert "arXiv" not in typeset(tmp_path, yaml.safe_dump(theirs), ["really-habitable"], style="apa")
    ours = HAYAGRIVA.write([("poincare", POINCARE)], WriterOptions())
    assert flat("ResNet. arXiv. https://doi.org/") in typeset(tmp_path, ours, ["poincare"], style="apa")


class DatesAsText(yaml.SafeLoader):
    """YAML as hayagriva reads it: ``2017-02-21`` is text (a hayagriva Date), not a timestamp."""


DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@pytest.mark.parametrize(
    ("name", "refused"),
    [
        pytest.param(
            "hayagriva-tests-data-basic.yml",
            # Fields of hayagriva versions the community schema does not know, and basic.yml's own
            # deliberate unknown field: the schema is stricter than hayagriva, never laxer.
            {
                "['omarova-libra', 'title']",
                "['renaissance', 'title']",
                "['lamb-chapter', 'parent']",
                "['lamb']",
            },
            id="basic.yml",
        ),
        pytest.param("egwalker-paper-works.yml", set(), id="egwalker"),
        pytest.param(
            "egwalker-paper-works.initial-import-06d72782.yml",
            {"['fugue']", "['polog']", "['shapiro']"},  # arxiv, arxiv, issn: no fields
            id="egwalker-first-version-with-top-level-arxiv-and-issn",
        ),
        pytest.param("nanochat-fork-refs.yml", set(), id="nanochat"),
    ],
)
def test_the_schema_on_the_real_files(name: str, refused: set[str]) -> None:
    """The schema the writer's output is held to accepts what real files write, bar these."""
    data = yaml.load((REAL_HAYAGRIVA / name).read_text(encoding="utf-8"), Loader=DatesAsText)
    assert {error.split(":")[0] for error in schema_errors(data)} == refused


# ---------------------------------------------------------------------------------------------
# Typst's built-in styles print each kind of entry as pandoc's citeproc prints the CSL-JSON
# output: one compile per style of a bibliography holding every kind, read back entry by entry
# (the texts pandoc prints are in docs/formats.md, "Hayagriva (Typst)").

STYLES = ("ieee", "apa", "chicago-author-date", "chicago-notes", "mla", "nature", "springer-basic")
AUTHORS = (Person(given="Zhuofan", family="Zong"), Person(given="Yu", family="Liu"))


def by(family: str) -> tuple[Person, ...]:
    """Authors of their own, so that author-date styles add no "2023a"."""
    return (Person(given="Ada", family=family), *AUTHORS)


CVPR = "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)"
NEURIPS = "Advances in Neural Information Processing Systems (NeurIPS)"
ECCV = "Proceedings of the European Conference on Computer Vision (ECCV)"  # PROCEEDINGS' venue, spelt
ICLR = "International Conference on Learning Representations (ICLR)"
KINDS = {
    # A conference paper with pages and a DOI, its proceedings without publisher or editors.
    "cvpr": Reference(
        title="DETRs with Collaborative Hybrid Assignments Training",
        authors=AUTHORS,
        issued=PartialDate(year=2023),
        entry_type="inproceedings",
        venue=CVPR,
        pages="6748--6758",
        ids=Identifiers(arxiv_id="2211.12860", doi="10.1109/CVPR52729.2023.00652"),
    ),
    # A conference paper whose proceedings have editors, a volume and a publisher.
    "neurips": Reference(
        title="N2N Learning: Network to Network Compression",
        authors=by("Ashok"),
        issued=PartialDate(year=2023),
        entry_type="inproceedings",
        venue=NEURIPS,
        editors=(Person(given="Alice", family="Oh"), Person(given="Tristan", family="Naumann")),
        volume="36",
        pages="1--12",
        publisher="Curran Associates, Inc.",
        ids=Identifiers(arxiv_id="1709.06030"),
    ),
    # A conference paper with nothing but its venue: APA takes it for an unpublished talk.
    "iclr": Reference(
        title="Vision Transformers Need Registers",
        authors=by("Darcet"),
        issued=PartialDate(year=2024),
        entry_type="inproceedings",
        venue=ICLR,
        ids=Identifiers(arxiv_id="2309.16588"),
    ),
    "eccv": PROCEEDINGS,  # in a book series
    "journal": JOURNAL_ARTICLE.model_copy(  # a name with a particle
        update={"authors": (Person(given="Anton", family="Hengel", particle="van den"), *AUTHORS)}
    ),
    "metamixer": Reference(
        title="MetaMixer Is All You Need",
        authors=by("Yun"),
        issued=PartialDate(year=2024, month=6, day=4),
        ids=Identifiers(arxiv_id="2406.02021"),
    ),
    "pangu": Reference(
        title="PanGu-$\\pi$: Enhancing Language Model Architectures",
        authors=by("Wang"),
        issued=PartialDate(year=2023, month=12),
        ids=Identifiers(arxiv_id="2312.17276"),
    ),
}
PREPRINTS = ("metamixer", "pangu")
# The title as every style prints it (Chicago and MLA title-case the rest of the words).
TITLES = {
    "cvpr": "DETRs with Collaborative Hybrid Assignments Training",
    "neurips": "N2N Learning: Network to Network Compression",
    "iclr": "Vision Transformers Need Registers",
    "metamixer": "MetaMixer Is All You Need",
    "pangu": "PanGu-π: Enhancing Language Model Architectures",
}


WRITTEN = HAYAGRIVA.write(list(KINDS.items()), WriterOptions())
# Each published entry's venue as written (the writer spells one name per venue), braces gone.
VENUES = {
    key: re.sub(r"[{}]", "", (parents(entry) or [{}])[0].get("title", ""))
    for key, entry in yaml.safe_load(WRITTEN).items()
    if parents(entry)
}


def test_the_venues_are_the_canonical_names() -> None:
    assert VENUES == {
        "cvpr": CVPR,
        "neurips": NEURIPS,
        "iclr": ICLR,
        "eccv": ECCV,
        "journal": "Journal of Machine Learning Research",
    }


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """Each style's text of each entry, by key (an entry found by its title)."""
    text = WRITTEN
    found: dict[str, dict[str, str]] = {}
    for style in STYLES:
        lines, warnings = typeset_typst(tmp_path_factory.mktemp(style), text, list(KINDS), style)
        assert warnings == []
        assert len(lines) == len(KINDS), lines
        found[style] = {}
        for key, reference in KINDS.items():
            words = TITLES.get(key, reference.title).split()[:3]
            (line,) = [line for line in lines if " ".join(words).casefold() in line.casefold()]
            found[style][key] = line
    return found


def style_and_key(keys: Sequence[str]) -> list[ParameterSet]:
    return [pytest.param(style, key, id=f"{style}-{key}") for style in STYLES for key in keys]


@pytest.mark.parametrize(("style", "key"), style_and_key(["cvpr", "neurips", "iclr", "eccv", "journal"]))
def test_each_venue_is_printed_once_with_its_acronyms(
    printed: dict[str, dict[str, str]], style: str, key: str
) -> None:
    entry = printed[style][key]
    assert entry.count(VENUES[key]) == 1, entry  # "(CVPR)", "NeurIPS": not "(Cvpr)", "Neurips"
    assert "special issue" not in entry.casefold()


@pytest.mark.parametrize(("style", "key"), style_and_key(list(TITLES)))
def test_titles_keep_their_capitals_and_spaces(
    printed: dict[str, dict[str, str]], style: str, key: str
) -> None:
    """No "MetaMixerIs", "N2NLearning", "DETRswith", "PanGu-Π"."""
    assert TITLES[key] in printed[style][key]


@pytest.mark.parametrize(("style", "key"), style_and_key(PREPRINTS))
def test_a_preprint_s_id_is_printed_once(printed: dict[str, dict[str, str]], style: str, key: str) -> None:
    """Inside its DOI (https://doi.org/10.48550/arXiv.ID); Springer's basic style prints no
    identifier for a preprint, as pandoc's citeproc does not with the same style."""
    arxiv_id = str(KINDS[key].ids.arxiv_id)
    assert printed[style][key].count(arxiv_id) == (0 if style == "springer-basic" else 1)


@pytest.mark.parametrize(
    ("style", "key", "expected"),
    [
        pytest.param("apa", "cvpr", "Zong, Z., & Liu, Y. (2023). DETRs", id="apa-year"),
        pytest.param(
            "apa",
            "neurips",
            f"In A. Oh & T. Naumann (Eds.), {NEURIPS}. https://arxiv.org/abs/1709.06030",
            id="apa-editors-venue-once",
        ),
        pytest.param(
            "chicago-author-date",
            "cvpr",
            f"Training.” {CVPR}, 6748–58. https://doi.org/10.1109/CVPR52729.2023.00652.",
            id="chicago-venue-once-no-trailing-comma",
        ),
        pytest.param(
            "chicago-author-date",
            "eccv",
            f"In {ECCV}, edited by Bastian Leibe, vol. 9908. Lecture Notes in Computer Science. Springer.",
            id="chicago-series",
        ),
        pytest.param(
            "ieee",
            "eccv",
            f"in {ECCV}, B. Leibe, Ed., in Lecture Notes in Computer Science,"
            " vol. 9908. Springer, 2016, pp. 630–645. doi: 10.1007/978-3-319-46493-0_38.",
            id="ieee-series",
        ),
        pytest.param(
            "ieee",
            "metamixer",
            "“MetaMixer Is All You Need,” Jun. 04, 2024, arXiv. doi: 10.48550/arXiv.2406.02021.",
            id="ieee-preprint",
        ),
        pytest.param("nature", "journal", "van den Hengel, A., Zong, Z. & Liu, Y.", id="nature-particle"),
        pytest.param("apa", "journal", "van den Hengel, A., Zong, Z., & Liu, Y. (2024).", id="apa-particle"),
        pytest.param(
            "nature",
            "neurips",
            f"in {NEURIPS} (eds. Oh, A. & Naumann, T.) vol. 36 1–12 (Curran Associates, Inc., 2023).",
            id="nature-proceedings",
        ),
        pytest.param(
            "springer-basic",
            "neurips",
            f"In: Oh A, Naumann T (eds) {NEURIPS}. Curran Associates, Inc., pp 1–12",
            id="springer-proceedings",
        ),
    ],
)
def test_entries_read_as_pandoc_prints_the_csl_json(
    printed: dict[str, dict[str, str]], style: str, key: str, expected: str
) -> None:
    assert expected in printed[style][key]


@pytest.mark.xfail(strict=True, reason="Typst's bug: a year-only date prints '(2024,)' (docs/formats.md)")
def test_a_conference_paper_with_only_its_venue_has_its_year_alone_in_apa(
    printed: dict[str, dict[str, str]],
) -> None:
    """APA gives an unpublished talk's month and day; hayagriva prints the comma before them
    when the date has none. The day Typst prints "(2024)", this passes and the docs change."""
    assert "(2024)." in printed["apa"]["iclr"]


@pytest.mark.xfail(strict=True, reason="Typst's bug: a year-only date prints ',.' (docs/formats.md)")
def test_a_conference_paper_with_only_its_venue_ends_without_a_comma_in_chicago(
    printed: dict[str, dict[str, str]],
) -> None:
    """The same missing month and day in Chicago: "(ICLR),." where pandoc prints "(ICLR)."."""
    assert f"{ICLR}. https://arxiv.org/abs/2309.16588" in printed["chicago-author-date"]["iclr"]


@pytest.mark.parametrize(
    "pattern",
    [
        pytest.param(pattern, id=name)
        for name, pattern in (("word", _WORD), ("brace-or-escape", _BRACE_OR_ESCAPE))
    ],
)
def test_the_writer_s_patterns_stay_linear(pattern: re.Pattern[str]) -> None:
    assert super_linear(pattern) == []


@pytest.mark.parametrize(
    "pump",
    [pytest.param(p, id=repr(p)) for p in ("{", "}", "\\", "{a} ", "aB ", "{{", "\\{")],
)
def test_bracing_a_long_name_or_title_takes_linear_time(pump: str) -> None:
    def seconds(text: str) -> float:
        started = time.process_time()
        name_text(text)
        hayagriva_title(text, paper_evidence(text, None))
        return time.process_time() - started

    short, long = (min(seconds(pump * n) for _ in range(3)) for n in (2_000, 8_000))
    assert long < 0.05 or long < 8 * short, (short, long)


@pytest.mark.parametrize(
    ("title", "written"),
    [
        # Typst printed the TeX as it stands ("$\sqrt{s} = 7$", "$pp$") in every style
        pytest.param(r"Measurement at $\sqrt{s} = 7$ GeV", "Measurement at {√s=7} {GeV}", id="root"),
        pytest.param(r"Inclusive $pp$ collisions", "Inclusive {pp} collisions", id="two-letters"),
        pytest.param(r"Half of $\frac{1}{2}$", "Half of {1/2}", id="fraction"),
    ],
)
def test_title_math_with_neither_unicode_nor_typst_form_is_the_text_csl_shows(
    title: str, written: str
) -> None:
    assert hayagriva_title(title, paper_evidence(title, None)) == (written, [])


@pytest.mark.parametrize(
    ("title", "written"),
    [
        # FMuro/fmuro.github.io's "Enhanced ${A}$-infinity …": Typst printed "(A)-infinity"
        pytest.param(r"Enhanced ${A}$-infinity theory", "Enhanced $A$-infinity theory", id="a-group"),
        pytest.param(r"Sums of $x^{2n}$ terms", "Sums of $x^(2n)$ terms", id="a-scripts-group"),
        pytest.param(r"Sums of ${x}_{i}^{2}$ terms", "Sums of $x_(i)^(2)$ terms", id="both"),
    ],
)
def test_tex_groups_are_typst_groups_only_after_a_script_mark(title: str, written: str) -> None:
    assert hayagriva_title(title, paper_evidence(title, None)) == (written, [])
