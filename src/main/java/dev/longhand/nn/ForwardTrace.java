package dev.longhand.nn;

import java.util.List;

/**
 * The whole forward pass, stage by stage, kept at full precision so that the page can write
 * out each sum and the browser can check it.
 *
 * @param input  the network input, features × samples
 * @param stages one trace per layer, input side first
 */
public record ForwardTrace(Matrix input, List<StageTrace> stages) {

    public ForwardTrace {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a forward trace has at least one layer");
        }
    }

    /** The network output: the last stage's output. */
    public Matrix output() {
        return last().a();
    }

    /** The trace of the output stage. */
    public StageTrace last() {
        return stages.get(stages.size() - 1);
    }

    /** The dense layer at {@code index}, for code that draws dense layers. */
    public LayerTrace dense(int index) {
        return (LayerTrace) stages.get(index);
    }

    /** Every stage as a dense layer, for code that draws networks of dense layers only. */
    public List<LayerTrace> denseLayers() {
        return stages.stream().map(s -> (LayerTrace) s).toList();
    }

    /** Whether every stage is a dense layer: the networks of the first lessons. */
    public boolean allDense() {
        return stages.stream().allMatch(s -> s instanceof LayerTrace);
    }

    /** The number of samples (columns of the input). */
    public int samples() {
        return input.cols();
    }

    /** Backpropagates {@code loss} against {@code target} through this pass. */
    public BackwardTrace backward(Matrix target, Loss loss) {
        return Backpropagation.run(this, target, loss);
    }
}
