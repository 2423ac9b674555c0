package dev.longhand.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Server-Sent Events to the open pages. A page that connects first gets the current state
 * (the newest build, or the errors of a failed one), so a page loaded just before a rebuild
 * still learns of it. Clients are capped; one that has gone away is dropped at the next write
 * (a heartbeat comment makes sure there is one every few seconds).
 */
final class EventStream implements AutoCloseable {

    /** One open page. Writes are serialised per client: the heartbeat and a rebuild may meet. */
    private static final class Client {
        private final HttpExchange exchange;
        private final OutputStream body;

        Client(HttpExchange exchange) {
            this.exchange = exchange;
            this.body = exchange.getResponseBody();
        }

        synchronized void send(String text) throws IOException {
            body.write(text.getBytes(StandardCharsets.UTF_8));
            body.flush();
        }

        void close() {
            exchange.close();
        }
    }

    private final int maxClients;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private String current = "";

    EventStream(int maxClients) {
        this.maxClients = maxClients;
    }

    /** Takes over the exchange: it stays open after the handler returns, until the page goes away. */
    synchronized void connect(HttpExchange exchange) throws IOException {
        if (clients.size() >= maxClients) {
            byte[] body = "too many open pages\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        Client client = new Client(exchange);
        // Counted before its first event, so that whoever reads that event finds it counted;
        // a write that fails takes it off again. Then: reconnect quickly after a restart of
        // the server, and the current state.
        clients.add(client);
        write(client, "retry: 500\n\n" + current);
    }

    /** The newest build is ready: pages of older builds reload. */
    synchronized void reload(String build) {
        publish(event("reload", build));
    }

    /** The build failed: pages show these errors (HTML) over themselves. */
    synchronized void errors(String html) {
        publish(event("errors", html));
    }

    /** A comment line, which browsers ignore: it finds clients that went away. */
    void heartbeat() {
        for (Client client : clients) {
            write(client, ": keep-alive\n\n");
        }
    }

    int clients() {
        return clients.size();
    }

    private void publish(String event) {
        current = event;
        for (Client client : clients) {
            write(client, event);
        }
    }

    private boolean write(Client client, String text) {
        try {
            client.send(text);
            return true;
        } catch (IOException e) {
            clients.remove(client);
            client.close();
            return false;
        }
    }

    /** An event: each line of the data on its own "data:" line, as the format requires. */
    static String event(String name, String data) {
        StringBuilder text = new StringBuilder("event: ").append(name).append('\n');
        for (String line : data.split("\r\n|\r|\n", -1)) {
            text.append("data: ").append(line).append('\n');
        }
        return text.append('\n').toString();
    }

    @Override
    public void close() {
        for (Client client : clients) {
            clients.remove(client);
            client.close();
        }
    }
}
