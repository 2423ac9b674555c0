package dev.longhand.render;

/**
 * One number in a matrix.
 *
 * @param text        the figure as shown
 * @param key         what it holds in the trace's terms ({@code layers.0.z.1.0}), for the page's script; empty for a constant
 * @param edit        the contract's {@code data-edit} name when a reader may change it, else empty
 * @param cssClass    {@code clamped}, {@code passed}, {@code blocked} or empty
 * @param clampedFrom for a value ReLU clamped, the negative z it came from, else empty
 * @param label       what a screen reader says for an editable cell ("layer 1 weight row 2 column 3")
 */
public record CellView(String text, String key, String edit, String cssClass, String clampedFrom, String label) {

    public boolean keyed() {
        return !key.isEmpty();
    }

    public boolean editable() {
        return !edit.isEmpty();
    }

    public boolean clamped() {
        return !clampedFrom.isEmpty();
    }

    public boolean hasClass() {
        return !cssClass.isEmpty();
    }
}
