#!/usr/bin/env python3
"""Block mlp-1 (A transformer block on four tokens: attention + residual, layer norm, GELU feed-forward + residual, layer norm; MSE against the targets, one step with η = 0.1) in PyTorch: the page's numbers, computed again.

Needs only PyTorch (the CPU build is enough): python3 -m pip install torch
Leaves `output` (rows and columns as on the page), `loss` (before any step) and `losses` (before each step and after the last).
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


class Residual(nn.Module):
    """A residual connection: x + f(x), f being the inner layers in order."""

    def __init__(self, *layers):
        super().__init__()
        self.inner = nn.Sequential(*layers)

    def forward(self, x):
        return x + self.inner(x)


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


def torch_norm(layer, gamma, beta):
    """A PyTorch norm layer with the page's γ (its weight) and β (its bias) copied in; in
    training mode, as a new module is, it normalizes with the batch's own mean and
    (biased) variance, ε added to the variance: the page's settings."""
    with torch.no_grad():
        layer.weight.copy_(gamma)
        layer.bias.copy_(beta)
    return layer


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


# The layers, input side first; each takes and gives one sample per row.

# Layer 1: Attention + residual
# residual: x + f(x), f = the layer below
# inner Layer 1: Attention
# self-attention, 1 head, each head (query, key, value)
layer_1_1 = SelfAttention(
    heads=[(
        page([[1, 0, 0], [0, 1, 0]]),
        page([[1, 1, 0], [0, 0, 1]]),
        page([[1, 0, 0], [0, 1, 0], [0, 0, 1]]),
    )],
    scale="root",
    causal=False,
)
layer_1 = Residual(layer_1_1)

# Layer 2: Layer norm 1
# layer norm: each sample over its features (dim 1 in PyTorch's layout), ε = 0.00001
layer_2 = torch_norm(
    layer=nn.LayerNorm(3, eps=0.00001),
    gamma=page([1, 1, 1]),
    beta=page([0, 0, 0]),
)

# Layer 3: Feed-forward + residual
# residual: x + f(x), f = the 2 layers below
# inner Layer 1: Widen
# dense, 3 inputs → 4 units, gelu; nn.GELU() is the exact erf form, as the page
layer_3_1 = dense(
    weights=page([[1, -1, 0], [0, 1, -1], [-1, 0, 1], [1, 0, 0]]),
    bias=page([0, 0, 0, 0]),
    activation=nn.GELU(),
)
# inner Layer 2: Narrow
# dense, 4 inputs → 3 units, linear; nn.Identity() for linear
layer_3_2 = dense(
    weights=page([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 1]]),
    bias=page([0, 0, 0]),
    activation=nn.Identity(),
)
layer_3 = Residual(layer_3_1, layer_3_2)

# Layer 4: Layer norm 2
# layer norm: each sample over its features (dim 1 in PyTorch's layout), ε = 0.00001
layer_4 = torch_norm(
    layer=nn.LayerNorm(3, eps=0.00001),
    gamma=page([1, 1, 1]),
    beta=page([0, 0, 0]),
)

model = nn.Sequential(layer_1, layer_2, layer_3, layer_4)

# The input as on the page (3 features × 4 columns); x holds one sample per row.
x = page([[1, 0, 1, 0], [0, 1, 1, 0], [1, 0, 0, 2]]).T

layer_names = ["Attention + residual", "Layer norm 1", "Feed-forward + residual", "Layer norm 2"]
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

# Training. The target as on the page; transposed like the input.
target = page([[1, -1, 1, 0], [0, 1, 0, -1], [-1, 0, -1, 1]]).T
learning_rate = 0.1
steps = 1

loss_function = nn.MSELoss()  # the mean of (a − t)² over every output number

# Every parameter is kept as the page lays it out (weights units × inputs, vectors as
# lists), so its gradient (.grad) reads as the page's dW, db, dγ, ... does.
# optim.SGD takes the step p ← p − learning_rate · dp, as the page.
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
losses = []
for step in range(steps + 1):
    optimizer.zero_grad()
    current = loss_function(model(x), target)
    losses.append(current.item())
    current.backward()
    if step == 0:
        print(f"loss = {current.item()}")
        print("gradients of the first step:")
        for name, parameter in model.named_parameters():
            print(f"d {name} =")
            print(parameter.grad)
    if step < steps:
        optimizer.step()
loss = losses[0]  # before any step: the loss on the page
print("losses =", losses)
print(f"after {steps} step(s):")
for name, parameter in model.named_parameters():
    print(f"{name} =")
    print(parameter.detach())
