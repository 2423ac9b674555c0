package dev.longhand.serve;

import dev.longhand.site.LiveSite;
import dev.longhand.site.SiteBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code longhand serve}: the site built into a folder of its own, served, and rebuilt when a
 * lesson, the theme or the site config changes; open pages reload after a good build and show the errors of a
 * bad one. The port is taken before anything is built, so a busy port fails at once.
 */
public final class LivePreview implements AutoCloseable {

    /**
     * @param site    the lessons and theme
     * @param folder  where the site is built: not the published site/, since serving never
     *                writes the reload script to disk but may leave a half-finished edit's pages
     * @param address where to listen (127.0.0.1 unless asked otherwise; port 0 for any free port)
     * @param quiet   how long the files must be still before a rebuild (a save is several events)
     */
    public record Options(SiteBuilder.Options site, Path folder, InetSocketAddress address, Duration quiet) {
    }

    /** What the terminal shows: each build's outcome, and I/O problems that stopped one. */
    public interface Listener {
        void built(LiveSite.Update update, long millis);

        void failed(IOException problem);
    }

    private static final int MAX_PAGES = 64;
    private static final long HEARTBEAT_SECONDS = 10;

    private final LiveSite site;
    private final Listener listener;
    private final EventStream events = new EventStream(MAX_PAGES);
    private final String serverId = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    private final DevServer server;
    private final FolderWatcher watcher;
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(DevServer.daemon("longhand-heartbeat"));
    private int builds;
    private boolean failing;
    /** The newest good build's id; read by page requests without waiting for a rebuild. */
    private volatile String build;

    private LivePreview(Options options, Listener listener) throws IOException {
        this.listener = listener;
        Files.createDirectories(options.folder());
        this.site = new LiveSite(options.site(), options.folder());
        this.server = new DevServer(options.address(), options.folder(), events, this::currentBuild);
        try {
            // The theme's override folder is watched when there is one; the built-in theme cannot change.
            List<Path> folders = Files.isDirectory(options.site().templates())
                    ? List.of(options.site().content(), options.site().templates())
                    : List.of(options.site().content());
            this.watcher = new FolderWatcher(folders,
                    options.site().config().map(List::of).orElse(List.of()), options.quiet(), this::rebuildQuietly);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Takes the port, builds everything, then serves and watches.
     *
     * @throws java.net.BindException when the port is taken
     */
    public static LivePreview start(Options options, Listener listener) throws IOException {
        LivePreview preview = new LivePreview(options, listener);
        try {
            preview.rebuild(Set.of());
        } catch (IOException | RuntimeException e) {
            preview.close();
            throw e;
        }
        preview.server.start();
        preview.watcher.start();
        preview.heartbeat.scheduleAtFixedRate(preview.events::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
        return preview;
    }

    /** The address to open, e.g. {@code http://127.0.0.1:8000/}. */
    public URI address() {
        InetSocketAddress address = server.address();
        String host = address.getAddress() instanceof Inet6Address
                ? "[" + address.getAddress().getHostAddress() + "]" : address.getAddress().getHostAddress();
        return URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    public Path folder() {
        return site.folder();
    }

    /** How many pages are listening for reloads now. */
    public int openPages() {
        return events.clients();
    }

    /**
     * Brings the site up to date and tells the open pages: reload after a good build that
     * changed something (or that ends a failing spell), the errors after a bad one.
     */
    public synchronized LiveSite.Update rebuild(Set<Path> changed) throws IOException {
        long start = System.nanoTime();
        LiveSite.Update update = site.update(changed);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!update.report().succeeded()) {
            failing = true;
            events.errors(ErrorOverlay.html(update.report().diagnostics()));
        } else if (!update.written().isEmpty() || failing) {
            failing = false;
            builds++;
            build = serverId + "-" + builds;
            events.reload(build);
        }
        listener.built(update, millis);
        return update;
    }

    private void rebuildQuietly(Set<Path> changed) {
        try {
            rebuild(changed);
        } catch (IOException e) {
            listener.failed(e);
        } catch (UncheckedIOException e) {
            listener.failed(e.getCause());
        }
    }

    private String currentBuild() {
        String id = build;
        return id == null ? serverId + "-0" : id;
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            watcher.close();
        } catch (IOException e) {
            // the watch service is going away anyway
        }
        server.close();
    }
}
