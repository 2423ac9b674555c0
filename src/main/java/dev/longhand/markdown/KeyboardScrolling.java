package dev.longhand.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;

/**
 * Puts code blocks and prose tables in the keyboard's tab order ({@code tabindex="0"}): the
 * stylesheet lets them scroll sideways when they are wider than the column, and a reader
 * without a mouse scrolls them with the arrow keys once they have focus (WCAG 2.1.1; axe-core's
 * rule scrollable-region-focusable). Done when the page is built, so it holds without script.
 */
final class KeyboardScrolling implements AttributeProvider {

    static IndependentAttributeProviderFactory factory() {
        return new IndependentAttributeProviderFactory() {
            @Override
            public AttributeProvider apply(LinkResolverContext context) {
                return new KeyboardScrolling();
            }
        };
    }

    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        boolean scrolls = node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock
                || node instanceof TableBlock;
        if (scrolls && part == AttributablePart.NODE) {
            attributes.replaceValue("tabindex", "0");
        }
    }
}
