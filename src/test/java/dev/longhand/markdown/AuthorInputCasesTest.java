package dev.longhand.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The inputs that break parsers, one by one, through the whole lesson path: each gives a
 * lesson or positioned errors, quickly ({@link AuthorInputs#check}), and the message says what
 * is wrong.
 */
class AuthorInputCasesTest {

    private static String lesson(String block) {
        return "---\ntitle: Case\n---\nProse.\n\n```mlp\n" + block + "```\n";
    }

    private static void assertOneError(String text, String expected) {
        assertEquals(List.of(expected), AuthorInputs.check(text));
    }

    @Test
    void emptyBlock() {
        assertOneError(lesson(""), "content/x.md:6:1: error: this mlp block is empty; it needs at least 'input' and 'layers'");
    }

    @Test
    void blockOfOnlyComments() {
        assertOneError(lesson("# a note\n  # another\n"),
                "content/x.md:6:1: error: this mlp block is empty; it needs at least 'input' and 'layers'");
    }

    @Test
    void tabIndentation() {
        assertOneError(lesson("input: [1]\nlayers:\n\t- weights: [[1]]\n"),
                "content/x.md:9:1: error: this is not valid YAML: a tab is used for indentation here; indent with spaces");
    }

    /**
     * A byte order mark at the start of a block's YAML (an editor pasted it in) is allowed
     * there by YAML 1.2 (5.2, "a BOM may appear at the start of any document") and means
     * nothing: the block builds as it would without it.
     */
    @Test
    void byteOrderMarkAtTheStartOfABlockIsIgnored() {
        assertEquals(List.of(), AuthorInputs.check(lesson("\uFEFFinput: [1]\nlayers:\n  - weights: [[1]]\n")));
    }

    @Test
    void crlfLineEndingsBuild() {
        String text = lesson("input: [1, 2]\nlayers:\n  - weights: [[1, 1]]\n").replace("\n", "\r\n");
        assertEquals(List.of(), AuthorInputs.check(text));
    }

    @Test
    void crlfLineEndingsKeepPositions() {
        String text = lesson("input: [1, 2]\nlayers:\n  - weights: [[1, x]]\n").replace("\n", "\r\n");
        assertOneError(text, "content/x.md:9:19: error: layer 1 weights row 1 value 2 should be a number, "
                + "but it is the text 'x'");
    }

    @Test
    void oldMacLineEndingsKeepPositions() {
        String text = lesson("input: [1, 2]\nlayers:\n  - weights: [[1, x]]\n").replace("\n", "\r");
        assertOneError(text, "content/x.md:9:19: error: layer 1 weights row 1 value 2 should be a number, "
                + "but it is the text 'x'");
    }

    @Test
    void anchorsAndAliasesMayRepeatARow() {
        assertEquals(List.of(), AuthorInputs.check(lesson(
                "input: &x [1, 2]\nlayers:\n  - weights: [*x, *x]\n  - weights: [[1, 1]]\n")));
    }

    @Test
    void aliasBombIsRefusedQuickly() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        yaml.append("input: *a9\nlayers: [{weights: *a9}]\n");
        List<String> problems = AuthorInputs.check(lesson(yaml.toString()));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("content/x.md:6:1: error: this is not valid YAML: "), problems.get(0));
        assertTrue(problems.get(0).contains("aliases"), problems.get(0));
    }

    @Test
    void tenThousandOpenBracketsAreRefusedWithoutAStackOverflow() {
        assertOneError(lesson("input: " + "[".repeat(10_000) + "\n"),
                "content/x.md:7:27: error: this list or mapping is nested 21 levels deep; the limit is 20");
    }

    @Test
    void deepBlockListsOnOneLineAreRefused() {
        assertOneError(lesson("input: " + "- ".repeat(5_000) + "\n"),
                "content/x.md:7:8: error: this is not valid YAML: sequence entries are not allowed here");
        List<String> problems = AuthorInputs.check(lesson("input:\n" + "- ".repeat(5_000) + "1\n"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).endsWith("nested 21 levels deep; the limit is 20"), problems.get(0));
    }

    @Test
    void deepNestingInTheFrontMatterIsRefused() {
        assertOneError("---\ntitle: " + "{a: ".repeat(10_000) + "\n---\n",
                // The root mapping is level 1; the 20th "{a: " after "title: " opens level 21, at column 8 + 19·4.
                "content/x.md:2:84: error: this list or mapping is nested 21 levels deep; the limit is 20");
    }

    // ---- errors that say what to write ------------------------------------------------------

    @Test
    void weightsOfOneUnitWrittenAsAPlainListSayToWriteOneRowPerUnit() {
        assertOneError(lesson("input: [1, 2]\nlayers:\n  - weights: [1, -1]\n"),
                "content/x.md:9:14: error: layer 1 weights should be a list of rows; write [[1, -1]]: "
                        + "one row per unit, one value per unit of the input");
    }

    @Test
    void weightsOfSeveralUnitsWrittenAsAPlainListAreSplitIntoRowsOfTheInputsSize() {
        assertOneError(lesson("input: [1, 2]\nlayers:\n  - weights: [1, -1, 2, 0]\n  - weights: [[1, 1]]\n"),
                "content/x.md:9:14: error: layer 1 weights should be a list of rows; write [[1, -1], [2, 0]]: "
                        + "one row per unit, one value per unit of the input");
    }

    @Test
    void aBatchOfOneValueSamplesThatTheWeightsReadAsOneSampleSuggestsTheOtherOrientation() {
        // [[1], [2]] is two samples (the columns of X) of one value each; the weights want two inputs.
        assertOneError(lesson("input: [[1], [2]]\nlayers:\n  - weights: [[1, -1]]\n"),
                "content/x.md:9:15: error: layer 1 weights row 1 has 2 values; the input has 1 unit; it is read as "
                        + "2 samples of 1 value (one list per sample); for 1 sample of 2 values write input: [1, 2]");
    }

    @Test
    void theOtherOrientationOfALargerBatchIsWrittenOutTransposedOnceForTheLayer() {
        // Three samples of two values; rows of three weights fit two samples of three values:
        // the first values of each sample (1, 3, 5) become sample 1, the second (2, 4, 6) sample 2.
        assertEquals(List.of(
                        "content/x.md:9:15: error: layer 1 weights row 1 has 3 values; the input has 2 units; it is read "
                                + "as 3 samples of 2 values (one list per sample); for 2 samples of 3 values write "
                                + "input: [[1, 3, 5], [2, 4, 6]]",
                        "content/x.md:9:27: error: layer 1 weights row 2 has 3 values; the input has 2 units"),
                AuthorInputs.check(lesson("input: [[1, 2], [3, 4], [5, 6]]\nlayers:\n"
                        + "  - weights: [[1, -1, 1], [0, 0, 1]]\n")));
    }

    @Test
    void aShapeErrorThatTheOtherOrientationWouldNotFixHasNoSuchAdvice() {
        // Three samples of one value, rows of two weights: transposed, the input would have 3 units, not 2.
        assertOneError(lesson("input: [[1], [2], [3]]\nlayers:\n  - weights: [[1, -1]]\n"),
                "content/x.md:9:15: error: layer 1 weights row 1 has 2 values; the input has 1 unit");
    }

    @Test
    void anActivationAtTheTopOfTheBlockSaysItBelongsInsideALayer() {
        assertOneError(lesson("input: [1, 2]\nactivation: sigmoid\nlayers:\n  - weights: [[1, -1]]\n"),
                "content/x.md:8:1: error: unknown key 'activation' in an mlp block; 'activation' belongs inside a "
                        + "layer: indent it under the entry of 'layers' it is for");
    }

    @Test
    void aTargetInsideALayerSaysItBelongsToTheWholeBlock() {
        assertOneError(lesson("input: [1, 2]\nlayers:\n  - weights: [[1, -1]]\n    target: [1]\n"),
                "content/x.md:10:5: error: unknown key 'target' in layer 1; 'target' belongs to the whole block: "
                        + "write it at the top level, not inside a layer");
    }

    @Test
    void aGeneratedBiasWithoutASeedSaysWhatABiasMayBe() {
        assertOneError(lesson("input: [1, 2]\nlayers:\n  - weights: [[1, -1]]\n    bias: {min: 3}\n"),
                "content/x.md:10:11: error: layer 1 bias should be a list of numbers (one per unit), or {random: SEED}");
    }

    @Test
    void aDecimalCommaInAWeightRowIsPointedOut() {
        // YAML reads [0, 1,5, 1] as four values: 0, 1, 5, 1.
        assertOneError(lesson("input: [1, 2, 3]\nlayers:\n  - weights: [[0, 1,5, 1]]\n"),
                "content/x.md:9:15: error: layer 1 weights row 1 has 4 values; the input has 3 units; did you mean "
                        + "1.5? A comma separates values: write decimals with a point");
    }

    @Test
    void aDecimalCommaInABiasIsPointedOut() {
        assertOneError(lesson("input: [1, 2]\nlayers:\n  - weights: [[0, 1]]\n    bias: [1,5]\n"),
                "content/x.md:10:11: error: layer 1 bias has 2 values; layer 1 has 1 unit; did you mean 1.5? "
                        + "A comma separates values: write decimals with a point");
    }

    @Test
    void aDecimalCommaInTheInputIsPointedOutWhereTheWeightsDisagree() {
        assertOneError(lesson("input: [0, 1,5, 1]\nlayers:\n  - weights: [[0, 1, 1]]\n"),
                "content/x.md:9:15: error: layer 1 weights row 1 has 3 values; the input has 4 units; did you mean "
                        + "1.5 in the input? A comma separates values: write decimals with a point");
    }

    @Test
    void aDecimalCommaInAnInputSampleIsPointedOut() {
        assertOneError(lesson("input: [[1, 2], [0,5, 1]]\nlayers:\n  - weights: [[1, 1]]\n"),
                "content/x.md:7:17: error: input sample 2 has 3 values; sample 1 has 2; did you mean 0.5? "
                        + "A comma separates values: write decimals with a point");
    }

    @Test
    void aDecimalCommaInATargetIsPointedOut() {
        assertOneError(lesson("input: [1]\nlayers:\n  - weights: [[1]]\ntarget: [0,25]\n"),
                "content/x.md:10:9: error: target has 2 values; the output layer has 1 unit; did you mean 0.25? "
                        + "A comma separates values: write decimals with a point");
    }

    @Test
    void valuesSeparatedByACommaAndASpaceAreNotTakenForADecimal() {
        assertOneError(lesson("input: [1, 2, 3]\nlayers:\n  - weights: [[0, 1, 5, 1]]\n"),
                "content/x.md:9:15: error: layer 1 weights row 1 has 4 values; the input has 3 units");
    }

    @Test
    void duplicateKeyIsReportedAtItsSecondUse() {
        assertOneError(lesson("input: [1]\ninput: [2]\nlayers:\n  - weights: [[1]]\n"),
                "content/x.md:8:1: error: key 'input' appears twice in an mlp block");
    }

    @Test
    void notANumberAndInfinityAreRefusedAtTheValue() {
        assertEquals(List.of(
                        "content/x.md:7:9: error: input value 1 should be a finite number, but it is .nan",
                        "content/x.md:7:15: error: input value 2 should be a finite number, but it is -.inf"),
                AuthorInputs.check(lesson("input: [.nan, -.inf]\nlayers:\n  - weights: [[1, 1]]\n")));
    }

    @Test
    void weightsOf1e308OverflowAndAreReportedAtTheBlockNotShownAsNaN() {
        assertOneError(lesson("input: [1e308, 1e308]\nlayers:\n  - weights: [[1e308, 1e308]]\n"),
                "content/x.md:6:1: error: the numbers of this block grow too large to compute: layer 1 z row 1 "
                        + "sample 1 is infinite; use smaller weights or inputs");
    }

    @Test
    void trainingThatOverflowsIsReportedAtTheBlock() {
        List<String> problems = AuthorInputs.check(lesson("input: [1e150]\nlayers:\n  - weights: [[1e150]]\n"
                + "target: [0]\nlearning_rate: 1e300\nsteps: 5\n"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("content/x.md:6:1: error: the numbers of this block grow too large"),
                problems.get(0));
    }

    @Test
    void aThousandDigitNumberIsRefusedWithAShortMessage() {
        String digits = "9".repeat(1000);
        assertOneError(lesson("input: [" + digits + "]\nlayers:\n  - weights: [[1]]\n"),
                "content/x.md:7:9: error: input value 1 should be a finite number, but "
                        + "9".repeat(37) + "... is too large to compute with");
    }

    @Test
    void aThousandDigitDecimalIsReadAsTheNearestDouble() {
        assertEquals(List.of(), AuthorInputs.check(lesson("input: [0." + "3".repeat(1000) + "]\nlayers:\n"
                + "  - weights: [[3]]\n")));
    }

    @Test
    void emptyMatrices() {
        assertOneError(lesson("input: []\nlayers:\n  - weights: [[1]]\n"),
                "content/x.md:7:8: error: input is empty; give one number per input unit, e.g. [2, 1, 3]");
        assertOneError(lesson("input: [1]\nlayers:\n  - weights: []\n"),
                "content/x.md:9:14: error: layer 1 weights is empty; give one row per unit");
        assertOneError(lesson("input: [1]\nlayers:\n  - weights: [[]]\n"),
                "content/x.md:9:15: error: layer 1 weights row 1 is empty");
        assertOneError(lesson("input: [[]]\nlayers:\n  - weights: [[1]]\n"),
                "content/x.md:7:9: error: input sample 1 is empty");
    }

    @Test
    void raggedRows() {
        assertOneError(lesson("input: [1, 2]\nlayers:\n  - weights: [[1, 2], [3]]\n"),
                "content/x.md:9:23: error: layer 1 weights row 2 has 1 value; the input has 2 units");
        assertOneError(lesson("input: [[1, 2], [3]]\nlayers:\n  - weights: [[1, 2]]\n"),
                "content/x.md:7:17: error: input sample 2 has 1 value; sample 1 has 2");
    }

    @Test
    void stringsWhereNumbersBelong() {
        assertEquals(List.of(
                        "content/x.md:7:9: error: input value 1 should be a number, but it is the text 'two'",
                        "content/x.md:7:14: error: input value 2 should be a number, but it is the quoted text \"3\"; "
                                + "remove the quotes"),
                AuthorInputs.check(lesson("input: [two, \"3\"]\nlayers:\n  - weights: [[1, 1]]\n")));
    }

    /**
     * Found by {@link AuthorInputFuzzTest}: a message quoting author text that holds a line
     * break spanned two lines. Quoted text is one line (a break is a space) of at most 40
     * characters (37 and "...").
     */
    @Test
    void quotedAuthorTextIsOneShortLine() {
        List<String> problems = AuthorInputs.check(lesson("input: [1]\nlayers:\n  - weights: [[1]]\n\"capt\\nion\": x\n"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("content/x.md:10:1: error: unknown key 'capt ion' in an mlp block"),
                problems.get(0));
        String long45 = "a".repeat(45);
        assertOneError(lesson("input: [1, " + long45 + "]\nlayers:\n  - weights: [[1, 1]]\n"),
                "content/x.md:7:12: error: input value 2 should be a number, but it is the text '"
                        + "a".repeat(37) + "...'");
    }

    @Test
    void blockThatNeverCloses() {
        assertOneError("---\ntitle: Case\n---\n```mlp\ninput: [1]\nlayers:\n  - weights: [[1]]\n",
                "content/x.md:4:1: error: this mlp block is never closed; end it with a line of ```");
    }

    @Test
    void controlCharactersAreRefusedAsYaml() {
        List<String> problems = AuthorInputs.check(lesson("input: [1]\u0000\nlayers:\n  - weights: [[1]]\n"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("error: this is not valid YAML"), problems.get(0));
    }

    @Test
    void aBlockSwallowedByUnclosedRawHtmlIsAnErrorNotAMissingBlock() {
        assertOneError("---\ntitle: Case\n---\n<title>\n\n```mlp\ninput: [1]\nlayers:\n  - weights: [[1]]\n```\n",
                "content/x.md:6:1: error: this mlp block cannot be shown: HTML above it that is never closed "
                        + "(such as <textarea> or <title>) turns it into text; close that element");
    }

    @Test
    void proseNestedThousandsOfLevelsDeepIsAnErrorNotAStackOverflow() {
        String message = "content/x.md:1:1: error: this lesson's Markdown is nested too deeply to read "
                + "(block quotes, lists or HTML elements thousands of levels inside each other)";
        // Whether a depth overflows the stack depends on the parser and the thread; either it
        // builds or it is this error.
        for (String deep : List.of("> ".repeat(10_000) + "x", "- ".repeat(10_000) + "x", "<div>".repeat(10_000),
                "<span>".repeat(10_000) + "x", "*".repeat(10_000) + "x" + "*".repeat(10_000))) {
            List<String> problems = AuthorInputs.check("---\ntitle: Deep\n---\n" + deep + "\n");
            assertTrue(problems.isEmpty() || problems.equals(List.of(message)), problems.toString());
        }
        assertOneError("---\ntitle: Deep\n---\n" + "> ".repeat(10_000) + "x\n", message);
    }
}
