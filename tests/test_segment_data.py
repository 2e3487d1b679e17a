"""The line model's training data (scripts/make_segment_data.py): a list typeset by a real ``.bst``
style is read back by the PDF reader with every line's label exact."""

from __future__ import annotations

import random
import re
import subprocess
from pathlib import Path
from types import ModuleType

import pytest
from repo_scripts import script

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def make_data() -> ModuleType:
    return script("make_segment_data")


@pytest.mark.parametrize(
    ("bbl", "marked"),
    [
        pytest.param(
            "\\begin{thebibliography}{1}\n\n\\bibitem{a}\nOne.\n\n\\bibitem[{Z(2020)}]{b}\nTwo.\n\n"
            "\\end{thebibliography}\n",
            "\\begin{thebibliography}{1}\n\n\\bibitem{a}\\segmark{B}\nOne.\n\n"
            "\\bibitem[{Z(2020)}]{b}\\segmark{B}\nTwo.\\segmark{E}\\end{thebibliography}\n",
            id="numbered-and-natbib",
        ),
    ],
)
def test_each_item_and_the_lists_end_get_a_mark(make_data: ModuleType, bbl: str, marked: str) -> None:
    assert make_data.marked_bbl(bbl) == (marked, 2)


def test_a_mark_is_read_in_points_from_the_pages_foot(make_data: ModuleType) -> None:
    (mark,) = make_data.read_marks("B 2 4736286 47362867\nnoise\n")
    assert (mark.kind, mark.page) == ("B", 2)
    assert mark.x == pytest.approx(72.0, abs=0.01) and mark.y == pytest.approx(720.0, abs=0.01)


@pytest.mark.clients
def test_plain_bst_labels_every_line_of_a_typeset_document_exactly(make_data: ModuleType) -> None:
    from clients import need

    need("bibtex", "pdflatex", "kpsewhich")
    plain = subprocess.run(
        ["kpsewhich", "plain.bst"], capture_output=True, text=True, check=False
    ).stdout.strip()
    tagger_data = make_data.tagger_data
    records = [
        tagger_data.Record(
            key=f"test#{number}",
            kind="article-journal",
            title=f"A study of the {word} problem in the setting of very long reference lists",
            authors=[tagger_data.Name("Kaiming", family), tagger_data.Name("Xiangyu", "Zhang")],
            year=2010 + number,
            container="Journal of Machine Learning Research",
            volume=str(number + 1),
            pages="770–778",
        )
        for number, (word, family) in enumerate(
            [("first", "He"), ("second", "Abbas"), ("third", "Brown"), ("fourth", "Chen"), ("fifth", "Diaz")]
        )
    ]
    bbl = make_data.style_bbl("bst:" + plain, records)
    layout = make_data.Layout("article", "", 1, heading=True, figure=False, appendix=True)
    made = make_data.typeset(bbl, layout, random.Random(1))
    assert made is not None
    data, marks = made
    lines = make_data.pdf_reader._document_lines(data, "test.pdf")
    labels = make_data.line_labels(lines, marks)
    labelled = list(zip(labels, (line.text for line in lines), strict=True))
    begins = [text for label, text in labelled if label == "B"]
    assert [re.match(r"\[(\d)\]", text).group(1) for text in begins] == ["1", "2", "3", "4", "5"]  # type: ignore[union-attr]
    assert all(label == "B" for label, text in labelled if re.match(r"\[\d\]", text))
    first, last = labels.index("B"), len(labels) - labels[::-1].index("I") - 1
    assert all(label in "BI" for label in labels[first : last + 1])
    assert ("O", "References") in labelled and ("O", "A Proofs") in labelled
    assert "Diaz" in " ".join(
        text for label, text in labelled[labels.index("B", first + 1) :] if label != "O"
    )
