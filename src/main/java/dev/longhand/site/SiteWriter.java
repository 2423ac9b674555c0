package dev.longhand.site;

import dev.longhand.markdown.Heading;
import dev.longhand.markdown.Lesson;
import dev.longhand.render.IndexPageView;
import dev.longhand.render.LessonPageView;
import dev.longhand.render.LinkView;
import dev.longhand.render.SeriesEntryView;
import dev.longhand.render.Templates;
import dev.longhand.render.TocEntryView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** Writes the pages and the theme's assets into a (staging) folder. */
final class SiteWriter {

    static final String INDEX_PAGE = "index.html";
    static final String ASSETS = "assets";

    private final Templates templates;
    private final Path out;

    SiteWriter(Templates templates, Path out) {
        this.templates = templates;
        this.out = out;
    }

    /** @return how many pages were written */
    int write(List<Lesson> lessons, Map<Lesson, String> pages, Path theme) throws IOException {
        Map<String, Lesson> bySource = new HashMap<>();
        lessons.forEach(lesson -> bySource.put(lesson.source(), lesson));
        Series series = series(lessons, pages);
        writePage(INDEX_PAGE, indexHtml(series));
        for (Series.Entry entry : series.all()) {
            writePage(entry.page(), lessonHtml(series, entry, bySource.get(entry.source())));
        }
        copyAssets(theme.resolve(ASSETS));
        return series.all().size() + 1;
    }

    /** The order of the site; each entry's source is its lesson's source. */
    static Series series(Collection<Lesson> lessons, Map<Lesson, String> pages) {
        List<Series.Entry> entries = new ArrayList<>();
        for (Lesson lesson : lessons) {
            entries.add(new Series.Entry(lesson.source(), pages.get(lesson), lesson.frontMatter()));
        }
        return new Series(entries);
    }

    String indexHtml(Series series) {
        return templates.render("index", index(series));
    }

    String lessonHtml(Series series, Series.Entry entry, Lesson lesson) {
        return templates.render("lesson", lessonPage(series, entry, lesson));
    }

    private IndexPageView index(Series series) {
        List<IndexPageView.SectionView> sections = new ArrayList<>();
        series.sections().forEach((name, entries) -> sections.add(
                new IndexPageView.SectionView(name, listing(entries, "", null))));
        return new IndexPageView("", sections);
    }

    private LessonPageView lessonPage(Series series, Series.Entry entry, Lesson lesson) {
        String root = PagePaths.rootOf(entry.page());
        List<Series.Entry> section = series.sectionOf(entry);
        int at = section.indexOf(entry);
        LinkView prev = at > 0 ? link(root, section.get(at - 1)) : null;
        LinkView next = at < section.size() - 1 ? link(root, section.get(at + 1)) : null;
        List<TocEntryView> toc = tableOfContents(lesson.headings());
        return new LessonPageView(root, lesson.frontMatter().title(), lesson.frontMatter().summary(),
                lesson.frontMatter().section(), lesson.html(), toc, prev, next, listing(section, root, entry));
    }

    /** Level-2 headings, each with the level-3 headings under it; a level 3 before any 2 stands alone. */
    static List<TocEntryView> tableOfContents(List<Heading> headings) {
        List<TocEntryView> top = new ArrayList<>();
        Heading open = null;
        List<TocEntryView> children = new ArrayList<>();
        for (Heading heading : headings) {
            if (heading.level() == 2) {
                if (open != null) {
                    top.add(new TocEntryView(open.id(), open.text(), children));
                }
                open = heading;
                children = new ArrayList<>();
            } else if (heading.level() == 3) {
                TocEntryView entry = new TocEntryView(heading.id(), heading.text(), List.of());
                if (open != null) {
                    children.add(entry);
                } else {
                    top.add(entry);
                }
            }
        }
        if (open != null) {
            top.add(new TocEntryView(open.id(), open.text(), children));
        }
        return top;
    }

    private static List<SeriesEntryView> listing(List<Series.Entry> entries, String root, Series.Entry current) {
        List<SeriesEntryView> list = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Series.Entry e = entries.get(i);
            list.add(new SeriesEntryView(i + 1, root + e.page(), e.frontMatter().title(), e.frontMatter().summary(),
                    e == current));
        }
        return list;
    }

    private static LinkView link(String root, Series.Entry entry) {
        return new LinkView(root + entry.page(), entry.frontMatter().title());
    }

    /**
     * Writes a page whole: into a hidden temporary file beside it, then renamed over it, so a
     * server reading the folder meanwhile sees the old page or the new one, never half of one.
     */
    void writePage(String page, String html) throws IOException {
        Path file = out.resolve(page);
        Files.createDirectories(file.getParent());
        // Not Files.createTempFile: its owner-only permissions would end up on the page.
        Path temporary = file.resolveSibling(".longhand-" + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temporary, html, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Copies the theme's assets in a stable order; no file outside the theme is followed. */
    void copyAssets(Path assets) throws IOException {
        if (!Files.isDirectory(assets)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(assets)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            Path target = out.resolve(ASSETS).resolve(assets.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
