package dev.longhand.export;

/**
 * One download of a block, ready to write next to its page.
 *
 * @param name  the file's name, in the page's folder: {@code attention-by-hand.mlp-2.numpy.py}
 * @param bytes its content
 */
public record ExportFile(String name, byte[] bytes) {
}
