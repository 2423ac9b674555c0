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
