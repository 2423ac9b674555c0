package dev.longhand.spec;

import java.util.OptionalInt;

/**
 * What a lesson says about itself above its prose.
 *
 * @param title   shown as the page's heading and in the index
 * @param order   position in the series; empty sorts after every ordered lesson
 * @param summary one line for the index, or empty
 * @param section the group the index lists it under
 * @param draft   whether it is a draft: {@code serve} shows it, marked, and {@code build} leaves it out
 */
public record FrontMatter(String title, OptionalInt order, String summary, String section, boolean draft) {

    /** The section of a lesson that names none: the main series. */
    public static final String DEFAULT_SECTION = "Lessons";

    /** A lesson that is not a draft. */
    public FrontMatter(String title, OptionalInt order, String summary, String section) {
        this(title, order, summary, section, false);
    }
}
