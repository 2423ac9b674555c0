package dev.longhand.render;

/**
 * One written-out unit: the sum and the activation, keyed {@code layer.unit.sample} for
 * the page's script.
 *
 * @param hiddenFor on a worksheet, the answer box whose working this line gives away (then it is
 *                  shown only on request, "show how"), else empty
 * @param reveal    the words of the "show how" summary
 */
public record WorkLineView(String key, String sum, String result, String cssClass, boolean clamped, String hiddenFor,
                           String reveal) {

    public boolean hidden() {
        return !hiddenFor.isEmpty();
    }
}
