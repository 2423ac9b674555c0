package dev.longhand.cli;

/** The command line is wrong: printed with a hint to read --help, exit status 2. */
final class UsageError extends Exception {

    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message, null, false, false);
    }
}
