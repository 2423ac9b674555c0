package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Position;
import dev.longhand.markdown.Heading;
import dev.longhand.markdown.LessonLink;
import dev.longhand.spec.FrontMatter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A cache entry reads back as it was written, and a damaged one is refused, never half read. */
class CachedLessonTest {

    private static final String LONG_LINE = "é".repeat(40_000); // 80,000 bytes: more than writeUTF allows

    private static CachedLesson lesson(OptionalInt order) {
        LessonOutline outline = new LessonOutline("content/a b/01-λ.md",
                new FrontMatter("Ünïcode ∑ title", order, "", "Part 2", false),
                List.of(new Heading(2, "Σ and 𝑥", "s-and-x"), new Heading(3, "", "h")), 3, "words of the prose",
                List.of(new LessonLink("02.md#x", "content/a b/02.md", "x", new Position("content/a b/01-λ.md", 7, 12),
                        LONG_LINE)), true, "---", true);
        return new CachedLesson("fedcba9876543210fedcba9876543210", "0123456789abcdef0123456789abcdef", outline,
                "{\"title\": \"Ünïcode ∑ title\"}",
                List.of(Diagnostic.warning(new Position("content/a b/01-λ.md", 2, 1), "a warning", "colour: red")),
                List.of(new CachedLesson.WrittenFile("a b/01-λ.html", 12_345, 1_765_000_000_123_456_789L,
                        "(dev=803,ino=1234)"), new CachedLesson.WrittenFile("a b/x.xlsx", 0, -5, "")));
    }

    private static byte[] written(CachedLesson lesson) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            lesson.writeTo(out);
        }
        return bytes.toByteArray();
    }

    private static CachedLesson read(byte[] bytes) throws IOException {
        return CachedLesson.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void anEntryReadsBackEqual() throws IOException {
        for (OptionalInt order : List.of(OptionalInt.empty(), OptionalInt.of(-3))) {
            CachedLesson lesson = lesson(order);
            assertEquals(lesson, read(written(lesson)));
        }
    }

    @Test
    void aCutOrLengthenedOrForeignEntryIsRefused() throws IOException {
        byte[] whole = written(lesson(OptionalInt.of(1)));
        for (int length : new int[] {0, 3, 4, 40, whole.length / 2, whole.length - 1}) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThrows(IOException.class, () -> read(cut), "cut at " + length);
        }
        byte[] longer = Arrays.copyOf(whole, whole.length + 1);
        assertThrows(IOException.class, () -> read(longer));
        byte[] otherFormat = whole.clone();
        otherFormat[3] = 99;
        assertThrows(IOException.class, () -> read(otherFormat));
    }
}
