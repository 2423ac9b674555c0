package dev.longhand.site;

import dev.longhand.spec.SiteConfig;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What a build keeps for the next build into the same folder, so that a lesson nothing has
 * changed for is not computed again: its files are taken from the last build's output.
 *
 * <p>The cache is a folder beside the output folder ({@code .longhand-site-cache} for
 * {@code site}), one small entry per lesson ({@link CachedLesson}). An entry is used only when
 * its key, a fingerprint of everything the lesson's files are made of, is the key worked out
 * now: the lesson's bytes, its file name, what its page shows of the rest of the site (the
 * sidebar, the neighbours, the site's name), the site config, the author's templates and the
 * running Longhand and Java. It holds nothing that is not also in the output folder, may be
 * deleted at any time, and is never an error: an entry that cannot be read is a lesson
 * computed again, a cache that cannot be written a slower next build.
 */
final class BuildCache {

    private final Path folder;
    /** The fingerprint of what every lesson's files depend on. */
    private final String shared;

    private BuildCache(Path folder, String shared) {
        this.folder = folder;
        this.shared = shared;
    }

    /**
     * The cache of the output folder {@code target}.
     *
     * @param config        the site config as the build reads it
     * @param templates     the author's templates folder (which need not exist)
     * @param contentLabel  how messages name the content folder, which is in the pages' messages
     */
    static BuildCache of(Path target, SiteConfig config, Path templates, String contentLabel) throws IOException {
        Fingerprint shared = new Fingerprint().add(CodeIdentity.running()).add(config.toString()).add(contentLabel);
        if (Files.isDirectory(templates)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(templates)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            for (Path file : files) {
                shared.add(templates.relativize(file).toString().replace('\\', '/')).add(Files.readAllBytes(file));
            }
        }
        return new BuildCache(folderOf(target), shared.hex());
    }

    /** Where the cache of the output folder {@code target} is: a hidden sibling of it. */
    static Path folderOf(Path target) {
        return target.resolveSibling(".longhand-" + target.getFileName() + "-cache");
    }

    /**
     * The text key of a lesson ({@link CachedLesson#textKey()}).
     *
     * @param source the lesson file as messages name it
     * @param bytes  its bytes
     */
    String textKeyOf(String source, byte[] bytes) {
        return new Fingerprint().add(shared).add(source).add(bytes).hex();
    }

    /**
     * The key of a lesson ({@link CachedLesson#key()}).
     *
     * @param frame everything its pages show besides the lesson itself, as text
     */
    static String keyOf(String textKey, String frame) {
        return new Fingerprint().add(textKey).add(frame).hex();
    }

    /** The entry of a lesson, if there is one that reads. */
    Optional<CachedLesson> get(String source) {
        Path entry = folder.resolve(entryName(source));
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(entry)))) {
            CachedLesson cached = CachedLesson.readFrom(in);
            return cached.outline().source().equals(source) ? Optional.of(cached) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // none yet, damaged, or of another format: the lesson is computed
        }
    }

    /** Keeps a lesson's entry for the next build; written whole or not at all. */
    void put(CachedLesson lesson) {
        try {
            ensureFolder();
            Path entry = folder.resolve(entryName(lesson.outline().source()));
            Path temporary = folder.resolve(entry.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
                    lesson.writeTo(out);
                }
                try {
                    Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | RuntimeException e) {
            // Not kept: the next build computes the lesson again.
        }
    }

    /** Removes the entries of every lesson but {@code sources} (deleted, renamed or failing lessons). */
    void keepOnly(Collection<String> sources) {
        Set<String> kept = new HashSet<>();
        sources.forEach(source -> kept.add(entryName(source)));
        kept.add(GITIGNORE);
        kept.add(TAG);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!kept.contains(entry.getFileName().toString())) {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Left over: an entry nobody asks for is never read.
        }
    }

    /** Each lesson's entry is named by a fingerprint of its file name, which may hold any character. */
    private static String entryName(String source) {
        return new Fingerprint().add(source).hex();
    }

    private static final String GITIGNORE = ".gitignore";
    private static final String TAG = "CACHEDIR.TAG";

    /**
     * Creates the folder, telling Git to ignore it and backup tools to skip it (the
     * "Cache Directory Tagging" convention, whose tag begins with this fixed signature).
     */
    private void ensureFolder() throws IOException {
        if (Files.isRegularFile(folder.resolve(TAG))) {
            return;
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(GITIGNORE), "# Longhand's build cache: safe to delete, never committed.\n*\n");
        Files.writeString(folder.resolve(TAG), "Signature: 8a477f597d28d172789f06886806bc55\n"
                + "# Longhand's build cache (see https://bford.info/cachedir/); safe to delete.\n");
    }
}
