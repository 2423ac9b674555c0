package dev.longhand.worked;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How a number appears on a worksheet.
 *
 * <p>The browser re-implements these rules to recompute a page when a reader edits a number, and
 * must produce the same characters, so every rule below is stated in terms of JavaScript's
 * {@code Number.prototype.toFixed} and {@code toExponential}. Both round the <em>exact</em> binary
 * value of the double, half up (away from zero on a tie): {@code (1.005).toFixed(2)} is "1.00"
 * because 1.005 is stored as 1.00499999999999989…. Java gets the same digits from {@code new
 * BigDecimal(a).setScale(p, HALF_UP)} and {@code new BigDecimal(a).round(new MathContext(p + 1,
 * HALF_UP))}.
 *
 * <p>{@code display(x, p)}, for a precision {@code p} in 0..{@link #MAX_PRECISION}, with {@code a =
 * Math.abs(x)}:
 *
 * <ol>
 *   <li>NaN is "NaN", +∞ is "∞", −∞ is "−∞".
 *   <li>{@code x == 0} (so also −0) is "0".
 *   <li>Fixed: if {@code a < 1e15}, take {@code f = a.toFixed(p)}. If {@code f} has a non-zero
 *       digit, the result is {@code f} with trailing zeros after the point removed, and then the
 *       point itself if nothing follows it ("3.000" → "3", "0.6670" → "0.667").
 *   <li>Scientific: otherwise ({@code a ≥ 1e15}, or {@code a} is so small that {@code f} is all
 *       zeros), take {@code a.toExponential(p)} = "mantissa e exponent", trim the mantissa like
 *       {@code f} above, and write it as mantissa, "×10" (U+00D7), then the exponent in superscript
 *       digits with U+207B for a minus: "1.2346×10⁻⁷", "1×10²⁰". Rounding may roll the mantissa
 *       over: 9.99999e-9 at {@code p = 2} is "1×10⁻⁸".
 *   <li>A negative {@code x} gets U+2212 "−" in front. A negative value never shows as "−0": if it
 *       rounds to zero in fixed notation, step 4 shows it in scientific notation.
 * </ol>
 *
 * <p>{@code plain(x, p)} follows the same steps but writes what {@code Number()} and {@link
 * Double#parseDouble} read back: "-" for the minus, the exponent as {@code toExponential} writes it
 * ("e-7", "e+20"), and "Infinity" / "-Infinity".
 */
public final class Figures {

    public static final int MAX_PRECISION = 12;

    private static final String SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉";

    /** U+2070, U+00B9, U+00B2, U+00B3, U+2074..U+2079: one, two and three sit in Latin-1. */
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** Below this every double is fixed notation; at and above it, scientific. */
    private static final double SCIENTIFIC_FROM = 1e15;

    /** {@code SIGNIFICANT[p]} rounds to {@code p + 1} significant digits, as toExponential(p) does. */
    private static final MathContext[] SIGNIFICANT = new MathContext[MAX_PRECISION + 1];

    static {
        for (int p = 0; p <= MAX_PRECISION; p++) {
            SIGNIFICANT[p] = new MathContext(p + 1, RoundingMode.HALF_UP);
        }
    }

    /** {@code POWERS_OF_TEN[p] = 10^p}. */
    private static final long[] POWERS_OF_TEN = new long[MAX_PRECISION + 1];

    /** The same as doubles, all exact. */
    private static final double[] POWERS_OF_TEN_DOUBLE = new double[MAX_PRECISION + 1];

    /**
     * Below {@code FAST_FIXED_BELOW[p]}, {@code a × 10^p} rounds to less than 2^62, so {@link
     * #fastFixed} can work in longs.
     */
    private static final double[] FAST_FIXED_BELOW = new double[MAX_PRECISION + 1];

    static {
        long power = 1;
        for (int p = 0; p <= MAX_PRECISION; p++) {
            POWERS_OF_TEN[p] = power;
            POWERS_OF_TEN_DOUBLE[p] = power;
            FAST_FIXED_BELOW[p] = 0x1p61 / power;
            power *= 10;
        }
    }

    private Figures() {}

    /** How a number appears on the page with {@code precision} decimals (0..MAX_PRECISION). */
    public static String display(double x, int precision) {
        return format(x, precision, Style.DISPLAY);
    }

    /**
     * The same, but ASCII and parseable by Double.parseDouble / JS Number(): "-1.25", "1.2346e-7",
     * "1e+20".
     */
    public static String plain(double x, int precision) {
        return format(x, precision, Style.PLAIN);
    }

    /**
     * True when the displayed value parses back to exactly x (so a worked line may say "=", else
     * "≈"). NaN and the infinities are never exact; −0 is, since "0" parses to a value equal to it.
     */
    public static boolean exact(double x, int precision) {
        if (!Double.isFinite(x)) {
            return false;
        }
        double a = Math.abs(x);
        if (a < SCIENTIFIC_FROM && a == Math.rint(a)) {
            return true; // shown with all its digits, "0" included
        }
        if (precision >= 0 && precision <= MAX_PRECISION && a < SCIENTIFIC_FROM
                && a < FAST_FIXED_BELOW[precision]) {
            long q = scaledRounded(a, precision);
            if (q != 0 && q < 1L << 53) {
                // q and 10^p are exact doubles, so one division rounds q / 10^p correctly, exactly as
                // Double.parseDouble reads the decimal q × 10^−p that fixed notation shows.
                return q / POWERS_OF_TEN_DOUBLE[precision] == a;
            }
        }
        return Double.parseDouble(plain(x, precision)) == x;
    }

    /**
     * A factor inside a written-out sum: the displayed value, in parentheses exactly when it starts
     * with a minus sign, e.g. "(−1)", "(−1×10⁻⁷)", "(−∞)"; "0" for −0.
     */
    public static String factor(double x, int precision) {
        String shown = display(x, precision);
        return shown.charAt(0) == Style.DISPLAY.minus ? "(" + shown + ")" : shown;
    }

    /** Subscript digits for unit indices: subscript(12) = "₁₂"; a negative n gets "₋" (U+208B). */
    public static String subscript(int n) {
        return rewritten(Integer.toString(n), SUBSCRIPT_DIGITS, '\u208B');
    }

    private static String format(double x, int precision, Style style) {
        if (precision < 0 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException(
                    "precision " + precision + " is outside 0.." + MAX_PRECISION);
        }
        if (Double.isNaN(x)) {
            return "NaN";
        }
        String sign = x < 0 ? String.valueOf(style.minus) : "";
        if (Double.isInfinite(x)) {
            return sign + style.infinity;
        }
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a < SCIENTIFIC_FROM) {
            String fixed = fixed(a, precision);
            if (fixed != null) {
                return sign + fixed;
            }
        }
        return sign + scientific(a, precision, style);
    }

    /** {@code a.toFixed(precision)} trimmed, or null when it is all zeros. */
    private static String fixed(double a, int precision) {
        if (a == Math.rint(a)) {
            // An integer below 1e15 < 2^53 converts to long exactly and has no decimals to round.
            return Long.toString((long) a);
        }
        if (a < FAST_FIXED_BELOW[precision]) {
            return fastFixed(a, precision);
        }
        BigDecimal rounded = new BigDecimal(a).setScale(precision, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            return null;
        }
        return trimDecimals(rounded.toPlainString());
    }

    /**
     * The same as {@link #fixed} for a non-integer {@code a} whose rounding {@code a × 10^p} fits
     * in a long, without BigDecimal: {@code a = m / 2^s} exactly, so {@code a × 10^p} is the
     * 128-bit integer {@code N = m × 10^p} shifted right by {@code s}, and rounding half up adds
     * the first bit shifted out. Exact, like the BigDecimal path, but many times faster.
     */
    private static String fastFixed(double a, int precision) {
        long q = scaledRounded(a, precision);
        if (q == 0) {
            return null;
        }
        return precision == 0 ? Long.toString(q) : trimDecimals(withPoint(q, precision));
    }

    /** {@code q × 10^−p} for {@code p >= 1}, all {@code p} decimals written: "0.05", "12.50". */
    private static String withPoint(long q, int precision) {
        String digits = Long.toString(q);
        StringBuilder out = new StringBuilder(digits.length() + precision + 2);
        if (digits.length() <= precision) {
            out.append("0.").append("0".repeat(precision - digits.length())).append(digits);
        } else {
            int point = digits.length() - precision;
            out.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return out.toString();
    }

    /**
     * {@code x} with exactly {@code decimals} decimals, rounded half up on its exact binary value,
     * written as {@code new BigDecimal(x).setScale(decimals, HALF_UP).toPlainString()} writes it
     * ("12.50", "-3.00", and "0.00" for a negative that rounds to zero), by the same exact long
     * arithmetic as the figures: the diagram's coordinates are thousands a page. x must be finite.
     */
    public static String fixedPoint(double x, int decimals) {
        double a = Math.abs(x);
        if (decimals >= 1 && decimals <= MAX_PRECISION && a < FAST_FIXED_BELOW[decimals]) {
            long q = a == Math.rint(a) ? (long) a * POWERS_OF_TEN[decimals] : scaledRounded(a, decimals);
            return (x < 0 && q != 0 ? "-" : "") + withPoint(q, decimals);
        }
        return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code a × 10^p} rounded half up, for a non-integer {@code a < FAST_FIXED_BELOW[p]}. */
    private static long scaledRounded(double a, int precision) {
        long bits = Double.doubleToRawLongBits(a);
        int biased = (int) (bits >>> 52) & 0x7ff;
        long fraction = bits & ((1L << 52) - 1);
        long m = biased == 0 ? fraction : fraction | (1L << 52);
        int s = biased == 0 ? 1074 : 1075 - biased;
        // Non-integers have s >= 1; m < 2^53 and 10^p < 2^40, so N = hi:lo < 2^93.
        long scale = POWERS_OF_TEN[precision];
        long lo = m * scale;
        long hi = Math.multiplyHigh(m, scale);
        return shiftRight(hi, lo, s) + bit(hi, lo, s - 1);
    }

    /** The 128-bit {@code hi:lo} shifted right by {@code s >= 1} bits (its top bits are zero). */
    private static long shiftRight(long hi, long lo, int s) {
        if (s >= 128) {
            return 0;
        }
        if (s >= 64) {
            return hi >>> (s - 64);
        }
        return (lo >>> s) | (hi << (64 - s));
    }

    /** Bit {@code i >= 0} of the 128-bit {@code hi:lo}. */
    private static long bit(long hi, long lo, int i) {
        if (i >= 128) {
            return 0;
        }
        return i >= 64 ? (hi >>> (i - 64)) & 1 : (lo >>> i) & 1;
    }

    /** {@code a.toExponential(precision)}, mantissa trimmed, exponent written in the style. */
    private static String scientific(double a, int precision, Style style) {
        BigDecimal rounded = new BigDecimal(a).round(SIGNIFICANT[precision]);
        String digits = rounded.unscaledValue().toString();
        // rounded = digits × 10^-scale = d.ddd × 10^(length - 1 - scale)
        int exponent = digits.length() - 1 - rounded.scale();
        String mantissa =
                digits.length() == 1 ? digits : trimDecimals(digits.charAt(0) + "." + digits.substring(1));
        return mantissa + style.exponent(exponent);
    }

    /** Removes trailing zeros after a decimal point, then the point if nothing follows it. */
    private static String trimDecimals(String number) {
        if (number.indexOf('.') < 0) {
            return number;
        }
        int end = number.length();
        while (number.charAt(end - 1) == '0') {
            end--;
        }
        if (number.charAt(end - 1) == '.') {
            end--;
        }
        return number.substring(0, end);
    }

    /** Rewrites the ASCII digits and '-' of {@code number} with other digits and another minus. */
    private static String rewritten(String number, String digits, char minus) {
        StringBuilder out = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            out.append(c == '-' ? minus : digits.charAt(c - '0'));
        }
        return out.toString();
    }

    private static String superscript(int n) {
        return rewritten(Integer.toString(n), SUPERSCRIPT_DIGITS, '\u207B');
    }

    private enum Style {
        DISPLAY('\u2212', "∞") {
            @Override
            String exponent(int exponent) {
                return "\u00D710" + superscript(exponent);
            }
        },
        PLAIN('-', "Infinity") {
            @Override
            String exponent(int exponent) {
                return (exponent < 0 ? "e-" : "e+") + Math.abs(exponent);
            }
        };

        final char minus;
        final String infinity;

        Style(char minus, String infinity) {
            this.minus = minus;
            this.infinity = infinity;
        }

        abstract String exponent(int exponent);
    }
}
