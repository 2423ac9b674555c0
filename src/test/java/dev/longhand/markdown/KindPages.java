package dev.longhand.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longhand.diag.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ```network block built into a page, read back as a reader of the page would: its trace,
 * its worked lines by key and the class of a keyed cell.
 */
final class KindPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String html;

    private KindPages(String html) {
        this.html = html;
    }

    /** The lesson with one block of {@code yaml}, as {@link Lessons#problems} numbers its lines (the block from line 7). */
    static String lesson(String yaml) {
        return "---\ntitle: Kinds\n---\nProse.\n\n```network\n" + yaml + "```\n";
    }

    /** The built lesson of a block without errors. */
    static Lesson built(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        return Lessons.lesson(lesson(yaml), diagnostics).orElseThrow(() -> new AssertionError(diagnostics.sorted()));
    }

    /** The built page of a block without errors. */
    static KindPages of(String yaml) {
        return new KindPages(built(yaml).html());
    }

    String html() {
        return html;
    }

    /** The block's trace. */
    JsonNode trace() {
        int start = html.indexOf('>', html.indexOf("class=\"mlp-trace\"")) + 1;
        try {
            return JSON.readTree(html.substring(start, html.indexOf("</script>", start)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the worked line {@code data-work="key"}, as a reader sees it (tags dropped, trimmed). */
    String line(String key) {
        Matcher m = Pattern.compile("<li data-work=\"" + Pattern.quote(key) + "\"[^>]*>(.*?)</li>").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no line " + key);
        }
        return m.group(1).replaceAll("<[^>]+>", "").replace("&#39;", "'").trim();
    }

    /** The class attribute of the worked line {@code key}, or "". */
    String lineClass(String key) {
        Matcher m = Pattern.compile("<li data-work=\"" + Pattern.quote(key) + "\"(?: class=\"([^\"]*)\")?").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no line " + key);
        }
        return m.group(1) == null ? "" : m.group(1);
    }

    /** The class of the first table cell holding {@code data-v="key"} in a table of {@code role}, or "". */
    String cellClass(String role, String key) {
        int table = html.indexOf("<table class=\"matrix matrix-" + role + "\"");
        while (table >= 0) {
            int end = html.indexOf("</table>", table);
            String body = html.substring(table, end);
            Matcher m = Pattern.compile("<td(?: class=\"([^\"]*)\")?>(?:(?!</td>).)*data-v=\"" + Pattern.quote(key) + "\"")
                    .matcher(body);
            if (m.find()) {
                return m.group(1) == null ? "" : m.group(1);
            }
            table = html.indexOf("<table class=\"matrix matrix-" + role + "\"", end);
        }
        throw new AssertionError("no " + role + " cell " + key);
    }

    /** Whether the page has an editable number named {@code key}. */
    boolean editable(String key) {
        return html.contains("data-edit=\"" + key + "\"");
    }
}
