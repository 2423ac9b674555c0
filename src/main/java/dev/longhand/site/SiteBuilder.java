package dev.longhand.site;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Diagnostics;
import dev.longhand.diag.Position;
import dev.longhand.markdown.BlockCache;
import dev.longhand.markdown.Lesson;
import dev.longhand.markdown.LessonLink;
import dev.longhand.markdown.MarkdownEngine;
import dev.longhand.render.Templates;
import dev.longhand.spec.PracticeDefault;
import dev.longhand.spec.SectionName;
import dev.longhand.spec.SiteConfig;
import dev.longhand.spec.SiteConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole build: read every lesson, compute and render it into a staging folder, and only
 * if nothing went wrong swap that folder in. {@link #check} does the same reading and writes
 * nothing. Drafts ({@code draft: true}) are left out: only their front matter is read, they get
 * no page and no place in the index, the search or the sitemap, and a link to one is an error.
 */
public final class SiteBuilder {

    /**
     * @param content        the lessons
     * @param contentLabel   how messages name the content folder ("content")
     * @param templates      the theme
     * @param templatesLabel how messages name the theme folder ("templates")
     * @param threads        lessons rendered at once; the output does not depend on it
     * @param config         the site config file ({@code longhand.yml}), if any
     * @param configLabel    how messages name the config file
     */
    public record Options(Path content, String contentLabel, Path templates, String templatesLabel, int threads,
                          Optional<Path> config, String configLabel) {

        /** Without a config file: no base URL. */
        public Options(Path content, String contentLabel, Path templates, String templatesLabel, int threads) {
            this(content, contentLabel, templates, templatesLabel, threads, Optional.empty(), "");
        }

        /** The same options with a config file. */
        public Options withConfig(Path file, String label) {
            return new Options(content, contentLabel, templates, templatesLabel, threads, Optional.of(file), label);
        }
    }

    private final Options options;
    /** A base URL that replaces the config file's, as a publishing workflow knows it; empty to keep the file's. */
    private final Optional<String> baseUrl;
    /** Whether a build writes lessons nothing has changed for from the last build's files ({@link BuildCache}). */
    private final boolean reuse;

    public SiteBuilder(Options options) {
        this(options, Optional.empty(), true);
    }

    private SiteBuilder(Options options, Optional<String> baseUrl, boolean reuse) {
        this.options = options;
        this.baseUrl = baseUrl;
        this.reuse = reuse;
    }

    /**
     * The same build computing every lesson, whatever the last build into the same folder kept;
     * it keeps what it computed for the next build as any build does.
     */
    public SiteBuilder computingEverything() {
        return new SiteBuilder(options, baseUrl, false);
    }

    /**
     * The same build published at {@code url} whatever {@code longhand.yml} says.
     *
     * @throws IllegalArgumentException with what is wrong, when the URL is not one a site can be published at
     */
    public SiteBuilder publishedAt(String url) {
        Optional<String> problem = SiteConfigReader.problemWith(url);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return new SiteBuilder(options, Optional.of(url), reuse);
    }

    /** Reads and computes everything, writes nothing. */
    public BuildReport check() throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        Optional<SiteConfig> config = config(diagnostics);
        Plan plan = plan(config, Optional.empty(), diagnostics);
        Map<String, LessonOutline> lessons = computeLessons(plan, config, Optional.empty(), Optional.empty(),
                IN_FILE_ORDER, diagnostics).outlines();
        return new BuildReport(diagnostics, lessons.size(), 0, plan.drafts().size());
    }

    /**
     * Builds the site into {@code out}; on any error {@code out} is left exactly as it was.
     *
     * <p>Memory does not grow with the site: first only the front matter of every lesson is
     * read (the order, titles and page paths that each page's sidebar and links need), then
     * each lesson is computed, its page written to the staging folder and the lesson dropped,
     * keeping its {@link LessonOutline}. Errors anywhere discard the staging folder.
     */
    public BuildReport build(Path out) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        Optional<SiteConfig> config = config(diagnostics);
        OutputFolder.Result opened = OutputFolder.open(out);
        if (opened.folder().isEmpty()) {
            Plan plan = plan(config, Optional.empty(), diagnostics);
            diagnostics.add(Diagnostic.error(Position.startOf(out.toString()), opened.refusal(), ""));
            Map<String, LessonOutline> lessons = computeLessons(plan, config, Optional.empty(), Optional.empty(),
                    IN_FILE_ORDER, diagnostics).outlines();
            return new BuildReport(diagnostics, lessons.size(), 0);
        }
        OutputFolder folder = opened.folder().get();
        Optional<CacheUse> cache = config.isEmpty() ? Optional.empty() : Optional.of(new CacheUse(
                BuildCache.of(folder.target(), config.get(), options.templates(), options.contentLabel()),
                folder.target(), reuse));
        Plan plan = plan(config, cache.filter(CacheUse::read).map(CacheUse::cache), diagnostics);
        Path staging = folder.newStaging();
        try {
            SiteWriter writer = new SiteWriter(templates(), staging, config.orElse(SiteConfig.NONE));
            // Once the build is known to fail, lessons are still computed for their errors, not written.
            boolean failing = diagnostics.hasErrors() || config.isEmpty();
            Computed computed = computeLessons(plan, config, failing ? Optional.empty() : Optional.of(writer),
                    failing ? Optional.empty() : cache, largestPageFirst(plan, folder.target()), diagnostics);
            Map<String, LessonOutline> lessons = computed.outlines();
            if (diagnostics.hasErrors() || config.isEmpty()) {
                folder.discard(staging);
                return new BuildReport(diagnostics, lessons.size(), 0);
            }
            int written = writer.finish(plan.series(), lessons, computed.searchJson());
            folder.swapIn(staging);
            if (cache.isPresent()) {
                // Kept only now: an entry names files of the folder just swapped in.
                Parallel.map(options.threads(), computed.toCache(), lesson -> {
                    cache.get().cache().put(lesson);
                    return lesson;
                });
                cache.get().cache().keepOnly(lessons.keySet());
            }
            return new BuildReport(diagnostics, lessons.size(), written, plan.drafts().size(), computed.unchanged());
        } catch (Templates.TemplateException e) {
            folder.discard(staging);
            diagnostics.add(templateError(e));
            return new BuildReport(diagnostics, 0, 0);
        } catch (IOException | RuntimeException e) {
            folder.discard(staging);
            throw e;
        }
    }

    /**
     * The site's shape from front matter alone: every lesson file, and the series of those whose
     * front matter reads, without the drafts (by source in {@code drafts}). Problems are not
     * reported here: computing the lesson reports them.
     *
     * @param reusable the cache entries whose text key is the lesson file's now, by source
     */
    private record Plan(List<Path> files, Series series, Map<String, Series.Entry> bySource, Set<String> drafts,
                        Map<String, CachedLesson> reusable) {
    }

    /** A lesson file as the plan read it: its place, and its cache entry while its text is the same. */
    private record Planned(Series.Entry entry, Optional<CachedLesson> cached) {
    }

    /**
     * @param cache the build cache to take the front matter of unchanged lessons from, or none
     *              to read every lesson's
     */
    private Plan plan(Optional<SiteConfig> config, Optional<BuildCache> cache, Diagnostics diagnostics)
            throws IOException {
        ContentFolder content = contentFolder();
        List<Path> files = content.paths();
        List<Optional<Planned>> read = Parallel.map(options.threads(), files, path -> {
            Diagnostics unreported = new Diagnostics();
            Optional<CachedLesson> cached = Optional.empty();
            Optional<LessonFile> front;
            if (cache.isPresent()) {
                Optional<byte[]> bytes = content.readBytes(path, unreported);
                if (bytes.isEmpty()) {
                    return Optional.empty();
                }
                String label = content.labelOf(path);
                String textKey = cache.get().textKeyOf(label, bytes.get());
                cached = cache.get().get(label).filter(entry -> entry.textKey().equals(textKey));
                if (cached.isPresent()) {
                    return Optional.of(new Planned(new Series.Entry(label, "", cached.get().outline().frontMatter()),
                            cached));
                }
                front = content.frontMatter(path, bytes.get(), unreported);
            } else {
                front = content.readFrontMatter(path, unreported);
            }
            return front.flatMap(file -> MarkdownEngine.frontMatter(file.label(), file.text(), unreported)
                    .map(frontMatter -> new Planned(new Series.Entry(file.label(), "", frontMatter), Optional.empty())));
        });
        List<String> sources = new ArrayList<>();
        read.forEach(planned -> planned.ifPresent(p -> sources.add(p.entry().source())));
        Map<String, String> pages = pages(sources, diagnostics);
        List<Series.Entry> entries = new ArrayList<>();
        Set<String> drafts = new HashSet<>();
        Map<String, CachedLesson> reusable = new HashMap<>();
        read.forEach(planned -> planned.ifPresent(p -> {
            Series.Entry e = p.entry();
            if (e.frontMatter().draft()) {
                drafts.add(e.source());
            } else {
                entries.add(new Series.Entry(e.source(), pages.get(e.source()), e.frontMatter()));
                p.cached().ifPresent(cached -> reusable.put(e.source(), cached));
            }
        }));
        Map<String, Series.Entry> bySource = new HashMap<>();
        entries.forEach(entry -> bySource.put(entry.source(), entry));
        return new Plan(files, new Series(entries, sections(config)), bySource, drafts, reusable);
    }

    /**
     * The build cache as one build uses it.
     *
     * @param previous the last build's output folder, where reused files are taken from
     * @param read     whether lessons are reused; entries are kept for the next build either way
     */
    private record CacheUse(BuildCache cache, Path previous, boolean read) {
    }

    /**
     * What computing the lessons gave.
     *
     * @param outlines   the outlines of the lessons without errors, by source
     * @param searchJson the search index entries of the lessons written, by source
     * @param toCache    the cache entries of the lessons computed (or reused from copies) to keep
     * @param unchanged  how many lessons were reused, not computed
     */
    private record Computed(Map<String, LessonOutline> outlines, Map<String, String> searchJson,
                            List<CachedLesson> toCache, int unchanged) {
    }

    /**
     * One lesson file's outcome.
     *
     * @param readable the file as messages name it, when it could be read
     * @param links    the links of a lesson with errors, checked with its other errors
     * @param searchJson its search index entry, when it was written
     * @param cached   the lesson's cache entry to keep, if it is a new one
     * @param reused   whether it was written from the last build's files
     */
    private record One(Optional<String> readable, Optional<LessonOutline> outline, List<LessonLink> links,
                       Diagnostics diagnostics, Optional<String> searchJson, Optional<CachedLesson> cached,
                       boolean reused) {

        /** A file with no lesson to show: unreadable, or a draft (not computed). */
        static One withoutLesson(Optional<String> readable, List<LessonLink> links, Diagnostics diagnostics) {
            return new One(readable, Optional.empty(), links, diagnostics, Optional.empty(), Optional.empty(), false);
        }
    }

    /**
     * Computes every lesson of the plan, several at a time; with a writer, writes each page as
     * soon as its lesson is computed, or links it from the last build's when the cache says
     * nothing has changed for it. Reports every lesson's errors and the checks across lessons.
     */
    private Computed computeLessons(Plan plan, Optional<SiteConfig> config, Optional<SiteWriter> writer,
                                    Optional<CacheUse> cache, Comparator<Path> startFirst, Diagnostics diagnostics)
            throws IOException {
        ContentFolder content = contentFolder();
        LessonReader reader = reader(templates(), null, config);
        List<One> computed = Parallel.map(options.threads(), plan.files(), startFirst,
                path -> computeOne(path, plan, content, reader, writer, cache));
        Set<String> files = new HashSet<>();
        Map<String, LessonOutline> lessons = new LinkedHashMap<>();
        Map<String, List<LessonLink>> linksOfFailed = new LinkedHashMap<>();
        Map<String, String> searchJson = new HashMap<>();
        List<CachedLesson> toCache = new ArrayList<>();
        int unchanged = 0;
        for (One one : computed) {
            diagnostics.addAll(one.diagnostics());
            one.readable().ifPresent(files::add);
            one.outline().ifPresent(outline -> lessons.put(outline.source(), outline));
            if (one.outline().isEmpty() && one.readable().isPresent()) {
                linksOfFailed.put(one.readable().get(), one.links());
            }
            one.searchJson().ifPresent(json -> searchJson.put(one.readable().get(), json));
            one.cached().ifPresent(toCache::add);
            unchanged += one.reused() ? 1 : 0;
        }
        LessonChecks.check(files, lessons, linksOfFailed, plan.drafts(), false, diagnostics);
        checkAnswerPages(plan.bySource(), lessons.values(), diagnostics);
        return new Computed(lessons, searchJson, toCache, unchanged);
    }

    /**
     * One lesson file: written from the last build's files when the cache has it under its key
     * now, else read, computed and (with a writer) written, with a new cache entry to keep.
     */
    private static One computeOne(Path path, Plan plan, ContentFolder content, LessonReader reader,
                                  Optional<SiteWriter> writer, Optional<CacheUse> cache) throws IOException {
        String label = content.labelOf(path);
        Series.Entry entry = plan.bySource().get(label);
        boolean caching = cache.isPresent() && writer.isPresent() && entry != null;
        Optional<SiteWriter.Frame> frame = writer.isPresent() && entry != null
                ? Optional.of(writer.get().frame(plan.series(), entry)) : Optional.empty();
        String frameText = caching ? frame.get().toString() : "";
        CachedLesson known = plan.reusable().get(label);
        if (caching && known != null && known.key().equals(BuildCache.keyOf(known.textKey(), frameText))) {
            Optional<One> reused = reuse(cache.get(), writer.get(), known);
            if (reused.isPresent()) {
                return reused.get();
            }
        }
        Diagnostics unreadable = new Diagnostics();
        Optional<byte[]> bytes = content.readBytes(path, unreadable);
        if (bytes.isEmpty()) {
            return One.withoutLesson(Optional.empty(), List.of(), unreadable);
        }
        // The text key of the bytes read now, which the pages are made of (the file may have changed since the plan).
        Optional<String> textKey = caching ? Optional.of(cache.get().cache().textKeyOf(label, bytes.get()))
                : Optional.empty();
        Optional<LessonFile> file = content.decode(path, bytes.get(), unreadable);
        if (file.isEmpty()) {
            return One.withoutLesson(Optional.empty(), List.of(), unreadable);
        }
        if (plan.drafts().contains(file.get().label())) {
            // Not published, so not computed: an unfinished draft does not fail the build.
            return One.withoutLesson(Optional.of(file.get().label()), List.of(), new Diagnostics());
        }
        LessonReader.Result result = reader.read(file.get());
        Optional<LessonOutline> outline = result.lesson().map(lesson -> LessonOutline.of(lesson, file.get().text()));
        if (outline.isEmpty() || writer.isEmpty() || entry == null) {
            return new One(Optional.of(file.get().label()), outline, outline.isPresent() ? List.of() : result.links(),
                    result.diagnostics(), Optional.empty(), Optional.empty(), false);
        }
        List<String> written = writer.get().writeLesson(frame.get(), entry, result.lesson().get());
        String searchJson = SiteWriter.searchJson(plan.series(), entry, outline.get());
        Optional<CachedLesson> cached = textKey.isEmpty() ? Optional.empty()
                : cacheEntry(textKey.get(), BuildCache.keyOf(textKey.get(), frameText), outline.get(), searchJson,
                result.diagnostics(), writer.get(), written);
        return new One(Optional.of(file.get().label()), outline, List.of(), result.diagnostics(),
                Optional.of(searchJson), cached, false);
    }

    /**
     * A lesson written from the last build's files, given its cache entry with the lesson's key
     * now: when its files are still as that build wrote them. Its warnings are reported again.
     */
    private static Optional<One> reuse(CacheUse cache, SiteWriter writer, CachedLesson cached) {
        Optional<List<CachedLesson.WrittenFile>> files = writer.reuse(cache.previous(), cached.files());
        if (files.isEmpty()) {
            return Optional.empty();
        }
        CachedLesson now = new CachedLesson(cached.textKey(), cached.key(), cached.outline(), cached.searchJson(),
                cached.warnings(), files.get());
        Diagnostics warnings = new Diagnostics();
        warnings.addAll(now.warnings());
        // A copy is a new file, so its entry is kept anew; links are the files the entry names.
        Optional<CachedLesson> renewed = files.get().equals(cached.files()) ? Optional.empty() : Optional.of(now);
        return Optional.of(new One(Optional.of(now.outline().source()), Optional.of(now.outline()), List.of(), warnings,
                Optional.of(now.searchJson()), renewed, true));
    }

    /** The cache entry of a lesson just written; none when one of its files cannot be looked at. */
    private static Optional<CachedLesson> cacheEntry(String textKey, String key, LessonOutline outline,
                                                     String searchJson, Diagnostics warnings, SiteWriter writer,
                                                     List<String> written) {
        List<CachedLesson.WrittenFile> files = new ArrayList<>();
        for (String path : written) {
            Optional<CachedLesson.WrittenFile> file = writer.written(path);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            files.add(file.get());
        }
        return Optional.of(new CachedLesson(textKey, key, outline, searchJson, warnings.sorted(), files));
    }

    Options options() {
        return options;
    }

    /** The site config: the default without a file, empty after reporting its errors. */
    Optional<SiteConfig> config(Diagnostics diagnostics) throws IOException {
        Optional<SiteConfig> config;
        if (options.config().isEmpty()) {
            config = Optional.of(SiteConfig.NONE);
        } else {
            String label = options.configLabel().isEmpty() ? options.config().get().toString() : options.configLabel();
            config = SiteConfigFile.read(options.config().get(), label, diagnostics);
        }
        return baseUrl.isEmpty() ? config : config.map(c -> c.withBaseUrl(baseUrl.get()));
    }

    private Templates templatesInstance;

    /** One template factory per build: compiled templates are reused by every page. */
    private synchronized Templates templates() {
        if (templatesInstance == null) {
            templatesInstance = new Templates(options.templates());
        }
        return templatesInstance;
    }

    /**
     * The site's practice default; none when the config has errors (they are reported, and the
     * lessons are still read for their own errors: a default never adds one).
     */
    static Optional<PracticeDefault> practice(Optional<SiteConfig> config) {
        return config.flatMap(SiteConfig::practice);
    }

    /** The sections the config lists, in its order; none when it lists none or has errors. */
    static Optional<List<SectionName>> sections(Optional<SiteConfig> config) {
        return config.flatMap(SiteConfig::sections);
    }

    /**
     * The Markdown engine of a build, with links to lesson files rewritten to their pages.
     *
     * @param cache    blocks computed before with these templates; null for a build that computes all
     * @param config   the site config (its practice default and its sections), empty when it has errors
     */
    MarkdownEngine engine(Templates templates, BlockCache cache, Optional<SiteConfig> config) {
        return new MarkdownEngine(templates,
                (from, to) -> PagePaths.rootOf(PagePaths.of(relative(from))) + PagePaths.of(relative(to)), cache,
                practice(config), sections(config).map(list -> list.stream().map(SectionName::name).toList()));
    }

    LessonReader reader(Templates templates, BlockCache cache, Optional<SiteConfig> config) {
        return new LessonReader(engine(templates, cache, config), options.threads(), this::templateError);
    }

    ContentFolder contentFolder() {
        return new ContentFolder(options.content(), options.contentLabel());
    }

    private static final Comparator<Path> IN_FILE_ORDER = (a, b) -> 0;

    /**
     * Lessons whose page was largest in the previous build start first: a lesson's cost is not
     * known before it is computed, and the last build's page is the best guess there is (the
     * shipped site's 784-wide network would otherwise start last and run alone at the end).
     * Only the order of work depends on it, never the output.
     */
    private Comparator<Path> largestPageFirst(Plan plan, Path previous) {
        ContentFolder content = contentFolder();
        Map<Path, Long> sizes = new HashMap<>();
        for (Path path : plan.files()) {
            Series.Entry entry = plan.bySource().get(content.labelOf(path));
            Path page = entry == null ? null : previous.resolve(entry.page());
            long size = 0;
            if (page != null && Files.isRegularFile(page)) {
                try {
                    size = Files.size(page);
                } catch (IOException e) {
                    size = 0; // only a hint
                }
            }
            sizes.put(path, size);
        }
        return Comparator.comparingLong((Path path) -> sizes.getOrDefault(path, 0L)).reversed();
    }

    /** Each lesson's page path by source; two lessons that would share one are an error naming both. */
    Map<String, String> pages(List<String> sources, Diagnostics diagnostics) {
        Map<String, String> pages = new HashMap<>();
        Map<String, String> byPage = new HashMap<>();
        for (String source : sources) {
            String page = PagePaths.of(relative(source));
            String other = byPage.putIfAbsent(page, source);
            if (other != null || page.equals(SiteWriter.INDEX_PAGE)) {
                String clash = other != null ? other : "the index page";
                diagnostics.add(Diagnostic.error(Position.startOf(source),
                        "this lesson's page would be " + page + ", the same as " + clash + "; rename one of them", ""));
            }
            pages.put(source, page);
        }
        return pages;
    }

    /** A lesson page named like another lesson's answer key ("a-answers.md" beside "a.md") is an error. */
    static void checkAnswerPages(Map<String, Series.Entry> bySource, Collection<LessonOutline> lessons,
                                 Diagnostics diagnostics) {
        Map<String, String> byPage = new HashMap<>();
        bySource.values().forEach(entry -> byPage.put(entry.page(), entry.source()));
        for (LessonOutline lesson : lessons) {
            Series.Entry entry = bySource.get(lesson.source());
            if (lesson.practice() && entry != null) {
                String answers = Lesson.answersPage(entry.page());
                String other = byPage.get(answers);
                if (other != null) {
                    diagnostics.add(Diagnostic.error(Position.startOf(other), "this lesson's page would be "
                            + answers + ", the same as the answer key of " + lesson.source() + "; rename one of them", ""));
                }
            }
        }
    }

    private String relative(String label) {
        String prefix = options.contentLabel().isEmpty() ? "" : options.contentLabel() + "/";
        return label.startsWith(prefix) ? label.substring(prefix.length()) : label;
    }

    /** The author's template is named in their folder; a built-in one as the built-in theme's. */
    Diagnostic templateError(Templates.TemplateException e) {
        String folder = e.overridden() ? options.templatesLabel() : BUILT_IN_THEME_LABEL;
        String label = folder.isEmpty() ? e.template() : folder + "/" + e.template();
        return Diagnostic.error(Position.startOf(label.replace('\\', '/')), "template error: " + e.getMessage(), "");
    }

    /** How messages name the theme inside the jar. */
    static final String BUILT_IN_THEME_LABEL = "(built-in theme)";
}
