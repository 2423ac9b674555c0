package dev.longhand.export.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One worksheet's XML (SpreadsheetML's {@code sheetData}), written as the layout goes: cells wait
 * in their rows until {@link #flush()}, because a band fills its rows side by side, matrix by
 * matrix; a flushed row is final, as the layout never goes back above the band it is filling.
 * Strings are inline ({@code inlineStr}), so the workbook needs no shared-strings part.
 */
final class SheetPart {

    /** A cell waiting in its row: a number, a formula (with its cached result, or NaN for none), or text. */
    private static final class Cell {
        final String formula;
        final String text;
        double value;

        Cell(String formula, String text, double value) {
            this.formula = formula;
            this.text = text;
            this.value = value;
        }
    }

    private final String name;
    private final TreeMap<Integer, TreeMap<Integer, Cell>> pending = new TreeMap<>();
    private final StringBuilder rows = new StringBuilder();
    private final List<String[]> conditional = new ArrayList<>();

    SheetPart(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    void number(int row, int col, double value) {
        put(row, col, new Cell(null, null, value));
    }

    /** A formula ({@code MAX(0,G9)}, no leading =) with {@code cached} as its result, NaN for none. */
    void formula(int row, int col, String formula, double cached) {
        put(row, col, new Cell(formula, null, cached));
    }

    void text(int row, int col, String text) {
        put(row, col, new Cell(null, text, Double.NaN));
    }

    /** Gives a formula cell not yet flushed {@code value} as its cached result; anything else stays. */
    void cache(int row, int col, double value) {
        TreeMap<Integer, Cell> cells = pending.get(row);
        Cell cell = cells == null ? null : cells.get(col);
        if (cell != null && cell.formula != null) {
            cell.value = value;
        }
    }

    /** Shades the cells {@code sqref} ({@code I9:J10}) while {@code formula} (for its top-left cell) holds. */
    void shadeWhen(String sqref, String formula) {
        conditional.add(new String[] {sqref, formula});
    }

    private void put(int row, int col, Cell cell) {
        pending.computeIfAbsent(row, r -> new TreeMap<>()).put(col, cell);
    }

    /** Writes out every waiting row. */
    void flush() {
        for (Map.Entry<Integer, TreeMap<Integer, Cell>> row : pending.entrySet()) {
            int r = row.getKey();
            rows.append("<row r=\"").append(r + 1).append("\">");
            for (Map.Entry<Integer, Cell> entry : row.getValue().entrySet()) {
                cell(CellRef.of(r, entry.getKey()), entry.getValue());
            }
            rows.append("</row>\n");
        }
        pending.clear();
    }

    private void cell(String ref, Cell cell) {
        if (cell.text != null || (cell.formula == null && !Double.isFinite(cell.value))) {
            String text = cell.text != null ? cell.text : Double.toString(cell.value);
            rows.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>");
            Xml.escape(text, rows);
            rows.append("</t></is></c>");
            return;
        }
        rows.append("<c r=\"").append(ref).append("\">");
        if (cell.formula != null) {
            rows.append("<f>");
            Xml.escape(cell.formula, rows);
            rows.append("</f>");
        }
        if (Double.isFinite(cell.value)) {
            rows.append("<v>").append(cell.value).append("</v>");
        }
        rows.append("</c>");
    }

    /** The whole worksheet part; {@code selected} for the sheet the workbook opens on. */
    String xml(boolean selected) {
        flush();
        StringBuilder xml = new StringBuilder(rows.length() + 512);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<worksheet xmlns=\"").append(Xml.MAIN).append("\">")
                .append("<sheetViews><sheetView workbookViewId=\"0\"")
                .append(selected ? " tabSelected=\"1\"" : "").append("/></sheetViews>")
                .append("<sheetFormatPr defaultRowHeight=\"15\"/><sheetData>\n")
                .append(rows)
                .append("</sheetData>");
        int priority = 1;
        for (String[] rule : conditional) {
            xml.append("<conditionalFormatting sqref=\"").append(rule[0]).append("\">")
                    .append("<cfRule type=\"expression\" dxfId=\"0\" priority=\"").append(priority++).append("\"><formula>");
            Xml.escape(rule[1], xml);
            xml.append("</formula></cfRule></conditionalFormatting>");
        }
        return xml.append("</worksheet>").toString();
    }
}
