package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Test helpers: the repository's folders, lessons written from text, and folder snapshots. */
public final class SiteFiles {

    private SiteFiles() {
    }

    /** The repository (surefire sets {@code longhand.repo}; an IDE runs from it). */
    public static Path repo() {
        return Path.of(System.getProperty("longhand.repo", ".")).toAbsolutePath().normalize();
    }

    public static Path repoTemplates() {
        return repo().resolve("templates");
    }

    /** Writes a lesson (or any file) below {@code folder}, creating subfolders. */
    public static Path write(Path folder, String name, String text) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds {@code content} with the repository's theme into {@code out}. */
    public static BuildReport build(Path content, Path out, int threads) {
        try {
            return new SiteBuilder(new SiteBuilder.Options(content, "content", repoTemplates(), "templates", threads))
                    .build(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BuildReport build(Path content, Path out) {
        return build(content, out, 2);
    }

    /** Builds {@code content} with the repository's theme and a site config file (named longhand.yml in messages). */
    public static BuildReport build(Path content, Path out, Path config) {
        try {
            return new SiteBuilder(new SiteBuilder.Options(content, "content", repoTemplates(), "templates", 2)
                    .withConfig(config, "longhand.yml")).build(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds the repository's own content with its theme as it is in the source (not the
     * committed {@code site/}), and longhand.yml beside the content if any: what `mvn site`
     * would write, into {@code out}.
     */
    public static BuildReport buildShipped(Path out) {
        try {
            return shipped().build(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The build `mvn site` runs: the repository's content and theme, and longhand.yml beside them if any. */
    static SiteBuilder shipped() {
        Path content = repo().resolve("content");
        SiteBuilder.Options options = new SiteBuilder.Options(content, "content", repoTemplates(), "templates", 2);
        return new SiteBuilder(SiteConfigFile.besideContent(content)
                .map(file -> options.withConfig(file, SiteConfigFile.DEFAULT_NAME)).orElse(options));
    }

    /** A built page, parsed. */
    public static Document page(Path out, String name) {
        try {
            return Jsoup.parse(Files.readString(out.resolve(name), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every file and folder below {@code root} (relative path, folders ending in "/") with its
     * bytes; an empty map when {@code root} does not exist.
     */
    public static SortedMap<String, byte[]> snapshot(Path root) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (path.equals(root)) {
                    continue;
                }
                String name = root.relativize(path).toString().replace('\\', '/');
                if (Files.isDirectory(path)) {
                    files.put(name + "/", new byte[0]);
                } else {
                    files.put(name, Files.readAllBytes(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Same names, and byte for byte the same content, naming the first file that differs. */
    public static void assertSameFiles(SortedMap<String, byte[]> expected, SortedMap<String, byte[]> actual,
                                       String message) {
        assertEquals(expected.keySet(), actual.keySet(), message + ": the files differ");
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), message + ": " + name + " differs");
        }
    }
}
