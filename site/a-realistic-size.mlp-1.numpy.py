#!/usr/bin/env python3
# 784 → 128 → 64 → 10, a batch of four generated samples
#
# Written by Longhand from the page's block mlp-1. Rows are units (features), columns are samples,
# as on the page. Needs Python 3 and NumPy only: python3 this-file.py
# Afterwards `output` holds the network's output.

import decimal
import math

import numpy as np

np.set_printoptions(precision=3, suppress=True, linewidth=120)


def matrix(rows):
    """A matrix as the page draws it, a list of rows: rows are units, columns are samples."""
    return np.array(rows, dtype=float)


def column(values):
    """A vector as a column (one value per unit), so that it adds to every column of a matrix."""
    return np.array(values, dtype=float).reshape(-1, 1)


def dense(layer, x):
    """z = W x + b (b added to every column), a = f(z)."""
    z = layer["weights"] @ x + layer["bias"]
    a = activate(layer["activation"], z)
    return a, {"x": x, "z": z, "a": a}


def draw(seed, rows, cols, low, high, integers=False, decimals=None):
    """The page's generated numbers ({random: SEED, min, max, ...}) drawn again, the same on every machine.

    SplitMix64 in 64-bit arithmetic that wraps around, one draw u in [0, 1) per number, row by
    row: low + u·(high − low), or low + floor(u·(high − low + 1)) for integers; with decimals,
    each number rounded half to even at that many places.
    """
    mask = (1 << 64) - 1
    state = seed & mask
    span = high - low
    values = []
    for _ in range(rows * cols):
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        z ^= z >> 31
        u = (z >> 11) * 2.0 ** -53
        if integers:
            values.append(low + math.floor(u * (span + 1)))
        elif decimals is None:
            values.append(low + u * span)
        else:
            exact = decimal.Decimal(low + u * span)
            values.append(float(exact.quantize(decimal.Decimal(1).scaleb(-decimals),
                                               rounding=decimal.ROUND_HALF_EVEN)) + 0.0)
    return np.array(values, dtype=float).reshape(rows, cols)


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


def activate(name, z):
    """The activation, entry by entry (softmax: each column)."""
    if name == "relu":
        return np.where(z > 0, z, 0.0)
    if name == "linear":
        return z
    raise ValueError(name)


FORWARD = {"dense": dense}

# The block's numbers ----------------------------------------------------------

X = draw(7, 4, 784, 0, 1, decimals=2).T

LAYERS = [
    {
        "type": "dense",
        "name": "Hidden 1",
        "weights": draw(11, 128, 784, -0.1, 0.1, decimals=2),
        "bias": column([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        "activation": "relu",
    },
    {
        "type": "dense",
        "name": "Hidden 2",
        "weights": draw(12, 64, 128, -0.3, 0.3, decimals=2),
        "bias": column([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        "activation": "relu",
    },
    {
        "type": "dense",
        "name": "Output",
        "weights": matrix([
            [0.27, -0.17, 0.13, -0.21, 0.32, -0.15, 0.23, -0.11, -0.29, 0.2, 0.03, 0.13, -0.07, 0.47, 0.31, 0.11, 0.5, -0.47, -0.16, 0.32, -0.22, 0.1, -0.23, 0.5, -0.14, -0.12, -0.33, -0.19, -0.21, 0.3, -0.15, -0.22, -0.47, -0.33, 0.31, -0.48, 0.43, 0.16, 0.37, -0.04, 0.1, -0.44, 0.43, -0.4, 0.4, 0.42, 0.17, 0.11, -0.12, 0.11, 0.22, 0.34, -0.12, -0.39, -0.42, 0.11, -0.32, -0.25, 0.14, 0.15, 0.31, -0.4, 0.37, -0.14],
            [0.11, 0.4, -0.34, 0.02, -0.31, 0.41, -0.02, 0.15, -0.01, 0.4, -0.16, 0.39, -0.27, 0.34, -0.44, 0.06, -0.21, 0.48, -0.44, 0.29, 0.1, 0.5, -0.27, -0.31, -0.15, 0.04, -0.05, 0.02, 0.46, -0.13, 0.43, 0.48, 0.5, 0.47, -0.41, 0.04, -0.14, -0.36, 0.23, 0.25, -0.12, 0.19, -0.45, 0.09, 0.04, 0.05, -0.08, 0.45, 0.03, -0.46, -0.42, 0.31, -0.31, -0.31, 0.4, -0.15, -0.42, -0.37, -0.21, -0.03, 0.19, -0.01, 0.05, 0.26],
            [-0.14, 0.03, 0.48, 0.37, 0.35, -0.33, 0.22, -0.41, 0.04, 0.36, -0.34, -0.35, -0.28, -0.18, 0.13, 0.23, -0.27, -0.46, 0.03, 0.35, -0.48, -0.13, -0.24, 0.03, -0.21, -0.06, -0.39, 0.4, 0.1, -0.45, 0.16, 0.17, 0.17, -0.21, 0, 0.14, 0.24, -0.45, -0.38, -0.29, 0.24, 0.24, 0.41, 0.33, 0.35, 0.46, 0.25, -0.18, 0.47, 0.1, 0.11, -0.14, 0.09, -0.44, -0.4, 0.25, -0.39, 0.07, -0.3, 0.28, -0.16, 0.29, 0.08, 0.38],
            [-0.38, -0.43, -0.02, -0.18, -0.11, -0.47, -0.07, 0.2, -0.1, 0.04, -0.27, 0.22, 0.45, -0.13, -0.06, 0.05, 0.37, 0.27, 0.44, 0.41, -0.4, 0.05, -0.01, -0.43, -0.28, 0.44, -0.21, -0.37, 0.24, 0.12, 0.35, 0.08, 0.26, -0.36, -0.29, 0.29, 0.42, 0.23, -0.16, -0.17, 0.46, 0.11, -0.39, -0.03, -0.48, 0.49, -0.49, -0.05, 0.06, -0.28, 0.22, 0.19, 0.08, -0.11, -0.2, -0.05, 0.2, 0.11, -0.27, 0.08, 0.37, -0.34, -0.06, -0.2],
            [-0.44, -0.42, 0.09, 0.1, 0.16, 0.38, 0.31, 0.03, 0.24, 0.01, -0.32, 0.31, -0.09, 0.09, -0.47, -0.13, 0.19, -0.46, -0.3, -0.16, 0.1, -0.29, 0.48, 0.15, 0.47, -0.35, 0.3, 0.2, -0.1, -0.19, 0.43, -0.03, 0.09, 0.07, 0.47, 0.06, 0.33, -0.17, -0.23, 0.48, 0.37, -0.23, 0.1, 0.18, -0.47, -0.31, -0.4, 0.21, -0.37, 0.43, 0.44, 0.44, 0.43, -0.4, -0.17, -0.21, -0.21, 0.36, -0.28, 0.31, -0.2, 0.34, 0.21, 0.17],
            [0.12, -0.5, -0.19, -0.48, 0.32, 0.3, -0.16, 0.01, 0.09, 0.41, 0.39, 0.31, 0.17, 0.2, 0.24, 0.18, 0, -0.08, 0.41, 0.12, -0.1, 0.26, 0.49, 0.38, 0.49, -0.18, -0.26, 0.17, 0.16, -0.07, 0.3, -0.17, 0.4, 0.31, -0.08, -0.46, -0.25, 0.08, -0.21, -0.23, -0.18, 0.25, 0.39, 0.16, -0.23, -0.33, -0.29, 0.5, 0.36, 0.25, 0.45, -0.27, 0.42, 0.41, -0.05, -0.15, 0.46, 0.13, -0.42, -0.43, 0.12, -0.49, 0.42, -0.42],
            [-0.39, 0.02, 0.17, -0.05, 0.37, 0.25, -0.38, -0.49, 0.2, -0.3, -0.33, 0.14, -0.25, -0.31, 0.13, -0.16, -0.44, -0.49, 0.04, 0.41, 0.4, 0.44, 0.34, -0.18, -0.21, 0.11, -0.14, 0.48, 0.45, 0.21, -0.49, 0.45, 0.43, -0.02, 0.46, 0.09, 0.12, 0.16, -0.02, -0.08, -0.44, -0.42, 0.37, 0.23, 0.16, 0.21, 0.2, 0.1, 0.45, -0.12, -0.05, 0.1, -0.2, 0.48, 0.43, 0.48, -0.12, 0.11, -0.2, 0.11, 0.21, 0.09, 0.44, 0.29],
            [-0.49, -0.25, 0.09, -0.15, 0.08, -0.05, 0.36, 0.37, -0.35, 0.25, 0.31, 0.38, -0.23, 0.21, -0.37, 0.41, 0.33, -0.27, -0.04, -0.39, -0.45, 0.17, 0.22, -0.05, -0.42, -0.28, -0.17, 0.37, 0.48, -0.13, 0.5, -0.36, -0.22, 0.13, -0.31, 0.39, 0.13, -0.48, 0.2, -0.39, -0.27, -0.15, 0.48, 0.12, 0.39, -0.37, -0.19, -0.46, -0.04, 0.44, -0.46, 0.01, 0.5, 0.17, 0.25, 0.1, -0.09, 0.44, 0.29, 0.48, 0.34, -0.39, -0.38, -0.46],
            [-0.07, 0.35, -0.2, 0.28, 0.49, -0.14, -0.14, -0.29, -0.45, -0.31, -0.38, -0.09, 0.24, 0.47, 0.05, 0.3, 0.43, -0.04, -0.4, -0.48, -0.16, 0, 0.25, 0.46, 0.42, 0.38, 0.3, -0.07, -0.11, -0.17, 0.07, -0.2, 0.07, 0.42, -0.33, -0.19, -0.25, 0.41, -0.18, 0.3, 0.44, 0.34, 0.07, -0.24, -0.43, 0.11, 0.43, 0.12, 0.11, 0.25, 0.24, 0.14, 0.18, 0.43, 0.3, -0.45, 0.21, -0.44, -0.19, -0.21, -0.33, 0.3, -0.41, 0.38],
            [0.39, 0.2, -0.03, -0.36, -0.3, 0.4, 0.42, 0.13, 0.39, 0.39, 0, -0.06, -0.38, 0.27, 0, 0.36, -0.22, -0.21, 0.36, -0.44, -0.42, -0.35, 0.49, -0.24, 0.3, -0.13, 0.18, -0.41, -0.26, -0.2, 0.04, -0.31, -0.08, 0.48, 0.1, -0.41, 0.02, -0.38, 0.2, 0.32, -0.18, -0.36, -0.11, 0.43, 0.13, 0.46, -0.31, 0.01, 0.16, -0.37, -0.15, -0.14, -0.34, 0.24, -0.42, -0.24, -0.46, 0.27, 0.05, -0.35, 0.25, 0.5, -0.28, 0.09],
        ]),
        "bias": column([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        "activation": "linear",
    },
]

# The forward pass ---------------------------------------------------------------

output, caches = run(LAYERS, X)
show("X (the input)", X)
show_layers(LAYERS, caches)
show("output", output)
