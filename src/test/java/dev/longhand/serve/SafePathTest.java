package dev.longhand.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.longhand.site.SiteFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request paths to files: what is inside is found, everything else refused or missing. */
class SafePathTest {

    @TempDir
    Path temp;
    Path root;

    @BeforeEach
    void folder() throws IOException {
        root = temp.resolve("out");
        SiteFiles.write(root, "index.html", "i");
        SiteFiles.write(root, "basics/one node.html", "o");
        SiteFiles.write(root, "basics/index.html", "b");
        SiteFiles.write(temp, "secret.txt", "s");
        root = root.toRealPath();
    }

    @Test
    void findsFilesAndFolderIndexes() throws IOException {
        assertEquals(new SafePath.Found(root.resolve("index.html")), SafePath.resolve(root, "/"));
        assertEquals(new SafePath.Found(root.resolve("basics/index.html")), SafePath.resolve(root, "/basics/"));
        assertEquals(new SafePath.Found(root.resolve("basics/one node.html")),
                SafePath.resolve(root, "/basics/one%20node.html"));
        assertEquals(new SafePath.Folder("/basics/"), SafePath.resolve(root, "/basics"));
        assertInstanceOf(SafePath.Missing.class, SafePath.resolve(root, "/nothing.html"));
    }

    @Test
    void refusesTraversalInEveryEncoding() throws IOException {
        Files.createSymbolicLink(root.resolve("out.txt"), temp.resolve("secret.txt"));
        for (String path : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%252e%252e/x",
                "/..\\secret.txt", "/%5c..", "/./index.html", "/a//b", "/.longhand", "/%zz", "/%c3", "secret.txt",
                "/C:/secret.txt", "/out.txt", "/%00")) {
            assertInstanceOf(SafePath.Refused.class, SafePath.resolve(root, path), path);
        }
    }
}
