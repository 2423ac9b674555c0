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
 * an unknown key or a base URL that is not an absolute http(s) address is an error with its
 * position in the file.
 */
public final class SiteConfigReader {

    static final List<String> KEYS = List.of("baseUrl");

    private SiteConfigReader() {
    }

    /** The config, or empty when it has errors (all reported). */
    public static Optional<SiteConfig> read(BlockSource source, Diagnostics diagnostics) {
        Reading reading = new Reading(source, diagnostics);
        Optional<Node> root = YamlTree.parse(source, reading::error);
        if (reading.errorCount() > 0) {
            return Optional.empty();
        }
        if (root.isEmpty() || root.get() instanceof ScalarNode s && Tag.NULL.equals(s.getTag())) {
            return Optional.of(SiteConfig.NONE);
        }
        Optional<Fields> fields = reading.mapping(root.get(), "the site config", KEYS);
        if (fields.isEmpty() || reading.errorCount() > 0) {
            return Optional.empty();
        }
        Optional<Node> baseNode = fields.get().get("baseUrl");
        if (baseNode.isEmpty() || baseNode.get() instanceof ScalarNode s && Tag.NULL.equals(s.getTag())) {
            return Optional.of(SiteConfig.NONE);
        }
        Optional<String> text = reading.text(baseNode.get(), "baseUrl").map(String::strip);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().isEmpty()) {
            return Optional.of(SiteConfig.NONE);
        }
        Optional<String> problem = problemWith(text.get());
        if (problem.isPresent()) {
            reading.error(baseNode.get(), problem.get());
            return Optional.empty();
        }
        String url = text.get().endsWith("/") ? text.get() : text.get() + "/";
        return Optional.of(new SiteConfig(Optional.of(url)));
    }

    private static Optional<String> problemWith(String url) {
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
