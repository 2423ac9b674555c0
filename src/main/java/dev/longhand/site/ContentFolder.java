package dev.longhand.site;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Diagnostics;
import dev.longhand.diag.Position;
import dev.longhand.diag.SourceText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds the lessons under the content folder, in a stable order, and reads them as UTF-8. */
public final class ContentFolder {

    /** A lesson is read whole; 4 MB is about forty times the longest page of the series. */
    public static final long MAX_LESSON_BYTES = 4_000_000L;

    private final Path root;
    private final String label;

    /** @param label how messages name the folder, e.g. "content" */
    public ContentFolder(Path root, String label) {
        this.root = root;
        this.label = label;
    }

    public Path root() {
        return root;
    }

    /** Every {@code .md} file below the folder, sorted by path; unreadable ones reported. */
    public List<LessonFile> lessons(Diagnostics diagnostics) throws IOException {
        List<LessonFile> files = new ArrayList<>();
        for (Path path : paths()) {
            read(path, diagnostics).ifPresent(files::add);
        }
        return files;
    }

    /** The lesson files' paths, sorted, without reading them. */
    List<Path> paths() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(Files::isRegularFile)
                    .filter(p -> !isHidden(root.relativize(p)))
                    .sorted()
                    .toList();
        }
    }

    /** How messages name the file at {@code path}: "content/basics/01-one-node.md". */
    String labelOf(Path path) {
        String source = root.relativize(path).toString().replace('\\', '/');
        return label.isEmpty() ? source : label + "/" + source;
    }

    /** One lesson file, or empty (and an error) when it is too large or not UTF-8. */
    Optional<LessonFile> read(Path path, Diagnostics diagnostics) throws IOException {
        Optional<byte[]> bytes = readBytes(path, diagnostics);
        return bytes.isEmpty() ? Optional.empty() : decode(path, bytes.get(), diagnostics);
    }

    /** One lesson file's bytes, or empty (and an error) when it is too large to be a lesson. */
    Optional<byte[]> readBytes(Path path, Diagnostics diagnostics) throws IOException {
        long size = Files.size(path);
        if (size > MAX_LESSON_BYTES) {
            diagnostics.add(Diagnostic.error(Position.startOf(labelOf(path)), "this file has " + size
                    + " bytes; the limit for a lesson is " + MAX_LESSON_BYTES, ""));
            return Optional.empty();
        }
        return Optional.of(Files.readAllBytes(path));
    }

    /** The lesson file whose bytes were read from {@code path}, or empty (and an error) when they are not UTF-8. */
    Optional<LessonFile> decode(Path path, byte[] bytes, Diagnostics diagnostics) {
        String source = root.relativize(path).toString().replace('\\', '/');
        String name = labelOf(path);
        try {
            return Optional.of(new LessonFile(source, name, decode(bytes)));
        } catch (CharacterCodingException e) {
            diagnostics.add(notUtf8(name, bytes));
            return Optional.empty();
        }
    }

    /**
     * The front matter of one lesson file, for planning the site from titles and orders: the
     * text up to the line that closes the front matter, or the whole text when that line is not
     * plainly there. Only that part is decoded, and the rest is not checked: computing the
     * lesson reads the whole file and reports what is wrong with it. Decoding every file in full
     * twice was 8% of a large build.
     */
    Optional<LessonFile> readFrontMatter(Path path, Diagnostics diagnostics) throws IOException {
        if (Files.size(path) > MAX_LESSON_BYTES) {
            return read(path, diagnostics);
        }
        return frontMatter(path, Files.readAllBytes(path), diagnostics);
    }

    /** The same, of a lesson file's bytes as read from {@code path}. */
    Optional<LessonFile> frontMatter(Path path, byte[] bytes, Diagnostics diagnostics) {
        int end = frontMatterEnd(bytes);
        if (end < 0) {
            return decode(path, bytes, diagnostics);
        }
        String source = root.relativize(path).toString().replace('\\', '/');
        try {
            return Optional.of(new LessonFile(source, labelOf(path), decode(Arrays.copyOf(bytes, end))));
        } catch (CharacterCodingException e) {
            diagnostics.add(notUtf8(labelOf(path), bytes));
            return Optional.empty();
        }
    }

    /**
     * Where the line closing the front matter ends (before its line break), or -1 when the file
     * does not open with a {@code ---} line closed by a {@code ---} or {@code ...} line, or has a
     * line this byte scan would not read as the full text's lines are read (a lone CR; non-ASCII
     * after a fence), so that the caller falls back to the whole text.
     */
    static int frontMatterEnd(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        boolean first = true;
        for (int line = start; line < bytes.length; ) {
            int end = line;
            while (end < bytes.length && bytes[end] != '\n') {
                if (bytes[end] == '\r' && end + 1 < bytes.length && bytes[end + 1] != '\n') {
                    return -1;
                }
                end++;
            }
            int fence = fence(bytes, line, end);
            if (fence < 0) {
                return -1;
            }
            if (first && (fence == 0 || bytes[line] != '-')) {
                return -1;
            }
            if (!first && fence == 1) {
                return end;
            }
            first = false;
            line = end + 1;
        }
        return -1;
    }

    /** 1 for a fence line ({@code ---} or {@code ...}, then spaces), 0 for another line, -1 when unsure. */
    private static int fence(byte[] bytes, int from, int to) {
        if (to - from < 3) {
            return 0;
        }
        byte c = bytes[from];
        if ((c != '-' && c != '.') || bytes[from + 1] != c || bytes[from + 2] != c) {
            return 0;
        }
        for (int i = from + 3; i < to; i++) {
            byte b = bytes[i];
            if (b < 0) {
                return -1;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != 0x0B && b != '\f' && (b < 0x1C || b > 0x1F)) {
                return 0;
            }
        }
        return 1;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    /** The error at the first byte that is not UTF-8, positioned by the valid text before it. */
    private static Diagnostic notUtf8(String name, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        String before = out.flip().toString();
        SourceText text = new SourceText(name, before);
        Position at = text.positionOf(before.length());
        return Diagnostic.error(at, "this file is not valid UTF-8 text (byte " + (in.position() + 1)
                + " is 0x" + String.format(Locale.ROOT, "%02X", bytes[in.position()] & 0xff)
                + "); save it as UTF-8", text.line(at.line()));
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        // String's own decoding is several times faster than a CharsetDecoder's, but replaces
        // bytes that are not UTF-8 by U+FFFD instead of failing: only text that holds one is
        // decoded again strictly, to tell a written U+FFFD from a byte that is not UTF-8.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
