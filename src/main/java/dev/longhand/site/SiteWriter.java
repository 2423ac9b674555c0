package dev.longhand.site;

import dev.longhand.export.ExportFile;
import dev.longhand.markdown.Heading;
import dev.longhand.markdown.Lesson;
import dev.longhand.render.Html;
import dev.longhand.render.IndexPageView;
import dev.longhand.render.LessonPageView;
import dev.longhand.render.LinkView;
import dev.longhand.render.SearchIndexScript;
import dev.longhand.render.SeriesEntryView;
import dev.longhand.render.SiteView;
import dev.longhand.render.Templates;
import dev.longhand.render.Theme;
import dev.longhand.render.TocEntryView;
import dev.longhand.spec.SectionName;
import dev.longhand.spec.SiteConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the pages, the search index, the 404 page, the sitemap (with a base URL) and the
 * theme's assets into a (staging) folder. Every link between pages is relative, so the site
 * works from disk and under any path; only the 404 page, which a host serves at any depth,
 * links from the site's absolute path.
 */
final class SiteWriter {

    static final String INDEX_PAGE = "index.html";
    static final String NOT_FOUND_PAGE = "404.html";
    static final String NOT_FOUND_TEMPLATE = "404";
    static final String ASSETS = Theme.ASSETS;
    static final String SEARCH_INDEX = ASSETS + "/search-index.js";
    static final String PRACTICE_SCRIPT = "longhand-practice.js";

    private final Templates templates;
    private final Path out;
    private final SiteConfig config;
    /** Folders known to exist: creating an existing folder again costs a failed mkdir and a stat per file. */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();

    SiteWriter(Templates templates, Path out, SiteConfig config) {
        this.templates = templates;
        this.out = out;
        this.config = config;
    }

    /** The site's name, tagline and language, as every page shows them. */
    private SiteView site() {
        return new SiteView(config.title(), config.tagline(), config.language());
    }

    /**
     * Writes a lesson's page, its answer key when it has worksheets, and its blocks' downloads
     * beside it; safe on several threads at once.
     *
     * @return the files written, relative to the folder
     */
    List<String> writeLesson(Frame frame, Series.Entry entry, Lesson lesson) throws IOException {
        List<String> written = new ArrayList<>();
        written.add(entry.page());
        writePage(entry.page(), lessonHtml(frame, lesson));
        if (lesson.practice()) {
            written.add(Lesson.answersPage(entry.page()));
            writePage(Lesson.answersPage(entry.page()), answersHtml(frame, entry, lesson));
        }
        for (ExportFile file : lesson.exports()) {
            written.add(beside(entry.page(), file.name()));
            writeFile(beside(entry.page(), file.name()), file.bytes());
        }
        return written;
    }

    /**
     * Everything a lesson's pages show besides the lesson itself: where the page is, its section,
     * its neighbours and the sidebar's list, and the site's name. Two builds that give a lesson
     * the same frame write the same pages for the same lesson file, which is what lets the build
     * cache reuse them.
     */
    record Frame(String root, String canonical, String section, String sectionHref, LinkView prev, LinkView next,
                 List<SeriesEntryView> listing, SiteView site) {
    }

    Frame frame(Series series, Series.Entry entry) {
        String root = PagePaths.rootOf(entry.page());
        List<Series.Entry> section = series.sectionOf(entry);
        int at = series.positionOf(entry);
        LinkView prev = at > 0 ? link(root, section.get(at - 1)) : null;
        LinkView next = at < section.size() - 1 ? link(root, section.get(at + 1)) : null;
        String sectionName = series.shownName(entry.frontMatter().section());
        return new Frame(root, canonical(entry.page()), sectionName, root + INDEX_PAGE + "#" + sectionId(sectionName),
                prev, next, listing(section, root, at), site());
    }

    /** A file's path in the site when it sits in the same folder as {@code page}: "part-1/x.html" → "part-1/NAME". */
    static String beside(String page, String name) {
        return page.substring(0, page.lastIndexOf('/') + 1) + name;
    }

    /**
     * Writes what needs every lesson, after their pages: the index, the 404 page, the search
     * index, the sitemap (with a base URL) and the theme's assets.
     *
     * @param lessons    every lesson of {@code series}, by source
     * @param searchJson the search index entries of lessons worked out already ({@link #searchJson}), by source
     * @return how many pages the site has: the index, the lessons and their answer keys
     */
    int finish(Series series, Map<String, LessonOutline> lessons, Map<String, String> searchJson) throws IOException {
        List<String> pages = new ArrayList<>();
        pages.add(INDEX_PAGE);
        for (Series.Entry entry : series.all()) {
            pages.add(entry.page());
            if (lessons.get(entry.source()).practice()) {
                pages.add(Lesson.answersPage(entry.page()));
            }
        }
        writePage(INDEX_PAGE, indexHtml(series));
        Optional<String> notFound = notFoundHtml(series);
        if (notFound.isPresent()) {
            writePage(NOT_FOUND_PAGE, notFound.get());
        }
        writeSearchIndex(series, lessons, searchJson);
        if (config.baseUrl().isPresent()) {
            writePage(Sitemap.FILE, Sitemap.of(config.baseUrl().get(), pages));
        }
        templates.theme().copyAssets(out);
        if (lessons.values().stream().anyMatch(LessonOutline::math)) {
            KatexAssets.copyInto(out.resolve(ASSETS));
        }
        return pages.size();
    }

    /** The order of the site; each entry's source is its lesson's source. */
    static Series series(Collection<Lesson> lessons, Map<String, String> pages, Optional<List<SectionName>> sections) {
        List<Series.Entry> entries = new ArrayList<>();
        for (Lesson lesson : lessons) {
            entries.add(new Series.Entry(lesson.source(), pages.get(lesson.source()), lesson.frontMatter()));
        }
        return new Series(entries, sections);
    }

    String indexHtml(Series series) {
        return templates.render("index", index(series, "", canonical(INDEX_PAGE)));
    }

    String lessonHtml(Frame frame, Lesson lesson) {
        return templates.render("lesson", lessonPage(frame, lesson));
    }

    /**
     * The answer key of a lesson's worksheets: each practice block with every value and all its
     * worked arithmetic, under the same ids, so the worksheet links to {@code page-answers.html#mlp-2}.
     */
    String answersHtml(Frame frame, Series.Entry entry, Lesson lesson) {
        LessonPageView page = lessonPage(frame, lesson);
        String back = entry.page().substring(entry.page().lastIndexOf('/') + 1);
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"answer-key-intro\">Every value of the practice blocks of <a href=\"")
                .append(Html.escape(back)).append("\">").append(Html.escape(lesson.frontMatter().title()))
                .append("</a>, with the worked arithmetic. Work the blanks out yourself first.</p>\n");
        lesson.answerKeys().forEach(html -> body.append(html).append('\n'));
        List<String> scripts = new ArrayList<>(page.scripts());
        scripts.remove(PRACTICE_SCRIPT);
        scripts.removeAll(MATH_SCRIPTS); // the answer key holds blocks only, no prose
        return templates.render("lesson", new LessonPageView(page.root(), "", page.title() + ": answer key",
                page.summary(), page.section(), page.sectionHref(), body.toString(), List.of(), page.prev(),
                page.next(), page.series(), List.of(), scripts, page.site(), page.draft()));
    }

    /** The 404 page, when the theme has a template for it. */
    Optional<String> notFoundHtml(Series series) {
        return templates.has(NOT_FOUND_TEMPLATE)
                ? Optional.of(templates.render(NOT_FOUND_TEMPLATE, index(series, config.basePath(), "")))
                : Optional.empty();
    }

    /**
     * The search index script of every lesson, by source.
     *
     * @param entries the JSON of pages as an earlier index wrote them; replaced by the current pages'
     */
    static String searchIndex(Series series, Map<String, LessonOutline> bySource,
                              Map<SearchIndexScript.Page, String> entries) {
        Map<SearchIndexScript.Page, String> current = new HashMap<>();
        List<String> json = new ArrayList<>();
        for (Series.Entry entry : series.all()) {
            SearchIndexScript.Page page = searchPage(series, entry, bySource);
            String known = entries.get(page);
            String one = known != null ? known : SearchIndexScript.json(page);
            current.put(page, one);
            json.add(one);
        }
        entries.clear();
        entries.putAll(current);
        StringBuilder script = new StringBuilder();
        try {
            SearchIndexScript.write(json, script);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return script.toString();
    }

    /** Writes the search index a lesson at a time: on a large site it is the largest thing a build holds. */
    private void writeSearchIndex(Series series, Map<String, LessonOutline> bySource, Map<String, String> known)
            throws IOException {
        Path file = out.resolve(SEARCH_INDEX);
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Iterable<String> pages = () -> series.all().stream().map(entry -> {
                String json = known.get(entry.source());
                return json != null ? json : searchJson(series, entry, bySource.get(entry.source()));
            }).iterator();
            SearchIndexScript.write(pages, writer);
        }
    }

    /**
     * A lesson's entry in the search index: worked out as soon as the lesson is, on the thread
     * that computed it, and kept in the build cache with its files, since it depends on nothing
     * the key does not (the lesson, its page and its section's name).
     */
    static String searchJson(Series series, Series.Entry entry, LessonOutline lesson) {
        return SearchIndexScript.json(searchPage(series, entry, lesson));
    }

    /** The index, or the 404 page: {@code root} is "" for the index, the site's absolute path for 404. */
    private IndexPageView index(Series series, String root, String canonical) {
        List<IndexPageView.SectionView> sections = new ArrayList<>();
        series.sections().forEach((name, entries) -> {
            String shown = series.shownName(name);
            sections.add(new IndexPageView.SectionView(sectionId(shown), shown, listing(entries, root, -1)));
        });
        return new IndexPageView(root, canonical, sections, site());
    }

    /** The anchor of a section on the index page ("section-lessons"). */
    static String sectionId(String section) {
        return "section-" + PagePaths.slug(section);
    }

    private String canonical(String page) {
        return config.baseUrl().map(base -> Sitemap.absolute(base, page)).orElse("");
    }

    /** A lesson as the search sees it: its headings and the first words of its prose. */
    private static SearchIndexScript.Page searchPage(Series series, Series.Entry entry,
                                                     Map<String, LessonOutline> bySource) {
        return searchPage(series, entry, bySource.get(entry.source()));
    }

    private static SearchIndexScript.Page searchPage(Series series, Series.Entry entry, LessonOutline lesson) {
        List<SearchIndexScript.Anchor> headings = lesson.headings().stream()
                .map(h -> new SearchIndexScript.Anchor(h.text(), h.id())).toList();
        return new SearchIndexScript.Page(entry.frontMatter().title(), entry.page(),
                series.shownName(entry.frontMatter().section()), entry.frontMatter().summary(), headings,
                lesson.searchText());
    }

    private LessonPageView lessonPage(Frame frame, Lesson lesson) {
        return new LessonPageView(frame.root(), frame.canonical(), lesson.frontMatter().title(),
                lesson.frontMatter().summary(), frame.section(), frame.sectionHref(), lesson.html(),
                tableOfContents(lesson.headings()), frame.prev(), frame.next(), frame.listing(), stylesheets(lesson),
                scripts(lesson), frame.site(), lesson.frontMatter().draft());
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

    /**
     * Only what the page uses: a page without blocks needs no script, and the training and
     * exact-math parts load only where a block trains or uses exp and log; KaTeX loads only
     * where the prose has math.
     */
    static List<String> scripts(Lesson lesson) {
        List<String> scripts = new ArrayList<>();
        if (lesson.blocks() > 0) {
            scripts.add("longhand.js");
            if (lesson.exactMath()) {
                scripts.add("longhand-math.js");
            }
            scripts.addAll(lesson.kindScripts());
            if (lesson.trains()) {
                scripts.add("longhand-training.js");
            }
            if (lesson.practice()) {
                scripts.add(PRACTICE_SCRIPT);
            }
        }
        if (lesson.math()) {
            scripts.addAll(MATH_SCRIPTS);
        }
        return scripts;
    }

    /** KaTeX, then the theme's script that typesets the page with it: only on pages with math. */
    static final List<String> MATH_SCRIPTS = List.of(KatexAssets.SCRIPT, KatexAssets.TYPESET_SCRIPT);

    /** Stylesheets beside the theme's own: KaTeX's and the theme's for math, on pages with math. */
    static List<String> stylesheets(Lesson lesson) {
        return lesson.math() ? List.of(KatexAssets.STYLESHEET, KatexAssets.THEME_STYLESHEET) : List.of();
    }

    /**
     * A lesson's sidebar lists this many lessons before and after it. A section's full list is
     * on the index; listing it on every page made each page grow with the section, and a site's
     * bytes with the square of its lessons.
     */
    static final int SIDEBAR_NEIGHBOURS = 12;

    /** @param at the index of the page's own lesson in {@code entries}, or -1 to list them all (the index page) */
    private static List<SeriesEntryView> listing(List<Series.Entry> entries, String root, int at) {
        List<SeriesEntryView> list = new ArrayList<>();
        int from = at < 0 ? 0 : Math.max(0, at - SIDEBAR_NEIGHBOURS);
        int to = at < 0 ? entries.size() : Math.min(entries.size(), at + SIDEBAR_NEIGHBOURS + 1);
        for (int i = from; i < to; i++) {
            Series.Entry e = entries.get(i);
            list.add(new SeriesEntryView(i + 1, root + e.page(), e.frontMatter().title(), e.frontMatter().summary(),
                    i == at, e.frontMatter().draft()));
        }
        return list;
    }

    private static LinkView link(String root, Series.Entry entry) {
        return new LinkView(root + entry.page(), entry.frontMatter().title());
    }

    /**
     * Puts a lesson's files from the last build into this one: hard links where the file system
     * has them, copies elsewhere. Only when every file is still exactly as that build wrote it.
     *
     * @param previous the last build's output folder
     * @param files    the lesson's files as the last build wrote them
     * @return the files as they are now in this folder (a copy is a new file), or empty when one
     *         has changed or gone, or could not be put here: the lesson is then computed
     */
    Optional<List<CachedLesson.WrittenFile>> reuse(Path previous, List<CachedLesson.WrittenFile> files) {
        for (CachedLesson.WrittenFile file : files) {
            if (!CachedLesson.WrittenFile.at(previous, file.path()).equals(Optional.of(file))) {
                return Optional.empty();
            }
        }
        List<CachedLesson.WrittenFile> now = new ArrayList<>();
        try {
            for (CachedLesson.WrittenFile file : files) {
                Path from = previous.resolve(file.path());
                Path to = out.resolve(file.path());
                folderOf(to);
                linked.add(to);
                try {
                    Files.createLink(to, from);
                    now.add(file);
                } catch (UnsupportedOperationException | FileSystemException e) {
                    Files.deleteIfExists(to);
                    Files.copy(from, to);
                    now.add(CachedLesson.WrittenFile.at(out, file.path()).orElseThrow(() -> new IOException("gone")));
                }
            }
            return Optional.of(now);
        } catch (IOException | RuntimeException e) {
            for (CachedLesson.WrittenFile file : files) {
                try {
                    Files.deleteIfExists(out.resolve(file.path()));
                } catch (IOException ignored) {
                    // the build writes it anew, replacing whatever is left
                }
            }
            return Optional.empty();
        }
    }

    /** A file of this folder as the build cache names it; empty when it is not there. */
    Optional<CachedLesson.WrittenFile> written(String path) {
        return CachedLesson.WrittenFile.at(out, path);
    }

    void writeFile(String path, byte[] bytes) throws IOException {
        Path file = writable(path);
        Files.write(file, bytes);
    }

    void writePage(String page, String html) throws IOException {
        Path file = writable(page);
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    /**
     * Files of this folder that are links to the last build's: writing into one would change
     * that build's file too, which stays the site until this build succeeds.
     */
    private final Set<Path> linked = ConcurrentHashMap.newKeySet();

    /** A file of the folder ready to be written whole: never a link to the last build's file. */
    private Path writable(String path) throws IOException {
        Path file = out.resolve(path);
        folderOf(file);
        if (linked.remove(file)) {
            Files.deleteIfExists(file);
        }
        return file;
    }

    private void folderOf(Path file) throws IOException {
        Path folder = file.getParent();
        if (!folders.contains(folder)) {
            Files.createDirectories(folder);
            folders.add(folder);
        }
    }
}
