package dev.longhand.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.longhand.diag.Diagnostics;
import dev.longhand.diag.Position;
import dev.longhand.diag.SourceText;
import dev.longhand.kinds.Kinds;
import dev.longhand.nn.ForwardTrace;
import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Network;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.StageTrace;
import dev.longhand.nn.Trainer;
import dev.longhand.nn.TrainingTrace;
import dev.longhand.render.Block;
import dev.longhand.render.Blanks;
import dev.longhand.spec.BlockSource;
import dev.longhand.spec.Layout;
import dev.longhand.spec.MlpSpec;
import dev.longhand.spec.PracticeDefault;
import dev.longhand.spec.SpecReader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The first pass over a lesson: reads and computes one {@code mlp} (or {@code network}) fence. */
final class BlockComputer {

    /** The fences that hold a network block: the same format and the same page either way. */
    static final List<String> INFOS = List.of("mlp", "network");

    private BlockComputer() {
    }

    static boolean isMlp(FencedCodeBlock fence) {
        String info = fence.getInfo().toString().trim();
        int space = info.indexOf(' ');
        return INFOS.contains(space < 0 ? info : info.substring(0, space));
    }

    /** The block's YAML as the spec reader sees it: its lines without the fence's indentation. */
    static String text(FencedCodeBlock fence) {
        StringBuilder yaml = new StringBuilder();
        fence.getContentLines().forEach(yaml::append);
        return yaml.toString();
    }

    /**
     * @param bodyStart    offset of the Markdown body in the file (after the front matter)
     * @param number       1-based position of the block in the lesson, for its id
     * @param sitePractice the site's practice default, if it sets one
     * @param page         the lesson's page ("four-nodes.html"), which with the block's id seeds
     *                     the new numbers a worksheet may draw
     */
    static Optional<Block> compute(FencedCodeBlock fence, SourceText file, int bodyStart, int number,
                                   Optional<PracticeDefault> sitePractice, String page, Diagnostics diagnostics) {
        Position opening = file.positionOf(bodyStart + fence.getStartOffset());
        if (fence.getClosingMarker().isEmpty()) {
            diagnostics.add(file.error(opening, "this mlp block is never closed; end it with a line of "
                    + fence.getOpeningMarker()));
            return Optional.empty();
        }
        List<BasedSequence> lines = fence.getContentLines();
        int[] offsets = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            offsets[i] = bodyStart + lines.get(i).getStartOffset();
        }
        BlockSource source = new BlockSource(file, text(fence), offsets, opening);
        Optional<MlpSpec> spec = SpecReader.read(source, sitePractice, Kinds.readers(), diagnostics);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        MlpSpec s = spec.get();
        ForwardTrace forward = s.network().forward(s.input());
        Optional<TrainingTrace> trained = s.training().map(t -> Trainer.train(s.network(), s.input(), t));
        Optional<String> overflow = firstNonFinite(forward, trained);
        if (overflow.isPresent()) {
            diagnostics.add(file.error(opening, "the numbers of this block grow too large to compute: "
                    + overflow.get() + "; use smaller weights or inputs"));
            return Optional.empty();
        }
        Optional<Network> firstStep = trained.map(t -> s.network().step(t.firstStep(),
                s.training().orElseThrow().learningRate()));
        String id = BlockIds.of(number);
        return Optional.of(new Block(id, s.caption(), s.inputLabels(), s.batch(), s.precision(),
                s.layout() == Layout.AUGMENTED, forward, s.training(), trained, firstStep,
                blanks(s, page + "#" + id), Kinds.sheets(), s.drawn()));
    }

    private static Blanks blanks(MlpSpec spec, String seedText) {
        return spec.practice()
                .map(p -> new Blanks(p.z(), p.a(), p.layers().stream().map(layer -> layer - 1).toList(),
                        p.newNumbers() ? OptionalLong.of(BlockIds.seed(seedText)) : OptionalLong.empty()))
                .orElse(Blanks.NONE);
    }

    /** Where a value first overflowed to infinity or became NaN, in words, if anywhere. */
    private static Optional<String> firstNonFinite(ForwardTrace forward, Optional<TrainingTrace> trained) {
        List<StageTrace> stages = forward.stages();
        for (int i = 0; i < stages.size(); i++) {
            StageTrace stage = stages.get(i);
            List<String> parts = stage instanceof LayerTrace ? List.of("z", "a") : List.of("a");
            for (String part : parts) {
                Matrix m = part.equals("z") ? ((LayerTrace) stage).z() : stage.a();
                Optional<String> at = nonFinite(m);
                if (at.isPresent()) {
                    return Optional.of("layer " + (i + 1) + " " + part + " " + at.get());
                }
            }
        }
        if (trained.isPresent()) {
            for (double loss : trained.get().losses()) {
                if (!Double.isFinite(loss)) {
                    return Optional.of("the loss during training is " + loss);
                }
            }
            var after = trained.get().after().layers();
            for (int i = 0; i < after.size(); i++) {
                for (Parameters.Entry p : after.get(i).parameters().entries()) {
                    Optional<String> at = nonFinite(p.value());
                    if (at.isPresent()) {
                        return Optional.of("layer " + (i + 1) + " " + p.path() + " after training " + at.get());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> nonFinite(Matrix m) {
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                double v = m.get(r, c);
                if (!Double.isFinite(v)) {
                    return Optional.of("row " + (r + 1) + " sample " + (c + 1) + " is "
                            + (Double.isNaN(v) ? "not a number" : "infinite"));
                }
            }
        }
        return Optional.empty();
    }
}
