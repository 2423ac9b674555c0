package dev.longhand.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import dev.longhand.nn.Activation;
import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.NestedTrace;
import dev.longhand.nn.StageTrace;
import dev.longhand.render.KindSheets;
import dev.longhand.nn.Loss;
import dev.longhand.diag.Position;
import dev.longhand.render.Block;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.UUID;

/**
 * The blocks of one document, computed in the first pass and looked up by the renderer.
 * Kept with the document (Flexmark's data holder) so the shared renderer holds no state.
 *
 * <p>The renderer writes a placeholder comment for each block and keeps its HTML here, so
 * that the prose can be cleaned ({@link ProseHtml}) without touching the blocks, which are
 * put in afterwards. The placeholder holds a random key, so no author text can pose as one.
 */
final class ComputedBlocks {

    static final DataKey<ComputedBlocks> KEY = new DataKey<>("LONGHAND_COMPUTED_BLOCKS", new ComputedBlocks(null));

    private final Map<Node, Block> byNode = new IdentityHashMap<>();
    private final List<Block> inOrder = new ArrayList<>();
    private final Map<Node, Position> openings = new IdentityHashMap<>();
    private final Map<String, Node> placeholders = new LinkedHashMap<>();
    private final Map<String, String> rendered = new LinkedHashMap<>();
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final String key = UUID.randomUUID().toString();
    private final BlockCache cache;
    private final Map<Node, BlockCache.Key> cacheKeys = new IdentityHashMap<>();
    private final Map<Node, BlockCache.Result> fromCache = new IdentityHashMap<>();

    /** @param cache where blocks computed before are found and new ones kept; null for none */
    ComputedBlocks(BlockCache cache) {
        this.cache = cache;
    }

    void put(Node node, Block block, Position opening) {
        byNode.put(node, block);
        inOrder.add(block);
        openings.put(node, opening);
    }

    /** The cached result of the block with this key, put in as if computed, if the cache has it. */
    boolean putFromCache(Node node, BlockCache.Key cacheKey, Position opening) {
        if (cache == null) {
            return false;
        }
        cacheKeys.put(node, cacheKey);
        Optional<BlockCache.Result> result = cache.get(cacheKey);
        result.ifPresent(r -> {
            put(node, r.block(), opening);
            fromCache.put(node, r);
        });
        return result.isPresent();
    }

    /** The block's HTML and answer key from the cache, when it was not computed this time. */
    Optional<BlockCache.Result> cached(Node node) {
        return Optional.ofNullable(fromCache.get(node));
    }

    /** Keeps a freshly rendered block for the next build. */
    void rendered(Node node, String html, String answerHtml) {
        BlockCache.Key cacheKey = cacheKeys.get(node);
        if (cache != null && cacheKey != null) {
            cache.put(cacheKey, new BlockCache.Result(byNode.get(node), html, answerHtml));
        }
    }

    Optional<Block> get(Node node) {
        return Optional.ofNullable(byNode.get(node));
    }

    /** The blocks in the order of the page. */
    List<Block> inOrder() {
        return List.copyOf(inOrder);
    }

    int size() {
        return byNode.size();
    }

    boolean anyTrains() {
        return byNode.values().stream().anyMatch(b -> b.trained().isPresent());
    }

    /** Whether any block's numbers go through exp, log, tanh or erf: sigmoid, tanh, GELU, softmax or cross-entropy. */
    boolean anyExactMath() {
        return byNode.values().stream().anyMatch(b -> b.training().map(t -> t.loss() == Loss.CROSS_ENTROPY).orElse(false))
                || scripts().contains(EXACT_MATH);
    }

    /** The page script with exp, log, tanh and erf as the build computes them. */
    static final String EXACT_MATH = "longhand-math.js";

    /**
     * The scripts of the layer kinds the blocks use beyond dense layers, by name: each only
     * registers its kind, so their order does not matter, but it must not change between builds
     * (the blocks are kept by identity, in no fixed order).
     */
    List<String> kindScripts() {
        return scripts().stream().filter(s -> !s.equals(EXACT_MATH)).sorted().toList();
    }

    private Set<String> scripts() {
        Set<String> scripts = new LinkedHashSet<>();
        byNode.values().forEach(b -> b.forward().stages().forEach(t -> collect(t, b.sheets(), scripts)));
        return scripts;
    }

    private static void collect(StageTrace trace, KindSheets sheets, Set<String> scripts) {
        if (trace instanceof LayerTrace dense) {
            Activation f = dense.layer().activation();
            if (f == Activation.SIGMOID || f == Activation.TANH || f == Activation.GELU || f == Activation.SOFTMAX) {
                scripts.add(EXACT_MATH);
            }
        } else {
            scripts.addAll(sheets.get(trace.stage().type()).scripts(trace.stage()));
        }
        if (trace instanceof NestedTrace nested) {
            nested.inner().forEach(t -> collect(t, sheets, scripts));
        }
    }

    boolean anyPractice() {
        return byNode.values().stream().anyMatch(Block::practice);
    }

    /** Keeps a block's HTML and returns the comment that stands for it in the prose. */
    String placeholder(Node node, String html) {
        return placeholder(node, html, "");
    }

    /**
     * Keeps a block's HTML, and for a worksheet the HTML of its answer key, and returns the
     * comment that stands for it in the prose.
     */
    String placeholder(Node node, String html, String answerHtml) {
        String placeholder = "<!--longhand-block " + key + " " + placeholders.size() + "-->";
        placeholders.put(placeholder, node);
        // The renderer ends the placeholder's line, as it would have ended the block's last one.
        rendered.put(placeholder, html.endsWith("\n") ? html.substring(0, html.length() - 1) : html);
        if (!answerHtml.isEmpty()) {
            answers.put(placeholder, answerHtml);
        }
        return placeholder;
    }

    /** The answer keys of the worksheets, in the order of the page. */
    List<String> answerKeys() {
        return List.copyOf(answers.values());
    }

    /**
     * The prose with every block's HTML in place of its placeholder.
     *
     * @param lost receives the opening fence of each block whose placeholder the prose's own
     *             HTML swallowed (a {@code <textarea>} that is never closed turns it into text)
     */
    String fillIn(String prose, List<Position> lost) {
        int size = prose.length();
        for (String html : rendered.values()) {
            size += html.length();
        }
        StringBuilder out = new StringBuilder(size);
        int from = 0;
        List<String> missing = new ArrayList<>(placeholders.keySet());
        int at = prose.indexOf("<!--longhand-block " + key + " ");
        while (at >= 0) {
            int end = prose.indexOf("-->", at) + 3;
            String placeholder = prose.substring(at, end);
            out.append(prose, from, at).append(rendered.getOrDefault(placeholder, ""));
            missing.remove(placeholder);
            from = end;
            at = prose.indexOf("<!--longhand-block " + key + " ", from);
        }
        out.append(prose, from, prose.length());
        missing.forEach(p -> lost.add(openings.get(placeholders.get(p))));
        return out.toString();
    }
}
