package dev.longhand.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.longhand.diag.Diagnostics;
import dev.longhand.export.Exports;
import dev.longhand.kinds.Kinds;
import dev.longhand.diag.Position;
import dev.longhand.diag.SourceText;
import dev.longhand.render.Block;
import dev.longhand.render.Templates;
import dev.longhand.spec.FrontMatter;
import dev.longhand.spec.FrontMatterReader;
import dev.longhand.spec.PracticeDefault;
import dev.longhand.spec.StarterText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Markdown to a lesson: front matter, then every {@code mlp} block computed (first pass),
 * then HTML (second pass), the prose cleaned of anything that could run ({@link ProseHtml}). One engine serves a whole build; it keeps nothing per lesson,
 * so lessons may be rendered on several threads at once.
 */
public final class MarkdownEngine {

    private final DataHolder options;
    private final Parser parser;
    private final HtmlRenderer renderer;
    private final PageLinks pages;
    private final BlockCache cache;
    private final Optional<PracticeDefault> sitePractice;
    private final Optional<List<String>> siteSections;

    /** An engine that leaves links to {@code .md} files as written (for the engine's own tests). */
    public MarkdownEngine(Templates templates) {
        this(templates, null, null, Optional.empty());
    }

    /**
     * @param pages        where a link to another lesson file points in the built site; null leaves links as written
     * @param cache        blocks computed by earlier builds with the same templates, reused when unchanged; null for none
     * @param sitePractice the site's practice default ({@code longhand.yml}), if it sets one
     */
    public MarkdownEngine(Templates templates, PageLinks pages, BlockCache cache, Optional<PracticeDefault> sitePractice) {
        this(templates, pages, cache, sitePractice, Optional.empty());
    }

    /**
     * @param siteSections the sections the site lists ({@code sections:} in {@code longhand.yml}): a lesson in
     *                     another is an error; empty when the site lists none
     */
    public MarkdownEngine(Templates templates, PageLinks pages, BlockCache cache, Optional<PracticeDefault> sitePractice,
                         Optional<List<String>> siteSections) {
        this.cache = cache;
        this.sitePractice = sitePractice;
        this.siteSections = siteSections.map(List::copyOf);
        MutableDataSet set = new MutableDataSet();
        set.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                MathExtension.create()));
        set.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        set.set(HtmlRenderer.RENDER_HEADER_ID, true);
        set.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
        set.set(TablesExtension.CLASS_NAME, "prose-table");
        this.options = set.toImmutable();
        this.parser = Parser.builder(options).build();
        HtmlRenderer.Builder builder = HtmlRenderer.builder(options)
                .nodeRendererFactory(o -> new MlpBlockRenderer(templates))
                .nodeRendererFactory(o -> new PlainTextRenderer())
                .attributeProviderFactory(KeyboardScrolling.factory());
        if (pages != null) {
            builder.linkResolverFactory(LessonLinkResolver.factory(pages));
        }
        this.renderer = builder.build();
        this.pages = pages;
    }

    /**
     * What reading one lesson file gave.
     *
     * @param lesson the lesson, or empty when it has errors (all reported)
     * @param links  its links to lessons and headings, also when it has errors, so that a build can
     *               report a broken link together with the file's other problems
     */
    public record Outcome(Optional<Lesson> lesson, List<LessonLink> links) {
        public Outcome {
            links = List.copyOf(links);
        }
    }

    /**
     * The lesson, or empty when it has errors (all reported to {@code diagnostics}).
     *
     * @param source the file's name as printed in messages and relative to the content folder
     * @param text   the file's text, without a byte-order mark
     */
    public Optional<Lesson> lesson(String source, String text, Diagnostics diagnostics) {
        return read(source, text, diagnostics).lesson();
    }

    /** As {@link #lesson}, with the lesson's links whether it has errors or not. */
    public Outcome read(String source, String text, Diagnostics diagnostics) {
        SourceText file = new SourceText(source, text);
        try {
            return lesson(file, diagnostics);
        } catch (StackOverflowError e) {
            // Flexmark and jsoup recurse once per level of nesting; thousands of block quotes or
            // list items inside each other end here. Only this lesson's own state is lost.
            diagnostics.add(file.error(Position.startOf(source), "this lesson's Markdown is nested too deeply "
                    + "to read (block quotes, lists or HTML elements thousands of levels inside each other)"));
            return new Outcome(Optional.empty(), List.of());
        }
    }

    private Outcome lesson(SourceText file, Diagnostics diagnostics) {
        String source = file.file();
        String text = file.text();
        int errorsBefore = diagnostics.errorCount();
        List<String> problems = new ArrayList<>();
        Optional<FrontMatterBlock> front = FrontMatterBlock.find(file, problems);
        Optional<FrontMatter> frontMatter = Optional.empty();
        problems.forEach(p -> diagnostics.add(file.error(Position.startOf(source), p)));
        if (front.isPresent()) {
            frontMatter = FrontMatterReader.read(front.get().yaml(), diagnostics, siteSections);
        } else if (problems.isEmpty()) {
            diagnostics.add(file.error(Position.startOf(source),
                    "a lesson starts with front matter between --- lines, with at least a title"));
        }
        int bodyStart = front.map(FrontMatterBlock::bodyStart).orElse(0);
        Document document = parser.parse(text.substring(Math.min(bodyStart, text.length())));

        ComputedBlocks blocks = new ComputedBlocks(cache);
        // The page's file name: links to the answer key use it, and with a block's id it seeds new numbers.
        String page = fileName(ownPage(source));
        String answersPage = Lesson.answersPage(page);
        int number = 0;
        boolean math = false;
        for (Node node : document.getDescendants()) {
            if (node instanceof InlineMath || node instanceof DisplayMathBlock) {
                math = true;
                checkClosed(node, file, bodyStart, diagnostics);
            }
            if (node instanceof FencedCodeBlock fence && BlockComputer.isMlp(fence)) {
                number++;
                Position opening = file.positionOf(bodyStart + fence.getStartOffset());
                // An unclosed block is an error, which is never cached; a closed one depends only on what the key holds.
                if (!fence.getClosingMarker().isEmpty() && blocks.putFromCache(fence,
                        BlockCache.key(BlockComputer.text(fence), number, answersPage, sitePractice), opening)) {
                    continue;
                }
                Optional<Block> block = BlockComputer.compute(fence, file, bodyStart, number, sitePractice, page,
                        diagnostics);
                block.ifPresent(b -> blocks.put(fence, b, opening));
            }
        }
        List<LessonLink> links = links(document, file, bodyStart);
        if (diagnostics.errorCount() > errorsBefore || frontMatter.isEmpty()) {
            return new Outcome(Optional.empty(), links);
        }
        warnOfStarterText(document, file, bodyStart, diagnostics);
        document.set(ComputedBlocks.KEY, blocks);
        document.set(LessonLinkResolver.SOURCE, source);
        document.set(MlpBlockRenderer.ANSWERS_PAGE, answersPage);
        document.set(MlpBlockRenderer.PAGE, page);
        List<Position> lost = new ArrayList<>();
        String prose = renderer.render(document);
        String html = blocks.fillIn(ProseHtml.needsCleaning(document) ? ProseHtml.clean(prose) : prose, lost);
        for (Position opening : lost) {
            diagnostics.add(file.error(opening, "this mlp block cannot be shown: HTML above it that is never "
                    + "closed (such as <textarea> or <title>) turns it into text; close that element"));
        }
        if (!lost.isEmpty()) {
            return new Outcome(Optional.empty(), links);
        }
        return new Outcome(Optional.of(new Lesson(source, frontMatter.get(), html, headings(document), blocks.size(),
                prose(document), blocks.anyTrains(), blocks.anyExactMath(), blocks.kindScripts(), math, links, blocks.answerKeys(),
                Exports.files(page, blocks.inOrder(), Kinds.exports()))), links);
    }

    /** A paragraph still as {@code longhand new} wrote it would be published as the author's own words. */
    private static void warnOfStarterText(Document document, SourceText file, int bodyStart, Diagnostics diagnostics) {
        for (Node node : document.getDescendants()) {
            if (node instanceof Paragraph && StarterText.isStarterParagraph(node.getChars())) {
                diagnostics.add(file.warning(file.positionOf(bodyStart + node.getStartOffset()),
                        "this is still the starter text that longhand new wrote; replace it with the lesson's own words"));
            }
        }
    }

    /** An unclosed {@code $$} would turn the rest of a paragraph, or of the lesson, into TeX: an error where it opens. */
    private static void checkClosed(Node math, SourceText file, int bodyStart, Diagnostics diagnostics) {
        boolean closed = math instanceof InlineMath inline ? inline.closed() : ((DisplayMathBlock) math).closed();
        if (!closed) {
            String where = math instanceof InlineMath ? "in this paragraph" : "on a later line";
            diagnostics.add(file.error(file.positionOf(bodyStart + math.getStartOffset()),
                    "$$ opens display math that is never closed: end it with $$ " + where
                            + ", or write \\$ for a dollar sign"));
        }
    }

    /** The lesson's own page as the site names it, or its file name with .html without a site. */
    private String ownPage(String source) {
        if (pages != null) {
            return pages.href(source, source);
        }
        return source.endsWith(".md") ? source.substring(0, source.length() - 3) + ".html" : source + ".html";
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The words of the paragraphs (lists and quotes included), one space between; code and blocks
     * left out. Only as far as search keeps them and one word more (so that it knows words were
     * left out): collecting a paragraph's text is slow, and a long lesson's later paragraphs were
     * collected only to be dropped.
     */
    private static String prose(Document document) {
        StringBuilder text = new StringBuilder();
        int count = 0;
        for (Node node : document.getDescendants()) {
            if (node instanceof Paragraph) {
                String words = Words.collapsed(new TextCollectingVisitor().collectAndGetText(node));
                if (!words.isEmpty()) {
                    text.append(text.length() == 0 ? "" : " ").append(words);
                    count += wordsIn(words);
                    if (count > Lesson.SEARCH_WORDS) {
                        break;
                    }
                }
            }
        }
        return text.toString();
    }

    /** Words in collapsed text: one more than its spaces. */
    private static int wordsIn(String collapsed) {
        int spaces = 0;
        for (int i = collapsed.indexOf(' '); i >= 0; i = collapsed.indexOf(' ', i + 1)) {
            spaces++;
        }
        return spaces + 1;
    }

    /**
     * Only the front matter of a lesson, without computing it: for tools that need the titles
     * and orders of many lessons quickly. Problems are reported as {@link #lesson} reports them.
     */
    public static Optional<FrontMatter> frontMatter(String source, String text, Diagnostics diagnostics) {
        SourceText file = new SourceText(source, text);
        List<String> problems = new ArrayList<>();
        Optional<FrontMatterBlock> front = FrontMatterBlock.find(file, problems);
        problems.forEach(p -> diagnostics.add(file.error(Position.startOf(source), p)));
        return front.flatMap(f -> FrontMatterReader.read(f.yaml(), diagnostics));
    }

    /** Links to lessons and headings, positioned where their target is written. */
    private static List<LessonLink> links(Document document, SourceText file, int bodyStart) {
        List<LessonLink> links = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            BasedSequence url = node instanceof Link link ? link.getUrl()
                    : node instanceof Reference reference ? reference.getUrl() : null;
            if (url == null || url.isEmpty()) {
                continue;
            }
            String written = url.toString();
            LinkTarget.of(file.file(), written).ifPresent(target -> {
                Position at = file.positionOf(bodyStart + url.getStartOffset());
                links.add(new LessonLink(written, target.file(), target.anchor(), at, file.line(at.line())));
            });
        }
        return links;
    }

    private List<Heading> headings(Document document) {
        HeaderIdGenerator ids = new HeaderIdGenerator(options);
        ids.generateIds(document);
        List<Heading> headings = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof com.vladsch.flexmark.ast.Heading heading) {
                headings.add(new Heading(heading.getLevel(),
                        new TextCollectingVisitor().collectAndGetText(heading), ids.getId(heading)));
            }
        }
        return headings;
    }
}
