package dev.longhand.spec;

import java.util.List;
import java.util.Optional;

/** The layer kinds a block may use besides dense layers, by {@code type}. */
public interface KindReaders {

    /** The reader of {@code type}, if this build computes it. */
    Optional<KindReader> find(String type);

    /** Every type this build computes, for "did you mean". */
    List<String> types();

    /** Dense layers only: the first lessons' blocks. */
    KindReaders NONE = new KindReaders() {
        @Override
        public Optional<KindReader> find(String type) {
            return Optional.empty();
        }

        @Override
        public List<String> types() {
            return List.of();
        }
    };

    static KindReaders of(List<KindReader> readers) {
        List<KindReader> all = List.copyOf(readers);
        return new KindReaders() {
            @Override
            public Optional<KindReader> find(String type) {
                return all.stream().filter(r -> r.type().equals(type)).findFirst();
            }

            @Override
            public List<String> types() {
                return all.stream().map(KindReader::type).toList();
            }
        };
    }
}
