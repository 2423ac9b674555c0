package dev.longhand.markdown;

import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import java.util.Optional;

/**
 * Rewrites a link to a lesson file ({@code 06-backpropagation.md#loss}) into the link to its
 * page ({@code backpropagation.html#loss}), so that authors link files their editor can open
 * and readers get pages. Whether the target exists is checked by the site, not here.
 */
final class LessonLinkResolver implements LinkResolver {

    /** The lesson being rendered, named like {@link Lesson#source()}; set on each document. */
    static final DataKey<String> SOURCE = new DataKey<>("LONGHAND_LESSON_SOURCE", "");

    private final PageLinks pages;

    private LessonLinkResolver(PageLinks pages) {
        this.pages = pages;
    }

    static IndependentLinkResolverFactory factory(PageLinks pages) {
        return new IndependentLinkResolverFactory() {
            @Override
            public LinkResolver apply(LinkResolverBasicContext context) {
                return new LessonLinkResolver(pages);
            }
        };
    }

    @Override
    public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        if (link.getLinkType() != LinkType.LINK) {
            return link;
        }
        String from = SOURCE.get(context.getDocument());
        Optional<LinkTarget> target = LinkTarget.of(from, link.getUrl());
        if (target.isEmpty() || target.get().file().isEmpty()) {
            return link;
        }
        String url = link.getUrl();
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        return link.withUrl(pages.href(from, target.get().file()) + fragment);
    }
}
