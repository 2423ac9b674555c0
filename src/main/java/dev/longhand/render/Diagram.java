package dev.longhand.render;

import dev.longhand.nn.Activation;
import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.Matrix;
import dev.longhand.worked.Figures;
import java.util.ArrayList;
import java.util.List;

/**
 * The network drawn as an inline SVG: a column of nodes per layer (the input first), each
 * node with its value for one sample, edges coloured by the weight's sign and thicker for a
 * larger magnitude, clamped nodes drawn inactive. Large layers show their first and last
 * units with the count between. The page's script rewrites values, classes and widths in
 * place after an edit, by the same rules (see longhand.js, "diagram").
 */
public final class Diagram {

    /** Above this many units a column shows its first and last {@link #EDGE_UNITS}. */
    public static final int MAX_NODES = 10;
    public static final int EDGE_UNITS = 4;
    static final int COLUMN = 118;
    static final int ROW = 50;
    static final int RADIUS = 20;
    static final int MARGIN_X = 60;
    static final int TOP = 26;
    static final int LABELS = 52;
    /** Values in nodes: at most this many decimals, so they fit in a circle. */
    static final int NODE_PRECISION = 2;
    /**
     * A node's label of more characters than this ("−12.35", "1.2e+20") is squeezed to
     * {@link #LABEL_WIDTH} (SVG textLength) rather than spill over its circle; "−0.13" fits as it is.
     */
    public static final int FITS = 5;
    public static final int LABEL_WIDTH = 2 * RADIUS - 6;
    /** A gap's label ("⋮ 776 more"): this tall, and about this wide a character, for the backing that keeps it readable over the edges. */
    static final int GAP_HEIGHT = 16;
    static final double GAP_CHAR = 6.2;

    private Diagram() {
    }

    /** The units a column shows, in order; -1 stands for the gap of elided units. */
    public static List<Integer> shownUnits(int units) {
        List<Integer> shown = new ArrayList<>();
        if (units <= MAX_NODES) {
            for (int u = 0; u < units; u++) {
                shown.add(u);
            }
            return shown;
        }
        for (int u = 0; u < EDGE_UNITS; u++) {
            shown.add(u);
        }
        shown.add(-1);
        for (int u = units - EDGE_UNITS; u < units; u++) {
            shown.add(u);
        }
        return shown;
    }

    /** An edge's width: 0.6 to 4 px, by |w| against the largest |w| of its layer (divided first, so 1e308 does not overflow). */
    public static double width(double weight, double largest) {
        return largest == 0 ? 0.6 : 0.6 + 3.4 * (Math.abs(weight) / largest);
    }

    public static String svg(Block block, int sample, int precision) {
        List<LayerTrace> layers = block.forward().denseLayers();
        int columns = layers.size() + 1;
        List<List<Integer>> shown = new ArrayList<>();
        shown.add(shownUnits(block.forward().input().rows()));
        for (LayerTrace layer : layers) {
            shown.add(shownUnits(layer.layer().units()));
        }
        int tallest = shown.stream().mapToInt(List::size).max().orElse(1);
        int width = 2 * MARGIN_X + (columns - 1) * COLUMN;
        int height = TOP + tallest * ROW + LABELS;
        int p = Math.min(precision, NODE_PRECISION);
        String id = block.id();

        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"mlp-diagram\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" role=\"img\" aria-labelledby=\"").append(id)
                .append("-dia-title ").append(id).append("-dia-desc\" data-sample=\"").append(sample).append("\">");
        svg.append("<title id=\"").append(id).append("-dia-title\">Network diagram</title>");
        svg.append("<desc id=\"").append(id).append("-dia-desc\">").append(Html.escape(description(block, sample)))
                .append("</desc>");

        svg.append("<g class=\"edges\">");
        for (int l = 0; l < layers.size(); l++) {
            Matrix w = layers.get(l).layer().weights();
            double largest = largestMagnitude(w);
            for (int ti = 0; ti < shown.get(l + 1).size(); ti++) {
                int u = shown.get(l + 1).get(ti);
                if (u < 0) {
                    continue;
                }
                for (int fi = 0; fi < shown.get(l).size(); fi++) {
                    int k = shown.get(l).get(fi);
                    if (k < 0) {
                        continue;
                    }
                    double weight = w.get(u, k);
                    svg.append("<line class=\"").append(sign(weight)).append("\" data-edge=\"").append(l).append('.')
                            .append(u).append('.').append(k).append("\" x1=\"").append(x(l)).append("\" y1=\"")
                            .append(y(fi, shown.get(l).size(), tallest)).append("\" x2=\"").append(x(l + 1))
                            .append("\" y2=\"").append(y(ti, shown.get(l + 1).size(), tallest))
                            .append("\" stroke-width=\"").append(Svg.coord(width(weight, largest))).append("\"/>");
                }
            }
        }
        svg.append("</g>");

        for (int c = 0; c < columns; c++) {
            List<Integer> units = shown.get(c);
            svg.append("<g class=\"column\">");
            for (int i = 0; i < units.size(); i++) {
                int u = units.get(i);
                int cy = y(i, units.size(), tallest);
                if (u < 0) {
                    int total = c == 0 ? block.forward().input().rows() : layers.get(c - 1).layer().units();
                    String more = "⋮ " + (total - 2 * EDGE_UNITS) + " more";
                    // Drawn over the edges that cross the gap, on a backing of the figure's own colour.
                    int backing = (int) Math.ceil(more.length() * GAP_CHAR) + 8;
                    svg.append("<rect class=\"gap-backing\" x=\"").append(x(c) - backing / 2).append("\" y=\"")
                            .append(cy - GAP_HEIGHT / 2).append("\" width=\"").append(backing).append("\" height=\"")
                            .append(GAP_HEIGHT).append("\" rx=\"3\"/>");
                    svg.append("<text class=\"gap\" x=\"").append(x(c)).append("\" y=\"").append(cy + 4)
                            .append("\">").append(more).append("</text>");
                    continue;
                }
                double value = c == 0 ? block.forward().input().get(u, sample) : layers.get(c - 1).a().get(u, sample);
                // A hidden A (blank, or worked out from a blank Z) gives nothing away: no value, no clamped look.
                boolean blank = c > 0 && block.blanks().hidden(c - 1, "a");
                boolean inactive = !blank && c > 0 && layers.get(c - 1).layer().activation() == Activation.RELU
                        && layers.get(c - 1).layer().activation().clamps(layers.get(c - 1).z().get(u, sample));
                svg.append("<g class=\"node").append(c == 0 ? " input" : "").append(inactive ? " inactive" : "")
                        .append("\" data-node=\"").append(c - 1).append('.').append(u)
                        .append(blank ? "\" data-blank=\"true" : "").append("\">");
                svg.append("<circle cx=\"").append(x(c)).append("\" cy=\"").append(cy).append("\" r=\"")
                        .append(RADIUS).append("\"/>");
                String label = blank ? "?" : Figures.display(value, p);
                svg.append("<text x=\"").append(x(c)).append("\" y=\"").append(cy + 4).append('"')
                        .append(fitted(label)).append('>').append(label).append("</text></g>");
            }
            int labelY = TOP + tallest * ROW + 8;
            svg.append("<text class=\"label\" x=\"").append(x(c)).append("\" y=\"").append(labelY).append("\">")
                    .append(Html.escape(c == 0 ? "Input" : layers.get(c - 1).layer().name())).append("</text>");
            String detail = c == 0
                    ? count(block.forward().input().rows())
                    : count(layers.get(c - 1).layer().units()) + " · "
                            + BlockViews.activationName(layers.get(c - 1).layer().activation());
            svg.append("<text class=\"detail\" x=\"").append(x(c)).append("\" y=\"").append(labelY + 16)
                    .append("\">").append(Html.escape(detail)).append("</text>");
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    /** The attributes that squeeze a long node label into its circle; none for one that fits. */
    static String fitted(String label) {
        return label.length() > FITS
                ? " textLength=\"" + LABEL_WIDTH + "\" lengthAdjust=\"spacingAndGlyphs\""
                : "";
    }

    private static String description(Block block, int sample) {
        StringBuilder text = new StringBuilder("A network with ")
                .append(count(block.forward().input().rows()).replace("units", "inputs").replace("unit", "input"));
        for (LayerTrace layer : block.forward().denseLayers()) {
            text.append(", then ").append(layer.layer().name()).append(" (")
                    .append(count(layer.layer().units())).append(", ")
                    .append(BlockViews.activationName(layer.layer().activation())).append(')');
        }
        text.append(". Nodes show the values of sample ").append(sample + 1)
                .append("; edges are blue for positive and orange for negative weights, thicker for larger ones;"
                        + " dashed grey nodes were clamped to 0 by ReLU.");
        return text.toString();
    }

    private static String count(int units) {
        return units + (units == 1 ? " unit" : " units");
    }

    static String sign(double weight) {
        return weight > 0 ? "pos" : weight < 0 ? "neg" : "zero";
    }

    static double largestMagnitude(Matrix w) {
        double largest = 0;
        for (int r = 0; r < w.rows(); r++) {
            for (int c = 0; c < w.cols(); c++) {
                largest = Math.max(largest, Math.abs(w.get(r, c)));
            }
        }
        return largest;
    }

    private static int x(int column) {
        return MARGIN_X + column * COLUMN;
    }

    /** Columns are centred on the tallest one. */
    private static int y(int index, int count, int tallest) {
        return TOP + (tallest - count) * ROW / 2 + index * ROW + ROW / 2;
    }
}
