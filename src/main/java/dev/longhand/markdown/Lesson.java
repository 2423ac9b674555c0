package dev.longhand.markdown;

import dev.longhand.export.ExportFile;
import dev.longhand.spec.FrontMatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A lesson after its Markdown was rendered and every block computed.
 *
 * @param source      the file, relative to the content folder, with forward slashes
 * @param frontMatter title, order, summary, section
 * @param html        the body's HTML, blocks included
 * @param headings    the prose headings, in order
 * @param blocks      how many mlp blocks it holds (their ids are mlp-1, mlp-2, ...)
 * @param prose       the text of its paragraphs, without headings, code or mlp blocks, for search:
 *                    only as far as one word past the first {@link #SEARCH_WORDS}
 * @param trains      whether any block trains (the page then needs the training script)
 * @param exactMath   whether any block uses exp, log or tanh (sigmoid, tanh, softmax, cross-entropy), which the
 *                    page's script must compute as the build did
 * @param kindScripts the page scripts of the layer kinds its blocks use beyond dense layers, in load order
 * @param math        whether its prose has TeX between dollar signs (the page then loads KaTeX)
 * @param links       links to other lessons and to headings, for the site to check
 * @param answerKeys  the HTML of each practice block with every value shown, in page order (its answer key);
 *                    empty when the lesson has no practice block
 * @param exports     every block's downloads (scripts, spreadsheets), each to be written beside the page
 */
public record Lesson(String source, FrontMatter frontMatter, String html, List<Heading> headings, int blocks,
                     String prose, boolean trains, boolean exactMath, List<String> kindScripts, boolean math, List<LessonLink> links,
                     List<String> answerKeys, List<ExportFile> exports) {

    /** Words of a lesson's prose that search keeps; the prose is collected only this far (and a word more). */
    public static final int SEARCH_WORDS = 300;


    public Lesson {
        headings = List.copyOf(headings);
        kindScripts = List.copyOf(kindScripts);
        links = List.copyOf(links);
        answerKeys = List.copyOf(answerKeys);
        exports = List.copyOf(exports);
    }

    /** Whether any block is a worksheet (the page then needs the practice script and an answer key). */
    public boolean practice() {
        return !answerKeys.isEmpty();
    }

    /** The answer key's page for a lesson page: "seven-layers.html" → "seven-layers-answers.html". */
    public static String answersPage(String page) {
        String base = page.endsWith(".html") ? page.substring(0, page.length() - 5) : page;
        return base + "-answers.html";
    }

    /** The ids a link may name after {@code #} in a lesson with these headings and this many blocks. */
    public static Set<String> anchors(List<Heading> headings, int blocks) {
        Set<String> ids = new LinkedHashSet<>();
        headings.forEach(h -> ids.add(h.id()));
        for (int i = 1; i <= blocks; i++) {
            ids.add(BlockIds.of(i));
        }
        return ids;
    }
}
