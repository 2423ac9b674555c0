package dev.longhand.nn;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a matrix of a block was drawn from a seed ({@code weights: {random: 7, min: -1, max: 1}}):
 * enough to draw the same numbers again elsewhere, as an exported script or the page's own script
 * does for a large network, and the one place that draws them ({@link #matrix()}).
 *
 * @param seed       the {@link SeededRandom}'s seed
 * @param rows       rows drawn (samples, for an input drawn sample by sample)
 * @param cols       columns drawn
 * @param min        the smallest number
 * @param max        the largest number
 * @param integers   whether whole numbers were drawn
 * @param decimals   the decimals each number was rounded to (half to even), -1 for none; ignored with integers
 * @param transposed whether the matrix is the transpose of what was drawn (an input drawn a sample at a time)
 */
public record Drawn(long seed, int rows, int cols, double min, double max, boolean integers, int decimals,
                    boolean transposed) {

    /**
     * A drawn matrix with more numbers than this is given as its draw (seed, range, shape) rather
     * than number by number, wherever a block is written out: in the page's trace and in the
     * exported scripts. A 784-128-64-10 network has over 100,000 weights, 2 MB of digits; a small
     * drawn matrix stays written out, to read at a glance.
     */
    public static final int LARGEST_WRITTEN_OUT = 1_000;

    /** The most decimals a draw may be rounded to: 10^d must be exact for {@link #rounded}. */
    public static final int MAX_DECIMALS = 22;

    private static final double[] POWERS_OF_TEN = new double[MAX_DECIMALS + 1];

    static {
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = Math.pow(10, i); // exact: every power of ten up to 10^22 is a double
        }
    }

    public Drawn {
        if (decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException("at most " + MAX_DECIMALS + " decimals, not " + decimals);
        }
    }

    /** How many numbers were drawn. */
    public long count() {
        return (long) rows * cols;
    }

    /** The rows and columns of the matrix as the block holds it: cols × rows when transposed. */
    public int heldRows() {
        return transposed ? cols : rows;
    }

    /** See {@link #heldRows()}. */
    public int heldCols() {
        return transposed ? rows : cols;
    }

    /**
     * The numbers, as the block holds them: a rows × cols matrix drawn row by row by
     * {@link SeededRandom#uniform}, each number then rounded at {@code decimals} places (unless
     * whole numbers were drawn), and transposed when {@code transposed}.
     */
    public Matrix matrix() {
        Matrix drawn = new SeededRandom(seed).uniform(rows, cols, min, max, integers);
        if (decimals >= 0 && !integers) {
            double scale = POWERS_OF_TEN[decimals];
            drawn = drawn.map(v -> rounded(v, decimals, scale));
        }
        return transposed ? drawn.transpose() : drawn;
    }

    /**
     * {@code v} rounded half to even at {@code decimals} places, as
     * {@code new BigDecimal(v).setScale(decimals, HALF_EVEN).doubleValue()} gives it, but
     * without BigDecimal unless {@code v} lies within a hair of a tie (a large network draws
     * a hundred thousand numbers). Below 10^9, {@code v × 10^d} is off from the exact product
     * by under 10^-7, so a fraction more than 10^-6 from one half rounds as the exact product does; the nearest
     * integer {@code n} is then exact, and {@code n / 10^d}, one correctly rounded division of
     * exact numbers, is the double nearest the decimal, as BigDecimal's conversion is.
     *
     * @param scale 10^decimals
     */
    public static double rounded(double v, int decimals, double scale) {
        double scaled = v * scale;
        double fraction = Math.abs(scaled - Math.floor(scaled) - 0.5);
        if (Math.abs(scaled) >= 1e9 || fraction < 1e-6) {
            return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
        }
        return Math.rint(scaled) / scale + 0.0; // + 0.0: a decimal has no negative zero
    }
}
