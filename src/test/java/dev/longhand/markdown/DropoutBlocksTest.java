package dev.longhand.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.longhand.nn.SeededRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code dropout} layers in a block: a given mask and a seeded one, what the worksheet writes and
 * marks, the seed in the trace (text beyond 2^53, so that no reader rounds it), and each mistake
 * with its position.
 */
class DropoutBlocksTest {

    @Test
    void aGivenMaskKeepsAndScalesOrDrops() {
        // X = [[1, 3], [2, 4]] (one list per sample), mask [[1, 0], [0, 1]], p = 0.5: kept values are doubled.
        KindPages page = KindPages.of("""
                input: [[1, 2], [3, 4]]
                layers:
                  - type: dropout
                    p: 0.5
                    mask: [[1, 0], [0, 1]]
                """);
        JsonNode layer = page.trace().get("layers").get(0);
        assertEquals("dropout", layer.get("type").asText());
        assertEquals(0.5, layer.get("p").asDouble());
        assertFalse(layer.has("seed"), "no seed unless the block gives one");
        assertEquals("[[1,0],[0,1]]", layer.get("mask").toString());
        assertEquals("[[2,0],[0,8]]", layer.get("a").toString());

        assertEquals("a₁ = 1·1 / (1 − 0.5) = 2", page.line("0.a.0.0"));
        assertEquals("a₁ = 3·0 / (1 − 0.5) = 0 (dropped)", page.line("0.a.0.1"));
        assertEquals("dropped", page.lineClass("0.a.0.1"));
        assertEquals("", page.lineClass("0.a.0.0"));
        assertEquals("dropped", page.cellClass("a", "layers.0.a.0.1"));
        assertEquals("", page.cellClass("a", "layers.0.a.1.1"));
        assertEquals("dropped", page.cellClass("mask", "layers.0.mask.1.0"));
        assertFalse(page.editable("layers.0.mask.0.0"), "a mask is not a parameter to edit");
    }

    @Test
    void aSeedDrawsTheMaskOneNumberPerEntryRowByRow() {
        KindPages page = KindPages.of("""
                input: [[1, 2], [3, 4], [5, 6]]
                layers:
                  - type: dropout
                    p: 0.5
                    seed: 42
                """);
        JsonNode layer = page.trace().get("layers").get(0);
        assertTrue(page.html().contains("\"p\":0.5,\"seed\":42,\"mask\":"), "the seed is kept as a number");
        // The documented draw: SplitMix64 of the seed, u in [0, 1) per entry, row by row, dropped when u < p.
        SeededRandom random = new SeededRandom(42);
        double[][] x = {{1, 3, 5}, {2, 4, 6}};
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                double kept = random.nextDouble() < 0.5 ? 0 : 1;
                assertEquals(kept, layer.get("mask").get(r).get(c).asDouble(), "mask " + r + "," + c);
                assertEquals(x[r][c] * kept * 2, layer.get("a").get(r).get(c).asDouble(), "a " + r + "," + c);
            }
        }
    }

    @Test
    void aSeedBeyondTwoToThe53IsWrittenAsText() {
        String big = KindPages.of("input: [1, 2]\nlayers:\n  - type: dropout\n    p: 0.1\n    seed: 9007199254740993\n")
                .html();
        assertTrue(big.contains("\"seed\":\"9007199254740993\""), "2^53 + 1 would be rounded as a JSON number");
        String edge = KindPages.of("input: [1, 2]\nlayers:\n  - type: dropout\n    p: 0.1\n    seed: -9007199254740992\n")
                .html();
        assertTrue(edge.contains("\"seed\":-9007199254740992,"), "−2^53 is exact as a number");
    }

    @Test
    void aDropoutInsideAResidual() {
        // x = (2, 4), mask (1, 0), p = 0.75: f(x) = (8, 0), x + f(x) = (10, 4).
        KindPages page = KindPages.of("""
                input: [2, 4]
                layers:
                  - type: residual
                    layers:
                      - type: dropout
                        p: 0.75
                        mask: [[1], [0]]
                """);
        assertEquals("[[10],[4]]", page.trace().get("output").toString());
        assertEquals("a₂ = 4·0 / (1 − 0.75) = 0 (dropped)", page.line("0.layers.0.a.1.0"));
        assertEquals("dropped", page.cellClass("mask", "layers.0.layers.0.mask.1.0"));
    }

    private static List<String> problems(String layer) {
        return Lessons.problems(KindPages.lesson("input: [1, 2]\nlayers:\n  - type: dropout\n" + layer));
    }

    @Test
    void pMustBeAtLeastZeroAndBelowOne() {
        assertEquals(List.of("content/x.md:10:8: error: layer 1 (dropout) p should be at least 0 and less than 1, "
                + "but it is 1"), problems("    p: 1\n    seed: 3\n"));
        assertEquals(List.of("content/x.md:10:8: error: layer 1 (dropout) p should be at least 0 and less than 1, "
                + "but it is -0.1"), problems("    p: -0.1\n    seed: 3\n"));
        assertEquals(List.of("content/x.md:9:5: error: layer 1 (dropout) has no 'p'; give p, the probability of "
                + "dropping each value, e.g. p: 0.5"), problems("    seed: 4\n"));
    }

    @Test
    void aMaskOfTheWrongShapeSaysTheInputsShape() {
        assertEquals(List.of("content/x.md:11:11: error: layer 1 (dropout) mask has 1 row; the mask takes the shape "
                + "of its input, 2 × 1 (2 features, 1 sample)"), problems("    p: 0.5\n    mask: [[1, 0]]\n"));
        assertEquals(List.of(
                "content/x.md:11:12: error: layer 1 (dropout) mask row 1 has 2 values; the mask takes the shape of its "
                        + "input, 2 × 1 (2 features, 1 sample)",
                "content/x.md:11:20: error: layer 1 (dropout) mask row 2 has 2 values; the mask takes the shape of its "
                        + "input, 2 × 1 (2 features, 1 sample)"),
                problems("    p: 0.5\n    mask: [[1, 0], [0, 1]]\n"));
    }

    @Test
    void aMaskHoldsOnlyZerosAndOnes() {
        assertEquals(List.of("content/x.md:11:11: error: layer 1 (dropout) mask should hold only 0 (dropped) and 1 "
                + "(kept), but row 2 has 0.5"), problems("    p: 0.5\n    mask: [[1], [0.5]]\n"));
    }

    @Test
    void aMaskOrASeedButNotBothNorNeither() {
        assertEquals(List.of("content/x.md:12:11: error: layer 1 (dropout) has both a mask and a seed; give one of "
                + "them: mask (its 0s and 1s) or seed (to draw them)"),
                problems("    p: 0.5\n    mask: [[1], [0]]\n    seed: 3\n"));
        assertEquals(List.of("content/x.md:9:5: error: layer 1 (dropout) has neither a mask nor a seed; give mask: 0 "
                + "(dropped) or 1 (kept) for each value of its input, or seed: N to draw them"),
                problems("    p: 0.5\n"));
        assertEquals(List.of("content/x.md:11:5: error: unknown key 'sead' in layer 1 (dropout); did you mean 'seed'?"),
                problems("    p: 0.5\n    sead: 3\n"), "a misspelt seed is said once");
    }
}
