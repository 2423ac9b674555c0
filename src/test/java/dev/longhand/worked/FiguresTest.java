package dev.longhand.worked;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Expected strings are worked out by hand from the rules in {@link Figures}: the exact binary value
 * of each double is noted where it decides the rounding.
 */
class FiguresTest {

  /** U+2212, written out so it cannot be mistaken for the ASCII hyphen-minus. */
  private static final String MINUS = "\u2212";

  @Test
  void fixedPointKeepsEveryDecimalAndRoundsTheExactValueHalfUp() {
    assertEquals("12.50", Figures.fixedPoint(12.5, 2));
    assertEquals("-3.00", Figures.fixedPoint(-3, 2));
    assertEquals("0.00", Figures.fixedPoint(-0.001, 2), "a negative that rounds to zero has no sign");
    assertEquals("0.00", Figures.fixedPoint(-0.0, 2));
    // 1.005 is 1.00499999999999989... in binary, so it rounds down; 0.125 is exact and rounds up.
    assertEquals("1.00", Figures.fixedPoint(1.005, 2));
    assertEquals("0.13", Figures.fixedPoint(0.125, 2));
    assertEquals("-0.13", Figures.fixedPoint(-0.125, 2));
    assertEquals("0.05", Figures.fixedPoint(0.05, 2));
  }

  /** BigDecimal is the rule fixedPoint's long arithmetic must follow, near ties included. */
  @Test
  void fixedPointAgreesWithBigDecimal() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(23);
    for (int n = 0; n < 100_000; n++) {
      int decimals = 1 + random.nextInt(4);
      double x = switch (n % 4) {
        case 0 -> (random.nextDouble() - 0.5) * 2_000;
        case 1 -> (random.nextInt(2_000_001) - 1_000_000) / 200.0; // ties of two decimals, as doubles
        case 2 -> Math.nextUp(random.nextInt(20_001) / 2_000.0) * (random.nextBoolean() ? 1 : -1);
        default -> random.nextInt(2_001) - 1_000;
      };
      String expected = new java.math.BigDecimal(x).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
      assertEquals(expected, Figures.fixedPoint(x, decimals), x + " to " + decimals);
    }
    assertEquals(new java.math.BigDecimal(1e300).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
        Figures.fixedPoint(1e300, 2), "beyond the long range");
  }

  @Test
  void nonFiniteValuesHaveTheirOwnSymbols() {
    assertEquals("NaN", Figures.display(Double.NaN, 4));
    assertEquals("∞", Figures.display(Double.POSITIVE_INFINITY, 4));
    assertEquals(MINUS + "∞", Figures.display(Double.NEGATIVE_INFINITY, 4));
  }

  @Test
  void integersShowWithoutDecimals() {
    assertEquals("3", Figures.display(3.0, 4));
    assertEquals("100", Figures.display(100, 0));
  }

  @Test
  void negativesUseTheUnicodeMinus() {
    assertEquals(MINUS + "1", Figures.display(-1, 4));
    assertEquals(MINUS + "0.25", Figures.display(-0.25, 4));
  }

  @Test
  void negativeZeroIsZero() {
    assertEquals("0", Figures.display(-0.0, 4));
    assertEquals("0", Figures.plain(-0.0, 4));
    assertEquals("0", Figures.factor(-0.0, 4));
  }

  @Test
  void trailingZerosAreTrimmed() {
    // 0.1 + 0.2 = 0.3000000000000000444…, to four decimals 0.3000.
    assertEquals("0.3", Figures.display(0.1 + 0.2, 4));
    assertEquals("0.5", Figures.display(0.5, 4));
  }

  @Test
  void fixedRoundsToThePrecision() {
    // 2/3 = 0.6666…, fifth decimal 6 rounds up.
    assertEquals("0.6667", Figures.display(2.0 / 3, 4));
  }

  @Test
  void halfwayAtTheBinaryValueRoundsUp() {
    // 0.00005 is stored as 0.0000500000000000000023960…: just above the halfway point.
    assertEquals("0.0001", Figures.display(0.00005, 4));
  }

  @Test
  void valueJustBelowHalfwayRoundsDownLikeToFixed() {
    // 1.005 is stored as 1.00499999999999989…, so (1.005).toFixed(2) is "1.00".
    assertEquals("1", Figures.display(1.005, 2));
  }

  @Test
  void precisionZeroRoundsHalfAwayFromZero() {
    assertEquals("3", Figures.display(2.5, 0));
    assertEquals(MINUS + "3", Figures.display(-2.5, 0));
  }

  @Test
  void roundingCarriesIntoTheIntegerPart() {
    assertEquals("10", Figures.display(9.99999, 4));
  }

  @Test
  void largeValuesBelow1e15StayFixed() {
    // 123456789012345.6 lies in [2^46, 2^47) where doubles are 1/64 apart: it is stored as
    // 123456789012345.59375, so one decimal shows .6 but two decimals show .59.
    assertEquals("123456789012345.6", Figures.display(123456789012345.6, 1));
    assertEquals("123456789012345.59", Figures.display(123456789012345.6, 2));
  }

  @Test
  void valuesFrom1e15AreScientific() {
    assertEquals("1×10¹⁵", Figures.display(1e15, 4));
    assertEquals("1×10²⁰", Figures.display(1e20, 4));
  }

  @Test
  void theScientificThresholdAppliesToTheValueNotItsRounding() {
    assertEquals("999990000000000", Figures.display(999_990_000_000_000.0, 4));
    // 999999999999999.9 lies in [2^49, 2^50) where doubles are 1/8 apart: it is stored as
    // 999999999999999.875, below 1e15, so it stays fixed even though it rounds to 10^15.
    assertEquals("1000000000000000", Figures.display(999999999999999.9, 0));
  }

  @Test
  void tinyValuesAreScientific() {
    assertEquals("1×10⁻⁷", Figures.display(1e-7, 4));
    // −1.23456e-7 is stored as −1.23455999999999990…e-7: the fifth digit's 5 is followed by 9s.
    assertEquals(MINUS + "1.2346×10⁻⁷", Figures.display(-1.23456e-7, 4));
  }

  @Test
  void negativeValueThatRoundsToZeroIsScientificNotMinusZero() {
    assertEquals(MINUS + "4×10⁻⁵", Figures.display(-0.00004, 4));
  }

  @Test
  void scientificMantissaRollsOver() {
    // 9.99999e-9 to three significant digits is 10.0e-9 = 1.00e-8.
    assertEquals("1×10⁻⁸", Figures.display(9.99999e-9, 2));
  }

  @Test
  void scientificAtPrecisionZeroKeepsOneDigit() {
    // At precision 0 anything below 0.5 is tiny; 0.25 is exact, toExponential(0) gives "3e-1".
    assertEquals("3×10⁻¹", Figures.display(0.25, 0));
  }

  @Test
  void superscriptsUseTheLatin1OneTwoThree() {
    assertEquals("1.23×10⁻¹²³", Figures.display(1.23e-123, 4));
    assertEquals("\u00D710\u207B\u00B9\u00B2\u00B3", Figures.display(1e-123, 4).substring(1));
  }

  @Test
  void plainIsAsciiInTheFormsParseDoubleReads() {
    assertEquals("-1.25", Figures.plain(-1.25, 4));
    assertEquals("1.2346e-7", Figures.plain(1.23456e-7, 4));
    assertEquals("1e+20", Figures.plain(1e20, 4));
    assertEquals("-1e-7", Figures.plain(-1e-7, 4));
    assertEquals("NaN", Figures.plain(Double.NaN, 4));
    assertEquals("Infinity", Figures.plain(Double.POSITIVE_INFINITY, 4));
    assertEquals("-Infinity", Figures.plain(Double.NEGATIVE_INFINITY, 4));
  }

  @Test
  void exactWhenTheDisplayedValueParsesBack() {
    assertTrue(Figures.exact(0.5, 4));
    assertTrue(Figures.exact(-3, 0));
    assertTrue(Figures.exact(1e20, 4));
    assertTrue(Figures.exact(-0.0, 4));
  }

  @Test
  void notExactWhenDigitsWereDropped() {
    assertFalse(Figures.exact(0.1 + 0.2, 4));
    assertFalse(Figures.exact(2.0 / 3, 12));
    assertFalse(Figures.exact(1.23456e-7, 4));
  }

  @Test
  void nonFiniteValuesAreNeverExact() {
    assertFalse(Figures.exact(Double.NaN, 4));
    assertFalse(Figures.exact(Double.POSITIVE_INFINITY, 4));
  }

  @Test
  void factorPutsNegativesInParentheses() {
    assertEquals("(" + MINUS + "1)", Figures.factor(-1, 4));
    assertEquals("(" + MINUS + "1×10⁻⁷)", Figures.factor(-1e-7, 4));
    assertEquals("0.5", Figures.factor(0.5, 4));
  }

  @Test
  void subscriptWritesEachDigit() {
    assertEquals("₁₂", Figures.subscript(12));
    assertEquals("₀", Figures.subscript(0));
    assertEquals("₉₈₇₆₅₄₃", Figures.subscript(9876543));
    assertEquals("₋₁", Figures.subscript(-1));
  }

  @Test
  void precisionOutsideTheRangeIsAProgrammerError() {
    assertThrows(IllegalArgumentException.class, () -> Figures.display(1, -1));
    assertThrows(
        IllegalArgumentException.class, () -> Figures.display(1, Figures.MAX_PRECISION + 1));
  }

  /**
   * The long-arithmetic path for fixed notation agrees with the exact BigDecimal rounding the
   * rules state, over random doubles of every magnitude, halves exactly between two decimals and
   * the smallest subnormals.
   */
  @Test
  void fixedNotationAndExactnessMatchTheExactDecimalRules() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    java.util.List<Double> values = new java.util.ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      values.add(Double.longBitsToDouble(random.nextLong(0x4330000000000000L))); // below 2^52
      values.add(random.nextDouble() * Math.pow(10, random.nextInt(-14, 16)));
      values.add(random.nextInt(-100_000, 100_000) / 1000.0 + 0.0005); // near a half
      values.add(random.nextInt(-100_000, 100_000) / Math.pow(10, random.nextInt(0, 13)));
    }
    values.addAll(java.util.List.of(1.005, 0.5, 2.5, 0.125, 0.0625, Double.MIN_VALUE, 4.9e-324,
        999_999_999_999_999.9, 1e15 - 0.5, 1e-12, 5e-13, 4.9999999999999e-13));
    for (double x : values) {
      for (int p = 0; p <= Figures.MAX_PRECISION; p++) {
        boolean exact = Double.isFinite(x) && Double.parseDouble(Figures.plain(x, p)) == x;
        assertEquals(exact, Figures.exact(x, p), "exact " + x + " at " + p);
        String expected = referenceFixed(Math.abs(x), p);
        if (expected != null) {
          assertEquals(expected, Figures.plain(Math.abs(x), p), x + " at " + p);
        }
      }
    }
  }

  /** toFixed(p) trimmed, from the exact value; null where the rules go to scientific notation. */
  private static String referenceFixed(double a, int p) {
    if (a == 0 || a >= 1e15) {
      return null;
    }
    java.math.BigDecimal rounded =
        new java.math.BigDecimal(a).setScale(p, java.math.RoundingMode.HALF_UP);
    if (rounded.signum() == 0) {
      return null;
    }
    String text = rounded.toPlainString();
    if (text.indexOf('.') >= 0) {
      text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return text;
  }
}
