package dev.longhand.site;

import dev.longhand.diag.Diagnostics;
import dev.longhand.markdown.MarkdownEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code longhand new "Title"}: a new lesson file after the last one, with front matter and
 * a starter block that builds, so an author starts from a page that already works.
 */
public final class NewLesson {

    /** A number, then a separator, at the start of a file name: "05-seven-layers.md". */
    private static final Pattern PREFIX = Pattern.compile("^(\\d+)[-_. ]");
    /** A title YAML reads as plain text without quotes. */
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ,.()'?!/+–—-]*");
    /** Plain words YAML would read as something other than text. */
    private static final Pattern SCALARS = Pattern.compile(
            "(?i)true|false|null|yes|no|on|off|[-+]?[0-9][0-9_.,eE+-]*|\\.inf|\\.nan");
    private static final int ORDER_STEP = 10;

    /** The file written, or why not. */
    public sealed interface Result permits Created, Refused {
    }

    /** @param label how messages name the new file, e.g. "content/91-softmax.md" */
    public record Created(Path file, String label) implements Result {
    }

    public record Refused(String why) implements Result {
    }

    private NewLesson() {
    }

    /**
     * Writes {@code NN-slug.md} in the content folder: NN the next number after the highest
     * prefix there, {@code order} 10 more than the highest order of any lesson. Refuses when a
     * lesson already has the page the title would give, and never overwrites a file.
     */
    public static Result create(Path content, String contentLabel, String title) throws IOException {
        ContentFolder folder = new ContentFolder(content, contentLabel);
        String slug = PagePaths.slug(title.strip());
        String page = slug + ".html";
        int highestPrefix = 0;
        int highestOrder = 0;
        for (LessonFile file : folder.lessons(new Diagnostics())) {
            if (!file.source().contains("/")) {
                Matcher prefix = PREFIX.matcher(file.source());
                if (prefix.find() && prefix.group(1).length() < 9) {
                    highestPrefix = Math.max(highestPrefix, Integer.parseInt(prefix.group(1)));
                }
                if (PagePaths.of(file.source()).equals(page)) {
                    return new Refused(file.label() + " already has the page " + page
                            + "; choose another title, or edit that lesson");
                }
            }
            var frontMatter = MarkdownEngine.frontMatter(file.label(), file.text(), new Diagnostics());
            if (frontMatter.isPresent() && frontMatter.get().order().isPresent()) {
                highestOrder = Math.max(highestOrder, frontMatter.get().order().getAsInt());
            }
        }
        String name = String.format(Locale.ROOT, "%02d-%s.md", highestPrefix + 1, slug);
        Path file = content.resolve(name);
        String label = contentLabel.isEmpty() ? name : contentLabel + "/" + name;
        try {
            Files.writeString(file, text(title.strip(), highestOrder + ORDER_STEP), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return new Refused(label + " already exists; nothing was written");
        }
        return new Created(file, label);
    }

    static String text(String title, int order) {
        return """
                ---
                title: %s
                order: %d
                summary: One line for the index page; say what the reader will work out.
                ---

                Write the lesson here, in Markdown. Link another lesson by its file, as in
                `[the next lesson](06-backpropagation.md)`, and a heading by its anchor (`#a-first-network`).

                ## A first network

                Change the numbers below and save: the preview recomputes every value.

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
                """.formatted(yamlText(title), order);
    }

    /** The title as YAML: plain when that reads back the same, else double-quoted with escapes. */
    static String yamlText(String title) {
        if (PLAIN.matcher(title).matches() && !SCALARS.matcher(title).matches()) {
            return title;
        }
        StringBuilder quoted = new StringBuilder("\"");
        title.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (cp < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\x%02x", cp));
                    } else {
                        quoted.appendCodePoint(cp);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }
}
