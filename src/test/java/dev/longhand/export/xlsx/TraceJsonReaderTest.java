package dev.longhand.export.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceJsonReaderTest {

    @Test
    void readsWhatTheTraceHolds() {
        Object read = TraceJsonReader.read("{\"name\":\"A \\u003cb\\u003e \\\"q\\\"\\n\",\"z\":[[1,-2.5e-3],[0.1,null]],"
                + "\"trains\":true,\"empty\":[],\"o\":{}}");
        Map<?, ?> trace = (Map<?, ?>) read;
        assertEquals("A <b> \"q\"\n", trace.get("name"));
        assertEquals(List.of(List.of(1.0, -0.0025), Arrays.asList(0.1, null)), trace.get("z"));
        assertEquals(Boolean.TRUE, trace.get("trains"));
        assertEquals(List.of(), trace.get("empty"));
        assertEquals(Map.of(), trace.get("o"));
    }

    @Test
    void numbersComeBackAsTheSameDoubles() {
        double[] values = {0.1 + 0.2, -1.0 / 3, 1e-300, 123456789.123456789, Math.PI, -0.0};
        for (double v : values) {
            Object read = TraceJsonReader.read("[" + v + "]");
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits((Double) ((List<?>) read).get(0)));
        }
    }

    @Test
    void brokenJsonIsAnErrorNotAGuess() {
        assertThrows(IllegalStateException.class, () -> TraceJsonReader.read("{\"a\":[1,2}"));
        assertThrows(IllegalStateException.class, () -> TraceJsonReader.read("[1] 2"));
        assertThrows(IllegalStateException.class, () -> TraceJsonReader.read("{\"a\":"));
    }
}
