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
     * Weights of the whole network. The page shows every weight and writes it into a worked
     * line (about 200 bytes of HTML each), so this also bounds a page's size and memory.
     */
    public static final long MAX_WEIGHTS = 100_000L;
    /**
     * Products the worked lines write out: weights × samples, twice that with training (the
     * backward pass writes as many again). 200,000 is a page of about 40 MB.
     */
    public static final long MAX_WRITTEN = 200_000L;
    public static final int MAX_STEPS = 10_000;
    /** Multiply-adds of all forward and backward passes together: about a second of work. */
    public static final long MAX_WORK = 2_000_000_000L;
    public static final int MAX_PRECISION = 12;

    private SpecLimits() {
    }
}
