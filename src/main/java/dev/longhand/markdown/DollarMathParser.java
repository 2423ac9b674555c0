package dev.longhand.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/** Reads {@code $…$} and {@code $$…$$} inside a paragraph's text into {@link InlineMath}, by {@link DollarMath}'s rules. */
final class DollarMathParser implements InlineParserExtension {

    @Override
    public boolean parse(LightInlineParser parser) {
        BasedSequence input = parser.getInput();
        int at = parser.getIndex();
        DollarMath.Found found = DollarMath.at(input, at);
        if (found instanceof DollarMath.Math math) {
            parser.flushTextNode();
            parser.getBlock().appendChild(new InlineMath(input.subSequence(at, math.end()),
                    input.subSequence(math.texStart(), math.texEnd()), math.display(), true));
            parser.setIndex(math.end());
            return true;
        }
        if (found instanceof DollarMath.Unclosed) {
            parser.flushTextNode();
            parser.getBlock().appendChild(new InlineMath(input.subSequence(at, at + 2), input.subSequence(at + 2, at + 2), true, false));
            parser.setIndex(at + 2);
            return true;
        }
        return false;
    }

    @Override
    public void finalizeDocument(InlineParser parser) {
    }

    @Override
    public void finalizeBlock(InlineParser parser) {
    }

    /** Registers the parser for {@code $}. */
    static final class Factory implements InlineParserExtensionFactory {

        @Override
        public CharSequence getCharacters() {
            return "$";
        }

        @Override
        public InlineParserExtension apply(LightInlineParser parser) {
            return new DollarMathParser();
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
