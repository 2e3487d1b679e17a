"""Citations of a Markdown draft: pandoc Markdown, Quarto (``.qmd``), R Markdown (``.Rmd``), MyST
Markdown, and the Markdown cells of a Jupyter notebook (``.ipynb``).

What is read, pure over text (`scan_markdown`):

- pandoc's citations (its manual, "Citation syntax"): ``[@key]``, ``@key`` in text,
  ``[-@key]`` (suppress-author), ``[see @key, p. 3; @other]`` (prefixes, locators, several
  keys). A key begins with a letter, digit or ``_`` and may hold ``:.#$%&-+?<>~/`` inside,
  each followed by a letter, digit or ``_`` (a trailing ``.`` ends a sentence, not the key;
  ``arXiv:2106.04560`` and ``doi:10.1038/s41586-021-03819-2`` are keys); ``@{...}`` braces
  any other key without a space. An ``@`` after a letter or digit (``name@example.org``) or a
  backslash is no citation; nor is ``(@label)`` where the text defines that numbered example
  (pandoc's example_lists), nor are
  cross-references (``@fig-plot``, ``@sec:intro``: Quarto's and pandoc-crossref's,
  `CROSSREF_PREFIXES`);
- MyST's citation roles (sphinxcontrib-bibtex and mystmd): ``{cite}`a,b```, ``{cite:p}``,
  ``{cite:t}`` and the other ``{cite:...}`` forms, keys separated by commas (mystmd also reads
  pandoc's syntax, so both are read in every Markdown draft);
- the YAML front matter's ``bibliography`` (a name or a list) and ``nocite`` (pandoc's
  ``@key`` list, ``@*`` for all); a key its ``references`` list defines (pandoc's works given in
  the draft itself, CSL YAML items with an ``id``) is cited from no file, and not reported;
- Quarto's ``{{< include _intro.qmd >}}`` shortcodes: the files `read_markdown` follows.

Code is not read: fenced blocks (```` ``` ```` and ``~~~``, Quarto's and R Markdown's chunks
among them), indented code blocks outside lists, inline code spans; nor are HTML comments,
autolinks and link targets. Line numbers stay those of the file.

`read_markdown` and `read_notebook` read the files: when the front matter names no
bibliography, the nearest project file does (in the draft's folder or one above it):
Quarto's ``_quarto.yml`` (``bibliography``), mystmd's ``myst.yml`` (``project.bibliography``),
Jupyter Book's ``_config.yml`` (``bibtex_bibfiles``). Names are relative to the file that
names them. A Quarto include is read where it is, relative to the file including it (as Quarto
does) and only inside the draft's folder; its citations are reported at their own lines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml
from bibnorm.errors import InputError
from bibnorm.io import LineCounter, read_text
from bibnorm.models import Frozen, Origin
from bibnorm.text.blanking import blanked, blanked_between
from bibnorm.text.word_tables import table_entries

from .latex import MAX_INPUT_DEPTH, BibResource, Citation, LatexDocument, joined_path, listed_keys

__all__ = [
    "CROSSREF_PREFIXES",
    "PROJECT_FILES",
    "MarkdownScan",
    "notebook_markdown",
    "read_markdown",
    "read_notebook",
    "scan_markdown",
]

# Quarto's cross-reference types and pandoc-crossref's ("fig", "sec", "thm": crossref-prefixes.json):
# "@fig-plot" is a figure.
CROSSREF_PREFIXES = frozenset(
    prefix for prefixes in table_entries("crossref-prefixes.json").values() for prefix in prefixes
)

# A pandoc citation key: each alternative takes one character and they start differently, so
# the repetition is linear. The punctuation must be followed by a key character; ':' or '/'
# may also be followed by '/' (a URL-like key).
_KEY = r"\w(?:\w|[:.#$%&\-+?<>~/](?=\w)|[:/](?=/))*"
# Not after a letter or digit (an e-mail address; '_' may precede: pandoc's emphasis) or '\\'.
# A braced key has no space and may hold one level of balanced braces.
_CITATION = re.compile(r"(?<![^\W_])(?<!\\)@(?:\{((?:[^{}\s]|\{[^{}\s]*\})*)\}|(" + _KEY + "))")
_ROLE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]*)`")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-+*]|\d{1,9}[.)])(?: |$)")
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*>")
_LINK_TARGET = re.compile(r"\]\([^()\s]*\)")
_BACKTICKS = re.compile(r"`+")


class MarkdownScan(Frozen):
    """What one Markdown text says: its citations ``(key, line)`` in order, the bibliography
    names of its front matter (``None``: it names none), and whether ``nocite`` holds ``@*``."""

    citations: tuple[tuple[str, int], ...] = ()
    bibliographies: tuple[str, ...] | None = None
    nocite_all: bool = False
    includes: tuple[tuple[str, int], ...] = ()  # Quarto's {{< include name >}}: (name, line)
    defined: frozenset[str] = frozenset()  # the front matter's `references:` ids, cited by no file


def scan_markdown(text: str, *, first_line: int = 1) -> MarkdownScan:
    """Citations and front-matter bibliography of one Markdown text (``first_line``: the file line
    the text starts on)."""
    body, front = _split_front_matter(text)
    citations: list[tuple[str, int]] = []
    nocite_all = False
    bibliographies = None
    if front is not None:
        bibliographies = _names(front.get("bibliography"))
        for key in _nocite_keys(front.get("nocite")):
            if key == "*":
                nocite_all = True
            else:
                citations.append((key, first_line))
    visible = _blank_unread(body)
    line_of = LineCounter(visible)
    for offset, key in _cited(visible):
        citations.append((key, first_line + line_of(offset) - 1))
    includes = tuple(
        (match.group(1), first_line + line_of(match.start()) - 1) for match in _INCLUDE.finditer(visible)
    )
    defined = _inline_ids(front.get("references")) if front is not None else frozenset()
    return MarkdownScan(
        citations=tuple((key, line) for key, line in citations if key not in defined),
        bibliographies=bibliographies,
        nocite_all=nocite_all,
        includes=includes,
        defined=defined,
    )


def _inline_ids(value: Any) -> frozenset[str]:
    """The ``id`` of each work pandoc's front-matter ``references`` list defines in the draft itself
    (its manual's "Specifying bibliographic data": CSL YAML items): citing one needs no file."""
    if not isinstance(value, list):
        return frozenset()
    return frozenset(str(item["id"]).strip() for item in value if isinstance(item, dict) and item.get("id"))


_INCLUDE = re.compile(r"\{\{<\s*include\s+([^\s<>{}]{1,500})\s*>\}\}")  # Quarto's shortcode


def _cited(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, key)`` of every role key and pandoc citation in ``text``, in text order."""
    found: list[tuple[int, str]] = []
    for match in _ROLE.finditer(text):
        found += listed_keys(text, match.start(1), match.end(1))
    text = _ROLE.sub(lambda m: " " * len(m.group()), text)
    text = _blank_code_spans(text)
    examples = _examples(text)
    for match in _CITATION.finditer(text):
        key = match.group(1) if match.group(1) is not None else match.group(2)
        if key and not _is_crossref(key) and not _is_example_reference(text, match, examples):
            found.append((match.start(), key))
    return iter(sorted(found))


def _examples(text: str) -> frozenset[str]:
    """The labels of pandoc's numbered examples: ``(@label)`` opening a line, then a space."""
    return frozenset(re.findall(r"(?m)^ {0,3}\(@([\w-]+)\)(?=[ \t]|$)", text))


def _is_example_reference(text: str, match: re.Match[str], examples: frozenset[str]) -> bool:
    """``(@label)`` of a numbered example the text defines: the example's number, not a citation."""
    return (
        match.group(2) in examples
        and text[match.start() - 1 : match.start()] == "("
        and text.startswith(")", match.end())
    )


def _is_crossref(key: str) -> bool:
    head, dash, _ = key.partition("-")
    head_colon, colon, _ = key.partition(":")
    return (bool(dash) and head in CROSSREF_PREFIXES) or (bool(colon) and head_colon in CROSSREF_PREFIXES)


def _nocite_keys(value: Any) -> Iterator[str]:
    """The keys of pandoc's ``nocite`` metadata: ``@a, @b`` or ``@*``, as a string or a list."""
    for text in _names(value) or ():
        for match in re.finditer(r"@(\*|\{[^{}\n]*\}|" + _KEY + ")", text):
            yield match.group(1).strip("{}")


def _names(value: Any) -> tuple[str, ...] | None:
    """A front-matter value that is one string or a list of strings, as a tuple (else None)."""
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list):
        return tuple(str(item).strip() for item in value if isinstance(item, str | int) and str(item).strip())
    return None


def _split_front_matter(text: str) -> tuple[str, dict[str, Any] | None]:
    """The text with its YAML front matter blanked (lines kept), and the front matter read."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return text, None
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            front = "\n".join(lines[1:number])
            without_front = "\n" * number + "\n".join(lines[number:])
            return without_front, _load_mapping(front)
    return text, None


def _load_mapping(text: str) -> dict[str, Any] | None:
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    return value if isinstance(value, dict) else None


def _blank_code_spans(text: str) -> str:
    """Inline code blanked: a run of n backticks up to the next run of exactly n (CommonMark);
    a run no such run follows is literal text. Linear: each run is looked at once."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    taken: dict[int, int] = {length: 0 for length in by_length}  # how many of each length are used
    chars = list(text)
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        while taken[end - start] < len(same) and same[taken[end - start]] <= index:
            taken[end - start] += 1
        if taken[end - start] >= len(same):
            index += 1
            continue
        closing = same[taken[end - start]]
        for position in range(start, runs[closing][1]):
            if chars[position] != "\n":
                chars[position] = " "
        index = closing + 1
    return "".join(chars)


def _closes(line: str, fence: str) -> bool:
    """Whether ``line`` closes a code block opened by ``fence`` (the same character, at least as
    many, nothing after them)."""
    closing = _FENCE.match(line)
    return bool(
        closing
        and closing.group(1)[0] == fence[0]
        and len(closing.group(1)) >= len(fence)
        and not line[closing.end() :].strip()
    )


def _blank_unread(text: str) -> str:
    """Code blocks, HTML comments, autolinks and link targets blanked out."""
    text = blanked_between(text, "<!--", "-->")
    out: list[str] = []
    fence: str | None = None
    in_list = False
    previous_blank = True
    indented_code = False
    for line in text.split("\n"):
        blank = not line.strip()
        if fence is not None:
            out.append(" " * len(line))
            if _closes(line, fence):
                fence = None
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(1)
            out.append(" " * len(line))
            previous_blank = False
            continue
        if not blank and not line.startswith((" ", "\t")):
            in_list = bool(_LIST_ITEM.match(line))
        elif _LIST_ITEM.match(line):
            in_list = True
        indented = line.startswith(("    ", "\t"))
        indented_code = indented and not in_list and (previous_blank or indented_code) and not blank
        out.append(" " * len(line) if indented_code else line)
        previous_blank = blank
    text = "\n".join(out)
    text = _AUTOLINK.sub(lambda m: blanked(m.group()), text)
    return _LINK_TARGET.sub(lambda m: "]" + blanked(m.group()[1:]), text)


# --------------------------------------------------------------------------- notebooks


def notebook_markdown(text: str, name: str) -> list[tuple[str, int]]:
    """The Markdown cells of a notebook's JSON text, each with the file line its source starts on.

    The JSON is read as a notebook (nbformat 4: ``cells``, each with ``cell_type`` and
    ``source``, a string or a list of lines); `InputError` when it is not one. The lines are
    found where nbformat writes them, one JSON string per line; a cell whose source is not
    laid out so counts from the line its first string is on.
    """
    line_of = LineCounter(text)
    cursor = 0
    out: list[tuple[str, int]] = []
    for cell in _cells(text, name):
        if not isinstance(cell, dict) or cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        parts = [part for part in (source if isinstance(source, list) else [source]) if isinstance(part, str)]
        found = _first_string_at(text, parts, cursor)
        if found != -1:
            cursor = found
        out.append(("".join(parts), line_of(found) if found != -1 else 1))
    return out


def _cells(text: str, name: str) -> list[object]:
    """The ``cells`` of a notebook's JSON text; `InputError` when it is no notebook."""
    try:
        notebook = json.loads(text)
    except ValueError as error:
        raise InputError(f"{name}: not a Jupyter notebook (JSON: {error})") from None
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        raise InputError(f"{name}: not a Jupyter notebook (no 'cells' list)")
    return cells


def _first_string_at(text: str, parts: list[str], cursor: int) -> int:
    """Where, from ``cursor`` on, ``text`` holds a cell's first source string as nbformat writes
    it (its letters as they are, else escaped); -1 when nowhere or when the cell has none."""
    if not parts:
        return -1
    found = text.find(json.dumps(parts[0], ensure_ascii=False), cursor)
    return found if found != -1 else text.find(json.dumps(parts[0]), cursor)


# --------------------------------------------------------------------------- reading files

PROJECT_FILES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("_quarto.yml", ("bibliography",)),
    ("myst.yml", ("project", "bibliography")),
    ("_config.yml", ("bibtex_bibfiles",)),
)
"""Project files that name a bibliography for the documents below them, and where in each."""

# How far up from the draft's folder a project file is looked for.
_PROJECT_DEPTH = 8


def read_markdown(path: Path) -> LatexDocument:
    """The citations and bibliography of a Markdown draft (``.md``, ``.qmd``, ``.Rmd``) and of
    the files it includes (Quarto's ``{{< include >}}``)."""
    return _document(path, [(read_text(path), 1)], follow_includes=True)


class _IncludeWalk:
    """The files a Quarto draft includes, each once, and their citations: inside the draft's
    folder (a name leading out of it is a warning, as a missing file is), nested up to
    `MAX_INPUT_DEPTH` deep."""

    def __init__(self, main: Path, *, following: bool = True) -> None:
        self.following = following  # False: a notebook's cells, whose includes are not read
        self.root = main.parent.resolve()
        self.seen = {main.resolve()}
        self.files: list[Path] = []
        self.citations: list[tuple[str, Origin]] = []
        self.warnings: list[str] = []
        self.defined: frozenset[str] = frozenset()  # the draft's own works (front matter `references`)

    def follow_all(self, path: Path, scan: MarkdownScan) -> None:
        """Follow the includes of the draft's text ``scan``; its front matter's works are its own."""
        if not self.following:
            return
        self.follow(path, scan.includes, 1)
        self.defined |= scan.defined

    def cited(self) -> list[tuple[str, Origin]]:
        """The included files' citations but of the works the draft's front matter gives."""
        return [(key, origin) for key, origin in self.citations if key not in self.defined]

    def follow(self, path: Path, includes: Iterable[tuple[str, int]], depth: int) -> None:
        for name, line in includes:
            here = Origin(path=str(path), line=line)
            target = joined_path(path.parent, name)
            if target.resolve() in self.seen:
                continue
            if depth > MAX_INPUT_DEPTH:
                raise InputError(f"{here}: includes nested more than {MAX_INPUT_DEPTH} files deep")
            if name.startswith("/") or not target.resolve().is_relative_to(self.root):
                self.warnings.append(f"{here}: not following include {name!r}: outside the draft's folder")
                continue
            if not target.is_file():
                self.warnings.append(f"{here}: cannot find included file {name!r}")
                continue
            try:
                text = read_text(target)
            except InputError as error:
                self.warnings.append(f"{here}: cannot read included file {name!r}: {error}")
                continue
            self.seen.add(target.resolve())
            self.files.append(target)
            # (an included file's front matter names no draft's bibliography: Quarto inserts its text)
            scan = scan_markdown(text)
            self.citations += [(key, Origin(path=str(target), line=at)) for key, at in scan.citations]
            self.follow(target, scan.includes, depth + 1)


def read_notebook(path: Path) -> LatexDocument:
    """The citations and bibliography of a Jupyter notebook's Markdown cells; the first
    cell's front matter (mystmd's) names the bibliography, else the project file."""
    text = read_text(path)
    return _document(path, notebook_markdown(text, str(path)))


def _document(
    path: Path, pieces: Iterable[tuple[str, int]], *, follow_includes: bool = False
) -> LatexDocument:
    citations: dict[str, list[Origin]] = {}
    names: tuple[str, ...] | None = None
    nocite_all = False
    walk = _IncludeWalk(path, following=follow_includes)
    for number, (text, first_line) in enumerate(pieces):
        scan = scan_markdown(text, first_line=first_line) if number == 0 else _body_scan(text, first_line)
        if names is None:
            names = scan.bibliographies
        nocite_all = nocite_all or scan.nocite_all
        for key, line in scan.citations:
            citations.setdefault(key, []).append(Origin(path=str(path), line=line))
        walk.follow_all(path, scan)
    for key, origin in walk.cited():
        citations.setdefault(key, []).append(origin)
    files = [path, *walk.files]
    resources: list[BibResource] = []
    if names is not None:
        resources = [_resource(path.parent, name, path) for name in names]
    else:
        project = _project_bibliographies(path.parent)
        if project is not None:
            named_in, found = project
            files.append(named_in)
            resources = [_resource(named_in.parent, name, named_in) for name in found]
    unique = {resource.path: resource for resource in reversed(resources)}
    return LatexDocument(
        main=path,
        citations=tuple(Citation(key=key, origins=tuple(origins)) for key, origins in citations.items()),
        resources=tuple(r for r in resources if unique.pop(r.path, None) is not None),
        files=tuple(files),
        nocite_all=nocite_all,
        warnings=tuple(walk.warnings),
    )


def _body_scan(text: str, first_line: int) -> MarkdownScan:
    """A later notebook cell: its citations only (a ``---`` there is a rule, not front matter)."""
    scan = scan_markdown("\n" + text, first_line=first_line - 1)
    return scan.model_copy(update={"bibliographies": None, "nocite_all": False})


def _resource(folder: Path, name: str, named_in: Path) -> BibResource:
    return BibResource(name=name, path=joined_path(folder, name), named_in=named_in, root=folder)


def _project_bibliographies(folder: Path) -> tuple[Path, tuple[str, ...]] | None:
    """The nearest project file naming a bibliography, and the names (relative to it)."""
    here = folder.resolve()
    for _ in range(_PROJECT_DEPTH):
        for file_name, where in PROJECT_FILES:
            candidate = here / file_name
            if not candidate.is_file():
                continue
            try:
                value: Any = _load_mapping(read_text(candidate))
            except InputError:
                continue
            for step in where:
                value = value.get(step) if isinstance(value, dict) else None
            names = _names(value)
            if names:
                return _as_given(folder, here, candidate), names
        if here.parent == here:
            return None
        here = here.parent
    return None


def _as_given(folder: Path, resolved: Path, candidate: Path) -> Path:
    """``candidate`` (found under ``resolved``, the resolved ``folder``) spelt from ``folder``
    as the user gave it, so messages name it the way the draft was named."""
    import os

    ups = len(Path(os.path.relpath(resolved, folder.resolve())).parts) if resolved != folder.resolve() else 0
    return Path(os.path.normpath(folder.joinpath(*([".."] * ups), candidate.name)))
