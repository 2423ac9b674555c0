package dev.longhand.bench;

import dev.longhand.site.BuildReport;
import dev.longhand.site.SiteBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One shipped lesson built as a site of its own, warm: read, compute every block, render the
 * page with the shipped theme and write it. Run with {@code bench/jmh.sh}; the working
 * directory must be the repository.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LessonBenchmark {

    @Param({"05-seven-layers.md", "08-a-realistic-size.md"})
    public String lesson;

    private SiteBuilder builder;
    private Path out;

    @Setup
    public void setUp() throws IOException {
        Path repo = Path.of(System.getProperty("longhand.repo", ".")).toAbsolutePath();
        Path content = Files.createTempDirectory("longhand-bench-content");
        Files.copy(repo.resolve("content").resolve(lesson), content.resolve(lesson));
        out = Files.createTempDirectory("longhand-bench-out").resolve("site");
        builder = new SiteBuilder(new SiteBuilder.Options(content, "content", repo.resolve("templates"), "templates", 1));
    }

    @Benchmark
    public BuildReport buildOneLesson() throws IOException {
        return builder.build(out);
    }
}
