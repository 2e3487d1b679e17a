"""Names written family first with initials (Nature, ACS, Science's inverted lists): "Booth,
G. & Chatt, J. The reactions of carbon monoxide …". The pattern reads the names and the rest,
whose first sentence is the title; `refs` takes it where no quoted, APA or physics reading did.
Nature prints a paper in proceedings as "Title in Booktitle Place (Year)", no punctuation
between them: the title ends at an "in" before a proceedings', conference's or congress's name
("… Phylogenetic Inference in 8th IEEE International Conference on BioInformatics …", "… for
catalysis in Pacifichem (International Chemical Congress of Pacific Basin Societies) Hawaii").
"""

from __future__ import annotations

import re

# Names written family first with initials, joined by commas and "&" or "and", then the title
# (the last initials' period ends no sentence).
INVERTED_NAMES = re.compile(
    r"^(?P<authors>(?:(?:(?:van|von|de|der|den|di|da|del|la|le|du|dos|St\.)\s)*"  # "von Haeseler", "St. John"
    r"[A-Z][^\s,.]*(?:\s(?:[A-Z][^\s,.]*|Jr\.|Sr\.)){0,2},\s(?:[A-Z]\.\s?-?){1,4}"
    r"(?:,?\s(?:Jr|Sr|II|III|IV)\.?)?"  # "Lucas, R. E., Jr."
    r"(?:,\s(?:&\s|and\s)?|\s?&\s|\sand\s|\s(?=[A-Z](?!\.)|[‘“\[{])))+)"
    # the title: no other inverted name ("Eckaus, R. S. 2007") opens it; a quote or a formula may
    # (Nature: "Pugh, D. & … ‘Pincer’ pyridine …", "Rees Jr., W. S. [{Au[µ-N(SiMe3)2]}4]: …")
    # nor the next of names in natural order ("Sae-Young Chung, G. David Forney, Thomas J. …")
    r"(?P<rest>(?![A-Z][^\s,.]*(?:\s[A-Z][^\s,.]*){0,2},\s[A-Z]\.|[A-Z][a-z]+(?:\s[A-Z]\.)*\s[A-Z][\w'’-]+,\s(?:and\s)?[A-Z][a-z]*\.?\s[A-Z])"
    r"(?:[A-Z](?!\.)|[‘“\[{]).+)$"
)


_IN_PROCEEDINGS = re.compile(
    r"\s+in\s+(?=[A-Z0-9(])(?=[^.]*?\b(?:Proceedings|Conference|Congress|Symposium|Workshop)\b).*$"
)


def without_proceedings(title: str) -> str:
    """``title`` without the proceedings Nature prints after it with "in"."""
    return _IN_PROCEEDINGS.sub("", title)
