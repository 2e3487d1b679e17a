"""``bibnorm mcp``: bibnorm's tools for assistants, over the Model Context Protocol.

The server is driven through the ``mcp`` SDK's own client: in memory (``Client(server)``) for the
tools, and once over stdio against ``python -m bibnorm mcp`` as an assistant starts it. Every
answer is held to what the command line gives for the same input, run here in the same test
(offline, against the bundled demo snapshot, built as tox's demo env builds it).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import mcp
import pytest
from bibnorm import writers
from bibnorm.assist.server import build_server
from bibnorm.assist.tools import MAX_LOOKUP_CHARS, MAX_TEXT_CHARS
from bibnorm.cli import EXIT_USAGE, main
from bibnorm.cli.mcp_cmd import assist_config
from click.testing import CliRunner
from paths import FIXTURES, ROOT

DEMO = FIXTURES / "demo"
DEMO_PAGE = DEMO / "hf-page.txt"
VIT_COMER = (
    "ViT-CoMer: Vision Transformer with Convolutional Multi-scale Feature Interaction for Dense Predictions"
)
TOOLS = {"lookup_reference", "resolve_references", "verify_bibliography", "check_bibtex", "format_bibtex"}


@pytest.fixture(scope="module")
def demo_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    index = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    result = CliRunner().invoke(main, ["index", "build", str(DEMO / "snapshot.jsonl"), "-o", str(index)])
    assert result.exit_code == 0, result.output
    return index


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BIBNORM_CACHE_DIR", str(tmp_path / "cache"))
    for name in ("BIBNORM_SNAPSHOT", "BIBNORM_OFFLINE", "S2_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    return CliRunner()


def call(server: Any, tool: str, arguments: dict[str, Any]) -> Any:
    """The result of one tool call through the SDK's in-memory client."""

    async def go() -> Any:
        async with mcp.Client(server, raise_exceptions=True) as client:
            return await client.call_tool(tool, arguments)

    return anyio.run(go)


def tool_names(server: Any) -> set[str]:
    async def go() -> set[str]:
        async with mcp.Client(server, raise_exceptions=True) as client:
            return {tool.name for tool in (await client.list_tools()).tools}

    return anyio.run(go)


@pytest.fixture
def offline_server(runner: CliRunner, demo_index: Path, tmp_path: Path) -> Any:
    return build_server(assist_config((tmp_path,), {"offline": True, "snapshot": demo_index}))


def test_the_server_lists_its_tools_each_saying_its_caps(offline_server: Any) -> None:
    assert tool_names(offline_server) == TOOLS

    async def descriptions() -> dict[str, str]:
        async with mcp.Client(offline_server, raise_exceptions=True) as client:
            return {tool.name: tool.description or "" for tool in (await client.list_tools()).tools}

    described = anyio.run(descriptions)
    assert f"{MAX_LOOKUP_CHARS:,} characters" in described["lookup_reference"]
    for name in TOOLS - {"lookup_reference"}:
        assert f"{MAX_TEXT_CHARS:,} characters" in described[name], name


def test_the_schemas_say_the_caps_and_the_choices_a_client_can_check_before_calling(
    offline_server: Any,
) -> None:
    async def schemas() -> dict[str, dict[str, Any]]:
        async with mcp.Client(offline_server, raise_exceptions=True) as client:
            return {tool.name: tool.input_schema["properties"] for tool in (await client.list_tools()).tools}

    given = anyio.run(schemas)
    assert given["lookup_reference"]["reference"]["maxLength"] == MAX_LOOKUP_CHARS
    assert given["resolve_references"]["text"]["maxLength"] == MAX_TEXT_CHARS
    assert given["resolve_references"]["format"]["enum"] == sorted(writers.WRITERS)
    assert "IEEEtran" in given["format_bibtex"]["bst"]["enum"]


def test_resolve_and_verify_give_the_clis_bibtex_and_verdicts_for_the_demo_page(
    runner: CliRunner, demo_index: Path, offline_server: Any, tmp_path: Path
) -> None:
    cli = runner.invoke(main, ["resolve", str(DEMO_PAGE), "--snapshot", str(demo_index), "--offline", "-q"])
    assert cli.exit_code == 0, cli.output
    assert cli.stdout.count("@") > 10  # the page's papers, not an empty bibliography

    resolved = call(offline_server, "resolve_references", {"text": DEMO_PAGE.read_text(encoding="utf-8")})
    assert not resolved.is_error, resolved.content
    assert resolved.structured_content["text"] == cli.stdout

    (tmp_path / "refs.bib").write_text(cli.stdout, encoding="utf-8")
    verify_cli = runner.invoke(
        main, ["verify", "--json", "--offline", "--snapshot", str(demo_index), "refs.bib"]
    )
    expected = json.loads(verify_cli.stdout)["entries"]
    verified = call(offline_server, "verify_bibliography", {"bibtex": cli.stdout})
    assert not verified.is_error, verified.content
    got = verified.structured_content["entries"]
    assert [(e["key"], e["verdict"], e["findings"], e["matched"]) for e in got] == [
        (e["key"], e["verdict"], e["findings"], e["matched"]) for e in expected
    ]
    assert {e["verdict"] for e in got} == {"verified"}  # a snapshot answers for every paper it holds
    # The same again by path, under the folder the server was given.
    by_path = call(offline_server, "verify_bibliography", {"path": "refs.bib"})
    assert [e["verdict"] for e in by_path.structured_content["entries"]] == [e["verdict"] for e in expected]


def test_csl_json_is_the_clis_too(runner: CliRunner, demo_index: Path, offline_server: Any) -> None:
    cli = runner.invoke(
        main,
        ["resolve", str(DEMO_PAGE), "--snapshot", str(demo_index), "--offline", "-q", "--format", "csl-json"],
    )
    resolved = call(
        offline_server,
        "resolve_references",
        {"text": DEMO_PAGE.read_text(encoding="utf-8"), "format": "csl-json"},
    )
    assert resolved.structured_content["text"] == cli.stdout


# A user's .bib: one entry the demo snapshot holds, one work no source holds, with the user's note
USERS_BIB = f"""@misc{{vitcomer,
  title = {{{VIT_COMER}}},
  year = {{2024}},
}}

@article{{mine2019,
  author = {{Ann Author and Bob Builder}},
  title = {{A Study Nobody Indexed}},
  journal = {{Journal of Unindexed Results}},
  year = {{2019}},
  note = {{Read first}},
}}
"""


@pytest.mark.parametrize("output_format", ["bibtex", "csl-json"])
def test_a_users_record_that_does_not_resolve_is_written_as_given_as_the_cli_writes_it(
    runner: CliRunner, demo_index: Path, offline_server: Any, output_format: str
) -> None:
    cli = runner.invoke(
        main,
        ["resolve", "-", "--snapshot", str(demo_index), "--offline", "-q", "--format", output_format],
        input=USERS_BIB,
    )
    resolved = call(offline_server, "resolve_references", {"text": USERS_BIB, "format": output_format})
    assert not resolved.is_error, resolved.content
    answer = resolved.structured_content
    assert answer["text"] == cli.stdout
    assert "A Study Nobody Indexed" in answer["text"] and "Read first" in answer["text"]
    assert "2403.07392" in answer["text"]  # the resolved one, beside it
    (unresolved,) = answer["not_resolved"]
    assert (unresolved["status"], unresolved["as_given"]) == ("unresolved", "mine2019")
    assert answer["summary"]["as_given"] == 1


def test_a_lookup_gives_the_record_with_its_score_and_evidence(offline_server: Any) -> None:
    title = VIT_COMER
    found = call(offline_server, "lookup_reference", {"reference": title}).structured_content
    assert (found["resolved"], found["status"], found["title"]) == (True, "resolved", title)
    assert found["arxiv_id"] and found["key"]
    assert found["score"] > 0.9 and found["evidence"]["title_key_equal"] is True


def test_a_reference_nobody_holds_is_unresolved_never_guessed(offline_server: Any) -> None:
    # One word from a real title: close enough to find the real paper, not close enough to be it.
    invented = VIT_COMER.replace("Dense", "Sparse")
    found = call(offline_server, "lookup_reference", {"reference": invented}).structured_content
    assert (found["resolved"], found["status"]) == (False, "unresolved")
    assert found["arxiv_id"] is None and found["key"] is None and found["title"] is None
    (best,) = found["candidates"]
    assert best["title"] == VIT_COMER
    assert 0.9 < best["score"] < 1
    assert "no candidate reached the acceptance bar" in [p["message"] for p in found["problems"]]


BROKEN = """@article{a,
  title = {One},
  author = {Doe, Jane}
  year = {2020}
}

@article{a,
  title={Two}, author={Roe, Richard}, journal={J}, year={2021}}
"""


# plain prints neither a doi nor an eprint field: format --bst plain moves them where it prints them.
WITH_IDS = """@article{vaswani2017,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam},
  journal = {Advances in Neural Information Processing Systems},
  year = {2017},
  doi = {10.5555/3295222.3295349},
  eprint = {1706.03762},
  archiveprefix = {arXiv},
}
"""


def test_check_and_format_are_the_clis(runner: CliRunner, offline_server: Any, tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(BROKEN, encoding="utf-8")
    check_cli = runner.invoke(main, ["check", "--offline", "refs.bib"])
    checked = call(offline_server, "check_bibtex", {"path": "refs.bib"}).structured_content
    assert checked["lines"] == check_cli.stdout.splitlines()
    assert checked["errors"] > 0
    format_cli = runner.invoke(main, ["format", "refs.bib"])
    formatted = call(offline_server, "format_bibtex", {"bibtex": BROKEN}).structured_content
    assert formatted["text"] == format_cli.stdout
    assert formatted["changed"] is True


def test_format_takes_the_bst_the_cli_takes(runner: CliRunner, offline_server: Any, tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(WITH_IDS, encoding="utf-8")
    for bst in ("plain", "IEEEtran"):
        format_cli = runner.invoke(main, ["format", "--bst", bst, "refs.bib"])
        formatted = call(offline_server, "format_bibtex", {"bibtex": WITH_IDS, "bst": bst}).structured_content
        assert formatted["text"] == format_cli.stdout
    plain = call(offline_server, "format_bibtex", {"bibtex": WITH_IDS, "bst": "plain"}).structured_content
    as_given = call(offline_server, "format_bibtex", {"bibtex": WITH_IDS}).structured_content
    assert plain["text"] != as_given["text"]


@pytest.mark.parametrize(
    ("tool", "arguments", "message"),
    [
        pytest.param(
            "lookup_reference",
            {"reference": "x" * (MAX_LOOKUP_CHARS + 1)},
            f"the reference is {MAX_LOOKUP_CHARS + 1:,} characters; "
            f"this tool takes at most {MAX_LOOKUP_CHARS:,}",
            id="lookup-too-long",
        ),
        pytest.param(
            "format_bibtex",
            {"bibtex": "@misc{a,}\n" * (MAX_TEXT_CHARS // 10 + 1)},
            f"the BibTeX text is {MAX_TEXT_CHARS + 10:,} characters; "
            f"this tool takes at most {MAX_TEXT_CHARS:,}",
            id="text-too-long",
        ),
        pytest.param(
            "verify_bibliography",
            {"path": "../outside.bib"},
            "../outside.bib: outside the folders open to this server",
            id="path-outside-the-root",
        ),
        pytest.param(
            "check_bibtex",
            {"path": "/etc/passwd"},
            "/etc/passwd: outside the folders open to this server",
            id="absolute-path-elsewhere",
        ),
        pytest.param(
            "verify_bibliography",
            {"bibtex": "@misc{a, title={T}}", "path": "refs.bib"},
            "give either the BibTeX text or a path, not both or neither",
            id="both",
        ),
        pytest.param(
            "resolve_references",
            {"text": '{"not": "references"}'},
            "<text>: looks like JSON (a CSL-JSON or other export?), not a list of titles or ids",
            id="not-references",
        ),
        pytest.param(
            "format_bibtex",
            {"bibtex": "@misc{a, title={T}}", "bst": "chicago"},
            "unknown BibTeX style 'chicago'; choose one of: plain, ",
            id="unknown-bst",
        ),
        pytest.param(
            "resolve_references",
            {"text": "arXiv:2403.07392", "format": "docx"},
            "unknown format 'docx'; choose one of: ",  # the writers registered, whichever they are
            id="unknown-format",
        ),
    ],
)
def test_bad_input_is_a_tool_error_of_one_line(
    offline_server: Any, tmp_path: Path, tool: str, arguments: dict[str, Any], message: str
) -> None:
    (tmp_path.parent / "outside.bib").write_text("@misc{a, title={T}}\n", encoding="utf-8")
    result = call(offline_server, tool, arguments)
    assert result.is_error
    (content,) = result.content
    assert content.text.startswith(f"Error executing tool {tool}: {message}")
    assert "\n" not in content.text and "Traceback" not in content.text


def test_without_roots_no_file_is_read(runner: CliRunner, demo_index: Path, tmp_path: Path) -> None:
    (tmp_path / "refs.bib").write_text(BROKEN, encoding="utf-8")
    server = build_server(assist_config((), {"offline": True, "snapshot": demo_index}))
    result = call(server, "check_bibtex", {"path": str(tmp_path / "refs.bib")})
    assert result.is_error
    assert "no folder is open to this server (start it with --root DIR)" in result.content[0].text


def test_without_the_sdk_the_command_says_how_to_install_it(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What an environment without the extra has: no module of the SDK can be imported.
    for name in [name for name in sys.modules if name.split(".")[0] in ("mcp", "mcp_types")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.delitem(sys.modules, "bibnorm.assist.server")
    result = runner.invoke(main, ["mcp"])
    assert result.exit_code == EXIT_USAGE
    assert result.stderr == (
        "bibnorm: error: bibnorm mcp needs the MCP SDK, an optional extra: "
        "pip install 'bibnorm[mcp] @ git+https://github.com/bibnorm/bibnorm' "
        "(in a pipx install: pipx inject bibnorm 'mcp>=2.3,<3')\n"
    )


@pytest.fixture
def stdio_env(tmp_path: Path, demo_index: Path) -> Iterator[dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BIBNORM_")}
    yield env | {"BIBNORM_CACHE_DIR": str(tmp_path / "cache"), "BIBNORM_SNAPSHOT": str(demo_index)}


def test_over_stdio_as_an_assistant_starts_it(stdio_env: dict[str, str], tmp_path: Path) -> None:
    params = mcp.StdioServerParameters(
        command=sys.executable,
        args=["-m", "bibnorm", "mcp", "--offline", "--root", str(tmp_path)],
        env=stdio_env,
        cwd=str(ROOT),
    )

    async def go() -> tuple[set[str], Any]:
        async with mcp.Client(params) as client:
            names = {tool.name for tool in (await client.list_tools()).tools}
            return names, await client.call_tool("lookup_reference", {"reference": "arXiv:2403.07392"})

    names, found = anyio.run(go)
    assert names == TOOLS
    assert found.structured_content["status"] == "resolved"
    assert found.structured_content["arxiv_id"] == "2403.07392"


def test_over_streamable_http_on_the_loopback(stdio_env: dict[str, str], tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "bibnorm", "mcp", "--offline", "--http", str(port)],
        env=stdio_env,
        cwd=str(ROOT),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:  # until it listens (bounded: a server that never does fails the test)
            assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
            with socket.socket() as attempt:
                if attempt.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert time.monotonic() < deadline, "the server did not listen within a minute"
            time.sleep(0.2)

        async def go() -> set[str]:
            async with mcp.Client(f"http://127.0.0.1:{port}/mcp") as client:
                return {tool.name for tool in (await client.list_tools()).tools}

        assert anyio.run(go) == TOOLS
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stderr is not None:
            server.stderr.close()
