package dev.longhand.cli;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A plain {@code java -jar longhand.jar} hands its command to a second JVM started the way
 * {@code target/longhand} starts one: with the jar's class-data archive when it lies beside the
 * jar and is not older than it, the quick C1 compiler only, and the serial collector. A JVM's
 * defaults suit a long-running server; a build is short, and with them a large one takes
 * almost twice as long and three times the memory (bench/README.md). Gradle's and
 * Elasticsearch's launchers do the same.
 *
 * <p>The child gets the arguments and the JVM options this JVM was given (say {@code -Xmx}),
 * and shares the standard streams. Ctrl-C reaches both (the terminal signals the whole
 * foreground process group); a signal to this JVM alone ends the child; either way this JVM
 * waits for the child and exits with its status, so a shell sees the child's status and
 * never gets its prompt back while the child still prints. Should this JVM be killed outright
 * (SIGKILL runs no hook), the child notices and stops too.
 *
 * <p>Nothing is relaunched when the environment says {@code LONGHAND_RELAUNCH=0}, when the JVM
 * already has the launcher's options, when it runs from classes rather than from one jar (tests,
 * {@code mvn site}, an IDE), or when an agent (a debugger, a profiler) or a class-data recording
 * is attached to this very JVM. If the child cannot start, the command runs here as before.
 */
final class Relaunch {

    /** The environment variable that turns relaunching off when it is {@code 0}. */
    static final String SWITCH = "LONGHAND_RELAUNCH";
    /**
     * {@code -Dlonghand.relaunch=false}: this JVM runs the command itself. The child is started
     * with it so that it never relaunches, and target/longhand passes it so that its JVM does not
     * pay for reading its own options to find out.
     */
    static final String PROPERTY = "longhand.relaunch";
    /** The first JVM's process id, given to the child only: it stops if that process is killed outright. */
    static final String PARENT = "longhand.parent";

    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    static final String SERIAL_GC = "-XX:+UseSerialGC";
    /** Spelled as target/longhand spells it: classes CDS cannot archive are skipped silently. */
    static final List<String> QUIET_ARCHIVE = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    static final String ARCHIVE_NAME = "longhand.jsa";

    /** Options the user's environment gave both JVMs already: the child gets them as options instead. */
    private static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS");

    private Relaunch() {
    }

    /**
     * Runs the command in a child JVM when this JVM was started plainly from the jar, and returns
     * the child's exit status; empty when this JVM is to run the command itself. Only
     * {@code Main.main} calls this: tests that call {@code Main.run} never relaunch.
     */
    static OptionalInt inChildJvm(String[] args) {
        // The cheap checks first: the JVM's own options take the management classes to read.
        if ("0".equals(System.getenv(SWITCH)) || "false".equals(System.getProperty(PROPERTY))) {
            return OptionalInt.empty();
        }
        Optional<Path> jar = singleJar(System.getProperty("java.class.path", ""));
        if (jar.isEmpty()) {
            return OptionalInt.empty();
        }
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!worthIt(options)) {
            return OptionalInt.empty();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = command(java, jar.get(), archiveFor(jar.get()), options,
                ProcessHandle.current().pid(), List.of(args));
        return run(command);
    }

    /**
     * Whether a JVM started with these options gains by handing over: not when it has the
     * launcher's options already, nor when something watches or records this very JVM (an
     * agent, or a class-data archive being dumped), which a child would escape.
     */
    static boolean worthIt(List<String> options) {
        if (options.contains(C1_ONLY) && options.contains(SERIAL_GC)) {
            return false;
        }
        return options.stream().noneMatch(o -> o.startsWith("-agentlib:") || o.startsWith("-agentpath:")
                || o.startsWith("-javaagent:") || o.startsWith("-Xrunjdwp") || o.equals("-Xdebug")
                || o.startsWith("-XX:ArchiveClassesAtExit") || o.startsWith("-Xshare:dump")
                || o.startsWith("-XX:DumpLoadedClassList"));
    }

    /**
     * The child's command line: the launcher's options first, then this JVM's own, so that the
     * user's win where both speak (the last of two options counts), except the collector: the
     * JVM refuses two, so a user's choice of collector replaces the serial one.
     */
    static List<String> command(Path java, Path jar, Optional<Path> archive, List<String> options,
            long parentPid, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        archive.ifPresent(a -> {
            command.add("-XX:SharedArchiveFile=" + a);
            command.addAll(QUIET_ARCHIVE);
        });
        command.add(C1_ONLY);
        if (options.stream().noneMatch(o -> o.matches("-XX:\\+Use\\w+GC"))) {
            command.add(SERIAL_GC);
        }
        command.addAll(options);
        command.add("-D" + PROPERTY + "=false");
        command.add("-D" + PARENT + "=" + parentPid);
        command.add("-cp");
        command.add(jar.toString());
        command.add(Main.class.getName());
        command.addAll(args);
        return command;
    }

    /**
     * In the child: when the first JVM ends without waiting for this one (killed outright, so its
     * shutdown hook never ran), stop too, cleaning up as on Ctrl-C, rather than run on unseen: a
     * forgotten serve would hold its port.
     */
    static void stopWithParent() {
        String parent = System.getProperty(PARENT);
        if (parent == null) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(parent);
        } catch (NumberFormatException e) {
            return; // not set by Relaunch: nothing to watch
        }
        Runnable stop = () -> {
            System.err.println("longhand: stopped: the java process that started this one has ended");
            System.exit(ExitCode.CONTENT_ERRORS);
        };
        ProcessHandle.of(pid).ifPresentOrElse(p -> p.onExit().thenRun(stop), stop);
    }

    /** The class path when it is one jar file (as with {@code java -jar}), as an absolute path. */
    static Optional<Path> singleJar(String classPath) {
        if (classPath.isEmpty() || classPath.contains(File.pathSeparator)) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath().normalize();
        if (!jar.getFileName().toString().endsWith(".jar") || !Files.isRegularFile(jar) || !holdsMain(jar)) {
            return Optional.empty();
        }
        return Optional.of(jar);
    }

    /** The archive `mvn package` recorded beside the jar, unless the jar was rebuilt after it. */
    static Optional<Path> archiveFor(Path jar) {
        Path archive = jar.resolveSibling(ARCHIVE_NAME);
        try {
            if (Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
                return Optional.of(archive);
            }
        } catch (java.io.IOException e) {
            // Unreadable: run without it, as target/longhand does.
        }
        return Optional.empty();
    }

    private static boolean holdsMain(Path jar) {
        CodeSource source = Main.class.getProtectionDomain().getCodeSource();
        try {
            return source != null && Path.of(source.getLocation().toURI()).toAbsolutePath().normalize().equals(jar);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Starts the child with this JVM's streams and returns its status; empty if it cannot start. */
    private static OptionalInt run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> environment = builder.environment();
        // Their options are among this JVM's options, which the child gets: read twice, their
        // "Picked up ..." notes would print twice.
        OPTION_VARIABLES.forEach(environment::remove);
        Process child;
        try {
            child = builder.start();
        } catch (java.io.IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        // A signal to this JVM runs its shutdown hooks. Ctrl-C has reached the child as well, and
        // any other signal is passed on as SIGTERM; then this JVM waits for the child to finish
        // and ends with its status, not with the signal's.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
            }
            Runtime.getRuntime().halt(statusOf(child));
        }, "longhand-child"));
        return OptionalInt.of(statusOf(child));
    }

    private static int statusOf(Process child) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return child.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
