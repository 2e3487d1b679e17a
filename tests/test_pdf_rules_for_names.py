"""A reference whose names a rule drawn as no text stands for (ABNT's "______. Title", the
previous reference's authors): its line opens with the names' own punctuation, ". Title", set in
by the rule's width. That line opens a reference and takes the names before it; it is no wrapped
line, so a list set flush whose only indented lines are such lines shows no hanging indent."""

from __future__ import annotations

from bibnorm.readers._repeated_authors import after_rule, dash_as_names
from bibnorm.readers.pdf import PdfLine
from misreadings import misread
from pdf_lines import read_lines

LEADING, GAP, RULE = 12.0, 10.0, 30.0  # points: baseline step, space between references, a rule's width

# ABNT (abntex2-alf) as a Brazilian thesis prints it: flush, justified, a space between references;
# Springel's and Zegeling's second works open where the rule that stands for the names ends
ABNT_LIST = [
    ["BANK, R. E.; SMITH, R. K. Mesh smoothing using a posteriori error estimates. SIAM",
     "JOURNAL ON NUMERICAL ANALYSIS, v. 34, n. 3, p. 979–997, 1997."],
    ["BUDD, C. J.; HUANG, W.; RUSSELL, R. D. Adaptivity with moving grids. Acta",
     "Numerica, v. 18, p. 111–241, 2009."],
    ["SPRINGEL, V. E pur si muove: Galilean-invariant cosmological hydrodynamical simulations",
     "on a moving mesh. Monthly Notices of the Royal Astronomical Society, v. 401, p. 791–851, 2010."],
    [". Hydrodynamic simulations on a moving Voronoi mesh. Garching, 2011. 35 p."],
    ["ZEGELING, P. A. Tensor-product adaptive grids based on coordinate transformations.",
     "Journal of Computational and Applied Mathematics, v. 166, n. 1, p. 343–360, 2004."],
    [". On resistive MHD models with adaptive moving meshes. Journal of Scientific",
     "Computing, v. 24, n. 2, p. 263–284, 2005."],
]  # fmt: skip


def _set_flush(references: list[list[str]]) -> list[PdfLine]:
    """The references' lines set flush on page 1, ``GAP`` points between two references; a line
    opening with the names' punctuation set in by ``RULE`` points."""
    lines: list[PdfLine] = []
    baseline = 700.0
    for at, reference in enumerate(references):
        baseline -= GAP if at else 0.0
        for text in reference:
            baseline -= LEADING
            indent = RULE if after_rule(text) else 0.0
            lines.append(PdfLine(1, 0, 72.0 + indent, 10.0, text, indent, bottom=baseline))
    return lines


def test_a_flush_list_with_a_rule_for_names_is_split_by_its_spacing() -> None:
    """Six references, not one per flush line: the rules' lines are no wrapped lines of a hanging
    indent, and the space between references splits the list."""
    queries = read_lines(_set_flush(ABNT_LIST))
    assert [query.title for query in queries] == [
        "Mesh smoothing using a posteriori error estimates",
        "Adaptivity with moving grids",
        "E pur si muove: Galilean-invariant cosmological hydrodynamical simulations on a moving mesh",
        "Hydrodynamic simulations on a moving Voronoi mesh",
        "Tensor-product adaptive grids based on coordinate transformations",
        "On resistive MHD models with adaptive moving meshes",
    ]
    assert [query.year for query in queries] == [1997, 2009, 2010, 2011, 2004, 2005]


@misread(
    "a title opening on a one-letter word after 'SURNAME, I.': "
    "the network reads 'E' as an initial ('SPRINGEL, V. E')"
)
def test_the_reference_a_rule_opens_has_the_names_before_it() -> None:
    queries = read_lines(_set_flush(ABNT_LIST))
    assert queries[3].authors == queries[2].authors == ("SPRINGEL, V.",)
    assert queries[5].authors == queries[4].authors == ("ZEGELING, P. A.",)


def test_a_line_opens_after_a_rule_by_the_names_punctuation() -> None:
    assert after_rule(". On resistive MHD models with adaptive moving meshes.")
    assert after_rule(", eds. 1987–. The History of Cartography")
    assert not after_rule("Computing, v. 24, n. 2, p. 263–284, 2005.")  # a wrapped line
    assert not after_rule("... and more")


def test_the_rule_reads_as_names_for_the_form_of_the_reference() -> None:
    assert dash_as_names(". On resistive MHD models. 2005.") == "Anonymous. On resistive MHD models. 2005."
    assert dash_as_names("—. 2011. Gems and Jewels.") == "Anonymous. 2011. Gems and Jewels."
    # amsplain's ", Title, Venue": its comma reads as the names' end already
    assert dash_as_names(", Variations in access control logic, DEON, 2008.") == (
        ", Variations in access control logic, DEON, 2008."
    )
