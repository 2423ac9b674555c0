package dev.longhand.nn;

/**
 * How a matrix of a block was drawn from a seed ({@code weights: {random: 7, min: -1, max: 1}}):
 * enough to draw the same numbers again elsewhere, as an exported script does for a large network.
 *
 * @param seed       the {@link SeededRandom}'s seed
 * @param rows       rows drawn (samples, for an input drawn sample by sample)
 * @param cols       columns drawn
 * @param min        the smallest number
 * @param max        the largest number
 * @param integers   whether whole numbers were drawn
 * @param decimals   the decimals each number was rounded to (half to even), -1 for none
 * @param transposed whether the matrix is the transpose of what was drawn (an input drawn a sample at a time)
 */
public record Drawn(long seed, int rows, int cols, double min, double max, boolean integers, int decimals,
                    boolean transposed) {
}
