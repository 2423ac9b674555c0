package dev.longhand.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.TextContainer;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.builder.ISequenceBuilder;

/**
 * TeX between dollar signs inside a paragraph: {@code $…$}, or {@code $$…$$} set as display
 * math. An unclosed {@code $$} is kept as one too (without TeX), for the engine to report.
 */
final class InlineMath extends Node implements TextContainer {

    private final BasedSequence tex;
    private final boolean display;
    private final boolean closed;

    /**
     * @param chars the math with its delimiters, as written
     * @param tex   the TeX inside them
     */
    InlineMath(BasedSequence chars, BasedSequence tex, boolean display, boolean closed) {
        super(chars);
        this.tex = tex;
        this.display = display;
        this.closed = closed;
    }

    String tex() {
        return tex.toString();
    }

    /**
     * Its text, wherever Flexmark collects a node's text (a heading's id and table-of-contents
     * entry, the search index) is the TeX as written: "The $\sigma$ function" is not "The  function".
     */
    @Override
    public boolean collectText(ISequenceBuilder<? extends ISequenceBuilder<?, BasedSequence>, BasedSequence> out,
                               int flags, NodeVisitor visitor) {
        out.append(tex);
        return false;
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
