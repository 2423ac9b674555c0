package dev.longhand.spec;

/**
 * What one dimension of a matrix must be, and how to say why when it is not:
 * {@code Dim.of(4, "the tokens have 4 features")}.
 *
 * @param size the size required, or -1 for any
 * @param why  the reason, said after the count the author gave
 */
public record Dim(int size, String why) {

    public static Dim any() {
        return new Dim(-1, "");
    }

    public static Dim of(int size, String why) {
        return new Dim(size, why);
    }

    /** A size that is known only when {@code size} is not negative. */
    public static Dim ofKnown(int size, String why) {
        return size < 0 ? any() : of(size, why);
    }

    public boolean known() {
        return size >= 0;
    }
}
