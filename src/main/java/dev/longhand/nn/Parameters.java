package dev.longhand.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BinaryOperator;

/**
 * The trainable numbers of a stage, each a matrix under its path in the trace, relative to the
 * layer: {@code weights}, {@code bias}, {@code heads.0.query}, {@code layers.1.gamma}. Order is
 * the stage's own, fixed, so that traces and updates are reproducible. A vector (a bias, γ, β)
 * is an n × 1 matrix marked {@code vector}, written in the trace as a flat list.
 */
public final class Parameters {

    /** One parameter. */
    public record Entry(String path, Matrix value, boolean vector) {
        public Entry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
            if (vector && value.cols() != 1) {
                throw new IllegalArgumentException(path + ": a vector is one column, not " + value.shape());
            }
        }
    }

    public static final Parameters NONE = new Parameters(List.of());

    private final List<Entry> entries;
    private final Map<String, Entry> byPath;

    private Parameters(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry e : this.entries) {
            if (map.put(e.path(), e) != null) {
                throw new IllegalArgumentException("two parameters at " + e.path());
            }
        }
        this.byPath = Collections.unmodifiableMap(map);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects entries in order. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        public Builder matrix(String path, Matrix value) {
            entries.add(new Entry(path, value, false));
            return this;
        }

        public Builder vector(String path, Matrix value) {
            entries.add(new Entry(path, value, true));
            return this;
        }

        /** Every entry of {@code inner} under {@code prefix + "."}: a residual's inner layers. */
        public Builder nested(String prefix, Parameters inner) {
            for (Entry e : inner.entries) {
                entries.add(new Entry(prefix + "." + e.path(), e.value(), e.vector()));
            }
            return this;
        }

        public Parameters build() {
            return entries.isEmpty() ? NONE : new Parameters(entries);
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Matrix get(String path) {
        Entry e = byPath.get(path);
        if (e == null) {
            throw new IllegalArgumentException("no parameter " + path + " among " + byPath.keySet());
        }
        return e.value();
    }

    public Optional<Matrix> find(String path) {
        return Optional.ofNullable(byPath.get(path)).map(Entry::value);
    }

    /** The entries under {@code prefix + "."}, with the prefix taken off: one inner layer's. */
    public Parameters under(String prefix) {
        String start = prefix + ".";
        Builder b = builder();
        for (Entry e : entries) {
            if (e.path().startsWith(start)) {
                b.entries.add(new Entry(e.path().substring(start.length()), e.value(), e.vector()));
            }
        }
        return b.build();
    }

    /**
     * A gradient-descent step: each entry {@code p − (learningRate · g)}, elementwise, as dense
     * layers have always been updated.
     */
    public Parameters step(Parameters gradients, double learningRate) {
        return zip(gradients, (p, g) -> p.minus(g.times(learningRate)));
    }

    private Parameters zip(Parameters other, BinaryOperator<Matrix> f) {
        if (other.entries.size() != entries.size()) {
            throw new IllegalArgumentException("parameters " + byPath.keySet() + " and " + other.byPath.keySet());
        }
        List<Entry> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            Matrix g = other.get(e.path());
            if (!g.sameShape(e.value())) {
                throw new IllegalArgumentException(e.path() + " is " + e.value().shape() + ", its gradient " + g.shape());
            }
            out.add(new Entry(e.path(), f.apply(e.value(), g), e.vector()));
        }
        return new Parameters(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && p.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return byPath.keySet().toString();
    }
}
