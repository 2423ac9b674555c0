package dev.longhand.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.longhand.diag.Diagnostics;
import dev.longhand.spec.FrontMatter;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    @Test
    void readsTitleOrderSummaryAndSection() {
        Diagnostics diagnostics = new Diagnostics();
        var lesson = Lessons.lesson("""
                ---
                title: " Seven layers "
                order: 50
                summary: One line.
                section: Deep
                ---
                Prose.
                """, diagnostics);
        assertEquals(List.of(), diagnostics.sorted());
        assertEquals(new FrontMatter("Seven layers", OptionalInt.of(50), "One line.", "Deep"),
                lesson.orElseThrow().frontMatter());
    }

    @Test
    void onlyATitleIsNeeded() {
        Diagnostics diagnostics = new Diagnostics();
        var lesson = Lessons.lesson("---\ntitle: One node\n---\n", diagnostics);
        assertEquals(new FrontMatter("One node", OptionalInt.empty(), "", FrontMatter.DEFAULT_SECTION),
                lesson.orElseThrow().frontMatter());
    }

    @Test
    void missingTitleIsAnErrorAtTheOpeningLine() {
        assertEquals(List.of("content/x.md:1:1: error: the front matter has no title; add a line such as title: One node"),
                Lessons.problems("""
                        ---
                        order: 3
                        ---
                        Prose.
                        """));
    }

    @Test
    void emptyTitle() {
        assertEquals(List.of("content/x.md:2:8: error: the title is empty"),
                Lessons.problems("""
                        ---
                        title: ""
                        ---
                        """));
    }

    @Test
    void badYamlInTheFrontMatterIsPositionedInTheFile() {
        assertEquals(List.of("content/x.md:3:10: error: this is not valid YAML: this '[' is never closed by a matching ']'"),
                Lessons.problems("""
                        ---
                        title: One node
                        summary: [unclosed
                        ---
                        Prose.
                        """));
    }

    @Test
    void aColonInAnUnquotedTitleIsPositionedInTheFile() {
        assertEquals(List.of("content/x.md:2:13: error: this is not valid YAML: this ':' is not allowed here; "
                        + "is a ':' missing after a key above, or is it part of a text that needs quotes?"),
                Lessons.problems("""
                        ---
                        title: Seven: layers
                        ---
                        """));
    }

    @Test
    void orderThatIsNotANumber() {
        assertEquals(List.of("content/x.md:3:8: error: order should be a number, but it is the text 'first'"),
                Lessons.problems("""
                        ---
                        title: One node
                        order: first
                        ---
                        """));
    }

    @Test
    void noFrontMatterAtAll() {
        assertEquals(List.of("content/x.md:1:1: error: a lesson starts with front matter between --- lines, "
                        + "with at least a title"),
                Lessons.problems("""
                        # One node

                        Prose.
                        """));
    }

    @Test
    void frontMatterThatIsNeverClosed() {
        assertEquals(List.of("content/x.md:1:1: error: the front matter that starts here is never closed; "
                        + "end it with a line of ---"),
                Lessons.problems("""
                        ---
                        title: One node

                        Prose.
                        """));
    }

    @Test
    void emptyFrontMatter() {
        assertEquals(List.of("content/x.md:1:1: error: the front matter is empty; it needs at least a title, "
                        + "e.g. title: One node"),
                Lessons.problems("""
                        ---
                        ---
                        Prose.
                        """));
    }

    @Test
    void frontMatterThatIsAList() {
        assertEquals(List.of("content/x.md:2:1: error: the front matter should be keys such as title: and order:, "
                        + "but it is a list"),
                Lessons.problems("""
                        ---
                        - One node
                        ---
                        """));
    }

    @Test
    void unknownKeyIsOnlyAWarningWithASuggestion() {
        Diagnostics diagnostics = new Diagnostics();
        var lesson = Lessons.lesson("""
                ---
                title: One node
                sumary: A typo.
                author: Ada
                ---
                Prose.
                """, diagnostics);
        assertEquals(List.of(
                        "content/x.md:3:1: warning: front matter key 'sumary' is not used by Longhand; "
                                + "did you mean 'summary'?",
                        "content/x.md:4:1: warning: front matter key 'author' is not used by Longhand"),
                diagnostics.sorted().stream().map(d -> d.headline()).toList());
        assertEquals("One node", lesson.orElseThrow().frontMatter().title());
    }

    @Test
    void misspeltTitleIsAWarningWithASuggestionBesideTheMissingTitle() {
        assertEquals(List.of(
                        "content/x.md:1:1: error: the front matter has no title; add a line such as title: One node",
                        "content/x.md:2:1: warning: front matter key 'titel' is not used by Longhand; "
                                + "did you mean 'title'?"),
                Lessons.problems("""
                        ---
                        titel: One node
                        ---
                        """));
    }

    @Test
    void crlfFrontMatterGivesTheSamePositions() {
        assertEquals(List.of("content/x.md:3:8: error: order should be a number, but it is the text 'first'"),
                Lessons.problems("---\r\ntitle: One node\r\norder: first\r\n---\r\nProse.\r\n"));
    }

    @Test
    void draftIsAFlagLonghandReads() {
        Diagnostics diagnostics = new Diagnostics();
        var lesson = Lessons.lesson("---\ntitle: Soon\ndraft: true\n---\n", diagnostics);
        assertEquals(List.of(), diagnostics.sorted(), "no longer a key Longhand does not use");
        assertEquals(new FrontMatter("Soon", OptionalInt.empty(), "", FrontMatter.DEFAULT_SECTION, true),
                lesson.orElseThrow().frontMatter());
        assertEquals(false, Lessons.lesson("---\ntitle: Now\ndraft: false\n---\n", diagnostics)
                .orElseThrow().frontMatter().draft());
        assertEquals(List.of("content/x.md:3:8: error: draft should be true or false, but it is the text 'yes please'"),
                Lessons.problems("---\ntitle: Soon\ndraft: yes please\n---\n"));
    }

    @Test
    void aSectionTheSiteDoesNotListIsAnErrorAtItsLine() {
        MarkdownEngine engine = new MarkdownEngine(Lessons.TEMPLATES, null, null, java.util.Optional.empty(),
                java.util.Optional.of(List.of("Lessons", "For authors")));
        Diagnostics diagnostics = new Diagnostics();
        assertEquals(true, engine.lesson("content/x.md", "---\ntitle: A\nsection: For Authors\n---\n", diagnostics).isEmpty());
        assertEquals(List.of("content/x.md:3:10: error: section 'For Authors' is not in sections: in longhand.yml, which"
                + " lists only Lessons, For authors; did you mean 'For authors'?"),
                diagnostics.sorted().stream().map(d -> d.headline()).toList());

        MarkdownEngine authorsOnly = new MarkdownEngine(Lessons.TEMPLATES, null, null, java.util.Optional.empty(),
                java.util.Optional.of(List.of("For authors")));
        Diagnostics noSection = new Diagnostics();
        authorsOnly.lesson("content/x.md", "---\ntitle: A\n---\n", noSection);
        assertEquals(List.of("content/x.md:1:1: error: this lesson has no section:, so it is in 'Lessons', but sections:"
                + " in longhand.yml lists only For authors; add 'Lessons' there, or give the lesson a section:"),
                noSection.sorted().stream().map(d -> d.headline()).toList());
        Diagnostics listed = new Diagnostics();
        assertEquals(false, engine.lesson("content/x.md", "---\ntitle: A\n---\n", listed).isEmpty());
        assertEquals(List.of(), listed.sorted());
    }
}
