package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code practice} in {@code longhand.yml}: every block becomes a worksheet unless it says
 * otherwise, blocks that train are left as they are, and the answer key keeps the lesson's numbers.
 */
class PracticeDefaultTest {

    /** Four blocks: one silent, one opting out, one training, one with its own practice. */
    private static final String LESSON = """
            ---
            title: Practice
            order: 1
            summary: Four blocks.
            ---
            ```mlp
            input: [3, 1]
            layers:
              - weights: [[1, 2], [-2, 1]]
              - weights: [[2, 3]]
            ```

            ```mlp
            input: [3, 1]
            layers:
              - weights: [[1, 2]]
            practice: false
            ```

            ```mlp
            input: [1, 2]
            target: [1]
            layers:
              - weights: [[0.5, -0.5]]
            ```

            ```mlp
            input: [3, 1]
            layers:
              - weights: [[1, 2], [-2, 1]]
              - weights: [[2, 3]]
            practice: {layers: [2]}
            ```
            """;

    @TempDir
    Path temp;
    Path content;
    Path out;

    @BeforeEach
    void lessons() {
        content = temp.resolve("content");
        out = temp.resolve("site");
        SiteFiles.write(content, "01-practice.md", LESSON);
        SiteFiles.write(content, "02-plain.md", "---\ntitle: Plain\norder: 2\nsummary: Prose.\n---\nNo blocks here.\n");
    }

    private BuildReport build(String yaml) {
        return SiteFiles.build(content, out, SiteFiles.write(temp, "longhand.yml", yaml));
    }

    private Document page(String name) {
        return SiteFiles.page(out, name);
    }

    private static List<String> answers(Element block) {
        return block.select("input.answer-box").stream().map(e -> e.attr("data-answer")).toList();
    }

    @Test
    void everyBlockWithoutTrainingIsAWorksheetUnlessItSaysFalse() throws IOException {
        BuildReport report = build("practice: {blank: [z], new_numbers: true}\n");
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
        assertEquals(List.of(), report.diagnostics().sorted(), "no warnings either");
        Document page = page("practice.html");

        Element silent = page.getElementById("mlp-1");
        assertTrue(silent.hasAttr("data-practice"));
        assertEquals(List.of("layers.0.z.0.0", "layers.0.z.1.0", "layers.1.z.0.0"), answers(silent),
                "the site's blank: [z], every layer");
        assertTrue(silent.attr("data-new-numbers").matches("[0-9a-f]{16}"), silent.attr("data-new-numbers"));

        Element optedOut = page.getElementById("mlp-2");
        assertFalse(optedOut.hasAttr("data-practice"));
        assertTrue(answers(optedOut).isEmpty());

        Element training = page.getElementById("mlp-3");
        assertFalse(training.hasAttr("data-practice"), "a block that trains is no worksheet");
        assertFalse(training.select(".mlp-backward, .loss-value, [data-v]").isEmpty(), "and is shown worked, as always");

        Element own = page.getElementById("mlp-4");
        assertEquals(List.of("layers.1.z.0.0"), answers(own), "its own layers, the site's blank");
        assertTrue(own.hasAttr("data-new-numbers"), "and the site's new numbers");
        assertFalse(own.attr("data-new-numbers").equals(silent.attr("data-new-numbers")), "each block its own draws");

        Document key = page("practice-answers.html");
        assertEquals(List.of("mlp-1", "mlp-4"), key.select("figure.mlp").stream().map(Element::id).toList());
        assertTrue(key.select("figure.mlp input.answer-box").isEmpty());
        assertEquals(2, key.select(".answer-key-note").size(), "the key says it is for the lesson's own numbers");
        assertTrue(key.selectFirst("#mlp-1 .answer-key-note").text().contains("lesson’s own numbers"));
        assertTrue(key.selectFirst("#mlp-1 script.mlp-trace").data().contains("\"input\":[[3],[1]]"),
                "the key's numbers are the author's");
    }

    @Test
    void practiceTrueBlanksEverythingWithoutNewNumbers() throws IOException {
        assertTrue(build("practice: true\n").succeeded());
        Element silent = page("practice.html").getElementById("mlp-1");
        assertEquals(6, answers(silent).size());
        assertFalse(silent.hasAttr("data-new-numbers"));
        assertTrue(page("practice-answers.html").select(".answer-key-note").isEmpty(), "no draws, no note");
    }

    @Test
    void withoutADefaultOnlyTheBlocksThatSaySoAreWorksheets() throws IOException {
        assertTrue(build("practice: false\n").succeeded());
        Document page = page("practice.html");
        assertEquals(List.of("mlp-4"), page.select("figure.mlp[data-practice]").stream().map(Element::id).toList());
    }

    @Test
    void aBadDefaultFailsTheBuildAtItsPositionAndWritesNothing() {
        BuildReport report = build("baseUrl:\npractice: {blank: [z, weights]}\n");
        assertFalse(report.succeeded());
        List<String> errors = report.diagnostics().sorted().stream().filter(Diagnostic::isError)
                .map(Diagnostic::headline).toList();
        assertEquals(List.of("longhand.yml:2:23: error: unknown blank kind 'weights'; the kinds are z, a"), errors);
        assertFalse(Files.exists(out));
    }
}
