package dev.longhand.render;

import java.util.List;

/** The index page: every section with its lessons, in order. */
public record IndexPageView(String root, List<SectionView> sections) {

    public IndexPageView {
        sections = List.copyOf(sections);
    }

    /** A named group of lessons. */
    public record SectionView(String name, List<SeriesEntryView> lessons) {
        public SectionView {
            lessons = List.copyOf(lessons);
        }
    }
}
