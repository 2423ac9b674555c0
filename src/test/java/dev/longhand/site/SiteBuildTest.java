package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small site written from text blocks, built with the repository's theme, read back with jsoup. */
class SiteBuildTest {

    private static final String INTRO = """
            ---
            title: Introduction
            order: 10
            summary: Start here.
            ---
            Some prose.

            ## A table

            | unit | weight |
            |---|---|
            | 1 | 3 |
            | 2 | 5 |

            ## Code

            ```python
            print("<b>not bold</b>")
            ```

            ```yaml
            input: [2, 1, 3]
            layers:
              - weights: [[1, 1, 1]]
            ```
            """;

    private static final String NUMBERS = """
            ---
            title: Numbers
            order: 20
            summary: Every sum written out.
            ---
            ## The contract example

            ```mlp
            caption: The contract's example
            input: [2, 1, 3]
            layers:
              - name: Hidden 1
                weights:
                  - [1, -1, 0]
                  - [0, 1, 1]
                bias: [0, 0]
              - weights: [[1, 1]]
            ```

            ### Checking by hand

            Unit 2 adds inputs 2 and 3.

            ## A clamp and a sigmoid

            ```mlp
            input: [2, 1, 3]
            layers:
              - weights:
                  - [1, -1, 0]
                  - [0, 1, 1]
                  - [-1, 0, -1]
              - weights: [[0.5, 0, 0]]
                bias: [0.25]
                activation: sigmoid
            ```
            """;

    private static final String SAFETY = """
            ---
            title: "<script>alert('title')</script>"
            order: 30
            summary: "<b>Nothing</b> escapes."
            ---
            Prose.

            ```mlp
            caption: "</script><script>alert('caption')</script>"
            input: [1, 2]
            labels: ["<i>one</i>", two]
            layers:
              - name: "</script><b>layer</b>"
                weights: [[1, 1]]
            ```
            """;

    private static final String ONE_NODE = """
            ---
            title: One node
            order: 40
            ---
            A page in a subfolder.
            """;

    @TempDir
    static Path temp;
    static Path site;

    @BeforeAll
    static void buildSite() {
        Path content = temp.resolve("content");
        // File names sort differently from `order`, so the index order must come from `order`.
        SiteFiles.write(content, "03-intro.md", INTRO);
        SiteFiles.write(content, "01-numbers.md", NUMBERS);
        SiteFiles.write(content, "02-safety.md", SAFETY);
        SiteFiles.write(content, "basics/01-one-node.md", ONE_NODE);
        site = temp.resolve("site");
        BuildReport report = SiteFiles.build(content, site);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
    }

    private static Document page(String name) throws IOException {
        return Jsoup.parse(Files.readString(site.resolve(name), StandardCharsets.UTF_8));
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Element block(Document page, int index) {
        Elements blocks = page.select("figure.mlp");
        assertTrue(blocks.size() > index, "the page has " + blocks.size() + " mlp blocks");
        return blocks.get(index);
    }

    private static String text(Element block, String selector) {
        Element found = block.selectFirst(selector);
        assertNotNull(found, "nothing matches " + selector);
        return found.text();
    }

    private static JsonNode trace(Element block) throws IOException {
        Elements traces = block.select("script.mlp-trace");
        assertEquals(1, traces.size(), "one trace per block");
        assertEquals("application/json", traces.first().attr("type"));
        return new ObjectMapper().readTree(traces.first().data());
    }

    /** Numbers compare by value, so 1 and 1.0 are equal; everything else by structure. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) ->
            a.isNumber() && b.isNumber() ? Double.compare(a.doubleValue(), b.doubleValue()) : (a.equals(b) ? 0 : 1);

    // ---- index -------------------------------------------------------------------------------

    @Test
    void indexListsLessonsInTheirOrderWithSummariesAndLinks() throws IOException {
        Elements items = page("index.html").select("ol.lesson-list > li");
        List<String> titles = items.select(".lesson-title").eachText();
        assertEquals(List.of("Introduction", "Numbers", "<script>alert('title')</script>", "One node"), titles);
        assertEquals(List.of("intro.html", "numbers.html", "safety.html", "basics/one-node.html"),
                items.select("a").eachAttr("href"));
        assertEquals(List.of("Start here.", "Every sum written out.", "<b>Nothing</b> escapes."),
                items.select(".lesson-summary").eachText());
    }

    // ---- lesson page -------------------------------------------------------------------------

    @Test
    void lessonPageHasItsTitle() throws IOException {
        Document numbers = page("numbers.html");
        assertEquals("Numbers", numbers.selectFirst("h1").text());
        assertTrue(numbers.title().startsWith("Numbers"), numbers.title());
    }

    @Test
    void tableOfContentsListsHeadingsAndLinksToTheirIds() throws IOException {
        Document numbers = page("numbers.html");
        Elements links = numbers.select("nav.toc a");
        assertEquals(List.of("The contract example", "Checking by hand", "A clamp and a sigmoid"), links.eachText());
        for (Element link : links) {
            String href = link.attr("href");
            assertTrue(href.startsWith("#"), href);
            Element target = numbers.getElementById(href.substring(1));
            assertNotNull(target, "no element with the id of " + href);
            assertEquals(link.text(), target.text());
            assertTrue(target.is("h2, h3"), target.tagName());
        }
        // The level-3 heading sits under its level-2 heading.
        assertEquals("Checking by hand", numbers.selectFirst("nav.toc > ol > li > ol > li > a").text());
    }

    @Test
    void prevAndNextLinkToTheNeighboursInOrder() throws IOException {
        Document numbers = page("numbers.html");
        assertEquals("intro.html", numbers.selectFirst("a[rel=prev]").attr("href"));
        assertTrue(numbers.selectFirst("a[rel=prev]").text().contains("Introduction"));
        assertEquals("safety.html", numbers.selectFirst("a[rel=next]").attr("href"));
        assertTrue(numbers.selectFirst("a[rel=next]").text().contains("<script>alert('title')</script>"));
        assertTrue(page("intro.html").select("a[rel=prev]").isEmpty(), "the first lesson has no previous");
        assertEquals("basics/one-node.html", page("safety.html").selectFirst("a[rel=next]").attr("href"));
    }

    @Test
    void pageInASubfolderLinksBackUpToTheRoot() throws IOException {
        Document oneNode = page("basics/one-node.html");
        assertEquals("../safety.html", oneNode.selectFirst("a[rel=prev]").attr("href"));
        assertTrue(oneNode.select("a[rel=next]").isEmpty(), "the last lesson has no next");
        assertEquals("../assets/longhand.css", oneNode.selectFirst("link[rel=stylesheet]").attr("href"));
    }

    @Test
    void everyLocalLinkResolvesToAFileAndAnId() throws IOException {
        // 404.html links from the site's absolute path; SiteLinksTest crawls it.
        for (Path file : pages().stream().filter(p -> !p.endsWith("404.html")).toList()) {
            Document doc = Jsoup.parse(Files.readString(file));
            for (Element e : doc.select("[href], [src]")) {
                String link = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                int hash = link.indexOf('#');
                String path = hash < 0 ? link : link.substring(0, hash);
                String fragment = hash < 0 ? "" : link.substring(hash + 1);
                Path target = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                assertTrue(Files.isRegularFile(target), site.relativize(file) + " links to missing " + link);
                assertTrue(target.startsWith(site), site.relativize(file) + " links outside the site: " + link);
                if (!fragment.isEmpty()) {
                    Document linked = target.equals(file) ? doc : Jsoup.parse(Files.readString(target));
                    assertNotNull(linked.getElementById(fragment), site.relativize(file) + ": no id for " + link);
                }
            }
        }
    }

    // ---- mlp blocks: numbers -----------------------------------------------------------------

    @Test
    void contractExampleShowsHandComputedZ() throws IOException {
        // W = [[1, -1, 0], [0, 1, 1]], x = (2, 1, 3): z1 = 2 - 1 + 0 = 1, z2 = 0 + 1 + 3 = 4
        Element block = block(page("numbers.html"), 0);
        assertEquals("1", text(block, "[data-v=layers.0.z.0.0]"));
        assertEquals("4", text(block, "[data-v=layers.0.z.1.0]"));
        // output: 1 + 4 = 5
        assertEquals("5", text(block, "[data-v=layers.1.z.0.0]"));
        assertEquals("5", text(block, "[data-v=layers.1.a.0.0]"));
    }

    @Test
    void workedLineWritesTheSumOut() throws IOException {
        Element block = block(page("numbers.html"), 0);
        assertEquals("z₂ = 0·2 + 1·1 + 1·3 + 0 = 4", text(block, "[data-work=0.1.0] .work-sum"));
        assertEquals("z₁ = 1·2 + (−1)·1 + 0·3 + 0 = 1", text(block, "[data-work=0.0.0] .work-sum"));
        assertEquals("a₂ = ReLU(4) = 4", text(block, "[data-work=0.1.0] .work-result"));
    }

    @Test
    void reluMarksTheClampedValueAndThePassedOnes() throws IOException {
        // third row (-1, 0, -1) · (2, 1, 3) = -2 + 0 - 3 = -5
        Element block = block(page("numbers.html"), 1);
        Element clamped = block.selectFirst("td:has(> [data-v=layers.0.a.2.0])");
        assertNotNull(clamped);
        assertTrue(clamped.hasClass("clamped"), clamped.outerHtml());
        assertEquals("−5", clamped.selectFirst("s").text());
        assertEquals("0", text(clamped, "[data-v=layers.0.a.2.0]"));
        for (String passed : List.of("layers.0.a.0.0", "layers.0.a.1.0")) {
            Element cell = block.selectFirst("td:has(> [data-v=" + passed + "])");
            assertTrue(cell.hasClass("passed"), cell.outerHtml());
            assertTrue(cell.select("s").isEmpty(), cell.outerHtml());
        }
        assertEquals(1, block.select("table.matrix-a td.clamped").size(), "only one value is clamped");
        assertEquals("z₃ = (−1)·2 + 0·1 + (−1)·3 + 0 = −5", text(block, "[data-work=0.2.0] .work-sum"));
        assertEquals("a₃ = ReLU(−5) = 0", text(block, "[data-work=0.2.0] .work-result"));
        assertTrue(block.selectFirst("[data-work=0.2.0]").hasClass("clamped"));
    }

    @Test
    void roundedValueIsWrittenWithApproximatelyEquals() throws IOException {
        // z = 0.5·1 + 0·4 + 0·0 + 0.25 = 0.75; σ(0.75) = 1 / (1 + e^-0.75) = 0.679178699...
        Element block = block(page("numbers.html"), 1);
        assertEquals("z₁ = 0.5·1 + 0·4 + 0·0 + 0.25 = 0.75", text(block, "[data-work=1.0.0] .work-sum"));
        assertEquals("a₁ = σ(0.75) ≈ 0.6792", text(block, "[data-work=1.0.0] .work-result"));
        assertEquals("0.6792", text(block, "[data-v=layers.1.a.0.0]"));
    }

    @Test
    void everyEditableNumberHasTheContractsName() throws IOException {
        Element block = block(page("numbers.html"), 0);
        Set<String> expected = new TreeSet<>(List.of(
                "input.0.0", "input.1.0", "input.2.0",
                "layers.0.weights.0.0", "layers.0.weights.0.1", "layers.0.weights.0.2",
                "layers.0.weights.1.0", "layers.0.weights.1.1", "layers.0.weights.1.2",
                "layers.0.bias.0", "layers.0.bias.1",
                "layers.1.weights.0.0", "layers.1.weights.0.1", "layers.1.bias.0"));
        List<String> edits = block.select("[data-edit]").eachAttr("data-edit");
        assertEquals(expected, new TreeSet<>(edits));
        assertEquals(expected.size(), edits.size(), "each editable number appears once");
        assertEquals("3", text(block, "[data-edit=input.2.0]"));
        assertEquals("−1", text(block, "[data-edit=layers.0.weights.0.1]"));
        assertEquals("0", text(block, "[data-edit=layers.0.bias.1]"));
        assertEquals("0.25", text(block(page("numbers.html"), 1), "[data-edit=layers.1.bias.0]"));
    }

    // ---- mlp blocks: the trace ---------------------------------------------------------------

    @Test
    void traceHasTheContractsShapeAndValues() throws IOException {
        JsonNode expected = new ObjectMapper().readTree("""
                {"input": [[2], [1], [3]],
                 "layers": [
                   {"name": "Hidden 1", "activation": "relu",
                    "weights": [[1, -1, 0], [0, 1, 1]], "bias": [0, 0],
                    "z": [[1], [4]], "a": [[1], [4]]},
                   {"name": "Layer 2", "activation": "linear",
                    "weights": [[1, 1]], "bias": [0],
                    "z": [[5]], "a": [[5]]}],
                 "output": [[5]]}
                """);
        JsonNode actual = trace(block(page("numbers.html"), 0));
        assertTrue(actual.equals(BY_VALUE, expected), actual::toPrettyString);
    }

    @Test
    void traceKeepsFullPrecision() throws IOException {
        JsonNode trace = trace(block(page("numbers.html"), 1));
        double sigmoid = 1 / (1 + Math.exp(-0.75));
        // The page shows 0.6792, which is 4.6e-6 away; the trace holds the value itself.
        assertEquals(sigmoid, trace.at("/layers/1/a/0/0").doubleValue(), 1e-15);
        assertEquals(sigmoid, trace.at("/output/0/0").doubleValue(), 1e-15);
        assertEquals(-5, trace.at("/layers/0/z/2/0").doubleValue());
        assertEquals(0, trace.at("/layers/0/a/2/0").doubleValue());
    }

    @Test
    void scriptEndTagInANameCannotLeaveTheTrace() throws IOException {
        Element block = block(page("safety.html"), 0);
        String raw = block.selectFirst("script.mlp-trace").data();
        assertFalse(raw.contains("</"), raw);
        assertTrue(raw.contains("\\u003c/script"), raw);
        assertEquals("</script><b>layer</b>", trace(block).at("/layers/0/name").asText());
    }

    // ---- escaping ----------------------------------------------------------------------------

    /** The one inline script of the theme: the stored light/dark choice, put on <html> before the first paint. */
    private static final String THEME_BEFORE_PAINT = "try{var t=localStorage.getItem(\"longhand-theme\")";

    @Test
    void authorStringsAreEscapedEverywhere() throws IOException {
        for (String name : List.of("safety.html", "index.html", "numbers.html", "basics/one-node.html")) {
            Document doc = page(name);
            for (Element script : doc.select("script")) {
                boolean theme = script.attr("src").matches("(\\.\\./)*assets/(longhand|longhand-math|longhand-training|site|search)\\.js")
                        && script.data().isEmpty()
                        || !script.hasAttr("src") && script.data().startsWith(THEME_BEFORE_PAINT);
                assertTrue(script.hasClass("mlp-trace") || theme, name + " has an injected script: " + script.outerHtml());
            }
            assertTrue(doc.select("main b, main i, nav b").isEmpty(), name + " has an injected element");
        }
        Document safety = page("safety.html");
        assertEquals("<script>alert('title')</script>", safety.selectFirst("h1").text());
        assertEquals("</script><script>alert('caption')</script>", text(safety, "figcaption"));
        assertTrue(safety.select("th").eachText().contains("<i>one</i>"), "the label is shown as text");
        assertTrue(safety.select(".mlp-layer-title").first().text().contains("</script><b>layer</b>"));
    }

    // ---- prose -------------------------------------------------------------------------------

    @Test
    void gfmTablesRender() throws IOException {
        Element table = page("intro.html").selectFirst("main table");
        assertNotNull(table);
        assertEquals(List.of("unit", "weight"), table.select("thead th").eachText());
        assertEquals(List.of("1", "3", "2", "5"), table.select("tbody td").eachText());
    }

    @Test
    void otherFencedBlocksStayCode() throws IOException {
        Document intro = page("intro.html");
        assertTrue(intro.select("figure.mlp").isEmpty(), "a yaml block is not computed");
        assertEquals("print(\"<b>not bold</b>\")", intro.selectFirst("pre > code.language-python").text());
        assertTrue(intro.selectFirst("pre > code.language-yaml").text().startsWith("input: [2, 1, 3]"));
        assertTrue(intro.select("main b").isEmpty());
    }

    // ---- whole pages -------------------------------------------------------------------------

    @Test
    void pagesWorkOffline() throws IOException {
        List<String> remote = new ArrayList<>();
        for (Path file : pages()) {
            for (Element e : Jsoup.parse(Files.readString(file)).select("[href], [src]")) {
                for (String attr : List.of("href", "src")) {
                    String value = e.attr(attr).trim().toLowerCase(java.util.Locale.ROOT);
                    if (value.startsWith("http:") || value.startsWith("https:") || value.startsWith("//")) {
                        remote.add(site.relativize(file) + ": " + value);
                    }
                }
            }
        }
        assertEquals(List.of(), remote);
    }

    @Test
    void pagesAreHtml5WithLanguageCharsetAndViewport() throws IOException {
        List<Path> pages = pages();
        assertEquals(6, pages.size(), pages.toString()); // 4 lessons, the index and 404.html
        for (Path file : pages) {
            String html = Files.readString(file);
            String name = site.relativize(file).toString();
            assertTrue(html.regionMatches(true, 0, "<!doctype html>", 0, 15), name + " starts without a doctype");
            Document doc = Jsoup.parse(html);
            assertFalse(doc.selectFirst("html").attr("lang").isBlank(), name + " has no lang");
            assertEquals("utf-8", doc.selectFirst("head meta[charset]").attr("charset").toLowerCase(), name);
            assertTrue(doc.selectFirst("head meta[name=viewport]").attr("content").contains("width=device-width"),
                    name);
            assertFalse(doc.title().isBlank(), name + " has no title");
        }
    }
}
