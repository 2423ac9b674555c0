package dev.longhand.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.site.SiteFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --config}, and longhand.yml beside the content folder by default. */
class ConfigOptionTest {

    @TempDir
    Path temp;
    Path content;

    @BeforeEach
    void lesson() {
        content = temp.resolve("content");
        SiteFiles.write(content, "01-one.md", "---\ntitle: One\n---\nText.\n");
    }

    private int run(StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    private int build(StringWriter err, String... more) {
        String[] base = {"build", "--content", content.toString(), "--templates",
                SiteFiles.repoTemplates().toString(), "--out", temp.resolve("site").toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return run(err, args);
    }

    @Test
    void longhandYmlBesideTheContentFolderIsReadByDefault() throws IOException {
        SiteFiles.write(temp, "longhand.yml", "baseUrl: https://example.org/x/\n");
        assertEquals(0, build(new StringWriter()));
        assertTrue(Files.readString(temp.resolve("site/sitemap.xml")).contains("<loc>https://example.org/x/one.html</loc>"));
    }

    @Test
    void configOptionNamesAnotherFile() throws IOException {
        Path config = SiteFiles.write(temp, "elsewhere/site.yml", "baseUrl: https://example.org/y/\n");
        assertEquals(0, build(new StringWriter(), "--config", config.toString()));
        assertTrue(Files.readString(temp.resolve("site/sitemap.xml")).contains("https://example.org/y/one.html"));
    }

    @Test
    void missingConfigFileIsAUsageError() {
        StringWriter err = new StringWriter();
        assertEquals(ExitCode.USAGE, build(err, "--config", temp.resolve("nope.yml").toString()));
        assertTrue(err.toString().contains("--config: the file"), err.toString());
        assertFalse(Files.exists(temp.resolve("site")));
    }

    @Test
    void badConfigFailsTheBuildAndTheCheckWithItsPosition() {
        Path config = SiteFiles.write(temp, "bad.yml", "baseUrl: ftp://example.org/\n");
        StringWriter err = new StringWriter();
        assertEquals(ExitCode.CONTENT_ERRORS, build(err, "--config", config.toString()));
        assertTrue(err.toString().contains("bad.yml:1:10: error: baseUrl should start with https://"), err.toString());
        StringWriter checkErr = new StringWriter();
        assertEquals(ExitCode.CONTENT_ERRORS, run(checkErr, "check", "--content", content.toString(),
                "--templates", SiteFiles.repoTemplates().toString(), "--config", config.toString()));
        assertTrue(checkErr.toString().contains("baseUrl should start"), checkErr.toString());
    }

    @Test
    void theDefaultConfigNamesTheSite() throws IOException {
        SiteFiles.write(temp, "longhand.yml", "title: Hand nets\ntagline: sums\nlanguage: nl\n");
        assertEquals(0, build(new StringWriter()));
        String index = Files.readString(temp.resolve("site/index.html"));
        assertTrue(index.contains("<html lang=\"nl\">"), index);
        assertTrue(index.contains("<title>Hand nets: sums</title>"), index);
    }

    @Test
    void aMisspeltSettingFailsWithItsPositionAndASuggestion() {
        SiteFiles.write(temp, "longhand.yml", "# site\ntagLine: sums\n");
        StringWriter err = new StringWriter();
        assertEquals(ExitCode.CONTENT_ERRORS, build(err));
        assertTrue(err.toString().contains("longhand.yml:2:1: error: unknown key 'tagLine' in the site config;"
                + " did you mean 'tagline'?"), err.toString());
    }
}
