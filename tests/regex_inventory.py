"""Every compiled regular expression of bibnorm (`bibnorm` with its subpackages, and
`bibnorm.resolvers`): the patterns its modules hold (module attributes, and patterns inside
module-level tuples, lists, sets and dicts), and the patterns its functions compile from a literal
or from module constants (``re.search(r"…", text)``, ``re.compile(rf"{_NAME}…")``), found in the
source by `ast` — each with the ways the code calls it.

How a pattern is called matters to its cost: ``search`` (and ``sub``, ``split``, ``findall``,
``finditer``) tries it from every position, ``match`` and ``fullmatch`` from one. A pattern held
in a module attribute is taken as anchored only when every use of its name anywhere in the
package is a ``.match(…)`` or ``.fullmatch(…)`` call; any other use (another method, the name
passed on, held in a table) counts as a search.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType

# The reading packages first: a pattern found in several places is named after the first.
ROOTS = ("bibnorm.readers", "bibnorm.text", "bibnorm", "bibnorm.resolvers")
_COMPILING = frozenset(
    {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}
)
ANCHORED = frozenset({"match", "fullmatch"})


@dataclass(frozen=True)
class Found:
    """One distinct pattern (by text and flags), where it was first found and how it is called."""

    where: str
    pattern: re.Pattern[str]
    # The anchored methods the code calls it by (match, fullmatch: one starting position per
    # call); empty when it is searched (or may be).
    anchored_by: frozenset[str]

    @property
    def anchored(self) -> bool:
        return bool(self.anchored_by)

    @property
    def methods(self) -> tuple[str, ...]:
        """The methods its time is measured by: those the code anchors it by; for a pattern that
        is searched, ``search`` and a whole-string match (which makes every repetition run to the
        end of the text)."""
        return tuple(sorted(self.anchored_by)) if self.anchored_by else ("search", "fullmatch")


def package_modules() -> Iterator[ModuleType]:
    seen: set[str] = set()
    for root in ROOTS:
        package = importlib.import_module(root)
        names = [root] + [
            info.name for info in pkgutil.walk_packages(package.__path__, f"{root}.", onerror=lambda _: None)
        ]
        for name in names:
            if name in seen or name.endswith(".__main__"):  # running __main__ is running the command
                continue
            seen.add(name)
            try:
                yield importlib.import_module(name)
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


def _tree(module: ModuleType) -> ast.Module | None:
    if not getattr(module, "__file__", None):
        return None
    with open(module.__file__, encoding="utf-8") as source:  # type: ignore[arg-type]
        return ast.parse(source.read())


def _compiled_in_source(module: ModuleType, tree: ast.Module) -> Iterator[tuple[re.Pattern[str], str]]:
    """Patterns the module's code compiles from an expression of literals and module names, each
    with the `re` function that compiles it (not those a module attribute holds: they are found
    as the module's values, and their uses are their name's)."""
    held = {
        id(statement.value)
        for statement in tree.body
        if isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value is not None
    }
    for node in ast.walk(tree):
        if id(node) in held:
            continue
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
            text = eval(compile(ast.Expression(node.args[0]), module.__file__, "eval"), vars(module))  # type: ignore[arg-type]
            flag_value = (
                0 if flags is None else eval(compile(ast.Expression(flags), "", "eval"), vars(module))
            )
        except Exception:  # a pattern built from a function's own values: not knowable here
            continue
        if isinstance(text, str):
            yield re.compile(text, flag_value), node.func.attr


def _imported_from(module: str, is_package: bool, node: ast.ImportFrom) -> str | None:
    """The module ``node`` imports from, its relative name (``from .reading import …``) resolved."""
    if not node.level:
        return node.module
    package = module.split(".")[: len(module.split(".")) - node.level + is_package]
    return ".".join(package + ([node.module] if node.module else [])) or None


def _uses(module: str, is_package: bool, tree: ast.Module, uses: dict[tuple[str, str], set[str]]) -> None:
    """Adds to ``uses`` how ``module``'s code uses each name, keyed by (the module that defines
    it, name): the method called on it, or "other". A name imported from another module counts
    for that module's name; one reached as an attribute (``module._NAME.search``) counts for the
    name in every module (key ``("", name)``)."""
    origin = {}  # name in this module -> module it was imported from
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (source := _imported_from(module, is_package, node)):
            for alias in node.names:
                if alias.asname:  # under another name: not followed
                    uses[(source, alias.name)].add("other")
                else:
                    origin[alias.name] = source
    called = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            uses[(origin.get(node.value.id, module), node.value.id)].add(node.attr)
            called.add(id(node.value))
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute):
            uses[("", node.value.attr)].add(node.attr)
            called.add(id(node.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and id(node) not in called:
            uses[(origin.get(node.id, module), node.id)].add("other")
        elif isinstance(node, ast.Attribute) and id(node) not in called:
            uses[("", node.attr)].add("other")


def all_patterns() -> dict[str, Found]:
    """Each distinct pattern (by text and flags) of the package, keyed by where it was first found;
    anchored when every place that holds it calls it anchored."""
    found: dict[tuple[str, int], tuple[str, re.Pattern[str], list[tuple[str, str] | None]]] = {}
    uses: dict[tuple[str, str], set[str]] = defaultdict(set)

    def add(where: str, pattern: re.Pattern[str], holder: tuple[str, str] | None) -> None:
        found.setdefault((pattern.pattern, pattern.flags), (where, pattern, []))[2].append(holder)

    for module in package_modules():
        for name, value in vars(module).items():
            for pattern in _held(value):  # in a table (holder None): called by whoever reads it
                if value is pattern and getattr(module, "__file__", None):
                    # defined here, or imported: the uses are counted for the defining module
                    add(f"{module.__name__}.{name}", pattern, (module.__name__, name))
                else:
                    add(f"{module.__name__}.{name}", pattern, None)
        tree = _tree(module)
        if tree is not None:
            _uses(module.__name__, hasattr(module, "__path__"), tree, uses)
            for at, (pattern, function) in enumerate(_compiled_in_source(module, tree)):
                add(f"{module.__name__} (in code #{at})", pattern, ("re", function))

    def called(holder: tuple[str, str] | None) -> set[str]:
        if holder is None:
            return {"other"}
        if holder[0] == "re":
            return {holder[1]}
        return (uses[holder] | uses[("", holder[1])]) or {"other"}

    result: dict[str, Found] = {}
    for where, pattern, holders in found.values():
        methods = set().union(*(called(holder) for holder in holders))
        # a table holds several patterns under one name: each is kept, numbered after the first
        key, number = where, 0
        while key in result:
            number += 1
            key = f"{where} [{number}]"
        result[key] = Found(key, pattern, frozenset(methods) if methods <= ANCHORED else frozenset())
    return result
