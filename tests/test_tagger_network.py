"""The reference tagger's network read with numpy (`bibnorm.readers._tagger_network`), on tiny
networks written here by hand, against oracles written here from the textbook:

- the emissions: a token's known features' embedding rows (int8 times the row's scale) summed,
  through tanh; an LSTM in PyTorch's gate order (input, forget, cell, output) read forwards and,
  with its own weights, backwards; a linear layer over [forward state, backward state, summed];
- the CRF: every label path enumerated, its score start + emissions + transitions + end, the
  posteriors its exponentials normalised and the Viterbi path the best of them.

Training (scripts/train_tagger_network.py) needs PyTorch, which the tests do not install.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from bibnorm.readers import _tagger_network, tagger
from bibnorm.readers._tagger_network import TaggerNetwork

FEATURES = ("w=smith", "year", "titlecase", "venue", "EOS")
LABELS = ("name", "title", "date")
D, H = 3, 2

Arrays = dict[str, np.ndarray]


def random_arrays(seed: int, labels: Sequence[str] = LABELS, features: Sequence[str] = FEATURES) -> Arrays:
    """A network's arrays as the file holds them: float32 weights, an int8 embedding whose rows
    each have their own scale, and every row (0 too) nonzero."""
    rng = np.random.default_rng(seed)
    rows = len(features) + 1

    def floats(*shape: int) -> np.ndarray:
        return rng.uniform(-1.0, 1.0, shape).astype(np.float32)

    arrays = {
        "features": np.array(features),
        "labels": np.array(labels),
        "embedding": rng.integers(-127, 128, (rows, D)).astype(np.int8),
        "embedding_scale": rng.uniform(0.002, 0.02, rows).astype(np.float32),
        "out_weight": floats(len(labels), 2 * H + D) * 2,
        "out_bias": floats(len(labels)),
        "transitions": floats(len(labels), len(labels)) * 2,
        "start": floats(len(labels)),
        "end": floats(len(labels)),
    }
    for direction in ("forward", "backward"):
        arrays[f"lstm_{direction}_input"] = floats(4 * H, D) * 2
        arrays[f"lstm_{direction}_hidden"] = floats(4 * H, H) * 2
        arrays[f"lstm_{direction}_bias"] = floats(4 * H)
    return arrays


def save(path: Path, arrays: Arrays) -> None:
    """The file as the training script writes it: the features' and labels' names as UTF-8
    bytes, one per line."""
    names = {
        key: np.frombuffer("\n".join(map(str, arrays[key])).encode(), np.uint8)
        for key in ("features", "labels")
    }
    np.savez(path, **{**arrays, **names})


def written(tmp_path: Path, arrays: Arrays, name: str = "tiny.npz") -> TaggerNetwork:
    path = tmp_path / name
    save(path, arrays)
    return TaggerNetwork(str(path))


def identity_arrays(seed: int) -> Arrays:
    """A network whose emissions are its summed features through tanh, one label per dimension:
    no LSTM in the output, no bias."""
    arrays = random_arrays(seed)
    arrays["out_weight"][:] = 0.0
    arrays["out_weight"][:, 2 * H :] = np.eye(D, dtype=np.float32)
    arrays["out_bias"][:] = 0.0
    return arrays


# ---- the oracles: plain Python floats and loops, nothing from the module under test ----


def sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-value))


def summed(arrays: Arrays, rows: Sequence[Sequence[int]]) -> list[list[float]]:
    """Each token's embedding rows (int8 times the row's scale) summed, through tanh; row 0,
    "no known feature", adds nothing, whatever the file holds there."""
    embedding, scale = arrays["embedding"], arrays["embedding_scale"]
    return [
        [math.tanh(sum(int(embedding[row][k]) * float(scale[row]) for row in token if row)) for k in range(D)]
        for token in rows
    ]


def lstm(arrays: Arrays, direction: str, inputs: Sequence[Sequence[float]]) -> list[list[float]]:
    """The LSTM's hidden state at each token, in token order; the backward direction starts at
    the last token."""
    weights_in = arrays[f"lstm_{direction}_input"].tolist()
    weights_hidden = arrays[f"lstm_{direction}_hidden"].tolist()
    bias = arrays[f"lstm_{direction}_bias"].tolist()
    order = range(len(inputs)) if direction == "forward" else range(len(inputs) - 1, -1, -1)
    hidden, cell = [0.0] * H, [0.0] * H
    states: list[list[float]] = [[] for _ in inputs]

    def gate(number: int, unit: int, x: Sequence[float]) -> float:
        at = number * H + unit
        return (
            bias[at]
            + sum(weights_in[at][j] * x[j] for j in range(D))
            + sum(weights_hidden[at][j] * hidden[j] for j in range(H))
        )

    for t in order:
        x = inputs[t]
        i = [sigmoid(gate(0, unit, x)) for unit in range(H)]
        f = [sigmoid(gate(1, unit, x)) for unit in range(H)]
        g = [math.tanh(gate(2, unit, x)) for unit in range(H)]
        o = [sigmoid(gate(3, unit, x)) for unit in range(H)]
        cell = [f[unit] * cell[unit] + i[unit] * g[unit] for unit in range(H)]
        hidden = [o[unit] * math.tanh(cell[unit]) for unit in range(H)]
        states[t] = hidden
    return states


def emissions(arrays: Arrays, rows: Sequence[Sequence[int]]) -> list[list[float]]:
    """Each token's score of each label: the output layer over [forward, backward, summed]."""
    inputs = summed(arrays, rows)
    forward, backward = lstm(arrays, "forward", inputs), lstm(arrays, "backward", inputs)
    weight, bias = arrays["out_weight"].tolist(), arrays["out_bias"].tolist()
    scores = []
    for t, x in enumerate(inputs):
        read = [*forward[t], *backward[t], *x]
        scores.append(
            [
                bias[label] + sum(w * v for w, v in zip(weight[label], read, strict=True))
                for label in range(len(bias))
            ]
        )
    return scores


def enumerated(arrays: Arrays, scores: Sequence[Sequence[float]]) -> tuple[list[int], list[list[float]]]:
    """Every label path scored (start + emissions + transitions + end): the best path, and
    each token's posterior of each label (the paths' exponentials, normalised)."""
    start, end, transitions = arrays["start"].tolist(), arrays["end"].tolist(), arrays["transitions"].tolist()
    count = len(start)
    paths = list(itertools.product(range(count), repeat=len(scores)))
    totals = []
    for path in paths:
        total = start[path[0]] + end[path[-1]] + sum(scores[t][label] for t, label in enumerate(path))
        total += sum(transitions[path[t - 1]][path[t]] for t in range(1, len(path)))
        totals.append(total)
    top = max(totals)
    weights = [math.exp(total - top) for total in totals]
    norm = sum(weights)
    posteriors = [[0.0] * count for _ in scores]
    for path, weight in zip(paths, weights, strict=True):
        for t, label in enumerate(path):
            posteriors[t][label] += weight / norm
    return list(paths[totals.index(top)]), posteriors


def logsumexp(values: Sequence[float]) -> float:
    top = max(values)
    return top + math.log(math.fsum(math.exp(value - top) for value in values))


def summed_over_paths(arrays: Arrays, scores: Sequence[Sequence[float]]) -> list[list[float]]:
    """The posteriors of `enumerated` by the forward-backward sums in logarithms, for strings too
    long to enumerate."""
    start, end, transitions = arrays["start"].tolist(), arrays["end"].tolist(), arrays["transitions"].tolist()
    labels = range(len(start))
    forward = [[start[label] + scores[0][label] for label in labels]]
    for row in scores[1:]:
        forward.append(
            [logsumexp([forward[-1][i] + transitions[i][j] for i in labels]) + row[j] for j in labels]
        )
    backward = [list(end)]
    for row in reversed(scores[1:]):
        backward.insert(
            0, [logsumexp([transitions[i][j] + row[j] + backward[0][j] for j in labels]) for i in labels]
        )
    total = logsumexp([forward[-1][label] + end[label] for label in labels])
    return [
        [math.exp(f[label] + b[label] - total) for label in labels]
        for f, b in zip(forward, backward, strict=True)
    ]


def string_of(length: int, seed: int) -> tuple[list[list[str]], list[list[int]]]:
    """A string of ``length`` tokens: each token's features (one to three known ones, sometimes an
    unknown one among them) and the embedding rows they name."""
    rng = np.random.default_rng(seed)
    features, rows = [], []
    for _ in range(length):
        chosen = sorted(rng.choice(len(FEATURES), size=int(rng.integers(1, 4)), replace=False).tolist())
        names = [FEATURES[at] for at in chosen]
        if rng.random() < 0.5:
            names.insert(int(rng.integers(0, len(names) + 1)), "unknown=feature")
        features.append(names)
        rows.append([at + 1 for at in chosen])
    return features, rows


LENGTHS = [pytest.param(length, id=f"{length} tokens") for length in range(1, 6)]


# ---- the specifications ----


@pytest.mark.parametrize("length", LENGTHS)
def test_the_emissions_are_the_lstm_of_the_textbook_over_the_summed_features(
    tmp_path: Path, length: int
) -> None:
    arrays = random_arrays(seed=length)
    features, rows = string_of(length, seed=100 + length)
    got = written(tmp_path, arrays).scores(features)
    assert got.shape == (length, len(LABELS))
    assert got == pytest.approx(np.array(emissions(arrays, rows)), abs=1e-5)


@pytest.mark.parametrize("length", LENGTHS)
def test_the_posteriors_are_the_normalised_sum_over_every_label_path(tmp_path: Path, length: int) -> None:
    arrays = random_arrays(seed=10 + length)
    features, rows = string_of(length, seed=200 + length)
    _, posteriors = written(tmp_path, arrays).read(features)
    assert posteriors.shape == (length, len(LABELS))
    assert posteriors.sum(axis=1) == pytest.approx(np.ones(length), abs=1e-9)
    assert posteriors == pytest.approx(np.array(enumerated(arrays, emissions(arrays, rows))[1]), abs=1e-5)


@pytest.mark.parametrize("seed", [pytest.param(seed, id=f"seed {seed}") for seed in range(6)])
@pytest.mark.parametrize("length", LENGTHS)
def test_the_viterbi_path_is_the_best_scored_label_path(tmp_path: Path, length: int, seed: int) -> None:
    arrays = random_arrays(seed=20 + 7 * length + seed)
    features, rows = string_of(length, seed=300 + 7 * length + seed)
    path, _ = written(tmp_path, arrays).read(features)
    assert path == enumerated(arrays, emissions(arrays, rows))[0]


def test_a_transition_the_crf_all_but_forbids_is_not_taken(tmp_path: Path) -> None:
    arrays = identity_arrays(seed=3)  # each token's scores: its one feature's row through tanh
    arrays["embedding"][1:3] = [[127, -127, -127], [0, 127, -127]]  # "w=smith" is "name", "year" "title"
    arrays["embedding_scale"][1:3] = 0.01
    arrays["start"][:] = arrays["end"][:] = arrays["transitions"][:] = 0.0
    rows = [[1], [2]]
    assert enumerated(arrays, emissions(arrays, rows))[0] == [0, 1]
    arrays["transitions"][0, 1] = -60.0  # "name" before "title": practically never

    path, posteriors = written(tmp_path, arrays).read([["w=smith"], ["year"]])

    assert path == enumerated(arrays, emissions(arrays, rows))[0] == [0, 0]
    assert posteriors == pytest.approx(np.array(enumerated(arrays, emissions(arrays, rows))[1]), abs=1e-6)


def test_the_backward_direction_carries_the_last_token_to_the_first(tmp_path: Path) -> None:
    arrays = random_arrays(seed=4)
    arrays["out_weight"][:, :H] = 0.0  # the labels read the backward states alone
    arrays["out_weight"][:, 2 * H :] = 0.0
    network = written(tmp_path, arrays)
    ending_in_year = network.scores([["w=smith"], ["year"]])
    ending_in_venue = network.scores([["w=smith"], ["venue"]])
    assert np.abs(ending_in_year[0] - ending_in_venue[0]).max() > 1e-3
    assert ending_in_year == pytest.approx(np.array(emissions(arrays, [[1], [2]])), abs=1e-5)


def test_the_forward_direction_carries_the_first_token_to_the_last(tmp_path: Path) -> None:
    arrays = random_arrays(seed=5)
    arrays["out_weight"][:, H:] = 0.0  # the labels read the forward states alone
    network = written(tmp_path, arrays)
    opening_with_year = network.scores([["year"], ["EOS"]])
    opening_with_venue = network.scores([["venue"], ["EOS"]])
    assert np.abs(opening_with_year[1] - opening_with_venue[1]).max() > 1e-3
    assert opening_with_venue == pytest.approx(np.array(emissions(arrays, [[4], [5]])), abs=1e-5)


# An embedding of distinct rows, each with its own scale: row 0 ("no known feature", which the
# reader reads as nothing: training never moves it from zero, but this file's is not), then
# "w=smith", "year", "titlecase", "venue", "EOS"; each row's values (bytes times scale) noted.
EMBEDDING = [[-80, 60, 127], [10, 20, -30], [100, -50, 7], [1, -1, 0], [-40, 20, 8], [5, 5, 5]]
SCALES = [0.01, 0.02, 0.005, 3.0, 0.0125, 2.0]  # row 0 [-.8, .6, 1.27]; w=smith [.2, .4, -.6];
# year [.5, -.25, .035]; venue [-.5, .25, .1]

INPUTS = [
    pytest.param(["year"], [0.5, -0.25, 0.035], id="one feature: its bytes times its row's scale"),
    pytest.param(["w=smith", "year"], [0.7, 0.15, -0.565], id="two features: their rows summed"),
    pytest.param(["venue", "never-seen", "w=smith"], [-0.3, 0.65, -0.5], id="an unknown feature ignored"),
    pytest.param([], [0.0, 0.0, 0.0], id="no feature: nothing"),
    pytest.param(["never-seen", "w=nobody"], [0.0, 0.0, 0.0], id="no known feature: nothing"),
]


@pytest.mark.parametrize(("token", "before_tanh"), INPUTS)
def test_a_tokens_input_is_its_known_features_rows_summed_through_tanh(
    tmp_path: Path, token: list[str], before_tanh: list[float]
) -> None:
    arrays = identity_arrays(seed=6)
    arrays["embedding"][:] = EMBEDDING
    arrays["embedding_scale"][:] = SCALES
    got = written(tmp_path, arrays).scores([token])
    assert got[0] == pytest.approx([math.tanh(value) for value in before_tanh], abs=1e-6)


def test_a_tokens_unknown_features_are_ignored(tmp_path: Path) -> None:
    arrays = random_arrays(seed=8)
    network = written(tmp_path, arrays)
    with_unknown = network.scores([["never-seen", "year", "w=nobody"], ["venue", "EOS=no"]])
    assert with_unknown == pytest.approx(np.array(emissions(arrays, [[2], [4]])), abs=1e-5)
    assert with_unknown == pytest.approx(network.scores([["year"], ["venue"]]), abs=0)


def test_features_given_in_groups_read_as_the_same_features_given_whole(tmp_path: Path) -> None:
    arrays = random_arrays(seed=21)
    network = written(tmp_path, arrays)
    features, rows = string_of(5, seed=22)
    # each token's first feature a group, then none, then the rest; a group recurs on every token
    grouped = [(tuple(token[:1]), (), tuple(token[1:]), ("year",)) for token in features]
    whole = [[*token, "year"] for token in features]
    [(path, posteriors)] = network.read_grouped([grouped])
    expected_path, expected = enumerated(arrays, emissions(arrays, [[*row, 2] for row in rows]))
    assert path == expected_path
    assert posteriors == pytest.approx(np.array(expected), abs=1e-5)
    assert network.read(whole)[1] == pytest.approx(posteriors, abs=0)


@pytest.mark.parametrize(
    "count", [pytest.param(count, id=f"{count} rows") for count in (1, 2, 7, 8, 9, 16, 23, 128, 129, 300)]
)
def test_a_tokens_rows_are_summed_as_numpys_reduceat_sums_them_bit_for_bit(count: int) -> None:
    # float32 sums in another order differ in their last bits, and the LSTM carries that on
    rows = np.random.default_rng(count).normal(0.0, 1.0, (5, count, 4)).astype(np.float32)
    by_reduceat = np.add.reduceat(rows.reshape(5 * count, 4), np.arange(0, 5 * count, count), axis=0)
    assert (_tagger_network._sums(rows) == by_reduceat).all()


def test_many_tokens_read_the_emissions_of_the_textbook_too(tmp_path: Path) -> None:
    # 300 tokens: their rows are summed a count of rows at a time, not token by token
    arrays = random_arrays(seed=23)
    features, rows = string_of(300, seed=24)
    features[7], rows[7] = [], []  # a token without features reads nothing
    got = written(tmp_path, arrays).scores(features)
    assert got == pytest.approx(np.array(emissions(arrays, rows)), abs=1e-5)


def test_a_token_with_no_known_feature_reads_nothing_through_the_lstm(tmp_path: Path) -> None:
    arrays = random_arrays(seed=10)
    got = written(tmp_path, arrays).scores([["year"], ["nothing-known"], ["venue", "EOS"]])
    assert got == pytest.approx(np.array(emissions(arrays, [[2], [0], [4, 5]])), abs=1e-5)


def large(arrays: Arrays, size: float, scaled: Sequence[str]) -> Arrays:
    """``arrays`` with the emissions (``out_weight``, ``out_bias``) or the CRF's own arrays
    scaled so that their largest values are near ±``size`` (the emissions also raised by it)."""
    if "emissions" in scaled:
        arrays["out_weight"] *= size / 3
        arrays["out_bias"] *= size / 2
        # every label raised alike: the posteriors do not change, but exp(score) would overflow
        arrays["out_bias"] += size
    for name in ("start", "end", "transitions"):
        if name in scaled:
            arrays[name] *= size / np.abs(arrays[name]).max()
    return arrays


LARGE = [
    pytest.param(200, ("emissions",), id="emissions to ±200"),
    pytest.param(1000, ("emissions",), id="emissions to ±1000"),
    pytest.param(200, ("start", "end"), id="start and end to ±200"),
    pytest.param(200, ("transitions",), id="transitions to ±200"),
    pytest.param(300, ("transitions",), id="transitions to ±300"),
    pytest.param(200, ("emissions", "start", "end", "transitions"), id="all to ±200"),
]


@pytest.mark.parametrize(("size", "scaled"), LARGE)
def test_large_scores_give_finite_posteriors_and_the_right_path(
    tmp_path: Path, size: int, scaled: tuple[str, ...]
) -> None:
    arrays = large(random_arrays(seed=11), size, scaled)
    features, rows = string_of(5, seed=12)
    scores = emissions(arrays, rows)
    if "emissions" in scaled:
        assert max(abs(value) for row in scores for value in row) > size / 2  # large indeed
    path, posteriors = written(tmp_path, arrays).read(features)
    assert np.isfinite(posteriors).all()
    assert posteriors.sum(axis=1) == pytest.approx(np.ones(5), abs=1e-9)
    best, expected = enumerated(arrays, scores)
    assert path == best
    assert posteriors == pytest.approx(np.array(expected), abs=1e-4)


@pytest.mark.parametrize("crf_array", ["start", "end"])
def test_a_label_the_crf_disfavours_beyond_float32s_range_keeps_its_posterior(
    tmp_path: Path, crf_array: str
) -> None:
    arrays = identity_arrays(seed=17)
    arrays["out_bias"][:] = [0.0, 200.0, -200.0]  # every token's scores: "title" by far
    arrays["start"][:] = arrays["end"][:] = 0.0
    arrays[crf_array][:] = [0.0, -110.0, 0.0]  # less than "title" gains: exp(-110) is 0 in float32
    path, posteriors = written(tmp_path, arrays).read([["year"]])
    best, expected = enumerated(arrays, emissions(arrays, [[2]]))
    assert path == best == [1]
    assert posteriors == pytest.approx(np.array(expected), abs=1e-9)
    assert posteriors[0][1] == pytest.approx(1.0)


def test_every_transition_raised_alike_changes_nothing_even_beyond_exps_range(tmp_path: Path) -> None:
    arrays = random_arrays(seed=18)
    features, rows = string_of(4, seed=19)
    expected = enumerated(arrays, emissions(arrays, rows))
    arrays["transitions"] += 800  # exp(800) overflows even float64
    path, posteriors = written(tmp_path, arrays).read(features)
    assert path == expected[0]
    assert posteriors == pytest.approx(np.array(expected[1]), abs=1e-5)


def test_a_long_string_with_large_scores_keeps_its_posteriors(tmp_path: Path) -> None:
    arrays = large(random_arrays(seed=14), 200, ("emissions",))
    # every path lowered alike: the posteriors do not change, but sums left unscaled would vanish
    arrays["transitions"] -= 20
    _, short_rows = string_of(4, seed=15)
    assert np.array(summed_over_paths(arrays, emissions(arrays, short_rows))) == pytest.approx(
        np.array(enumerated(arrays, emissions(arrays, short_rows))[1]), abs=1e-12
    )  # the oracle for long strings agrees with enumeration where both can be run
    features, rows = string_of(400, seed=16)
    _, posteriors = written(tmp_path, arrays).read(features)
    assert np.isfinite(posteriors).all()
    assert posteriors == pytest.approx(np.array(summed_over_paths(arrays, emissions(arrays, rows))), abs=1e-4)


TEXT = "Smith J. A title. Nature 2020."


def test_the_tagger_reads_an_npz_model_through_the_network(tmp_path: Path) -> None:
    labels = ("other", "date", "title", "container")  # not the order of tagger.LABELS
    text_features = tagger.token_features([TEXT[start:end] for start, end in tagger.tokenize(TEXT)])
    known = ("w=smith", "year", "venue", "titlecase", "lower")
    assert all(any(name in token for token in text_features) for name in known)
    arrays = random_arrays(seed=13, labels=labels, features=known)
    arrays["out_weight"] *= 2
    path = tmp_path / "tiny-tagger.npz"
    save(path, arrays)
    rows = [[known.index(name) + 1 for name in token if name in known] or [0] for token in text_features]
    best, posteriors = enumerated(arrays, emissions(arrays, rows))

    read = tagger.Tagger(str(path)).tag(TEXT, weigh=True)

    assert read.tokens == ("Smith", "J.", "A", "title.", "Nature", "2020.")
    assert read.labels == tuple(labels[at] for at in best)
    assert len(set(read.labels)) > 1  # the tiny network does not call everything one thing
    assert read.marginals == pytest.approx([posteriors[t][at] for t, at in enumerate(best)], abs=1e-5)
    assert set(read.label_marginals) == set(tagger.WEIGHED_LABELS)
    for label in tagger.WEIGHED_LABELS:
        column = [posteriors[t][labels.index(label)] for t in range(len(best))]
        assert read.label_marginals[label] == pytest.approx(column, abs=1e-5)
    assert [field.label for field in read.fields] == [
        label for label, _ in itertools.groupby(read.labels) if label != "other"
    ]


def test_strings_read_together_read_as_each_alone(tmp_path: Path) -> None:
    """`read_many` steps strings of different lengths together (sorted, padded, in batches):
    each string's path and posteriors are those of its own reading, in the order given."""
    arrays = random_arrays(seed=21)
    network = written(tmp_path, arrays)
    names = [*FEATURES, "never-seen"]
    rng = np.random.default_rng(5)
    strings = [
        [[names[int(at)] for at in rng.integers(0, len(names), 2)] for _ in range(int(length))]
        for length in rng.integers(1, 9, 150)
    ]
    together = network.read_many(strings)
    assert len(together) == len(strings)
    for string, (path, posteriors) in zip(strings, together, strict=True):
        rows = [[FEATURES.index(name) + 1 for name in token if name in FEATURES] for token in string]
        best, expected = enumerated(arrays, emissions(arrays, rows)) if len(string) <= 5 else (None, None)
        alone_path, alone_posteriors = network.read(string)
        assert path == alone_path
        assert posteriors == pytest.approx(alone_posteriors, abs=1e-6)  # float32 sums in another order
        if best is not None:
            assert path == list(best)
            assert posteriors == pytest.approx(np.array(expected), abs=1e-5)
    assert network.read_many([]) == []


def test_the_tagger_tags_many_strings_as_it_tags_each(tmp_path: Path) -> None:
    labels = ("other", "date", "title", "container")
    arrays = random_arrays(
        seed=23, labels=labels, features=("w=smith", "year", "venue", "titlecase", "lower")
    )
    path = tmp_path / "tiny-tagger.npz"
    save(path, arrays)
    reader = tagger.Tagger(str(path))
    texts = [TEXT, "", "Nature 2020.", "Smith J. " * 7 + "A title. Nature 2020."]

    together = reader.tag_many(texts, weigh=True)

    assert [read.text for read in together] == texts
    assert together[1].tokens == () and together[1].fields == ()
    for read in together:
        alone = reader.tag(read.text, weigh=True)
        assert (read.labels, read.fields) == (alone.labels, alone.fields)
        assert read.marginals == pytest.approx(alone.marginals, abs=1e-6)
        assert set(read.label_marginals) == (set(tagger.WEIGHED_LABELS) if read.tokens else set())
