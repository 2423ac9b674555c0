package dev.longhand.spec;

import dev.longhand.nn.Drawn;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import dev.longhand.diag.Position;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Network;
import dev.longhand.nn.Training;
import java.util.List;
import java.util.Optional;

/**
 * One valid {@code mlp} block: the network, its input (one column per sample) and how to
 * show it. Only {@link SpecReader} makes one, after every check passed.
 *
 * @param caption     text above the block, or empty
 * @param input       inputs × samples
 * @param batch       whether the author gave a list of samples (shown as columns of X)
 * @param inputLabels names of the input units, or empty for the defaults x₁, x₂, ...
 * @param network     the layers, defaults applied
 * @param precision   decimals shown on the page
 * @param training    target, loss, learning rate and steps, when the block trains
 * @param layout      how the layers are drawn
 * @param practice    which values the page leaves blank for the reader, when it is a worksheet
 * @param opening     where the block's opening fence is
 */
public record MlpSpec(
        String caption,
        Matrix input,
        boolean batch,
        List<String> inputLabels,
        Network network,
        int precision,
        Optional<Training> training,
        Layout layout,
        Optional<Practice> practice,
        Position opening,
        Map<Matrix, Drawn> drawn) {

    public static final int DEFAULT_PRECISION = 4;

    public MlpSpec {
        inputLabels = List.copyOf(inputLabels);
        drawn = Collections.unmodifiableMap(new IdentityHashMap<>(drawn));
    }
}
