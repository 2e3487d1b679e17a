"""BN107's advice matches what BibTeX and biber really read of an entry hidden in other text.

BibTeX reads every ``@entry`` wherever it stands (``%`` is no comment to it, and its
``@comment`` hides nothing); biber skips one after a ``%`` or inside ``@comment{...}``, and reads
one that only follows stray text on its line (a BOM with a letter, a word left over). The finding
says "biber does not" exactly for the entries biber leaves out, as biber itself shows.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bibnorm.bib.checks import CheckConfig, run_checks
from bibnorm.bib.reading import parse_bibtex
from clients import need, run

ENTRY = "{title={T}, author={A}, journal={J}, year=2000}"
HIDDEN = (
    f"\ufeffx @article{{stray,{ENTRY[1:]}\n"  # a BOM and a stray letter before it
    f"% @article{{percent,{ENTRY[1:]}\n"
    f"@comment{{@article{{commented,{ENTRY[1:]}}}\n"
    f"left over @article{{leftover,{ENTRY[1:]}\n"
)


def bn107(text: str) -> dict[str, str]:
    findings = run_checks([parse_bibtex(text, "x.bib")], CheckConfig(select=("BN107",)))
    return {f.key or "": f.message for f in findings}


def test_the_advice_says_who_reads_each_hidden_entry() -> None:
    messages = bn107(HIDDEN)
    assert set(messages) == {"stray", "percent", "commented", "leftover"}
    skipped_by_biber = {key for key, message in messages.items() if "biber does not" in message}
    assert skipped_by_biber == {"percent", "commented"}
    for key in ("stray", "leftover"):
        assert "delete" not in messages[key] and "both read it" in messages[key]


@pytest.mark.clients
def test_biber_reads_exactly_the_entries_the_advice_says_it_reads(tmp_path: Path) -> None:
    need("biber")
    (tmp_path / "refs.bib").write_text(HIDDEN, encoding="utf-8")
    tool = run(["biber", "--tool", "--output-file=read.bib", "refs.bib"], tmp_path)
    assert tool.returncode == 0, tool.stdout
    read = set(re.findall(r"@ARTICLE\{(\w+),", (tmp_path / "read.bib").read_text("utf-8")))
    said = {key for key, message in bn107(HIDDEN).items() if "biber does not" not in message}
    assert read == said == {"stray", "leftover"}


CLOSED = "@article{closed,\n  title={A},\n  % a note\n  year=2000,\n}\n"
UNCLOSED = "@article{unclosed,\n  title={A},\n  % a note\n  year=2000,\n\n@article{next, title={B}, year=1}\n"


@pytest.mark.parametrize(
    ("text", "biber"),
    [
        pytest.param(CLOSED, "(biber reads them)", id="closed"),
        pytest.param(UNCLOSED, "(biber rejects it: it never closes)", id="never-closed"),
    ],
)
def test_a_comment_inside_an_entry_says_whether_biber_reads_the_entry(text: str, biber: str) -> None:
    [finding] = run_checks([parse_bibtex(text, "x.bib")], CheckConfig(select=("BN106",)))
    assert finding.message.endswith(biber)


@pytest.mark.clients
@pytest.mark.parametrize(
    ("text", "read"), [(CLOSED, True), (UNCLOSED, False)], ids=["closed", "never-closed"]
)
def test_biber_reads_an_entry_with_a_comment_exactly_when_it_closes(
    tmp_path: Path, text: str, read: bool
) -> None:
    need("biber")
    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    run(["biber", "--tool", "--output-file=read.bib", "refs.bib"], tmp_path)
    output = tmp_path / "read.bib"
    keys = set(re.findall(r"@ARTICLE\{(\w+),", output.read_text("utf-8"))) if output.exists() else set()
    assert ("closed" in keys or "unclosed" in keys) is read
