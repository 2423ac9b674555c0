package dev.longhand.render;

/**
 * One layer's section of a block, already drawn by its kind's partial.
 *
 * @param html the section's markup, without its last line break
 */
public record SectionView(String html) {
}
