package dev.longhand.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataKey;
import dev.longhand.export.Exports;
import dev.longhand.render.Block;
import dev.longhand.render.BlockViews;
import dev.longhand.render.ExportLinkView;
import dev.longhand.render.Templates;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a computed {@code mlp} fence with the theme's {@code mlp} template and hands every
 * other fence back to Flexmark. It only looks results up: all computing happened before.
 */
final class MlpBlockRenderer implements NodeRenderer {

    static final String TEMPLATE = "mlp";
    /** The answer key's page, relative to the lesson's page, for the worksheets' links. */
    static final DataKey<String> ANSWERS_PAGE = new DataKey<>("LONGHAND_ANSWERS_PAGE", "");
    /** The lesson's page ("attention-by-hand.html"), which names the blocks' downloads beside it. */
    static final DataKey<String> PAGE = new DataKey<>("LONGHAND_PAGE", "");

    private final Templates templates;

    MlpBlockRenderer(Templates templates) {
        this.templates = templates;
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, this::render));
    }

    private void render(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
        ComputedBlocks blocks = ComputedBlocks.KEY.get(context.getDocument());
        var block = blocks.get(node);
        if (block.isEmpty()) {
            context.delegateRender();
            return;
        }
        html.line();
        Optional<BlockCache.Result> cached = blocks.cached(node);
        String shown;
        String answers;
        if (cached.isPresent()) {
            shown = cached.get().html();
            answers = cached.get().answerHtml();
        } else {
            Block b = block.get();
            List<ExportLinkView> exports = Exports.links(PAGE.get(context.getDocument()), b.id());
            answers = b.practice() ? templates.render(TEMPLATE, BlockViews.answerKey(b, exports, templates::render)) : "";
            shown = templates.render(TEMPLATE, BlockViews.of(b, ANSWERS_PAGE.get(context.getDocument()), exports,
                    templates::render));
            blocks.rendered(node, shown, answers);
        }
        html.raw(blocks.placeholder(node, shown, answers));
        html.line();
    }
}
