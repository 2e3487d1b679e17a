"""An output is replaced only by something at least as good.

A run with every source down, or offline with nothing cached, used to replace a full refs.bib
with an empty file and exit 0; hand edits vanished without a word; -q hid every unresolved item.
Each case runs the real command group against a snapshot index built from the dev records (a
second index with only some of them stands for a run that settles less than the first).
"""

# ruff: noqa: F811  (the `env` fixture of test_cli_failures, taken as a parameter)
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bibnorm.cli import EXIT_FINDINGS, EXIT_SOURCES_FAILED, main
from bibnorm.resolvers.snapshot import build_index
from click.testing import CliRunner
from paths import DEV_SNAPSHOT, GOLD
from test_cli_failures import env  # noqa: F401  (sources refusing connections, a fresh cache)

GOLD_TITLES = [json.loads(line)["title"] for line in GOLD.read_text(encoding="utf-8").splitlines()[:6]]
UNKNOWN = "A Survey of Zebra Stripes as Error-Correcting Codes"
NOTHING = "nothing could be resolved this run"
KEPT = "bibnorm: warning: refs.bib: kept the earlier entry of"
NO_REPORT = "--report PATH lists each with its best candidates"


@pytest.fixture(scope="module")
def indexes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The whole dev index, and one holding only the records of the first three gold titles."""
    folder = tmp_path_factory.mktemp("indexes")
    whole, part = folder / "dev.sqlite", folder / "part.sqlite"
    build_index([DEV_SNAPSHOT], whole)
    first_ids = {json.loads(line)["arxiv_id"] for line in GOLD.read_text(encoding="utf-8").splitlines()[:3]}
    lines = [
        line
        for line in DEV_SNAPSHOT.read_text(encoding="utf-8").splitlines()
        if json.loads(line).get("id") in first_ids
    ]
    assert len(lines) == 3
    (folder / "part.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_index([folder / "part.jsonl"], part)
    return whole, part


def run(args: list[str], env: dict[str, str]) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, args, env=env)
    assert "Traceback" not in result.stderr, result.stderr
    return result.exit_code, result.stderr.splitlines()


def offline(titles: Path, index: Path, output: str = "refs.bib") -> list[str]:
    return ["resolve", str(titles), "-o", output, "--offline", "--snapshot", str(index)]


@pytest.fixture
def titles(tmp_path: Path) -> Path:
    path = tmp_path / "titles.txt"
    path.write_text("\n".join([*GOLD_TITLES, UNKNOWN]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def first_output(titles: Path, indexes: tuple[Path, Path], env: dict[str, str], tmp_path: Path) -> str:
    """refs.bib as a first, good run writes it (six papers) — the file later runs must not lose."""
    code, _ = run(offline(titles, indexes[0]), env)
    assert code == 0
    text = (tmp_path / "refs.bib").read_text(encoding="utf-8")
    assert text.count("\n@") + text.startswith("@") == 6
    return text


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param(["--offline"], id="offline-with-an-empty-cache"),
        pytest.param([], id="every-source-down"),
        pytest.param(["-q"], id="every-source-down-quiet"),
    ],
)
def test_a_run_that_could_ask_nothing_leaves_the_output_as_it_was_and_exits_4(
    titles: Path, first_output: str, env: dict[str, str], tmp_path: Path, extra: list[str]
) -> None:
    code, lines = run(["resolve", str(titles), "-o", "refs.bib", *extra], env)
    assert code == EXIT_SOURCES_FAILED
    assert (tmp_path / "refs.bib").read_text(encoding="utf-8") == first_output
    if "--offline" in extra:  # nothing was down: the user chose not to ask
        kept = "bibnorm: warning: refs.bib kept as it was (6 entries): nothing could be resolved this run"
        assert kept in lines
    else:  # the sources were down: one line says why, the file's fate and what to do
        [line] = lines
        assert line.startswith("bibnorm: error: no item could be resolved: no source could answer (")
        assert "; refs.bib kept as it was (6 entries). Try again later" in line


def test_offline_with_an_empty_cache_and_no_earlier_output_exits_4_and_writes_no_file(
    titles: Path, env: dict[str, str], tmp_path: Path
) -> None:
    code, lines = run(["resolve", str(titles), "-o", "refs.bib", "--offline", "-q"], env)
    assert code == EXIT_SOURCES_FAILED
    assert not (tmp_path / "refs.bib").exists()  # an empty file would pass for a result
    assert lines == [f"bibnorm: warning: 7 items not resolved (7 unresolved); {NO_REPORT}"]


def test_a_run_that_settles_less_keeps_the_earlier_entries_of_what_it_could_not_settle(
    titles: Path, first_output: str, indexes: tuple[Path, Path], env: dict[str, str], tmp_path: Path
) -> None:
    args = ["resolve", str(titles), "-o", "refs.bib", "--offline", "--snapshot", str(indexes[1])]
    code, lines = run([*args, "--report", "r.json"], env)
    assert code == 0
    # Three resolved again, three kept from the earlier run: the same file, in the same order.
    assert (tmp_path / "refs.bib").read_text(encoding="utf-8") == first_output
    [warning] = [line for line in lines if "kept the earlier entry" in line]
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    kept = [item["kept_previous"] for item in report["items"]]
    assert kept[:3] == [None, None, None] and None not in kept[3:6] and kept[6] is None
    assert (
        warning
        == "bibnorm: warning: refs.bib: kept the earlier entry of 3 items not resolved this run: "
        + (
            ", ".join(kept[3:6])  # type: ignore[arg-type]
        )
    )
    assert report["summary"]["kept_previous"] == 3
    with_strict = run([*args, "--strict"], env)[0]
    assert with_strict == EXIT_FINDINGS


def test_items_removed_from_the_input_leave_the_output(
    titles: Path, first_output: str, indexes: tuple[Path, Path], env: dict[str, str], tmp_path: Path
) -> None:
    titles.write_text("\n".join(GOLD_TITLES[:2]) + "\n", encoding="utf-8")
    code, _ = run(offline(titles, indexes[0]), env)
    assert code == 0
    text = (tmp_path / "refs.bib").read_text(encoding="utf-8")
    assert text.count("@") == 2 and text in first_output


def test_a_hand_edit_of_an_owned_field_is_named_and_a_hand_added_field_stays(
    titles: Path, first_output: str, indexes: tuple[Path, Path], env: dict[str, str], tmp_path: Path
) -> None:
    first_key = first_output[first_output.index("{") + 1 : first_output.index(",")]
    edited = first_output.replace("  title ", "  keywords      = {mine},\n  title ", 1)
    edited = edited.replace("Simple Transfer", "Simple Transfers", 1)
    (tmp_path / "refs.bib").write_text(edited, encoding="utf-8")
    code, lines = run(
        ["resolve", str(titles), "-o", "refs.bib", "--offline", "--snapshot", str(indexes[0])], env
    )
    assert code == 0
    text = (tmp_path / "refs.bib").read_text(encoding="utf-8")
    assert "Simple Transfer " in text and "Simple Transfers" not in text  # bibnorm owns the title
    assert re.search(r"\n  keywords +\= \{mine\}", text)  # not a field bibnorm owns or writes: kept
    assert (
        "bibnorm: note: refs.bib: replaced fields that differed from this run's (edited by hand, or changed "
        f"at the source) in 1 entry: {first_key} (title)"
    ) in lines


def test_csl_json_output_keeps_the_earlier_items_too(
    titles: Path, indexes: tuple[Path, Path], env: dict[str, str], tmp_path: Path
) -> None:
    whole = ["resolve", str(titles), "-o", "refs.json", "--offline", "--snapshot", str(indexes[0])]
    assert run(whole, env)[0] == 0
    first = json.loads((tmp_path / "refs.json").read_text(encoding="utf-8"))
    assert len(first) == 6
    code, lines = run([*whole[:-1], str(indexes[1])], env)
    assert code == 0
    assert json.loads((tmp_path / "refs.json").read_text(encoding="utf-8")) == first
    assert any("kept the earlier entry of 3 items" in line for line in lines)


def test_quiet_still_says_what_was_not_resolved_in_one_line(
    titles: Path, indexes: tuple[Path, Path], env: dict[str, str], tmp_path: Path
) -> None:
    args = ["resolve", str(titles), "-o", "refs.bib", "--offline", "--snapshot", str(indexes[0]), "-q"]
    code, lines = run([*args, "--report", "r.json"], env)
    assert code == 0
    assert lines == [
        "bibnorm: warning: 1 item not resolved (1 unresolved); each is listed with its best candidates "
        "in r.json"
    ]


def test_more_than_ten_unsettled_items_are_counted_not_listed(
    titles: Path, indexes: tuple[Path, Path], env: dict[str, str], tmp_path: Path
) -> None:
    unknown = [f"{UNKNOWN} Volume {number}" for number in range(11)]
    titles.write_text("\n".join([*GOLD_TITLES[:1], *unknown]) + "\n", encoding="utf-8")
    code, lines = run(
        ["resolve", str(titles), "-o", "refs.bib", "--offline", "--snapshot", str(indexes[0])], env
    )
    assert code == 0
    assert not any(UNKNOWN in line for line in lines)
    assert f"bibnorm: warning: 11 items not resolved (11 unresolved); {NO_REPORT}" in lines


@pytest.mark.parametrize("style", ["bibnorm", "arxiv", "dblp", "google-scholar"])
@pytest.mark.parametrize("output_format", ["bibtex", "biblatex"])
def test_a_second_run_over_its_own_output_writes_the_same_bytes_and_says_nothing_replaced(
    titles: Path,
    indexes: tuple[Path, Path],
    env: dict[str, str],
    tmp_path: Path,
    style: str,
    output_format: str,
) -> None:
    args = [*offline(titles, indexes[0]), "--style", style, "--format", output_format]
    assert run(args, env)[0] == 0
    first = (tmp_path / "refs.bib").read_bytes()
    code, lines = run(args, env)
    assert code == 0
    assert (tmp_path / "refs.bib").read_bytes() == first  # each preset's own field order kept
    assert not any("replaced fields" in line or "kept the earlier" in line for line in lines)
