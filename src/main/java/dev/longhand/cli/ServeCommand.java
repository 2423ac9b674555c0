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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code longhand serve}: the live preview. */
final class ServeCommand implements Command {

    /** A save is often several file events: wait this long for quiet before rebuilding. */
    private static final Duration QUIET = Duration.ofMillis(50);

    static final Option PORT = new Option("--port", "N",
            "Port to listen on; 0 for any free port (default: 8000).", "8000");
    static final Option BIND = new Option("--bind", "ADDRESS",
            "Interface to listen on (default: 127.0.0.1, this machine only). Other machines can reach the site only "
                    + "if you give another address, such as 0.0.0.0.", "127.0.0.1");

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public List<String> description() {
        return List.of("Build the site, serve it on this machine, and rebuild it whenever a lesson, a template or the "
                        + "site config is saved.",
                "Open pages reload after each good build; after a bad one they show its errors, and the last good "
                        + "pages stay served.",
                "The site is built into a temporary folder (printed at start, removed at exit), never into site/: "
                        + "the reload script is added only to what is served.");
    }

    @Override
    public List<Option> options() {
        List<Option> options = new ArrayList<>(SharedOptions.ALL);
        options.add(PORT);
        options.add(BIND);
        return options;
    }

    @Override
    public List<String> exitStatuses() {
        // A JVM stopped by a signal ends with 128 + its number, after the shutdown hook has cleaned up.
        return List.of("130 stopped with Ctrl-C (143 when stopped by SIGTERM)", "2   bad usage, or the port is taken");
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err)
            throws IOException, UsageError, InterruptedException {
        int port = arguments.whole(PORT.name(), 0, 65535, 8000);
        String bind = arguments.text(BIND.name());
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(bind), port);
        } catch (UnknownHostException e) {
            throw new UsageError("--bind: unknown address '" + bind + "'");
        }
        // The config's practice default changes how blocks are computed, so serve reads it too.
        SiteBuilder.Options site = SharedOptions.builderOptions(arguments);
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
