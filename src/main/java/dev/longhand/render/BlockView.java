package dev.longhand.render;

import java.util.List;

/**
 * What the {@code mlp} template draws for one block.
 *
 * @param id        unique in the page
 * @param caption   the author's caption, or empty
 * @param shape     the network at a glance: "3 → 5 ReLU → ... → 1 linear"
 * @param samples   "1 sample" or "a batch of 2 samples"
 * @param diagram   the network as an inline SVG (raw markup, every author string escaped)
 * @param precision decimals shown, for the page's script
 * @param augmented whether biases are drawn as the last column of W
 * @param layers    every layer's section, drawn by its kind
 * @param training  the loss, backward pass and updates, or null when the block does not train
 * @param trace     the trace JSON, already safe inside a script element
 * @param relu      whether any layer uses ReLU (then the legend is shown)
 * @param answers   on a worksheet, the link to its answer key; empty for any other block
 * @param drawSeed  on a worksheet with "New numbers", the seed of its draws as 16 hex digits
 *                  (for the page's script); empty otherwise
 * @param keyOfDraw on an answer key, whether the worksheet can draw new numbers (the key then
 *                  says it holds the answers for the lesson's own numbers only)
 * @param hiddenUntil on a worksheet, which values wait for which blanks ({@link Hiding#hiddenUntil()}),
 *                  for the page's script; empty otherwise
 */
public record BlockView(
        String id,
        String caption,
        String shape,
        String samples,
        String diagram,
        int precision,
        boolean augmented,
        List<SectionView> layers,
        TrainingView training,
        String trace,
        boolean relu,
        String answers,
        String drawSeed,
        boolean keyOfDraw,
        String hiddenUntil,
        List<ExportLinkView> exports) {

    public BlockView {
        layers = List.copyOf(layers);
        exports = List.copyOf(exports);
    }

    /** Whether the block has download links ("Take it with you"). */
    public boolean hasExports() {
        return !exports.isEmpty();
    }

    /** Whether the block is a worksheet with answer boxes. */
    public boolean practice() {
        return !answers.isEmpty();
    }

    /** Whether the worksheet has the "New numbers" button. */
    public boolean newNumbers() {
        return !drawSeed.isEmpty();
    }

    public boolean hasHiddenUntil() {
        return !hiddenUntil.isEmpty();
    }

    public boolean hasCaption() {
        return !caption.isEmpty();
    }
}
