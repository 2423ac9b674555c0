package dev.longhand.render;

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

    public static String of(List<Page> pages) {
        JsonWriter json = new JsonWriter().beginObject().name("version").value(1).name("pages").beginArray();
        for (Page page : pages) {
            json.beginObject()
                    .name("title").value(page.title())
                    .name("href").value(page.href())
                    .name("section").value(page.section())
                    .name("summary").value(page.summary())
                    .name("headings").beginArray();
            for (Anchor heading : page.headings()) {
                json.beginObject().name("text").value(heading.text()).name("id").value(heading.id()).endObject();
            }
            json.endArray().name("text").value(page.text()).endObject();
        }
        json.endArray().endObject();
        return "/* Longhand's search index, written at build time; read by search.js. */\n"
                + "window." + GLOBAL + " = " + json + ";\n";
    }
}
