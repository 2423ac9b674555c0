package dev.longhand.render;

import dev.longhand.nn.Stage;
import dev.longhand.nn.StageGradients;
import dev.longhand.nn.StageTrace;
import java.util.List;

/**
 * How a page shows one layer kind: its part of the trace JSON, its section of the worksheet
 * (through its own partial of the theme, {@code layer-KIND.mustache}), its label in the layer
 * strip and the page scripts it needs. A kind's unit under {@code dev.longhand.kinds} implements
 * it; dense layers are drawn by {@link BlockViews} itself.
 */
public interface KindSheet {

    /** The value of {@code type} this sheet draws. */
    String type();

    /**
     * The layer's trace fields after {@code type} and {@code name}: its parameters in canonical
     * form (matrices as lists of rows, vectors flat), its settings, what a learner checks by hand,
     * and {@code a}. The page script's unit of the kind writes the same fields in the same order.
     */
    void traceFields(StageTrace trace, JsonWriter json);

    /**
     * The layer's section of the worksheet, as HTML. Each matrix the layer computes goes through
     * {@link SheetContext#computed}, each one drawn again through {@link SheetContext#seen}, and
     * each worked line's figures and the line itself through {@link SheetContext#factor},
     * {@link SheetContext#figure} and {@link SheetContext#line}: then practice works for the kind.
     */
    String section(SheetContext context);

    /**
     * The layer's backward pass written out where it is short, in groups under headings (a step,
     * a sample, a token): each line through {@link GradientContext#line}, keyed by
     * {@link GradientContext#key}, its result exactly the value {@code gradients} holds. The page
     * script's {@code gradientView} writes the same lines under the same keys. None by default:
     * the training section then shows the layer's gradients as matrices only.
     */
    default List<GradientGroupView> gradientLines(StageTrace trace, StageGradients gradients, GradientContext context) {
        return List.of();
    }

    /** How the network's shape line and layer strip name the layer: "layer norm", "attention · 2 heads". */
    String label(Stage stage);

    /** Whether a block with this kind calls its columns tokens rather than samples (attention). */
    default boolean tokens() {
        return false;
    }

    /** The theme's scripts the page needs for this layer besides longhand.js, in load order. */
    List<String> scripts(Stage stage);
}
