package dev.longhand.bench;

import dev.longhand.serve.EventClient;
import dev.longhand.serve.LivePreview;
import dev.longhand.site.LiveSite;
import dev.longhand.site.SiteBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Save-to-reload latency of {@code longhand serve}: the time from writing a lesson file to an
 * open page receiving the reload event (the watcher's quiet time, the rebuild and the write
 * included; the browser's own reload is not). One lesson's prose changes each time, in the
 * shipped site and in a generated site of 1,000 lessons (each about 100 lines of prose, a
 * table, a code block and the seven-layer block). Not a test: run it with
 * {@code bench/serve-reload.sh}; the medians go in the README.
 */
public final class ServeReload {

    private static final int WARM_UP = 5;
    private static final int RUNS = 31;
    private static final Duration QUIET = Duration.ofMillis(50);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private ServeReload() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int lessons = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path work = Files.createTempDirectory("longhand-serve-bench");
        Path shipped = copy(repo.resolve("content"), work.resolve("shipped"));
        Path generated = Corpus.generate(repo.resolve("content/05-seven-layers.md"), work.resolve("generated"), lessons);
        System.out.println("site                     lessons  runs  median ms  p90 ms  rebuild median ms");
        measure(repo, shipped, shipped.resolve("05-seven-layers.md"), "shipped", work.resolve("out-shipped"));
        measure(repo, generated, generated.resolve(String.format(Locale.ROOT, "%04d-lesson-%d.md", lessons / 2, lessons / 2)),
                "generated", work.resolve("out-generated"));
    }

    private static void measure(Path repo, Path content, Path edited, String label, Path out) throws Exception {
        List<Long> rebuilds = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        LivePreview preview = LivePreview.start(new LivePreview.Options(
                new SiteBuilder.Options(content, "content", repo.resolve("templates"), "templates",
                        Runtime.getRuntime().availableProcessors()),
                out, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), QUIET),
                new LivePreview.Listener() {
                    @Override
                    public void built(LiveSite.Update update, long millis) {
                        if (!update.report().succeeded()) {
                            throw new IllegalStateException("the benchmark lessons did not build: "
                                    + update.report().diagnostics().sorted().get(0).headline());
                        }
                        rebuilds.add(millis);
                    }

                    @Override
                    public void failed(IOException problem) {
                        problem.printStackTrace();
                    }
                });
        int count = (int) Files.walk(content).filter(p -> p.toString().endsWith(".md")).count();
        System.err.printf(Locale.ROOT, "%s: first build of %d lessons in %d ms%n", label, count,
                (System.nanoTime() - start) / 1_000_000);
        String original = Files.readString(edited, StandardCharsets.UTF_8);
        List<Double> latencies = new ArrayList<>();
        rebuilds.clear();
        try (EventClient page = new EventClient(preview.address())) {
            page.next("reload", WAIT);
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                String text = original + "\nEdit number " + i + " of the benchmark.\n";
                // Written beside the content folder and renamed into place: the save is one file
                // system event, so each save is answered by exactly one reload and the next save
                // can follow that reload at once.
                Path next = content.resolveSibling("edit-" + i + ".tmp");
                Files.writeString(next, text, StandardCharsets.UTF_8);
                long before = System.nanoTime();
                Files.move(next, edited, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                page.next("reload", WAIT);
                double millis = (System.nanoTime() - before) / 1e6;
                if (i >= WARM_UP) {
                    latencies.add(millis);
                }
            }
        } finally {
            Files.writeString(edited, original, StandardCharsets.UTF_8);
            preview.close();
        }
        if (rebuilds.size() != WARM_UP + RUNS) {
            throw new IllegalStateException(rebuilds.size() + " rebuilds for " + (WARM_UP + RUNS)
                    + " saves: a reload was not the answer to its own save");
        }
        List<Long> measuredRebuilds = new ArrayList<>(rebuilds.subList(Math.min(WARM_UP, rebuilds.size()),
                rebuilds.size()));
        Collections.sort(latencies);
        Collections.sort(measuredRebuilds);
        System.out.printf(Locale.ROOT, "%-24s %7d  %4d  %9.1f  %6.1f  %17d%n", label, count, latencies.size(),
                percentile(latencies, 0.5), percentile(latencies, 0.9),
                measuredRebuilds.isEmpty() ? -1 : measuredRebuilds.get(measuredRebuilds.size() / 2));
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1))));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return to;
    }
}
