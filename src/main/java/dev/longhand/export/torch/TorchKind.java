package dev.longhand.export.torch;

/**
 * A layer kind that a PyTorch script can write: {@code kinds.LayerKind} is one, so that the kinds
 * a block holds ({@code Block.sheets()}) give their writers without this package knowing them.
 */
public interface TorchKind {

    /** How a PyTorch script writes the kind ({@code KINDTorch} in its package). */
    TorchLayer torch();
}
