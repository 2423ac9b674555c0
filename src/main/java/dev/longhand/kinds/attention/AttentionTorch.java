package dev.longhand.kinds.attention;

import dev.longhand.export.torch.Python;
import dev.longhand.export.torch.TorchCode;
import dev.longhand.export.torch.TorchLayer;
import dev.longhand.nn.StageTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code type: attention} in a PyTorch script, as explicit tensors: {@code nn.MultiheadAttention}
 * always scales by 1/√d_k, adds biases and packs its projections together, so the page's heads are
 * written out with one {@code nn.Linear} (no bias) per projection.
 */
public final class AttentionTorch implements TorchLayer {

    static final String PROJECTION = """
            def projection(weights):
                \"""nn.Linear without a bias holding the page's projection (rows out, columns the features).\"""
                linear = nn.Linear(weights.shape[1], weights.shape[0], bias=False)
                with torch.no_grad():
                    linear.weight.copy_(weights)
                return linear
            """;

    static final String SELF_ATTENTION = """
            class SelfAttention(nn.Module):
                \"""Self-attention over the tokens, head by head, as the page works it.

                The page keeps tokens as columns: Q = W_q·X, scores = Kᵀ·Q (rows keys, columns queries),
                softmax down each column. Here x has one token per row, so each of those is transposed:
                q = x @ W_q.T is Qᵀ, and q @ k.T (rows queries, columns keys) is the page's scores
                transposed, hence the softmax over dim 1, the keys. The causal mask hides every key after
                its query (−∞ before the softmax, so its weight is 0), and z = weights @ v is the page's
                Z = V·weights transposed. The heads' z are stacked (the page stacks rows; here columns),
                then the output projection is applied, if there is one.
                \"""

                def __init__(self, heads, output=None, scale="root", causal=False):
                    super().__init__()
                    self.heads = nn.ModuleList(
                        nn.ModuleDict({"query": projection(q), "key": projection(k), "value": projection(v)})
                        for q, k, v in heads)
                    self.output = projection(output) if output is not None else None
                    self.scale = scale  # "root": 1/√d_k; None: no scaling; or a number
                    self.causal = causal

                def forward(self, x):
                    zs = []
                    for head in self.heads:
                        q, k, v = head["query"](x), head["key"](x), head["value"](x)
                        scores = q @ k.T  # queries × keys
                        if self.scale == "root":
                            scores = scores * (1.0 / math.sqrt(q.shape[1]))
                        elif self.scale is not None:
                            scores = scores * self.scale
                        if self.causal:
                            later = torch.ones_like(scores, dtype=torch.bool).triu(diagonal=1)  # key after query
                            scores = scores.masked_fill(later, float("-inf"))
                        weights = torch.softmax(scores, dim=1)  # over the keys
                        zs.append(weights @ v)
                    stacked = torch.cat(zs, dim=1)
                    return self.output(stacked) if self.output is not None else stacked
            """;

    static final String GIVEN_WEIGHTS = """
            class GivenAttention(nn.Module):
                \"""Attention with the page's own weights (rows keys, columns queries): Z = V·weights on the
                page, V = W_v·X (or X itself without a value projection). With one token per row that
                is z = weights.T @ v.\"""

                def __init__(self, weights, value=None):
                    super().__init__()
                    self.weights = nn.Parameter(weights.clone())  # as on the page: keys × queries
                    self.value = projection(value) if value is not None else None

                def forward(self, x):
                    v = self.value(x) if self.value is not None else x
                    return self.weights.T @ v
            """;

    @Override
    public String type() {
        return "attention";
    }

    @Override
    public void write(StageTrace trace, String name, TorchCode code) {
        code.define("projection", PROJECTION);
        if (trace.stage() instanceof GivenWeightsAttention given) {
            code.define("GivenAttention", GIVEN_WEIGHTS);
            code.comment("attention with given weights" + (given.value().isPresent() ? " and a value projection" : ""));
            List<TorchCode.Arg> args = new ArrayList<>();
            args.add(TorchCode.arg("weights", code.matrix(given.weights())));
            given.value().ifPresent(v -> args.add(TorchCode.arg("value", code.matrix(v))));
            code.call(name, "GivenAttention", args);
            return;
        }
        SelfAttention attention = (SelfAttention) trace.stage();
        code.require("math");
        code.define("SelfAttention", SELF_ATTENTION);
        code.comment("self-attention, " + TorchCode.count(attention.heads().size(), "head")
                + (attention.causal() ? ", causal" : "") + ", each head (query, key, value)");
        List<String> heads = new ArrayList<>();
        for (AttentionHead head : attention.heads()) {
            heads.add("(\n        " + indent(code.matrix(head.query())) + ",\n        " + indent(code.matrix(head.key()))
                    + ",\n        " + indent(code.matrix(head.value())) + ",\n    )");
        }
        List<TorchCode.Arg> args = new ArrayList<>();
        args.add(TorchCode.arg("heads", "[" + String.join(", ", heads) + "]"));
        attention.output().ifPresent(o -> args.add(TorchCode.arg("output", code.matrix(o))));
        args.add(TorchCode.arg("scale", switch (attention.scale().form()) {
            case ROOT -> "\"root\"";
            case NONE -> "None";
            case NUMBER -> Python.number(attention.scale().number());
        }));
        args.add(TorchCode.arg("causal", attention.causal() ? "True" : "False"));
        code.call(name, "SelfAttention", args);
    }

    /** A matrix expression one level deeper than an argument. */
    private static String indent(String matrix) {
        return matrix.replace("\n", "\n    ");
    }
}
