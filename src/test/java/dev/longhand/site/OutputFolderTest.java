package dev.longhand.site;

import static dev.longhand.site.SiteFiles.assertSameFiles;
import static dev.longhand.site.SiteFiles.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery from killed builds, seen through {@link OutputFolder#open}. */
class OutputFolderTest {

    @TempDir
    Path parent;

    private List<String> listing() throws IOException {
        try (Stream<Path> list = Files.list(parent)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void oldSite(String folder) {
        SiteFiles.write(parent, folder + "/" + OutputFolder.MARKER, OutputFolder.MARKER_TEXT);
        SiteFiles.write(parent, folder + "/index.html", "<!doctype html><p>the old site</p>\n");
    }

    @Test
    void openRestoresTheOldSiteWhenASwapWasInterrupted() throws IOException {
        oldSite(".longhand-site-old-x");
        SortedMap<String, byte[]> old = snapshot(parent.resolve(".longhand-site-old-x"));
        OutputFolder.Result result = OutputFolder.open(parent.resolve("site"));
        assertTrue(result.folder().isPresent(), result.refusal());
        assertEquals(List.of("site"), listing());
        assertSameFiles(old, snapshot(parent.resolve("site")), "the restored site");
    }

    @Test
    void openRemovesAStaleStagingFolder() throws IOException {
        oldSite("site");
        SiteFiles.write(parent, ".longhand-site-tmp-x/index.html", "half written");
        OutputFolder.open(parent.resolve("site"));
        assertEquals(List.of("site"), listing());
    }

    @Test
    void openRemovesAnOldCopyWhenTheNewSiteIsInPlace() throws IOException {
        oldSite("site");
        oldSite(".longhand-site-old-x");
        SortedMap<String, byte[]> current = snapshot(parent.resolve("site"));
        OutputFolder.open(parent.resolve("site"));
        assertEquals(List.of("site"), listing());
        assertSameFiles(current, snapshot(parent.resolve("site")), "the current site");
    }

    @Test
    void openLeavesOtherSitesStagingAlone() throws IOException {
        SiteFiles.write(parent, ".longhand-docs-tmp-x/index.html", "another site's staging");
        SiteFiles.write(parent, "notes-tmp-x/index.html", "not Longhand's");
        OutputFolder.open(parent.resolve("site"));
        assertEquals(List.of(".longhand-docs-tmp-x", "notes-tmp-x"), listing());
    }

    @Test
    void openRefusesAFileInPlaceOfTheFolder() throws IOException {
        SiteFiles.write(parent, "site", "a file");
        OutputFolder.Result result = OutputFolder.open(parent.resolve("site"));
        assertFalse(result.folder().isPresent());
        assertTrue(result.refusal().contains("not a folder"), result.refusal());
    }
}
