"""The reference tagger on citation styles it never saw, beside the rule-based reader on the same strings.

    python scripts/make_tagger_data.py --out build/tagger/data.jsonl --texmf /usr/share/texlive/texmf-dist
    python bench/bench_tagger_heldout.py --data build/tagger/data.jsonl

Trains a model on the training styles' strings only (as ``scripts/train_tagger.py`` does; the
held-out styles — SHA-1 of the name 0 mod 8, `make_tagger_data.is_heldout_style` — and the
held-out records never reach it), then reads every held-out style's strings two ways: the
tagger, and the rules (`bibnorm.readers.refs.parse_reference`, each string in a child process
under a time bound, since some of its patterns backtrack: a string over the bound counts as
read wrong and is counted as a hang).

Printed per held-out style and over all of them: accuracy of the title, the first author's
family name, the year, the venue (container) and the DOI, each against what the style printed
(a field the style did not print must be read as absent: an invented title is wrong). Text is
compared case- and punctuation-blind. Then the same figures on a sample of training-style
strings (seen in training: an upper bound, printed apart), and the tagger's speed on one core.
``--model`` reuses a trained model instead of training.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bibnorm.readers.tagger import Tagger  # noqa: E402
from bibnorm.text.names import parse_name  # noqa: E402

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


def _rule_fields(text: str) -> dict[str, object]:
    from bibnorm.readers.refs import parse_reference

    read = parse_reference(text)
    first = parse_name(read.authors[0]) if read.authors and read.authors[0] != "others" else None
    return {
        "title": read.title,
        "family": (first.family or first.literal) if first else None,
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


def correct(read: dict[str, object] | None, truth: dict[str, object], name: str) -> bool:
    if read is None:
        return False
    if name == "family":
        expected = parse_name(str(truth["family"]).rstrip(",")).family if truth["family"] else None
        return key(read[name]) == key(expected) or key(read[name]) == key(truth["family"])
    return key(read[name]) == key(truth[name])


def table(title: str, per_style: dict[str, list[tuple[dict, dict | None, dict | None]]]) -> None:
    print(f"\n{title}")
    header = "  ".join(f"{name[:9]:>9} tag/rule" for name in FIELDS)
    print(f"{'style':46} {'n':>3}  {header}")
    totals = {name: [[], []] for name in FIELDS}
    for style in sorted(per_style):
        rows = per_style[style]
        cells = []
        for name in FIELDS:
            tagged = sum(correct(tag, truth, name) for truth, tag, _ in rows) / len(rows)
            ruled = sum(correct(rule, truth, name) for truth, _, rule in rows) / len(rows)
            totals[name][0].append(tagged)
            totals[name][1].append(ruled)
            cells.append(f"{100 * tagged:5.0f} /{100 * ruled:4.0f}")
        print(f"{style[:46]:46} {len(rows):>3}  " + "  ".join(f"{cell:>17}" for cell in cells))
    print(
        f"{'mean over styles':46} {'':>3}  "
        + "  ".join(
            f"{100 * statistics.mean(totals[name][0]):5.1f} /{100 * statistics.mean(totals[name][1]):4.1f}".rjust(
                17
            )
            for name in FIELDS
        )
    )
    print(
        f"{'worst style':46} {'':>3}  "
        + "  ".join(
            f"{100 * min(totals[name][0]):5.0f} /{100 * min(totals[name][1]):4.0f}".rjust(17)
            for name in FIELDS
        )
    )
    titles = totals["title"][0]
    print(
        f"styles with tagger title >= 95%: {sum(t >= 0.95 for t in titles)}/{len(titles)}; "
        f">= 80%: {sum(t >= 0.8 for t in titles)}/{len(titles)}"
    )
    for name in ("family", "year"):
        shares = totals[name][0]
        print(f"styles with tagger {name} >= 98%: {sum(s >= 0.98 for s in shares)}/{len(shares)}")


def evaluate(tagger: Tagger, rows: list[dict], rules: RuleReader | None) -> dict[str, list]:
    per_style: dict[str, list] = defaultdict(list)
    for row in rows:
        text = row["text"]
        per_style[row["style"]].append(
            (row["truth"], tagger_fields(tagger, text), rules.read(text) if rules else None)
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
    print(f"model {model.stat().st_size / 1e6:.2f} MB")

    started = time.perf_counter()
    for row in heldout:
        tagger.tag(row["text"])
    elapsed = time.perf_counter() - started
    speed = len(heldout) / elapsed
    print(f"tagging speed: {speed:,.0f} strings/s on one core ({len(heldout)} strings, {elapsed:.2f} s)")

    rules = RuleReader()
    try:
        held = evaluate(tagger, heldout, rules)
        table(
            f"HELD-OUT styles ({len(held)} styles never trained on, held-out records): "
            "% correct, tagger / rules",
            held,
        )
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
    import hashlib

    return hashlib.sha1(text.encode()).hexdigest()


if __name__ == "__main__":
    sys.exit(main())
