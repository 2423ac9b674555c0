package dev.longhand.export.xlsx;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * One sheet being filled as the page is laid out: bands from top to bottom, each a title line
 * and then matrices side by side, each under its own title, one empty column between them.
 */
final class Canvas {

    private final Sheet sheet;
    private final String prefix;
    private int bandTop;
    private int bandHeight;
    private int nextLeft;

    Canvas(Sheet sheet, boolean qualified) {
        this.sheet = sheet;
        this.prefix = qualified ? Region.quoted(sheet.getSheetName()) + "!" : "";
    }

    Sheet sheet() {
        return sheet;
    }

    /** Starts a band below everything written so far, headed by {@code title}. */
    void band(String title) {
        newBand();
        text(bandTop, 0, title);
        bandTop++;
    }

    /** Starts a band below everything written so far, without a title line. */
    void newBand() {
        if (bandHeight > 0 || nextLeft > 0) {
            bandTop += bandHeight + 1;
        }
        bandHeight = 0;
        nextLeft = 0;
    }

    /** The next rows × cols rectangle of the band, under {@code title}. */
    Region place(String title, int rows, int cols) {
        text(bandTop, nextLeft, title);
        Region region = new Region(sheet.getSheetName(), prefix, bandTop + 1, nextLeft, rows, cols);
        nextLeft += Math.max(cols, 1) + 1;
        bandHeight = Math.max(bandHeight, rows + 1);
        return region;
    }

    /** Writes out every row so far: the layout never goes back above the band being filled. */
    void flush() {
        if (sheet instanceof SXSSFSheet streaming) {
            try {
                streaming.flushRows();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void number(int row, int col, double value) {
        cell(row, col).setCellValue(value);
    }

    void formula(int row, int col, String formula) {
        cell(row, col).setCellFormula(formula);
    }

    /** A formula with {@code cached} as its result until the spreadsheet recalculates. */
    void formula(int row, int col, String formula, double cached) {
        Cell c = cell(row, col);
        c.setCellFormula(formula);
        c.setCellValue(cached);
    }

    void text(int row, int col, String text) {
        cell(row, col).setCellValue(text);
    }

    private Cell cell(int row, int col) {
        Row r = sheet.getRow(row);
        if (r == null) {
            r = sheet.createRow(row);
        }
        Cell c = r.getCell(col);
        return c != null ? c : r.createCell(col);
    }
}
