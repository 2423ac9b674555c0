package dev.longhand.spec;

import java.util.List;

/**
 * The text {@code longhand new} writes into a new lesson, kept in one place so that the build
 * can tell when a lesson still holds it: a starter summary or starter paragraph left in a
 * lesson would be published as if the author had written it.
 */
public final class StarterText {

    /** The summary a new lesson starts with. */
    public static final String SUMMARY = "One line for the index page; say what the reader will work out.";

    /** The starter paragraphs, as written (the first wraps onto a second line). */
    static final List<String> PARAGRAPHS = List.of(
            """
            Write the lesson here, in Markdown. Link another lesson by its file, as in
            `[the next lesson](06-backpropagation.md)`, and a heading by its anchor (`#a-first-network`).""",
            "Change the numbers below and save: the preview recomputes every value.");

    private StarterText() {
    }

    /**
     * A new lesson's whole text.
     *
     * @param title   the title as YAML (quoted where it must be)
     * @param order   its {@code order}
     * @param section its {@code section:} as YAML, or null for the main series (no section line)
     */
    public static String lesson(String title, int order, String section) {
        return "---\ntitle: " + title + "\norder: " + order + "\n"
                + (section == null ? "" : "section: " + section + "\n")
                + "summary: " + SUMMARY + "\n---\n\n"
                + PARAGRAPHS.get(0) + "\n\n"
                + """
                ## A first network

                """
                + PARAGRAPHS.get(1) + "\n\n"
                + """
                ```mlp
                caption: Three inputs, two hidden units, one output
                input: [2, 1, 3]
                layers:
                  - name: Hidden
                    weights:
                      - [1, -1, 0]
                      - [0, 1, 1]
                    bias: [0, 0]
                    activation: relu
                  - name: Output
                    weights: [[1, 1]]
                ```
                """;
    }

    /** The starter paragraphs with their line breaks made spaces, as a paragraph is compared. */
    private static final List<String> COLLAPSED = PARAGRAPHS.stream().map(StarterText::collapsed).toList();

    /** Whether a paragraph's Markdown is one of the starter paragraphs, however its lines were wrapped. */
    public static boolean isStarterParagraph(CharSequence markdown) {
        for (String starter : COLLAPSED) {
            if (sameWords(markdown, starter)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code text}, its runs of white space made one space and stripped, is {@code collapsed}.
     * Asked of every paragraph of every lesson, so it compares as it goes and stops at the first
     * difference (nearly always the first word) instead of copying the paragraph.
     */
    private static boolean sameWords(CharSequence text, String collapsed) {
        int n = text.length();
        int i = 0;
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        int k = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i == n) {
                    break;
                }
                c = ' ';
            } else {
                i++;
            }
            if (k >= collapsed.length() || collapsed.charAt(k) != c) {
                return false;
            }
            k++;
        }
        return k == collapsed.length();
    }

    private static String collapsed(CharSequence text) {
        return text.toString().strip().replaceAll("\\s+", " ");
    }
}
