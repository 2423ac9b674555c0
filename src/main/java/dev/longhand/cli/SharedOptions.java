package dev.longhand.cli;

import dev.longhand.site.SiteBuilder;
import dev.longhand.site.SiteConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options that build and check share. */
final class SharedOptions {

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "Folder of Markdown lessons (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
            description = "Folder of Mustache templates and assets (default: ${DEFAULT-VALUE}).")
    Path templates;

    @Option(names = "--threads", paramLabel = "N",
            description = "Lessons rendered at once (default: the number of processors). The output does not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--config", paramLabel = "FILE",
            description = {"Site settings such as baseUrl (default: longhand.yml beside the content folder,"
                    + " if there is one)."})
    Path config;

    /** The builder's options; a missing folder or an explicitly named missing config file is a usage error. */
    SiteBuilder.Options builderOptions(CommandSpec spec) {
        SiteBuilder.Options options = new SiteBuilder.Options(
                Folders.existing(spec, content, "--content"), Folders.label(content),
                Folders.existing(spec, templates, "--templates"), Folders.label(templates), threads);
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--config: the file '" + config + "' does not exist");
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
