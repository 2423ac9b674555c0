package dev.longhand.kinds;

import dev.longhand.nn.Matrix;
import java.util.ArrayList;
import java.util.List;

/** Matrices as the lists of a JSON document: rows of numbers, or one flat list for a column. */
public final class Lists {

    private Lists() {
    }

    public static List<List<Double>> rows(Matrix m) {
        List<List<Double>> rows = new ArrayList<>();
        for (double[] row : m.toArrays()) {
            List<Double> values = new ArrayList<>();
            for (double v : row) {
                values.add(v);
            }
            rows.add(values);
        }
        return rows;
    }

    public static List<Double> flat(Matrix column) {
        List<Double> values = new ArrayList<>();
        for (int r = 0; r < column.rows(); r++) {
            values.add(column.get(r, 0));
        }
        return values;
    }
}
