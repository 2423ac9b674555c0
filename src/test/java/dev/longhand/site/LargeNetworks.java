package dev.longhand.site;

/** Large generated networks that several tests build, written once. */
public final class LargeNetworks {

    /**
     * The 784-128-64-10 block of issue 18 (the YAML inside the fence): every number generated at
     * full precision (no {@code decimals}), as the contract shows generated weights.
     */
    public static final String FULL_PRECISION_784 = """
            input: {random: 2, units: 784, samples: 4, min: 0, max: 1}
            layers:
              - units: 128
                weights: {random: 1, min: -1, max: 1}
              - units: 64
                weights: {random: 3, min: -1, max: 1}
              - units: 10
                weights: {random: 4, min: -1, max: 1}
            """;

    private LargeNetworks() {
    }
}
