package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.longhand.site.BuildReport;
import dev.longhand.site.FixtureCourse;
import dev.longhand.site.SiteFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The frame around the lessons in headless Chromium, on a course the test builds itself
 * ({@link FixtureCourse}) with the theme and page scripts as they are in the source: the theme
 * switch, the layout at 390 px (no page scrolls sideways, on the course and on the
 * repository's own lessons built the same way), the search box, printing and the 404 page.
 * Screenshots for review are not a test: {@code bench/screenshots.sh} takes them.
 */
@ExtendWith(BrowserAvailable.class)
class SiteFrameBrowserTest {

    @TempDir
    static Path temp;

    private static Path course;
    private static Path shippedSite;
    private static final String LIGHT_PAPER = "rgb(253, 252, 249)";
    private static final String DARK_PAPER = "rgb(20, 23, 28)";

    private static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        course = TestSite.build(temp.resolve("course"), FixtureCourse.lessons());
        shippedSite = temp.resolve("shipped");
        BuildReport report = SiteFiles.buildShipped(shippedSite);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void reset() {
        ChromeDriver chrome = chrome();
        chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
        browser.openWithEmptyStorage(course.resolve("index.html"));
    }

    private static ChromeDriver chrome() {
        return (ChromeDriver) browser.driver();
    }

    private static void systemScheme(String scheme) {
        chrome().executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private static void viewport(int width, int height) {
        chrome().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Loads the page again once it would see what this one stored (see {@link Browser#openKeepingStorage}). */
    private static void reloadLater() {
        browser.openKeepingStorage(browser.driver().getCurrentUrl());
    }

    private static String background() {
        return (String) browser.js("return getComputedStyle(document.body).backgroundColor;");
    }

    private static String theme() {
        return (String) browser.js("return document.documentElement.getAttribute('data-theme');");
    }

    private static WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    // ---- themes ------------------------------------------------------------------------------

    @Test
    void themeSwitchChangesTheColoursAndIsRememberedAcrossPages() {
        systemScheme("light");
        browser.open(course.resolve("index.html"));
        assertEquals(null, theme());
        assertEquals(LIGHT_PAPER, background());
        assertEquals("true", find("[data-theme-choice=system]").getAttribute("aria-pressed"));

        find("[data-theme-choice=dark]").click();
        assertEquals("dark", theme());
        assertEquals(DARK_PAPER, background());
        assertEquals("true", find("[data-theme-choice=dark]").getAttribute("aria-pressed"));

        reloadLater();
        assertEquals("dark", theme(), "the choice survives a reload");
        assertEquals(DARK_PAPER, background());
        browser.open(course.resolve("seven-layers.html"));
        assertEquals(DARK_PAPER, background(), "and holds on the next page");
        String block = (String) browser.js("return getComputedStyle(document.querySelector('.mlp')).backgroundColor;");
        assertEquals("rgb(26, 30, 36)", block, "blocks follow the theme");

        find("[data-theme-choice=system]").click();
        assertEquals(null, theme());
        assertEquals(LIGHT_PAPER, background());
        reloadLater();
        assertEquals(LIGHT_PAPER, background());
    }

    @Test
    void systemDarkSettingAppliesUnlessTheReaderChoseLight() {
        systemScheme("dark");
        browser.open(course.resolve("index.html"));
        assertEquals(DARK_PAPER, background());
        find("[data-theme-choice=light]").click();
        assertEquals(LIGHT_PAPER, background());
        reloadLater();
        assertEquals(LIGHT_PAPER, background(), "a chosen light theme beats the system's dark");
    }

    @Test
    void storedChoiceIsAppliedByAScriptBeforeTheStylesheet() {
        browser.open(course.resolve("index.html"));
        browser.js("localStorage.setItem('longhand-theme', 'dark');");
        // A script at the start of <body> sees what the first paint will use.
        String seen = (String) browser.js("""
                const html = document.documentElement.outerHTML;
                return html.indexOf('localStorage.getItem("longhand-theme")') < html.indexOf('<link rel="stylesheet"')
                    ? 'head script before the stylesheet' : 'after';""");
        assertEquals("head script before the stylesheet", seen);
        reloadLater();
        assertEquals("dark", theme());
    }

    @Test
    void focusIsVisibleInBothThemes() {
        for (String scheme : List.of("light", "dark")) {
            systemScheme(scheme);
            browser.open(course.resolve("seven-layers.html"));
            new Actions(browser.driver()).sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
            String outline = (String) browser.js("""
                    const s = getComputedStyle(document.activeElement);
                    return s.outlineStyle + ' ' + s.outlineWidth;""");
            assertEquals("solid 3px", outline, scheme + ": the focused element has a ring");
        }
    }

    // ---- phones ------------------------------------------------------------------------------

    /** Every page of the course, then every page of the repository's lessons. */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        for (Path site : List.of(course, shippedSite)) {
            try (Stream<Path> files = Files.walk(site)) {
                pages.addAll(files.filter(p -> p.toString().endsWith(".html")).sorted().toList());
            }
        }
        return pages;
    }

    @Test
    void noPageScrollsSidewaysAt390Pixels() throws IOException {
        viewport(390, 844);
        List<String> wide = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            systemScheme(scheme);
            for (Path page : pages()) {
                browser.open(page);
                @SuppressWarnings("unchecked")
                Map<String, Object> size = (Map<String, Object>) browser.js("""
                        return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
                                widest: [...document.querySelectorAll('body *')]
                                  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5
                                          && getComputedStyle(e).position !== 'absolute'
                                          && !e.closest('.mlp-eq, pre, .work-lines, table, .visually-hidden, .skip-link'))
                                  .slice(0, 3).map(e => e.tagName + '.' + e.className).join(' ')};""");
                assertEquals(390L, ((Number) size.get("inner")).longValue(), "the viewport is 390 px wide");
                if (((Number) size.get("scroll")).longValue() > 390) {
                    wide.add(temp.relativize(page) + " (" + scheme + "): " + size.get("scroll") + " px, " + size.get("widest"));
                }
            }
        }
        assertEquals(List.of(), wide);
    }

    @Test
    void sidebarComesAfterTheLessonOnAPhone() {
        viewport(390, 844);
        browser.open(course.resolve("seven-layers.html"));
        Number main = (Number) browser.js("return document.querySelector('main').getBoundingClientRect().top;");
        Number sidebar = (Number) browser.js("return document.querySelector('.sidebar').getBoundingClientRect().top;");
        assertTrue(sidebar.doubleValue() > main.doubleValue(), "the sidebar moves below the content");
        assertTrue(find(".breadcrumbs").isDisplayed());
        assertTrue(find(".site-search-input").isDisplayed());
        assertTrue(find(".theme-switch").isDisplayed());
    }

    // ---- search ------------------------------------------------------------------------------

    private static List<String> results(String query) {
        WebElement input = find(".site-search-input");
        input.clear();
        input.sendKeys(query);
        browser.until(d -> find(".site-search-results").isDisplayed());
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) browser.js(
                "return [...document.querySelectorAll('.site-search-result a')].map(a => a.getAttribute('href'));");
        return hrefs;
    }

    @Test
    void searchFindsALessonByAWordOfItsProse() {
        browser.open(course.resolve("seven-layers.html"));
        assertEquals(List.of("one-neuron.html"), results("pencil"));
        assertEquals("1 result", find(".site-search-status").getAttribute("textContent"));
    }

    @Test
    void searchFindsAHeadingAndLinksToIt() {
        browser.open(course.resolve("index.html"));
        assertEquals(List.of("one-neuron.html#the-dot-product"), results("dot product"));
    }

    @Test
    void titleMatchesComeFirst() {
        browser.open(course.resolve("index.html"));
        // "A hidden layer" comes first in the series and says "softmax" in its prose.
        List<String> hrefs = results("softmax");
        assertEquals(List.of("softmax.html", "a-hidden-layer.html"), hrefs);
    }

    @Test
    void slashFocusesTheBoxAndEnterOpensTheFirstResult() {
        browser.open(course.resolve("seven-layers.html"));
        new Actions(browser.driver()).sendKeys("/").perform();
        assertEquals("site-search-input", browser.js("return document.activeElement.id;"));
        new Actions(browser.driver()).sendKeys("pencil").perform();
        browser.until(d -> find(".site-search-results").isDisplayed());
        assertEquals("true", find(".site-search-input").getAttribute("aria-expanded"));
        browser.leave();
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        browser.until(d -> d.getCurrentUrl().endsWith("/one-neuron.html"));
        browser.awaitReady();
    }

    @Test
    void arrowKeysMoveThroughResultsAndEscapeCloses() {
        browser.open(course.resolve("index.html"));
        List<String> hrefs = results("gradient");
        assertTrue(hrefs.size() >= 2, hrefs.toString());
        WebElement input = find(".site-search-input");
        input.sendKeys(Keys.ARROW_DOWN);
        input.sendKeys(Keys.ARROW_DOWN);
        assertEquals("site-search-option-1", input.getAttribute("aria-activedescendant"));
        assertEquals("true", find("#site-search-option-1").getAttribute("aria-selected"));
        input.sendKeys(Keys.ESCAPE);
        assertFalse(find(".site-search-results").isDisplayed());
        assertEquals("false", input.getAttribute("aria-expanded"));
    }

    @Test
    void slashInAnEditableNumberIsTypedNotASearch() {
        browser.open(course.resolve("one-neuron.html"));
        WebElement number = find("[data-edit]");
        number.click();
        new Actions(browser.driver()).sendKeys("/").perform();
        assertNotEquals("site-search-input", browser.js("return document.activeElement.id;"));
    }

    // ---- printing ----------------------------------------------------------------------------

    @Test
    void printingOpensTheWorkedArithmeticAndHidesTheFrame() {
        browser.open(course.resolve("gradient-descent.html"));
        find("[data-theme-choice=dark]").click();
        Number closed = (Number) browser.js("return document.querySelectorAll('details:not([open])').length;");
        assertTrue(closed.intValue() > 0, "the lesson has closed arithmetic");
        browser.js("window.dispatchEvent(new Event('beforeprint'));");
        assertEquals(0L, browser.js("return document.querySelectorAll('details:not([open])').length;"));
        chrome().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertEquals("rgb(255, 255, 255)", background(), "white paper, even in the dark theme");
        assertEquals("rgb(0, 0, 0)", browser.js("return getComputedStyle(document.body).color;"));
        for (String hidden : List.of(".site-header", ".sidebar", ".toc", ".prev-next", ".breadcrumbs", ".site-footer")) {
            assertEquals("none", browser.js("return getComputedStyle(document.querySelector(arguments[0])).display;",
                    hidden), hidden + " does not print");
        }
        browser.js("window.dispatchEvent(new Event('afterprint'));");
        assertEquals(closed.longValue(), browser.js("return document.querySelectorAll('details:not([open])').length;"));
    }

    // ---- 404 ---------------------------------------------------------------------------------

    /**
     * A host serves 404.html at whatever address was missing: served from the site's top
     * folder, a page deep below it gets the styled page, and its links lead to the lessons.
     */
    @Test
    void notFoundPageWorksAtAnyDepthWhenServed() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = course.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            boolean found = file.startsWith(course) && Files.isRegularFile(file);
            byte[] body = Files.readAllBytes(found ? file : course.resolve("404.html"));
            String name = (found ? file : course.resolve("404.html")).toString();
            exchange.getResponseHeaders().set("Content-Type", name.endsWith(".css") ? "text/css"
                    : name.endsWith(".js") ? "text/javascript" : name.endsWith(".svg") ? "image/svg+xml" : "text/html");
            exchange.sendResponseHeaders(found ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            viewport(390, 844);
            browser.open("http://127.0.0.1:" + server.getAddress().getPort() + "/no/such/lesson.html");
            assertEquals("There is no page here", find("h1").getText());
            assertEquals(LIGHT_PAPER, background(), "the stylesheet loaded from the site's root");
            assertTrue(find(".site-search").isDisplayed(), "and the scripts");
            browser.leave();
            find(".lesson-list a").click();
            browser.until(d -> d.getCurrentUrl().endsWith("/one-neuron.html"));
            browser.awaitReady();
            assertEquals("One neuron", find("h1").getText());
        } finally {
            server.stop(0);
        }
    }

    // ---- without JavaScript --------------------------------------------------------------------

    @Test
    void withoutJavaScriptTheSystemThemeAppliesAndTheControlsStayHidden() throws IOException {
        try (Browser noJs = Browser.start(false)) {
            ((ChromeDriver) noJs.driver()).executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            noJs.open(course.resolve("seven-layers.html"));
            assertEquals(DARK_PAPER, noJs.js("return getComputedStyle(document.body).backgroundColor;"));
            assertFalse(noJs.driver().findElement(By.cssSelector(".site-search")).isDisplayed());
            assertFalse(noJs.driver().findElement(By.cssSelector(".theme-switch")).isDisplayed());
        }
    }
}
