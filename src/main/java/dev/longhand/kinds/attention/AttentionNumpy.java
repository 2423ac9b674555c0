package dev.longhand.kinds.attention;

import dev.longhand.export.numpy.NumpyKind;
import dev.longhand.export.numpy.NumpyScript;
import dev.longhand.export.numpy.PyDict;
import dev.longhand.export.numpy.Python;
import dev.longhand.nn.Stage;
import dev.longhand.nn.StageTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * Attention in the NumPy script: self-attention with its heads, scale and causal mask, or a given
 * tokens × tokens pattern of weights. The script's {@code attention} handles the forms the block uses.
 */
final class AttentionNumpy implements NumpyKind {

    @Override
    public void functions(List<Stage> layers, NumpyScript script) {
        boolean self = layers.stream().anyMatch(l -> l instanceof SelfAttention);
        boolean given = layers.stream().anyMatch(l -> l instanceof GivenWeightsAttention);
        script.define("softmax_columns", NumpyScript.SOFTMAX);
        if (self) {
            script.needsImport("import math");
            script.define("self_attention", """
                    def self_attention(layer, x):
                        \"""Per head: Q = Wq x, K = Wk x, V = Wv x; scores = Kᵀ Q · scale (rows are keys, columns
                        queries; scale True is 1/sqrt(rows of Q)); with causal, key i is hidden from query j when i > j;
                        weights = softmax of each column; z = V weights. The heads' z stacked, first on top,
                        then times `output` when the layer has one.\"""
                        heads = []
                        for head in layer["heads"]:
                            q, k, v = head["query"] @ x, head["key"] @ x, head["value"] @ x
                            scale = layer["scale"]
                            factor = 1.0 / math.sqrt(q.shape[0]) if scale is True else (1.0 if scale is False else scale)
                            scores = (k.T @ q) * factor
                            if layer["causal"]:
                                hidden = np.tril(np.ones(scores.shape, dtype=bool), -1)
                                scores = np.where(hidden, -np.inf, scores)
                            weights = softmax_columns(scores)
                            heads.append({"q": q, "k": k, "v": v, "factor": factor, "scores": scores,
                                          "weights": weights, "z": v @ weights})
                        stacked = np.vstack([h["z"] for h in heads])
                        a = layer["output"] @ stacked if "output" in layer else stacked
                        return a, {"x": x, "heads": heads, "stacked": stacked, "a": a}
                    """);
        }
        if (given) {
            script.define("given_attention", """
                    def given_attention(layer, x):
                        \"""Attention weights given by the block (tokens × tokens): a = V weights, V = Wv x, or x itself
                        when the layer gives no value.\"""
                        v = layer["value"] @ x if "value" in layer else x
                        a = v @ layer["weights"]
                        return a, {"x": x, "v": v, "a": a}
                    """);
        }
        script.define("attention", self && given ? """
                def attention(layer, x):
                    return given_attention(layer, x) if "weights" in layer else self_attention(layer, x)
                """ : "attention = " + (self ? "self_attention" : "given_attention") + "\n");
        if (!script.trains()) {
            return;
        }
        if (self) {
            script.define("self_attention_backward", """
                    def self_attention_backward(layer, cache, dA):
                        \"""Back through each head: dV = dZ weightsᵀ; dweights = Vᵀ dZ; dscores = weights * (dweights - the
                        column sums of dweights * weights) · factor (a hidden score has weight 0, so gradient 0);
                        dQ = K dscores, dK = Q dscoresᵀ; each projection's gradient is d(Q, K or V) xᵀ.\"""
                        x = cache["x"]
                        gradients = {}
                        if "output" in layer:
                            gradients["output"] = dA @ cache["stacked"].T
                            dA = layer["output"].T @ dA
                        dX = np.zeros_like(x)
                        head_gradients = []
                        row = 0
                        for head, kept in zip(layer["heads"], cache["heads"]):
                            q, k, v, weights = kept["q"], kept["k"], kept["v"], kept["weights"]
                            dZ = dA[row:row + v.shape[0]]
                            row += v.shape[0]
                            dV = dZ @ weights.T
                            dWeights = v.T @ dZ
                            dScores = weights * (dWeights - (dWeights * weights).sum(axis=0)) * kept["factor"]
                            dQ = k @ dScores
                            dK = q @ dScores.T
                            head_gradients.append({"query": dQ @ x.T, "key": dK @ x.T, "value": dV @ x.T})
                            dX = dX + head["query"].T @ dQ + head["key"].T @ dK + head["value"].T @ dV
                        return dX, {"heads": head_gradients, **gradients}
                    """);
        }
        if (given) {
            script.define("given_attention_backward", """
                    def given_attention_backward(layer, cache, dA):
                        \"""dweights = Vᵀ dA and dV = dA weightsᵀ; with a value, dWv = dV xᵀ and dL/dx = Wvᵀ dV.\"""
                        x, v = cache["x"], cache["v"]
                        gradients = {"weights": v.T @ dA}
                        dV = dA @ layer["weights"].T
                        if "value" not in layer:
                            return dV, gradients
                        gradients["value"] = dV @ x.T
                        return layer["value"].T @ dV, gradients
                    """);
        }
        script.define("attention_backward", self && given ? """
                def attention_backward(layer, cache, dA):
                    return (given_attention_backward if "weights" in layer else self_attention_backward)(layer, cache, dA)
                """ : "attention_backward = " + (self ? "self_attention_backward" : "given_attention_backward") + "\n");
    }

    @Override
    public void entries(StageTrace trace, PyDict layer, NumpyScript script) {
        if (trace.stage() instanceof GivenWeightsAttention given) {
            layer.put("weights", script.matrix(given.weights()));
            given.value().ifPresent(v -> layer.put("value", script.matrix(v)));
            return;
        }
        SelfAttention self = (SelfAttention) trace.stage();
        List<String> heads = new ArrayList<>();
        for (AttentionHead head : self.heads()) {
            heads.add(new PyDict().put("query", script.matrix(head.query())).put("key", script.matrix(head.key()))
                    .put("value", script.matrix(head.value())).write(4));
        }
        layer.put("heads", "[\n    " + String.join(",\n    ", heads) + ",\n]");
        self.output().ifPresent(o -> layer.put("output", script.matrix(o)));
        layer.put("scale", switch (self.scale().form()) {
            case ROOT -> "True";
            case NONE -> "False";
            case NUMBER -> Python.number(self.scale().number());
        });
        layer.put("causal", Python.bool(self.causal()));
    }
}
