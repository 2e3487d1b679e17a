"""A paper's notes set among its references: REVTeX (APS, AIP) prints the footnotes of the text
as numbered items of the reference list, and so do styles with ``\\bibnote`` (natbib's notes,
achemso). A note is a sentence of the paper, not a work: "In the static case we observed d-wave
instability for T = 0.02t.", "The equation … differs from the one usually reported, see, e.g.,
Ref. 9. This is because we took …".

An item is a note when it speaks as the paper does — "we", "our", "us", or points into the paper
or its list ("Ref. 9", "Eq. (3)", "Fig. 2", "Sec. IV") — and holds nothing a reference is found
by: no year, no DOI, no arXiv id, no link, and it does not open with a name. The pointer to a
paper's supplemental material is a note, whatever it holds.
"""

from __future__ import annotations

import re

from bibnorm.readers._reflist import ReferenceList

_PAPER_SPEAKS = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b|\b(?:Refs?|Eqs?|Figs?|Secs?|Sects?)\.\s?(?:\(?\d|[IVX])")
# How a reference opens: initials and a family name ("A. A. Abrikosov", "J. van der Berg",
# "É. É. Flanagan"), an inverted name ("Hasson, U.", "Hasson U,"), a collaboration.
_OPENS_WITH_NAME = re.compile(
    r"^(?:[^\W\d_a-z]\.\s?(?:-[^\W\d_a-z]\.\s?)?){1,4}\s?(?:(?:van|von|de|der|den|di|da|del|la|le|du|dos)\s)*[^\W\d_a-z]"
    r"|^[^\W\d_a-z][\w'’-]+,?\s(?:[^\W\d_a-z]\.?\s?){1,3}[,.]"
    r"|^(?:[^\W\d_a-z][\w-]+\s){1,4}Collaboration"
)
_FOUND_BY = re.compile(
    r"(?<!\d)(?:1[5-9]|20)\d{2}(?!\d)|\b10\.\d{4,9}/|arXiv|https?://|www\.|\b[a-z-]+(?:\.[A-Z]{2})?/\d{7}\b"
)


def is_note(text: str) -> bool:
    """Whether a list's item ``text`` is one of the paper's notes, not a reference."""
    if _SUPPLEMENT.match(text):
        return True
    return (
        bool(_PAPER_SPEAKS.search(text)) and not _FOUND_BY.search(text) and not _OPENS_WITH_NAME.match(text)
    )


# The note every Physical Review paper sets in its list, link and references included: "See
# Supplemental Material at http://link.aps.org/supplemental/… for …, which includes Refs. [40–42]."
_SUPPLEMENT = re.compile(r"^See (?:the |also )?supplementa(?:l|ry) (?:material|information)\b", re.IGNORECASE)


def without_notes(references: ReferenceList) -> ReferenceList:
    """``references`` without the paper's notes set among them (`is_note`)."""
    return references._replace(items=[item for item in references.items if not is_note(item.text)])
