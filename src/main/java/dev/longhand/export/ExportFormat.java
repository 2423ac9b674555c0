package dev.longhand.export;

import dev.longhand.render.Block;

/**
 * One kind of download a block offers: a NumPy script, a PyTorch script, a spreadsheet. A format
 * is stateless and safe on several threads; the same block gives the same bytes in every build.
 */
public interface ExportFormat {

    /** The link's {@code data-export} value and the middle of the file name: {@code numpy}. */
    String key();

    /** The file name's ending after the block's id: {@code .numpy.py}, {@code .xlsx}. */
    String suffix();

    /** The link's text on the page: {@code NumPy}. */
    String linkText();

    /** What the file is, for screen readers and the link's title: {@code NumPy script (Python 3)}. */
    String description();

    /**
     * The file's bytes.
     *
     * @param block the computed block
     * @param kinds each layer kind's part of the formats, for the layers beyond dense ones
     */
    byte[] write(Block block, KindExports kinds);
}
