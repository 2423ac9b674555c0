package dev.longhand.cli;

import dev.longhand.site.SiteBuilder;
import dev.longhand.site.SiteConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Options that build, check and serve share. */
final class SharedOptions {

    static final Option CONTENT = new Option("--content", "DIR", "Folder of Markdown lessons (default: content).",
            "content");
    static final Option TEMPLATES = new Option("--templates", "DIR",
            "Folder of templates and assets that override the built-in theme file by file (default: templates "
                    + "beside the content folder, if there is one).", null);
    static final Option THREADS = new Option("--threads", "N",
            "Lessons rendered at once (default: the number of processors). The output does not depend on it.", null);
    static final Option CONFIG = new Option("--config", "FILE",
            "Site settings: title, tagline, language, sections, baseUrl, the practice default (default: longhand.yml beside "
                    + "the content folder, if there is one).",
            null);

    static final List<Option> ALL = List.of(CONTENT, TEMPLATES, THREADS, CONFIG);

    /** The override folder's name beside the content folder. */
    private static final String DEFAULT_TEMPLATES = "templates";

    /** More threads than this is a typing mistake, not a machine. */
    private static final int MAX_THREADS = 1024;

    private SharedOptions() {
    }

    /** The builder's options; a missing folder or an explicitly named missing config file is a usage error. */
    static SiteBuilder.Options builderOptions(Arguments arguments) throws UsageError {
        Path content = arguments.path(CONTENT.name());
        int threads = arguments.whole(THREADS.name(), 1, MAX_THREADS, Runtime.getRuntime().availableProcessors());
        // A folder named on the command line must exist (a typo would silently give the built-in
        // theme); the default one beside the content is used only if it is there.
        Path templates;
        String templatesLabel;
        if (arguments.has(TEMPLATES.name())) {
            templates = Folders.existing(arguments.path(TEMPLATES.name()), TEMPLATES.name());
            templatesLabel = Folders.label(templates);
        } else {
            templates = content.toAbsolutePath().normalize().resolveSibling(DEFAULT_TEMPLATES);
            templatesLabel = label(templates);
        }
        SiteBuilder.Options options = new SiteBuilder.Options(
                Folders.existing(content, CONTENT.name()), Folders.label(content), templates, templatesLabel, threads);
        if (arguments.has(CONFIG.name())) {
            Path config = arguments.path(CONFIG.name());
            if (!Files.isRegularFile(config)) {
                throw new UsageError("--config: the file '" + config + "' does not exist");
            }
            return options.withConfig(config, Folders.label(config));
        }
        Optional<Path> beside = SiteConfigFile.besideContent(content);
        return beside.map(file -> options.withConfig(file, label(file))).orElse(options);
    }

    /** A file as messages name it: relative to the working folder when it is below it. */
    private static String label(Path file) {
        Path here = Path.of("").toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return Folders.label(absolute.startsWith(here) ? here.relativize(absolute) : absolute);
    }
}
