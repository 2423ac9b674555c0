package dev.longhand.kinds.dropout;

import static dev.longhand.kinds.CentralDifferences.assertClose;
import static dev.longhand.kinds.CentralDifferences.gradient;
import static dev.longhand.kinds.CentralDifferences.uniform;
import static dev.longhand.kinds.CentralDifferences.weightedSum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.Parameters;
import dev.longhand.nn.SeededRandom;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DropoutTest {

    private static Matrix m(double[]... rows) {
        return Matrix.of(rows);
    }

    private static double[] row(double... values) {
        return values;
    }

    @Test
    void keptValuesAreScaledByOneOverOneMinusP() {
        // p = 0.5: kept values doubled. x = [1 -2; 3 4], mask [1 0; 0 1]:
        // a = [1·1/0.5  -2·0/0.5; 3·0/0.5  4·1/0.5] = [2 -0; 0 8] (-2 · 0 is -0.0)
        Dropout dropout = Dropout.withMask("Drop", 0.5, m(row(1, 0), row(0, 1)));
        DropoutTrace t = dropout.forward(m(row(1, -2), row(3, 4)));
        assertEquals(m(row(2, -0.0), row(0, 8)), t.a());
        assertEquals(m(row(1, 0), row(0, 1)), t.mask());
        assertEquals(m(row(1, -2), row(3, 4)), t.input());
        // p = 0.75: 1 − p = 0.25, kept values times 4
        assertEquals(m(row(4, 0, -12)), Dropout.withMask("Drop", 0.75, m(row(1, 0, 1))).forward(m(row(1, 5, -3))).a());
    }

    @Test
    void theGradientPassesThroughKeptEntriesOnlyScaledTheSameWay() {
        // dA = [1 1; 1 -3], mask [1 0; 0 1], p = 0.5: dInput = [2 0; 0 -6]
        Dropout dropout = Dropout.withMask("Drop", 0.5, m(row(1, 0), row(0, 1)));
        DropoutGradients g = dropout.backward(dropout.forward(m(row(1, -2), row(3, 4))), m(row(1, 1), row(1, -3)));
        assertEquals(m(row(2, 0), row(0, -6)), g.dInput());
        assertEquals(m(row(1, 1), row(1, -3)), g.dA());
        assertTrue(g.gradients().isEmpty());
    }

    @Test
    void gradientsEqualCentralDifferences() {
        Random random = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            int rows = 1 + random.nextInt(5);
            int cols = 1 + random.nextInt(5);
            double p = random.nextDouble() * 0.9;
            Dropout dropout = Dropout.seeded("D", p, random.nextLong(), rows, cols);
            Matrix x = uniform(random, rows, cols, -3, 3);
            Matrix weights = uniform(random, rows, cols, -1, 1);
            assertClose(gradient(in -> weightedSum(dropout.forward(in).a(), weights), x),
                    dropout.backward(dropout.forward(x), weights).dInput(), 1e-8, "dropout p=" + p);
        }
    }

    @Test
    void aDrawnMaskHoldsZerosAndOnesOfTheAskedShape() {
        Matrix mask = Dropout.drawMask(42, 3, 5, 0.5);
        assertEquals("3×5", mask.shape());
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 5; c++) {
                double v = mask.get(r, c);
                assertTrue(v == 0.0 || v == 1.0, "entry " + v);
            }
        }
    }

    @Test
    void theSameSeedDrawsTheSameMaskAndOtherSeedsOthers() {
        assertEquals(Dropout.drawMask(7, 20, 20, 0.3), Dropout.drawMask(7, 20, 20, 0.3));
        assertNotEquals(Dropout.drawMask(7, 20, 20, 0.3), Dropout.drawMask(8, 20, 20, 0.3));
    }

    @Test
    void theMaskIsDrawnRowByRowLeftToRight() {
        // the same seed fills a 2 × 3 mask with the numbers a 1 × 6 mask gets, in reading order
        Matrix wide = Dropout.drawMask(99, 1, 6, 0.5);
        Matrix grid = Dropout.drawMask(99, 2, 3, 0.5);
        for (int i = 0; i < 6; i++) {
            assertEquals(wide.get(0, i), grid.get(i / 3, i % 3), "entry " + i);
        }
    }

    @Test
    void anEntryIsDroppedWhenItsUniformNumberIsBelowP() {
        SeededRandom random = new SeededRandom(2026);
        Matrix mask = Dropout.drawMask(2026, 4, 4, 0.4);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                double u = random.nextDouble();
                assertEquals(u < 0.4 ? 0.0 : 1.0, mask.get(r, c), "u = " + u);
            }
        }
    }

    @Test
    void aboutAFractionPOfTheEntriesIsDropped() {
        Matrix mask = Dropout.drawMask(1, 100, 100, 0.3);
        double dropped = 10_000 - mask.sumColumns().transpose().sumColumns().get(0, 0);
        // binomial(10000, 0.3): standard deviation about 46; ±300 is more than six of them
        assertTrue(Math.abs(dropped - 3000) < 300, dropped + " dropped");
        assertEquals(Matrix.filled(10, 10, 1.0), Dropout.drawMask(1, 10, 10, 0.0), "p = 0 keeps everything");
    }

    @Test
    void aSeededDropoutRemembersItsSeed() {
        Dropout seeded = Dropout.seeded("D", 0.5, 17, 2, 3);
        assertEquals(OptionalLong.of(17), seeded.seed());
        assertEquals(Dropout.drawMask(17, 2, 3, 0.5), seeded.mask());
        assertEquals(OptionalLong.empty(), Dropout.withMask("D", 0.5, seeded.mask()).seed());
    }

    @Test
    void shapesAndValuesAreChecked() {
        Dropout dropout = Dropout.withMask("D", 0.5, m(row(1, 0), row(0, 1)));
        assertEquals("dropout", dropout.type());
        assertEquals(2, dropout.inputRows());
        assertEquals(2, dropout.outputRows(2));
        assertEquals(-1, dropout.outputRows(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dropout.forward(m(row(1, 2, 3), row(4, 5, 6))));
        assertTrue(e.getMessage().contains("the mask is 2×2 but the input is 2×3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Dropout.withMask("D", 1.0, m(row(1))));
        assertThrows(IllegalArgumentException.class, () -> Dropout.withMask("D", -0.1, m(row(1))));
        assertThrows(IllegalArgumentException.class, () -> Dropout.withMask("D", Double.NaN, m(row(1))));
        IllegalArgumentException notBinary = assertThrows(IllegalArgumentException.class,
                () -> Dropout.withMask("D", 0.5, m(row(1, 0.5))));
        assertTrue(notBinary.getMessage().contains("mask entry (0, 1) is 0.5, not 0 or 1"), notBinary.getMessage());
        assertTrue(dropout.parameters().isEmpty());
        assertEquals(dropout, dropout.withParameters(Parameters.NONE));
    }
}
