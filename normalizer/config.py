"""Settings: every policy knob of a run, in one frozen object.

Precedence, highest first: command-line options, environment variables, the
``[tool.bibnorm]`` table of ``pyproject.toml`` (or the top level of ``bibnorm.toml``)
found in the working directory or its parents (the *project's* configuration), the user's
own ``$XDG_CONFIG_HOME/bibnorm/config.toml`` (``~/.config/bibnorm/config.toml``), then the
defaults below.

A project's configuration comes with a cloned repository, so it cannot decide what is
trusted or where secrets go (docs/ci.md, "What a repository can change"): the settings of
`USER_ONLY` (the lock key, the cache folder whose answers an offline run trusts, the local
indexes verify trusts, the sources' API URLs: the servers that answer for them) are refused
there in one line; a ``lock`` it names must lie inside the project. The user lifts
these rules for the projects they trust with ``trust_project_config = true`` in their own
configuration file, or ``BIBNORM_TRUST_PROJECT_CONFIG=1``.

This module reads files and the environment only in `load_settings`; everything
else is pure.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from bibnorm.errors import BibnormError, ConfigError, UsageError, shown
from bibnorm.io import expand_user
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SecretStr,
    ValidationError,
    field_validator,
)

DEFAULT_ARXIV_API_URL = "https://export.arxiv.org/api/query"
DEFAULT_S2_API_URL = "https://api.semanticscholar.org/graph/v1"
DEFAULT_CROSSREF_API_URL = "https://api.crossref.org"
DEFAULT_OPENALEX_API_URL = "https://api.openalex.org"
DEFAULT_DBLP_API_URL = "https://dblp.org"  # mirrors: https://dblp.uni-trier.de, https://dblp.dagstuhl.de
DEFAULT_OPENLIBRARY_API_URL = "https://openlibrary.org"
DEFAULT_ZOTERO_API_URL = "http://localhost:23119/api/"  # Zotero 7+'s local API (resolvers/zotero.py)


# The ranges of the time settings (docs/configuration.md). Beyond them a value is a typo, and
# would reach time.sleep or a socket timeout as a number the platform cannot hold
# (OverflowError) or a wait nobody means: "inf", "nan" and 1e300 are errors, not hangs.
MAX_DELAY = 60.0  # seconds between two requests to one source
MAX_TIMEOUT = 600.0  # seconds one request may take
MAX_BACKOFF_BASE = 60.0  # seconds of the first backoff (doubled per attempt, capped at 120 s)
MAX_WAIT_PER_SOURCE = 3600.0  # seconds of waiting a run may spend on one source
Delay = Annotated[float, Field(ge=0, le=MAX_DELAY, allow_inf_nan=False)]

# How journal and conference names are written (`bibnorm.text.journals`).
JournalNames = Literal["full", "abbreviated", "as-given"]
# The BibTeX styles whose printed fields bibnorm knows (normalizer/writers/bibtex.py `BST_FAMILIES`).
BstName = Literal[
    "plain",
    "abbrv",
    "unsrt",
    "alpha",
    "plainnat",
    "abbrvnat",
    "unsrtnat",
    "splncs04",
    "IEEEtran",
    "ACM-Reference-Format",
]

Fraction = Annotated[float, Field(ge=0, le=1)]


def _api_url(value: str) -> str:
    """An http(s) URL with a host, checked before any request: anything else would only ever
    read as "unreachable" (``ftp://``, ``file://``, a typo) or fail inside the HTTP library."""
    if len(value) > 2000 or any(not ch.isprintable() or ch.isspace() for ch in value):
        raise ValueError("must be an http:// or https:// URL, without spaces or control characters")
    try:
        parts = urlsplit(value)
        _ = parts.port  # a port that is not a number, or out of range, raises here
    except ValueError:
        raise ValueError("is not a valid URL (check the port and the brackets of an IPv6 address)") from None
    if parts.scheme.lower() not in ("http", "https"):
        scheme = f" (not {shown(parts.scheme + ':', 20)})" if parts.scheme else ""
        raise ValueError(f"must start with http:// or https://{scheme}")
    if not parts.hostname:
        raise ValueError("has no host name (e.g. https://api.example.org/path)")
    return value


def _header_text(value: str) -> str:
    """Text sent in an HTTP header or query (contact, mailto): printable ASCII, one line."""
    if len(value) > 500 or any(not " " <= ch <= "~" for ch in value):
        raise ValueError("must be printable ASCII on one line (up to 500 characters)")
    return value


def _api_key(value: SecretStr) -> SecretStr:
    """API keys are sent as a header: printable ASCII without spaces. Never echoed: an error
    message naming the key would put it in CI logs."""
    key = value.get_secret_value()
    if not key or len(key) > 500 or any(not "!" <= ch <= "~" for ch in key):
        raise ValueError(
            "an API key must be printable ASCII without spaces or line breaks (the key is not shown)"
        )
    return value


def _usable_path(value: Path) -> Path:
    """A path the system can open: no NUL byte, within the lengths of a file name and a path."""
    text = os.fsencode(value)
    if b"\0" in text:
        raise ValueError("a path cannot contain a NUL character")
    if len(text) >= 4096 or any(len(part) > 255 for part in text.split(b"/")):
        raise ValueError("file name too long")
    return value


ApiUrl = Annotated[str, AfterValidator(_api_url)]
ApiKey = Annotated[SecretStr, AfterValidator(_api_key)]
HeaderText = Annotated[str, AfterValidator(_header_text)]
UsablePath = Annotated[Path, AfterValidator(_usable_path)]


class MatchThresholds(BaseModel):
    """When a candidate counts as the paper the user meant.

    - ``accept``: the combined score a candidate needs when its normalized title is
      not identical to the query's (typo-level differences only).
    - ``abstract_confirms``: abstract similarity that confirms a candidate whose
      title was revised between versions (title similarity must still reach
      ``title_floor``).
    - ``abstract_contradicts``: below this abstract similarity, even an identical
      title is not accepted (two papers with the same title).
    - ``ambiguity_margin``: two acceptable candidates for different papers whose
      scores are closer than this make the item ``ambiguous``.
    - ``generic_title_words``, ``generic_title_letters``: a title of at most this many
      words and letters ("Deep Learning") names many papers; it resolves only with an
      author, a year or an abstract that agrees, else the item is ``ambiguous`` with
      its candidates.
    - ``years_before_preprint``: a reference dated more than this many years before
      a record's first version cannot be citing it.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    accept: Fraction = 0.95
    title_floor: Fraction = 0.80
    abstract_confirms: Fraction = 0.80
    abstract_contradicts: Fraction = 0.20
    ambiguity_margin: Fraction = 0.03
    generic_title_words: Annotated[int, Field(ge=0, le=10)] = 2
    generic_title_letters: Annotated[int, Field(ge=0, le=100)] = 20
    years_before_preprint: Annotated[int, Field(ge=0, le=10)] = 1


class Settings(BaseModel):
    """Everything a run may be told: the sources (``resolvers``, their URLs, keys and pace), the
    local indexes, the cache, matching's thresholds, the key formula, the BibTeX layout and the
    ``check`` and ``format`` tables. `load_settings` builds them from the defaults, the project's
    configuration file, the environment and overrides, and says where each value came from;
    every function of the API takes them (docs/configuration.md)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    offline: bool = False
    # Processor seconds reading one input may take (a text or PDF built to stall the reader ends
    # with one line): `bibnorm.readers.read_inputs`.
    read_budget: Annotated[float, Field(gt=0, le=86400, allow_inf_nan=False)] = 60.0
    snapshot: UsablePath | None = None
    cache_dir: UsablePath = Field(default_factory=lambda: default_cache_dir())
    arxiv_api_url: ApiUrl = DEFAULT_ARXIV_API_URL
    arxiv_delay: Delay = 3.0
    # A last per-title `all:` OR-query for titles the batched phrase and word queries
    # missed: finds titles spelt differently from arXiv's, at one request per title.
    arxiv_broad_search: bool = False
    s2_api_url: ApiUrl = DEFAULT_S2_API_URL
    s2_delay: Delay = 1.0
    s2_api_key: ApiKey | None = None
    # dblp asks for "at least one or two seconds" between queries (its crawling FAQ).
    dblp_api_url: ApiUrl = DEFAULT_DBLP_API_URL
    dblp_delay: Delay = 2.0
    # The local dblp index ('bibnorm index build dblp.xml.gz'), asked before dblp's search.
    dblp_index: UsablePath | None = None
    # The local OpenAlex works index ('bibnorm index build' on the works snapshot), asked by
    # verify before the online sources (normalizer/corpus, resolvers/openalex_works.py).
    openalex_works: UsablePath | None = None
    # The local Retraction Watch index ('bibnorm index build retraction_watch.csv'): notices by DOI.
    retraction_watch: UsablePath | None = None
    # Crossref's public pool: 5 single-work requests a second since December 2025.
    crossref_api_url: ApiUrl = DEFAULT_CROSSREF_API_URL
    crossref_delay: Delay = 0.25
    crossref_search_delay: Delay = 1.0  # lists (/works?query…): 1 a second in the public pool
    # OpenAlex: asked only with a key (required since February 2026; list calls are priced).
    openalex_api_url: ApiUrl = DEFAULT_OPENALEX_API_URL
    openalex_delay: Delay = 0.1
    openalex_api_key: ApiKey | None = None
    # Open Library: book records by ISBN and title, asked by `verify` for books only.
    openlibrary_api_url: ApiUrl = DEFAULT_OPENLIBRARY_API_URL
    openlibrary_delay: Delay = 1.0
    # The user's Zotero library, read in place (`verify zotero:`): the local API of a running Zotero.
    zotero_api_url: ApiUrl = DEFAULT_ZOTERO_API_URL
    mailto: HeaderText | None = None  # joins Crossref's polite pool (sent as ?mailto=)
    # Seals the entries `verify --update-lock` records (normalizer/bib/lockfile.py `lock_key`), so
    # a `--lock-base` run with the same key trusts a new line; unset, lines are not sealed.
    lock_key: ApiKey | None = None
    timeout: Annotated[float, Field(gt=0, le=MAX_TIMEOUT, allow_inf_nan=False)] = 30.0
    # The most one answer may be, as sent and as decompressed (resolvers/_http.py `read_bounded`).
    max_response_mb: Annotated[float, Field(gt=0, le=1024, allow_inf_nan=False)] = 32.0
    max_attempts: Annotated[int, Field(ge=1, le=20)] = 4
    backoff_base: Annotated[float, Field(ge=0, le=MAX_BACKOFF_BASE, allow_inf_nan=False)] = 2.0
    # The circuit breaker (resolvers/_http.py): a source is not asked again in this run
    # after this many consecutive connection failures, timeouts or unusable answers, or
    # once this many seconds were spent waiting on it (backoff, Retry-After, timeouts).
    breaker_failures: Annotated[int, Field(ge=1, le=100)] = 3
    max_wait_per_source: Annotated[float, Field(ge=0, le=MAX_WAIT_PER_SOURCE, allow_inf_nan=False)] = 120.0
    # Resolvers (snapshot, arxiv, s2) find each paper; the published-version sources after
    # them (dblp, crossref, openalex) add what its venue published. OpenAlex is asked only
    # with an API key (required since February 2026).
    resolvers: tuple[str, ...] = ("snapshot", "arxiv", "s2", "dblp", "crossref", "openalex")
    thresholds: MatchThresholds = MatchThresholds()
    key_format: str = "{family}{year}{firstword}"
    rekey: bool = False
    unicode: bool = False
    # The whole-entry layout of BibTeX output: bibnorm's own, or what arXiv's, dblp's or
    # Google Scholar's "export BibTeX" gives (normalizer/writers/bibtex.py `STYLES`).
    style: Literal["bibnorm", "arxiv", "dblp", "google-scholar"] = "bibnorm"
    # An earlier BibTeX layout, keeping doi, eprint and url, with the publisher DOI also in url
    # and/or note (normalizer/writers/bibtex.py `DOI_LINKS`). Unset: each DOI and arXiv id in
    # note or howpublished alone, which every common style prints once.
    doi_link: Literal["url+note", "url", "note", "none"] | None = None
    # The BibTeX style the output is for: each DOI and arXiv id goes where that style prints it
    # exactly once (normalizer/writers/bibtex.py `BST_FAMILIES`). Unset: doi_link decides.
    bst: BstName | None = None

    # How journal and conference names are written: in full, abbreviated (ISO 4 for journals,
    # the acronym for conferences) or as the source (or your .bib) spells them. Unset: resolve
    # writes full names; format and fix leave names alone.
    journal_names: JournalNames | None = None
    prefer: Literal["published", "preprint"] = "published"
    year_policy: Literal["v1", "latest", "published"] = "published"
    contact: HeaderText = "https://github.com/bibnorm/bibnorm"  # in the User-Agent header
    lock: UsablePath | None = None  # bibnorm.lock to answer from (and update with --update-lock)
    # The checks `check` runs (``select``, ``ignore``: codes or prefixes, docs/checks.md) and the
    # layout `format` and `fix` keep (``indent``, ``align``, ``sort``, ``month-macros``,
    # ``field-order``): kept raw here, read by `bibnorm.api.settings`, which names a bad value.
    check: dict[str, Any] = Field(default_factory=dict)
    format: dict[str, Any] = Field(default_factory=dict)
    # Where each value came from ("/p/bibnorm.toml: resolvers"), set by `load_settings`.
    _origins: dict[str, str] = PrivateAttr(default_factory=dict)
    # The configuration file each value read from one came from.
    _files: dict[str, Path] = PrivateAttr(default_factory=dict)

    def config_file(self, field: str) -> Path | None:
        """The configuration file ``field``'s value came from (None: the default, the
        environment, an option or an override)."""
        return self._files.get(field)

    def refusal(self, field: str, reason: str) -> BibnormError:
        """The error for a value of ``field`` that a later check refuses (an unknown resolver,
        a key formula with an unknown placeholder): named with the file and key, or the
        environment variable, it came from, as `load_settings`'s own errors are; a value given
        as an option stays a usage error."""
        origin = self._origins.get(field)
        if origin is None or origin.startswith("option "):
            return UsageError(reason)
        return ConfigError(f"{origin}: invalid value: {reason}")

    @field_validator(
        "snapshot", "dblp_index", "openalex_works", "retraction_watch", "cache_dir", "lock", mode="before"
    )
    @classmethod
    def _expand_user(cls, value: Any) -> Any:
        """``~/x`` and ``~user/x`` from a config file or the environment, as on the command line."""
        if isinstance(value, str | Path):
            try:
                return expand_user(str(value))
            except UsageError as error:
                raise ValueError(str(error)) from None
        return value

    def default_index_file(self, kind: LocalIndex) -> Path:
        """Where ``bibnorm index build`` writes an index of ``kind`` when no ``-o`` is given: the
        configured path (``snapshot``, ``dblp_index``, ``openalex_works``, ``retraction_watch``),
        else its file in the cache folder."""
        return getattr(self, kind) or self.cache_dir / index_file_name(kind)

    def index_file(self, kind: LocalIndex) -> Path | None:
        """The index of ``kind`` to read: the configured one, else the default one if
        ``bibnorm index build`` made it (a default never built is not an index)."""
        configured: Path | None = getattr(self, kind)
        if configured is not None:
            return configured
        built = self.cache_dir / index_file_name(kind)
        return built if built.is_file() else None

    @property
    def default_index(self) -> Path:
        """Where ``bibnorm index build`` writes the arXiv snapshot index when no ``-o`` is given."""
        return self.default_index_file("snapshot")

    def snapshot_index(self) -> Path | None:
        """The snapshot index to read (`index_file`)."""
        return self.index_file("snapshot")


# The local indexes, by the setting that names each.
LocalIndex = Literal["snapshot", "dblp_index", "openalex_works", "retraction_watch"]


def index_file_name(kind: LocalIndex) -> str:
    """An index's file in the cache folder: snapshot.sqlite, dblp.sqlite, openalex-works.sqlite,
    retraction-watch.sqlite."""
    return kind.removesuffix("_index").replace("_", "-") + ".sqlite"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/bibnorm``, else ``~/.cache/bibnorm``: a name only; nothing is created here,
    and a cache folder under a home that does not exist never is (`bibnorm.io.make_folders`)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bibnorm"


_ENV: Mapping[str, str] = {
    "BIBNORM_SNAPSHOT": "snapshot",
    "BIBNORM_CACHE_DIR": "cache_dir",
    "BIBNORM_ARXIV_API_URL": "arxiv_api_url",
    "BIBNORM_ARXIV_DELAY": "arxiv_delay",
    "BIBNORM_S2_API_URL": "s2_api_url",
    "BIBNORM_S2_DELAY": "s2_delay",
    "BIBNORM_DBLP_API_URL": "dblp_api_url",
    "BIBNORM_DBLP_DELAY": "dblp_delay",
    "BIBNORM_DBLP_INDEX": "dblp_index",
    "BIBNORM_OPENALEX_WORKS": "openalex_works",
    "BIBNORM_RETRACTION_WATCH": "retraction_watch",
    "BIBNORM_CROSSREF_API_URL": "crossref_api_url",
    "BIBNORM_CROSSREF_DELAY": "crossref_delay",
    "BIBNORM_CROSSREF_SEARCH_DELAY": "crossref_search_delay",
    "BIBNORM_OPENALEX_API_URL": "openalex_api_url",
    "BIBNORM_OPENALEX_DELAY": "openalex_delay",
    "BIBNORM_OPENALEX_API_KEY": "openalex_api_key",
    "BIBNORM_OPENLIBRARY_API_URL": "openlibrary_api_url",
    "BIBNORM_OPENLIBRARY_DELAY": "openlibrary_delay",
    "BIBNORM_ZOTERO_API_URL": "zotero_api_url",
    "BIBNORM_MAILTO": "mailto",
    "BIBNORM_LOCK_KEY": "lock_key",
    "S2_API_KEY": "s2_api_key",
    "BIBNORM_OFFLINE": "offline",
    "BIBNORM_READ_BUDGET": "read_budget",
}


# Settings that decide what verify trusts or where a secret is kept: taken only from the user's
# own configuration, the environment or the command line, never from a project's.
# A source's API URL is one of them: a server a repository names answers for that source, and
# could vouch for a fabricated entry online as a committed index could offline.
SOURCE_URLS = (
    "arxiv_api_url",
    "s2_api_url",
    "dblp_api_url",
    "crossref_api_url",
    "openalex_api_url",
    "openlibrary_api_url",
    "zotero_api_url",
)
USER_ONLY = (
    "lock_key",
    "cache_dir",
    "snapshot",
    "dblp_index",
    "openalex_works",
    "retraction_watch",
    *SOURCE_URLS,
)
TRUST_VARIABLE = "BIBNORM_TRUST_PROJECT_CONFIG"
TRUST_SETTING = "trust_project_config"  # in the user's own configuration file only


def user_config_file(environ: Mapping[str, str]) -> Path | None:
    """The user's own configuration file: ``$XDG_CONFIG_HOME/bibnorm/config.toml``, else
    ``~/.config/bibnorm/config.toml``; None without a home."""
    base = environ.get("XDG_CONFIG_HOME")
    if not base:
        home = os.path.expanduser("~")
        if home.startswith("~"):
            return None
        base = os.path.join(home, ".config")
    return Path(base) / "bibnorm" / "config.toml"


def find_config_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest ``bibnorm.toml`` or ``pyproject.toml`` with a ``[tool.bibnorm]`` table."""
    for folder in (start, *start.parents):
        own = folder / "bibnorm.toml"
        if own.is_file():
            return own, _read_toml(own)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("bibnorm")
            if isinstance(table, dict):
                return pyproject, table
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read configuration: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ConfigError(f"{path}: not valid TOML: {first}") from None


def settings_of(given: Settings | Mapping[str, Any] | None, **replaced: Any) -> Settings:
    """The settings a function was given: `Settings` as they are, or overrides as
    `load_settings` reads them (the config file and the environment under them); ``replaced``
    values that are not None on top (a lockfile an option names)."""
    chosen = {name: value for name, value in replaced.items() if value is not None}
    if isinstance(given, Settings):
        return given.model_copy(update=chosen) if chosen else given
    return load_settings({**(given or {}), **chosen})


def _unknown_setting(name: str, origin: str | None) -> str:
    """An unknown key, named as it was given: with its file (the file's spelling of it), else by
    its own name (given as an override, it is no command's option), and the setting it may mean."""
    near = difflib.get_close_matches(name, Settings.model_fields, n=1, cutoff=0.7) if len(name) <= 40 else []
    hint = f" (did you mean {near[0]!r}?)" if near else ""
    if origin is None or origin.startswith("option "):
        return f"unknown setting {shown(name, 40)}{hint}"
    return f"{origin}: unknown setting{hint}"


def _unknown_table_key(table: str, key: str, origin: str | None) -> str:
    """An unknown key of a table of settings ("[thresholds] acept"), and the key it may mean."""
    model = Settings.model_fields[table].annotation
    known = list(model.model_fields) if isinstance(model, type) and issubclass(model, BaseModel) else []
    near = difflib.get_close_matches(key, known, n=1, cutoff=0.7) if len(key) <= 40 else []
    hint = f" (did you mean '{table}.{near[0]}'?)" if near else ""
    named = shown(f"{table}.{key}", 60)
    if origin is None or origin.startswith("option "):
        return f"unknown setting {named}{hint}"
    return f"{origin.rsplit(': ', 1)[0]}: unknown setting {named}{hint}"


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Settings:
    """Build `Settings` from config file, environment and explicit overrides.

    ``overrides`` holds command-line values; ``None`` values mean "not given".
    """
    environ = os.environ if environ is None else environ
    given = _Given()
    trusted = _take_own_config(environ, given)
    found = find_config_file(cwd or Path.cwd())
    project: list[str] = []  # the settings the project's configuration gave
    if found:
        path, table = found
        project = given.take_file(table, path, "" if path.name == "bibnorm.toml" else "[tool.bibnorm] ")
    for variable, field in _ENV.items():
        if environ.get(variable):
            given.take(field, environ[variable], f"environment variable {variable}")
    for field, value in (overrides or {}).items():
        if value is not None:
            given.take(field, value, f"option --{field.replace('_', '-')}")
    settings = given.noted_on(given.settings())
    if found and not trusted:
        still = [name for name in project if given.origins[name].startswith(str(found[0]))]
        settings = given.noted_on(_as_a_project_may(settings, still, found[0]))
    return settings


@dataclasses.dataclass
class _Given:
    """The settings gathered so far, later sources over earlier ones: each value with where it
    came from (for error messages) and, when a configuration file gave it, that file."""

    values: dict[str, Any] = dataclasses.field(default_factory=dict)
    origins: dict[str, str] = dataclasses.field(default_factory=dict)
    files: dict[str, Path] = dataclasses.field(default_factory=dict)

    def take(self, field: str, value: Any, origin: str) -> None:
        """A value from the environment or the command line: it comes from no file."""
        self.values[field] = value
        self.origins[field] = origin
        self.files.pop(field, None)

    def take_file(self, table: dict[str, Any], path: Path, section: str) -> list[str]:
        """A configuration file's settings (their origins named, and their file kept); the
        names taken."""
        taken = []
        for key, value in table.items():
            field = key.replace("-", "_")
            self.values[field] = value
            self.files[field] = path
            # A key is quoted, and cut, when it is not a plain name: a 5 MB key is not echoed whole.
            name = key if len(key) <= 40 and field.isidentifier() else shown(key, 40)
            self.origins[field] = f"{path}: {section}{name}"
            taken.append(field)
        return taken

    def settings(self) -> Settings:
        """The values as `Settings`; `ConfigError` naming where the first invalid one came from."""
        try:
            return Settings(**self.values)
        except ValidationError as error:
            first = error.errors()[0]
            field = str(first["loc"][0]) if first["loc"] else ""
            path_in = ".".join(str(p) for p in first["loc"][1:])
            what = f" ({path_in if len(path_in) <= 40 else shown(path_in, 40)})" if path_in else ""
            if first["type"] == "extra_forbidden" and len(first["loc"]) == 2:  # a table's key
                raise ConfigError(
                    _unknown_table_key(field, str(first["loc"][1]), self.origins.get(field))
                ) from None
            if first["type"] == "extra_forbidden":
                raise ConfigError(_unknown_setting(field, self.origins.get(field)) + what) from None
            # pydantic prefixes the messages of our own validators; the reason reads better alone.
            reason = first["msg"].removeprefix("Value error, ")
            where = self.origins.get(field, "settings")
            raise ConfigError(f"{where}: invalid value{what}: {reason}") from None

    def noted_on(self, settings: Settings) -> Settings:
        """``settings`` knowing where each value came from."""
        settings._origins.update(self.origins)
        settings._files.update(self.files)
        return settings


def _take_own_config(environ: Mapping[str, str], given: _Given) -> bool:
    """The user's own configuration file into ``given``; whether the user trusts the projects'
    configuration (the environment says so, else their file does)."""
    trusted = environ.get(TRUST_VARIABLE, "").strip().lower() in ("1", "true", "yes")
    own = user_config_file(environ)
    if own is None or not own.is_file():
        return trusted
    table = _read_toml(own)
    trusted = trusted or table.pop(TRUST_SETTING, False) is True
    given.take_file(table, own, "")
    return trusted


def _as_a_project_may(settings: Settings, given: list[str], path: Path) -> Settings:
    """``settings`` as a project's configuration may shape them (``given``: the settings still
    from it): `ConfigError` for a `USER_ONLY` setting, a lock outside the project or laxer
    thresholds."""
    for name in given:
        if name in USER_ONLY:
            raise ConfigError(
                f"{settings._origins[name]}: a project's configuration cannot set {name} (it decides what"
                " bibnorm trusts, and a cloned repository must not): set it in the environment, on the"
                f" command line or in your own {_OWN_CONFIG}, or set {TRUST_VARIABLE}=1 for a project"
                " you trust"
            )
    if "lock" in given and settings.lock is not None:
        project = path.parent.resolve()
        if not (project / settings.lock).resolve().is_relative_to(project):
            raise ConfigError(
                f"{settings._origins['lock']}: the lock file {settings.lock} lies outside the project"
                f" ({project}); a project's configuration names a lock inside it only"
            )
    if "thresholds" in given:
        laxer = _laxer_thresholds(settings.thresholds)
        if laxer:
            raise ConfigError(
                f"{settings._origins['thresholds']}: a project's configuration may make matching stricter,"
                f" never laxer ({', '.join(laxer)}): a laxer match could pass a fabricated entry; set it"
                f" in your own {_OWN_CONFIG} or on the command line"
            )
    return settings


_OWN_CONFIG = "~/.config/bibnorm/config.toml"
# The thresholds a larger value makes stricter; for the others (`years_before_preprint`) a
# smaller one does.
_STRICTER_UP = (
    "accept",
    "title_floor",
    "abstract_confirms",
    "abstract_contradicts",
    "ambiguity_margin",
    "generic_title_words",
    "generic_title_letters",
)


def _laxer_thresholds(thresholds: MatchThresholds) -> list[str]:
    """The thresholds set laxer than the defaults, as ``name < default`` or ``name > default``."""
    default = MatchThresholds()
    laxer = [
        f"{name} {getattr(thresholds, name)} < {getattr(default, name)}"
        for name in _STRICTER_UP
        if getattr(thresholds, name) < getattr(default, name)
    ]
    if thresholds.years_before_preprint > default.years_before_preprint:
        laxer.append(
            f"years_before_preprint {thresholds.years_before_preprint} > {default.years_before_preprint}"
        )
    return laxer
