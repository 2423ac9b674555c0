package dev.longhand.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.site.SiteFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A course written by the packaged jar's {@code init} builds with {@code mvn site}, as its
 * author runs it: Maven resolves {@code dev.longhand:longhand} from the local repository and
 * runs its build. An integration test (failsafe, after {@code package}).
 *
 * <p>{@code mvn install} comes after {@code verify}, so this build's artifact is not in the
 * local repository yet, and the user's copy there (if any) may be an older build. The child
 * Maven therefore gets a local repository of its own: the user's repository seen through
 * links (plugins and libraries as the parent Maven resolved them), except for
 * {@code dev/longhand/longhand}, which holds this build's jar and pom as {@code mvn install}
 * would put them. It runs offline exactly when the parent Maven does.
 */
class CourseSiteIT {

    private static final String ARTIFACT = "dev/longhand/longhand";

    @TempDir
    Path temp;

    /** The links into the user's repository, removed before JUnit cleans the folder (it warns of each). */
    private final List<Path> links = new ArrayList<>();

    @AfterEach
    void removeLinks() throws IOException {
        for (Path link : links) {
            Files.delete(link);
        }
    }

    @Test
    void mvnSiteBuildsANewCourseWithThisBuildsJar() throws IOException, InterruptedException {
        Path repo = SiteFiles.repo();
        Path course = temp.resolve("my-course");
        Process init = new ProcessBuilder(java(), "-jar", repo.resolve("target/longhand.jar").toString(), "init",
                course.toString()).redirectErrorStream(true).redirectOutput(temp.resolve("init.txt").toFile()).start();
        assertTrue(init.waitFor(2, TimeUnit.MINUTES), "init did not finish");
        assertEquals(0, init.exitValue(), Files.readString(temp.resolve("init.txt")));

        Path local = localRepository();
        List<String> command = new ArrayList<>(List.of(maven(), "-B", "-Dmaven.repo.local=" + local));
        if (System.getProperty("longhand.maven.offline", "").equals("offline=true")) {
            command.add("-o");
        }
        command.add("site");
        ProcessBuilder mvn = new ProcessBuilder(command).directory(course.toFile()).redirectErrorStream(true)
                .redirectOutput(temp.resolve("mvn.txt").toFile());
        mvn.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process site = mvn.start();
        assertTrue(site.waitFor(10, TimeUnit.MINUTES), "mvn site did not finish");
        String log = Files.readString(temp.resolve("mvn.txt"));
        assertEquals(0, site.exitValue(), log);

        Document page = Jsoup.parse(Files.readString(course.resolve("site/a-first-network.html"),
                StandardCharsets.UTF_8));
        // x = (2, 1, 3): hidden ReLU units z = (2 − 1, 1 + 3) = (1, 4); output 1 + 4 = 5
        assertEquals("5", page.selectFirst("[data-v=\"layers.1.a.0.0\"]").text());
        assertTrue(Files.isRegularFile(course.resolve("site/index.html")));
        assertTrue(Files.isRegularFile(course.resolve("site/assets/longhand.js")));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String maven() {
        String home = System.getProperty("longhand.maven.home");
        assertTrue(home != null && !home.isBlank(), "failsafe passes Maven's home as longhand.maven.home");
        return Path.of(home, "bin", "mvn").toString();
    }

    /** A local repository that is the user's, through links, with this build's Longhand in it. */
    private Path localRepository() throws IOException {
        Path local = temp.resolve("m2");
        String user = System.getProperty("longhand.maven.localRepository", "");
        Path source = user.isBlank() ? null : Path.of(user);
        Path at = local;
        Path from = source;
        Files.createDirectories(local);
        for (String name : ARTIFACT.split("/")) {
            if (from != null && Files.isDirectory(from)) {
                linkChildrenExcept(from, at, name);
            }
            at = at.resolve(name);
            from = from == null ? null : from.resolve(name);
            Files.createDirectories(at);
        }
        Path versioned = at.resolve(Main.VERSION_NUMBER);
        Files.createDirectories(versioned);
        String base = "longhand-" + Main.VERSION_NUMBER;
        // What `mvn install` installs: the project's own jar (the shaded longhand.jar is a file
        // beside it, not the artifact) and its pom, whose dependencies Maven then resolves.
        Path jar = SiteFiles.repo().resolve("target/" + base + ".jar");
        assertTrue(Files.isRegularFile(jar), jar + " is built before the integration tests");
        Files.copy(jar, versioned.resolve(base + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(SiteFiles.repo().resolve("pom.xml"), versioned.resolve(base + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
        return local;
    }

    private void linkChildrenExcept(Path from, Path to, String except) throws IOException {
        try (Stream<Path> children = Files.list(from)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (!name.equals(except)) {
                    links.add(Files.createSymbolicLink(to.resolve(name), child.toAbsolutePath()));
                }
            }
        }
    }
}
