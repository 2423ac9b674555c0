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
 * Prose text as Flexmark writes it, without its three passes where they change nothing.
 * Flexmark decodes backslash escapes and entities, turns CR line ends into LF, then escapes
 * {@code & < > "} with a regular expression, for every piece of text. Text with none of
 * those characters (nearly all prose) comes out of all three as it went in; text with only
 * {@code < > "} needs only the escaping. The passes were 12% of a warm build.
 */
final class PlainTextRenderer implements NodeRenderer {

    /** What Flexmark's passes would do to a piece of text. */
    enum Kind {
        /** Nothing: written as it is. */
        PLAIN,
        /** Only HTML escaping of {@code < > "}. */
        ESCAPED,
        /** Unescaping or line-end changes too: Flexmark's own path. */
        UNESCAPED
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(Text.class, PlainTextRenderer::render));
    }

    private static void render(Text node, NodeRendererContext context, HtmlWriter html) {
        BasedSequence chars = node.getChars();
        switch (kind(chars)) {
            case PLAIN -> html.raw(chars.toString());
            case ESCAPED -> html.text(chars);
            default -> html.text(Escaping.normalizeEOL(chars.unescape()));
        }
    }

    static Kind kind(CharSequence chars) {
        Kind kind = Kind.PLAIN;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c == '\\' || c == '&' || c == '\r') {
                return Kind.UNESCAPED;
            }
            if (c == '<' || c == '>' || c == '"') {
                kind = Kind.ESCAPED;
            }
        }
        return kind;
    }
}
