"""A repository cannot grant trust or redirect secrets: what a project's configuration (its
``bibnorm.toml``, its ``pyproject.toml``, or a parent folder's) may set, and what only the user's
own configuration, the environment or the command line may (`bibnorm.config`)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from bibnorm.cli import EXIT_FATAL, main
from bibnorm.config import SOURCE_URLS, USER_ONLY, load_settings
from bibnorm.errors import ConfigError
from click.testing import CliRunner

SECRET = "s2-secret-key-0123456789"
VALUES = {
    "lock_key": '"forged-lock-key-0123456789"',
    "cache_dir": '"committed-cache"',
    "snapshot": '"fake-snapshot.sqlite"',
    "dblp_index": '"fake-dblp.sqlite"',
    "openalex_works": '"fake-works.sqlite"',
    "retraction_watch": '"fake-rw.sqlite"',
    # A server that answers for a source could vouch for a fabricated entry online.
    **{url: '"https://mirror.example.org/api"' for url in SOURCE_URLS},
}
PROJECT_FILES = {
    "bibnorm.toml": ("bibnorm.toml", "{setting} = {value}\n", ""),
    "pyproject.toml": ("pyproject.toml", "[tool.bibnorm]\n{setting} = {value}\n", "[tool.bibnorm] "),
    "parent-folder": ("../bibnorm.toml", "{setting} = {value}\n", ""),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "repo").mkdir()
    return tmp_path / "repo"


def own_config(folder: Path, text: str) -> dict[str, str]:
    """The user's own configuration file, and the environment that finds it."""
    path = folder / "user-config" / "bibnorm" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return {"XDG_CONFIG_HOME": str(folder / "user-config")}


def test_every_setting_that_decides_trust_is_listed() -> None:
    assert set(USER_ONLY) == set(VALUES)


@pytest.mark.parametrize("where", PROJECT_FILES, ids=list(PROJECT_FILES))
@pytest.mark.parametrize("setting", USER_ONLY)
def test_a_project_configuration_cannot_set_what_decides_trust(
    project: Path, where: str, setting: str
) -> None:
    name, template, section = PROJECT_FILES[where]
    (project / name).write_text(template.format(setting=setting, value=VALUES[setting]), encoding="utf-8")

    with pytest.raises(ConfigError) as refused:
        load_settings(environ={}, cwd=project)

    message = str(refused.value)
    assert message.startswith(
        f"{os.path.normpath(project / name)}: {section}{setting}: a project's configuration cannot set"
    )
    assert "BIBNORM_TRUST_PROJECT_CONFIG=1" in message
    assert "\n" not in message


@pytest.mark.parametrize("setting", USER_ONLY)
def test_the_user_sets_them_in_their_own_configuration(project: Path, setting: str) -> None:
    environ = own_config(project.parent, f"{setting} = {VALUES[setting]}\n")
    settings = load_settings(environ=environ, cwd=project)
    assert getattr(settings, setting) is not None


@pytest.mark.parametrize(
    "opt_in",
    [
        pytest.param({"BIBNORM_TRUST_PROJECT_CONFIG": "1"}, id="environment"),
        pytest.param("user-config", id="own-configuration"),
    ],
)
def test_the_user_may_trust_a_project_they_know(project: Path, opt_in: object) -> None:
    (project / "bibnorm.toml").write_text(
        'lock_key = "team-lock-key-0123456789"\ns2_api_url = "https://mirror.example.org/graph/v1"\n'
        'lock = "../elsewhere.lock"\n',
        encoding="utf-8",
    )
    environ = {"S2_API_KEY": SECRET}
    environ |= (
        own_config(project.parent, "trust_project_config = true\n") if opt_in == "user-config" else opt_in
    )  # type: ignore[operator]

    settings = load_settings(environ=environ, cwd=project)

    assert (
        settings.lock_key is not None and settings.lock_key.get_secret_value() == "team-lock-key-0123456789"
    )
    assert settings.s2_api_key is not None and settings.s2_api_key.get_secret_value() == SECRET


def test_a_project_cannot_trust_itself(project: Path) -> None:
    (project / "bibnorm.toml").write_text("trust_project_config = true\nlock_key = 'x0123456789'\n", "utf-8")
    with pytest.raises(ConfigError, match="trust_project_config: unknown setting"):
        load_settings(environ={}, cwd=project)


@pytest.mark.parametrize(
    ("table", "laxer"),
    [
        pytest.param("accept = 0.99\ngeneric_title_words = 3", None, id="stricter-is-the-projects-choice"),
        pytest.param("accept = 0.5", "accept 0.5 < 0.95", id="a-lower-accept"),
        pytest.param(
            "abstract_contradicts = 0.0", "abstract_contradicts 0.0 < 0.2", id="contradiction-ignored"
        ),
        pytest.param("years_before_preprint = 10", "years_before_preprint 10 > 1", id="any-year-before"),
    ],
)
def test_a_project_may_make_matching_stricter_never_laxer(
    project: Path, table: str, laxer: str | None
) -> None:
    (project / "bibnorm.toml").write_text(f"[thresholds]\n{table}\n", encoding="utf-8")
    if laxer is None:
        load_settings(environ={}, cwd=project)
        return
    with pytest.raises(ConfigError) as refused:
        load_settings(environ={}, cwd=project)
    assert f"may make matching stricter, never laxer ({laxer})" in str(refused.value)


@pytest.mark.parametrize(
    ("lock", "refused"),
    [
        pytest.param("bibnorm.lock", False, id="in-the-project"),
        pytest.param("ci/bibnorm.lock", False, id="in-a-folder-of-the-project"),
        pytest.param("../outside.lock", True, id="climbing-out"),
        pytest.param("/tmp/elsewhere.lock", True, id="absolute"),
    ],
)
def test_a_project_names_a_lock_inside_itself_only(project: Path, lock: str, refused: bool) -> None:
    (project / "pyproject.toml").write_text(f'[tool.bibnorm]\nlock = "{lock}"\n', encoding="utf-8")
    if not refused:
        assert load_settings(environ={}, cwd=project).lock == Path(lock)
        return
    with pytest.raises(ConfigError, match="lies outside the project"):
        load_settings(environ={}, cwd=project)


@pytest.mark.parametrize(
    "url_from",
    [
        pytest.param("environment", id="users-url-gets-the-key"),
        pytest.param("user-config", id="own-configuration-url-gets-the-key"),
    ],
)
@pytest.mark.parametrize(
    ("url", "key", "variable"),
    [
        ("s2_api_url", "s2_api_key", "S2_API_KEY"),
        ("openalex_api_url", "openalex_api_key", "BIBNORM_OPENALEX_API_KEY"),
    ],
)
def test_a_source_url_the_user_sets_gets_the_api_key(
    project: Path, url_from: str, url: str, key: str, variable: str
) -> None:
    elsewhere = "https://collector.example.org/graph/v1"
    environ = {variable: SECRET}
    if url_from == "environment":
        environ[f"BIBNORM_{url.upper()}"] = elsewhere
    else:
        environ |= own_config(project.parent, f'{url} = "{elsewhere}"\n')

    settings = load_settings(environ=environ, cwd=project)

    assert getattr(settings, url) == elsewhere
    assert getattr(settings, key) is not None


# --- end to end: the key never reaches a host only a project names ---------------------------------


class _Recorder(BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        type(self).seen.append({name.lower(): value for name, value in self.headers.items()})
        body = b'{"data": [], "total": 0}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def collector() -> Iterator[tuple[str, list[dict[str, str]]]]:
    _Recorder.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/graph/v1", _Recorder.seen
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("named_by", ["project", "environment"])
def test_the_s2_key_goes_only_to_a_host_the_user_named(
    project: Path, monkeypatch: pytest.MonkeyPatch, collector: tuple[str, list[dict[str, str]]], named_by: str
) -> None:
    url, seen = collector
    monkeypatch.chdir(project)
    (project / "t.txt").write_text("A Title No Source Holds For Sure\n", encoding="utf-8")
    env = {
        "S2_API_KEY": SECRET,
        "BIBNORM_CACHE_DIR": str(project.parent / "cache"),
        "XDG_CONFIG_HOME": str(project.parent),
    }
    settings = "resolvers = ['s2']\nmax_attempts = 1\ns2_delay = 0.0\n"
    if named_by == "project":
        settings += f'\ns2_api_url = "{url}"\n'
    else:
        env["BIBNORM_S2_API_URL"] = url
    (project / "bibnorm.toml").write_text(settings, encoding="utf-8")

    result = CliRunner().invoke(main, ["resolve", "t.txt", "-q"], env=env)

    if named_by == "project":
        # A server a repository names could answer for the source (and vouch for a fabricated
        # entry): the setting is refused in one line, and nothing is sent anywhere.
        assert result.exit_code == 1 and seen == []
        assert result.stderr.count("\n") == 1 and "cannot set s2_api_url" in result.stderr
    else:
        assert seen, "the source was asked"
        assert [headers.get("x-api-key") for headers in seen] == [SECRET] * len(seen)


def test_a_lock_key_committed_in_the_repository_fails_verify_in_one_line(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    (project / "pyproject.toml").write_text(
        '[tool.bibnorm]\nlock_key = "forged-lock-key-0123456789"\n', "utf-8"
    )
    (project / "fake.bib").write_text(
        "@article{fake, title = {A Paper Nobody Wrote}, year = 2024}\n", "utf-8"
    )

    result = CliRunner().invoke(
        main, ["verify", "--offline", "fake.bib"], env={"BIBNORM_CACHE_DIR": str(project.parent / "cache")}
    )

    assert result.exit_code == EXIT_FATAL
    assert len(result.stderr.splitlines()) == 1
    assert "a project's configuration cannot set lock_key" in result.stderr
    assert "verified" not in result.stderr
