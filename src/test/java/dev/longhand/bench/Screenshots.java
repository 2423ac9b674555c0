package dev.longhand.bench;

import dev.longhand.browser.Browser;
import dev.longhand.site.BuildReport;
import dev.longhand.site.SiteFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Screenshots of the repository's lessons for a person to look at, not a test (a picture
 * cannot fail): the lessons are built with the theme as it is in the source, then every page
 * is shot at 1280 and 390 px in the light and dark themes, at its top and at its first block,
 * pages with a loss plot as printed, and the search box with results open. Run it with
 * {@code bench/screenshots.sh}; the pictures go to {@code target/screenshots/}.
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        System.setProperty("longhand.repo", repo.toString());
        Path site = Files.createTempDirectory("longhand-screenshots").resolve("site");
        BuildReport report = SiteFiles.buildShipped(site);
        if (!report.succeeded()) {
            System.err.println(report.diagnostics().sorted());
            System.exit(1);
        }
        Path shots = Files.createDirectories(repo.resolve("target/screenshots"));
        List<Path> pages;
        try (Stream<Path> files = Files.walk(site)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        try (Browser browser = Browser.start()) {
            ChromeDriver chrome = (ChromeDriver) browser.driver();
            int count = 0;
            for (int width : new int[] {1280, 390}) {
                chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                        "height", width > 600 ? 900 : 844, "deviceScaleFactor", 1, "mobile", width < 600));
                for (String scheme : List.of("light", "dark")) {
                    chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                            List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
                    for (Path page : pages) {
                        String name = name(site, page) + "-" + width + "-" + scheme;
                        browser.open(page);
                        count += shoot(browser, shots.resolve(name + ".png"));
                        if ((Boolean) browser.js("const b = document.querySelector('.mlp');"
                                + " if (b) b.scrollIntoView(); return b !== null;")) {
                            count += shoot(browser, shots.resolve(name + "-block.png"));
                        }
                    }
                }
            }
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 800, "height", 1100, "deviceScaleFactor", 1, "mobile", false));
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print", "features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
            for (Path page : pages) {
                if (Files.readString(page).contains("loss-plot")) {
                    browser.open(page);
                    browser.js("window.dispatchEvent(new Event('beforeprint'));");
                    count += shoot(browser, shots.resolve(name(site, page) + "-print.png"));
                }
            }
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
            browser.open(site.resolve("index.html"));
            browser.driver().findElement(By.cssSelector(".site-search-input")).sendKeys("relu");
            browser.until(d -> d.findElement(By.cssSelector(".site-search-results")).isDisplayed());
            count += shoot(browser, shots.resolve("search-390-light.png"));
            System.out.println(count + " screenshots in " + shots);
        }
    }

    private static String name(Path site, Path page) {
        return site.relativize(page).toString().replace('/', '_').replaceFirst("\\.html$", "");
    }

    private static int shoot(Browser browser, Path file) throws java.io.IOException {
        Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        return 1;
    }
}
