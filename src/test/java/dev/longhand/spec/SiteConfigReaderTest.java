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
}
