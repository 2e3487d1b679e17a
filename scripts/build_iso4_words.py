"""Build ``normalizer/data/iso4-words.tsv.gz``: ISO 4 word abbreviations, read off JabRef's lists.

ISO 4 abbreviates a title word by word with the List of Title Word Abbreviations (LTWA) and
drops articles, prepositions and conjunctions. The LTWA itself is not in JabRef's repository,
but its use is: every journal of ``normalizer/data/journals.tsv.gz`` (JabRef's lists, CC0 1.0)
whose name and ISO 4 abbreviation have the same number of words once the dropped words are
left out pairs each word with its abbreviation ("Recognition" / "Recognit."). A word's
abbreviation is the one it has in most such journals, kept when it is seen at least
`MIN_SEEN` times, the word is abbreviated in at least `MIN_ABBREVIATED` of the journals whose
title has it (a word ISO 4 leaves whole, "Pattern", "Methods", needs no entry), and at least
`MIN_SHARE` of those abbreviate it that way.

Output: gzip (deterministic: no file name, mtime 0) of UTF-8 lines ``word<TAB>abbreviation``
(lower case, abbreviation without its dot), sorted, after ``#`` header lines naming the
source. Usage::

    python scripts/build_iso4_words.py [normalizer/data/journals.tsv.gz [OUTPUT]]
"""

from __future__ import annotations

import gzip
import io
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIN_SEEN = 2
MIN_SHARE = 0.6
MIN_ABBREVIATED = 0.5
# What ISO 4 leaves out of a title (English, French, German, Spanish, Italian linking words).
DROPPED = frozenset(
    """a an and the of for in on at to by with from & und der die das des für et de la le les du
    des y e el los las del di da della dei per""".split()  # noqa: SIM905 (a list of words)
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?\.?")


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def words(text: str) -> list[str]:
    return [w for w in _WORD.findall(_plain(text)) if w.rstrip(".") not in DROPPED]


def pairs(name: str, iso4: str) -> list[tuple[str, str]]:
    """(word, abbreviation) of each word of ``name`` (the word itself where ``iso4`` leaves it
    whole), if the two align."""
    full, short = words(name), words(iso4)
    if len(full) != len(short) or len(full) < 2:
        return []
    aligned = []
    for word, abbreviated in zip(full, short, strict=True):
        if word.endswith("."):
            return []  # the name itself is abbreviated: nothing to learn from it
        stem = abbreviated.rstrip(".")
        if not abbreviated.endswith(".") or stem == word:
            aligned.append((word, word))  # left whole: counts against abbreviating it
            continue
        if stem[:1] != word[:1] or len(stem) >= len(word):
            return []  # not the same word: the two lists do not align here
        aligned.append((word, stem))
    return aligned


def build(journals: Path) -> tuple[str, dict[str, str]]:
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    header = ""
    with gzip.open(journals, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#"):
                header = header or line[1:].strip()
                continue
            name, iso4, *_ = line.rstrip("\n").split("\t")
            for word, stem in pairs(name, iso4):
                seen[word][stem] += 1
    table = {}
    for word, counts in seen.items():
        abbreviated = {stem: count for stem, count in counts.items() if stem != word}
        if not abbreviated:
            continue
        stem, count = max(abbreviated.items(), key=lambda pair: (pair[1], pair[0]))
        shortened = sum(abbreviated.values())
        if (
            count >= MIN_SEEN
            and shortened / sum(counts.values()) >= MIN_ABBREVIATED
            and count / shortened >= MIN_SHARE
        ):
            table[word] = stem
    return header, table


def main(argv: list[str]) -> None:
    journals = Path(argv[1]) if len(argv) > 1 else ROOT / "normalizer" / "data" / "journals.tsv.gz"
    output = Path(argv[2]) if len(argv) > 2 else ROOT / "normalizer" / "data" / "iso4-words.tsv.gz"
    source, table = build(journals)
    text = io.StringIO()
    text.write(f"# ISO 4 word abbreviations read off {journals.name} ({source})\n")
    text.write("# built by scripts/build_iso4_words.py; columns: word, abbreviation (without its dot)\n")
    for word in sorted(table):
        text.write(f"{word}\t{table[word]}\n")
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as out:
        out.write(text.getvalue().encode("utf-8"))
    output.write_bytes(buffer.getvalue())
    print(f"{output}: {len(table)} words")


if __name__ == "__main__":
    main(sys.argv)
