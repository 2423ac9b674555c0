package dev.longhand.cli;

import dev.longhand.site.NewLesson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code longhand new TITLE}: a lesson file to start from. */
final class NewCommand implements Command {

    static final Option SECTION = new Option("--section", "NAME",
            "Add the lesson at the end of this section (as lessons name it in section:), not of the main series.",
            null);

    @Override
    public String name() {
        return "new";
    }

    @Override
    public List<String> description() {
        return List.of("Write a new lesson after the last lesson of the main series (the lessons without a section:), "
                        + "or of --section NAME: NN-title.md beside that lesson, numbered and ordered after it, with "
                        + "front matter and a starter mlp block that builds. Prints the file's path.",
                "build warns about the starter summary and text until they are replaced.",
                "Never overwrites a file, and refuses a title whose page another lesson already has.");
    }

    @Override
    public List<Option> options() {
        return List.of(SharedOptions.CONTENT, SECTION);
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
        Optional<String> section = Optional.ofNullable(arguments.text(SECTION.name()));
        if (section.isPresent() && (section.get().isBlank() || section.get().contains("\n")
                || section.get().contains("\r"))) {
            throw new UsageError("--section: give a section name of one line of text");
        }
        Path content = arguments.path(SharedOptions.CONTENT.name());
        NewLesson.Result result = NewLesson.create(Folders.existing(content, SharedOptions.CONTENT.name()),
                Folders.label(content), title, section);
        if (result instanceof NewLesson.Refused refused) {
            err.println("longhand: error: " + refused.why());
            return ExitCode.CONTENT_ERRORS;
        }
        NewLesson.Created created = (NewLesson.Created) result;
        if (created.newSection()) {
            err.println("longhand: note: no lesson was in the section '" + section.get().strip()
                    + "' yet; this one starts it (if longhand.yml lists sections:, add it there)");
        }
        out.println(created.label());
        return ExitCode.OK;
    }
}
