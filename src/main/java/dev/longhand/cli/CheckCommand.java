package dev.longhand.cli;

import dev.longhand.site.BuildReport;
import dev.longhand.site.SiteBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** {@code longhand check}: every error, nothing written. */
final class CheckCommand implements Command {

    @Override
    public String name() {
        return "check";
    }

    @Override
    public List<String> description() {
        return List.of("Read and compute every lesson and report problems; write nothing.");
    }

    @Override
    public List<Option> options() {
        return SharedOptions.ALL;
    }

    @Override
    public List<String> exitStatuses() {
        return List.of("0   no errors (warnings may be printed)", "1   the content has errors", "2   bad usage");
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) throws IOException, UsageError {
        SiteBuilder builder = new SiteBuilder(SharedOptions.builderOptions(arguments));
        BuildReport report = builder.check();
        Report.print(report.diagnostics(), err);
        if (!report.succeeded()) {
            return ExitCode.CONTENT_ERRORS;
        }
        out.printf("%s checked, no errors%s%n", Plural.of(report.lessons(), "lesson"),
                report.drafts() == 0 ? "" : " (" + Plural.of(report.drafts(), "draft") + " left out, as build leaves them)");
        return ExitCode.OK;
    }
}
