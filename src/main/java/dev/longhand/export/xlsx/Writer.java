package dev.longhand.export.xlsx;

import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.StageGradients;
import dev.longhand.nn.StageTrace;
import dev.longhand.export.KindExports;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Writes stages into a workbook, dispatching each to its kind, and keeps the defined names. */
final class Writer {

    private static final KindWorkbook DENSE = new DenseWorkbook();

    private final SpreadsheetPackage workbook;
    private final KindExports kinds;
    private final boolean qualified;
    private final boolean allDense;
    private final TraceValues trace;
    private final Map<String, Region> names = new LinkedHashMap<>();
    private final Set<String> densePaths = new HashSet<>();
    private final Map<String, Region> kept = new LinkedHashMap<>();

    Writer(SpreadsheetPackage workbook, KindExports kinds, boolean qualified, boolean allDense, TraceValues trace) {
        this.workbook = workbook;
        this.trace = trace;
        this.kinds = kinds;
        this.qualified = qualified;
        this.allDense = allDense;
    }

    /** Whether the block has dense layers only (its trace then keeps dW, db, … and no {@code gradients}). */
    boolean allDense() {
        return allDense;
    }

    /** Whether the stage at trace path {@code path} is a dense layer. */
    boolean dense(String path) {
        return densePaths.contains(path);
    }

    /** Whether the first training step of {@code trace}'s stage can be written out (its kind, and a residual's layers, write one). */
    boolean writesBackward(StageTrace trace) {
        return kind(trace).writesBackward(trace, this::writesBackward);
    }

    /** Writes a stage's part of the first training step; gives dL/d(its input). */
    Region backward(StageTrace trace, StageGradients gradients, Canvas canvas, String path, String top, String inner,
                    Region dOutput, Optional<Region> dLogits, Region input, boolean oneStep, double rate) {
        canvas.band(trace.stage().name() + " (" + trace.stage().type() + "): backward");
        Region dInput = kind(trace).backward(trace, new BackwardCells(this, canvas, path, top, inner, dOutput, dLogits,
                input, oneStep, rate, trace, gradients));
        canvas.flush();
        return dInput;
    }

    /** A new sheet to lay matrices out on. */
    Canvas sheet(String name) {
        return new Canvas(workbook.sheet(name), qualified);
    }

    /** Writes one stage, headed by its name and type, under trace path {@code path}. */
    Written stage(StageTrace trace, Canvas canvas, String path, Region input) {
        canvas.band(trace.stage().name() + " (" + trace.stage().type() + ")");
        if (trace instanceof LayerTrace) {
            densePaths.add(path);
        }
        Written written = kind(trace).write(trace, new StageCells(this, canvas, path, input));
        canvas.flush();
        return written;
    }

    private KindWorkbook kind(StageTrace trace) {
        if (trace instanceof LayerTrace) {
            return DENSE;
        }
        return kinds.get(trace.stage().type(), KindWorkbook.class);
    }

    /** Keeps cells the trace has no field for (attention's stacked Z) for the backward pass, unnamed. */
    void keep(String path, Region region) {
        kept.put(path, region);
    }

    /** The cells named by trace path {@code path} (written earlier), or kept under it. */
    Region region(String path) {
        Region r = kept.containsKey(path) ? kept.get(path) : names.get(path.replace('.', '_'));
        if (r == null) {
            throw new IllegalStateException("nothing named " + path);
        }
        return r;
    }

    /** The defined name of a trace path: dots become underscores. */
    void name(String path, Region region) {
        String name = path.replace('.', '_');
        if (names.putIfAbsent(name, region) != null) {
            throw new IllegalStateException("two matrices named " + name);
        }
        workbook.name(name, region.absolute());
        cache(name, region);
    }

    /** Gives each formula cell of a named matrix the trace's value as its cached result. */
    private void cache(String name, Region region) {
        Optional<List<Object>> values = trace.flat(name);
        if (values.isEmpty() || values.get().size() != region.rows() * region.cols()) {
            return;
        }
        SheetPart sheet = workbook.find(region.sheet()).orElseThrow();
        for (int r = 0; r < region.rows(); r++) {
            for (int c = 0; c < region.cols(); c++) {
                if (values.get().get(r * region.cols() + c) instanceof Number v) {
                    sheet.cache(region.top() + r, region.left() + c, v.doubleValue());
                }
            }
        }
    }
}
