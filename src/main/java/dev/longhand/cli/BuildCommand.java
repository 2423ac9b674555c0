package dev.longhand.cli;

import dev.longhand.site.BuildReport;
import dev.longhand.site.SiteBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code longhand build}: the site, all or nothing. */
final class BuildCommand implements Command {

    static final Option OUT = new Option("--out", "DIR", "Folder the site is written to, replaced whole (default: site).",
            "site");
    static final Option BASE_URL = new Option("--base-url", "URL",
            "The address the site is published at, e.g. https://you.github.io/course/; replaces baseUrl of the "
                    + "site config (a publishing workflow knows it). Empty: as the config says.", null);

    static final Option NO_CACHE = new Option("--no-cache", "",
            "Compute every lesson. Without it, a lesson whose file, neighbours, config, templates and Longhand are "
                    + "unchanged since the last build into the same folder is written from that build's files "
                    + "(kept in .longhand-DIR-cache beside the folder).", null);

    @Override
    public String name() {
        return "build";
    }

    @Override
    public List<String> description() {
        return List.of("Compute every lesson and write the site.",
                "Nothing is written unless the whole build succeeds: on errors the output folder stays as it was.",
                "A lesson nothing has changed for since the last build into the folder is taken from that build, "
                        + "byte for byte what computing it gives (see --no-cache).");
    }

    @Override
    public List<Option> options() {
        List<Option> options = new ArrayList<>(SharedOptions.ALL);
        options.add(OUT);
        options.add(BASE_URL);
        options.add(NO_CACHE);
        return options;
    }

    @Override
    public List<String> exitStatuses() {
        return List.of("0   the site was built", "1   the content has errors (printed as file:line:col: error: ...)",
                "2   bad usage");
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) throws IOException, UsageError {
        long start = System.nanoTime();
        Path folder = arguments.path(OUT.name());
        SiteBuilder builder = new SiteBuilder(SharedOptions.builderOptions(arguments));
        String baseUrl = arguments.text(BASE_URL.name());
        if (baseUrl != null && !baseUrl.isBlank()) {
            try {
                builder = builder.publishedAt(baseUrl.strip());
            } catch (IllegalArgumentException e) {
                throw new UsageError("--base-url: " + e.getMessage());
            }
        }
        if (arguments.has(NO_CACHE.name())) {
            builder = builder.computingEverything();
        }
        BuildReport report = builder.build(folder);
        Report.print(report.diagnostics(), err);
        if (!report.succeeded()) {
            err.println("build failed; " + folder + " was not changed");
            return ExitCode.CONTENT_ERRORS;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<String> notes = new ArrayList<>();
        if (report.unchanged() > 0) {
            notes.add(report.unchanged() + " unchanged since the last build");
        }
        if (report.drafts() > 0) {
            notes.add(Plural.of(report.drafts(), "draft") + " left out");
        }
        out.printf("built %s from %s into %s in %d ms%s%n",
                Plural.of(report.pages(), "page"), Plural.of(report.lessons(), "lesson"), folder, millis,
                notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
        return ExitCode.OK;
    }
}
