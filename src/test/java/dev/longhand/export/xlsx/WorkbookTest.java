package dev.longhand.export.xlsx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.longhand.kinds.RandomKindNetworks;
import dev.longhand.kinds.Kinds;
import dev.longhand.render.Block;
import dev.longhand.render.TraceJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The workbook's form, without a spreadsheet program: names, typed numbers and formulas, marks, bytes, size. */
class WorkbookTest {

    static final String DENSE = """
            input:
              - [2, 1, 3]
              - [1, 0, -1]
            layers:
              - weights: [[1, -1, 0], [0, 1, 1]]
                bias: [0, -1]
              - weights: [[1, 1]]
                activation: sigmoid
            target: [[1], [0]]
            """;

    @Test
    void aDenseLayerIsTypedNumbersAndTheFormulasOfThePage() throws IOException {
        try (XSSFWorkbook wb = open(Blocks.of(DENSE))) {
            // X is 3 × 2 (one column per sample), W 2 × 3: Z's first entry is row 1 of W times column 1 of X plus b.
            List<Cell> x = TraceCells.cells(wb, "input");
            List<Cell> w = TraceCells.cells(wb, "layers_0_weights");
            List<Cell> b = TraceCells.cells(wb, "layers_0_bias");
            List<Cell> z = TraceCells.cells(wb, "layers_0_z");
            List<Cell> a = TraceCells.cells(wb, "layers_0_a");
            assertArrayEquals(new int[] {3, 2}, TraceCells.extent(wb, "input"));
            assertArrayEquals(new int[] {2, 1}, TraceCells.extent(wb, "layers_0_bias"));
            assertEquals(List.of(2.0, 1.0, 1.0, 0.0, 3.0, -1.0), x.stream().map(Cell::getNumericCellValue).toList());
            assertEquals("MMULT(" + ref(w.get(0)) + ":" + ref(w.get(2)) + "," + ref(x.get(0)) + ":" + ref(x.get(4)) + ")+"
                    + ref(b.get(0)), z.get(0).getCellFormula());
            assertEquals("MAX(0," + ref(z.get(3)) + ")", a.get(3).getCellFormula());
            assertEquals("1/(1+EXP(-" + ref(TraceCells.cells(wb, "layers_1_z").get(1)) + "))",
                    TraceCells.cells(wb, "output").get(1).getCellFormula());
            assertEquals("SUMPRODUCT((" + range(wb, "output") + "-" + range(wb, "target") + ")^2)/COUNT("
                    + range(wb, "output") + ")", TraceCells.cells(wb, "loss").get(0).getCellFormula());
        }
    }

    @Test
    void reluMarksItsClampedValuesByAConditionalFormatOnA() throws IOException {
        try (XSSFWorkbook wb = open(Blocks.of(DENSE))) {
            Sheet sheet = wb.getSheetAt(0);
            List<Cell> a = TraceCells.cells(wb, "layers_0_a");
            List<Cell> z = TraceCells.cells(wb, "layers_0_z");
            var formatting = sheet.getSheetConditionalFormatting();
            assertEquals(1, formatting.getNumConditionalFormattings(), "one mark: the ReLU layer's, not the sigmoid's");
            ConditionalFormatting f = formatting.getConditionalFormattingAt(0);
            CellRangeAddress range = f.getFormattingRanges()[0];
            assertEquals(a.get(0).getRowIndex(), range.getFirstRow());
            assertEquals(a.get(0).getColumnIndex(), range.getFirstColumn());
            assertEquals(a.get(a.size() - 1).getRowIndex(), range.getLastRow());
            assertEquals(ref(z.get(0)) + "<0", f.getRule(0).getFormula1());
        }
    }

    @Test
    void everyMatrixOfTheTraceHasANameOfItsShapeTypedOrComputed() throws IOException {
        int gradients = 0;
        Random random = new Random(5);
        List<String> kinds = new ArrayList<>(RandomKindNetworks.KINDS.keySet());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Map<String, Object> data = RandomKindNetworks.network(random, 1 + random.nextInt(3), 1 + random.nextInt(3),
                    1 + random.nextInt(3));
            if (i % 2 == 0) {
                WorkbookRecomputeTest.train(random, data, i % 4 == 0);
            }
            Block block = Blocks.of(WorkbookRecomputeTest.json(data));
            JsonNode trace = TraceCells.parse(TraceJson.of(block));
            TreeSet<String> expected = new TreeSet<>(TraceCells.names(trace));
            Set<String> typed = typedNames(block);
            try (XSSFWorkbook wb = open(block)) {
                Set<String> names = new TreeSet<>();
                wb.getAllNames().stream().map(Name::getNameName).forEach(names::add);
                assertEquals(expected, names, "network " + i + " " + kinds);
                gradients += (int) names.stream().filter(n -> n.contains("gradients") || n.endsWith("_dW")).count();
                for (String name : names) {
                    JsonNode node = TraceCells.at(trace, name);
                    int[] shape = TraceCells.shape(node);
                    int[] extent = TraceCells.extent(wb, name);
                    boolean vector = !node.isNumber() && !node.get(0).isArray();
                    if (!(extent[0] == shape[0] && extent[1] == shape[1])
                            && !(vector && extent[0] == 1 && extent[1] == shape[0])) {
                        problems.add(i + " " + name + " covers " + extent[0] + "×" + extent[1] + ", the trace "
                                + shape[0] + "×" + shape[1]);
                    }
                    CellType want = typed.contains(name) ? CellType.NUMERIC : CellType.FORMULA;
                    List<Double> values = TraceCells.values(node);
                    List<Cell> cells = TraceCells.cells(wb, name);
                    for (int k = 0; k < cells.size(); k++) {
                        CellType got = cells.get(k).getCellType();
                        boolean masked = values.get(k) == null && got == CellType.STRING;
                        if (got != want && !masked) {
                            problems.add(i + " " + name + " entry " + k + " is " + got + ", not " + want);
                        }
                        // A formula carries the trace's value as its cached result, for whatever reads values only.
                        if (got == CellType.FORMULA && !Objects.equals(values.get(k), TraceCells.number(cells.get(k)))) {
                            problems.add(i + " " + name + " entry " + k + " caches " + TraceCells.number(cells.get(k))
                                    + ", not the trace's " + values.get(k));
                        }
                    }
                }
                // Every formula, named or not, caches a number: what Java computed for it.
                for (Sheet sheet : wb) {
                    for (var row : sheet) {
                        for (Cell cell : row) {
                            if (cell.getCellType() == CellType.FORMULA && TraceCells.number(cell) == null) {
                                problems.add(i + " " + sheet.getSheetName() + "!" + ref(cell) + " caches no number");
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())));
        assertTrue(gradients > 30, "only " + gradients + " gradients were named");
    }

    /** The names whose cells are typed in: the input, the target and every parameter, mask and setting; not gradients. */
    private static Set<String> typedNames(Block block) {
        Set<String> typed = new TreeSet<>(Set.of("input", "target", "learning_rate"));
        var stages = block.forward().stages();
        for (int i = 0; i < stages.size(); i++) {
            String at = "layers_" + i + "_";
            stages.get(i).stage().parameters().entries().forEach(e -> typed.add(at + e.path().replace('.', '_')));
            for (String setting : List.of("mask", "p", "epsilon")) {
                typed.add(at + setting);
                for (int inner = 0; inner < 3; inner++) {
                    typed.add(at + "layers_" + inner + "_" + setting);
                }
            }
            if (stages.get(i).stage() instanceof dev.longhand.kinds.attention.GivenWeightsAttention) {
                typed.add(at + "heads_0_weights");
            }
        }
        return typed;
    }

    @Test
    void aMaskedScoreIsTextWithWeightZeroAndEachColumnsSoftmaxTakesOnlyItsVisibleScores() throws IOException {
        try (XSSFWorkbook wb = open(Blocks.of("""
                input:
                  - [1, 0]
                  - [0, 1]
                layers:
                  - type: attention
                    query: [[1, 0]]
                    key: [[0, 1]]
                    value: [[1, 1]]
                    causal: true
                """))) {
            // Scores are keys × queries: key 1 comes after query 0, so (1, 0) is masked.
            List<Cell> scores = TraceCells.cells(wb, "layers_0_heads_0_scores");
            List<Cell> weights = TraceCells.cells(wb, "layers_0_heads_0_weights");
            List<Cell> k = TraceCells.cells(wb, "layers_0_heads_0_k");
            List<Cell> q = TraceCells.cells(wb, "layers_0_heads_0_q");
            assertEquals("−∞", scores.get(2).getStringCellValue());
            assertEquals("0", weights.get(2).getCellFormula());
            assertEquals("SUMPRODUCT(" + ref(k.get(1)) + "," + ref(q.get(1)) + ")*(1/SQRT(1))",
                    scores.get(3).getCellFormula());
            String column0 = ref(scores.get(0));
            assertEquals("EXP(" + column0 + "-MAX(" + column0 + "))/SUMPRODUCT(EXP(" + column0 + "-MAX(" + column0 + ")))",
                    weights.get(0).getCellFormula());
            String column1 = ref(scores.get(1)) + ":" + ref(scores.get(3));
            assertEquals("EXP(" + ref(scores.get(3)) + "-MAX(" + column1 + "))/SUMPRODUCT(EXP(" + column1 + "-MAX("
                    + column1 + ")))", weights.get(3).getCellFormula());
        }
    }

    @Test
    void aNormPutsEpsilonWhereTheLayerSaysAndDividesByNOrNMinusOne() throws IOException {
        try (XSSFWorkbook wb = open(Blocks.of("""
                input:
                  - [1, 3]
                  - [2, 5]
                layers:
                  - type: layer_norm
                    epsilon: 0.5
                    epsilon_added_to: std
                    variance: unbiased
                """))) {
            // Layer norm: each column (token) over its 2 features; the statistics stand in a row.
            List<Cell> x = TraceCells.cells(wb, "input");
            List<Cell> mean = TraceCells.cells(wb, "layers_0_mean");
            List<Cell> variance = TraceCells.cells(wb, "layers_0_variance");
            String eps = ref(TraceCells.cells(wb, "layers_0_epsilon").get(0));
            String column = ref(x.get(1)) + ":" + ref(x.get(3));
            assertArrayEquals(new int[] {1, 2}, TraceCells.extent(wb, "layers_0_mean"));
            assertEquals("AVERAGE(" + column + ")", mean.get(1).getCellFormula());
            assertEquals("SUMPRODUCT((" + column + "-" + ref(mean.get(1)) + ")^2)/(COUNT(" + column + ")-1)",
                    variance.get(1).getCellFormula());
            assertEquals("(" + ref(x.get(3)) + "-" + ref(mean.get(1)) + ")/(SQRT(" + ref(variance.get(1)) + ")+" + eps + ")",
                    TraceCells.cells(wb, "layers_0_normalized").get(3).getCellFormula());
            assertEquals(0.5, TraceCells.cells(wb, "layers_0_epsilon").get(0).getNumericCellValue());
        }
    }

    @Test
    void twoGenerationsGiveTheSameBytesInAnyTimeZone() {
        Block block = Blocks.of(DENSE);
        byte[] first = Workbook.of(block, Kinds.exports());
        TimeZone zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertArrayEquals(first, Workbook.of(Blocks.of(DENSE), Kinds.exports()));
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void theDocumentAndItsEntriesCarryAFixedDate() throws IOException {
        byte[] bytes = Workbook.of(Blocks.of(DENSE), Kinds.exports());
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                assertEquals("2000-01-01T00:00", e.getTimeLocal().toString(), e.getName());
                if (e.getName().equals("docProps/core.xml")) {
                    String core = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    assertTrue(core.contains("2000-01-01T00:00:00Z"), core);
                }
            }
        }
    }

    @Test
    void aRealisticNetworkGetsASheetPerLayerAndStaysSmall() throws IOException {
        Block block = Blocks.of("""
                input: {random: 1, units: 784, samples: 4, min: 0, max: 1}
                layers:
                  - units: 128
                    weights: {random: 2, min: -0.1, max: 0.1}
                  - units: 64
                    weights: {random: 3, min: -0.1, max: 0.1}
                  - units: 10
                    weights: {random: 4, min: -0.1, max: 0.1}
                    activation: softmax
                """);
        byte[] bytes = Workbook.of(block, Kinds.exports());
        assertTrue(bytes.length < 10_000_000, bytes.length + " bytes");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertEquals(List.of("Input", "Layer 1", "Layer 2", "Layer 3"), sheets);
            assertEquals(1, wb.getNumCellStyles(), "no style beyond the default one");
            assertEquals(784 * 4, TraceCells.cells(wb, "input").size());
            assertEquals("MMULT('Layer 1'!A3:ADD3,'Input'!A3:A786)+'Layer 1'!ADF3",
                    TraceCells.cells(wb, "layers_0_z").get(0).getCellFormula());
        }
    }

    private static XSSFWorkbook open(Block block) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(Workbook.of(block, Kinds.exports())));
    }

    private static String ref(Cell c) {
        return new org.apache.poi.ss.util.CellReference(c.getRowIndex(), c.getColumnIndex()).formatAsString();
    }

    private static String range(XSSFWorkbook wb, String name) {
        List<Cell> cells = TraceCells.cells(wb, name);
        return cells.size() == 1 ? ref(cells.get(0)) : ref(cells.get(0)) + ":" + ref(cells.get(cells.size() - 1));
    }
}
