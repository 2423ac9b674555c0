package dev.longhand.render;

import dev.longhand.nn.Activation;
import dev.longhand.nn.Layer;
import dev.longhand.nn.LayerGradients;
import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.Loss;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Network;
import dev.longhand.nn.Training;
import dev.longhand.nn.TrainingTrace;
import dev.longhand.worked.Figures;
import dev.longhand.worked.GradientSheet;
import java.util.ArrayList;
import java.util.List;

/** Builds the training part of a block's view: loss, backward pass, updates, losses. */
final class TrainingViews {

    private TrainingViews() {
    }

    static TrainingView of(Block block, MatrixViews matrices) {
        Training training = block.training().orElseThrow();
        TrainingTrace trained = block.trained().orElseThrow();
        int p = block.precision();
        GradientSheet sheet = new GradientSheet(p);
        Matrix output = block.forward().output();
        List<String> sampleNames = MatrixViews.columns(output.cols(), block.batch(), block.columnNoun());

        int last = block.forward().stages().size() - 1;
        MatrixView outputView = matrices.shown("A" + Figures.subscript(last + 1), "the output", "output", output,
                MatrixViews.numbered(output.rows()), sampleNames, (r, c) -> "layers." + last + ".a." + r + "." + c,
                MatrixViews.NO_MARKS);
        MatrixView target = matrices.shown("T", "target", "target", training.target(),
                MatrixViews.numbered(output.rows()), sampleNames, (r, c) -> "target." + r + "." + c,
                MatrixViews.NO_MARKS);
        GradientLineView lossLine = new GradientLineView("loss",
                sheet.loss(training.loss(), output, training.target(), trained.firstStep().loss()), false);
        List<LossRowView> losses = new ArrayList<>();
        for (int k = 0; k < trained.losses().size(); k++) {
            losses.add(new LossRowView(k, Figures.display(trained.losses().get(k), p), "losses." + k));
        }
        String plot = training.steps() > 1 ? LossPlot.svg(block.id(), trained.losses(), p) : "";
        if (!block.forward().allDense()) {
            // Kinds beyond dense layers: every parameter's gradient and value after training, by its path.
            boolean oneStep = training.steps() == 1;
            return new TrainingView(outputView, target, lossName(training.loss()), lossLine,
                    Figures.display(training.learningRate(), p), training.steps(), List.of(), List.of(), List.of(),
                    losses, plot, true, KindTrainingViews.gradients(block, training, trained, matrices),
                    KindTrainingViews.after(block, trained, trained.after(), training.learningRate(), oneStep, matrices));
        }
        List<LayerTrace> traces = block.forward().denseLayers();

        List<BackwardLayerView> backward = new ArrayList<>();
        for (int i = traces.size() - 1; i >= 0; i--) {
            backward.add(backwardLayer(block, training, trained, i, sheet, matrices, sampleNames));
        }

        Network firstStep = block.firstStep().orElseThrow();
        List<UpdateLayerView> update = new ArrayList<>();
        List<UpdateLayerView> after = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            update.add(updateLayer(block, training, trained, firstStep, i, sheet, matrices));
            if (training.steps() > 1) {
                after.add(afterLayer(block, trained.after(), i, matrices));
            }
        }

        return new TrainingView(outputView, target, lossName(training.loss()), lossLine, Figures.display(training.learningRate(), p),
                training.steps(), backward, update, after, losses, plot, false, List.of(), List.of());
    }

    static String lossName(Loss loss) {
        return switch (loss) {
            case MSE -> "mean squared error (PyTorch’s MSELoss): the mean of (a − t)² over every output and sample";
            case CROSS_ENTROPY -> "cross-entropy (PyTorch’s CrossEntropyLoss with probability targets):"
                    + " the mean over samples of −Σ t·log(a)";
        };
    }

    private static BackwardLayerView backwardLayer(Block block, Training training, TrainingTrace trained, int i,
                                                   GradientSheet sheet, MatrixViews matrices,
                                                   List<String> sampleNames) {
        List<LayerTrace> traces = block.forward().denseLayers();
        LayerTrace trace = traces.get(i);
        LayerGradients g = trained.firstStep().dense(i);
        Activation activation = trace.layer().activation();
        boolean last = i == traces.size() - 1;
        boolean straight = last && training.loss() == Loss.CROSS_ENTROPY && activation == Activation.SOFTMAX;
        String sub = Figures.subscript(i + 1);
        String prefix = "layers." + i;
        List<String> units = MatrixViews.numbered(trace.layer().units());
        List<String> inputs = BlockViews.layerInputNames(block, i);

        MatrixView dA = matrices.shown("∂L/∂A" + sub, "gradient of the loss with respect to the outputs of layer "
                + (i + 1), "grad", g.dA(), units, sampleNames, (r, c) -> prefix + ".dA." + r + "." + c,
                MatrixViews.NO_MARKS);
        MatrixView dZ = matrices.shown("∂L/∂Z" + sub, "gradient with respect to the weighted sums of layer "
                + (i + 1), "grad", g.dZ(), units, sampleNames, (r, c) -> prefix + ".dZ." + r + "." + c,
                (r, c) -> GradientSheet.blocked(activation, trace.z().get(r, c)) ? "blocked" : "");
        MatrixView input = matrices.shown((i == 0 ? "X" : "A" + Figures.subscript(i)) + "ᵀ",
                "the layer's input, transposed", "input", trace.input().transpose(), sampleNames, inputs,
                (r, c) -> "", MatrixViews.NO_MARKS);
        MatrixView dW = matrices.shown("∂L/∂W" + sub, "gradient with respect to the weights of layer " + (i + 1),
                "grad", g.dW(), units, inputs, (r, c) -> prefix + ".dW." + r + "." + c, MatrixViews.NO_MARKS);
        MatrixView db = matrices.shown("∂L/∂b" + sub, "gradient with respect to the biases of layer " + (i + 1),
                "grad", g.db(), units, List.of("b"), (r, c) -> prefix + ".db." + r, MatrixViews.NO_MARKS);

        List<GradientGroupView> perSample = new ArrayList<>();
        Matrix output = block.forward().output();
        List<Integer> shownUnits = MatrixViews.shown(g.dZ().rows()).stream().filter(u -> u >= 0).toList();
        List<Integer> shownInputs = MatrixViews.shown(g.dW().cols()).stream().filter(k -> k >= 0).toList();
        for (int s = 0; s < g.dZ().cols(); s++) {
            List<GradientLineView> dALines = new ArrayList<>();
            List<GradientLineView> dZLines = new ArrayList<>();
            for (int u : shownUnits) {
                String at = "." + u + "." + s;
                if (straight) {
                    dZLines.add(new GradientLineView(prefix + ".dZ" + at,
                            sheet.softmaxCrossEntropyDelta(output, training.target(), g.dZ(), u, s), false));
                    continue;
                }
                String dALine = last
                        ? sheet.outputGradient(training.loss(), output, training.target(), g.dA(), u, s)
                        : sheet.hiddenGradient(traces.get(i + 1).layer().weights(),
                                trained.firstStep().dense(i + 1).dZ(), g.dA(), u, s);
                dALines.add(new GradientLineView(prefix + ".dA" + at, dALine, false));
                boolean blocked = GradientSheet.blocked(activation, trace.z().get(u, s));
                dZLines.add(new GradientLineView(prefix + ".dZ" + at,
                        sheet.delta(activation, trace.z(), trace.a(), g.dA(), g.dZ(), u, s), blocked));
            }
            List<GradientLineView> lines = new ArrayList<>(dALines);
            lines.addAll(dZLines);
            perSample.add(new GradientGroupView(block.batch() ? "Sample " + (s + 1) : "", lines));
        }
        List<GradientLineView> dWLines = new ArrayList<>();
        List<GradientLineView> dbLines = new ArrayList<>();
        for (int u : shownUnits) {
            for (int k : shownInputs) {
                dWLines.add(new GradientLineView(prefix + ".dW." + u + "." + k,
                        sheet.weightGradient(g.dZ(), trace.input(), g.dW(), u, k), false));
            }
            dbLines.add(new GradientLineView(prefix + ".db." + u, sheet.biasGradient(g.dZ(), g.db(), u), false));
        }
        return new BackwardLayerView(i, BlockViews.title(trace.layer().name(), i + 1), straight, dA, dZ, input, dW,
                db, perSample, block.batch() ? "Weights and biases, summed over the samples" : "Weights and biases",
                dWLines, dbLines);
    }

    private static UpdateLayerView updateLayer(Block block, Training training, TrainingTrace trained,
                                               Network firstStep, int i, GradientSheet sheet, MatrixViews matrices) {
        Layer before = block.forward().denseLayers().get(i).layer();
        Layer after = firstStep.dense(i);
        LayerGradients g = trained.firstStep().dense(i);
        String sub = Figures.subscript(i + 1);
        String prefix = "layers." + i + ".step.";
        List<String> units = MatrixViews.numbered(before.units());
        MatrixView weights = matrices.shown("new W" + sub,
                "weights of layer " + (i + 1) + " after one step", "weights", after.weights(), units,
                BlockViews.layerInputNames(block, i), (r, c) -> prefix + "weights." + r + "." + c,
                MatrixViews.NO_MARKS);
        MatrixView bias = matrices.shown("new b" + sub,
                "biases of layer " + (i + 1) + " after one step", "bias", after.bias(), units, List.of("b"),
                (r, c) -> prefix + "bias." + r, MatrixViews.NO_MARKS);
        List<GradientLineView> lines = new ArrayList<>();
        double eta = training.learningRate();
        for (int u : MatrixViews.shown(before.units())) {
            if (u < 0) {
                continue;
            }
            for (int k : MatrixViews.shown(before.inputs())) {
                if (k < 0) {
                    continue;
                }
                lines.add(new GradientLineView(prefix + "weights." + u + "." + k, sheet.update(
                        "w" + Figures.subscript(u + 1) + "," + Figures.subscript(k + 1),
                        before.weights().get(u, k), eta, g.dW().get(u, k), after.weights().get(u, k)), false));
            }
            lines.add(new GradientLineView(prefix + "bias." + u, sheet.update("b" + Figures.subscript(u + 1),
                    before.bias().get(u, 0), eta, g.db().get(u, 0), after.bias().get(u, 0)), false));
        }
        return new UpdateLayerView(BlockViews.title(before.name(), i + 1), weights, bias, lines);
    }

    private static UpdateLayerView afterLayer(Block block, Network after, int i, MatrixViews matrices) {
        Layer layer = after.dense(i);
        String sub = Figures.subscript(i + 1);
        List<String> units = MatrixViews.numbered(layer.units());
        MatrixView weights = matrices.shown("W" + sub, "weights of layer " + (i + 1) + " after every step",
                "weights", layer.weights(), units, BlockViews.layerInputNames(block, i),
                (r, c) -> "layers." + i + ".weights_after." + r + "." + c, MatrixViews.NO_MARKS);
        MatrixView bias = matrices.shown("b" + sub, "biases of layer " + (i + 1) + " after every step", "bias",
                layer.bias(), units, List.of("b"), (r, c) -> "layers." + i + ".bias_after." + r,
                MatrixViews.NO_MARKS);
        return new UpdateLayerView(BlockViews.title(layer.name(), i + 1), weights, bias, List.of());
    }
}
