package dev.longhand.kinds.dropout;

import dev.longhand.export.torch.Python;
import dev.longhand.export.torch.TorchCode;
import dev.longhand.export.torch.TorchLayer;
import dev.longhand.nn.StageTrace;
import java.util.List;

/**
 * {@code type: dropout} in a PyTorch script: the page's mask applied by hand, since
 * {@code nn.Dropout} draws a mask of its own at random.
 */
public final class DropoutTorch implements TorchLayer {

    static final String CLASS = """
            class MaskedDropout(nn.Module):
                \"""Inverted dropout with the page's mask: (x · mask) / (1 − p).

                nn.Dropout(p) computes the same in training mode, but with a mask it draws at random each
                time; to get the page's numbers, the page's mask (0 dropped, 1 kept) is applied by hand.
                \"""

                def __init__(self, p, mask):
                    super().__init__()
                    self.p = p
                    self.register_buffer("mask", mask.T)  # one sample per row, as x

                def forward(self, x):
                    return x * self.mask / (1 - self.p)
            """;

    @Override
    public String type() {
        return "dropout";
    }

    @Override
    public void write(StageTrace trace, String name, TorchCode code) {
        Dropout dropout = (Dropout) trace.stage();
        code.define("MaskedDropout", CLASS);
        code.comment("dropout, p = " + Python.number(dropout.p())
                + dropout.seed().stream().mapToObj(s -> ", the mask drawn from seed " + s).findFirst().orElse(", the page's mask"));
        code.call(name, "MaskedDropout", List.of(TorchCode.arg("p", Python.number(dropout.p())),
                TorchCode.arg("mask", code.matrix(dropout.mask()))));
    }
}
