package dev.longhand.render;

import dev.longhand.nn.Drawn;
import dev.longhand.nn.ForwardTrace;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Network;
import dev.longhand.nn.Training;
import dev.longhand.nn.TrainingTrace;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One computed {@code mlp} block, ready to render: what the author asked for and what the
 * network did. Made by the Markdown step from a validated spec.
 *
 * @param id          unique within the page, e.g. "mlp-2"
 * @param caption     the author's caption, or empty
 * @param inputLabels names of the input units, or empty for x₁, x₂, ...
 * @param batch       whether the input was given as a list of samples
 * @param precision   decimals shown
 * @param augmented   whether the bias is drawn as the last column of W
 * @param forward     every intermediate of the forward pass
 * @param training    the training settings, when the block trains
 * @param trained     what training gave
 * @param firstStep   the network after one step, the step written out on the page
 * @param blanks      the values left for the reader to work out, {@link Blanks#NONE} unless a worksheet
 * @param sheets      how the page draws the block's layer kinds beyond dense layers
 * @param drawn       the matrices drawn from a seed, by identity (the network's and the input's own objects), and how
 */
public record Block(
        String id,
        String caption,
        List<String> inputLabels,
        boolean batch,
        int precision,
        boolean augmented,
        ForwardTrace forward,
        Optional<Training> training,
        Optional<TrainingTrace> trained,
        Optional<Network> firstStep,
        Blanks blanks,
        KindSheets sheets,
        Map<Matrix, Drawn> drawn) {

    public Block {
        inputLabels = List.copyOf(inputLabels);
        drawn = Collections.unmodifiableMap(new IdentityHashMap<>(drawn));
    }

    /** A block with nothing drawn from a seed. */
    public Block(String id, String caption, List<String> inputLabels, boolean batch, int precision, boolean augmented,
                 ForwardTrace forward, Optional<Training> training, Optional<TrainingTrace> trained,
                 Optional<Network> firstStep, Blanks blanks, KindSheets sheets) {
        this(id, caption, inputLabels, batch, precision, augmented, forward, training, trained, firstStep, blanks,
                sheets, Map.of());
    }

    /** A block of dense layers only. */
    public Block(String id, String caption, List<String> inputLabels, boolean batch, int precision, boolean augmented,
                 ForwardTrace forward, Optional<Training> training, Optional<TrainingTrace> trained,
                 Optional<Network> firstStep, Blanks blanks) {
        this(id, caption, inputLabels, batch, precision, augmented, forward, training, trained, firstStep, blanks,
                KindSheets.NONE);
    }

    /** What the block calls its columns: "token" when a layer mixes them as tokens (attention), else "sample". */
    public String columnNoun() {
        return tokens(forward.stages()) ? "token" : "sample";
    }

    private boolean tokens(List<dev.longhand.nn.StageTrace> stages) {
        for (dev.longhand.nn.StageTrace t : stages) {
            if (!(t instanceof dev.longhand.nn.LayerTrace) && sheets.get(t.stage().type()).tokens()) {
                return true;
            }
            if (t instanceof dev.longhand.nn.NestedTrace n && tokens(n.inner())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the page leaves values blank for the reader. */
    public boolean practice() {
        return blanks.any();
    }

    /** The same block with every value shown: its answer key. */
    public Block answered() {
        return new Block(id, caption, inputLabels, batch, precision, augmented, forward, training, trained, firstStep,
                Blanks.NONE, sheets, drawn);
    }
}
