package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seven-layer lesson of {@link FixtureCourse} (a batch of two samples), against values worked by hand:
 *
 * <pre>
 * layer     x1 = (3, 4, 5)       x2 = (5, 4, 3)
 * Hidden 1  (5, 4, 3, 7, 9)      (3, 4, 5, 9, 7)
 * Hidden 2  (5+4-3, 3+7-9)       (3+4-5, 5+9-7)        = (6, 1)  and (2, 7)
 * Hidden 3  (7, 6-1, 6+2)        (9, 2-7, 2+14)        = (7, 5, 8) and (9, -5 -> 0, 16)
 * Hidden 4  (7-5, 8-5)           (9-0, 16-0)           = (2, 3)  and (9, 16)
 * Hidden 5  swap                                       = (3, 2)  and (16, 9)
 * Hidden 6  (3-2, 3+2)           (16-9, 16+9)          = (1, 5)  and (7, 25)
 * Output    1-5 = -4             7-25 = -18
 * </pre>
 */
class SevenLayersLessonTest {

    @TempDir
    static Path temp;
    static Element network;

    @BeforeAll
    static void buildTheLesson() throws IOException {
        Path out = temp.resolve("site");
        SiteFiles.write(temp.resolve("content"), "03-seven-layers.md", FixtureCourse.SEVEN_LAYERS);
        BuildReport report = SiteFiles.build(temp.resolve("content"), out);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
        Elements blocks = Jsoup.parse(Files.readString(out.resolve("seven-layers.html"))).select("figure.mlp");
        assertEquals(2, blocks.size(), "the lesson has the first layer alone, then the whole network");
        network = blocks.get(1);
    }

    private static String value(String key) {
        Element cell = network.selectFirst("[data-v=" + key + "]");
        assertNotNull(cell, key);
        return cell.text();
    }

    private static List<String> column(int layer, String matrix, int units, int sample) {
        List<String> values = new ArrayList<>();
        for (int unit = 0; unit < units; unit++) {
            values.add(value("layers." + layer + "." + matrix + "." + unit + "." + sample));
        }
        return values;
    }

    @Test
    void networkHasSevenLayers() {
        assertEquals(7, network.select("section.mlp-layer").size());
    }

    @Test
    void outputsAreMinusFourAndMinusEighteen() throws IOException {
        assertEquals("−4", value("layers.6.a.0.0"));
        assertEquals("−18", value("layers.6.a.0.1"));
        JsonNode trace = new ObjectMapper().readTree(network.selectFirst("script.mlp-trace").data());
        assertEquals(-4, trace.at("/output/0/0").doubleValue());
        assertEquals(-18, trace.at("/output/0/1").doubleValue());
    }

    @Test
    void batchInputIsOneRowPerUnitAndOneColumnPerSample() throws IOException {
        // YAML lists samples (3, 4, 5) and (5, 4, 3); X and the trace have them as columns.
        JsonNode trace = new ObjectMapper().readTree(network.selectFirst("script.mlp-trace").data());
        assertEquals("[[3,5],[4,4],[5,3]]", trace.get("input").toString());
        assertEquals("5", network.selectFirst("[data-edit=input.0.1]").text());
        assertEquals("3", network.selectFirst("[data-edit=input.2.1]").text());
    }

    @Test
    void firstLayerZForBothSamples() {
        assertEquals(List.of("5", "4", "3", "7", "9"), column(0, "z", 5, 0));
        assertEquals(List.of("3", "4", "5", "9", "7"), column(0, "z", 5, 1));
    }

    @Test
    void onlyLayerThreeUnitTwoSampleTwoIsClamped() {
        Elements clamped = network.select("table.matrix-a td.clamped");
        assertEquals(1, clamped.size(), clamped.toString());
        Element cell = clamped.first();
        assertEquals("layers.2.a.1.1", cell.selectFirst("[data-v]").attr("data-v"));
        assertEquals("−5", cell.selectFirst("s").text());
        assertEquals("0", value("layers.2.a.1.1"));
        assertEquals("−5", value("layers.2.z.1.1"));
        Elements clampedLines = network.select("li.clamped");
        assertEquals(List.of("2.1.1"), clampedLines.eachAttr("data-work"));
        assertEquals("z₂ = 1·2 + (−1)·7 + 0 = −5", clampedLines.first().selectFirst(".work-sum").text());
    }

    @Test
    void sameUnitPassesSampleOne() {
        assertEquals("5", value("layers.2.a.1.0"));
        assertEquals(List.of("7", "5", "8"), column(2, "a", 3, 0));
        assertEquals(List.of("9", "0", "16"), column(2, "a", 3, 1));
    }
}
