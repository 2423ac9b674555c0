package dev.longhand.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * After a reader edits a number with the keyboard, the page shows what the Java build shows
 * for the lesson written with that number: the same trace (within 1e-12), figures, ReLU
 * marks, worked lines and loss plot. The Java side builds the edited lesson on its own.
 */
@ExtendWith(BrowserAvailable.class)
class EditParityTest {

    /**
     * One edit: a lesson whose {@code {V}} is the number edited, which block and cell hold it,
     * the number as the lesson gives it, as the reader types it, and as YAML gives it.
     */
    record Edit(String name, String markdown, String block, String key, String shown, String typed, String edited) {
        String page() {
            return name.replaceAll("[^a-z0-9]+", "-") + ".html";
        }

        String lesson(String value) {
            return TestSite.lesson(name, 1, markdown.replace("{V}", value));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Edit> EDITS = List.of(
            new Edit("a weight that makes a relu unit clamp", """
                    ```mlp
                    input: [2, 1, 3]
                    layers:
                      - weights:
                          - [1, -1, 0]
                          - [0, 1, {V}]
                          - [-1, 0, -1]
                      - weights: [[1, 1, 1]]
                    ```
                    """, "mlp-1", "layers.0.weights.1.2", "1", "-4", "-4"),
            new Edit("a bias under tanh and sigmoid", """
                    ```mlp
                    precision: 3
                    input: [0.5, -1.25]
                    layers:
                      - weights: [[0.2, -0.4], [1.5, 0.3]]
                        bias: [0.1, {V}]
                        activation: tanh
                      - weights: [[1, -2]]
                        activation: sigmoid
                    ```
                    """, "mlp-1", "layers.0.bias.1", "−0.2", "0.75", "0.75"),
            new Edit("an input of a batch", """
                    ```mlp
                    input:
                      - [1, 2]
                      - [0, -1]
                      - [3, {V}]
                    layers:
                      - weights: [[1, -1], [-2, 1], [0.5, 0.5]]
                        bias: [0, 1, -1]
                      - weights: [[1, -1, 2]]
                        bias: [0.5]
                    ```
                    """, "mlp-1", "input.1.2", "1", "2.5", "2.5"),
            new Edit("a weight of a network trained with mse", """
                    ```mlp
                    precision: 4
                    input: [[1, 2], [-1, 0.5]]
                    target: [[1], [0]]
                    learning_rate: 0.05
                    steps: 4
                    layers:
                      - weights: [[0.5, {V}], [-0.3, 0.8]]
                        bias: [0, 0.1]
                      - weights: [[1, -1]]
                    ```
                    """, "mlp-1", "layers.0.weights.0.1", "−1", "2", "2"),
            new Edit("an input of a batch trained with cross-entropy", """
                    ```mlp
                    precision: 3
                    input: [[1, 0], [0, {V}]]
                    target: [[1, 0, 0], [0.2, 0.3, 0.5]]
                    loss: cross_entropy
                    steps: 3
                    layers:
                      - weights: [[1, -1], [0.5, 0.5], [-1, 2]]
                      - weights: [[1, 0, -1], [0, 1, 1], [0.5, -0.5, 0]]
                        bias: [0, 0.1, -0.1]
                        activation: softmax
                    ```
                    """, "mlp-1", "input.1.1", "1", "−2", "-2"),
            new Edit("a bias in the augmented layout, trained one step", """
                    ```mlp
                    layout: augmented
                    input: [2, -1]
                    target: [1]
                    layers:
                      - weights: [[1, 2], [-1, 1]]
                        bias: [{V}, 0]
                      - weights: [[2, -1]]
                    ```
                    """, "mlp-1", "layers.0.bias.0", "1", "-3", "-3"),
            new Edit("a weight of the second block on a page", """
                    ```mlp
                    input: [1, 1]
                    layers:
                      - weights: [[1, -1]]
                    ```

                    Another network:

                    ```mlp
                    precision: 2
                    input: [[0.5, -0.5], [1, 2]]
                    target: [[0.5], [1]]
                    steps: 5
                    layers:
                      - weights: [[0.3, -0.7], [0.9, 0.1]]
                        activation: leaky_relu
                      - weights: [[{V}, 0.4]]
                        bias: [0.2]
                    ```
                    """, "mlp-2", "layers.1.weights.0.0", "0.6", "-1.5", "-1.5"));

    @TempDir
    static Path temp;
    private static Path asWritten;
    private static Path asEdited;
    private static Browser browser;

    @BeforeAll
    static void buildAndStart() throws IOException {
        Map<String, String> original = new LinkedHashMap<>();
        Map<String, String> edited = new LinkedHashMap<>();
        for (Edit edit : EDITS) {
            String file = edit.page().replace(".html", ".md");
            original.put(file, edit.lesson(edit.shown().replace('−', '-')));
            edited.put(file, edit.lesson(edit.edited()));
        }
        asWritten = TestSite.build(temp.resolve("as-written"), original);
        asEdited = TestSite.build(temp.resolve("as-edited"), edited);
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    static Stream<Edit> edits() {
        return EDITS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void anEditShowsWhatJavaBuildsForTheEditedLesson(Edit edit) {
        browser.open(asWritten.resolve(edit.page()));
        Map<String, List<String>> before = PageState.settled(browser);
        WebElement cell = browser.driver().findElement(
                By.cssSelector("#" + edit.block() + " [data-edit=\"" + edit.key() + "\"]"));
        assertEquals(edit.shown(), cell.getText(), "the lesson's number before the edit");
        cell.click();
        cell.sendKeys(edit.typed());
        cell.sendKeys(Keys.ENTER);
        Map<String, List<String>> typed = PageState.settled(browser);
        assertNotEquals(before.get("traces"), typed.get("traces"), "the edit changed the trace");

        browser.open(asEdited.resolve(edit.page()));
        Map<String, List<String>> built = PageState.settled(browser);

        Traces.assertClose(built.get("traces"), typed.get("traces"), 1e-12, edit.name());
        for (String part : PageState.PARTS) {
            List<String> differences = PageState.differences(built, typed, part, 5);
            assertTrue(differences.isEmpty(), part + " after editing " + edit.key() + " (built → typed):\n"
                    + String.join("\n", differences));
        }
        assertEquals(List.of(), browser.consoleErrors(), "console errors");
    }
}
