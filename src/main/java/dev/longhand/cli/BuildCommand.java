package dev.longhand.cli;

import dev.longhand.site.BuildReport;
import dev.longhand.site.SiteBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Compute every lesson and write the site.",
                "Nothing is written unless the whole build succeeds: on errors the output folder stays as it was."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the site was built", "1:the content has errors (printed as file:line:col: error: ...)",
                "2:bad usage"})
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared = new SharedOptions();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "site",
            description = "Folder the site is written to, replaced whole (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        SiteBuilder builder = new SiteBuilder(shared.builderOptions(spec));
        BuildReport report = builder.build(out);
        Report.print(report.diagnostics(), spec.commandLine().getErr());
        if (!report.succeeded()) {
            spec.commandLine().getErr().println("build failed; " + out + " was not changed");
            return ExitCode.CONTENT_ERRORS;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        spec.commandLine().getOut().printf("built %s from %s into %s in %d ms%n",
                Plural.of(report.pages(), "page"), Plural.of(report.lessons(), "lesson"), out, millis);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
