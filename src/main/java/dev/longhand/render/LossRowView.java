package dev.longhand.render;

/** The loss before a step (step 0 is the forward pass shown; the last row is after the last step). */
public record LossRowView(int step, String loss, String key) {
}
