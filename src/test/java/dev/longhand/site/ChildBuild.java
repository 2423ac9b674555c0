package dev.longhand.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Longhand's command line in a JVM of its own, on the test classpath, so that a test can
 * kill it, limit its heap, or compare two separate runs.
 */
final class ChildBuild {

    private ChildBuild() {
    }

    /** Starts {@code java [jvmOptions] dev.longhand.cli.Main args}, its output to files in {@code logs}. */
    static Process start(Path logs, List<String> jvmOptions, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Assumptions.assumeTrue(Files.isExecutable(java), "no java executable at " + java);
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.longhand.cli.Main");
        command.addAll(List.of(args));
        Files.createDirectories(logs);
        return new ProcessBuilder(command)
                .redirectOutput(logs.resolve("out.txt").toFile())
                .redirectError(logs.resolve("err.txt").toFile())
                .start();
    }

    /** Runs to the end (at most two minutes) and returns the exit status. */
    static int run(Path logs, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        Process process = start(logs, jvmOptions, args);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the build did not finish in two minutes");
        }
        return process.exitValue();
    }

    static String err(Path logs) throws IOException {
        return Files.readString(logs.resolve("err.txt"));
    }
}
