package dev.longhand.nn;

import java.util.ArrayList;
import java.util.List;

/** Full-batch gradient descent, every step on the same input. Pure: it returns a new network. */
public final class Trainer {

    private Trainer() {
    }

    /**
     * Takes {@code training.steps()} steps; each runs a forward pass, a backward pass, and
     * updates every layer with the gradients of that one pass ({@link Network#step}).
     */
    public static TrainingTrace train(Network network, Matrix input, Training training) {
        ForwardTrace original = network.forward(input);
        BackwardTrace firstStep = original.backward(training.target(), training.loss());
        List<Double> losses = new ArrayList<>(training.steps() + 1);
        Network current = network;
        BackwardTrace gradients = firstStep;
        for (int step = 0; step < training.steps(); step++) {
            if (step > 0) {
                gradients = current.forward(input).backward(training.target(), training.loss());
            }
            losses.add(gradients.loss());
            current = current.step(gradients, training.learningRate());
        }
        losses.add(training.loss().value(current.forward(input), training.target()));
        return new TrainingTrace(original, firstStep, losses, current);
    }
}
