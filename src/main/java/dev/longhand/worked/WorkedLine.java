package dev.longhand.worked;

/**
 * The arithmetic of one unit for one sample, as a teacher writes it:
 * {@code z₂ = 1·2 + (−1)·1 + 0·3 + 0 = 1} and then {@code a₂ = ReLU(1) = 1}.
 *
 * @param unit   0-based unit of the layer
 * @param sample 0-based sample
 * @param sum    the weighted sum written out
 * @param result the activation applied
 * @param mark   what ReLU did
 */
public record WorkedLine(int unit, int sample, String sum, String result, ReluMark mark) {
}
