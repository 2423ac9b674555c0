package dev.longhand.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Problems of mlp blocks found through the whole lesson path: Flexmark finds the fences. */
class LessonDiagnosticsTest {

    @Test
    void aProblemInABlockIsPositionedInTheMarkdownFile() {
        assertEquals(List.of("content/x.md:10:9: error: layer 1 weights row 1 has 2 values; the input has 3 units"),
                Lessons.problems("""
                        ---
                        title: One node
                        ---
                        Some prose first.

                        ```mlp
                        input: [2, 1, 3]
                        layers:
                          - weights:
                              - [1, 2]
                        ```
                        """));
    }

    @Test
    void aFenceInsideAListItemKeepsTheIndentationInTheColumn() {
        // The list item indents the block by 3: the row that starts at column 23 of the
        // block's own text is at column 26 of the file.
        assertEquals(List.of("content/x.md:9:26: error: layer 1 weights row 2 has 3 values; the input has 2 units"),
                Lessons.problems("""
                        ---
                        title: In a list
                        ---
                        1. First step:

                           ```mlp
                           input: [1, 2]
                           layers:
                             - weights: [[1, 0], [0, 1, 1]]
                           ```
                        """));
    }

    @Test
    void aBlockProblemOfAnIndentedFenceIsAtTheFence() {
        assertEquals(List.of("content/x.md:6:6: error: this mlp block has no 'layers'; "
                        + "give a list with at least one layer"),
                Lessons.problems("""
                        ---
                        title: In a list
                        ---
                        Steps:

                        -    ```mlp
                             input: [1, 2]
                             ```
                        """));
    }

    @Test
    void aYamlErrorInsideAListItemIsPositionedInTheFile() {
        assertEquals(List.of("content/x.md:7:11: error: this is not valid YAML: this '[' is never closed by a matching ']'"),
                Lessons.problems("""
                        ---
                        title: In a list
                        ---
                        1. First step:

                           ```mlp
                           input: [1, 2
                           layers:
                             - weights: [[1, 1]]
                           ```
                        """));
    }

    @Test
    void aFenceInsideABlockQuoteKeepsTheQuoteMarkerInTheColumn() {
        assertEquals(List.of("content/x.md:7:19: error: unknown activation 'rleu'; did you mean 'relu'?"),
                Lessons.problems("""
                        ---
                        title: Quoted
                        ---
                        > ```mlp
                        > input: [1, 2]
                        > layers:
                        >   - activation: rleu
                        >     weights: [[1, 1]]
                        > ```
                        """));
    }

    @Test
    void crlfLineEndingsGiveTheSamePositions() {
        String lesson = """
                ---
                title: Windows
                ---
                Prose.

                ```mlp
                input: [2, one, 3]
                layers:
                  - weights:
                      - [1, -1, 0]
                      - [1, 2]
                ```
                """;
        List<String> expected = List.of(
                "content/x.md:7:12: error: input value 2 should be a number, but it is the text 'one'",
                "content/x.md:11:9: error: layer 1 weights row 2 has 2 values; row 1 has 3");
        assertEquals(expected, Lessons.problems(lesson));
        assertEquals(expected, Lessons.problems(lesson.replace("\n", "\r\n")));
    }

    @Test
    void crlfYamlErrorsGiveTheSamePositions() {
        String lesson = """
                ---
                title: Windows
                ---
                ```mlp
                input: [2, 1, 3]
                layers:
                  - weights: [[1, 1, 1]]
                      bias: [0]
                ```
                """.replace("\n", "\r\n");
        assertEquals(List.of("content/x.md:8:7: error: this is not valid YAML: "
                        + "the indentation here does not line up with the lines above it"),
                Lessons.problems(lesson));
    }

    @Test
    void aBlockThatIsNeverClosedIsReportedAtItsOpeningFence() {
        assertEquals(List.of("content/x.md:6:1: error: this mlp block is never closed; end it with a line of ```"),
                Lessons.problems("""
                        ---
                        title: Open
                        ---
                        Prose.

                        ```mlp
                        input: [1]
                        layers:
                          - weights: [[1]]
                        """));
    }

    @Test
    void aTildeBlockThatIsNeverClosedNamesItsOwnFence() {
        assertEquals(List.of("content/x.md:4:1: error: this mlp block is never closed; end it with a line of ~~~~"),
                Lessons.problems("""
                        ---
                        title: Open
                        ---
                        ~~~~mlp
                        input: [1]
                        ```
                        """));
    }

    @Test
    void everyProblemOfEveryBlockAndTheFrontMatterIsReportedSortedByLine() {
        assertEquals(List.of(
                        "content/x.md:3:8: error: order should be a number, but it is the text 'first'",
                        "content/x.md:10:15: error: layer 1 weights row 1 has 3 values; the input has 2 units",
                        "content/x.md:11:17: error: unknown activation 'rleu'; did you mean 'relu'?",
                        "content/x.md:17:12: error: input value 2 should be a number, but it is the text 'x'",
                        "content/x.md:20:9: error: target has 2 values; the output layer has 1 unit"),
                Lessons.problems("""
                        ---
                        title: Two blocks
                        order: first
                        ---
                        First:

                        ```mlp
                        input: [1, 2]
                        layers:
                          - weights: [[1, 0, 0]]
                            activation: rleu
                        ```

                        Second:

                        ```mlp
                        input: [1, x]
                        layers:
                          - weights: [[1, 1]]
                        target: [1, 2]
                        ```
                        """));
    }

    @Test
    void otherFencesAreNotRead() {
        Diagnostics diagnostics = new Diagnostics();
        var lesson = Lessons.lesson("""
                ---
                title: Code
                ---
                ```yaml
                input: [1, 2
                ```

                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1, 1]]
                ```
                """, diagnostics);
        assertTrue(diagnostics.isEmpty(), () -> diagnostics.sorted().toString());
        assertEquals(1, lesson.orElseThrow().blocks());
    }

    @Test
    void aValidBlockInsideAListItemIsComputed() {
        Diagnostics diagnostics = new Diagnostics();
        var lesson = Lessons.lesson("""
                ---
                title: In a list
                ---
                1. First step:

                   ```mlp
                   input: [1, 2]
                   layers:
                     - weights: [[1, 1]]
                   ```
                """, diagnostics);
        assertTrue(diagnostics.isEmpty(), () -> diagnostics.sorted().toString());
        assertEquals(1, lesson.orElseThrow().blocks());
    }
}
