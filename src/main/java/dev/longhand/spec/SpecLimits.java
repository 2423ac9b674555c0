package dev.longhand.spec;

/**
 * How large a block may be. Each limit is checked before anything of that size is
 * allocated, so a typo such as {@code units: 1000000000} is an error, not an out-of-memory.
 */
public final class SpecLimits {

    /** The text of one block (an {@code mlp} block or the front matter). */
    public static final int MAX_BLOCK_CHARACTERS = 100_000;
    public static final int MAX_BLOCK_LINES = 5_000;
    /** Lists and mappings inside each other; a block needs five. */
    public static final int MAX_NESTING = 20;
    public static final int MAX_LAYERS = 100;
    public static final int MAX_UNITS = 100_000;
    public static final int MAX_SAMPLES = 1_000;
    /**
     * Weights of the whole network. Large matrices and sums are elided on the page, but the
     * trace holds every weight (up to about 20 bytes each at full precision), so this bounds
     * the page's size and the build's memory: 1,000,000 weights is a trace of at most about
     * 20 MB, and a 784-256-256-10 network (268,800 weights) fits.
     */
    public static final long MAX_WEIGHTS = 1_000_000L;
    /**
     * Worked lines a block writes: one per unit and sample of every layer, three times that
     * with training (the backward pass writes ∂L/∂a and ∂L/∂z lines too). A line is at most
     * about 300 bytes, since long sums are elided, so 50,000 lines is a page of about 15 MB.
     */
    public static final long MAX_WRITTEN = 50_000L;
    public static final int MAX_STEPS = 10_000;
    /** Multiply-adds of all forward and backward passes together: about a second of work. */
    public static final long MAX_WORK = 2_000_000_000L;
    public static final int MAX_PRECISION = 12;

    private SpecLimits() {
    }
}
