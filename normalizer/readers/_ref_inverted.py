"""Names written family first with initials (Nature, ACS, Science's inverted lists): "Booth,
G. & Chatt, J. The reactions of carbon monoxide …". The pattern reads the names and the rest,
whose first sentence is the title; `refs` takes it where no quoted, APA or physics reading did.
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
