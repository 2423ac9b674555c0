package dev.longhand.spec;

/**
 * How large a block may be. Each limit is checked before anything of that size is
 * allocated, so a typo such as {@code units: 1000000000} is an error, not an out-of-memory.
 */
public final class SpecLimits {

    public static final int MAX_LAYERS = 100;
    public static final int MAX_UNITS = 100_000;
    public static final int MAX_SAMPLES = 1_000;
    public static final long MAX_WEIGHTS = 10_000_000L;
    public static final int MAX_STEPS = 10_000;
    /** Multiply-adds of all forward and backward passes together: about a second of work. */
    public static final long MAX_WORK = 2_000_000_000L;
    public static final int MAX_PRECISION = 12;

    private SpecLimits() {
    }
}
