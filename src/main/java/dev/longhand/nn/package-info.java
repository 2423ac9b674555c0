/** Pure computation of multilayer perceptrons: immutable matrices, activations, forward pass, losses, backpropagation and gradient descent; no I/O and no formatting. */
package dev.longhand.nn;
