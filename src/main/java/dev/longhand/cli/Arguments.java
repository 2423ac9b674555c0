package dev.longhand.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's arguments, read against its options: {@code --name value} or {@code --name=value},
 * each at most once, {@code -h}/{@code --help} and {@code -V}/{@code --version} anywhere, and
 * operands after them ({@code --} ends the options, for a title that starts with a dash).
 */
final class Arguments {

    private final Command command;
    private final Map<String, String> given = new HashMap<>();
    private final List<String> operands = new ArrayList<>();
    private boolean help;
    private boolean version;

    private Arguments(Command command) {
        this.command = command;
    }

    static Arguments parse(Command command, List<String> args) throws UsageError {
        Arguments arguments = new Arguments(command);
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                arguments.operands.add(arg);
                continue;
            }
            switch (arg) {
                case "--" -> optionsEnded = true;
                case "-h", "--help" -> arguments.help = true;
                case "-V", "--version" -> arguments.version = true;
                default -> {
                    int equals = arg.indexOf('=');
                    String name = equals < 0 ? arg : arg.substring(0, equals);
                    Option option = arguments.option(name);
                    String value;
                    if (option.label().isEmpty()) {
                        if (equals >= 0) {
                            throw new UsageError(name + " takes no value");
                        }
                        value = "";
                    } else if (equals >= 0) {
                        value = arg.substring(equals + 1);
                    } else if (i + 1 < args.size()) {
                        value = args.get(++i);
                    } else {
                        throw new UsageError(name + " needs a value (" + option.label() + ")");
                    }
                    if (arguments.given.putIfAbsent(name, value) != null) {
                        throw new UsageError(name + " is given twice; give it once");
                    }
                }
            }
        }
        List<Command.Operand> expected = command.operands();
        if (!arguments.help && !arguments.version) {
            if (arguments.operands.size() > expected.size()) {
                throw new UsageError("unexpected argument '" + arguments.operands.get(expected.size()) + "'");
            }
            if (arguments.operands.size() < expected.size()) {
                throw new UsageError("missing " + expected.get(arguments.operands.size()).label());
            }
        }
        return arguments;
    }

    private Option option(String name) throws UsageError {
        for (Option option : command.options()) {
            if (option.name().equals(name)) {
                return option;
            }
        }
        throw new UsageError("unknown option '" + name + "'");
    }

    boolean help() {
        return help;
    }

    boolean version() {
        return version;
    }

    boolean has(String name) {
        return given.containsKey(name);
    }

    /** The option's value as given, else its default (null when it has none). */
    String text(String name) {
        String value = given.get(name);
        if (value != null) {
            return value;
        }
        for (Option option : command.options()) {
            if (option.name().equals(name)) {
                return option.defaultValue();
            }
        }
        throw new IllegalArgumentException("no option " + name); // a mistake in a command, not in its use
    }

    Path path(String name) throws UsageError {
        String text = text(name);
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageError(name + ": '" + text + "' is not a path");
        }
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when the option has no value. */
    int whole(String name, int min, int max, int fallback) throws UsageError {
        String text = text(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageError(name + ": '" + text + "' is not a whole number from " + min + " to " + max);
    }

    /** An operand read as a path. */
    Path operandPath(int index, String label) throws UsageError {
        String text = operands.get(index);
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageError(label + ": '" + text + "' is not a path");
        }
    }

    List<String> operands() {
        return operands;
    }
}
