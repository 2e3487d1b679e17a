"""Which lines of a PDF's reference list begin a reference, by a trained line-level model.

A linear-chain conditional random field (CRFsuite, through python-crfsuite) labels each line of a
references section as the page reader gives it: ``B`` (it begins a reference), ``I`` (it goes on
with the one before) or ``O`` (no part of any: a heading, a figure's lines, text after the list).
What it looks at is the layout and the line's edges, not its words: the indent in ems of its
type against the list's own continuation indent, the space above it against the list's usual line
spacing, its type size against the list's, whether it opens with a label (``[12]``, ``12.``,
``(12)``, ``[Knu84]``), with a name as references open ("Family, I.", "I. Family"), with a dash
or rule standing for the previous authors, with a lower-case word or a digit; whether it ends with
a period, a comma or a hyphen; whether it holds a year or a link; how long it is against the
list's longest lines; and the same of the lines before and after it.

The model, ``bench/reference-lines.crfsuite`` beside this module, is trained by
``scripts/train_line_model.py`` on documents that ``scripts/make_segment_data.py`` typeset with
TeX Live's ``.bst`` styles, every line labelled from positions TeX recorded (see that script):
python-crfsuite, L-BFGS, the regularisation chosen on the validation styles, trained on the lines
of whole documents, and of the references sections the reader's rules find in them, typeset with
pdflatex from the same real records as the field tagger's model through the training styles
among TeX Live's .bst files (bibtex 0.99d; Debian's texlive packages, 2022.20230122) in the
article class (one and two columns) and REVTeX 4.2. ``bench/bench_segment.py`` compares it with
the page rules on held-out styles and real PDFs, through the seams this module offers: the
model's split of a section (`marked_lines`, shaped as the reader's geometry split), a vote
between the reader's split and the model's (`voted_split`), and the list found among a whole
document's lines (`list_span`). The reader calls none of them — none reads real PDFs better than
the rules do (docs/performance.md) — so the model and this module live in ``bench/``, outside the
installed package; the benches and scripts import it as a sibling module.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Protocol

from bibnorm.readers._pdf_sections import Line, balance
from bibnorm.readers._reflist import HEADING, ReferenceList, split_paragraphs
from bibnorm.readers._repeated_authors import first_line, reference_start

MODEL = Path(__file__).with_name("reference-lines.crfsuite")
LABELS = ("B", "I", "O")


class LaidOutLine(Line, Protocol):
    """What the model reads of a line: the page reader's ``PdfLine`` has all of it."""

    @property
    def bottom(self) -> float: ...
    @property
    def italics(self) -> tuple[tuple[int, int], ...]: ...


_NUMBER_LABEL = re.compile(r"^(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}\.(?=\s)|\d{1,3}(?=\s+[^\W\d_]))")
_TEXT_LABEL = re.compile(r"^\[[^\[\]\d][^\[\]]{0,40}\]")  # alpha's "[Knu84]", apalike's "[Zhai et al., 2022]"
_FAMILY_FIRST = re.compile(r"^(?:[a-z]{1,3}\s)?[A-Z][\w'’-]+,\s+[A-Z]")  # "Zhai, X.", "van Dijk, A"
_INITIALS_FIRST = re.compile(r"^(?:[A-Z]\.\s?(?:-[A-Z]\.\s?)?){1,3}\s*[A-Z][\w'’-]+")  # "J.-B. Alayrac"
_GIVEN_FIRST = re.compile(r"^[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+[,.]?(?:\s|$)")  # "Xiaohua Zhai,"
_DASH_FIRST = re.compile(r"^(?:[—–-]{2,}|[—―_]{1,}|\u2014)")  # a rule for the previous authors
_YEAR = re.compile(r"(?<!\d)(?:1[6-9]|20)\d{2}[a-z]?(?!\d)")
_LINK = re.compile(r"(?i)\bdoi\b|https?://|www\.|\b10\.\d{4,9}/")


def _ems(line: LaidOutLine) -> float:
    return line.indent / line.size if line.size else 0.0


def _median(values: Sequence[float], default: float) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else default


def _own_features(line: LaidOutLine) -> dict[str, float]:
    """What a line shows of itself (its neighbours' are added as ``-1:`` and ``+1:``)."""
    text = line.text.strip()
    first = text[:1]
    last = text[-1:]
    features = {
        "number_label": bool(_NUMBER_LABEL.match(text)),
        "text_label": bool(_TEXT_LABEL.match(text)),
        "family_first": bool(_FAMILY_FIRST.match(text)),
        "initials_first": bool(_INITIALS_FIRST.match(text)),
        "given_first": bool(_GIVEN_FIRST.match(text)),
        "dash_first": bool(_DASH_FIRST.match(text)),
        "starts_upper": first.isupper(),
        "starts_lower": first.islower(),
        "starts_digit": first.isdigit(),
        "starts_punct": bool(first) and not first.isalnum(),
        "ends_period": last == ".",
        "ends_comma": last in ",;",
        "ends_hyphen": last in "-–",
        "ends_digit": last.isdigit(),
        "ends_colon": last == ":",
        "year": bool(_YEAR.search(text)),
        "link": bool(_LINK.search(text)),
        "italic": bool(line.italics),
        "few_words": len(text.split()) <= 3,
        "heading": bool(HEADING.match(text)),
    }
    return {name: 1.0 for name, on in features.items() if on}


def line_features(lines: Sequence[LaidOutLine]) -> list[dict[str, float]]:
    """Each line's features, its layout measured against the list's own (see the module docstring)."""
    if not lines:
        return []
    body = _median([line.size for line in lines], 10.0)
    ems = [_ems(line) for line in lines]
    indented = [round(em * 2) / 2 for em in ems if em >= 0.4]
    hang = Counter(indented).most_common(1)[0][0] if indented else 0.0
    gaps = [
        previous.bottom - line.bottom
        for previous, line in pairwise(lines)
        if previous.page == line.page and previous.column == line.column and previous.bottom > line.bottom
    ]
    spacing = _median(gaps, body * 1.2)
    longest = _median([len(line.text) for line in lines], 1.0) or 1.0
    own = [_own_features(line) for line in lines]
    rows: list[dict[str, float]] = []
    for at, line in enumerate(lines):
        features = dict(own[at])
        em = ems[at]
        features["flush"] = float(em < 0.4)
        features["at_hang"] = float(indented != [] and abs(em - hang) < 0.3)
        features["beyond_hang"] = float(indented != [] and em > hang + 0.3)
        features["below_hang"] = float(0.4 <= em < hang - 0.3)
        features["ems"] = min(em, 6.0) / 6.0
        features["larger"] = float(line.size > body * 1.08)
        features["smaller"] = float(line.size < body * 0.92)
        length = len(line.text) / longest
        features["short"] = float(length < 0.6)
        features["long"] = float(length > 0.9)
        previous = lines[at - 1] if at else None
        if previous is None or (previous.page, previous.column) != (line.page, line.column):
            features["column_top"] = 1.0
        else:
            gap = (previous.bottom - line.bottom) / spacing if spacing else 1.0
            features["gap_wide"] = float(gap > 1.25)
            features["gap_tight"] = float(gap < 0.8)
            features["gap_negative"] = float(gap <= 0)
        for offset in (-1, 1):
            near = at + offset
            if 0 <= near < len(lines):
                tag = f"{offset:+d}:"
                features.update({tag + name: value for name, value in own[near].items()})
                features[tag + "flush"] = float(ems[near] < 0.4)
                features[tag + "short"] = float(len(lines[near].text) / longest < 0.6)
            else:
                features["first" if offset < 0 else "last"] = 1.0
        rows.append({name: value for name, value in features.items() if value})
    return rows


class LineModel:
    """A loaded model: `label` labels the lines of one list."""

    def __init__(self, model_path: str) -> None:
        import pycrfsuite  # a C extension: imported only when a model is loaded

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(model_path)

    def label(self, lines: Sequence[LaidOutLine]) -> list[str]:
        """``B``, ``I`` or ``O`` for each of ``lines``; a line without text is ``O`` and is not
        shown to the model (the page reader blanks the lines it knows are no reference's)."""
        kept = [at for at, line in enumerate(lines) if line.text.strip()]
        labels = ["O"] * len(lines)
        if kept:
            found = self._tagger.tag(line_features([lines[at] for at in kept]))
            for at, label in zip(kept, found, strict=True):
                labels[at] = label
        return labels


@lru_cache(maxsize=1)
def saved_line_model() -> LineModel:
    """The model saved beside this module (`MODEL`)."""
    return LineModel(str(MODEL))


def marked_lines(lines: Sequence[LaidOutLine]) -> list[tuple[str, int]] | None:
    """The lines the model labels as a reference's, each with its 1-based index in ``lines``, and
    a blank line (index 0) before each one that begins a reference — what the page reader's
    geometry gives its paragraph splitter; a dash or rule standing for the previous reference's
    authors is replaced by them (`first_line`). ``None`` when the model finds fewer than two
    references (a list it cannot read: the rules decide)."""
    labels = saved_line_model().label(lines)
    starts = set(item_starts(labels))
    if len(starts) < 2:
        return None
    marked: list[tuple[str, int]] = []
    authors = ""
    for at, (line, label) in enumerate(zip(lines, labels, strict=True), start=1):
        if label == "O" or not line.text:
            continue
        if at - 1 not in starts:
            marked.append(("    " + line.text, at))
            continue
        _, dashed = reference_start(line.text, 0.0, True, float("inf"))
        text, authors = first_line(line.text, dashed.end() if dashed else None, authors)
        if marked:
            marked.append(("", 0))
        marked.append((text, at))
    return marked


_SPAN_GAP = 12  # O lines a list may hold between two of its items' lines (a figure, a table)
_SPAN_ITEMS = 3  # fewer items are no list


def list_span(labels: Sequence[str]) -> tuple[int, int] | None:
    """Where the reference list is among a whole document's lines, by their ``labels``: the first
    and after the last line of the run of ``B`` and ``I`` lines (with at most `_SPAN_GAP` ``O``
    lines inside it) that begins the most references, `_SPAN_ITEMS` or more; ``None`` when there
    is none."""
    best: tuple[int, int, int] | None = None  # (items, first, end)
    first = end = items = 0
    for at, label in enumerate(labels):
        if label == "O":
            continue
        if items and at - end > _SPAN_GAP:
            best = max(best or (0, 0, 0), (items, first, end))
            items = 0
        if not items:
            first = at
        items += label == "B" or not items
        end = at + 1
    if items:
        best = max(best or (0, 0, 0), (items, first, end))
    return (best[1], best[2]) if best is not None and best[0] >= _SPAN_ITEMS else None


CLEARLY = 10
"""The model's split of a section wins over the reader's when it reads more items as references by
a tenth of its items (the margin by which the reader's text split wins over its geometry's)."""


def voted_split(
    lines: Sequence[LaidOutLine], rules: ReferenceList | None, line_of: list[int]
) -> tuple[ReferenceList | None, list[int]]:
    """The reader's split of a section's ``lines`` (``rules``, and for each line of the text it
    read, the section's line it is), or the model's where that splits it into as many items or
    more and reads clearly more of them as references (`balance`: items that read as references
    less those that do not) — references the reader joined. A model's split into fewer items
    never wins: joining what the reader split read better on lists of unusual entries (style
    test documents) and was wrong there."""
    learned = marked_lines(lines)
    if learned is None:
        return rules, line_of
    model = split_paragraphs("\n".join(text for text, _ in learned))
    if rules is not None and (
        len(model.items) < len(rules.items) or balance(model) <= balance(rules) + len(model.items) // CLEARLY
    ):
        return rules, line_of
    return model, [0, *(at for _, at in learned)]


def item_starts(labels: Sequence[str]) -> list[int]:
    """The indexes of the lines that begin an item: each ``B``, and the list's first line when the
    model calls it ``I`` (an ``I`` after an ``O`` goes on with the item before a figure)."""
    first = next((at for at, label in enumerate(labels) if label != "O"), None)
    return [at for at, label in enumerate(labels) if label == "B" or at == first]
