package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostic;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The base URL from longhand.yml: sitemap.xml, canonical links, the 404 page, the favicon. */
class PublishingTest {

    private static final String BASE = "https://example.org/longhand/";

    /** Every page's address, written out by hand: "größe" percent-encoded as UTF-8. */
    private static final Set<String> ADDRESSES = Set.of(
            BASE,
            BASE + "intro.html",
            BASE + "basics/gr%C3%B6%C3%9Fe.html");

    @TempDir
    Path temp;
    Path content;
    Path out;

    @BeforeEach
    void lessons() {
        content = temp.resolve("content");
        out = temp.resolve("site");
        SiteFiles.write(content, "01-intro.md", """
                ---
                title: Intro
                order: 1
                ---
                ## First steps

                Words.
                """);
        SiteFiles.write(content, "basics/02-größe.md", """
                ---
                title: Größe
                order: 2
                section: Basics
                ---
                ```mlp
                input: [1]
                layers:
                  - weights: [[2]]
                ```
                """);
    }

    private BuildReport buildWithConfig(String yaml) {
        return SiteFiles.build(content, out, SiteFiles.write(temp, "longhand.yml", yaml));
    }

    private Document page(String name) {
        return SiteFiles.page(out, name);
    }

    private List<Path> pages() throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private String name(Path page) {
        return out.relativize(page).toString().replace('\\', '/');
    }

    @Test
    void sitemapListsEveryPageWithAbsoluteAddresses() throws IOException {
        assertTrue(buildWithConfig("baseUrl: https://example.org/longhand\n").succeeded());
        Document sitemap = Jsoup.parse(Files.readString(out.resolve("sitemap.xml")), "", Parser.xmlParser());
        assertEquals("http://www.sitemaps.org/schemas/sitemap/0.9", sitemap.selectFirst("urlset").attr("xmlns"));
        Set<String> listed = new TreeSet<>(sitemap.select("url > loc").eachText());
        assertEquals(new TreeSet<>(ADDRESSES), listed);
        for (String address : listed) {
            String path = URLDecoder.decode(address.substring(BASE.length()), StandardCharsets.UTF_8);
            Path file = out.resolve(path.isEmpty() ? "index.html" : path);
            assertTrue(Files.isRegularFile(file), address + " is not a page of the site");
        }
    }

    @Test
    void everyPageNamesItsCanonicalAddress() throws IOException {
        assertTrue(buildWithConfig("baseUrl: " + BASE + "\n").succeeded());
        assertEquals(BASE, page("index.html").selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(BASE + "intro.html", page("intro.html").selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(BASE + "basics/gr%C3%B6%C3%9Fe.html",
                page("basics/größe.html").selectFirst("link[rel=canonical]").attr("href"));
        assertTrue(page("404.html").select("link[rel=canonical]").isEmpty(), "the 404 page has no address of its own");
    }

    @Test
    void linksBetweenPagesStayRelativeUnderABaseUrl() throws IOException {
        assertTrue(buildWithConfig("baseUrl: " + BASE + "\n").succeeded());
        Document lesson = page("basics/größe.html");
        assertEquals("../index.html", lesson.selectFirst(".site-name").attr("href"));
        assertEquals("../assets/longhand.css", lesson.selectFirst("link[rel=stylesheet]").attr("href"));
        for (Path file : pages()) {
            if (!file.endsWith("404.html")) {
                for (Element e : page(name(file)).select("[href]:not(link[rel=canonical]), [src]")) {
                    String link = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                    assertFalse(link.startsWith("/") || link.contains("://"), name(file) + " links to " + link);
                }
            }
        }
    }

    @Test
    void notFoundPageLinksFromTheBasePathAndListsEveryLesson() throws IOException {
        assertTrue(buildWithConfig("baseUrl: " + BASE + "\n").succeeded());
        Document notFound = page("404.html");
        assertEquals("noindex", notFound.selectFirst("meta[name=robots]").attr("content"));
        assertEquals("/longhand/index.html", notFound.selectFirst(".site-name").attr("href"));
        assertEquals(List.of("/longhand/intro.html", "/longhand/basics/größe.html"),
                notFound.select(".lesson-list a").eachAttr("href"));
        for (Element e : notFound.select("[href], [src]")) {
            String link = e.hasAttr("href") ? e.attr("href") : e.attr("src");
            if (link.startsWith("#")) {
                continue;
            }
            assertTrue(link.startsWith("/longhand/"), "404.html links to " + link);
            assertTrue(Files.isRegularFile(out.resolve(link.substring("/longhand/".length()))), link + " is missing");
        }
    }

    @Test
    void withoutABaseUrlThereIsNoSitemapNoCanonicalAnd404LinksFromTheRoot() throws IOException {
        assertTrue(buildWithConfig("# no address yet\n").succeeded());
        assertFalse(Files.exists(out.resolve("sitemap.xml")), "a sitemap needs absolute addresses");
        for (Path file : pages()) {
            assertTrue(page(name(file)).select("link[rel=canonical]").isEmpty(), name(file));
        }
        assertEquals("/index.html", page("404.html").selectFirst(".site-name").attr("href"));
        assertEquals("/assets/longhand.css", page("404.html").selectFirst("link[rel=stylesheet]").attr("href"));
    }

    @Test
    void everyPageLinksTheSvgFavicon() throws IOException {
        assertTrue(SiteFiles.build(content, out).succeeded());
        for (Path file : pages()) {
            Element icon = page(name(file)).selectFirst("link[rel=icon]");
            assertEquals("image/svg+xml", icon.attr("type"), name(file));
            String href = icon.attr("href");
            Path target = href.startsWith("/") ? out.resolve(href.substring(1)) : file.getParent().resolve(href);
            assertTrue(Files.isRegularFile(target), name(file) + ": " + href);
        }
        assertTrue(Files.readString(out.resolve("assets/favicon.svg")).startsWith("<svg"));
    }

    @Test
    void baseUrlThatIsNotAnAddressIsAnErrorAtItsPosition() {
        BuildReport report = buildWithConfig("# where we publish\nbaseUrl: example.org/longhand\n");
        assertFalse(report.succeeded());
        List<String> errors = report.diagnostics().sorted().stream().filter(Diagnostic::isError)
                .map(Diagnostic::headline).toList();
        assertEquals(List.of("longhand.yml:2:10: error: baseUrl should start with https:// or http://;"
                + " write the address the site is published at, e.g. baseUrl: https://example.org/longhand/"), errors);
        assertFalse(Files.exists(out), "a failed build writes nothing");
    }

    @Test
    void misspeltKeyIsAnErrorWithASuggestion() {
        BuildReport report = buildWithConfig("baseURL: " + BASE + "\n");
        assertFalse(report.succeeded());
        String error = report.diagnostics().sorted().stream().filter(Diagnostic::isError).findFirst().orElseThrow()
                .headline();
        assertTrue(error.startsWith("longhand.yml:1:1: error: unknown key 'baseURL'"), error);
        assertTrue(error.contains("baseUrl"), error);
    }

    @Test
    void configFileBesideTheContentFolderIsFound() {
        assertTrue(SiteConfigFile.besideContent(content).isEmpty());
        SiteFiles.write(temp, "longhand.yml", "baseUrl: " + BASE + "\n");
        assertEquals(temp.resolve("longhand.yml").toAbsolutePath(), SiteConfigFile.besideContent(content).get());
    }
}
