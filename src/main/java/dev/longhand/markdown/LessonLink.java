package dev.longhand.markdown;

import dev.longhand.diag.Position;

/**
 * A link in a lesson's prose to another lesson file or to a heading, kept so that the site
 * can check it once every lesson is read (a target's headings are only known then).
 *
 * @param written    the link's target as the author wrote it ("06-backpropagation.md#loss")
 * @param file       the lesson file it points to, named like {@link Lesson#source()}
 *                   ("content/06-backpropagation.md"); empty for a link to a heading on the same page
 * @param anchor     the heading id after {@code #}, or empty
 * @param position   where the link's target starts in the Markdown file
 * @param sourceLine the line it is on, for the caret
 */
public record LessonLink(String written, String file, String anchor, Position position, String sourceLine) {

    public boolean samePage() {
        return file.isEmpty();
    }
}
