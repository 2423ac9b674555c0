package dev.longhand.spec;

import dev.longhand.diag.Position;
import java.util.function.BiConsumer;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Parses YAML into SnakeYAML's node tree, which keeps where every value starts. A syntax
 * error becomes a diagnostic at the Markdown position of the problem, never an exception.
 */
public final class YamlTree {

    /** Aliases share nodes, so a "billion laughs" block is refused long before it grows. */
    private static final int MAX_ALIASES = 50;
    private static final int MAX_CODE_POINTS = 2_000_000;

    private YamlTree() {
    }

    /**
     * The root node, or empty after reporting why there is none (or the text was blank). A
     * block over the size limits is refused before SnakeYAML reads it, and one nested deeper
     * than {@link SpecLimits#MAX_NESTING} at the level that is too deep: SnakeYAML's composer
     * recurses once per level, so 10,000 nested {@code [} would otherwise end in a stack overflow.
     */
    public static Optional<Node> parse(BlockSource source, BiConsumer<Position, String> onError) {
        String yaml = source.yaml();
        if (yaml.length() > SpecLimits.MAX_BLOCK_CHARACTERS) {
            onError.accept(source.opening(), "this block has " + yaml.length() + " characters; the limit is "
                    + SpecLimits.MAX_BLOCK_CHARACTERS);
            return Optional.empty();
        }
        int lines = source.lineCount();
        if (lines > SpecLimits.MAX_BLOCK_LINES) {
            onError.accept(source.opening(), "this block has " + lines + " lines; the limit is "
                    + SpecLimits.MAX_BLOCK_LINES);
            return Optional.empty();
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source.fileName())
                .setAllowDuplicateKeys(true) // reported by the reader, with the key's position
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setUseMarks(true)
                .build();
        try {
            Parser events = new DepthLimitedParser(new ParserImpl(settings, new StreamReader(settings, yaml)),
                    SpecLimits.MAX_NESTING);
            return new Composer(settings, events).getSingleNode();
        } catch (DepthLimitedParser.TooDeep e) {
            Position at = e.event().getStartMark()
                    .map(m -> source.position(m.getLine(), m.getColumn()))
                    .orElse(source.opening());
            onError.accept(at, "this list or mapping is nested " + (SpecLimits.MAX_NESTING + 1)
                    + " levels deep; the limit is " + SpecLimits.MAX_NESTING);
        } catch (MarkedYamlEngineException e) {
            Optional<Plain> plain = Plain.of(e);
            Optional<Mark> mark = plain.isPresent() && plain.get().atContext()
                    ? e.getContextMark().or(e::getProblemMark)
                    : e.getProblemMark().or(e::getContextMark);
            Position at = mark
                    .map(m -> source.position(m.getLine(), m.getColumn()))
                    .orElse(source.opening());
            onError.accept(at, "this is not valid YAML: " + plain.map(Plain::message).orElseGet(() -> describe(e)));
        } catch (YamlEngineException e) {
            onError.accept(source.opening(), "this is not valid YAML: " + plain(e.getMessage()));
        }
        return Optional.empty();
    }

    /**
     * SnakeYAML's wording for the mistakes authors make most, put the way a learner fixes
     * them. Where the parser only notices a problem later (an unclosed bracket is found at
     * the next line, or at the end of the block), the message points where the problem
     * starts: SnakeYAML's context mark, the bracket or quote that is never closed.
     *
     * @param atContext whether to point at the context mark rather than the problem mark
     */
    private record Plain(String message, boolean atContext) {

        static Optional<Plain> of(MarkedYamlEngineException e) {
            String problem = e.getProblem() == null ? "" : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext();
            if (problem.startsWith("expected ',' or ']'") && context.contains("flow sequence")) {
                return Optional.of(new Plain("this '[' is never closed by a matching ']'", true));
            }
            if (problem.startsWith("expected ',' or '}'") && context.contains("flow mapping")) {
                return Optional.of(new Plain("this '{' is never closed by a matching '}'", true));
            }
            if (context.contains("quoted scalar") && problem.contains("end of stream")) {
                return Optional.of(new Plain("this quote is never closed", true));
            }
            if (problem.contains("(TAB)")) {
                return Optional.of(new Plain("a tab is used for indentation here; indent with spaces", false));
            }
            if (problem.startsWith("expected <block end>")) {
                return Optional.of(new Plain("the indentation here does not line up with the lines above it", false));
            }
            if (problem.startsWith("could not find expected ':'") && context.contains("simple key")) {
                return Optional.of(new Plain("this line should be a key and a value, such as input: [1, 2], "
                        + "but it has no ':'", true));
            }
            if (problem.startsWith("mapping values are not allowed here")) {
                // Either text holding ": " or a line above whose key lost its ':' (then the
                // parser reads both lines as one text and stops only at this ':').
                return Optional.of(new Plain("this ':' is not allowed here; is a ':' missing after a key "
                        + "above, or is it part of a text that needs quotes?", false));
            }
            return Optional.empty();
        }
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        String text = problem.isEmpty() ? context : (context.isEmpty() ? problem : problem + " (" + context + ")");
        return plain(text);
    }

    /** SnakeYAML's messages can span lines and quote the source; keep one tidy line. */
    private static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "the parser stopped here";
        }
        return message.replaceAll("\\s+", " ").trim();
    }
}
