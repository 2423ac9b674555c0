package dev.longhand.worked;

/**
 * One written-out line of arithmetic. Every figure goes through {@link Figures}; the line
 * remembers whether all of them were shown exactly, so that it ends in "=" when a reader
 * can redo it with the figures on the page, and in "≈" when any figure was rounded.
 */
final class Line {

    private final int precision;
    private final StringBuilder text = new StringBuilder();
    private boolean exact = true;

    Line(int precision) {
        this.precision = precision;
    }

    /** Literal text: names, operators, brackets. */
    Line text(String s) {
        text.append(s);
        return this;
    }

    /** A figure inside the arithmetic: negative numbers in parentheses. */
    Line factor(double x) {
        exact &= Figures.exact(x, precision);
        text.append(Figures.factor(x, precision));
        return this;
    }

    /** A figure that stands alone (first term, or in a function's brackets): no parentheses. */
    Line figure(double x) {
        exact &= Figures.exact(x, precision);
        text.append(Figures.display(x, precision));
        return this;
    }

    /** A value the line stands for by name (z₁), whose figure elsewhere may be rounded. */
    Line uses(double x) {
        exact &= Figures.exact(x, precision);
        return this;
    }

    /** Ends the line with "= value" or "≈ value". */
    String result(double value) {
        boolean all = exact && Figures.exact(value, precision);
        return text.append(all ? " = " : " ≈ ").append(Figures.display(value, precision)).toString();
    }

    /** The line as it stands, for lines that end without a result. */
    @Override
    public String toString() {
        return text.toString();
    }
}
