/**
 * A block as a runnable PyTorch script: {@link dev.longhand.export.torch.TorchScript} writes it,
 * dense layers itself and every other kind through the {@link dev.longhand.export.torch.TorchLayer}
 * that kind gives.
 */
package dev.longhand.export.torch;
