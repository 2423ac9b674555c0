package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped series: its order, its links, and the numbers its lessons promise. */
class SeriesTest {

    private static final List<String> SERIES = List.of("one-node.html", "four-nodes.html", "hidden-layer.html",
            "batch.html", "seven-layers.html", "backpropagation.html", "softmax-cross-entropy.html", "a-realistic-size.html");

    @TempDir
    static Path temp;

    private static Path site;

    @BeforeAll
    static void build() {
        site = temp.resolve("site");
        assertTrue(SiteFiles.build(SiteFiles.repo().resolve("content"), site).succeeded());
    }

    private static Document page(String name) throws IOException {
        return Jsoup.parse(Files.readString(site.resolve(name)));
    }

    private static JsonNode trace(Document page, int block) throws IOException {
        return new ObjectMapper().readTree(page.select("script.mlp-trace").get(block).data());
    }

    @Test
    void theIndexListsTheLessonsAsOneSeriesInOrder() throws IOException {
        Element lessons = page("index.html").selectFirst("section.index-section");
        List<String> hrefs = new ArrayList<>();
        lessons.select("ol.lesson-list a").forEach(a -> hrefs.add(a.attr("href")));
        assertEquals(SERIES, hrefs);
    }

    @Test
    void everyPageLinksToTheOneBeforeAndAfter() throws IOException {
        for (int i = 0; i < SERIES.size(); i++) {
            Document doc = page(SERIES.get(i));
            Element prev = doc.selectFirst("a[rel=prev]");
            Element next = doc.selectFirst("a[rel=next]");
            if (i == 0) {
                assertNull(prev, SERIES.get(i));
            } else {
                assertEquals(SERIES.get(i - 1), prev.attr("href"), SERIES.get(i));
            }
            if (i == SERIES.size() - 1) {
                assertNull(next, SERIES.get(i));
            } else {
                assertEquals(SERIES.get(i + 1), next.attr("href"), SERIES.get(i));
            }
        }
    }

    @Test
    void theBackpropagationLessonsLossFallsAtEveryStep() throws IOException {
        Document doc = page("backpropagation.html");
        JsonNode several = null;
        for (int b = 0; b < doc.select("script.mlp-trace").size(); b++) {
            JsonNode t = trace(doc, b);
            if (t.has("losses") && t.get("losses").size() > 2) {
                several = t;
            }
        }
        assertNotNull(several, "the lesson trains for several steps");
        JsonNode losses = several.get("losses");
        for (int k = 1; k < losses.size(); k++) {
            assertTrue(losses.get(k).asDouble() < losses.get(k - 1).asDouble(), "loss falls at step " + k);
        }
        assertNotNull(doc.selectFirst("svg.loss-plot"), "the losses are plotted");
    }

    @Test
    void theSoftmaxLessonComputesTheOriginalNetworkExactly() throws IOException {
        JsonNode t = trace(page("softmax-cross-entropy.html"), 0);
        // z3 = (3, 3, −1): a = (e³, e³, e⁻¹) / (2e³ + e⁻¹), worked here, not read from the page.
        double e3 = Math.exp(3);
        double em1 = Math.exp(-1);
        double sum = 2 * e3 + em1;
        JsonNode out = t.get("output");
        assertEquals(e3 / sum, out.get(0).get(0).asDouble(), 1e-12);
        assertEquals(e3 / sum, out.get(1).get(0).asDouble(), 1e-12);
        assertEquals(em1 / sum, out.get(2).get(0).asDouble(), 1e-12);
        assertEquals(-Math.log(e3 / sum), t.get("loss").asDouble(), 1e-12);
        assertEquals("cross_entropy", t.get("loss_function").asText());
    }
}
