package dev.longhand.serve;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Diagnostics;
import dev.longhand.render.Html;

/**
 * The errors of a failed build as HTML for the overlay: every diagnostic exactly as the
 * terminal prints it (position, message, source line, caret), escaped, in a monospace block
 * so the caret stays under its column.
 */
final class ErrorOverlay {

    private ErrorOverlay() {
    }

    static String html(Diagnostics diagnostics) {
        StringBuilder html = new StringBuilder();
        html.append("<p style=\"margin:0 0 1rem;font-weight:bold;color:#ff8a80\">Longhand: the build failed (")
                .append(Html.escape(diagnostics.summary()))
                .append("). The last good page is shown; save a fix and it reloads.</p>");
        for (Diagnostic diagnostic : diagnostics.sorted()) {
            html.append("<pre style=\"margin:0 0 1rem;white-space:pre;overflow-x:auto;color:inherit;background:none\">")
                    .append(Html.escape(diagnostic.render()))
                    .append("</pre>");
        }
        return html.toString();
    }
}
