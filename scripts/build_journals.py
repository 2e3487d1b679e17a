"""Build ``normalizer/data/journals.tsv.gz`` from a checkout of JabRef's journal-abbreviation lists.

Source: https://github.com/JabRef/abbrv.jabref.org (CC0 1.0), the lists JabRef itself ships.
The lists are combined as JabRef's own scripts do (``scripts/combine_journal_lists_dots.py``
and ``…_dotless.py`` there: the same files in the same order, the same filters, the first
occurrence of a name winning), then joined into one row per journal:

- the ISO 4 lists with dots (IEEE, ACS, UBC, AMS, general, geology and physics, life
  science, MathSciNet, mechanical, meteorology, sociology) give the name and its ISO 4
  abbreviation; after them the American Economic Association's and the astronomy lists
  (which JabRef offers but does not combine) add the journals the others lack, with their
  own abbreviations ("J. Polit. Economy");
- the MEDLINE lists without dots (Entrez, Index Medicus) give the MEDLINE abbreviation,
  joined to the same journal by `row_key` (case, accents, punctuation and a leading "The"
  aside).

Cleaning, each rule a fact about the data rather than a guess:

- whitespace (tabs included) inside names collapses to one space;
- JabRef's check that a name and its abbreviation start alike skips a leading "The" or "A"
  (its script's ``replace("The", "")`` left a space in front, which dropped every NLM title
  beginning with "The": "The journal of political economy");
- ISO 4 does not abbreviate a one-word title: its abbreviation is the title ("Sensors");
- a journal only the MEDLINE lists know gets its dotted form from the MEDLINE one: MEDLINE
  abbreviations are ISO 4 without the dots, and a dot follows each word that is not a whole
  word of the title ("Emerg Infect Dis" of "Emerging Infectious Diseases" → "Emerg. Infect.
  Dis.");
- the MEDLINE lists carry NLM catalogue titles ("Emergency medicine Australasia : EMA",
  "Complement (Basel, Switzerland)"): the printed name drops a leading "The" (as the dotted
  lists do), the part after " : " or " / " and a trailing parenthesised place, and
  capitalises its lower-case words except the short linking ones; the catalogue title stays an
  alias, so it is still recognised.

Output: gzip (deterministic: no file name, mtime 0) of UTF-8 lines ``name<TAB>iso4<TAB>medline
<TAB>aliases`` (empty when unknown; aliases ``|``-separated), sorted by name key, after ``#``
header lines naming the source commit. Usage::

    python scripts/build_journals.py PATH/TO/abbrv.jabref.org COMMIT DATE
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bibnorm.text.journals import journal_key  # noqa: E402

OUTPUT = ROOT / "normalizer" / "data" / "journals.tsv.gz"

# JabRef's import orders (abbrv.jabref.org scripts/combine_journal_lists_dots.py, _dotless.py),
# then the economics (AEA) and astronomy lists JabRef offers but leaves out of its combination:
# they only add journals the others lack ("Journal of Political Economy", "Journal of Finance").
DOTTED_LISTS = (
    "ieee", "acs", "ubc", "ams", "general", "geology_physics", "lifescience", "mathematics",
    "mechanical", "meteorology", "sociology", "aea", "astronomy",
)  # fmt: skip
MEDLINE_LISTS = ("entrez", "medicus")
SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "by",
        "de",
        "del",
        "der",
        "des",
        "di",
        "du",
        "en",
        "et",
        "for",
        "from",
        "in",
        "la",
        "le",
        "les",
        "of",
        "on",
        "or",
        "the",
        "to",
        "und",
        "van",
        "von",
        "y",
    ]
)


def jabref_key(name: str) -> str:
    """JabRef's ``normalize_name``: what makes two names one in its combine scripts."""
    return re.sub(r"\b(the|and)\b|[&\-:, ()]", "", name, flags=re.IGNORECASE).lower()


def row_key(name: str) -> str:
    """The key bibnorm looks names up by (`bibnorm.text.journals.journal_key`, the same function)."""
    return journal_key(name)


def load(folder: Path, lists: tuple[str, ...], dropped: dict[str, list[str]]) -> dict[str, str]:
    """JabRef's ``load_data``: name → abbreviation, first occurrence winning, its filters applied.

    A name JabRef drops because its key repeats a kept name's ("IEEE Transactions on Biomedical
    Engineering" after "… Bio-Medical Engineering") is recorded in ``dropped`` under the kept
    name: it becomes an alias, so that spelling is still recognised.
    """
    found: dict[str, str] = {}
    keys: dict[str, str] = {}
    for name_of_list in lists:
        path = folder / "journals" / f"journal_abbreviations_{name_of_list}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                if len(row) < 2:
                    continue
                name, abbreviation = " ".join(row[0].split()), " ".join(row[1].split())
                if not (name and abbreviation) or not 3 < len(name) < 80 or not name[0].isalnum():
                    continue
                if name.replace(" ", "").isnumeric() or "\\" in name:
                    continue
                if abbreviation[0].casefold() != re.sub(r"^(The|A)\s+", "", name)[0].casefold():
                    continue  # JabRef's check, reading a leading "The" as JabRef means to
                if "." in name and len(name) <= len(abbreviation):
                    continue  # an abbreviation filed as a name ("Artif. Intell.", "Stud. Med")
                key = jabref_key(name)
                if name in found:
                    continue
                if key in keys:
                    dropped.setdefault(keys[key], []).append(name)
                    continue
                found[name] = abbreviation
                keys[key] = name
    return found


def dotted(medline: str, name: str) -> str:
    """The ISO 4 form of a MEDLINE abbreviation: a dot after each word the title does not hold whole."""
    whole = {w.casefold() for w in re.findall(r"[^\W_]+", name)}
    words = medline.split()
    return " ".join(w if w.casefold() in whole or not w.isalpha() else w + "." for w in words)


def printed_name(catalogue_title: str) -> str:
    """An NLM catalogue title as a journal name: no subtitle or place, lower-case words capitalised."""
    name = re.sub(r"^The\s+", "", re.split(r" : | / ", catalogue_title, maxsplit=1)[0])
    name = re.sub(r"\s*\([^()]*\)?$", "", name).strip(" .,;") or catalogue_title
    words = name.split(" ")
    return " ".join(
        w[0].upper() + w[1:]
        if w.rstrip(".,;:").isalpha() and w.islower() and (i == 0 or w not in SMALL_WORDS)
        else w
        for i, w in enumerate(words)
    )


def build(folder: Path) -> list[tuple[str, str, str, str]]:
    rows: dict[str, list[str]] = {}
    dropped: dict[str, list[str]] = {}
    for name, abbreviation in load(folder, DOTTED_LISTS, dropped).items():
        iso4 = name if len(name.split()) == 1 else abbreviation
        rows.setdefault(row_key(name), [name, iso4, "", ""])
    for title, medline in load(folder, MEDLINE_LISTS, dropped).items():
        name = printed_name(title)
        row = rows.get(row_key(title)) or rows.get(row_key(name))
        if row is not None:
            row[2] = row[2] or medline
            continue
        iso4 = name if len(name.split()) == 1 else dotted(medline, name)
        aliases = title if title != name else ""
        rows.setdefault(row_key(name), [name, iso4, medline, aliases])
    for kept, others in dropped.items():
        row = rows.get(row_key(kept)) or rows.get(row_key(printed_name(kept)))
        if row is not None:
            names = [*row[3].split("|"), *(o for o in others if row_key(o) != row_key(row[0]))]
            row[3] = "|".join(dict.fromkeys(n for n in names if n))
    return sorted(fold_variants(list(rows.values())), key=lambda r: (row_key(r[0]), r[0]))


def _words(name: str) -> list[str]:
    return re.findall(r"[0-9a-z]+", journal_key_words(name))


def journal_key_words(name: str) -> str:
    """The name as `journal_key` reads it, with the spaces kept."""
    return " ".join(re.findall(r"[^\W_]+", name.casefold().replace("&", " and ")))


def fold_variants(rows: list[list[str]]) -> list[tuple[str, str, str, str]]:
    """Rows sharing an ISO 4 abbreviation whose names extend the shortest one ("Econometrica.
    Journal of the Econometric Society", "Acta Paediatrica (Oslo, Norway") are that journal:
    their names become its aliases. Rows sharing an abbreviation otherwise ("Journal of
    Mathematical Physics", "Journal of Mathematics and Physics") stay apart."""
    by_abbreviation: dict[str, list[list[str]]] = {}
    for row in rows:
        by_abbreviation.setdefault(row[1], []).append(row)
    out: list[tuple[str, str, str, str]] = []
    for group in by_abbreviation.values():
        group.sort(key=lambda r: (len(row_key(r[0])), r[0]))
        head, rest = group[0], group[1:]
        stem = _words(head[0])
        if rest and all(_words(r[0])[: len(stem)] == stem and len(_words(r[0])) > len(stem) for r in rest):
            names = [head[3], *(r[0] for r in rest), *(r[3] for r in rest)]
            head = [head[0], head[1], head[2] or next((r[2] for r in rest if r[2]), ""), ""]
            head[3] = "|".join(dict.fromkeys(n for a in names for n in a.split("|") if n))
            group = [head]
        out.extend((r[0], r[1], r[2], r[3]) for r in group)
    return out


def main() -> None:
    if len(sys.argv) != 4:
        raise SystemExit("usage: python scripts/build_journals.py PATH/TO/abbrv.jabref.org COMMIT DATE")
    folder, commit, day = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    rows = build(folder)
    header = [
        f"# journal names and abbreviations: JabRef/abbrv.jabref.org@{commit} ({day}), CC0 1.0",
        "# built by scripts/build_journals.py; columns: name, ISO 4, MEDLINE, aliases (|-separated)",
    ]
    text = "\n".join([*header, *("\t".join(row) for row in rows)]) + "\n"
    OUTPUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(rows)} journals, {len(text.encode()):,} bytes, {OUTPUT.stat().st_size:,} compressed")


if __name__ == "__main__":
    main()
