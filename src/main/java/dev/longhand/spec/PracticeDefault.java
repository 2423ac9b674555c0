package dev.longhand.spec;

/**
 * The worksheet settings a block's {@code practice} starts from: the built-in ones, or the
 * site's from {@code longhand.yml}, where they also make every block without training a
 * worksheet. A block's own keys win over them.
 *
 * @param z          whether Z is blank
 * @param a          whether A is blank
 * @param newNumbers whether worksheets have the "New numbers" button
 */
public record PracticeDefault(boolean z, boolean a, boolean newNumbers) {

    /** Without a site default: every Z and A blank, no new numbers. */
    public static final PracticeDefault BUILT_IN = new PracticeDefault(true, true, false);
}
