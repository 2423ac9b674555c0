package dev.longhand.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import dev.longhand.nn.Activation;
import dev.longhand.nn.Loss;
import dev.longhand.render.Block;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The blocks of one document, computed in the first pass and looked up by the renderer.
 * Kept with the document (Flexmark's data holder) so the shared renderer holds no state.
 */
final class ComputedBlocks {

    static final DataKey<ComputedBlocks> KEY = new DataKey<>("LONGHAND_COMPUTED_BLOCKS", new ComputedBlocks());

    private final Map<Node, Block> byNode = new IdentityHashMap<>();

    void put(Node node, Block block) {
        byNode.put(node, block);
    }

    Optional<Block> get(Node node) {
        return Optional.ofNullable(byNode.get(node));
    }

    int size() {
        return byNode.size();
    }

    boolean anyTrains() {
        return byNode.values().stream().anyMatch(b -> b.trained().isPresent());
    }

    /** Whether any block's numbers go through exp or log: sigmoid, softmax or cross-entropy. */
    boolean anyExactMath() {
        return byNode.values().stream().anyMatch(b -> b.forward().layers().stream()
                .anyMatch(l -> l.layer().activation() == Activation.SIGMOID
                        || l.layer().activation() == Activation.SOFTMAX)
                || b.training().map(t -> t.loss() == Loss.CROSS_ENTROPY).orElse(false));
    }
}
