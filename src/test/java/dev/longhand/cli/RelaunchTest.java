package dev.longhand.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a plain start hands the command to a tuned JVM, and that JVM's command line (RelaunchIT runs it). */
class RelaunchTest {

    private static final Path JAVA = Path.of("/jdk/bin/java");
    private static final Path JAR = Path.of("/opt/longhand/longhand.jar");
    private static final Path ARCHIVE = Path.of("/opt/longhand/longhand.jsa");

    @TempDir
    Path temp;

    @Test
    void aPlainStartOrOneWithTheUsersOwnOptionsRelaunches() {
        assertTrue(Relaunch.worthIt(List.of()));
        assertTrue(Relaunch.worthIt(List.of("-Xmx2g", "-Dfile.encoding=UTF-8")));
        assertTrue(Relaunch.worthIt(List.of("-XX:TieredStopAtLevel=1")), "C1 alone is half the launcher");
    }

    @Test
    void aJvmWithTheLaunchersOptionsRunsTheCommandItself() {
        assertFalse(Relaunch.worthIt(List.of("-Xmx2g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")));
    }

    @Test
    void aDebuggerAProfilerOrAnArchiveRecordingKeepsTheCommandInTheJvmItWatches() {
        for (String option : List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n",
                "-agentpath:/opt/profiler/libasyncProfiler.so=start", "-javaagent:/opt/agent.jar", "-Xdebug",
                "-Xrunjdwp:transport=dt_socket", "-XX:ArchiveClassesAtExit=app.jsa", "-Xshare:dump",
                "-XX:DumpLoadedClassList=classes.lst")) {
            assertFalse(Relaunch.worthIt(List.of("-Xmx1g", option)), option);
        }
    }

    @Test
    void theChildGetsTheArchiveC1AndSerialThenTheUsersOptionsThenTheArguments() {
        List<String> command = Relaunch.command(JAVA, JAR, Optional.of(ARCHIVE), List.of("-Xmx2g", "-Dx=1"),
                4321, List.of("build", "--out", "my site"));
        assertEquals(List.of("/jdk/bin/java",
                "-XX:SharedArchiveFile=/opt/longhand/longhand.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx2g", "-Dx=1",
                "-Dlonghand.relaunch=false", "-Dlonghand.parent=4321",
                "-cp", "/opt/longhand/longhand.jar", "dev.longhand.cli.Main",
                "build", "--out", "my site"), command);
    }

    @Test
    void withoutAnArchiveTheChildStillGetsC1AndSerial() {
        assertEquals(List.of("/jdk/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "-Dlonghand.relaunch=false", "-Dlonghand.parent=4321", "-cp", "/opt/longhand/longhand.jar",
                        "dev.longhand.cli.Main", "check"),
                Relaunch.command(JAVA, JAR, Optional.empty(), List.of(), 4321, List.of("check")));
    }

    @Test
    void aCollectorTheUserChoseReplacesTheSerialOne() {
        // The JVM refuses two collectors ("Conflicting collector combinations").
        List<String> command = Relaunch.command(JAVA, JAR, Optional.empty(), List.of("-XX:+UseParallelGC"),
                4321, List.of("build"));
        assertFalse(command.contains("-XX:+UseSerialGC"), command.toString());
        assertTrue(command.contains("-XX:+UseParallelGC"), command.toString());
        assertTrue(command.contains("-XX:TieredStopAtLevel=1"), command.toString());
    }

    @Test
    void theArchiveBesideTheJarCountsUnlessTheJarIsNewer() throws IOException {
        Path jar = Files.writeString(temp.resolve("longhand.jar"), "jar");
        Path archive = Files.writeString(temp.resolve("longhand.jsa"), "archive");
        Instant built = Instant.parse("2026-01-01T10:00:00Z");
        Files.setLastModifiedTime(jar, FileTime.from(built));

        Files.setLastModifiedTime(archive, FileTime.from(built.plusSeconds(5)));
        assertEquals(Optional.of(archive), Relaunch.archiveFor(jar), "recorded after the jar was built");
        Files.setLastModifiedTime(archive, FileTime.from(built));
        assertEquals(Optional.of(archive), Relaunch.archiveFor(jar), "recorded in the same second");
        Files.setLastModifiedTime(archive, FileTime.from(built.minusSeconds(5)));
        assertEquals(Optional.empty(), Relaunch.archiveFor(jar), "a jar rebuilt after its archive");
        Files.delete(archive);
        assertEquals(Optional.empty(), Relaunch.archiveFor(jar), "a jar copied without its archive");
    }

    @Test
    void onlyAClassPathOfTheOneJarThatHoldsTheCommandRelaunches() throws IOException {
        // Tests run Main from target/classes: no jar here holds it, so nothing run in-process relaunches.
        Path jar = Files.writeString(temp.resolve("longhand.jar"), "jar");
        assertEquals(Optional.empty(), Relaunch.singleJar(jar.toString()), "a jar Main was not loaded from");
        assertEquals(Optional.empty(), Relaunch.singleJar(jar + File.pathSeparator + temp.resolve("other.jar")),
                "a class path of several entries, as a course's mvn site gives");
        assertEquals(Optional.empty(), Relaunch.singleJar(temp.toString()), "a folder of classes");
        assertEquals(Optional.empty(), Relaunch.singleJar(""));
    }
}
