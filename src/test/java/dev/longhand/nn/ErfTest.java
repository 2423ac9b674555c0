package dev.longhand.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Erf against C's erf (glibc's, as Python's math.erf gives it), one or two points in each of
 * fdlibm's intervals, and GELU from it.
 */
class ErfTest {

    private static void near(double expected, double x) {
        double got = Erf.erf(x);
        assertEquals(expected, got, Math.ulp(expected), "erf(" + x + ")");
    }

    @Test
    void erfMatchesCsErfInEveryInterval() {
        near(1.1283791670955126e-10, 1e-10);       // below 2^−28
        near(-0.3286267594591274, -0.3);           // below 0.84375
        near(0.5204998778130465, 0.5);
        near(0.7969082124228322, 0.9);             // 0.84375 to 1.25
        near(0.8427007929497149, 1.0);
        near(0.8802050695740817, 1.1);
        near(0.9340079449406524, 1.3);             // 1.25 to 1/0.35
        near(0.9953222650189527, 2.0);
        near(0.9999589021219005, 2.9);             // 1/0.35 to 6
        near(0.9999779095030014, 3.0);
        near(-0.9999999971445058, -4.2);
        near(0.9999999999999927, 5.5);
        assertEquals(1.0, Erf.erf(6.5));            // 6 and beyond
        assertEquals(-1.0, Erf.erf(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Erf.erf(Double.NaN)));
        assertEquals(0.0, Erf.erf(0.0));
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(Erf.erf(-0.0)));
    }

    @Test
    void geluIsZTimesTheNormalCdf() {
        // GELU(1) = Φ(1) = 0.5·(1 + erf(1/√2)) = 0.8413447460685429 (C's erf)
        assertEquals(0.8413447460685429, Activation.GELU.apply(1.0), 1e-16);
        assertEquals(0.0, Activation.GELU.apply(0.0));
        // GELU(−1) = −Φ(−1) = −(1 − 0.8413447460685429)
        assertEquals(-0.15865525393145707, Activation.GELU.apply(-1.0), 1e-16);
        // GELU′(0) = Φ(0) + 0 = 0.5; GELU′(1) = Φ(1) + φ(1) = 0.8413447460685429 + 0.24197072451914337
        assertEquals(0.5, Activation.GELU.derivative(0.0, 0.0));
        assertEquals(1.0833154705876864, Activation.GELU.derivative(1.0, 0.0), 1e-15);
    }
}
