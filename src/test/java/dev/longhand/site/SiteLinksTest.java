package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A crawl of a built site, with and without a base URL: every link and script or stylesheet of
 * every page (404.html included), every sitemap entry and every search result points at a file
 * of the site and, with a #fragment, at an element with that id. Crawled on the test's own
 * course ({@link FixtureCourse}, which has a worksheet and its answer key) and on the
 * repository's lessons, whatever they are.
 */
class SiteLinksTest {

    @TempDir
    Path temp;

    private final Map<Path, Document> parsed = new HashMap<>();

    private Path content(String course) {
        return course.equals("shipped") ? SiteFiles.repo().resolve("content") : FixtureCourse.write(temp.resolve("content"));
    }

    private Path build(Path content, String baseUrl) throws IOException {
        Path out = temp.resolve("site");
        SiteBuilder.Options options = new SiteBuilder.Options(content, "content",
                SiteFiles.repoTemplates(), "templates", 4);
        if (!baseUrl.isEmpty()) {
            options = options.withConfig(SiteFiles.write(temp, "longhand.yml", "baseUrl: " + baseUrl + "\n"),
                    "longhand.yml");
        }
        BuildReport report = new SiteBuilder(options).build(out);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
        return out;
    }

    @ParameterizedTest(name = "{0} lessons, baseUrl ''{1}''")
    @CsvSource({"fixture, ''", "fixture, https://example.org/longhand/", "shipped, ''",
            "shipped, https://example.org/longhand/"})
    void everyLinkResolves(String course, String baseUrl) throws IOException {
        Path content = content(course);
        Path site = build(content, baseUrl);
        int lessons = ContentOutline.lessons(content).size();
        String basePath = baseUrl.isEmpty() ? "/" : "/longhand/";
        List<String> broken = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(pages.size() >= lessons + 2, "index, 404 and the lessons: " + pages);
        int links = 0;
        for (Path page : pages) {
            for (Element e : document(page).select("[href], [src]")) {
                String attr = e.hasAttr("href") ? "href" : "src";
                String link = e.attr(attr);
                if (e.is("link[rel=canonical]")) {
                    assertTrue(link.startsWith(baseUrl) && !baseUrl.isEmpty(), page + ": canonical " + link);
                    continue;
                }
                links++;
                check(site, page, link, basePath).ifPresent(broken::add);
            }
        }
        assertTrue(links >= 2 * pages.size(), "crawled only " + links + " links");
        if (!baseUrl.isEmpty()) {
            String sitemap = Files.readString(site.resolve("sitemap.xml"));
            Matcher loc = Pattern.compile("<loc>([^<]*)</loc>").matcher(sitemap);
            int entries = 0;
            while (loc.find()) {
                entries++;
                String path = URLDecoder.decode(loc.group(1).substring(baseUrl.length()), StandardCharsets.UTF_8);
                check(site, site.resolve("index.html"), path.isEmpty() ? "index.html" : path, basePath)
                        .ifPresent(broken::add);
            }
            assertEquals(pages.size() - 1, entries, "every page but 404.html is in the sitemap");
        }
        String index = Files.readString(site.resolve("assets/search-index.js"));
        Matcher page = Pattern.compile("\"href\":\"([^\"]*)\",.*?\"headings\":\\[(.*?)\\],\"text\"").matcher(index);
        int searched = 0;
        while (page.find()) {
            searched++;
            check(site, site.resolve("index.html"), page.group(1), basePath).ifPresent(broken::add);
            Matcher id = Pattern.compile("\"id\":\"([^\"]*)\"").matcher(page.group(2));
            while (id.find()) {
                check(site, site.resolve("index.html"), page.group(1) + "#" + id.group(1), basePath)
                        .ifPresent(broken::add);
            }
        }
        long answerKeys = pages.stream().filter(p -> p.getFileName().toString().endsWith("-answers.html")).count();
        if (course.equals("fixture")) {
            assertEquals(1, answerKeys, "the course's worksheet has an answer key");
        }
        assertEquals(pages.size() - 2 - answerKeys, searched, "the search index holds every lesson, not answer keys");
        assertEquals(List.of(), broken);
    }

    /** Why a link from {@code page} does not resolve, or empty when it does. */
    private Optional<String> check(Path site, Path page, String link, String basePath) {
        String from = site.relativize(page).toString();
        if (link.contains("://") || link.startsWith("//") || link.startsWith("mailto:")) {
            return Optional.of(from + ": leaves the site: " + link);
        }
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        String fragment = hash < 0 ? "" : link.substring(hash + 1);
        Path target;
        if (path.isEmpty()) {
            target = page;
        } else if (path.startsWith("/")) {
            if (!page.endsWith("404.html")) {
                return Optional.of(from + ": a root-relative link breaks from disk: " + link);
            }
            if (!path.startsWith(basePath)) {
                return Optional.of(from + ": outside the base path " + basePath + ": " + link);
            }
            target = site.resolve(path.substring(basePath.length())).normalize();
        } else {
            target = page.getParent().resolve(path).normalize();
        }
        if (!target.startsWith(site) || !Files.isRegularFile(target)) {
            return Optional.of(from + ": missing " + link);
        }
        if (!fragment.isEmpty() && target.toString().endsWith(".html")
                && document(target).getElementById(fragment) == null) {
            return Optional.of(from + ": no element with id " + fragment + " for " + link);
        }
        return Optional.empty();
    }

    private Document document(Path page) {
        return parsed.computeIfAbsent(page, p -> {
            try {
                return Jsoup.parse(Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
