package dev.longhand.kinds.attention;

import dev.longhand.nn.Matrix;
import dev.longhand.render.GradientContext;
import dev.longhand.render.GradientGroupView;
import dev.longhand.render.GradientLineView;
import dev.longhand.worked.Figures;
import dev.longhand.worked.Line;
import java.util.ArrayList;
import java.util.List;

/**
 * The softmax of attention backward, written out for a few tokens: per head and query column j,
 * Σⱼ = Σ over the keys k of ∂L/∂a_kj·a_kj (∂L/∂A = Vᵀ·∂L/∂Z, the gradient of the attention
 * weights), then each ∂L/∂s_ij = a_ij·(∂L/∂a_ij − Σⱼ), "0 (masked)" for a score the causal mask
 * hid; as {@link SelfAttention#backward} computes it (the softmax's backward). Σⱼ is recomputed in
 * that order over every key; a masked key adds ∂L/∂a·0, which changes no sum, so the line leaves
 * it out. Keys under the layer: {@code heads.H.dSum.J}, {@code heads.H.dScores.I.J};
 * longhand-attention.js's gradientView writes the same. Given attention weights have no softmax,
 * and more than {@link #MAX_TOKENS} tokens no lines: their gradients stay matrices.
 */
final class AttentionGradientSheet {

    /** Lines for at most this many tokens: a 4 × 4 softmax is 20 lines a head. */
    static final int MAX_TOKENS = 4;

    private AttentionGradientSheet() {
    }

    static List<GradientGroupView> lines(AttentionTrace t, AttentionGradients g, GradientContext context) {
        List<GradientGroupView> groups = new ArrayList<>();
        if (t.a().cols() > MAX_TOKENS) {
            return groups;
        }
        int heads = t.heads().size();
        for (int h = 0; h < heads; h++) {
            if (!(t.heads().get(h) instanceof HeadTrace.Scored s)) {
                continue;
            }
            HeadGradients hg = g.heads().get(h);
            Matrix w = s.weights();
            Matrix dW = hg.dWeights();
            Matrix dScores = hg.dScores().orElseThrow();
            for (int j = 0; j < w.cols(); j++) {
                double dot = 0.0;
                for (int k = 0; k < w.rows(); k++) {
                    dot += dW.get(k, j) * w.get(k, j);
                }
                int col = j;
                List<Integer> open = new ArrayList<>();
                for (int k = 0; k < w.rows(); k++) {
                    if (!s.masked(k, j)) {
                        open.add(k);
                    }
                }
                List<GradientLineView> lines = new ArrayList<>();
                String sub = Figures.subscript(j + 1);
                String head = "heads." + h;
                Line sum = context.line().text("Σ" + sub + " = ");
                sum.terms(open.size(), i -> sum.factor(dW.get(open.get(i), col)).text("·").factor(w.get(open.get(i), col)));
                lines.add(new GradientLineView(context.key(head + ".dSum", j), sum.result(dot), false));
                for (int i = 0; i < w.rows(); i++) {
                    String name = "∂L/∂s" + Figures.subscript(i + 1) + "," + sub + " = ";
                    String text = s.masked(i, j) ? name + "0 (masked)" : context.line().text(name).factor(w.get(i, j))
                            .text("·(").figure(dW.get(i, j)).text(" − ").factor(dot).text(")")
                            .result(dScores.get(i, j));
                    lines.add(new GradientLineView(context.key(head + ".dScores", i, j), text, false));
                }
                String where = (heads > 1 ? "Head " + (h + 1) + ", token " : "Token ") + (j + 1);
                groups.add(new GradientGroupView(where + ": ∂L/∂sᵢ = aᵢ·(∂L/∂aᵢ − Σ" + sub + "), Σ" + sub
                        + " = Σₖ ∂L/∂aₖ·aₖ, with ∂L/∂A = Vᵀ·∂L/∂Z", lines));
            }
        }
        return groups;
    }
}
