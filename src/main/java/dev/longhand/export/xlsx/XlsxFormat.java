package dev.longhand.export.xlsx;

import dev.longhand.export.ExportFormat;
import dev.longhand.export.KindExports;
import dev.longhand.render.Block;

/** The spreadsheet download: {@link Workbook} of the block, an .xlsx file that recomputes like the page. */
public final class XlsxFormat implements ExportFormat {

    @Override
    public String key() {
        return "xlsx";
    }

    @Override
    public String suffix() {
        return ".xlsx";
    }

    @Override
    public String linkText() {
        return "Spreadsheet";
    }

    @Override
    public String description() {
        return "this network as a spreadsheet (Excel or LibreOffice) that recomputes when you change a number";
    }

    @Override
    public byte[] write(Block block, KindExports kinds) {
        return Workbook.of(block, kinds);
    }
}
