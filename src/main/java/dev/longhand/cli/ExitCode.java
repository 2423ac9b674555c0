package dev.longhand.cli;

/** The command's exit statuses, fixed numbers that scripts and CI rely on. */
public final class ExitCode {

    /** Everything built or checked. */
    public static final int OK = 0;
    /** The content (or the theme) has errors; they were printed. */
    public static final int CONTENT_ERRORS = 1;
    /** The command line was wrong: unknown option, missing folder. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
