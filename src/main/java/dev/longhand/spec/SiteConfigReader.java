package dev.longhand.spec;

import dev.longhand.diag.Diagnostics;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads {@code longhand.yml}. An empty file (or one of comments only) is the default config;
 * an unknown key, a base URL that is not an absolute http(s) address, a practice default
 * that is not {@code true}, {@code false} or a mapping of worksheet settings, a title that is
 * not one line of text, a language that is not a language tag, or sections that are not a list
 * of names is an error with its position in the file.
 */
public final class SiteConfigReader {

    static final List<String> KEYS = List.of("title", "tagline", "language", "sections", "baseUrl", "practice");

    /** A BCP 47 language tag as {@code <html lang>} takes it: "en", "de-CH", "zh-Hant-TW". */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    private SiteConfigReader() {
    }

    /** The config, or empty when it has errors (all reported). */
    public static Optional<SiteConfig> read(BlockSource source, Diagnostics diagnostics) {
        Reading reading = new Reading(source, diagnostics);
        Optional<Node> root = YamlTree.parse(source, reading::error);
        if (reading.errorCount() > 0) {
            return Optional.empty();
        }
        if (root.isEmpty() || isNull(root.get())) {
            return Optional.of(SiteConfig.NONE);
        }
        Optional<Fields> fields = reading.mapping(root.get(), "the site config", KEYS);
        if (fields.isEmpty() || reading.errorCount() > 0) {
            return Optional.empty();
        }
        Optional<String> baseUrl = fields.get().get("baseUrl").filter(n -> !isNull(n)).flatMap(n -> baseUrl(n, reading));
        Optional<PracticeDefault> practice = fields.get().get("practice").filter(n -> !isNull(n))
                .flatMap(n -> new PracticeReader(reading).readDefault(n));
        Fields f = fields.get();
        String title = f.get("title").flatMap(n -> line(n, "title", false, reading)).orElse(SiteConfig.DEFAULT_TITLE);
        String tagline = f.get("tagline").flatMap(n -> line(n, "tagline", true, reading))
                .orElse(SiteConfig.DEFAULT_TAGLINE);
        String language = f.get("language").flatMap(n -> language(n, reading)).orElse(SiteConfig.DEFAULT_LANGUAGE);
        Optional<List<SectionName>> sections = f.get("sections").filter(n -> !isNull(n))
                .flatMap(n -> sections(n, reading));
        if (reading.errorCount() > 0) {
            return Optional.empty();
        }
        return Optional.of(new SiteConfig(baseUrl, practice, title, tagline, language, sections));
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    /**
     * One line of text (the title, the tagline), stripped; empty when the key has no value, so
     * that the default holds. An empty title is an error (the header would be blank), an
     * empty tagline ({@code tagline: ""}) means none.
     */
    private static Optional<String> line(Node node, String what, boolean mayBeEmpty, Reading reading) {
        if (isNull(node)) {
            return Optional.empty();
        }
        Optional<String> text = reading.text(node, what).map(String::strip);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().contains("\n") || text.get().contains("\r")) {
            reading.error(node, what + " should be one line of text");
            return Optional.empty();
        }
        if (text.get().isEmpty() && !mayBeEmpty) {
            reading.error(node, what + " is empty; give the site a name, e.g. title: My course, or leave the key out"
                    + " for \"" + SiteConfig.DEFAULT_TITLE + "\"");
            return Optional.empty();
        }
        return text;
    }

    private static Optional<String> language(Node node, Reading reading) {
        if (isNull(node)) {
            return Optional.empty();
        }
        Optional<String> text = reading.text(node, "language").map(String::strip);
        if (text.isPresent() && !LANGUAGE.matcher(text.get()).matches()) {
            reading.error(node, "language should be a language tag such as en, fr or de-CH, but it is '"
                    + Reading.shown(text.get()) + "'");
            return Optional.empty();
        }
        return text;
    }

    /**
     * The sections in the order the site lists them: each a name as lessons give it in
     * {@code section:}, or a one-key mapping from that name to the name the site shows
     * ({@code - Lessons: The course}). Names are compared after stripping, as front matter reads them.
     */
    private static Optional<List<SectionName>> sections(Node node, Reading reading) {
        Optional<List<Node>> items = reading.list(node, "sections");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<SectionName> sections = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> shownNames = new HashSet<>();
        int errorsBefore = reading.errorCount();
        for (Node item : items.get()) {
            Optional<SectionName> section = section(item, reading);
            if (section.isEmpty()) {
                continue;
            }
            if (!names.add(section.get().name())) {
                reading.error(item, "section '" + Reading.shown(section.get().name()) + "' is listed twice in sections");
            } else if (!shownNames.add(section.get().shown())) {
                reading.error(item, "two sections are shown as '" + Reading.shown(section.get().shown())
                        + "'; give each its own name");
            } else {
                sections.add(section.get());
            }
        }
        return reading.errorCount() > errorsBefore ? Optional.empty() : Optional.of(sections);
    }

    private static Optional<SectionName> section(Node item, Reading reading) {
        String example = "; write a section's name (- For authors), or its name and the name to show"
                + " (- Lessons: The course)";
        if (item instanceof MappingNode mapping) {
            if (mapping.getValue().size() != 1) {
                reading.error(item, "a section in sections should be one name, or one name: shown name" + example);
                return Optional.empty();
            }
            NodeTuple tuple = mapping.getValue().get(0);
            Optional<String> name = sectionText(tuple.getKeyNode(), "a section's name", reading);
            Optional<String> shown = sectionText(tuple.getValueNode(), "the name shown for section '"
                    + name.map(Reading::shown).orElse("") + "'", reading);
            return name.isPresent() && shown.isPresent() ? Optional.of(new SectionName(name.get(), shown.get()))
                    : Optional.empty();
        }
        if (!(item instanceof ScalarNode)) {
            reading.error(item, "a section in sections should be a name, but it is " + Reading.describe(item) + example);
            return Optional.empty();
        }
        return sectionText(item, "a section's name", reading).map(name -> new SectionName(name, name));
    }

    private static Optional<String> sectionText(Node node, String what, Reading reading) {
        if (isNull(node)) {
            reading.error(node, what + " is empty");
            return Optional.empty();
        }
        Optional<String> text = reading.text(node, what).map(String::strip);
        if (text.isPresent() && text.get().isEmpty()) {
            reading.error(node, what + " is empty");
            return Optional.empty();
        }
        return text;
    }

    /** The base URL ending in "/", or empty when it is blank or wrong (then reported). */
    private static Optional<String> baseUrl(Node node, Reading reading) {
        Optional<String> text = reading.text(node, "baseUrl").map(String::strip);
        if (text.isEmpty() || text.get().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> problem = problemWith(text.get());
        if (problem.isPresent()) {
            reading.error(node, problem.get());
            return Optional.empty();
        }
        return Optional.of(text.get().endsWith("/") ? text.get() : text.get() + "/");
    }

    /** What is wrong with a base URL, if anything (the config file's rules, for a URL given elsewhere too). */
    public static Optional<String> problemWith(String url) {
        String example = "; write the address the site is published at, e.g. baseUrl: https://example.org/longhand/";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("baseUrl is not a valid address (" + e.getReason() + ")" + example);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("baseUrl should start with https:// or http://" + example);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("baseUrl has no host name" + example);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("baseUrl should not have a ?query or #fragment" + example);
        }
        return Optional.empty();
    }
}
