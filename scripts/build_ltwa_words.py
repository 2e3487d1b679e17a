"""Build ``normalizer/data/ltwa-words.tsv.gz``: ISO 4's word abbreviations from the LTWA itself.

The List of Title Word Abbreviations (LTWA) is the ISSN International Centre's table behind
ISO 4: one row per word (``empirical`` → ``empir.``) or word beginning (``conferen-`` →
``conf.``, any word that begins so), with the languages it is for, and ``n.a.`` for a word
that is never abbreviated (``method``, ``pattern``). Kept: the rows for English and for
several languages (``eng``, ``mul``: the languages of the venue names bibnorm abbreviates), one
word or word beginning each (not the hyphenated endings, ``-graph-``, nor the phrases). Written
in lower case, the abbreviation without its dot, empty for ``n.a.``; a pattern listed twice
keeps its first row.

Input: ``ltwa_20210702.csv`` as the ISSN publishes it
(https://www.issn.org/wp-content/uploads/2021/07/ltwa_20210702.csv; ``"WORDS";"ABBREVIATIONS";
"LANGUAGES"``, UTF-8). Output: gzip (deterministic: no file name, mtime 0) of UTF-8 lines
``pattern<TAB>abbreviation``, sorted, after ``#`` header lines naming the source. Usage::

    python scripts/build_ltwa_words.py LTWA_CSV [OUTPUT]
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = frozenset({"eng", "mul"})


def patterns(rows: list[list[str]]) -> dict[str, str]:
    """Pattern (a word, or a beginning ending in "-") → abbreviation without its dot ("" when none)."""
    kept: dict[str, str] = {}
    for word, abbreviation, languages in rows:
        pattern = word.strip().casefold()
        if not LANGUAGES & {language.strip() for language in languages.split(",")}:
            continue
        if " " in pattern or pattern.startswith("-") or "-" in pattern[:-1]:
            continue
        shortened = "" if abbreviation.strip() == "n.a." else abbreviation.strip().casefold().rstrip(".")
        kept.setdefault(pattern, shortened)
    return kept


def main(argv: list[str]) -> None:
    source = Path(argv[1])
    output = Path(argv[2]) if len(argv) > 2 else ROOT / "normalizer" / "data" / "ltwa-words.tsv.gz"
    data = source.read_bytes()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))[1:]
    table = patterns(rows)
    text = io.StringIO()
    text.write(
        f"# ISSN International Centre, LTWA {source.name} (sha256 {hashlib.sha256(data).hexdigest()})\n"
    )
    text.write("# built by scripts/build_ltwa_words.py; columns: word or beginning-, abbreviation (no dot)\n")
    for pattern in sorted(table):
        text.write(f"{pattern}\t{table[pattern]}\n")
    output.write_bytes(gzip.compress(text.getvalue().encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(table)} patterns → {output}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
