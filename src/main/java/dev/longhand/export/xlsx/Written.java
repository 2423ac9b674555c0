package dev.longhand.export.xlsx;

import java.util.Optional;

/**
 * Where a stage's results stand: its output {@code a}, and for a stage ending in a softmax the
 * cells of what the softmax received, from which the cross-entropy loss is taken.
 */
public record Written(Region a, Optional<Region> logits) {

    public static Written of(Region a) {
        return new Written(a, Optional.empty());
    }
}
