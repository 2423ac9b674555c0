package dev.longhand.export.xlsx;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.StageTrace;

/**
 * What a {@link KindWorkbook} writes one stage through: the cells of its input, places for its
 * matrices in the stage's band (typed numbers or formulas), and a defined name for each matrix,
 * its trace path with dots as underscores ({@code layers.1.heads.0.q} → {@code layers_1_heads_0_q}).
 */
public final class StageCells {

    private final Writer writer;
    private final Canvas canvas;
    private final String path;
    private final Region input;

    StageCells(Writer writer, Canvas canvas, String path, Region input) {
        this.writer = writer;
        this.canvas = canvas;
        this.path = path;
        this.input = input;
    }

    /** The cells of what the stage receives. */
    public Region input() {
        return input;
    }

    /** The stage's trace path: {@code layers.2}, or {@code layers.0.layers.1} inside a residual. */
    public String path() {
        return path;
    }

    /** Typed numbers (a parameter, a mask), named {@code path.field} unless {@code field} is null. */
    public Region numbers(String title, String field, Matrix m) {
        Region r = canvas.place(title, m.rows(), m.cols());
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                canvas.number(r.top() + i, r.left() + j, m.get(i, j));
            }
        }
        name(field, r);
        return r;
    }

    /** One typed number (ε, p), named {@code path.field} unless {@code field} is null. */
    public Region number(String title, String field, double value) {
        return numbers(title, field, Matrix.of(new double[][] {{value}}));
    }

    /**
     * A computed matrix, every entry the formula {@code f} gives for it (or, where it gives null,
     * the text {@code blank}, e.g. a masked score), named {@code path.field} unless {@code field} is null.
     */
    public Region formulas(String title, String field, int rows, int cols, CellFormula f, String blank) {
        Region r = canvas.place(title, rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                String formula = f.at(i, j);
                if (formula != null) {
                    canvas.formula(r.top() + i, r.left() + j, formula);
                } else if (blank != null) {
                    canvas.text(r.top() + i, r.left() + j, blank);
                }
            }
        }
        name(field, r);
        return r;
    }

    /** An unnamed computed matrix whose entries cache {@code values} (what Java computed for them). */
    public Region formulas(String title, Matrix values, CellFormula f) {
        Region r = canvas.place(title, values.rows(), values.cols());
        for (int i = 0; i < values.rows(); i++) {
            for (int j = 0; j < values.cols(); j++) {
                canvas.formula(r.top() + i, r.left() + j, f.at(i, j), values.get(i, j));
            }
        }
        return r;
    }

    /** {@link #formulas(String, String, int, int, CellFormula, String)} with every entry a formula. */
    public Region formulas(String title, String field, int rows, int cols, CellFormula f) {
        return formulas(title, field, rows, cols, f, null);
    }

    /** Names cells already written (a head's z that is also the layer's a) as {@code path.field}. */
    public void name(String field, Region region) {
        if (field != null) {
            writer.name(path + "." + field, region);
        }
    }

    /** Keeps cells the trace has no field for under {@code path.field}, for the kind's backward pass. */
    public void keep(String field, Region region) {
        writer.keep(path + "." + field, region);
    }

    /** Continues below: the next matrices start a new line of the stage's band. */
    public void nextLine() {
        canvas.newBand();
    }

    /** A heading line of its own (a head, an inner layer). */
    public void heading(String title) {
        canvas.band(title);
    }

    /**
     * Marks the entries of {@code a} whose {@code z} is negative, as ReLU clamped them, by a
     * conditional format (so the mark follows an edit); a and z lie on this stage's sheet.
     */
    public void clamped(Region a, Region z) {
        Region unqualified = new Region(a.sheet(), "", a.top(), a.left(), a.rows(), a.cols());
        canvas.sheet().shadeWhen(unqualified.all(),
                new Region(z.sheet(), "", z.top(), z.left(), z.rows(), z.cols()).at(0, 0) + "<0");
    }

    /**
     * Writes an inner stage (a residual's layer {@code index}) below, under the trace path
     * {@code path.layers.index}, taking {@code in}.
     */
    public Written inner(StageTrace trace, int index, Region in) {
        return writer.stage(trace, canvas, path + ".layers." + index, in);
    }
}
