package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rebuilds after long runs of the changes an author makes, drawn from fixed seeds: after every
 * change the build into the same folder, with its cache, reports what a build of everything
 * reports and, when it succeeds, writes byte for byte the same site; when it fails, the last
 * site stays as it was.
 */
class RebuildSequenceTest {

    private static final String BLOCK = """
            ```mlp
            input: [3, 1]
            layers:
              - weights: [[1, 2], [-2, 1]]
                bias: [0, 0.5]
            %s
            ```
            """;

    @TempDir
    Path temp;
    private Path content;
    private Path config;
    private final List<String> lessons = new ArrayList<>();
    /** Lessons with an error in them; a build fails until each is fixed or removed. */
    private final List<String> broken = new ArrayList<>();
    private int made;

    private String lessonText(int n, String title, String extra) {
        String section = n % 3 == 0 ? "section: Practice\n" : "";
        String body = switch (n % 4) {
            case 0 -> BLOCK.formatted("practice: true");
            case 1 -> BLOCK.formatted("");
            case 2 -> "See [lesson one](l1.md#worked).\n";
            default -> "Plain words.\n";
        };
        return "---\ntitle: " + title + "\norder: " + n + "\nsummary: S" + n + ".\n" + section + "---\n## Worked\n\n"
                + body + extra;
    }

    private void add() {
        made++;
        String name = "l" + made + ".md";
        SiteFiles.write(content, name, lessonText(made, "Lesson " + made, ""));
        lessons.add(name);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void everyRebuildIsTheBuildOfEverything(long seed) throws IOException {
        content = temp.resolve("content");
        config = SiteFiles.write(temp, "longhand.yml", "title: Course\n");
        for (int i = 0; i < 6; i++) {
            add();
        }
        Path out = temp.resolve("site");
        SiteBuilder builder = new SiteBuilder(new SiteBuilder.Options(content, "content", SiteFiles.repoTemplates(),
                "templates", 2).withConfig(config, "longhand.yml"));
        Random random = new Random(seed);
        builder.build(out);
        List<String> done = new ArrayList<>();
        for (int step = 0; step < 20; step++) {
            String change = change(random, out);
            done.add(change);
            SortedMap<String, byte[]> before = SiteFiles.snapshot(out);
            BuildReport cached = builder.build(out);
            Path reference = temp.resolve("reference-" + step);
            BuildReport everything = builder.computingEverything().build(reference);
            String what = "seed " + seed + " after " + done;
            assertEquals(everything.diagnostics().sorted(), cached.diagnostics().sorted(), what);
            if (everything.succeeded()) {
                SiteFiles.assertSameFiles(SiteFiles.snapshot(reference), SiteFiles.snapshot(out), what);
            } else {
                SiteFiles.assertSameFiles(before, SiteFiles.snapshot(out), what + ": a failed build left the site");
            }
        }
    }

    /** Makes one change an author might make, and says which. */
    private String change(Random random, Path out) throws IOException {
        if (!broken.isEmpty() && random.nextBoolean()) {
            String lesson = broken.remove(0);
            SiteFiles.write(content, lesson, lessonText(number(lesson), "Fixed " + random.nextInt(100), ""));
            return "fixed " + lesson;
        }
        String lesson = lessons.get(random.nextInt(lessons.size()));
        Path file = content.resolve(lesson);
        int n = number(lesson);
        switch (random.nextInt(12)) {
            case 0 -> {
                Files.writeString(file, "\nMore words " + random.nextInt(100) + ".\n", StandardOpenOption.APPEND);
                return "edited " + lesson;
            }
            case 1 -> {
                SiteFiles.write(content, lesson, lessonText(n, "Retitled " + random.nextInt(100), ""));
                broken.remove(lesson);
                return "retitled " + lesson;
            }
            case 2 -> {
                add();
                return "added " + lessons.get(lessons.size() - 1);
            }
            case 3 -> {
                if (lessons.size() > 2 && !lesson.equals("l1.md")) { // the lesson the others link to stays
                    Files.delete(file);
                    lessons.remove(lesson);
                    broken.remove(lesson);
                    return "removed " + lesson;
                }
                return "nothing";
            }
            case 4 -> {
                String text = Files.readString(file);
                SiteFiles.write(content, lesson, text.contains("draft: true") ? text.replace("draft: true\n", "")
                        : text.replace("---\n## Worked", "draft: true\n---\n## Worked"));
                return "drafted or published " + lesson;
            }
            case 5 -> {
                SiteFiles.write(config.getParent(), "longhand.yml", random.nextBoolean() ? "title: Course\n"
                        : "title: Course " + random.nextInt(3) + "\nsections:\n  - Lessons\n  - Practice\n");
                return "changed longhand.yml";
            }
            case 6 -> {
                List<Path> pages = files(out, ".html");
                if (!pages.isEmpty()) {
                    Path page = pages.get(random.nextInt(pages.size()));
                    Files.writeString(page, "<!-- touched -->", StandardOpenOption.APPEND);
                    return "appended to " + out.relativize(page);
                }
                return "nothing";
            }
            case 7 -> {
                List<Path> entries = files(BuildCache.folderOf(out.toAbsolutePath()), "");
                entries.removeIf(entry -> entry.getFileName().toString().contains("."));
                if (!entries.isEmpty()) {
                    Files.delete(entries.get(random.nextInt(entries.size())));
                    return "deleted a cache entry";
                }
                return "nothing";
            }
            case 8 -> {
                Files.writeString(file, "\n```mlp\ninput: [1]\nlayers:\n  - weights: [[1, 2]]\n```\n",
                        StandardOpenOption.APPEND);
                broken.add(lesson);
                return "broke " + lesson;
            }
            default -> {
                return "nothing";
            }
        }
    }

    private static int number(String lesson) {
        return Integer.parseInt(lesson.substring(1, lesson.indexOf('.')));
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return new ArrayList<>();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return new ArrayList<>(list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList());
        }
    }
}
