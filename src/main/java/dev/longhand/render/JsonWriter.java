package dev.longhand.render;

import dev.longhand.nn.Drawn;
import dev.longhand.nn.Matrix;
import java.util.Map;
import java.util.Optional;

/**
 * A small JSON writer for the trace. Numbers go through {@link JsonNumber} so that the text
 * is what the browser's {@code JSON.stringify} writes for the same values. The output is
 * safe inside a {@code <script>} element: {@code <}, {@code >} and {@code &} are escaped, so
 * no author-written name can close the element.
 */
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    private final DrawnMatrices drawn;
    private boolean needsComma;

    /** A writer that writes every matrix out, number by number. */
    public JsonWriter() {
        this.drawn = DrawnMatrices.NONE;
    }

    /**
     * A writer for a block's trace, which writes a large matrix drawn from a seed as how it was
     * drawn where {@link #given} asks for it.
     *
     * @param drawn the block's matrices drawn from a seed, by identity
     */
    public JsonWriter(Map<Matrix, Drawn> drawn) {
        this.drawn = new DrawnMatrices(drawn);
    }

    public JsonWriter beginObject() {
        separate();
        out.append('{');
        needsComma = false;
        return this;
    }

    public JsonWriter endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    public JsonWriter beginArray() {
        separate();
        out.append('[');
        needsComma = false;
        return this;
    }

    public JsonWriter endArray() {
        out.append(']');
        needsComma = true;
        return this;
    }

    public JsonWriter name(String name) {
        separate();
        string(name);
        out.append(':');
        needsComma = false;
        return this;
    }

    public JsonWriter value(String text) {
        separate();
        string(text);
        needsComma = true;
        return this;
    }

    public JsonWriter value(double number) {
        separate();
        out.append(JsonNumber.format(number));
        needsComma = true;
        return this;
    }

    public JsonWriter value(long number) {
        separate();
        out.append(number);
        needsComma = true;
        return this;
    }

    /** A matrix as a list of rows. */
    public JsonWriter value(Matrix matrix) {
        beginArray();
        for (int r = 0; r < matrix.rows(); r++) {
            beginArray();
            for (int c = 0; c < matrix.cols(); c++) {
                value(matrix.get(r, c));
            }
            endArray();
        }
        return endArray();
    }

    /** A one-column matrix (a bias) as a flat list, as the contract writes biases. */
    public JsonWriter flat(Matrix column) {
        beginArray();
        for (int r = 0; r < column.rows(); r++) {
            value(column.get(r, 0));
        }
        return endArray();
    }

    /**
     * A matrix of numbers the author gave (the block's input, a layer's parameters), which may
     * have been drawn from a seed: a large drawn one as how it was drawn ({@link DrawnMatrices}),
     * any other as a list of rows. Only given numbers, never computed ones, so that a reader
     * knows where to expect the form, and the page's script writes it at the same places.
     */
    public JsonWriter given(Matrix matrix) {
        Optional<Drawn> how = drawn.of(matrix, false);
        if (how.isEmpty()) {
            return value(matrix);
        }
        DrawnMatrices.write(this, how.get(), false);
        return this;
    }

    /** A given one-column matrix (a bias, a gamma) as {@link #given} writes it, or as a flat list. */
    public JsonWriter givenFlat(Matrix column) {
        Optional<Drawn> how = drawn.of(column, true);
        if (how.isEmpty()) {
            return flat(column);
        }
        DrawnMatrices.write(this, how.get(), true);
        return this;
    }

    public JsonWriter value(boolean flag) {
        separate();
        out.append(flag);
        needsComma = true;
        return this;
    }

    /** JSON's null: a score a causal mask hides. */
    public JsonWriter nullValue() {
        separate();
        out.append("null");
        needsComma = true;
        return this;
    }

    private void separate() {
        if (needsComma) {
            out.append(',');
        }
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> unicode(c);
                default -> {
                    if (c < 0x20) {
                        unicode(c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void unicode(char c) {
        out.append("\\u").append(String.format(java.util.Locale.ROOT, "%04x", (int) c));
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
