"""What ``check``, ``format`` and ``fix`` read from `Settings`: the checks ``check`` runs
(`check_config_from`, `parse_codes`) and the layout ``format`` and ``fix`` keep
(`format_options_from`), from the ``check`` and ``format`` tables and the top-level settings
(``key_format``, ``journal_names``, ``style``) that `bibnorm.load_settings` read; the command's
options on those tables (`with_table`). One place, so that every command and every function of the
API reads the configuration the same way.

`check_config`, `format_options` and `bst_setting` are the older spellings, kept working (they
read `load_settings()`) and deprecated.
"""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from bibnorm.bib.bibfile import FormatOptions, parse_bibtex
from bibnorm.bib.checks import CHECKS
from bibnorm.bib.checks.base import CheckConfig
from bibnorm.config import BstName, Settings
from bibnorm.config import load_settings as _load_settings
from bibnorm.errors import ConfigError, UsageError, shown
from bibnorm.io import read_text
from bibnorm.resolve.keys import validate_key_format
from pydantic import ValidationError


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Settings:
    """`bibnorm.config.load_settings`, and the ``check`` and ``format`` tables' keys and values
    known good: an unknown key or a wrong value is refused here, named with its file as it spells
    the table ("/p/bibnorm.toml: [check] 'selct': unknown setting (did you mean 'select'?)"), not
    at the first call that reads the table. `bibnorm.load_settings` is this one."""
    settings = _load_settings(overrides, environ=environ, cwd=cwd)
    if settings.check or settings.format:
        check_config_from(settings)
        format_options_from(settings)
    return settings


def with_table(settings: Settings, table: str, **options: Any) -> Settings:
    """``settings`` with the command's options (those not None) on top of its ``check`` or
    ``format`` table, each replacing the one key of the table it names (``--sort`` replaces the
    table's ``sort``, and keeps its ``indent``)."""
    given = {name: value for name, value in options.items() if value is not None}
    if not given:
        return settings
    return settings.model_copy(update={table: {**_table(settings, table), **given}})


def _table(settings: Settings, name: str) -> dict[str, Any]:
    """The settings' ``check`` or ``format`` table."""
    return settings.check if name == "check" else settings.format


def given_settings(
    settings: Settings | None, overrides: Mapping[str, Any] | None
) -> Settings | dict[str, Any]:
    """The settings a call was given, or its overrides (`load_settings` reads them where they are
    used); `UsageError` for both at once."""
    if settings is not None and overrides:
        raise UsageError("give settings or overrides, not both (settings: bibnorm.load_settings(overrides))")
    return settings if settings is not None else dict(overrides or {})


def format_options_from(settings: Settings, journal_names: str | None = None) -> FormatOptions:
    """The layout ``format`` and ``fix`` keep: the ``format`` table (``indent``, ``align``,
    ``sort``, ``month-macros``, ``field-order``) and the ``journal_names`` setting (or
    ``journal_names`` when the settings set none: a writer's ``"full"``). A ``style`` preset
    (arxiv, dblp, google-scholar) brings its export's field order unless ``field-order`` is set:
    the layout ``resolve`` writes with it is then the one ``format`` keeps and ``check`` expects
    (BN602)."""
    known = [name.replace("_", "-") for name in FormatOptions.model_fields]
    for key in _table(settings, "format"):
        if str(key).replace("_", "-") not in known:
            raise _unknown_key(settings, "format", str(key), known)
    table = {k.replace("-", "_"): v for k, v in _table(settings, "format").items()}
    if isinstance(table.get("field_order"), list):
        table["field_order"] = tuple(str(name).lower() for name in table["field_order"])
    from bibnorm.writers.bibtex import STYLES  # local: the writer pulls in bibtexparser

    preset = STYLES.get(settings.style)
    if preset is not None and "field_order" not in table:
        table["field_order"] = preset.field_order
    names = settings.journal_names or journal_names
    if names:
        table["journal_names"] = names
    try:
        return FormatOptions(**table)
    except ValidationError as error:
        raise _invalid_format_setting(error, settings) from None


def _invalid_format_setting(error: ValidationError, settings: Settings) -> ConfigError:
    """The one line that names the config file, the setting and what is wrong with it."""
    first = error.errors()[0]
    key = ".".join(str(part) for part in first["loc"]).replace("_", "-")
    key = key if len(key) <= 40 else shown(key, 40)  # a 5 MB key is not echoed whole
    found = settings.config_file("journal_names" if key == "journal-names" else "format")
    where = f"{found}: " if found else ""
    reason = first["msg"].removeprefix("Value error, ")
    section = "" if key == "journal-names" else ".format"
    return ConfigError(f"{where}invalid [tool.bibnorm{section}] {key}: {reason}")


def parse_codes(
    text: str | Sequence[str] | None, known: Sequence[str] = (), command: str = "check"
) -> tuple[str, ...]:
    """``"BN201,BN3"`` (or a TOML list) → codes/prefixes; `UsageError` for one that matches no
    code of ``known`` (default: every check's)."""
    if text is None:
        return ()
    known = known or [check.code for check in CHECKS]
    items = text.split(",") if isinstance(text, str) else [str(t) for t in text]
    codes = tuple(item.strip().upper() for item in items if item.strip())
    for code in codes:
        if code != "ALL" and not any(known_code.startswith(code) for known_code in known):
            raise UsageError(
                f"unknown {command} code {shown(code)} (see docs/checks.md or 'bibnorm {command} --list')"
            )
    return codes


# The keys of the `check` table.
CHECK_KEYS = ("select", "ignore")


def _table_named(settings: Settings, table: str) -> str:
    """A table of the settings as its file spells it, with the file ("/p/bibnorm.toml: [check]",
    "/p/pyproject.toml: [tool.bibnorm.check]"), or as an option's ("check")."""
    found = settings.config_file(table)
    if found is None:
        return f"{table}:"
    return f"{found}: [{table}]" if found.name == "bibnorm.toml" else f"{found}: [tool.bibnorm.{table}]"


def _unknown_key(settings: Settings, table: str, key: str, known: Sequence[str]) -> ConfigError:
    """A key the ``table`` of the settings does not have, named as it was given: with its file,
    else as ``table.key``, and the key it may mean."""
    near = difflib.get_close_matches(key, known, n=1, cutoff=0.6) if len(key) <= 40 else []
    if settings.config_file(table) is not None:
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        return ConfigError(f"{_table_named(settings, table)} {shown(key, 40)}: unknown setting{hint}")
    hint = f" (did you mean '{table}.{near[0]}'?)" if near else ""
    return ConfigError(f"unknown setting {shown(f'{table}.{key}', 40)}{hint}")


def check_config_from(settings: Settings, strings: Sequence[str] = ()) -> CheckConfig:
    """The checks ``check`` runs: the ``check`` table's ``select`` (default every check) and
    ``ignore``, the layout BN602 expects (`format_options_from`), and the key formula BN601 holds
    keys to, only when the settings set ``key_format``. ``strings`` are files whose @string
    definitions BN102 counts as defined.
    """
    table = _table(settings, "check")
    for key in table:
        if key not in CHECK_KEYS:
            raise _unknown_key(settings, "check", str(key), CHECK_KEYS)
    for name in ("select", "ignore"):
        value = table.get(name)
        if value is not None and not (
            isinstance(value, str)
            or (isinstance(value, list | tuple) and all(isinstance(v, str) for v in value))
        ):
            raise ConfigError(
                f'{_table_named(settings, "check")} {name} must be a list of codes, e.g. ["BN2", "BN301"]'
            )
    key_format = settings.key_format if "key_format" in settings.model_fields_set else None
    if key_format:
        validate_key_format(key_format)  # as `resolve` does: a formula BN601 can apply, or one line
    return CheckConfig(
        select=parse_codes(table.get("select")) or ("ALL",),
        ignore=parse_codes(table.get("ignore")),
        key_format=key_format or None,
        format_options=format_options_from(settings),
        strings=defined_strings(strings),
    )


def defined_strings(paths: Sequence[str]) -> frozenset[str]:
    """The @string names (lower-case) the files ``paths`` define, comments BibTeX reads included."""
    from bibnorm.bib.checks.base import index_file

    names: set[str] = set()
    for path in paths:
        names.update(index_file(parse_bibtex(read_text(path), path)).strings)
    return frozenset(names)


def _deprecated(old: str, new: str) -> None:
    warnings.warn(f"{old} is deprecated: {new}", DeprecationWarning, stacklevel=3)


def check_config(
    select: str | None = None, ignore: str | None = None, strings: Sequence[str] = ()
) -> CheckConfig:
    """Deprecated: ``bibnorm.check(files, settings)`` reads the checks from the settings
    (`check_config_from`)."""
    _deprecated("check_config()", "give bibnorm.check the Settings (bibnorm.load_settings)")
    settings = with_table(load_settings(), "check", select=select, ignore=ignore)
    return check_config_from(settings, strings)


def format_options(
    sort: bool | None = None, journal_names: str | None = None, month_macros: bool | None = None
) -> FormatOptions:
    """Deprecated: ``bibnorm.format`` and ``bibnorm.fix`` read the layout from the settings
    (`format_options_from`)."""
    _deprecated(
        "format_options()", "give bibnorm.format and bibnorm.fix the Settings (bibnorm.load_settings)"
    )
    settings = with_table(
        load_settings({"journal_names": journal_names}), "format", sort=sort, month_macros=month_macros
    )
    return format_options_from(settings)


def bst_setting(bst: str | None = None) -> BstName | None:
    """Deprecated: the settings' ``bst`` (`bibnorm.load_settings`)."""
    _deprecated("bst_setting()", "use the Settings' bst (bibnorm.load_settings)")
    return cast(BstName | None, load_settings({"bst": bst}).bst)
