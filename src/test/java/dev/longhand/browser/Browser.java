package dev.longhand.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian Chromium driven by its chromedriver. Nothing is downloaded: the binaries
 * must be installed ({@code apt-get install chromium chromium-driver}); {@code .ci/run} does.
 */
public final class Browser implements AutoCloseable {

    static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
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
        return new Browser(driver, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(Path page) {
        driver.get(page.toUri().toString());
    }

    public void open(String url) {
        driver.get(url);
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
