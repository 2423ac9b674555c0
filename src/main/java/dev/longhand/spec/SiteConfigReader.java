package dev.longhand.spec;

import dev.longhand.diag.Diagnostics;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads {@code longhand.yml}. An empty file (or one of comments only) is the default config;
 * an unknown key, a base URL that is not an absolute http(s) address or a practice default
 * that is not {@code true}, {@code false} or a mapping of worksheet settings is an error with
 * its position in the file.
 */
public final class SiteConfigReader {

    static final List<String> KEYS = List.of("baseUrl", "practice");

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
        if (reading.errorCount() > 0) {
            return Optional.empty();
        }
        return Optional.of(new SiteConfig(baseUrl, practice));
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
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
