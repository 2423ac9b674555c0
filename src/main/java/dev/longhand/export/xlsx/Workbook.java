package dev.longhand.export.xlsx;

import dev.longhand.export.KindExports;
import dev.longhand.nn.ForwardTrace;
import dev.longhand.nn.Matrix;
import dev.longhand.nn.StageTrace;
import dev.longhand.render.Block;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A block as a workbook that recomputes like the page (the contract's "Exports", {@code xlsx}).
 *
 * <p>Laid out like the page: the input, then each layer in its own band with its matrices side by
 * side and titled; a small block on one sheet, a large one (more than {@value #ONE_SHEET_CELLS}
 * numbers) on a sheet per layer. Inputs, parameters, masks and settings are typed numbers; every
 * computed value is a formula over cells; each matrix of the trace has a defined name, its trace
 * path with dots as underscores. With training the loss is a formula too, and so are the first
 * step's gradients and the values after it ({@link TrainingCells}).
 *
 * <p>The bytes depend only on the block: fixed document dates and fixed zip entry times.
 */
public final class Workbook {

    /** Above this many numbers in the trace's inputs and parameters, each layer gets a sheet. */
    static final int ONE_SHEET_CELLS = 20_000;

    /** The date every workbook is written with, in its properties and its zip entries. */
    private static final LocalDateTime FIXED = LocalDateTime.of(2000, 1, 1, 0, 0);

    private Workbook() {
    }

    /**
     * The workbook of {@code block}, as the bytes of an .xlsx file.
     *
     * @param kinds each layer kind's part of the exports, where its {@link KindWorkbook} is
     */
    public static byte[] of(Block block, KindExports kinds) {
        // Streaming (SXSSF): rows stay in memory only until their band is done (Canvas.flush), so that a 784-128-64-10 block needs
        // a few megabytes, not the hundreds XSSF's object per cell would take.
        SXSSFWorkbook workbook = new SXSSFWorkbook(null, -1, false, false);
        try {
            fill(workbook, block, kinds);
            // Only the trace's matrices carry a cached result, not the intermediates between them: ask
            // Excel (fullCalcOnLoad) to compute every formula on opening.
            workbook.setForceFormulaRecalculation(true);
            fixProperties(workbook.getXSSFWorkbook().getProperties());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return withFixedTimes(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    private static void fill(SXSSFWorkbook workbook, Block block, KindExports kinds) {
        ForwardTrace forward = block.forward();
        boolean perLayer = numbers(block) > ONE_SHEET_CELLS;
        Writer writer = new Writer(workbook, kinds, perLayer, forward.allDense(), TraceValues.of(block));
        Canvas canvas = writer.sheet(perLayer ? "Input" : "Block");
        canvas.band("Input");
        Region input = place(canvas, "X", forward.input());
        writer.name("input", input);
        Optional<Region> target = block.training().map(t -> {
            Region r = place(canvas, "Target T", t.target());
            writer.name("target", r);
            return r;
        });
        Region x = input;
        Written last = null;
        List<StageTrace> stages = forward.stages();
        for (int i = 0; i < stages.size(); i++) {
            Canvas on = perLayer ? writer.sheet("Layer " + (i + 1)) : canvas;
            last = writer.stage(stages.get(i), on, "layers." + i, x);
            x = last.a();
        }
        writer.name("output", last.a());
        if (block.training().isPresent() && target.isPresent() && block.trained().isPresent()) {
            Canvas on = perLayer ? writer.sheet("Training") : canvas;
            LossCells.write(on, writer, block.training().get(), last, target.get(), forward);
            TrainingCells.write(on, writer, block.training().get(), forward, target.get(),
                    block.trained().get().firstStep());
        }
    }

    private static Region place(Canvas canvas, String title, Matrix m) {
        Region r = canvas.place(title, m.rows(), m.cols());
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                canvas.number(r.top() + i, r.left() + j, m.get(i, j));
            }
        }
        return r;
    }

    /** The numbers a block types in: its input and every stage's parameters, roughly its size. */
    private static long numbers(Block block) {
        long n = (long) block.forward().input().rows() * block.forward().input().cols();
        for (StageTrace t : block.forward().stages()) {
            for (var e : t.stage().parameters().entries()) {
                n += (long) e.value().rows() * e.value().cols();
            }
            n += (long) t.a().rows() * t.a().cols();
        }
        return n;
    }

    private static void fixProperties(POIXMLProperties properties) {
        Date fixed = Date.from(FIXED.toInstant(java.time.ZoneOffset.UTC));
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        core.setCreated(Optional.of(fixed));
        core.setModified(Optional.of(fixed));
        core.setCreator("Longhand");
        properties.getExtendedProperties().setApplication("Longhand");
    }

    /**
     * The same zip with every entry dated {@link #FIXED}, in the same order. Read with Commons
     * Compress (POI's own zip library): SXSSF's streamed entries carry their sizes after the data,
     * which java.util.zip's stream reader refuses.
     */
    private static byte[] withFixedTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get();
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipArchiveEntry e : Collections.list(in.getEntries())) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(FIXED);
                z.putNextEntry(copy);
                try (InputStream data = in.getInputStream(e)) {
                    data.transferTo(z);
                }
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
