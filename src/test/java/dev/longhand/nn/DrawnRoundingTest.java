package dev.longhand.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Generated numbers are rounded exactly as BigDecimal rounds them, half to even, without BigDecimal's cost. */
class DrawnRoundingTest {

    private static double expected(double v, int decimals) {
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static void check(double v, int decimals) {
        double actual = Drawn.rounded(v, decimals, Math.pow(10, decimals));
        assertEquals(expected(v, decimals), actual, () -> v + " to " + decimals + " decimals");
    }

    @Test
    void randomNumbersOfEveryMagnitudeRoundAsBigDecimalDoes() {
        SplittableRandom random = new SplittableRandom(20261129);
        for (int i = 0; i < 200_000; i++) {
            int decimals = random.nextInt(Drawn.MAX_DECIMALS + 1);
            double magnitude = Math.pow(10, random.nextInt(-8, 12));
            check(random.nextDouble(-1, 1) * magnitude, decimals);
        }
    }

    @Test
    void tiesAndNearTiesRoundHalfToEvenOnTheExactValue() {
        // Ties that a double holds exactly go to the even neighbour.
        assertEquals(0.12, Drawn.rounded(0.125, 2, 100));
        assertEquals(0.38, Drawn.rounded(0.375, 2, 100));
        assertEquals(-0.12, Drawn.rounded(-0.125, 2, 100));
        assertEquals(2.0, Drawn.rounded(2.5, 0, 1));
        // 1.005 is stored as 1.00499999999999989..., so it rounds down although it prints as a tie.
        assertEquals(1.0, Drawn.rounded(1.005, 2, 100));
        for (int k = -2000; k <= 2000; k++) {
            double tie = (k + 0.5) / 1000;
            for (double v : new double[] {tie, Math.nextUp(tie), Math.nextDown(tie)}) {
                for (int decimals = 0; decimals <= 6; decimals++) {
                    check(v, decimals);
                }
            }
        }
    }
}
