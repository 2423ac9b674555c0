package dev.longhand.site;

import dev.longhand.diag.Diagnostics;
import dev.longhand.markdown.BlockCache;
import dev.longhand.markdown.Lesson;
import dev.longhand.markdown.LessonLink;
import dev.longhand.render.SearchIndexScript;
import dev.longhand.render.Templates;
import dev.longhand.spec.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A site kept built in a folder of its own and brought up to date as files change: the dev
 * server's build. Each update reads only the lesson files that changed (by the watcher's word,
 * or their size and modification time), computes and renders only those, runs the checks
 * across lessons (cheap), and, when there are no errors, writes the pages that changed: the
 * changed lessons' pages, plus the index and every page of a section whose list changed (a new
 * title, order or lesson: the sidebars and prev/next links show them). A change to the theme
 * rebuilds everything with freshly compiled templates, and a change to the site config
 * ({@code longhand.yml}, whose practice default changes how every block is computed) recomputes
 * every lesson. After errors nothing is written, so the last good pages stay in the folder.
 *
 * <p>Drafts ({@code draft: true}) are built like any lesson and marked as drafts on their page,
 * in the index and in the sidebars; a link to one from a published lesson is a warning here,
 * since {@code build} leaves drafts out and refuses the link.
 *
 * <p>Pages are written in place, each replaced whole by a rename: unlike {@code build}, the
 * folder is not swapped, so a server can keep serving it.
 */
public final class LiveSite {

    /**
     * What an update did.
     *
     * @param report  its diagnostics; on errors nothing was written
     * @param full    whether everything was rebuilt (the first update, or the theme or config changed)
     * @param written the pages written, relative to the folder
     */
    public record Update(BuildReport report, boolean full, List<String> written) {
    }

    /** A lesson file as last read, and what reading it gave (no file in the result when it was not UTF-8). */
    private record Known(FileTime modified, long size, LessonReader.Result result, Optional<LessonOutline> outline) {

        Known(FileTime modified, long size, LessonReader.Result result) {
            this(modified, size, result, result.lesson().map(lesson -> LessonOutline.of(lesson, result.file().text())));
        }
    }

    private final SiteBuilder builder;
    private final Path out;
    private final Path theme;
    private final Optional<Path> configFile;
    private boolean configRead;
    private Optional<SiteConfig> config = Optional.empty();
    /** The config's problems as last read; reported by every update until it is fixed. */
    private Diagnostics configProblems = new Diagnostics();
    private Templates templates;
    private LessonReader reader;
    /** Blocks computed with the current templates, so an edit to prose computes no network. */
    private BlockCache blockCache;
    private final Map<String, Known> files = new TreeMap<>();
    /** Lessons read since the pages were last written; their pages are due. */
    private final Set<String> dirty = new HashSet<>();
    /** The sections as the written pages show them; null until a first successful update. */
    private Map<String, List<Series.Entry>> writtenSections;
    private Set<String> writtenPages = Set.of();
    private boolean themeDue = true;
    /** The search index's entry of each page as last written, reused while the page's title and text stay. */
    private final Map<SearchIndexScript.Page, String> searchEntries = new HashMap<>();

    /** @param out an empty folder or one this class wrote before; it is never swapped or removed */
    public LiveSite(SiteBuilder.Options options, Path out) {
        this.builder = new SiteBuilder(options);
        this.out = out;
        this.theme = options.templates().toAbsolutePath().normalize();
        this.configFile = options.config().map(file -> file.toAbsolutePath().normalize());
    }

    public Path folder() {
        return out;
    }

    /** The blocks reused and computed so far with the current theme. */
    public BlockCache blockCache() {
        return blockCache;
    }

    /**
     * Brings the folder up to date.
     *
     * @param changed paths the watcher saw change (content or theme); the first update builds all
     */
    public synchronized Update update(Collection<Path> changed) throws IOException {
        Set<Path> hinted = new HashSet<>();
        changed.forEach(p -> hinted.add(p.toAbsolutePath().normalize()));
        boolean themeChanged = templates == null || hinted.stream().anyMatch(p -> p.startsWith(theme));
        boolean configChanged = !configRead || configFile.filter(hinted::contains).isPresent();
        if (configChanged) {
            readConfig();
        }
        if (themeChanged) {
            // Mustache caches compiled templates for good: a changed theme needs a new factory,
            // and every lesson, since the mlp template is in each lesson's HTML.
            templates = new Templates(builder.options().templates());
            blockCache = new BlockCache();
        }
        if (themeChanged || configChanged) {
            // The cache's keys hold the practice default, so blocks the config does not touch are reused.
            reader = builder.reader(templates, blockCache, config);
            files.clear();
            themeDue = true;
        }
        readChangedLessons(hinted);

        Diagnostics diagnostics = new Diagnostics();
        diagnostics.addAll(configProblems);
        Set<String> readable = new HashSet<>();
        Map<String, Lesson> lessons = new LinkedHashMap<>();
        Map<String, LessonOutline> outlines = new LinkedHashMap<>();
        Map<String, List<LessonLink>> linksOfFailed = new LinkedHashMap<>();
        for (Known known : files.values()) {
            diagnostics.addAll(known.result().diagnostics());
            if (known.result().file() != null) {
                readable.add(known.result().file().label());
                if (known.result().lesson().isEmpty()) {
                    linksOfFailed.put(known.result().file().label(), known.result().links());
                }
            }
            known.result().lesson().ifPresent(lesson -> lessons.put(lesson.source(), lesson));
            known.outline().ifPresent(outline -> outlines.put(outline.source(), outline));
        }
        Set<String> drafts = new HashSet<>();
        outlines.values().stream().filter(o -> o.frontMatter().draft()).forEach(o -> drafts.add(o.source()));
        LessonChecks.check(readable, outlines, linksOfFailed, drafts, true, diagnostics);
        Map<String, String> pages = builder.pages(List.copyOf(lessons.keySet()), diagnostics);
        Series series = SiteWriter.series(lessons.values(), pages, SiteBuilder.sections(config));
        Map<String, Series.Entry> bySource = new HashMap<>();
        series.all().forEach(entry -> bySource.put(entry.source(), entry));
        SiteBuilder.checkAnswerPages(bySource, outlines.values(), diagnostics);
        if (diagnostics.hasErrors()) {
            return new Update(new BuildReport(diagnostics, lessons.size(), 0), false, List.of());
        }
        boolean full = themeDue || writtenSections == null;
        Map<String, String> due;
        Map<String, byte[]> downloads = new TreeMap<>();
        try {
            due = render(series, lessons, outlines, full, downloads);
        } catch (Templates.TemplateException e) {
            diagnostics.add(builder.templateError(e));
            return new Update(new BuildReport(diagnostics, lessons.size(), 0), false, List.of());
        }
        write(due, downloads, series, lessons, full, outlines.values().stream().anyMatch(LessonOutline::math));
        // The search index and the 404 page follow the lessons; the update names the lesson pages.
        List<String> pagesWritten = due.keySet().stream()
                .filter(p -> !p.equals(SiteWriter.SEARCH_INDEX) && !p.equals(SiteWriter.NOT_FOUND_PAGE))
                .toList();
        return new Update(new BuildReport(diagnostics, lessons.size(), pagesWritten.size()), full, pagesWritten);
    }

    /** A writer with the site's name, tagline and language, and no base URL: the preview serves pages from its own address. */
    private SiteWriter writer() {
        return new SiteWriter(templates, out, config.orElse(SiteConfig.NONE).withoutBaseUrl());
    }

    /** Reads the site config; a config file removed while serving counts as none. */
    private void readConfig() throws IOException {
        configProblems = new Diagnostics();
        config = configFile.isPresent() && !Files.isRegularFile(configFile.get())
                ? Optional.of(SiteConfig.NONE)
                : builder.config(configProblems);
        configRead = true;
    }

    /** Reads the lesson files that are new, hinted at, or differ in size or time; forgets removed ones. */
    private void readChangedLessons(Set<Path> hinted) throws IOException {
        ContentFolder content = builder.contentFolder();
        Set<String> present = new HashSet<>();
        List<LessonFile> toRead = new ArrayList<>();
        Map<String, BasicFileAttributes> attributes = new LinkedHashMap<>();
        for (Path path : content.paths()) {
            String label = content.labelOf(path);
            present.add(label);
            BasicFileAttributes now = Files.readAttributes(path, BasicFileAttributes.class);
            Known known = files.get(label);
            if (known != null && !hinted.contains(path.toAbsolutePath().normalize())
                    && known.modified().equals(now.lastModifiedTime()) && known.size() == now.size()) {
                continue;
            }
            Diagnostics unreadable = new Diagnostics();
            var file = content.read(path, unreadable);
            attributes.put(label, now);
            dirty.add(label);
            if (file.isPresent()) {
                toRead.add(file.get());
            } else {
                files.put(label, new Known(now.lastModifiedTime(), now.size(),
                        LessonReader.Result.failed(null, unreadable)));
            }
        }
        for (LessonReader.Result result : reader.read(toRead)) {
            BasicFileAttributes a = attributes.get(result.file().label());
            files.put(result.file().label(), new Known(a.lastModifiedTime(), a.size(), result));
        }
        for (String label : List.copyOf(files.keySet())) {
            if (!present.contains(label)) {
                files.remove(label);
                dirty.add(label);
            }
        }
    }

    /** The HTML of every page due, by page path; nothing is written yet. */
    /** @param downloads receives the blocks' downloads of the lessons due, by path */
    private Map<String, String> render(Series series, Map<String, Lesson> lessons,
                                       Map<String, LessonOutline> outlines, boolean full, Map<String, byte[]> downloads) {
        SiteWriter writer = writer();
        Map<String, List<Series.Entry>> sections = series.sections();
        Set<String> changedSections = new HashSet<>();
        if (!full) {
            Set<String> names = new HashSet<>(sections.keySet());
            names.addAll(writtenSections.keySet());
            for (String name : names) {
                if (!Objects.equals(sections.get(name), writtenSections.get(name))) {
                    changedSections.add(name);
                }
            }
        }
        Map<String, String> due = new TreeMap<>();
        if (full || !changedSections.isEmpty() || !sections.keySet().equals(writtenSections.keySet())) {
            due.put(SiteWriter.INDEX_PAGE, writer.indexHtml(series));
        }
        for (Series.Entry entry : series.all()) {
            if (full || dirty.contains(entry.source()) || changedSections.contains(entry.frontMatter().section())) {
                Lesson lesson = lessons.get(entry.source());
                SiteWriter.Frame frame = writer.frame(series, entry);
                due.put(entry.page(), writer.lessonHtml(frame, lesson));
                if (lesson.practice()) {
                    due.put(Lesson.answersPage(entry.page()), writer.answersHtml(frame, entry, lesson));
                }
                lesson.exports().forEach(file -> downloads.put(SiteWriter.beside(entry.page(), file.name()), file.bytes()));
            }
        }
        if (full || due.containsKey(SiteWriter.INDEX_PAGE)) {
            writer.notFoundHtml(series).ifPresent(html -> due.put(SiteWriter.NOT_FOUND_PAGE, html));
        }
        if (full || !dirty.isEmpty() || due.containsKey(SiteWriter.INDEX_PAGE)) {
            due.put(SiteWriter.SEARCH_INDEX, SiteWriter.searchIndex(series, outlines, searchEntries));
        }
        return due;
    }

    /** @param math whether any lesson has math: then KaTeX is in the folder, as a full build would have it */
    private void write(Map<String, String> due, Map<String, byte[]> downloads, Series series,
                       Map<String, Lesson> lessons, boolean full, boolean math) throws IOException {
        SiteWriter writer = writer();
        Files.createDirectories(out);
        if (!Files.exists(out.resolve(OutputFolder.MARKER))) {
            Files.writeString(out.resolve(OutputFolder.MARKER), OutputFolder.MARKER_TEXT);
        }
        for (Map.Entry<String, String> page : due.entrySet()) {
            writer.writePage(page.getKey(), page.getValue());
        }
        for (Map.Entry<String, byte[]> file : downloads.entrySet()) {
            writer.writeFile(file.getKey(), file.getValue());
        }
        Set<String> pages = new HashSet<>();
        series.all().forEach(entry -> {
            pages.add(entry.page());
            lessons.get(entry.source()).exports().forEach(f -> pages.add(SiteWriter.beside(entry.page(), f.name())));
        });
        for (String gone : writtenPages) {
            if (!pages.contains(gone)) {
                Files.deleteIfExists(out.resolve(gone));
            }
        }
        if (full) {
            templates.theme().copyAssets(out);
        }
        // A lesson gains or loses math in any rebuild, full or not.
        Path katex = out.resolve(SiteWriter.ASSETS).resolve(KatexAssets.FOLDER);
        if (math && (full || !Files.isDirectory(katex))) {
            KatexAssets.copyInto(out.resolve(SiteWriter.ASSETS));
        } else if (!math && Files.isDirectory(katex)) {
            OutputFolder.deleteTree(katex);
        }
        if (full) {
            Set<String> kept = new HashSet<>(due.keySet());
            kept.addAll(downloads.keySet());
            removeStaleFiles(kept, math);
        }
        writtenPages = pages;
        writtenSections = new LinkedHashMap<>(series.sections());
        dirty.clear();
        themeDue = false;
    }

    /** After a full rebuild, files a previous theme or lesson left behind; links are removed, not followed. */
    private void removeStaleFiles(Set<String> pages, boolean math) throws IOException {
        Set<Path> keep = new HashSet<>();
        pages.forEach(page -> keep.add(out.resolve(page)));
        keep.add(out.resolve(OutputFolder.MARKER));
        templates.theme().assets().forEach(name -> keep.add(out.resolve(SiteWriter.ASSETS).resolve(name)));
        if (math) {
            for (String file : KatexAssets.files()) {
                keep.add(out.resolve(SiteWriter.ASSETS).resolve(KatexAssets.FOLDER).resolve(file));
            }
        }
        List<Path> stale;
        try (Stream<Path> walk = Files.walk(out)) {
            stale = walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !keep.contains(p))
                    .toList();
        }
        for (Path file : stale) {
            Files.deleteIfExists(file);
        }
    }
}
