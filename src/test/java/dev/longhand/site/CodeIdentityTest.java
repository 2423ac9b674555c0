package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running code is told apart by its files: any rebuilt jar or class file is other code. */
class CodeIdentityTest {

    @TempDir
    Path temp;

    @Test
    void theSameFilesAreTheSameCodeAndAnyChangeIsOther() throws IOException {
        Path jar = SiteFiles.write(temp, "lib/a.jar", "jar bytes");
        Path classes = temp.resolve("classes");
        Path one = SiteFiles.write(classes, "dev/X.class", "class bytes");
        SiteFiles.write(classes, "dev/Y.class", "other class");
        List<Path> path = List.of(jar, classes);
        String first = CodeIdentity.of(path, "Java 17");
        assertEquals(first, CodeIdentity.of(path, "Java 17"));
        assertNotEquals(first, CodeIdentity.of(path, "Java 21"), "another runtime");
        assertNotEquals(first, CodeIdentity.of(List.of(classes, jar), "Java 17"), "another order");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));
        String rebuiltJar = CodeIdentity.of(path, "Java 17");
        assertNotEquals(first, rebuiltJar, "a rebuilt jar");

        FileTime time = Files.getLastModifiedTime(one);
        Files.writeString(one, "class bytez");
        Files.setLastModifiedTime(one, time);
        assertEquals(rebuiltJar, CodeIdentity.of(path, "Java 17"), "same size and time: read as the same file");
        Files.writeString(one, "longer class bytes");
        Files.setLastModifiedTime(one, time);
        String recompiled = CodeIdentity.of(path, "Java 17");
        assertNotEquals(rebuiltJar, recompiled, "a class of another size");
        SiteFiles.write(classes, "dev/Z.class", "new class");
        assertNotEquals(recompiled, CodeIdentity.of(path, "Java 17"), "a new class");
    }

    @Test
    void theRunningCodeHasOneIdentity() {
        assertEquals(CodeIdentity.running(), CodeIdentity.running());
        assertEquals(32, CodeIdentity.running().length());
    }
}
