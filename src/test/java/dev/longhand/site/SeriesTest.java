package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A course's series ({@link FixtureCourse}): its order, its links, and the numbers its blocks promise. */
class SeriesTest {

    @TempDir
    static Path temp;

    private static Path site;

    @BeforeAll
    static void build() {
        site = temp.resolve("site");
        BuildReport report = SiteFiles.build(FixtureCourse.write(temp.resolve("content")), site);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
    }

    private static Document page(String name) {
        return SiteFiles.page(site, name);
    }

    private static JsonNode trace(Document page, int block) throws IOException {
        return new ObjectMapper().readTree(page.select("script.mlp-trace").get(block).data());
    }

    @Test
    void theIndexListsTheLessonsAsOneSeriesInOrderAndTheAuthorsPageApart() {
        List<List<String>> sections = new ArrayList<>();
        for (Element section : page("index.html").select("section.index-section")) {
            List<String> hrefs = new ArrayList<>();
            section.select("ol.lesson-list a").forEach(a -> hrefs.add(a.attr("href")));
            sections.add(hrefs);
        }
        assertTrue(sections.contains(FixtureCourse.SERIES), sections.toString());
        assertTrue(sections.contains(List.of(FixtureCourse.AUTHORS_PAGE)), sections.toString());
        assertEquals(2, sections.size(), sections.toString());
    }

    @Test
    void everyPageLinksToTheOneBeforeAndAfter() {
        List<String> series = FixtureCourse.SERIES;
        for (int i = 0; i < series.size(); i++) {
            Document doc = page(series.get(i));
            Element prev = doc.selectFirst("a[rel=prev]");
            Element next = doc.selectFirst("a[rel=next]");
            if (i == 0) {
                assertNull(prev, series.get(i));
            } else {
                assertEquals(series.get(i - 1), prev.attr("href"), series.get(i));
            }
            if (i == series.size() - 1) {
                assertNull(next, series.get(i));
            } else {
                assertEquals(series.get(i + 1), next.attr("href"), series.get(i));
            }
        }
    }

    @Test
    void theTrainingLessonsLossFallsAtEveryStep() throws IOException {
        Document doc = page("gradient-descent.html");
        JsonNode losses = trace(doc, 0).get("losses");
        assertEquals(6, losses.size(), "the loss before each of the five steps and after the last");
        for (int k = 1; k < losses.size(); k++) {
            assertTrue(losses.get(k).asDouble() < losses.get(k - 1).asDouble(), "loss falls at step " + k);
        }
        assertNotNull(doc.selectFirst("svg.loss-plot"), "the losses are plotted");
    }

    @Test
    void theSoftmaxLessonComputesTheNetworkExactly() throws IOException {
        JsonNode t = trace(page("softmax.html"), 0);
        // z = (3, 3, −1): a = (e³, e³, e⁻¹) / (2e³ + e⁻¹), worked here, not read from the page.
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
