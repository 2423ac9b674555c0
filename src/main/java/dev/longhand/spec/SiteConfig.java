package dev.longhand.spec;

import java.net.URI;
import java.util.Optional;

/**
 * The site's settings from {@code longhand.yml}.
 *
 * @param baseUrl  where the site will be published, absolute and ending in "/"
 *                 ("https://example.org/longhand/"), or empty when it is not known
 * @param practice the worksheet settings every block without training gets unless it says
 *                 otherwise, or empty when blocks are worksheets only where they say so
 */
public record SiteConfig(Optional<String> baseUrl, Optional<PracticeDefault> practice) {

    /** No config file: no base URL, so no sitemap and no canonical links; no worksheets by default. */
    public static final SiteConfig NONE = new SiteConfig(Optional.empty(), Optional.empty());

    /** Only a base URL. */
    public SiteConfig(Optional<String> baseUrl) {
        this(baseUrl, Optional.empty());
    }

    /** The same settings published at another address (checked with {@link SiteConfigReader#problemWith}). */
    public SiteConfig withBaseUrl(String url) {
        return new SiteConfig(Optional.of(url.endsWith("/") ? url : url + "/"), practice);
    }

    /** The path part of the base URL ("/longhand/"), or "/" without one. */
    public String basePath() {
        return baseUrl.map(url -> URI.create(url).getRawPath()).orElse("/");
    }
}
