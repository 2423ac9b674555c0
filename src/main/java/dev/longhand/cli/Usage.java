package dev.longhand.cli;

import java.util.ArrayList;
import java.util.List;

/** The --help text of the command and of each subcommand, wrapped to 80 columns. */
final class Usage {

    private static final int WIDTH = 80;
    private static final int INDENT = 24;
    private static final Option HELP = new Option("-h, --help", "", "Show this help message and exit.", null);
    private static final Option VERSION = new Option("-V, --version", "", "Print version information and exit.", null);

    private Usage() {
    }

    static String of(Command command) {
        String start = "Usage: longhand " + command.name() + " ";
        StringBuilder synopsis = new StringBuilder("[-hV]");
        for (Option option : command.options()) {
            synopsis.append(" [").append(option.name()).append(option.label().isEmpty() ? "" : "=" + option.label())
                    .append(']');
        }
        for (Command.Operand operand : command.operands()) {
            synopsis.append(' ').append(operand.label());
        }
        StringBuilder text = new StringBuilder();
        wrap(text, " ".repeat(start.length()), synopsis.toString());
        text.replace(0, start.length(), start);
        command.description().forEach(paragraph -> wrap(text, "", paragraph));
        for (Command.Operand operand : command.operands()) {
            row(text, "      " + operand.label(), operand.description());
        }
        List<Option> options = new ArrayList<>(command.options());
        options.add(HELP);
        options.add(VERSION);
        options.sort((a, b) -> bare(a.name()).compareTo(bare(b.name())));
        for (Option option : options) {
            // A flag has no value; help and version also have a short name, so they start further left.
            String name = option.name().startsWith("--") ? "      " + option.name() : "  " + option.name();
            if (!option.label().isEmpty()) {
                name += "=" + option.label();
            }
            row(text, name, option.description());
        }
        text.append("\nExit status:\n");
        command.exitStatuses().forEach(status -> text.append("  ").append(status).append('\n'));
        return text.toString();
    }

    static String top(List<Command> commands, String summary) {
        StringBuilder text = new StringBuilder("Usage: longhand [-hV] COMMAND\n");
        wrap(text, "", summary);
        row(text, "  -h, --help", HELP.description());
        row(text, "  -V, --version", VERSION.description());
        text.append("Commands:\n");
        for (Command command : commands) {
            row(text, "  " + command.name(), command.description().get(0));
        }
        text.append("Run 'longhand COMMAND --help' for a command's options.\n");
        return text.toString();
    }

    /** "--content" → "content", "-h, --help" → "help": options sort by their long name. */
    private static String bare(String name) {
        String last = name.substring(name.lastIndexOf(' ') + 1);
        return last.replaceFirst("^-+", "");
    }

    /** A name, then its description wrapped in a column of its own. */
    private static void row(StringBuilder text, String name, String description) {
        StringBuilder line = new StringBuilder(name);
        if (line.length() + 2 > INDENT) {
            text.append(line).append('\n');
            line.setLength(0);
        }
        line.append(" ".repeat(INDENT - line.length()));
        int start = text.length();
        wrap(text, " ".repeat(INDENT), description);
        text.replace(start, start + INDENT, line.toString());
    }

    /** {@code words} wrapped to the width, each line after {@code indent}. */
    private static void wrap(StringBuilder text, String indent, String words) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : words.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                text.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        text.append(line).append('\n');
    }
}
