package dev.longhand.export.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.longhand.kinds.Kinds;
import dev.longhand.kinds.RandomKindNetworks;
import dev.longhand.kinds.RandomKindTraining;
import dev.longhand.kinds.Reference;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.StageTrace;
import dev.longhand.nn.NestedTrace;
import dev.longhand.render.Block;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyTorch scripts compute the page's numbers: for random networks of every kind (trained and
 * not) and every block of the shipped lessons, python3 + PyTorch runs each script and its
 * module-level {@code output}, {@code loss} and {@code losses} equal the Java trace to 1e-9
 * (relative above 1). Where PyTorch is missing these tests are skipped, saying so; every script
 * is compiled by python3 all the same.
 */
class TorchScriptAgreementTest {

    private static final double TOLERANCE = 1e-9;

    @TempDir
    Path temp;

    /** A block, where it came from and its YAML, for messages. */
    record Named(String what, String yaml, Block block) {
    }

    static List<Named> randomBlocks() {
        List<Named> blocks = new ArrayList<>();
        Random random = new Random(17);
        for (int i = 0; blocks.size() < 80; i++) {
            Map<String, Object> data = i % 2 == 0
                    ? RandomKindNetworks.network(random, 1 + random.nextInt(3), 1 + random.nextInt(3), 1 + random.nextInt(4))
                    : RandomKindTraining.network(random, 1 + random.nextInt(3), 1 + random.nextInt(3), 1 + random.nextInt(3));
            String yaml = RandomKindNetworks.markdown(data).replaceFirst("^```network\n", "").replaceFirst("```\n$", "");
            int number = i;
            ExportBlocks.of("mlp-" + i, yaml).ifPresent(b -> blocks.add(new Named("random block " + number, yaml, b)));
        }
        String large = RandomKindNetworks.markdown(RandomKindTraining.large(new Random(5)))
                .replaceFirst("^```network\n", "").replaceFirst("```\n$", "");
        blocks.add(new Named("the large training block", large, ExportBlocks.of("large", large).orElseThrow()));
        return blocks;
    }

    static List<Named> shippedBlocks() throws IOException {
        List<Named> blocks = new ArrayList<>();
        Path content = Reference.repo().resolve("content");
        try (Stream<Path> files = Files.list(content)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                List<String> fences = ExportBlocks.fences(Files.readString(file, StandardCharsets.UTF_8));
                for (int i = 0; i < fences.size(); i++) {
                    int number = i + 1;
                    String yaml = fences.get(i);
                    ExportBlocks.of("mlp-" + number, yaml)
                            .ifPresent(b -> blocks.add(new Named(file.getFileName() + " block " + number, yaml, b)));
                }
            }
        }
        return blocks;
    }

    @Test
    void randomNetworksOfEveryKindGiveTheTracesNumbers() throws Exception {
        List<Named> blocks = randomBlocks();
        Set<String> types = new TreeSet<>();
        blocks.forEach(b -> b.block().forward().stages().forEach(s -> collectTypes(s, types)));
        assertEquals(new TreeSet<>(RandomKindNetworks.KINDS.keySet()), types, "every kind is drawn");
        assertTrue(blocks.stream().anyMatch(b -> b.block().training().isPresent()), "some blocks train");
        agree(blocks);
    }

    @Test
    void everyShippedBlockGivesItsTracesNumbers() throws Exception {
        List<Named> blocks = shippedBlocks();
        assertTrue(blocks.size() > 10, "found only " + blocks.size() + " blocks in content/");
        agree(blocks);
    }

    @Test
    void everyScriptCompiles() throws Exception {
        Assumptions.assumeTrue(Python3.missing("sys").isEmpty(), "no python3 to compile the scripts with");
        List<Named> blocks = new ArrayList<>(randomBlocks());
        blocks.addAll(shippedBlocks());
        assertEquals("", Python3.compile(write(blocks)));
    }

    private static void collectTypes(StageTrace trace, Set<String> types) {
        types.add(trace.stage().type());
        if (trace instanceof NestedTrace nested) {
            nested.inner().forEach(t -> collectTypes(t, types));
        }
    }

    private List<Path> write(List<Named> blocks) throws IOException {
        List<Path> scripts = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Path script = temp.resolve("block_" + i + ".py");
            Files.writeString(script, TorchScript.of(blocks.get(i).block(), Kinds.exports()), StandardCharsets.UTF_8);
            scripts.add(script);
        }
        return scripts;
    }

    private void agree(List<Named> blocks) throws Exception {
        Optional<String> missing = Python3.missing("torch");
        if (missing.isPresent()) {
            System.out.println("TorchScriptAgreementTest: skipped, " + missing.get()
                    + " (install it with: python3 -m pip install torch)");
        }
        Assumptions.assumeTrue(missing.isEmpty(), () -> missing.get() + ": the PyTorch scripts are not run");
        List<Path> scripts = write(blocks);
        List<JsonNode> results = Python3.runAll(temp, scripts);
        List<String> problems = new ArrayList<>();
        String firstYaml = null;
        for (int i = 0; i < blocks.size(); i++) {
            int before = problems.size();
            Block block = blocks.get(i).block();
            JsonNode result = results.get(i);
            String where = blocks.get(i).what() + " (" + scripts.get(i).getFileName() + ")";
            if (result.has("error")) {
                problems.add(where + ": " + result.get("error").asText());
                firstYaml = firstYaml == null ? blocks.get(i).yaml() : firstYaml;
                continue;
            }
            compare(where + " output", block.forward().output(), result.get("output"), problems);
            block.trained().ifPresent(t -> {
                near(where + " loss", t.losses().get(0), result.get("loss").asDouble(), problems);
                JsonNode losses = result.get("losses");
                if (losses.size() != t.losses().size()) {
                    problems.add(where + ": " + losses.size() + " losses, not " + t.losses().size());
                    return;
                }
                for (int s = 0; s < losses.size(); s++) {
                    near(where + " losses[" + s + "]", t.losses().get(s), losses.get(s).asDouble(), problems);
                }
            });
            if (firstYaml == null && problems.size() > before) {
                firstYaml = blocks.get(i).yaml();
            }
        }
        assertEquals(List.of(), problems.stream().limit(5).toList(), problems.size() + " numbers of " + blocks.size()
                + " blocks disagree; the first such block:\n" + firstYaml);
    }

    private static void compare(String what, Matrix expected, JsonNode actual, List<String> problems) {
        if (actual.size() != expected.rows() || actual.get(0).size() != expected.cols()) {
            problems.add(what + " is " + actual.size() + "×" + actual.get(0).size() + ", not " + expected.shape());
            return;
        }
        for (int r = 0; r < expected.rows(); r++) {
            for (int c = 0; c < expected.cols(); c++) {
                near(what + "[" + r + "][" + c + "]", expected.get(r, c), actual.get(r).get(c).asDouble(), problems);
            }
        }
    }

    private static void near(String what, double expected, double actual, List<String> problems) {
        if (!(Math.abs(expected - actual) <= TOLERANCE * Math.max(1, Math.abs(expected)))) {
            problems.add(what + ": " + actual + ", the trace " + expected);
        }
    }
}
