"""The repository's scripts (`scripts/`) and benches (`bench/`) as modules the tests can import:
they are no package, so each is loaded from its file, once."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def load(folder: str, name: str) -> ModuleType:
    """``folder/name.py`` as the module ``name``, as Python runs it: its folder on the path (one
    script imports another by name) and registered in `sys.modules` first (its dataclasses look
    their module up)."""
    if name in sys.modules:
        return sys.modules[name]
    if str(ROOT / folder) not in sys.path:
        sys.path.insert(0, str(ROOT / folder))
    spec = importlib.util.spec_from_file_location(name, ROOT / folder / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def script(name: str) -> ModuleType:
    """``scripts/name.py`` as a module."""
    return load("scripts", name)
