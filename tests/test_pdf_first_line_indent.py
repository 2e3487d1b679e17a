"""References set as paragraphs, each one's first line indented and the rest flush (a word
processor's first-line indent), no labels and no space between them: the indented lines start
the references, as the flush ones do in a hanging-indent list."""

from __future__ import annotations

from bibnorm.readers.pdf import PdfLine
from pdf_lines import read_lines

# Real references (the works' own titles, volumes and pages), wrapped as a 30-em measure wraps them.
PARAGRAPHS = [
    ["Hochreiter, S. and Schmidhuber, J. (1997). Long short-term memory.",
     "Neural Computation, 9(8), 1735–1780."],
    ["Kingma, D. P. and Ba, J. (2015). Adam: A method for stochastic optimization. In",
     "International Conference on Learning Representations."],
    ["LeCun, Y., Bengio, Y., and Hinton, G. (2015). Deep learning.",
     "Nature, 521(7553), 436–444."],
    ["Rumelhart, D. E., Hinton, G. E., and Williams, R. J. (1986). Learning representations",
     "by back-propagating errors.",
     "Nature, 323(6088), 533–536."],
]  # fmt: skip


def _paragraphs(first_indent: float) -> list[PdfLine]:
    """The references' lines on a 12-point step, each first line ``first_indent`` points in."""
    lines: list[PdfLine] = []
    for reference in PARAGRAPHS:
        for at, text in enumerate(reference):
            indent = first_indent if at == 0 else 0.0
            lines.append(PdfLine(1, 0, 72.0 + indent, 10.0, text, indent, bottom=700.0 - 12 * len(lines)))
    return lines


def test_indented_first_lines_start_the_references() -> None:
    queries = read_lines(_paragraphs(15.0))
    assert [query.raw.split(",")[0] for query in queries] == ["Hochreiter", "Kingma", "LeCun", "Rumelhart"]
    assert queries[0].raw.endswith("Neural Computation, 9(8), 1735–1780.")
    assert queries[3].raw.endswith("Nature, 323(6088), 533–536.")
