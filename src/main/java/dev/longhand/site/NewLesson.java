package dev.longhand.site;

import dev.longhand.diag.Diagnostics;
import dev.longhand.markdown.MarkdownEngine;
import dev.longhand.spec.FrontMatter;
import dev.longhand.spec.StarterText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code longhand new "Title"}: a new lesson file at the end of a section (the main series,
 * or the one {@code --section} names), with front matter and a starter block that builds, so
 * an author starts from a page that already works. The starter text is {@link StarterText}'s,
 * which the build warns about until the author replaced it.
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

    /**
     * @param label      how messages name the new file, e.g. "content/09-softmax.md"
     * @param newSection whether no lesson was in its section before: it starts one
     */
    public record Created(Path file, String label, boolean newSection) implements Result {
    }

    public record Refused(String why) implements Result {
    }

    private NewLesson() {
    }

    /** A lesson at the end of the main series (the lessons without a section). */
    public static Result create(Path content, String contentLabel, String title) throws IOException {
        return create(content, contentLabel, title, Optional.empty());
    }

    /**
     * Writes {@code NN-slug.md} after the last lesson of the section (by the site's order): in
     * that lesson's folder, NN one more than its number (or the highest number there, when it
     * has none; numbers other files use are skipped), and {@code order} 10 more than its order.
     * A section no lesson is in yet starts in the content folder, after every lesson (order 10
     * more than the highest), so it comes last. Refuses when a lesson already has the page the
     * title would give, and never overwrites a file.
     *
     * @param section the section to add to; empty for the main series
     */
    public static Result create(Path content, String contentLabel, String title, Optional<String> section)
            throws IOException {
        ContentFolder folder = new ContentFolder(content, contentLabel);
        String target = section.map(String::strip).orElse(FrontMatter.DEFAULT_SECTION);
        List<LessonFile> files = folder.lessons(new Diagnostics());
        List<Series.Entry> entries = new ArrayList<>();
        int highestOrder = 0;
        for (LessonFile file : files) {
            var frontMatter = MarkdownEngine.frontMatter(file.label(), file.text(), new Diagnostics());
            if (frontMatter.isPresent()) {
                entries.add(new Series.Entry(file.source(), "", frontMatter.get()));
                if (frontMatter.get().order().isPresent()) {
                    highestOrder = Math.max(highestOrder, frontMatter.get().order().getAsInt());
                }
            }
        }
        List<Series.Entry> members = new Series(entries).sections().getOrDefault(target, List.of());
        Optional<Series.Entry> last = members.isEmpty() ? Optional.empty()
                : Optional.of(members.get(members.size() - 1));
        // The last lesson may have no order (it then sorts after the ordered ones): follow the highest.
        int order = last.map(e -> e.frontMatter().order()).filter(OptionalInt::isPresent)
                .map(OptionalInt::getAsInt).orElse(highestOrder) + ORDER_STEP;
        String dir = last.map(e -> e.source().substring(0, e.source().lastIndexOf('/') + 1)).orElse("");
        String name = dir + fileName(files, dir, last, PagePaths.slug(title.strip()));
        String page = PagePaths.of(name);
        for (LessonFile file : files) {
            if (PagePaths.of(file.source()).equals(page)) {
                return new Refused(file.label() + " already has the page " + page
                        + "; choose another title, or edit that lesson");
            }
        }
        Path file = content.resolve(name);
        String label = contentLabel.isEmpty() ? name : contentLabel + "/" + name;
        try {
            Files.writeString(file, text(title.strip(), order, section.map(String::strip)), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return new Refused(label + " already exists; nothing was written");
        }
        return new Created(file, label, members.isEmpty() && section.isPresent());
    }

    /**
     * "09-slug.md": the number after the section's last lesson's (as wide as its), else after the
     * highest in the folder, skipping numbers that files in the folder already start with.
     */
    private static String fileName(List<LessonFile> files, String dir, Optional<Series.Entry> last, String slug) {
        Set<Integer> used = new HashSet<>();
        int highest = 0;
        for (LessonFile file : files) {
            String rest = file.source().startsWith(dir) ? file.source().substring(dir.length()) : "/";
            Matcher prefix = PREFIX.matcher(rest);
            if (!rest.contains("/") && prefix.find() && prefix.group(1).length() < 9) {
                used.add(Integer.parseInt(prefix.group(1)));
                highest = Math.max(highest, Integer.parseInt(prefix.group(1)));
            }
        }
        int number = highest + 1;
        int width = 2;
        if (last.isPresent()) {
            Matcher prefix = PREFIX.matcher(last.get().source().substring(dir.length()));
            if (prefix.find() && prefix.group(1).length() < 9) {
                number = Integer.parseInt(prefix.group(1)) + 1;
                width = Math.max(width, prefix.group(1).length());
            }
        }
        while (used.contains(number)) {
            number++;
        }
        return String.format(Locale.ROOT, "%0" + width + "d-%s.md", number, slug);
    }

    static String text(String title, int order, Optional<String> section) {
        return StarterText.lesson(yamlText(title), order, section.map(NewLesson::yamlText).orElse(null));
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
