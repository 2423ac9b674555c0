package dev.longhand.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.longhand.export.numpy.NumpyFormat;
import dev.longhand.export.numpy.Python;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportsTest {

    private final ExportFormat numpy = new NumpyFormat();

    @Test
    void aDownloadIsNamedAfterItsPageAndBlockAndSitsInThePagesFolder() {
        assertEquals("attention-by-hand.mlp-2.numpy.py", Exports.fileName("attention-by-hand.html", "mlp-2", numpy));
        assertEquals("x.mlp-10.numpy.py", Exports.fileName("part-1/x.html", "mlp-10", numpy));
    }

    @Test
    void theLinksFollowTheRegistryInOrder() {
        List<String> formats = Exports.links("x.html", "mlp-1").stream().map(l -> l.format()).toList();
        assertEquals(Exports.FORMATS.stream().map(ExportFormat::key).toList(), formats);
        assertEquals("x.mlp-1.numpy.py", Exports.links("x.html", "mlp-1").get(0).href());
    }

    @Test
    void pythonNumbersReadBackAsTheSameDouble() {
        assertEquals("2", Python.number(2.0));
        assertEquals("-3", Python.number(-3.0));
        assertEquals("0.1", Python.number(0.1));
        assertEquals("-0.0", Python.number(-0.0));
        assertEquals("1.0E-5", Python.number(1e-5));
        assertEquals("1.0E20", Python.number(1e20));
        assertEquals("0.30000000000000004", Python.number(0.1 + 0.2));
    }

    @Test
    void pythonStringsEscapeQuotesBackslashesAndNonAscii() {
        assertEquals("\"a \\\"b\\\" \\\\ \\u00e9 \\U0001f600\"", Python.string("a \"b\" \\ é 😀"));
    }
}
