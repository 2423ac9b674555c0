package dev.longhand.render;

/**
 * One written-out line of training: a loss, a gradient or an update.
 *
 * @param key     what it computes, for the page's script ({@code layers.1.dZ.0.0})
 * @param text    the arithmetic
 * @param blocked whether ReLU stopped this gradient (z ≤ 0)
 */
public record GradientLineView(String key, String text, boolean blocked) {
}
