package dev.longhand.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML syntax errors, put in a learner's words at the Markdown position where they start. */
class YamlTreeTest {

    private static void assertProblems(String markdown, String... expected) {
        assertEquals(List.of(expected), MarkdownBlock.problems(markdown));
    }

    @Test
    void unclosedBracketIsReportedAtTheBracket() {
        assertProblems("""
                ---
                title: One node
                ---
                Prose.
                ```mlp
                input: [2, 1, 3
                layers:
                  - weights: [[1, 1, 1]]
                ```
                """,
                "content/x.md:6:8: error: this is not valid YAML: this '[' is never closed by a matching ']'");
    }

    @Test
    void unclosedBracketOnTheLastLineIsReportedAtTheBracketNotTheClosingFence() {
        assertProblems("""
                ```mlp
                layers:
                  - weights: [[1, 1, 1]]
                input: [2, 1, 3
                ```
                """,
                "content/x.md:4:8: error: this is not valid YAML: this '[' is never closed by a matching ']'");
    }

    @Test
    void unclosedOuterBracketOfAMatrix() {
        assertProblems("""
                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1, 1], [2, 2]
                    bias: [0, 0]
                ```
                """,
                "content/x.md:4:14: error: this is not valid YAML: this '[' is never closed by a matching ']'");
    }

    @Test
    void unclosedBrace() {
        assertProblems("""
                ```mlp
                input: {random: 1, units: 3
                layers: []
                ```
                """,
                "content/x.md:2:8: error: this is not valid YAML: this '{' is never closed by a matching '}'");
    }

    @Test
    void unclosedQuoteIsReportedAtTheQuote() {
        assertProblems("""
                ```mlp
                caption: "Two layers
                input: [1]
                layers:
                  - weights: [[1]]
                ```
                """,
                "content/x.md:2:10: error: this is not valid YAML: this quote is never closed");
    }

    @Test
    void tabUsedForIndentation() {
        assertProblems("""
                ---
                title: One node
                ---
                Prose.
                ```mlp
                input: [2, 1, 3]
                layers:
                \t- weights: [[1, 1, 1]]
                ```
                """,
                "content/x.md:8:1: error: this is not valid YAML: a tab is used for indentation here; indent with spaces");
    }

    @Test
    void keyIndentedTooFar() {
        assertProblems("""
                ---
                title: One node
                ---
                Prose.
                ```mlp
                input: [2, 1, 3]
                layers:
                  - weights: [[1, 1, 1]]
                      bias: [0]
                ```
                """,
                "content/x.md:9:7: error: this is not valid YAML: "
                        + "the indentation here does not line up with the lines above it");
    }

    @Test
    void keyIndentedTooLittle() {
        assertProblems("""
                ```mlp
                input: [2, 1, 3]
                layers:
                  - weights: [[1, 1, 1]]
                  bias: [0]
                ```
                """,
                "content/x.md:5:3: error: this is not valid YAML: "
                        + "the indentation here does not line up with the lines above it");
    }

    @Test
    void lineWithoutAColonBetweenKeys() {
        assertProblems("""
                ```mlp
                input: [2, 1, 3]
                labels [x, y, z]
                layers:
                  - weights: [[1, 1, 1]]
                ```
                """,
                "content/x.md:3:1: error: this is not valid YAML: "
                        + "this line should be a key and a value, such as input: [1, 2], but it has no ':'");
    }

    @Test
    void firstLineWithoutAColonIsFoundAtTheNextColon() {
        // YAML reads "input [2, 1, 3] layers" as one text and only stops at the ':' after it.
        assertProblems("""
                ```mlp
                input [2, 1, 3]
                layers:
                  - weights: [[1, 1, 1]]
                ```
                """,
                "content/x.md:3:7: error: this is not valid YAML: this ':' is not allowed here; "
                        + "is a ':' missing after a key above, or is it part of a text that needs quotes?");
    }

    @Test
    void secondColonOnALine() {
        assertProblems("""
                ```mlp
                input: [1]
                layers:
                  - name: Hidden: 1
                    weights: [[1]]
                ```
                """,
                "content/x.md:4:17: error: this is not valid YAML: this ':' is not allowed here; "
                        + "is a ':' missing after a key above, or is it part of a text that needs quotes?");
    }

    @Test
    void otherSyntaxErrorsKeepTheParsersWordsOnOneLine() {
        assertProblems("""
                ```mlp
                input: [1]
                layers: *missing
                ```
                """,
                "content/x.md:3:9: error: this is not valid YAML: found undefined alias missing");
    }
}
