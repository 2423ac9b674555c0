package dev.longhand.site;

import dev.longhand.diag.Diagnostics;

/**
 * What a build or check found and did.
 *
 * @param diagnostics every error and warning, in no particular order
 * @param lessons     how many lessons were read
 * @param pages       how many pages were written (0 for a check or a failed build)
 */
public record BuildReport(Diagnostics diagnostics, int lessons, int pages) {

    public boolean succeeded() {
        return !diagnostics.hasErrors();
    }
}
