#!/usr/bin/env python3
"""Block mlp-3 (Layer norm as a spreadsheet computes it: variance over n − 1, ε added to σ) in PyTorch: the page's numbers, computed again.

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


class Normalization(nn.Module):
    """Batch or layer norm written out, for settings PyTorch's layers do not offer.

    Each group (dim 0: a feature over the samples, batch norm; dim 1: a sample over its
    features, layer norm) is normalized by its mean and variance; the variance divides by
    n, or by n − 1 when unbiased (a spreadsheet's STDEV); ε is added under the root, or to
    the standard deviation. Then each feature is scaled by γ and shifted by β.
    """

    def __init__(self, gamma, beta, dim, epsilon, unbiased, epsilon_added_to_std):
        super().__init__()
        self.gamma = nn.Parameter(gamma.clone())
        self.beta = nn.Parameter(beta.clone())
        self.dim = dim
        self.epsilon = epsilon
        self.unbiased = unbiased
        self.epsilon_added_to_std = epsilon_added_to_std

    def forward(self, x):
        n = x.shape[self.dim]
        mean = x.sum(dim=self.dim, keepdim=True) / n
        deviation = x - mean
        variance = (deviation * deviation).sum(dim=self.dim, keepdim=True) / (n - 1 if self.unbiased else n)
        if self.epsilon_added_to_std:
            # √variance has an infinite slope at 0; where the variance is 0 the page takes the
            # standard deviation as 0 with no gradient through it, and so does this.
            positive = variance > 0
            std = torch.where(positive, torch.sqrt(torch.where(positive, variance, 1.0)), 0.0)
            normalized = deviation / (std + self.epsilon)
        else:
            normalized = deviation / torch.sqrt(variance + self.epsilon)
        return self.gamma * normalized + self.beta


# The layers, input side first; each takes and gives one sample per row.

# Layer 1: Layer norm (spreadsheet)
# layer norm written out: the page's settings are not PyTorch's (variance divided by n − 1, ε added to the standard deviation)
layer_1 = Normalization(
    gamma=page([1, 2, 1]),
    beta=page([0, 1, 0]),
    dim=1,
    epsilon=0.00001,
    unbiased=True,
    epsilon_added_to_std=True,
)

model = nn.Sequential(layer_1)

# The input as on the page (3 features × 4 columns); x holds one sample per row.
x = page([[1, 0, 1, 2], [2, 2, 0, 4], [3, 4, 2, 3]]).T

layer_names = ["Layer norm (spreadsheet)"]
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
