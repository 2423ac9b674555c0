package dev.longhand.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.longhand.nn.Activation;
import dev.longhand.nn.Drawn;
import dev.longhand.nn.Layer;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Network;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A large matrix drawn from a seed is written into the trace as how it was drawn, in the form
 * the lesson format gives, and only where the block's own numbers stand (its input and
 * parameters); the form reads back as exactly the numbers the block computed with.
 */
class DrawnMatricesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One dense layer of {@code weights} and {@code bias} on {@code input}, traced with the drawn matrices given. */
    private static JsonNode trace(Matrix input, Matrix weights, Matrix bias, Map<Matrix, Drawn> drawn) throws Exception {
        Network net = new Network(List.of(new Layer("L", weights, bias, Activation.LINEAR)));
        return JSON.readTree(TraceJson.write(net.forward(input), Optional.empty(), Optional.empty(), KindSheets.NONE,
                drawn));
    }

    private static Map<Matrix, Drawn> drawnAs(Object... matrixThenHow) {
        Map<Matrix, Drawn> drawn = new IdentityHashMap<>();
        for (int i = 0; i < matrixThenHow.length; i += 2) {
            drawn.put((Matrix) matrixThenHow[i], (Drawn) matrixThenHow[i + 1]);
        }
        return drawn;
    }

    @Test
    void aLargeDrawnWeightMatrixIsWrittenAsItsDraw() throws Exception {
        Drawn how = new Drawn(11, 2, 501, -0.5, 0.5, false, 2, false);
        Matrix weights = how.matrix();
        JsonNode trace = trace(Matrix.filled(501, 1, 1), weights, Matrix.column(0, 0), drawnAs(weights, how));
        assertEquals("{\"random\":11,\"min\":-0.5,\"max\":0.5,\"integers\":false,\"decimals\":2,\"shape\":[2,501],"
                + "\"transposed\":false}", trace.at("/layers/0/weights").toString());
        // The rest of the trace is as ever: z computed from the very numbers the draw stands for.
        assertTrue(trace.at("/layers/0/z").isArray());
        assertEquals(2, trace.at("/layers/0/z").size());
    }

    @Test
    void aDrawnMatrixOfAThousandNumbersIsWrittenOut() throws Exception {
        Drawn thousand = new Drawn(3, 2, 500, -1, 1, false, -1, false);
        Matrix weights = thousand.matrix();
        JsonNode trace = trace(Matrix.filled(500, 1, 1), weights, Matrix.column(0, 0), drawnAs(weights, thousand));
        assertTrue(trace.at("/layers/0/weights").isArray());
        assertEquals(500, trace.at("/layers/0/weights/1").size());
        assertEquals(weights.get(1, 499), trace.at("/layers/0/weights/1/499").doubleValue());
    }

    @Test
    void anInputDrawnSampleBySampleKeepsItsDrawnShapeAndSaysItIsTransposed() throws Exception {
        Drawn how = new Drawn(7, 4, 300, 0, 1, false, -1, true);
        Matrix input = how.matrix();
        assertEquals(300, input.rows());
        JsonNode trace = trace(input, Matrix.filled(1, 300, 1), Matrix.column(0.0), drawnAs(input, how));
        assertEquals("{\"random\":7,\"min\":0,\"max\":1,\"integers\":false,\"decimals\":null,\"shape\":[4,300],"
                + "\"transposed\":true}", trace.get("input").toString());
    }

    @Test
    void aLargeDrawnBiasIsAFlatListsDraw() throws Exception {
        Drawn how = new Drawn(5, 1001, 1, -1, 1, true, -1, false);
        Matrix bias = how.matrix();
        JsonNode trace = trace(Matrix.column(1.0), Matrix.filled(1001, 1, 2), bias, drawnAs(bias, how));
        assertEquals("{\"random\":5,\"min\":-1,\"max\":1,\"integers\":true,\"decimals\":null,\"shape\":[1001],"
                + "\"transposed\":false}", trace.at("/layers/0/bias").toString());
    }

    @Test
    void seedsAreNumbersUpToTwoToThe53AndTextBeyond() {
        assertEquals("9007199254740992", seedAsWritten(1L << 53));
        assertEquals("-9007199254740992", seedAsWritten(-(1L << 53)));
        assertEquals("\"9007199254740993\"", seedAsWritten((1L << 53) + 1));
        assertEquals("\"-9223372036854775808\"", seedAsWritten(Long.MIN_VALUE));
        assertEquals("\"9223372036854775807\"", seedAsWritten(Long.MAX_VALUE));
        assertEquals("-1", seedAsWritten(-1));
    }

    private static String seedAsWritten(long seed) {
        Drawn how = new Drawn(seed, 40, 40, 0, 1, false, -1, false);
        Matrix m = how.matrix();
        String json = new JsonWriter(Map.of(m, how)).given(m).toString();
        return json.substring("{\"random\":".length(), json.indexOf(",\"min\""));
    }

    @Test
    void wholeNumbersAreNeverRoundedSoTheirDecimalsAreNull() {
        Drawn how = new Drawn(9, 40, 40, -3, 3, true, 4, false);
        Matrix m = how.matrix();
        assertTrue(new JsonWriter(Map.of(m, how)).given(m).toString().contains("\"integers\":true,\"decimals\":null,"));
    }

    @Test
    void onlyGivenNumbersTakeTheFormAndAWriterWithoutDrawsWritesEveryNumber() throws Exception {
        Drawn how = new Drawn(9, 40, 40, 0, 1, false, -1, false);
        Matrix m = how.matrix();
        assertTrue(new JsonWriter(Map.of(m, how)).value(m).toString().startsWith("[["));
        assertTrue(new JsonWriter(Map.of(m, how)).flat(Matrix.column(1, 2)).toString().equals("[1,2]"));
        assertTrue(new JsonWriter().given(m).toString().startsWith("[["));
        // A matrix equal to a drawn one but not the same object was not drawn: written out.
        assertTrue(new JsonWriter(Map.of(m, how)).given(Matrix.of(m.toArrays())).toString().startsWith("[["));
    }

    @Test
    void aDrawWhoseShapeIsNotTheMatrixsIsWrittenOut() {
        Drawn how = new Drawn(9, 40, 40, 0, 1, false, -1, false);
        Matrix other = new Drawn(9, 20, 80, 0, 1, false, -1, false).matrix();
        assertTrue(new JsonWriter(Map.of(other, how)).given(other).toString().startsWith("[["));
        // A column drawn as a row cannot be a flat list's draw.
        Drawn row = new Drawn(9, 1, 1200, 0, 1, false, -1, true);
        Matrix column = row.matrix();
        assertTrue(new JsonWriter(Map.of(column, row)).givenFlat(column).toString().startsWith("[0."));
    }

    @Test
    void theFormReadsBackAsTheNumbersSplitMix64Gives() throws Exception {
        Drawn inputDraw = new Drawn(-42, 3, 400, -2, 2, false, -1, true);
        Drawn weightDraw = new Drawn(Long.MIN_VALUE, 3, 400, -1, 1, false, 3, false);
        Matrix input = inputDraw.matrix();
        Matrix weights = weightDraw.matrix();
        JsonNode trace = trace(input, weights, Matrix.column(0, 0, 0), drawnAs(input, inputDraw, weights, weightDraw));
        assertTrue(DrawnInTrace.isDrawn(trace.get("input")) && DrawnInTrace.isDrawn(trace.at("/layers/0/weights")));
        JsonNode numbers = DrawnInTrace.drawnAgain(trace);
        // java.util.SplittableRandom is SplitMix64 with the same 53-bit doubles: an independent draw.
        SplittableRandom jdk = new SplittableRandom(-42);
        for (int sample = 0; sample < 3; sample++) {
            for (int unit = 0; unit < 400; unit++) {
                double expected = -2 + jdk.nextDouble() * 4;
                assertEquals(expected, numbers.at("/input/" + unit + "/" + sample).doubleValue(), "input " + unit + ", " + sample);
            }
        }
        jdk = new SplittableRandom(Long.MIN_VALUE);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 400; c++) {
                double exact = -1 + jdk.nextDouble() * 2;
                double expected = new java.math.BigDecimal(exact).setScale(3, java.math.RoundingMode.HALF_EVEN).doubleValue();
                assertEquals(expected, numbers.at("/layers/0/weights/" + r + "/" + c).doubleValue(), "weight " + r + ", " + c);
            }
        }
        // And they are the numbers the block computed with: z = W·x.
        for (int r = 0; r < 3; r++) {
            for (int s = 0; s < 3; s++) {
                double z = 0;
                for (int k = 0; k < 400; k++) {
                    z += numbers.at("/layers/0/weights/" + r + "/" + k).doubleValue() * numbers.at("/input/" + k + "/" + s).doubleValue();
                }
                assertEquals(z, trace.at("/layers/0/z/" + r + "/" + s).doubleValue(), 1e-12);
            }
        }
    }
}
