package dev.longhand.site;

import dev.longhand.spec.FrontMatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of the site: lessons by {@code order} (ties and lessons without one by file
 * name, the unordered after the ordered), grouped into sections in the order their first
 * lesson appears.
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
    /** Each lesson's index in its section, by source: looking it up in the list made a build quadratic. */
    private final Map<String, Integer> positions = new HashMap<>();

    public Series(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER);
        for (Entry entry : sorted) {
            List<Entry> section = sections.computeIfAbsent(entry.frontMatter().section(), s -> new ArrayList<>());
            positions.put(entry.source(), section.size());
            section.add(entry);
        }
    }

    public Map<String, List<Entry>> sections() {
        return sections;
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
