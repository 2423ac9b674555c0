package dev.longhand.spec;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The site's settings from {@code longhand.yml}.
 *
 * @param baseUrl  where the site will be published, absolute and ending in "/"
 *                 ("https://example.org/longhand/"), or empty when it is not known
 * @param practice the worksheet settings every block without training gets unless it says
 *                 otherwise, or empty when blocks are worksheets only where they say so
 * @param title    the site's name, in the header and every page's title
 * @param tagline  the line beside the name and the index page's heading; empty for none
 * @param language the pages' {@code <html lang>}, a BCP 47 tag such as "en" or "de-CH"
 * @param sections the order of the sections and the names shown for them; empty for the
 *                 default order (each section where its first lesson comes)
 */
public record SiteConfig(Optional<String> baseUrl, Optional<PracticeDefault> practice, String title, String tagline,
                         String language, Optional<List<SectionName>> sections) {

    public static final String DEFAULT_TITLE = "Longhand";
    public static final String DEFAULT_TAGLINE = "neural networks, worked out by hand";
    public static final String DEFAULT_LANGUAGE = "en";

    /** No config file: no base URL, so no sitemap and no canonical links; no worksheets by default. */
    public static final SiteConfig NONE = new SiteConfig(Optional.empty(), Optional.empty());

    public SiteConfig {
        sections = sections.map(List::copyOf);
    }

    /** A base URL and a practice default, every other setting at its default. */
    public SiteConfig(Optional<String> baseUrl, Optional<PracticeDefault> practice) {
        this(baseUrl, practice, DEFAULT_TITLE, DEFAULT_TAGLINE, DEFAULT_LANGUAGE, Optional.empty());
    }

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

    /** The same settings without a base URL: the live preview serves pages from its own address. */
    public SiteConfig withoutBaseUrl() {
        return new SiteConfig(Optional.empty(), practice, title, tagline, language, sections);
    }
}
