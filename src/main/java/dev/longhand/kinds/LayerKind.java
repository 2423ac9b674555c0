package dev.longhand.kinds;

import dev.longhand.render.KindSheet;
import dev.longhand.spec.KindReader;
import java.util.List;

/**
 * One layer kind beyond dense layers, whole: how a block reads it ({@link KindReader}), how the
 * page shows it ({@link KindSheet}), and, in its package, the {@link dev.longhand.nn.Stage} that
 * computes it, forward and backward. The page script's half is {@code templates/assets/longhand-KIND.js}
 * and the theme's partial {@code templates/layer-KIND.mustache}. "Adding a layer kind" in
 * src/README.md lists what a new kind brings.
 */
public interface LayerKind extends KindReader, KindSheet {

    /**
     * The kind's part of each download format ({@code export.numpy.NumpyKind}, {@code export.xlsx.KindWorkbook}, ...): the formats
     * find theirs through {@link Kinds#exports()}. Every kind gives one part per format.
     */
    List<Object> exports();
}
