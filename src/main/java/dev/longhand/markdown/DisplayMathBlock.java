package dev.longhand.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** Display math whose {@code $$} starts a line: up to the line that ends with {@code $$}. */
final class DisplayMathBlock extends Block {

    private String tex = "";
    private boolean closed;

    void finish(String tex, boolean closed) {
        this.tex = tex;
        this.closed = closed;
    }

    String tex() {
        return tex;
    }

    /** Whether a line ending in {@code $$} closed it before its container or the file ended. */
    boolean closed() {
        return closed;
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }
}
