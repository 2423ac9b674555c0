package dev.longhand.export.xlsx;

import dev.longhand.diag.Diagnostics;
import dev.longhand.diag.SourceText;
import dev.longhand.kinds.Kinds;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Network;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageTrace;
import dev.longhand.nn.Trainer;
import dev.longhand.nn.Training;
import dev.longhand.nn.TrainingTrace;
import dev.longhand.render.Blanks;
import dev.longhand.render.Block;
import dev.longhand.spec.BlockSource;
import dev.longhand.spec.MlpSpec;
import dev.longhand.spec.SpecReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A block computed from its YAML the way a build computes it: read, forward, training. */
final class Blocks {

    private Blocks() {
    }

    static Block of(String yaml) {
        String body = yaml.endsWith("\n") ? yaml : yaml + "\n";
        String text = "```network\n" + body + "```\n";
        SourceText file = new SourceText("content/x.md", text);
        List<Integer> offsets = new ArrayList<>();
        long lines = body.chars().filter(ch -> ch == '\n').count();
        for (int line = 2; line < 2 + lines; line++) {
            offsets.add(file.lineStart(line));
        }
        BlockSource source = new BlockSource(file, body, offsets.stream().mapToInt(Integer::intValue).toArray(),
                file.positionOf(0));
        Diagnostics diagnostics = new Diagnostics();
        Optional<MlpSpec> read = SpecReader.read(source, Optional.empty(), Kinds.readers(), diagnostics);
        if (read.isEmpty() || diagnostics.hasErrors()) {
            throw new IllegalArgumentException("the test block has errors: " + diagnostics.sorted() + "\n" + yaml);
        }
        MlpSpec s = read.get();
        return computed(s.network(), s.input(), s.training(), s.caption(), s.inputLabels(), s.batch(), s.precision());
    }

    /** What a build computes for {@code network} on {@code input}: the forward pass and any training. */
    static Block computed(Network network, Matrix input, Optional<Training> training, String caption,
                          List<String> labels, boolean batch, int precision) {
        Optional<TrainingTrace> trained = training.map(t -> Trainer.train(network, input, t));
        Optional<Network> firstStep = trained.map(t -> network.step(t.firstStep(), training.get().learningRate()));
        return new Block("mlp-1", caption, labels, batch, precision, false, network.forward(input), training, trained,
                firstStep, Blanks.NONE, Kinds.sheets());
    }

    /**
     * {@code block} with entry (r, c) of parameter {@code path} of layer {@code layer} set to
     * {@code value}, recomputed: the edit a reader makes, for blocks whose YAML generates its numbers.
     */
    static Block edited(Block block, int layer, String path, int r, int c, double value) {
        List<Stage> stages = new ArrayList<>();
        for (StageTrace t : block.forward().stages()) {
            stages.add(t.stage());
        }
        Stage stage = stages.get(layer);
        Parameters.Builder changed = Parameters.builder();
        for (Parameters.Entry e : stage.parameters().entries()) {
            Matrix m = e.value();
            if (e.path().equals(path)) {
                double[][] a = m.toArrays();
                a[r][c] = value;
                m = Matrix.of(a);
            }
            if (e.vector()) {
                changed.vector(e.path(), m);
            } else {
                changed.matrix(e.path(), m);
            }
        }
        stages.set(layer, stage.withParameters(changed.build()));
        return computed(new Network(stages), block.forward().input(), block.training(), block.caption(),
                block.inputLabels(), block.batch(), block.precision());
    }
}
