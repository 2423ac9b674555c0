package dev.longhand.render;

import java.util.List;

/**
 * The training part of a block: the loss, the backward pass (last layer first), one update
 * step, and with several steps the loss at each step and a plot of it.
 *
 * @param output         the network's output, beside the target
 * @param lossName       how the loss is named, with its PyTorch counterpart
 * @param lossLine       the loss written out
 * @param learningRate   η as shown
 * @param steps          steps taken
 * @param backward       the layers, last to first
 * @param update         the first step, layer by layer, first to last
 * @param after          weights after the last step, when there is more than one step
 * @param losses         the loss before each step and after the last
 * @param plot           an SVG plot of the losses (raw markup built from numbers only)
 * @param typed          whether the network has kinds beyond dense layers: then {@code backward},
 *                       {@code update} and {@code after} are empty and the parameters are shown
 *                       by {@code gradients} and {@code values}, whatever their kind
 * @param gradients      each layer's gradients of the first step (∂L/∂A, each parameter's, dense layers
 *                       written out), last layer first
 * @param values         each layer's parameters after one step (with every update written out) or after every step
 */
public record TrainingView(
        MatrixView output,
        MatrixView target,
        String lossName,
        GradientLineView lossLine,
        String learningRate,
        int steps,
        List<BackwardLayerView> backward,
        List<UpdateLayerView> update,
        List<UpdateLayerView> after,
        List<LossRowView> losses,
        String plot,
        boolean typed,
        List<KindBackwardView> gradients,
        List<ParametersView> values) {

    public TrainingView {
        backward = List.copyOf(backward);
        update = List.copyOf(update);
        after = List.copyOf(after);
        losses = List.copyOf(losses);
        gradients = List.copyOf(gradients);
        values = List.copyOf(values);
    }

    public boolean severalSteps() {
        return steps > 1;
    }
}
