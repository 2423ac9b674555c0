package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The theme is built in (this repository's templates/, packaged as resources) and a templates
 * folder beside the content overrides it file by file.
 */
class ThemeOverrideTest {

    private static final String LESSON = """
            ---
            title: One node
            summary: A single weighted sum.
            ---
            ```mlp
            input: [2, 3]
            layers:
              - weights: [[1, 1]]
                activation: linear
            ```
            """;

    @TempDir
    Path temp;
    Path content;
    Path out;

    @BeforeEach
    void lesson() {
        content = temp.resolve("content");
        out = temp.resolve("site");
        SiteFiles.write(content, "01-one.md", LESSON);
    }

    private BuildReport build(Path templates) throws IOException {
        return new SiteBuilder(new SiteBuilder.Options(content, "content", templates, "templates", 2)).build(out);
    }

    private static String messages(BuildReport report) {
        StringBuilder text = new StringBuilder();
        report.diagnostics().sorted().forEach(d -> text.append(d.headline()).append('\n'));
        return text.toString();
    }

    /** The relative names of the files below a folder. */
    private static TreeSet<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void withoutATemplatesFolderTheBuiltInThemeIsTheRepositorysTemplates() throws IOException {
        BuildReport report = build(temp.resolve("templates"));

        assertTrue(report.succeeded(), messages(report));
        Path theme = SiteFiles.repoTemplates().resolve("assets");
        TreeSet<String> built = files(out.resolve("assets"));
        built.remove("search-index.js"); // written by the build, not a theme file
        assertEquals(files(theme), built);
        for (String name : built) {
            assertArrayEquals(Files.readAllBytes(theme.resolve(name)), Files.readAllBytes(out.resolve("assets/" + name)),
                    name);
        }
        assertEquals("One node", SiteFiles.page(out, "one.html").selectFirst("h1").text());
        assertTrue(Files.isRegularFile(out.resolve("404.html")), "the built-in 404 template is used");
    }

    @Test
    void aFileInTheTemplatesFolderReplacesOnlyThatFile() throws IOException {
        Path templates = temp.resolve("templates");
        SiteFiles.write(templates, "assets/longhand.css", "body { color: teal; }\n");
        SiteFiles.write(templates, "assets/extra.txt", "mine\n");
        String footer = Files.readString(SiteFiles.repoTemplates().resolve("footer.mustache"));
        SiteFiles.write(templates, "footer.mustache", "<p class=\"course-footer\">My course</p>\n" + footer);

        BuildReport report = build(templates);

        assertTrue(report.succeeded(), messages(report));
        assertEquals("body { color: teal; }\n", Files.readString(out.resolve("assets/longhand.css")));
        assertEquals("mine\n", Files.readString(out.resolve("assets/extra.txt")));
        assertArrayEquals(Files.readAllBytes(SiteFiles.repoTemplates().resolve("assets/longhand.js")),
                Files.readAllBytes(out.resolve("assets/longhand.js")));
        assertEquals("My course", SiteFiles.page(out, "one.html").selectFirst(".course-footer").text());
        assertEquals("My course", SiteFiles.page(out, "index.html").selectFirst(".course-footer").text());
        assertFalse(SiteFiles.page(out, "one.html").select("figure.mlp").isEmpty(),
                "the lesson's block is still rendered by the built-in mlp template");
    }

    @Test
    void theRepositorysOwnTemplatesFolderGivesTheSameSiteAsTheBuiltInTheme() throws IOException {
        Path builtIn = temp.resolve("built-in");
        assertTrue(new SiteBuilder(new SiteBuilder.Options(content, "content", temp.resolve("no-templates"),
                "templates", 2)).build(builtIn).succeeded());
        assertTrue(build(SiteFiles.repoTemplates()).succeeded());

        SortedMap<String, byte[]> a = SiteFiles.snapshot(builtIn);
        SortedMap<String, byte[]> b = SiteFiles.snapshot(out);
        assertEquals(a.keySet(), b.keySet());
        a.forEach((name, bytes) -> assertArrayEquals(bytes, b.get(name), name));
    }

    @Test
    void aBrokenOverrideIsNamedInTheAuthorsFolder() throws IOException {
        Path templates = temp.resolve("templates");
        SiteFiles.write(templates, "index.mustache", "{{#unclosed}}\n");

        BuildReport report = build(templates);

        assertFalse(report.succeeded());
        String error = messages(report);
        assertTrue(error.contains("templates/index.mustache:1:1: error: template error"), error);
    }
}
