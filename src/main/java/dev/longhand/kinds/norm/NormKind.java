package dev.longhand.kinds.norm;

import dev.longhand.kinds.LayerKind;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageGradients;
import dev.longhand.nn.StageTrace;
import dev.longhand.render.GradientContext;
import dev.longhand.render.GradientGroupView;
import dev.longhand.render.JsonWriter;
import dev.longhand.render.SheetContext;
import dev.longhand.spec.Dim;
import dev.longhand.spec.KindResult;
import dev.longhand.spec.LayerFields;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code type: batch_norm} and {@code type: layer_norm}, one unit for both (one instance per
 * {@link NormAxis}): {@code gamma} and {@code beta} (one per feature, the input's rows; default 1
 * and 0), {@code epsilon} (default 1e-5, at least 0), {@code variance} ({@code biased} or
 * {@code unbiased}) and {@code epsilon_added_to} ({@code variance} or {@code std}). The numbers
 * are {@link Normalization}'s; the worksheet is {@link NormSheet}'s.
 */
public final class NormKind implements LayerKind {

    private final NormAxis axis;

    public NormKind(NormAxis axis) {
        this.axis = axis;
    }

    @Override
    public String type() {
        return axis.type();
    }

    @Override
    public List<String> keys() {
        return List.of("gamma", "beta", "epsilon", "variance", "epsilon_added_to");
    }

    @Override
    public KindResult read(LayerFields fields) {
        Optional<String> variance = fields.choice("variance", VarianceMode.keys());
        Optional<String> placement = fields.choice("epsilon_added_to", EpsilonPlacement.keys());
        OptionalDouble epsilon = fields.number("epsilon", 0, Double.MAX_VALUE, "a number ≥ 0");
        if (fields.inputRows().isEmpty()) {
            return KindResult.failed();
        }
        int rows = fields.inputRows().getAsInt();
        Dim features = Dim.of(rows, "it takes one per feature, and " + (fields.previous().equals("the input")
                ? "the input has " + count(rows, "feature") : fields.previous() + " gives " + count(rows, "row")));
        Optional<Matrix> gamma = fields.has("gamma") ? fields.vector("gamma", "gamma", features)
                : Optional.of(Matrix.filled(rows, 1, 1.0));
        Optional<Matrix> beta = fields.has("beta") ? fields.vector("beta", "beta", features)
                : Optional.of(Matrix.filled(rows, 1, 0.0));
        VarianceMode mode = variance.flatMap(VarianceMode::byKey).orElse(VarianceMode.BIASED);
        if (mode == VarianceMode.UNBIASED) {
            unbiasedNeedsTwo(fields, rows);
        }
        boolean ok = (!fields.has("variance") || variance.isPresent())
                && (!fields.has("epsilon_added_to") || placement.isPresent())
                && (!fields.has("epsilon") || epsilon.isPresent()) && gamma.isPresent() && beta.isPresent();
        if (!ok) {
            return KindResult.failed(fields.inputRows());
        }
        NormSettings settings = new NormSettings(epsilon.orElse(NormSettings.DEFAULT_EPSILON), mode,
                placement.flatMap(EpsilonPlacement::byKey).orElse(EpsilonPlacement.VARIANCE));
        return KindResult.of(new Normalization(axis, fields.name(), gamma.get(), beta.get(), settings), rows);
    }

    /** n − 1 must not be 0: batch norm needs two samples, layer norm two features. */
    private void unbiasedNeedsTwo(LayerFields fields, int rows) {
        int n = axis == NormAxis.BATCH ? fields.samples() : rows;
        if (n < 0 || n >= 2) {
            return;
        }
        String why = axis == NormAxis.BATCH
                ? "each feature has 1 value (the block has 1 sample); give at least 2 samples"
                : "each column has 1 value (" + fields.previous() + " gives 1 row); give it at least 2 features";
        fields.error("variance", fields.what() + " has variance: unbiased, which divides by n − 1, but " + why
                + ", or write variance: biased");
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * gamma, beta (flat lists), epsilon, variance_mode ("biased" or "unbiased": the layer's
     * {@code variance} key, renamed because the trace's {@code variance} holds the numbers),
     * epsilon_added_to, mean and variance (flat, one per group), normalized, a.
     */
    @Override
    public void traceFields(StageTrace trace, JsonWriter json) {
        NormTrace t = (NormTrace) trace;
        Normalization layer = t.stage();
        json.name("gamma").givenFlat(layer.gamma());
        json.name("beta").givenFlat(layer.beta());
        json.name("epsilon").value(layer.settings().epsilon());
        json.name("variance_mode").value(layer.settings().variance().key());
        json.name("epsilon_added_to").value(layer.settings().epsilonAddedTo().key());
        json.name("mean").flat(t.mean());
        json.name("variance").flat(t.variance());
        json.name("normalized").value(t.normalized());
        json.name("a").value(t.a());
    }

    /** "batch norm", "layer norm". */
    @Override
    public String label(Stage stage) {
        return axis == NormAxis.BATCH ? "batch norm" : "layer norm";
    }

    /** Square roots only, which the engine rounds as Java does: no exact-math script. */
    @Override
    public List<String> scripts(Stage stage) {
        return List.of("longhand-norm.js");
    }

    @Override
    public String section(SheetContext context) {
        return NormSheet.section(context, label(context.trace().stage()));
    }

    /** The backward pass written out: {@link NormGradientSheet}. */
    @Override
    public List<GradientGroupView> gradientLines(StageTrace trace, StageGradients gradients, GradientContext context) {
        return NormGradientSheet.lines((NormTrace) trace, (NormGradients) gradients, context);
    }

    @Override
    public List<Object> exports() {
        return List.of(new NormNumpy(axis), new NormTorch(axis), new NormWorkbook());
    }
}
