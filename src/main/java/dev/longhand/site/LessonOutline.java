package dev.longhand.site;

import dev.longhand.markdown.Heading;
import dev.longhand.markdown.Lesson;
import dev.longhand.markdown.LessonLink;
import dev.longhand.markdown.Words;
import dev.longhand.spec.FrontMatter;
import java.util.List;
import java.util.Set;

/**
 * What a build keeps of a lesson once its page is written: what the index, the search index and
 * the checks across lessons need, a few kilobytes, never the page itself. A site of any size is
 * built holding only these.
 *
 * @param source     the file as messages name it
 * @param searchText the first {@link #SEARCH_WORDS} words of its prose
 * @param practice   whether it has an answer-key page
 * @param firstLine  its file's first line, shown under a warning about the lesson as a whole
 * @param math       whether its prose has math (the site then ships KaTeX)
 */
record LessonOutline(String source, FrontMatter frontMatter, List<Heading> headings, int blocks, String searchText,
                     List<LessonLink> links, boolean practice, String firstLine, boolean math) {

    /** Words of a lesson's prose kept in the search index. */
    static final int SEARCH_WORDS = Lesson.SEARCH_WORDS;

    LessonOutline {
        headings = List.copyOf(headings);
        links = List.copyOf(links);
    }

    /** @param text the lesson file's text */
    static LessonOutline of(Lesson lesson, String text) {
        return new LessonOutline(lesson.source(), lesson.frontMatter(), lesson.headings(), lesson.blocks(),
                Words.first(lesson.prose(), SEARCH_WORDS), lesson.links(), lesson.practice(), firstLine(text),
                lesson.math());
    }

    /** The ids a link may name after {@code #}: the headings' and the blocks'. */
    Set<String> anchors() {
        return Lesson.anchors(headings, blocks);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
