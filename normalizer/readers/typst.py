"""Citations of a Typst draft (``.typ``): which keys it cites, where, and the bibliography it names.

What is read, pure over text (`scan_typst`):

- references ``@key`` and ``@key[supplement]``; a key is what Typst's lexer takes for a label
  (letters, digits, ``_``, ``-``, and ``.``/``:`` inside: ``@arXiv:2106.04560`` is one key, the
  ``.`` ending a sentence is not part of it), wherever it stands, after a word too
  (``robotics@li2023``, ``1998@original``: Typst's lexer reads them so, and an e-mail address in
  markup does not compile). A reference to a label the document defines (``= Intro <intro>`` ...
  ``@intro``) is a cross-reference, not a citation; an ``@`` in a string of code (``#import
  "@preview/…"``, ``email: "name@example.org"``: a string after ``(``, ``,``, ``:``, ``=``,
  ``#import`` or ``#include``) or in a link's path (``https://host/@user``) is none either;
- ``#cite(<key>)``, ``#cite(label("doi:10.1038/x"))`` (any key, ``/`` included: the form for a
  DOI) and the older ``#cite("key")``;
- ``#bibliography("refs.yml")``, ``#bibliography(("a.bib", "b.yml"))``: the files, relative to
  the file naming them. Typst reads ``.yml``/``.yaml`` as Hayagriva and ``.bib`` as BibLaTeX;
- ``#include "chapter.typ"``: the files `read_typst` follows.

Comments (``//`` to the end of the line, not the ``//`` of a URL; ``/* */``, nested) and raw text
(```` `...` ````, ```` ```...``` ````) are not read; line numbers stay those of the file.
"""

from __future__ import annotations

import bisect
import os
import re
from pathlib import Path

from bibnorm.errors import InputError
from bibnorm.io import LineCounter, read_text
from bibnorm.models import Frozen, Origin

from .latex import MAX_INPUT_DEPTH, BibResource, Citation, LatexDocument, joined_path

__all__ = ["TypstScan", "read_typst", "scan_typst"]

_LABEL_CHARS = r"[\w\-.:]"
# '.' and ':' belong to a key only when a letter, digit, '_' or '-' follows (one char per step).
_KEY = r"[\w\-](?:[\w\-]|[.:](?=[\w\-]))*"
_REFERENCE = re.compile(r"(?<![\\/])@(" + _KEY + ")")
# A string of code, where an "@" is text: after an argument's or a field's opening mark, or an import.
_CODE_STRING = re.compile(r"(?:[(,:=]|#import|#include)[ \t]*(\"[^\"\\\n]*\")")
_LABEL = re.compile(r"<(" + _LABEL_CHARS + r"+)>")
_CITE_LABEL = re.compile(r"\bcite\(\s*<(" + _LABEL_CHARS + r"+)>")
_CITE_STRING = re.compile(r"\bcite\(\s*(?:label\(\s*)?\"([^\"\\\n]*)\"")
_BIBLIOGRAPHY = re.compile(r"\bbibliography\(\s*(\([^()]*\)|\"[^\"\n]*\")")
_STRING = re.compile(r"\"([^\"\\\n]*)\"")
_INCLUDE = re.compile(r"#include\s+\"([^\"\\\n]+)\"")


class TypstScan(Frozen):
    """What one Typst text says: citations ``(key, line)`` in order, the bibliography files, the
    files it ``#include``s ``(name, line)`` and the labels it defines."""

    citations: tuple[tuple[str, int], ...] = ()
    bibliographies: tuple[str, ...] = ()
    includes: tuple[tuple[str, int], ...] = ()
    labels: frozenset[str] = frozenset()


def scan_typst(text: str) -> TypstScan:
    """Citations and bibliography files of one ``.typ`` text."""
    code = _blank_unread(text)
    line_of = LineCounter(code)
    found, defined = _cited(code)
    names: list[str] = []
    for match in _BIBLIOGRAPHY.finditer(code):
        names += [s.group(1).strip() for s in _STRING.finditer(match.group(1)) if s.group(1).strip()]
    return TypstScan(
        citations=tuple((key, line_of(offset)) for offset, key in sorted(found)),
        bibliographies=tuple(dict.fromkeys(names)),
        includes=tuple((m.group(1), line_of(m.start())) for m in _INCLUDE.finditer(code)),
        labels=frozenset(defined),
    )


def _cited(code: str) -> tuple[list[tuple[int, str]], set[str]]:
    """The keys ``code`` cites, each with its offset (a cited label, a cited string, a reference
    to no label of the document), and the labels it defines (those no citation holds)."""
    cite_spans = [(m.start(1) - 1, m.end(1) + 1) for m in _CITE_LABEL.finditer(code)]
    cited_labels = {start for start, _ in cite_spans}
    defined = {m.group(1) for m in _LABEL.finditer(code) if m.start() not in cited_labels}
    found: list[tuple[int, str]] = [(m.start(1), m.group(1)) for m in _CITE_LABEL.finditer(code)]
    found += [(m.start(1), m.group(1)) for m in _CITE_STRING.finditer(code) if m.group(1).strip()]
    strings = [(m.start(1), m.end(1)) for m in _CODE_STRING.finditer(code)]
    found += [
        (m.start(), m.group(1))
        for m in _REFERENCE.finditer(code)
        if m.group(1) not in defined and not _inside(strings, m.start())
    ]
    return found, defined


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` falls in one of ``spans`` (in order, apart)."""
    at = bisect.bisect_right(spans, offset, key=lambda span: span[0]) - 1
    return at >= 0 and spans[at][0] <= offset < spans[at][1]


def _blank_unread(text: str) -> str:
    """Comments and raw text blanked out (line breaks kept), in one pass over the text."""
    chars = list(text)
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char == "\\":
            index += 2
        elif text.startswith("/*", index):
            index = _blank_span(chars, index, _block_comment_end(text, index))
        elif text.startswith("//", index) and (index == 0 or text[index - 1] != ":"):
            end = text.find("\n", index)
            index = _blank_span(chars, index, length if end == -1 else end)
        elif char == "`":
            run = _run_length(text, index)
            if run == 2:  # `` is empty raw text
                index += 2
                continue
            closing = text.find("`" * run, index + run)
            index = _blank_span(chars, index, length if closing == -1 else closing + run)
        else:
            index += 1
    return "".join(chars)


def _run_length(text: str, index: int) -> int:
    end = index
    while end < len(text) and text[end] == "`":
        end += 1
    return end - index


def _block_comment_end(text: str, index: int) -> int:
    """The end of the ``/* */`` comment opening at ``index`` (Typst's nest), or the text's end."""
    depth = 0
    while index < len(text):
        if text.startswith("/*", index):
            depth, index = depth + 1, index + 2
        elif text.startswith("*/", index):
            depth, index = depth - 1, index + 2
            if depth == 0:
                return index
        else:
            index += 1
    return len(text)


def _blank_span(chars: list[str], start: int, end: int) -> int:
    for position in range(start, end):
        if chars[position] != "\n":
            chars[position] = " "
    return end


def read_typst(path: Path) -> LatexDocument:
    """The citations and bibliography of a Typst draft and of the files it ``#include``s.

    An included file is found relative to the file including it, as Typst does, but only inside
    the draft's folder (Typst's project root): one that is not there, or climbs out, is a warning.
    Bibliography names in an included file are rewritten relative to the draft's folder, so the
    rule on where a named bibliography may be written holds for them too. A reference to a label
    any of the files defines is a cross-reference.
    """
    walk = _TypstWalk(path)
    walk.visit(path, None, 0)
    citations: dict[str, list[Origin]] = {}
    for key, origin in walk.citations:
        if key not in walk.labels:
            citations.setdefault(key, []).append(origin)
    return LatexDocument(
        main=path,
        citations=tuple(Citation(key=key, origins=tuple(origins)) for key, origins in citations.items()),
        resources=tuple(walk.resources),
        files=tuple(walk.files),
        warnings=tuple(walk.warnings),
    )


class _TypstWalk:
    """The state of one `read_typst` walk over a draft and its includes."""

    def __init__(self, main: Path) -> None:
        self.main = main
        self.root = main.parent
        self.citations: list[tuple[str, Origin]] = []
        self.labels: set[str] = set()
        self.resources: list[BibResource] = []
        self.files: list[Path] = []
        self.seen: set[Path] = set()
        self.warnings: list[str] = []

    def visit(self, path: Path, origin: Origin | None, depth: int) -> None:
        if path.resolve() in self.seen:
            return
        if depth > MAX_INPUT_DEPTH:
            raise InputError(f"{origin}: includes nested more than {MAX_INPUT_DEPTH} files deep")
        self.seen.add(path.resolve())
        try:
            scan = scan_typst(read_text(path))
        except InputError as error:
            if origin is None:
                raise
            self.warnings.append(f"{origin}: cannot read {path}: {error}")
            return
        self.files.append(path)
        self.labels |= scan.labels
        self.citations += [(key, Origin(path=str(path), line=line)) for key, line in scan.citations]
        for name in scan.bibliographies:
            relative = name if path.parent == self.root else os.path.relpath(path.parent / name, self.root)
            resource = BibResource(name=relative, path=joined_path(self.root, relative), named_in=path)
            if all(r.path != resource.path for r in self.resources):
                self.resources.append(resource)
        for name, line in scan.includes:
            here = Origin(path=str(path), line=line)
            target = joined_path(path.parent, name)
            if os.path.isabs(name) or not target.resolve().is_relative_to(self.root.resolve()):
                self.warnings.append(f"{here}: not following #include {name!r}: outside the draft's folder")
            elif not target.is_file():
                self.warnings.append(f"{here}: cannot find included file {name!r}")
            else:
                self.visit(target, here, depth + 1)
