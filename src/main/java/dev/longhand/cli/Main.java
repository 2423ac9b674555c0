package dev.longhand.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The {@code longhand} command. Its arguments are read by hand rather than by an annotation
 * library: a build is a short process, and reading annotations by reflection at start-up cost
 * a quarter of a second of every run (README, Performance).
 */
public final class Main {

    /** Longhand's version, as pom.xml gives it (a course written by init depends on this one). */
    static final String VERSION_NUMBER = "0.1.0";
    static final String VERSION = "longhand " + VERSION_NUMBER;
    static final String SUMMARY =
            "Markdown lessons become a static site where every number of a neural network is worked out by hand.";

    private Main() {
    }

    /**
     * The command as a user starts it: started plainly ({@code java -jar}), this JVM hands the
     * command to a faster-starting one and passes its exit status on (Relaunch).
     */
    public static void main(String[] args) {
        OptionalInt child = Relaunch.inChildJvm(args);
        if (child.isPresent()) {
            System.exit(child.getAsInt());
        }
        Relaunch.stopWithParent();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command in-process (tests call this) and returns its exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return dispatch(args, out, err);
        } catch (OutOfMemoryError e) {
            // Builds hold one lesson per thread, so this is a huge lesson or a small heap.
            err.println("longhand: error: out of memory (the Java heap is limited to "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB); give Java more, "
                    + "e.g. JAVA_TOOL_OPTIONS=-Xmx2g, or build with fewer --threads");
            return ExitCode.CONTENT_ERRORS;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int dispatch(String[] args, PrintWriter out, PrintWriter err) {
        // Made here, not in a static field: a JVM that relaunches should load none of them.
        List<Command> commands = List.of(new BuildCommand(), new CheckCommand(), new ServeCommand(),
                new NewCommand(), new InitCommand());
        String names = "build, check, serve, new or init";
        if (args.length == 0) {
            return usageError(err, "a command is required: " + names, "longhand");
        }
        switch (args[0]) {
            case "-h", "--help" -> {
                out.print(Usage.top(commands, SUMMARY));
                return ExitCode.OK;
            }
            case "-V", "--version" -> {
                out.println(VERSION);
                return ExitCode.OK;
            }
            default -> {
                // fall through to the commands
            }
        }
        Command command = commands.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            String what = args[0].startsWith("-") ? "unknown option '" : "unknown command '";
            return usageError(err, what + args[0] + "'; the commands are " + names, "longhand");
        }
        String qualified = "longhand " + command.name();
        try {
            Arguments arguments = Arguments.parse(command, Arrays.asList(args).subList(1, args.length));
            if (arguments.help()) {
                out.print(Usage.of(command));
                return ExitCode.OK;
            }
            if (arguments.version()) {
                out.println(VERSION);
                return ExitCode.OK;
            }
            return command.run(arguments, out, err);
        } catch (UsageError e) {
            return usageError(err, e.getMessage(), qualified);
        } catch (IOException e) {
            // A user never sees a stack trace: I/O problems are stated plainly.
            err.println("longhand: error: " + describe(e));
            return ExitCode.CONTENT_ERRORS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("longhand: interrupted");
            return ExitCode.CONTENT_ERRORS;
        } catch (RuntimeException e) {
            err.println("longhand: error: " + describe(e));
            return ExitCode.CONTENT_ERRORS;
        }
    }

    private static int usageError(PrintWriter err, String message, String command) {
        err.println("longhand: " + message);
        err.println("Try '" + command + " --help' for more information.");
        return ExitCode.USAGE;
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return e.getClass().getSimpleName() + message;
    }
}
