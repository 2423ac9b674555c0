/** The {@code activation} kind: an activation function alone, applied to what the layer before gave. */
package dev.longhand.kinds.activation;
