package dev.longhand.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MatrixTest {

    private static Matrix m(double[]... rows) {
        return Matrix.of(rows);
    }

    @Test
    void ofCopiesItsInput() {
        double[][] rows = {{1, 2}, {3, 4}};
        Matrix matrix = Matrix.of(rows);
        rows[0][0] = 99;
        assertEquals(1, matrix.get(0, 0));
    }

    @Test
    void toArraysReturnsADeepCopy() {
        Matrix matrix = m(new double[] {1, 2}, new double[] {3, 4});
        matrix.toArrays()[1][1] = 99;
        assertEquals(4, matrix.get(1, 1));
    }

    @Test
    void columnReturnsACopyOfOneColumn() {
        Matrix matrix = m(new double[] {1, 2}, new double[] {3, 4});
        double[] column = matrix.column(1);
        assertArrayEquals(new double[] {2, 4}, column);
        column[0] = 99;
        assertEquals(2, matrix.get(0, 1));
    }

    @Test
    void ofRejectsRaggedRows() {
        assertThrows(IllegalArgumentException.class, () -> m(new double[] {1, 2}, new double[] {3}));
    }

    @Test
    void ofRejectsNoRowsAndEmptyRows() {
        assertThrows(IllegalArgumentException.class, () -> Matrix.of(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> Matrix.of(new double[][] {{}}));
    }

    @Test
    void columnVectorHasOneColumn() {
        Matrix x = Matrix.column(2, 1, 3);
        assertEquals(3, x.rows());
        assertEquals(1, x.cols());
        assertEquals(m(new double[] {2}, new double[] {1}, new double[] {3}), x);
    }

    @Test
    void filledRepeatsTheValue() {
        assertEquals(m(new double[] {7, 7, 7}, new double[] {7, 7, 7}), Matrix.filled(2, 3, 7));
    }

    @Test
    void multiplyGivesTheContractExample() {
        // [1 -1 0]   [2]   [2 - 1 + 0]   [1]
        // [0  1 1] · [1] = [0 + 1 + 3] = [4]
        //            [3]
        Matrix w = m(new double[] {1, -1, 0}, new double[] {0, 1, 1});
        assertEquals(Matrix.column(1, 4), w.multiply(Matrix.column(2, 1, 3)));
    }

    @Test
    void multiplyOfABatchGivesOneColumnPerSample() {
        // [1 2] · [1 0]   [1+6  0+8]
        // [3 4]   [3 4] = [3+12 0+16]
        Matrix a = m(new double[] {1, 2}, new double[] {3, 4});
        Matrix b = m(new double[] {1, 0}, new double[] {3, 4});
        assertEquals(m(new double[] {7, 8}, new double[] {15, 16}), a.multiply(b));
    }

    @Test
    void multiplyAddsProductsLeftToRightFromZero() {
        // 0 + 1e16 = 1e16; 1e16 + 1 rounds back to 1e16 (spacing 2); 1e16 - 1e16 = 0.
        // Any other order (or a compensated sum) would give 1.
        Matrix row = m(new double[] {1e16, 1, -1e16});
        assertEquals(0.0, row.multiply(Matrix.column(1, 1, 1)).get(0, 0));
    }

    @Test
    void multiplyStartsFromPositiveZero() {
        // 0.0 + (-1 * 0) = 0.0 + -0.0 = +0.0
        assertEquals(0.0, m(new double[] {-1}).multiply(Matrix.column(0.0)).get(0, 0));
    }

    @Test
    void multiplyRejectsMismatchedShapes() {
        assertThrows(IllegalArgumentException.class,
                () -> Matrix.filled(2, 3, 1).multiply(Matrix.filled(2, 1, 1)));
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        Matrix a = m(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertEquals(m(new double[] {1, 4}, new double[] {2, 5}, new double[] {3, 6}), a.transpose());
    }

    @Test
    void entrywiseArithmetic() {
        Matrix a = m(new double[] {1, 2}, new double[] {3, 4});
        Matrix b = m(new double[] {5, 6}, new double[] {7, 8});
        assertEquals(m(new double[] {6, 8}, new double[] {10, 12}), a.plus(b));
        assertEquals(m(new double[] {-4, -4}, new double[] {-4, -4}), a.minus(b));
        assertEquals(m(new double[] {5, 12}, new double[] {21, 32}), a.hadamard(b));
        assertEquals(m(new double[] {0.5, 1}, new double[] {1.5, 2}), a.times(0.5));
        assertEquals(m(new double[] {1, 4}, new double[] {9, 16}), a.map(x -> x * x));
    }

    @Test
    void entrywiseArithmeticRejectsDifferentShapes() {
        assertThrows(IllegalArgumentException.class, () -> Matrix.filled(2, 2, 1).plus(Matrix.filled(2, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> Matrix.filled(2, 2, 1).hadamard(Matrix.filled(1, 2, 1)));
    }

    @Test
    void addColumnToEachAddsTheBiasToEverySample() {
        Matrix z = m(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertEquals(m(new double[] {11, 12, 13}, new double[] {3, 4, 5}), z.addColumnToEach(Matrix.column(10, -1)));
        assertThrows(IllegalArgumentException.class, () -> z.addColumnToEach(Matrix.column(1, 2, 3)));
    }

    @Test
    void sumColumnsGivesTheRowSums() {
        Matrix dz = m(new double[] {1, 2, 3}, new double[] {4, -5, 6});
        assertEquals(Matrix.column(6, 5), dz.sumColumns());
    }

    @Test
    void equalsAndHashCodeAreByValue() {
        Matrix a = m(new double[] {1, 2});
        Matrix b = m(new double[] {1, 2});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, m(new double[] {1}, new double[] {2}));
    }

    @Test
    void equalsTellsNegativeZeroFromZero() {
        assertNotEquals(Matrix.column(0.0), Matrix.column(-0.0));
    }

    @Test
    void toStringListsTheRows() {
        assertEquals("Matrix[[1.0, -1.0], [0.0, 1.0]]", m(new double[] {1, -1}, new double[] {0, 1}).toString());
    }
}
