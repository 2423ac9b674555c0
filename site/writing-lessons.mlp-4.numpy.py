#!/usr/bin/env python3
# One sigmoid unit with a bias
#
# Written by Longhand from the page's block mlp-4. Rows are units (features), columns are samples,
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


def dense(layer, x):
    """z = W x + b (b added to every column), a = f(z)."""
    z = layer["weights"] @ x + layer["bias"]
    a = activate(layer["activation"], z)
    return a, {"x": x, "z": z, "a": a}


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
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    raise ValueError(name)


FORWARD = {"dense": dense}

# The block's numbers ----------------------------------------------------------

X = matrix([
    [1],
    [2],
])

LAYERS = [
    {
        "type": "dense",
        "name": "Output",
        "weights": matrix([[0.5, -1]]),
        "bias": column([1]),
        "activation": "sigmoid",
    },
]

# The forward pass ---------------------------------------------------------------

output, caches = run(LAYERS, X)
show("X (the input)", X)
show_layers(LAYERS, caches)
show("output", output)
