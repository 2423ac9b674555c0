package dev.longhand.kinds.norm;

import dev.longhand.export.torch.Python;
import dev.longhand.export.torch.TorchCode;
import dev.longhand.export.torch.TorchLayer;
import dev.longhand.nn.StageTrace;
import java.util.List;

/**
 * {@code batch_norm} and {@code layer_norm} in a PyTorch script: {@code nn.BatchNorm1d} or
 * {@code nn.LayerNorm} in training mode when the block's settings are PyTorch's (the biased
 * variance, ε added to the variance; batch norm over two samples or more, as PyTorch requires), the
 * arithmetic written out with tensors otherwise.
 */
public final class NormTorch implements TorchLayer {

    static final String TORCH_NORM = """
            def torch_norm(layer, gamma, beta):
                \"""A PyTorch norm layer with the page's γ (its weight) and β (its bias) copied in; in
                training mode, as a new module is, it normalizes with the batch's own mean and
                (biased) variance, ε added to the variance: the page's settings.\"""
                with torch.no_grad():
                    layer.weight.copy_(gamma)
                    layer.bias.copy_(beta)
                return layer
            """;

    static final String CLASS = """
            class Normalization(nn.Module):
                \"""Batch or layer norm written out, for settings PyTorch's layers do not offer.

                Each group (dim 0: a feature over the samples, batch norm; dim 1: a sample over its
                features, layer norm) is normalized by its mean and variance; the variance divides by
                n, or by n − 1 when unbiased (a spreadsheet's STDEV); ε is added under the root, or to
                the standard deviation. Then each feature is scaled by γ and shifted by β.
                \"""

                def __init__(self, gamma, beta, dim, epsilon, unbiased, epsilon_added_to_std):
                    super().__init__()
                    self.gamma = nn.Parameter(gamma.clone())
                    self.beta = nn.Parameter(beta.clone())
                    self.dim = dim
                    self.epsilon = epsilon
                    self.unbiased = unbiased
                    self.epsilon_added_to_std = epsilon_added_to_std

                def forward(self, x):
                    n = x.shape[self.dim]
                    mean = x.sum(dim=self.dim, keepdim=True) / n
                    deviation = x - mean
                    variance = (deviation * deviation).sum(dim=self.dim, keepdim=True) / (n - 1 if self.unbiased else n)
                    if self.epsilon_added_to_std:
                        # √variance has an infinite slope at 0; where the variance is 0 the page takes the
                        # standard deviation as 0 with no gradient through it, and so does this.
                        positive = variance > 0
                        std = torch.where(positive, torch.sqrt(torch.where(positive, variance, 1.0)), 0.0)
                        normalized = deviation / (std + self.epsilon)
                    else:
                        normalized = deviation / torch.sqrt(variance + self.epsilon)
                    return self.gamma * normalized + self.beta
            """;

    private final NormAxis axis;

    public NormTorch(NormAxis axis) {
        this.axis = axis;
    }

    @Override
    public String type() {
        return axis.type();
    }

    @Override
    public void write(StageTrace trace, String name, TorchCode code) {
        Normalization norm = (Normalization) trace.stage();
        NormSettings settings = norm.settings();
        int features = norm.gamma().rows();
        String epsilon = Python.number(settings.epsilon());
        boolean pytorchSettings = settings.variance() == VarianceMode.BIASED
                && settings.epsilonAddedTo() == EpsilonPlacement.VARIANCE;
        boolean oneSample = axis == NormAxis.BATCH && trace.input().cols() < 2;
        List<TorchCode.Arg> parameters = List.of(TorchCode.arg("gamma", code.vector(norm.gamma())),
                TorchCode.arg("beta", code.vector(norm.beta())));
        if (pytorchSettings && !oneSample) {
            code.define("torch_norm", TORCH_NORM);
            String layer = axis == NormAxis.BATCH
                    ? "nn.BatchNorm1d(" + features + ", eps=" + epsilon + ")"
                    : "nn.LayerNorm(" + features + ", eps=" + epsilon + ")";
            code.comment(axis == NormAxis.BATCH
                    ? "batch norm: each feature over the samples (dim 0 in PyTorch's layout), ε = " + epsilon
                    : "layer norm: each sample over its features (dim 1 in PyTorch's layout), ε = " + epsilon);
            code.call(name, "torch_norm", List.of(TorchCode.arg("layer", layer), parameters.get(0), parameters.get(1)));
            return;
        }
        code.define("Normalization", CLASS);
        code.comment((axis == NormAxis.BATCH ? "batch norm" : "layer norm") + " written out: "
                + (oneSample ? "nn.BatchNorm1d refuses a batch of one sample in training mode"
                        : "the page's settings are not PyTorch's ("
                        + (settings.variance() == VarianceMode.UNBIASED ? "variance divided by n − 1" : "")
                        + (settings.variance() == VarianceMode.UNBIASED && settings.epsilonAddedTo() == EpsilonPlacement.STD ? ", " : "")
                        + (settings.epsilonAddedTo() == EpsilonPlacement.STD ? "ε added to the standard deviation" : "")
                        + ")"));
        code.call(name, "Normalization", List.of(parameters.get(0), parameters.get(1),
                TorchCode.arg("dim", axis == NormAxis.BATCH ? "0" : "1"),
                TorchCode.arg("epsilon", epsilon),
                TorchCode.arg("unbiased", settings.variance() == VarianceMode.UNBIASED ? "True" : "False"),
                TorchCode.arg("epsilon_added_to_std", settings.epsilonAddedTo() == EpsilonPlacement.STD ? "True" : "False")));
    }
}
