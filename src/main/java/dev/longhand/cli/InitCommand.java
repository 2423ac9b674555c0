package dev.longhand.cli;

import dev.longhand.site.NewCourse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** {@code longhand init FOLDER}: a course of one's own, ready to build and publish. */
final class InitCommand implements Command {

    @Override
    public String name() {
        return "init";
    }

    @Override
    public List<String> description() {
        return List.of("Start a course of your own in a new or empty folder: content/ with a first lesson, "
                        + "longhand.yml, a pom.xml whose 'mvn site' builds the site with Longhand, a .gitignore and "
                        + "a GitHub Pages workflow. Prints what it wrote.",
                "The theme is built in; a templates/ folder beside content/ overrides it file by file. A folder "
                        + "that holds anything is refused and nothing is written.");
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public List<Operand> operands() {
        return List.of(new Operand("FOLDER", "The course's folder, e.g. my-course; created if missing."));
    }

    @Override
    public List<String> exitStatuses() {
        return List.of("0   the course was written", "1   refused (the folder is not empty, or is a file)",
                "2   bad usage");
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) throws IOException, UsageError {
        String given = arguments.operands().get(0);
        if (given.isBlank()) {
            throw new UsageError("FOLDER: give the name of the course's folder");
        }
        Path folder = arguments.operandPath(0, "FOLDER");
        String label = Folders.label(folder);
        NewCourse.Result result = NewCourse.create(folder, label.isEmpty() ? "." : label, Main.VERSION_NUMBER);
        if (result instanceof NewCourse.Refused refused) {
            err.println("longhand: error: " + refused.why());
            return ExitCode.CONTENT_ERRORS;
        }
        String prefix = label.isEmpty() ? "" : label + "/";
        ((NewCourse.Created) result).files().forEach(file -> out.println("wrote " + prefix + file));
        out.println();
        out.println("Next: install Longhand in your local Maven repository (mvn install -DskipTests in Longhand's folder), then");
        out.println("  cd " + (label.isEmpty() ? "." : label) + " && mvn site");
        out.println("and open site/index.html. To publish, push the folder to GitHub (see .github/workflows/pages.yml).");
        return ExitCode.OK;
    }
}
