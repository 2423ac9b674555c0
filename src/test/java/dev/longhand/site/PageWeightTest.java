package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import dev.longhand.render.DrawnInTrace;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page-weight budgets of a build, on lessons the test writes: a page with every
 * stylesheet, script and icon it links, as a reader's browser downloads it (compressed, as
 * static hosts serve it) and as it lies on disk. A seven-layer lesson with two blocks
 * downloads under 100 KB; a 784-128-64-10 lesson of generated weights lies under 2 MB on disk,
 * with two decimals or at full precision (its trace holds the large matrices as how they were drawn).
 */
class PageWeightTest {

    /** A seven-layer lesson of two blocks, with its CSS and JS, downloaded. */
    static final long SEVEN_LAYERS_BUDGET = 100_000;
    /** A 784-128-64-10 lesson, with its CSS and JS, on disk (downloaded it is far less). */
    static final long REALISTIC_BUDGET = 2_000_000;

    /** The 784-128-64-10 block of issue 18: generated weights at full precision, no decimals. */
    static final String FULL_PRECISION = "---\ntitle: Full precision\norder: 30\n---\n```mlp\n"
            + LargeNetworks.FULL_PRECISION_784 + "```\n";

    @TempDir
    static Path temp;

    private static Path site;

    @BeforeAll
    static void build() {
        Path content = temp.resolve("content");
        SiteFiles.write(content, "01-seven-layers.md", FixtureCourse.SEVEN_LAYERS);
        SiteFiles.write(content, "02-a-realistic-size.md", FixtureCourse.REALISTIC.replace("order: 10", "order: 20"));
        SiteFiles.write(content, "03-full-precision.md", FULL_PRECISION);
        site = temp.resolve("site");
        BuildReport report = SiteFiles.build(content, site);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
    }

    /** Bytes of a page and every local stylesheet, script and icon it links: {raw, gzip}. */
    static long[] weight(Path site, String page) throws IOException {
        Path file = site.resolve(page);
        Document doc = Jsoup.parse(Files.readString(file));
        long raw = Files.size(file);
        long gzip = gzipped(Files.readAllBytes(file));
        for (Element link : doc.select("link[href], script[src]")) {
            String ref = link.hasAttr("src") ? link.attr("src") : link.attr("href");
            if (ref.startsWith("http") || ref.startsWith("//")) {
                continue;
            }
            Path asset = file.getParent().resolve(ref).normalize();
            if (Files.isRegularFile(asset)) {
                raw += Files.size(asset);
                gzip += gzipped(Files.readAllBytes(asset));
            }
        }
        return new long[] {raw, gzip};
    }

    private static long gzipped(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.size();
    }

    @Test
    void theSevenLayerLessonDownloadsUnderItsBudget() throws IOException {
        long[] w = weight(site, "seven-layers.html");
        assertTrue(w[1] < SEVEN_LAYERS_BUDGET, "seven-layers.html downloads " + w[1] + " bytes");
    }

    @Test
    void theRealisticLessonIsUnderItsBudgetEvenUncompressed() throws IOException {
        long[] w = weight(site, "a-realistic-size.html");
        assertTrue(w[0] < REALISTIC_BUDGET, "a-realistic-size.html is " + w[0] + " bytes on disk");
    }

    @Test
    void aFullPrecisionGeneratedNetworkIsUnderTheSameBudget() throws IOException {
        long[] w = weight(site, "full-precision.html");
        assertTrue(w[0] < REALISTIC_BUDGET, "full-precision.html is " + w[0] + " bytes on disk");
    }

    @Test
    void theRealisticLessonsTraceHoldsEveryWeight() throws IOException {
        Document doc = Jsoup.parse(Files.readString(site.resolve("a-realistic-size.html")));
        JsonNode written = new ObjectMapper().readTree(doc.selectFirst("script.mlp-trace").data());
        // Its large matrices are written as how they were drawn, and stand for every number.
        assertTrue(DrawnInTrace.isDrawn(written.get("input")) && DrawnInTrace.isDrawn(written.at("/layers/0/weights")));
        JsonNode trace = DrawnInTrace.drawnAgain(written);
        long weights = 0;
        for (JsonNode layer : trace.get("layers")) {
            for (JsonNode row : layer.get("weights")) {
                weights += row.size();
            }
        }
        // 784·128 + 128·64 + 64·10, every one in the trace though the page elides the matrices.
        assertEquals(784 * 128 + 128 * 64 + 64 * 10, weights);
        assertEquals(784, trace.get("input").size());
        assertEquals(4, trace.get("input").get(0).size());
    }

    @Test
    void aLargeMatrixIsElidedWithItsShape() throws IOException {
        Document doc = Jsoup.parse(Files.readString(site.resolve("a-realistic-size.html")));
        Element w1 = doc.selectFirst("table.matrix-weights");
        assertEquals("W₁ (128 × 784)", w1.selectFirst(".matrix-symbol").text());
        // First three and last three rows and columns, and one gap each way.
        assertEquals(7, w1.select("tbody tr").size());
        assertEquals(7, w1.select("tbody tr").get(0).select("td").size());
        assertEquals("⋮", w1.select("tbody tr").get(3).selectFirst("th").text());
        assertEquals("⋯", w1.select("thead th").get(3).text());
    }

    @Test
    void aLongSumShowsItsFirstAndLastThreeTerms() throws IOException {
        Document doc = Jsoup.parse(Files.readString(site.resolve("a-realistic-size.html")));
        String line = doc.selectFirst("[data-work=0.0.0] .work-sum").text();
        // z₁ = t₁ + t₂ + t₃ + ⋯ + t₇₈₂ + t₇₈₃ + t₇₈₄ + b: seven " + " before the bias.
        assertTrue(line.contains(" + ⋯ + "), line);
        assertEquals(7, line.split(" \\+ ", -1).length - 1, line);
    }

    @Test
    void aLayersLinesBeyondTheFirstFourAreBehindShowAll() throws IOException {
        Document doc = Jsoup.parse(Files.readString(site.resolve("a-realistic-size.html")));
        Element work = doc.selectFirst("section.mlp-layer details.mlp-work");
        assertEquals(4, work.select("ol.work-lines").get(0).select("li").size());
        Element more = work.selectFirst("details.work-more");
        assertEquals("Show the other 124 units", more.selectFirst("summary").text());
        assertEquals(124, more.select("li").size());
    }
}
