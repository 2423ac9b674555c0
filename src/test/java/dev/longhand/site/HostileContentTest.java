package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing an author writes runs in a reader's browser unless it is the site's own script:
 * author text everywhere Longhand shows it, and raw HTML and links in prose, are built into a
 * site, and every page is parsed back to look for what could run.
 */
class HostileContentTest {

    /** Each breaks out of a different context: element text, a quoted attribute, the trace's script. */
    static final List<String> HOSTILE = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "' onmouseover='alert(1)",
            "</script><script>alert(1)</script>",
            "javascript:alert(1)",
            "<!--",
            "]]>&amp;<![CDATA[");

    private static final String ALL = String.join(" ", HOSTILE);
    /** A heading is prose, so its HTML follows the prose rule; quotes and a scheme stay text. */
    private static final String HEADING = "\"quoted\" 'single' javascript:alert(1) & more";

    @TempDir
    static Path temp;
    static Path out;

    private static String yaml(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @BeforeAll
    static void buildSite() {
        Path content = temp.resolve("content");
        SiteFiles.write(content, "01-hostile.md", """
                ---
                title: %s
                summary: %s
                section: %s
                order: 1
                ---
                ## %s

                ```mlp
                caption: %s
                input: [1, 2]
                labels: [%s, %s]
                layers:
                  - name: %s
                    weights: [[1, -1], [2, 0.5]]
                  - name: %s
                    weights: [[1, 1]]
                target: [1]
                ```
                """.formatted(yaml(ALL), yaml(ALL), yaml(ALL), HEADING, yaml(ALL), yaml(HOSTILE.get(0)),
                yaml(HOSTILE.get(3)), yaml(ALL), yaml(HOSTILE.get(1))));
        SiteFiles.write(content, "02-raw-html.md", """
                ---
                title: Raw HTML
                order: 2
                ---
                Links: [a link](javascript:alert(1)), [spaced](%%20javascript:alert(1)),
                [vb](VBScript:msgbox(1)), [data](data:text/html,<script>alert(1)</script>),
                ![an image](javascript:alert(1)) and <a href="jav&#x61;script:alert(1)">entity</a>
                and <a href=" java&#09;script:alert(1)">tab</a>, <span onclick="alert(1)">a span</span>.

                <script>alert(1)</script>

                <img src=x onerror=alert(1)>

                <svg onload=alert(1)><a xlink:href="javascript:alert(1)"><text>t</text></a></svg>

                <iframe src="javascript:alert(1)"></iframe>
                <iframe srcdoc="<script>alert(1)</script>"></iframe>

                <noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>

                <svg><style><img src=x onerror=alert(1)></style></svg>

                <math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>

                <form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>

                <object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">

                <meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="javascript:alert(1)//">

                <div style="background:url(javascript:alert(1))">styled</div>

                Inline <scr<script>ipt>alert(1)</script> and <a href="#" onmouseover="alert(1)">hover</a>.

                What stays: <kbd>Ctrl</kbd>, <a href="https://example.com/a:b" title="t">a web link</a>,
                <a href="other.html#x">a page</a>, <img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">
                and <div class="note" onclick="alert(1)">a note</div>.

                <details><summary>More</summary>Hidden text.</details>

                ```mlp
                input: [1]
                layers:
                  - weights: [[2]]
                ```
                """);
        out = temp.resolve("site");
        BuildReport report = SiteFiles.build(content, out);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
    }

    private static List<Document> pages() throws IOException {
        List<Document> pages = new ArrayList<>();
        for (String name : List.of("index.html", "hostile.html", "raw-html.html")) {
            pages.add(Jsoup.parse(Files.readString(out.resolve(name), StandardCharsets.UTF_8), "file:///site/"));
        }
        return pages;
    }

    @Test
    void theOnlyScriptsAreTheSitesOwnAndTheTraces() throws IOException {
        for (Document page : pages()) {
            for (Element script : page.select("script")) {
                boolean own = script.attr("src").matches("(\\.\\./)*assets/(longhand|longhand-math|longhand-training|site|search)\\.js")
                        && script.data().isEmpty()
                        || !script.hasAttr("src") && script.data().startsWith("try{var t=localStorage.getItem(\"longhand-theme\")");
                boolean trace = script.attr("type").equals("application/json") && script.hasClass("mlp-trace")
                        && script.attributesSize() == 2;
                assertTrue(own || trace, () -> page.location() + ": an injected script: " + script.outerHtml());
            }
        }
    }

    @Test
    void noElementHasAnEventHandlerOrScriptUrl() throws IOException {
        for (Document page : pages()) {
            for (Element element : page.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    String key = attribute.getKey().toLowerCase(Locale.ROOT);
                    String value = attribute.getValue().replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
                    assertFalse(key.startsWith("on") || key.contains(":on"),
                            () -> "an event handler: " + element.outerHtml());
                    assertFalse(key.equals("srcdoc"), () -> "an iframe document: " + element.outerHtml());
                    if (Set.of("href", "src", "action", "formaction", "xlink:href", "data").contains(key)) {
                        assertFalse(value.startsWith("javascript:") || value.startsWith("vbscript:")
                                        || (value.startsWith("data:") && !value.startsWith("data:image/png")),
                                () -> "a script URL: " + element.outerHtml());
                    }
                }
            }
        }
    }

    @Test
    void elementsThatRunCodeOrRedirectAreRemoved() throws IOException {
        Document raw = pages().get(2);
        assertEquals("", raw.select("main iframe, main object, main embed, main noscript, base, "
                + "meta[http-equiv], svg style, math style, main form[action], main [formaction]").outerHtml());
        assertEquals("", raw.select("main [style]").outerHtml(), "a style with a script URL is removed");
    }

    @Test
    void authorTextIsShownAsTextWhereverItAppears() throws IOException {
        Document lesson = pages().get(1);
        assertEquals(ALL, lesson.selectFirst("h1").text());
        assertEquals(ALL, lesson.selectFirst("title").text().replace(" · Longhand", ""));
        assertEquals(ALL, lesson.selectFirst("meta[name=description]").attr("content"));
        assertEquals(ALL, lesson.select(".breadcrumbs li").get(1).text());
        assertEquals(ALL, lesson.selectFirst("figcaption").text());
        assertEquals(HEADING, lesson.selectFirst("article h2:not(#toc-heading)").text());
        assertEquals(HEADING, lesson.selectFirst(".toc a[href^=#]").text());
        assertTrue(lesson.select(".mlp-layer-title").eachText().stream().anyMatch(t -> t.contains(ALL)));
        assertTrue(lesson.select("th").eachText().contains(HOSTILE.get(0)), "the first label is a row header");
        Document index = pages().get(0);
        assertEquals(ALL, index.selectFirst(".lesson-title").text());
        assertEquals(ALL, index.selectFirst(".lesson-summary").text());
    }

    @Test
    void theTraceHoldsTheAuthorsTextIntactAndCannotBeLeft() throws IOException {
        Element script = pages().get(1).selectFirst("script.mlp-trace");
        JsonNode trace = new ObjectMapper().readTree(script.data());
        assertEquals(ALL, trace.get("layers").get(0).get("name").asText());
        assertEquals(HOSTILE.get(1), trace.get("layers").get(1).get("name").asText());
        assertFalse(script.data().contains("<"), "the trace JSON has no '<' that could end its element");
    }

    @Test
    void proseKeepsTheHtmlThatCannotRun() throws IOException {
        Element main = pages().get(2).selectFirst("main");
        assertEquals("Ctrl", main.selectFirst("kbd").text());
        assertEquals("https://example.com/a:b", main.selectFirst("a:contains(a web link)").attr("href"));
        assertEquals("other.html#x", main.selectFirst("a:contains(a page)").attr("href"));
        assertEquals("note", main.selectFirst("div:contains(a note)").className());
        assertEquals("More", main.selectFirst("details summary").text());
        // Flexmark writes a javascript: link as its text; the other schemes lose their href.
        String links = main.selectFirst("p:contains(Links:)").text();
        assertTrue(links.startsWith("Links: a link, spaced, vb, data,"), links);
        assertEquals(List.of(), main.select("a:contains(spaced), a:contains(vb), a:contains(data), a:contains(entity), "
                + "a:contains(tab)").eachAttr("href"));
        assertEquals(1, main.select("figure.mlp").size(), "the block after the raw HTML is shown");
    }
}
