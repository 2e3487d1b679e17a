"""Every compiled regular expression of bibnorm's reading packages (`bibnorm.readers`, `bibnorm.text`):
the patterns their modules hold (module attributes, and patterns inside module-level tuples, lists,
sets and dicts), and the patterns their functions compile from a literal or from module constants
(``re.search(r"…", text)``, ``re.compile(rf"{_NAME}…")``), found in the source by `ast`."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections.abc import Iterator
from types import ModuleType

PACKAGES = ("bibnorm.readers", "bibnorm.text")
_COMPILING = frozenset(
    {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}
)


def reading_modules() -> Iterator[ModuleType]:
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        yield package
        for info in pkgutil.iter_modules(package.__path__):
            if info.name == "__main__":  # running it is running the command
                continue
            try:
                yield importlib.import_module(f"{package_name}.{info.name}")
            except ImportError:  # an optional reader whose dependency is not installed
                continue


def _held(value: object, depth: int = 0) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            yield value
    elif depth < 2 and isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _held(item, depth + 1)
    elif depth < 2 and isinstance(value, dict):
        for item in value.values():
            yield from _held(item, depth + 1)


def _compiled_in_source(module: ModuleType) -> Iterator[re.Pattern[str]]:
    """Patterns the module's code compiles from an expression of literals and module names."""
    if not getattr(module, "__file__", None):
        return
    with open(module.__file__, encoding="utf-8") as source:  # type: ignore[arg-type]
        tree = ast.parse(source.read())
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in _COMPILING
            and node.args
        ):
            continue
        flags = next((keyword.value for keyword in node.keywords if keyword.arg == "flags"), None)
        if flags is None and node.func.attr == "compile" and len(node.args) > 1:
            flags = node.args[1]
        try:
            text = eval(compile(ast.Expression(node.args[0]), module.__file__, "eval"), vars(module))
            flag_value = (
                0 if flags is None else eval(compile(ast.Expression(flags), "", "eval"), vars(module))
            )
        except Exception:  # a pattern built from a function's own values: not knowable here
            continue
        if isinstance(text, str):
            yield re.compile(text, flag_value)


def reading_patterns() -> dict[str, re.Pattern[str]]:
    """Each distinct pattern (by text and flags), keyed by where it was first found."""
    found: dict[tuple[str, int], tuple[str, re.Pattern[str]]] = {}
    for module in reading_modules():
        for name, value in vars(module).items():
            for pattern in _held(value):
                found.setdefault((pattern.pattern, pattern.flags), (f"{module.__name__}.{name}", pattern))
        for at, pattern in enumerate(_compiled_in_source(module)):
            found.setdefault(
                (pattern.pattern, pattern.flags), (f"{module.__name__} (in code #{at})", pattern)
            )
    return {where: pattern for where, pattern in found.values()}
