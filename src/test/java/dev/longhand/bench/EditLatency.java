package dev.longhand.bench;

import dev.longhand.browser.Browser;
import dev.longhand.site.SiteBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Edit-to-updated-page latency in headless Chromium: the time from committing a new number
 * to the page having recomputed every block value, rewritten every figure and line, and
 * laid out again (a forced layout; painting is not counted). Not a test: run it with {@code bench/edit-latency.sh}; the medians go in
 * the README.
 */
public final class EditLatency {

    private static final int WARM_UP = 10;
    private static final int RUNS = 101;
    /** Only the rows whose label contains this (ONLY=784 bench/edit-latency.sh); every row when unset. */
    private static final String ONLY = System.getenv().getOrDefault("ONLY", "");

    private EditLatency() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("longhand-bench");
        Path content = Files.createDirectories(work.resolve("content"));
        Files.copy(repo.resolve("content/05-seven-layers.md"), content.resolve("05-seven-layers.md"));
        // Its links point at other lessons, which are not built here.
        String realistic = Files.readString(repo.resolve("content/08-a-realistic-size.md"))
                .replaceAll("\\]\\([a-z0-9-]+\\.(md|html)\\)", "]");
        Files.writeString(content.resolve("08-a-realistic-size.md"), realistic);
        // The same network as the contract shows generated weights: full doubles, no decimals.
        Files.writeString(content.resolve("realistic-full.md"), """
                ---
                title: 784-128-64-10 without decimals
                ---

                ```mlp
                input: {random: 7, units: 784, samples: 4, min: 0, max: 1}
                layers:
                  - units: 128
                    weights: {random: 11, min: -1, max: 1}
                  - units: 64
                    weights: {random: 12, min: -1, max: 1}
                  - units: 10
                    weights: {random: 13, min: -1, max: 1}
                ```
                """);
        Files.writeString(content.resolve("wide.md"), """
                ---
                title: A wider network
                ---

                ```mlp
                input: {random: 1, units: 64, samples: 8, min: -1, max: 1}
                layers:
                  - units: 64
                    weights: {random: 2, min: -0.5, max: 0.5}
                  - units: 64
                    weights: {random: 3, min: -0.5, max: 0.5}
                  - units: 10
                    weights: {random: 4, min: -0.5, max: 0.5}
                ```
                """);
        // Its one link, to the next lesson, would point nowhere here.
        Files.writeString(content.resolve("02-four-nodes.md"),
                Files.readString(repo.resolve("content/02-four-nodes.md")).replace("](03-hidden-layer.md)", "]"));
        Files.writeString(content.resolve("wide-worksheet.md"), """
                ---
                title: A wider worksheet
                ---

                ```mlp
                input: {random: 1, units: 16, samples: 4, min: -1, max: 1, integers: true}
                layers:
                  - units: 16
                    weights: {random: 2, min: -2, max: 2, integers: true}
                  - units: 16
                    weights: {random: 3, min: -2, max: 2, integers: true}
                  - units: 4
                    weights: {random: 4, min: -2, max: 2, integers: true}
                practice: {new_numbers: true}
                ```
                """);
        Files.writeString(content.resolve("transformer-block.md"), """
                ---
                title: A transformer block
                ---

                ```network
                input: [[1, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 2]]
                target: [[1, 0, -1], [-1, 1, 0], [1, 0, -1], [0, -1, 1]]
                learning_rate: 0.1
                steps: 1
                layers:
                  - type: residual
                    layers:
                      - type: attention
                        query: [[1, 0, 0], [0, 1, 0]]
                        key: [[1, 1, 0], [0, 0, 1]]
                        value: [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
                  - type: layer_norm
                  - type: residual
                    layers:
                      - weights: [[1, -1, 0], [0, 1, -1], [-1, 0, 1], [1, 0, 0]]
                        activation: gelu
                      - weights: [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 1]]
                  - type: layer_norm
                ```
                """);
        StringBuilder heads = new StringBuilder();
        for (int h = 0; h < 8; h++) {
            heads.append("      - query: {random: ").append(10 * h + 1).append(", shape: [2, 16]}\n")
                    .append("        key: {random: ").append(10 * h + 2).append(", shape: [2, 16]}\n")
                    .append("        value: {random: ").append(10 * h + 3).append(", shape: [2, 16]}\n");
        }
        Files.writeString(content.resolve("large-attention.md"), "---\ntitle: Large attention\n---\n\n"
                + "```network\ninput: {random: 1, units: 16, samples: 64}\nlayers:\n  - type: attention\n"
                + "    causal: true\n    heads:\n" + heads + "    output: {random: 99, shape: [16, 16]}\n"
                + "  - type: residual\n    layers:\n      - weights: {random: 5}\n        units: 16\n"
                + "        activation: gelu\n```\n");
        Path site = work.resolve("site");
        var report = new SiteBuilder(new SiteBuilder.Options(content, "content", repo.resolve("templates"), "templates", 2))
                .build(site);
        if (!report.succeeded()) {
            throw new IllegalStateException("the benchmark lessons did not build: " + report.diagnostics().sorted());
        }
        try (Browser browser = Browser.start()) {
            System.out.println("page                          block    edits  median ms  p90 ms");
            measure(browser, site.resolve("seven-layers.html"), "mlp-2", "input.0.0", "seven-layer lesson", RUNS);
            measure(browser, site.resolve("wide.html"), "mlp-1", "input.0.0", "64-64-64-10, batch of 8", 31);
            measure(browser, site.resolve("a-realistic-size.html"), "mlp-1", "layers.0.weights.0.0",
                    "784-128-64-10, decimals: 2", 31);
            measure(browser, site.resolve("realistic-full.html"), "mlp-1", "layers.0.weights.0.0",
                    "784-128-64-10, full doubles", 31);
            measure(browser, site.resolve("transformer-block.html"), "mlp-1", "layers.0.layers.0.heads.0.query.0.0",
                    "transformer block, 4 tokens", RUNS);
            measure(browser, site.resolve("large-attention.html"), "mlp-1", "layers.0.heads.0.query.0.0",
                    "attention 64 tokens, 8 heads", 31);
            System.out.println();
            System.out.println("New numbers: press to updated page, boxes emptied and checked");
            measureNewNumbers(browser, site.resolve("four-nodes.html"), "mlp-3", "Four nodes' worksheet", RUNS);
            measureNewNumbers(browser, site.resolve("wide-worksheet.html"), "mlp-1", "16-16-16-4 worksheet, batch 4", 31);
        }
    }

    private static void measure(Browser browser, Path page, String block, String key, String label, int runs) {
        if (!label.contains(ONLY)) {
            return;
        }
        browser.open(page);
        @SuppressWarnings("unchecked")
        List<Number> times = (List<Number>) browser.js("""
                const block = Longhand.page.blocks.find(b => b.id === arguments[0]);
                const cell = block.figure.querySelector('[data-edit="' + arguments[1] + '"]');
                const original = Number(cell.textContent.replace('\\u2212', '-'));
                const times = [];
                for (let i = 0; i < arguments[2] + arguments[3]; i++) {
                  const t0 = performance.now();
                  block.set(cell, original + (i % 2 === 0 ? 1 : -1));
                  void document.body.offsetHeight;
                  const t1 = performance.now();
                  if (i >= arguments[2]) times.push(t1 - t0);
                }
                return times;
                """, block, key, WARM_UP, runs);
        List<Double> sorted = new ArrayList<>();
        times.forEach(t -> sorted.add(t.doubleValue()));
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-29s %-8s %5d  %9.2f  %6.2f%n", label, block, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.9)));
    }

    /** From pressing New numbers to a laid-out page, the boxes emptied and checked (synchronous). */
    private static void measureNewNumbers(Browser browser, Path page, String block, String label, int runs) {
        if (!label.contains(ONLY)) {
            return;
        }
        browser.open(page);
        @SuppressWarnings("unchecked")
        List<Number> times = (List<Number>) browser.js("""
                const button = document.querySelector('#' + arguments[0] + ' .practice-new');
                const times = [];
                for (let i = 0; i < arguments[1] + arguments[2]; i++) {
                  const t0 = performance.now();
                  button.click();
                  void document.body.offsetHeight;
                  const t1 = performance.now();
                  if (i >= arguments[1]) times.push(t1 - t0);
                }
                localStorage.clear();
                return times;
                """, block, WARM_UP, runs);
        List<Double> sorted = new ArrayList<>();
        times.forEach(t -> sorted.add(t.doubleValue()));
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-29s %-8s %5d  %9.2f  %6.2f%n", label, block, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.9)));
    }
}
