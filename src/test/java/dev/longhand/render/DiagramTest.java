package dev.longhand.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.longhand.nn.Activation;
import dev.longhand.nn.Layer;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.Network;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class DiagramTest {

    private static Document diagram(Network network, Matrix input, int sample) {
        Block block = new Block("mlp-1", "", List.of(), input.cols() > 1, 4, false, network.forward(input),
                Optional.empty(), Optional.empty(), Optional.empty(), Blanks.NONE);
        return Jsoup.parse(Diagram.svg(block, sample, 4), "", Parser.xmlParser());
    }

    private static Network small() {
        // W1 = [[1, −1, 0], [0, 1, 1]] ReLU; W2 = [[2, 0]] linear.
        return new Network(List.of(
                new Layer("Hidden", Matrix.of(new double[][] {{1, -1, 0}, {0, 1, 1}}), Matrix.column(0, 0),
                        Activation.RELU),
                new Layer("Out", Matrix.of(new double[][] {{2, 0}}), Matrix.column(0.0), Activation.LINEAR)));
    }

    @Test
    void oneNodePerUnitAndOneEdgePerWeight() {
        Document svg = diagram(small(), Matrix.column(1, 3, 0), 0);
        assertEquals(3 + 2 + 1, svg.select("g.node").size());
        assertEquals(3 * 2 + 2 * 1, svg.select("line[data-edge]").size());
    }

    @Test
    void edgesAreColouredByTheWeightsSign() {
        Document svg = diagram(small(), Matrix.column(1, 3, 0), 0);
        assertEquals("pos", svg.selectFirst("line[data-edge=0.0.0]").attr("class"));
        assertEquals("neg", svg.selectFirst("line[data-edge=0.0.1]").attr("class"));
        assertEquals("zero", svg.selectFirst("line[data-edge=0.0.2]").attr("class"));
        // |2| is the largest weight of layer 2: the widest edge, 4 px; 0 is the thinnest, 0.6 px.
        assertEquals("4.00", svg.selectFirst("line[data-edge=1.0.0]").attr("stroke-width"));
        assertEquals("0.60", svg.selectFirst("line[data-edge=1.0.1]").attr("stroke-width"));
    }

    @Test
    void aClampedUnitIsInactiveAndShowsZero() {
        // x = (1, 3, 0): z₁ = 1 − 3 = −2 → clamped; z₂ = 3 + 0 = 3 → passed.
        Document svg = diagram(small(), Matrix.column(1, 3, 0), 0);
        Element clamped = svg.selectFirst("g[data-node=0.0]");
        assertTrue(clamped.attr("class").contains("inactive"));
        assertEquals("0", clamped.selectFirst("text").text());
        assertEquals("node", svg.selectFirst("g[data-node=0.1]").attr("class"));
        assertEquals("3", svg.selectFirst("g[data-node=0.1] text").text());
        // The output: 2·0 + 0·3 = 0.
        assertEquals("0", svg.selectFirst("g[data-node=1.0] text").text());
    }

    @Test
    void aBatchShowsTheChosenSample() {
        Matrix batch = Matrix.of(new double[][] {{1, 2}, {3, 1}, {0, 3}});
        // Sample 2: x = (2, 1, 3): z₁ = 2 − 1 = 1, z₂ = 1 + 3 = 4, output 2·1 = 2.
        Document svg = diagram(small(), batch, 1);
        assertEquals("4", svg.selectFirst("g[data-node=0.1] text").text());
        assertEquals("2", svg.selectFirst("g[data-node=1.0] text").text());
        assertTrue(svg.selectFirst("desc").text().contains("sample 2"));
    }

    @Test
    void aLargeLayerShowsItsFirstAndLastUnitsAndTheCountBetween() {
        Matrix weights = Matrix.filled(30, 3, 0.5);
        Network wide = new Network(List.of(new Layer("Wide", weights, Matrix.filled(30, 1, 0), Activation.LINEAR)));
        Document svg = diagram(wide, Matrix.column(1, 1, 1), 0);
        assertEquals(3 + 2 * Diagram.EDGE_UNITS, svg.select("g.node").size());
        assertEquals("⋮ 22 more", svg.selectFirst("text.gap").text());
        assertEquals(3 * 2 * Diagram.EDGE_UNITS, svg.select("line[data-edge]").size());
    }

    @Test
    void itHasATextAlternative() {
        Document svg = diagram(small(), Matrix.column(1, 3, 0), 0);
        assertEquals("Network diagram", svg.selectFirst("title").text());
        assertTrue(svg.selectFirst("desc").text().startsWith("A network with 3 inputs, then Hidden (2 units, ReLU)"));
    }

    @Test
    void aLabelTooLongForItsCircleIsSqueezedIntoIt() {
        // The input node −0.13 shows "−0.13": 5 characters, which fit in the circle as they are.
        Network wide = new Network(List.of(new Layer("Big", Matrix.of(new double[][] {{-100, 0}}),
                Matrix.column(0.0), Activation.LINEAR)));
        Document svg = diagram(wide, Matrix.column(-0.13, 12.349), 0);
        assertEquals("−0.13", svg.selectFirst("g[data-node=-1.0] text").text());
        assertEquals("", svg.selectFirst("g[data-node=-1.0] text").attr("textLength"));
        // Out = −100 · 12.345 = −1234.5: 7 characters, squeezed.
        Document big = diagram(wide, Matrix.column(12.345, 0), 0);
        Element out = big.selectFirst("g[data-node=0.0] text");
        assertEquals("−1234.5", out.text());
        assertEquals(Integer.toString(Diagram.LABEL_WIDTH), out.attr("textLength"));
        assertTrue(Diagram.LABEL_WIDTH < 2 * Diagram.RADIUS, "the squeezed label stays inside the circle");
    }

    @Test
    void aGapLabelLiesOnABackingDrawnAfterTheEdges() {
        Network wide = new Network(List.of(new Layer("Wide", Matrix.filled(30, 3, 0.5), Matrix.filled(30, 1, 0),
                Activation.LINEAR)));
        Document svg = diagram(wide, Matrix.column(1, 1, 1), 0);
        Element backing = svg.selectFirst("rect.gap-backing");
        Element gap = svg.selectFirst("text.gap");
        assertTrue(backing.elementSiblingIndex() < gap.elementSiblingIndex(), "the backing is painted under its text");
        assertTrue(svg.select("g.edges").first().parent() == backing.parent().parent(),
                "the gap belongs to a column drawn after the edges");
        assertTrue(svg.select("g.edges").first().elementSiblingIndex() < backing.parent().elementSiblingIndex());
        double x = Double.parseDouble(backing.attr("x"));
        double w = Double.parseDouble(backing.attr("width"));
        double cx = Double.parseDouble(gap.attr("x"));
        assertEquals(cx, x + w / 2, 1, "centred on its label");
    }
}
