package dev.longhand.cli;

import dev.longhand.site.NewLesson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code longhand new TITLE}: a lesson file to start from. */
final class NewCommand implements Command {

    @Override
    public String name() {
        return "new";
    }

    @Override
    public List<String> description() {
        return List.of("Write a new lesson after the last one: NN-title.md in the content folder, with front matter "
                        + "(the next free order) and a starter mlp block that builds. Prints the file's path.",
                "Never overwrites a file, and refuses a title whose page another lesson already has.");
    }

    @Override
    public List<Option> options() {
        return List.of(SharedOptions.CONTENT);
    }

    @Override
    public List<Operand> operands() {
        return List.of(new Operand("TITLE", "The lesson's title, e.g. \"Backprop through softmax\"."));
    }

    @Override
    public List<String> exitStatuses() {
        return List.of("0   the lesson was written", "1   refused (the lesson or its page exists already)",
                "2   bad usage");
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) throws IOException, UsageError {
        String title = arguments.operands().get(0);
        if (title.isBlank() || title.contains("\n") || title.contains("\r")) {
            throw new UsageError("TITLE: give a title of one line of text");
        }
        Path content = arguments.path(SharedOptions.CONTENT.name());
        NewLesson.Result result = NewLesson.create(Folders.existing(content, SharedOptions.CONTENT.name()),
                Folders.label(content), title);
        if (result instanceof NewLesson.Refused refused) {
            err.println("longhand: error: " + refused.why());
            return ExitCode.CONTENT_ERRORS;
        }
        out.println(((NewLesson.Created) result).label());
        return ExitCode.OK;
    }
}
