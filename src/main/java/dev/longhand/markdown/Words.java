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
        // Characters copied one by one into an array: appending word by word to a StringBuilder
        // took twice as long (the paragraphs of 200 corpus lessons: 7.0-9.4 ms, now 3.5-3.7),
        // and this runs over every paragraph of every lesson.
        char[] out = new char[t.length() + 2];
        int length = 0;
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (isSpace(c)) {
                inWord = false;
                continue;
            }
            if (!inWord) {
                if (words == count) {
                    out[length++] = ' ';
                    out[length++] = '…';
                    break;
                }
                if (words > 0) {
                    out[length++] = ' ';
                }
                words++;
                inWord = true;
            }
            out[length++] = c;
        }
        return new String(out, 0, length);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
