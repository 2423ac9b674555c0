package dev.longhand.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by its chromedriver. Nothing is downloaded: the binaries
 * must be installed ({@code apt-get install chromium chromium-driver}); {@code .ci/run} does.
 */
public final class Browser implements AutoCloseable {

    static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    /**
     * True once the page in the window is the one asked for and has rendered: the document
     * left behind carries {@code data-left} (set just before leaving it), and a Longhand page
     * (one that loads {@code assets/site.js}) sets {@code data-ready} on {@code <html>} when
     * its scripts have started. Any other page, or one whose scripts cannot load, is ready when
     * it has loaded.
     */
    private static final String READY = """
            const html = document.documentElement;
            if (document.readyState !== 'complete' || !html || html.hasAttribute('data-left')) {
              return false;
            }
            const site = document.querySelector('script[src$="assets/site.js"]');
            // The 404 page links its files from the site's root ("/assets/..."): opened from
            // disk, that is the file system's root, and its scripts never run.
            const unreachable = site && location.protocol === 'file:' && site.getAttribute('src').startsWith('/');
            return html.hasAttribute('data-ready') || !site || unreachable;
            """;

    /**
     * How long a page may take to render before the test fails: far beyond what any page
     * needs, so that only a page that never signals fails, however busy the machine.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final ChromeDriver driver;
    private final Path profile;
    private final boolean javascript;
    /** The origin and localStorage entries of the last page that had storage (see {@link #carryStorage}). */
    private String storedOrigin;
    private String storedEntries;

    private Browser(ChromeDriver driver, Path profile, boolean javascript) {
        this.driver = driver;
        this.profile = profile;
        this.javascript = javascript;
    }

    /** Why the browser tests cannot run here, or empty when they can. */
    public static Optional<String> missing() {
        if (find(CHROMIUM).isEmpty()) {
            return Optional.of("chromium is not installed (apt-get install chromium chromium-driver)");
        }
        if (find(DRIVER).isEmpty()) {
            return Optional.of("chromedriver is not installed (apt-get install chromium-driver)");
        }
        return Optional.empty();
    }

    private static Optional<String> find(List<String> candidates) {
        return candidates.stream().filter(p -> new File(p).canExecute()).findFirst();
    }

    public static Browser start() throws IOException {
        return start(true);
    }

    /** @param javascript false to load pages with scripts disabled */
    public static Browser start(boolean javascript) throws IOException {
        String why = missing().orElse(null);
        if (why != null) {
            throw new IllegalStateException("browser tests need a browser: " + why);
        }
        Path profile = Files.createTempDirectory("longhand-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(find(CHROMIUM).orElseThrow());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(find(DRIVER).orElseThrow()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile, javascript);
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Loads a page and returns when it has rendered (see {@link #awaitReady()}), with the
     * localStorage the pages before it left (see {@link #carryStorage}).
     */
    public void open(Path page) {
        open(page.toUri().toString());
    }

    /**
     * Loads a page and returns when it has rendered (see {@link #awaitReady()}), with the
     * localStorage the pages before it left (see {@link #carryStorage}).
     */
    public void open(String url) {
        rememberStorage();
        carryStorage(() -> driver.get(url));
    }

    /** Loads the page in the window again (with its fragment), as {@link #open(String)} loads a page. */
    public void refresh() {
        rememberStorage();
        carryStorage(() -> driver.navigate().refresh());
    }

    /**
     * Opens {@code url} afresh, even when only its fragment differs from the page in the
     * window, with exactly what that page stored, as a reader coming back finds it; fails if
     * the new page does not start from it.
     */
    public void openKeepingStorage(String url) {
        rememberStorage();
        String entries = storedEntries;
        // Through a blank page, so that the same page with another fragment loads afresh too.
        carryStorage(() -> driver.get("about:blank"));
        carryStorage(() -> driver.get(url));
        Object seen = js(STORAGE);
        if (entries != null && !entries.equals(seen)) {
            throw new AssertionError("the page's storage is " + seen + ", not " + entries);
        }
    }

    /** Opens {@code url} afresh with nothing in its origin's localStorage. */
    public void openWithEmptyStorage(String url) {
        URI address = URI.create(url);
        storedOrigin = address.getScheme() + "://" + (address.getRawAuthority() == null ? "" : address.getRawAuthority());
        storedEntries = "[]";
        carryStorage(() -> driver.get("about:blank"));
        openKeepingStorage(url);
    }

    /** Opens a page afresh with nothing in its origin's localStorage (see {@link #openWithEmptyStorage(String)}). */
    public void openWithEmptyStorage(Path page) {
        openWithEmptyStorage(page.toUri().toString());
    }

    /**
     * Takes note of what the page in the window keeps in localStorage (after blurring the
     * focused box: a worksheet saves on blur). A page without storage (about:blank) changes
     * nothing: what the last page left still holds.
     */
    private void rememberStorage() {
        if (!javascript) {
            return;
        }
        js("if (document.activeElement && document.activeElement.blur) { document.activeElement.blur(); }");
        @SuppressWarnings("unchecked")
        Map<String, String> stored = (Map<String, String>) js(STORAGE_WITH_ORIGIN);
        if (stored != null) {
            storedOrigin = stored.get("origin");
            storedEntries = stored.get("entries");
        }
    }

    /**
     * Navigates, waits for the new page, and makes it start from the localStorage the
     * tests last saw. Chromium hands a page's storage writes to the browser process
     * asynchronously, and a page loaded right after a write can start from the storage before
     * it: in a write-reload loop beside a CPU hog, 9-14 of 60 reloads missed the write,
     * through about:blank or with refresh alike, even with --single-process, and a page that
     * started from stale storage could lose its own writes. What the tests check is the pages'
     * side (given what a page stored, does the next one come back right), so the entries are
     * put in place in the new document before any of its scripts run, by a script the
     * DevTools protocol evaluates on each new document of the same origin, instead of
     * trusting the browser to have delivered them by then.
     */
    private void carryStorage(Runnable navigation) {
        Object script = null;
        if (javascript && storedEntries != null) {
            String restore = "if (location.origin === \"" + new String(JsonStringEncoder.getInstance().quoteAsString(storedOrigin)) + "\") { try { localStorage.clear();"
                    + " for (const [k, v] of " + storedEntries + ") { localStorage.setItem(k, v); } }"
                    + " catch (e) { /* storage refused */ } }";
            script = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", restore))
                    .get("identifier");
        }
        try {
            leave();
            navigation.run();
            awaitReady();
        } finally {
            if (script != null) {
                driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script));
            }
        }
    }

    /** The page's origin and localStorage entries (see {@link #STORAGE}), or null where it has none. */
    private static final String STORAGE_WITH_ORIGIN = """
            try {
              return {origin: location.origin,
                      entries: JSON.stringify(Object.keys(localStorage).sort().map(k => [k, localStorage.getItem(k)]))};
            } catch (e) {
              return null;
            }
            """;

    /** The page's localStorage as one comparable string (empty where the page has none). */
    private static final String STORAGE = """
            try {
              return JSON.stringify(Object.keys(localStorage).sort().map(k => [k, localStorage.getItem(k)]));
            } catch (e) {
              return '';
            }
            """;

    /**
     * Marks the document in the window as left behind, so that {@link #awaitReady()} cannot
     * mistake it for the next one. Call it before a click or a script that navigates. (With
     * scripts off, WebDriver's own wait for the load is all there is.)
     */
    public void leave() {
        if (javascript) {
            js("if (document.documentElement) { document.documentElement.setAttribute('data-left', ''); }");
        }
    }

    /**
     * Waits until the window shows a new page that has rendered: loaded, and on a Longhand
     * page, every page script started (the page's own {@code data-ready} signal). Polls; only
     * a page that never gets there fails, after {@link #PATIENCE}. Then every network block on
     * the page must have been taken by the page script (see {@link #assertEveryBlockLive()}).
     */
    public void awaitReady() {
        if (!javascript) {
            return;
        }
        new WebDriverWait(driver, PATIENCE, Duration.ofMillis(10))
                .withMessage("the page never signalled that it had rendered (data-ready on <html>)")
                .until(d -> Boolean.TRUE.equals(js(READY)));
        assertEveryBlockLive();
    }

    /**
     * Waits for something the page does in its own time (a search index that loads when first
     * used, a page a click opens): polls the condition until it holds, and fails only after
     * {@link #PATIENCE}.
     */
    public <T> T until(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(10)).until(condition);
    }

    /**
     * Clicks a {@code <details>} element's summary, in the middle of the window, and waits for
     * the element's {@code toggle} event. Browsers fire it after the click, in a task of its
     * own, so what the page does on it (a "show how" revealing its values in the diagram) has
     * not happened when the click returns; the page's own handlers were registered first, so
     * they have run when this returns.
     */
    public void toggle(WebElement summary) {
        js("const details = arguments[0].closest('details');"
                + "window.longhandTestToggled = new Promise(done => details.addEventListener('toggle', () => done(true),"
                + " {once: true}));"
                + "arguments[0].scrollIntoView({block: 'center'});", summary);
        summary.click();
        ((JavascriptExecutor) driver).executeAsyncScript(
                "window.longhandTestToggled.then(arguments[arguments.length - 1]);");
    }

    /**
     * Asserts that the page script took every network block on the page: each {@code figure.mlp}
     * carries {@code data-live}, none {@code data-live-error}. A parity test that passed while
     * the script had given up on a block would prove nothing.
     */
    public void assertEveryBlockLive() {
        @SuppressWarnings("unchecked")
        List<String> dead = (List<String>) js("return [...document.querySelectorAll('figure.mlp')]"
                + ".filter(f => document.querySelector('script[src$=\"assets/longhand.js\"]'))"
                + ".filter(f => !f.hasAttribute('data-live'))"
                + ".map(f => f.id + ': ' + (f.getAttribute('data-live-error') || 'not started'));");
        if (!dead.isEmpty()) {
            throw new AssertionError("blocks the page script did not start: " + dead);
        }
    }

    /**
     * Forgets what the open page's origin keeps in localStorage (nothing on a page without
     * storage, such as about:blank). The focused element is blurred first: a worksheet saves an
     * answer box when it loses focus, and Chromium may run that as the page is left, after a
     * later clearing, which brought the last test's state back. Call it before leaving a page
     * and again on the page whose storage should be empty.
     */
    public void clearStorage() {
        js("if (document.activeElement && document.activeElement.blur) { document.activeElement.blur(); }"
                + " try { localStorage.clear(); } catch (e) { /* no storage on this page */ }");
        rememberStorage();
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Errors the page logged since the last call (uncaught exceptions, failed loads). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /**
     * Every URL the browser asked for since the last call, from chromedriver's performance
     * log ({@code Network.requestWillBeSent}); unlike {@code performance.getEntriesByType},
     * it also lists what a {@code file:} page loads.
     */
    public List<String> requests() {
        List<String> urls = new java.util.ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            com.fasterxml.jackson.databind.JsonNode message = Traces.parse(entry.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                urls.add(message.path("params").path("request").path("url").asText());
            }
        }
        return urls;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
