package dev.longhand.render;

/**
 * A lesson as listed in the index or a sidebar.
 *
 * @param number  its 1-based place in its section
 * @param current whether it is the page being shown
 */
public record SeriesEntryView(int number, String href, String title, String summary, boolean current) {

    public boolean hasSummary() {
        return !summary.isEmpty();
    }
}
