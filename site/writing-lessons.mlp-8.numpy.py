#!/usr/bin/env python3
# Layer norm of (1, 2, 3)
#
# Written by Longhand from the page's block mlp-8. Rows are units (features), columns are samples,
# as on the page. Needs Python 3 and NumPy only: python3 this-file.py
# Afterwards `output` holds the network's output.

import numpy as np

np.set_printoptions(precision=4, suppress=True, linewidth=120)


def matrix(rows):
    """A matrix as the page draws it, a list of rows: rows are units, columns are samples."""
    return np.array(rows, dtype=float)


def column(values):
    """A vector as a column (one value per unit), so that it adds to every column of a matrix."""
    return np.array(values, dtype=float).reshape(-1, 1)


def normalize(layer, x, axis):
    """x̂ = (x - mean) / sqrt(variance + ε), or / (sqrt(variance) + ε) with epsilon_added_to: std,
    over `axis` (1: each row over the columns, 0: each column over the rows); the variance divides
    by n, or by n - 1 when unbiased. a = γ x̂ + β, γ and β one per row."""
    n = x.shape[axis]
    divisor = n - 1 if layer["variance"] == "unbiased" else n
    mean = x.mean(axis=axis, keepdims=True)
    variance = ((x - mean) ** 2).sum(axis=axis, keepdims=True) / divisor
    if layer["epsilon_added_to"] == "std":
        denominator = np.sqrt(variance) + layer["epsilon"]
    else:
        denominator = np.sqrt(variance + layer["epsilon"])
    normalized = (x - mean) / denominator
    a = layer["gamma"] * normalized + layer["beta"]
    return a, {"axis": axis, "divisor": divisor, "mean": mean, "variance": variance,
               "denominator": denominator, "normalized": normalized, "a": a}


def layer_norm(layer, x):
    """Each sample or token (column) over its features (rows)."""
    return normalize(layer, x, axis=0)


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


FORWARD = {"layer_norm": layer_norm}

# The block's numbers ----------------------------------------------------------

X = matrix([
    [1],
    [2],
    [3],
])

LAYERS = [
    {
        "type": "layer_norm",
        "name": "Layer 1",
        "gamma": column([1, 1, 1]),
        "beta": column([0, 0, 0]),
        "epsilon": 1.0E-5,
        "variance": "biased",
        "epsilon_added_to": "variance",
    },
]

# The forward pass ---------------------------------------------------------------

output, caches = run(LAYERS, X)
show("X (the input)", X)
show_layers(LAYERS, caches)
show("output", output)
