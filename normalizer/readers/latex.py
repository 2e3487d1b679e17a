"""Citations of a LaTeX document: which keys it cites, where, and which .bib files it names.

Two ways in, chosen by the file suffix:

- an ``.aux`` file, written by a LaTeX run: BibTeX's ``\\citation{a,b}`` and
  ``\\bibdata{refs}``, or biblatex's ``\\abx@aux@cite{0}{key}`` (resources then come from
  the ``.bcf`` next to it, as biber reads them), following ``\\@input{chapter.aux}`` of
  ``\\include``d chapters. The ``.tex`` with the same stem, when present, is scanned
  too so each key is reported with the lines that cite it;
- a ``.tex`` file, without a LaTeX run: every natbib/biblatex citation command, in
  the file and in the files it ``\\input``s or ``\\include``s (recursively, paths
  relative to the main document as LaTeX resolves them, ``.tex`` optional, each file
  read once), and the ``\\bibliography{}``/``\\addbibresource{}`` files.

Parsing (`scan_tex`, `scan_aux`, `scan_bcf`) is pure over text; `read_document` does
the file reading. Comments (``%`` but not ``\\%``) are ignored.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bibnorm.errors import InputError
from bibnorm.io import LineCounter, read_text
from bibnorm.models import Frozen, Origin
from bibnorm.text.blanking import blanked
from bibnorm.text.word_tables import citation_commands

__all__ = [
    "CITE_COMMANDS",
    "MULTI_CITE_COMMANDS",
    "BibResource",
    "Citation",
    "LatexDocument",
    "Scan",
    "read_document",
    "scan_aux",
    "scan_bcf",
    "scan_tex",
]

CITE_COMMANDS = citation_commands().single
"""Commands taking ``[pre][post]{key,key}`` (starred forms too; citation-commands.json)."""
MULTI_CITE_COMMANDS = citation_commands().multi
"""biblatex multi-cite commands: ``(pre)(post)`` then repeated ``[pre][post]{keys}``."""

_COMMAND = re.compile(r"\\([A-Za-z]+)(\*?)")
_AUX_CITATION = re.compile(r"\\citation\{([^{}]*)\}")
# biblatex >= 3.x writes \abx@aux@cite{<refsection>}{<key>}; older ones \abx@aux@cite{<key>}.
_AUX_ABX_CITE = re.compile(r"\\abx@aux@cite\{([^{}]*)\}(?:\{([^{}]*)\})?")
_AUX_BIBDATA = re.compile(r"\\bibdata\{([^{}]*)\}")
_AUX_BIBSTYLE = re.compile(r"\\bibstyle\{([^{}]*)\}")
_AUX_INPUT = re.compile(r"\\@input\{([^{}]*)\}")
_INPUT_BARE = re.compile(r"[ \t]+([^\s{}\\%]+)")
_BIB_COMMANDS = frozenset({"bibliography", "addbibresource", "addglobalbib", "addsectionbib"})
_INPUT_COMMANDS = frozenset({"input", "include", "subfile"})


class Citation(Frozen):
    """One cited key and every place that cites it, in document order."""

    key: str
    origins: tuple[Origin, ...] = ()


class Scan(Frozen):
    """What one file says, before following its inputs.

    ``citations`` holds one entry per key occurrence (``(key, line)``); ``inputs`` the
    raw names of ``\\input``/``\\include``d files (or ``.aux`` files) with their lines;
    ``bibliographies`` the raw resource names, already with a ``.bib`` suffix where
    ``\\bibliography``/``\\bibdata`` leave it implicit.
    """

    citations: tuple[tuple[str, int], ...] = ()
    inputs: tuple[tuple[str, int], ...] = ()
    bibliographies: tuple[str, ...] = ()
    nocite_all: bool = False
    biblatex: bool = False
    style: str | None = None  # \bibliographystyle{X} (.aux: \bibstyle{X}), or biblatex's style=X


class BibResource(Frozen):
    """A bibliography file a document names.

    ``name`` is the name as written (with the ``.bib`` that ``\\bibliography`` and
    ``\\bibdata`` leave implicit), ``path`` where LaTeX would look for it (the name
    joined to the main file's folder), ``named_in`` the file that names it. Writing to
    ``path`` is for `bibnorm.io.named_output` to allow: the name comes from a file.
    """

    name: str
    path: Path
    named_in: Path
    root: Path | None = None  # the folder name is relative to and must stay in; None: the main file's


class LatexDocument(Frozen):
    """Everything `read_document` found (and what the readers of other drafts find:
    `bibnorm.readers.drafts`).

    ``resources`` are the bibliography files in the order the document names them
    (their paths relative to the working directory the way the main file was given).
    ``files`` lists every file read, for watching. ``warnings`` are one-line,
    ``file:line: ...`` messages about inputs that could not be followed.
    """

    main: Path
    citations: tuple[Citation, ...] = ()
    resources: tuple[BibResource, ...] = ()
    files: tuple[Path, ...] = ()
    nocite_all: bool = False
    biblatex: bool = False  # \addbibresource or biblatex's .aux: entries are read by biber
    # The style the bibliography is typeset in, as the draft names it: ``\bibliographystyle{X}``
    # (an .aux's ``\bibstyle{X}``), or the ``style=``/``bibstyle=`` option of biblatex's
    # ``\usepackage``; the first the walk meets. None: the draft names none.
    bibliography_style: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def bibliographies(self) -> tuple[Path, ...]:
        """The paths of `resources`, in order."""
        return tuple(resource.path for resource in self.resources)


# --------------------------------------------------------------------------- pure scanning


def _strip_comments(text: str) -> str:
    """Blank out ``%`` comments (not ``\\%``), keeping offsets and line numbers intact."""
    out: list[str] = []
    for line in text.split("\n"):
        cut = _comment_start(line)
        out.append(line if cut is None else line[:cut] + " " * (len(line) - cut))
    return "\n".join(out)


# What LaTeX typesets as text, or not at all: a verbatim environment's body (verbatim, fancyvrb's
# Verbatim, listings' lstlisting, minted; the verbatim package's comment), an inline \verb|…|, and
# \iffalse … \fi. A \cite there cites nothing.
_UNREAD = re.compile(
    r"\\begin\s*\{((?:verbatim|Verbatim|lstlisting|minted)\*?|comment)\}"
    r"|\\verb\*?([^\sa-zA-Z*])|\\iffalse(?![a-zA-Z])"
)
_FI = re.compile(r"\\fi(?![a-zA-Z])")


def _blank_unread(text: str) -> str:
    """``text`` with what LaTeX reads as no command blanked (`_UNREAD`), its line breaks kept: an
    environment to its ``\\end``, ``\\verb`` to its delimiter on the line, ``\\iffalse`` to its
    ``\\fi``; one left open, to the text's end (the ``\\verb``: the line's)."""
    pieces: list[str] = []
    cursor = 0
    while (opening := _UNREAD.search(text, cursor)) is not None:
        if opening.group(1) is not None:
            closing = f"\\end{{{opening.group(1)}}}"
            found = text.find(closing, opening.end())
            end = len(text) if found == -1 else found + len(closing)
        elif opening.group(2) is not None:
            line_end = text.find("\n", opening.end())
            found = text.find(opening.group(2), opening.end(), len(text) if line_end == -1 else line_end)
            end = (len(text) if line_end == -1 else line_end) if found == -1 else found + 1
        else:
            fi = _FI.search(text, opening.end())
            end = len(text) if fi is None else fi.end()
        pieces.extend((text[cursor : opening.start()], blanked(text[opening.start() : end])))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _comment_start(line: str) -> int | None:
    start = 0
    while (found := line.find("%", start)) != -1:
        backslashes = len(line[:found]) - len(line[:found].rstrip("\\"))
        if backslashes % 2 == 0:  # "\\%" is a line break followed by a comment
            return found
        start = found + 1
    return None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _group_end(text: str, pos: int, opening: str, closing: str) -> int | None:
    """Index just after the group opening at ``pos``; braces nest, ``[``/``(`` end at depth 0."""
    depth_brace = 0
    depth = 0
    index = pos
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if opening != "{" and char == "{":
            depth_brace += 1
        elif opening != "{" and char == "}":
            depth_brace -= 1
        elif depth_brace == 0 and char == opening:
            depth += 1
        elif depth_brace == 0 and char == closing:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return None


def listed_keys(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """Comma-separated keys between ``start`` and ``end``, each with its offset in ``text`` (a
    citation command's, or a Markdown draft's citation role's)."""
    offset = start
    for piece in text[start:end].split(","):
        key = piece.strip()
        if key:
            yield offset + piece.index(key), key
        offset += len(piece) + 1


@dataclass
class _Found:
    """What a scan has found so far, in the order found (a `Scan` when done)."""

    citations: list[tuple[str, int]] = field(default_factory=list)
    inputs: list[tuple[str, int]] = field(default_factory=list)
    bibliographies: list[str] = field(default_factory=list)
    nocite_all: bool = False
    biblatex: bool = False
    style: str | None = None

    def scan(self) -> Scan:
        return Scan(**vars(self))  # the same fields (the lists as tuples)


def scan_tex(text: str) -> Scan:
    """Citations, inputs and bibliography resources named in one ``.tex`` text."""
    clean = _blank_unread(_strip_comments(text))
    line_of = LineCounter(clean)
    found = _Found()
    for match in _COMMAND.finditer(clean):
        read = _TEX_COMMANDS.get(match.group(1))
        if read is not None:
            read(found, _Command(clean, line_of, match.group(1), bool(match.group(2)), match.end()))
    return found.scan()


@dataclass(frozen=True)
class _Command:
    """One command of a ``.tex`` text that `scan_tex` reads, its arguments from ``end`` on."""

    text: str
    line_of: LineCounter
    name: str
    starred: bool
    end: int


def _read_citation(found: _Found, command: _Command) -> None:
    multi = command.name in MULTI_CITE_COMMANDS
    cited = list(_cite_arguments(command.text, command.end, multi=multi, line_of=command.line_of))
    found.nocite_all = found.nocite_all or (command.name == "nocite" and any(key == "*" for key, _ in cited))
    found.citations.extend(_cited_keys(cited))


def _read_input(found: _Found, command: _Command) -> None:
    argument = None if command.starred else _input_argument(command.text, command.end, command.name)
    if argument:
        found.inputs.append((argument[0].strip(), command.line_of(argument[1])))


def _read_resources(found: _Found, command: _Command) -> None:
    found.biblatex = found.biblatex or command.name != "bibliography"
    found.bibliographies.extend(_resource_names(command.text, command.end, command.name))


def _read_bibliography_style(found: _Found, command: _Command) -> None:
    """``\\bibliographystyle{X}``; the first a document names is the one BibTeX uses."""
    if found.style is None:
        argument = _braced_argument(command.text, command.end)
        found.style = argument[0].strip() or None if argument else None


def _read_package(found: _Found, command: _Command) -> None:
    if found.style is None:
        found.style = _biblatex_style(command.text, command.end)


# what each command `scan_tex` reads adds to what it has found
_TEX_COMMANDS: dict[str, Callable[[_Found, _Command], None]] = {
    **dict.fromkeys(CITE_COMMANDS | MULTI_CITE_COMMANDS, _read_citation),
    **dict.fromkeys(_INPUT_COMMANDS, _read_input),
    **dict.fromkeys(_BIB_COMMANDS, _read_resources),
    "bibliographystyle": _read_bibliography_style,
    "usepackage": _read_package,
}


def _biblatex_style(text: str, pos: int) -> str | None:
    """The bibliography style a ``\\usepackage[options]{biblatex}`` at ``pos`` names:
    its ``bibstyle=`` option, else its ``style=``."""
    at = _skip_space(text, pos)
    end = _group_end(text, at, "[", "]") if text.startswith("[", at) else None
    if end is None:
        return None
    package = _braced_argument(text, end)
    if package is None or "biblatex" not in (name.strip() for name in package[0].split(",")):
        return None
    options = dict(
        (name.strip(), value.strip())
        for name, _, value in (o.partition("=") for o in text[at + 1 : end - 1].split(","))
    )
    return options.get("bibstyle") or options.get("style") or None


def _cited_keys(found: Iterable[tuple[str, int]]) -> Iterator[tuple[str, int]]:
    """The keys a citation command cites: not ``\\nocite{*}``'s star, and not "#1", which comes
    from ``\\cite`` inside a ``\\newcommand`` body, not from a citation."""
    return ((key, line) for key, line in found if key != "*" and "#" not in key)


def _input_argument(text: str, pos: int, name: str) -> tuple[str, int] | None:
    """The file an ``\\input``-like command names, and its offset; plain TeX's ``\\input file``
    takes it without braces."""
    argument = _braced_argument(text, pos)
    if argument is None and name == "input":
        bare = _INPUT_BARE.match(text, pos)
        argument = (bare.group(1), bare.start(1)) if bare else None
    return argument


def _resource_names(text: str, pos: int, name: str) -> list[str]:
    """The bibliography files a ``\\bibliography``-like command names (``.bib`` added where
    ``\\bibliography`` leaves it implicit). Remote resources (location=remote) are not files
    we could write to."""
    argument = _braced_argument(text, _skip_optional(text, pos))
    if not argument:
        return []
    names = [n.strip() for n in argument[0].split(",") if n.strip()]
    if name == "bibliography":
        names = [_with_suffix(n, ".bib") for n in names]
    return [n for n in names if "://" not in n]


def _skip_optional(text: str, pos: int) -> int:
    at = _skip_space(text, pos)
    while at < len(text) and text[at] == "[":
        end = _group_end(text, at, "[", "]")
        if end is None:
            return at
        at = _skip_space(text, end)
    return at


def _braced_argument(text: str, pos: int) -> tuple[str, int] | None:
    at = _skip_space(text, pos)
    if at >= len(text) or text[at] != "{":
        return None
    end = _group_end(text, at, "{", "}")
    if end is None:
        return None
    return text[at + 1 : end - 1], at + 1


def _cite_arguments(text: str, pos: int, *, multi: bool, line_of: LineCounter) -> Iterator[tuple[str, int]]:
    """Keys of one citation command starting after its name (and star) at ``pos``."""
    at = _skip_space(text, pos)
    if multi:
        while at < len(text) and text[at] == "(":  # global (pre)(post) notes
            end = _group_end(text, at, "(", ")")
            if end is None:
                return
            at = _skip_space(text, end)
    while True:
        at = _skip_optional(text, at)
        if at >= len(text) or text[at] != "{":
            return
        end = _group_end(text, at, "{", "}")
        if end is None:
            return
        yield from ((key, line_of(offset)) for offset, key in listed_keys(text, at + 1, end - 1))
        if not multi:
            return
        at = _skip_space(text, end)
        if at >= len(text) or text[at] not in "[{":
            return


def scan_aux(text: str) -> Scan:
    """Citations, ``\\@input`` aux files and ``\\bibdata`` resources of one ``.aux`` text."""
    found = _Found()
    for number, line in enumerate(text.splitlines(), start=1):
        _scan_aux_line(line, number, found)
    return found.scan()


def _scan_aux_line(line: str, number: int, found: _Found) -> None:
    _scan_aux_citations(line, number, found)
    if "\\abx@aux@nociteall" in line:
        found.nocite_all = found.biblatex = True
    style = _AUX_BIBSTYLE.search(line)
    if style and found.style is None:
        found.style = style.group(1).strip() or None
    for match in _AUX_BIBDATA.finditer(line):
        names = (n.strip() for n in match.group(1).split(","))
        found.bibliographies.extend(_with_suffix(n, ".bib") for n in names if n)
    found.inputs.extend((m.group(1).strip(), number) for m in _AUX_INPUT.finditer(line))


def _scan_aux_citations(line: str, number: int, found: _Found) -> None:
    """BibTeX's ``\\citation{a,b}`` (``*``: ``\\nocite{*}``), then biblatex's ``\\abx@aux@cite``."""
    for match in _AUX_CITATION.finditer(line):
        keys = [key.strip() for key in match.group(1).split(",")]
        found.nocite_all = found.nocite_all or "*" in keys
        found.citations.extend((key, number) for key in keys if key and key != "*")
    for match in _AUX_ABX_CITE.finditer(line):
        found.biblatex = True
        key = (match.group(2) if match.group(2) is not None else match.group(1)).strip()
        if key:
            found.citations.append((key, number))


def scan_bcf(text: str) -> tuple[str, ...]:
    """The BibTeX data sources a biblatex control file (``.bcf``) lists, in order."""
    import xml.etree.ElementTree as ElementTree  # local: only .bcf files need an XML parser

    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError:
        return ()
    names: list[str] = []
    for element in root.iter():
        if (
            element.tag.endswith("}datasource")
            and element.get("type", "file") == "file"
            and element.get("datatype", "bibtex") in ("bibtex", "biblatexml")
            and element.text
        ):
            name = element.text.strip()
            if name not in names:
                names.append(name)
    return tuple(names)


def _with_suffix(name: str, suffix: str) -> str:
    return name if name.endswith(suffix) else name + suffix


# --------------------------------------------------------------------------- reading files


@dataclass
class _Collector:
    """Mutable state of one `read_document` walk."""

    main: Path
    order: dict[str, list[Origin]] = field(default_factory=dict)
    resources: list[BibResource] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    seen: set[Path] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    nocite_all: bool = False
    biblatex: bool = False
    style: str | None = None

    def first_visit(self, path: Path, origin: Origin | None, depth: int) -> bool:
        """Whether the walk reaches ``path`` for the first time (then it is marked read);
        an input nested deeper than `MAX_INPUT_DEPTH` is an error."""
        resolved = path.resolve()
        if resolved in self.seen:
            return False
        if depth > MAX_INPUT_DEPTH and origin is not None:
            raise _too_deep(origin)
        self.seen.add(resolved)
        return True

    def add_scan(self, path: Path, root: Path, scan: Scan) -> None:
        """What one file read says: its citations and bibliography resources (its inputs are
        the walk's to follow)."""
        self.files.append(path)
        self.nocite_all = self.nocite_all or scan.nocite_all
        self.style = self.style or scan.style
        self.add_citations(path, scan.citations)
        self.add_bibliographies(root, scan.bibliographies, path)

    def add_citations(self, path: Path, citations: Iterable[tuple[str, int]]) -> None:
        for key, line in citations:
            self.order.setdefault(key, []).append(Origin(path=str(path), line=line))

    def add_bibliographies(self, folder: Path, names: Iterable[str], named_in: Path) -> None:
        for name in names:
            path = joined_path(folder, name)
            if all(resource.path != path for resource in self.resources):
                self.resources.append(BibResource(name=name, path=path, named_in=named_in))

    def document(self) -> LatexDocument:
        return LatexDocument(
            main=self.main,
            citations=tuple(Citation(key=k, origins=tuple(v)) for k, v in self.order.items()),
            resources=tuple(self.resources),
            files=tuple(self.files),
            nocite_all=self.nocite_all,
            biblatex=self.biblatex,
            bibliography_style=self.style,
            warnings=tuple(self.warnings),
        )


# How deep \input (and .aux \@input) may nest. TeX itself stops at 15 files open at once
# (TeX Live's max_in_open), so no document that compiles comes near; a hostile chain of
# thousands is one clear error instead of Python's recursion limit.
MAX_INPUT_DEPTH = 64


def _too_deep(here: Origin) -> InputError:
    return InputError(
        f"{here}: inputs nested more than {MAX_INPUT_DEPTH} files deep (TeX itself stops at 15);"
        " not a document LaTeX compiles"
    )


def joined_path(folder: Path, name: str) -> Path:
    """``name`` (as a draft names a file) joined to ``folder``, its ".." and "." read off the text."""
    return Path(os.path.normpath(folder / name))


def read_document(path: Path) -> LatexDocument:
    """Read a document's citations from ``MAIN.aux`` or ``MAIN.tex`` (suffix decides).

    Raises `InputError` when the main file cannot be read.
    """
    if path.suffix == ".aux":
        return _read_from_aux(path)
    if path.suffix != ".tex" and not path.exists() and path.with_name(path.name + ".tex").exists():
        path = path.with_name(path.name + ".tex")
    collector = _Collector(main=path)
    _walk_tex(path, path.parent, collector, origin=None)
    return collector.document()


def _walk_tex(path: Path, root: Path, collector: _Collector, origin: Origin | None, depth: int = 0) -> None:
    if not collector.first_visit(path, origin, depth):  # \input cycles and repeated includes are read once
        return
    try:
        text = read_text(path)
    except InputError as error:
        if origin is None:
            raise
        collector.warnings.append(f"{origin}: cannot read {path}: {error}")
        return
    scan = scan_tex(text)
    collector.add_scan(path, root, scan)
    collector.biblatex = collector.biblatex or scan.biblatex
    for name, line in scan.inputs:
        here = Origin(path=str(path), line=line)
        target = _find_input(name, root, path.parent)
        if target is None:
            collector.warnings.append(f"{here}: cannot find input file {name!r}")
            continue
        _walk_tex(target, root, collector, here, depth + 1)


def _find_input(name: str, root: Path, current: Path) -> Path | None:
    """Where LaTeX would find ``\\input{name}``: ``name.tex`` first, relative to the main folder."""
    candidates = [name] if name.endswith(".tex") else [name + ".tex", name]
    # LaTeX resolves against the working directory (the main file's folder); the
    # including file's folder is a courtesy for subfiles-style projects.
    for folder in (root, current):
        for candidate in candidates:
            path = joined_path(folder, candidate)
            if path.is_file():
                return path
    return None


def _read_from_aux(path: Path) -> LatexDocument:
    collector = _Collector(main=path)
    biblatex = _walk_aux(path, path.parent, collector, origin=None)
    collector.biblatex = biblatex
    tex = path.with_suffix(".tex")
    if biblatex and not collector.resources:
        bcf = path.with_suffix(".bcf")
        if bcf.is_file():
            collector.add_bibliographies(path.parent, scan_bcf(read_text(bcf)), bcf)
    if tex.is_file():
        # The .aux knows which keys are cited but not where; the sources do.
        located = read_document(tex)
        by_key = {c.key: c.origins for c in located.citations}
        collector.order = {key: list(by_key.get(key, origins)) for key, origins in collector.order.items()}
        if not collector.resources:
            collector.resources.extend(located.resources)
        collector.style = collector.style or located.bibliography_style
        collector.files.extend(f for f in located.files if f not in collector.files)
    return collector.document()


def _revtex_notes_last(scan: Scan, path: Path) -> Scan:
    """``scan`` with REVTeX's own ``<jobname>Notes.bib`` last among the ``\\bibdata`` files:
    REVTeX 4 names it first (``\\bibdata{mainNotes,ref}``) and writes it anew on every LaTeX
    run (its ``@CONTROL`` entries, the footnotes it sets as references), so it is read, as BibTeX
    reads it, but is never the bibliography a new entry goes to: the next run would lose it."""
    notes = f"{path.stem}Notes.bib"
    if notes not in scan.bibliographies[:-1]:
        return scan
    ordered = (*(name for name in scan.bibliographies if name != notes), notes)
    return scan.model_copy(update={"bibliographies": ordered})


def _walk_aux(path: Path, root: Path, collector: _Collector, origin: Origin | None, depth: int = 0) -> bool:
    if not collector.first_visit(path, origin, depth):
        return False
    try:
        text = read_text(path)
    except InputError:
        if origin is None:
            raise
        # \include'd chapters excluded by \includeonly keep their .aux; a missing
        # one only means LaTeX has not written it yet.
        return False
    scan = _revtex_notes_last(scan_aux(text), path)
    collector.add_scan(path, root, scan)
    biblatex = scan.biblatex
    for name, line in scan.inputs:
        here = Origin(path=str(path), line=line)
        nested = _walk_aux(joined_path(root, name), root, collector, here, depth + 1)
        biblatex = biblatex or nested
    return biblatex
