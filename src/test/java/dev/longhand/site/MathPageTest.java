package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page with math loads KaTeX from the site's own assets; a page or a site without math loads and ships none of it. */
class MathPageTest {

    private static final String WITH_MATH = """
            ---
            title: With math
            order: 1
            ---
            The node computes $z = w x + b$.

            $$
            \\sigma(z) = \\frac{1}{1 + e^{-z}}
            $$
            """;
    private static final String WITHOUT_MATH = """
            ---
            title: Without math
            order: 2
            ---
            It costs $5 and $10, and `$x$` is code.
            """;

    @TempDir
    Path folder;

    private Path build(String... lessons) {
        Path content = folder.resolve("content");
        for (int i = 0; i < lessons.length; i++) {
            SiteFiles.write(content, (i == 0 ? "with" : "without") + ".md", lessons[i]);
        }
        Path out = folder.resolve("site");
        BuildReport report = SiteFiles.build(content, out);
        assertTrue(report.succeeded(), () -> report.diagnostics().sorted().toString());
        return out;
    }

    /** Every stylesheet and script a page links from assets/, in order. */
    private static List<String> assets(Document page) {
        List<String> assets = new ArrayList<>();
        page.select("head link[rel=stylesheet], head script[src]")
                .forEach(e -> assets.add(e.hasAttr("src") ? e.attr("src") : e.attr("href")));
        return assets;
    }

    @Test
    void aPageWithMathLinksKatexAndTheTypesetterAfterIt() {
        Path out = build(WITH_MATH, WITHOUT_MATH);
        List<String> assets = assets(SiteFiles.page(out, "with.html"));
        List<String> katex = assets.stream().filter(a -> a.contains("katex")).toList();
        assertEquals(List.of("assets/katex/katex.min.css", "assets/longhand-katex.css",
                "assets/katex/katex.min.js", "assets/longhand-katex.js"), katex);
        SiteFiles.page(out, "with.html").select("head script[src*=katex]")
                .forEach(script -> assertTrue(script.hasAttr("defer"), script.outerHtml()));
        assertEquals(2, SiteFiles.page(out, "with.html").select("main .math").size());
    }

    @Test
    void aPageWithoutMathLoadsNoneOfIt() {
        Path out = build(WITH_MATH, WITHOUT_MATH);
        Document page = SiteFiles.page(out, "without.html");
        assertTrue(assets(page).stream().noneMatch(a -> a.contains("katex")), assets(page).toString());
        assertEquals(0, page.select(".math").size());
        assertTrue(page.select("main p").text().contains("It costs $5 and $10"));
    }

    @Test
    void everyFileThePageAndKatexStylesheetNameIsShippedBesideThem() throws IOException {
        Path out = build(WITH_MATH, WITHOUT_MATH);
        for (String asset : assets(SiteFiles.page(out, "with.html"))) {
            assertTrue(Files.isRegularFile(out.resolve(asset)), asset);
        }
        Path css = out.resolve("assets/katex/katex.min.css");
        Matcher woff2 = Pattern.compile("url\\((fonts/[^)]+\\.woff2)\\)").matcher(Files.readString(css));
        int fonts = 0;
        while (woff2.find()) {
            assertTrue(Files.isRegularFile(css.resolveSibling(woff2.group(1))), woff2.group(1));
            fonts++;
        }
        assertTrue(fonts >= 10, "KaTeX names its fonts relative to its stylesheet: " + fonts + " found");
        assertTrue(Files.readString(out.resolve("assets/katex/LICENSE"), StandardCharsets.UTF_8)
                .contains("MIT License"));
    }

    @Test
    void aSiteWithoutMathShipsNoKatex() {
        Path out = build(WITHOUT_MATH.replace("order: 2", "order: 1"));
        assertFalse(Files.exists(out.resolve("assets/katex")));
    }

    @Test
    void anUnclosedDisplayFailsTheBuildWithItsPosition() {
        Path content = folder.resolve("content");
        SiteFiles.write(content, "x.md", "---\ntitle: X\n---\nProse.\n\n$$\nx = 1\n");
        BuildReport report = SiteFiles.build(content, folder.resolve("site"));
        assertFalse(report.succeeded());
        assertEquals(List.of("content/x.md:6:1: error: $$ opens display math that is never closed: "
                        + "end it with $$ on a later line, or write \\$ for a dollar sign"),
                report.diagnostics().sorted().stream().map(d -> d.headline()).toList());
    }
}
