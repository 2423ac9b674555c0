package dev.longhand.worked;

import dev.longhand.nn.Activation;

/**
 * What ReLU did to one value, so the page can mark it: a clamped value shows its negative
 * z struck through, a passed value is shown as it is, other activations carry no mark.
 */
public enum ReluMark {
    CLAMPED("clamped"),
    PASSED("passed"),
    NONE("");

    private final String cssClass;

    ReluMark(String cssClass) {
        this.cssClass = cssClass;
    }

    public String cssClass() {
        return cssClass;
    }

    public static ReluMark of(Activation activation, double z) {
        if (activation != Activation.RELU) {
            return NONE;
        }
        return activation.clamps(z) ? CLAMPED : PASSED;
    }
}
