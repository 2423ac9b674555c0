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
 */
public final class FrontMatterReader {

    static final List<String> KEYS = List.of("title", "order", "summary", "section");

    private FrontMatterReader() {
    }

    public static Optional<FrontMatter> read(BlockSource source, Diagnostics diagnostics) {
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
        if (reading.errorCount() > 0 || title.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FrontMatter(title.get().strip(), order, summary.strip(), section.strip()));
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
