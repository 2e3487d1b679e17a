"""Records typeset by biblatex styles, every character labelled with its field: the biblatex part of
``scripts/make_tagger_data.py`` (``--biblatex``; docs/tagger.md, "Training data").

How labels are exact: the records go into a ``.bib`` as they are (no marker in a value, so biber
sorts, abbreviates and labels them as it would any entry, and a style's tests on a value —
"is the edition a number?" — see the value). The markers come from biblatex itself: the document
redefines, after the style is loaded, the three places every field, list and name of every style
goes through — ``\\printfield`` (around a field's format: ``QXOFtitleXQ`` … ``QXCFtitleXQ``),
``\\printlist`` (``QXOLpublisherXQ`` …) and a name's parts (the family name and its particle,
``QXONauthorXQ`` …) — and the localisation strings a style prints inside a field ("pp.", "vol.",
"ed.", "DOI") as ``QXOSXQ`` … ``QXCSXQ``, which label their text as no field's. Each marker is
printed in an upright typewriter box, with the space factor kept, so biblatex's punctuation
tracking goes on as if it were not there; ``\\AtEveryBibitem`` prints the entry's key
(``QXOIkbcXQ``). The page is 14,000 pt wide with hyphenation off, so an item is one line; pdftotext
reads the lines back, and the markers (ASCII letters, read case-blind: a style may upper-case a
name) become the private-use markers of ``make_tagger_data`` (U+E000+k … U+E080+k), from which
``char_labels`` and ``labelled_row`` make the rows exactly as for CSL and ``.bst`` styles.

Styles are the ``.bbx`` files of TeX Live, named ``biblatex:<name>`` and loaded as
``style=<name>`` when a ``.cbx`` of that name exists (it declares options and toggles the
``.bbx`` uses), else ``bibstyle=<name>``; only the bibliography is printed (``\\nocite{*}``), in
Computer Modern (the fonts every TeX Live has), so records with characters other than Latin ones
are left out. One ``pdflatex``/``biber``/``pdflatex`` run a style, in a temporary folder, each step
under a time bound. A style whose run fails (an error — often a package the TeX tree lacks —, a
time-out) gives no rows and one line on stderr saying why.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from make_tagger_data import (
    CLOSE,
    FIELDS,
    OPEN,
    Record,
    _bib_names,
    _bib_value,
    _container,
    _hash,
    _varied,
    char_labels,
    labelled_row,
)

PREFIX = "biblatex:"
COMPILE_SECONDS = 120
# Helpers of other styles, or styles that print the database rather than a bibliography.
_NOT_STYLES = {"standard", "debug", "debug-ms", "draft", "draft-ms", "ext-standard", "gost-standard",
               "trad-standard", "manuscripts-shared", "ext-authortitle-common", "ext-authoryear-common",
               "ext-dashed-common", "multiple-dm"}  # fmt: skip
# Styles whose items cannot be told apart on the page: `reading` prints each entry's heading (its
# names, short title and key) on a line of its own before the entry's item, which reads as the end
# of the item before it ("…, 1985. Lange et al.: Performance differences … kdb") and taught the
# model that a name follows a reference's year.
_ITEMS_NOT_APART = {"reading"}

# biblatex's field, list and name-list names -> the tagger's label; a name list's family names
# carry the list's label (the given names are labelled from the record, as in every style path).
FIELD_LABELS = {
    "title": "title",
    "journaltitle": "container",
    "booktitle": "container",
    "howpublished": "container",
    "volume": "volume",
    "number": "issue",
    "pages": "pages",
    "publisher": "publisher",
    "institution": "publisher",
    "organization": "publisher",
    "location": "place",
    "edition": "edition",
    "note": "note",
    "doi": "doi",
    "eprint": "arxiv",
    "url": "url",
    "isbn": "isbn",
}
NAME_LABELS = {"author": "family", "editor": "editor", "bookauthor": "family"}

# The marker: "QX", O(pen) or C(lose), a kind (F field, L list, N name list, S string, I item), a
# name of letters, "XQ". Bounded repetition: a stray "QXO" is never scanned far.
MARKER = re.compile(r"QX([OC])([FLNSI])([a-z]{0,30}?)XQ", re.IGNORECASE)
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}

PREAMBLE = r"""\documentclass{article}
\usepackage[utf8]{inputenc}
\usepackage[english]{babel}
\usepackage[STYLE,backend=biber]{biblatex}
\addbibresource{refs.bib}
\textwidth=14000pt \paperwidth=14200pt \pdfpagewidth=14200pt \hoffset=-1in \oddsidemargin=100pt
\hyphenpenalty=10000 \exhyphenpenalty=10000 \tolerance=10000 \emergencystretch=0pt
\makeatletter
\protected\def\bnmark#1#2#3{\leavevmode\edef\bn@sf{\the\spacefactor}%
  \mbox{\normalfont\ttfamily\upshape\mdseries QX#1#2#3XQ}\spacefactor=\bn@sf\relax}
\renewrobustcmd*{\blx@imc@printfield}[2][]{%
  \blx@imc@iffieldundef{#2}
    {\blx@nounit}
    {\blx@getformat\blx@theformat{ffd}{#1}{#2}%
     \ifdefvoid\blx@theformat
       {\blx@nounit}
       {\blx@begunit
        \edef\currentfield{#2}%
        \bnmark OF{#2}%
        \expandafter\expandafter
        \expandafter\blx@theformat
        \expandafter\expandafter
        \expandafter{\csname abx@field@#2\endcsname}%
        \bnmark CF{#2}%
        \blx@endunit}}}
{\catcode`\&=3 % biblatex's list delimiter
\gdef\blx@printlist#1#2#3#4{%
  \blx@imc@iflistundef{#4}
    {\blx@nounit}
    {\blx@getformat\blx@thewrapperformat{lwd}{#1}{#4}%
     \ifdefvoid\blx@thewrapperformat
       {\blx@nounit}
       {\blx@getformat\blx@theformat{lfd}{#1}{#4}%
        \ifdefvoid\blx@theformat
          {\blx@nounit}
          {\blx@begunit
           \blx@listsetup{#2}{#3}{#4}%
           \bnmark OL{#4}%
           \blx@thewrapperformat{\expandafter\blx@listparser\blx@thedata{}&}%
           \bnmark CL{#4}%
           \blx@endunit}}}}}
\def\bn@wrappart#1{\ifdefvoid#1{}{\let\bn@part#1%
  \edef#1{\noexpand\bnmark ON{\currentname}\expandonce\bn@part\noexpand\bnmark CN{\currentname}}}}
\long\def\blx@nameparser@i#1#2{%
  \begingroup
  \ifblank{#1}
    {}
    {\blx@kv@setkeys{blx@opt@name}{#1}}%
  \def\do##1{%
    \cslet{namepart##1}\@empty
    \cslet{namepart##1i}\@empty}%
  \expandafter\docsvlist\expandafter{\blx@datamodel@constant@nameparts}%
  \blx@kv@setkeys{blx@opt@namepart}{#2}%
  \bn@wrappart\namepartfamily
  \bn@wrappart\namepartprefix
  \blx@theformat{#2}%
  \endgroup}
\let\bn@wrapbibstring\blx@wrapbibstring
\def\blx@wrapbibstring#1#2#3{\bnmark OS{}\bn@wrapbibstring{#1}{#2}{#3}\bnmark CS{}}
\AtBeginDocument{\let\bn@acro\mkbibacro
  \renewcommand*{\mkbibacro}[1]{\bnmark OS{}\bn@acro{#1}\bnmark CS{}}}
\AtEveryBibitem{\bnmark OI{\thefield{entrykey}}}
\makeatother
\begin{document}
\pagestyle{empty}
\nocite{*}
\printbibliography
\end{document}
"""

_BIBLATEX_TYPES = {
    "article-journal": "article",
    "paper-conference": "inproceedings",
    "chapter": "incollection",
    "book": "book",
    "thesis": "thesis",
    "report": "report",
    "article": "misc",
    "manuscript": "unpublished",
}
# What pdflatex typesets in Computer Modern and pdftotext reads back as it was (once its accents
# are joined to their letters again): ASCII, Latin-1 and Latin Extended-A but for these (no glyph
# in OT1, or drawn in pieces read as another letter: "ł" as "l", "ą" as "a"), dashes and quotes.
# "<", ">" and "|" are in it too: Computer Modern's text fonts print them as "¡", "¿" and "—".
# A record with any other character is left out: pdflatex would stop on it, or the printed text
# would not be the record's.
_UNREADABLE = frozenset("<>|«»Ð×Þð÷þĄąĐđĘęģĦħĮįĲĳĸĿŀŁłŉŊŋŦŧŲųſ")
_PUNCTUATION = frozenset("–—‘’“”")
# Computer Modern's accented "i" and "j" are a dotless letter and an accent: read back as "ı̀".
_DOTLESS = re.compile("[\u0131\u0237](?=[\u0300-\u036f])")


def _readable(char: str) -> bool:
    return char not in _UNREADABLE and (
        " " <= char <= "~" or "\u00a0" <= char <= "\u017f" or char in _PUNCTUATION
    )


def biblatex_styles(texmf: Path) -> list[str]:
    """``biblatex:<name>`` of every bibliography style (``.bbx``) of the TeX Live tree (helpers,
    database dumps and styles whose items run together left out), by the SHA-1 of the name as the
    ``.bst`` styles are."""
    names = {PREFIX + path.stem for path in (texmf / "tex" / "latex").rglob("*.bbx")}
    names -= {PREFIX + name for name in _NOT_STYLES | _ITEMS_NOT_APART}
    return sorted(names, key=lambda name: (_hash(name), name))


def entry_key(number: int) -> str:
    """An entry key of letters only ("k" and the number's digits as a–j): a key survives as
    marker text."""
    return "k" + "".join(chr(ord("a") + int(digit)) for digit in str(number))


def typesettable(record: Record) -> bool:
    """Whether every character of the record's printed values reads back as it was (`_readable`)."""
    values = [record.title, record.container, record.publisher, record.place, record.note]
    values += [name.given + name.family + name.particle for name in record.authors + record.editors]
    return all(_readable(char) for value in values for char in value)


def bib_entry(record: Record, number: int, chooser: random.Random) -> str:
    """One record as a biblatex entry, values as they are (the markers come from the style's run)."""
    kind = _BIBLATEX_TYPES.get(record.kind, "misc")
    initials = chooser.random() < 0.3
    keep_links = chooser.random() < 0.6
    fields = {"title": _bib_value(record.title)}  # unbraced: a style may change its case
    if record.authors:
        fields["author"] = _bib_names(record.authors, None, initials)
    if record.editors:
        fields["editor"] = _bib_names(record.editors, None, initials)
    if record.year:
        fields["date"] = str(record.year) + (f"-{record.issued_day}" if record.issued_day else "")
    container_field = {"article": "journaltitle", "misc": "howpublished", "unpublished": "howpublished"}.get(
        kind, "booktitle"
    )
    publisher_field = "institution" if kind in ("thesis", "report") else "publisher"
    for key, value in (
        (container_field, _container(record, chooser)),
        ("volume", record.volume),
        ("number", record.issue),
        ("pages", record.pages.replace("–", "--")),
        (publisher_field, record.publisher),
        ("location", record.place),
        ("edition", record.edition),
        ("note", record.note),
        ("isbn", record.isbn),
    ):
        if value:
            fields[key] = _bib_value(value)
    if kind == "thesis":
        fields["type"] = "phdthesis"
    if kind == "report":
        fields["type"] = "techreport"
    if record.doi and keep_links:
        fields["doi"] = record.doi
    if record.url and keep_links:
        fields["url"] = record.url
    if record.arxiv:
        fields["eprint"] = record.arxiv
        fields["eprinttype"] = "arxiv"
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items())
    return f"@{kind}{{{entry_key(number)},\n{body}\n}}\n"


@dataclass
class Run:
    """What one style's run left: the text pdftotext read (None when the run failed) and why."""

    text: str | None
    failure: str = ""


def _style_option(style: str) -> str:
    """``style=<name>`` when the style has a citation style of its name (its ``.cbx`` declares
    options and toggles its ``.bbx`` uses), else ``bibstyle=<name>``."""
    found = subprocess.run(["kpsewhich", f"{style}.cbx"], capture_output=True, text=True, check=False)
    return f"style={style}" if found.stdout.strip() else f"bibstyle={style}"


def compile_bibliography(style: str, bib: str, seconds: int = COMPILE_SECONDS) -> Run:
    """The bibliography of every entry of ``bib`` typeset by the biblatex style ``style`` (pdflatex,
    biber, pdflatex in a temporary folder), read back by ``pdftotext -layout``."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "refs.bib").write_text(bib, encoding="utf-8")
        (work / "main.tex").write_text(PREAMBLE.replace("STYLE", _style_option(style)), encoding="utf-8")
        latex = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "main.tex"]
        for step, command in (
            ("pdflatex", latex),
            ("biber", ["biber", "--quiet", "main"]),
            ("pdflatex", latex),
            ("pdftotext", ["pdftotext", "-layout", "-enc", "UTF-8", "main.pdf", "main.txt"]),
        ):
            try:
                done = subprocess.run(command, cwd=work, capture_output=True, timeout=seconds, check=False)
            except subprocess.TimeoutExpired:
                return Run(None, f"{step} took over {seconds} s")
            if done.returncode != 0:
                return Run(None, f"{step} failed ({done.returncode})")
        return Run((work / "main.txt").read_text("utf-8", errors="replace"))


def items_of(text: str) -> dict[str, str]:
    """Each item's entry key and its marked line: a line holding an item marker opens an item, a
    line holding none continues the one before (an item longer than the page's width)."""
    items: dict[str, str] = {}
    key = None
    for line in text.replace("\f", "\n").splitlines():
        line = " ".join(line.split())
        opened = [match for match in MARKER.finditer(line) if match.group(2).upper() == "I"]
        if opened:
            key = opened[0].group(3).lower()
            items[key] = line
        elif key is not None and line:
            items[key] += " " + line
    return items


def private_use_marked(line: str, labelname: str) -> str | None:
    """The line with the private-use markers of ``make_tagger_data`` (one pair around each run of
    characters of one field) in place of biblatex's; None when its markers do not nest (a style
    that moved one, or text that looks like one). ``labelname`` is the label of the family names
    of ``labelname``/``sortname``, the list that stands for the authors."""
    numbers = {label: k for k, label in FIELDS.items()}
    for ligature, letters in _LIGATURES.items():
        line = line.replace(ligature, letters)
    line = unicodedata.normalize("NFD", line)
    line = unicodedata.normalize("NFC", _DOTLESS.sub(lambda dotless: "ij"[dotless.group() == "\u0237"], line))
    chars: list[tuple[str, str | None]] = []
    stack: list[str | None] = []
    position = 0
    for match in MARKER.finditer(line):
        label = stack[-1] if stack else None
        chars += [(char, label) for char in line[position : match.start()]]
        position = match.end()
        side, kind, name = match.group(1).upper(), match.group(2).upper(), match.group(3).lower()
        if kind == "I":
            continue
        if kind == "S":
            meaning = None
        elif kind == "N":
            meaning = labelname if name in ("labelname", "sortname") else NAME_LABELS.get(name)
        else:
            meaning = FIELD_LABELS.get(name)
        if side == "O":
            stack.append(meaning)
        elif stack and stack[-1] == meaning:
            stack.pop()
        else:
            return None
    if stack:
        return None
    chars += [(char, None) for char in line[position:]]
    _punctuation_to_strings(chars)
    marked: list[str] = []
    current: str | None = None
    for char, label in chars:
        if label != current:
            if current is not None:
                marked.append(chr(CLOSE + numbers[current]))
            if label is not None:
                marked.append(chr(OPEN + numbers[label]))
            current = label
        marked.append(char)
    if current is not None:
        marked.append(chr(CLOSE + numbers[current]))
    return "".join(marked).strip()


def _punctuation_to_strings(chars: list[tuple[str, str | None]]) -> None:
    """Punctuation glued to the end of a word of no field is that word's ("DOI:" printed inside
    the DOI's field format: the colon follows the string, not the identifier)."""
    for index in range(1, len(chars)):
        char, label = chars[index]
        before, before_label = chars[index - 1]
        if label is not None and before_label is None and not before.isspace() and not char.isalnum():
            chars[index] = (char, None)


def render_biblatex(name: str, records: list[Record]) -> tuple[list[dict[str, object]], str]:
    """Every record typeset by one biblatex style (``biblatex:<style>``), labelled; and why the
    style gave nothing ("" when it gave rows)."""
    records = [record for record in records if typesettable(record)]
    choosers = [random.Random(_hash(name + "\0" + record.key)) for record in records]
    bib = "".join(bib_entry(record, number, choosers[number]) for number, record in enumerate(records))
    run = compile_bibliography(name.removeprefix(PREFIX), bib)
    if run.text is None:
        print(f"{name}: left out, {run.failure}", file=sys.stderr)
        return [], run.failure
    items = items_of(run.text)
    rows = []
    for number, record in enumerate(records):
        line = items.get(entry_key(number))
        marked = private_use_marked(line, "family" if record.authors else "editor") if line else None
        if not marked or "\ufffd" in marked or MARKER.search(marked):
            continue
        row = labelled_row(name, record, *char_labels(_varied(marked, choosers[number])))
        if row is not None:
            rows.append(row)
    return rows, "" if rows else "no item read"
