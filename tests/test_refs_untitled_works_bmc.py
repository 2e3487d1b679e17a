"""Works without authors as BMC's styles (bmc-mathphys.bst) print them: the title alone in bold,
or the title and then its address in doubled square brackets ("Amazon CloudFront:[[http://…]]."
in the PDF, ``\\textbf{Amazon CloudFront:}\\urlprefix\\url{[http://…]}`` in the ``.bbl``). The
title is the bold words, all of them and no more, and the item names no one.

The items are those of a real BMC paper (agbiotec/cloudinfr, bmc_article.bbl and the PDF it
typeset, as the PDF reader reads them).
"""

from __future__ import annotations

import pytest
from bibnorm.readers.bbl import read_bbl
from bibnorm.readers.refs import parse_reference


@pytest.mark.parametrize(
    ("item", "title", "authors"),
    [
        pytest.param("\\textbf{Flexiscale Cloud}.", "Flexiscale Cloud", (), id="bold-title-alone"),
        pytest.param("\\textbf{Go Grid Cloud}.", "Go Grid Cloud", (), id="bold-title-of-name-like-words"),
        pytest.param(
            "\\textbf{Amazon EC2 Cloud global regions}.",
            "Amazon EC2 Cloud global regions",
            (),
            id="bold-title-longer",
        ),
        pytest.param(
            "\\textbf{Illumina BaseSpace:}\\urlprefix\\url{[http://basespace.illumina.com]}.",
            "Illumina BaseSpace",
            (),
            id="bold-title-then-bracketed-address",
        ),
        pytest.param(
            "\\textbf{OpenStack at Magellan\n  Cloud:}\\urlprefix\\url{[http://www.alcf.anl.gov/magellan]}.",
            "OpenStack at Magellan Cloud",
            (),
            id="bold-title-across-lines-then-address",
        ),
        pytest.param(
            "Fielding R: \\textbf{Representational state transfer (REST)}.\n  \\emph{Architectural Styles "
            "and the Design of Network-based Software Architectures} 2000.",
            "Representational state transfer (REST)",
            ("Fielding, R.",),
            id="names-before-the-bold-title-stay",
        ),
    ],
)
def test_a_bmc_item_opening_with_its_bold_title_names_no_one(
    item: str, title: str, authors: tuple[str, ...]
) -> None:
    bbl = f"\\begin{{thebibliography}}{{9}}\n\\bibitem{{key}}\n{item}\n\n\\end{{thebibliography}}\n"
    [query] = read_bbl(bbl, "bmc_article.bbl")
    assert (query.title, query.authors) == (title, authors)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(
            "Amazon CloudFront:[[http://aws.amazon.com/cloudfront/]].", "Amazon CloudFront", id="doubled"
        ),
        pytest.param(
            "Broad Institute Genomespace portal:[[http://www.genomespace.org]].",
            "Broad Institute Genomespace portal",
            id="doubled-www",
        ),
        pytest.param(
            "Ubuntu Linux Operating System:[[http://www.ubuntu.com]].",
            "Ubuntu Linux Operating System",
            id="host-only",
        ),
        pytest.param(
            "Python Programming Language: [http://www.python.org].",
            "Python Programming Language",
            id="single",
        ),
    ],
)
def test_a_link_in_square_brackets_goes_with_its_brackets(text: str, title: str) -> None:
    reading = parse_reference(text)
    assert (reading.title, reading.authors) == (title, ())
