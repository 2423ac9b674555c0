package dev.longhand.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.LinkNodeBase;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * The rule for HTML in prose. Authors own their site, so they may write HTML in Markdown as
 * CommonMark allows; but nothing in the prose may run in a reader's browser. After Flexmark
 * renders the prose, this removes:
 * <ul>
 * <li>elements that run code or change where the page's links go: {@code script},
 *     {@code noscript}, {@code iframe}, {@code frame}, {@code frameset}, {@code object},
 *     {@code embed}, {@code applet}, {@code base}, {@code meta}, and {@code style} inside SVG
 *     or MathML (where a browser parses it as markup);</li>
 * <li>event-handler attributes ({@code on...}) and {@code srcdoc};</li>
 * <li>every URL attribute whose scheme is {@code javascript:}, {@code vbscript:} or
 *     {@code data:} (except {@code data:image/} of a raster format), so a Markdown link or
 *     image with such a URL keeps its text but goes nowhere.</li>
 * </ul>
 * The prose is parsed the way a browser parses it (jsoup follows the HTML standard), so
 * entities, unquoted attributes and odd spacing cannot hide a handler from the rule. The
 * {@code mlp} blocks are not part of it: they hold only escaped author text and are put in
 * after cleaning.
 *
 * <p>Prose without any raw HTML and with only plain URLs is left as Flexmark wrote it: Flexmark
 * escapes every text and attribute it writes, so only a raw HTML node or a link's URL can
 * bring in anything that runs ({@link #needsCleaning}). Parsing and writing every lesson again
 * was a seventh of a small site's build, mostly jsoup starting up.
 */
final class ProseHtml {

    private static final Set<String> REMOVED_ELEMENTS = Set.of(
            "script", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta");
    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite",
            "srcset", "ping", "codebase", "longdesc", "lowsrc", "dynsrc", "manifest", "icon", "archive",
            "classid", "usemap", "profile", "to", "from", "values", "by");
    private static final Pattern SAFE_DATA = Pattern.compile("data:image/(png|gif|jpe?g|webp|avif|bmp)[;,].*",
            Pattern.DOTALL);
    /** What a URL parser strips before it reads the scheme: controls, spaces and tabs/newlines inside. */
    private static final Pattern IGNORED_IN_URL = Pattern.compile("[\\x00-\\x20\\x7f]");

    private ProseHtml() {
    }

    /**
     * Whether the document holds anything {@link #clean} could have to remove: raw HTML (block,
     * inline, comment or entity), or a link, image, reference or autolink whose URL is not
     * plainly a relative path or an http, https or mailto address. The test is on the URL as
     * written, before Flexmark decodes it, so it refuses anything that decoding could turn into
     * a scheme: entities, backslash escapes, percent signs, spaces and control characters.
     */
    static boolean needsCleaning(com.vladsch.flexmark.util.ast.Document document) {
        for (com.vladsch.flexmark.util.ast.Node node : document.getDescendants()) {
            if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase || node instanceof HtmlEntity) {
                return true;
            }
            if (node instanceof LinkNodeBase link && !isPlainUrl(link.getUrl().toString())) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern PLAIN_URL = Pattern.compile(
            "(?:https?://|mailto:)?[A-Za-z0-9._~/?#\\[\\]@!$'()*+,;=:-]*");

    /** A URL that cannot name a script: no scheme but http(s) or mailto, nothing a decoder changes. */
    static boolean isPlainUrl(String url) {
        if (!PLAIN_URL.matcher(url).matches()) {
            return false;
        }
        String rest = url.startsWith("http://") || url.startsWith("https://") || url.startsWith("mailto:")
                ? "" : url;
        int colon = rest.indexOf(':');
        if (colon < 0) {
            return true;
        }
        String before = rest.substring(0, colon);
        return before.contains("/") || before.contains("?") || before.contains("#"); // "a/b:c" is a path
    }

    static String clean(String html) {
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings()
                .prettyPrint(false)
                .escapeMode(Entities.EscapeMode.base)
                .charset("UTF-8");
        List<Element> removed = new ArrayList<>();
        for (Element element : document.body().getAllElements()) {
            String name = element.normalName();
            if (REMOVED_ELEMENTS.contains(name)
                    || (name.equals("style") && !element.parents().select("svg, math").isEmpty())) {
                removed.add(element);
                continue;
            }
            List<String> unsafe = new ArrayList<>();
            for (Attribute attribute : element.attributes()) {
                if (!isSafe(attribute)) {
                    unsafe.add(attribute.getKey());
                }
            }
            unsafe.forEach(element::removeAttr);
        }
        removed.forEach(Element::remove);
        return document.body().html();
    }

    private static boolean isSafe(Attribute attribute) {
        String key = attribute.getKey().toLowerCase(Locale.ROOT);
        int colon = key.indexOf(':');
        String local = colon >= 0 ? key.substring(colon + 1) : key;
        if (local.startsWith("on") || key.equals("srcdoc")) {
            return false;
        }
        if (key.equals("style")) {
            String value = IGNORED_IN_URL.matcher(attribute.getValue()).replaceAll("").toLowerCase(Locale.ROOT);
            return !value.contains("javascript:") && !value.contains("expression(");
        }
        if (URL_ATTRIBUTES.contains(key) || URL_ATTRIBUTES.contains(local)) {
            return isSafeUrl(attribute.getValue());
        }
        return true;
    }

    /** Whether a URL (as the attribute's decoded value) is not a script or an unexpected data URL. */
    static boolean isSafeUrl(String value) {
        String url = IGNORED_IN_URL.matcher(value).replaceAll("").toLowerCase(Locale.ROOT);
        if (url.contains("javascript:") || url.contains("vbscript:")) {
            return false; // also inside srcset lists and SVG animation values
        }
        int colon = url.indexOf(':');
        if (colon < 0) {
            return true;
        }
        String scheme = url.substring(0, colon);
        if (scheme.contains("/") || scheme.contains("?") || scheme.contains("#")) {
            return true; // a relative path with a ':' later on
        }
        return !scheme.equals("data") || SAFE_DATA.matcher(url).matches();
    }
}
