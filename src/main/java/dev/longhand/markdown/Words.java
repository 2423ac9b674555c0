package dev.longhand.markdown;

/**
 * Words of prose, split where the regular expression {@code \s} would split them (space, tab,
 * the line breaks, form feed). Written as one scan because the lesson's search text is
 * taken from every paragraph of every lesson, and the regular expressions this replaces were
 * a tenth of a warm build.
 */
public final class Words {

    private Words() {
    }

    /** The text with every run of spaces made one space and spaces at both ends removed. */
    public static String collapsed(String text) {
        return first(text, Integer.MAX_VALUE);
    }

    /**
     * The first {@code count} words, one space between, and " …" when words were left out.
     * Whitespace other than {@code \s} (such as an em space) at either end is also removed,
     * as {@link String#strip} would.
     */
    public static String first(String text, int count) {
        String t = text.strip();
        StringBuilder out = new StringBuilder(Math.min(t.length(), 4096));
        int words = 0;
        int i = 0;
        while (i < t.length()) {
            while (i < t.length() && isSpace(t.charAt(i))) {
                i++;
            }
            if (i == t.length()) {
                break;
            }
            if (words == count) {
                return out.append(" …").toString();
            }
            int start = i;
            while (i < t.length() && !isSpace(t.charAt(i))) {
                i++;
            }
            out.append(words == 0 ? "" : " ").append(t, start, i);
            words++;
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
