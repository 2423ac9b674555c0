package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.longhand.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A course started with {@code longhand init} and built by the command line works in the
 * browser as it is: its first lesson's numbers can be edited and everything after them
 * recomputes, with the theme and scripts the jar carries.
 */
@ExtendWith(BrowserAvailable.class)
class CourseInBrowserTest {

    @TempDir
    Path temp;

    private static void run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, status, String.join(" ", args) + ":\n" + err);
    }

    @Test
    void theFirstLessonRecomputesAnEditedInput() throws IOException {
        Path course = temp.resolve("my-course");
        run("init", course.toString());
        run("build", "--content", course.resolve("content").toString(), "--out", course.resolve("site").toString());

        try (Browser browser = Browser.start()) {
            browser.open(course.resolve("site/a-first-network.html"));
            // x = (2, 1, 3): hidden a = (1, 4), output 5, as the lesson works out.
            assertEquals("5", shown(browser, "layers.1.a.0.0"));

            WebElement x1 = browser.driver().findElement(By.cssSelector("#mlp-1 [data-edit=\"input.0.0\"]"));
            x1.click();
            x1.sendKeys("-3");
            x1.sendKeys(Keys.ENTER);

            // x₁ = −3: z₁ = −3 − 1 = −4, ReLU gives 0; z₂ = 0·(−3) + 1 + 3 = 4; output = 1·0 + 1·4 = 4
            assertEquals("0", shown(browser, "layers.0.a.0.0"));
            assertEquals("4", shown(browser, "layers.0.a.1.0"));
            assertEquals("4", shown(browser, "layers.1.a.0.0"));
            assertEquals(List.of(), browser.consoleErrors(), "console errors");
        }
    }

    private static String shown(Browser browser, String key) {
        return browser.driver().findElement(By.cssSelector("#mlp-1 [data-v=\"" + key + "\"]")).getText();
    }
}
