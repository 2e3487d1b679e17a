"""A rewritten entry keeps the fields the user added, never a DOI note bibnorm wrote.

``--doi-link url+note`` (the default) writes ``note = {doi: X}``; a later run with ``--bst
plainnat`` shows the DOI in ``doi`` and writes no note. The earlier output's note, kept as a
hand-added field, would print the DOI twice. A note saying anything else is the user's.
"""

from __future__ import annotations

import pytest
from bibnorm.bib.bibfile import parse_bibtex
from bibnorm.bib.merge import is_bibnorms

NEW = "@inproceedings{k,\n  title = {T},\n  doi = {10.1000/a_b.1},\n}\n"


@pytest.mark.parametrize(
    ("earlier", "bibnorms"),
    [
        pytest.param("note = {doi: 10.1000/a_b.1}", True, id="bibnorms-doi-note"),
        pytest.param("note = {doi: 10.1000/a\\_b.1}", True, id="bibnorms-doi-note-escaped"),
        pytest.param("note = {DOI: 10.1000/A_B.1}", True, id="doi-case-free"),
        pytest.param("note = {doi: 10.1000/other}", False, id="another-doi"),
        pytest.param("note = {Oral presentation}", False, id="users-note"),
        pytest.param("note = {doi: 10.1000/a_b.1. Best paper}", False, id="doi-and-more"),
        pytest.param("keywords = {doi: 10.1000/a_b.1}", False, id="not-a-note"),
        pytest.param("url = {https://example.org}", True, id="owned-field"),
    ],
)
def test_only_bibnorms_own_fields_and_doi_note_are_replaced(earlier: str, bibnorms: bool) -> None:
    [new] = parse_bibtex(NEW, "<new>").entries
    [old] = parse_bibtex(f"@inproceedings{{k,\n  {earlier},\n}}\n", "<old>").entries
    assert is_bibnorms(old.fields[0], new) is bibnorms


def test_an_entry_without_a_doi_keeps_any_note() -> None:
    [new] = parse_bibtex("@misc{k,\n  title = {T},\n}\n", "<new>").entries
    [old] = parse_bibtex("@misc{k,\n  note = {doi: 10.1000/a_b.1},\n}\n", "<old>").entries
    assert not is_bibnorms(old.fields[0], new)
