#!/usr/bin/env python3
"""Block mlp-2 (The same network, five steps of gradient descent with η = 0.1) in PyTorch: the page's numbers, computed again.

Needs only PyTorch (the CPU build is enough): python3 -m pip install torch
Leaves `output` (rows and columns as on the page), `loss` (before any step) and `losses` (before each step and after the last).
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

# Layer 1: Hidden
# dense, 2 inputs → 2 units, relu
layer_1 = dense(weights=page([[1, -1], [1, 0]]), bias=page([0, 0]), activation=nn.ReLU())

# Layer 2: Output
# dense, 2 inputs → 1 units, linear; nn.Identity() for linear
layer_2 = dense(weights=page([[1, 0.5]]), bias=page([0.5]), activation=nn.Identity())

model = nn.Sequential(layer_1, layer_2)

# The input as on the page (2 features × 1 column); x holds one sample per row.
x = page([[1], [2]]).T

layer_names = ["Hidden", "Output"]
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
target = page([[2]]).T
learning_rate = 0.1
steps = 5

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
