package dev.longhand.kinds.residual;

import dev.longhand.export.torch.TorchCode;
import dev.longhand.export.torch.TorchLayer;
import dev.longhand.nn.StageTrace;
import java.util.ArrayList;
import java.util.List;

/** {@code type: residual} in a PyTorch script: a small module computing x + (its inner layers)(x). */
public final class ResidualTorch implements TorchLayer {

    static final String CLASS = """
            class Residual(nn.Module):
                \"""A residual connection: x + f(x), f being the inner layers in order.\"""

                def __init__(self, *layers):
                    super().__init__()
                    self.inner = nn.Sequential(*layers)

                def forward(self, x):
                    return x + self.inner(x)
            """;

    @Override
    public String type() {
        return "residual";
    }

    @Override
    public void write(StageTrace trace, String name, TorchCode code) {
        Residual.ResidualTrace t = (Residual.ResidualTrace) trace;
        code.define("Residual", CLASS);
        code.comment("residual: x + f(x), f = the " + (t.inner().size() == 1 ? "layer" : t.inner().size() + " layers") + " below");
        List<String> inner = new ArrayList<>();
        for (int i = 0; i < t.inner().size(); i++) {
            String innerName = name + "_" + (i + 1);
            code.comment("inner " + TorchCode.title(i + 1, t.inner().get(i).stage().name()));
            code.layer(t.inner().get(i), innerName);
            inner.add(innerName);
        }
        code.line(name + " = Residual(" + String.join(", ", inner) + ")");
    }
}
