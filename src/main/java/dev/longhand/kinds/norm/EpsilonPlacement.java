package dev.longhand.kinds.norm;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Where ε joins the denominator of x̂ = (x − mean) / denominator. */
public enum EpsilonPlacement {

    /** {@code Math.sqrt(variance + ε)}: PyTorch (the default). */
    VARIANCE("variance"),

    /** {@code Math.sqrt(variance) + ε}: the standard deviation plus ε, as some sheets do. */
    STD("std");

    private final String key;

    EpsilonPlacement(String key) {
        this.key = key;
    }

    /** The name a lesson writes: {@code epsilon_added_to: std}. */
    public String key() {
        return key;
    }

    public static Optional<EpsilonPlacement> byKey(String key) {
        return Arrays.stream(values()).filter(v -> v.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(EpsilonPlacement::key).toList();
    }

    /** The denominator: {@code Math.sqrt(variance + epsilon)} or {@code Math.sqrt(variance) + epsilon}. */
    double denominator(double variance, double epsilon) {
        return this == VARIANCE ? Math.sqrt(variance + epsilon) : Math.sqrt(variance) + epsilon;
    }

    /**
     * The r of d(denominator)/d(variance) = 1 / (2·r): the denominator itself when ε is under the
     * root, {@code Math.sqrt(variance)} when ε is added to the root.
     */
    double rootOfDerivative(double variance, double denominator) {
        return this == VARIANCE ? denominator : Math.sqrt(variance);
    }
}
