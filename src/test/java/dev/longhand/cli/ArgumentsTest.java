package dev.longhand.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written command line: the forms people type, and plain errors for the rest. */
class ArgumentsTest {

    private final Command build = new BuildCommand();
    private final Command newLesson = new NewCommand();

    @Test
    void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() throws UsageError {
        Arguments a = Arguments.parse(build, List.of("--out", "public", "--content=lessons", "--threads=3"));
        assertEquals(Path.of("public"), a.path("--out"));
        assertEquals(Path.of("lessons"), a.path("--content"));
        assertEquals(3, a.whole("--threads", 1, 8, 1));
        assertEquals(Path.of("content"), Arguments.parse(build, List.of()).path("--content"), "a default");
        assertFalse(a.has("--templates"), "--templates has no default: the folder beside the content, if any");
        assertEquals(5, Arguments.parse(build, List.of()).whole("--threads", 1, 8, 5), "no value, the fallback");
    }

    @Test
    void mistakesAreNamed() {
        assertEquals("unknown option '--bogus'",
                assertThrows(UsageError.class, () -> Arguments.parse(build, List.of("--bogus"))).getMessage());
        assertEquals("--out needs a value (DIR)",
                assertThrows(UsageError.class, () -> Arguments.parse(build, List.of("--out"))).getMessage());
        assertEquals("--out is given twice; give it once", assertThrows(UsageError.class,
                () -> Arguments.parse(build, List.of("--out", "a", "--out=b"))).getMessage());
        assertEquals("unexpected argument 'extra'",
                assertThrows(UsageError.class, () -> Arguments.parse(build, List.of("extra"))).getMessage());
        assertEquals("missing TITLE",
                assertThrows(UsageError.class, () -> Arguments.parse(newLesson, List.of())).getMessage());
        UsageError threads = assertThrows(UsageError.class,
                () -> Arguments.parse(build, List.of("--threads", "0")).whole("--threads", 1, 8, 1));
        assertEquals("--threads: '0' is not a whole number from 1 to 8", threads.getMessage());
    }

    @Test
    void aDoubleDashLetsATitleStartWithADash() throws UsageError {
        Arguments a = Arguments.parse(newLesson, List.of("--content", "c", "--", "-1 is negative"));
        assertEquals(List.of("-1 is negative"), a.operands());
    }

    @Test
    void helpListsEveryOptionWithinEightyColumns() {
        for (Command command : List.of(build, new CheckCommand(), new ServeCommand(), newLesson)) {
            String help = Usage.of(command);
            assertTrue(help.startsWith("Usage: longhand " + command.name() + " "), help);
            for (Option option : command.options()) {
                String shown = option.label().isEmpty() ? option.name() + " " : option.name() + "=" + option.label();
                assertTrue(help.contains(shown), option.name() + " in\n" + help);
            }
            for (String line : help.split("\n")) {
                assertTrue(line.length() <= 80, "too wide: " + line);
            }
        }
    }
}
