"""Bad inputs, broken surroundings and interrupted runs: one line, the right exit code, nothing lost.

Each case is what a user met (issue "Reliability under real failures"): sources that are
down, files that are not what they seem, outputs that are inputs, broken caches and
configuration, full disks, pipes without a writer, Ctrl-C. Run through the real click group
(or a real process where signals and file descriptors matter).
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from bibnorm.cli import EXIT_INTERRUPTED, EXIT_SOURCES_FAILED, EXIT_USAGE, main
from bibnorm.resolvers.snapshot import build_index
from click.testing import CliRunner
from fakes.broken_api import closed_port
from fakes.servers import running_fakes
from paths import DEV_SNAPSHOT, ROOT

FIVE_TITLES = [
    "Attention Is All You Need",
    "Deep Residual Learning for Image Recognition",
    "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
    "Adam: A Method for Stochastic Optimization",
    "Layer Normalization",
]


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Sources on a port that refuses connections, a fresh cache, no stray configuration."""
    monkeypatch.chdir(tmp_path)
    port = closed_port()
    return {
        "BIBNORM_CACHE_DIR": str(tmp_path / "cache"),
        "BIBNORM_ARXIV_API_URL": f"http://127.0.0.1:{port}/api/query",
        "BIBNORM_S2_API_URL": f"http://127.0.0.1:{port}/graph/v1",
        "BIBNORM_SNAPSHOT": "",
        "BIBNORM_OFFLINE": "",
        "S2_API_KEY": "",
    }


@pytest.fixture(scope="module")
def snapshot_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("snapshot") / "dev.sqlite"
    build_index([DEV_SNAPSHOT], path)
    return path


def invoke(args: list[str], env: dict[str, str]) -> tuple[int, list[str], str]:
    """Exit code, stderr lines and stdout of one run through the real command group."""
    result = CliRunner().invoke(main, args, env=env)
    assert "Traceback" not in result.stderr, result.stderr
    return result.exit_code, result.stderr.splitlines(), result.stdout


def bibnorm_process(*args: str, env: dict[str, str], **popen: object) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-m", "bibnorm", *args],
        env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
        stderr=subprocess.PIPE,
        **popen,
    )


# --------------------------------------------------------------------------- sources that are down


def test_five_titles_with_every_source_refusing_fail_fast_with_one_reason_each(
    tmp_path: Path, env: dict[str, str]
) -> None:
    titles = tmp_path / "titles.txt"
    titles.write_text("\n".join(FIVE_TITLES) + "\n", encoding="utf-8")
    code, lines, _ = invoke(["resolve", str(titles), "-o", "out.bib", "--report", "r.json"], env)
    assert code == EXIT_SOURCES_FAILED
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [item["status"] for item in report["items"]] == ["failed"] * 5
    for item in report["items"]:
        assert {p["message"] for p in item["problems"]} == {
            "arXiv unreachable: connection refused",
            "Semantic Scholar unreachable: connection refused",
        }
    # The breaker: three attempts per source for the whole run, not four per request per item.
    assert report["summary"]["requests"] == {"arxiv": 3, "s2": 3}
    assert set(report["summary"]["sources_down"]) == {"arxiv", "s2"}
    [advice] = lines  # one line: why, the output's fate, what to do
    assert advice.startswith("bibnorm: error: no item could be resolved: no source could answer (")
    assert "out.bib not written" in advice and not (tmp_path / "out.bib").exists()
    assert "Try again later" in advice and "--offline" in advice and "--snapshot" in advice
    assert not any("HTTPConnectionPool" in line or "Max retries" in line for line in lines)


# --------------------------------------------------------------------------- inputs that are not titles


@pytest.mark.parametrize(
    ("name", "content", "seems"),
    [
        pytest.param(
            "results.txt",
            json.dumps({"results": [{"score": 1}, {"score": 2}], "next": None}, indent=1).encode(),
            "looks like JSON",
            id="json-that-is-not-csl-json",
        ),
        pytest.param(
            "feed.txt", b'<?xml version="1.0"?>\n<feed><entry/></feed>\n', "looks like XML", id="xml"
        ),
        pytest.param("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", id="binary"),
        pytest.param(
            "numbers.txt",
            b"1,2,3\n4,5,6\n7,8,9\n10,11,12\n13,14,15\n",
            "too few lines that look like titles",
            id="junk",
        ),
    ],
)
def test_an_input_that_is_not_a_list_of_titles_stops_before_any_request(
    tmp_path: Path, env: dict[str, str], name: str, content: bytes, seems: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, lines, _ = invoke(["resolve", str(path), "-o", "out.bib"], env)
    assert code == 1
    [line] = lines
    assert line.startswith(f"bibnorm: error: {path}: ") and seems in line
    assert "--input-format takes: " in line or seems == "binary"
    assert not (tmp_path / "cache").exists()  # no session, no request
    assert not (tmp_path / "out.bib").exists()


def test_utf16_titles_are_read_as_text(tmp_path: Path, env: dict[str, str], snapshot_index: Path) -> None:
    path = tmp_path / "titles.txt"
    path.write_bytes("Scaling Vision Transformers\r\n".encode("utf-16"))
    code, _, stdout = invoke(["resolve", str(path), "--offline", "--snapshot", str(snapshot_index)], env)
    assert code == 0
    assert re.search(r"howpublished *= \{arXiv:2106.04560\}", stdout)


# --------------------------------------------------------------------------- nothing the user had is lost

ZOTERO_BIB = """% exported from Zotero
@string{vit = "Scaling Vision Transformers"}

@article{zhai2021scaling,
  title = {Scaling Vision Transformers},
  author = {Zhai, Xiaohua and others},
  journal = {arXiv preprint arXiv:2106.04560},
  year = {2021},
  abstract = {As the scale of models grows...},
  keywords = {vision, scaling},
  file = {Zhai2021.pdf:/home/u/Zotero/Zhai2021.pdf:application/pdf},
  langid = {english},
  note = {Read twice}
}

@book{knuth1984texbook,
  title = {The {\\TeX}book},
  author = {Knuth, Donald E.},
  publisher = {Addison-Wesley},
  year = {1984}
}
"""


def test_resolving_a_bib_keeps_unresolved_entries_comments_strings_and_foreign_fields(
    tmp_path: Path, env: dict[str, str], snapshot_index: Path
) -> None:
    source = tmp_path / "refs.bib"
    source.write_text(ZOTERO_BIB, encoding="utf-8")
    args = ["resolve", str(source), "-o", "clean.bib", "--offline", "--snapshot", str(snapshot_index)]
    code, _, _ = invoke(args, env)
    assert code == 0
    text = (tmp_path / "clean.bib").read_text(encoding="utf-8")
    assert text.startswith('% exported from Zotero\n\n@string{vit = "Scaling Vision Transformers"}\n')
    assert text.endswith(ZOTERO_BIB[ZOTERO_BIB.index("@book") :])  # unresolved: byte for byte
    resolved = text[text.index("@misc{zhai2021scaling") : text.index("@book")]
    for kept in ("abstract", "keywords", "file", "langid", "note"):
        assert f"\n  {kept}" in resolved
    assert re.search(r"howpublished += \{arXiv:2106.04560\}", resolved)
    assert "arXiv preprint" not in resolved  # the owned field was replaced, not kept beside
    assert source.read_text(encoding="utf-8") == ZOTERO_BIB


TWICE_BIB = """@article{zhai2021scaling,
  title = {Scaling Vision Transformers},
  journal = {arXiv preprint arXiv:2106.04560},
  year = {2021}
}

@misc{vit-scaling,
  title = {Scaling vision transformers},
  note = {cited in the intro},
  eprint = {2106.04560}
}

@misc{zhai2021scaling,
  title = {Scaling Vision Transformers}
}
"""


def test_a_bib_entry_repeating_a_paper_is_written_resolved_under_its_own_key(
    tmp_path: Path, env: dict[str, str], snapshot_index: Path
) -> None:
    # A draft may \cite either key: both stay, both resolved (the same fields, so --journal-names
    # and a preset reach both); the same key twice is kept as written (BibTeX's own error stays).
    source = tmp_path / "refs.bib"
    source.write_text(TWICE_BIB, encoding="utf-8")
    args = ["resolve", str(source), "-o", "clean.bib", "--offline", "--snapshot", str(snapshot_index), "-q"]
    code, _, _ = invoke(args, env)
    assert code == 0
    blocks = (tmp_path / "clean.bib").read_text(encoding="utf-8").split("\n\n")
    first, second, third = blocks
    assert first.startswith("@misc{zhai2021scaling,") and second.startswith("@misc{vit-scaling,")
    unaligned = re.sub(r" += ", " = ", second)
    assert re.sub(r" += ", " = ", first).replace("zhai2021scaling", "KEY") == unaligned.replace(
        "vit-scaling", "KEY"
    ).replace("  note = {cited in the intro},\n", "")
    assert "arXiv preprint" not in second and "note = {cited in the intro}" in unaligned
    assert third == TWICE_BIB[TWICE_BIB.rindex("@misc{zhai2021scaling") :].rstrip("\n") + "\n"


@pytest.mark.parametrize("option", ["-o", "--report"])
def test_an_output_that_is_an_input_is_refused_and_the_input_kept(
    tmp_path: Path, env: dict[str, str], option: str
) -> None:
    source = tmp_path / "refs.bib"
    source.write_text(ZOTERO_BIB, encoding="utf-8")
    (tmp_path / "link.bib").symlink_to(source)
    code, lines, _ = invoke(["resolve", str(source), option, "./link.bib", "--offline"], env)
    assert code == EXIT_USAGE
    assert lines == [f"bibnorm: error: {option if option == '--report' else '-o/--output'} ./link.bib is "
                     "also an input; write to another file (nothing was written)"]  # fmt: skip
    assert source.read_text(encoding="utf-8") == ZOTERO_BIB


def test_a_wrong_format_setting_is_refused_before_in_place_writing(
    tmp_path: Path, env: dict[str, str]
) -> None:
    (tmp_path / "bibnorm.toml").write_text('[format]\nindent = "lots"\n', encoding="utf-8")
    source = tmp_path / "refs.bib"
    source.write_text(ZOTERO_BIB, encoding="utf-8")
    code, lines, _ = invoke(["format", "--in-place", str(source)], env)
    assert code == 1
    assert lines == [
        f"bibnorm: error: {tmp_path / 'bibnorm.toml'}: invalid [tool.bibnorm.format] indent: "
        'must be up to 16 spaces or tabs, e.g. indent = "  "'
    ]
    assert source.read_text(encoding="utf-8") == ZOTERO_BIB


# --------------------------------------------------------------------------- caches and configuration


def test_a_damaged_cache_says_how_to_clear_it(tmp_path: Path, env: dict[str, str]) -> None:
    cache = Path(env["BIBNORM_CACHE_DIR"])
    cache.mkdir()
    (cache / "http-cache.sqlite").write_bytes(b"this is not a database at all" * 100)
    (tmp_path / "t.txt").write_text("Layer Normalization\n", encoding="utf-8")
    code, lines, _ = invoke(["resolve", "t.txt"], env)
    assert code == 1
    assert lines == [
        f"bibnorm: error: the HTTP cache {cache / 'http-cache.sqlite'} is damaged (file is not a database); "
        "run 'bibnorm cache clear'"
    ]
    assert invoke(["cache", "clear"], env)[0] == 0
    # The cleared cache reads again: offline it holds nothing, which is exit 4, not a damaged cache.
    code, lines, _ = invoke(["resolve", "t.txt", "--offline"], env)
    assert code == EXIT_SOURCES_FAILED
    assert not any("damaged" in line for line in lines)


@pytest.mark.parametrize(
    ("cache", "message"),
    [
        pytest.param("a-file", "is a file; point BIBNORM_CACHE_DIR or --cache-dir at a folder", id="file"),
        pytest.param(
            "/proc/bibnorm-cache", "No such file or directory; point BIBNORM_CACHE_DIR", id="unwritable"
        ),
    ],
)
def test_a_cache_folder_that_cannot_be_made_is_one_line(
    tmp_path: Path, env: dict[str, str], cache: str, message: str
) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    (tmp_path / "t.txt").write_text("Layer Normalization\n", encoding="utf-8")
    code, lines, _ = invoke(["resolve", "t.txt"], {**env, "BIBNORM_CACHE_DIR": cache})
    assert code == 1
    [line] = lines
    assert message in line


@pytest.mark.parametrize(
    ("config", "variables", "message"),
    [
        pytest.param(
            "resolvers = 5\n",
            {},
            "bibnorm.toml: resolvers: invalid value: Input should be a valid tuple",
            id="type",
        ),
        pytest.param("colour = 'blue'\n", {}, "bibnorm.toml: colour: unknown setting", id="unknown-key"),
        pytest.param(b"\x7fELF\x02\x01\x01\x00\xd0\xff", {}, "bibnorm.toml: not valid TOML", id="binary"),
        pytest.param(
            "",
            {"BIBNORM_ARXIV_DELAY": "inf"},
            "environment variable BIBNORM_ARXIV_DELAY: invalid value: Input should be a finite number",
            id="infinite-delay",
        ),
        pytest.param(
            "[thresholds]\naccept = 3\n",
            {},
            "bibnorm.toml: thresholds: invalid value (accept)",
            id="threshold",
        ),
    ],
)
def test_bad_configuration_names_its_file_or_variable_and_key(
    tmp_path: Path, env: dict[str, str], config: str | bytes, variables: dict[str, str], message: str
) -> None:
    target = tmp_path / "bibnorm.toml"
    if isinstance(config, bytes):
        target.write_bytes(config)
    else:
        target.write_text(config, encoding="utf-8")
    (tmp_path / "t.txt").write_text("Layer Normalization\n", encoding="utf-8")
    code, lines, _ = invoke(["resolve", "t.txt"], {**env, **variables})
    assert code == 1
    [line] = lines
    assert line.startswith("bibnorm: error: ") and message in line


# --------------------------------------------------------------------------- pipes, disks, signals


def test_a_full_disk_on_stdout_is_one_line(tmp_path: Path, env: dict[str, str], snapshot_index: Path) -> None:
    (tmp_path / "t.txt").write_text("Scaling Vision Transformers\n", encoding="utf-8")
    with open("/dev/full", "wb") as full:
        process = bibnorm_process(
            "resolve", "t.txt", "--offline", "--snapshot", str(snapshot_index), "-q", env=env, stdout=full
        )
        _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1
    assert stderr.decode().splitlines() == [
        "bibnorm: error: cannot write to standard output: No space left on device"
    ]


def test_a_fifo_without_a_writer_is_waited_for_with_a_message(
    tmp_path: Path, env: dict[str, str], snapshot_index: Path
) -> None:
    fifo = tmp_path / "titles.fifo"
    os.mkfifo(fifo)
    process = bibnorm_process(
        "resolve", str(fifo), "--offline", "--snapshot", str(snapshot_index), env=env, stdout=subprocess.PIPE
    )
    assert process.stderr is not None
    first = process.stderr.readline().decode()
    assert first == f"bibnorm: waiting for data on the pipe {fifo} (Ctrl-C to stop)\n"
    fifo.write_text("Scaling Vision Transformers\n", encoding="utf-8")
    stdout, _ = process.communicate(timeout=60)
    assert process.returncode == 0
    assert re.search(rb"howpublished *= \{arXiv:2106.04560\}", stdout)


def test_watching_a_missing_draft_is_one_line_not_a_silent_wait(tmp_path: Path, env: dict[str, str]) -> None:
    code, lines, _ = invoke(["tex", "missing.tex", "--watch"], env)
    assert code == 1
    assert lines == ["bibnorm: error: missing.tex: no such file; nothing to watch"]


class SilentServer(int):
    """The port of a server that accepts connections and never answers (a hung source)."""

    connected: threading.Event


@pytest.fixture
def silent_server() -> Iterator[SilentServer]:
    """A port that accepts connections and never answers (a hung source)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue
            port.connected.set()

    port = SilentServer(listener.getsockname()[1])
    port.connected = threading.Event()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield port
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


@pytest.mark.parametrize(
    ("sent", "code", "words"),
    [
        pytest.param(signal.SIGINT, EXIT_INTERRUPTED, "interrupted", id="ctrl-c"),
        pytest.param(signal.SIGTERM, 143, "stopped by SIGTERM", id="sigterm"),
    ],
)
def test_an_interrupted_run_says_what_it_wrote_and_leaves_no_temporary_file(
    tmp_path: Path, env: dict[str, str], silent_server: SilentServer, sent: int, code: int, words: str
) -> None:
    (tmp_path / "t.txt").write_text("Layer Normalization\n", encoding="utf-8")
    (tmp_path / "out.bib").write_text("% mine\n", encoding="utf-8")
    hung = {
        **env,
        "BIBNORM_ARXIV_API_URL": f"http://127.0.0.1:{silent_server}/api/query",
        "BIBNORM_S2_API_URL": f"http://127.0.0.1:{silent_server}/graph/v1",
    }
    process = bibnorm_process("resolve", "t.txt", "-o", "out.bib", env=hung, cwd=tmp_path)
    # Signal once the run is waiting on the hung source (not while a loaded machine is
    # still starting the interpreter).
    assert silent_server.connected.wait(timeout=60)
    time.sleep(0.2)
    process.send_signal(sent)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == code
    assert stderr.decode().splitlines() == [f"bibnorm: {words}; no output file was changed"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "cache") == ["out.bib", "t.txt"]
    assert (tmp_path / "out.bib").read_text(encoding="utf-8") == "% mine\n"


def test_two_runs_sharing_one_cache_both_succeed_with_the_same_output(tmp_path: Path) -> None:
    titles = tmp_path / "titles.txt"
    titles.write_text("Scaling Vision Transformers\nMobileNets: Efficient Convolutional Neural Networks "
                      "for Mobile Vision Applications\n", encoding="utf-8")  # fmt: skip
    with running_fakes() as apis:
        environment = apis.env(tmp_path / "cache")
        runs = [
            bibnorm_process("resolve", str(titles), "-q", env=environment, stdout=subprocess.PIPE)
            for _ in range(2)
        ]
        outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in outputs]
    assert outputs[0][0] == outputs[1][0]
    assert re.search(rb"howpublished *= \{arXiv:1704.04861", outputs[0][0])


@pytest.mark.parametrize(
    ("setting", "reason"),
    [
        pytest.param(
            'resolvers = ["snapshot", "nosuch"]',
            "resolvers: invalid value: unknown resolver 'nosuch' (known: snapshot, arxiv, s2, dblp, "
            "crossref, openalex)",
            id="resolvers",
        ),
        # a project's empty list would make every paper "not found" by sources never asked
        pytest.param(
            "resolvers = []",
            "resolvers: invalid value: no resolver named: nothing would be asked (known: snapshot, arxiv, "
            "s2, dblp, crossref, openalex)",
            id="no-resolvers",
        ),
        pytest.param(
            'key_format = "{nonsense}"',
            "key_format: invalid value: unknown key placeholder {nonsense} in key format '{nonsense}'; "
            "known: {family}, {auth}, {year}, {firstword}, {shorttitle}, {arxiv}, {dblp}; presets: google, "
            "bbt, arxiv, dblp",
            id="key_format",
        ),
    ],
)
def test_a_config_value_refused_after_loading_names_its_file_and_key(
    tmp_path: Path, env: dict[str, str], setting: str, reason: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.bibnorm]\n{setting}\n", encoding="utf-8")
    (tmp_path / "t.txt").write_text("Layer Normalization\n", encoding="utf-8")
    code, lines, _ = invoke(["resolve", "t.txt", "--offline"], env)
    assert code == 1
    assert lines == [f"bibnorm: error: {tmp_path / 'pyproject.toml'}: [tool.bibnorm] {reason}"]


def test_the_same_value_given_as_an_option_stays_a_usage_error(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "t.txt").write_text("Layer Normalization\n", encoding="utf-8")
    code, lines, _ = invoke(["resolve", "t.txt", "--offline", "--resolvers", "nosuch"], env)
    assert code == EXIT_USAGE
    assert lines == [
        "bibnorm: error: unknown resolver 'nosuch' (known: snapshot, arxiv, s2, dblp, crossref, openalex)"
    ]
