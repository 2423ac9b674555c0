package dev.longhand.render;

/**
 * One number in a matrix.
 *
 * @param text        the figure as shown
 * @param key         what it holds in the trace's terms ({@code layers.0.z.1.0}), for the page's script; empty for a constant
 * @param edit        the contract's {@code data-edit} name when a reader may change it, else empty
 * @param cssClass    {@code clamped}, {@code passed}, {@code blocked} or empty
 * @param clampedFrom for a value ReLU clamped, the negative z it came from, else empty
 * @param label       what a screen reader says for an answer box (the page script names editable cells)
 * @param answer      on a worksheet, the trace key of the value the reader works out in this empty box, else empty
 * @param blankOf     on a worksheet, the trace key of the hidden value this cell stands for (shown as "?"), else empty
 */
public record CellView(String text, String key, String edit, String cssClass, String clampedFrom, String label,
                       String answer, String blankOf) {

    public CellView(String text, String key, String edit, String cssClass, String clampedFrom, String label) {
        this(text, key, edit, cssClass, clampedFrom, label, "", "");
    }

    /** An empty answer box for the value at {@code key}; the value itself is not kept. */
    static CellView answerBox(String key, String label) {
        return new CellView("", "", "", "", "", label, key, "");
    }

    /** A "?" for the hidden value at {@code key} (a blank, or an A whose Z is blank), until the reader reveals it. */
    static CellView blankCopy(String key) {
        return new CellView("?", "", "", "", "", "", "", key);
    }

    public boolean answered() {
        return !answer.isEmpty();
    }

    public boolean blank() {
        return !blankOf.isEmpty();
    }

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
