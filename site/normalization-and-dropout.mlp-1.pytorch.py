#!/usr/bin/env python3
"""Block mlp-1 (Layer norm: each token (column) over its three features; γ = (1, 2, 1), β = (0, 1, 0)) in PyTorch: the page's numbers, computed again.

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


def page(rows):
    """A matrix as the page writes it: one row per feature, one column per sample or token."""
    return torch.tensor(rows, dtype=torch.float64)


def torch_norm(layer, gamma, beta):
    """A PyTorch norm layer with the page's γ (its weight) and β (its bias) copied in; in
    training mode, as a new module is, it normalizes with the batch's own mean and
    (biased) variance, ε added to the variance: the page's settings."""
    with torch.no_grad():
        layer.weight.copy_(gamma)
        layer.bias.copy_(beta)
    return layer


# The layers, input side first; each takes and gives one sample per row.

# Layer 1: Layer norm
# layer norm: each sample over its features (dim 1 in PyTorch's layout), ε = 0.00001
layer_1 = torch_norm(
    layer=nn.LayerNorm(3, eps=0.00001),
    gamma=page([1, 2, 1]),
    beta=page([0, 1, 0]),
)

model = nn.Sequential(layer_1)

# The input as on the page (3 features × 4 columns); x holds one sample per row.
x = page([[1, 0, 1, 2], [2, 2, 0, 4], [3, 4, 2, 3]]).T

layer_names = ["Layer norm"]
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
