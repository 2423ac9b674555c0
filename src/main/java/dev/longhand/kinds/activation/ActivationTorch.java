package dev.longhand.kinds.activation;

import dev.longhand.export.torch.TorchCode;
import dev.longhand.export.torch.TorchLayer;
import dev.longhand.nn.StageTrace;

/** {@code type: activation} in a PyTorch script: the function's own module, e.g. {@code nn.GELU()}. */
public final class ActivationTorch implements TorchLayer {

    @Override
    public String type() {
        return "activation";
    }

    @Override
    public void write(StageTrace trace, String name, TorchCode code) {
        ActivationLayer layer = (ActivationLayer) trace.stage();
        code.comment("activation " + layer.activation().key() + TorchCode.activationNote(layer.activation()));
        code.line(name + " = " + TorchCode.activation(layer.activation()));
    }
}
