package dev.longhand.bench;

import dev.longhand.render.CellView;
import dev.longhand.render.MatrixView;
import dev.longhand.render.RowView;
import dev.longhand.render.Templates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The shipped matrix template over one square matrix, warm: Mustache alone, where a page
 * makes most of its lookups (about ten per cell). The cells mix what a worksheet shows:
 * keyed values, editable weights, ReLU-clamped values, blanks and answer boxes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RenderBenchmark {

    @Param({"8", "64"})
    public int size;

    private Templates templates;
    private MatrixView matrix;

    @Setup
    public void setUp() {
        Path repo = Path.of(System.getProperty("longhand.repo", ".")).toAbsolutePath();
        templates = new Templates(repo.resolve("templates"));
        List<RowView> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int r = 0; r < size; r++) {
            columns.add("sample " + (r + 1));
            List<CellView> cells = new ArrayList<>();
            for (int c = 0; c < size; c++) {
                cells.add(cell(r, c));
            }
            rows.add(new RowView("unit " + (r + 1), cells));
        }
        matrix = new MatrixView("Z₁", "layer 1 pre-activations, " + size + " × " + size, "z", columns, rows, false);
    }

    private static CellView cell(int r, int c) {
        String key = "layers.0.z." + r + "." + c;
        String label = "layer 1 z row " + (r + 1) + " column " + (c + 1);
        return switch ((r * 7 + c) % 5) {
            case 0 -> new CellView("1.25", key, "", "", "", "");
            case 1 -> new CellView("0.5", key, "w." + r + "." + c, "", "", label);
            case 2 -> new CellView("0", key, "", "clamped", "−1.75", "");
            case 3 -> new CellView("?", "", "", "", "", "", "", key);
            default -> new CellView("", "", "", "", "", label, key, "");
        };
    }

    @Benchmark
    public String renderMatrix() {
        return templates.render("matrix", matrix);
    }
}
