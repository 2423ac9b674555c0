package dev.longhand.site;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Diagnostics;
import dev.longhand.diag.Position;
import dev.longhand.markdown.LessonLink;
import dev.longhand.spec.NearestName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that need every lesson at once, made after all of them are read: a link names a
 * lesson file that exists and a heading that the target has, and a published lesson does not
 * link to a draft; and the warnings (a lesson without a summary). Cheap: a dev server runs it
 * on every rebuild.
 */
final class LessonChecks {

    private LessonChecks() {
    }

    /**
     * @param files   every readable lesson file, by its name in messages, including ones with errors
     *                (a link to a lesson with errors is not reported again)
     * @param lessons the lessons that were read without errors, by the same names
     * @param linksOfFailed the links of the lessons that have errors, by the same names: their
     *                broken links are reported with their other errors, so that an author sees every
     *                problem of a file in one build (a link to a heading of the same page is not
     *                checked there, as the page's headings are not known)
     * @param drafts  the drafts among {@code files}
     * @param preview whether drafts are shown (the live preview): a link to one is then only a warning,
     *                since the build that publishes the site leaves drafts out and refuses it
     */
    static void check(Set<String> files, Map<String, LessonOutline> lessons,
                      Map<String, List<LessonLink>> linksOfFailed, Set<String> drafts, boolean preview,
                      Diagnostics diagnostics) {
        for (LessonOutline lesson : lessons.values()) {
            if (!lesson.frontMatter().draft()) {
                for (LessonLink link : lesson.links()) {
                    if (!link.samePage() && drafts.contains(link.file())) {
                        String message = "links to a draft: " + link.file() + " says draft: true, so the built site"
                                + " leaves it out; link to it once it is published";
                        diagnostics.add(preview ? Diagnostic.warning(link.position(), message, link.sourceLine())
                                : error(link, message));
                    }
                }
            }
            if (lesson.frontMatter().summary().isEmpty()) {
                diagnostics.add(Diagnostic.warning(Position.startOf(lesson.source()),
                        "this lesson has no summary; add one to the front matter "
                                + "(summary: one line for the index page)", lesson.firstLine()));
            }
            for (LessonLink link : lesson.links()) {
                checkLink(lesson.source(), Optional.of(lesson), link, files, lessons, diagnostics);
            }
        }
        linksOfFailed.forEach((source, links) -> {
            for (LessonLink link : links) {
                if (!lessons.containsKey(source) && !link.samePage()) {
                    checkLink(source, Optional.empty(), link, files, lessons, diagnostics);
                }
            }
        });
    }

    /** @param from the lesson the link is in, empty when it has errors */
    private static void checkLink(String source, Optional<LessonOutline> from, LessonLink link, Set<String> files,
                                  Map<String, LessonOutline> lessons, Diagnostics diagnostics) {
        if (!link.samePage() && !files.contains(link.file())) {
            List<String> candidates = new ArrayList<>();
            files.forEach(file -> candidates.add(relative(source, file)));
            String path = withoutAnchor(link.written());
            diagnostics.add(error(link, "link to '" + path + "', but there is no lesson " + link.file()
                    + nearestLesson(path, candidates).map(p -> "; did you mean '" + p + "'?").orElse("")));
            return;
        }
        LessonOutline target = link.samePage() ? from.orElse(null) : lessons.get(link.file());
        // A lesson with errors, or a draft the build leaves out, has no outline: nothing more to check.
        if (target == null || link.anchor().isEmpty() || target.anchors().contains(link.anchor())) {
            return;
        }
        String where = link.samePage() ? "on this page" : "in " + target.source();
        diagnostics.add(error(link, "link to '#" + link.anchor() + "', but there is no heading with that id " + where
                + hint(link.anchor(), target.anchors())));
    }

    /**
     * The lesson a link probably meant: one with the same name but another number or folder
     * (lessons get renumbered and moved), else a close name. Names are compared without their
     * number, since "03-c.md" and "01-a.md" are near as strings but not as lessons, and short
     * names are not guessed at.
     */
    static Optional<String> nearestLesson(String written, List<String> candidates) {
        String stem = stem(written);
        List<String> sameName = candidates.stream().filter(c -> stem(c).equals(stem)).toList();
        if (!sameName.isEmpty()) {
            return Optional.of(NearestName.among(written, sameName).orElse(sameName.get(0)));
        }
        if (stem.length() < 4) {
            return Optional.empty();
        }
        Map<String, String> byStem = new java.util.LinkedHashMap<>();
        candidates.forEach(c -> byStem.putIfAbsent(stem(c), c));
        return NearestName.among(stem, byStem.keySet()).map(byStem::get);
    }

    /** "../basics/01-one-node.md" → "one-node". */
    private static String stem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        name = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        return PagePaths.withoutOrderPrefix(name);
    }

    private static String hint(String anchor, Collection<String> anchors) {
        Optional<String> nearest = NearestName.among(anchor, anchors);
        return nearest.map(id -> "; did you mean '#" + id + "'?").orElse("");
    }

    private static Diagnostic error(LessonLink link, String message) {
        return Diagnostic.error(link.position(), message, link.sourceLine());
    }

    private static String withoutAnchor(String written) {
        int hash = written.indexOf('#');
        return hash < 0 ? written : written.substring(0, hash);
    }

    /** {@code to} as a link written in {@code from} would name it: "../basics/01-one-node.md". */
    static String relative(String from, String to) {
        String[] a = from.split("/");
        String[] b = to.split("/");
        int common = 0;
        while (common < a.length - 1 && common < b.length - 1 && a[common].equals(b[common])) {
            common++;
        }
        StringBuilder path = new StringBuilder();
        for (int i = common; i < a.length - 1; i++) {
            path.append("../");
        }
        for (int i = common; i < b.length; i++) {
            path.append(b[i]);
            if (i < b.length - 1) {
                path.append('/');
            }
        }
        return path.toString();
    }
}
