"""Build ``tests/corpus/abbreviated/``: real entries with abbreviated journals and accented names.

The source is a real bibliography nobody on the team wrote, ``All.bib`` of
github.com/chenle02/SPDEs-Bib (Le Chen's bibliography bank, CC BY-SA 4.0; its journal articles
are MathSciNet's BibTeX: ``journal`` the AMS abbreviation, "Probab. Theory Related Fields",
``fjournal`` the full title, "Probability Theory and Related Fields"). Picked: every ``@article``
that bibtexparser reads with a title, a year, an abbreviated ``journal`` (it has a dot), a
``fjournal`` and an author whose name has a TeX accent or letter command or a non-ASCII letter;
at most `PER_JOURNAL` per journal, in file order. Left out, because no source spells them as the
entry does and the test's world (made from the entry) cannot hold the paper as a source would:
titles with TeX math (sources render ``$\nabla\varphi$`` their own ways) and ``fjournal``
fields where a TeX command swallows the space after it (``Academi\ae Scientiarum`` typesets
"AcademiæScientiarum"). Each entry is copied byte for byte (from its
``@`` to its closing brace) and listed in ``MANIFEST.tsv`` with the repository, path, commit and
line where it starts. Usage::

    python scripts/build_abbreviated_corpus.py ALL_BIB COMMIT [OUTPUT_DIR]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import bibtexparser

ROOT = Path(__file__).resolve().parents[1]
REPOSITORY = "chenle02/SPDEs-Bib"
SOURCE_PATH = "All.bib"
PER_JOURNAL = 3
# A TeX accent or letter command (\'e, \"{o}, \v{c}, \O, \ss, \aa, \i) or a non-ASCII letter.
ACCENTED = re.compile(r"\\['\"`^~=.uvHckdbrt]|\\(?:[oOlL]|ss|ae|aa|AA|i)(?![A-Za-z])|[^\x00-\x7f]")
REQUIRED = ("journal", "fjournal", "author", "year", "title")
SPACE_SWALLOWED = re.compile(r"\\[A-Za-z]+ [A-Za-z]")


def entry_text(text: str, key: str) -> tuple[str, int]:
    """The entry of ``key`` as the file has it, from its ``@`` to its closing brace, and its line."""
    start = re.search(r"(?m)^@\w+\{\s*" + re.escape(key) + r"\s*,", text)
    assert start is not None, key
    depth = 0
    for end in range(text.index("{", start.start()), len(text)):
        depth += {"{": 1, "}": -1}.get(text[end], 0)
        if depth == 0:
            return text[start.start() : end + 1], text.count("\n", 0, start.start()) + 1
    raise ValueError(f"entry {key} never closes")


def picked_keys(text: str) -> list[str]:
    per_journal: Counter[str] = Counter()
    keys = []
    for entry in bibtexparser.parse_string(text).entries:
        fields = {name.casefold(): field.value for name, field in entry.fields_dict.items()}
        if entry.entry_type.casefold() != "article" or not all(fields.get(f) for f in REQUIRED):
            continue
        journal = fields["journal"]
        if "." not in journal or not ACCENTED.search(fields["author"]) or per_journal[journal] >= PER_JOURNAL:
            continue
        if "$" in fields["title"] or SPACE_SWALLOWED.search(fields["fjournal"]):
            continue
        per_journal[journal] += 1
        keys.append(entry.key)
    return keys


def main() -> None:
    source, commit = Path(sys.argv[1]), sys.argv[2]
    output = Path(sys.argv[3]) if len(sys.argv) > 3 else ROOT / "tests" / "corpus" / "abbreviated"
    text = source.read_text(encoding="utf-8")
    blocks, rows = [], ["key\trepository\tpath\tcommit\tline"]
    for key in picked_keys(text):
        block, line = entry_text(text, key)
        blocks.append(block)
        rows.append(f"{key}\t{REPOSITORY}\t{SOURCE_PATH}\t{commit}\t{line}")
    output.mkdir(parents=True, exist_ok=True)
    (output / "spdes-bib.bib").write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    (output / "MANIFEST.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(blocks)} entries", file=sys.stderr)


if __name__ == "__main__":
    main()
