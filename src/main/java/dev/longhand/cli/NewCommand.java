package dev.longhand.cli;

import dev.longhand.site.NewLesson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Write a new lesson after the last one: NN-title.md in the content folder, with front matter "
                + "(the next free order) and a starter mlp block that builds. Prints the file's path.",
                "Never overwrites a file, and refuses a title whose page another lesson already has."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the lesson was written", "1:refused (the lesson or its page exists already)",
                "2:bad usage"})
final class NewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TITLE", description = "The lesson's title, e.g. \"Backprop through softmax\".")
    String title;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content",
            description = "Folder of Markdown lessons (default: ${DEFAULT-VALUE}).")
    Path content;

    @Override
    public Integer call() throws IOException {
        if (title.isBlank() || title.contains("\n") || title.contains("\r")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "TITLE: give a title of one line of text");
        }
        NewLesson.Result result = NewLesson.create(Folders.existing(spec, content, "--content"),
                Folders.label(content), title);
        if (result instanceof NewLesson.Refused refused) {
            spec.commandLine().getErr().println("longhand: error: " + refused.why());
            spec.commandLine().getErr().flush();
            return ExitCode.CONTENT_ERRORS;
        }
        NewLesson.Created created = (NewLesson.Created) result;
        spec.commandLine().getOut().println(created.label());
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
