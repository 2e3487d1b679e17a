"""BibTeX itself as the referee: what the real ``bibtex`` stores of a ``.bib`` file.

`write_style` writes a ``.bst`` that prints, for every entry (``\\nocite{*}``), its key and
type and each field BibTeX stored with its value; `read_with_bibtex` runs ``bibtex`` on
bytes and returns the ``.bbl`` and, parsed from it, ``{key: {field: value}}``. The field
list of the style comes from the raw bytes (any ``name =``), never from bibnorm's reading,
so the referee does not depend on the code it judges. ``bench/bench_corpus.py`` uses the
same style on the whole corpus.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import NamedTuple

MONTHS = (
    ("jan", "January"),
    ("feb", "February"),
    ("mar", "March"),
    ("apr", "April"),
    ("may", "May"),
    ("jun", "June"),
    ("jul", "July"),
    ("aug", "August"),
    ("sep", "September"),
    ("oct", "October"),
    ("nov", "November"),
    ("dec", "December"),
)
# Field and type names as any tool reads them: a name then "=", "@name{".
_FIELD_NAME = re.compile(rb"([A-Za-z][A-Za-z0-9_.:+/-]*)[ \t\r\n]*=")
_TYPE_NAME = re.compile(rb"@[ \t]*([A-Za-z][A-Za-z0-9_.:+/-]*)[ \t\r\n]*[{(]")
_RESERVED = frozenset({"crossref", "comment", "string", "preamble"})  # BibTeX's own words


def bibtex_missing() -> str | None:
    """Why the referee cannot run here (no ``bibtex`` on the PATH), or None."""
    return None if shutil.which("bibtex") else "the real bibtex is not installed"


def write_style(path: Path, sources: list[bytes]) -> None:
    """A .bst printing every entry's key and type, then each field BibTeX stored for it
    (``crossref`` too, which BibTeX declares itself), with the month macros of the
    standard styles (``jan`` prints "January")."""
    fields = sorted({m.lower().decode() for data in sources for m in _FIELD_NAME.findall(data)} - _RESERVED)
    names = [name for name in fields if len(name) < 60]
    taken = set(names) | _RESERVED
    types = sorted({m.lower().decode() for data in sources for m in _TYPE_NAME.findall(data)} - taken)
    lines = ["ENTRY { " + " ".join(names) + " } {} {}"]
    lines += [f'MACRO {{{short}}} {{"{long}"}}' for short, long in MONTHS]
    lines += [f"FUNCTION {{{name}}} {{ }}" for name in types if len(name) < 60]
    lines += ["FUNCTION {default.type} { }", "FUNCTION {print.entry}"]
    lines.append('{ "\\entry{" cite$ * "}{" * type$ * "}" * write$ newline$')
    for name in ["crossref", *names]:
        lines.append(
            f'  {name} missing$ {{ }} {{ "\\field{{{name}}}{{" {name} * "}}" * write$ newline$ }} if$'
        )
    lines += ["}", "FUNCTION {begin.bib} { preamble$ write$ newline$ }"]
    lines += ["READ", "EXECUTE {begin.bib}", "ITERATE {print.entry}"]
    path.write_text("\n".join(lines) + "\n", encoding="ascii")


class Reading(NamedTuple):
    """What BibTeX made of a file: its ``.bbl``, exit code and error count."""

    bbl: bytes
    exit_code: int
    errors: int


def run_bibtex(folder: Path, data: bytes) -> Reading:
    """BibTeX's reading of ``data`` with the ``fields.bst`` of ``folder`` (`write_style`)."""
    (folder / "t.bib").write_bytes(data)
    (folder / "t.aux").write_text("\\citation{*}\n\\bibdata{t}\n\\bibstyle{fields}\n", encoding="ascii")
    for old in ("t.bbl", "t.blg"):
        (folder / old).unlink(missing_ok=True)
    done = subprocess.run(
        ["bibtex", "-terse", "t"], cwd=folder, capture_output=True, timeout=600, check=False
    )
    bbl = (folder / "t.bbl").read_bytes() if (folder / "t.bbl").exists() else b""
    blg = (folder / "t.blg").read_text(encoding="latin-1") if (folder / "t.blg").exists() else ""
    count = re.search(r"\(There (?:was|were) (\d+|one) error", blg)
    errors = 0 if count is None else (1 if count.group(1) == "one" else int(count.group(1)))
    return Reading(bbl, done.returncode, errors)


def read_with_bibtex(*versions: bytes) -> list[Reading]:
    """BibTeX's reading of each version of a file, all with one style (the union of their fields)."""
    with tempfile.TemporaryDirectory(prefix="referee-") as scratch:
        folder = Path(scratch)
        write_style(folder / "fields.bst", list(versions))
        return [run_bibtex(folder, data) for data in versions]


_LINE = re.compile(r"\\(entry|field)\{([^}]*)\}\{(.*)\}$")


def stored_fields(bbl: bytes) -> dict[str, dict[str, str]]:
    """``{key: {field: value}}`` from a ``.bbl`` written by `write_style`'s style (values of
    one line; BibTeX breaks longer lines, which the tests that read fields avoid)."""
    entries: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in bbl.decode("utf-8", "surrogateescape").splitlines():
        match = _LINE.match(line)
        if match is None:
            continue
        kind, name, value = match.groups()
        if kind == "entry":
            current = entries.setdefault(name, {})
        else:
            current[name] = value
    return entries
