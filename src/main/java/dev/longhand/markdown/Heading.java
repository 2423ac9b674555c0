package dev.longhand.markdown;

/** A heading of the lesson's prose, for its table of contents. */
public record Heading(int level, String text, String id) {
}
