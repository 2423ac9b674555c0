package dev.longhand.export.torch;

import dev.longhand.render.JsonNumber;
import java.util.List;

/** Python literals. */
public final class Python {

    private Python() {
    }

    /** A finite number as the shortest literal that reads back as the same double: {@code 0.1}, {@code 2}, {@code 1e-7}. */
    public static String number(double x) {
        return JsonNumber.format(x);
    }

    /** A string literal in double quotes; any text, escaped. */
    public static String string(String text) {
        StringBuilder b = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    /** {@code [a, b, c]}. */
    public static String list(List<String> items) {
        return "[" + String.join(", ", items) + "]";
    }

    /** Text safe on one line of a docstring: no quotes that end it, no backslashes, no line breaks. */
    public static String docstringLine(String text) {
        return text.replace("\\", "/").replace("\"", "'").replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
    }
}
