"""Adding entries to a draft's bibliography in its own format without rewriting the ones there.

Each case is a file as people write it and the text a writer renders for one new entry; the
merged text must hold every original line (JSON: every original byte up to the last item's
end), read back as the old items followed by the new one, and be refused with one line where
that cannot be done safely.
"""

from __future__ import annotations

import json

import pytest
import yaml
from bibnorm.errors import InputError
from bibnorm.latex.libraries import LIBRARY_FORMATS, append_text, format_of

NEW_JSON = '[\n  {\n    "id": "new",\n    "type": "article",\n    "title": "New"\n  }\n]\n'
NEW_CSL_YAML = "---\nreferences:\n- id: new\n  type: article\n  title: New\n...\n"
NEW_HAYAGRIVA = "new:\n  type: article\n  title: New\n"


@pytest.mark.parametrize(
    "original",
    [
        pytest.param('[\n  {"id": "old", "title": "Old"}\n]\n', id="indented"),
        pytest.param('[{"id":"old","title":"Old"}]', id="one-line-no-final-newline"),
        pytest.param('[\r\n    {\r\n        "id": "old"\r\n    }\r\n]\r\n', id="crlf-four-spaces"),
        pytest.param('\ufeff[{"id": "old"}]\n', id="byte-order-mark"),
    ],
)
def test_csl_json_keeps_every_existing_byte(original: str) -> None:
    merged = LIBRARY_FORMATS["csl-json"].insert(original, NEW_JSON)
    kept = original.rstrip().removesuffix("]").rstrip()
    assert merged.startswith(kept + ",")
    assert [item["id"] for item in json.loads(merged.lstrip("\ufeff"))] == ["old", "new"]
    if "\r\n" in original:  # a CRLF file stays CRLF throughout
        assert merged.count("\n") == merged.count("\r\n")


@pytest.mark.parametrize(
    "original",
    [
        pytest.param("", id="new-file"),
        pytest.param("[]\n", id="empty-list"),
    ],
)
def test_csl_json_without_items_is_the_writer_text(original: str) -> None:
    assert LIBRARY_FORMATS["csl-json"].insert(original, NEW_JSON) == NEW_JSON


@pytest.mark.parametrize(
    ("original", "message"),
    [
        pytest.param('[{"id": "old"},', "not CSL-JSON (", id="broken"),
        pytest.param('{"id": "old"}', "not CSL-JSON (not a list of items)", id="not-a-list"),
    ],
)
def test_csl_json_that_cannot_be_read_is_refused(original: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        LIBRARY_FORMATS["csl-json"].insert(original, NEW_JSON)


def _kept_lines(original: str, merged: str) -> bool:
    """Whether ``merged`` is ``original`` with lines inserted (every original line, in order)."""
    lines = iter(merged.splitlines())
    return all(any(line == other for other in lines) for line in original.splitlines())


@pytest.mark.parametrize(
    "original",
    [
        pytest.param("---\nreferences:\n  - id: old\n    title: Old\n...\n", id="indented-with-markers"),
        pytest.param(
            "references:\n- id: old\n  title: Old\n# a comment at the end\n", id="flush-comment-after"
        ),
        pytest.param("- id: old\n  title: Old\n", id="a-bare-list"),
        pytest.param(
            "references:\n  - id: old\n    note: |\n      two\n      lines\nother: 1\n",
            id="block-scalar-last",
        ),
        pytest.param("references:\r\n  - id: old\r\n    title: Old\r\n", id="crlf"),
    ],
)
def test_csl_yaml_items_are_inserted_after_the_last_one(original: str) -> None:
    merged = LIBRARY_FORMATS["csl-yaml"].insert(original, NEW_CSL_YAML)
    assert _kept_lines(original, merged)
    value = yaml.safe_load(merged)
    items = value["references"] if isinstance(value, dict) else value
    assert [item["id"] for item in items] == ["old", "new"]
    before = yaml.safe_load(original)
    assert items[0] == (before["references"] if isinstance(before, dict) else before)[0]


@pytest.mark.parametrize(
    "original",
    [
        pytest.param("old:\n  type: book\n  title: Old\n", id="plain"),
        pytest.param("# hand-written\nold:\n  type: book\n\n# the end\n...\n", id="comments-and-end-marker"),
        pytest.param("---\nold:\n    type: book\n    title: Old\n", id="four-spaces-start-marker"),
    ],
)
def test_hayagriva_entries_are_inserted_after_the_last_one(original: str) -> None:
    merged = LIBRARY_FORMATS["hayagriva"].insert(original, NEW_HAYAGRIVA)
    assert _kept_lines(original, merged)
    assert list(yaml.safe_load(merged)) == ["old", "new"]


@pytest.mark.parametrize(
    ("library", "original", "rendered"),
    [
        pytest.param("csl-yaml", "references: [{id: old}]\n", NEW_CSL_YAML, id="csl-yaml-flow-list"),
        pytest.param("hayagriva", "{old: {type: book}}\n", NEW_HAYAGRIVA, id="hayagriva-flow-mapping"),
        pytest.param("hayagriva", "old: [unclosed\n", NEW_HAYAGRIVA, id="hayagriva-broken"),
    ],
)
def test_yaml_that_cannot_be_extended_in_place_is_refused(library: str, original: str, rendered: str) -> None:
    with pytest.raises(InputError):
        LIBRARY_FORMATS[library].insert(original, rendered)


@pytest.mark.parametrize(
    ("path", "text", "draft_yaml", "expected"),
    [
        pytest.param("refs.bib", "", "csl-yaml", "bibtex", id="bib"),
        pytest.param("refs.json", "", "csl-yaml", "csl-json", id="json"),
        pytest.param("refs.yml", "", "hayagriva", "hayagriva", id="new-yml-for-typst"),
        pytest.param("refs.yaml", "", "csl-yaml", "csl-yaml", id="new-yaml-for-pandoc"),
        pytest.param(
            "refs.yml", "references:\n- id: a\n", "hayagriva", "csl-yaml", id="content-says-csl-yaml"
        ),
        pytest.param("refs.yaml", "a:\n  type: book\n", "csl-yaml", "hayagriva", id="content-says-hayagriva"),
        pytest.param("refs.ris", "", "csl-yaml", None, id="not-ours"),
    ],
)
def test_the_format_of_a_bibliography(path: str, text: str, draft_yaml: str, expected: str | None) -> None:
    found = format_of(path, text, draft_yaml)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize(
    ("library", "text", "listed"),
    [
        pytest.param(
            "bibtex", "% c\n@misc{a,\n title={A}}\n\n@book{b, title={B}}\n", [("a", 2), ("b", 5)], id="bibtex"
        ),
        pytest.param("csl-json", '[\n {"id": "a"},\n {"id": 7}\n]', [("a", 2), ("7", 3)], id="csl-json"),
        pytest.param("csl-yaml", "references:\n- id: a\n- id: b\n", [("a", 2), ("b", 3)], id="csl-yaml"),
        pytest.param(
            "hayagriva", "a:\n  type: book\nb:\n  type: book\n", [("a", 1), ("b", 3)], id="hayagriva"
        ),
    ],
)
def test_the_keys_each_format_lists(library: str, text: str, listed: list[tuple[str, int]]) -> None:
    assert [(k.key, k.line) for k in LIBRARY_FORMATS[library].listed(text, "refs")] == listed


def test_append_text_keeps_a_crlf_file_crlf() -> None:
    assert append_text("@misc{a}\r\n", "@misc{b,\n}\n") == "@misc{a}\r\n\r\n@misc{b,\r\n}\r\n"
