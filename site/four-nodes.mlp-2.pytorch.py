#!/usr/bin/env python3
"""Block mlp-2 (The same layer: [W b] · [x; 1]) in PyTorch: the page's numbers, computed again.

Needs only PyTorch (the CPU build is enough): python3 -m pip install torch
Leaves `output` (rows and columns as on the page).
"""
import torch
from torch import nn

# Doubles, as the page computes, so that every number agrees with it.
torch.set_default_dtype(torch.float64)
torch.set_printoptions(precision=4)

# Layout. The page writes a matrix with one row per feature (unit, channel) and one column
# per sample (or token); PyTorch puts one sample per row. So the input goes in transposed
# (.T), every layer takes and gives one sample per row, and each result is transposed back
# before it is printed, to read as on the page. Weights need no transposing: nn.Linear
# keeps its weight as (units × inputs), as the page does, and computes x @ W.T + b.


def dense(weights, bias, activation):
    """A dense layer: nn.Linear with the page's W and b copied in, then the activation.

    nn.Linear keeps its weight as (units × inputs), exactly the page's W, and computes
    x @ W.T + b for a batch with one sample per row: the page's W·X + b, transposed.
    """
    linear = nn.Linear(weights.shape[1], weights.shape[0])
    with torch.no_grad():
        linear.weight.copy_(weights)
        linear.bias.copy_(bias)
    return nn.Sequential(linear, activation)


def page(rows):
    """A matrix as the page writes it: one row per feature, one column per sample or token."""
    return torch.tensor(rows, dtype=torch.float64)


# The layers, input side first; each takes and gives one sample per row.

# Layer 1
# dense, 3 inputs → 4 units, relu
layer_1 = dense(
    weights=page([[1, -1, 1], [1, 1, 0], [0, 1, 1], [1, 0, 1]]),
    bias=page([-5, 0, 1, -2]),
    activation=nn.ReLU(),
)

model = nn.Sequential(layer_1)

# The input as on the page (3 features × 1 column); x holds one sample per row.
x = page([[2], [1], [3]]).T

layer_names = ["Layer 1"]
a = x
for number, (layer, name) in enumerate(zip(model, layer_names), 1):
    if isinstance(layer, nn.Sequential):  # a dense layer: z is what nn.Linear gives
        print(f"layer {number} ({name}): z =")
        print(layer[0](a).detach().T)
    a = layer(a)
    print(f"layer {number} ({name}): a =")
    print(a.detach().T)
output = a.detach().T  # rows and columns as on the page
print("output =")
print(output)
