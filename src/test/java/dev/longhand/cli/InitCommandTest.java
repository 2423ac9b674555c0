package dev.longhand.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.site.SiteFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code longhand init}: a course that builds on its own, and a folder in use left alone. */
class InitCommandTest {

    @TempDir
    Path temp;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        Run run = new Run(status, out.toString(), err.toString());
        assertFalse(run.err.contains("\tat "), "a stack trace was printed:\n" + run.err);
        return run;
    }

    /** Writes a course into {@code folder} and builds it into its site/, as `mvn site` in it would. */
    static Path initAndBuild(Path folder) {
        Run init = run("init", folder.toString());
        assertEquals(0, init.status, init.err);
        Run build = run("build", "--content", folder.resolve("content").toString(), "--out",
                folder.resolve("site").toString());
        assertEquals(0, build.status, build.err);
        return folder.resolve("site");
    }

    @Test
    void initWritesACourseIntoANewFolder() {
        Path course = temp.resolve("my-course");

        Run run = run("init", course.toString());

        assertEquals(0, run.status, run.err);
        for (String file : List.of("content/01-a-first-network.md", "longhand.yml", "pom.xml", ".gitignore",
                ".github/workflows/pages.yml")) {
            assertTrue(Files.isRegularFile(course.resolve(file)), file);
            assertTrue(run.out.contains(file), run.out);
        }
        assertFalse(Files.exists(course.resolve("templates")), "the theme is built in, not copied");
    }

    @Test
    void theCourseBuildsWithTheBuiltInThemeAndNothingElseOfThisRepository() throws IOException {
        Path site = initAndBuild(temp.resolve("course"));

        Document page = Jsoup.parse(Files.readString(site.resolve("a-first-network.html"), StandardCharsets.UTF_8));
        assertEquals("A first network", page.selectFirst("h1").text());
        assertEquals(1, page.select("figure.mlp").size());
        // x = (2, 1, 3): z₁ = 2 − 1 = 1, z₂ = 1 + 3 = 4, both passed by ReLU; output = 1 + 4 = 5
        assertEquals("1", page.selectFirst("[data-v=\"layers.0.a.0.0\"]").text());
        assertEquals("4", page.selectFirst("[data-v=\"layers.0.a.1.0\"]").text());
        assertEquals("5", page.selectFirst("[data-v=\"layers.1.a.0.0\"]").text());
        assertTrue(Files.isRegularFile(site.resolve("assets/longhand.js")));
        assertTrue(Files.isRegularFile(site.resolve("index.html")));
        assertFalse(Files.exists(site.resolve("sitemap.xml")), "longhand.yml names no baseUrl until the author does");
    }

    @Test
    void aTemplatesFolderBesideTheContentOverridesTheBuiltInThemeWithoutAnOption() throws IOException {
        Path course = temp.resolve("course");
        initAndBuild(course);
        SiteFiles.write(course, "templates/assets/longhand.css", "body { color: teal; }\n");

        Run build = run("build", "--content", course.resolve("content").toString(), "--out",
                course.resolve("site").toString());

        assertEquals(0, build.status, build.err);
        assertEquals("body { color: teal; }\n", Files.readString(course.resolve("site/assets/longhand.css")));
        assertTrue(Files.isRegularFile(course.resolve("site/assets/longhand.js")), "the rest is built in");
    }

    @Test
    void aTemplatesFolderNamedOnTheCommandLineMustExist() {
        Path course = temp.resolve("course");
        initAndBuild(course);
        Path missing = temp.resolve("no-such-theme");

        Run build = run("build", "--content", course.resolve("content").toString(), "--templates", missing.toString());

        assertEquals(2, build.status);
        assertTrue(build.err.startsWith("longhand: --templates: the folder '" + missing + "' does not exist"),
                build.err);
    }

    @Test
    void initIntoAFolderThatHoldsAnythingRefusesAndWritesNothing() throws IOException {
        Path course = temp.resolve("busy");
        SiteFiles.write(course, ".hidden", "mine\n");
        SortedMap<String, byte[]> before = SiteFiles.snapshot(course);

        Run run = run("init", course.toString());

        assertEquals(1, run.status);
        assertTrue(run.err.startsWith("longhand: error: " + course + " is not empty (it holds .hidden)"), run.err);
        assertTrue(run.err.contains("nothing was written"), run.err);
        assertEquals("", run.out);
        SortedMap<String, byte[]> after = SiteFiles.snapshot(course);
        assertEquals(before.keySet(), after.keySet());
    }

    @Test
    void initOverAFileRefuses() throws IOException {
        Path file = SiteFiles.write(temp, "notes.txt", "mine\n");

        Run run = run("init", file.toString());

        assertEquals(1, run.status);
        assertTrue(run.err.contains("is a file, not a folder"), run.err);
        assertEquals("mine\n", Files.readString(file));
    }

    @Test
    void initWithoutAFolderIsAUsageError() {
        Run run = run("init");
        assertEquals(2, run.status);
        assertTrue(run.err.contains("missing FOLDER"), run.err);
    }

    @Test
    void theHelpListsInit() {
        assertTrue(run("--help").out.contains("  init "), "init is in the command list");
        Run help = run("init", "--help");
        assertEquals(0, help.status);
        assertTrue(help.out.startsWith("Usage: longhand init [-hV] FOLDER"), help.out);
    }

    @Test
    void theCoursesPomDependsOnThisVersionOfLonghand() throws IOException {
        Path course = temp.resolve("course");
        assertEquals(0, run("init", course.toString()).status);

        String pom = Files.readString(course.resolve("pom.xml"));
        String ours = Files.readString(SiteFiles.repo().resolve("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>longhand</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(ours);
        assertTrue(version.find(), "this repository's pom names its version after its artifactId");
        assertTrue(pom.contains("<longhand.version>" + version.group(1) + "</longhand.version>"), pom);
        assertTrue(pom.contains("<artifactId>course</artifactId>"), "the artifactId is the folder's name");
        assertEquals("longhand " + version.group(1), run("--version").out.strip());
    }

    @Test
    void baseUrlOptionPublishesTheSiteAtThatAddress() throws IOException {
        Path course = temp.resolve("course");
        initAndBuild(course);

        Run build = run("build", "--content", course.resolve("content").toString(), "--out",
                course.resolve("site").toString(), "--base-url", "https://teacher.github.io/course");

        assertEquals(0, build.status, build.err);
        String sitemap = Files.readString(course.resolve("site/sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://teacher.github.io/course/a-first-network.html</loc>"), sitemap);
        Document notFound = Jsoup.parse(Files.readString(course.resolve("site/404.html")));
        assertTrue(notFound.select("link[rel=stylesheet]").attr("href").startsWith("/course/"),
                "404.html links from the site's path: " + notFound.select("link[rel=stylesheet]"));
    }

    @Test
    void anEmptyBaseUrlKeepsTheConfigsAndABadOneIsAUsageError() {
        Path course = temp.resolve("course");
        initAndBuild(course);
        String content = course.resolve("content").toString();
        String out = course.resolve("site").toString();

        assertEquals(0, run("build", "--content", content, "--out", out, "--base-url=").status);
        assertFalse(Files.exists(course.resolve("site/sitemap.xml")));

        Run bad = run("build", "--content", content, "--out", out, "--base-url", "ftp://teacher.example/");
        assertEquals(2, bad.status);
        assertTrue(bad.err.startsWith("longhand: --base-url: baseUrl should start with https:// or http://"), bad.err);
    }
}
