package dev.longhand.site;

import dev.longhand.diag.Diagnostics;

/**
 * What a build or check found and did.
 *
 * @param diagnostics every error and warning, in no particular order
 * @param lessons     how many lessons were read
 * @param pages       how many pages were written (0 for a check or a failed build)
 * @param drafts      how many drafts were left out (not counted in {@code lessons})
 * @param unchanged   how many lessons were written from the last build's files, not computed
 */
public record BuildReport(Diagnostics diagnostics, int lessons, int pages, int drafts, int unchanged) {

    /** Every lesson computed. */
    public BuildReport(Diagnostics diagnostics, int lessons, int pages, int drafts) {
        this(diagnostics, lessons, pages, drafts, 0);
    }

    /** No drafts left out. */
    public BuildReport(Diagnostics diagnostics, int lessons, int pages) {
        this(diagnostics, lessons, pages, 0);
    }

    public boolean succeeded() {
        return !diagnostics.hasErrors();
    }
}
