package dev.longhand.render;

/**
 * One written-out unit: the sum and the activation, keyed {@code layer.unit.sample} for
 * the page's script.
 */
public record WorkLineView(String key, String sum, String result, String cssClass, boolean clamped) {
}
