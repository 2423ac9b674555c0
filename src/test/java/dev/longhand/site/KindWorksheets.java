package dev.longhand.site;

/**
 * A worksheet of layers beyond dense ones: causal attention, a residual around a ReLU layer and
 * a layer norm, its {@code practice} left as {@code %s}. By hand, the tokens are the columns of
 * X = [[1, 0, 1], [0, 1, 1]]:
 *
 * <pre>
 * layer 1, attention (one head, causal, scale false):
 *   Q = W_q·X = [[1, 0, 1], [1, 1, 2]]   K = W_k·X = [[2, 0, 2], [0, 1, 1]]
 *   V = W_v·X = [[1, 2, 3], [0, 1, 1], [1, 0, 1]]
 *   S = Kᵀ·Q: s₁,₁ = 2·1 + 0·1 = 2, s₁,₂ = 0, s₂,₂ = 0·0 + 1·1 = 1, s₁,₃ = 2, s₂,₃ = 2, s₃,₃ = 2·1 + 1·2 = 4;
 *             s₂,₁, s₃,₁, s₃,₂ masked (−∞)
 *   weights: column 1 (1, 0, 0); column 2 (1/(1 + e), e/(1 + e), 0) = (0.2689, 0.7311, 0);
 *            column 3 (1, 1, e²) / (2 + e²) = (0.1065, 0.1065, 0.787)
 *   A₁ = V·weights: column 1 = (1, 0, 1)
 * layer 2, residual around a ReLU layer W = [[1, −1, 0], [0, 1, −1], [−1, 0, 1]], b = (0, 0.5, 0.25):
 *   token 1: z = (1 − 0, 0 − 1 + 0.5, −1 + 1 + 0.25) = (1, −0.5, 0.25), f = (1, 0, 0.25)
 *            a = x + f = (2, 0, 1.25)
 * layer 3, layer norm (ε = 0, γ = 1, β = 0), token 1: μ = 3.25 / 3 = 1.0833,
 *   σ² = (0.9167² + 1.0833² + 0.1667²) / 3 = 0.6806, x̂₁ = 0.9167 / √0.6806 = 1.1112
 * </pre>
 */
public final class KindWorksheets {

    public static final String BLOCK = """
            ```network
            input:
              - [1, 0]
              - [0, 1]
              - [1, 1]
            layers:
              - type: attention
                query: [[1, 0], [1, 1]]
                key: [[2, 0], [0, 1]]
                value: [[1, 2], [0, 1], [1, 0]]
                scale: false
                causal: true
              - type: residual
                layers:
                  - weights: [[1, -1, 0], [0, 1, -1], [-1, 0, 1]]
                    bias: [0, 0.5, 0.25]
                    activation: relu
              - type: layer_norm
                epsilon: 0
            practice: %s
            ```
            """;

    private KindWorksheets() {
    }
}
