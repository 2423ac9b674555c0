package dev.longhand.kinds.norm;

import static dev.longhand.kinds.CentralDifferences.assertClose;
import static dev.longhand.kinds.CentralDifferences.gradient;
import static dev.longhand.kinds.CentralDifferences.uniform;
import static dev.longhand.kinds.CentralDifferences.weightedSum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.nn.Matrix;
import dev.longhand.nn.Parameters;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NormalizationTest {

    private static Matrix m(double[]... rows) {
        return Matrix.of(rows);
    }

    private static double[] row(double... values) {
        return values;
    }

    private static NormSettings settings(double epsilon, VarianceMode variance, EpsilonPlacement placement) {
        return new NormSettings(epsilon, variance, placement);
    }

    @Test
    void layerNormOfOneTwoThreeWithPyTorchsDefaults() {
        // mean (1 + 2 + 3) / 3 = 2; biased variance (1 + 0 + 1) / 3 = 2/3;
        // x̂ = (-1, 0, 1) / √(2/3 + 0.00001) = ∓1.2247356859083901... (40 digits by hand with Decimal)
        NormTrace t = Normalization.withDefaultParameters(NormAxis.LAYER, "Norm", 3, NormSettings.DEFAULT)
                .forward(Matrix.column(1, 2, 3));
        assertEquals(Matrix.column(2.0), t.mean());
        assertEquals(2.0 / 3, t.variance().get(0, 0), 1e-16);
        assertEquals(-1.2247356859083901, t.normalized().get(0, 0), 1e-15);
        assertEquals(0.0, t.normalized().get(1, 0));
        assertEquals(1.2247356859083901, t.normalized().get(2, 0), 1e-15);
        assertEquals(t.normalized(), t.a(), "γ = 1, β = 0");
    }

    @Test
    void layerNormUnbiasedWithoutEpsilonGivesWholeNumbers() {
        // the column (1, 2, 3): mean 2, unbiased variance (1 + 0 + 1) / (3 - 1) = 1, x̂ = (-1, 0, 1);
        // γ = (2, 1, 3), β = (1, 0, -1): a = (2·-1 + 1, 1·0 + 0, 3·1 - 1) = (-1, 0, 2)
        Normalization norm = Normalization.layerNorm("Norm", Matrix.column(2, 1, 3), Matrix.column(1, 0, -1),
                settings(0, VarianceMode.UNBIASED, EpsilonPlacement.VARIANCE));
        NormTrace t = norm.forward(Matrix.column(1, 2, 3));
        assertEquals(Matrix.column(1.0), t.variance());
        assertEquals(Matrix.column(-1, 0, 1), t.normalized());
        assertEquals(Matrix.column(-1, 0, 2), t.a());
    }

    @Test
    void layerNormNormalizesEachColumnOnItsOwn() {
        // columns (1, 3) and (10, 30): means 2 and 20, biased variances 1 and 100.
        // ε = 3 under the root: √(1 + 3) = 2 → x̂ = (-0.5, 0.5); √(100 + 3) → ∓10/√103
        Normalization norm = Normalization.withDefaultParameters(NormAxis.LAYER, "Norm", 2,
                settings(3, VarianceMode.BIASED, EpsilonPlacement.VARIANCE));
        NormTrace t = norm.forward(m(row(1, 10), row(3, 30)));
        assertEquals(Matrix.column(2, 20), t.mean());
        assertEquals(Matrix.column(1, 100), t.variance());
        assertEquals(-0.5, t.normalized().get(0, 0));
        assertEquals(0.5, t.normalized().get(1, 0));
        assertEquals(-0.98532927816429, t.normalized().get(0, 1), 1e-14);
    }

    @Test
    void epsilonAddedToTheStandardDeviation() {
        // the column (1, 3): biased variance 1, std 1; ε = 0.5 added to the std: x̂ = ∓1 / 1.5 = ∓2/3
        // and with ε = 0.00001: ∓1 / 1.00001 = ∓0.99999000009999900001 (by hand)
        Normalization half = Normalization.withDefaultParameters(NormAxis.LAYER, "Norm", 2,
                settings(0.5, VarianceMode.BIASED, EpsilonPlacement.STD));
        assertEquals(Matrix.column(-1.0 / 1.5, 1.0 / 1.5), half.forward(Matrix.column(1, 3)).normalized());
        Normalization small = Normalization.withDefaultParameters(NormAxis.LAYER, "Norm", 2,
                settings(1e-5, VarianceMode.BIASED, EpsilonPlacement.STD));
        assertEquals(-0.9999900000999990, small.forward(Matrix.column(1, 3)).normalized().get(0, 0), 1e-15);
        Normalization under = Normalization.withDefaultParameters(NormAxis.LAYER, "Norm", 2, NormSettings.DEFAULT);
        assertEquals(-0.9999950000374997, under.forward(Matrix.column(1, 3)).normalized().get(0, 0), 1e-15,
                "ε under the root: -1 / √1.00001");
    }

    @Test
    void batchNormNormalizesEachRowOverTheSamples() {
        // row 0 (1, 3, 5): mean 3, unbiased variance (4 + 0 + 4) / 2 = 4, std 2;
        // row 1 (0, 3, 6): mean 3, unbiased variance (9 + 0 + 9) / 2 = 9, std 3.
        // ε = 2 added to the std: x̂ row 0 = (-2, 0, 2) / 4, row 1 = (-3, 0, 3) / 5.
        // γ = (1, 10), β = (0, 1): a row 1 = (10·-0.6 + 1, 0 + 1, 10·0.6 + 1) = (-5, 1, 7)
        Normalization norm = Normalization.batchNorm("BN", Matrix.column(1, 10), Matrix.column(0, 1),
                settings(2, VarianceMode.UNBIASED, EpsilonPlacement.STD));
        NormTrace t = norm.forward(m(row(1, 3, 5), row(0, 3, 6)));
        assertEquals("batch_norm", norm.type());
        assertEquals(Matrix.column(3, 3), t.mean());
        assertEquals(Matrix.column(4, 9), t.variance());
        assertEquals(m(row(-0.5, 0, 0.5), row(-0.6, 0, 0.6)), t.normalized());
        assertEquals(m(row(-0.5, 0, 0.5), row(-5, 1, 7)), t.a());
    }

    @Test
    void batchNormBiasedVarianceDividesByTheNumberOfSamples() {
        // the row (1, 3, 5): squares 4 + 0 + 4 = 8, biased variance 8/3; ε = 0 under the root
        NormTrace t = Normalization.withDefaultParameters(NormAxis.BATCH, "BN", 1,
                settings(0, VarianceMode.BIASED, EpsilonPlacement.VARIANCE)).forward(m(row(1, 3, 5)));
        assertEquals(8.0 / 3, t.variance().get(0, 0));
        assertEquals(-2 / Math.sqrt(8.0 / 3), t.normalized().get(0, 0));
    }

    @Test
    void aConstantGroupWithEpsilonOnTheStdNormalizesToZeroAndHasAGradient() {
        // std 0: x̂ = 0 / ε = 0; near such an input the denominator is ε, so dx = (g − mean g) / ε
        Normalization norm = Normalization.withDefaultParameters(NormAxis.LAYER, "Norm", 2,
                settings(0.5, VarianceMode.BIASED, EpsilonPlacement.STD));
        NormTrace t = norm.forward(Matrix.column(4, 4));
        assertEquals(Matrix.column(0, 0), t.normalized());
        NormGradients g = norm.backward(t, Matrix.column(1, 3));
        // g = (1, 3), mean 2: ((1 - 2) / 0.5, (3 - 2) / 0.5) = (-2, 2)
        assertEquals(Matrix.column(-2, 2), g.dInput());
    }

    @Test
    void theInputGradientOfEachGroupAddsUpToZero() {
        // adding a constant to a group changes nothing, so the gradient has no component along it
        Random random = new Random(11);
        for (NormAxis axis : NormAxis.values()) {
            Normalization norm = new Normalization(axis, "N", uniform(random, 3, 1, 0.5, 2), uniform(random, 3, 1, -1, 1),
                    NormSettings.DEFAULT);
            Matrix x = uniform(random, 3, 4, -2, 2);
            Matrix dx = norm.backward(norm.forward(x), uniform(random, 3, 4, -1, 1)).dInput();
            Matrix sums = axis == NormAxis.BATCH ? dx.sumColumns() : dx.transpose().sumColumns();
            for (int g = 0; g < sums.rows(); g++) {
                assertEquals(0.0, sums.get(g, 0), 1e-12, axis + " group " + g);
            }
        }
    }

    @Test
    void gradientsEqualCentralDifferencesInEveryMode() {
        Random random = new Random(20261206);
        for (NormAxis axis : NormAxis.values()) {
            for (VarianceMode variance : VarianceMode.values()) {
                for (EpsilonPlacement placement : EpsilonPlacement.values()) {
                    for (double epsilon : new double[] {1e-5, 0.1, 1}) {
                        for (int trial = 0; trial < 4; trial++) {
                            int rows = 2 + random.nextInt(4);
                            int cols = 2 + random.nextInt(4);
                            String what = axis + " " + variance + " " + placement + " ε=" + epsilon + " " + rows + "×" + cols;
                            Matrix gamma = uniform(random, rows, 1, -2, 2);
                            Matrix beta = uniform(random, rows, 1, -2, 2);
                            NormSettings s = settings(epsilon, variance, placement);
                            Normalization norm = new Normalization(axis, "N", gamma, beta, s);
                            Matrix x = uniform(random, rows, cols, -3, 3);
                            Matrix weights = uniform(random, rows, cols, -1, 1);
                            NormGradients g = norm.backward(norm.forward(x), weights);
                            assertClose(gradient(in -> weightedSum(norm.forward(in).a(), weights), x), g.dInput(),
                                    1e-6, what + " dInput");
                            assertClose(gradient(gm -> weightedSum(new Normalization(axis, "N", gm, beta, s).forward(x).a(),
                                    weights), gamma), g.dGamma(), 1e-6, what + " dγ");
                            assertClose(gradient(bt -> weightedSum(new Normalization(axis, "N", gamma, bt, s).forward(x).a(),
                                    weights), beta), g.dBeta(), 1e-6, what + " dβ");
                        }
                    }
                }
            }
        }
    }

    @Test
    void parametersAreGammaThenBetaAsVectors() {
        Normalization norm = Normalization.layerNorm("N", Matrix.column(1, 2), Matrix.column(3, 4), NormSettings.DEFAULT);
        Parameters p = norm.parameters();
        assertEquals(2, p.entries().size());
        assertEquals("gamma", p.entries().get(0).path());
        assertEquals("beta", p.entries().get(1).path());
        assertTrue(p.entries().get(0).vector() && p.entries().get(1).vector());
        Normalization after = norm.withParameters(p.step(p, 0.5));
        assertEquals(Matrix.column(0.5, 1), after.gamma());
        assertEquals(Matrix.column(1.5, 2), after.beta());
        assertEquals(norm.settings(), after.settings());
        assertEquals(NormAxis.LAYER, after.axis());
        NormGradients g = norm.backward(norm.forward(Matrix.column(1, 5)), Matrix.column(1, 1));
        assertEquals(g.dGamma(), g.gradients().get("gamma"));
        assertEquals(g.dBeta(), g.gradients().get("beta"));
    }

    @Test
    void shapesAreChecked() {
        Normalization norm = Normalization.withDefaultParameters(NormAxis.LAYER, "N", 3, NormSettings.DEFAULT);
        assertEquals(3, norm.inputRows());
        assertEquals(3, norm.outputRows(3));
        assertEquals(-1, norm.outputRows(2));
        IllegalArgumentException wrongRows = assertThrows(IllegalArgumentException.class,
                () -> norm.forward(Matrix.column(1, 2)));
        assertTrue(wrongRows.getMessage().contains("3 values of gamma; the input has 2 rows"), wrongRows.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Normalization.layerNorm("N", Matrix.column(1, 2), Matrix.column(1.0), NormSettings.DEFAULT));
        assertThrows(IllegalArgumentException.class,
                () -> Normalization.layerNorm("N", m(row(1, 2)), m(row(1, 2)), NormSettings.DEFAULT));
        assertThrows(IllegalArgumentException.class,
                () -> new NormSettings(-1e-5, VarianceMode.BIASED, EpsilonPlacement.VARIANCE));
        assertThrows(IllegalArgumentException.class,
                () -> new NormSettings(Double.NaN, VarianceMode.BIASED, EpsilonPlacement.VARIANCE));
    }

    @Test
    void theUnbiasedVarianceNeedsTwoValuesPerGroup() {
        NormSettings unbiased = settings(1e-5, VarianceMode.UNBIASED, EpsilonPlacement.VARIANCE);
        Normalization layer = Normalization.withDefaultParameters(NormAxis.LAYER, "N", 1, unbiased);
        assertEquals(-1, layer.outputRows(1));
        Normalization batch = Normalization.withDefaultParameters(NormAxis.BATCH, "N", 2, unbiased);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> batch.forward(Matrix.column(1, 2)));
        assertTrue(e.getMessage().contains("at least 2 values per row, not 1"), e.getMessage());
        // the biased variance of one sample is 0, as PyTorch's (which then refuses to train on it)
        Normalization biased = Normalization.withDefaultParameters(NormAxis.BATCH, "N", 2, NormSettings.DEFAULT);
        assertEquals(Matrix.column(0, 0), biased.forward(Matrix.column(1, 2)).normalized());
    }

    @Test
    void settingsHaveTheContractsNames() {
        assertEquals("layer_norm", NormAxis.LAYER.type());
        assertEquals("batch_norm", NormAxis.BATCH.type());
        assertEquals(java.util.List.of("biased", "unbiased"), VarianceMode.keys());
        assertEquals(java.util.List.of("variance", "std"), EpsilonPlacement.keys());
        assertEquals(VarianceMode.UNBIASED, VarianceMode.byKey("unbiased").orElseThrow());
        assertEquals(EpsilonPlacement.STD, EpsilonPlacement.byKey("std").orElseThrow());
        assertEquals(new NormSettings(1e-5, VarianceMode.BIASED, EpsilonPlacement.VARIANCE), NormSettings.DEFAULT);
    }
}
