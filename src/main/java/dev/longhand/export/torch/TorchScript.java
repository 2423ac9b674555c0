package dev.longhand.export.torch;

import dev.longhand.export.KindExports;
import dev.longhand.nn.Drawn;
import dev.longhand.nn.ForwardTrace;
import dev.longhand.nn.Loss;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.StageTrace;
import dev.longhand.nn.Training;
import dev.longhand.render.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A block as a PyTorch script (the contract's {@code pytorch} export): Python 3 needing only
 * PyTorch, in doubles, built from {@code torch.nn} layers where PyTorch has them with the block's
 * numbers copied in. It runs the forward pass and, for a training block, the loss,
 * {@code loss.backward()} and {@code optim.SGD} steps; prints what a learner compares with the
 * page; and leaves {@code output} (rows and columns as in the trace) and, when training,
 * {@code loss} and {@code losses}. Pure: the same block gives the same text.
 */
public final class TorchScript {

    private TorchScript() {
    }

    /** The script of {@code block}, each kind beyond dense layers written by its part in {@code kinds}. */
    public static String of(Block block, KindExports kinds) {
        return of(block, TorchLayers.of(kinds));
    }

    /** The script of {@code block}, each kind beyond dense layers written by its writer in {@code kinds}. */
    public static String of(Block block, TorchLayers kinds) {
        String title = "Block " + block.id() + (block.caption().isBlank() ? "" : " (" + block.caption() + ")");
        return of(title, block.forward(), block.training(), Math.max(block.precision(), 4), block.drawn(), kinds);
    }

    /**
     * The script of a forward pass and its training settings.
     *
     * @param title     what the script's docstring calls the block
     * @param precision decimals PyTorch prints
     * @param drawn     the matrices drawn from a seed, by identity, which the script draws again when they are large
     */
    public static String of(String title, ForwardTrace forward, Optional<Training> training, int precision,
                            Map<Matrix, Drawn> drawn, TorchLayers kinds) {
        TorchCode code = new TorchCode(kinds, drawn);
        List<String> names = new ArrayList<>();
        List<StageTrace> stages = forward.stages();
        code.comment("The layers, input side first; each takes and gives one sample per row.");
        for (int i = 0; i < stages.size(); i++) {
            String name = "layer_" + (i + 1);
            code.line("");
            code.comment(TorchCode.title(i + 1, stages.get(i).stage().name()));
            code.layer(stages.get(i), name);
            names.add(name);
        }
        code.line("");
        code.line("model = nn.Sequential(" + String.join(", ", names) + ")");
        String layerNames = Python.list(stages.stream().map(s -> Python.string(s.stage().name())).toList());
        String input = code.matrix(forward.input());
        String target = training.map(t -> code.matrix(t.target())).orElse("");

        StringBuilder s = new StringBuilder();
        s.append("#!/usr/bin/env python3\n");
        s.append("\"\"\"").append(Python.docstringLine(title)).append(" in PyTorch: the page's numbers, computed again.\n\n");
        s.append("Needs only PyTorch (the CPU build is enough): python3 -m pip install torch\n");
        s.append("Leaves `output` (rows and columns as on the page)");
        s.append(training.isPresent() ? ", `loss` (before any step) and `losses` (before each step and after the last).\n"
                : ".\n");
        s.append("\"\"\"\n");
        for (String module : code.imports()) {
            s.append("import ").append(module).append('\n');
        }
        s.append("""
                import torch
                from torch import nn

                # Doubles, as the page computes, so that every number agrees with it.
                torch.set_default_dtype(torch.float64)
                """);
        s.append("torch.set_printoptions(precision=").append(precision).append(")\n");
        s.append("""

                # Layout. The page writes a matrix with one row per feature (unit, channel) and one column
                # per sample (or token); PyTorch puts one sample per row. So the input goes in transposed
                # (.T), every layer takes and gives one sample per row, and each result is transposed back
                # before it is printed, to read as on the page. Weights need no transposing: nn.Linear
                # keeps its weight as (units × inputs), as the page does, and computes x @ W.T + b.


                """);
        s.append(code.definitions());
        s.append(code.statements());
        s.append("\n# The input as on the page (").append(TorchCode.count(forward.input().rows(), "feature")).append(" × ")
                .append(TorchCode.count(forward.input().cols(), "column")).append("); x holds one sample per row.\n");
        // An input drawn a sample at a time is drawn(...).T on the page's side; its draw is PyTorch's layout already.
        s.append("x = ").append(input.endsWith(").T") ? input.substring(0, input.length() - 2) : input + ".T").append("\n\n");
        s.append("layer_names = ").append(layerNames).append('\n');
        s.append("""
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
                """);
        training.ifPresent(t -> s.append(training(t, target, hasParameters(forward))));
        return s.toString();
    }

    private static boolean hasParameters(ForwardTrace forward) {
        return forward.stages().stream().anyMatch(t -> !t.stage().parameters().isEmpty());
    }

    private static String training(Training t, String target, boolean hasParameters) {
        StringBuilder s = new StringBuilder("\n");
        s.append("# Training. The target as on the page; transposed like the input.\n");
        s.append("target = ").append(target).append(".T\n");
        s.append("learning_rate = ").append(Python.number(t.learningRate())).append('\n');
        s.append("steps = ").append(t.steps()).append("\n\n");
        if (t.loss() == Loss.MSE) {
            s.append("loss_function = nn.MSELoss()  # the mean of (a − t)² over every output number\n");
        } else {
            s.append("""

                    def cross_entropy(a, t):
                        \"""The page's cross entropy: the mean over samples of −Σ t·log(a) over the output units.

                        With a softmax output this is nn.CrossEntropyLoss() applied to the softmax's input with
                        probability targets. xlogy(t, a) is t·log(a), and 0 where t is 0, as the page skips those.
                        \"""
                        return -torch.special.xlogy(t, a).sum(dim=1).mean()


                    loss_function = cross_entropy
                    """);
        }
        if (!hasParameters) {
            s.append("""

                    # No layer has parameters: nothing to train, the loss stays what it is.
                    loss = loss_function(model(x), target).item()
                    losses = [loss] * (steps + 1)
                    print(f"loss = {loss}")
                    print("losses =", losses)
                    """);
            return s.toString();
        }
        s.append("""

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
                """);
        return s.toString();
    }
}
