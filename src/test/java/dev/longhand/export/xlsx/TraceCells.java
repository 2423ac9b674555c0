package dev.longhand.export.xlsx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The trace's matrices by defined name, and the cells a workbook's names cover, for comparing
 * one with the other: a name's cells row by row, the trace's matrix (or vector, or number) row by row.
 */
final class TraceCells {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Trace fields that are not matrices of the computation (settings, the training history). */
    static final Set<String> NOT_MATRICES = Set.of("losses", "steps", "seed", "scale");

    private TraceCells() {
    }

    static JsonNode parse(String trace) {
        try {
            return JSON.readTree(trace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trace node a defined name stands for: {@code layers_1_heads_0_q} → layers[1].heads[0].q. */
    static JsonNode at(JsonNode trace, String name) {
        JsonNode node = resolve(trace, name.split("_"), 0);
        if (node == null) {
            throw new AssertionError("the trace has no " + name);
        }
        return node;
    }

    /** Greedy on the longest key first, so that {@code weights_after} is one key, not weights.after. */
    private static JsonNode resolve(JsonNode node, String[] parts, int from) {
        if (from == parts.length) {
            return node;
        }
        for (int to = parts.length; to > from; to--) {
            String key = String.join("_", java.util.Arrays.copyOfRange(parts, from, to));
            JsonNode child = node.isArray() && key.matches("\\d+") ? node.get(Integer.parseInt(key))
                    : node.isObject() ? node.get(key) : null;
            if (child != null) {
                JsonNode found = resolve(child, parts, to);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Every numeric matrix, vector or number of the trace, as the name it should have. */
    static List<String> names(JsonNode trace) {
        List<String> out = new ArrayList<>();
        collect(trace, "", out);
        return out;
    }

    private static void collect(JsonNode node, String name, List<String> out) {
        if (node.isNumber() || (node.isArray() && numeric(node))) {
            out.add(name);
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), name + "_" + i, out);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!NOT_MATRICES.contains(e.getKey())) {
                    collect(e.getValue(), name.isEmpty() ? e.getKey() : name + "_" + e.getKey(), out);
                }
            }
        }
    }

    /** A list of numbers (nulls allowed), or a non-empty list of such lists. */
    private static boolean numeric(JsonNode array) {
        if (array.isEmpty()) {
            return false;
        }
        JsonNode first = array.get(0);
        if (first.isArray()) {
            for (JsonNode row : array) {
                if (!row.isArray() || !numeric(row)) {
                    return false;
                }
            }
            return true;
        }
        for (JsonNode v : array) {
            if (!v.isNumber() && !v.isNull() && !v.isTextual()) {
                return false;
            }
        }
        return first.isNumber() || first.isNull();
    }

    /** The node's shape as the cells should have it: a matrix rows × cols, a vector n × 1 (or 1 × n), a number 1 × 1. */
    static int[] shape(JsonNode node) {
        if (node.isNumber()) {
            return new int[] {1, 1};
        }
        if (node.get(0).isArray()) {
            return new int[] {node.size(), node.get(0).size()};
        }
        return new int[] {node.size(), 1};
    }

    /** The node's values row by row; null for a null (a masked score). */
    static List<Double> values(JsonNode node) {
        List<Double> out = new ArrayList<>();
        if (node.isNumber()) {
            out.add(node.asDouble());
        } else {
            for (JsonNode v : node) {
                if (v.isArray()) {
                    for (JsonNode x : v) {
                        out.add(x.isNull() ? null : x.asDouble());
                    }
                } else {
                    out.add(v.isNull() ? null : v.asDouble());
                }
            }
        }
        return out;
    }

    /** The cells a defined name covers, row by row. */
    static List<Cell> cells(XSSFWorkbook workbook, String name) {
        Name n = workbook.getName(name);
        if (n == null) {
            throw new AssertionError("the workbook has no name " + name);
        }
        AreaReference area = new AreaReference(n.getRefersToFormula(), SpreadsheetVersion.EXCEL2007);
        Sheet sheet = workbook.getSheet(area.getFirstCell().getSheetName());
        List<Cell> out = new ArrayList<>();
        CellReference first = area.getFirstCell();
        CellReference last = area.getLastCell();
        for (int r = first.getRow(); r <= last.getRow(); r++) {
            Row row = sheet.getRow(r);
            for (int c = first.getCol(); c <= last.getCol(); c++) {
                out.add(row == null ? null : row.getCell(c));
            }
        }
        return out;
    }

    /** The rows and columns a defined name covers. */
    static int[] extent(XSSFWorkbook workbook, String name) {
        AreaReference area = new AreaReference(workbook.getName(name).getRefersToFormula(), SpreadsheetVersion.EXCEL2007);
        return new int[] {area.getLastCell().getRow() - area.getFirstCell().getRow() + 1,
                area.getLastCell().getCol() - area.getFirstCell().getCol() + 1};
    }

    /** A cell's number: its value, or a formula's cached result; null for text or an empty cell. */
    static Double number(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return type == CellType.NUMERIC ? cell.getNumericCellValue() : null;
    }

    /** Whether two numbers agree to 1e-9 relative (absolute for numbers below 1). */
    static boolean close(double want, double got) {
        return Math.abs(want - got) <= 1e-9 * Math.max(1.0, Math.abs(want));
    }
}
