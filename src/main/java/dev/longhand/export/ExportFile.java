package dev.longhand.export;

import java.util.function.Supplier;

/**
 * One download of a block, written beside its page. Its bytes are made when asked for, by the
 * thread that writes the page: {@code check} and a lesson with errors never make them.
 *
 * @param name    the file's name, in the page's folder: {@code attention-by-hand.mlp-2.numpy.py}
 * @param content makes the file's bytes; the same every time
 */
public record ExportFile(String name, Supplier<byte[]> content) {

    /** The file's bytes. */
    public byte[] bytes() {
        return content.get();
    }
}
