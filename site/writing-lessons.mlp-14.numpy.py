#!/usr/bin/env python3
# Cross-entropy on a softmax output
#
# Written by Longhand from the page's block mlp-14. Rows are units (features), columns are samples,
# as on the page. Needs Python 3 and NumPy only: python3 this-file.py
# Afterwards `output` holds the network's output, `loss` the loss before training and
# `losses` the loss before each step and after the last.

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


def dense(layer, x):
    """z = W x + b (b added to every column), a = f(z)."""
    z = layer["weights"] @ x + layer["bias"]
    a = activate(layer["activation"], z)
    return a, {"x": x, "z": z, "a": a}


def dense_backward(layer, cache, dA, dZ=None):
    """dZ = dA * f'(z) (or given: the cross-entropy's gradient at the logits of a softmax);
    dW = dZ xᵀ, db = the sum of dZ over the columns, and dL/dx = Wᵀ dZ."""
    if dZ is None:
        dZ = activate_backward(layer["activation"], cache["z"], cache["a"], dA)
    gradients = {"weights": dZ @ cache["x"].T, "bias": dZ.sum(axis=1, keepdims=True)}
    return layer["weights"].T @ dZ, gradients


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


def run_backward(layers, caches, dA, dZ=None):
    """From the last layer to the first: each layer's gradients, and dL/d(its input) passed on.
    dZ, when given, is the gradient at the last layer's logits (cross-entropy after a softmax)."""
    gradients = [None] * len(layers)
    for i in reversed(range(len(layers))):
        backward = BACKWARD[layers[i]["type"]]
        if dZ is not None and i == len(layers) - 1:
            dA, gradients[i] = backward(layers[i], caches[i], dA, dZ=dZ)
        else:
            dA, gradients[i] = backward(layers[i], caches[i], dA)
    return dA, gradients


def update(parameters, gradients, rate):
    """One step of gradient descent in place: each parameter p with a gradient g becomes p - rate * g."""
    for key, g in gradients.items():
        if isinstance(g, list):  # attention heads, the layers inside a residual
            for inner, inner_g in zip(parameters[key], g):
                update(inner, inner_g, rate)
        else:
            parameters[key] = parameters[key] - rate * g


def show_gradients(path, gradients):
    """Every gradient, named by its path in the page's trace (layers.0.weights)."""
    items = enumerate(gradients) if isinstance(gradients, list) else gradients.items()
    for key, g in items:
        if isinstance(g, (list, dict)):
            show_gradients(f"{path}.{key}", g)
        else:
            show(f"dL/d {path}.{key}", g)


def activate(name, z):
    """The activation, entry by entry (softmax: each column)."""
    if name == "softmax":
        return softmax_columns(z)
    raise ValueError(name)


def activate_backward(name, z, a, dA):
    """dL/dz from dL/da: times the derivative, entry by entry (softmax: its Jacobian, each column)."""
    if name == "softmax":
        return a * (dA - (dA * a).sum(axis=0))
    raise ValueError(name)


FORWARD = {"dense": dense}
BACKWARD = {"dense": dense_backward}

# The block's numbers ----------------------------------------------------------

X = matrix([
    [1, 0],
    [0, 1],
])

LAYERS = [
    {
        "type": "dense",
        "name": "Output",
        "weights": matrix([
            [1, 0],
            [0, 1],
        ]),
        "bias": column([0, 0]),
        "activation": "softmax",
    },
]

# The forward pass ---------------------------------------------------------------

output, caches = run(LAYERS, X)
show("X (the input)", X)
show_layers(LAYERS, caches)
show("output", output)

# Training -------------------------------------------------------------------------

TARGET = matrix([
    [1, 0],
    [0, 1],
])
LEARNING_RATE = 0.1
STEPS = 1


def loss_of(output, caches):
    """Cross-entropy, the mean over samples of -Σ t log a over the output units, from the softmax's
    logits z as PyTorch's CrossEntropyLoss: log a = z - max - log Σ exp(z - max). Its gradient at the
    logits is (a Σt - t) / samples."""
    z = caches[-1]["z"]
    shifted = z - z.max(axis=0)
    log_a = shifted - np.log(np.exp(shifted).sum(axis=0))
    loss = -np.where(TARGET != 0, TARGET * log_a, 0.0).sum(axis=0).mean()
    return loss, None, (output * TARGET.sum(axis=0) - TARGET) / output.shape[1]


losses = []
for step in range(STEPS):
    step_output, step_caches = run(LAYERS, X)
    value, dA, dZ = loss_of(step_output, step_caches)
    losses.append(float(value))
    _, gradients = run_backward(LAYERS, step_caches, dA, dZ)
    if step == 0:
        print("loss =", losses[0])
        print()
        show_gradients("layers", gradients)
    for layer, g in zip(LAYERS, gradients):
        update(layer, g, LEARNING_RATE)
losses.append(float(loss_of(*run(LAYERS, X))[0]))
loss = losses[0]
print("losses =", losses)
