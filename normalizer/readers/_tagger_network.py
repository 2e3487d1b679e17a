"""The reference tagger's network, read with numpy: each token's features summed into a vector,
a bidirectional LSTM over the whole string, and a linear-chain CRF over the labels.

The CRF of python-crfsuite sees a token through its own features and those of a few neighbours
(`tagger.token_features`). Where a title ends is often told farther away — the venue's words a
clause later, the year after it — so the network reads the same features through an LSTM run
over the whole string in both directions, and a CRF on top keeps the labels' order. The weights
are a data file (``reference-tagger.npz``) that ``scripts/train_tagger_network.py`` trains with
PyTorch; reading needs only numpy, the same arithmetic. Strings read together (`read_many`,
`Tagger.tag_many`) are stepped together, which is most of the speed: numpy's cost is per call.

The file holds:
- ``features``: the feature strings the network knows, UTF-8, one per line, in the order of the
  embedding's rows from row 1 (row 0 is "no known feature"); ``labels``: the labels, likewise,
  in the order of the outputs;
- ``embedding`` (features + 1, D) as bytes, each row times its ``embedding_scale``;
- ``lstm_{forward,backward}_{input,hidden,bias}``: the two directions' input and hidden weights
  and bias, in PyTorch's gate order (input, forget, cell, output);
- ``out_weight``, ``out_bias``: the labels' scores from the LSTM's states and the summed features;
- ``transitions`` (L, L), ``start``, ``end``: the CRF's.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from functools import partial
from itertools import chain, repeat

import numpy as np
from threadpoolctl import ThreadpoolController

_DIRECTIONS = ("forward", "backward")
# The matrices are small: BLAS's threads cost more than they save (with them the network ran at a
# third of its speed on two cores), and a reader running one process per core wants none.
_ONE_THREAD = partial(ThreadpoolController().limit, limits=1, user_api="blas")
_BATCH = 64  # strings stepped together
_MANY_TOKENS = 256  # where summing each count of rows at once (`_sums`) beats reduceat's call per token
# The groups whose rows a network keeps (`_GroupRows`): a reader's whole run of documents sees
# some hundred thousand (a distinct word's own features, a chunk's), each a few dozen bytes.
_GROUPS_KEPT = 500_000
_ROW = np.dtype(np.int64)  # a group's rows as `_GroupRows` keeps them: array's "q"

Groups = Sequence[tuple[str, ...]]
"""A token's features as the groups they are made of (`tagger.token_feature_groups`), in order."""


class _GroupRows(dict[tuple[str, ...], bytes]):
    """Each group of features' embedding rows (0 for a feature the network does not know),
    worked out on first sight — the groups recur from token to token —, as the bytes of int64
    numbers (`_ROW`): many groups' rows are joined as bytes at once, far faster than as numbers
    one by one."""

    def __init__(self, row: dict[str, int]) -> None:
        super().__init__()
        self._row = row

    def __missing__(self, group: tuple[str, ...]) -> bytes:
        if len(self) >= _GROUPS_KEPT:
            self.clear()
        rows = self[group] = array("q", map(self._row.get, group, repeat(0))).tobytes()
        return rows


def _starts(counts: np.ndarray) -> np.ndarray:
    """Where each of runs of ``counts`` items starts in all of them."""
    starts = np.zeros(len(counts), np.intp)
    np.cumsum(counts[:-1], out=starts[1:])
    return starts


class TaggerNetwork:
    """A loaded network: `read_many` gives the labels of each string's tokens and each token's
    posterior probability of every label."""

    def __init__(self, path: str) -> None:
        with np.load(path, allow_pickle=False) as arrays:
            weights = {name: arrays[name] for name in arrays.files}
        self.labels = tuple(bytes(weights.pop("labels")).decode().split("\n"))
        features = bytes(weights.pop("features")).decode().split("\n")
        self._group_rows = _GroupRows({feature: row for row, feature in enumerate(features, start=1)})
        scale = weights.pop("embedding_scale")
        floats = {name: array.astype(np.float32) for name, array in weights.items()}
        self._embedding = floats["embedding"] * scale[:, None]
        self._embedding[0] = 0.0  # what an unknown feature reads: nothing (training never moves it)
        self._lstm = _BothDirections(floats)
        self._out_weight = floats["out_weight"].T.copy()
        self._out_bias = floats["out_bias"]
        self._crf = _Crf(weights["transitions"], weights["start"], weights["end"])

    def _summed(self, strings: Sequence[Sequence[Groups]]) -> np.ndarray:
        """The strings' tokens' features' embeddings summed, through tanh: (tokens, D), the
        strings' tokens one after the other. A feature the network does not know reads row 0,
        which is zero, and a token without features nothing. Each group of features is turned
        into rows once (`_GroupRows`); many tokens' rows are summed a count of rows at a time
        (`_sums`), a few tokens' by reduceat, whose cost is per token: the same sums."""
        tokens = [groups for string in strings for groups in string]
        rows_of_groups = list(map(self._group_rows.__getitem__, chain.from_iterable(tokens)))
        sizes = np.fromiter(map(len, rows_of_groups), np.intp, len(rows_of_groups)) // _ROW.itemsize
        counts = np.add.reduceat(sizes, _starts(np.fromiter(map(len, tokens), np.intp, len(tokens))))
        rows = np.frombuffer(b"".join(rows_of_groups), _ROW)
        if len(tokens) < _MANY_TOKENS:
            # a token without features reads row 0
            rows = np.insert(rows, _starts(counts)[counts == 0], 0) if (counts == 0).any() else rows
            summed = np.add.reduceat(self._embedding[rows], _starts(np.maximum(counts, 1)), axis=0)
        else:
            starts = _starts(counts)
            summed = np.empty((len(tokens), self._embedding.shape[1]), np.float32)
            for count in np.unique(counts).tolist():
                alike = np.flatnonzero(counts == count)
                summed[alike] = _sums(self._embedding[rows[starts[alike, None] + np.arange(count)]])
        return np.tanh(summed)

    def clear_groups(self) -> None:
        """Forget the groups' rows worked out so far (`_GroupRows`): a measure of speed starts cold."""
        self._group_rows.clear()

    def _scores_of_many(self, strings: Sequence[Sequence[Groups]], places: _Places) -> np.ndarray:
        """The strings' tokens' scores of each label before the CRF, (tokens, labels), the
        strings' tokens one after the other."""
        summed = self._summed(strings)
        with _ONE_THREAD():
            inputs = np.concatenate([self._lstm.states_of_many(summed, places), summed], axis=1)
            # one product per string: BLAS sums a product's terms in an order that depends on the
            # matrix's height, and the readings were measured with each string's own
            return np.concatenate(
                [string @ self._out_weight + self._out_bias for string in places.split(inputs)]
            )

    def scores(self, tokens: Sequence[Sequence[str]]) -> np.ndarray:
        """Each token's score of each label before the CRF: (tokens, labels)."""
        return self._scores_of_many([_one_group(tokens)], _Places([len(tokens)]))

    def read(self, tokens: Sequence[Sequence[str]]) -> tuple[list[int], np.ndarray]:
        """The likeliest labels' indices (Viterbi) and each token's posterior of every label
        (forward-backward), for one string's tokens' feature groups."""
        return self.read_many([tokens])[0]

    def read_many(self, strings: Sequence[Sequence[Sequence[str]]]) -> list[tuple[list[int], np.ndarray]]:
        """`read` of each string, the strings' steps taken together: the same readings at a
        fraction of the cost of one call per string, which is most of it numpy's per call."""
        return self.read_grouped([_one_group(tokens) for tokens in strings])

    def read_grouped(self, strings: Sequence[Sequence[Groups]]) -> list[tuple[list[int], np.ndarray]]:
        """`read_many` of strings whose tokens' features come in their groups (`Groups`, at
        least one per token): a group's rows are looked up once, not each of its features on
        each token."""
        order = sorted(range(len(strings)), key=lambda at: len(strings[at]))
        read: list[tuple[list[int], np.ndarray]] = [([], np.empty(0))] * len(strings)
        # strings of about one length together: each batch steps as far as its longest
        for start in range(0, len(order), _BATCH):
            batch = order[start : start + _BATCH]
            places = _Places([len(strings[at]) for at in batch])
            scores = self._scores_of_many([strings[at] for at in batch], places)
            for at, reading in zip(
                batch, self._crf.read_many(scores.astype(np.float64), places), strict=True
            ):
                read[at] = reading
        return read


class _Places:
    """Where each token of a batch of strings stands, the strings' tokens one after the other:
    its string's number, its step from the string's first token and from its last (the
    backward direction's step). The LSTM and the CRF step every string at once, each in a
    padded row of its own (`padded`); their outputs come back token by token, and as each
    string's (`split`)."""

    def __init__(self, lengths: Sequence[int]) -> None:
        self.lengths = np.array(lengths, np.intp)
        self.starts = _starts(self.lengths)
        self.longest = int(self.lengths.max())
        self.string = np.repeat(np.arange(len(lengths)), self.lengths)
        self.step = np.arange(len(self.string)) - self.starts[self.string]
        self.back = self.lengths[self.string] - 1 - self.step

    def padded(self, flat: np.ndarray, steps_first: bool) -> np.ndarray:
        """``flat``'s rows, (tokens, …), in each string's row in both directions: (2, strings,
        steps, …), or with ``steps_first`` (2, steps, strings, …); zeros after a string's end."""
        shape = (2, self.longest, len(self.lengths)) if steps_first else (2, len(self.lengths), self.longest)
        padded = np.zeros((*shape, *flat.shape[1:]), flat.dtype)
        for direction, step in enumerate((self.step, self.back)):
            if steps_first:
                padded[direction, step, self.string] = flat
            else:
                padded[direction, self.string, step] = flat
        return padded

    def split(self, flat: np.ndarray) -> list[np.ndarray]:
        """``flat``'s rows, (tokens, …), as each string's."""
        return np.split(flat, self.starts[1:])


def _sums(rows: np.ndarray) -> np.ndarray:
    """Each token's rows summed, (tokens, rows, D) to (tokens, D), in the order np.add.reduceat
    sums a run of rows — its first row plus numpy's pairwise sum of the others (`_pairwise`) —,
    the order the readings were measured in: float32 sums in another order differ in their last
    bits, which the LSTM carries to the sixth decimal of a marginal. One call per row, not per
    token and row, as reduceat's."""
    return rows.sum(axis=1) if rows.shape[1] <= 1 else rows[:, 0] + _pairwise(rows[:, 1:])


def _pairwise(rows: np.ndarray) -> np.ndarray:
    """numpy's pairwise summation over axis 1: under eight rows one after the other from zero;
    up to 128, eight running sums over blocks of eight, joined in pairs, then the rows left one
    after the other; beyond, each half's (cut at a multiple of eight), added."""
    count = rows.shape[1]
    if count > 128:
        half = count // 2 - count // 2 % 8
        return _pairwise(rows[:, :half]) + _pairwise(rows[:, half:])
    if count < 8:
        total = np.zeros((rows.shape[0], rows.shape[2]), rows.dtype)
        for row in range(count):
            total += rows[:, row]
        return total
    blocks = count - count % 8
    running = rows[:, :8].copy()
    for block in range(8, blocks, 8):
        running += rows[:, block : block + 8]
    pairs = running[:, 0::2] + running[:, 1::2]
    total = (pairs[:, 0] + pairs[:, 1]) + (pairs[:, 2] + pairs[:, 3])
    for row in range(blocks, count):
        total += rows[:, row]
    return total


def _one_group(tokens: Sequence[Sequence[str]]) -> list[Groups]:
    """Each token's features as one group."""
    return [(tuple(features),) for features in tokens]


class _BothDirections:
    """The bidirectional LSTM, both directions stepped together: the forward one's step t beside
    the backward one's step T−1−t, each direction's hidden weights applied in one stacked
    product (directions, strings, 4 × hidden), gates in PyTorch's order (input, forget, cell,
    output)."""

    def __init__(self, floats: dict[str, np.ndarray]) -> None:
        self._size = size = floats["lstm_forward_hidden"].shape[1]
        # sigmoid(x) = (tanh(x / 2) + 1) / 2: one tanh for every gate, the cell's gate unhalved.
        # The weights come halved: a power of two scales every product and sum exactly. Each is
        # row-major, as it always was: BLAS sums a transposed matrix's products in another order.
        self._half = np.full(4 * size, 0.5, np.float32)
        self._half[2 * size : 3 * size] = 1.0
        self._shift = self._half.copy()
        self._shift[2 * size : 3 * size] = 0.0
        self._input = [
            np.ascontiguousarray(floats[f"lstm_{name}_input"].T * self._half) for name in _DIRECTIONS
        ]
        self._bias = [floats[f"lstm_{name}_bias"] * self._half for name in _DIRECTIONS]
        self._hidden = np.stack([floats[f"lstm_{name}_hidden"].T * self._half for name in _DIRECTIONS])

    def states_of_many(self, inputs: np.ndarray, places: _Places) -> np.ndarray:
        """Each token's [forward state, backward state] (tokens, 2 × hidden), the strings'
        tokens (``inputs``, as `_Places` lays them out) all stepped at once. Every string takes
        its steps first in both directions (the backward one reads it reversed), so the padding
        after them changes none of its states."""
        size = self._size
        aligned = places.padded(inputs, steps_first=True)  # (directions, steps, strings, D)
        steps = [aligned[direction] @ self._input[direction] + self._bias[direction] for direction in (0, 1)]
        both = np.stack(steps, axis=1)  # (steps, directions, strings, 4 × hidden)
        hidden = np.zeros((2, len(places.lengths), size), np.float32)
        cell = np.zeros((2, len(places.lengths), size), np.float32)
        states = np.empty((places.longest, 2, len(places.lengths), size), np.float32)
        for step, gates in enumerate(both):  # a few calls a step, in place: numpy's cost is per call
            active = np.matmul(hidden, self._hidden)
            active += gates
            np.tanh(active, out=active)
            active *= self._half
            active += self._shift
            cell *= active[..., size : 2 * size]
            cell += active[..., :size] * active[..., 2 * size : 3 * size]
            hidden = np.multiply(active[..., 3 * size :], np.tanh(cell), out=states[step])
        return np.concatenate(
            [states[places.step, 0, places.string], states[places.back, 1, places.string]], axis=1
        )


class _Crf:
    """The linear-chain CRF over the labels: the likeliest path and each token's posteriors.
    Its weights are kept in float64, and exponentiated less their largest value: exp in float32
    overflows above 88 and reaches zero below −103, and every path of a string has one start,
    one end and as many transitions, so the shift changes no posterior."""

    def __init__(self, transitions: np.ndarray, start: np.ndarray, end: np.ndarray) -> None:
        self._transitions = transitions.astype(np.float64)
        self._start = start.astype(np.float64)
        self._end = end.astype(np.float64)
        self._start_factors = np.exp(self._start - self._start.max())
        self._end_factors = np.exp(self._end - self._end.max())
        factors = np.exp(self._transitions - self._transitions.max())
        self._both_factors = np.stack([factors, factors.T])  # the forward pass's, the backward one's

    def read_many(self, scores: np.ndarray, places: _Places) -> list[tuple[list[int], np.ndarray]]:
        """Each string's likeliest labels (Viterbi) and each token's posterior of every label
        (forward-backward), from the strings' tokens' scores (``scores``, as `_Places` lays them
        out), all strings stepped at once, each from its first token (Viterbi, the forward pass)
        and from its last (the backward pass): what a string's steps read is its own, the
        padding after it is never read."""
        padded = places.padded(scores, steps_first=False)  # (directions, strings, steps, labels)
        paths = self._likeliest(padded[0], places)
        forward, backward = self._passes(np.exp(padded - padded.max(axis=3, keepdims=True)))
        posteriors = forward[places.string, places.step] * backward[places.string, places.back]
        posteriors /= posteriors.sum(axis=1, keepdims=True)
        return list(
            zip(
                (path.tolist() for path in places.split(paths[places.string, places.step])),
                places.split(posteriors),
                strict=True,
            )
        )

    def _likeliest(self, scores: np.ndarray, places: _Places) -> np.ndarray:
        """Viterbi: each string's best score of a path to each label at each step and the label
        it came from; its path traced back from its own last step, every string's at once:
        (strings, steps), the steps after a string's end meaningless."""
        best = np.empty_like(scores)
        back = np.empty(scores.shape, np.intp)
        best[:, 0] = self._start + scores[:, 0]
        for step in range(1, scores.shape[1]):
            candidates = best[:, step - 1, :, None] + self._transitions
            back[:, step] = candidates.argmax(axis=1)
            best[:, step] = candidates.max(axis=1) + scores[:, step]
        strings = np.arange(len(places.lengths))
        last = (best[strings, places.lengths - 1] + self._end).argmax(axis=1)
        paths = np.empty(scores.shape[:2], np.intp)
        label = last
        for step in range(scores.shape[1] - 1, -1, -1):
            # a string's trace starts at its own last step; before, its labels are never read
            label = np.where(places.lengths - 1 == step, last, label)
            paths[:, step] = label
            label = back[strings, step, label]
        return paths

    def _passes(self, emitted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Forward-backward on the scores' exponentials (``emitted``, as `read_many` pads them),
        both passes stepped together: the forward pass from each string's first token, the
        backward one from its last, each step rescaled to sum to one (no overflow). The forward
        values of each token, and the backward ones in the backward pass's order (its own
        emission not in them)."""
        ahead = np.stack([self._start_factors * emitted[0, :, 0], self._end_factors * emitted[1, :, 0]])
        forward = np.empty_like(emitted[0])
        backward = np.empty_like(emitted[1])
        backward[:, 0] = self._end_factors
        for step in range(emitted.shape[2]):
            if step:
                moved = ahead @ self._both_factors
                backward[:, step] = moved[1]
                ahead = moved * emitted[:, :, step]
            ahead /= ahead.sum(axis=2, keepdims=True)
            forward[:, step] = ahead[0]
        return forward, backward
