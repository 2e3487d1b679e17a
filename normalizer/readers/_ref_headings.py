"""Headings inside a references section that name references: the list goes on under them.

biblatex prints one bibliography in parts (``\\printbibliography[heading=subbibliography]``),
and papers split theirs ("Other References", "其它参考文献示例", "Weitere Literatur"), each
part under a heading as large as the section's own. Such a heading is no appendix after the
list, which a heading of that rank otherwise is: it names references itself.
"""

from __future__ import annotations

import re

from bibnorm.text.word_tables import alternation, reference_headings

# The words of a references heading (`bibnorm.readers._reflist.HEADING`) found anywhere in a
# short line, in the languages that heading knows (normalizer/data/reference-headings.json).
_NAMES_REFERENCES = re.compile(
    rf"\b{alternation(reference_headings().words)}\b|{alternation(reference_headings().words_unspaced)}",
    re.IGNORECASE,
)
_HEADING_LENGTH = 80  # characters; a longer line is text, not a heading


def names_references(text: str) -> bool:
    """Whether a heading line names references ("Further References", "其它参考文献示例")."""
    return len(text) <= _HEADING_LENGTH and _NAMES_REFERENCES.search(text) is not None
