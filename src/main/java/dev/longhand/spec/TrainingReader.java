package dev.longhand.spec;

import dev.longhand.nn.Activation;
import dev.longhand.nn.Loss;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Training;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.snakeyaml.engine.v2.nodes.Node;

/** The training keys: {@code target}, {@code loss}, {@code learning_rate}, {@code steps}. */
final class TrainingReader {

    static final double DEFAULT_LEARNING_RATE = 0.1;
    static final int DEFAULT_STEPS = 1;

    private final Reading reading;

    TrainingReader(Reading reading) {
        this.reading = reading;
    }

    /**
     * @param samples          samples of the input, -1 when unknown
     * @param outputUnits      units of the last layer, when known
     * @param outputActivation the last layer's activation, when known
     */
    Optional<Training> read(Fields fields, int samples, OptionalInt outputUnits,
                            Optional<Activation> outputActivation) {
        if (!fields.has("target")) {
            for (String key : List.of("loss", "learning_rate", "steps")) {
                fields.get(key).ifPresent(n -> reading.error(n,
                        key + " needs a 'target' to train towards; add target: [...] with one value per output unit"));
            }
            return Optional.empty();
        }
        Optional<Matrix> target = target(fields.get("target").get(), samples, outputUnits);
        Loss loss = fields.get("loss").flatMap(this::loss).orElse(Loss.MSE);
        OptionalDouble rate = fields.get("learning_rate")
                .map(this::learningRate)
                .orElse(OptionalDouble.of(DEFAULT_LEARNING_RATE));
        OptionalInt steps = fields.get("steps")
                .map(n -> reading.wholeNumber(n, "steps", 1, SpecLimits.MAX_STEPS))
                .orElse(OptionalInt.of(DEFAULT_STEPS));
        if (loss == Loss.CROSS_ENTROPY && outputActivation.isPresent()
                && outputActivation.get() != Activation.SOFTMAX) {
            reading.error(fields.get("loss").get(), "loss cross_entropy needs a softmax output layer, but the last layer uses "
                    + outputActivation.get().key() + "; add activation: softmax to it");
            return Optional.empty();
        }
        if (target.isEmpty() || rate.isEmpty() || steps.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Training(target.get(), loss, rate.getAsDouble(), steps.getAsInt()));
    }

    private Optional<Matrix> target(Node node, int samples, OptionalInt outputUnits) {
        Optional<List<Node>> items = reading.list(node, "target");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            reading.error(node, "target is empty; give one value per output unit");
            return Optional.empty();
        }
        boolean perSample = Reading.isList(items.get().get(0));
        if (!perSample) {
            Optional<double[]> values = reading.numbers(node, "target");
            if (values.isEmpty()) {
                return Optional.empty();
            }
            if (samples > 1) {
                reading.error(node, "target has one list of values, but the input has " + samples
                        + " samples; give one target list per sample");
                return Optional.empty();
            }
            if (!sameUnits(node, values.get().length, outputUnits, "target")) {
                return Optional.empty();
            }
            return Optional.of(Matrix.column(values.get()));
        }
        Optional<List<double[]>> rows = reading.rows(node, "target", "sample");
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (samples >= 0 && rows.get().size() != samples) {
            reading.error(node, "target has " + InputReader.count(rows.get().size(), "sample")
                    + "; the input has " + InputReader.count(samples, "sample"));
            return Optional.empty();
        }
        boolean ok = true;
        for (int s = 0; s < rows.get().size(); s++) {
            ok &= sameUnits(Reading.items(node).get(s), rows.get().get(s).length, outputUnits, "target sample " + (s + 1));
        }
        return ok ? Optional.of(Matrix.of(rows.get().toArray(new double[0][])).transpose()) : Optional.empty();
    }

    private boolean sameUnits(Node node, int length, OptionalInt outputUnits, String what) {
        if (outputUnits.isPresent() && length != outputUnits.getAsInt()) {
            reading.error(node, what + " has " + InputReader.count(length, "value") + "; the output layer has "
                    + InputReader.count(outputUnits.getAsInt(), "unit")
                    + (length == outputUnits.getAsInt() + 1 ? Reading.decimalCommaHint(node) : ""));
            return false;
        }
        return length > 0;
    }

    private Optional<Loss> loss(Node node) {
        Optional<String> key = reading.text(node, "loss");
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<Loss> loss = Loss.byKey(key.get());
        if (loss.isEmpty()) {
            reading.error(node, "unknown loss '" + Reading.shown(key.get()) + "'"
                    + NearestName.hintOrList(key.get(), Loss.keys(), "the losses are"));
        }
        return loss;
    }

    private OptionalDouble learningRate(Node node) {
        OptionalDouble rate = reading.number(node, "learning_rate");
        if (rate.isPresent() && rate.getAsDouble() <= 0) {
            reading.error(node, "learning_rate should be a positive number, but it is "
                    + Reading.shown(((org.snakeyaml.engine.v2.nodes.ScalarNode) node).getValue()));
            return OptionalDouble.empty();
        }
        return rate;
    }
}
