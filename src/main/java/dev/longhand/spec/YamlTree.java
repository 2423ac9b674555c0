package dev.longhand.spec;

import dev.longhand.diag.Position;
import java.util.function.BiConsumer;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

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

    /** The root node, or empty after reporting why there is none (or the text was blank). */
    public static Optional<Node> parse(BlockSource source, BiConsumer<Position, String> onError) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source.fileName())
                .setAllowDuplicateKeys(true) // reported by the reader, with the key's position
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setUseMarks(true)
                .build();
        try {
            return new Compose(settings).composeString(source.yaml());
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> problem = e.getProblemMark();
            boolean atEnd = problem.map(m -> m.getIndex() >= source.yaml().length()).orElse(true);
            // "Got the end of the block" is found at the end; the cause is where the open structure began.
            Optional<Mark> mark = atEnd && e.getContextMark().isPresent() ? e.getContextMark() : problem.or(e::getContextMark);
            Position at = mark
                    .map(m -> source.position(m.getLine(), m.getColumn()))
                    .orElse(source.opening());
            String message = describe(e);
            if (atEnd && e.getContextMark().isPresent()) {
                message = neverClosed(e.getContext()) + " is never closed; " + plain(e.getProblem());
            }
            onError.accept(at, "this is not valid YAML: " + message);
        } catch (YamlEngineException e) {
            onError.accept(source.opening(), "this is not valid YAML: " + plain(e.getMessage()));
        }
        return Optional.empty();
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        String text = problem.isEmpty() ? context : (context.isEmpty() ? problem : problem + " (" + context + ")");
        return plain(text);
    }

    private static String neverClosed(String context) {
        String c = context == null ? "" : context;
        if (c.contains("flow sequence")) {
            return "this [ list";
        }
        if (c.contains("flow mapping")) {
            return "this { mapping";
        }
        if (c.contains("quoted scalar")) {
            return "this quoted text";
        }
        return "what starts here";
    }

    /** SnakeYAML's messages can span lines and quote the source; keep one tidy line. */
    private static String plain(String message) {
        if (message == null || message.isBlank()) {
            return "the parser stopped here";
        }
        return message.replaceAll("\\s+", " ").replace("<stream end>", "the end of the block").trim();
    }
}
