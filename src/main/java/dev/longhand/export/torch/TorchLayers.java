package dev.longhand.export.torch;

import dev.longhand.export.KindExports;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The {@link TorchLayer} of every kind beyond dense layers, by type. */
public final class TorchLayers {

    /** No kinds: blocks of dense layers only. */
    public static final TorchLayers NONE = new TorchLayers(type -> Optional.empty());

    private final Function<String, Optional<TorchLayer>> byType;

    private TorchLayers(Function<String, Optional<TorchLayer>> byType) {
        this.byType = byType;
    }

    /** These writers, one per type. */
    public static TorchLayers of(List<TorchLayer> layers) {
        Map<String, TorchLayer> byType = new LinkedHashMap<>();
        for (TorchLayer layer : layers) {
            if (byType.put(layer.type(), layer) != null) {
                throw new IllegalArgumentException("two PyTorch writers for type " + layer.type());
            }
        }
        Map<String, TorchLayer> copy = Map.copyOf(byType);
        return new TorchLayers(type -> Optional.ofNullable(copy.get(type)));
    }

    /** The writers the kinds give as their part of the formats ({@code LayerKind.exports()}). */
    public static TorchLayers of(KindExports kinds) {
        return new TorchLayers(type -> kinds.find(type, TorchLayer.class));
    }

    /** The writer of {@code type}, if a kind gave one. */
    public Optional<TorchLayer> get(String type) {
        return byType.apply(type);
    }
}
