package dev.longhand.cli;

/** "1 lesson", "2 lessons": counts in the command's messages. */
final class Plural {

    private Plural() {
    }

    static String of(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
