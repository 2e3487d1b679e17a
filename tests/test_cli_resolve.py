"""`bibnorm resolve` end to end on the bundled demo data, offline, through the real click group."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import bibtexparser
import click
import pytest
from bibnorm.cli import EXIT_FINDINGS, EXIT_SOURCES_FAILED, main
from bibnorm.config import Settings
from bibnorm.resolvers._http import CACHE_FILE
from bibnorm.resolvers._session import build_session
from click.testing import CliRunner
from paths import GOLD

ROOT = Path(__file__).resolve().parents[1]
DEMO_PAGE = ROOT / "fixtures" / "demo" / "hf-page.txt"
DEMO_SNAPSHOT = ROOT / "fixtures" / "demo" / "snapshot.jsonl"

# Titles of the demo page that the bundled snapshot does not hold (checked by hand with grep).
NOT_IN_SNAPSHOT = {
    "The state-of-the-art in Cardiac MRI Reconstruction: Results of the CMRxRecon Challenge in MICCAI 2023",
    "Probabilistic Conceptual Explainers: Trustworthy Conceptual Explanations for Vision Foundation Models",
    "PVBM: A Python Vasculature Biomarker Toolbox Based On Retinal Blood Vessel Segmentation",
    "CBNet: A Composite Backbone Network Architecture for Object Detection",
    "Scaling may be all you need for achieving human-level object recognition capacity with human-like "
    "visual experience",
}


@pytest.fixture(scope="module")
def snapshot_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("index") / "demo.sqlite"
    result = CliRunner().invoke(main, ["index", "build", str(DEMO_SNAPSHOT), "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)  # no stray bibnorm.toml/pyproject.toml from the repo
    return {"BIBNORM_CACHE_DIR": str(tmp_path / "cache"), "S2_API_KEY": ""}


def gold_ids() -> dict[str, str]:
    pairs = (json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip())
    return {pair["title"]: pair["arxiv_id"] for pair in pairs}


def test_the_demo_resolves_every_title_the_snapshot_holds_and_nothing_else(
    tmp_path: Path, snapshot_index: Path, env: dict[str, str]
) -> None:
    out, report_path = tmp_path / "out.bib", tmp_path / "r.json"
    args = ["resolve", str(DEMO_PAGE), "--snapshot", str(snapshot_index), "--offline"]
    result = CliRunner().invoke(
        main,
        [*args, "-o", str(out), "--report", str(report_path)],
        env=env,
    )
    assert result.exit_code == 0, result.output
    report = json.loads(report_path.read_text(encoding="utf-8"))
    items = report["items"]
    assert len(items) == 49
    assert [item["index"] for item in items] == list(range(49))
    unresolved = {item["input_title"] for item in items if item["status"] != "resolved"}
    assert unresolved == NOT_IN_SNAPSHOT
    gold = gold_ids()
    for item in items:
        if item["status"] == "resolved":
            assert item["arxiv_id"] == gold[item["input_title"]], item["input_title"]
            assert item["score"] >= 0.95
            assert item["evidence"]["title_key_equal"]
        else:
            assert item["status"] == "unresolved"
            assert item["problems"], "unresolved items say why"
            assert all(not c["acceptable"] for c in item["candidates"])
    library = bibtexparser.parse_string(out.read_text(encoding="utf-8"))
    assert len(library.entries) == 44
    assert not library.failed_blocks
    assert report["summary"]["resolved"] == 44
    assert report["summary"]["requests_total"] == 0
    assert "5 unresolved" in result.stderr
    # Offline, the published-version sources answer from the cache only; their misses were asked
    # for, so they are in the report but not warned about.
    assert "warning" not in result.stderr
    assert {p["code"] for item in items for p in item["problems"]} >= {"s2.unavailable", "dblp.unavailable"}


def test_offline_reads_the_index_that_index_build_wrote(tmp_path: Path, env: dict[str, str]) -> None:
    built = CliRunner().invoke(main, ["index", "build", str(DEMO_SNAPSHOT)], env=env)
    assert built.exit_code == 0, built.output
    assert (tmp_path / "cache" / "snapshot.sqlite").is_file()

    result = CliRunner().invoke(main, ["resolve", str(DEMO_PAGE), "--offline", "--json", "-q"], env=env)

    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)["summary"]
    assert summary["resolved"] == 49 - len(NOT_IN_SNAPSHOT)
    assert summary["requests_total"] == 0


def test_offline_without_any_index_resolves_nothing_and_says_so_with_exit_4(
    tmp_path: Path, env: dict[str, str]
) -> None:
    result = CliRunner().invoke(main, ["resolve", str(DEMO_PAGE), "--offline", "--json", "-q"], env=env)

    # Nothing could be asked: not a success a Makefile would go on from.
    assert result.exit_code == EXIT_SOURCES_FAILED, result.output
    assert json.loads(result.stdout)["summary"]["resolved"] == 0


@pytest.mark.parametrize(
    "bib",
    [
        pytest.param("@misc{a, author = {Ann Author}, year = 2020}\n", id="an-entry-without-a-title"),
        pytest.param(
            "@misc{a, author = {Ann Author}, year = 2020}\n@misc{b, title = {Attention Is All You Need}}\n",
            id="with-one-the-empty-cache-cannot-answer",
        ),
    ],
)
def test_a_bib_file_of_which_nothing_was_settled_exits_4(
    tmp_path: Path, env: dict[str, str], bib: str
) -> None:
    (tmp_path / "refs.bib").write_text(bib, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["resolve", str(tmp_path / "refs.bib"), "--offline", "--json", "-q"], env=env
    )

    # An entry with nothing to ask by settles nothing either: the run settled nothing at all.
    assert result.exit_code == EXIT_SOURCES_FAILED, result.output
    assert json.loads(result.stdout)["summary"]["resolved"] == 0


def test_offline_without_a_cache_file_answers_as_an_empty_cache_and_creates_none(
    tmp_path: Path, snapshot_index: Path, env: dict[str, str]
) -> None:
    # The default chain: the demo's unresolved titles are asked of arXiv and S2, and every
    # resolved paper of S2, dblp and Crossref, all from the cache.
    args = ["resolve", str(DEMO_PAGE), "--snapshot", str(snapshot_index), "--offline", "--json", "-q"]
    empty_cache = tmp_path / "empty-cache"
    build_session(Settings(cache_dir=empty_cache)).close()  # the cache file an earlier run leaves
    assert (empty_cache / CACHE_FILE).is_file()
    missing_cache = tmp_path / "no-cache"

    from_empty = CliRunner().invoke(main, args, env={**env, "BIBNORM_CACHE_DIR": str(empty_cache)})
    from_missing = CliRunner().invoke(main, args, env={**env, "BIBNORM_CACHE_DIR": str(missing_cache)})

    assert from_empty.exit_code == from_missing.exit_code == 0, from_missing.output
    report = json.loads(from_missing.stdout)
    assert report == json.loads(from_empty.stdout)
    unresolved = [item for item in report["items"] if item["status"] != "resolved"]
    assert {problem["message"] for item in unresolved for problem in item["problems"]} >= {
        "offline: not in the cache"
    }
    assert not missing_cache.exists()


# Libraries a one-line offline resolve must not pay for at start-up: the HTTP stack when no
# source is asked, the cache when there is none to read, and what only other inputs or the
# index build need (RIS, .bcf XML, worker processes).
NOT_AT_START_UP = (
    "requests",
    "requests_cache",
    "rispy",
    "xml.etree.ElementTree",
    "multiprocessing",
    "bibnorm.text.journals",  # the journal list: only for published entries
)


def modules_loaded_by_resolve(folder: Path, env: dict[str, str], *args: str) -> dict[str, bool]:
    """Run ``bibnorm resolve ARGS`` in a fresh interpreter; which of `NOT_AT_START_UP` it imported."""
    program = (
        "import json, sys\n"
        "from bibnorm.cli import main\n"
        "try:\n"
        f"    main(['resolve', *{list(args)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(json.dumps({{name: name in sys.modules for name in {NOT_AT_START_UP!r}}}), file=sys.stderr)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", program],
        cwd=folder,
        env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    loaded: dict[str, bool] = json.loads(run.stderr.splitlines()[-1])
    return loaded


def test_a_one_line_offline_resolve_imports_only_what_it_uses(
    tmp_path: Path, snapshot_index: Path, env: dict[str, str]
) -> None:
    held = "VLTSeg: Simple Transfer of CLIP-Based Vision-Language Representations for Domain Generalized"
    (tmp_path / "held.txt").write_text(f"{held} Semantic Segmentation\n", encoding="utf-8")
    (tmp_path / "absent.txt").write_text(sorted(NOT_IN_SNAPSHOT)[0] + "\n", encoding="utf-8")
    offline = ["--offline", "--snapshot", str(snapshot_index), "-q"]

    snapshot_only = modules_loaded_by_resolve(
        tmp_path, env, "held.txt", *offline, "--resolvers", "snapshot", "-o", "out.bib"
    )
    default_chain = modules_loaded_by_resolve(tmp_path, env, "absent.txt", *offline, "-o", "absent.bib")

    assert not any(snapshot_only.values()), snapshot_only
    # The title is not in the snapshot, and nothing is cached: arXiv and S2 could only be refused,
    # so they are not built (`bibnorm.resolvers._refused` answers for them): no HTTP stack at all.
    assert not any(default_chain.values()), default_chain
    assert held in (tmp_path / "out.bib").read_text(encoding="utf-8").replace("{", "").replace("}", "")


def test_strict_exits_with_the_findings_code_when_something_is_unresolved(
    tmp_path: Path, snapshot_index: Path, env: dict[str, str]
) -> None:
    result = CliRunner().invoke(
        main,
        ["resolve", str(DEMO_PAGE), "--snapshot", str(snapshot_index), "--offline", "--strict", "-q"],
        env=env,
    )
    assert result.exit_code == EXIT_FINDINGS
    assert result.stdout.startswith("@misc{")


def test_json_prints_the_report_on_stdout(snapshot_index: Path, env: dict[str, str]) -> None:
    result = CliRunner().invoke(
        main,
        ["resolve", "-", "--snapshot", str(snapshot_index), "--offline", "--json", "-q"],
        input="Scaling Vision Transformers\narXiv:2106.04560v2\n# a comment\n",
        env=env,
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    first, second = report["items"]
    assert first["arxiv_id"] == "2106.04560"
    assert second["duplicate_of"] == 0
    assert second["origin"] == "<stdin>:2"


def test_csl_json_is_chosen_by_the_output_suffix(
    tmp_path: Path, snapshot_index: Path, env: dict[str, str]
) -> None:
    out = tmp_path / "refs.json"
    result = CliRunner().invoke(
        main,
        ["resolve", "-", "--snapshot", str(snapshot_index), "--offline", "-o", str(out), "-q"],
        input="Scaling Vision Transformers\n",
        env=env,
    )
    assert result.exit_code == 0, result.output
    items = json.loads(out.read_text(encoding="utf-8"))
    assert (
        items[0]["title"] == 'Scaling Vision <span class="nocase">Transformers</span>'
    )  # braced in BibTeX too
    assert items[0]["type"] == "article"


def test_offline_run_opens_no_socket(
    tmp_path: Path, snapshot_index: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[object, ...]] = []

    class NoSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            opened.append(args)
            raise AssertionError("a socket was opened in --offline mode")

    monkeypatch.setattr(socket, "socket", NoSocket)
    result = CliRunner().invoke(
        main,
        ["resolve", str(DEMO_PAGE), "--snapshot", str(snapshot_index), "--offline", "-q"],
        env=env,
    )
    assert result.exit_code == 0, result.output
    assert opened == []


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        pytest.param(
            ["resolve", "missing.txt"], 1, "bibnorm: error: missing.txt: no such file", id="missing-input"
        ),
        pytest.param(["resolve", "."], 1, "is a directory", id="directory-input"),
        pytest.param(
            ["resolve", "in.txt", "--snapshot", "nope.sqlite"], 1, "nope.sqlite", id="missing-snapshot"
        ),
        pytest.param(["resolve", "in.txt", "--key-format", "{nonsense}"], 2, "nonsense", id="bad-key-format"),
        pytest.param(
            ["resolve", "in.txt", "--resolvers", "zotero"], 2, "unknown resolver 'zotero'", id="bad-resolver"
        ),
        pytest.param(["resolve", "empty.txt"], 1, "empty", id="empty-input"),
    ],
)
def test_bad_input_gives_one_line_and_a_nonzero_exit(
    tmp_path: Path, env: dict[str, str], args: list[str], code: int, message: str
) -> None:
    (tmp_path / "in.txt").write_text("Scaling Vision Transformers\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, [*args, "--offline"], env=env)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_output_file_is_untouched_when_the_run_fails(tmp_path: Path, env: dict[str, str]) -> None:
    out = tmp_path / "refs.bib"
    out.write_text("@misc{keep, title = {Mine}}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["resolve", "missing.txt", "-o", str(out), "--offline"], env=env)
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "@misc{keep, title = {Mine}}\n"


def test_running_twice_gives_byte_identical_output(
    tmp_path: Path, snapshot_index: Path, env: dict[str, str]
) -> None:
    outputs = []
    for name in ("a.bib", "b.bib"):
        result = CliRunner().invoke(
            main,
            ["resolve", str(DEMO_PAGE), "--snapshot", str(snapshot_index), "--offline", "-q", "-o", name],
            env=env,
        )
        assert result.exit_code == 0, result.output
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]


def test_every_command_has_help_with_an_example() -> None:
    names = main.list_commands(click.Context(main))
    assert names == ["resolve", "tex", "check", "verify", "format", "fix", "index", "cache", "mcp"]
    for name in names:
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0, name
        assert "bibnorm " + name in result.output, f"{name} --help shows no example"


def test_the_command_list_in_help_is_each_commands_own_summary() -> None:
    """`bibnorm --help` prints summaries kept in COMMANDS (so it imports no command module):
    they must be what click derives from each command's docstring."""
    from bibnorm.cli import COMMANDS

    for name, (_, summary) in COMMANDS.items():
        command = main.get_command(click.Context(main), name)
        assert command is not None
        assert command.get_short_help_str(limit=65) == summary, name
    listed = CliRunner().invoke(main, ["--help"]).output
    assert all(f"  {name}" in listed for name in COMMANDS)


def test_version_is_printed_on_request() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("bibnorm, version ")


def test_a_committed_lock_reproduces_the_output_without_any_source(
    tmp_path: Path, snapshot_index: Path, env: dict[str, str]
) -> None:
    page = ["resolve", str(DEMO_PAGE), "-q"]
    first = CliRunner().invoke(
        main, [*page, "--snapshot", str(snapshot_index), "--offline", "--update-lock", "-o", "a.bib"], env=env
    )
    assert first.exit_code == 0, first.output
    lock = json.loads((tmp_path / "bibnorm.lock").read_text(encoding="utf-8"))
    assert len(lock["items"]) == 44
    # No snapshot, no online source: only the lock (found in the working directory) can answer.
    second = CliRunner().invoke(main, [*page, "--resolvers", "arxiv", "--offline", "-o", "b.bib"], env=env)
    assert second.exit_code == 0, second.output
    assert (tmp_path / "a.bib").read_bytes() == (tmp_path / "b.bib").read_bytes()


def test_a_key_once_written_stays_when_the_output_is_written_again(
    tmp_path: Path, snapshot_index: Path, env: dict[str, str]
) -> None:
    out = tmp_path / "refs.bib"
    args = ["resolve", str(DEMO_PAGE), "--snapshot", str(snapshot_index), "--offline", "-q", "-o", str(out)]
    assert CliRunner().invoke(main, args, env=env).exit_code == 0
    first = bibtexparser.parse_string(out.read_text(encoding="utf-8")).entries
    # The author renamed two keys by hand (their draft cites these names now).
    renamed = {first[0].key: "myFavourite", first[5].key: "paper-six"}
    text = out.read_text(encoding="utf-8")
    for old, new in renamed.items():
        text = text.replace("{" + old + ",", "{" + new + ",", 1)
    out.write_text(text, encoding="utf-8")

    assert CliRunner().invoke(main, args, env=env).exit_code == 0

    again = bibtexparser.parse_string(out.read_text(encoding="utf-8")).entries
    assert [e.key for e in again] == [renamed.get(e.key, e.key) for e in first]
    # (each entry's arXiv id, in howpublished: the snapshot's papers are preprints)
    ids = [e.fields_dict["howpublished"].value for e in again]
    assert ids == [e.fields_dict["howpublished"].value for e in first]


def test_rekey_ignores_the_keys_of_the_earlier_output(
    tmp_path: Path, snapshot_index: Path, env: dict[str, str]
) -> None:
    out = tmp_path / "refs.bib"
    args = ["resolve", str(DEMO_PAGE), "--snapshot", str(snapshot_index), "--offline", "-q", "-o", str(out)]
    assert CliRunner().invoke(main, args, env=env).exit_code == 0
    first_key = bibtexparser.parse_string(out.read_text(encoding="utf-8")).entries[0].key
    out.write_text(out.read_text(encoding="utf-8").replace("{" + first_key + ",", "{handmade,", 1), "utf-8")

    assert CliRunner().invoke(main, [*args, "--rekey"], env=env).exit_code == 0

    assert bibtexparser.parse_string(out.read_text(encoding="utf-8")).entries[0].key == first_key


def test_resolve_writes_the_layout_format_and_check_use(
    tmp_path: Path, snapshot_index: Path, env: dict[str, str]
) -> None:
    # The project's [tool.bibnorm.format] is the one canonical layout.
    (tmp_path / "pyproject.toml").write_text(
        '[tool.bibnorm.format]\nindent = "    "\nalign = false\n', "utf-8"
    )
    out = tmp_path / "refs.bib"
    result = CliRunner().invoke(
        main,
        ["resolve", "-", "--snapshot", str(snapshot_index), "--offline", "-o", str(out), "-q"],
        input="Scaling Vision Transformers\n",
        env=env,
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "\n    howpublished = {arXiv:2106.04560},\n    year = {2021},\n" in text  # indent 4, no alignment
    formatted = CliRunner().invoke(main, ["format", str(out)], env=env)
    assert formatted.stdout == text
    checked = CliRunner().invoke(main, ["check", "--offline", "--select", "BN602,BN305", str(out)], env=env)
    assert checked.exit_code == 0 and "BN" not in checked.stdout, checked.output
