package dev.longhand.render;

import dev.longhand.worked.Figures;
import java.util.List;

/**
 * The loss at each step as an inline SVG line chart, drawn at build time so that it reads
 * without JavaScript. Coordinates are written with two decimals so the bytes are the same on
 * every machine and in the browser's redraw.
 */
public final class LossPlot {

    static final int WIDTH = 560;
    static final int HEIGHT = 240;
    static final int LEFT = 64;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int BOTTOM = 44;
    /** Above this many steps the points are drawn as a line only. */
    static final int MAX_MARKERS = 60;

    private LossPlot() {
    }

    public static String svg(String id, List<Double> losses, int precision) {
        int steps = losses.size() - 1;
        double max = 0;
        for (double loss : losses) {
            max = Math.max(max, loss);
        }
        double top = max > 0 ? max : 1;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder points = new StringBuilder();
        StringBuilder markers = new StringBuilder();
        for (int i = 0; i <= steps; i++) {
            double x = LEFT + (steps == 0 ? 0 : plotWidth * i / steps);
            double y = TOP + plotHeight * (1 - losses.get(i) / top);
            if (i > 0) {
                points.append(' ');
            }
            points.append(Svg.coord(x)).append(',').append(Svg.coord(y));
            if (steps <= MAX_MARKERS) {
                markers.append("<circle cx=\"").append(Svg.coord(x)).append("\" cy=\"").append(Svg.coord(y))
                        .append("\" r=\"3\"><title>step ").append(i).append(": loss ")
                        .append(Figures.display(losses.get(i), precision)).append("</title></circle>");
            }
        }
        String first = Figures.display(losses.get(0), precision);
        String last = Figures.display(losses.get(steps), precision);
        String bottomY = Svg.coord(TOP + plotHeight);
        return "<svg class=\"loss-plot\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" role=\"img\" aria-labelledby=\""
                + id + "-plot-title " + id + "-plot-desc\">"
                + "<title id=\"" + id + "-plot-title\">Loss at each step</title>"
                + "<desc id=\"" + id + "-plot-desc\">Over " + steps + " steps of gradient descent the loss goes from "
                + first + " to " + last + ".</desc>"
                + "<line class=\"axis\" x1=\"" + LEFT + "\" y1=\"" + bottomY + "\" x2=\"" + (WIDTH - RIGHT) + "\" y2=\""
                + bottomY + "\"/>"
                + "<line class=\"axis\" x1=\"" + LEFT + "\" y1=\"" + TOP + "\" x2=\"" + LEFT + "\" y2=\"" + bottomY + "\"/>"
                + "<text class=\"tick\" x=\"" + (LEFT - 6) + "\" y=\"" + (TOP + 4) + "\" text-anchor=\"end\">"
                + Figures.display(top, precision) + "</text>"
                + "<text class=\"tick\" x=\"" + (LEFT - 6) + "\" y=\"" + bottomY + "\" text-anchor=\"end\">0</text>"
                + "<text class=\"tick\" x=\"" + LEFT + "\" y=\"" + Svg.coord(TOP + plotHeight + 16) + "\" text-anchor=\"middle\">0</text>"
                + "<text class=\"tick\" x=\"" + (WIDTH - RIGHT) + "\" y=\"" + Svg.coord(TOP + plotHeight + 16)
                + "\" text-anchor=\"middle\">" + steps + "</text>"
                + "<text class=\"label\" x=\"" + Svg.coord(LEFT + plotWidth / 2) + "\" y=\"" + (HEIGHT - 6)
                + "\" text-anchor=\"middle\">step</text>"
                + "<text class=\"label\" x=\"14\" y=\"" + Svg.coord(TOP + plotHeight / 2) + "\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 14 " + Svg.coord(TOP + plotHeight / 2) + ")\">loss</text>"
                + "<polyline class=\"line\" points=\"" + points + "\"/>"
                + markers
                + "</svg>";
    }

}
