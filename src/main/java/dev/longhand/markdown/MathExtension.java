package dev.longhand.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Set;

/**
 * Math in prose: {@code $…$} inline and {@code $$…$$} display, in TeX. The page gets the TeX
 * itself, escaped, in an element of class {@code math} ({@code math-inline} in a
 * {@code <span>}, {@code math-display} in a {@code <div>}, or a {@code <span>} where display
 * math sits inside a paragraph); KaTeX typesets it in the browser. Until then, or without
 * JavaScript, the reader sees the TeX as written.
 *
 * <p>Typesetting at build time was measured and left out: Java 17 has no JavaScript engine,
 * standalone Nashorn cannot read KaTeX's ES2015+ script, and GraalJS on a stock JDK added
 * 90 MB of jars and 4.3 s of start-up to a build (about 11 ms a formula, interpreted).
 */
final class MathExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private MathExtension() {
    }

    static MathExtension create() {
        return new MathExtension();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new DisplayMathParser.Factory());
        builder.customInlineParserExtensionFactory(new DollarMathParser.Factory());
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        builder.nodeRendererFactory(options -> new Renderer());
    }

    private static final class Renderer implements NodeRenderer {
        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(InlineMath.class, Renderer::inline),
                    new NodeRenderingHandler<>(DisplayMathBlock.class, Renderer::block));
        }

        private static void inline(InlineMath math, NodeRendererContext context, HtmlWriter html) {
            html.raw(math.display() ? "<span class=\"math math-display\">" : "<span class=\"math math-inline\">");
            html.text(math.tex());
            html.raw("</span>");
        }

        private static void block(DisplayMathBlock math, NodeRendererContext context, HtmlWriter html) {
            html.line();
            html.raw("<div class=\"math math-display\">");
            html.text(math.tex());
            html.raw("</div>");
            html.line();
        }
    }
}
