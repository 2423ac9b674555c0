package dev.longhand.export.torch;

import dev.longhand.nn.StageTrace;

/**
 * How one layer kind is written in a PyTorch script: the statement that builds the layer as a
 * module (an {@code nn.Module} taking samples × features, PyTorch's layout), through
 * {@link TorchCode}, which also holds the helper functions and classes the kind defines once.
 * Each kind beyond dense layers gives one ({@code kinds.KIND.KINDTorch}); dense layers are
 * {@link TorchCode}'s own.
 */
public interface TorchLayer {

    /** The contract's {@code type} this writes, e.g. "attention". */
    String type();

    /**
     * Writes {@code name = ...}: the module computing {@code trace}'s layer with its parameters
     * (those of the forward pass shown), taking and giving tensors of one sample (or token) per row.
     */
    void write(StageTrace trace, String name, TorchCode code);
}
