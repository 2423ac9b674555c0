package dev.longhand.render;

import java.util.List;

/**
 * A lesson page.
 *
 * @param root        the way back to the site's top folder from this page ("" or "../")
 * @param canonical   the page's absolute address under the site's base URL, or empty without one
 * @param title       the lesson's title
 * @param summary     its one-line summary, or empty
 * @param section     the index section it belongs to
 * @param sectionHref the section on the index page, for the breadcrumbs
 * @param body        the rendered Markdown (raw HTML, already escaped where it must be)
 * @param toc         the headings
 * @param prev        the lesson before in its section, or null
 * @param next        the lesson after, or null
 * @param series      every page of the section, for the sidebar
 * @param stylesheets stylesheets this page needs besides the theme's own, under assets/
 * @param scripts     the theme's scripts this page needs, in the order they must run
 * @param site        the site's name, tagline and language
 * @param draft       whether the lesson is a draft (only the live preview shows drafts)
 */
public record LessonPageView(
        String root,
        String canonical,
        String title,
        String summary,
        String section,
        String sectionHref,
        String body,
        List<TocEntryView> toc,
        LinkView prev,
        LinkView next,
        List<SeriesEntryView> series,
        List<String> stylesheets,
        List<String> scripts,
        SiteView site,
        boolean draft) {

    public LessonPageView {
        toc = List.copyOf(toc);
        series = List.copyOf(series);
        stylesheets = List.copyOf(stylesheets);
        scripts = List.copyOf(scripts);
    }

    public boolean hasToc() {
        return !toc.isEmpty();
    }

    public boolean hasSummary() {
        return !summary.isEmpty();
    }

    public boolean hasCanonical() {
        return !canonical.isEmpty();
    }
}
