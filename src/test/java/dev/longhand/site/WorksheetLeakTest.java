package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A worksheet gives no blanked value away, whichever layers and kinds it blanks: not in a
 * later layer's input, worked arithmetic or diagram node, not through an A that repeats a
 * blank Z, not in a ReLU mark, not in what a reader can hear (aria-label, title). Checked on
 * the built HTML, place by place, for several practice settings of {@link WorksheetNetworks}
 * (its values worked out by hand there).
 *
 * A value is hidden when it is blank, and an A is hidden too when its Z is blank (it would
 * show Z: ReLU passes a positive z through, a linear layer every z).
 */
class WorksheetLeakTest {

    /** Every Z and A by hand, as the page shows it. */
    static final Map<String, String> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("layers.0.z.0.0", "4.25");
        VALUES.put("layers.0.z.1.0", "−3.25");
        VALUES.put("layers.0.a.0.0", "4.25");
        VALUES.put("layers.0.a.1.0", "0");
        VALUES.put("layers.1.z.0.0", "5.75");
        VALUES.put("layers.1.z.1.0", "1.625");
        VALUES.put("layers.1.a.0.0", "5.75");
        VALUES.put("layers.1.a.1.0", "1.625");
        VALUES.put("layers.2.z.0.0", "5.125");
        VALUES.put("layers.2.a.0.0", "5.125");
    }

    /** The diagram's figures, at most two decimals, where they differ from the tables'. */
    static final Map<String, String> IN_DIAGRAM = Map.of("layers.1.a.1.0", "1.63", "layers.2.a.0.0", "5.13");

    static final int[] UNITS = {2, 2, 1};

    /**
     * One worksheet: its {@code practice} and which layers (1-based) it blanks Z and A of.
     */
    record Setting(String name, String practice, Set<Integer> zLayers, Set<Integer> aLayers) {

        boolean hidden(String key) {
            String[] at = key.split("\\.");
            int layer = Integer.parseInt(at[1]) + 1;
            return zLayers.contains(layer) || at[2].equals("a") && aLayers.contains(layer);
        }

        boolean blank(String key) {
            String[] at = key.split("\\.");
            int layer = Integer.parseInt(at[1]) + 1;
            return (at[2].equals("z") ? zLayers : aLayers).contains(layer);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Setting> SETTINGS = List.of(
            new Setting("every layer (practice: true)", "true", Set.of(1, 2, 3), Set.of(1, 2, 3)),
            new Setting("layers [1]", "{layers: [1]}", Set.of(1), Set.of(1)),
            new Setting("layers [2]", "{layers: [2]}", Set.of(2), Set.of(2)),
            new Setting("blank [z]", "{blank: [z]}", Set.of(1, 2, 3), Set.of()),
            new Setting("blank [a]", "{blank: [a]}", Set.of(), Set.of(1, 2, 3)),
            new Setting("blank [a], layers [1]", "{blank: [a], layers: [1]}", Set.of(), Set.of(1)),
            new Setting("blank [z], layers [2]", "{blank: [z], layers: [2]}", Set.of(2), Set.of()));

    @TempDir
    static Path temp;
    private static Document page;
    private static Document answers;

    @BeforeAll
    static void build() throws IOException {
        StringBuilder lesson = new StringBuilder("---\ntitle: Leaks\norder: 1\n---\n");
        for (Setting setting : SETTINGS) {
            lesson.append("\n## ").append(setting.name()).append("\n\n").append(WorksheetNetworks.THREE_LAYERS.formatted(setting.practice()));
        }
        lesson.append("\n## Softmax\n\n").append(WorksheetNetworks.SOFTMAX);
        Path content = temp.resolve("content");
        SiteFiles.write(content, "10-leaks.md", lesson.toString());
        Path site = temp.resolve("site");
        BuildReport report = SiteFiles.build(content, site);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
        page = Jsoup.parse(Files.readString(site.resolve("leaks.html"), StandardCharsets.UTF_8));
        answers = Jsoup.parse(Files.readString(site.resolve("leaks-answers.html"), StandardCharsets.UTF_8));
    }

    static Stream<Setting> settings() {
        return SETTINGS.stream();
    }

    private static Element block(Setting setting) {
        return page.getElementById("mlp-" + (SETTINGS.indexOf(setting) + 1));
    }

    private static String[] at(String key) {
        return key.split("\\.");
    }

    /** The cell of a layer's own Z or A table that holds {@code key}. */
    private static Element ownCell(Element block, String key) {
        String[] at = at(key);
        Element table = block.selectFirst("section[data-layer=" + at[1] + "] table.matrix-" + at[2]);
        return table.select("tbody tr").get(Integer.parseInt(at[3])).select("td").get(Integer.parseInt(at[4]));
    }

    /** The cell of the next layer's input table that repeats the A at {@code key}. */
    private static Element inputCell(Element block, String key) {
        String[] at = at(key);
        Element table = block.selectFirst("section[data-layer=" + (Integer.parseInt(at[1]) + 1) + "] table.matrix-input");
        return table.select("tbody tr").get(Integer.parseInt(at[3])).select("td").get(Integer.parseInt(at[4]));
    }

    /** The figure a worked line multiplies the weight of input {@code k} by: "z₁ = 2·? + 3·0 + 1.5 = …". */
    private static String inputFactor(Element line, int k) {
        String sum = line.selectFirst(".work-sum").text();
        String terms = sum.substring(sum.indexOf(" = ") + 3);
        return terms.split(" \\+ ")[k].split("·")[1];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void aHiddenValueIsAnEmptyBoxOrAQuestionMarkInItsOwnTable(Setting setting) {
        Element block = block(setting);
        VALUES.forEach((key, figure) -> {
            Element cell = ownCell(block, key);
            if (setting.blank(key)) {
                assertNotNull(cell.selectFirst("input.answer-box[data-answer=" + key + "]"), key);
                assertEquals("", cell.text(), key);
            } else if (setting.hidden(key)) {
                assertEquals("?", cell.text(), key + ": an A whose Z is blank would show it");
                assertEquals(key, cell.selectFirst(".blank-copy").attr("data-blank-of"), key);
                assertEquals("", cell.className(), key + ": no ReLU mark gives the sign of z away");
            } else {
                assertEquals(figure, cell.selectFirst("[data-v=" + key + "]").text(), key);
            }
            if (setting.hidden(key)) {
                assertTrue(cell.select("[data-v], .was").isEmpty(), key);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void aLaterLayerShowsAHiddenAAsAQuestionMarkInItsInput(Setting setting) {
        Element block = block(setting);
        VALUES.forEach((key, figure) -> {
            String[] at = at(key);
            if (!at[2].equals("a") || at[1].equals("2")) {
                return;
            }
            Element cell = inputCell(block, key);
            if (setting.hidden(key)) {
                assertEquals("?", cell.text(), key);
                assertEquals(key, cell.selectFirst(".blank-copy").attr("data-blank-of"), key);
                assertTrue(cell.select("[data-v]").isEmpty(), key);
            } else {
                assertEquals(figure, cell.text(), key);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void everyWorkedLineWritesAHiddenInputAsAQuestionMark(Setting setting) {
        Element block = block(setting);
        for (int layer = 1; layer < UNITS.length; layer++) {
            for (int unit = 0; unit < UNITS[layer]; unit++) {
                Element line = block.selectFirst("[data-work=" + layer + "." + unit + ".0]");
                for (int k = 0; k < UNITS[layer - 1]; k++) {
                    String input = "layers." + (layer - 1) + ".a." + k + ".0";
                    String expected = setting.hidden(input) ? "?" : VALUES.get(input);
                    assertEquals(expected, inputFactor(line, k), "line " + line.attr("data-work") + " input " + k
                            + " (shown or not, in a show-how or not): " + line.text());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void theWorkingOfAHiddenUnitWaitsInAClosedShowHow(Setting setting) {
        Element block = block(setting);
        for (int layer = 0; layer < UNITS.length; layer++) {
            for (int unit = 0; unit < UNITS[layer]; unit++) {
                Element line = block.selectFirst("[data-work=" + layer + "." + unit + ".0]");
                Element how = line.closest("details.show-how");
                boolean hidden = setting.hidden("layers." + layer + ".a." + unit + ".0");
                assertEquals(hidden, how != null, line.attr("data-work"));
                if (how != null) {
                    assertFalse(how.hasAttr("open"));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void theDiagramShowsAQuestionMarkWithoutAClampedLookForAHiddenA(Setting setting) {
        Element block = block(setting);
        VALUES.forEach((key, figure) -> {
            String[] at = at(key);
            if (!at[2].equals("a")) {
                return;
            }
            Element node = block.selectFirst("svg [data-node=" + at[1] + "." + at[3] + "]");
            if (setting.hidden(key)) {
                assertEquals("?", node.text(), key);
                assertEquals("true", node.attr("data-blank"), key);
                assertEquals("node", node.className(), key);
            } else {
                assertEquals(IN_DIAGRAM.getOrDefault(key, figure), node.text(), key);
            }
        });
    }

    /**
     * The whole block as a reader meets it (screen or print: no trace, no closed "show how")
     * and every attribute a reader may hear or see: no figure of a hidden value, except where
     * the same figure is also a value that is shown (blank [a] shows Z, whose figure a passed
     * ReLU repeats in A; 0 is everywhere).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void noFigureOfAHiddenValueCanBeReadAnywhere(Setting setting) {
        Set<String> forbidden = new LinkedHashSet<>();
        Set<String> shown = new LinkedHashSet<>();
        VALUES.forEach((key, figure) -> {
            Set<String> into = setting.hidden(key) ? forbidden : shown;
            into.add(bare(figure));
            into.add(bare(IN_DIAGRAM.getOrDefault(key, figure)));
        });
        forbidden.removeAll(shown);
        forbidden.remove("0");
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
        if (!setting.name().startsWith("blank [a]")) {
            assertFalse(forbidden.isEmpty(), "the check checks something");
        }
    }

    /**
     * A "show how" shows its own unit's working, and no figure of another unit's hidden value
     * (unless the same figure is a value shown anyway, or one of its own unit's).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void aShowHowGivesAwayOnlyItsOwnUnit(Setting setting) {
        for (Element how : block(setting).select("details.show-how")) {
            String[] unit = at(how.attr("data-answer-for"));
            Set<String> forbidden = new LinkedHashSet<>();
            Set<String> allowed = new LinkedHashSet<>(Set.of("0"));
            VALUES.forEach((key, figure) -> {
                boolean own = at(key)[1].equals(unit[1]) && at(key)[3].equals(unit[3]);
                (setting.hidden(key) && !own ? forbidden : allowed).add(bare(figure));
            });
            forbidden.removeAll(allowed);
            for (String figure : forbidden) {
                Pattern token = Pattern.compile("(?<![\\d.])" + Pattern.quote(figure) + "(?![\\d])");
                assertFalse(token.matcher(how.text()).find(), figure + " in " + how.text());
            }
        }
    }

    @Test
    void layerTwosArithmeticWritesTheBlankAOfLayerOneAsQuestionMarks() {
        Element block = block(SETTINGS.get(1));
        Element line = block.selectFirst("li[data-work=1.0.0]");
        assertEquals("z₁ = 1·? + 3·? + 1.5 = 5.75", line.selectFirst(".work-sum").text());
        assertEquals("a₁ = ReLU(5.75) = 5.75", line.selectFirst(".work-result").text());
        assertEquals("z₁ = 2·5.75 + (−4)·1.625 + 0.125 = 5.125", block.selectFirst("li[data-work=2.0.0] .work-sum").text());
    }

    @Test
    void aSoftmaxShowHowWritesTheOtherUnitsBlankZAsQuestionMarks() {
        Element block = page.getElementById("mlp-" + (SETTINGS.size() + 1));
        // z = (0.5·1 + 1.5·2 + 0.25, 2·1 + (−0.25)·2 + (−0.75)) = (3.75, 0.75); a₁ = 1 / (1 + e^−3) ≈ 0.9526
        Element first = block.selectFirst("details.show-how[data-answer-for=layers.0.z.0.0] [data-work=0.0.0]");
        assertEquals("z₁ = 0.5·1 + 1.5·2 + 0.25 = 3.75", first.selectFirst(".work-sum").text());
        assertEquals("a₁ = exp(3.75) / (exp(3.75) + exp(?)) ≈ 0.9526", first.selectFirst(".work-result").text());
        Element second = block.selectFirst("[data-work=0.1.0]");
        assertEquals("a₂ = exp(0.75) / (exp(?) + exp(0.75)) ≈ 0.0474", second.selectFirst(".work-result").text());
    }

    @Test
    void thePageSaysWhichBlankEachHiddenValueWaitsFor() {
        assertEquals("layers.0.z:layers.0.z layers.0.a:layers.0.a", block(SETTINGS.get(1)).attr("data-hidden-until"));
        assertEquals("layers.1.z:layers.1.z layers.1.a:layers.1.z", block(SETTINGS.get(6)).attr("data-hidden-until"));
        assertEquals("layers.0.a:layers.0.a", block(SETTINGS.get(5)).attr("data-hidden-until"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void theAnswerKeyShowsEverything(Setting setting) {
        Element key = answers.getElementById("mlp-" + (SETTINGS.indexOf(setting) + 1));
        assertTrue(key.select("input.answer-box, details.show-how, .blank-copy, [data-blank]").isEmpty());
        assertFalse(key.hasAttr("data-hidden-until"), "nothing waits");
        VALUES.forEach((k, figure) -> assertEquals(figure, ownCell(key, k).selectFirst("[data-v]").text(), k));
        Element copy = key.clone();
        copy.select("script.mlp-trace").remove();
        assertFalse(copy.text().contains("?"), copy.text());
        assertEquals("z₁ = 1·4.25 + 3·0 + 1.5 = 5.75", key.selectFirst("li[data-work=1.0.0] .work-sum").text());
    }

    private static String bare(String figure) {
        return figure.replace("−", "");
    }
}
