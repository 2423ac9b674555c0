package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code layout: augmented} draws the bias as the last column of W and a row of 1s under the
 * input; the computation and the trace stay those of the standard layout.
 */
class AugmentedLayoutTest {

    /** The same block twice, first augmented, then in the standard layout. */
    private static final String SPEC = """
            input:
              - [1, 1]
              - [2, 0]
            target:
              - [2]
              - [1]
            steps: 2
            layers:
              - weights:
                  - [1, 2]
                  - [0, 1]
                bias: [-5, 1]
              - weights: [[1, 1]]
                bias: [0.5]
            """;

    private static final String LESSON = "---\ntitle: Augmented\norder: 10\n---\n"
            + "```mlp\nlayout: augmented\n" + SPEC + "```\n\n"
            + "```mlp\n" + SPEC + "```\n";

    @TempDir
    static Path temp;
    static Element augmented;
    static Element standard;

    @BeforeAll
    static void buildSite() throws IOException {
        Path content = temp.resolve("content");
        SiteFiles.write(content, "01-augmented.md", LESSON);
        Path site = temp.resolve("site");
        BuildReport report = SiteFiles.build(content, site);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
        Document page = Jsoup.parse(Files.readString(site.resolve("augmented.html"), StandardCharsets.UTF_8));
        Elements blocks = page.select("figure.mlp");
        assertEquals(2, blocks.size());
        augmented = blocks.get(0);
        standard = blocks.get(1);
    }

    private static Element forwardLayer(Element block, int index) {
        Element layer = block.selectFirst("section.mlp-layer[data-layer=" + index + "]");
        assertNotNull(layer, "layer " + index);
        return layer;
    }

    private static String workSum(Element block, String key) {
        Element line = block.selectFirst("[data-work=" + key + "] .work-sum");
        assertNotNull(line, "worked line " + key);
        return line.text();
    }

    private static JsonNode trace(Element block) throws IOException {
        Elements traces = block.select("script.mlp-trace");
        assertEquals(1, traces.size(), "one trace per block");
        return new ObjectMapper().readTree(traces.first().data());
    }

    @Test
    void weightsGetTheBiasAsALastColumnHeadedB() {
        Element w = forwardLayer(augmented, 0).selectFirst("table.matrix-weights");
        assertEquals(List.of("x₁", "x₂", "b"), w.select("thead th").eachText());
        Elements rows = w.select("tbody tr");
        assertEquals(2, rows.size());
        // W1 = [[1, 2], [0, 1]], b1 = (−5, 1)
        assertEquals(List.of("1", "2", "−5"), rows.get(0).select("td").eachText());
        assertEquals(List.of("0", "1", "1"), rows.get(1).select("td").eachText());
        for (int r = 0; r < 2; r++) {
            Element bias = rows.get(r).select("td").last().selectFirst("[data-edit]");
            assertNotNull(bias, rows.get(r).outerHtml());
            assertEquals("layers.0.bias." + r, bias.attr("data-edit"));
        }
        Element w2 = forwardLayer(augmented, 1).selectFirst("table.matrix-weights");
        assertEquals(List.of("1", "2", "b"), w2.select("thead th").eachText());
        assertEquals("layers.1.bias.0", w2.select("tbody td").last().selectFirst("[data-edit]").attr("data-edit"));
    }

    @Test
    void inputGetsARowOfConstantOnes() {
        for (int layer = 0; layer < 2; layer++) {
            Element input = forwardLayer(augmented, layer).selectFirst("table.matrix-input");
            Elements rows = input.select("tbody tr");
            assertEquals(3, rows.size(), "two units and the row of 1s");
            Element ones = rows.last();
            assertEquals("1", ones.selectFirst("th").text());
            Elements cells = ones.select("td");
            assertEquals(2, cells.size(), "one 1 per sample");
            for (Element cell : cells) {
                assertEquals("1", cell.text());
                assertTrue(cell.hasClass("constant"), cell.outerHtml());
                assertTrue(cell.select("[data-edit], [data-v]").isEmpty(), "a constant is neither edited nor traced");
            }
        }
        // the standard layout has no such row
        assertEquals(2, forwardLayer(standard, 0).select("table.matrix-input tbody tr").size());
        assertTrue(standard.select("td.constant").isEmpty());
    }

    @Test
    void noSeparateBiasTable() {
        for (int layer = 0; layer < 2; layer++) {
            assertTrue(forwardLayer(augmented, layer).select("table.matrix-bias").isEmpty(), "layer " + layer);
            assertEquals(1, forwardLayer(standard, layer).select("table.matrix-bias").size(), "layer " + layer);
        }
    }

    @Test
    void everyEditableNumberStillAppearsOnce() {
        Set<String> expected = new TreeSet<>(List.of(
                "input.0.0", "input.1.0", "input.0.1", "input.1.1",
                "layers.0.weights.0.0", "layers.0.weights.0.1", "layers.0.weights.1.0", "layers.0.weights.1.1",
                "layers.0.bias.0", "layers.0.bias.1",
                "layers.1.weights.0.0", "layers.1.weights.0.1", "layers.1.bias.0"));
        for (Element block : List.of(augmented, standard)) {
            List<String> edits = block.select("[data-edit]").eachAttr("data-edit");
            assertEquals(expected, new TreeSet<>(edits));
            assertEquals(expected.size(), edits.size(), "each editable number appears once");
        }
    }

    @Test
    void workedLinesWriteTheBiasAsAWeightTimesOne() {
        // sample 1: z₁ = 1·1 + 2·1 + (−5)·1 = −2, z₂ = 0·1 + 1·1 + 1·1 = 2
        // sample 2: z₁ = 1·2 + 2·0 + (−5)·1 = −3
        // layer 2, sample 1: a1 = (0, 2), z = 1·0 + 1·2 + 0.5·1 = 2.5
        assertEquals("z₁ = 1·1 + 2·1 + (−5)·1 = −2", workSum(augmented, "0.0.0"));
        assertEquals("z₂ = 0·1 + 1·1 + 1·1 = 2", workSum(augmented, "0.1.0"));
        assertEquals("z₁ = 1·2 + 2·0 + (−5)·1 = −3", workSum(augmented, "0.0.1"));
        assertEquals("z₁ = 1·0 + 1·2 + 0.5·1 = 2.5", workSum(augmented, "1.0.0"));
        // the standard layout adds the bias alone
        assertEquals("z₁ = 1·1 + 2·1 + (−5) = −2", workSum(standard, "0.0.0"));
    }

    @Test
    void traceIsTheSameAsInTheStandardLayout() throws IOException {
        JsonNode a = trace(augmented);
        JsonNode s = trace(standard);
        assertEquals(s, a);
        // and it is the computation worked out above, training included
        assertEquals(-2, a.at("/layers/0/z/0/0").doubleValue());
        assertEquals(1.5, a.at("/output/0/1").doubleValue());
        assertEquals(3, a.get("losses").size());
        assertTrue(a.has("target") && a.at("/layers/0").has("weights_after"), a.toPrettyString());
    }
}
