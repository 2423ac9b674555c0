package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longhand.diag.Diagnostic;
import dev.longhand.worked.Figures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Practice on layers beyond dense ones ({@link KindWorksheets}: causal attention, a residual, a
 * layer norm): what `blank` and `layers` leave blank, that nothing a worksheet hides can be read
 * anywhere on the page (not in a table that draws it again, a later layer's input, a worked line,
 * what a screen reader hears), and the answer key with every value.
 *
 * <p>The rule, as the Writing lessons page gives it: part "z" of a layer is what it works out on
 * its way (attention's Q, K, V, scores and weights; a norm's means, variances and x̂; a dense
 * layer's Z), part "a" its output; a value that repeats a hidden value entry by entry waits for
 * it (an A for its Z, a residual's x + f(x) for whichever of x and f(x) is hidden, a norm's x̂
 * for its input and γ·x̂ + β for x̂).
 */
class KindWorksheetTest {

    private static final String Q = "layers.0.heads.0.q";
    private static final String K = "layers.0.heads.0.k";
    private static final String V = "layers.0.heads.0.v";
    private static final String S = "layers.0.heads.0.scores";
    private static final String W = "layers.0.heads.0.weights";
    private static final String A1 = "layers.0.a";
    private static final String Z21 = "layers.1.layers.0.z";
    private static final String A21 = "layers.1.layers.0.a";
    private static final String A2 = "layers.1.a";
    private static final String MEAN = "layers.2.mean";
    private static final String VARIANCE = "layers.2.variance";
    private static final String HAT = "layers.2.normalized";
    private static final String A3 = "layers.2.a";
    private static final List<String> ALL = List.of(Q, K, V, S, W, A1, Z21, A21, A2, MEAN, VARIANCE, HAT, A3);

    /** A worksheet: its practice, the matrices it asks for (boxes), and those it hides besides. */
    record Setting(String practice, Set<String> boxes, Set<String> waiting) {

        boolean hidden(String matrix) {
            return boxes.contains(matrix) || waiting.contains(matrix);
        }

        @Override
        public String toString() {
            return practice;
        }
    }

    static final List<Setting> SETTINGS = List.of(
            new Setting("true", Set.copyOf(ALL), Set.of()),
            new Setting("{blank: [z]}", Set.of(Q, K, V, S, W, Z21, MEAN, VARIANCE, HAT), Set.of(A21, A2, A3)),
            new Setting("{blank: [a]}", Set.of(A1, A21, A2, A3), Set.of(HAT)),
            new Setting("{layers: [1]}", Set.of(Q, K, V, S, W, A1), Set.of(A2, HAT, A3)),
            new Setting("{layers: [2]}", Set.of(Z21, A21, A2), Set.of(HAT, A3)),
            new Setting("{layers: [3]}", Set.of(MEAN, VARIANCE, HAT, A3), Set.of()));

    @TempDir
    static Path temp;
    private static Document page;
    private static Document answers;
    private static JsonNode trace;

    @BeforeAll
    static void build() throws IOException {
        StringBuilder lesson = new StringBuilder("---\ntitle: Kinds\norder: 1\nsummary: Worksheets of kinds.\n---\n");
        for (Setting setting : SETTINGS) {
            lesson.append("\n## ").append(setting.practice()).append("\n\n")
                    .append(KindWorksheets.BLOCK.formatted(setting.practice()));
        }
        Path content = temp.resolve("content");
        SiteFiles.write(content, "10-kinds.md", lesson.toString());
        Path site = temp.resolve("site");
        BuildReport report = SiteFiles.build(content, site);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
        page = Jsoup.parse(Files.readString(site.resolve("kinds.html"), StandardCharsets.UTF_8));
        answers = Jsoup.parse(Files.readString(site.resolve("kinds-answers.html"), StandardCharsets.UTF_8));
        trace = new ObjectMapper().readTree(page.selectFirst("#mlp-1 script.mlp-trace").data());
    }

    static Stream<Setting> settings() {
        return SETTINGS.stream();
    }

    private static Element block(Setting setting) {
        return page.getElementById("mlp-" + (SETTINGS.indexOf(setting) + 1));
    }

    /** Every key of a matrix of the fixture: 3 tokens; Q and K have 2 rows; a masked score has none. */
    private static List<String> keys(String matrix) {
        List<String> keys = new ArrayList<>();
        if (matrix.equals(MEAN) || matrix.equals(VARIANCE)) {
            for (int g = 0; g < 3; g++) {
                keys.add(matrix + "." + g);
            }
            return keys;
        }
        int rows = matrix.equals(Q) || matrix.equals(K) ? 2 : 3;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 3; c++) {
                if (!(matrix.equals(S) && r > c)) {
                    keys.add(matrix + "." + r + "." + c);
                }
            }
        }
        return keys;
    }

    /** The trace's number at a key ("layers.0.heads.0.scores.1.2"). */
    private static double value(String key) {
        JsonNode node = trace;
        for (String part : key.split("\\.")) {
            node = part.chars().allMatch(Character::isDigit) ? node.get(Integer.parseInt(part)) : node.get(part);
        }
        return node.asDouble();
    }

    private static String matrixOf(String key) {
        String matrix = key;
        while (matrix.substring(matrix.lastIndexOf('.') + 1).chars().allMatch(Character::isDigit)) {
            matrix = matrix.substring(0, matrix.lastIndexOf('.'));
        }
        return matrix;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void theBoxesAskForWhatBlankAndLayersName(Setting setting) {
        Set<String> expected = new TreeSet<>();
        setting.boxes().forEach(m -> expected.addAll(keys(m)));
        Set<String> asked = new TreeSet<>();
        block(setting).select("input.answer-box").forEach(box -> assertTrue(asked.add(box.attr("data-answer")),
                "one box per value: " + box.attr("data-answer")));
        assertEquals(expected, asked);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void aHiddenValueIsNeverWrittenInATableAndEveryQuestionMarkStandsForOne(Setting setting) {
        Element block = block(setting);
        for (Element cell : block.select("table [data-v]")) {
            assertFalse(setting.hidden(matrixOf(cell.attr("data-v"))), cell.attr("data-v") + " is shown");
        }
        Set<String> copied = new TreeSet<>();
        for (Element copy : block.select("table .blank-copy")) {
            assertEquals("?", copy.text());
            assertTrue(setting.hidden(matrixOf(copy.attr("data-blank-of"))), copy.attr("data-blank-of"));
            copied.add(matrixOf(copy.attr("data-blank-of")));
        }
        for (String matrix : setting.waiting()) {
            assertTrue(copied.contains(matrix), matrix + " waits as '?' in its own table");
        }
    }

    /**
     * The block as a reader meets it (screen or print: no trace, no closed "show how") and every
     * attribute a reader may hear or see: no figure of a hidden value, except where the same figure
     * is also a value that is shown (the inputs and parameters are) or 0.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void noFigureOfAHiddenValueCanBeReadAnywhere(Setting setting) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (String matrix : ALL) {
            keys(matrix).forEach(key -> figures.put(key, Figures.display(value(key), 4)));
        }
        Set<String> forbidden = new LinkedHashSet<>();
        // the figures of the inputs and parameters (and "4" of the prose's "4 decimals")
        Set<String> shown = new LinkedHashSet<>(Set.of("0", "1", "2", "3", "0.5", "0.25", "4"));
        figures.forEach((key, figure) -> (setting.hidden(matrixOf(key)) ? forbidden : shown).add(bare(figure)));
        forbidden.removeAll(shown);
        assertFalse(forbidden.isEmpty(), "the check checks something");
        Element copy = block(setting).clone();
        copy.select("script.mlp-trace, details.show-how").remove();
        List<String> seen = new ArrayList<>();
        for (Element el : copy.getAllElements()) {
            el.textNodes().forEach(t -> seen.add(t.text()));
            for (Attribute attribute : el.attributes()) {
                if (List.of("aria-label", "title", "alt", "value", "placeholder").contains(attribute.getKey())) {
                    seen.add(attribute.getValue());
                }
            }
        }
        for (String figure : forbidden) {
            Pattern token = Pattern.compile("(?<![\\d.])" + Pattern.quote(figure) + "(?![\\d])");
            for (String text : seen) {
                assertFalse(token.matcher(text).find(), figure + " can be read: " + text);
            }
        }
    }

    @Test
    void aLineThatWorksOutAHiddenValueWaitsInAClosedShowHowWithQuestionMarksForOtherHiddenFigures() {
        Element block = block(SETTINGS.get(0));
        // s₃,₃ = k₃ · q₃ = 2·1 + 1·2 = 4, with K and Q blank
        Element score = block.selectFirst("details.show-how[data-answer-for=layers.0.heads.0.scores.2.2]");
        assertFalse(score.hasAttr("open"));
        assertEquals("s₃,₃ = ?·? + ?·? = 4", score.selectFirst("[data-work]").text());
        // x + f(x) of token 1, row 1: 1 + 1 = 2
        Element sum = block.selectFirst("details.show-how[data-answer-for=layers.1.a.0.0]");
        assertEquals("? + ? = 2", sum.selectFirst("[data-work]").text());
        // the layer norm's mean of token 1: (2 + 0 + 1.25) / 3
        assertEquals("μ₁ = (? + ? + ?) / 3 ≈ 1.0833",
                block.selectFirst("details.show-how[data-answer-for=layers.2.mean.0] [data-work]").text());
        // a masked score is no blank: written as −∞, outside any show-how
        Element masked = block.selectFirst("[data-work=0.heads.0.scores.2.0]");
        assertEquals("s₃,₁ = −∞ (masked: token 3 comes after token 1)", masked.text());
        assertEquals(null, masked.closest("details.show-how"));
    }

    @Test
    void aLineOfAShownValueWritesTheHiddenFiguresItUsesAsQuestionMarks() {
        // layers [1]: the residual's inner layer is shown, its input A₁ (1, 0, 1 for token 1) is not
        Element block = block(SETTINGS.get(3));
        Element line = block.selectFirst("li[data-work=1.layers.0.0.0]");
        assertEquals("z₁ = 1·? + (−1)·? + 0·? + 0 = 1", line.selectFirst(".work-sum").text());
        // the layer norm's mean is shown, its input hidden: (2 + 0 + 1.25) / 3
        assertEquals("μ₁ = (? + ? + ?) / 3 ≈ 1.0833", block.selectFirst("li[data-work=2.mean.0.0]").text());
    }

    @Test
    void thePageSaysWhichMatrixWaitsForWhichBlank() {
        assertEquals("layers.1.layers.0.z:layers.1.layers.0.z layers.1.layers.0.a:layers.1.layers.0.a"
                        + " layers.1.a:layers.1.a layers.2.normalized:layers.1.a layers.2.a:layers.1.a",
                block(SETTINGS.get(4)).attr("data-hidden-until"));
        assertEquals("layers.2.mean:layers.2.mean layers.2.variance:layers.2.variance"
                        + " layers.2.normalized:layers.2.normalized layers.2.a:layers.2.a",
                block(SETTINGS.get(5)).attr("data-hidden-until"));
        String z = block(SETTINGS.get(1)).attr("data-hidden-until");
        assertTrue(z.contains("layers.1.layers.0.a:layers.1.layers.0.z layers.1.a:layers.1.layers.0.z"), z);
        assertTrue(z.endsWith("layers.2.a:layers.2.normalized"), z);
        assertFalse((" " + z).contains(" layers.0.a:"), "one head's output is part a: " + z);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void theAnswerKeyShowsEveryValueWorkedByHand(Setting setting) {
        Element key = answers.getElementById("mlp-" + (SETTINGS.indexOf(setting) + 1));
        assertTrue(key.select("input.answer-box, details.show-how, .blank-copy").isEmpty());
        assertFalse(key.hasAttr("data-hidden-until"));
        Map<String, String> byHand = new LinkedHashMap<>();
        byHand.put("layers.0.heads.0.scores.0.0", "2");
        byHand.put("layers.0.heads.0.scores.1.1", "1");
        byHand.put("layers.0.heads.0.scores.2.2", "4");
        byHand.put("layers.0.heads.0.weights.0.1", "0.2689");
        byHand.put("layers.0.heads.0.weights.1.1", "0.7311");
        byHand.put("layers.0.heads.0.weights.2.2", "0.787");
        byHand.put("layers.1.a.0.0", "2");
        byHand.put("layers.1.a.2.0", "1.25");
        byHand.put("layers.2.mean.0", "1.0833");
        byHand.put("layers.2.variance.0", "0.6806");
        byHand.put("layers.2.normalized.0.0", "1.1112");
        byHand.forEach((k, figure) -> assertEquals(figure, key.selectFirst("table [data-v=" + k + "]").text(), k));
        Element copy = key.clone();
        copy.select("script.mlp-trace").remove();
        assertFalse(copy.text().contains("?"), copy.text());
    }

    @Test
    void newNumbersAreRefusedWhereTheBlockAsksForThemAndLeftOutWhereTheSiteDoes() throws IOException {
        Path content = temp.resolve("new-numbers/content");
        String block = KindWorksheets.BLOCK.formatted("{blank: [z], new_numbers: true}");
        SiteFiles.write(content, "10-new.md", "---\ntitle: New\norder: 1\nsummary: New numbers.\n---\n" + block);
        BuildReport report = SiteFiles.build(content, temp.resolve("new-numbers/site"));
        List<Diagnostic> errors = report.diagnostics().sorted();
        assertEquals(1, errors.size(), errors::toString);
        int line = 6 + (int) block.lines().takeWhile(l -> !l.contains("new_numbers")).count();
        int column = block.lines().filter(l -> l.contains("new_numbers")).findFirst().orElseThrow()
                .indexOf("true") + 1;
        assertEquals("content/10-new.md:" + line + ":" + column + ": error: new numbers are drawn for dense layers"
                + " only, and layer 1 is attention; leave new_numbers out (the worksheet's blanks work for every kind)",
                errors.get(0).headline());

        Path siteWide = temp.resolve("site-wide/content");
        SiteFiles.write(siteWide, "10-new.md", "---\ntitle: New\norder: 1\nsummary: New numbers.\n---\n"
                + KindWorksheets.BLOCK.replace("practice: %s\n", ""));
        Path out = temp.resolve("site-wide/site");
        BuildReport built = SiteFiles.build(siteWide, out,
                SiteFiles.write(temp.resolve("site-wide"), "longhand.yml", "practice: {new_numbers: true}\n"));
        assertTrue(built.succeeded(), () -> built.diagnostics().sorted().toString());
        Element sheet = SiteFiles.page(out, "new.html").getElementById("mlp-1");
        assertTrue(sheet.hasAttr("data-practice"), "a worksheet");
        assertFalse(sheet.hasAttr("data-new-numbers"), "without New numbers");
    }

    private static String bare(String figure) {
        return figure.replace("−", "");
    }
}
