package dev.longhand.worked;

/**
 * One written-out line of arithmetic. Every figure goes through {@link Figures}; the line
 * remembers whether all of them were shown exactly, so that it ends in "=" when a reader
 * can redo it with the figures on the page, and in "≈" when any figure was rounded.
 */
public final class Line {

    /** Sums of more terms than this show their first and last {@link #EDGE_TERMS}, as NumPy prints arrays. */
    public static final int MAX_TERMS = 10;
    public static final int EDGE_TERMS = 3;
    /** What stands for a figure the reader has not been shown. */
    public static final String UNKNOWN = "?";

    private final int precision;
    private final StringBuilder text = new StringBuilder();
    private boolean exact = true;
    private boolean hidden;

    public Line(int precision) {
        this.precision = precision;
    }

    /** Literal text: names, operators, brackets. */
    public Line text(String s) {
        if (!hidden) {
            text.append(s);
        }
        return this;
    }

    /**
     * Writes {@code count} terms joined by " + ". A long sum shows its first and last
     * {@link #EDGE_TERMS} terms around "⋯"; the hidden terms still decide "=" or "≈".
     */
    public Line terms(int count, java.util.function.IntConsumer term) {
        boolean elide = count > MAX_TERMS;
        for (int i = 0; i < count; i++) {
            boolean shown = !elide || i < EDGE_TERMS || i >= count - EDGE_TERMS;
            if (elide && i == EDGE_TERMS) {
                text(" + ⋯");
            }
            hidden = !shown;
            if (i > 0) {
                text(" + ");
            }
            term.accept(i);
            hidden = false;
        }
        return this;
    }

    /** A figure inside the arithmetic: negative numbers in parentheses. */
    public Line factor(double x) {
        uses(x);
        return hidden ? this : text(Figures.factor(x, precision));
    }

    /** A figure that stands alone (first term, or in a function's brackets): no parentheses. */
    public Line figure(double x) {
        uses(x);
        return hidden ? this : text(Figures.display(x, precision));
    }

    /** A figure the reader has not been shown yet, written "?"; it still decides "=" or "≈". */
    public Line unknown(double x) {
        uses(x);
        return text(UNKNOWN);
    }

    /** A value the line stands for by name (z₁), whose figure elsewhere may be rounded. */
    public Line uses(double x) {
        // Once one figure is rounded the line ends in "≈" whatever follows: skip the check.
        exact = exact && Figures.exact(x, precision);
        return this;
    }

    /** Ends the line with "= value" or "≈ value". */
    public String result(double value) {
        boolean all = exact && Figures.exact(value, precision);
        return text.append(all ? " = " : " ≈ ").append(Figures.display(value, precision)).toString();
    }

    /** The line as it stands, for lines that end without a result. */
    @Override
    public String toString() {
        return text.toString();
    }
}
