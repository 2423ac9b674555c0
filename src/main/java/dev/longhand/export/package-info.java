/**
 * The downloads of every block: each {@link dev.longhand.export.ExportFormat} turns a computed
 * block into a file (a NumPy script, a spreadsheet, ...) written next to its page, and
 * {@link dev.longhand.export.Exports} lists the formats, names the files and makes the page's links.
 */
package dev.longhand.export;
