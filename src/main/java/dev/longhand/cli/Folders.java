package dev.longhand.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks of the folders a command is pointed at: a missing one is a usage error (exit 2). */
final class Folders {

    private Folders() {
    }

    static Path existing(CommandSpec spec, Path folder, String option) {
        if (!Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + ": the folder '" + folder + "' does not exist");
        }
        return folder;
    }

    /** How messages name a folder: as the author typed it, with forward slashes. */
    static String label(Path folder) {
        String text = folder.normalize().toString().replace('\\', '/');
        return text.equals(".") ? "" : text;
    }
}
