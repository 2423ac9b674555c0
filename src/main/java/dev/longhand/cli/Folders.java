package dev.longhand.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of the folders a command is pointed at: a missing one is a usage error (exit 2). */
final class Folders {

    private Folders() {
    }

    static Path existing(Path folder, String option) throws UsageError {
        if (!Files.isDirectory(folder)) {
            throw new UsageError(option + ": the folder '" + folder + "' does not exist");
        }
        return folder;
    }

    /** How messages name a folder: as the author typed it, with forward slashes. */
    static String label(Path folder) {
        String text = folder.normalize().toString().replace('\\', '/');
        return text.equals(".") ? "" : text;
    }
}
