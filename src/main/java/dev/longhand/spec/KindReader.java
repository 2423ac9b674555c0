package dev.longhand.spec;

import java.util.List;

/**
 * How a block reads one layer kind ({@code type: attention}, ...): the kind's keys and its
 * reading, with every value's position at hand through {@link LayerFields}. A kind's unit under
 * {@code dev.longhand.kinds} implements it; the registry of kinds hands every reader to
 * {@link SpecReader}. Dense layers, the default type, are read by the spec package itself.
 */
public interface KindReader {

    /** The value of {@code type} this reader handles. */
    String type();

    /** The keys a layer of this kind may have besides {@code name} and {@code type}. */
    List<String> keys();

    /**
     * Reads one layer. Problems are reported through {@code fields} at the offending value; the
     * result says what was read and, even after an error, how many rows the layer gives when that
     * can be known, so that the layers after it are still checked.
     */
    KindResult read(LayerFields fields);
}
