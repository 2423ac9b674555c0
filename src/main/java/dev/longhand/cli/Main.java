package dev.longhand.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code longhand} command. */
@Command(name = "longhand", mixinStandardHelpOptions = true, version = "longhand 0.1.0",
        description = "Markdown lessons become a static site where every number of a neural network is worked out by hand.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, NewCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command in-process (tests call this) and returns its exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCode.CONTENT_ERRORS);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            // A user never sees a stack trace: I/O problems are stated plainly.
            commandLine.getErr().println("longhand: error: " + describe(e));
            commandLine.getErr().flush();
            return ExitCode.CONTENT_ERRORS;
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("longhand: " + e.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            c.getErr().flush();
            return ExitCode.USAGE;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // Builds hold one lesson per thread, so this is a huge lesson or a small heap.
            err.println("longhand: error: out of memory (the Java heap is limited to "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB); give Java more, "
                    + "e.g. JAVA_TOOL_OPTIONS=-Xmx2g, or build with fewer --threads");
            err.flush();
            return ExitCode.CONTENT_ERRORS;
        }
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

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: build, check, serve or new");
    }
}
