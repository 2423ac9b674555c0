package dev.longhand.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Set;

/**
 * Prose text as Flexmark writes it, without its two copying passes where they change nothing.
 * Flexmark decodes backslash escapes and entities, then turns CR line ends into LF, for every
 * piece of text; text with no backslash, ampersand or CR comes out of both as it went in, and
 * that is nearly all prose. The passes were 6% of a warm build.
 */
final class PlainTextRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(Text.class, PlainTextRenderer::render));
    }

    private static void render(Text node, NodeRendererContext context, HtmlWriter html) {
        BasedSequence chars = node.getChars();
        html.text(isPlain(chars) ? chars : Escaping.normalizeEOL(chars.unescape()));
    }

    /** No character that unescaping or line-end normalising would touch. */
    static boolean isPlain(CharSequence chars) {
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c == '\\' || c == '&' || c == '\r') {
                return false;
            }
        }
        return true;
    }
}
