package dev.longhand.cli;

import dev.longhand.site.BuildReport;
import dev.longhand.site.SiteBuilder;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Read and compute every lesson and report problems; write nothing."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no errors (warnings may be printed)", "1:the content has errors", "2:bad usage"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared = new SharedOptions();

    @Override
    public Integer call() throws IOException {
        SiteBuilder builder = new SiteBuilder(shared.builderOptions(spec));
        BuildReport report = builder.check();
        Report.print(report.diagnostics(), spec.commandLine().getErr());
        if (!report.succeeded()) {
            return ExitCode.CONTENT_ERRORS;
        }
        spec.commandLine().getOut().printf("%s checked, no errors%n", Plural.of(report.lessons(), "lesson"));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
