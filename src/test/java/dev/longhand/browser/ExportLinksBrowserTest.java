package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.export.ExportFormat;
import dev.longhand.export.Exports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The "Take it with you" row of every block: one link per format of {@link Exports#FORMATS},
 * {@code data-export} set, a relative {@code href} to a file beside the page, a download, a name
 * that says what the file is, reached with Tab, and not printed.
 */
@ExtendWith(BrowserAvailable.class)
class ExportLinksBrowserTest {

    private static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyBlockLinksEachFormatAndThePrintedPageLeavesThemOut(@TempDir Path temp) throws IOException {
        Path site = TestSite.build(temp, Map.of("part/two-blocks.md", """
                ---
                title: Two blocks
                ---
                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1, -1], [0, 1]]
                  - weights: [[1, 1]]
                ```

                ```network
                input: [[1, 0], [0, 1]]
                layers:
                  - type: layer_norm
                ```
                """));
        Path page = site.resolve("part/two-blocks.html");
        browser.open(page);
        List<WebElement> figures = browser.driver().findElements(By.cssSelector("figure.mlp"));
        assertEquals(2, figures.size());
        for (WebElement figure : figures) {
            String id = figure.getAttribute("id");
            List<WebElement> links = figure.findElements(By.cssSelector(".mlp-exports a[data-export]"));
            assertEquals(Exports.FORMATS.size(), links.size(), id);
            for (int i = 0; i < links.size(); i++) {
                ExportFormat format = Exports.FORMATS.get(i);
                WebElement link = links.get(i);
                assertEquals(format.key(), link.getAttribute("data-export"));
                String href = link.getDomAttribute("href");
                assertEquals("two-blocks." + id + format.suffix(), href, "relative, beside the page");
                assertTrue(Files.isRegularFile(page.resolveSibling(href)), href);
                assertTrue(link.getDomAttribute("download") != null, "a download, not a page to open");
                String name = link.getAccessibleName();
                assertTrue(name.startsWith(format.linkText()) && name.contains(format.description()),
                        "the screen reader's name says what the file is: " + name);
                assertTrue(link.isDisplayed());
            }
        }
        // Keyboard: the link is in the tab order; Shift+Tab leaves it and Tab comes back to it.
        WebElement first = figures.get(0).findElement(By.cssSelector(".mlp-exports a"));
        assertEquals(0L, browser.js("return arguments[0].tabIndex;", first));
        browser.js("arguments[0].focus();", first);
        first.sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        WebElement before = browser.driver().switchTo().activeElement();
        assertFalse(before.equals(first), "Shift+Tab moved off the link");
        before.sendKeys(Keys.TAB);
        assertEquals(first, browser.driver().switchTo().activeElement(), "Tab reaches the link");

        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            for (WebElement row : browser.driver().findElements(By.cssSelector(".mlp-exports"))) {
                assertFalse(row.isDisplayed(), "the downloads are not printed");
            }
        } finally {
            ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }
}
