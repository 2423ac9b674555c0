package dev.longhand.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostics;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code practice} key: which values a worksheet leaves blank, whether it draws new numbers,
 * how the site's default applies, and the positioned errors.
 */
class PracticeSpecTest {

    private static final String HEAD = """
            ---
            title: Practice
            ---
            ```mlp
            input: [1, 2]
            layers:
              - weights: [[1, 0], [0, 1]]
              - weights: [[1, 1]]
            """;

    private static Optional<Practice> practice(String lines) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<MlpSpec> spec = SpecReader.read(MarkdownBlock.of(HEAD + lines + "```\n"), diagnostics);
        assertTrue(spec.isPresent(), () -> diagnostics.sorted().toString());
        return spec.get().practice();
    }

    private static List<String> problems(String lines) {
        return MarkdownBlock.problems(HEAD + lines + "```\n");
    }

    /** The block's practice with the site's default {@code site}. */
    private static Optional<Practice> withSite(PracticeDefault site, String lines) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<MlpSpec> spec = SpecReader.read(MarkdownBlock.of(HEAD + lines + "```\n"), Optional.of(site), diagnostics);
        assertTrue(spec.isPresent(), () -> diagnostics.sorted().toString());
        assertEquals(List.of(), diagnostics.sorted(), "a site default adds no diagnostics");
        return spec.get().practice();
    }

    private static final PracticeDefault EVERY_BLOCK = PracticeDefault.BUILT_IN;
    private static final PracticeDefault Z_WITH_NEW_NUMBERS = new PracticeDefault(true, false, true);

    @Test
    void withoutTheKeyABlockIsNoWorksheet() {
        assertEquals(Optional.empty(), practice(""));
    }

    @Test
    void trueBlanksEveryZAndAOfEveryLayer() {
        assertEquals(Optional.of(new Practice(true, true, List.of(1, 2))), practice("practice: true\n"));
    }

    @Test
    void falseIsNoWorksheet() {
        assertEquals(Optional.empty(), practice("practice: false\n"));
    }

    @Test
    void aMappingChoosesKindsAndLayers() {
        assertEquals(Optional.of(new Practice(false, true, List.of(2))),
                practice("practice: {blank: [a], layers: [2]}\n"));
        assertEquals(Optional.of(new Practice(true, false, List.of(1, 2))), practice("practice:\n  blank: [z]\n"));
        assertEquals(Optional.of(new Practice(true, true, List.of(1))), practice("practice: {layers: [1, 1]}\n"));
    }

    @Test
    void anUnknownBlankKindIsReportedWhereItIsWrittenWithASuggestion() {
        // line 9 is the practice line; "zz" starts at column 20
        assertEquals(List.of("content/x.md:9:20: error: unknown blank kind 'zz'; did you mean 'z'?"),
                problems("practice: {blank: [zz, a]}\n"));
        assertEquals(List.of("content/x.md:9:20: error: unknown blank kind 'weights'; the kinds are z, a"),
                problems("practice: {blank: [weights]}\n"));
    }

    @Test
    void aLayerOutOfRangeIsReportedAtItsNumber() {
        assertEquals(List.of("content/x.md:10:15: error: practice layer 3 is out of range; this block's layers are 1 to 2"),
                problems("practice:\n  layers: [1, 3]\n"));
        assertEquals(List.of("content/x.md:9:21: error: practice layer 0 is out of range; this block's layers are 1 to 2"),
                problems("practice: {layers: [0]}\n"));
    }

    @Test
    void anUnknownKeyAndAWrongTypeAreReported() {
        assertEquals(List.of("content/x.md:9:12: error: unknown key 'blanks' in practice; did you mean 'blank'?"),
                problems("practice: {blanks: [z]}\n"));
        assertEquals(List.of("content/x.md:9:11: error: practice should be true or false, but it is the text 'yes please'"),
                problems("practice: yes please\n"));
    }

    @Test
    void newNumbersIsAFlagOffByDefault() {
        assertEquals(Optional.of(new Practice(true, true, List.of(1, 2), true)), practice("practice: {new_numbers: true}\n"));
        assertEquals(Optional.of(new Practice(false, true, List.of(2), false)),
                practice("practice: {blank: [a], layers: [2], new_numbers: false}\n"));
        assertEquals(Optional.of(new Practice(true, true, List.of(1, 2), false)), practice("practice: true\n"));
    }

    @Test
    void aNewNumbersThatIsNotAFlagIsReportedAtItsValue() {
        assertEquals(List.of("content/x.md:9:25: error: practice new_numbers should be true or false, but it is"
                + " the text 'yes'"), problems("practice: {new_numbers: yes}\n"));
        assertEquals(List.of("content/x.md:9:12: error: unknown key 'new_number' in practice; did you mean 'new_numbers'?"),
                problems("practice: {new_number: true}\n"));
    }

    @Test
    void theSiteDefaultMakesABlockThatSaysNothingAWorksheet() {
        assertEquals(Optional.of(new Practice(true, true, List.of(1, 2), false)), withSite(EVERY_BLOCK, ""));
        assertEquals(Optional.of(new Practice(true, false, List.of(1, 2), true)), withSite(Z_WITH_NEW_NUMBERS, ""));
    }

    @Test
    void practiceFalseOptsOutOfTheSiteDefault() {
        assertEquals(Optional.empty(), withSite(Z_WITH_NEW_NUMBERS, "practice: false\n"));
    }

    @Test
    void aBlocksOwnPracticeStartsFromTheSiteDefault() {
        assertEquals(Optional.of(new Practice(true, false, List.of(1, 2), true)), withSite(Z_WITH_NEW_NUMBERS, "practice: true\n"),
                "true takes the site's settings");
        assertEquals(Optional.of(new Practice(true, false, List.of(2), true)),
                withSite(Z_WITH_NEW_NUMBERS, "practice: {layers: [2]}\n"), "keys the block leaves out come from the site");
        assertEquals(Optional.of(new Practice(false, true, List.of(1, 2), false)),
                withSite(Z_WITH_NEW_NUMBERS, "practice: {blank: [a], new_numbers: false}\n"), "the block's own keys win");
    }

    @Test
    void theSiteDefaultLeavesTrainingBlocksAlone() {
        assertEquals(Optional.empty(), withSite(EVERY_BLOCK, "target: [1]\n"));
        assertEquals(Optional.empty(), withSite(EVERY_BLOCK, "target: [1]\npractice: false\n"));
    }

    @Test
    void withoutASiteDefaultABlockThatSaysNothingIsNoWorksheet() {
        Diagnostics diagnostics = new Diagnostics();
        Optional<MlpSpec> spec = SpecReader.read(MarkdownBlock.of(HEAD + "```\n"), Optional.empty(), diagnostics);
        assertEquals(Optional.empty(), spec.orElseThrow().practice());
    }

    @Test
    void practiceCannotBeCombinedWithTraining() {
        assertEquals(List.of("content/x.md:10:11: error: practice cannot be combined with training (target);"
                        + " practise the forward pass in a block without 'target'"),
                problems("target: [1]\npractice: true\n"));
        Diagnostics diagnostics = new Diagnostics();
        SpecReader.read(MarkdownBlock.of(HEAD + "target: [1]\npractice: true\n```\n"), Optional.of(EVERY_BLOCK),
                diagnostics);
        assertEquals(1, diagnostics.errorCount(), "a block's own practice: true is still an error, site default or not");
    }
}
