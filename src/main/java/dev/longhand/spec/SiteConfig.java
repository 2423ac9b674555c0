package dev.longhand.spec;

import java.net.URI;
import java.util.Optional;

/**
 * The site's settings from {@code longhand.yml}.
 *
 * @param baseUrl where the site will be published, absolute and ending in "/"
 *                ("https://example.org/longhand/"), or empty when it is not known
 */
public record SiteConfig(Optional<String> baseUrl) {

    /** No config file: no base URL, so no sitemap and no canonical links. */
    public static final SiteConfig NONE = new SiteConfig(Optional.empty());

    /** The path part of the base URL ("/longhand/"), or "/" without one. */
    public String basePath() {
        return baseUrl.map(url -> URI.create(url).getRawPath()).orElse("/");
    }
}
