package dev.longhand.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Serves the built folder over HTTP with the JDK's own server: GET and HEAD of files inside
 * it (see {@link SafePath}), {@code index.html} for a folder, a 404 page for the rest, and the
 * event stream pages listen to. HTML gets the reload script on the way out.
 */
final class DevServer implements AutoCloseable {

    /** Page requests at once; event streams do not hold a thread. */
    private static final int THREADS = 8;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path root;
    private final EventStream events;
    private final Supplier<String> build;

    /**
     * @param build the id of the newest good build, written into each page's script
     * @throws java.net.BindException when the port is taken
     */
    DevServer(InetSocketAddress address, Path folder, EventStream events, Supplier<String> build) throws IOException {
        this.root = folder.toRealPath();
        this.events = events;
        this.build = build;
        this.server = HttpServer.create(address, 64);
        this.executor = Executors.newFixedThreadPool(THREADS, daemon("longhand-http"));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                text(exchange, 405, "only GET and HEAD\n");
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            if (ReloadScript.EVENTS.equals(rawPath)) {
                events.connect(exchange);
                return;
            }
            serve(exchange, rawPath);
        } catch (IOException | RuntimeException e) {
            exchange.close();
            if (e instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) e;
        }
    }

    private void serve(HttpExchange exchange, String rawPath) throws IOException {
        SafePath.Result result = SafePath.resolve(root, rawPath);
        if (result instanceof SafePath.Found found) {
            try {
                file(exchange, found.file());
            } catch (NoSuchFileException e) {
                notFound(exchange);
            }
        } else if (result instanceof SafePath.Folder folder) {
            exchange.getResponseHeaders().set("Location", folder.location());
            text(exchange, 301, "moved to " + folder.location() + "\n");
        } else if (result instanceof SafePath.Refused) {
            text(exchange, 400, "bad request: this path is not served\n");
        } else {
            notFound(exchange);
        }
    }

    private void file(HttpExchange exchange, Path file) throws IOException {
        String type = ContentTypes.of(file.getFileName().toString());
        byte[] body = Files.readAllBytes(file);
        if (type.equals(ContentTypes.HTML)) {
            body = ReloadScript.inject(new String(body, StandardCharsets.UTF_8), build.get())
                    .getBytes(StandardCharsets.UTF_8);
        }
        send(exchange, 200, type, body);
    }

    private void notFound(HttpExchange exchange) throws IOException {
        String page = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Not found · Longhand</title></head>
                <body><h1>Not found</h1><p>No page at this address. <a href="/">All lessons</a></p></body></html>
                """;
        send(exchange, 404, ContentTypes.HTML, ReloadScript.inject(page, build.get()).getBytes(StandardCharsets.UTF_8));
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        // A dev server: the browser must ask again after every rebuild.
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        events.close();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
