package dev.longhand.site;

/**
 * A lesson file as found in the content folder.
 *
 * @param source relative to the content folder, forward slashes ("basics/01-one-node.md")
 * @param label  how messages name it ("content/basics/01-one-node.md")
 * @param text   its text, decoded as UTF-8, byte-order mark removed
 */
public record LessonFile(String source, String label, String text) {
}
