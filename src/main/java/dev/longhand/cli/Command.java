package dev.longhand.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** A subcommand: what its help says, what it accepts, and what it does. */
interface Command {

    /** "build". */
    String name();

    /** The paragraphs its help starts with. */
    List<String> description();

    List<Option> options();

    /** Names of the values it takes after its options ("TITLE"), each required. */
    default List<Operand> operands() {
        return List.of();
    }

    /** Its exit statuses, "0" to what it means, in order. */
    List<String> exitStatuses();

    /** Runs it; a {@link UsageError} is a mistake on the command line, printed as such. */
    int run(Arguments arguments, PrintWriter out, PrintWriter err) throws IOException, UsageError, InterruptedException;

    /** A value given after the options, such as a new lesson's title. */
    record Operand(String label, String description) {
    }
}
