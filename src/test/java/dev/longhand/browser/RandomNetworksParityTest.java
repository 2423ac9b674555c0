package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random networks, written as lessons and built by Java: the browser's recompute of every
 * unedited block shows exactly what the build wrote (figures, ReLU marks, worked lines, loss
 * plots, trace), and its trace numbers equal the Java trace's within 1e-12.
 */
@ExtendWith(BrowserAvailable.class)
class RandomNetworksParityTest {

    private static final long SEED = 20240611L;
    private static final int LESSONS = 6;
    private static final int BLOCKS_PER_LESSON = 8;
    private static final List<String> HIDDEN = List.of("relu", "linear", "sigmoid", "tanh", "leaky_relu", "gelu");
    private static final List<String> OUTPUT = List.of("relu", "linear", "sigmoid", "tanh", "leaky_relu", "gelu",
            "softmax");

    /** What one generated block covers, so that the test can say it covers every case. */
    record RandomBlock(String yaml, Set<String> activations, int samples, int precision, String loss,
                       String targetKind, int steps, boolean augmented) {
    }

    @TempDir
    static Path temp;
    private static Path site;
    private static List<RandomBlock> blocks;
    private static Browser browser;

    @BeforeAll
    static void buildAndStart() throws IOException {
        Random random = new Random(SEED);
        blocks = IntStream.range(0, LESSONS * BLOCKS_PER_LESSON).mapToObj(n -> block(random, n)).toList();
        site = TestSite.build(temp, TestSite.lessonsOfBlocks("random", "Random", "Random networks.",
                blocks.stream().map(RandomBlock::yaml).toList(), BLOCKS_PER_LESSON));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    static Stream<String> pages() {
        return IntStream.rangeClosed(1, LESSONS).mapToObj(l -> "random-" + l + ".html");
    }

    @ParameterizedTest
    @MethodSource("pages")
    void recomputingUneditedRandomBlocksChangesNothing(String page) {
        browser.open(site.resolve(page));
        Map<String, List<String>> built = PageState.collect(browser);
        assertEquals(BLOCKS_PER_LESSON, built.get("traces").size(), "blocks on " + page);
        browser.js("window.Longhand.recomputeAll();");
        Map<String, List<String>> recomputed = PageState.collect(browser);
        for (String part : PageState.PARTS) {
            List<String> differences = PageState.differences(built, recomputed, part, 5);
            assertTrue(differences.isEmpty(), part + " of " + page + " differ:\n" + String.join("\n", differences));
        }
        Traces.assertClose(built.get("traces"), recomputed.get("traces"), 1e-12, page);
        assertEquals(List.of(), browser.consoleErrors(), "console errors on " + page);
    }

    @Test
    void theRandomBlocksCoverEveryCase() {
        assertTrue(blocks.size() >= 40, "at least 40 blocks");
        Set<String> activations = blocks.stream().flatMap(b -> b.activations().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(OUTPUT), activations);
        assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6), blocks.stream().map(RandomBlock::precision).collect(Collectors.toSet()));
        assertTrue(blocks.stream().anyMatch(b -> b.samples() == 1) && blocks.stream().anyMatch(b -> b.samples() > 1));
        assertEquals(Set.of("", "mse", "cross_entropy"), blocks.stream().map(RandomBlock::loss).collect(Collectors.toSet()));
        assertEquals(Set.of("", "values", "one-hot", "soft", "soft, not adding up to 1"),
                blocks.stream().map(RandomBlock::targetKind).collect(Collectors.toSet()));
        assertTrue(blocks.stream().anyMatch(b -> b.loss().equals("cross_entropy") && b.samples() > 1));
        assertTrue(blocks.stream().anyMatch(b -> b.loss().equals("cross_entropy") && b.samples() == 1));
        assertEquals(Set.of(0, 1, 3, 4, 5, 6, 7, 8), blocks.stream().map(RandomBlock::steps).collect(Collectors.toSet()));
        assertTrue(blocks.stream().anyMatch(RandomBlock::augmented));
        assertTrue(blocks.stream().anyMatch(b -> b.augmented() && b.steps() > 0));
    }

    @Test
    void theBuiltRandomPagesClampAndBlockSomeReluUnits() {
        int clamped = 0;
        int passed = 0;
        int blocked = 0;
        for (String page : pages().toList()) {
            browser.open(site.resolve(page));
            clamped += ((Number) browser.js("return document.querySelectorAll('table.matrix-a td.clamped .was s').length;")).intValue();
            passed += ((Number) browser.js("return document.querySelectorAll('table.matrix-a td.passed').length;")).intValue();
            blocked += ((Number) browser.js("return document.querySelectorAll('li.blocked').length;")).intValue();
        }
        assertTrue(clamped > 0 && passed > 0 && blocked > 0,
                "clamped " + clamped + ", passed " + passed + ", blocked " + blocked);
    }

    // ---- the generator ------------------------------------------------------------------------

    /** Block n: its output activation, precision, batch and training follow n so that every case occurs. */
    static RandomBlock block(Random random, int n) {
        String output = OUTPUT.get(n % OUTPUT.size());
        int precision = n % 7;
        int samples = (n / OUTPUT.size()) % 2 == 0 ? 1 : 2 + random.nextInt(3);
        boolean softmax = output.equals("softmax");
        boolean training = softmax || n % 3 != 2;
        boolean augmented = n % 4 == 1;
        int inputs = 1 + random.nextInt(4);
        int hidden = random.nextInt(3);
        Set<String> activations = new TreeSet<>();
        StringBuilder y = new StringBuilder();
        y.append("caption: Random block ").append(n + 1).append('\n');
        y.append("precision: ").append(precision).append('\n');
        if (augmented) {
            y.append("layout: augmented\n");
        }
        y.append("input: ").append(samples == 1 ? row(random, inputs) : rows(random, samples, inputs)).append('\n');
        y.append("layers:\n");
        int previous = inputs;
        for (int l = 0; l <= hidden; l++) {
            boolean last = l == hidden;
            int units = last ? (softmax ? 2 + random.nextInt(2) : 1 + random.nextInt(3)) : 1 + random.nextInt(4);
            String activation = last ? output : HIDDEN.get(random.nextInt(HIDDEN.size()));
            activations.add(activation);
            y.append("  - weights:\n");
            for (int u = 0; u < units; u++) {
                y.append("      - ").append(row(random, previous)).append('\n');
            }
            if (random.nextInt(3) > 0) {
                y.append("    bias: ").append(row(random, units)).append('\n');
            }
            y.append("    activation: ").append(activation).append('\n');
            previous = units;
        }
        String loss = "";
        String targetKind = "";
        int steps = 0;
        if (training) {
            loss = softmax && (n / OUTPUT.size()) % 4 != 3 ? "cross_entropy" : "mse";
            targetKind = loss.equals("mse") ? "values"
                    : List.of("one-hot", "soft", "soft, not adding up to 1").get((n / OUTPUT.size()) % 3);
            List<String> targets = new ArrayList<>();
            for (int s = 0; s < samples; s++) {
                targets.add(target(random, targetKind, previous));
            }
            y.append("target: ").append(samples == 1 ? targets.get(0) : "[" + String.join(", ", targets) + "]").append('\n');
            y.append("loss: ").append(loss).append('\n');
            steps = n % 4 == 0 ? 1 : 3 + random.nextInt(6);
            if (steps > 1 || random.nextBoolean()) {
                y.append("steps: ").append(steps).append('\n');
            }
            // Small steps: the build refuses a block whose training overflows to infinity.
            y.append("learning_rate: ").append(List.of("0.05", "0.02", "0.01", "0.005").get(random.nextInt(4))).append('\n');
        }
        return new RandomBlock(y.toString(), activations, samples, precision, loss, targetKind, steps, augmented);
    }

    private static String target(Random random, String kind, int units) {
        List<String> values = new ArrayList<>();
        switch (kind) {
            case "values" -> IntStream.range(0, units).forEach(u -> values.add(number(random)));
            case "one-hot" -> {
                int hot = random.nextInt(units);
                IntStream.range(0, units).forEach(u -> values.add(u == hot ? "1" : "0"));
            }
            case "soft" -> {
                // Tenths that add up to exactly 1: the last unit takes what is left.
                int left = 10;
                for (int u = 0; u < units - 1; u++) {
                    int t = random.nextInt(left + 1);
                    values.add(BigDecimal.valueOf(t, 1).toPlainString());
                    left -= t;
                }
                values.add(BigDecimal.valueOf(left, 1).toPlainString());
            }
            default -> IntStream.range(0, units).forEach(u ->
                    values.add(BigDecimal.valueOf(1 + random.nextInt(9), 1).toPlainString()));
        }
        return "[" + String.join(", ", values) + "]";
    }

    private static String rows(Random random, int count, int length) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(random, length));
        }
        return "[" + String.join(", ", rows) + "]";
    }

    private static String row(Random random, int length) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            values.add(number(random));
        }
        return "[" + String.join(", ", values) + "]";
    }

    /** A whole number, or one with one or two decimals; about half of them negative. */
    private static String number(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> String.valueOf(random.nextInt(9) - 4);
            case 1 -> BigDecimal.valueOf(random.nextInt(61) - 30, 1).toPlainString();
            default -> BigDecimal.valueOf(random.nextInt(401) - 200, 2).toPlainString();
        };
    }
}
