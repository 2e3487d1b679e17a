"""Settings the commands share, from ``[tool.bibnorm]`` and the options: the layout ``format``
keeps (`format_options`), the checks ``check`` runs (`check_config`, `parse_codes`) and the
config file's tables (`config_table`). One place, so that every command reads the same file the
same way and no command borrows another's module.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, cast, get_args

from bibnorm.bib.bibfile import FormatOptions, parse_bibtex
from bibnorm.bib.checks import CHECKS
from bibnorm.bib.checks.base import CheckConfig
from bibnorm.config import BstName, find_config_file
from bibnorm.errors import ConfigError, UsageError, shown
from bibnorm.io import read_text
from bibnorm.resolve.keys import validate_key_format
from pydantic import ValidationError


def config_table(section: str | None = None) -> Mapping[str, Any]:
    """The ``[tool.bibnorm]`` table (or its ``section`` sub-table) of the nearest config file."""
    found = find_config_file(Path.cwd())
    table: Mapping[str, Any] = found[1] if found else {}
    return table if section is None else _section(table, section)


def _section(table: Mapping[str, Any], section: str) -> Mapping[str, Any]:
    sub = table.get(section, {})
    if not isinstance(sub, dict):
        raise ConfigError(f"[tool.bibnorm.{section}] must be a table")
    return sub


def format_options(
    sort: bool | None = None, journal_names: str | None = None, month_macros: bool | None = None
) -> FormatOptions:
    """`FormatOptions` from ``[tool.bibnorm.format]`` (``indent``, ``align``, ``sort``,
    ``month-macros``, ``field-order``) and the top-level ``journal_names`` setting, with
    ``--sort``, ``--journal-names`` and ``--month-macros`` on top. A top-level ``style`` preset
    (arxiv, dblp, google-scholar) brings its export's field order unless ``field-order`` is set:
    the layout ``resolve`` writes with it is then the one ``format`` keeps and ``check`` expects
    (BN602)."""
    top = config_table()  # read once: the format section and two top-level keys come from it
    table = _format_table(top)
    if sort is not None:
        table["sort"] = sort
    configured = top.get("journal_names", top.get("journal-names"))
    if journal_names or configured:
        table["journal_names"] = journal_names or configured
    if month_macros is not None:
        table["month_macros"] = month_macros
    try:
        return FormatOptions(**table)
    except ValidationError as error:
        raise _invalid_format_setting(error) from None


def bst_setting(bst: str | None = None) -> BstName | None:
    """The BibTeX style ``fix`` and ``format`` write identifiers for: ``--bst``, else the top-level
    ``bst`` setting, else None (identifiers stay where they are)."""
    chosen = bst or config_table().get("bst")
    if chosen is None:
        return None
    if chosen not in get_args(BstName):
        names = ", ".join(get_args(BstName))
        raise ConfigError(f"bst = {shown(str(chosen), 40)} is not a style bibnorm knows ({names})")
    return cast(BstName, chosen)


def _format_table(top: Mapping[str, Any]) -> dict[str, Any]:
    """``[tool.bibnorm.format]`` with its keys in Python's spelling, the field order lower-case and,
    when it sets none, the one of the top-level ``style`` preset."""
    table = {k.replace("-", "_"): v for k, v in _section(top, "format").items()}
    if isinstance(table.get("field_order"), list):
        table["field_order"] = tuple(str(name).lower() for name in table["field_order"])
    from bibnorm.writers.bibtex import STYLES  # local: the writer pulls in bibtexparser

    preset = STYLES.get(str(top.get("style") or ""))
    if preset is not None and "field_order" not in table:
        table["field_order"] = preset.field_order
    return table


def _invalid_format_setting(error: ValidationError) -> ConfigError:
    """The one line that names the config file, the setting and what is wrong with it."""
    first = error.errors()[0]
    key = ".".join(str(part) for part in first["loc"]).replace("_", "-")
    key = key if len(key) <= 40 else shown(key, 40)  # a 5 MB key is not echoed whole
    found = find_config_file(Path.cwd())
    where = f"{found[0]}: " if found else ""
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


def check_config(select: str | None, ignore: str | None, strings: Sequence[str] = ()) -> CheckConfig:
    """`CheckConfig` from ``[tool.bibnorm.check]`` (``select``, ``ignore``) and the options.

    BN601 checks keys against ``key-format`` only when the config file sets one;
    ``strings`` are files whose @string definitions BN102 counts as defined.
    """
    table = config_table("check")
    for name in ("select", "ignore"):
        value = table.get(name)
        if value is not None and not (
            isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
        ):
            raise ConfigError(f'[tool.bibnorm.check] {name} must be a list of codes, e.g. ["BN2", "BN301"]')
    top = config_table()
    key_format = top.get("key-format") or top.get("key_format")
    if key_format:
        if not isinstance(key_format, str):
            raise ConfigError('[tool.bibnorm] key_format must be a string, e.g. "{family}{year}{firstword}"')
        validate_key_format(key_format)  # as `resolve` does: a formula BN601 can apply, or one line
    return CheckConfig(
        select=parse_codes(select) or parse_codes(table.get("select")) or ("ALL",),
        ignore=parse_codes(ignore) or parse_codes(table.get("ignore")),
        key_format=str(key_format) if key_format else None,
        format_options=format_options(),
        strings=defined_strings(strings),
    )


def defined_strings(paths: Sequence[str]) -> frozenset[str]:
    """The @string names (lower-case) the files ``paths`` define, comments BibTeX reads included."""
    from bibnorm.bib.checks.base import index_file

    names: set[str] = set()
    for path in paths:
        names.update(index_file(parse_bibtex(read_text(path), path)).strings)
    return frozenset(names)
