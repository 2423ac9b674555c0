package dev.longhand.cli;

import java.nio.file.Path;
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
}
