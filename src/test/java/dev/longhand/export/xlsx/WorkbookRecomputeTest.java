package dev.longhand.export.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longhand.kinds.RandomKindNetworks;
import dev.longhand.kinds.Kinds;
import dev.longhand.render.Block;
import dev.longhand.render.TraceJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbook recomputes like the page: a weight (or input) is changed in a built workbook, the
 * cached results are dropped, LibreOffice Calc recalculates it, and every defined name's cells
 * equal the Java trace of the network edited the same way, to 1e-9 relative. For random networks
 * of every kind (with and without training) and for every block of the shipped lessons.
 */
class WorkbookRecomputeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A built block, the cell changed in its workbook, and the block the same change gives. */
    record Case(String label, Block original, String name, int row, int col, double value, Block edited) {
    }

    @Test
    void randomNetworksOfEveryKindRecomputeAfterAnEdit(@TempDir Path dir) throws Exception {
        Calc.required();
        List<Case> cases = new ArrayList<>();
        Random random = new Random(17);
        List<String> kinds = new ArrayList<>(RandomKindNetworks.KINDS.keySet());
        for (int i = 0; i < 56; i++) {
            cases.add(randomCase(random, i, kinds.get(i % kinds.size())));
        }
        check(cases, dir);
    }

    @Test
    void everyShippedBlockRecomputesAfterAnEdit(@TempDir Path dir) throws Exception {
        Calc.required();
        Path content = Path.of(System.getProperty("longhand.repo", ".")).resolve("content");
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(content)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                List<String> blocks = fences(Files.readString(file));
                for (int b = 0; b < blocks.size(); b++) {
                    cases.add(shippedCase(file.getFileName() + " block " + (b + 1), Blocks.of(blocks.get(b))));
                }
            }
        }
        assertTrue(cases.size() > 10, "found only " + cases.size() + " blocks under " + content);
        check(cases, dir);
    }

    /** A random network whose first layer is {@code first}; every other one trains (mse or cross entropy). */
    private static Case randomCase(Random random, int i, String first) throws IOException {
        int features = 1 + random.nextInt(3);
        int tokens = 1 + random.nextInt(3);
        // network() draws the input and sets the tokens the kinds' generators read; the layers are drawn again,
        // starting with the kind this case is about.
        Map<String, Object> data = RandomKindNetworks.network(random, features, tokens, 1);
        List<Object> layers = new ArrayList<>();
        RandomKindNetworks.Layer layer = RandomKindNetworks.KINDS.get(first).apply(random, features);
        layers.add(layer.data());
        for (int more = random.nextInt(3); more > 0; more--) {
            layer = RandomKindNetworks.any(random, layer.rows(), true);
            layers.add(layer.data());
        }
        data.put("layers", layers);
        if (i % 2 == 0) {
            train(random, data, i % 4 == 0);
        }
        List<String> editable = RandomKindNetworks.editable(data);
        String path = editable.get(random.nextInt(editable.size()));
        double value = RandomKindNetworks.number(random) + 3; // the numbers drawn lie in [−2, 2]: a new one
        Block original = Blocks.of(json(data));
        Block edited = Blocks.of(json(RandomKindNetworks.with(data, path, value)));
        String[] parts = path.split("\\.");
        int indices = matrixIndices(original, path);
        String name = String.join("_", java.util.Arrays.copyOf(parts, parts.length - indices));
        int row = Integer.parseInt(parts[parts.length - indices]);
        int col = indices == 2 ? Integer.parseInt(parts[parts.length - 1]) : 0;
        return new Case("random network " + i + " (" + first + ", edit " + path + ")", original, name, row, col, value,
                edited);
    }

    /**
     * Adds a target of the output's shape to a random block (and, for cross entropy, a softmax layer
     * and one-hot targets), learning rate 0.5, one step.
     */
    @SuppressWarnings("unchecked")
    static void train(Random random, Map<String, Object> data, boolean crossEntropy) throws IOException {
        List<Object> layers = (List<Object>) data.get("layers");
        if (crossEntropy) {
            layers.add(Map.of("type", "activation", "activation", "softmax"));
        }
        Block plain = Blocks.of(json(data));
        int outputs = plain.forward().output().rows();
        List<List<Double>> target = new ArrayList<>();
        for (int s = 0; s < plain.forward().samples(); s++) {
            List<Double> sample = new ArrayList<>();
            int hot = random.nextInt(outputs);
            for (int r = 0; r < outputs; r++) {
                sample.add(crossEntropy ? (r == hot ? 1.0 : 0.0) : RandomKindNetworks.number(random));
            }
            target.add(sample);
        }
        data.put("target", target);
        data.put("loss", crossEntropy ? "cross_entropy" : "mse");
        data.put("learning_rate", 0.5);
    }

    /** 2 when {@code path} ends in a matrix entry (row and column), 1 for a vector entry. */
    private static int matrixIndices(Block block, String path) {
        String[] parts = path.split("\\.");
        if (!parts[parts.length - 2].matches("\\d+")) {
            return 1;
        }
        String matrix = String.join("_", java.util.Arrays.copyOf(parts, parts.length - 2));
        JsonNode node = TraceCells.at(TraceCells.parse(TraceJson.of(block)), matrix);
        return node.isArray() && node.get(0).isArray() ? 2 : 1;
    }

    /** A shipped block and the same block with its first parameter's (0, 0) entry (or the input's) changed. */
    private static Case shippedCase(String label, Block block) {
        var stages = block.forward().stages();
        for (int i = 0; i < stages.size(); i++) {
            var entries = stages.get(i).stage().parameters().entries();
            if (!entries.isEmpty()) {
                var e = entries.get(0);
                double value = e.value().get(0, 0) + 1.5;
                return new Case(label + " (edit layers." + i + "." + e.path() + ".0.0)", block,
                        "layers_" + i + "_" + e.path().replace('.', '_'), 0, 0, value,
                        Blocks.edited(block, i, e.path(), 0, 0, value));
            }
        }
        return new Case(label + " (no edit)", block, "input", 0, 0, block.forward().input().get(0, 0), block);
    }

    /** The YAML of every ```mlp and ```network fence at the start of a line, outside longer fences. */
    static List<String> fences(String markdown) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        String outer = null;
        for (String line : markdown.split("\n", -1)) {
            if (outer != null) {
                if (line.startsWith(outer) && line.trim().equals(outer)) {
                    outer = null;
                }
            } else if (current != null) {
                if (line.equals("```")) {
                    out.add(current.toString());
                    current = null;
                } else {
                    current.append(line).append('\n');
                }
            } else if (line.equals("```mlp") || line.equals("```network")) {
                current = new StringBuilder();
            } else if (line.startsWith("```")) {
                outer = line.replaceAll("[^`].*", "");
            }
        }
        return out;
    }

    private static void check(List<Case> cases, Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Path file = dir.resolve("case-" + i + ".xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Workbook.of(c.original(), Kinds.exports())))) {
                List<Cell> cells = TraceCells.cells(workbook, c.name());
                int cols = TraceCells.extent(workbook, c.name())[1];
                Cell cell = cells.get(c.row() * cols + c.col());
                assertEquals(CellType.NUMERIC, cell.getCellType(), c.label() + ": the edited number is typed in");
                cell.setCellValue(c.value());
                dropCachedValues(workbook);
                try (OutputStream out = Files.newOutputStream(file)) {
                    workbook.write(out);
                }
            }
            files.add(file);
        }
        List<Path> recalculated = Calc.recalculate(files, dir);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            JsonNode trace = TraceCells.parse(TraceJson.of(c.edited()));
            try (InputStream in = Files.newInputStream(recalculated.get(i));
                 XSSFWorkbook calc = new XSSFWorkbook(in);
                 XSSFWorkbook built = new XSSFWorkbook(new ByteArrayInputStream(Workbook.of(c.edited(), Kinds.exports())))) {
                TreeSet<String> names = new TreeSet<>();
                built.getAllNames().forEach(n -> names.add(n.getNameName()));
                TreeSet<String> calcNames = new TreeSet<>();
                calc.getAllNames().stream().map(Name::getNameName).filter(n -> !n.startsWith("_xlnm")).forEach(calcNames::add);
                assertEquals(names, calcNames, c.label() + ": Calc keeps the defined names");
                for (String name : names) {
                    compare(c.label(), name, TraceCells.at(trace, name), calc, failures);
                }
                // The cells between the named ones (dZ, a norm's g, attention's dP, …) cache what Java
                // computed; Calc's recalculation of the edited workbook must agree with the edited block's.
                for (Sheet sheet : built) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            if (cell.getCellType() != CellType.FORMULA) {
                                continue;
                            }
                            Double want = TraceCells.number(cell);
                            Row calcRow = calc.getSheet(sheet.getSheetName()).getRow(row.getRowNum());
                            Double got = calcRow == null ? null : TraceCells.number(calcRow.getCell(cell.getColumnIndex()));
                            if (want == null || got == null || !TraceCells.close(want, got)) {
                                failures.add(c.label() + ": " + sheet.getSheetName() + "!" + cell.getAddress() + " caches "
                                        + want + ", Calc computes " + got);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(30, failures.size())),
                failures.size() + " cells differ from the Java trace");
    }

    private static void compare(String label, String name, JsonNode want, XSSFWorkbook calc, List<String> failures) {
        List<Double> expected = TraceCells.values(want);
        List<Cell> cells = TraceCells.cells(calc, name);
        if (expected.size() != cells.size()) {
            failures.add(label + ": " + name + " covers " + cells.size() + " cells; the trace has " + expected.size());
            return;
        }
        for (int k = 0; k < expected.size(); k++) {
            Double got = TraceCells.number(cells.get(k));
            Double w = expected.get(k);
            boolean ok = w == null ? got == null : got != null && TraceCells.close(w, got);
            if (!ok) {
                failures.add(label + ": " + name + " entry " + k + " is " + got + " in Calc, " + w + " in the trace");
            }
        }
    }

    /** Every formula cell without its cached result, so that what Calc shows it computed itself. */
    static void dropCachedValues(XSSFWorkbook workbook) {
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA && ((XSSFCell) cell).getCTCell().isSetV()) {
                        ((XSSFCell) cell).getCTCell().unsetV();
                    }
                }
            }
        }
    }

    static String json(Object data) throws IOException {
        return JSON.writeValueAsString(data);
    }
}
