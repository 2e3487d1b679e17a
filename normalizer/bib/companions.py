"""The ``.bib`` files a LaTeX project passes together with one given file.

A document reads its bibliography from several files at once — ``\\bibliography{abbrev,refs}``
for BibTeX, one ``\\addbibresource{…}`` per file for biblatex — and a file checked alone then
looks broken: a macro ``abbrev.bib`` defines is undefined, a ``crossref`` parent kept in
``proceedings.bib`` is missing. `project_companions` reads the ``.tex`` files around a given
``.bib`` file (its folder, the folder above, the folders just below) and returns the other
files every document that names it names with it, in the order the document lists them
(BibTeX reads them in that order). Only what exists is returned; nothing is guessed.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bibnorm.bib.checks.base import CheckConfig, FileIndex, index_file
from bibnorm.bib.reading import parse_bibtex
from bibnorm.errors import BibnormError
from bibnorm.io import read_text

# The commands that name bibliography files: BibTeX's (a comma-separated list of names, ".bib"
# implied), natbib/bibentry's \nobibliography, biblatex's (one file, with its suffix, options first).
# `\bibliographystyle` does not match: a brace or bracket must follow the name.
_BIB_COMMAND = re.compile(
    r"\\(bibliography|nobibliography|addbibresource|addglobalbib|addsectionbib)"
    r"[ \t]*(?:\[[^\]\n]*\][ \t]*)?\{([^{}\n]*)\}"
)
_STYLE_COMMAND = re.compile(r"\\bibliographystyle[ \t]*\{([^{}\n\\#]+)\}")
# A style's macro definition: "MACRO {jacm} {"Journal of the ACM"}" (BibTeX's own syntax).
_BST_MACRO = re.compile(r"\bMACRO[ \t\n]*\{([^{}\s]+)\}")
# A comment runs from an unescaped % to the end of the line (\% is a percent sign).
_COMMENT = re.compile(r"(?<!\\)%[^\n]*")

# How much is read looking for documents: a few folders, not too many files, none too big.
_MOST_TEX_FILES = 200
_MOST_TEX_BYTES = 2 << 20
# A companion is read for its keys and macros only up to this size.
_MOST_COMPANION_BYTES = 20 << 20


@dataclass(frozen=True)
class Companion:
    """A ``.bib`` file a document reads together with a given one."""

    path: Path
    document: Path  # the .tex file that names both
    before: bool  # listed before the given file: BibTeX has read its @strings when it reads the given one

    def note(self) -> str:
        """One line saying which file was read with the given ones, and why."""
        document = os.path.relpath(self.document)
        return f"read {os.path.relpath(self.path)} too: {document} names it with the file checked"


def named_bibliographies(tex: str, folder: Path) -> list[Path]:
    """The ``.bib`` files the LaTeX source ``tex`` (in ``folder``) names, in order, resolved
    against ``folder`` as BibTeX and biber find them when the document is compiled there."""
    found: list[Path] = []
    for match in _BIB_COMMAND.finditer(_COMMENT.sub("", tex)):
        command, names = match.groups()
        listed = names.split(",") if command in ("bibliography", "nobibliography") else [names]
        for name in (n.strip() for n in listed):
            if not name or "\\" in name or "#" in name:
                continue  # a macro or a parameter: not a file name
            path = folder / name
            if command in ("bibliography", "nobibliography") and not name.endswith(".bib"):
                path = folder / f"{name}.bib"  # BibTeX adds the suffix itself
            found.append(path)
    return found


def _documents_near(bib: Path) -> list[Path]:
    """The ``.tex`` files that could name ``bib``: in its folder, the folder above and the
    folders just below (a thesis keeps ``main.tex`` above ``bib/`` or ``chapters/`` beside it)."""
    folder = bib.parent
    places = [
        folder,
        folder.parent,
        *sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")),
    ]
    documents: list[Path] = []
    for place in dict.fromkeys(places):
        try:
            documents += sorted(p for p in place.glob("*.tex") if p.is_file())
        except OSError:
            continue
        if len(documents) >= _MOST_TEX_FILES:
            break
    return documents[:_MOST_TEX_FILES]


def project_companions(given: Sequence[str]) -> list[Companion]:
    """The ``.bib`` files that some ``.tex`` document near a given file names together with it,
    other than the files given, that exist; each once (the first document naming it)."""
    resolved = {Path(path).resolve(): path for path in given if path != "-"}
    found: dict[Path, Companion] = {}
    for document in dict.fromkeys(d for bib in resolved for d in _documents_near(bib)):
        for companion in _companions_in(document, set(resolved)):
            if companion.path not in resolved:
                found.setdefault(companion.path, companion)
    return list(found.values())


def style_macros(given: Sequence[str]) -> frozenset[str]:
    """The macros (``MACRO {cvpr} {...}``, lower-case) of the BibTeX styles that documents naming
    a given file use (``\\bibliographystyle{ieee}``), where the style is a ``.bst`` file beside
    the document: a project's own style often defines its journals and conferences."""
    resolved = {Path(path).resolve() for path in given if path != "-"}
    names: set[str] = set()
    for document in dict.fromkeys(d for bib in resolved for d in _documents_near(bib)):
        tex = _read_document(document)
        listed = {path.resolve() for path in named_bibliographies(tex, document.parent)}
        if not listed & resolved:
            continue
        for style in _STYLE_COMMAND.findall(_COMMENT.sub("", tex)):
            path = document.parent / (
                style.strip() if style.strip().endswith(".bst") else f"{style.strip()}.bst"
            )
            try:
                if path.is_file() and path.stat().st_size <= _MOST_TEX_BYTES:
                    bst = path.read_bytes().decode("latin-1")
                    names.update(name.lower() for name in _BST_MACRO.findall(bst))
            except OSError:
                continue
    return frozenset(names)


def _read_document(document: Path) -> str:
    """A ``.tex`` file's text ("" when unreadable or too big to be a document)."""
    try:
        if document.stat().st_size > _MOST_TEX_BYTES:
            return ""
        return document.read_bytes().decode("utf-8", "replace")
    except OSError:
        return ""


def _companions_in(document: Path, given: set[Path]) -> Iterable[Companion]:
    tex = _read_document(document)
    listed = [path.resolve() for path in named_bibliographies(tex, document.parent)]
    positions = [index for index, path in enumerate(listed) if path in given]
    if not positions:
        return []
    first = min(positions)
    return [
        Companion(path=path, document=document, before=index < first)
        for index, path in enumerate(listed)
        if path not in given and path.is_file()
    ]


def companion_indexes(companions: Sequence[Companion], config: CheckConfig) -> list[FileIndex]:
    """The `FileIndex` of each companion, for the checks that compare files (its keys for
    ``crossref`` parents and duplicates, its @strings for undefined macros). The @strings of a
    companion the document lists after the given file are left out: BibTeX has not read them
    when it reads the given file. An unreadable or very big companion is skipped."""
    indexes = []
    for companion in companions:
        try:
            if companion.path.stat().st_size > _MOST_COMPANION_BYTES:
                continue
            index = index_file(parse_bibtex(read_text(str(companion.path)), str(companion.path)), config)
        except (OSError, BibnormError):
            continue
        indexes.append(index if companion.before else dataclasses.replace(index, strings={}))
    return indexes


__all__ = ["Companion", "companion_indexes", "named_bibliographies", "project_companions", "style_macros"]
