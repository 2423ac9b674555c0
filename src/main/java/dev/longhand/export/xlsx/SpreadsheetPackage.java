package dev.longhand.export.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The .xlsx file (an Office Open XML package) of a few sheets and defined names, written
 * directly: the parts a spreadsheet needs to open it (content types, relationships, document
 * properties, the workbook, one style with the shading conditional formats use, the sheets) and
 * nothing else.
 *
 * <p>Written by hand rather than through Apache POI, which the first version used: a block's
 * workbook takes a fraction of a millisecond this way against 15 ms with POI's object model and
 * XML beans, and POI's classes added half a second to every build's start (bench/README.md,
 * "Spreadsheets without POI"). The tests still read every workbook back with POI and recompute
 * it in LibreOffice.
 *
 * <p>The bytes depend only on what was written: the document dates and zip entry times are fixed.
 */
final class SpreadsheetPackage {

    /** The date every workbook is written with, in its properties and its zip entries. */
    static final LocalDateTime FIXED = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final Map<String, SheetPart> sheets = new LinkedHashMap<>();
    private final List<String[]> names = new ArrayList<>();

    /** A new sheet, after the others. */
    SheetPart sheet(String name) {
        SheetPart sheet = new SheetPart(name);
        if (sheets.putIfAbsent(name, sheet) != null) {
            throw new IllegalStateException("two sheets named " + name);
        }
        return sheet;
    }

    Optional<SheetPart> find(String name) {
        return Optional.ofNullable(sheets.get(name));
    }

    /** A workbook-scoped defined name for {@code refersTo} ({@code 'Block'!$A$3:$A$5}). */
    void name(String name, String refersTo) {
        names.add(new String[] {name, refersTo});
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            // The fastest deflate: a workbook's parts are small and repetitive, so the file is
            // barely larger, and compressing was most of writing it.
            zip.setLevel(Deflater.BEST_SPEED);
            entry(zip, "[Content_Types].xml", contentTypes());
            entry(zip, "_rels/.rels", HEAD + "<Relationships xmlns=\"" + PACKAGE_RELATIONSHIPS + "\">"
                    + relationship(1, "xl/workbook.xml", Xml.RELATIONSHIPS + "/officeDocument")
                    + relationship(2, "docProps/app.xml", Xml.RELATIONSHIPS + "/extended-properties")
                    + relationship(3, "docProps/core.xml",
                            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties")
                    + "</Relationships>");
            entry(zip, "docProps/app.xml", HEAD
                    + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
                    + "<Application>Longhand</Application></Properties>");
            entry(zip, "docProps/core.xml", CORE);
            entry(zip, "xl/workbook.xml", workbook());
            entry(zip, "xl/_rels/workbook.xml.rels", workbookRelationships());
            entry(zip, "xl/styles.xml", STYLES);
            int i = 1;
            for (SheetPart sheet : sheets.values()) {
                entry(zip, "xl/worksheets/sheet" + i + ".xml", sheet.xml(i == 1));
                i++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(FIXED);
        zip.putNextEntry(entry);
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private String contentTypes() {
        StringBuilder s = new StringBuilder(HEAD)
                .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                .append(override("/xl/workbook.xml", "spreadsheetml.sheet.main"))
                .append(override("/xl/styles.xml", "spreadsheetml.styles"))
                .append(override("/docProps/app.xml", "extended-properties"))
                .append("<Override PartName=\"/docProps/core.xml\" ")
                .append("ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>");
        for (int i = 1; i <= sheets.size(); i++) {
            s.append(override("/xl/worksheets/sheet" + i + ".xml", "spreadsheetml.worksheet"));
        }
        return s.append("</Types>").toString();
    }

    private static String override(String part, String type) {
        return "<Override PartName=\"" + part + "\" ContentType=\"application/vnd.openxmlformats-officedocument."
                + type + "+xml\"/>";
    }

    private String workbook() {
        StringBuilder s = new StringBuilder(HEAD)
                .append("<workbook xmlns=\"").append(Xml.MAIN).append("\" xmlns:r=\"").append(Xml.RELATIONSHIPS).append("\">")
                .append("<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
        int i = 1;
        for (SheetPart sheet : sheets.values()) {
            s.append("<sheet name=\"").append(Xml.escape(sheet.name())).append("\" sheetId=\"").append(i)
                    .append("\" r:id=\"rId").append(i + 1).append("\"/>");
            i++;
        }
        s.append("</sheets>");
        if (!names.isEmpty()) {
            s.append("<definedNames>");
            for (String[] name : names) {
                s.append("<definedName name=\"").append(Xml.escape(name[0])).append("\">");
                Xml.escape(name[1], s);
                s.append("</definedName>");
            }
            s.append("</definedNames>");
        }
        // Only the trace's matrices carry a cached result, not the intermediates between them: ask
        // the spreadsheet to compute every formula on opening (Excel does; LibreOffice asks or shows the cache).
        return s.append("<calcPr fullCalcOnLoad=\"1\"/></workbook>").toString();
    }

    private String workbookRelationships() {
        StringBuilder s = new StringBuilder(HEAD).append("<Relationships xmlns=\"").append(PACKAGE_RELATIONSHIPS).append("\">")
                .append(relationship(1, "styles.xml", Xml.RELATIONSHIPS + "/styles"));
        for (int i = 1; i <= sheets.size(); i++) {
            s.append(relationship(i + 1, "worksheets/sheet" + i + ".xml", Xml.RELATIONSHIPS + "/worksheet"));
        }
        return s.append("</Relationships>").toString();
    }

    private static String relationship(int id, String target, String type) {
        return "<Relationship Id=\"rId" + id + "\" Type=\"" + type + "\" Target=\"" + target + "\"/>";
    }

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static final String CORE = HEAD
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:creator>Longhand</dc:creator>"
            + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:created>"
            + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:modified>"
            + "</cp:coreProperties>";

    /**
     * One font, the two fills every stylesheet must start with, one cell format, and one
     * differential format: the light grey fill of a clamped ReLU value's conditional format.
     */
    private static final String STYLES = HEAD
            + "<styleSheet xmlns=\"" + Xml.MAIN + "\">"
            + "<fonts count=\"1\"><font><sz val=\"11\"/><color indexed=\"8\"/><name val=\"Calibri\"/><family val=\"2\"/>"
            + "<scheme val=\"minor\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "<dxfs count=\"1\"><dxf><fill><patternFill patternType=\"solid\"><bgColor indexed=\"22\"/></patternFill></fill></dxf></dxfs>"
            + "</styleSheet>";
}
