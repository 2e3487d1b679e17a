"""Train the reference tagger's model from the strings `make_tagger_data.py` wrote.

    python scripts/make_tagger_data.py --out build/tagger/data.jsonl --texmf /usr/share/texlive/texmf-dist
    python scripts/train_tagger.py --data build/tagger/data.jsonl

writes ``normalizer/data/reference-tagger.npz``, the shipped network that
`bibnorm.readers._tagger_network` reads with numpy (``--out`` elsewhere; training needs PyTorch,
installed from its CPU index: docs/tagger.md). An ``--out`` ending in ``.crfsuite`` trains a
CRF of CRFsuite instead (the model shipped before the network; python-crfsuite, in the
``tagger-data`` extra). Only the strings of training styles (``"split": "train"``) are read: the
validation styles, on which every choice is measured, and the held-out styles, measured once at
the end, stay for ``bench/bench_tagger_heldout.py``, so the shipped model is the one that bench
measures. The features are `bibnorm.readers.tagger.token_features`, the same the reading uses.
The network is trained on one thread from a fixed seed over the file's rows in order, so the
same file and the same PyTorch give the same weights; CRFsuite's L-BFGS is deterministic too.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MODEL = ROOT / "normalizer" / "data" / "reference-tagger.npz"
# L1 keeps the model small (most features get weight 0), L2 smooths the rest. The first model
# (15,000 strings, measured then on the held-out styles): c1 0.05 read 83.7% of titles, 0.3 86.1%,
# 1.0 86.0%. On the validation styles with 38,895 strings of 1,302 styles: 0.3 90.0%, 0.6 90.8%, 1.0
# 90.9% — but the larger ones' marginals are flatter, so the reader, which drops the rules' title
# only where the model is sure of other fields, invented more titles (28 and 34 of 138 untitled
# strings against 27). c2 0.01 and 0.2 moved nothing (docs/tagger.md).
PARAMETERS = {
    "c1": 0.3,
    "c2": 0.05,
    "max_iterations": 120,
    "feature.possible_transitions": True,
    "feature.minfreq": 2,
}


# The network's settings (scripts/train_tagger_network.py), chosen on the validation styles
# (docs/tagger.md): summed features of 64 dimensions, an LSTM of 96 per direction, a third of
# each token's features dropped at random while training, so that no one feature decides alone.
NETWORK: dict[str, object] = {
    "dimensions": 64,
    "hidden": 96,
    "feature_dropout": 0.3,
    "dropout": 0.4,
    "epochs": 6,
    "min_count": 2,
    "seed": 1,
}


# The cue words of an edition, as the words "pp." and "vol." are the pages' and the volume's: the
# word a style prints after an edition's own ("3rd ed.", "Second edition", "2. Aufl.", "2e éd.").
# The data made before the ninth version labelled them `edition` where a CSL style printed the
# edition as it was given (`_listed_variant`'s "2nd edn") and biblatex's `edition` field holds the
# cue, `other` where the style printed the cue itself: 154 strings the one way, 771 the other.
EDITION_CUES = frozenset(
    ("ed", "edn", "edition", "editions", "aufl", "auflage", "éd", "édition", "edición", "edizione", "izd")
)


def edition_cues_as_other(labels: list[str], tokens: list[str]) -> list[str]:
    """``labels`` with an edition's cue word (`EDITION_CUES`, "ed." of "3rd ed.") labelled `other`,
    the edition's own word ("3rd", "Second", "third") kept `edition`: one label for the cue in
    every file, whichever generator made it."""
    return [
        "other" if label == "edition" and token.strip(".,;:()[]").casefold() in EDITION_CUES else label
        for token, label in zip(tokens, labels, strict=True)
    ]


def training_rows(
    data: Path, split: str = "train", edition_cues: bool = False
) -> Iterable[dict[str, object]]:
    """The rows of one split (train, validation, heldout) of ``data``; with ``edition_cues``, an
    edition's cue word labelled `other` (`edition_cues_as_other`: the ninth version's data, not the
    shipped model's, which was trained on the labels as the files give them)."""
    with data.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["split"] == split:
                if edition_cues:
                    row["labels"] = edition_cues_as_other(row["labels"], row["tokens"])
                yield row


def training_rows_of(files: Sequence[Path], edition_cues: bool = False) -> Iterable[dict[str, object]]:
    """The training rows of several files in order, a row printed alike (style, text, labels)
    by two of them once: the versions of the data (docs/tagger.md) share most strings."""
    seen: set[tuple[object, ...]] = set()
    for data in files:
        for row in training_rows(data, edition_cues=edition_cues):
            printed = (row["style"], row["text"], tuple(row["labels"]))  # type: ignore[arg-type]
            if printed not in seen:
                seen.add(printed)
                yield row


def train(
    rows: Iterable[dict[str, object]],
    out: Path,
    verbose: bool = False,
    parameters: dict[str, object] | None = None,
) -> int:
    """Train on ``rows`` (tokens and labels), write the model to ``out`` — the network for
    ``.npz``, a CRFsuite model for ``.crfsuite`` —; the number of strings. ``parameters`` override
    `NETWORK` or `PARAMETERS` (the bench tries others on the validation styles)."""
    if out.suffix == ".npz":
        # PyTorch is imported only to train one; the scripts are no package: loaded by path
        spec = importlib.util.spec_from_file_location(
            "train_tagger_network", HERE / "train_tagger_network.py"
        )
        network = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(network)  # type: ignore[union-attr]
        return network.train_network(list(rows), out, {**NETWORK, **(parameters or {})}, verbose)
    import pycrfsuite
    from bibnorm.readers.tagger import token_features

    trainer = pycrfsuite.Trainer(verbose=verbose)
    count = 0
    for row in rows:
        tokens = list(row["tokens"])  # type: ignore[call-overload]
        trainer.append(token_features(tokens), list(row["labels"]))  # type: ignore[call-overload]
        count += 1
    trainer.set_params({**PARAMETERS, **(parameters or {})})
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".partial")
    trainer.train(str(partial))
    partial.replace(out)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        action="append",
        required=True,
        help="make_tagger_data.py's JSON-lines file; several: their training rows, each printed string once",
    )
    parser.add_argument(
        "--out", type=Path, default=MODEL, help=f"the model to write (default {MODEL.relative_to(ROOT)})"
    )
    parser.add_argument(
        "--edition-cues-as-other",
        action="store_true",
        help="label an edition's cue word ('ed.' of '3rd ed.') no field's in every file, as the ninth "
        "version's data does (the shipped model was trained without)",
    )
    arguments = parser.parse_args(argv)
    missing = next((data for data in arguments.data if not data.is_file()), None)
    if missing is not None:
        print(
            f"train_tagger: no such file: {missing} (make it with scripts/make_tagger_data.py)",
            file=sys.stderr,
        )
        return 1
    started = time.perf_counter()
    count = train(training_rows_of(arguments.data, arguments.edition_cues_as_other), arguments.out)
    size = arguments.out.stat().st_size
    print(
        f"{count} strings, {time.perf_counter() - started:.0f} s, {size / 1e6:.2f} MB -> {arguments.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
