package dev.longhand.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longhand.kinds.RandomKindNetworks;
import dev.longhand.kinds.RandomKindTraining;
import dev.longhand.kinds.Reference;
import dev.longhand.site.BuildReport;
import dev.longhand.site.SiteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NumPy downloads run with python3 and NumPy alone and leave {@code output}, {@code loss} and
 * {@code losses} equal to the block's trace on its page (to 1e-9, relative beyond 1): for random
 * networks of every layer kind, trained and not, for large generated networks, and for every block
 * of the repository's lessons, whatever they are.
 */
class NumpyScriptsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @BeforeAll
    static void needsNumpy() {
        Reference.assumePythonWithNumpy();
    }

    /** A block's trace and its NumPy script, from a built page. */
    record Exported(String where, JsonNode trace, Path script) {
    }

    @Test
    void randomNetworksOfEveryKindTrainedAndNot() throws Exception {
        Random random = new Random(17);
        Path content = temp.resolve("content");
        for (int lesson = 0; lesson < 12; lesson++) {
            StringBuilder text = new StringBuilder("---\ntitle: Random " + lesson + "\n---\n");
            for (int block = 0; block < 5; block++) {
                int features = 2 + random.nextInt(3);
                int tokens = 1 + random.nextInt(3);
                int layers = 1 + random.nextInt(4);
                Map<String, Object> network = block % 2 == 0
                        ? RandomKindNetworks.network(random, features, tokens, layers)
                        : RandomKindTraining.network(random, features, tokens, layers);
                text.append('\n').append(RandomKindNetworks.markdown(network));
            }
            if (lesson == 0) {
                text.append('\n').append(RandomKindNetworks.markdown(RandomKindTraining.large(random)));
            }
            SiteFiles.write(content, "random-" + lesson + ".md", text.toString());
        }
        List<Exported> blocks = buildAndCollect(content, temp.resolve("site"));
        assertEquals(12 * 5 + 1, blocks.size());
        assertAgree(blocks);
        assertTrue(blocks.stream().anyMatch(b -> b.trace().has("losses")), "some blocks train");
        for (String kind : RandomKindNetworks.KINDS.keySet()) {
            assertTrue(blocks.stream().anyMatch(b -> b.trace().toString().contains("\"type\":\"" + kind + "\"")),
                    "no random block has a " + kind + " layer");
        }
    }

    @Test
    void aLargeGeneratedNetworkIsDrawnAgainNotWrittenOut() throws Exception {
        Path content = temp.resolve("content");
        SiteFiles.write(content, "large.md", """
                ---
                title: Large
                ---
                ```mlp
                input: {random: 3, units: 784, samples: 4, min: 0, max: 1}
                layers:
                  - units: 128
                    weights: {random: 11, min: -0.1, max: 0.1, decimals: 2}
                  - units: 64
                    weights: {random: 12, min: -1, max: 1, integers: true}
                    bias: {random: 5}
                  - units: 10
                    weights: {random: 13, min: -0.2, max: 0.2}
                    activation: softmax
                target:
                  - [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
                  - [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]
                  - [1, 0, 0, 0, 0, 0, 0, 0, 0, 0]
                  - [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
                loss: cross_entropy
                learning_rate: 0.01
                steps: 2
                ```
                """);
        List<Exported> blocks = buildAndCollect(content, temp.resolve("site"));
        assertEquals(1, blocks.size());
        long size = Files.size(blocks.get(0).script());
        assertTrue(size < 50_000, "the 784-128-64-10 script has " + size + " bytes");
        String script = Files.readString(blocks.get(0).script());
        assertTrue(script.contains("draw(11, 128, 784, -0.1, 0.1, decimals=2)"), script);
        assertTrue(script.contains("draw(12, 64, 128, -1, 1, integers=True)"), script);
        assertTrue(script.contains("draw(3, 4, 784, 0, 1).T"), script);
        assertAgree(blocks);
    }

    @Test
    void everyBlockOfTheRepositorysLessons() throws Exception {
        Path out = temp.resolve("site");
        BuildReport report = SiteFiles.buildShipped(out);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
        List<Exported> blocks = collect(out);
        assertFalse(blocks.isEmpty());
        assertAgree(blocks);
    }

    @Test
    void twoBuildsWriteTheSameBytes() throws Exception {
        Random random = new Random(5);
        Path content = temp.resolve("content");
        StringBuilder text = new StringBuilder("---\ntitle: Twice\n---\n");
        for (int block = 0; block < 6; block++) {
            text.append('\n').append(RandomKindNetworks.markdown(
                    RandomKindTraining.network(random, 3, 2, 1 + random.nextInt(3))));
        }
        SiteFiles.write(content, "part/twice.md", text.toString());
        Map<String, byte[]> first = downloads(build(content, temp.resolve("one")));
        Map<String, byte[]> second = downloads(build(content, temp.resolve("two")));
        assertEquals(first.keySet(), second.keySet());
        assertEquals(6 * Exports.FORMATS.size(), first.size(), first.keySet().toString());
        first.forEach((name, bytes) -> assertArrayEquals(bytes, second.get(name), name));
    }

    private static Path build(Path content, Path out) {
        BuildReport report = SiteFiles.build(content, out);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
        return out;
    }

    private static Map<String, byte[]> downloads(Path out) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String name = out.relativize(p).toString();
                if (Exports.FORMATS.stream().anyMatch(f -> name.endsWith(f.suffix()))) {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    private static List<Exported> buildAndCollect(Path content, Path out) throws IOException {
        return collect(build(content, out));
    }

    /** Every block of every page with its trace and its numpy link's file. */
    private static List<Exported> collect(Path out) throws IOException {
        List<Exported> blocks = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(out)) {
            pages = walk.filter(p -> p.toString().endsWith(".html") && !p.toString().endsWith("-answers.html"))
                    .sorted().toList();
        }
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile());
            for (Element figure : doc.select("figure.mlp")) {
                Element link = figure.selectFirst("a[data-export=numpy]");
                String where = out.relativize(page) + "#" + figure.id();
                assertTrue(link != null, where + " has no numpy link");
                Path script = page.resolveSibling(link.attr("href"));
                assertTrue(Files.isRegularFile(script), where + ": " + script + " is missing");
                JsonNode trace = JSON.readTree(figure.selectFirst("script.mlp-trace").data());
                blocks.add(new Exported(where, trace, script));
            }
        }
        return blocks;
    }

    private void assertAgree(List<Exported> blocks) throws Exception {
        JsonNode results = PythonScripts.run(blocks.stream().map(Exported::script).toList(), temp);
        List<String> problems = new ArrayList<>();
        for (Exported block : blocks) {
            JsonNode result = results.get(block.script().toString());
            assertTrue(result.get("printed").asInt() > 0, block.where() + " prints nothing");
            compare(block.where() + " output", block.trace().get("output"), result.get("output"), problems);
            if (block.trace().has("losses")) {
                compare(block.where() + " loss", block.trace().get("loss"), result.get("loss"), problems);
                compare(block.where() + " losses", block.trace().get("losses"), result.get("losses"), problems);
            } else {
                assertFalse(result.has("loss"), block.where() + " does not train, yet its script has a loss");
            }
        }
        assertEquals(List.of(), problems);
    }

    private static void compare(String what, JsonNode expected, JsonNode actual, List<String> problems) {
        if (expected.isArray()) {
            if (actual == null || !actual.isArray() || actual.size() != expected.size()) {
                problems.add(what + ": expected " + expected + ", the script has " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(what + "[" + i + "]", expected.get(i), actual.get(i), problems);
            }
            return;
        }
        double e = expected.asDouble();
        double a = actual.asDouble();
        if (!(Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e)))) {
            problems.add(what + ": the trace has " + e + ", the script " + a);
        }
    }
}
