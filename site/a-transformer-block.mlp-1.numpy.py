#!/usr/bin/env python3
# A transformer block on four tokens: attention + residual, layer norm, GELU feed-forward + residual, layer norm; MSE against the targets, one step with η = 0.1
#
# Written by Longhand from the page's block mlp-1. Rows are units (features), columns are tokens,
# as on the page. Needs Python 3 and NumPy only: python3 this-file.py
# Afterwards `output` holds the network's output, `loss` the loss before training and
# `losses` the loss before each step and after the last.

import math

import numpy as np

np.set_printoptions(precision=4, suppress=True, linewidth=120)


def matrix(rows):
    """A matrix as the page draws it, a list of rows: rows are units, columns are samples."""
    return np.array(rows, dtype=float)


def column(values):
    """A vector as a column (one value per unit), so that it adds to every column of a matrix."""
    return np.array(values, dtype=float).reshape(-1, 1)


def residual(layer, x):
    """a = x + (the inner layers applied to x)."""
    branch, caches = run(layer["layers"], x)
    a = x + branch
    return a, {"inner": caches, "a": a}


def residual_backward(layer, cache, dA):
    """dA reaches x twice: straight through the sum, and back through the inner layers."""
    dX, gradients = run_backward(layer["layers"], cache["inner"], dA)
    return dA + dX, {"layers": gradients}


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


def self_attention_backward(layer, cache, dA):
    """Back through each head: dV = dZ weightsᵀ; dweights = Vᵀ dZ; dscores = weights * (dweights - the
    column sums of dweights * weights) · factor (a hidden score has weight 0, so gradient 0);
    dQ = K dscores, dK = Q dscoresᵀ; each projection's gradient is d(Q, K or V) xᵀ."""
    x = cache["x"]
    gradients = {}
    if "output" in layer:
        gradients["output"] = dA @ cache["stacked"].T
        dA = layer["output"].T @ dA
    dX = np.zeros_like(x)
    head_gradients = []
    row = 0
    for head, kept in zip(layer["heads"], cache["heads"]):
        q, k, v, weights = kept["q"], kept["k"], kept["v"], kept["weights"]
        dZ = dA[row:row + v.shape[0]]
        row += v.shape[0]
        dV = dZ @ weights.T
        dWeights = v.T @ dZ
        dScores = weights * (dWeights - (dWeights * weights).sum(axis=0)) * kept["factor"]
        dQ = k @ dScores
        dK = q @ dScores.T
        head_gradients.append({"query": dQ @ x.T, "key": dK @ x.T, "value": dV @ x.T})
        dX = dX + head["query"].T @ dQ + head["key"].T @ dK + head["value"].T @ dV
    return dX, {"heads": head_gradients, **gradients}


attention_backward = self_attention_backward


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


def normalize_backward(layer, cache, dA):
    """dγ = Σ dA x̂ and dβ = Σ dA over the columns; with g = dA γ, each group's
    dL/dx = (g - mean of g) / denominator - x̂ Σ(g x̂) / (r · divisor), r the root the variance is under
    (0 when the standard deviation is 0 and ε is added to it: that term is then 0)."""
    axis, normalized, denominator = cache["axis"], cache["normalized"], cache["denominator"]
    g = dA * layer["gamma"]
    root = denominator if layer["epsilon_added_to"] == "variance" else np.sqrt(cache["variance"])
    gx = (g * normalized).sum(axis=axis, keepdims=True)
    c = np.divide(gx, root * cache["divisor"], out=np.zeros_like(gx), where=root > 0)
    dX = (g - g.mean(axis=axis, keepdims=True)) / denominator - normalized * c
    gradients = {"gamma": (dA * normalized).sum(axis=1, keepdims=True),
                 "beta": dA.sum(axis=1, keepdims=True)}
    return dX, gradients


layer_norm_backward = normalize_backward


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


erf = np.vectorize(math.erf)


def activate(name, z):
    """The activation, entry by entry (softmax: each column)."""
    if name == "linear":
        return z
    if name == "gelu":
        return 0.5 * z * (1.0 + erf(z / math.sqrt(2.0)))
    raise ValueError(name)


def activate_backward(name, z, a, dA):
    """dL/dz from dL/da: times the derivative, entry by entry (softmax: its Jacobian, each column)."""
    if name == "linear":
        return dA
    if name == "gelu":
        return dA * (0.5 * (1.0 + erf(z / math.sqrt(2.0))) + z * np.exp(-0.5 * z * z) / math.sqrt(2.0 * math.pi))
    raise ValueError(name)


FORWARD = {"residual": residual, "attention": attention, "layer_norm": layer_norm, "dense": dense}
BACKWARD = {"residual": residual_backward, "attention": attention_backward, "layer_norm": layer_norm_backward, "dense": dense_backward}

# The block's numbers ----------------------------------------------------------

X = matrix([
    [1, 0, 1, 0],
    [0, 1, 1, 0],
    [1, 0, 0, 2],
])

LAYERS = [
    {
        "type": "residual",
        "name": "Attention + residual",
        "layers": [
            {
                "type": "attention",
                "name": "Attention",
                "heads": [
                    {
                        "query": matrix([
                            [1, 0, 0],
                            [0, 1, 0],
                        ]),
                        "key": matrix([
                            [1, 1, 0],
                            [0, 0, 1],
                        ]),
                        "value": matrix([
                            [1, 0, 0],
                            [0, 1, 0],
                            [0, 0, 1],
                        ]),
                    },
                ],
                "scale": True,
                "causal": False,
            },
        ],
    },
    {
        "type": "layer_norm",
        "name": "Layer norm 1",
        "gamma": column([1, 1, 1]),
        "beta": column([0, 0, 0]),
        "epsilon": 1.0E-5,
        "variance": "biased",
        "epsilon_added_to": "variance",
    },
    {
        "type": "residual",
        "name": "Feed-forward + residual",
        "layers": [
            {
                "type": "dense",
                "name": "Widen",
                "weights": matrix([
                    [1, -1, 0],
                    [0, 1, -1],
                    [-1, 0, 1],
                    [1, 0, 0],
                ]),
                "bias": column([0, 0, 0, 0]),
                "activation": "gelu",
            },
            {
                "type": "dense",
                "name": "Narrow",
                "weights": matrix([
                    [1, 0, 0, 0],
                    [0, 1, 0, 0],
                    [0, 0, 1, 1],
                ]),
                "bias": column([0, 0, 0]),
                "activation": "linear",
            },
        ],
    },
    {
        "type": "layer_norm",
        "name": "Layer norm 2",
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

# Training -------------------------------------------------------------------------

TARGET = matrix([
    [1, -1, 1, 0],
    [0, 1, 0, -1],
    [-1, 0, -1, 1],
])
LEARNING_RATE = 0.1
STEPS = 1


def loss_of(output, caches):
    """Mean squared error, the mean over every output unit and sample of (a - t)²
    (PyTorch's MSELoss), and its gradient dL/da."""
    return ((output - TARGET) ** 2).mean(), 2.0 * (output - TARGET) / output.size, None


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
