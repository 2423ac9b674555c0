package dev.longhand.worked;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.longhand.nn.Activation;
import dev.longhand.nn.Layer;
import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Network;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorksheetTest {

    private static LayerTrace single(double[][] w, double[] b, Activation f, double[][] x) {
        Layer layer = new Layer("L", Matrix.of(w), Matrix.column(b), f);
        return new Network(List.of(layer)).forward(Matrix.of(x)).dense(0);
    }

    @Test
    void writesTheSumWithNegativeFactorsInParenthesesAndTheBias() {
        LayerTrace t = single(new double[][] {{1, -1, 0}}, new double[] {0.0}, Activation.RELU,
                new double[][] {{2}, {1}, {3}});
        WorkedLine line = new Worksheet(4, false).line(t, 0, 0);
        assertEquals("z₁ = 1·2 + (−1)·1 + 0·3 + 0 = 1", line.sum());
        assertEquals("a₁ = ReLU(1) = 1", line.result());
        assertEquals(ReluMark.PASSED, line.mark());
    }

    @Test
    void marksAClampedUnitAndShowsItsNegativeZ() {
        LayerTrace t = single(new double[][] {{1, 2}}, new double[] {-5.0}, Activation.RELU,
                new double[][] {{1}, {1}});
        WorkedLine line = new Worksheet(4, false).line(t, 0, 0);
        assertEquals("z₁ = 1·1 + 2·1 + (−5) = −2", line.sum());
        assertEquals("a₁ = ReLU(−2) = 0", line.result());
        assertEquals(ReluMark.CLAMPED, line.mark());
    }

    @Test
    void linearOutputRepeatsZ() {
        LayerTrace t = single(new double[][] {{1, -1}}, new double[] {0.0}, Activation.LINEAR,
                new double[][] {{1}, {4}});
        WorkedLine line = new Worksheet(4, false).line(t, 0, 0);
        assertEquals("z₁ = 1·1 + (−1)·4 + 0 = −3", line.sum());
        assertEquals("a₁ = z₁ = −3", line.result());
        assertEquals(ReluMark.NONE, line.mark());
    }

    @Test
    void roundedFiguresAreWrittenWithApproximatelyEqual() {
        // σ(0) = 0.5 exactly; σ(1) = 0.7310585786... rounds to 0.7311 at 4 decimals.
        LayerTrace t = single(new double[][] {{1}, {0}}, new double[] {0.0, 0.0}, Activation.SIGMOID,
                new double[][] {{1}});
        Worksheet sheet = new Worksheet(4, false);
        assertEquals("a₁ = σ(1) ≈ 0.7311", sheet.line(t, 0, 0).result());
        assertEquals("a₂ = σ(0) = 0.5", sheet.line(t, 1, 0).result());
    }

    @Test
    void aSumThatIsNotExactlyItsFigureSaysSo() {
        // 0.1·1 + 0.2·1 is 0.30000000000000004 in binary floating point, shown as 0.3.
        LayerTrace t = single(new double[][] {{0.1, 0.2}}, new double[] {0.0}, Activation.LINEAR,
                new double[][] {{1}, {1}});
        assertEquals("z₁ = 0.1·1 + 0.2·1 + 0 ≈ 0.3", new Worksheet(4, false).line(t, 0, 0).sum());
    }

    @Test
    void softmaxWritesEveryExponentOfTheSample() {
        LayerTrace t = single(new double[][] {{1}, {0}}, new double[] {0.0, 0.0}, Activation.SOFTMAX,
                new double[][] {{2}});
        // z = (2, 0); a₁ = e²/(e² + 1) = 0.8807970779..., rounded
        assertEquals("a₁ = exp(2) / (exp(2) + exp(0)) ≈ 0.8808", new Worksheet(4, false).line(t, 0, 0).result());
    }

    @Test
    void unknownInputsAreQuestionMarksAndTheLineStillSaysWhetherItIsExact() {
        // z = 1·(1/3) + (−1)·2 + 0 = −1.6667 (rounded): unknown, 1/3 still makes the line "≈"
        LayerTrace t = single(new double[][] {{1, -1}}, new double[] {0.0}, Activation.RELU,
                new double[][] {{1.0 / 3}, {2}});
        Worksheet sheet = new Worksheet(4, false);
        assertEquals("z₁ = 1·? + (−1)·? + 0 ≈ −1.6667", sheet.line(t, 0, 0, Unknowns.of(true, false)).sum());
        assertEquals("z₁ = 1·0.3333 + (−1)·2 + 0 ≈ −1.6667", sheet.line(t, 0, 0, Unknowns.NONE).sum());
        Unknowns second = new Unknowns() {
            @Override
            public boolean input(int row) {
                return row == 1;
            }

            @Override
            public boolean z(int unit) {
                return false;
            }
        };
        assertEquals("z₁ = 1·0.3333 + (−1)·? + 0 ≈ −1.6667", sheet.line(t, 0, 0, second).sum());
        assertEquals("a₁ = ReLU(−1.6667) ≈ 0", sheet.line(t, 0, 0, Unknowns.of(true, true)).result(),
                "the line's own z is never unknown");
    }

    @Test
    void anElidedSumWritesOnlyItsShownUnknownsAsQuestionMarks() {
        double[][] w = new double[1][12];
        double[][] x = new double[12][1];
        for (int k = 0; k < 12; k++) {
            w[0][k] = 1;
            x[k][0] = k + 1;
        }
        LayerTrace t = single(w, new double[] {0.0}, Activation.LINEAR, x);
        // 1 + 2 + ... + 12 = 78
        assertEquals("z₁ = 1·? + 1·? + 1·? + ⋯ + 1·? + 1·? + 1·? + 0 = 78",
                new Worksheet(4, false).line(t, 0, 0, Unknowns.of(true, false)).sum());
    }

    @Test
    void aSoftmaxLineWritesTheOtherUnitsUnknownZAsQuestionMarks() {
        LayerTrace t = single(new double[][] {{1}, {0}}, new double[] {0.0, 0.0}, Activation.SOFTMAX,
                new double[][] {{2}});
        Worksheet sheet = new Worksheet(4, false);
        assertEquals("a₁ = exp(2) / (exp(2) + exp(?)) ≈ 0.8808", sheet.line(t, 0, 0, Unknowns.of(false, true)).result());
        assertEquals("a₂ = exp(0) / (exp(?) + exp(0)) ≈ 0.1192", sheet.line(t, 1, 0, Unknowns.of(false, true)).result());
    }

    @Test
    void everyUnitOfEverySampleIsWrittenSampleBySample() {
        LayerTrace t = single(new double[][] {{1, 0}, {0, 1}}, new double[] {0.0, 0.0}, Activation.RELU,
                new double[][] {{1, 3}, {2, 4}});
        List<WorkedLine> lines = new Worksheet(4, false).lines(t);
        assertEquals(4, lines.size());
        assertEquals(List.of(0, 1, 0, 1), lines.stream().map(WorkedLine::unit).toList());
        assertEquals(List.of(0, 0, 1, 1), lines.stream().map(WorkedLine::sample).toList());
        assertEquals("z₂ = 0·3 + 1·4 + 0 = 4", lines.get(3).sum());
    }

    @Test
    void precisionAppliesToEveryFigureOfTheLine() {
        LayerTrace t = single(new double[][] {{0.125}}, new double[] {0.0}, Activation.LEAKY_RELU,
                new double[][] {{-2}});
        WorkedLine line = new Worksheet(2, false).line(t, 0, 0);
        // 0.125 at two decimals rounds half up to 0.13, so the sum is only approximately its shown factors;
        // z = −0.25; leaky: 0.01·(−0.25) is the double nearest −0.0025 (a quarter of 0.01 is exact), too small
        // for two decimals, so it is shown in scientific form, and "=" because z and a are shown exactly.
        assertEquals("z₁ = 0.13·(−2) + 0 ≈ −0.25", line.sum());
        assertEquals("a₁ = LeakyReLU(−0.25) = −2.5×10⁻³", line.result());
    }
}
