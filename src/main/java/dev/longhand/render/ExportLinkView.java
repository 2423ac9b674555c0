package dev.longhand.render;

/**
 * One download link of a block ("Take it with you"), as the theme draws it.
 *
 * @param format      the {@code data-export} value: {@code numpy}
 * @param href        the file, relative to the page
 * @param text        the link's text: "NumPy"
 * @param description what the file is, for screen readers: "NumPy script (Python 3)"
 */
public record ExportLinkView(String format, String href, String text, String description) {
}
