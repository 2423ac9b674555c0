package dev.longhand.cli;

import dev.longhand.serve.LivePreview;
import dev.longhand.site.LiveSite;
import dev.longhand.site.OutputFolder;
import dev.longhand.site.SiteBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Build the site, serve it on this machine, and rebuild it whenever a lesson or template is saved.",
                "Open pages reload after each good build; after a bad one they show its errors, and the last good "
                        + "pages stay served.",
                "The site is built into a temporary folder (printed at start, removed at exit), never into site/: "
                        + "the reload script is added only to what is served."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:stopped with Ctrl-C", "2:bad usage, or the port is taken"})
final class ServeCommand implements Callable<Integer> {

    /** A save is often several file events: wait this long for quiet before rebuilding. */
    private static final Duration QUIET = Duration.ofMillis(50);

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared = new SharedOptions();

    @Option(names = "--port", paramLabel = "N", defaultValue = "8000",
            description = "Port to listen on; 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Interface to listen on (default: ${DEFAULT-VALUE}, this machine only). "
                    + "Other machines can reach the site only if you give another address, such as 0.0.0.0.")
    String bind;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port: " + port + " is not a port (0 to 65535)");
        }
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(bind), port);
        } catch (UnknownHostException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bind: unknown address '" + bind + "'");
        }
        SiteBuilder.Options site = new SiteBuilder.Options(
                Folders.existing(spec, shared.content, "--content"), Folders.label(shared.content),
                Folders.existing(spec, shared.templates, "--templates"), Folders.label(shared.templates),
                shared.threads);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path folder = Files.createTempDirectory("longhand-serve-");
        LivePreview preview;
        out.println("Building into " + folder + " (a temporary folder, not site/; removed when you stop)");
        out.flush();
        try {
            preview = LivePreview.start(new LivePreview.Options(site, folder, address, QUIET), new Terminal(out, err));
        } catch (BindException e) {
            deleteTree(folder);
            err.println("longhand: cannot listen on " + bind + ":" + port + ": " + e.getMessage()
                    + "; is another server running there? Choose another port with --port");
            err.flush();
            return ExitCode.USAGE;
        } catch (IOException | RuntimeException e) {
            deleteTree(folder);
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            preview.close();
            deleteTree(folder);
            stopped.countDown();
        }, "longhand-stop"));
        out.println("Serving " + preview.address() + " (Ctrl-C to stop)");
        out.flush();
        stopped.await();
        return ExitCode.OK;
    }

    /** Prints each rebuild the way build prints: diagnostics, a count, and what happened. */
    private record Terminal(PrintWriter out, PrintWriter err) implements LivePreview.Listener {
        @Override
        public void built(LiveSite.Update update, long millis) {
            Report.print(update.report().diagnostics(), err);
            if (!update.report().succeeded()) {
                err.println("build failed; still serving the last good pages");
                err.flush();
            } else if (!update.written().isEmpty()) {
                out.printf("%s %s in %d ms%n", update.full() ? "built" : "rebuilt",
                        Plural.of(update.written().size(), "page"), millis);
                out.flush();
            }
        }

        @Override
        public void failed(IOException problem) {
            err.println("longhand: error: the rebuild stopped: " + problem);
            err.flush();
        }
    }

    private static void deleteTree(Path root) {
        try {
            OutputFolder.deleteTree(root);
        } catch (IOException e) {
            // A temporary folder: the system cleans it up in the end.
        }
    }
}
