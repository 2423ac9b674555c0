package dev.longhand.render;

import java.io.IOException;
import java.util.List;

/**
 * The search index as a script that sets {@code window.LonghandSearchIndex}: a script, not a
 * JSON file, because a page opened from disk may load scripts but not fetch files. The bytes
 * depend only on the pages given (no dates), in the order given.
 */
public final class SearchIndexScript {

    /** The global the script sets; {@code search.js} reads it. */
    public static final String GLOBAL = "LonghandSearchIndex";

    private SearchIndexScript() {
    }

    /**
     * A lesson as the search sees it.
     *
     * @param href     relative to the site's top folder
     * @param headings its headings, each with the anchor it links to
     * @param text     the start of its prose
     */
    public record Page(String title, String href, String section, String summary, List<Anchor> headings,
                       String text) {
        public Page {
            headings = List.copyOf(headings);
        }
    }

    /** A heading and its id on the page. */
    public record Anchor(String text, String id) {
    }

    /** One page's entry in the index, as JSON. */
    public static String json(Page page) {
        JsonWriter json = new JsonWriter().beginObject()
                .name("title").value(page.title())
                .name("href").value(page.href())
                .name("section").value(page.section())
                .name("summary").value(page.summary())
                .name("headings").beginArray();
        for (Anchor heading : page.headings()) {
            json.beginObject().name("text").value(heading.text()).name("id").value(heading.id()).endObject();
        }
        return json.endArray().name("text").value(page.text()).endObject().toString();
    }

    /**
     * Writes the script from its pages' entries ({@link #json}) one at a time, so a site's index
     * never has to be in memory twice, and a live preview can keep the entries of unchanged pages.
     */
    public static void write(Iterable<String> pageEntries, Appendable out) throws IOException {
        out.append("/* Longhand's search index, written at build time; read by search.js. */\n")
                .append("window.").append(GLOBAL).append(" = {\"version\":1,\"pages\":[");
        boolean first = true;
        for (String entry : pageEntries) {
            out.append(first ? "" : ",").append(entry);
            first = false;
        }
        out.append("]};\n");
    }
}
