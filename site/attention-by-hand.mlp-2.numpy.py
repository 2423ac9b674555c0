#!/usr/bin/env python3
# The same head with the default scale 1/√2
#
# Written by Longhand from the page's block mlp-2. Rows are units (features), columns are tokens,
# as on the page. Needs Python 3 and NumPy only: python3 this-file.py
# Afterwards `output` holds the network's output.

import math

import numpy as np

np.set_printoptions(precision=4, suppress=True, linewidth=120)


def matrix(rows):
    """A matrix as the page draws it, a list of rows: rows are units, columns are samples."""
    return np.array(rows, dtype=float)


def column(values):
    """A vector as a column (one value per unit), so that it adds to every column of a matrix."""
    return np.array(values, dtype=float).reshape(-1, 1)


def softmax_columns(z):
    """Softmax of each column: exp(z - the column's largest), over the column's sum."""
    e = np.exp(z - z.max(axis=0))
    return e / e.sum(axis=0)


def self_attention(layer, x):
    """Per head: Q = Wq x, K = Wk x, V = Wv x; scores = Kᵀ Q · scale (rows are keys, columns
    queries; scale True is 1/sqrt(rows of Q)); with causal, key i is hidden from query j when i > j;
    weights = softmax of each column; z = V weights. The heads' z stacked, first on top,
    then times `output` when the layer has one."""
    heads = []
    for head in layer["heads"]:
        q, k, v = head["query"] @ x, head["key"] @ x, head["value"] @ x
        scale = layer["scale"]
        factor = 1.0 / math.sqrt(q.shape[0]) if scale is True else (1.0 if scale is False else scale)
        scores = (k.T @ q) * factor
        if layer["causal"]:
            hidden = np.tril(np.ones(scores.shape, dtype=bool), -1)
            scores = np.where(hidden, -np.inf, scores)
        weights = softmax_columns(scores)
        heads.append({"q": q, "k": k, "v": v, "factor": factor, "scores": scores,
                      "weights": weights, "z": v @ weights})
    stacked = np.vstack([h["z"] for h in heads])
    a = layer["output"] @ stacked if "output" in layer else stacked
    return a, {"x": x, "heads": heads, "stacked": stacked, "a": a}


attention = self_attention


def show(title, m):
    print(title, "=")
    print(m)
    print()


def show_layers(layers, caches, prefix="layer "):
    """What the page shows of each layer: z and a, an attention head's weights, a norm's x̂,
    and the layers inside a residual before its sum."""
    for number, (layer, cache) in enumerate(zip(layers, caches), start=1):
        title = f"{prefix}{number} ({layer['name']})"
        if "inner" in cache:
            show_layers(layer["layers"], cache["inner"], f"{title}, inner layer ")
        for h, head in enumerate(cache.get("heads", []), start=1):
            show(f"{title}: head {h} weights", head["weights"])
        if "normalized" in cache:
            show(f"{title}: normalized", cache["normalized"])
        if "z" in cache and cache["z"] is not cache.get("x"):
            show(f"{title}: z", cache["z"])
        show(f"{title}: a", cache["a"])


def run(layers, x):
    """Each layer on the one before's output: the network's output and what each layer kept (its cache)."""
    caches = []
    for layer in layers:
        x, cache = FORWARD[layer["type"]](layer, x)
        caches.append(cache)
    return x, caches


FORWARD = {"attention": attention}

# The block's numbers ----------------------------------------------------------

X = matrix([
    [1, 0, 1],
    [0, 2, 1],
    [1, 1, 0],
])

LAYERS = [
    {
        "type": "attention",
        "name": "Attention",
        "heads": [
            {
                "query": matrix([
                    [1, 0, 1],
                    [0, 1, 0],
                ]),
                "key": matrix([
                    [1, 0, 0],
                    [-1, 0, 1],
                ]),
                "value": matrix([
                    [1, 0, 0],
                    [0, 1, 0],
                ]),
            },
        ],
        "scale": True,
        "causal": False,
    },
]

# The forward pass ---------------------------------------------------------------

output, caches = run(LAYERS, X)
show("X (the input)", X)
show_layers(LAYERS, caches)
show("output", output)
