package dev.longhand.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What a content folder promises, read by the test from the files' front matter as the
 * "Writing lessons" page describes it, whatever lessons it holds: each lesson's page and the
 * order of every section (by {@code order}, lessons without one after those with one, ties
 * by file name). Drafts ({@code draft: true}) are left out.
 */
final class ContentOutline {

    /** A lesson file: its path below the content folder, its page, and its place. */
    record Lesson(String source, String page, Integer order, String section) {
    }

    private static final Comparator<Lesson> ORDER = Comparator
            .comparing((Lesson l) -> l.order() == null)
            .thenComparing(l -> l.order() == null ? 0 : l.order())
            .thenComparing(Lesson::source);

    private ContentOutline() {
    }

    /** Every lesson below {@code content} that is published (files and folders starting with "." or "_" are not). */
    static List<Lesson> lessons(Path content) {
        List<Lesson> lessons = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(content)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".md")).filter(Files::isRegularFile).sorted().toList()) {
                String source = content.relativize(file).toString().replace('\\', '/');
                if (hidden(source)) {
                    continue;
                }
                Map<?, ?> front = frontMatter(Files.readString(file, StandardCharsets.UTF_8));
                if (Boolean.TRUE.equals(front.get("draft"))) {
                    continue;
                }
                Object section = front.get("section");
                lessons.add(new Lesson(source, PagePaths.of(source), (Integer) front.get("order"),
                        section == null ? "Lessons" : section.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lessons;
    }

    /** Section name → its lessons' pages in reading order. */
    static Map<String, List<String>> sections(Path content) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        lessons(content).stream().sorted(ORDER)
                .forEach(l -> sections.computeIfAbsent(l.section(), s -> new ArrayList<>()).add(l.page()));
        return sections;
    }

    private static boolean hidden(String source) {
        for (String part : source.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private static Map<?, ?> frontMatter(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (!body.startsWith("---")) {
            return Map.of();
        }
        int end = body.indexOf("\n---", 3);
        Object yaml = new Load(LoadSettings.builder().build()).loadFromString(body.substring(3, end));
        return yaml instanceof Map<?, ?> map ? map : Map.of();
    }
}
