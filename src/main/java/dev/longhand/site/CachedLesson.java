package dev.longhand.site;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Position;
import dev.longhand.diag.Severity;
import dev.longhand.markdown.Heading;
import dev.longhand.markdown.LessonLink;
import dev.longhand.spec.FrontMatter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * What the build cache keeps of a lesson a build wrote: enough to write it again without
 * computing it. The files themselves stay in the output folder; the cache names each by the
 * size, modification time and file key (the inode, where there is one) it had when written, so
 * a file that was since replaced or edited is never taken for the one written.
 *
 * @param textKey  the fingerprint of the lesson file's bytes, its name, and what every lesson
 *                 shares (the code, the config, the templates): with the same, the lesson's
 *                 outline, front matter included, is this one
 * @param key      the fingerprint of everything the lesson's files were made from: the text key
 *                 and what the page shows of the rest of the site
 * @param outline  what the rest of the build needs of the lesson
 * @param searchJson its entry in the search index
 * @param warnings its warnings, reported again by every build that reuses it
 * @param files    its files, relative to the output folder
 */
record CachedLesson(String textKey, String key, LessonOutline outline, String searchJson, List<Diagnostic> warnings,
                    List<WrittenFile> files) {

    CachedLesson {
        warnings = List.copyOf(warnings);
        files = List.copyOf(files);
    }

    /**
     * A file of the output folder as written.
     *
     * @param modified its modification time in nanoseconds since 1970
     * @param fileKey  what the file system identifies it by ({@code (dev=…,ino=…)} on Unix); empty where there is none
     */
    record WrittenFile(String path, long size, long modified, String fileKey) {

        /** The file at {@code path} in {@code folder} as it is now; empty when there is no such regular file. */
        static Optional<WrittenFile> at(Path folder, String path) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(folder.resolve(path), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (!attributes.isRegularFile()) {
                    return Optional.empty();
                }
                Object key = attributes.fileKey();
                return Optional.of(new WrittenFile(path, attributes.size(),
                        attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), key == null ? "" : key.toString()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    /** Bumped whenever what is written here changes: an entry of another format is not read. */
    private static final int FORMAT = 3;

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        string(out, textKey);
        string(out, key);
        string(out, outline.source());
        FrontMatter front = outline.frontMatter();
        string(out, front.title());
        out.writeBoolean(front.order().isPresent());
        out.writeInt(front.order().orElse(0));
        string(out, front.summary());
        string(out, front.section());
        out.writeBoolean(front.draft());
        out.writeInt(outline.headings().size());
        for (Heading heading : outline.headings()) {
            out.writeInt(heading.level());
            string(out, heading.text());
            string(out, heading.id());
        }
        out.writeInt(outline.blocks());
        string(out, outline.searchText());
        out.writeInt(outline.links().size());
        for (LessonLink link : outline.links()) {
            string(out, link.written());
            string(out, link.file());
            string(out, link.anchor());
            position(out, link.position());
            string(out, link.sourceLine());
        }
        out.writeBoolean(outline.practice());
        string(out, outline.firstLine());
        out.writeBoolean(outline.math());
        string(out, searchJson);
        out.writeInt(warnings.size());
        for (Diagnostic warning : warnings) {
            string(out, warning.severity().name());
            position(out, warning.position());
            string(out, warning.message());
            string(out, warning.sourceLine());
        }
        out.writeInt(files.size());
        for (WrittenFile file : files) {
            string(out, file.path());
            out.writeLong(file.size());
            out.writeLong(file.modified());
            string(out, file.fileKey());
        }
    }

    /** @throws IOException also when the entry is of another format or damaged */
    static CachedLesson readFrom(DataInputStream in) throws IOException {
        if (in.readInt() != FORMAT) {
            throw new IOException("another format");
        }
        String textKey = string(in);
        String key = string(in);
        String source = string(in);
        String title = string(in);
        boolean ordered = in.readBoolean();
        int order = in.readInt();
        FrontMatter front = new FrontMatter(title, ordered ? OptionalInt.of(order) : OptionalInt.empty(),
                string(in), string(in), in.readBoolean());
        List<Heading> headings = new ArrayList<>();
        for (int n = count(in); n > 0; n--) {
            headings.add(new Heading(in.readInt(), string(in), string(in)));
        }
        int blocks = in.readInt();
        String searchText = string(in);
        List<LessonLink> links = new ArrayList<>();
        for (int n = count(in); n > 0; n--) {
            links.add(new LessonLink(string(in), string(in), string(in), position(in), string(in)));
        }
        boolean practice = in.readBoolean();
        String firstLine = string(in);
        boolean math = in.readBoolean();
        LessonOutline outline = new LessonOutline(source, front, headings, blocks, searchText, links, practice,
                firstLine, math);
        String searchJson = string(in);
        List<Diagnostic> warnings = new ArrayList<>();
        for (int n = count(in); n > 0; n--) {
            warnings.add(new Diagnostic(severity(string(in)), position(in), string(in), string(in)));
        }
        List<WrittenFile> files = new ArrayList<>();
        for (int n = count(in); n > 0; n--) {
            files.add(new WrittenFile(string(in), in.readLong(), in.readLong(), string(in)));
        }
        if (in.read() != -1) {
            throw new IOException("more than one entry");
        }
        return new CachedLesson(textKey, key, outline, searchJson, warnings, files);
    }

    private static Severity severity(String name) throws IOException {
        try {
            return Severity.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("no severity " + name);
        }
    }

    private static void position(DataOutputStream out, Position position) throws IOException {
        string(out, position.file());
        out.writeInt(position.line());
        out.writeInt(position.column());
    }

    private static Position position(DataInputStream in) throws IOException {
        String file = string(in);
        int line = in.readInt();
        int column = in.readInt();
        try {
            return new Position(file, line, column);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
    }

    /** UTF-8 with an int length: {@code writeUTF} stops at 64 KB, and a line of a lesson may be longer. */
    private static void string(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = count(in);
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("a cut entry");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A count or length, refused when negative or beyond any lesson's (a damaged entry). */
    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > ContentFolder.MAX_LESSON_BYTES * 4) {
            throw new IOException("a damaged entry");
        }
        return n;
    }
}
