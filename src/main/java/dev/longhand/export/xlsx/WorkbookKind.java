package dev.longhand.export.xlsx;

/**
 * A layer kind that can write itself into a workbook ({@code kinds.LayerKind} is one): the one
 * hook {@link Workbook} looks for on a block's kind sheets.
 */
public interface WorkbookKind {

    KindWorkbook workbook();
}
