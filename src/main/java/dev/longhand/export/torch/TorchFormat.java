package dev.longhand.export.torch;

import dev.longhand.export.ExportFormat;
import dev.longhand.export.KindExports;
import dev.longhand.render.Block;
import java.nio.charset.StandardCharsets;

/** The {@code pytorch} download: the block as a Python 3 script that needs only PyTorch ({@link TorchScript}). */
public final class TorchFormat implements ExportFormat {

    @Override
    public String key() {
        return "pytorch";
    }

    @Override
    public String suffix() {
        return ".pytorch.py";
    }

    @Override
    public String linkText() {
        return "PyTorch";
    }

    @Override
    public String description() {
        return "this network as a Python script using PyTorch";
    }

    @Override
    public byte[] write(Block block, KindExports kinds) {
        return TorchScript.of(block, kinds).getBytes(StandardCharsets.UTF_8);
    }
}
