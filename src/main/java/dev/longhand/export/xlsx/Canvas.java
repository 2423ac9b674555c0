package dev.longhand.export.xlsx;

/**
 * One sheet being filled as the page is laid out: bands from top to bottom, each a title line
 * and then matrices side by side, each under its own title, one empty column between them.
 */
final class Canvas {

    private final SheetPart sheet;
    private final String prefix;
    private int bandTop;
    private int bandHeight;
    private int nextLeft;

    Canvas(SheetPart sheet, boolean qualified) {
        this.sheet = sheet;
        this.prefix = qualified ? Region.quoted(sheet.name()) + "!" : "";
    }

    SheetPart sheet() {
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
        Region region = new Region(sheet.name(), prefix, bandTop + 1, nextLeft, rows, cols);
        nextLeft += Math.max(cols, 1) + 1;
        bandHeight = Math.max(bandHeight, rows + 1);
        return region;
    }

    /** Writes out every row so far: the layout never goes back above the band being filled. */
    void flush() {
        sheet.flush();
    }

    void number(int row, int col, double value) {
        sheet.number(row, col, value);
    }

    void formula(int row, int col, String formula) {
        sheet.formula(row, col, formula, Double.NaN);
    }

    /** A formula with {@code cached} as its result until the spreadsheet recalculates. */
    void formula(int row, int col, String formula, double cached) {
        sheet.formula(row, col, formula, cached);
    }

    void text(int row, int col, String text) {
        sheet.text(row, col, text);
    }
}
