package dev.longhand.export;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each layer kind's part of the formats, by the kind's {@code type}: a format asks for the part it
 * defines ({@code NumpyKind.class}) and gets the kind's object of that type. The kinds live in
 * {@code dev.longhand.kinds}, which depends on this package, so they are handed in, not looked up.
 */
public interface KindExports {

    /** The part of {@code format} that the kind {@code type} gives, if it gives one. */
    <T> Optional<T> find(String type, Class<T> format);

    /** The part, or an error naming the kind that lacks it (a programmer's error: every kind must give every format's part). */
    default <T> T get(String type, Class<T> format) {
        return find(type, format).orElseThrow(() -> new IllegalStateException(
                "layer type " + type + " has no " + format.getSimpleName()));
    }

    /** No kinds beyond dense layers. */
    KindExports NONE = new KindExports() {
        @Override
        public <T> Optional<T> find(String type, Class<T> format) {
            return Optional.empty();
        }
    };

    /** @param parts each kind's parts, by {@code type} */
    static KindExports of(Map<String, List<Object>> parts) {
        Map<String, List<Object>> copy = Map.copyOf(parts);
        return new KindExports() {
            @Override
            public <T> Optional<T> find(String type, Class<T> format) {
                return copy.getOrDefault(type, List.of()).stream().filter(format::isInstance).map(format::cast).findFirst();
            }
        };
    }
}
