package dev.longhand.markdown;

/**
 * Where a link to another lesson file points in the built site. The site decides where
 * pages go, so it supplies this; the Markdown engine only asks.
 */
@FunctionalInterface
public interface PageLinks {

    /**
     * @param from the lesson holding the link, named like {@link Lesson#source()}
     * @param to   the lesson file it points to, named the same way
     * @return the page's address relative to {@code from}'s page, e.g. "../basics/one-node.html"
     */
    String href(String from, String to);
}
