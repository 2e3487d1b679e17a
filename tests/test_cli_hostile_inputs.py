"""Hostile settings, pathological inputs and lost sources: one line, the right exit, nothing written.

Every case is run through the real command group (or a real process where closed file
descriptors matter) and asserts the exit code, that stderr is the one line naming the
problem (never a traceback, never a 5 MB value echoed back, never an API key), that nothing
was written, and, for settings, that no request was sent: they are refused where they are
built (`bibnorm.config.Settings`), before any source is asked.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bibnorm.cli import EXIT_FATAL, EXIT_FINDINGS, EXIT_OK, EXIT_SOURCES_FAILED, EXIT_USAGE, main
from bibnorm.config import _ENV
from click.testing import CliRunner, Result
from fakes.broken_api import BrokenApi, busy_api, closed_port, deep_json_api
from fakes.servers import FakeApis, running_fakes
from paths import DEV_SNAPSHOT, ROOT

TITLES = "Attention Is All You Need\nDeep Residual Learning for Image Recognition\n"
SECRET = "sk-0123456789abcdef"  # a key-shaped string that must never appear in any output
BIG = "k" * 5_000_000  # a 5 MB configuration key or value

# Offline with an empty cache nothing could be asked: exit 4, not success.
NOTHING_ASKED = EXIT_SOURCES_FAILED


def invoke(args: list[str], env: dict[str, str]) -> Result:
    result = CliRunner().invoke(main, args, env=env)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def one_error_line(result: Result) -> str:
    """The run's only stderr line, which must be a bibnorm error of a readable length."""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr[:2000]
    assert lines[0].startswith("bibnorm: error: ") and len(lines[0]) < 1000, lines[0][:2000]
    return lines[0]


@pytest.fixture
def api() -> Iterator[BrokenApi]:
    """One server standing in for every source: any request a refused setting let through is counted."""
    server = BrokenApi(200, b"{}").start()
    yield server
    server.stop()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "titles.txt").write_text(TITLES, encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@misc{a, title = {A}}\n", encoding="utf-8")
    return tmp_path


def sources_at(url: str, cache: Path) -> dict[str, str]:
    """Every source at a path of its own under ``url`` (a source is known by its base URL), no
    politeness delay, a fresh cache, no stray configuration."""
    env = {variable: "" for variable in _ENV}
    names = ("ARXIV", "S2", "DBLP", "CROSSREF", "OPENALEX", "OPENLIBRARY")
    env.update({f"BIBNORM_{name}_API_URL": f"{url}/{name.lower()}" for name in names})
    env.update({f"BIBNORM_{name}_DELAY": "0" for name in names})
    return env | {"BIBNORM_CROSSREF_SEARCH_DELAY": "0", "BIBNORM_CACHE_DIR": str(cache)}


# --------------------------------------------------------------------------- settings: refused before asking


@pytest.mark.parametrize(
    ("args", "env", "config", "code", "fragments"),
    [
        pytest.param([], {"BIBNORM_ARXIV_API_URL": "http://[::1/api"}, None, EXIT_FATAL,
                     ["environment variable BIBNORM_ARXIV_API_URL", "not a valid URL"],
                     id="ipv6-bracket-open"),
        pytest.param([], {"BIBNORM_S2_API_URL": "http://127.0.0.1:99999/graph/v1"}, None, EXIT_FATAL,
                     ["BIBNORM_S2_API_URL", "not a valid URL", "port"], id="port-out-of-range"),
        pytest.param([], {"BIBNORM_S2_API_URL": "ftp://127.0.0.1/graph/v1"}, None, EXIT_FATAL,
                     ["BIBNORM_S2_API_URL", "must start with http:// or https:// (not 'ftp:')"],
                     id="ftp-url"),
        pytest.param([], {"BIBNORM_CROSSREF_API_URL": "file:///etc/passwd"}, None, EXIT_FATAL,
                     ["BIBNORM_CROSSREF_API_URL", "(not 'file:')"], id="file-url"),
        pytest.param([], {"BIBNORM_DBLP_API_URL": "garbage"}, None, EXIT_FATAL,
                     ["BIBNORM_DBLP_API_URL", "must start with http:// or https://"], id="garbage-url"),
        pytest.param([], {"BIBNORM_OPENALEX_API_URL": "https:///works"}, None, EXIT_FATAL,
                     ["BIBNORM_OPENALEX_API_URL", "has no host name"], id="url-without-host"),
        pytest.param([], {"BIBNORM_ARXIV_API_URL": "http://127.0.0.1:9/api query"}, None, EXIT_FATAL,
                     ["BIBNORM_ARXIV_API_URL", "without spaces"], id="url-with-a-space"),
        pytest.param([], {"S2_API_KEY": f"{SECRET}\u043a\u043b\u044e\u0447"}, None, EXIT_FATAL,
                     ["environment variable S2_API_KEY", "printable ASCII", "not shown"],
                     id="non-ascii-s2-key"),
        pytest.param([], {"S2_API_KEY": f"{SECRET}\r\nX-Injected: 1"}, None, EXIT_FATAL,
                     ["S2_API_KEY", "line breaks"], id="s2-key-with-crlf"),
        pytest.param([], {"BIBNORM_OPENALEX_API_KEY": f"{SECRET} "}, None, EXIT_FATAL,
                     ["BIBNORM_OPENALEX_API_KEY", "without spaces"], id="openalex-key-with-a-space"),
        pytest.param(["--s2-api-key", f"{SECRET}\u00e9"], {}, None, EXIT_FATAL,
                     ["option --s2-api-key", "printable ASCII"], id="non-ascii-key-option"),
        pytest.param([], {}, f's2_api_key = "{SECRET}\\u00e9"', EXIT_FATAL,
                     ["bibnorm.toml: s2_api_key", "printable ASCII"], id="non-ascii-key-in-config"),
        pytest.param([], {"BIBNORM_ARXIV_DELAY": "1e10"}, None, EXIT_FATAL,
                     ["BIBNORM_ARXIV_DELAY", "less than or equal to 60"], id="delay-1e10"),
        pytest.param([], {"BIBNORM_S2_DELAY": "-1"}, None, EXIT_FATAL,
                     ["BIBNORM_S2_DELAY", "greater than or equal to 0"], id="negative-delay"),
        pytest.param([], {"BIBNORM_CROSSREF_SEARCH_DELAY": "nan"}, None, EXIT_FATAL,
                     ["BIBNORM_CROSSREF_SEARCH_DELAY", "finite"], id="nan-delay"),
        pytest.param([], {"BIBNORM_OPENLIBRARY_DELAY": "1e300"}, None, EXIT_FATAL,
                     ["BIBNORM_OPENLIBRARY_DELAY", "less than or equal to 60"], id="openlibrary-delay"),
        pytest.param([], {"BIBNORM_OPENLIBRARY_API_URL": "ftp://openlibrary.org"}, None, EXIT_FATAL,
                     ["BIBNORM_OPENLIBRARY_API_URL", "must start with http:// or https://"],
                     id="openlibrary-ftp-url"),
        pytest.param([], {}, "timeout = 1e300", EXIT_FATAL,
                     ["bibnorm.toml: timeout", "less than or equal to 600"], id="timeout-1e300"),
        pytest.param([], {}, "timeout = 0", EXIT_FATAL, ["timeout", "greater than 0"], id="timeout-0"),
        pytest.param([], {}, "max_wait_per_source = 1e300", EXIT_FATAL,
                     ["max_wait_per_source", "less than or equal to 3600"], id="max-wait-1e300"),
        pytest.param([], {}, "backoff_base = 1e10", EXIT_FATAL,
                     ["backoff_base", "less than or equal to 60"], id="backoff-1e10"),
        pytest.param([], {}, "max_attempts = 10000000000", EXIT_FATAL, ["max_attempts"], id="attempts-1e10"),
        pytest.param([], {}, "[thresholds]\naccept = nan", EXIT_FATAL,
                     ["thresholds", "(accept)"], id="threshold-nan"),
        pytest.param([], {}, 'contact = "\u043a\u043b\u044e\u0447"', EXIT_FATAL,
                     ["contact", "printable ASCII"], id="non-ascii-contact-header"),
        pytest.param([], {}, 'mailto = "me@example.org\\r\\nX: y"', EXIT_FATAL,
                     ["mailto", "printable ASCII on one line"], id="mailto-with-crlf"),
        pytest.param([], {}, 'snapshot = "a\\u0000b.sqlite"', EXIT_FATAL,
                     ["snapshot", "NUL"], id="path-with-nul"),
        pytest.param([], {}, f'lock = "{"c" * 300}.lock"', EXIT_FATAL,
                     ["bibnorm.toml: lock", "file name too long"], id="path-name-too-long"),
        pytest.param([], {}, f"{BIG} = 1", EXIT_FATAL,
                     ["bibnorm.toml: 'kkkk", "(5,000,000 characters): unknown setting"], id="5mb-config-key"),
        pytest.param([], {}, f'key_format = "{BIG}"', EXIT_FATAL,
                     ["bibnorm.toml: key_format", "key format 'kkkk",
                      "(5,000,000 characters) has no placeholder"],
                     id="5mb-config-value"),
        pytest.param([], {}, f'resolvers = ["{BIG}"]', EXIT_FATAL,
                     ["bibnorm.toml: resolvers", "unknown resolver 'kkkk", "(5,000,000 characters)"],
                     id="5mb-resolver-name"),
        pytest.param(["format"], {}, f'[format]\nfield_order = ["{BIG}!"]', EXIT_FATAL,
                     ["field-order", "(5,000,001 characters) is not a BibTeX field name"],
                     id="5mb-field-name"),
        pytest.param(["format"], {}, f'[format]\n{BIG} = 1', EXIT_FATAL,
                     ["bibnorm.toml: [format] 'kkkk", "(5,000,000 characters): unknown setting"],
                     id="5mb-format-key"),
        pytest.param(["check"], {}, "[check]\nselect = 5", EXIT_FATAL,
                     ["bibnorm.toml: [check] select must be a list of codes"], id="check-select-not-a-list"),
        pytest.param(["check"], {}, f'[check]\nselect = ["{BIG}"]', EXIT_USAGE,
                     ["unknown check code 'KKKK", "(5,000,000 characters)"], id="5mb-check-code"),
    ],
)  # fmt: skip
def test_a_bad_setting_is_one_line_naming_it_before_any_request(
    workdir: Path,
    api: BrokenApi,
    args: list[str],
    env: dict[str, str],
    config: str | None,
    code: int,
    fragments: list[str],
) -> None:
    if config is not None:
        (workdir / "bibnorm.toml").write_text(config + "\n", encoding="utf-8")
    command = (
        [*args, "refs.bib"]
        if args and args[0] in ("format", "check")
        else ["resolve", "titles.txt", "-o", "out.bib", *args]
    )
    result = invoke(command, {**sources_at(api.url, workdir / "cache"), **env})
    assert result.exit_code == code
    line = one_error_line(result)
    for fragment in fragments:
        assert fragment in line
    assert SECRET not in result.stderr + result.stdout
    assert api.requests == 0
    assert not (workdir / "out.bib").exists() and not (workdir / "cache").exists()


HOSTILE_VALUES = [
    "1e300", "1e10", "-1", "nan", "inf", "0", "\u043a\u043b\u044e\u0447", "a\r\nb", "[", "ftp://x/y",
    "file:///etc/passwd", "http://[::1/api", "http:///x", "http://127.0.0.1:99999/x", "x" * 100_000,
]  # fmt: skip


@pytest.mark.parametrize("variable", sorted(_ENV))
def test_every_environment_variable_takes_any_value_without_a_traceback(workdir: Path, variable: str) -> None:
    """A fuzz-style table: every BIBNORM_* variable (and S2_API_KEY) set to every hostile value.
    Each run either goes on (offline: nothing is asked) or ends in one short line; a key is
    never echoed."""
    base = sources_at(f"http://127.0.0.1:{closed_port()}", workdir / "cache") | {"BIBNORM_OFFLINE": "1"}
    for value in HOSTILE_VALUES:
        result = invoke(["resolve", "titles.txt", "-o", "out.bib"], {**base, variable: value})
        if result.exit_code in (EXIT_FATAL, EXIT_USAGE):
            line = one_error_line(result)
            # names the variable, or its file (an index it names)
            assert variable in line or "snapshot index" in line or "dblp index" in line, line
            assert not (workdir / "out.bib").exists()
        else:  # taken (offline, nothing is asked; BIBNORM_OFFLINE=0 asks a closed port: exit 4)
            assert result.exit_code in (EXIT_OK, EXIT_SOURCES_FAILED), (value[:20], result.stderr[:300])
        assert len(result.stderr) < 2000, (value[:20], result.stderr[:300])
        if variable.endswith("API_KEY") and len(value) > 3:
            assert value not in result.stderr
        (workdir / "out.bib").unlink(missing_ok=True)


TOML_VALUES = [
    "1e300", "-1e300", "nan", "inf", "-1", "0", "10000000000000000000", "true", '"\u043a\u043b\u044e\u0447"',
    '"a\\r\\nb"', '"ftp://x/y"', '""', "[1, [2]]", "{ a = 1 }", f'"{"x" * 100_000}"',
]  # fmt: skip
CONFIG_KEYS = [
    "timeout", "arxiv_delay", "max_wait_per_source", "backoff_base", "max_attempts", "breaker_failures",
    "s2_api_url", "openalex_api_key", "contact", "mailto", "snapshot", "cache_dir", "lock", "resolvers",
    "key_format", "style", "thresholds", "check", "format",
]  # fmt: skip


@pytest.mark.parametrize("key", CONFIG_KEYS)
def test_every_config_key_takes_any_value_without_a_traceback(workdir: Path, key: str) -> None:
    """The same table for the configuration file's keys (numbers, URLs, keys, paths, tables)."""
    env = sources_at(f"http://127.0.0.1:{closed_port()}", workdir / "cache") | {"BIBNORM_OFFLINE": "1"}
    for value in TOML_VALUES:
        (workdir / "bibnorm.toml").write_text(f"{key} = {value}\n", encoding="utf-8")
        for command in (["resolve", "titles.txt", "-o", "out.bib"], ["check", "--offline", "refs.bib"]):
            result = invoke(command, env)
            assert result.exit_code in (EXIT_OK, NOTHING_ASKED, EXIT_FATAL, EXIT_USAGE), (
                value[:20],
                result.stderr[:300],
            )
            if result.exit_code not in (EXIT_OK, NOTHING_ASKED) and command[0] == "resolve":
                one_error_line(result)
                assert not (workdir / "out.bib").exists()
            assert len(result.stderr) < 2000, (key, value[:20], result.stderr[:300])
            (workdir / "out.bib").unlink(missing_ok=True)


# --------------------------------------------------------------------------- pathological inputs


DEEP = "[" * 100_000


@pytest.mark.parametrize(
    ("name", "content", "args", "code", "fragment"),
    [
        pytest.param("deep.json", DEEP, [], EXIT_FATAL, "deep.json: not CSL-JSON",
                     id="csl-json-100k-brackets"),
        pytest.param("deep.json", '{"items": ' * 100_000, [], EXIT_FATAL, "not CSL-JSON",
                     id="csl-json-100k-objects"),
        pytest.param("deep.json", DEEP, ["--input-format", "csl-json"], EXIT_FATAL, "not CSL-JSON",
                     id="forced-csl-json"),
        pytest.param("deep.txt", DEEP, [], EXIT_FATAL, "deep.txt: looks like JSON", id="sniffed-as-json"),
        pytest.param("bibnorm.lock", DEEP, ["--lock", "bibnorm.lock"], EXIT_FATAL,
                     "bibnorm.lock: not a bibnorm lock file (nested too deeply", id="lockfile-100k-brackets"),
    ],
)  # fmt: skip
def test_json_nested_100k_deep_is_one_line_in_every_reader(
    workdir: Path, name: str, content: str, args: list[str], code: int, fragment: str
) -> None:
    (workdir / name).write_text(content, encoding="utf-8")
    given = "titles.txt" if name == "bibnorm.lock" else name
    env = sources_at(f"http://127.0.0.1:{closed_port()}", workdir / "cache") | {"BIBNORM_OFFLINE": "1"}
    result = invoke(["resolve", given, "-o", "out.bib", *args], env)
    assert result.exit_code == code
    assert fragment in one_error_line(result)
    assert not (workdir / "out.bib").exists()


def test_a_json_export_cut_off_says_where_its_json_breaks(workdir: Path) -> None:
    # a real Zotero export cut off (adunning/latin-greek-scientific-terminology's, at 3,000 bytes)
    (workdir / "cut.json").write_text('[{"id": "a", "title": "T"},\n {"id": "b", "ti', encoding="utf-8")
    env = sources_at(f"http://127.0.0.1:{closed_port()}", workdir / "cache") | {"BIBNORM_OFFLINE": "1"}
    result = invoke(["resolve", "cut.json", "-o", "out.bib"], env)
    assert result.exit_code == EXIT_FATAL
    assert one_error_line(result) == (
        "bibnorm: error: cut.json: not valid JSON at line 2, column 14: Unterminated string starting at"
    )


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("(" * 100_000, id="100k-parentheses"),
        pytest.param("[" * 100_000, id="100k-brackets"),
        pytest.param("Attention [2017] " * 6_000, id="100k-of-bracketed-years"),
    ],
)
def test_a_100kb_line_is_read_as_one_item_in_moments_not_hours(workdir: Path, line: str) -> None:
    """The venue/year tag patterns are quadratic in a line's length; a line no reading list
    tags is not searched (this took hours before, so a regression is the suite's timeout)."""
    (workdir / "long.lst").write_text(line + "\n", encoding="utf-8")
    env = sources_at(f"http://127.0.0.1:{closed_port()}", workdir / "cache") | {"BIBNORM_OFFLINE": "1"}
    result = invoke(["resolve", "long.lst", "-o", "out.bib"], env)
    assert result.exit_code == NOTHING_ASKED
    [listed, _summary] = result.stderr.splitlines()
    assert listed.startswith("long.lst:1: unresolved: ") and len(listed) < 1000  # quoted, not echoed whole


@pytest.mark.parametrize(
    ("content", "code"),
    [
        pytest.param("\\entry{" * 15_000, EXIT_FATAL, id="unclosed-entry-heads"),
        pytest.param("\\entry{a}{misc}{}" * 6_000, EXIT_FATAL, id="entries-without-end"),
        pytest.param("\\bibitem{" * 10_000, EXIT_FATAL, id="unclosed-bibitems"),
        pytest.param("\\bibitem[" * 10_000, EXIT_FATAL, id="unclosed-bibitem-labels"),
        pytest.param("\\entry{a}{misc}{}" + "\\verb{doi}\\verb " * 6_000 + "\\endentry", NOTHING_ASKED,
                     id="verbs-without-end"),
    ],
)  # fmt: skip
def test_a_bbl_of_unclosed_commands_is_read_in_linear_time(workdir: Path, content: str, code: int) -> None:
    """Each start of an unclosed ``\\entry{``, ``\\bibitem`` or ``\\verb`` used to scan to the end
    of the file (minutes for a megabyte); the .bbl reader finds each end once."""
    (workdir / "refs.bbl").write_text(content, encoding="utf-8")
    env = sources_at(f"http://127.0.0.1:{closed_port()}", workdir / "cache") | {"BIBNORM_OFFLINE": "1"}
    result = invoke(["resolve", "refs.bbl", "-o", "out.bib"], env)
    assert result.exit_code == code
    if code == EXIT_FATAL:
        assert one_error_line(result) == "bibnorm: error: refs.bbl: no references found (read as bbl)"


@pytest.mark.parametrize(
    ("source", "label"),
    [
        pytest.param("S2", "Semantic Scholar", id="s2"),
        pytest.param("DBLP", "dblp", id="dblp"),
        pytest.param("CROSSREF", "Crossref", id="crossref"),
    ],
)
def test_an_api_answering_json_nested_100k_deep_is_a_source_that_gave_up(
    workdir: Path, source: str, label: str
) -> None:
    (workdir / "ids.txt").write_text("10.1038/s42256-024-00832-8\n1512.03385\n", encoding="utf-8")
    with running_fakes() as apis, deep_json_api() as hostile:
        env = {**apis.env(workdir / "cache"), f"BIBNORM_{source}_API_URL": hostile.url}
        result = invoke(["resolve", "ids.txt", "-o", "out.bib"], env)
    assert hostile.requests > 0
    [warning] = [line for line in result.stderr.splitlines() if "warning" in line]
    assert f"{label} sent a body that is not JSON" in warning
    assert result.exit_code in (EXIT_OK, EXIT_SOURCES_FAILED)


STDIN_CLOSED = "standard input is closed; give a file, or pipe the input into '-'"


def bibnorm(*args: str, close: int, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """A real run with file descriptor ``close`` (0 stdin, 1 stdout) closed, as ``<&-``/``>&-`` do."""
    return subprocess.run(
        [sys.executable, "-m", "bibnorm", *args],
        cwd=cwd,
        env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE if close != 1 else None,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(close),  # in the child only, after the fork
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("args", "close", "message"),
    [
        pytest.param(["resolve", "-"], 0, STDIN_CLOSED, id="resolve-stdin-closed"),
        pytest.param(["check", "-"], 0, STDIN_CLOSED, id="check-stdin-closed"),
        pytest.param(["resolve", "titles.txt"], 1, "standard output is closed; write to a file with -o",
                     id="resolve-stdout-closed"),
    ],
)  # fmt: skip
def test_a_closed_standard_stream_is_one_line(
    workdir: Path, args: list[str], close: int, message: str
) -> None:
    env = sources_at(f"http://127.0.0.1:{closed_port()}", workdir / "cache") | {"BIBNORM_OFFLINE": "1"}
    run = bibnorm(*args, "--offline", close=close, cwd=workdir, env=env)
    assert run.returncode == EXIT_FATAL
    assert run.stderr.decode().splitlines() == [f"bibnorm: error: {message}"]


def test_latin1_on_stdin_is_read_like_a_latin1_file(workdir: Path) -> None:
    env = sources_at(f"http://127.0.0.1:{closed_port()}", workdir / "cache") | {"BIBNORM_OFFLINE": "1"}
    for _run in range(2):  # each run in one process says its note afresh
        result = CliRunner().invoke(
            main, ["resolve", "-", "-o", "out.bib"], env=env, input="Caf\xe9 Models\n".encode("latin-1")
        )
    assert "Traceback" not in result.stderr and result.exit_code == NOTHING_ASKED
    note, unresolved = result.stderr.splitlines()[:2]
    assert note == (
        "bibnorm: note: <stdin>: not UTF-8; read as Windows-1252 (Latin-1); what bibnorm writes is UTF-8"
    )
    assert unresolved.startswith("<stdin>:1: unresolved: Café Models")


# --------------------------------------------------------------------------- lost sources: said once; exit 4


VERIFY_BIB = """@article{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and Jones, Llion
            and Gomez, Aidan N. and Kaiser, Lukasz and Polosukhin, Illia},
  year = {2017},
  eprint = {1706.03762},
  archivePrefix = {arXiv},
}

@inproceedings{he2016deep,
  title = {Deep Residual Learning for Image Recognition},
  author = {He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},
  year = {2016},
  doi = {10.1109/CVPR.2016.90},
}
"""


def test_verify_with_every_source_down_names_them_and_exits_4(workdir: Path) -> None:
    (workdir / "refs.bib").write_text(VERIFY_BIB, encoding="utf-8")
    result = invoke(
        ["verify", "refs.bib"], sources_at(f"http://127.0.0.1:{closed_port()}", workdir / "cache")
    )
    assert result.exit_code == EXIT_SOURCES_FAILED
    assert result.stdout.count("BN700 warning: could not be verified") == 2
    [warning, summary] = result.stderr.splitlines()
    for source in ("arXiv", "Semantic Scholar", "Crossref"):
        assert f"{source} unreachable: connection refused" in warning
    assert "2 entries could not be verified. Try again later" in warning
    assert summary.startswith("2 entries: 0 verified, 0 mismatch, 0 not found, 2 unverifiable")


def test_verify_json_names_the_sources_down_too(workdir: Path) -> None:
    (workdir / "refs.bib").write_text(VERIFY_BIB, encoding="utf-8")
    result = invoke(
        ["verify", "--json", "refs.bib"], sources_at(f"http://127.0.0.1:{closed_port()}", workdir / "cache")
    )
    assert result.exit_code == EXIT_SOURCES_FAILED
    summary = json.loads(result.stdout)["summary"]
    assert set(summary["sources_down"]) == {"arxiv", "crossref", "crossref-search", "s2"}
    assert summary["unverifiable"] == 2


def test_verify_offline_without_a_lock_verifies_nothing_and_exits_4(workdir: Path) -> None:
    (workdir / "refs.bib").write_text(VERIFY_BIB, encoding="utf-8")
    env = sources_at(f"http://127.0.0.1:{closed_port()}", workdir / "cache")
    result = invoke(["verify", "--offline", "refs.bib"], env)
    assert result.exit_code == EXIT_SOURCES_FAILED
    assert result.stderr.splitlines()[:2] == [
        "bibnorm: warning: no entry could be verified (offline)",
        "bibnorm: hint: no lockfile holds these entries: run `bibnorm verify --update-lock FILE.bib` once"
        " online and commit bibnorm.lock",
    ]


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["verify", "--offline", "refs.bib"], id="verify-default-lock"),
        pytest.param(["check", "--offline", "refs.bib"], id="check-default-lock"),
        pytest.param(["resolve", "--offline", "titles.txt"], id="resolve-default-lock"),
    ],
)
def test_a_lockfile_that_is_a_directory_is_one_line_not_ignored(workdir: Path, args: list[str]) -> None:
    (workdir / "bibnorm.lock").mkdir()
    result = invoke(args, sources_at(f"http://127.0.0.1:{closed_port()}", workdir / "cache"))
    assert result.exit_code == EXIT_FATAL
    assert one_error_line(result) == "bibnorm: error: bibnorm.lock: is a directory, expected a lock file"


@pytest.fixture(scope="module")
def apis() -> Iterator[FakeApis]:
    with running_fakes() as started:
        yield started


def test_verify_with_crossref_giving_up_says_so_once_and_never_calls_a_doi_unknown(
    workdir: Path, apis: FakeApis
) -> None:
    """S2 does not hold the CVPR DOI and Crossref, its authority, is busy until bibnorm gives up:
    the entry is unverifiable (not "no source knows DOI"), and the give-up is said once."""
    (workdir / "refs.bib").write_text(VERIFY_BIB, encoding="utf-8")
    with busy_api() as crossref:
        env = {**apis.env(workdir / "cache"), "BIBNORM_CROSSREF_API_URL": crossref.url}
        result = invoke(["verify", "--json", "refs.bib"], env)
    verdicts = {entry["key"]: entry for entry in json.loads(result.stdout)["entries"]}
    assert verdicts["vaswani2017attention"]["verdict"] == "verified"
    # The JSON says what the text says of an unverifiable entry: its BN700 and why.
    assert verdicts["he2016deep"]["verdict"] == "unverifiable"
    assert [f["code"] for f in verdicts["he2016deep"]["findings"]] == ["BN700"]
    assert result.exit_code == EXIT_OK  # one entry was verified: not the "nothing verified" exit
    env = {**apis.env(workdir / "cache"), "BIBNORM_CROSSREF_API_URL": f"http://127.0.0.1:{closed_port()}"}
    assert invoke(["verify", "--strict", "refs.bib"], env).exit_code == EXIT_FINDINGS  # unverifiable fails
    [warning] = [line for line in result.stderr.splitlines() if "Crossref" in line]
    assert warning.startswith("bibnorm: warning: Crossref temporarily unavailable (HTTP 503) (gave up after")
    assert "1 entry could not be verified" in warning


def test_resolve_says_once_that_crossref_gave_up(workdir: Path, apis: FakeApis) -> None:
    """Crossref's give-up was in the report only; the item still resolves (from S2) but lacks
    the publisher's record, and stderr says so once."""
    (workdir / "dois.txt").write_text("10.1038/s42256-024-00832-8\n", encoding="utf-8")
    with busy_api() as crossref:
        env = {**apis.env(workdir / "cache"), "BIBNORM_CROSSREF_API_URL": crossref.url}
        result = invoke(["resolve", "dois.txt", "-o", "out.bib"], env)
    assert crossref.requests == 4  # every attempt of one request (max_attempts)
    assert result.exit_code == EXIT_OK
    [warning] = [line for line in result.stderr.splitlines() if "Crossref" in line]
    assert warning == (
        "bibnorm: warning: Crossref temporarily unavailable (HTTP 503) (gave up after 4 attempts). "
        "1 resolved item lacks what it would have added (published versions). Try again later, answer "
        "from the cache with --offline, or use a local index with --snapshot PATH."
    )


def test_check_says_once_that_crossref_gave_up_dating_a_published_version(
    workdir: Path, apis: FakeApis
) -> None:
    """BN501 names the published version S2 knows (Nature Machine Intelligence, DOI
    10.1038/s42256-024-00832-8); Crossref, which dates it, gives up: the finding keeps S2's
    year and stderr says why, once."""
    (workdir / "refs.bib").write_text(
        "@misc{bran2023augmenting,\n  title = {Augmenting large language models with chemistry tools},\n"
        "  author = {Bran, Andres M. and Cox, Sam},\n  year = {2023},\n  eprint = {2304.05376},\n"
        "  archiveprefix = {arXiv},\n}\n",
        encoding="utf-8",
    )
    with busy_api() as crossref:
        env = {**apis.env(workdir / "cache"), "BIBNORM_CROSSREF_API_URL": crossref.url}
        result = invoke(["check", "--select", "BN501", "refs.bib"], env)
    assert "BN501" in result.stdout and "Nature Machine Intelligence" in result.stdout
    [warning] = [line for line in result.stderr.splitlines() if "Crossref" in line]
    assert warning.startswith("bibnorm: warning: Crossref temporarily unavailable (HTTP 503)")
    assert "published versions it could not date keep Semantic Scholar's year" in warning


# --------------------------------------------------------------------------- cache, index, a cut-off .bib


def _damaged(folder: Path) -> None:
    folder.mkdir()
    (folder / "http-cache.sqlite").write_bytes(b"SQLite format 3\x00" + os.urandom(3000))


def _a_folder(folder: Path) -> None:
    (folder / "http-cache.sqlite").mkdir(parents=True)


def _a_file(folder: Path) -> None:
    folder.write_text("not a folder\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("command", "make", "fragment"),
    [
        pytest.param("info", _damaged,
                     "http-cache.sqlite is damaged (file is not a database); run 'bibnorm cache clear'",
                     id="info-damaged-database"),
        pytest.param("info", _a_folder, "http-cache.sqlite is not a file", id="info-database-is-a-folder"),
        pytest.param("info", _a_file, "is a file; point BIBNORM_CACHE_DIR or --cache-dir at a folder",
                     id="info-cache-path-is-a-file"),
        pytest.param("clear", _a_file, "is a file; point BIBNORM_CACHE_DIR", id="clear-cache-path-is-a-file"),
        pytest.param("clear", _a_folder, "is a folder, not the cache database; nothing was removed",
                     id="clear-database-is-a-folder"),
    ],
)  # fmt: skip
def test_a_cache_that_cannot_be_read_is_one_line_never_zero_responses(
    workdir: Path, command: str, make: object, fragment: str
) -> None:
    folder = workdir / "cache"
    make(folder)  # type: ignore[operator]
    result = invoke(["cache", command], {"BIBNORM_CACHE_DIR": str(folder)})
    assert result.exit_code == EXIT_FATAL
    assert fragment in one_error_line(result)
    assert "responses" not in result.stdout


def test_cache_info_on_an_empty_database_file_counts_zero(workdir: Path) -> None:
    (workdir / "cache").mkdir()
    (workdir / "cache" / "http-cache.sqlite").write_bytes(b"")
    result = invoke(["cache", "info", "--json"], {"BIBNORM_CACHE_DIR": str(workdir / "cache")})
    assert result.exit_code == EXIT_OK and json.loads(result.stdout)["responses"] == 0


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 3]


def _flipped(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(
    ("damage", "fragment"),
    [
        pytest.param(_truncated, "the compressed file is truncated: it ends inside line", id="truncated"),
        pytest.param(lambda data: data[:4], "truncated: it ends inside line 1 (after 0 complete lines)",
                     id="header-only"),
        pytest.param(lambda data: os.urandom(64), "damaged at line 1 (Not a gzipped file", id="not-gzip"),
        pytest.param(_flipped, "the compressed file is damaged at line", id="flipped-byte"),
    ],
)  # fmt: skip
def test_a_damaged_gz_snapshot_is_one_line_and_no_index(
    workdir: Path, dev_index: Path, damage: object, fragment: str, jobs: str
) -> None:
    data = gzip.compress(DEV_SNAPSHOT.read_bytes())
    (workdir / "dump.jsonl.gz").write_bytes(damage(data))  # type: ignore[operator]
    previous = dev_index.read_bytes()
    (workdir / "index.sqlite").write_bytes(previous)
    result = invoke(["index", "build", "dump.jsonl.gz", "-o", "index.sqlite", "--jobs", jobs], {})
    assert result.exit_code == EXIT_FATAL
    line = one_error_line(result)
    assert line.startswith("bibnorm: error: dump.jsonl.gz: ") and fragment in line
    assert "No index was written" in line
    assert (workdir / "index.sqlite").read_bytes() == previous
    assert sorted(p.name for p in workdir.iterdir()) == [
        "dump.jsonl.gz",
        "index.sqlite",
        "refs.bib",
        "titles.txt",
    ]


CUT_BIB = VERIFY_BIB[: VERIFY_BIB.index("  year = {2016}")] + "  year = {"  # a copy that stopped mid-entry
# What BibTeX does with it, as `check` says it and `resolve` quotes it.
CUT = (
    "the value of year (line 13) never closes: a brace or quote in it is unmatched (BibTeX counts \\{ and "
    "\\} as braces too), so BibTeX reads to the end of the file and loses year"
)


@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        pytest.param(["resolve", "cut.bib", "-o", "out.bib"], NOTHING_ASKED,
                     f"cut.bib:10: warning: entry he2016deep not read ({CUT}); kept verbatim in the output",
                     id="resolve-to-bibtex"),
        pytest.param(["resolve", "cut.bib", "-o", "out.json"], NOTHING_ASKED,
                     f"cut.bib:10: warning: entry he2016deep not read ({CUT}); not in the output",
                     id="resolve-to-csl-json"),
        pytest.param(["tex", "paper.tex"], EXIT_FINDINGS,
                     "cut.bib:10: warning: entry could not be parsed; its key counts as missing", id="tex"),
        pytest.param(["check", "cut.bib"], EXIT_FINDINGS,
                     f"cut.bib:10: he2016deep: BN104 error: {CUT}",
                     id="check"),
    ],
)  # fmt: skip
def test_a_cut_off_bib_is_one_line_of_ours_at_the_entrys_line(
    workdir: Path, args: list[str], code: int, expected: str
) -> None:
    (workdir / "cut.bib").write_text(CUT_BIB, encoding="utf-8")
    (workdir / "paper.tex").write_text(
        "\\documentclass{article}\\begin{document}\\cite{he2016deep}\\bibliography{cut}\\end{document}\n",
        encoding="utf-8",
    )
    env = sources_at(f"http://127.0.0.1:{closed_port()}", workdir / "cache") | {"BIBNORM_OFFLINE": "1"}
    result = invoke([*args, "--offline"], env)
    assert result.exit_code == code
    output = result.stderr + result.stdout
    assert expected in output.splitlines()
    assert "Parsing of" not in output and "aborted on line" not in output  # bibtexparser's own log line


# Every invisible format character a title may carry: bidi embeddings, overrides and isolates,
# direction marks, zero-width space, non-joiner and joiner, word joiner, a BOM inside the text.
FORMAT_CHARACTERS = (
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeff"
)


@pytest.mark.parametrize(
    ("name", "args"),
    [
        pytest.param("refs.bib", ["check", "--offline"], id="check"),
        pytest.param("refs.bib", ["format"], id="format"),
        pytest.param("refs.bib", ["resolve", "--offline"], id="resolve-bib"),
        pytest.param("titles.txt", ["resolve", "--offline"], id="resolve-list-of-titles"),
    ],
)
def test_titles_with_bidi_and_zero_width_characters_are_text(
    workdir: Path, name: str, args: list[str]
) -> None:
    """Unicode format characters are legitimate text, never a reason to call a file
    binary or not a list of titles."""
    titles = [f"Attention{FORMAT_CHARACTERS} Is All You Need", f"Deep Residual{FORMAT_CHARACTERS} Learning"]
    (workdir / "titles.txt").write_text("".join(f"{t}\n" for t in titles * 3), encoding="utf-8")
    (workdir / "refs.bib").write_text(
        "".join(f"@misc{{k{i}, title = {{{t}}}, year = {{2017}}}}\n" for i, t in enumerate(titles)),
        encoding="utf-8",
    )
    result = invoke([*args, name], sources_at(f"http://127.0.0.1:{closed_port()}", workdir / "cache"))
    # resolve offline with an empty cache settles nothing: exit 4, but every title was read as one
    expected = (EXIT_SOURCES_FAILED,) if args[0] == "resolve" else (EXIT_OK, EXIT_FINDINGS)
    assert result.exit_code in expected, result.stderr
    assert "binary" not in result.stderr and "bibnorm: error" not in result.stderr, result.stderr


def _input_chain(folder: Path, length: int, suffix: str, command: str) -> None:
    """main{suffix} inputs c1, which inputs c2, ... c{length}; the last cites a key."""
    names = ["main", *(f"c{i}" for i in range(1, length + 1))]
    for name, following in itertools.pairwise(names):
        (folder / f"{name}{suffix}").write_text(f"{command}{{{following}{suffix}}}\n", encoding="utf-8")
    last = "\\citation{k}\n" if suffix == ".aux" else "\\cite{k}\n"
    (folder / f"{names[-1]}{suffix}").write_text(last, encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["tex", "main.tex", "-o", "out.bib"], id="tex"),
        pytest.param(["verify", "--offline", "--tex", "main.tex", "refs.bib"], id="verify-tex"),
        pytest.param(["verify", "--offline", "--tex", "main.aux", "refs.bib"], id="verify-aux"),
    ],
)
def test_a_chain_of_3000_inputs_is_one_line_not_a_recursion_error(workdir: Path, args: list[str]) -> None:
    suffix = Path(args[args.index("--tex") + 1] if "--tex" in args else args[1]).suffix
    _input_chain(workdir, 3000, suffix, "\\@input" if suffix == ".aux" else "\\input")
    result = invoke(args, sources_at(f"http://127.0.0.1:{closed_port()}", workdir / "cache"))
    assert result.exit_code == EXIT_FATAL
    assert one_error_line(result) == (
        f"bibnorm: error: c64{suffix}:1: inputs nested more than 64 files deep (TeX itself stops at 15);"
        " not a document LaTeX compiles"
    )
    assert not (workdir / "out.bib").exists()


@pytest.mark.parametrize("suffix", [".tex", ".aux"])
def test_inputs_nested_as_deep_as_allowed_and_cycles_are_read(workdir: Path, suffix: str) -> None:
    command = "\\@input" if suffix == ".aux" else "\\input"
    _input_chain(workdir, 64, suffix, command)
    # c64 also inputs main: a cycle, read once.
    (workdir / f"c64{suffix}").write_text(
        f"{command}{{main{suffix}}}\n" + ("\\citation{k}\n" if suffix == ".aux" else "\\cite{k}\n"),
        encoding="utf-8",
    )
    result = invoke(
        ["verify", "--offline", "--tex", f"main{suffix}", "refs.bib"],
        sources_at(f"http://127.0.0.1:{closed_port()}", workdir / "cache"),
    )
    assert "bibnorm: error" not in result.stderr, result.stderr
    assert "BN791" in result.stdout  # the key cited at the bottom of the chain was found: no entry holds it
