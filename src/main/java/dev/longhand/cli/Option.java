package dev.longhand.cli;

/**
 * One option of a command, as it is typed and as its help shows it.
 *
 * @param name         "--out"
 * @param label        what its value is called in the help ("DIR"); empty for a flag, which takes no value
 * @param description  one sentence or more; the help wraps it
 * @param defaultValue the value when the option is not given; null when the command decides
 */
record Option(String name, String label, String description, String defaultValue) {
}
