package dev.longhand.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * TeX between dollar signs inside a paragraph: {@code $…$}, or {@code $$…$$} set as display
 * math. An unclosed {@code $$} is kept as one too (without TeX), for the engine to report.
 */
final class InlineMath extends Node {

    private final String tex;
    private final boolean display;
    private final boolean closed;

    /** @param chars the math with its delimiters, as written */
    InlineMath(BasedSequence chars, String tex, boolean display, boolean closed) {
        super(chars);
        this.tex = tex;
        this.display = display;
        this.closed = closed;
    }

    String tex() {
        return tex;
    }

    boolean display() {
        return display;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
