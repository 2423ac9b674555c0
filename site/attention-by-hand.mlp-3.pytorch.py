#!/usr/bin/env python3
"""Block mlp-3 (Your turn, one head without the scale) in PyTorch: the page's numbers, computed again.

Needs only PyTorch (the CPU build is enough): python3 -m pip install torch
Leaves `output` (rows and columns as on the page).
"""
import math
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


def projection(weights):
    """nn.Linear without a bias holding the page's projection (rows out, columns the features)."""
    linear = nn.Linear(weights.shape[1], weights.shape[0], bias=False)
    with torch.no_grad():
        linear.weight.copy_(weights)
    return linear


class SelfAttention(nn.Module):
    """Self-attention over the tokens, head by head, as the page works it.

    The page keeps tokens as columns: Q = W_q·X, scores = Kᵀ·Q (rows keys, columns queries),
    softmax down each column. Here x has one token per row, so each of those is transposed:
    q = x @ W_q.T is Qᵀ, and q @ k.T (rows queries, columns keys) is the page's scores
    transposed, hence the softmax over dim 1, the keys. The causal mask hides every key after
    its query (−∞ before the softmax, so its weight is 0), and z = weights @ v is the page's
    Z = V·weights transposed. The heads' z are stacked (the page stacks rows; here columns),
    then the output projection is applied, if there is one.
    """

    def __init__(self, heads, output=None, scale="root", causal=False):
        super().__init__()
        self.heads = nn.ModuleList(
            nn.ModuleDict({"query": projection(q), "key": projection(k), "value": projection(v)})
            for q, k, v in heads)
        self.output = projection(output) if output is not None else None
        self.scale = scale  # "root": 1/√d_k; None: no scaling; or a number
        self.causal = causal

    def forward(self, x):
        zs = []
        for head in self.heads:
            q, k, v = head["query"](x), head["key"](x), head["value"](x)
            scores = q @ k.T  # queries × keys
            if self.scale == "root":
                scores = scores * (1.0 / math.sqrt(q.shape[1]))
            elif self.scale is not None:
                scores = scores * self.scale
            if self.causal:
                later = torch.ones_like(scores, dtype=torch.bool).triu(diagonal=1)  # key after query
                scores = scores.masked_fill(later, float("-inf"))
            weights = torch.softmax(scores, dim=1)  # over the keys
            zs.append(weights @ v)
        stacked = torch.cat(zs, dim=1)
        return self.output(stacked) if self.output is not None else stacked


def page(rows):
    """A matrix as the page writes it: one row per feature, one column per sample or token."""
    return torch.tensor(rows, dtype=torch.float64)


# The layers, input side first; each takes and gives one sample per row.

# Layer 1
# self-attention, 1 head, each head (query, key, value)
layer_1 = SelfAttention(
    heads=[(
        page([[1, 1], [0, 2]]),
        page([[1, 0], [0, 1]]),
        page([[1, 0], [0, 1]]),
    )],
    scale=None,
    causal=False,
)

model = nn.Sequential(layer_1)

# The input as on the page (2 features × 3 columns); x holds one sample per row.
x = page([[1, 0, 1], [0, 1, 1]]).T

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
