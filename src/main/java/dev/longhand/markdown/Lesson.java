package dev.longhand.markdown;

import dev.longhand.spec.FrontMatter;
import java.util.List;

/**
 * A lesson after its Markdown was rendered and every block computed.
 *
 * @param source      the file, relative to the content folder, with forward slashes
 * @param frontMatter title, order, summary, section
 * @param html        the body's HTML, blocks included
 * @param headings    the prose headings, in order
 * @param blocks      how many mlp blocks it holds
 * @param prose       the text of its paragraphs, without headings, code or mlp blocks (for search)
 * @param trains      whether any block trains (the page then needs the training script)
 * @param exactMath   whether any block uses exp or log (sigmoid, softmax, cross-entropy), which the
 *                    page's script must compute as the build did
 */
public record Lesson(String source, FrontMatter frontMatter, String html, List<Heading> headings, int blocks,
                     String prose, boolean trains, boolean exactMath) {

    public Lesson {
        headings = List.copyOf(headings);
    }
}
