package dev.longhand.site;

import dev.longhand.spec.FrontMatter;
import dev.longhand.spec.SectionName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order of the site: lessons by {@code order} (ties and lessons without one by file
 * name, the unordered after the ordered). Sections come in the order {@code sections:} in
 * {@code longhand.yml} lists them; without that list, in the order their first lesson appears
 * (so a section whose first lesson has order 900 comes before one whose first has 920). A
 * section the list leaves out (an error the lesson's front matter reports) comes after the
 * listed ones, in that default order.
 */
public final class Series {

    /** A lesson's place: its file, page and front matter. */
    public record Entry(String source, String page, FrontMatter frontMatter) {
    }

    private static final Comparator<Entry> ORDER = Comparator
            .comparing((Entry e) -> e.frontMatter().order().isEmpty())
            .thenComparingInt(e -> e.frontMatter().order().orElse(0))
            .thenComparing(Entry::source);

    private final Map<String, List<Entry>> sections = new LinkedHashMap<>();
    /** The names the site shows for sections that {@code sections:} renames. */
    private final Map<String, String> shown = new HashMap<>();
    /** Each lesson's index in its section, by source: looking it up in the list made a build quadratic. */
    private final Map<String, Integer> positions = new HashMap<>();

    /** Sections in the default order. */
    public Series(List<Entry> entries) {
        this(entries, Optional.empty());
    }

    /** @param listed the sections in the order {@code longhand.yml} gives, or empty for the default order */
    public Series(List<Entry> entries, Optional<List<SectionName>> listed) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER);
        Map<String, List<Entry>> byFirstLesson = new LinkedHashMap<>();
        for (Entry entry : sorted) {
            byFirstLesson.computeIfAbsent(entry.frontMatter().section(), s -> new ArrayList<>()).add(entry);
        }
        for (SectionName section : listed.orElse(List.of())) {
            shown.put(section.name(), section.shown());
            List<Entry> lessons = byFirstLesson.remove(section.name());
            if (lessons != null) {
                sections.put(section.name(), lessons);
            }
        }
        sections.putAll(byFirstLesson);
        sections.values().forEach(lessons -> {
            for (int i = 0; i < lessons.size(); i++) {
                positions.put(lessons.get(i).source(), i);
            }
        });
    }

    /** The sections in order, by the name lessons give in {@code section:}. */
    public Map<String, List<Entry>> sections() {
        return sections;
    }

    /** The name the site shows for a section: as lessons name it, unless {@code sections:} renames it. */
    public String shownName(String section) {
        return shown.getOrDefault(section, section);
    }

    public List<Entry> sectionOf(Entry entry) {
        return sections.get(entry.frontMatter().section());
    }

    /** Where a lesson of this series stands in {@link #sectionOf its section}, from 0. */
    public int positionOf(Entry entry) {
        return positions.get(entry.source());
    }

    /** Every entry, section by section. */
    public List<Entry> all() {
        List<Entry> all = new ArrayList<>();
        sections.values().forEach(all::addAll);
        return all;
    }
}
