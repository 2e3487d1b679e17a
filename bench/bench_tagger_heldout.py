"""The reference tagger on citation styles it never saw, beside the rule-based reader on the same strings.

    python scripts/make_tagger_data.py --out build/tagger/data.jsonl --texmf /usr/share/texlive/texmf-dist
    python bench/bench_tagger_heldout.py --data build/tagger/data.jsonl

Trains a model on the training styles' strings only (as ``scripts/train_tagger.py`` does; the
held-out styles — SHA-1 of the name 0 mod 8, `make_tagger_data.is_heldout_style` — and the
held-out records never reach it), then reads every held-out style's strings two ways: the
tagger, and the rules (`bibnorm.readers.refs.parse_reference`, each string in a child process
under a time bound, since some of its patterns backtrack: a string over the bound counts as
read wrong and is counted as a hang). The rules get each string as the reader's list splitter
hands an item over: its number taken off, its lines joined; the tagger gets it as generated.

Printed per held-out style and over all of them: accuracy of the title, the first author's
family name, the year, the venue (container) and the DOI, each against what the style printed
(a field the style did not print must be read as absent: an invented title is wrong). Text is
compared case- and punctuation-blind. Then the same figures on a sample of training-style
strings (seen in training: an upper bound, printed apart), and the tagger's speed on one core.
``--model`` reuses a trained model instead of training.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import multiprocessing
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bibnorm.readers.tagger import TaggedReference, Tagger  # noqa: E402

FIELDS = ("title", "family", "year", "container", "doi")
RULE_SECONDS = 5.0


def _script(name: str):  # the scripts are not a package: load one by path
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def key(value: object) -> str | None:
    """Case-, accent- and punctuation-blind form of a field; None for nothing."""
    if value is None:
        return None
    folded = unicodedata.normalize("NFKD", str(value).casefold())
    letters = "".join(char for char in folded if char.isalnum())
    return letters or None


def tagger_fields(tagger: Tagger, text: str) -> dict[str, object]:
    read = tagger.tag(text)
    return {
        "title": read.title,
        "family": read.first_family,
        "year": read.year,
        "container": read.container,
        "doi": read.doi,
    }


# What the reader's list splitter does before `parse_reference` sees an item: the list's number
# ("[12]", "12.", "(12)") taken off, the item's lines joined.
_LIST_NUMBER = re.compile(r"^(?:\[\d+\]|\(\d+\)|\d+\.?)\s+")


def _rule_fields(text: str) -> dict[str, object]:
    from bibnorm.readers.refs import parse_reference

    read = parse_reference(_LIST_NUMBER.sub("", " ".join(text.split())))
    first = read.authors[0] if read.authors and read.authors[0] != "others" else None
    return {
        "title": read.title,
        # the first name as written ("Zhai X", "X. Zhai", "Zhai, X."): any of its words may be the
        # family name, which is generous to the rules
        "family": first,
        "year": read.year,
        "container": read.venue,
        "doi": read.doi,
    }


class RuleReader:
    """`parse_reference` in a child process; a string over `RULE_SECONDS` ends the child."""

    def __init__(self) -> None:
        self.hangs = 0
        self._pool = multiprocessing.get_context("fork").Pool(1)

    def read(self, text: str) -> dict[str, object] | None:
        result = self._pool.apply_async(_rule_fields, (text,))
        try:
            return result.get(RULE_SECONDS)
        except multiprocessing.TimeoutError:
            self.hangs += 1
            self._pool.terminate()
            self._pool = multiprocessing.get_context("fork").Pool(1)
            return None

    def close(self) -> None:
        self._pool.terminate()


def correct(read: dict[str, object] | None, truth: dict[str, object], name: str, rules: bool = False) -> bool:
    if read is None:
        return False
    if name == "family" and rules and read[name]:
        words = {key(word) for word in re.split(r"[\s,]+", str(read[name]))}
        expected = key(truth[name]) or ""
        return expected in words or expected in (key(read[name]) or "")
    return key(read[name]) == key(truth[name])


def _pair(tagged: float, ruled: float, digits: int = 0) -> str:
    return f"{100 * tagged:5.{digits}f} /{100 * ruled:4.{digits}f}".rjust(17)


def table(title: str, per_style: dict[str, list[tuple[dict, dict | None, dict | None]]]) -> None:
    """Per style, then the mean over styles, the worst style and all strings pooled."""
    print(f"\n{title}")
    header = "  ".join(f"{name[:9]:>9} tag/rule" for name in FIELDS)
    print(f"{'style':46} {'n':>3}  {header}")
    shares: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in FIELDS}
    pooled = {name: [0, 0] for name in FIELDS}
    strings = 0
    for style in sorted(per_style):
        rows = per_style[style]
        strings += len(rows)
        cells = []
        for name in FIELDS:
            tagged = sum(correct(tag, truth, name) for truth, tag, _ in rows)
            ruled = sum(correct(rule, truth, name, rules=True) for truth, _, rule in rows)
            pooled[name][0] += tagged
            pooled[name][1] += ruled
            shares[name][0].append(tagged / len(rows))
            shares[name][1].append(ruled / len(rows))
            cells.append(_pair(tagged / len(rows), ruled / len(rows)))
        print(f"{style[:46]:46} {len(rows):>3}  " + "  ".join(cells))
    for label, of in (
        (
            "mean over styles",
            lambda name: (statistics.mean(shares[name][0]), statistics.mean(shares[name][1])),
        ),
        ("worst style", lambda name: (min(shares[name][0]), min(shares[name][1]))),
        ("all strings", lambda name: (pooled[name][0] / strings, pooled[name][1] / strings)),
    ):
        print(f"{label:46} {'':>3}  " + "  ".join(_pair(*of(name), digits=1) for name in FIELDS))
    for name, floor in (("title", 0.95), ("title", 0.80), ("family", 0.98), ("year", 0.98)):
        tagged_styles = sum(share >= floor for share in shares[name][0])
        ruled_styles = sum(share >= floor for share in shares[name][1])
        print(
            f"styles with {name} >= {100 * floor:.0f}%: tagger {tagged_styles}/{len(per_style)}, "
            f"rules {ruled_styles}/{len(per_style)}"
        )


def evaluate(tagger: Tagger, rows: list[dict], rules: RuleReader | None) -> dict[str, list]:
    per_style: dict[str, list] = defaultdict(list)
    for row in rows:
        text = row["text"]
        # the first author's whole family name ("Lawry Aguila", "van der Berg"), as the tagger
        # joins a run of family tokens
        gold = TaggedReference(text, tuple(row["tokens"]), tuple(row["labels"]))
        truth = {**row["truth"], "family": gold.first_family}
        per_style[row["style"]].append(
            (truth, tagger_fields(tagger, text), rules.read(text) if rules else None)
        )
    return per_style


def invented_titles(per_style: dict[str, list]) -> tuple[int, int, int, int]:
    """Strings whose style printed no title: how many, and how many the tagger and rules gave one."""
    untitled = [(tag, rule) for rows in per_style.values() for truth, tag, rule in rows if not truth["title"]]
    return (
        len(untitled),
        sum(bool(tag and tag["title"]) for tag, _ in untitled),
        sum(bool(rule and rule["title"]) for _, rule in untitled),
        0,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "build" / "tagger" / "data.jsonl")
    parser.add_argument(
        "--model", type=Path, default=None, help="a model trained without the held-out styles"
    )
    parser.add_argument("--training-sample", type=int, default=1500, help="training-style strings to measure")
    arguments = parser.parse_args(argv)
    if not arguments.data.is_file():
        print(
            f"bench_tagger_heldout: no such file: {arguments.data} (scripts/make_tagger_data.py makes it)",
            file=sys.stderr,
        )
        return 1
    rows = [json.loads(line) for line in arguments.data.open(encoding="utf-8")]
    heldout = [row for row in rows if row["heldout"]]
    seen = [row for row in rows if not row["heldout"]]
    model = arguments.model
    if model is None:
        model = Path(tempfile.mkdtemp()) / "heldout.crfsuite"
        started = time.perf_counter()
        count = _script("train_tagger").train(seen, model)
        styles = len({row["style"] for row in seen})
        print(f"trained on {count} strings of {styles} styles in {time.perf_counter() - started:.0f} s")
    tagger = Tagger(str(model))
    digest = hashlib.sha256(model.read_bytes()).hexdigest()[:16]
    print(f"model {model.stat().st_size / 1e6:.2f} MB, sha256 {digest}…")

    started, cpu = time.perf_counter(), time.process_time()
    for row in heldout:
        tagger.tag(row["text"])
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    # CPU time is the per-core figure on a shared machine; wall time is what this run saw
    print(
        f"tagging speed: {len(heldout) / cpu:,.0f} strings/s of CPU time on one core, "
        f"{len(heldout) / elapsed:,.0f} strings/s wall ({len(heldout)} strings)"
    )

    rules = RuleReader()
    try:
        held = evaluate(tagger, heldout, rules)
        table(
            f"HELD-OUT styles ({len(held)} styles never trained on, held-out records): "
            "% correct, tagger / rules",
            held,
        )
        bst = {style: rows for style, rows in held.items() if style.startswith("bst:")}
        if bst and len(bst) < len(held):
            table(f"HELD-OUT .bst styles only ({len(bst)})", bst)
            csl = {style: rows for style, rows in held.items() if style not in bst}
            table(f"HELD-OUT CSL styles only ({len(csl)})", csl)
        strings, tagged, ruled, _ = invented_titles(held)
        print(
            f"strings whose style printed no title: {strings}; a title invented by the tagger {tagged}, ",
            end="",
        )
        print(f"by the rules {ruled}")
        print(f"rule reader over {RULE_SECONDS:.0f} s (counted wrong): {rules.hangs}")
        sample = sorted(seen, key=lambda row: hash_of(row["style"] + row["record"]))[
            : arguments.training_sample
        ]
        trained = evaluate(tagger, sample, rules)
        table(
            f"TRAINING styles (strings seen in training, {len(sample)} sampled): % correct, tagger / rules",
            trained,
        )
    finally:
        rules.close()
    return 0


def hash_of(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


if __name__ == "__main__":
    sys.exit(main())
