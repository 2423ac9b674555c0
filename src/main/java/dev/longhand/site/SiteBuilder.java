package dev.longhand.site;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Diagnostics;
import dev.longhand.diag.Position;
import dev.longhand.markdown.Lesson;
import dev.longhand.markdown.MarkdownEngine;
import dev.longhand.render.Templates;
import dev.longhand.spec.SiteConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole build: read every lesson, compute and render it, and only if nothing went wrong
 * write the site into a staging folder and swap it in. {@link #check} does the same reading
 * and writes nothing.
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

    public SiteBuilder(Options options) {
        this.options = options;
    }

    /** Reads and computes everything, writes nothing. */
    public BuildReport check() throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        config(diagnostics);
        List<Lesson> lessons = readLessons(templates(), diagnostics);
        pages(lessons, diagnostics);
        return new BuildReport(diagnostics, lessons.size(), 0);
    }

    /** Builds the site into {@code out}; on any error {@code out} is left exactly as it was. */
    public BuildReport build(Path out) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        Optional<SiteConfig> config = config(diagnostics);
        List<Lesson> lessons = readLessons(templates(), diagnostics);
        Map<Lesson, String> pages = pages(lessons, diagnostics);
        if (diagnostics.hasErrors() || config.isEmpty()) {
            return new BuildReport(diagnostics, lessons.size(), 0);
        }
        OutputFolder.Result opened = OutputFolder.open(out);
        if (opened.folder().isEmpty()) {
            diagnostics.add(Diagnostic.error(Position.startOf(out.toString()), opened.refusal(), ""));
            return new BuildReport(diagnostics, lessons.size(), 0);
        }
        OutputFolder folder = opened.folder().get();
        Path staging = folder.newStaging();
        try {
            int written = new SiteWriter(templates(), staging, config.get(), options.threads()).write(lessons, pages, options.templates());
            folder.swapIn(staging);
            return new BuildReport(diagnostics, lessons.size(), written);
        } catch (Templates.TemplateException e) {
            folder.discard(staging);
            diagnostics.add(templateError(e));
            return new BuildReport(diagnostics, lessons.size(), 0);
        } catch (IOException | RuntimeException e) {
            folder.discard(staging);
            throw e;
        }
    }

    Options options() {
        return options;
    }

    /** The site config: the default without a file, empty after reporting its errors. */
    private Optional<SiteConfig> config(Diagnostics diagnostics) throws IOException {
        if (options.config().isEmpty()) {
            return Optional.of(SiteConfig.NONE);
        }
        String label = options.configLabel().isEmpty() ? options.config().get().toString() : options.configLabel();
        return SiteConfigFile.read(options.config().get(), label, diagnostics);
    }

    private Templates templatesInstance;

    /** One template factory per build: compiled templates are reused by every page. */
    private synchronized Templates templates() {
        if (templatesInstance == null) {
            templatesInstance = new Templates(options.templates());
        }
        return templatesInstance;
    }

    /** The Markdown engine of a build, with links to lesson files rewritten to their pages. */
    MarkdownEngine engine(Templates templates) {
        return new MarkdownEngine(templates,
                (from, to) -> PagePaths.rootOf(PagePaths.of(relative(from))) + PagePaths.of(relative(to)));
    }

    LessonReader reader(Templates templates) {
        return new LessonReader(engine(templates), options.threads(), this::templateError);
    }

    ContentFolder contentFolder() {
        return new ContentFolder(options.content(), options.contentLabel());
    }

    private List<Lesson> readLessons(Templates templates, Diagnostics diagnostics) throws IOException {
        List<LessonFile> files = contentFolder().lessons(diagnostics);
        List<LessonReader.Result> results = reader(templates).read(files);
        Map<String, LessonFile> byName = new LinkedHashMap<>();
        Map<String, Lesson> lessons = new LinkedHashMap<>();
        for (LessonReader.Result result : results) {
            diagnostics.addAll(result.diagnostics());
            byName.put(result.file().label(), result.file());
            result.lesson().ifPresent(lesson -> lessons.put(lesson.source(), lesson));
        }
        LessonChecks.check(byName, lessons, diagnostics);
        return List.copyOf(lessons.values());
    }

    /** Each lesson's page path; two lessons that would share one are an error naming both. */
    Map<Lesson, String> pages(List<Lesson> lessons, Diagnostics diagnostics) {
        Map<Lesson, String> pages = new java.util.IdentityHashMap<>();
        Map<String, Lesson> byPage = new HashMap<>();
        for (Lesson lesson : lessons) {
            String page = PagePaths.of(relative(lesson.source()));
            Lesson other = byPage.putIfAbsent(page, lesson);
            if (other != null || page.equals(SiteWriter.INDEX_PAGE)) {
                String clash = other != null ? other.source() : "the index page";
                diagnostics.add(Diagnostic.error(Position.startOf(lesson.source()),
                        "this lesson's page would be " + page + ", the same as " + clash + "; rename one of them", ""));
            }
            pages.put(lesson, page);
        }
        for (Lesson lesson : lessons) {
            if (lesson.practice()) {
                String answers = Lesson.answersPage(pages.get(lesson));
                Lesson other = byPage.get(answers);
                if (other != null) {
                    diagnostics.add(Diagnostic.error(Position.startOf(other.source()), "this lesson's page would be "
                            + answers + ", the same as the answer key of " + lesson.source() + "; rename one of them", ""));
                }
            }
        }
        return pages;
    }

    private String relative(String label) {
        String prefix = options.contentLabel().isEmpty() ? "" : options.contentLabel() + "/";
        return label.startsWith(prefix) ? label.substring(prefix.length()) : label;
    }

    Diagnostic templateError(Templates.TemplateException e) {
        Path template = e.template();
        Path relative = options.templates().toAbsolutePath().normalize()
                .relativize(template.toAbsolutePath().normalize());
        String label = options.templatesLabel().isEmpty() ? relative.toString()
                : options.templatesLabel() + "/" + relative;
        return Diagnostic.error(Position.startOf(label.replace('\\', '/')), "template error: " + e.getMessage(), "");
    }
}
