package dev.longhand.render;

import java.util.List;

/**
 * The index page, and the 404 page, which lists the same lessons: every section with its
 * lessons, in order.
 *
 * @param root      the way to the site's top folder ("" for the index; an absolute path for
 *                  the 404 page, which hosts serve at any depth)
 * @param canonical the page's absolute address, or empty
 * @param site      the site's name, tagline and language
 */
public record IndexPageView(String root, String canonical, List<SectionView> sections, SiteView site) {

    public IndexPageView {
        sections = List.copyOf(sections);
    }

    public boolean hasCanonical() {
        return !canonical.isEmpty();
    }

    /** A named group of lessons; {@code id} is its anchor on the index page. */
    public record SectionView(String id, String name, List<SeriesEntryView> lessons) {
        public SectionView {
            lessons = List.copyOf(lessons);
        }
    }
}
