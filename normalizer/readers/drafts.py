"""Drafts in every writing format, chosen by file suffix: LaTeX, Markdown (pandoc, Quarto,
R Markdown, MyST), Jupyter notebooks and Typst.

Each `DraftFormat` reads a draft into a `LatexDocument` (its cited keys with their lines, the
bibliography files it names, every file read) and says what its tool reads: the style of new
entries in a ``.bib`` (``bibtex`` for BibTeX; ``biblatex`` for biber, pandoc and Typst, which
read ``.bib`` files as BibLaTeX) and which YAML format a ``.yml``/``.yaml`` bibliography is
(CSL YAML for pandoc and MyST, Hayagriva for Typst). A suffix no format claims is read as
LaTeX, as ``bibnorm tex`` always has (``paper`` for ``paper.tex``).

Adding a format: a reader module with a ``read_...(path) -> LatexDocument`` function and a row
in `DRAFT_FORMATS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .latex import LatexDocument, read_document
from .markdown import read_markdown, read_notebook
from .typst import read_typst

__all__ = ["DRAFT_FORMATS", "DraftFormat", "draft_format", "read_draft"]


@dataclass(frozen=True)
class DraftFormat:
    """One kind of draft: its suffixes, its reader and what its tool reads."""

    name: str
    suffixes: tuple[str, ...]
    read: Callable[[Path], LatexDocument]
    bib_writer: str  # style of new .bib entries unless the draft or -f says otherwise
    yaml_format: str  # what a .yml/.yaml bibliography is when its content does not say
    bibliography_hint: str  # how a draft of this kind names its bibliography, for messages
    bibliography_suffixes: tuple[str, ...] = (".bib", ".json", ".yaml", ".yml")  # the ones it may name


DRAFT_FORMATS: tuple[DraftFormat, ...] = (
    DraftFormat(
        "latex",
        (".tex", ".aux"),
        read_document,
        "bibtex",
        "csl-yaml",
        "\\bibliography or \\addbibresource",
        (".bib",),
    ),
    DraftFormat(
        "markdown",
        (".md", ".markdown", ".qmd", ".rmd"),
        read_markdown,
        "biblatex",
        "csl-yaml",
        "bibliography: in the front matter, _quarto.yml, myst.yml or _config.yml",
    ),
    DraftFormat(
        "notebook",
        (".ipynb",),
        read_notebook,
        "biblatex",
        "csl-yaml",
        "bibliography: in the first cell's front matter, myst.yml or _config.yml",
    ),
    DraftFormat("typst", (".typ",), read_typst, "biblatex", "hayagriva", "#bibliography(...)"),
)
"""Every draft format, LaTeX first (the one an unclaimed suffix falls back to)."""


def draft_format(path: Path) -> DraftFormat:
    """The format of the draft at ``path``, by its suffix (case-insensitive; LaTeX otherwise)."""
    suffix = path.suffix.lower()
    return next((f for f in DRAFT_FORMATS if suffix in f.suffixes), DRAFT_FORMATS[0])


def read_draft(path: Path) -> tuple[DraftFormat, LatexDocument]:
    """The draft's format and what its reader found."""
    kind = draft_format(path)
    return kind, kind.read(path)
