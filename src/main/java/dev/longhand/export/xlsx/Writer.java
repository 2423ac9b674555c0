package dev.longhand.export.xlsx;

import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.StageTrace;
import dev.longhand.render.KindSheet;
import dev.longhand.render.KindSheets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes stages into a workbook, dispatching each to its kind, and keeps the defined names. */
final class Writer {

    private static final KindWorkbook DENSE = new DenseWorkbook();

    private final SXSSFWorkbook workbook;
    private final KindSheets kinds;
    private final boolean qualified;
    private final Map<String, Region> names = new LinkedHashMap<>();

    Writer(SXSSFWorkbook workbook, KindSheets kinds, boolean qualified) {
        this.workbook = workbook;
        this.kinds = kinds;
        this.qualified = qualified;
    }

    /** A new sheet to lay matrices out on. */
    Canvas sheet(String name) {
        return new Canvas(workbook.createSheet(name), qualified);
    }

    /** Writes one stage, headed by its name and type, under trace path {@code path}. */
    Written stage(StageTrace trace, Canvas canvas, String path, Region input) {
        canvas.band(trace.stage().name() + " (" + trace.stage().type() + ")");
        Written written = kind(trace).write(trace, new StageCells(this, canvas, path, input));
        canvas.flush();
        return written;
    }

    private KindWorkbook kind(StageTrace trace) {
        if (trace instanceof LayerTrace) {
            return DENSE;
        }
        KindSheet sheet = kinds.get(trace.stage().type());
        if (sheet instanceof WorkbookKind kind) {
            return kind.workbook();
        }
        throw new IllegalStateException("layer type " + trace.stage().type() + " has no workbook");
    }

    /** The cells named by trace path {@code path} (written earlier). */
    Region region(String path) {
        Region r = names.get(path.replace('.', '_'));
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
        Name n = workbook.createName();
        n.setNameName(name);
        n.setRefersToFormula(region.absolute());
    }
}
