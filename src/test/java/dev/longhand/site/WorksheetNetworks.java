package dev.longhand.site;

/**
 * The networks the worksheet tests blank in different ways. {@link #THREE_LAYERS} has figures
 * chosen so that no weight, bias or input shares them; by hand, x = (1.5, 2):
 *
 * <pre>
 * layer 1, ReLU:   z₁ = 2·1.5 + 0.5·2 + 0.25 = 4.25          z₂ = (−1)·1.5 + (−1.25)·2 + 0.75 = −3.25
 *                  a = (4.25, 0), the second clamped
 * layer 2, ReLU:   z₁ = 1·4.25 + 3·0 + 1.5 = 5.75             z₂ = 0.5·4.25 + (−2)·0 + (−0.5) = 1.625
 *                  a = (5.75, 1.625)
 * layer 3, linear: z₁ = 2·5.75 + (−4)·1.625 + 0.125 = 5.125  a = 5.125
 * </pre>
 *
 * {@link #SOFTMAX}: z = (0.5·1 + 1.5·2 + 0.25, 2·1 + (−0.25)·2 + (−0.75)) = (3.75, 0.75).
 */
public final class WorksheetNetworks {

    /** The three-layer {@code mlp} block, its {@code practice} setting left as {@code %s}. */
    public static final String THREE_LAYERS = """
            ```mlp
            input: [1.5, 2]
            layers:
              - weights: [[2, 0.5], [-1, -1.25]]
                bias: [0.25, 0.75]
              - weights: [[1, 3], [0.5, -2]]
                bias: [1.5, -0.5]
              - weights: [[2, -4]]
                bias: [0.125]
                activation: linear
            practice: %s
            ```
            """;

    /** A softmax layer whose Zs are blanked. */
    public static final String SOFTMAX = """
            ```mlp
            input: [1, 2]
            layers:
              - weights: [[0.5, 1.5], [2, -0.25]]
                bias: [0.25, -0.75]
                activation: softmax
            practice: {blank: [z]}
            ```
            """;

    private WorksheetNetworks() {
    }
}
