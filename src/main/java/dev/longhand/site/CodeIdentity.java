package dev.longhand.site;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Which Longhand is running, as a fingerprint: a page kept from an earlier build may be reused
 * only by the same code, since any change to it (the arithmetic, the built-in theme, a library)
 * may change the page. The code is named by its files, not its version number, so a rebuilt
 * jar or a recompiled class counts as new code: each class-path jar by its path, size and
 * modification time, each class folder by those of every file in it.
 */
final class CodeIdentity {

    private CodeIdentity() {
    }

    /** The running code's fingerprint, worked out once per process, when first asked for. */
    static String running() {
        return Running.FINGERPRINT;
    }

    /** Holds the fingerprint: the class is initialised, and the class path read, on first use. */
    private static final class Running {

        static final String FINGERPRINT = ofClassPath();

        private static String ofClassPath() {
            Optional<Path> source = codeSource();
            if (source.isEmpty()) {
                return UUID.randomUUID().toString(); // code that cannot be named never matches: nothing is reused
            }
            Set<Path> entries = new LinkedHashSet<>();
            entries.add(source.get());
            for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    entries.add(Path.of(entry).toAbsolutePath().normalize());
                }
            }
            return of(new ArrayList<>(entries), System.getProperty("java.vendor", "") + " "
                    + System.getProperty("java.runtime.version", ""));
        }
    }

    /**
     * The fingerprint of a class path; a different one each time when the class path cannot be
     * read, so that nothing is reused.
     *
     * @param runtime the Java runtime, which computes the numbers too
     */
    static String of(List<Path> classPath, String runtime) {
        Fingerprint fingerprint = new Fingerprint().add(runtime);
        try {
            for (Path entry : classPath) {
                fingerprint.add(entry.toString());
                if (Files.isDirectory(entry)) {
                    List<Path> files;
                    try (Stream<Path> walk = Files.walk(entry)) {
                        files = walk.filter(Files::isRegularFile).sorted().toList();
                    }
                    for (Path file : files) {
                        addFile(fingerprint, entry.relativize(file).toString(), file);
                    }
                } else if (Files.isRegularFile(entry)) {
                    addFile(fingerprint, "", entry);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return UUID.randomUUID().toString();
        }
        return fingerprint.hex();
    }

    private static void addFile(Fingerprint fingerprint, String name, Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        fingerprint.add(name).add(attributes.size()).add(attributes.lastModifiedTime().toMillis());
    }

    private static Optional<Path> codeSource() {
        try {
            CodeSource source = CodeIdentity.class.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? Optional.empty()
                    : Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath().normalize());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }
}
