"""Whether the reader reads a reference alike when its initials are outside ASCII.

    python bench/bench_latin_initials.py --data build/tagger/val-H.jsonl

Each validation string (`scripts/make_tagger_data.py` writes them) that prints an initial of
one of the letters below is read twice by the reference reader (`readers.refs.read_refs`, the
rules and the model as a pasted reference is read): as generated, and with each such initial
replaced by a Latin letter outside ASCII of the same base ("L." → "Ł.", "S." → "Š.", "A." →
"Á."). A reader that knows Polish, Czech, Croatian or accented initials as initials reads the two
alike: the same title (its letters mapped back) and as many authors. Printed: the strings read,
how many were read otherwise, and per style the first such string with both readings.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path

from bibnorm.readers.refs import read_refs

# An ASCII capital and a Latin letter of the same base outside ASCII.
ACCENTED = {
    "A": "Á", "C": "Č", "D": "Đ", "E": "É", "G": "Ğ", "I": "Í", "L": "Ł",
    "N": "Ñ", "O": "Ø", "R": "Ř", "S": "Š", "T": "Ť", "U": "Ü", "Z": "Ž",
}  # fmt: skip
_BACK = str.maketrans({accented: plain for plain, accented in ACCENTED.items()})
# An initial: one of those capitals alone before a period ("J. Smith", "Smith, L.")
_INITIAL = re.compile(rf"(?<!\w)([{''.join(ACCENTED)}])(?=\.)")


def reading(text: str) -> tuple[str, int]:
    """The title read (the whole text where none is) and how many authors."""
    (query,) = read_refs(" ".join(text.split()), "refs.txt")
    return (query.title or ""), len(query.authors)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, required=True, help="a tagger data file (JSON lines)")
    parser.add_argument("--split", default="validation", help="the split read (default: validation)")
    arguments = parser.parse_args()
    rows = [json.loads(line) for line in arguments.data.read_text(encoding="utf-8").splitlines() if line]
    read = otherwise = 0
    examples: dict[str, list[tuple[str, tuple[str, int], tuple[str, int]]]] = collections.defaultdict(list)
    for row in rows:
        text = row["text"]
        if row["split"] != arguments.split or not _INITIAL.search(text):
            continue
        accented = _INITIAL.sub(lambda initial: ACCENTED[initial.group(1)], text)
        plain, other = reading(text), reading(accented)
        read += 1
        if (plain[0], plain[1]) != (other[0].translate(_BACK), other[1]):
            otherwise += 1
            examples[row["style"]].append((accented, plain, other))
    print(f"strings with initials read: {read}; read otherwise with initials outside ASCII: {otherwise}")
    for style, found in sorted(examples.items(), key=lambda item: (-len(item[1]), item[0])):
        accented, plain, other = found[0]
        print(f"  {style}: {len(found)}")
        print(f"    {' '.join(accented.split())[:160]}")
        print(f"    as generated: {plain[0][:80]!r}, {plain[1]} authors")
        print(f"    accented: {other[0][:80]!r}, {other[1]} authors")


if __name__ == "__main__":
    main()
