package dev.longhand.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names read straight from view records find what Mustache's own lookup would: the innermost
 * scope that has the name, through records, flags, maps and getters, and a name no scope has
 * is still the strict error.
 */
class ViewObjectHandlerTest {

    @TempDir
    Path theme;

    public record Page(String title, List<Item> items) {
    }

    public record Item(String label) {

        public boolean wide() {
            return label.length() > 3;
        }
    }

    /** A record whose only member for {@code title} is a getter: Mustache's to find. */
    public record Legacy(String name) {

        public String getTitle() {
            return "legacy " + name;
        }

        public boolean isShort() {
            return name.length() < 4;
        }
    }

    public record Shelf(String label, List<Object> things) {
    }

    public record Archive(String title, List<Legacy> items) {
    }

    public record Flagged(String key, boolean keyed) {
    }

    public record Maps(String name, List<Map<String, String>> rows) {
    }

    public record Failing(String name) {

        public String broken() {
            throw new IllegalStateException("no");
        }
    }

    private String render(String template, Object view) throws IOException {
        Files.writeString(theme.resolve("t.mustache"), template);
        return new Templates(theme).render("t", view);
    }

    @Test
    void readsARecordAccessor() throws IOException {
        assertEquals("<h1>Matrices &amp; you</h1>",
                render("<h1>{{title}}</h1>", new Page("Matrices & you", List.of())));
    }

    @Test
    void readsAnExtraNoArgumentMethodOfARecord() throws IOException {
        assertEquals("[ab]{wide}[abcd]", render("{{#items}}{{#wide}}{wide}{{/wide}}[{{label}}]{{/items}}",
                new Page("p", List.of(new Item("ab"), new Item("abcd")))));
    }

    @Test
    void findsANameOfAnOuterScopeThroughAnInnerRecordThatLacksIt() throws IOException {
        assertEquals("x in P; y in P; ", render("{{#items}}{{label}} in {{title}}; {{/items}}",
                new Page("P", List.of(new Item("x"), new Item("y")))));
    }

    @Test
    void findsANameThroughTheFlagOfAnEnclosingSection() throws IOException {
        assertEquals("<span data-v=\"z.1\">", render("<span{{#keyed}} data-v=\"{{key}}\"{{/keyed}}>",
                new Flagged("z.1", true)));
        assertEquals("<span>", render("<span{{#keyed}} data-v=\"{{key}}\"{{/keyed}}>", new Flagged("", false)));
    }

    @Test
    void findsAGetterOrAnIsMethodAsMustacheDoes() throws IOException {
        assertEquals("legacy Ada, short", render("{{title}}{{#short}}, short{{/short}}", new Legacy("Ada")));
    }

    @Test
    void anInnerGetterHidesAnOuterAccessorOfTheSameName() throws IOException {
        // Archive has title(); the Legacy inside it has only getTitle(), and the inner scope wins.
        assertEquals("legacy L / P", render("{{#items}}{{title}}{{/items}} / {{title}}",
                new Archive("P", List.of(new Legacy("L")))));
    }

    @Test
    void onePlaceSeesScopesOfSeveralClasses() throws IOException {
        // One {{label}} reads an Item, a Shelf's own label past a Legacy that has none, then an Item again.
        List<Object> things = List.of(new Item("a"), new Legacy("b"), new Item("c"), new Legacy("d"));
        assertEquals("a,S,c,S,", render("{{#things}}{{label}},{{/things}}", new Shelf("S", things)));
    }

    @Test
    void readsAMapByKeyAndLooksFurtherOutWhenTheKeyIsAbsent() throws IOException {
        Maps view = new Maps("outer", List.of(Map.of("name", "inner"), Map.of("other", "x")));
        assertEquals("inner;outer;", render("{{#rows}}{{name}};{{/rows}}", view));
    }

    @Test
    void aNameNoScopeHasIsTheStrictError() throws IOException {
        Templates.TemplateException e = assertThrows(Templates.TemplateException.class,
                () -> render("<h1>{{titel}}</h1>", new Page("P", List.of())));
        assertEquals("Failed to get value for titel @[t.mustache:1]: "
                + "the view has no value named 'titel' @[t.mustache:1]", e.getMessage());
    }

    @Test
    void aNameMissingInsideASectionIsTheStrictErrorToo() throws IOException {
        Templates.TemplateException e = assertThrows(Templates.TemplateException.class,
                () -> render("{{#items}}\n{{lable}}{{/items}}", new Page("P", List.of(new Item("x")))));
        assertEquals("Failed to get value for lable @[t.mustache:2]: "
                + "the view has no value named 'lable' @[t.mustache:2]", e.getMessage());
    }

    @Test
    void aFailingAccessorFailsTheRender() throws IOException {
        Templates.TemplateException e = assertThrows(Templates.TemplateException.class,
                () -> render("{{broken}}", new Failing("f")));
        assertEquals("Failed to get value for broken @[t.mustache:1]: no", e.getMessage());
    }

    @Test
    void skipsANullScope() {
        DefaultMustacheFactory factory = new DefaultMustacheFactory();
        factory.setObjectHandler(new ViewObjectHandler());
        Mustache mustache = factory.compile(new StringReader("{{title}}."), "t");
        List<Object> scopes = new ArrayList<>();
        scopes.add(new Page("P", List.of()));
        scopes.add(null);
        StringWriter out = new StringWriter();
        mustache.execute(out, scopes);
        mustache.execute(out, scopes);
        assertEquals("P.P.", out.toString());
    }

    @Test
    void aBigOutputThenASmallOneThenABigOneAgainAreEachWhole() throws IOException {
        Files.writeString(theme.resolve("t.mustache"), "{{#items}}{{label}}{{/items}}.");
        Templates templates = new Templates(theme);
        String big = "x".repeat(50_000);
        assertEquals(big + big + ".", templates.render("t", new Page("", List.of(new Item(big), new Item(big)))));
        assertEquals("ab.", templates.render("t", new Page("", List.of(new Item("a"), new Item("b")))));
        assertEquals(big + "é→.", templates.render("t", new Page("", List.of(new Item(big), new Item("é→")))));
    }
}
