package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.SeededRandom;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * "New numbers" on a worksheet in headless Chromium. The expected draw is worked out here
 * from the block's seed with the Java SplitMix64 ({@link SeededRandom}, checked against the
 * published reference vectors), not read from the page: draw n is seeded with seed + n and
 * gives, one number each in −3..3, the input, then layer 1's weights and (the author's are not
 * all 0) its biases, then layer 2's weights; layer 2's biases are the author's zeros and stay.
 * The expected answers are then the forward pass of those numbers, by hand below.
 */
@ExtendWith(BrowserAvailable.class)
class NewNumbersBrowserTest {

    private static final String LESSON = TestSite.lesson("Practice", 1, """
            ```mlp
            input: [3, 1]
            layers:
              - weights: [[1, 2], [-2, 1]]
                bias: [0, 0.5]
              - weights: [[2, 3]]
            practice: {new_numbers: true}
            ```
            """);

    @RegisterExtension
    static final LessonInBrowser page = new LessonInBrowser("practice.md", LESSON);

    /** The numbers of one draw, and what a learner works out from them. */
    private record Numbers(Matrix x, Matrix w1, Matrix b1, Matrix w2) {

        static Numbers draw(long seed, int n) {
            SeededRandom random = new SeededRandom(seed + n);
            Matrix x = random.uniform(2, 1, -3, 3, true);
            Matrix w1 = random.uniform(2, 2, -3, 3, true);
            Matrix b1 = random.uniform(2, 1, -3, 3, true);
            Matrix w2 = random.uniform(1, 2, -3, 3, true);
            return new Numbers(x, w1, b1, w2);
        }

        /** What the page's editable cells hold, by their data-edit names. */
        Map<String, Double> cells() {
            Map<String, Double> cells = new LinkedHashMap<>();
            for (int r = 0; r < 2; r++) {
                cells.put("input." + r + ".0", x.get(r, 0));
                cells.put("layers.0.bias." + r, b1.get(r, 0));
                cells.put("layers.1.weights.0." + r, w2.get(0, r));
                for (int c = 0; c < 2; c++) {
                    cells.put("layers.0.weights." + r + "." + c, w1.get(r, c));
                }
            }
            cells.put("layers.1.bias.0", 0.0);
            return cells;
        }

        /** Every box's right answer: z₁ = W₁x + b₁, a₁ = ReLU(z₁), z₂ = a₂ = W₂a₁ (linear, no bias). */
        Map<String, Double> answers() {
            Map<String, Double> answers = new LinkedHashMap<>();
            double[] a1 = new double[2];
            for (int u = 0; u < 2; u++) {
                double z = w1.get(u, 0) * x.get(0, 0) + w1.get(u, 1) * x.get(1, 0) + b1.get(u, 0);
                a1[u] = Math.max(0, z);
                answers.put("layers.0.z." + u + ".0", z);
                answers.put("layers.0.a." + u + ".0", a1[u]);
            }
            double z2 = w2.get(0, 0) * a1[0] + w2.get(0, 1) * a1[1];
            answers.put("layers.1.z.0.0", z2);
            answers.put("layers.1.a.0.0", z2);
            return answers;
        }
    }

    private static final Numbers LESSONS_OWN = new Numbers(
            Matrix.of(new double[][] {{3}, {1}}), Matrix.of(new double[][] {{1, 2}, {-2, 1}}),
            Matrix.of(new double[][] {{0}, {0.5}}), Matrix.of(new double[][] {{2, 3}}));

    private static String js(String script, Object... args) {
        Object v = page.browser().js(script, args);
        return v == null ? null : v.toString();
    }

    private static long seed() {
        return Long.parseUnsignedLong(js("return document.getElementById('mlp-1').getAttribute('data-new-numbers');"), 16);
    }

    private static WebElement box(String key) {
        return page.browser().driver().findElement(By.cssSelector("#mlp-1 input[data-answer=\"" + key + "\"]"));
    }

    private static WebElement button(String css) {
        return page.browser().driver().findElement(By.cssSelector("#mlp-1 " + css));
    }

    private static String count() {
        return js("return document.querySelector('#mlp-1 .practice-count').textContent;");
    }

    /** The numbers the page shows in its editable cells, read back as numbers. */
    private static Map<String, Double> shownCells(Numbers like) {
        Map<String, Double> shown = new LinkedHashMap<>();
        for (String key : like.cells().keySet()) {
            String text = js("return document.querySelector('#mlp-1 [data-edit=\"" + key + "\"]').textContent;");
            shown.put(key, Double.parseDouble(text.replace('\u2212', '-')));
        }
        return shown;
    }

    private static JsonNode trace() {
        return Traces.parse(js("return document.querySelector('#mlp-1 script.mlp-trace').textContent;"));
    }

    private static String figure(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static void pressNewNumbers() {
        button(".practice-new").click();
    }

    private static List<String> boxValues() {
        List<String> values = new ArrayList<>();
        page.browser().driver().findElements(By.cssSelector("#mlp-1 input.answer-box"))
                .forEach(b -> values.add(b.getAttribute("value")));
        return values;
    }

    @Test
    void theKeyboardDrawsTheSeededNumbersIntoEveryPartOfTheBlock() {
        assertEquals(LESSONS_OWN.cells(), shownCells(LESSONS_OWN));
        Numbers first = Numbers.draw(seed(), 1);
        assertNotEquals(LESSONS_OWN.cells(), first.cells(), "the draw differs from the lesson's numbers");

        // Tab from the answer key link reaches the button; Enter presses it.
        page.browser().js("arguments[0].focus();", button("a.answer-key"));
        new Actions(page.browser().driver()).sendKeys(Keys.TAB).perform();
        assertEquals("New numbers", js("return document.activeElement.textContent;"));
        new Actions(page.browser().driver()).sendKeys(Keys.ENTER).perform();

        assertEquals(first.cells(), shownCells(first));
        JsonNode trace = trace();
        assertEquals(first.x().get(0, 0), trace.path("input").path(0).path(0).asDouble());
        assertEquals(first.w1().get(1, 0), trace.path("layers").path(0).path("weights").path(1).path(0).asDouble());
        assertEquals(first.answers().get("layers.1.z.0.0"), trace.path("layers").path(1).path("z").path(0).path(0).asDouble(),
                "the trace, which the answers are checked against, follows the new numbers");
        assertTrue(js("return location.hash;").endsWith("#edits:mlp-1/draw=1"), js("return location.hash;"));
        assertEquals("New numbers", js("return document.activeElement.textContent;"), "focus stays on the button");
        assertTrue(js("return document.querySelector('#mlp-1 .practice-draw').textContent;").contains("draw 1"));

        // Space presses it again: the second draw.
        new Actions(page.browser().driver()).sendKeys(Keys.SPACE).perform();
        Numbers second = Numbers.draw(seed(), 2);
        assertEquals(second.cells(), shownCells(second));
        assertTrue(js("return location.hash;").endsWith("#edits:mlp-1/draw=2"));
    }

    @Test
    void theRightAnswerIsTheOneWorkedOutFromTheNewNumbers() {
        pressNewNumbers();
        Map<String, Double> answers = Numbers.draw(seed(), 1).answers();
        answers.forEach((key, value) -> box(key).sendKeys(figure(value)));
        answers.keySet().forEach(key -> assertTrue(box(key).getAttribute("class").contains("right"), key));
        assertEquals("6 of 6 correct", count());

        String key = "layers.1.z.0.0";
        box(key).clear();
        box(key).sendKeys(figure(answers.get(key) + 1));
        assertTrue(box(key).getAttribute("class").contains("wrong"));
        assertEquals("5 of 6 correct", count());

        // The lesson's own answer is wrong for these numbers (they differ for this seed).
        double own = LESSONS_OWN.answers().get(key);
        assertNotEquals(own, answers.get(key));
        box(key).clear();
        box(key).sendKeys(figure(own));
        assertTrue(box(key).getAttribute("class").contains("wrong"));
    }

    @Test
    void newNumbersEmptyEveryBoxAndCloseTheWorking() {
        box("layers.0.z.0.0").sendKeys("5");
        js("document.querySelector('#mlp-1 details.show-how').open = true;");
        assertEquals("1 of 6 correct", count());
        pressNewNumbers();
        assertEquals(List.of("", "", "", "", "", ""), boxValues());
        assertEquals("0 of 6 correct", count());
        assertEquals("true", js("return [...document.querySelectorAll('#mlp-1 details.show-how')].every(d => !d.open);"));
        assertEquals("?", js("return document.querySelector('#mlp-1 [data-blank-of=\"layers.0.a.0.0\"]').textContent;"));
    }

    @Test
    void aReloadKeepsTheDrawAndItsAnswersAndComingBackWithoutTheAddressToo() {
        pressNewNumbers();
        Numbers first = Numbers.draw(seed(), 1);
        String key = "layers.0.z.1.0";
        box(key).sendKeys(figure(first.answers().get(key)));
        box(key).sendKeys(Keys.ENTER);
        String withDraw = js("return location.href;");

        page.open(withDraw);
        assertEquals(first.cells(), shownCells(first), "a reload shows the same numbers");
        assertEquals(figure(first.answers().get(key)), box(key).getAttribute("value"));
        assertTrue(box(key).getAttribute("class").contains("right"));

        page.reload();
        assertEquals(first.cells(), shownCells(first), "back from another page, the draw the answers belong to");
        assertEquals(figure(first.answers().get(key)), box(key).getAttribute("value"));
        assertEquals("1 of 6 correct", count());
        assertTrue(js("return location.hash;").endsWith("#edits:mlp-1/draw=1"));
    }

    @Test
    void anAddressWithAnotherDrawShowsItsNumbersWithoutTheKeptAnswers() {
        pressNewNumbers();
        pressNewNumbers();
        box("layers.0.z.0.0").sendKeys("1");
        page.open(page.url() + "#edits:mlp-1/draw=1");
        Numbers first = Numbers.draw(seed(), 1);
        assertEquals(first.cells(), shownCells(first));
        assertEquals(List.of("", "", "", "", "", ""), boxValues(), "answers for draw 2 are not checked against draw 1");
        pressNewNumbers();
        Numbers third = Numbers.draw(seed(), 3);
        assertEquals(third.cells(), shownCells(third), "the next draw is one past the highest used");
    }

    @Test
    void resetBringsBackTheLessonsNumbersWithEmptyBoxesAndTheNextDrawIsANewOne() {
        pressNewNumbers();
        box("layers.0.z.0.0").sendKeys("1");
        page.browser().driver().findElement(By.cssSelector("#mlp-1 .mlp-reset")).click();
        assertEquals(LESSONS_OWN.cells(), shownCells(LESSONS_OWN));
        assertEquals(List.of("", "", "", "", "", ""), boxValues());
        assertEquals("", js("return location.hash;"));
        assertEquals("", js("return document.querySelector('#mlp-1 .practice-draw').textContent;"));
        box("layers.0.z.0.0").sendKeys("5");
        assertTrue(box("layers.0.z.0.0").getAttribute("class").contains("right"), "the lesson's own answers again");

        page.reload();
        assertEquals(LESSONS_OWN.cells(), shownCells(LESSONS_OWN), "after Reset, coming back shows the lesson's numbers");
        assertEquals("5", box("layers.0.z.0.0").getAttribute("value"));
        pressNewNumbers();
        Numbers second = Numbers.draw(seed(), 2);
        assertEquals(second.cells(), shownCells(second), "not the first draw again");
    }

    @Test
    void clearEmptiesTheBoxesAndKeepsTheNumbers() {
        pressNewNumbers();
        Numbers first = Numbers.draw(seed(), 1);
        button(".practice-reveal").click();
        assertEquals("6 of 6 correct", count());
        button(".practice-clear").click();
        assertEquals(List.of("", "", "", "", "", ""), boxValues());
        assertEquals(first.cells(), shownCells(first));
        page.reload();
        assertEquals(first.cells(), shownCells(first));
        assertEquals(List.of("", "", "", "", "", ""), boxValues());
    }

    @Test
    void anEditAfterADrawCountsFromTheDraw() {
        pressNewNumbers();
        Numbers first = Numbers.draw(seed(), 1);
        WebElement bias = page.browser().driver().findElement(By.cssSelector("#mlp-1 [data-edit=\"layers.1.bias.0\"]"));
        bias.click();
        bias.sendKeys("10");
        bias.sendKeys(Keys.ENTER);
        assertTrue(js("return location.hash;").endsWith("#edits:mlp-1/draw=1;mlp-1/layers.1.bias.0=10"),
                js("return location.hash;"));
        double z2 = first.answers().get("layers.1.z.0.0") + 10;
        box("layers.1.z.0.0").sendKeys(figure(z2));
        assertTrue(box("layers.1.z.0.0").getAttribute("class").contains("right"));
        page.open(js("return location.href;"));
        assertEquals(first.cells().get("layers.0.weights.0.1"), shownCells(first).get("layers.0.weights.0.1"));
        assertEquals("10", js("return document.querySelector('#mlp-1 [data-edit=\"layers.1.bias.0\"]').textContent;"));
        assertTrue(box("layers.1.z.0.0").getAttribute("class").contains("right"));
    }

    @Test
    void aBlockWithoutTheOptionHasNoButton(@TempDir Path temp) throws IOException {
        Path other = TestSite.build(temp.resolve("plain"), Map.of("plain.md", LESSON.replace(
                "practice: {new_numbers: true}", "practice: true"))).resolve("plain.html");
        page.open(other.toUri().toString());
        assertTrue(page.browser().driver().findElements(By.cssSelector(".practice-new")).isEmpty());
        page.open(other.toUri() + "#edits:mlp-1/draw=1");
        assertFalse(js("return document.querySelector('#mlp-1 .mlp-notice').hidden;").equals("true"),
                "a draw the block cannot make is reported, like any unreadable edit");
        assertEquals(LESSONS_OWN.cells(), shownCells(LESSONS_OWN));
    }
}
