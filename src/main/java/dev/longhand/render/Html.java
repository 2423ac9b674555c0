package dev.longhand.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * HTML escaping for {@code {{x}}}: the five characters that can end text or an attribute
 * value. Mustache.java's default also escapes {@code =} and backticks, which is safe but
 * makes every worked line ({@code z₁ = ...}) longer for nothing.
 */
public final class Html {

    private Html() {
    }

    public static void escape(String value, Writer out) {
        try {
            int start = 0;
            for (int i = 0; i < value.length(); i++) {
                String entity = switch (value.charAt(i)) {
                    case '&' -> "&amp;";
                    case '<' -> "&lt;";
                    case '>' -> "&gt;";
                    case '"' -> "&quot;";
                    case '\'' -> "&#39;";
                    default -> null;
                };
                if (entity != null) {
                    out.write(value, start, i - start);
                    out.write(entity);
                    start = i + 1;
                }
            }
            out.write(value, start, value.length() - start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String escape(String value) {
        java.io.StringWriter out = new java.io.StringWriter();
        escape(value, out);
        return out.toString();
    }
}
