package dev.longhand.export.torch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link TorchLayer} of every kind beyond dense layers, by type. */
public final class TorchLayers {

    /** No kinds: blocks of dense layers only. */
    public static final TorchLayers NONE = new TorchLayers(Map.of());

    private final Map<String, TorchLayer> byType;

    private TorchLayers(Map<String, TorchLayer> byType) {
        this.byType = byType;
    }

    public static TorchLayers of(List<TorchLayer> layers) {
        Map<String, TorchLayer> byType = new LinkedHashMap<>();
        for (TorchLayer layer : layers) {
            if (byType.put(layer.type(), layer) != null) {
                throw new IllegalArgumentException("two PyTorch writers for type " + layer.type());
            }
        }
        return new TorchLayers(Map.copyOf(byType));
    }

    /** The writer of {@code type}, if a kind gave one. */
    public Optional<TorchLayer> get(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
