package dev.longhand.render;

import java.util.Locale;

/**
 * What every page shows of the site itself, from {@code longhand.yml}: its name, its tagline
 * and the language of its pages.
 *
 * @param name     the site's name
 * @param tagline  the line beside the name, or empty for none
 * @param language the {@code <html lang>} tag
 */
public record SiteView(String name, String tagline, String language) {

    public boolean hasTagline() {
        return !tagline.isEmpty();
    }

    /** The index page's title: "Longhand: neural networks, worked out by hand", or the name alone. */
    public String indexTitle() {
        return hasTagline() ? name + ": " + tagline : name;
    }

    /** The index page's heading: the tagline begun with a capital, as a heading starts, or the name. */
    public String heading() {
        if (!hasTagline()) {
            return name;
        }
        int first = tagline.codePointAt(0);
        String capital = new String(Character.toChars(first)).toUpperCase(Locale.forLanguageTag(language));
        return capital + tagline.substring(Character.charCount(first));
    }
}
