package dev.longhand.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.longhand.site.FixtureCourse;
import dev.longhand.site.SiteFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain {@code java -jar target/longhand.jar} hands its command to a child JVM with the
 * launcher's options (Relaunch). {@code serve} runs until it is stopped, which leaves time to
 * look at the processes from outside: the child's command line is read from the system, so no
 * debug switch is needed. The timeouts only keep a broken run from hanging the build.
 */
class RelaunchIT {

    @TempDir
    Path temp;

    private static Path jar() {
        Path jar = SiteFiles.repo().resolve("target/longhand.jar");
        assertTrue(Files.isRegularFile(jar), "target/longhand.jar is built before the integration tests");
        return jar;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A serve that has printed its address: the JVM started, and the folder it builds into. */
    private record Serving(Process process, Path folder) {
    }

    private Serving serve(List<String> prefix, List<String> jvmOptions, boolean relaunch)
            throws IOException {
        Path content = FixtureCourse.write(temp.resolve("content"));
        List<String> command = new ArrayList<>(prefix);
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString(), "serve", "--port", "0", "--content", content.toString(),
                "--templates", SiteFiles.repoTemplates().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(temp.resolve("err.txt").toFile());
        builder.environment().remove(Relaunch.SWITCH);
        if (!relaunch) {
            builder.environment().put(Relaunch.SWITCH, "0");
        }
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        Path folder = null;
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("Building into ")) {
                folder = Path.of(line.substring("Building into ".length(), line.indexOf(" (")));
            }
            if (line.startsWith("Serving http://127.0.0.1:")) {
                assertNotNull(folder, "serve says where it builds before it serves");
                return new Serving(process, folder);
            }
        }
        throw new AssertionError("serve ended before serving: " + Files.readString(temp.resolve("err.txt")));
    }

    private static List<String> arguments(ProcessHandle process) {
        return process.info().arguments().map(Arrays::asList).orElseThrow();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void thePlainJarServesFromAChildWithTheLaunchersOptionsAndTheUsersOwn()
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        Serving serving = serve(List.of(), List.of("-Xmx300m", "-Dlonghand.test=yes"), true);
        List<ProcessHandle> children = serving.process().children().toList();
        assertEquals(1, children.size(), "one child JVM");
        ProcessHandle child = children.get(0);
        List<String> arguments = arguments(child);
        for (String option : List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx300m", "-Dlonghand.test=yes",
                "-Dlonghand.relaunch=false")) {
            assertTrue(arguments.contains(option), option + " in " + arguments);
        }
        Path archive = SiteFiles.repo().resolve("target/longhand.jsa");
        if (Files.isRegularFile(archive)
                && !Files.getLastModifiedTime(archive).toInstant().isBefore(
                        Files.getLastModifiedTime(jar()).toInstant())) {
            assertTrue(arguments.contains("-XX:SharedArchiveFile=" + archive.toAbsolutePath()), arguments.toString());
        }
        assertEquals(List.of("serve", "--port", "0"), arguments.subList(arguments.indexOf("serve"),
                arguments.indexOf("serve") + 3), "the arguments, unchanged");

        // SIGTERM to the parent alone (as a service manager or an IDE's stop button sends it).
        serving.process().destroy();
        assertTrue(serving.process().waitFor(2, TimeUnit.MINUTES), "the parent ended");
        child.onExit().get(1, TimeUnit.MINUTES);
        assertEquals(128 + 15, serving.process().exitValue(), "the status a JVM ends with on SIGTERM");
        assertFalse(Files.exists(serving.folder()), "the child cleaned up before the parent ended");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void ctrlCStopsTheParentAndTheChildCleanly()
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        // Ctrl-C signals the terminal's foreground process group: the same here, with a group of
        // its own (setsid) and SIGINT handled as a terminal would leave it (the build running
        // the tests may have been started with SIGINT ignored, which children inherit).
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")) && Files.isExecutable(Path.of("/usr/bin/env"))
                && Files.isExecutable(Path.of("/bin/kill")), "needs setsid, env and kill");
        Serving serving = serve(List.of("/usr/bin/env", "--default-signal=INT", "/usr/bin/setsid"), List.of(),
                true);
        ProcessHandle child = serving.process().children().findFirst().orElseThrow();
        Process kill = new ProcessBuilder("/bin/kill", "-INT", "--", "-" + serving.process().pid()).start();
        assertEquals(0, kill.waitFor(), "kill sent SIGINT to the group");
        assertTrue(serving.process().waitFor(2, TimeUnit.MINUTES), "the parent ended");
        assertFalse(child.isAlive(), "the parent ended after its child");
        assertEquals(128 + 2, serving.process().exitValue(), "the status a JVM ends with on SIGINT");
        assertFalse(Files.exists(serving.folder()), "serve removed its temporary folder");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aChildWhoseParentIsKilledOutrightStopsAndCleansUp()
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        Serving serving = serve(List.of(), List.of(), true);
        ProcessHandle child = serving.process().children().findFirst().orElseThrow();
        serving.process().destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
        assertTrue(serving.process().waitFor(2, TimeUnit.MINUTES), "the parent ended");
        child.onExit().get(2, TimeUnit.MINUTES);
        assertFalse(Files.exists(serving.folder()), "serve removed its temporary folder");
        assertTrue(Files.readString(temp.resolve("err.txt")).contains(
                "longhand: stopped: the java process that started this one has ended"));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void longhandRelaunchZeroServesFromTheJvmItself() throws IOException, InterruptedException {
        Serving serving = serve(List.of(), List.of(), false);
        assertEquals(List.of(), serving.process().children().toList(), "no child JVM");
        serving.process().destroy();
        assertTrue(serving.process().waitFor(2, TimeUnit.MINUTES), "serve ended");
        assertFalse(Files.exists(serving.folder()), "serve removed its temporary folder");
    }

    /** What one run printed and its status. */
    private record Run(int status, String out, String err) {
    }

    private Run check(Path content, boolean relaunch) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", jar().toString(), "check", "--content",
                temp.relativize(content).toString(), "--templates", SiteFiles.repoTemplates().toString())
                .directory(temp.toFile())
                .redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile());
        builder.environment().remove(Relaunch.SWITCH);
        if (!relaunch) {
            builder.environment().put(Relaunch.SWITCH, "0");
        }
        Process process = builder.start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the jar did not finish");
        return new Run(process.exitValue(), Files.readString(temp.resolve("out.txt")),
                Files.readString(temp.resolve("err.txt")));
    }

    @Test
    void aFailingCheckPrintsAndExitsTheSameWithAndWithoutTheChild() throws IOException, InterruptedException {
        Path content = temp.resolve("content");
        SiteFiles.write(content, "bad.md", JarIT.BAD);
        SiteFiles.write(content, "good.md", """
                ---
                title: Good
                summary: A lesson without a block.
                ---
                Text.
                """);
        Run relaunched = check(content, true);
        Run inProcess = check(content, false);
        assertEquals(1, relaunched.status(), relaunched.err());
        // Line 12 is "      - [1, 1, 1]"; the row starts at column 9 and has 3 values where layer 1 has 2 units.
        assertTrue(relaunched.err().startsWith(
                "content/bad.md:12:9: error: layer 2 weights row 1 has 3 values; layer 1 has 2 units"),
                relaunched.err());
        assertEquals(inProcess, relaunched);
    }
}
