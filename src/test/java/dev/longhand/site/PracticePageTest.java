package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longhand.worked.Figures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worksheet on the page: blanks that hold no value, answer boxes named for what they ask,
 * and the answer key page with every value. Expected numbers are worked out by hand:
 *
 * <pre>
 * x = (3, 1)
 * layer 1: z₁ = 1·3 + 2·1 + 0 = 5 → a₁ = 5;  z₂ = (−2)·3 + 1·1 + 0.5 = −4.5 → a₂ = 0 (clamped)
 * layer 2: z = 2·5 + 3·0 + (−1.25) = 8.75 → a = 8.75 (linear)
 * </pre>
 */
class PracticePageTest {

    static final String BLOCK = """
            ```mlp
            input: [3, 1]
            layers:
              - weights: [[1, 2], [-2, 1]]
                bias: [0, 0.5]
              - weights: [[2, 3]]
                bias: [-1.25]
            %s
            ```
            """;

    static final String LESSON = "---\ntitle: Practice\norder: 1\n---\n## Worksheet\n\n"
            + BLOCK.formatted("practice: true") + "\n## Only the output\n\n"
            + BLOCK.formatted("practice: {blank: [a], layers: [2]}") + "\n## Worked\n\n" + BLOCK.formatted("");

    @TempDir
    static Path temp;
    private static Document page;
    private static Document answers;

    @BeforeAll
    static void build() throws IOException {
        Path content = temp.resolve("content");
        SiteFiles.write(content, "10-practice.md", LESSON);
        SiteFiles.write(content, "20-plain.md", "---\ntitle: Plain\norder: 2\n---\n" + BLOCK.formatted(""));
        Path site = temp.resolve("site");
        BuildReport report = SiteFiles.build(content, site);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
        page = Jsoup.parse(Files.readString(site.resolve("practice.html"), StandardCharsets.UTF_8));
        answers = Jsoup.parse(Files.readString(site.resolve("practice-answers.html"), StandardCharsets.UTF_8));
        assertFalse(Files.exists(site.resolve("plain-answers.html")), "a lesson without worksheets has no answer key");
    }

    private static List<String> answerNames(Element block) {
        return block.select("input.answer-box").stream().map(e -> e.attr("data-answer")).toList();
    }

    /** What a reader sees of a block without opening anything: no trace, no closed "show how". */
    private static String visibleText(Element block) {
        Element copy = block.clone();
        copy.select("script.mlp-trace, details.show-how").remove();
        return copy.text();
    }

    @Test
    void everyZAndAOfEveryLayerIsAnEmptyNamedAnswerBox() {
        Element block = page.getElementById("mlp-1");
        assertEquals("true", block.attr("data-practice"));
        assertEquals(List.of("layers.0.z.0.0", "layers.0.z.1.0", "layers.0.a.0.0", "layers.0.a.1.0",
                "layers.1.z.0.0", "layers.1.a.0.0"), answerNames(block));
        for (Element box : block.select("input.answer-box")) {
            assertEquals("", box.val());
            assertEquals("decimal", box.attr("inputmode"));
            Element cell = box.parent();
            assertEquals("answer", cell.className(), "no clamped/passed mark gives the sign away");
            assertEquals("", cell.text());
            assertTrue(cell.select("[data-v]").isEmpty());
        }
        assertEquals("layer 1 z row 2 sample 1", block.selectFirst("[data-answer=layers.0.z.1.0]").attr("aria-label"));
    }

    @Test
    void noBlankedValueIsVisibleInTheWorksheet() {
        String text = visibleText(page.getElementById("mlp-1"));
        for (String value : List.of("8.75", "4.5", "−4.5")) {
            assertFalse(text.contains(value), value + " is visible: " + text);
        }
        // the diagram shows "?" for blank nodes, and layer 2's copy of A₁ shows "?"
        Element block = page.getElementById("mlp-1");
        assertEquals(List.of("?", "?", "?"), block.select("[data-node][data-blank] text").eachText());
        assertEquals(List.of("?", "?"), block.select("[data-blank-of]").eachText());
        assertEquals(List.of("layers.0.a.0.0", "layers.0.a.1.0"), block.select("[data-blank-of]").eachAttr("data-blank-of"));
    }

    @Test
    void theWorkingOfABlankedUnitWaitsInAClosedShowHow() {
        Element block = page.getElementById("mlp-1");
        List<String> forKeys = new ArrayList<>();
        for (Element details : block.select("details.show-how")) {
            assertFalse(details.hasAttr("open"));
            forKeys.add(details.attr("data-answer-for"));
        }
        assertEquals(List.of("layers.0.z.0.0", "layers.0.z.1.0", "layers.1.z.0.0"), forKeys);
        assertTrue(block.selectFirst("details.show-how[data-answer-for=layers.1.z.0.0]").text().contains("8.75"));
    }

    @Test
    void theTraceStaysComplete() throws IOException {
        JsonNode trace = new ObjectMapper().readTree(page.getElementById("mlp-1").selectFirst("script.mlp-trace").data());
        assertEquals(-4.5, trace.at("/layers/0/z/1/0").asDouble());
        assertEquals(8.75, trace.at("/output/0/0").asDouble());
    }

    @Test
    void anAuthorCanBlankOnlyTheOutputLayersA() {
        Element block = page.getElementById("mlp-2");
        assertEquals(List.of("layers.1.a.0.0"), answerNames(block));
        assertEquals("8.75", block.selectFirst("[data-v=layers.1.z.0.0]").text(), "z stays shown");
        assertTrue(block.select("[data-blank-of]").isEmpty());
        assertEquals(List.of("layers.1.a.0.0"), block.select("details.show-how").eachAttr("data-answer-for"));
    }

    @Test
    void aBlockWithoutPracticeIsUnchanged() {
        Element block = page.getElementById("mlp-3");
        assertFalse(block.hasAttr("data-practice"));
        assertTrue(block.select("input.answer-box, details.show-how, .practice-bar").isEmpty());
    }

    @Test
    void onlyPagesWithWorksheetsLoadThePracticeScript() {
        assertTrue(scripts(page).contains("assets/longhand-practice.js"));
        assertFalse(scripts(answers).contains("assets/longhand-practice.js"));
        assertTrue(scripts(answers).contains("assets/longhand.js"));
    }

    private static List<String> scripts(Document document) {
        return document.select("script[src]").eachAttr("src");
    }

    @Test
    void eachWorksheetLinksToItsBlockOnTheAnswerKey() {
        assertEquals(List.of("practice-answers.html#mlp-1", "practice-answers.html#mlp-2"),
                page.select("a.answer-key").eachAttr("href"));
        assertEquals(List.of("mlp-1", "mlp-2"), answers.select("figure.mlp").eachAttr("id"));
        assertEquals("practice.html", answers.selectFirst(".answer-key-intro a").attr("href"));
    }

    @Test
    void theAnswerKeyHoldsExactlyTheTracesValues() throws IOException {
        Element key = answers.getElementById("mlp-1");
        assertTrue(key.select("input.answer-box, details.show-how, [data-blank]").isEmpty());
        assertEquals("5", key.selectFirst("[data-v=layers.0.z.0.0]").text());
        assertEquals("−4.5", key.selectFirst("[data-v=layers.0.z.1.0]").text());
        assertEquals("0", key.selectFirst("table.matrix-a [data-v=layers.0.a.1.0]").text());
        assertEquals("8.75", key.selectFirst("table.matrix-a [data-v=layers.1.a.0.0]").text());
        // every figure of the key is the trace's value at the block's precision, and the trace is the worksheet's
        String trace = key.selectFirst("script.mlp-trace").data();
        assertEquals(page.getElementById("mlp-1").selectFirst("script.mlp-trace").data(), trace);
        JsonNode json = new ObjectMapper().readTree(trace);
        int checked = 0;
        for (Element figure : key.select("[data-v]")) {
            String[] at = figure.attr("data-v").split("\\.");
            JsonNode value = at[0].equals("input") ? json.at("/input/" + at[1] + "/" + at[2])
                    : at[2].equals("bias") ? json.at("/layers/" + at[1] + "/bias/" + at[3])
                    : json.at("/layers/" + at[1] + "/" + at[2] + "/" + at[3] + "/" + at[4]);
            assertFalse(value.isMissingNode(), figure.attr("data-v"));
            assertEquals(Figures.display(value.asDouble(), 4), figure.text(), figure.attr("data-v"));
            checked++;
        }
        assertEquals(2 + 4 + 2 + 2 + 2 + 2 + 2 + 1 + 1 + 1, checked);
        // and all the worked arithmetic, shown at once
        assertEquals(3, key.select("li[data-work]").size());
        assertTrue(key.selectFirst("li[data-work=1.0.0]").text().contains("8.75"));
    }
}
