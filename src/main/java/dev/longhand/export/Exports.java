package dev.longhand.export;

import dev.longhand.export.numpy.NumpyFormat;
import dev.longhand.export.torch.TorchFormat;
import dev.longhand.export.xlsx.XlsxFormat;
import dev.longhand.render.Block;
import dev.longhand.render.ExportLinkView;
import java.util.ArrayList;
import java.util.List;

/**
 * The downloads every block offers, and their names: block {@code mlp-2} of
 * {@code attention-by-hand.html} gets {@code attention-by-hand.mlp-2.numpy.py} beside the page,
 * and so on for each format, so a page's files sort together and say which block they are.
 */
public final class Exports {

    /** Every format, in the order of the page's links: the one list a new format joins. */
    public static final List<ExportFormat> FORMATS = List.of(
            new NumpyFormat(),
            new TorchFormat(),
            new XlsxFormat());

    private Exports() {
    }

    /** The file of {@code block} (its id, "mlp-2") of {@code page} ("attention-by-hand.html") in {@code format}. */
    public static String fileName(String page, String block, ExportFormat format) {
        String file = page.substring(page.lastIndexOf('/') + 1);
        String stem = file.endsWith(".html") ? file.substring(0, file.length() - ".html".length()) : file;
        return stem + "." + block + format.suffix();
    }

    /** The links of one block, relative to its page: one per format. */
    public static List<ExportLinkView> links(String page, String block) {
        return FORMATS.stream().map(f -> new ExportLinkView(f.key(), fileName(page, block, f), f.linkText(),
                f.description())).toList();
    }

    /** Every file of the blocks of {@code page}, in page order and format order; each made when written. */
    public static List<ExportFile> files(String page, List<Block> blocks, KindExports kinds) {
        List<ExportFile> files = new ArrayList<>();
        for (Block block : blocks) {
            for (ExportFormat format : FORMATS) {
                files.add(new ExportFile(fileName(page, block.id(), format), () -> format.write(block, kinds)));
            }
        }
        return files;
    }
}
