package dev.longhand.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers in the trace JSON, written exactly as the browser's {@code JSON.stringify} would write
 * them, so a page the browser recomputes is byte-identical to the one Java built.
 *
 * <p>Java 17's {@link Double#toString} is not the shortest round-trip form (JDK-4511638, fixed in
 * Java 19) and lays numbers out differently ("1.0E-7"), so this follows ECMAScript's
 * Number::toString instead:
 *
 * <ol>
 *   <li>Digits: the fewest significant digits {@code k} such that some decimal {@code s × 10^(n−k)}
 *       with a {@code k}-digit integer {@code s} reads back as {@code x}; among such decimals the
 *       one closest to {@code x}, and on a tie the one with an even {@code s}.
 *   <li>Layout: −0 is "0". If {@code k ≤ n ≤ 21}: the digits then {@code n − k} zeros. If {@code 0 <
 *       n ≤ 21}: a point after the first {@code n} digits. If {@code −6 < n ≤ 0}: "0.", {@code −n}
 *       zeros, the digits. Otherwise: the first digit, "." and the rest if {@code k > 1}, "e", "+"
 *       or "-", and {@code |n − 1|}. A negative number gets "-" in front.
 * </ol>
 *
 * <p>How the digits are found: for a given {@code k}, only the two {@code k}-digit decimals that
 * bracket {@code x} (its rounding down and up to {@code k} significant digits) can read back as
 * {@code x}, because the doubles reading back as {@code x} form an interval around it. Whether one
 * of them does only gets likelier as {@code k} grows (a shorter decimal is also a longer one with a
 * trailing zero) and is certain at {@code k = 17}, so the smallest {@code k} is found by bisection.
 * Checking both brackets, not only the nearer one, matters at powers of two, where the interval
 * reaches twice as far above {@code x} as below it.
 */
public final class JsonNumber {

    /** Seventeen significant digits always read back as the same double. */
    private static final int MAX_DIGITS = 17;

    /** Doubles below this magnitude that are integers are exactly representable as a long. */
    private static final double EXACT_LONG_LIMIT = 0x1p53;

    private static final MathContext[] DOWN = new MathContext[MAX_DIGITS + 1];
    private static final MathContext[] UP = new MathContext[MAX_DIGITS + 1];

    static {
        for (int k = 1; k <= MAX_DIGITS; k++) {
            DOWN[k] = new MathContext(k, RoundingMode.DOWN);
            UP[k] = new MathContext(k, RoundingMode.UP);
        }
    }

    private JsonNumber() {}

    /**
     * The number as JavaScript's Number.prototype.toString / JSON.stringify write it: the shortest
     * decimal that round-trips.
     *
     * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot write
     */
    public static String format(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("JSON has no number " + x);
        }
        if (Math.abs(x) < EXACT_LONG_LIMIT && x == Math.rint(x)) {
            // Also −0 → "0". Integers below 2^53 < 10^21 are written as all their digits.
            return Long.toString((long) x);
        }
        String fast = Fast.format(Math.abs(x));
        if (fast != null) {
            return (x < 0 ? "-" : "") + fast;
        }
        return slowFormat(x);
    }

    /** {@link #format} by BigDecimal alone, for any finite non-integer x; the reference of the fast path. */
    static String slowFormat(double x) {
        BigDecimal shortest = shortest(Math.abs(x));
        String digits = shortest.unscaledValue().toString();
        // shortest = digits × 10^-scale = 0.digits × 10^n
        int n = digits.length() - shortest.scale();
        return (x < 0 ? "-" : "") + layout(digits, n);
    }

    /** The decimal of fewest significant digits, then nearest to a, that reads back as a > 0. */
    private static BigDecimal shortest(double a) {
        BigDecimal exact = new BigDecimal(a);
        int low = 1;
        int high = MAX_DIGITS;
        while (low < high) {
            int k = (low + high) >>> 1;
            if (readsBack(exact.round(DOWN[k]), a) || readsBack(exact.round(UP[k]), a)) {
                high = k;
            } else {
                low = k + 1;
            }
        }
        BigDecimal below = exact.round(DOWN[low]);
        BigDecimal above = exact.round(UP[low]);
        boolean belowReadsBack = readsBack(below, a);
        boolean aboveReadsBack = readsBack(above, a);
        BigDecimal chosen;
        if (belowReadsBack && aboveReadsBack) {
            int order = exact.subtract(below).compareTo(above.subtract(exact));
            boolean belowIsEven = !below.unscaledValue().testBit(0);
            chosen = order < 0 || (order == 0 && belowIsEven) ? below : above;
        } else {
            chosen = belowReadsBack ? below : above;
        }
        return chosen.stripTrailingZeros();
    }

    private static boolean readsBack(BigDecimal decimal, double a) {
        return Double.parseDouble(decimal.toString()) == a;
    }

    /**
     * The same digits as {@link #shortest} in long arithmetic, for {@code 1e-6 ≤ a < 2^53}
     * (non-integer). With {@code a = m / 2^s} exactly and {@code n} its decimal exponent ({@code
     * 10^(n−1) ≤ a < 10^n}), {@code F = floor(a × 10^(17−n))} is the 128-bit {@code m × 10^(17−n)}
     * shifted right by {@code s}, and for every {@code k ≤ 17} the rounding of {@code a} down to
     * {@code k} digits is {@code F / 10^(17−k)} (a floor of a floor), up is that plus one unless
     * nothing was cut off, and which of the two is nearer follows from {@code F mod 10^(17−k)} and
     * the bits shifted out. Whether a candidate reads back is asked of {@code Double.parseDouble},
     * or, when the digits and the power of ten are exact doubles, one correctly rounded
     * multiplication or division gives the same answer.
     */
    private static final class Fast {

        private static final long[] POW10 = new long[19];

        /** Up to 10^22 is an exact double. */
        private static final double[] POW10_DOUBLE = new double[23];

        static {
            long p = 1;
            for (int i = 0; i < POW10.length; i++) {
                POW10[i] = p;
                p *= 10;
            }
            double d = 1;
            for (int i = 0; i < POW10_DOUBLE.length; i++) {
                POW10_DOUBLE[i] = d;
                d *= 10;
            }
        }

        /** Floor of a × 10^(17−n), and what was cut off: none, less than half, half, more. */
        private long floor;
        private int cut; // 0 none, 1 below half, 2 exactly half, 3 above half

        /** The layout of a's shortest digits, or null outside the fast path's range. */
        static String format(double a) {
            if (!(a >= 1e-6 && a < EXACT_LONG_LIMIT)) {
                return null;
            }
            long bits = Double.doubleToRawLongBits(a);
            int biased = (int) (bits >>> 52) & 0x7ff;
            long m = (bits & ((1L << 52) - 1)) | (1L << 52);
            int s = 1075 - biased;
            if (s <= 0) {
                return null;
            }
            int n = (int) Math.floor(Math.log10(a)) + 1;
            Fast f = new Fast();
            for (int attempt = 0; attempt < 3; attempt++) {
                if (!f.scale(m, s, 17 - n)) {
                    return null;
                }
                if (f.floor >= 100_000_000_000_000_000L) {
                    n++;
                } else if (f.floor < 10_000_000_000_000_000L) {
                    n--;
                } else {
                    return f.shortest(a, n);
                }
            }
            return null;
        }

        /** Sets floor and cut for m / 2^s × 10^j; false when j is out of range. */
        private boolean scale(long m, int s, int j) {
            if (j < 0 || j > 22) {
                return false;
            }
            long c1 = POW10[Math.min(j, 18)];
            long lo = m * c1;
            long hi = Math.multiplyHigh(m, c1);
            if (j > 18) {
                long c2 = POW10[j - 18];
                long newHi = hi * c2 + unsignedMultiplyHigh(lo, c2);
                lo = lo * c2;
                hi = newHi;
            }
            // N = hi:lo < 2^53 × 10^22 < 2^127; floor = N >> s must fit below 10^18.
            if (s >= 128) {
                return false;
            }
            long q;
            long restHi;
            long restLo;
            if (s >= 64) {
                q = hi >>> (s - 64);
                restHi = s == 64 ? 0 : hi & ((1L << (s - 64)) - 1);
                restLo = lo;
            } else {
                q = (lo >>> s) | (hi << (64 - s));
                if (s < 64 && (hi >>> s) != 0) {
                    return false;
                }
                restHi = 0;
                restLo = lo & ((1L << s) - 1);
            }
            if (q < 0 || q >= 1_000_000_000_000_000_000L) {
                return false;
            }
            floor = q;
            // Compare the rest with half = 2^(s−1).
            int halfBit = s - 1;
            long halfHi = halfBit >= 64 ? 1L << (halfBit - 64) : 0;
            long halfLo = halfBit >= 64 ? 0 : 1L << halfBit;
            if (restHi == 0 && restLo == 0) {
                cut = 0;
            } else {
                int order = restHi != halfHi
                        ? Long.compareUnsigned(restHi, halfHi)
                        : Long.compareUnsigned(restLo, halfLo);
                cut = order < 0 ? 1 : order == 0 ? 2 : 3;
            }
            return true;
        }

        private String shortest(double a, int n) {
            int low = 1;
            int high = 17;
            while (low < high) {
                int k = (low + high) >>> 1;
                long below = floor / POW10[17 - k];
                if (reads(below, k, n, a) || reads(below + 1, k, n, a)) {
                    high = k;
                } else {
                    low = k + 1;
                }
            }
            int k = low;
            long unit = POW10[17 - k];
            long below = floor / unit;
            long rest = floor % unit;
            boolean exactAtK = rest == 0 && cut == 0;
            long chosen;
            if (exactAtK) {
                chosen = below;
            } else {
                boolean belowReads = reads(below, k, n, a);
                boolean aboveReads = reads(below + 1, k, n, a);
                if (belowReads && aboveReads) {
                    // Nearer: compare (rest + cut fraction) / unit with one half.
                    int order;
                    if (unit == 1) {
                        order = cut == 1 ? -1 : cut == 2 ? 0 : 1;
                    } else {
                        long half = unit / 2;
                        order = rest < half ? -1 : rest > half ? 1 : cut == 0 ? 0 : 1;
                    }
                    chosen = order < 0 || (order == 0 && (below & 1) == 0) ? below : below + 1;
                } else {
                    chosen = belowReads ? below : below + 1;
                }
            }
            // chosen × 10^(n−k); rounding up may carry into one more digit (999 → 1000).
            String digits = Long.toString(chosen);
            int exponent = n - k + digits.length();
            int end = digits.length();
            while (end > 1 && digits.charAt(end - 1) == '0') {
                end--;
            }
            return layout(digits.substring(0, end), exponent);
        }

        /** Whether q × 10^(n−k) reads back as a. */
        private static boolean reads(long q, int k, int n, double a) {
            int e = n - k;
            if (q < (1L << 53) && e >= -22 && e <= 22) {
                double value = e >= 0 ? q * POW10_DOUBLE[e] : q / POW10_DOUBLE[-e];
                return value == a;
            }
            return Double.parseDouble(q + "E" + e) == a;
        }

        private static long unsignedMultiplyHigh(long x, long y) {
            return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
        }
    }

    /** ECMAScript Number::toString step 6 onwards, for the digits of 0.digits × 10^n. */
    private static String layout(String digits, int n) {
        int k = digits.length();
        StringBuilder out = new StringBuilder(k + 8);
        if (k <= n && n <= 21) {
            out.append(digits);
            out.append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(n - 1 < 0 ? '-' : '+').append(Math.abs(n - 1));
        }
        return out.toString();
    }
}
