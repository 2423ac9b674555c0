package dev.longhand.spec;

import dev.longhand.diag.Diagnostics;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a lesson's front matter. A missing title is an error; a key Longhand does not use
 * is only a warning (with a suggestion), so that authors may keep notes of their own there.
 * When the site lists its sections ({@code sections:} in {@code longhand.yml}), a section it
 * does not list is an error; a summary still as {@code longhand new} wrote it is a warning.
 */
public final class FrontMatterReader {

    static final List<String> KEYS = List.of("title", "order", "summary", "section", "draft");

    private FrontMatterReader() {
    }

    public static Optional<FrontMatter> read(BlockSource source, Diagnostics diagnostics) {
        return read(source, diagnostics, Optional.empty());
    }

    /** @param sections the sections the site lists, or empty when it lists none (then any section is fine) */
    public static Optional<FrontMatter> read(BlockSource source, Diagnostics diagnostics,
                                             Optional<List<String>> sections) {
        Reading reading = new Reading(source, diagnostics);
        Optional<Node> root = YamlTree.parse(source, reading::error);
        if (reading.errorCount() > 0) {
            return Optional.empty();
        }
        if (root.isEmpty()) {
            reading.error(source.opening(), "the front matter is empty; it needs at least a title, e.g. title: One node");
            return Optional.empty();
        }
        if (!(root.get() instanceof MappingNode mapping)) {
            reading.error(root.get(), "the front matter should be keys such as title: and order:, but it is "
                    + Reading.describe(root.get()));
            return Optional.empty();
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && !KEYS.contains(key.getValue())) {
                diagnostics.add(source.warning(reading.at(key), "front matter key '" + Reading.shown(key.getValue())
                        + "' is not used by Longhand" + NearestName.hint(key.getValue(), KEYS)));
            }
        }
        Optional<Fields> fields = reading.mapping(root.get(), "the front matter", allKeys(mapping));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> title = f.get("title").flatMap(n -> reading.text(n, "title"));
        if (f.get("title").isEmpty()) {
            reading.error(source.opening(), "the front matter has no title; add a line such as title: One node");
        } else if (title.isPresent() && title.get().isBlank()) {
            reading.error(f.get("title").get(), "the title is empty");
        }
        OptionalInt order = f.get("order")
                .map(n -> reading.wholeNumber(n, "order", -1_000_000, 1_000_000))
                .orElse(OptionalInt.empty());
        String summary = f.get("summary").flatMap(n -> reading.text(n, "summary")).orElse("");
        String section = f.get("section").flatMap(n -> reading.text(n, "section")).orElse(FrontMatter.DEFAULT_SECTION);
        boolean draft = f.get("draft").flatMap(n -> reading.flag(n, "draft")).orElse(false);
        if (f.get("summary").isPresent() && summary.strip().equals(StarterText.SUMMARY)) {
            diagnostics.add(source.warning(reading.at(f.get("summary").get()), "this is still the starter summary "
                    + "that longhand new wrote; say in one line what the reader will work out"));
        }
        if (sections.isPresent() && reading.errorCount() == 0 && !sections.get().contains(section.strip())) {
            checkSection(section.strip(), f.get("section"), sections.get(), reading);
        }
        if (reading.errorCount() > 0 || title.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FrontMatter(title.get().strip(), order, summary.strip(), section.strip(), draft));
    }

    /** A section that longhand.yml's sections: does not list, at the section: line (or the opening, when none is written). */
    private static void checkSection(String section, Optional<Node> written, List<String> sections, Reading reading) {
        String listed = sections.isEmpty() ? "lists no section" : "lists only " + String.join(", ", sections);
        if (written.isEmpty()) {
            reading.error(reading.opening(), "this lesson has no section:, so it is in '" + FrontMatter.DEFAULT_SECTION
                    + "', but sections: in longhand.yml " + listed + "; add '" + FrontMatter.DEFAULT_SECTION
                    + "' there, or give the lesson a section:");
            return;
        }
        reading.error(written.get(), "section '" + Reading.shown(section) + "' is not in sections: in longhand.yml, which "
                + listed + NearestName.among(section, sections).map(s -> "; did you mean '" + s + "'?")
                .orElse("; add it there"));
    }

    /** Every key present, so that the unused ones (already warned about) are not reported again as errors. */
    private static List<String> allKeys(MappingNode mapping) {
        java.util.List<String> keys = new java.util.ArrayList<>(KEYS);
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && !keys.contains(key.getValue())) {
                keys.add(key.getValue());
            }
        }
        return keys;
    }
}
