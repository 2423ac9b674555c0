package dev.longhand.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NearestNameTest {

    private static final List<String> LAYER_KEYS = List.of("name", "weights", "bias", "activation", "units");
    private static final List<String> ACTIVATIONS = List.of("relu", "linear", "sigmoid", "tanh", "leaky_relu", "softmax");

    @Test
    void swappedNeighboursCountAsOneEdit() {
        assertEquals(1, NearestName.distance("wieghts", "weights"));
        assertEquals(1, NearestName.distance("rleu", "relu"));
    }

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, NearestName.distance("bias", "bias"));
        assertEquals(3, NearestName.distance("", "abc"));
        assertEquals(3, NearestName.distance("kitten", "sitting"));
        assertEquals(1, NearestName.distance("imput", "input"));
    }

    @Test
    void suggestsTheKnownNameOfATypo() {
        assertEquals(Optional.of("weights"), NearestName.among("wieghts", LAYER_KEYS));
        assertEquals(Optional.of("input"), NearestName.among("imput", SpecReader.KEYS));
        assertEquals(Optional.of("relu"), NearestName.among("rleu", ACTIVATIONS));
        assertEquals(Optional.of("title"), NearestName.among("titel", FrontMatterReader.KEYS));
    }

    @Test
    void ignoresCaseWhenComparing() {
        assertEquals(Optional.of("softmax"), NearestName.among("Softmax", ACTIVATIONS));
    }

    @Test
    void suggestsNothingForAnUnrelatedName() {
        assertEquals(Optional.empty(), NearestName.among("dropout", ACTIVATIONS));
        assertEquals(Optional.empty(), NearestName.among("x", LAYER_KEYS));
    }

    @Test
    void allowsAboutOneEditPerThreeLetters() {
        // "rel" is 1 edit from "relu" and 3 letters long: allowed; "re" is 2 edits: too far for 2 letters.
        assertEquals(Optional.of("relu"), NearestName.among("rel", ACTIVATIONS));
        assertEquals(Optional.empty(), NearestName.among("re", ACTIVATIONS));
        // 10 letters allow 3 edits: "activatoin" (1) is found, "actvtn" (4 deletions) is not.
        assertEquals(Optional.of("activation"), NearestName.among("activatoin", LAYER_KEYS));
        assertEquals(Optional.empty(), NearestName.among("actvtn", LAYER_KEYS));
    }

    @Test
    void hintIsAMessageSuffixOrNothing() {
        assertEquals("; did you mean 'weights'?", NearestName.hint("wieghts", LAYER_KEYS));
        assertEquals("", NearestName.hint("dropout", ACTIVATIONS));
    }

    @Test
    void hintOrListGivesTheSuggestionOrElseEveryKnownName() {
        assertEquals("; did you mean 'relu'?", NearestName.hintOrList("rleu", ACTIVATIONS, "the activations are"));
        assertEquals("; the activations are relu, linear, sigmoid, tanh, leaky_relu, softmax",
                NearestName.hintOrList("swish", ACTIVATIONS, "the activations are"));
    }
}
