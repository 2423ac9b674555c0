package dev.longhand.site;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code sitemap.xml}: the absolute address of every page. Sitemaps must use absolute
 * addresses, so one is written only when the site has a base URL.
 */
final class Sitemap {

    static final String FILE = "sitemap.xml";

    private Sitemap() {
    }

    /** @param pages paths relative to the site's top folder, in the order to list them */
    static String of(String baseUrl, List<String> pages) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String page : pages) {
            xml.append("  <url><loc>").append(xmlEscape(absolute(baseUrl, page))).append("</loc></url>\n");
        }
        xml.append("</urlset>\n");
        return xml.toString();
    }

    /**
     * A page's absolute address: the base URL and the page path, each segment percent-encoded
     * (page names may hold letters of any script). The index page is the base URL itself.
     */
    static String absolute(String baseUrl, String page) {
        if (page.equals(SiteWriter.INDEX_PAGE)) {
            return baseUrl;
        }
        StringBuilder url = new StringBuilder(baseUrl);
        String[] segments = page.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                url.append('/');
            }
            url.append(encodeSegment(segments[i]));
        }
        return url.toString();
    }

    private static String encodeSegment(String segment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.write(c);
            } else {
                String hex = String.format(java.util.Locale.ROOT, "%%%02X", c);
                out.writeBytes(hex.getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
