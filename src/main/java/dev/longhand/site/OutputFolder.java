package dev.longhand.site;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;

/**
 * The output folder, replaced whole or not at all. A build writes into a fresh sibling
 * folder and only when every page is written are the two swapped with renames; a failed or
 * killed build leaves the old site as it was. Only folders that Longhand wrote (they hold
 * the {@link #MARKER} file) are ever replaced, so {@code --out .} cannot wipe a project.
 */
public final class OutputFolder {

    public static final String MARKER = ".longhand";
    static final String MARKER_TEXT = "This folder is written by Longhand; every build replaces all of it.\n";

    private final Path target;

    private OutputFolder(Path target) {
        this.target = target;
    }

    /**
     * The folder a build will replace. A symbolic link is followed, so the site lands where it
     * points and the link stays a link; the staging folder is made beside the link's target,
     * and nothing else there is touched. A link to nothing is refused.
     *
     * @return the folder, or a reason it may not be replaced
     */
    public static Result open(Path out) throws IOException {
        Path absolute = out.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute) && !Files.exists(absolute)) {
            return Result.refused(out + " is a symbolic link to " + Files.readSymbolicLink(absolute)
                    + ", which does not exist; create that folder or point --out elsewhere");
        }
        Path target = Files.isSymbolicLink(absolute) ? absolute.toRealPath() : absolute;
        if (target.getParent() == null) {
            return Result.refused("refusing to write the site to the file system's root folder");
        }
        OutputFolder folder = new OutputFolder(target);
        folder.recoverFromInterruptedSwap();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(target)) {
                return Result.refused(out + " exists and is not a folder");
            }
            if (!isEmpty(target) && !Files.isRegularFile(target.resolve(MARKER))) {
                return Result.refused("refusing to replace " + out + ": it holds files that Longhand did not write"
                        + " (there is no " + MARKER + " file in it); choose an empty or new folder");
            }
        }
        return new Result(Optional.of(folder), "");
    }

    /** The folder, or why not. */
    public record Result(Optional<OutputFolder> folder, String refusal) {
        static Result refused(String why) {
            return new Result(Optional.empty(), why);
        }
    }

    public Path target() {
        return target;
    }

    /** A new empty sibling folder to build into. */
    public Path newStaging() throws IOException {
        Path staging = sibling("tmp");
        Files.createDirectories(staging);
        Files.writeString(staging.resolve(MARKER), MARKER_TEXT);
        return staging;
    }

    /** Puts a finished staging folder in place of the target and removes the old site. */
    public void swapIn(Path staging) throws IOException {
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = sibling("old");
            move(target, old);
        }
        try {
            move(staging, target);
        } catch (IOException e) {
            if (old != null) {
                move(old, target);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Removes a staging folder after a failed build. */
    public void discard(Path staging) throws IOException {
        deleteTree(staging);
    }

    /**
     * A build killed between its two renames leaves the old site under its sibling name:
     * put it back. Staging folders of killed builds are removed.
     */
    private void recoverFromInterruptedSwap() throws IOException {
        Path parent = target.getParent();
        if (!Files.isDirectory(parent)) {
            return;
        }
        String prefix = ".longhand-" + target.getFileName() + "-";
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path sibling : siblings) {
                String rest = sibling.getFileName().toString().substring(prefix.length());
                if (rest.startsWith("old-") && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    move(sibling, target);
                } else if (rest.startsWith("tmp-") || rest.startsWith("old-")) {
                    deleteTree(sibling);
                }
            }
        }
    }

    private Path sibling(String kind) {
        return target.resolveSibling(".longhand-" + target.getFileName() + "-" + kind + "-" + UUID.randomUUID());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        }
    }

    /** Deletes a folder this class made; links inside are removed, never followed. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
