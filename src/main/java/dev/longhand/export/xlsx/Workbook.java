package dev.longhand.export.xlsx;

import dev.longhand.export.KindExports;
import dev.longhand.nn.ForwardTrace;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.StageTrace;
import dev.longhand.render.Block;
import java.util.List;
import java.util.Optional;

/**
 * A block as a workbook that recomputes like the page (the contract's "Exports", {@code xlsx}).
 *
 * <p>Laid out like the page: the input, then each layer in its own band with its matrices side by
 * side and titled; a small block on one sheet, a large one (more than {@value #ONE_SHEET_CELLS}
 * numbers) on a sheet per layer. Inputs, parameters, masks and settings are typed numbers; every
 * computed value is a formula over cells; each matrix of the trace has a defined name, its trace
 * path with dots as underscores. With training the loss is a formula too, and so are the first
 * step's gradients and the values after it ({@link TrainingCells}).
 *
 * <p>The bytes depend only on the block ({@link SpreadsheetPackage} fixes the dates).
 */
public final class Workbook {

    /** Above this many numbers in the trace's inputs and parameters, each layer gets a sheet. */
    static final int ONE_SHEET_CELLS = 20_000;

    private Workbook() {
    }

    /**
     * The workbook of {@code block}, as the bytes of an .xlsx file.
     *
     * @param kinds each layer kind's part of the exports, where its {@link KindWorkbook} is
     */
    public static byte[] of(Block block, KindExports kinds) {
        SpreadsheetPackage workbook = new SpreadsheetPackage();
        fill(workbook, block, kinds);
        return workbook.bytes();
    }

    private static void fill(SpreadsheetPackage workbook, Block block, KindExports kinds) {
        ForwardTrace forward = block.forward();
        boolean perLayer = numbers(block) > ONE_SHEET_CELLS;
        Writer writer = new Writer(workbook, kinds, perLayer, forward.allDense(), TraceValues.of(block));
        Canvas canvas = writer.sheet(perLayer ? "Input" : "Block");
        canvas.band("Input");
        Region input = place(canvas, "X", forward.input());
        writer.name("input", input);
        Optional<Region> target = block.training().map(t -> {
            Region r = place(canvas, "Target T", t.target());
            writer.name("target", r);
            return r;
        });
        Region x = input;
        Written last = null;
        List<StageTrace> stages = forward.stages();
        for (int i = 0; i < stages.size(); i++) {
            Canvas on = perLayer ? writer.sheet("Layer " + (i + 1)) : canvas;
            last = writer.stage(stages.get(i), on, "layers." + i, x);
            x = last.a();
        }
        writer.name("output", last.a());
        if (block.training().isPresent() && target.isPresent() && block.trained().isPresent()) {
            Canvas on = perLayer ? writer.sheet("Training") : canvas;
            LossCells.write(on, writer, block.training().get(), last, target.get(), forward);
            TrainingCells.write(on, writer, block.training().get(), forward, target.get(),
                    block.trained().get().firstStep());
        }
    }

    private static Region place(Canvas canvas, String title, Matrix m) {
        Region r = canvas.place(title, m.rows(), m.cols());
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                canvas.number(r.top() + i, r.left() + j, m.get(i, j));
            }
        }
        return r;
    }

    /** The numbers a block types in: its input and every stage's parameters, roughly its size. */
    private static long numbers(Block block) {
        long n = (long) block.forward().input().rows() * block.forward().input().cols();
        for (StageTrace t : block.forward().stages()) {
            for (var e : t.stage().parameters().entries()) {
                n += (long) e.value().rows() * e.value().cols();
            }
            n += (long) t.a().rows() * t.a().cols();
        }
        return n;
    }
}
