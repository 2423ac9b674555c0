package dev.longhand.markdown;

import com.vladsch.flexmark.parser.block.AbstractBlockParser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Display math that starts a line with {@code $$} and ends at the first line that ends with
 * {@code $$} (the same line when it holds both). As a block of its own, its lines are TeX and
 * nothing else: a line inside it that starts with {@code -} or {@code #} is not read as a list
 * item or a heading, as it would be inside a paragraph. A line that has a second {@code $$}
 * before its end ({@code $$a$$ and $$b$$}) is prose with math in it, not a block.
 */
final class DisplayMathParser extends AbstractBlockParser {

    private static final String DELIMITER = "$$";

    private final DisplayMathBlock block = new DisplayMathBlock();
    private final int openingLine;
    private final List<String> lines = new ArrayList<>();
    private boolean closed;

    private DisplayMathParser(BasedSequence opening, int openingLine) {
        this.openingLine = openingLine;
        block.setChars(opening);
        String rest = opening.subSequence(DELIMITER.length()).toString().strip();
        if (rest.endsWith(DELIMITER)) {
            lines.add(rest.substring(0, rest.length() - DELIMITER.length()));
            closed = true;
        } else {
            lines.add(rest);
        }
    }

    @Override
    public Block getBlock() {
        return block;
    }

    @Override
    public BlockContinue tryContinue(ParserState state) {
        if (closed) {
            return BlockContinue.none();
        }
        String line = state.getLine().subSequence(state.getIndex()).toString().strip();
        if (line.endsWith(DELIMITER) && !line.endsWith("\\" + DELIMITER)) {
            lines.add(line.substring(0, line.length() - DELIMITER.length()));
            closed = true;
            return BlockContinue.finished();
        }
        return BlockContinue.atIndex(state.getIndex());
    }

    @Override
    public void addLine(ParserState state, BasedSequence line) {
        if (state.getLineNumber() != openingLine) {
            lines.add(line.toString().strip());
        }
    }

    @Override
    public void closeBlock(ParserState state) {
        block.finish(String.join("\n", lines).strip(), closed);
    }

    /** Registers the block with the parser. */
    static final class Factory implements CustomBlockParserFactory {

        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new AbstractBlockParserFactory(options) {
                @Override
                public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                    if (state.getIndent() >= 4) {
                        return BlockStart.none();
                    }
                    BasedSequence line = state.getLine();
                    int start = state.getNextNonSpaceIndex();
                    BasedSequence opening = line.subSequence(start).trimEnd();
                    if (!opening.startsWith(DELIMITER)) {
                        return BlockStart.none();
                    }
                    // $$ with a second $$ before the line's end is math inside prose.
                    String inner = opening.subSequence(DELIMITER.length()).toString();
                    int next = inner.indexOf(DELIMITER);
                    if (next >= 0 && next != inner.length() - DELIMITER.length()) {
                        return BlockStart.none();
                    }
                    return BlockStart.of(new DisplayMathParser(opening, state.getLineNumber()))
                            .atIndex(line.length());
                }
            };
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }
}
