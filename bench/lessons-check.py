#!/usr/bin/env python3
"""Prints every number of the network blocks in lessons, computed by the contract's reference
(../shared/reference/network.py), so the prose of a lesson can be checked against it.

    python3 bench/lessons-check.py content/09-attention-by-hand.md [more lessons ...]
    python3 bench/lessons-check.py            # the transformer lessons, content/09 to 12

(LONGHAND_REFERENCE=DIR points at another copy of network.py.) Needs NumPy and PyYAML.

Each ```network / ```mlp block is read with PyYAML, put into the reference's canonical form
(one head becomes heads: [...], default bias, gamma and beta spelled out), run forward, and
every intermediate is printed at full precision and at 4 decimals. A block with `target` is
also trained: the reference has finite-difference gradients only, so each step is
W <- W - learning_rate * dW with those (central differences, h = 1e-6: about 9 correct digits).
Keys that lesson-format.md does not list for a layer's kind, or for a block, stop the script.
"""
import copy
import math
import os
import re
import sys

import numpy as np
import yaml

# the contract's reference sits beside the repository: ../shared/reference/network.py
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.environ.get("LONGHAND_REFERENCE", os.path.join(REPO, "..", "shared", "reference")))
import network as ref  # noqa: E402

np.set_printoptions(linewidth=140, suppress=True)

FENCE = re.compile(r"^```(network|mlp)\s*\n(.*?)^```", re.S | re.M)


KEYS = {  # lesson-format.md, "The kinds" (name and type on every kind)
    "dense": {"weights", "bias", "activation", "units"},
    "activation": {"activation"},
    "attention": {"query", "key", "value", "heads", "output", "scale", "causal", "weights"},
    "layer_norm": {"gamma", "beta", "epsilon", "variance", "epsilon_added_to"},
    "batch_norm": {"gamma", "beta", "epsilon", "variance", "epsilon_added_to"},
    "dropout": {"p", "mask", "seed"},
    "residual": {"layers"},
}
TOP_KEYS = {"caption", "input", "labels", "layers", "precision", "target", "loss", "learning_rate", "steps", "practice"}


def canonical_layers(layers, top_level):
    out = []
    for i, L in enumerate(layers):
        L = dict(L)
        kind = L.get("type", "dense")
        unknown = set(L) - KEYS[kind] - {"type", "name"}
        if unknown:
            raise SystemExit(f"layer {i + 1} ({kind}): keys not in the contract: {sorted(unknown)}")
        L["type"] = kind
        if kind == "dense":
            if "activation" not in L:
                if not top_level:
                    raise SystemExit("give the activation of every dense layer inside a residual explicitly")
                L["activation"] = ref.default_activation(i, len(layers))
            L.setdefault("bias", [0] * len(L["weights"]))
        elif kind == "attention":
            if "weights" not in L and "heads" not in L:
                L["heads"] = [{k: L.pop(k) for k in ("query", "key", "value")}]
        elif kind == "residual":
            L["layers"] = canonical_layers(L["layers"], False)
        out.append(L)
    return out


def canonical(spec):
    unknown = set(spec) - TOP_KEYS
    if unknown:
        raise SystemExit(f"block: keys not in the contract: {sorted(unknown)}")
    net = {"input": np.asarray(spec["input"], float).T.tolist(), "layers": canonical_layers(spec["layers"], True)}
    # norm layers: gamma and beta are parameters even when left out (ones and zeros)
    fill_norms(net["layers"], np.asarray(net["input"], float))
    return net


def fill_norms(layers, x):
    for L in layers:
        if L["type"] in ("layer_norm", "batch_norm"):
            L.setdefault("gamma", [1.0] * x.shape[0])
            L.setdefault("beta", [0.0] * x.shape[0])
        if L["type"] == "residual":
            fill_norms(L["layers"], x)
        x = ref.KINDS[L["type"]](L, x)["a"]


def show(label, value, indent):
    pad = "  " * indent
    if isinstance(value, float) or np.ndim(value) == 0:
        print(f"{pad}{label}: {float(value)!r}  (~{float(value):.4f})")
        return
    arr = np.asarray(value, float)
    print(f"{pad}{label}: shape {arr.shape}")
    for row in np.atleast_2d(arr):
        full = ", ".join(repr(float(v)) for v in row)
        short = ", ".join("-inf" if np.isneginf(v) else f"{v:.4f}" for v in row)
        print(f"{pad}    [{short}]      full: [{full}]")


def show_trace(layers, trace, indent):
    for i, (L, T) in enumerate(zip(layers, trace)):
        print("  " * indent + f"layer {i + 1} ({L['type']}{', ' + L['name'] if 'name' in L else ''})")
        if L["type"] == "residual":
            show_trace(L["layers"], T["layers"], indent + 1)
            show("a = x + inner", T["a"], indent + 1)
            continue
        for key, value in T.items():
            if key == "heads":
                for h, H in enumerate(value):
                    for hk, hv in H.items():
                        show(f"head {h + 1} {hk}", hv, indent + 1)
                        if hk == "weights":
                            show(f"head {h + 1} column sums", np.asarray(hv).sum(axis=0), indent + 2)
            else:
                show(key, value, indent + 1)


def update(layers, grads, rate):
    for L, G in zip(layers, grads):
        for path in ref.parameters(L):
            new = np.asarray(ref.get(L, path), float) - rate * np.asarray(ref.get(G, path), float)
            ref.put(L, path, new.tolist())
        if L["type"] == "residual":
            update(L["layers"], G["layers"], rate)


def show_grads(layers, grads, indent, label):
    for i, (L, G) in enumerate(zip(layers, grads)):
        for path in ref.parameters(L):
            show(f"{label} layer {i + 1} {'.'.join(map(str, path))}", ref.get(G, path), indent)
        if L["type"] == "residual":
            show_grads(L["layers"], G["layers"], indent + 1, f"{label} layer {i + 1} inner")


def run(spec):
    net = canonical(spec)
    show("input X (rows features, columns tokens)", net["input"], 0)
    trace = ref.forward(net)
    show_trace(net["layers"], trace, 0)
    if "target" not in spec:
        return
    target = np.asarray(spec["target"], float).T
    kind = spec.get("loss", "mse")
    rate = spec.get("learning_rate", 0.1)
    losses = [ref.loss(net, target, kind)]
    for step in range(spec.get("steps", 1)):
        grads = ref.gradients(net, target, kind)
        if step == 0:
            print("gradients of the first step:")
            show_grads(net["layers"], grads, 1, "d")
        update(net["layers"], grads, rate)
        losses.append(ref.loss(net, target, kind))
    print("parameters after the steps:")
    for i, L in enumerate(net["layers"]):
        for path in ref.parameters(L):
            show(f"layer {i + 1} {'.'.join(map(str, path))}", ref.get(L, path), 1)
        if L["type"] == "residual":
            for j, M in enumerate(L["layers"]):
                for path in ref.parameters(M):
                    show(f"layer {i + 1} inner {j + 1} {'.'.join(map(str, path))}", ref.get(M, path), 1)
    show("losses (before each step, after the last)", np.asarray(losses), 0)
    print("output after the steps:")
    show("output", ref.output(net), 1)


def main(paths):
    for path in paths:
        text = open(path, encoding="utf-8").read()
        for n, m in enumerate(FENCE.finditer(text), 1):
            line = text[: m.start()].count("\n") + 1
            spec = yaml.safe_load(m.group(2))
            print(f"===== {path}:{line} block {n}: {spec.get('caption', '')}")
            run(spec)
            print()


if __name__ == "__main__":
    content = os.path.join(REPO, "content")
    main(sys.argv[1:] or sorted(os.path.join(content, f) for f in os.listdir(content) if f[:2] in ("09", "10", "11", "12")))
