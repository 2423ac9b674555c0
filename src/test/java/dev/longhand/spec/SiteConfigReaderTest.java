package dev.longhand.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Diagnostics;
import dev.longhand.diag.Position;
import dev.longhand.diag.SourceText;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code longhand.yml}: the practice default beside the base URL, and its positioned errors. */
class SiteConfigReaderTest {

    private static final String FILE = "longhand.yml";

    private static Optional<SiteConfig> read(String text, Diagnostics diagnostics) {
        SourceText source = new SourceText(FILE, text);
        int[] offsets = new int[source.lineCount()];
        for (int line = 1; line <= offsets.length; line++) {
            offsets[line - 1] = source.lineStart(line);
        }
        return SiteConfigReader.read(new BlockSource(source, text, offsets, Position.startOf(FILE)), diagnostics);
    }

    private static SiteConfig config(String text) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<SiteConfig> config = read(text, diagnostics);
        assertTrue(config.isPresent(), () -> diagnostics.sorted().toString());
        return config.get();
    }

    private static List<String> problems(String text) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<SiteConfig> config = read(text, diagnostics);
        assertTrue(config.isEmpty(), "no config when there are errors");
        return diagnostics.sorted().stream().map(Diagnostic::headline).toList();
    }

    @Test
    void withoutPracticeNoBlockIsAWorksheetByDefault() {
        assertEquals(Optional.empty(), config("baseUrl: https://example.org/\n").practice());
        assertEquals(Optional.empty(), config("practice: false\n").practice());
        assertEquals(Optional.empty(), config("practice:\n").practice());
        assertEquals(SiteConfig.NONE, config("# nothing\n"));
    }

    @Test
    void practiceTrueIsTheBuiltInWorksheet() {
        assertEquals(Optional.of(PracticeDefault.BUILT_IN), config("practice: true\n").practice());
    }

    @Test
    void aMappingChoosesTheBlanksAndNewNumbers() {
        SiteConfig config = config("baseUrl: https://example.org/longhand\npractice:\n  blank: [z]\n  new_numbers: true\n");
        assertEquals(Optional.of(new PracticeDefault(true, false, true)), config.practice());
        assertEquals(Optional.of("https://example.org/longhand/"), config.baseUrl(), "the base URL is read as before");
        assertEquals(Optional.of(new PracticeDefault(true, true, true)), config("practice: {new_numbers: true}\n").practice());
    }

    @Test
    void aPracticeThatIsNotAFlagOrMappingIsAnErrorAtItsValue() {
        assertEquals(List.of("longhand.yml:2:11: error: practice should be true or false, but it is the text 'always'"),
                problems("# every block a worksheet\npractice: always\n"));
    }

    @Test
    void badSettingsAreErrorsWhereTheyAreWritten() {
        assertEquals(List.of("longhand.yml:2:11: error: unknown blank kind 'weights'; the kinds are z, a"),
                problems("practice:\n  blank: [weights]\n"));
        assertEquals(List.of("longhand.yml:1:25: error: practice new_numbers should be true or false, but it is the number 3"),
                problems("practice: {new_numbers: 3}\n"));
        assertEquals(List.of("longhand.yml:1:12: error: unknown key 'blanks' in practice; did you mean 'blank'?"),
                problems("practice: {blanks: [z]}\n"));
    }

    @Test
    void layersCannotBeChosenForTheWholeSite() {
        assertEquals(List.of("longhand.yml:3:11: error: practice layers cannot be chosen for the whole site, since"
                        + " blocks have different layers; give layers in a block's own practice"),
                problems("practice:\n  blank: [a]\n  layers: [2]\n"));
    }

    @Test
    void aBadBaseUrlAndABadPracticeAreBothReported() {
        assertEquals(List.of("longhand.yml:1:10: error: baseUrl should start with https:// or http://; write the address"
                        + " the site is published at, e.g. baseUrl: https://example.org/longhand/",
                        "longhand.yml:2:11: error: practice should be true or false, but it is the number 1"),
                problems("baseUrl: example.org\npractice: 1\n"));
    }

    @Test
    void withoutTheKeysTheSiteIsNamedAsBefore() {
        SiteConfig config = config("baseUrl: https://example.org/\n");
        assertEquals("Longhand", config.title());
        assertEquals("neural networks, worked out by hand", config.tagline());
        assertEquals("en", config.language());
        assertEquals(Optional.empty(), config.sections());
        assertEquals(SiteConfig.NONE, config("title:\ntagline:\nlanguage:\nsections:\n"), "empty values keep the defaults");
    }

    @Test
    void titleTaglineLanguageAndSectionsAreRead() {
        SiteConfig config = config("""
                title: "Réseaux: à la main"
                tagline: ' chaque nombre, calculé '
                language: fr-CH
                sections:
                  - Lessons: Le cours
                  - Exercices
                  - For authors
                """);
        assertEquals("Réseaux: à la main", config.title());
        assertEquals("chaque nombre, calculé", config.tagline(), "stripped");
        assertEquals("fr-CH", config.language());
        assertEquals(Optional.of(List.of(new SectionName("Lessons", "Le cours"), new SectionName("Exercices", "Exercices"),
                new SectionName("For authors", "For authors"))), config.sections());
        assertEquals("", config("tagline: ''\n").tagline(), "an empty tagline is none");
        assertEquals(Optional.of(List.of()), config("sections: []\n").sections());
    }

    @Test
    void unknownKeysStillSuggestTheNearestOne() {
        assertEquals(List.of("longhand.yml:2:1: error: unknown key 'titel' in the site config; did you mean 'title'?"),
                problems("baseUrl: https://example.org/\ntitel: My course\n"));
        assertEquals(List.of("longhand.yml:1:1: error: unknown key 'section' in the site config; did you mean 'sections'?"),
                problems("section: [Lessons]\n"));
    }

    @Test
    void settingsOfTheWrongKindAreErrorsAtTheirValues() {
        assertEquals(List.of("longhand.yml:1:8: error: title should be text, but it is a list"), problems("title: [a]\n"));
        assertEquals(List.of("longhand.yml:1:10: error: tagline should be text, but it is a mapping"),
                problems("tagline: {a: 1}\n"));
        assertEquals(List.of("longhand.yml:1:8: error: title is empty; give the site a name, e.g. title: My course,"
                + " or leave the key out for \"Longhand\""), problems("title: \"\"\n"));
        assertEquals(List.of("longhand.yml:1:8: error: title should be one line of text"), problems("title: \"a\\nb\"\n"));
        assertEquals(List.of("longhand.yml:1:11: error: language should be a language tag such as en, fr or de-CH,"
                + " but it is 'English!'"), problems("language: English!\n"));
        assertEquals(List.of("longhand.yml:1:11: error: language should be a language tag such as en, fr or de-CH,"
                + " but it is 'English'"), problems("language: English\n"), "a language's name is not its tag");
        assertEquals(List.of("longhand.yml:1:11: error: sections should be a list, but it is the text 'For authors'"),
                problems("sections: For authors\n"));
    }

    @Test
    void badSectionsAreErrorsAtTheEntry() {
        assertEquals(List.of("longhand.yml:3:5: error: section 'Lessons' is listed twice in sections"),
                problems("sections:\n  - Lessons\n  - Lessons: The course\n"));
        assertEquals(List.of("longhand.yml:3:5: error: two sections are shown as 'Basics'; give each its own name"),
                problems("sections:\n  - Lessons: Basics\n  - Basics\n"));
        assertEquals(List.of("longhand.yml:2:5: error: a section in sections should be a name, but it is a list;"
                + " write a section's name (- For authors), or its name and the name to show (- Lessons: The course)"),
                problems("sections:\n  - [a, b]\n"));
        assertEquals(List.of("longhand.yml:2:5: error: a section in sections should be one name, or one name: shown name;"
                + " write a section's name (- For authors), or its name and the name to show (- Lessons: The course)"),
                problems("sections:\n  - {a: b, c: d}\n"));
        assertEquals(List.of("longhand.yml:2:5: error: a section's name is empty"), problems("sections:\n  - ''\n"));
    }
}
