package dev.longhand.export.torch;

import dev.longhand.diag.Diagnostics;
import dev.longhand.diag.SourceText;
import dev.longhand.kinds.Kinds;
import dev.longhand.nn.ForwardTrace;
import dev.longhand.nn.Network;
import dev.longhand.nn.Trainer;
import dev.longhand.nn.TrainingTrace;
import dev.longhand.render.Blanks;
import dev.longhand.render.Block;
import dev.longhand.spec.BlockSource;
import dev.longhand.spec.MlpSpec;
import dev.longhand.spec.SpecReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Blocks computed as the build computes them (spec, forward pass, training), from the YAML of a
 * block or from every {@code mlp}/{@code network} fence of a lesson's Markdown.
 */
final class ExportBlocks {

    private ExportBlocks() {
    }

    /** The block of {@code yaml}, or empty when it has errors or its numbers overflow. */
    static Optional<Block> of(String id, String yaml) {
        return of(id, yaml, new Diagnostics());
    }

    /** The block of {@code yaml}, or an error listing its problems. */
    static Block valid(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        return of("mlp-1", yaml, diagnostics).orElseThrow(() -> new AssertionError("the test block has errors: "
                + diagnostics.sorted().stream().map(d -> d.headline()).toList()));
    }

    private static Optional<Block> of(String id, String yaml, Diagnostics diagnostics) {
        String markdown = "```network\n" + yaml + (yaml.endsWith("\n") ? "" : "\n") + "```\n";
        SourceText file = new SourceText("content/x.md", markdown);
        int lines = (int) yaml.lines().count();
        int[] offsets = new int[lines];
        for (int i = 0; i < lines; i++) {
            offsets[i] = file.lineStart(i + 2);
        }
        BlockSource source = new BlockSource(file, yaml, offsets, file.positionOf(0));
        Optional<MlpSpec> spec = SpecReader.read(source, Optional.empty(), Kinds.readers(), diagnostics);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        MlpSpec s = spec.get();
        ForwardTrace forward = s.network().forward(s.input());
        Optional<TrainingTrace> trained = s.training().map(t -> Trainer.train(s.network(), s.input(), t));
        if (!finite(forward, trained)) {
            return Optional.empty();
        }
        Optional<Network> firstStep = trained.map(t -> s.network().step(t.firstStep(),
                s.training().orElseThrow().learningRate()));
        return Optional.of(new Block(id, s.caption(), s.inputLabels(), s.batch(), s.precision(), false, forward,
                s.training(), trained, firstStep, Blanks.NONE, Kinds.sheets(), s.drawn()));
    }

    private static boolean finite(ForwardTrace forward, Optional<TrainingTrace> trained) {
        var out = forward.output();
        for (int r = 0; r < out.rows(); r++) {
            for (int c = 0; c < out.cols(); c++) {
                if (!Double.isFinite(out.get(r, c))) {
                    return false;
                }
            }
        }
        return trained.map(t -> t.losses().stream().allMatch(Double::isFinite)).orElse(true);
    }

    /** The YAML of every {@code mlp} or {@code network} fence of a lesson, in order (indented fences too). */
    static List<String> fences(String markdown) {
        List<String> blocks = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.stripLeading();
            String info = stripped.startsWith("```") ? stripped.substring(3).strip() : "";
            if (!info.equals("mlp") && !info.equals("network")) {
                continue;
            }
            int indent = line.length() - stripped.length();
            StringBuilder yaml = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                String body = lines.get(i);
                yaml.append(body.length() >= indent && body.substring(0, indent).isBlank() ? body.substring(indent) : body.stripLeading())
                        .append('\n');
            }
            blocks.add(yaml.toString());
        }
        return blocks;
    }
}
