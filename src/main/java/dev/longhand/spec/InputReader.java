package dev.longhand.spec;

import dev.longhand.nn.Drawn;
import dev.longhand.nn.Matrix;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The {@code input} of a block: one sample as a list, a batch as a list of lists (one per
 * sample), or generated numbers. The result is inputs × samples, one column per sample.
 */
final class InputReader {

    static final List<String> RANDOM_KEYS = List.of("random", "units", "samples", "min", "max", "integers", "decimals");

    /** What was read: the matrix, whether it is a batch, and the node for later messages. */
    record Input(Matrix values, boolean batch, Node node) {
        int units() {
            return values.rows();
        }

        int samples() {
            return values.cols();
        }

        /**
         * What the author may have meant when the first layer's weight rows have {@code rowLength}
         * values instead of one per input unit, or "": the other orientation of a batch whose
         * samples outnumber its features ({@code [[1], [2]]} is two samples of one value; a row
         * of two weights wanted one sample of two), or a decimal comma that split a number in two.
         */
        String shapeAdvice(int rowLength) {
            if (batch && Reading.isList(node) && samples() > units() && rowLength == samples()) {
                return "; it is read as " + count(samples(), "sample") + " of " + count(units(), "value")
                        + " (one list per sample)" + transposed();
            }
            if (rowLength == units() - 1) {
                List<Node> lists = batch ? Reading.items(node) : List.of(node);
                for (Node list : lists) {
                    String hint = Reading.decimalCommaHint(list, " in the input");
                    if (!hint.isEmpty()) {
                        return hint;
                    }
                }
            }
            return "";
        }

        /** "; for 1 sample of 2 values write input: [1, 2]", cut to advice without numbers when long. */
        private String transposed() {
            List<Node> samples = Reading.items(node);
            List<String> lists = new java.util.ArrayList<>();
            for (int u = 0; u < units(); u++) {
                List<String> values = new java.util.ArrayList<>();
                for (Node sample : samples) {
                    values.add(Reading.shown(((org.snakeyaml.engine.v2.nodes.ScalarNode) Reading.items(sample).get(u))
                            .getValue()));
                }
                lists.add("[" + String.join(", ", values) + "]");
            }
            String what = units() == 1 ? "1 sample of " + count(samples(), "value")
                    : count(units(), "sample") + " of " + count(samples(), "value");
            String written = units() == 1 ? lists.get(0) : "[" + String.join(", ", lists) + "]";
            if (written.length() > 60) {
                return "; for " + what + ", write one list per sample, each with one value per input unit";
            }
            return "; for " + what + " write input: " + written;
        }
    }

    private final Reading reading;

    InputReader(Reading reading) {
        this.reading = reading;
    }

    Optional<Input> read(Node node) {
        if (Reading.isMapping(node)) {
            return generated(node);
        }
        Optional<List<Node>> items = reading.list(node, "input");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            reading.error(node, "input is empty; give one number per input unit, e.g. [2, 1, 3]");
            return Optional.empty();
        }
        if (Reading.isList(items.get().get(0))) {
            return batch(node, items.get());
        }
        return reading.numbers(node, "input")
                .map(values -> new Input(Matrix.column(values), false, node));
    }

    private Optional<Input> batch(Node node, List<Node> samples) {
        if (samples.size() > SpecLimits.MAX_SAMPLES) {
            reading.error(node, "input has " + samples.size() + " samples; the limit is " + SpecLimits.MAX_SAMPLES);
            return Optional.empty();
        }
        double[][] columns = new double[samples.size()][];
        boolean ok = true;
        for (int s = 0; s < samples.size(); s++) {
            Optional<double[]> values = reading.numbers(samples.get(s), "input sample " + (s + 1));
            if (values.isEmpty()) {
                ok = false;
                continue;
            }
            columns[s] = values.get();
            if (columns[s].length == 0) {
                reading.error(samples.get(s), "input sample " + (s + 1) + " is empty");
                ok = false;
            } else if (s > 0 && columns[0] != null && columns[s].length != columns[0].length) {
                reading.error(samples.get(s), "input sample " + (s + 1) + " has " + count(columns[s].length, "value")
                        + "; sample 1 has " + columns[0].length
                        + (columns[s].length == columns[0].length + 1 ? Reading.decimalCommaHint(samples.get(s)) : ""));
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new Input(Matrix.of(columns).transpose(), true, node));
    }

    private Optional<Input> generated(Node node) {
        Optional<Fields> maybe = reading.mapping(node, "generated input", RANDOM_KEYS);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = maybe.get();
        if (!fields.has("random") || !fields.has("units")) {
            reading.error(node, "generated input needs 'random' (a seed) and 'units', e.g. {random: 7, units: 784, samples: 4}");
            return Optional.empty();
        }
        Optional<Long> seed = reading.seed(fields.get("random").get(), "random");
        var units = reading.wholeNumber(fields.get("units").get(), "units", 1, SpecLimits.MAX_UNITS);
        var samples = fields.get("samples")
                .map(n -> reading.wholeNumber(n, "samples", 1, SpecLimits.MAX_SAMPLES))
                .orElse(java.util.OptionalInt.of(1));
        Optional<Range> range = Range.read(reading, fields, 0, 1);
        if (seed.isEmpty() || units.isEmpty() || samples.isEmpty() || range.isEmpty()) {
            return Optional.empty();
        }
        // Drawn sample by sample, the way an author lists samples by hand; held as units × samples.
        Drawn how = range.get().drawn(seed.get(), samples.getAsInt(), units.getAsInt(), true);
        Matrix values = reading.drawn(how.matrix(), how);
        return Optional.of(new Input(values, fields.has("samples"), node));
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
