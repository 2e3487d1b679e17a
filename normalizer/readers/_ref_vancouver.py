"""Vancouver's names (ICMJE, NLM; medicine): family names with initials without periods, so
the names' sentence ends at the last initials ("Hasson U."), which a one-letter word never does
elsewhere. `refs` reads such a list before quotes (its titles quote words).
"""

from __future__ import annotations

import re

# Vancouver (ICMJE, NLM; medicine): "Yeshurun Y, Nguyen M, Hasson U. Title. Journal. 2021;22:181-92."
# Family names then initials without periods, so "Hasson U." ends the author sentence, which a
# one-letter word never does elsewhere. "van de Pol J", "Boyd-Graber J", ", et al." are names too;
# "Andrew G. Howard, Menglong Zhu", "Robert L. Augustine. Title", "John C. Baez and Aaron D.
# Lauda", "Andrew K. Hirsch, Pedro de Amorim" and "Duy M. H. Nguyen" are no Vancouver list
# (after the period, a name and "et al", a period, or "and" or a comma before another full
# name, its particles first; or another initial). "Causal and chronological …", "Goals,
# attention, and …", "Single- and Two-Channel …" (no name ends in a hyphen) and a lowercase name
# with a digit ("wav2vec 2.0: …", "vq-wav2vec: …") are titles.
_VANCOUVER_NAME = (
    r"(?:(?:van|von|de|der|den|di|da|del|la|le|du|dos)\s)*[A-Z][^\s\d,.;:]*[a-z][^\s\d,.;:]*\s[A-Z]{1,3}"
)
VANCOUVER = re.compile(
    rf"^(?P<authors>{_VANCOUVER_NAME}(?:,\s{_VANCOUVER_NAME})*(?:,\s(?:et al|others))?)\.\s+"
    r"(?![A-Z][^\s,.]*[^\s,.-]"
    r"(?:\set al\b|(?:\sand|,)\s[A-Z][^\s,.]*\.?\s(?:[A-Z]|(?:de|van|von|da|di|du|la|le)\s)|\.\s)|[A-Z]\.)"
    r"(?P<rest>(?:[A-Z\d`‘“\"']|[a-z]+[\w-]*\d).+)$"
)
# The title's end: a sentence end, or a question before the journal ("… of encoding? J Exp Psychol",
# `title_before_question`).
VANCOUVER_END = re.compile(r"(?<=[^\W_]{2})\.\s+|(?<=[)\]])\.\s+")
