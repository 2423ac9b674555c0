package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One lesson built into a site of its own and opened in headless Chromium, for a test class
 * to register ({@code @RegisterExtension static final LessonInBrowser page = ...}). Every test
 * starts on the page loaded afresh with nothing a test before it saved (a worksheet keeps
 * answers and draws in localStorage), and fails if the page logged a JavaScript error or
 * asked anything of the network: it only reads files.
 */
final class LessonInBrowser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final String file;
    private final String markdown;
    private Path folder;
    private String url;
    private Browser browser;

    /** @param file the lesson's file name, such as {@code practice.md}; its page is {@code practice.html} */
    LessonInBrowser(String file, String markdown) {
        this.file = file;
        this.markdown = markdown;
    }

    Browser browser() {
        return browser;
    }

    /** The page's file URL. */
    String url() {
        return url;
    }

    /**
     * Loads a URL afresh, even the same page with a new fragment, keeping what the page before
     * it stored (see {@link Browser#openKeepingStorage}).
     */
    void open(String address) {
        browser.openKeepingStorage(address);
    }

    /** Loads the page again, as a reader coming back to it would. */
    void reload() {
        open(url);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("longhand-browser-");
        String page = file.substring(0, file.length() - ".md".length()) + ".html";
        url = TestSite.build(folder, Map.of(file, markdown)).resolve(page).toUri().toString();
        browser = Browser.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        browser.openWithEmptyStorage(url);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
        List<String> requests = browser.requests();
        // The browser's own start-up pages load chrome:// resources; the page itself only reads files.
        assertTrue(requests.stream().noneMatch(r -> r.startsWith("http") || r.startsWith("ws")), "requests: " + requests);
    }
}
