package dev.longhand.cli;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Diagnostics;
import java.io.PrintWriter;

/** Prints diagnostics the way a compiler does, sorted, with a closing count. */
final class Report {

    private Report() {
    }

    static void print(Diagnostics diagnostics, PrintWriter err) {
        for (Diagnostic diagnostic : diagnostics.sorted()) {
            err.println(diagnostic.render());
        }
        if (!diagnostics.isEmpty()) {
            err.println(diagnostics.summary());
        }
        err.flush();
    }
}
