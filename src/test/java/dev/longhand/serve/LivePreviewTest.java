package dev.longhand.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.site.LiveSite;
import dev.longhand.site.SiteBuilder;
import dev.longhand.site.SiteFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev server on a free port, with a small site in a temporary folder, driven over HTTP. */
class LivePreviewTest {

    /** How long an expected event may take: far beyond need, so only one that never comes fails. */
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String SECRET = "TOP-SECRET-3141592653";

    private static String lesson(String title, int order, String prose) {
        return """
                ---
                title: %s
                order: %d
                summary: A lesson for the server.
                ---
                %s

                ```mlp
                input: [2, 1, 3]
                layers:
                  - weights: [[1, -1, 0], [0, 1, 1]]
                  - weights: [[1, 1]]
                ```
                """.formatted(title, order, prose);
    }

    /** Line 10 holds {@code - [1, 1, 1]} (column 9): 3 values for a layer of 2 units. */
    private static final String BROKEN = """
            ---
            title: Alpha
            order: 10
            summary: A lesson for the server.
            ---
            Broken now.

            ```mlp
            input: [2, 1, 3]
            layers:
              - weights: [[1, -1, 0], [0, 1, 1]]
              - weights:
                  - [1, 1, 1]
            ```
            """;

    @TempDir
    Path temp;
    Path content;
    Path templates;
    Path out;
    LivePreview preview;
    final List<LiveSite.Update> updates = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        content = temp.resolve("content");
        templates = temp.resolve("templates");
        copyTree(SiteFiles.repoTemplates(), templates);
        SiteFiles.write(content, "01-alpha.md", lesson("Alpha", 10, "First version of alpha."));
        SiteFiles.write(content, "02-beta.md", lesson("Beta", 20, "Beta's prose."));
        Files.writeString(temp.resolve("secret.txt"), SECRET);
        out = temp.resolve("serve");
        preview = start(templates, out);
    }

    /** A live preview of {@link #content} with the theme overridden by {@code templates}, into {@code into}. */
    private LivePreview start(Path templates, Path into) throws IOException {
        return LivePreview.start(new LivePreview.Options(
                new SiteBuilder.Options(content, "content", templates, "templates", 2), into,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Duration.ofMillis(50)),
                new LivePreview.Listener() {
                    @Override
                    public void built(LiveSite.Update update, long millis) {
                        updates.add(update);
                    }

                    @Override
                    public void failed(IOException problem) {
                        throw new AssertionError(problem);
                    }
                });
    }

    @AfterEach
    void stop() {
        preview.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(preview.address().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String type(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    // ---- serving -------------------------------------------------------------------------------

    @Test
    void listensOnLoopbackOnAFreePort() {
        assertTrue(preview.address().toString().startsWith("http://127.0.0.1:"), preview.address().toString());
        assertNotEquals(0, preview.address().getPort());
        assertFalse(preview.folder().startsWith(SiteFiles.repo().resolve("site")));
    }

    @Test
    void servesTheIndexForSlashAndPagesAsUtf8Html() throws Exception {
        HttpResponse<String> index = get("/");
        assertEquals(200, index.statusCode());
        assertEquals("text/html; charset=utf-8", type(index));
        assertTrue(index.body().contains("Alpha") && index.body().contains("Beta"), index.body());
        HttpResponse<String> page = get("/alpha.html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("First version of alpha."));
    }

    @Test
    void theReloadScriptIsAddedToServedPagesOnlyNeverToFiles() throws Exception {
        String body = get("/alpha.html").body();
        int script = body.indexOf("<script data-longhand-reload>");
        assertTrue(script > 0, body);
        assertTrue(script < body.lastIndexOf("</body>"), "the script goes before </body>");
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                // Byte by byte (ISO-8859-1 maps each byte to a char): the site holds binary files too, the workbooks.
                String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains("data-longhand-reload"), file + " holds the script");
            }
        }
    }

    @Test
    void servesAssetsAndOtherFilesWithTheirContentTypes() throws Exception {
        assertEquals("text/css; charset=utf-8", type(get("/assets/longhand.css")));
        assertEquals("text/javascript; charset=utf-8", type(get("/assets/longhand.js")));
        Files.writeString(out.resolve("x.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Files.write(out.resolve("x.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(out.resolve("x.json"), "{}");
        Files.writeString(out.resolve("x.xml"), "<x/>");
        Files.writeString(out.resolve("x.txt"), "text");
        assertEquals("image/svg+xml; charset=utf-8", type(get("/x.svg")));
        assertEquals("image/png", type(get("/x.png")));
        assertEquals("application/json; charset=utf-8", type(get("/x.json")));
        assertEquals("application/xml; charset=utf-8", type(get("/x.xml")));
        HttpResponse<String> text = get("/x.txt");
        assertEquals("text/plain; charset=utf-8", type(text));
        assertEquals("text", text.body(), "only HTML gets the script");
    }

    @Test
    void aMissingFileIsA404Page() throws Exception {
        HttpResponse<String> missing = get("/no-such-lesson.html");
        assertEquals(404, missing.statusCode());
        assertEquals("text/html; charset=utf-8", type(missing));
        assertTrue(missing.body().contains("Not found"));
        assertEquals(404, get("/assets/nothing.css").statusCode());
    }

    @Test
    void aFolderServesItsIndexAndIsRedirectedToItsSlash() throws Exception {
        SiteFiles.write(out, "extra/index.html", "<html><body>extra index</body></html>");
        HttpResponse<String> folder = get("/extra/");
        assertEquals(200, folder.statusCode());
        assertTrue(folder.body().startsWith("<html><body>extra index"));
        HttpResponse<String> bare = get("/extra");
        assertEquals(301, bare.statusCode());
        assertEquals("/extra/", bare.headers().firstValue("Location").orElse(""));
    }

    @Test
    void headAndOtherMethods() throws Exception {
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(preview.address().resolve("/alpha.html"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(preview.address().resolve("/alpha.html"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    // ---- path traversal ------------------------------------------------------------------------

    /** A request written byte for byte on a socket, so that no client tidies the path first. */
    private String raw(String target) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), preview.address().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream request = socket.getOutputStream();
            request.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            request.flush();
            InputStream response = socket.getInputStream();
            return new String(response.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void refusesEveryWayOutOfTheFolderWithoutLeakingTheFile() throws Exception {
        Files.createSymbolicLink(out.resolve("leak.txt"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(out.resolve("up"), temp);
        List<String> attempts = List.of(
                "/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
                "/..%2fsecret.txt", "/..%2Fsecret.txt", "/%2e%2e%2fsecret.txt", "/%252e%252e/secret.txt",
                "/%252e%252e%252fsecret.txt", "/..\\secret.txt", "/..%5csecret.txt", "/.%2e/secret.txt",
                "//" + temp.resolve("secret.txt").toString().substring(1), temp.resolve("secret.txt").toString(),
                "/leak.txt", "/up/secret.txt", "/up/", "/%00secret.txt", "/.longhand",
                "http://localhost/../secret.txt");
        List<String> leaks = new ArrayList<>();
        for (String attempt : attempts) {
            String response = raw(attempt);
            String status = response.lines().findFirst().orElse("");
            if (response.contains(SECRET) || !(status.contains(" 400 ") || status.contains(" 404 "))) {
                leaks.add(attempt + " -> " + status);
            }
        }
        assertEquals(List.of(), leaks);
        assertTrue(raw("/alpha.html").startsWith("HTTP/1.1 200"), "the same socket requests work for a real page");
    }

    // ---- rebuild and reload --------------------------------------------------------------------

    @Test
    void savingALessonReloadsOpenPagesWithTheNewPage() throws Exception {
        try (EventClient page = new EventClient(preview.address())) {
            String first = page.next("reload", WAIT).data();
            SiteFiles.write(content, "01-alpha.md", lesson("Alpha", 10, "Second version of alpha."));
            String next = page.next("reload", WAIT).data();
            assertNotEquals(first, next, "a reload names a newer build");
            String body = get("/alpha.html").body();
            assertTrue(body.contains("Second version of alpha."), body);
            assertTrue(body.contains("\"" + next + "\""), "the page carries the build it belongs to");
        }
        // A save may reach the watcher as two bursts; the second then finds nothing to write.
        List<LiveSite.Update> writing = updates.stream().filter(u -> !u.written().isEmpty()).toList();
        assertEquals(List.of("alpha.html"), writing.get(writing.size() - 1).written(),
                "only the changed lesson's page was written");
    }

    @Test
    void aBrokenSaveShowsEveryErrorAndKeepsTheLastGoodPage() throws Exception {
        try (EventClient page = new EventClient(preview.address())) {
            page.next("reload", WAIT);
            SiteFiles.write(content, "01-alpha.md", BROKEN);
            String overlay = page.next("errors", WAIT).data();
            assertTrue(overlay.contains("content/01-alpha.md:13:9: error: layer 2 weights row 1 has 3 values; "
                    + "layer 1 has 2 units"), overlay);
            assertTrue(overlay.contains("\n        - [1, 1, 1]\n          ^</pre>"), overlay);
            assertTrue(overlay.contains("1 error, 0 warnings"), overlay);
            String body = get("/alpha.html").body();
            assertTrue(body.contains("First version of alpha."), "the last good page is still served");

            try (EventClient later = new EventClient(preview.address())) {
                assertTrue(later.next("errors", WAIT).data().contains("content/01-alpha.md:13:9"),
                        "a page opened while the build is broken learns the errors at once");
            }

            SiteFiles.write(content, "01-alpha.md", lesson("Alpha", 10, "Fixed version of alpha."));
            page.next("reload", WAIT);
            assertTrue(get("/alpha.html").body().contains("Fixed version of alpha."));
        }
    }

    @Test
    void theOverlayEscapesWhatTheAuthorWrote() throws Exception {
        try (EventClient page = new EventClient(preview.address())) {
            page.next("reload", WAIT);
            SiteFiles.write(content, "01-alpha.md", lesson("Alpha", 10, "See [x](%3Cscript%3E.md)."));
            String overlay = page.next("errors", WAIT).data();
            assertFalse(overlay.contains("<script>"), overlay);
            assertTrue(overlay.contains("&lt;script&gt;"), overlay);
        }
    }

    @Test
    void aNewLessonInANewFolderIsBuiltAndListed() throws Exception {
        try (EventClient page = new EventClient(preview.address())) {
            page.next("reload", WAIT);
            SiteFiles.write(content, "more/deeper/03-gamma.md", lesson("Gamma", 30, "Gamma's prose."));
            page.next("reload", WAIT);
            assertTrue(get("/more/deeper/gamma.html").body().contains("Gamma's prose."));
            assertTrue(get("/").body().contains("Gamma"));
            SiteFiles.write(content, "more/deeper/03-gamma.md", lesson("Gamma", 30, "Gamma, edited."));
            page.next("reload", WAIT);
            assertTrue(get("/more/deeper/gamma.html").body().contains("Gamma, edited."),
                    "files in a folder made after the start are watched");
        }
    }

    @Test
    void changingATemplateRebuildsEveryPage() throws Exception {
        try (EventClient page = new EventClient(preview.address())) {
            page.next("reload", WAIT);
            Path footer = templates.resolve("footer.mustache");
            Files.writeString(footer, Files.readString(footer).replace("</footer>", "<p>New footer</p></footer>"));
            page.next("reload", WAIT);
            assertTrue(get("/alpha.html").body().contains("New footer"));
            assertTrue(get("/beta.html").body().contains("New footer"));
            assertTrue(get("/").body().contains("New footer"));
        }
        assertTrue(updates.get(updates.size() - 1).full());
    }

    /** Starts the preview again with another templates folder (one that need not exist). */
    private void restartWithTemplates(Path folder, String name) throws IOException {
        preview.close();
        preview = start(folder, temp.resolve(name));
    }

    @Test
    void withoutATemplatesFolderTheBuiltInThemeIsServedAndLessonsStillRebuild() throws Exception {
        restartWithTemplates(temp.resolve("no-templates"), "serve-built-in");
        assertEquals(Files.readString(SiteFiles.repoTemplates().resolve("assets/longhand.js")),
                get("/assets/longhand.js").body());
        try (EventClient page = new EventClient(preview.address())) {
            page.next("reload", WAIT);
            SiteFiles.write(content, "01-alpha.md", lesson("Alpha", 10, "Alpha without a theme folder."));
            page.next("reload", WAIT);
            assertTrue(get("/alpha.html").body().contains("Alpha without a theme folder."));
        }
    }

    @Test
    void anOverrideFolderIsWatchedAndTheRestComesFromTheBuiltInTheme() throws Exception {
        Path overrides = temp.resolve("overrides");
        SiteFiles.write(overrides, "assets/longhand.css", "body { color: teal; }\n");
        restartWithTemplates(overrides, "serve-overrides");
        assertEquals("body { color: teal; }\n", get("/assets/longhand.css").body());
        assertEquals(Files.readString(SiteFiles.repoTemplates().resolve("assets/site.js")),
                get("/assets/site.js").body());
        try (EventClient page = new EventClient(preview.address())) {
            page.next("reload", WAIT);
            SiteFiles.write(overrides, "assets/longhand.css", "body { color: navy; }\n");
            page.next("reload", WAIT);
            assertEquals("body { color: navy; }\n", get("/assets/longhand.css").body());
        }
    }

    @Test
    void savingTheSiteConfigRebuildsEveryPageWithItsPracticeDefault() throws Exception {
        preview.close();
        Path config = SiteFiles.write(temp, "longhand.yml", "# no default yet\n");
        preview = LivePreview.start(new LivePreview.Options(
                new SiteBuilder.Options(content, "content", templates, "templates", 2).withConfig(config, "longhand.yml"),
                temp.resolve("serve-with-config"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Duration.ofMillis(50)), new LivePreview.Listener() {
                    @Override
                    public void built(LiveSite.Update update, long millis) {
                        updates.add(update);
                    }

                    @Override
                    public void failed(IOException problem) {
                        throw new AssertionError(problem);
                    }
                });
        try (EventClient page = new EventClient(preview.address())) {
            page.next("reload", WAIT);
            assertFalse(get("/alpha.html").body().contains("data-practice"));
            SiteFiles.write(temp, "longhand.yml", "practice: true\n");
            page.next("reload", WAIT);
            assertTrue(get("/alpha.html").body().contains("data-practice"));
            assertTrue(get("/beta.html").body().contains("data-practice"));
            assertEquals(200, get("/alpha-answers.html").statusCode());
            SiteFiles.write(temp, "secret.txt", "a file beside the config is not watched");
            SiteFiles.write(temp, "longhand.yml", "practice: maybe\n");
            assertTrue(page.next("errors", WAIT).data().contains("longhand.yml:1:11: error: practice should be true"));
        }
    }

    @Test
    void aPageThatGoesAwayIsDropped() throws Exception {
        EventClient page = new EventClient(preview.address());
        page.next("reload", WAIT);
        assertEquals(1, preview.openPages(), "a page that has its first event is counted");
        page.close();
        // The server notices at its next write: a rebuild (or the heartbeat).
        for (int i = 0; i < 50 && preview.openPages() > 0; i++) {
            SiteFiles.write(content, "02-beta.md", lesson("Beta", 20, "Beta's prose, take " + i + "."));
            preview.rebuild(Set.of(content.resolve("02-beta.md")));
        }
        assertEquals(0, preview.openPages());
    }

    @Test
    void aSecondServerOnTheSamePortFailsToBind() {
        var options = new LivePreview.Options(new SiteBuilder.Options(content, "content", templates, "templates", 1),
                temp.resolve("serve2"), new InetSocketAddress(InetAddress.getLoopbackAddress(),
                preview.address().getPort()), Duration.ofMillis(50));
        LivePreview.Listener quiet = new LivePreview.Listener() {
            @Override
            public void built(LiveSite.Update update, long millis) {
            }

            @Override
            public void failed(IOException problem) {
            }
        };
        try {
            LivePreview.start(options, quiet).close();
            throw new AssertionError("a second server started on a busy port");
        } catch (java.net.BindException expected) {
            // the message the command line turns into exit status 2
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
