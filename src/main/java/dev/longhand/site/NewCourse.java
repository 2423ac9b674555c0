package dev.longhand.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code longhand init FOLDER}: a course of one's own, ready to build and publish: a first
 * lesson, the site settings, a Maven build that runs Longhand, a {@code .gitignore} and a
 * GitHub Pages workflow. The theme is not copied: it is built into Longhand, and a
 * {@code templates/} folder added later overrides it file by file.
 */
public final class NewCourse {

    /** Where the course's files are kept on the class path. */
    private static final String RESOURCES = "course/";

    /** Each file written: its place in the course, and the resource it is made from. */
    private record CourseFile(String path, String resource) {
    }

    private static final List<CourseFile> FILES = List.of(
            new CourseFile("content/01-a-first-network.md", "first-lesson.md"),
            new CourseFile(SiteConfigFile.DEFAULT_NAME, "longhand.yml"),
            new CourseFile("pom.xml", "pom.xml"),
            new CourseFile(".gitignore", "gitignore"),
            new CourseFile(".github/workflows/pages.yml", "pages.yml"),
            new CourseFile("README.md", "README.md"));

    /** What was written, or why nothing was. */
    public sealed interface Result permits Created, Refused {
    }

    /** @param files the files written, relative to the course folder, with "/" */
    public record Created(List<String> files) implements Result {
    }

    public record Refused(String why) implements Result {
    }

    private NewCourse() {
    }

    /**
     * Writes a course into {@code folder}, creating it if it is missing. A folder that holds
     * anything at all (a hidden file too) is refused, and then nothing is written.
     *
     * @param label   how messages name the folder
     * @param version Longhand's version, which the course's pom.xml depends on
     */
    public static Result create(Path folder, String label, String version) throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            return new Refused(label + " is a file, not a folder; give the name of a new or empty folder");
        }
        if (Files.isDirectory(folder)) {
            List<String> present;
            try (Stream<Path> list = Files.list(folder)) {
                present = list.map(p -> p.getFileName().toString()).sorted().limit(4).toList();
            }
            if (!present.isEmpty()) {
                return new Refused(label + " is not empty (it holds " + String.join(", ", present)
                        + (present.size() == 4 ? ", ..." : "")
                        + "); init writes a course only into a new or empty folder, so nothing was written");
            }
        }
        String name = folder.toAbsolutePath().normalize().getFileName() == null ? "course"
                : folder.toAbsolutePath().normalize().getFileName().toString();
        String artifact = PagePaths.slug(name);
        List<String> written = new ArrayList<>();
        Files.createDirectories(folder);
        for (CourseFile file : FILES) {
            String text = resource(file.resource())
                    .replace("@LONGHAND_VERSION@", version)
                    .replace("@ARTIFACT_ID@", artifact.isEmpty() ? "course" : artifact)
                    .replace("@TITLE@", name);
            Path target = folder.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            written.add(file.path());
        }
        return new Created(List.copyOf(written));
    }

    private static String resource(String name) {
        try (InputStream in = NewCourse.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the course file " + name + " is missing from Longhand's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
