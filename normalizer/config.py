"""Settings: every policy knob of a run, in one frozen object.

Precedence, highest first: command-line options, environment variables, the
``[tool.bibnorm]`` table of ``pyproject.toml`` (or the top level of ``bibnorm.toml``)
found in the working directory or its parents, then the defaults below.

This module reads files and the environment only in `load_settings`; everything
else is pure.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from normalizer.errors import ConfigError, UsageError
from normalizer.io import expand_user

DEFAULT_ARXIV_API_URL = "https://export.arxiv.org/api/query"
DEFAULT_S2_API_URL = "https://api.semanticscholar.org/graph/v1"
DEFAULT_CROSSREF_API_URL = "https://api.crossref.org"
DEFAULT_OPENALEX_API_URL = "https://api.openalex.org"
DEFAULT_DBLP_API_URL = "https://dblp.org"  # mirrors: https://dblp.uni-trier.de, https://dblp.dagstuhl.de


# Finite, non-negative seconds: "inf" or "nan" from an environment variable is an error, not a hang.
Seconds = Annotated[float, Field(ge=0, allow_inf_nan=False)]
PositiveSeconds = Annotated[float, Field(gt=0, allow_inf_nan=False)]
Fraction = Annotated[float, Field(ge=0, le=1)]


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
    model_config = ConfigDict(frozen=True, extra="forbid")

    offline: bool = False
    snapshot: Path | None = None
    cache_dir: Path = Field(default_factory=lambda: default_cache_dir())
    arxiv_api_url: str = DEFAULT_ARXIV_API_URL
    arxiv_delay: Seconds = 3.0
    # A last per-title `all:` OR-query for titles the batched phrase and word queries
    # missed: finds titles spelt differently from arXiv's, at one request per title.
    arxiv_broad_search: bool = False
    s2_api_url: str = DEFAULT_S2_API_URL
    s2_delay: Seconds = 1.0
    s2_api_key: SecretStr | None = None
    # dblp asks for "at least one or two seconds" between queries (its crawling FAQ).
    dblp_api_url: str = DEFAULT_DBLP_API_URL
    dblp_delay: Seconds = 2.0
    # Crossref's public pool: 5 single-work requests a second since December 2025.
    crossref_api_url: str = DEFAULT_CROSSREF_API_URL
    crossref_delay: Seconds = 0.25
    crossref_search_delay: Seconds = 1.0  # lists (/works?query…): 1 a second in the public pool
    # OpenAlex: asked only with a key (required since February 2026; list calls are priced).
    openalex_api_url: str = DEFAULT_OPENALEX_API_URL
    openalex_delay: Seconds = 0.1
    openalex_api_key: SecretStr | None = None
    mailto: str | None = None  # joins Crossref's polite pool (sent as ?mailto=)
    timeout: PositiveSeconds = 30.0
    max_attempts: Annotated[int, Field(ge=1, le=20)] = 4
    backoff_base: Seconds = 2.0
    # The circuit breaker (resolvers/_http.py): a source is not asked again in this run
    # after this many consecutive connection failures, timeouts or unusable answers, or
    # once this many seconds were spent waiting on it (backoff, Retry-After, timeouts).
    breaker_failures: Annotated[int, Field(ge=1, le=100)] = 3
    max_wait_per_source: Seconds = 120.0
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
    prefer: Literal["published", "preprint"] = "published"
    year_policy: Literal["v1", "latest", "published"] = "published"
    contact: str = "https://github.com/bibnorm/bibnorm"
    lock: Path | None = None  # bibnorm.lock to answer from (and update with --update-lock)
    # Tables read by `check` and `format` (see docs/checks.md); kept raw here.
    check: dict[str, Any] = Field(default_factory=dict)
    format: dict[str, Any] = Field(default_factory=dict)

    @field_validator("snapshot", "cache_dir", "lock", mode="before")
    @classmethod
    def _expand_user(cls, value: Any) -> Any:
        """``~/x`` and ``~user/x`` from a config file or the environment, as on the command line."""
        if isinstance(value, str | Path):
            try:
                return expand_user(str(value))
            except UsageError as error:
                raise ValueError(str(error)) from None
        return value

    @property
    def default_index(self) -> Path:
        """Where ``bibnorm index build`` writes when no ``-o`` is given."""
        return self.snapshot or self.cache_dir / DEFAULT_INDEX_NAME

    def snapshot_index(self) -> Path | None:
        """The index to read: the configured one, else the default one if it was built."""
        if self.snapshot is not None:
            return self.snapshot
        built = self.cache_dir / DEFAULT_INDEX_NAME
        return built if built.is_file() else None


DEFAULT_INDEX_NAME = "snapshot.sqlite"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/bibnorm``, else ``~/.cache/bibnorm``: a name only; nothing is created here,
    and a cache folder under a home that does not exist never is (`normalizer.io.make_folders`)."""
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
    "BIBNORM_CROSSREF_API_URL": "crossref_api_url",
    "BIBNORM_CROSSREF_DELAY": "crossref_delay",
    "BIBNORM_CROSSREF_SEARCH_DELAY": "crossref_search_delay",
    "BIBNORM_OPENALEX_API_URL": "openalex_api_url",
    "BIBNORM_OPENALEX_DELAY": "openalex_delay",
    "BIBNORM_OPENALEX_API_KEY": "openalex_api_key",
    "BIBNORM_MAILTO": "mailto",
    "S2_API_KEY": "s2_api_key",
    "BIBNORM_OFFLINE": "offline",
}


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
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}  # setting → where its value came from, for error messages
    found = find_config_file(cwd or Path.cwd())
    if found:
        path, table = found
        section = "" if path.name == "bibnorm.toml" else "[tool.bibnorm] "
        for key, value in table.items():
            values[key.replace("-", "_")] = value
            origins[key.replace("-", "_")] = f"{path}: {section}{key}"
    for variable, field in _ENV.items():
        if environ.get(variable):
            values[field] = environ[variable]
            origins[field] = f"environment variable {variable}"
    for field, value in (overrides or {}).items():
        if value is not None:
            values[field] = value
            origins[field] = f"option --{field.replace('_', '-')}"
    try:
        return Settings(**values)
    except ValidationError as error:
        first = error.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        where = origins.get(field, "settings")
        path_in = ".".join(str(p) for p in first["loc"][1:])
        what = f" ({path_in})" if path_in else ""
        if first["type"] == "extra_forbidden":
            raise ConfigError(f"{where}: unknown setting{what}") from None
        raise ConfigError(f"{where}: invalid value{what}: {first['msg']}") from None
