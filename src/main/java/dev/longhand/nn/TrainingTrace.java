package dev.longhand.nn;

import java.util.List;

/**
 * The result of training, as a page shows it.
 *
 * @param forward   the forward pass of the original network
 * @param firstStep the backward pass of that forward pass: the gradients of the first step
 * @param losses    the loss before each step and after the last one: steps + 1 values
 * @param after     the network after every step
 */
public record TrainingTrace(ForwardTrace forward, BackwardTrace firstStep, List<Double> losses, Network after) {

    public TrainingTrace {
        losses = List.copyOf(losses);
    }
}
