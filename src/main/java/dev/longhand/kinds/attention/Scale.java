package dev.longhand.kinds.attention;

/**
 * What multiplies every score {@code Kᵀ·Q}: the contract's {@code scale} key.
 *
 * <ul>
 * <li>{@link #ROOT} ({@code scale: true}, the default): the factor {@code 1.0 / Math.sqrt(d_k)},
 *     that one double, then each product times it;</li>
 * <li>{@link #NONE} ({@code scale: false}): the products themselves, not multiplied at all
 *     (which gives the same bits as multiplying by 1.0);</li>
 * <li>{@link #of(double)} ({@code scale: 0.5}): each product times the given number.</li>
 * </ul>
 *
 * @param form   which of the three
 * @param number the given number for {@link Form#NUMBER}; 0 otherwise
 */
public record Scale(Form form, double number) {

    /** The three forms of the key. */
    public enum Form {
        /** {@code true}: 1/√d_k. */
        ROOT,
        /** {@code false}: no scaling. */
        NONE,
        /** A given number. */
        NUMBER
    }

    public static final Scale ROOT = new Scale(Form.ROOT, 0);
    public static final Scale NONE = new Scale(Form.NONE, 0);

    public Scale {
        if (form == null) {
            throw new IllegalArgumentException("a scale has a form");
        }
        if (form == Form.NUMBER && !Double.isFinite(number)) {
            throw new IllegalArgumentException("scale must be a finite number, not " + number);
        }
        if (form != Form.NUMBER && number != 0) {
            throw new IllegalArgumentException("only a NUMBER scale carries a number");
        }
    }

    /** The scale {@code scale: number}. */
    public static Scale of(double number) {
        return new Scale(Form.NUMBER, number);
    }

    /** The scale of the YAML/JSON value {@code true} or {@code false}. */
    public static Scale of(boolean on) {
        return on ? ROOT : NONE;
    }

    /** Whether scores are multiplied at all (every form but {@link Form#NONE}). */
    public boolean scales() {
        return form != Form.NONE;
    }

    /**
     * The factor for keys of {@code keySize} rows: {@code 1.0 / Math.sqrt(keySize)} for ROOT,
     * the number for NUMBER, 1.0 for NONE (which {@link #apply} never multiplies by).
     */
    public double factor(int keySize) {
        return switch (form) {
            case ROOT -> 1.0 / Math.sqrt(keySize);
            case NONE -> 1.0;
            case NUMBER -> number;
        };
    }

    /** {@code product * factor}, or {@code product} itself for NONE. */
    double apply(double product, double factor) {
        return scales() ? product * factor : product;
    }

    /** The canonical trace value: {@code Boolean.TRUE}, {@code Boolean.FALSE} or the number as a Double. */
    public Object canonical() {
        return switch (form) {
            case ROOT -> Boolean.TRUE;
            case NONE -> Boolean.FALSE;
            case NUMBER -> number;
        };
    }
}
