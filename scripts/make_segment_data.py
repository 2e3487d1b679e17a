"""Training and evaluation data for the reference-list line model: real records typeset as whole
documents by TeX Live's ``.bst`` styles, every line of the PDF labelled exactly.

    python scripts/make_segment_data.py --texmf /usr/share/texlive/texmf-dist --out build/segment/data.jsonl
    python scripts/make_segment_data.py --texmf DIR --out FILE --documents 1 --cache DIR --workers 2

Records and styles are make_tagger_data's (`all_records`, `bst_styles`, `jobs`, `bib_entry`): the
same records, the same split of styles by the SHA-1 of their names (`style_split`: training,
validation, held out) and of records (`record_split`). Each style sets its records (field
markers removed) with bibtex, and each of its documents (``--documents``, default 3) takes a
slice of them, laid out by a seeded generator: a document class (article in one or two columns,
IEEEtran, revtex4-2, acmart — those installed), a References heading or none, a figure floated
into the list or not, an appendix after it or not, and two sections of text before it.

How labels are exact: the ``.bbl`` is rewritten so that each ``\\bibitem`` is followed by
``\\segmark{B}`` and ``\\end{thebibliography}`` preceded by ``\\segmark{E}``; a figure's content
opens with ``\\segmark{F}`` and closes with ``\\segmark{G}``. ``\\segmark`` is ``\\pdfsavepos``
and a ``\\write`` of the page and the position (the first line's baseline, just after the label),
done at shipout: the document is typeset exactly as without it (a whatsit takes no room), and the
PDF holds no mark. The PDF is read back by bibnorm's own page reader
(``bibnorm.readers.pdf``: the lines, fonts and positions it sees, running heads and page numbers
already dropped); a line whose baseline and column hold a ``B`` mark begins an item (``B``), the
lines after it up to the ``E`` mark's line continue one (``I``), and every other line — text
before the list, its heading, a figure's lines (between its ``F`` and ``G`` marks, in its
column), the appendix — is ``O``. A document whose marks do not all find their line, or find
them out of order, is left out.

Output: one JSON object a document — ``style``, ``split``, ``layout`` (class, columns, heading,
figure, appendix), ``items`` (how many the document sets), and the section the reader's rules find
(``bibnorm.readers.pdf.references_section``): its ``lines`` exactly as the rules' splitter
receives them (text, page, column, left, size, indent, bottom, whether italic), each line's
``labels`` and ``rules``, the indexes of the lines at which the rules' splitter starts an item.
A document whose section the rules do not find has ``lines`` empty. The whole document's lines
(as the reader's section finder receives them) and labels are ``document_lines`` and
``document_labels``, and ``section`` is where the rules' section is among them (or null).
Deterministic: same inputs, same file; each document is cached in ``--cache`` by its style and
layout.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the scripts are no package

import make_tagger_data as tagger_data
from bibnorm.readers import pdf as pdf_reader

ROOT = tagger_data.ROOT
# (class, options, columns): the classes a document is set in, those installed only
CLASSES = (
    ("article", "", 1),
    ("article", "twocolumn", 2),
    ("IEEEtran", "conference", 2),
    ("revtex4-2", "aps,prl,twocolumn", 2),
    ("acmart", "sigconf", 2),
)
# bibtex styles' macros that need a package: the package
_PACKAGES = (
    (re.compile(r"\\bibitem\[[^\]]*\("), "natbib"),
    (re.compile(r"\\harvarditem"), "harvard"),
    (re.compile(r"\\(?:APACrefauthors|BBOP|APACinsertmetastar)"), "apacite"),
    (re.compile(r"\\(?:citeauthoryear|chicago)"), "chicago"),
)
_PROSE = (
    "Reading a paper's list of references is a matter of layout as much as of words: where each"
    " entry begins shows in its indent, its label, the space above it and the way the line before"
    " it ends.",
    "We describe the collection, the methods that were compared and the measures used to judge"
    " them, and we discuss where each of them fails and why the failures matter in practice.",
    "The results hold across the fields we looked at, although the numbers vary with the size of"
    " the sample and with the care that went into preparing the material in the first place.",
    "Earlier work has treated the question in several ways, some of them by hand and some by"
    " program, and the comparison below follows the usual protocol of the field.",
    "Each experiment was repeated five times with different seeds; the tables report the mean and"
    " the spread, and the appendix gives the details that do not fit in the main text.",
)
_MARK_RE = re.compile(r"^([BEFG]) (\d+) (-?\d+) (-?\d+)$")
_SP_PER_BP = 65536 * 72.27 / 72  # TeX's scaled points in a PDF point
_BASELINE_SLACK = 4.0  # points between a mark's baseline and its line's first character's bottom
_ROW_FORM = 2  # a cached document's row is made again when what a row holds changes
_COLUMN_SLACK = 9.0  # points left of the right column's first character that a mark may stand


@dataclass(frozen=True)
class Layout:
    document_class: str
    options: str
    columns: int
    heading: bool
    figure: bool
    appendix: bool


class Mark(NamedTuple):
    kind: str  # B: an item begins; E: the list ends; F, G: a figure's first and last line
    page: int  # 1-based
    x: float  # points from the page's left edge
    y: float  # points from the page's foot (the baseline)


def installed_classes() -> list[tuple[str, str, int]]:
    """`CLASSES` that compile here (acmart needs packages a small TeX Live may lack)."""
    found = []
    for name, options, columns in CLASSES:
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "main.tex").write_text(
                f"\\documentclass[{options}]{{{name}}}\\begin{{document}}x\\end{{document}}\n",
                encoding="utf-8",
            )
            if _pdflatex(Path(folder)) is not None:
                found.append((name, options, columns))
    return found


def layout_of(chooser: random.Random, classes: Sequence[tuple[str, str, int]]) -> Layout:
    name, options, columns = chooser.choice(classes)
    return Layout(
        name,
        options,
        columns,
        heading=chooser.random() < 0.8,
        figure=chooser.random() < 0.5,
        appendix=chooser.random() < 0.5,
    )


_ITEM_COMMAND = re.compile(r"\\(bibitem|harvarditem)(?![A-Za-z])")


class Opening(NamedTuple):
    start: int  # of the command
    end: int  # after its last argument
    key: str


def _after_group(text: str, at: int, close: str) -> int | None:
    """The index after the group that opens at ``text[at]`` and closes with ``close`` at brace
    depth 0 (an optional argument's brackets hold braces nested any depth: natbib's labels)."""
    depth = 0
    for index in range(at + 1, len(text)):
        char = text[index]
        if char == close and depth == 0:
            return index + 1
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return None
    return None


def item_openings(bbl: str) -> list[Opening]:
    """Where each item of ``bbl`` opens: ``\\bibitem[label]{key}``, harvard's
    ``\\harvarditem[short]{long}{year}{key}``."""
    found = []
    for command in _ITEM_COMMAND.finditer(bbl):
        groups = 1 if command.group(1) == "bibitem" else 3
        at: int | None = command.end()
        arguments = []
        while at is not None and len(arguments) < groups:
            while at < len(bbl) and bbl[at] in " \t\n":
                at += 1
            if at < len(bbl) and bbl[at] == "[" and not arguments:
                at = _after_group(bbl, at, "]")
            elif at < len(bbl) and bbl[at] == "{":
                end = _after_group(bbl, at, "}")
                if end is not None:
                    arguments.append(bbl[at + 1 : end - 1])
                at = end
            else:
                at = None
        if at is not None and len(arguments) == groups:
            found.append(Opening(command.start(), at, arguments[-1]))
    return found


def marked_bbl(bbl: str) -> tuple[str, int]:
    """The ``.bbl`` with ``\\segmark{B}`` after each item's opening and ``\\segmark{E}`` before
    the list's end, and how many items it holds."""
    openings = item_openings(bbl)
    pieces = []
    last = 0
    for opening in openings:
        pieces += [bbl[last : opening.end], "\\segmark{B}"]
        last = opening.end
    marked = "".join(pieces) + bbl[last:]
    # at the end of the last item's last line: a blank line before it would open a paragraph
    marked = _LIST_END.sub(lambda _: "\\segmark{E}\\end{thebibliography}", marked, count=1)
    return marked, len(openings)


_LIST_END = re.compile(r"\s*\\end\{thebibliography\}")


def document_tex(bbl: str, layout: Layout, chooser: random.Random) -> str:
    """The document around the list: a class, two sections of prose, the list (a heading or none,
    a figure floated into it or not), an appendix or not."""
    packages = [package for pattern, package in _PACKAGES if pattern.search(bbl)]
    if layout.document_class in ("revtex4-2", "acmart"):
        packages = [package for package in packages if package != "natbib"]
    uses = "".join(f"\\usepackage{{{package}}}\n" for package in packages)

    def prose(count: int) -> str:
        return "\n\n".join(" ".join(chooser.sample(_PROSE, 3)) for _ in range(count))

    heading = "" if layout.heading else "\\renewcommand{\\refname}{}\\renewcommand{\\bibname}{}\n"
    if not layout.heading and layout.document_class == "revtex4-2":
        heading += "\\renewcommand{\\bibsection}{}\n"
    figure = (
        "\\begin{figure}[tp]\\segmark{F}\\centering\\fbox{\\parbox{0.8\\linewidth}{\\centering"
        " 0.2 \\quad 0.4 \\quad 0.6 \\quad 0.8\\\\[2ex] accuracy against epochs}}"
        "\\caption{How the error falls as the sample grows.}\\par\\segmark{G}\\end{figure}\n"
        if layout.figure
        else ""
    )
    appendix = f"\\appendix\n\\section{{Proofs}}\n{prose(2)}\n" if layout.appendix else ""
    return f"""\\documentclass[{layout.options}]{{{layout.document_class}}}
\\usepackage[T1]{{fontenc}}
\\usepackage[utf8]{{inputenc}}
\\usepackage{{url}}
{uses}\\providecommand{{\\doi}}[1]{{doi:#1}}
\\makeatletter
\\newwrite\\segpos\\immediate\\openout\\segpos=\\jobname.pos
\\def\\segmark#1{{\\leavevmode\\pdfsavepos
  \\write\\segpos{{#1 \\the\\c@page\\space\\the\\pdflastxpos\\space\\the\\pdflastypos}}}}
\\makeatother
{heading}\\begin{{document}}
\\section{{Introduction}}
{prose(3)}
\\section{{Method}}
{prose(3)}
{figure}\\input{{marked.bbl}}
{appendix}\\end{{document}}
"""


def read_marks(text: str) -> list[Mark]:
    marks = []
    for line in text.splitlines():
        found = _MARK_RE.match(line.strip())
        if found:
            x, y = (int(found.group(at)) / _SP_PER_BP for at in (3, 4))
            marks.append(Mark(found.group(1), int(found.group(2)), x, y))
    return marks


def _column_of(lines: Sequence[Any], mark: Mark, slack: float = _COLUMN_SLACK) -> int:
    """The column of ``mark``'s page it stands in: 1 when it is right of where the page's right
    column starts, less ``slack`` (PDFium may put a line's first character some points right of
    where TeX began the line); a list's last mark stands at its last line's end, and takes
    no slack: a left column's line ends short of the gutter."""
    right = [line.left for line in lines if line.page == mark.page and line.column == 1]
    return int(bool(right) and mark.x >= min(right) - slack)


def _line_at(lines: Sequence[Any], mark: Mark) -> int | None:
    """The index of the line whose first character stands on ``mark``'s baseline, in its column."""
    column = _column_of(lines, mark)
    near = [
        at
        for at, line in enumerate(lines)
        if line.page == mark.page and line.column == column and abs(line.bottom - mark.y) <= _BASELINE_SLACK
    ]
    return near[0] if len(near) == 1 else None


def _line_above(lines: Sequence[Any], mark: Mark) -> int | None:
    """The index of the lowest line at or above ``mark`` in its column: the line that holds it, or
    the one PDFium joined it to (a word hyphenated at a line end joins two lines into one)."""
    column = _column_of(lines, mark, slack=1.0)
    above = [
        at
        for at, line in enumerate(lines)
        if line.page == mark.page and line.column == column and line.bottom >= mark.y - _BASELINE_SLACK
    ]
    return min(above, key=lambda at: lines[at].bottom) if above else None


def line_labels(lines: Sequence[Any], marks: Sequence[Mark]) -> list[str] | None:
    """Each line's label (B, I or O) from the document's marks; None when a mark finds no line or
    the items' lines are not in the marks' order."""
    begins = [_line_at(lines, mark) for mark in marks if mark.kind == "B"]
    ends = [_line_above(lines, mark) for mark in marks if mark.kind == "E"]
    if not begins or None in begins or len(ends) != 1 or ends[0] is None:
        return None
    starts = [at for at in begins if at is not None]
    if starts != sorted(set(starts)) or ends[0] < starts[-1]:
        return None
    labels = ["O"] * len(lines)
    for at in range(starts[0], ends[0] + 1):
        labels[at] = "I"
    for at in starts:
        labels[at] = "B"
    figure_marks = [mark for mark in marks if mark.kind in "FG"]
    for opening, closing in zip(figure_marks[::2], figure_marks[1::2], strict=False):
        column = _column_of(lines, opening)
        for at, line in enumerate(lines):
            if (
                line.page == opening.page
                and line.column == column
                and closing.y - _BASELINE_SLACK <= line.bottom <= opening.y + _BASELINE_SLACK
            ):
                if labels[at] == "B":
                    return None  # a figure over an item's first line: marks misread
                labels[at] = "O"
    return labels


def _as_row(line: Any) -> list[object]:
    return [
        line.text,
        line.page,
        line.column,
        round(line.left, 2),
        round(line.size, 2),
        round(line.indent, 2),
        round(line.bottom, 2),
        bool(line.italics),
    ]


def section_of(data: bytes, labels_of: Any) -> dict[str, object]:
    """The section the rules find in the PDF ``data``: its lines as the rules' splitter receives
    them, their labels (``labels_of(document_lines)``) and the lines where the rules start items."""
    lines = pdf_reader._document_lines(data, "document.pdf")
    labels = labels_of(lines)
    if labels is None:
        return {}
    section = pdf_reader.references_section(lines)
    found: dict[str, object] = {
        "lines": [],
        "labels": [],
        "rules": [],
        "items": labels.count("B"),
        "document_lines": [_as_row(line) for line in lines],
        "document_labels": labels,
        "section": None,
    }
    if section is None:
        return found
    seen: list[tuple[list[Any], list[int]]] = []
    splitter = pdf_reader._read_section

    def watched(section_lines: Sequence[Any]) -> Any:
        references, line_of = splitter(section_lines)
        starts = sorted({line_of[item.line] - 1 for item in references.items}) if references else []
        seen.append((list(section_lines), [at for at in starts if at >= 0]))
        return references, line_of

    pdf_reader._read_section = watched  # type: ignore[assignment]
    try:
        pdf_reader.read_section(lines[section.first : section.end], "document.pdf", section.first)
    finally:
        pdf_reader._read_section = splitter  # type: ignore[assignment]
    if not seen:
        return found
    section_lines, starts = seen[0]
    found.update(
        lines=[_as_row(line) for line in section_lines],
        labels=labels[section.first : section.end],
        rules=starts,
        section=[section.first, section.end],
    )
    return found


def _pdflatex(work: Path) -> bytes | None:
    try:
        subprocess.run(
            ["pdflatex", "-interaction=batchmode", "-no-mktex=tfm", "main.tex"],
            cwd=work,
            capture_output=True,
            timeout=120,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    pdf = work / "main.pdf"
    return pdf.read_bytes() if pdf.exists() else None


def typeset(bbl: str, layout: Layout, chooser: random.Random) -> tuple[bytes, list[Mark]] | None:
    """The PDF of one document around ``bbl`` and the marks its shipout wrote; None when it did not
    compile or a mark is missing."""
    marked, items = marked_bbl(bbl)
    if items == 0:
        return None
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "marked.bbl").write_text(marked, encoding="utf-8")
        (work / "main.tex").write_text(document_tex(bbl, layout, chooser), encoding="utf-8")
        data = _pdflatex(work)
        position = work / "main.pos"
        if data is None or not position.exists():
            return None
        marks = read_marks(position.read_text("utf-8", errors="replace"))
    if sum(mark.kind == "B" for mark in marks) != items:
        return None
    return data, marks


def style_bbl(name: str, records: Sequence[tagger_data.Record]) -> str | None:
    """``records`` set by the ``.bst`` file ``name`` (``bst:<path>``), field markers removed."""
    style = tagger_data.style_name(name)
    entries = [
        tagger_data.bib_entry(record, number, random.Random(tagger_data._hash(style + "\0" + record.key)))
        for number, record in enumerate(records)
    ]
    return tagger_data.bibtex_bbl(Path(name.removeprefix("bst:")), _MARKERS.sub("", "".join(entries)))


_MARKERS = re.compile("[\ue000-\ue0ff]")


def _bbl_slice(bbl: str, keep: set[str]) -> str:
    """The ``.bbl`` with the items of the keys in ``keep`` only (its preamble and end kept)."""
    openings = item_openings(bbl)
    if not openings:
        return bbl
    end = bbl.find("\\end{thebibliography}")
    end = end if end > openings[-1].start else len(bbl)
    bounds = [opening.start for opening in openings] + [end]
    kept = [bbl[bounds[at] : bounds[at + 1]] for at, opening in enumerate(openings) if opening.key in keep]
    return bbl[: bounds[0]] + "".join(kept) + bbl[end:]


def render_style(
    job: tuple[str, list[tagger_data.Record], int, list[tuple[str, str, int]], Path | None],
) -> list[dict[str, object]]:
    """The documents of one style: its records set once by bibtex, sliced into ``documents``
    documents of 12 to 40 items, each laid out by a generator seeded by the style's name."""
    name, records, documents, classes, cache = job
    style = tagger_data.style_name(name)
    rows = []
    bbl = style_bbl(name, records)
    keys = [opening.key for opening in item_openings(bbl)] if bbl else []
    if bbl is None or len(keys) < 6:
        return []
    for number in range(documents):
        chooser = random.Random(tagger_data._hash(f"{style}\0{number}"))
        layout = layout_of(chooser, classes)
        size = chooser.randint(12, 40)
        start = chooser.randrange(max(len(keys) - size, 0) + 1)
        keep = set(keys[start : start + size])
        sliced = _bbl_slice(bbl, keep)
        identity = f"{style}\0{number}\0{asdict(layout)}\0{sliced}\0{_ROW_FORM}"
        digest = hashlib.sha1(identity.encode()).hexdigest()[:16]
        cached = cache / f"{digest}.json" if cache else None
        if cached is not None and cached.exists():
            row = json.loads(cached.read_text("utf-8"))
        else:
            row = {}
            made = typeset(sliced, layout, chooser)
            if made is not None:
                data, marks = made
                row = section_of(data, lambda lines, marks=marks: line_labels(lines, marks))
            if cached is not None:
                cached.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
        if row:
            rows.append({"style": style, "document": number, "layout": asdict(layout), **row})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="the JSON-lines file to write")
    parser.add_argument(
        "--texmf", type=Path, required=True, help="a TeX Live texmf-dist tree (its .bst files)"
    )
    parser.add_argument("--bst", type=int, default=90, help="training .bst styles (default 90)")
    parser.add_argument("--bst-validation", type=int, default=20, help="validation .bst styles (default 20)")
    parser.add_argument("--bst-heldout", type=int, default=25, help="held-out .bst styles (default 25)")
    parser.add_argument("--documents", type=int, default=3, help="documents per style (default 3)")
    parser.add_argument("--per-style", type=int, default=60, help="records a style sets (default 60)")
    parser.add_argument("--cache", type=Path, default=None, help="a folder keeping each document's row")
    parser.add_argument("--workers", type=int, default=1)
    arguments = parser.parse_args(argv)
    if not arguments.texmf.is_dir():
        print(f"make_segment_data: no such folder: {arguments.texmf}", file=sys.stderr)
        return 1
    if not (shutil.which("bibtex") and shutil.which("pdflatex")):
        print("make_segment_data: needs bibtex and pdflatex on the PATH", file=sys.stderr)
        return 1
    if arguments.cache is not None:
        arguments.cache.mkdir(parents=True, exist_ok=True)
    classes = installed_classes()
    records = tagger_data.all_records(arguments.texmf)
    wanted = {
        "train": arguments.bst,
        "validation": arguments.bst_validation,
        "heldout": arguments.bst_heldout,
    }
    work = list(
        tagger_data.jobs(records, tagger_data.bst_styles(arguments.texmf), wanted, arguments.per_style)
    )
    split_of = {tagger_data.style_name(name): split for name, _, split in work}
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    partial = arguments.out.with_suffix(".partial")
    counts: Counter[str] = Counter()
    jobs = [(name, sample, arguments.documents, classes, arguments.cache) for name, sample, _ in work]
    with partial.open("w", encoding="utf-8") as out, multiprocessing.Pool(arguments.workers) as pool:
        for rows in pool.imap(render_style, jobs, chunksize=1):
            for row in rows:
                row["split"] = split_of[str(row["style"])]
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
                counts[str(row["split"])] += 1
                counts["found"] += bool(row["lines"])
    partial.replace(arguments.out)
    print(
        f"{len(work)} styles; documents: "
        + ", ".join(f"{counts[split]} {split}" for split in tagger_data.SPLITS)
        + f" ({counts['found']} whose section the rules find) -> {arguments.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
