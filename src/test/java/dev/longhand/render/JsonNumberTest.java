package dev.longhand.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Expected strings come from ECMAScript's Number::toString rules worked by hand. The property
 * tests compare the digits with Jackson's Schubfach writer, which implements Java 19's shortest
 * Double.toString independently of the code under test.
 */
class JsonNumberTest {

  @Test
  void zeroOfEitherSignIsZero() {
    assertEquals("0", JsonNumber.format(0.0));
    assertEquals("0", JsonNumber.format(-0.0));
  }

  @Test
  void integersHaveNoPointOrExponent() {
    assertEquals("1", JsonNumber.format(1));
    assertEquals("100", JsonNumber.format(100));
    assertEquals("-42", JsonNumber.format(-42));
    assertEquals("9007199254740992", JsonNumber.format(0x1p53));
  }

  @Test
  void fractionsUseAPoint() {
    assertEquals("-1.5", JsonNumber.format(-1.5));
    assertEquals("0.30000000000000004", JsonNumber.format(0.1 + 0.2));
    assertEquals("0.6666666666666666", JsonNumber.format(2 / 3.0));
    assertEquals("123.456", JsonNumber.format(123.456));
  }

  @Test
  void largeIntegersUpTo21DigitsAreWrittenOut() {
    assertEquals("100000000000000000000", JsonNumber.format(1e20));
    // 2^64 = 18446744073709551616; 17 digits 18446744073709552 read back, padded with zeros.
    assertEquals("18446744073709552000", JsonNumber.format(0x1p64));
  }

  @Test
  void from1e21TheExponentIsWritten() {
    assertEquals("1e+21", JsonNumber.format(1e21));
    assertEquals("1e+23", JsonNumber.format(1e23));
    assertEquals("-1.5e+300", JsonNumber.format(-1.5e300));
    assertEquals("1.7976931348623157e+308", JsonNumber.format(Double.MAX_VALUE));
  }

  @Test
  void smallNumbersDownTo1e6AreWrittenOut() {
    assertEquals("0.000001", JsonNumber.format(1e-6));
    assertEquals("0.000123", JsonNumber.format(0.000123));
    assertEquals("0.000001234", JsonNumber.format(1.234e-6));
  }

  @Test
  void below1e6TheExponentIsWritten() {
    assertEquals("1e-7", JsonNumber.format(1e-7));
    assertEquals("-1.5e-7", JsonNumber.format(-1.5e-7));
    assertEquals("1.23e-18", JsonNumber.format(123e-20));
    assertEquals("2.2250738585072014e-308", JsonNumber.format(Double.MIN_NORMAL));
  }

  @Test
  void subnormalsGetTheFewestDigitsThatReadBack() {
    // 2^-1074 = 4.94…e-324; "5e-324" reads back, and is nearer than "4e-324", which also does.
    assertEquals("5e-324", JsonNumber.format(Double.MIN_VALUE));
    // 2 × 2^-1074 = 9.88…e-324: "1e-323" is 2.02 units, so it reads back.
    assertEquals("1e-323", JsonNumber.format(2 * Double.MIN_VALUE));
    // 3 × 2^-1074 = 1.48…e-323: "1e-323" and "2e-323" are 2.02 and 4.05 units; "1.5e-323" is 3.04.
    assertEquals("1.5e-323", JsonNumber.format(3 * Double.MIN_VALUE));
  }

  @Test
  void atAPowerOfTwoTheNearestDecimalMayNotReadBackButTheOneAboveDoes() {
    // 2^-1017 = 7.1202363472230444259…e-307; doubles below it are half as far apart as above it.
    // The nearest 16-digit decimal, …044e-307, falls outside that narrower gap; …045e-307 is
    // farther away but above, inside the wider one.
    assertEquals("7.120236347223045e-307", JsonNumber.format(Math.scalb(1.0, -1017)));
  }

  @Test
  void shorterThanJava17DoubleToString() {
    // JDK-4511638: Java 17 writes 2.82879384806159E17 as "2.82879384806159008E17".
    double x = 2.82879384806159e17;
    assertEquals("282879384806159000", JsonNumber.format(x));
    assertNotEquals(15, significantDigits(Double.toString(x)), "Java 17 fixed? Update the javadoc");
  }

  @Test
  void nonFiniteValuesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> JsonNumber.format(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> JsonNumber.format(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> JsonNumber.format(Double.NEGATIVE_INFINITY));
  }

  @Test
  void randomBitPatternsAreShortestAndReadBack() {
    Random random = new Random(20261128);
    for (int i = 0; i < 20_000; i++) {
      double x = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(x)) {
        assertShortestRoundTrip(x);
      }
    }
  }

  @Test
  void randomShortDecimalsKeepTheirDigits() {
    Random random = new Random(1105);
    for (int i = 0; i < 20_000; i++) {
      int digits = 1 + random.nextInt(15);
      long significand = 1 + (long) (random.nextDouble() * (Math.pow(10, digits) - 1));
      int exponent = random.nextInt(61) - 30;
      String decimal = (random.nextBoolean() ? "-" : "") + significand + "e" + exponent;
      double x = Double.parseDouble(decimal);
      String written = assertShortestRoundTrip(x);
      assertTrue(
          significantDigits(written) <= significantDigits(decimal),
          decimal + " written as " + written);
    }
  }

  @Test
  void everyPowerOfTwoIsShortestAndReadsBack() {
    // At powers of two the doubles that read back reach twice as far above x as below it.
    for (int e = -1074; e <= 1023; e++) {
      assertShortestRoundTrip(Math.scalb(1.0, e));
    }
  }

  /** Checks every property of the written form of x, returns it for further checks. */
  private static String assertShortestRoundTrip(double x) {
    String written = JsonNumber.format(x);
    assertEquals(x, Double.parseDouble(written), () -> written + " does not read back as " + x);
    assertEquals(
        Double.parseDouble(Double.toString(x)),
        Double.parseDouble(written),
        () -> "disagrees with Double.toString: " + written);

    int k = significantDigits(written);
    if (k > 1) {
      BigDecimal exact = new BigDecimal(x);
      for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal shorter = exact.round(new MathContext(k - 1, mode));
        assertNotEquals(
            x,
            Double.parseDouble(shorter.toString()),
            () -> written + " is not shortest: " + shorter + " also reads back");
      }
    }

    // Java 19's rule equals ECMAScript's except that, when one digit would do, it picks the
    // nearest decimal of up to two digits ("4.9E-324" against "5e-324").
    String reference = DoubleToDecimal.toString(x);
    int referenceDigits = significantDigits(reference);
    assertTrue(k <= referenceDigits, () -> written + " is longer than " + reference);
    if (k == referenceDigits) {
      assertEquals(
          0,
          new BigDecimal(written).compareTo(new BigDecimal(reference)),
          () -> written + " is not the nearest, " + reference + " is");
    } else {
      assertTrue(k == 1 && referenceDigits == 2, () -> written + " against " + reference);
    }
    return written;
  }

  private static int significantDigits(String number) {
    BigDecimal value = new BigDecimal(number);
    return value.signum() == 0 ? 1 : value.stripTrailingZeros().precision();
  }

  /**
   * The long-arithmetic fast path writes exactly what the BigDecimal algorithm writes, over
   * random doubles of every magnitude it covers, neighbours of powers of ten and powers of two.
   */
  @Test
  void fastPathAgreesWithTheExactAlgorithm() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    java.util.List<Double> values = new java.util.ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      values.add(Double.longBitsToDouble(random.nextLong(0x3E00000000000000L, 0x4340000000000000L)));
      values.add(random.nextDouble() * Math.pow(10, random.nextInt(-7, 17)));
      values.add(random.nextInt(-100_000, 100_000) / Math.pow(10, random.nextInt(1, 8)));
      values.add(Math.pow(2, random.nextInt(-25, 52)));
      double power = Math.pow(10, random.nextInt(-6, 16));
      values.add(Math.nextUp(power));
      values.add(Math.nextDown(power));
    }
    for (double x : values) {
      if (x != Math.rint(x)) {
        assertEquals(JsonNumber.slowFormat(x), JsonNumber.format(x), () -> "for " + x);
      }
    }
  }
}
