package dev.longhand.render;

/**
 * A lesson as listed in the index or a sidebar.
 *
 * @param number  its 1-based place in its section
 * @param current whether it is the page being shown
 * @param draft   whether it is a draft (listed only by the live preview)
 */
public record SeriesEntryView(int number, String href, String title, String summary, boolean current, boolean draft) {

    public boolean hasSummary() {
        return !summary.isEmpty();
    }
}
