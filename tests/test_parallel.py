"""bibnorm.bib.parallel: a file read in pieces, on several processes, reads exactly as a whole.

Forking is only done from a single-threaded process, and pytest may run fake servers in
threads, so the multi-process runs happen in a fresh interpreter (`_in_fresh_python`).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from bibnorm.bib.bibfile import BibEntry, FailedBlock, FormatOptions, parse_bibtex, render
from bibnorm.bib.checks import finish_checks, run_checks, scan_text
from bibnorm.bib.checks.base import CheckConfig
from bibnorm.bib.parallel import map_pieces
from bibnorm.io import read_text

CORPUS = Path(__file__).parent / "corpus"


def _whole_corpus() -> str:
    """Every corpus file one after the other: CRLF, BOM, @string, failures, duplicates."""
    return "\n".join(read_text(path) for path in sorted(CORPUS.rglob("*.bib")))


@pytest.mark.parametrize("piece_chars", [1, 97, 2_000, 50_000])
def test_pieces_hold_whole_blocks_with_the_files_line_numbers(piece_chars: int) -> None:
    text = _whole_corpus()
    pieces = map_pieces(text, "all.bib", lambda piece: piece.blocks, jobs=1, chunk_chars=piece_chars)
    if piece_chars < 2_000:
        assert len(pieces) > 50  # the cut points were really exercised
    assert [block for piece in pieces for block in piece] == list(parse_bibtex(text, "all.bib").blocks)


def test_checks_of_pieces_equal_the_checks_of_the_whole_file() -> None:
    text = _whole_corpus()
    config = CheckConfig()
    whole = run_checks([parse_bibtex(text, "all.bib")], config)
    assert {f.code for f in whole} >= {"BN101", "BN201", "BN202", "BN204", "BN301", "BN305", "BN602"}
    found, index = scan_text(text, "all.bib", config, jobs=1)
    assert finish_checks(found, [index], config) == whole


_SCRIPT = """
import json, os, sys
from pathlib import Path
import bibnorm.bib.parallel as parallel
from bibnorm.bib.bibfile import FormatOptions
from bibnorm.bib.checks import CheckConfig, finish_checks, scan_text
from bibnorm.api.formatting import format_text

text = Path(sys.argv[1]).read_text(encoding="utf-8")
parallel.PARALLEL_CHUNK_CHARS = 3_000  # many pieces for two workers
pids = parallel.map_pieces(text, "all.bib", lambda piece: os.getpid(), jobs=2)
config = CheckConfig()
found, index = scan_text(text, "all.bib", config, jobs=2)
formatted, census, _ = format_text(text, "all.bib", FormatOptions(sort=True), jobs=2)
print(json.dumps({
    "parent": os.getpid(),
    "pieces": len(pids),
    "workers": sorted(set(pids)),
    "findings": [str(f) for f in finish_checks(found, [index], config)],
    "formatted": formatted,
    "entries": census.keys.total(),
}))
"""


def _in_fresh_python(tmp_path: Path, text: str | None = None) -> dict[str, object]:
    corpus = tmp_path / "all.bib"
    corpus.write_text(_whole_corpus() if text is None else text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_SCRIPT), str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_two_worker_processes_give_the_single_process_results(tmp_path: Path) -> None:
    result = _in_fresh_python(tmp_path)
    workers = result["workers"]
    assert isinstance(workers, list)
    assert len(workers) == 2 and result["parent"] not in workers  # really forked
    assert isinstance(result["pieces"], int) and result["pieces"] > 20
    text = _whole_corpus()
    whole = parse_bibtex(text, "all.bib")
    assert result["findings"] == [str(f) for f in run_checks([whole], CheckConfig())]
    assert result["formatted"] == render(whole, FormatOptions(sort=True))
    assert result["entries"] == len(whole.entry_keys())


@pytest.mark.parametrize(
    "awkward",
    [
        pytest.param("  title = {\"Boosting'' a Learner},\n", id="quote-in-braces"),
        pytest.param('  title = {H{\\"o}lder Spaces},\n', id="escaped-quote"),
        pytest.param("  title = {An \\} escaped brace},\n", id="escaped-brace"),
        pytest.param('  title = "A {quoted} value",\n', id="quoted-value"),
    ],
)
def test_a_quote_or_brace_read_as_text_does_not_stop_the_cutting(awkward: str) -> None:
    entry = "@misc{k%d,\n  title = {Title %d},\n}\n\n"
    text = (
        entry % (0, 0) + "@misc{odd,\n" + awkward + "}\n\n" + "".join(entry % (i, i) for i in range(1, 300))
    )
    pieces = map_pieces(text, "a.bib", lambda piece: piece.blocks, jobs=1, chunk_chars=500)
    holding = next(n for n, piece in enumerate(pieces) if any(getattr(b, "key", "") == "odd" for b in piece))
    assert len(pieces) - holding > 10  # cut after the awkward entry too, not only before it
    assert [block for piece in pieces for block in piece] == list(parse_bibtex(text, "a.bib").blocks)


# BibTeX counts ``\{`` as a brace (bibtexparser's splitter, whose cut points the pieces start
# from, does not): each value below never closes, and BibTeX reads the rest of the file into it.
_SWALLOWING = [
    pytest.param("  title = {The \\{ and \\{ signs},\n", id="escaped-braces-never-closed"),
    pytest.param("  title = {An {unclosed {group},\n", id="braces-never-closed"),
    pytest.param('  title = "A {quoted value",\n', id="quoted-brace-never-closed"),
]


def _swallowing_file(awkward: str, entries: int) -> str:
    entry = "@misc{k%d,\n  title = {Title %d},\n}\n\n"
    return (
        entry % (0, 0)
        + "@misc{odd,\n"
        + awkward
        + "}\n\n"
        + "".join(entry % (i, i) for i in range(1, entries))
    )


@pytest.mark.parametrize("awkward", _SWALLOWING)
def test_a_value_that_never_closes_keeps_the_rest_of_the_file_in_one_piece(awkward: str) -> None:
    text = _swallowing_file(awkward, 300)
    pieces = map_pieces(text, "a.bib", lambda piece: piece.blocks, jobs=1, chunk_chars=500)
    blocks = [block for piece in pieces for block in piece]
    assert blocks == list(parse_bibtex(text, "a.bib").blocks)
    swallowed = blocks[-1]
    assert isinstance(swallowed, FailedBlock) and swallowed.key == "odd"
    assert swallowed.raw == text[text.index("@misc{odd") :].rstrip()  # byte for byte, to the end
    assert [b.key for b in blocks if isinstance(b, BibEntry)] == ["k0"]  # nothing read inside it


@pytest.mark.parametrize("awkward", _SWALLOWING)
def test_two_workers_read_a_value_that_never_closes_as_one_worker(tmp_path: Path, awkward: str) -> None:
    text = _swallowing_file(awkward, 2_000)
    result = _in_fresh_python(tmp_path, text)
    assert isinstance(result["pieces"], int) and result["pieces"] < 20  # the rest was one piece
    whole = parse_bibtex(text, "all.bib")
    assert result["findings"] == [str(f) for f in run_checks([whole], CheckConfig())]
    assert not any(":k1" in finding or ": k1:" in finding for finding in result["findings"])  # type: ignore[union-attr]
    assert result["formatted"] == render(whole, FormatOptions(sort=True))
    assert result["entries"] == 2
