package dev.longhand.render;

import dev.longhand.nn.LayerTrace;
import dev.longhand.nn.NestedTrace;
import dev.longhand.nn.StageTrace;
import java.util.List;

/**
 * The shape of a network with layer kinds beyond dense layers, drawn as a strip: one box per
 * layer, left to right, with its kind and the shape of what it gives; a residual's layers sit in
 * a dashed frame with the skip connection arching over them to a "+". (A network of dense
 * layers only keeps its node-and-edge {@link Diagram}.)
 */
final class LayerStrip {

    private static final int BOX_WIDTH = 112;
    private static final int BOX_HEIGHT = 46;
    private static final int GAP = 28;
    private static final int MARGIN = 8;
    private static final int TOP = 34;
    private static final int PLUS = 22;

    private LayerStrip() {
    }

    static String svg(Block block) {
        StringBuilder boxes = new StringBuilder();
        int x = MARGIN;
        x = box(boxes, x, "input", block.forward().input().rows() + " × " + block.forward().input().cols(), "input");
        for (StageTrace stage : block.forward().stages()) {
            x = arrow(boxes, x);
            x = stage(boxes, x, stage, block.sheets());
        }
        int width = x + MARGIN;
        int height = TOP + BOX_HEIGHT + MARGIN + 4;
        String id = block.id();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"mlp-strip\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" role=\"img\" aria-labelledby=\"").append(id)
                .append("-strip-title\">");
        svg.append("<title id=\"").append(id).append("-strip-title\">").append(Html.escape(description(block)))
                .append("</title>");
        svg.append(boxes);
        return svg.append("</svg>").toString();
    }

    private static int stage(StringBuilder out, int x, StageTrace stage, KindSheets sheets) {
        String shape = stage.a().rows() + " × " + stage.a().cols();
        if (stage instanceof NestedTrace nested) {
            int start = x;
            int inner = x + GAP / 2;
            List<StageTrace> layers = nested.inner();
            for (int i = 0; i < layers.size(); i++) {
                if (i > 0) {
                    inner = arrow(out, inner);
                }
                inner = stage(out, inner, layers.get(i), sheets);
            }
            inner += GAP / 2;
            int plusX = inner + PLUS / 2;
            int mid = TOP + BOX_HEIGHT / 2;
            out.append("<rect class=\"strip-frame\" x=\"").append(start).append("\" y=\"").append(TOP - 10)
                    .append("\" width=\"").append(inner - start).append("\" height=\"").append(BOX_HEIGHT + 20)
                    .append("\" rx=\"6\"/>");
            // The skip connection: from before the frame, over it, down into the "+".
            out.append("<path class=\"strip-skip\" d=\"M").append(start - GAP / 2).append(' ').append(mid)
                    .append(" V").append(TOP - 22).append(" H").append(plusX).append(" V").append(mid - PLUS / 2)
                    .append("\"/>");
            out.append("<line class=\"strip-arrow\" x1=\"").append(inner).append("\" y1=\"").append(mid)
                    .append("\" x2=\"").append(plusX - PLUS / 2).append("\" y2=\"").append(mid).append("\"/>");
            out.append("<g class=\"strip-plus\"><circle cx=\"").append(plusX).append("\" cy=\"").append(mid)
                    .append("\" r=\"").append(PLUS / 2).append("\"/><text x=\"").append(plusX).append("\" y=\"")
                    .append(mid + 5).append("\" text-anchor=\"middle\">+</text></g>");
            out.append("<text class=\"strip-caption\" x=\"").append(start + 4).append("\" y=\"").append(TOP - 14)
                    .append("\">").append(Html.escape(label(stage, sheets))).append(" · ").append(shape).append("</text>");
            return plusX + PLUS / 2;
        }
        return box(out, x, label(stage, sheets), shape, "layer");
    }

    static String label(StageTrace stage, KindSheets sheets) {
        if (stage instanceof LayerTrace dense) {
            return "dense · " + BlockViews.activationName(dense.layer().activation());
        }
        return sheets.get(stage.stage().type()).label(stage.stage());
    }

    private static int box(StringBuilder out, int x, String label, String shape, String css) {
        out.append("<g class=\"strip-box ").append(css).append("\"><rect x=\"").append(x).append("\" y=\"").append(TOP)
                .append("\" width=\"").append(BOX_WIDTH).append("\" height=\"").append(BOX_HEIGHT)
                .append("\" rx=\"5\"/><text x=\"").append(x + BOX_WIDTH / 2).append("\" y=\"").append(TOP + 19)
                .append("\" text-anchor=\"middle\"").append(label.length() > 16 ? " textLength=\"" + (BOX_WIDTH - 10)
                        + "\" lengthAdjust=\"spacingAndGlyphs\"" : "").append(">").append(Html.escape(label))
                .append("</text><text class=\"strip-shape\" x=\"").append(x + BOX_WIDTH / 2).append("\" y=\"")
                .append(TOP + 37).append("\" text-anchor=\"middle\">").append(shape).append("</text></g>");
        return x + BOX_WIDTH;
    }

    private static int arrow(StringBuilder out, int x) {
        int mid = TOP + BOX_HEIGHT / 2;
        out.append("<line class=\"strip-arrow\" x1=\"").append(x).append("\" y1=\"").append(mid).append("\" x2=\"")
                .append(x + GAP).append("\" y2=\"").append(mid).append("\"/>");
        return x + GAP;
    }

    private static String description(Block block) {
        StringBuilder text = new StringBuilder("The network's layers: input ")
                .append(block.forward().input().rows()).append(" × ").append(block.forward().input().cols());
        for (StageTrace stage : block.forward().stages()) {
            text.append(", then ").append(label(stage, block.sheets())).append(" giving ")
                    .append(stage.a().rows()).append(" × ").append(stage.a().cols());
        }
        return text.append('.').toString();
    }
}
