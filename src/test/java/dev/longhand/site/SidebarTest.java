package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lesson's sidebar lists its neighbours in the section; the index lists every lesson. */
class SidebarTest {

    @TempDir
    Path temp;

    @Test
    void aLongSectionsSidebarListsTheNeighboursAndTheIndexListsAll() throws IOException {
        Path content = temp.resolve("content");
        for (int i = 1; i <= 30; i++) {
            SiteFiles.write(content, String.format("%02d-l%d.md", i, i),
                    "---\ntitle: L" + i + "\norder: " + i + "\nsummary: Lesson " + i + ".\n---\nText.\n");
        }
        Path out = temp.resolve("site");
        assertTrue(SiteFiles.build(content, out).succeeded());
        Document middle = Jsoup.parse(Files.readString(out.resolve("l15.html")));
        // Lessons 3 to 27: twelve before lesson 15, the lesson, twelve after.
        assertEquals(25, middle.select("nav.sidebar li").size());
        assertEquals("l3.html", middle.select("nav.sidebar li a").first().attr("href"));
        assertEquals("l27.html", middle.select("nav.sidebar li a").last().attr("href"));
        assertEquals("l15.html", middle.selectFirst("nav.sidebar a[aria-current=page]").attr("href"));
        Document first = Jsoup.parse(Files.readString(out.resolve("l1.html")));
        assertEquals(13, first.select("nav.sidebar li").size());
        Document index = Jsoup.parse(Files.readString(out.resolve("index.html")));
        assertEquals(30, index.select("ol.lesson-list li").size());
    }
}
