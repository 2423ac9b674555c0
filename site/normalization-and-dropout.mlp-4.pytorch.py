#!/usr/bin/env python3
"""Block mlp-4 (Dropout with p = 0.5 and a given mask: the kept numbers are doubled) in PyTorch: the page's numbers, computed again.

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


class MaskedDropout(nn.Module):
    """Inverted dropout with the page's mask: (x · mask) / (1 − p).

    nn.Dropout(p) computes the same in training mode, but with a mask it draws at random each
    time; to get the page's numbers, the page's mask (0 dropped, 1 kept) is applied by hand.
    """

    def __init__(self, p, mask):
        super().__init__()
        self.p = p
        self.register_buffer("mask", mask.T)  # one sample per row, as x

    def forward(self, x):
        return x * self.mask / (1 - self.p)


def page(rows):
    """A matrix as the page writes it: one row per feature, one column per sample or token."""
    return torch.tensor(rows, dtype=torch.float64)


# The layers, input side first; each takes and gives one sample per row.

# Layer 1: Dropout
# dropout, p = 0.5, the page's mask
layer_1 = MaskedDropout(p=0.5, mask=page([[1, 0, 1, 0], [0, 1, 1, 0], [1, 0, 0, 1]]))

model = nn.Sequential(layer_1)

# The input as on the page (3 features × 4 columns); x holds one sample per row.
x = page([[1, 0, 1, 2], [2, 2, 0, 4], [3, 4, 2, 3]]).T

layer_names = ["Dropout"]
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
