package dev.longhand.spec;

import java.util.OptionalInt;

/**
 * What a lesson says about itself above its prose.
 *
 * @param title   shown as the page's heading and in the index
 * @param order   position in the series; empty sorts after every ordered lesson
 * @param summary one line for the index, or empty
 * @param section the group the index lists it under
 */
public record FrontMatter(String title, OptionalInt order, String summary, String section) {

    public static final String DEFAULT_SECTION = "Lessons";
}
