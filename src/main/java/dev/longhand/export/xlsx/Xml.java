package dev.longhand.export.xlsx;

/** What the workbook's parts share: XML namespaces and escaping. */
final class Xml {

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private Xml() {
    }

    /**
     * Appends {@code text} escaped for element content and quoted attributes; control characters
     * XML forbids are dropped, and characters outside ASCII become character references
     * ({@code &#183;}), so that a part stays one byte a character and its UTF-8 is a plain copy.
     */
    static void escape(String text, StringBuilder to) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> to.append("&amp;");
                case '<' -> to.append("&lt;");
                case '>' -> to.append("&gt;");
                case '"' -> to.append("&quot;");
                default -> {
                    if (c > 0x7E) {
                        int code = Character.isHighSurrogate(c) && i + 1 < text.length()
                                && Character.isLowSurrogate(text.charAt(i + 1))
                                ? Character.toCodePoint(c, text.charAt(++i)) : c;
                        to.append("&#").append(code).append(';');
                    } else if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        to.append(c);
                    }
                }
            }
        }
    }

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        escape(text, s);
        return s.toString();
    }
}
