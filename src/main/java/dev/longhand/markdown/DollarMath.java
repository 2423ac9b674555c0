package dev.longhand.markdown;

/**
 * Where TeX between dollar signs starts and ends in a paragraph's text, by Pandoc's
 * {@code tex_math_dollars} rules. {@code $…$} is inline math when the opening {@code $} is
 * followed by a non-space and the next {@code $} after it is preceded by a non-space and not
 * followed by a digit; otherwise the opening {@code $} is just a dollar sign, so "$5 and $10"
 * stays text. {@code $$…$$} is display math, with any spaces and line ends next to its
 * delimiters. A backslash inside the math keeps the character after it from closing it
 * ({@code \$} is a dollar sign in TeX too); outside, Flexmark has already read {@code \$} as an
 * escaped dollar before this sees it. Math never reaches into a code span: the {@code $}
 * of {@code `$x$`} closes nothing.
 */
final class DollarMath {

    /** What a {@code $} opens. */
    sealed interface Found permits Math, Text, Unclosed {
    }

    /**
     * TeX from {@code texStart} to {@code texEnd} (delimiters and the display's surrounding
     * spaces left out); the math ends before {@code end}.
     */
    record Math(int texStart, int texEnd, int end, boolean display) implements Found {
    }

    /** The {@code $} is a dollar sign. */
    record Text() implements Found {
    }

    /** {@code $$} that nothing closes: an error, since whatever follows would silently become text. */
    record Unclosed() implements Found {
    }

    private DollarMath() {
    }

    /** What the {@code $} at {@code at} of {@code text} opens. */
    static Found at(CharSequence text, int at) {
        if (at + 1 < text.length() && text.charAt(at + 1) == '$') {
            return display(text, at);
        }
        return inline(text, at);
    }

    private static Found display(CharSequence text, int at) {
        int from = at + 2;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '`' && closesCodeSpan(text, i)) {
                return new Unclosed();
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                int start = skipSpace(text, from, i);
                int end = trimSpace(text, start, i);
                return start == end ? new Text() : new Math(start, end, i + 2, true);
            }
        }
        return new Unclosed();
    }

    private static Found inline(CharSequence text, int at) {
        int from = at + 1;
        if (from >= text.length() || isSpace(text.charAt(from))) {
            return new Text();
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '`' && closesCodeSpan(text, i)) {
                return new Text();
            } else if (c == '$') {
                boolean closes = !isSpace(text.charAt(i - 1))
                        && !(i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)));
                return closes ? new Math(from, i, i + 1, false) : new Text();
            }
        }
        return new Text();
    }

    /**
     * Whether the backticks starting at {@code at} open a code span, closed later by a run of
     * as many: math never reaches into code, so a {@code $} inside {@code `$x$`} closes nothing.
     */
    static boolean closesCodeSpan(CharSequence text, int at) {
        int run = runOfBackticks(text, at);
        for (int i = at + run; i < text.length(); i++) {
            if (text.charAt(i) == '`') {
                int other = runOfBackticks(text, i);
                if (other == run) {
                    return true;
                }
                i += other - 1;
            }
        }
        return false;
    }

    private static int runOfBackticks(CharSequence text, int at) {
        int i = at;
        while (i < text.length() && text.charAt(i) == '`') {
            i++;
        }
        return i - at;
    }

    private static int skipSpace(CharSequence text, int from, int to) {
        int i = from;
        while (i < to && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimSpace(CharSequence text, int from, int to) {
        int i = to;
        while (i > from && isSpace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
