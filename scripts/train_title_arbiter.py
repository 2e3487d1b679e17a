"""Train the reader's learned title and venue choices (`readers._arbiter`) on the validation styles.

    python scripts/train_title_arbiter.py --data build/tagger/data.jsonl --rules-cache build/rules.pickle
    # -> normalizer/data/title-arbiter.json
    python scripts/train_title_arbiter.py ... --extra-training build/tagger/biblatex-validation.jsonl
    python scripts/train_title_arbiter.py --field venue ...   # -> normalizer/data/venue-arbiter.json

Each string of a **validation** style of the tagger's data file (``scripts/make_tagger_data.py``:
styles the shipped model never saw) is read as the reader reads an item — by the rules
(`parse_reference`, in a child process under a time bound, as ``bench/bench_tagger_heldout.py``
does; ``--rules-cache`` keeps their readings) and by the shipped tagger with its marginals — and
its choices of the field (``--field``: the title, `_title_arbiter`; the venue, `_venue_arbiter`)
judged as that bench judges the field: the rules', the model's and none are each right or wrong
against what the style printed (none is right where it printed none). A multinomial logistic
regression over the field's features (`title_features`, `venue_features`) learns to pick a right
one (its loss: minus the log of the probability it gives the right ones together; strings where
none is right teach nothing), by full-batch gradient descent with an L2 penalty, from zero
weights: deterministic. The reader keeps its hand-written choice (`_field_choice`) unless the
regression gives another choice a probability of at least ``--overrule`` (the field's default
below): a string unlike the training strings (whose probabilities are not sure) keeps what the
rules and their conditions read. A title the rules read none of stays none; a venue the rules
read none of may be the model's (the venue's arbiter fills).

The validation styles are split in two by a fixed rule, the SHA-1 of "arbiter " and the style's
name (even: **arbiter-training**, odd: **arbiter-tuning**): the weights are learnt on the first
half, the penalty and the number of steps chosen on the second; both halves' figures are printed
apart. The tagger's training styles are never used (the model is over-sure on strings it was
trained on) and the held-out styles are measured once, by the bench, with every choice made.

``--extra-training FILE`` adds strings of other kinds (``make_tagger_data.py --biblatex-validation``:
biblatex's styles, which print what the CSL ones do not — short titles of works without authors,
"Ed. by" after a quoted title, an edition after a colon): the validation styles of FILE whose
half is arbiter-training join the training half; the others are printed apart (an **extra-tuning**
half) and choose nothing, so the tuning half's figures stay comparable between runs.

``--real FILE`` adds real lists' items (``scripts/make_list_arbiter_data.py``: an item of an
author's PDF that holds one reference of its truth alone) the same way, their other half printed
apart (**real-tuning**); such an item's title is judged as ``bench/bench_pdf_corpus.py`` judges
it (`_printed`), against its ``.bib``'s title, which a style prints in its own case. They teach
the title's choice alone: the other fields' arbiters leave them out.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import importlib.util
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bibnorm.errors import OutputError  # noqa: E402
from bibnorm.io.writing import write_atomic  # noqa: E402
from bibnorm.readers import _authors_arbiter, _title_arbiter, _venue_arbiter, _year_arbiter  # noqa: E402
from bibnorm.readers._arbiter import CHOICES, Arbiter, stored_weights  # noqa: E402
from bibnorm.readers.refs import ParsedReference  # noqa: E402
from bibnorm.readers.tagger import TaggedReference, Tagger, packaged_tagger  # noqa: E402
from bibnorm.text.titles import title_key  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

REAL_TITLE_RATIO = 90  # bench/bench_pdf_corpus.py's `_read_right`

# How much likelier than the next choice the model's title and none must be (log-odds), and the
# probability another choice needs to overrule the reader's hand-written one: of 0.97, 0.98 and
# 0.99, the lowest at which the reader's tests pass (from 0.97: below, the model is sure and wrong
# on lists the rules were fitted to — an edition after a colon, "Ed. by" after a quoted title,
# software titles) and the team's PDF corpus reads as many references whole as the hand-written
# choice alone (from 0.99). The tuning half alone would take 0.8 (docs/tagger.md).
MODEL_MARGIN = 0.0
NONE_MARGIN = 0.0
OVERRULE = 0.99
# The venue's: of 0.7 (which the tuning half alone takes), 0.8 and 0.9, the lowest at which the
# reader's tests pass (below, it overrules the rules' venue where the model is unsure, and a
# multi-volume work's name, "Computers & Typesetting. Vol. E"); the PDF corpus does not judge a venue.
VENUE_OVERRULE = 0.9
# The year's and the authors': see docs/tagger.md ("The year and the first author: learned choices").
YEAR_OVERRULE = 0.8
AUTHORS_OVERRULE = 0.8


@dataclass(frozen=True)
class Field:
    """A field an arbiter chooses: where its weights go, its key in the data's truth, its
    features, its reading by the rules and by the model, whether the model's may fill a field
    the rules read none of, and the default threshold to overrule the hand-written choice."""

    weights_file: str
    truth: str
    features: Callable[[TaggedReference, ParsedReference], dict[str, float]]
    rules: Callable[[ParsedReference], str | None]
    model: Callable[[TaggedReference], str | None]
    fills: bool
    overrule: float
    generous: bool = False  # judged as the bench judges the reader's first author: any word of it


FIELDS = {
    "title": Field(
        _title_arbiter.WEIGHTS_FILE,
        "title",
        lambda item, read: _title_arbiter.title_features(item, read.title, read.authors, read.venue),
        lambda read: read.title,
        lambda item: item.title or None,
        fills=False,
        overrule=OVERRULE,
    ),
    "venue": Field(
        _venue_arbiter.WEIGHTS_FILE,
        "container",
        lambda item, read: _venue_arbiter.venue_features(item, read.venue, read.title),
        lambda read: read.venue,
        lambda item: item.container or None,
        fills=True,
        overrule=VENUE_OVERRULE,
    ),
    "year": Field(
        _year_arbiter.WEIGHTS_FILE,
        "year",
        lambda item, read: _year_arbiter.year_features(item, read.year),
        lambda read: str(read.year) if read.year else None,
        lambda item: str(item.year) if item.year else None,
        fills=False,
        overrule=YEAR_OVERRULE,
    ),
    "authors": Field(
        _authors_arbiter.WEIGHTS_FILE,
        "family",
        lambda item, read: _authors_arbiter.authors_features(item, read.authors, read.title),
        lambda read: read.authors[0] if read.authors and read.authors[0] != "others" else None,
        lambda item: item.written_authors()[0] if item.written_authors() else None,
        fills=True,
        overrule=AUTHORS_OVERRULE,
        generous=True,
    ),
}


@functools.cache
def _bench():  # the bench is not a package: load it by path (its judge of a field is the target)
    spec = importlib.util.spec_from_file_location(
        "bench_tagger_heldout", ROOT / "bench" / "bench_tagger_heldout.py"
    )
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[spec.name] = module  # type: ignore[union-attr]  # its rules' child unpickles by name
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def arbiter_half(style: str) -> str:
    """The half of the validation styles a style falls in, by the SHA-1 of its name."""
    return "training" if int(hashlib.sha1(f"arbiter {style}".encode()).hexdigest(), 16) % 2 == 0 else "tuning"


@dataclass(frozen=True)
class Example:
    """One string: its style, the features, and which choices read its field right."""

    style: str
    features: dict[str, float]
    right: frozenset[str]
    read: frozenset[str]  # the choices that give the field (the rules' or the model's where read)
    unprinted: bool  # the style printed none of the field


def examples_of(
    rows: Sequence[dict], field: Field, tagger: Tagger, bench, cache: Path | None
) -> list[Example]:
    """Each row read by the rules (their readings kept in ``cache``) and the tagger, its features
    and its right choices of ``field``."""
    rules = bench.RuleReader(cache)
    examples = []
    years = bench.record_years(list(rows))
    try:
        for row in rows:
            parsed = rules.read(row["text"])
            if parsed is None:  # the rules over their bound: the reader's fallback, not a choice
                continue
            item = tagger.tag(bench.as_item(row["text"]), weigh=True)
            candidates = {"rules": field.rules(parsed), "model": field.model(item), "none": None}
            if "real" in row and field.truth != "title":
                continue  # a real list's item teaches the title alone: the PDF bench judges no other field so
            if "real" in row:  # a real list's item (`make_list_arbiter_data.py`): the PDF bench's judge
                truth = row["real"][field.truth]
                right = frozenset(name for name, value in candidates.items() if _printed(value, truth))
            else:
                truth = bench.printed_truth(row, years)[0][field.truth]
                right = frozenset(name for name, value in candidates.items() if _matches(field, value, truth))
            read = frozenset(name for name, value in candidates.items() if value)
            features = field.features(item, parsed)
            examples.append(Example(row["style"], features, right, read, bench.key(truth) is None))
    finally:
        rules.close()
    return examples


def _matches(field: Field, value: str | None, truth: object) -> bool:
    """Whether a reading of ``field`` is right as the bench judges it (none where none was printed)."""
    if field.generous and value is not None and truth is not None:
        return _bench().correct({field.truth: value}, {field.truth: truth}, field.truth, generous=True)
    return _bench().key(value) == _bench().key(truth)


def _printed(value: str | None, truth: str | None) -> bool:
    """Whether a title read is a real list's as ``bench/bench_pdf_corpus.py`` judges an item's
    title (a ratio of at least 90 between the two titles' keys; none where none was printed): the
    truth is the source's ``.bib`` title, which a style may print in other case or punctuation."""
    if truth is None or value is None:
        return truth is None and value is None
    return fuzz.ratio(title_key(truth), title_key(value)) >= REAL_TITLE_RATIO


def train(
    examples: Sequence[Example], penalty: float, steps: int, rate: float = 0.5
) -> dict[str, dict[str, float]]:
    """Weights per choice that make a right choice likely (gradient descent on the mean loss)."""
    taught = [example for example in examples if example.right]
    names = sorted({name for example in taught for name in example.features})
    weights: dict[str, dict[str, float]] = {c: dict.fromkeys(names, 0.0) for c in CHOICES}
    for _ in range(steps):
        gradient: dict[str, dict[str, float]] = {c: defaultdict(float) for c in CHOICES}
        learnt = Arbiter(weights, fills=True)
        for example in taught:
            probability = learnt.scores(example.features)
            right = sum(probability[c] for c in example.right)
            for c in CHOICES:
                # d(-log sum_right p) / d(sum_c) = p_c - [c right] p_c / sum_right p
                error = probability[c] - (probability[c] / right if c in example.right else 0.0)
                for name, value in example.features.items():
                    gradient[c][name] += error * value
        for c in CHOICES:
            for name in names:
                step = gradient[c][name] / len(taught) + penalty * weights[c][name]
                weights[c][name] -= rate * step
    return weights


def report(half: str, examples: Sequence[Example], arbiter: Arbiter) -> float:
    """Print the share of strings whose field each way reads right on ``examples``; return the
    arbiter's."""
    count = len(examples)
    share = {way: sum(way in example.right for example in examples) / count for way in ("rules", "model")}
    chosen = [arbiter.choose(example.features) for example in examples]
    right = sum(c in example.right for c, example in zip(chosen, examples, strict=True)) / count
    unprinted = [(c, example) for c, example in zip(chosen, examples, strict=True) if example.unprinted]
    invented = sum(c in example.read for c, example in unprinted)
    styles = len({example.style for example in examples})
    best = sum(bool(example.right) for example in examples) / count
    print(
        f"{half}: {styles} styles, {count} strings: right rules {100 * share['rules']:.1f}, "
        f"model {100 * share['model']:.1f}, arbiter {100 * right:.1f} (best choice {100 * best:.1f}); "
        f"not printed {len(unprinted)}, invented by the arbiter {invented}"
    )
    return right


def validation_rows(data: Sequence[Path]) -> list[dict]:
    """The validation strings of each data file, each string once."""
    rows = []
    for path in data:
        with path.open(encoding="utf-8") as lines:
            rows += [row for row in map(json.loads, lines) if row["split"] == "validation"]
    return list({row["text"]: row for row in rows}.values())


def tuned_weights(
    halves: Mapping[str, Sequence[Example]],
    penalties: Sequence[float],
    steps: int,
    margins: tuple[float, float],
    fills: bool = False,
) -> tuple[float, dict[str, dict[str, float]]]:
    """The penalty of ``penalties`` whose weights, learnt on the training half, read the tuning
    half's field best, and those weights; each printed with no margins and with ``margins``."""
    best: tuple[float, float, dict[str, dict[str, float]]] = (-1.0, 0.0, {})
    for penalty in penalties:
        weights = train(halves["training"], penalty, steps)
        for model_margin, none_margin in ((0.0, 0.0), margins):
            print(f"penalty {penalty}, {steps} steps, margins: model {model_margin}, none {none_margin}")
            arbiter = Arbiter(weights, model_margin, none_margin, fills)
            report("  arbiter-training half", halves["training"], arbiter)
            tuned = report("  arbiter-tuning half", halves["tuning"], arbiter)
            for name in ("extra-tuning", "real-tuning"):
                if halves.get(name):
                    report(f"  {name} half (not tuned on)", halves[name], arbiter)
        if tuned > best[0]:
            best = (tuned, penalty, weights)
    return best[1], best[2]


def halves_of(
    data: Sequence[Path],
    extras: Mapping[str, Sequence[Path]],
    field: Field,
    tagger: Tagger,
    cache: Path | None,
) -> dict[str, list[Example]]:
    """The examples of ``data``'s validation strings by their half; of each of ``extras`` (``extra``:
    other generated strings, ``real``: real lists' items), the arbiter-training ones with the
    training half and the others apart (``extra-tuning``, ``real-tuning``)."""
    bench = _bench()
    examples = examples_of(validation_rows(data), field, tagger, bench, cache)
    halves = {half: [e for e in examples if arbiter_half(e.style) == half] for half in ("training", "tuning")}
    for name, paths in extras.items():
        if not paths:
            continue
        more = examples_of(validation_rows(paths), field, tagger, bench, cache)
        halves["training"] += [e for e in more if arbiter_half(e.style) == "training"]
        halves[f"{name}-tuning"] = [e for e in more if arbiter_half(e.style) == "tuning"]
    return halves


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        action="append",
        default=[],
        help="a data file (again for more; default build/tagger/data.jsonl)",
    )
    parser.add_argument(
        "--model", type=Path, default=None, help="the tagger's model (default: the shipped one)"
    )
    parser.add_argument(
        "--rules-cache", type=Path, default=None, help="the rules' readings kept between runs"
    )
    parser.add_argument(
        "--extra-training",
        type=Path,
        action="append",
        default=[],
        help="a data file whose arbiter-training validation strings join the training half (again for more)",
    )
    parser.add_argument(
        "--real",
        type=Path,
        action="append",
        default=[],
        help="real lists' items (make_list_arbiter_data.py); the arbiter-training half's join its training",
    )
    parser.add_argument("--field", choices=sorted(FIELDS), default="title", help="the field to choose")
    parser.add_argument("--penalty", type=float, action="append", default=[], help="L2 penalties to try")
    parser.add_argument("--steps", type=int, default=400)
    parser.add_argument(
        "--model-margin", type=float, default=MODEL_MARGIN, help="the model's reading's margin"
    )
    parser.add_argument("--none-margin", type=float, default=NONE_MARGIN, help="none's margin")
    parser.add_argument(
        "--overrule",
        type=float,
        default=None,
        help="the probability that overrules the hand-written choice (default: the field's)",
    )
    parser.add_argument("--out", type=Path, default=None, help="the weights (default: the shipped file)")
    arguments = parser.parse_args(argv)
    field = FIELDS[arguments.field]
    data = arguments.data or [ROOT / "build" / "tagger" / "data.jsonl"]
    given = (*data, *arguments.extra_training, *arguments.real)
    missing = [str(path) for path in given if not path.is_file()]
    if missing:
        print(f"train_title_arbiter: no such file: {', '.join(missing)}", file=sys.stderr)
        return 1
    tagger = Tagger(str(arguments.model)) if arguments.model else packaged_tagger()
    extras = {"extra": arguments.extra_training, "real": arguments.real}
    halves = halves_of(data, extras, field, tagger, arguments.rules_cache)
    margins = (arguments.model_margin, arguments.none_margin)
    penalties = arguments.penalty or [0.001]
    penalty, weights = tuned_weights(halves, penalties, arguments.steps, margins, field.fills)
    overrule = field.overrule if arguments.overrule is None else arguments.overrule
    about = (
        f"scripts/train_title_arbiter.py --field {arguments.field}: a multinomial logistic regression "
        f"over the rules', the model's or no {arguments.field}, overruling the reader's hand-written "
        "choice where it gives another at least the probability `overrule` "
        f"(normalizer/readers/_{arguments.field}_arbiter.py)"
    )
    arbiter = Arbiter(weights, *margins, field.fills, overrule)
    stored = stored_weights(about, weights, arbiter, penalty=penalty, steps=arguments.steps)
    out = arguments.out or ROOT / "normalizer" / "data" / field.weights_file
    try:
        write_atomic(out, json.dumps(stored, indent=1, sort_keys=True) + "\n")
    except OutputError as error:
        print(f"train_title_arbiter: {error}", file=sys.stderr)
        return 1
    print(f"wrote {out} (penalty {penalty})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
