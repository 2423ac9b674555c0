package dev.longhand.kinds.norm;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What the sum of squared deviations of a group of n numbers is divided by. */
public enum VarianceMode {

    /** By n: PyTorch's normalization layers (the default). */
    BIASED("biased"),

    /** By n − 1: a spreadsheet's VAR.S and STDEV, which some hand-worked sheets use. */
    UNBIASED("unbiased");

    private final String key;

    VarianceMode(String key) {
        this.key = key;
    }

    /** The name a lesson writes: {@code variance: unbiased}. */
    public String key() {
        return key;
    }

    public static Optional<VarianceMode> byKey(String key) {
        return Arrays.stream(values()).filter(v -> v.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(VarianceMode::key).toList();
    }

    /** The divisor for a group of n, as a double: n or n − 1. */
    double divisor(int n) {
        return this == BIASED ? n : n - 1;
    }

    /** The fewest numbers a group needs for a finite variance. */
    int smallestGroup() {
        return this == BIASED ? 1 : 2;
    }
}
