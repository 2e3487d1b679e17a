"""Train the reference tagger's network with PyTorch (``scripts/train_tagger.py`` calls it).

The network, read back with numpy by `bibnorm.readers._tagger_network` (whose docstring names the
arrays of the file written): each token's features (`bibnorm.readers.tagger.token_features`,
those seen at least ``min_count`` times) summed into a vector, a bidirectional LSTM over the
string, and a linear-chain CRF over the labels, trained on the CRF's negative log-likelihood.
A share of each token's features is dropped at random while training (``feature_dropout``), so
that a style no training string printed, whose words and neighbours the features have not seen
together, is read by what it shares with the others.
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from bibnorm.readers.tagger import LABELS, token_features
from torch import nn

BATCH = 32


class Network(nn.Module):
    def __init__(self, features: int, dimensions: int, hidden: int, dropout: float) -> None:
        super().__init__()
        self.embedding = nn.EmbeddingBag(features + 1, dimensions, mode="sum", padding_idx=0, sparse=True)
        self.dropout = nn.Dropout(dropout)
        self.lstm = nn.LSTM(dimensions, hidden, bidirectional=True, batch_first=True)
        self.out = nn.Linear(2 * hidden + dimensions, len(LABELS))
        self.transitions = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
        self.start = nn.Parameter(torch.zeros(len(LABELS)))
        self.end = nn.Parameter(torch.zeros(len(LABELS)))

    def scores(
        self, rows: torch.Tensor, offsets: torch.Tensor, lengths: list[int]
    ) -> tuple[torch.Tensor, torch.Tensor]:
        summed = self.embedding(rows, offsets)
        mask = torch.arange(max(lengths))[None, :] < torch.tensor(lengths)[:, None]
        padded = summed.new_zeros(len(lengths), max(lengths), summed.shape[1])
        padded[mask] = summed
        padded = torch.tanh(padded)
        packed = nn.utils.rnn.pack_padded_sequence(
            self.dropout(padded), torch.tensor(lengths), batch_first=True, enforce_sorted=False
        )
        states, _ = self.lstm(packed)
        states, _ = nn.utils.rnn.pad_packed_sequence(states, batch_first=True, total_length=max(lengths))
        return self.out(self.dropout(torch.cat([states, padded], -1))), mask

    def loss(self, scores: torch.Tensor, labels: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """The CRF's negative log-likelihood of the labels, averaged over the strings."""
        forward = self.start + scores[:, 0]
        gold = self.start[labels[:, 0]] + scores[:, 0].gather(1, labels[:, :1]).squeeze(1)
        for step in range(1, scores.shape[1]):
            on = mask[:, step]
            following = torch.logsumexp(
                forward[:, :, None] + self.transitions[None] + scores[:, step, None, :], 1
            )
            forward = torch.where(on[:, None], following, forward)
            taken = self.transitions[labels[:, step - 1], labels[:, step]]
            gold = gold + (taken + scores[:, step].gather(1, labels[:, step : step + 1]).squeeze(1)) * on
        last = labels.gather(1, (mask.sum(1) - 1)[:, None]).squeeze(1)
        return (torch.logsumexp(forward + self.end, 1) - gold - self.end[last]).mean()


def _batch(
    strings: list[tuple[list[list[int]], list[int]]], drop: float, chance: random.Random
) -> tuple[torch.Tensor, torch.Tensor, list[int], torch.Tensor]:
    rows: list[int] = []
    offsets: list[int] = []
    lengths = [len(tokens) for tokens, _ in strings]
    labels = torch.zeros(len(strings), max(lengths), dtype=torch.long)
    for number, (tokens, string_labels) in enumerate(strings):
        labels[number, : len(string_labels)] = torch.tensor(string_labels)
        for token in tokens:
            offsets.append(len(rows))
            kept = [row for row in token if chance.random() >= drop] if drop else token
            rows.extend(kept or (0,))
    return torch.tensor(rows), torch.tensor(offsets), lengths, labels


def train_network(rows: list[dict], out: Path, settings: dict[str, object], verbose: bool = False) -> int:
    """Train on ``rows``, write the network's arrays to ``out`` (``.npz``); the number of strings."""
    seed = int(settings["seed"])  # type: ignore[call-overload]
    torch.manual_seed(seed)
    torch.set_num_threads(1)  # one thread: the same weights on every machine, and no faster on two
    chance = random.Random(seed)
    features = [token_features(list(row["tokens"])) for row in rows]
    counts = Counter(name for string in features for token in string for name in token)
    known = sorted(name for name, count in counts.items() if count >= int(settings["min_count"]))  # type: ignore[call-overload]
    row_of = {name: row for row, name in enumerate(known, start=1)}
    label_of = {label: index for index, label in enumerate(LABELS)}
    strings = [
        (
            [[row_of[name] for name in token if name in row_of] or [0] for token in string],
            [label_of[label] for label in row["labels"]],
        )
        for string, row in zip(features, rows, strict=True)
    ]
    network = Network(
        len(known), int(settings["dimensions"]), int(settings["hidden"]), float(settings["dropout"])
    )  # type: ignore[call-overload, arg-type]
    dense = [parameter for name, parameter in network.named_parameters() if not name.startswith("embedding.")]
    optimisers = [
        torch.optim.SparseAdam(list(network.embedding.parameters()), lr=2e-3),
        torch.optim.Adam(dense, lr=2e-3),
    ]
    drop = float(settings["feature_dropout"])  # type: ignore[arg-type]
    for epoch in range(int(settings["epochs"])):  # type: ignore[call-overload]
        started = time.perf_counter()
        network.train()
        # strings of about one length together (a little noise mixes the batches from epoch to epoch)
        order = sorted(range(len(strings)), key=lambda at: len(strings[at][0]) + chance.random() * 8)
        batches = [order[at : at + BATCH] for at in range(0, len(order), BATCH)]
        chance.shuffle(batches)
        total = 0.0
        for batch in batches:
            rows_in, offsets, lengths, labels = _batch([strings[at] for at in batch], drop, chance)
            scores, mask = network.scores(rows_in, offsets, lengths)
            loss = network.loss(scores, labels, mask)
            for optimiser in optimisers:
                optimiser.zero_grad()
            loss.backward()
            for optimiser in optimisers:
                optimiser.step()
            total += loss.item()
        if verbose:
            print(
                f"epoch {epoch + 1}: loss {total / len(batches):.4f}, {time.perf_counter() - started:.0f} s",
                file=sys.stderr,
            )
    _write(network, known, out)
    return len(strings)


def _quantised(embedding: np.ndarray) -> dict[str, np.ndarray]:
    """The embedding as bytes, each row scaled to its largest magnitude (``embedding_scale``): a
    quarter of the floats' size, and a token's summed vector moves by under one percent."""
    scale = np.abs(embedding).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    return {
        "embedding": np.round(embedding / scale[:, None]).astype(np.int8),
        "embedding_scale": scale.astype(np.float32),
    }


def _write(network: Network, known: list[str], out: Path) -> None:
    """The arrays `bibnorm.readers._tagger_network` reads, written whole or not at all."""
    weights = {name: value.detach().numpy() for name, value in network.state_dict().items()}
    arrays = {
        "features": np.frombuffer("\n".join(known).encode(), np.uint8),
        "labels": np.frombuffer("\n".join(LABELS).encode(), np.uint8),
        **_quantised(weights["embedding.weight"]),
        "out_weight": weights["out.weight"],
        "out_bias": weights["out.bias"],
        "transitions": weights["transitions"],
        "start": weights["start"],
        "end": weights["end"],
    }
    for direction, suffix in (("forward", ""), ("backward", "_reverse")):
        arrays[f"lstm_{direction}_input"] = weights[f"lstm.weight_ih_l0{suffix}"]
        arrays[f"lstm_{direction}_hidden"] = weights[f"lstm.weight_hh_l0{suffix}"]
        arrays[f"lstm_{direction}_bias"] = (
            weights[f"lstm.bias_ih_l0{suffix}"] + weights[f"lstm.bias_hh_l0{suffix}"]
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial.npz")
    np.savez_compressed(partial, **arrays)
    partial.replace(out)
