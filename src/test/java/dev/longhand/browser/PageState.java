package dev.longhand.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a page shows that the script may rewrite: every keyed figure with its cell's
 * class, every diagram node and edge, every worked line with its class, every trace and every
 * loss plot.
 */
final class PageState {

    /** The parts of a state, in the order a reader meets them. */
    static final List<String> PARTS = List.of("values", "diagrams", "lines", "plots", "traces");

    /**
     * Collected in the browser, so that the Java side compares plain strings. With
     * {@code arguments[0]} true the short-lived animation classes ({@code changed} on a
     * recomputed figure or line, {@code edited} on the edited cell) are left out.
     */
    static final String COLLECT = """
            const settled = arguments.length > 0 && arguments[0] === true;
            const cls = el => {
              const c = el.getAttribute('class') || '';
              return settled ? c.split(/\\s+/).filter(x => x && x !== 'changed' && x !== 'edited').join(' ') : c;
            };
            const out = {values: [], diagrams: [], lines: [], traces: [], plots: []};
            document.querySelectorAll('[data-v]').forEach(el => out.values.push(
                el.getAttribute('data-v') + '|' + el.textContent + '|' + cls(el.parentElement)
                + '|' + ((el.parentElement.querySelector('.was s') || {}).textContent || '')));
            document.querySelectorAll('[data-work]').forEach(el => out.lines.push(
                el.getAttribute('data-work') + '|' + cls(el) + '|' + el.textContent));
            document.querySelectorAll('[data-node]').forEach(el => out.diagrams.push(
                el.getAttribute('data-node') + '|' + el.getAttribute('class') + '|' + el.textContent
                + '|' + el.querySelector('text').getAttribute('textLength')));
            document.querySelectorAll('[data-edge]').forEach(el => out.diagrams.push(
                el.getAttribute('data-edge') + '|' + el.getAttribute('class') + '|' + el.getAttribute('stroke-width')));
            document.querySelectorAll('script.mlp-trace').forEach(el => out.traces.push(el.textContent));
            document.querySelectorAll('figure.loss-figure').forEach(el => out.plots.push(el.innerHTML));
            return out;
            """;

    private PageState() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, List<String>> collect(Browser browser) {
        return (Map<String, List<String>>) browser.js(COLLECT);
    }

    /** The state without the classes that only animate a change for a moment. */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> settled(Browser browser) {
        return (Map<String, List<String>>) browser.js(COLLECT, true);
    }

    /**
     * The entries of {@code part} that differ between two states, at most {@code limit}, each
     * as "expected → actual"; a different count is one entry.
     */
    static List<String> differences(Map<String, List<String>> expected, Map<String, List<String>> actual,
                                    String part, int limit) {
        List<String> e = expected.get(part);
        List<String> a = actual.get(part);
        List<String> found = new ArrayList<>();
        if (e.size() != a.size()) {
            found.add(part + ": " + e.size() + " entries → " + a.size());
        }
        for (int i = 0; i < Math.min(e.size(), a.size()) && found.size() < limit; i++) {
            if (!e.get(i).equals(a.get(i))) {
                found.add(clip(e.get(i), a.get(i)));
            }
        }
        return found;
    }

    /** Two long entries shown around where they first differ. */
    private static String clip(String e, String a) {
        int at = 0;
        while (at < Math.min(e.length(), a.length()) && e.charAt(at) == a.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 80);
        return (from > 0 ? "…" : "") + e.substring(from, Math.min(e.length(), at + 80)) + "  →  "
                + (from > 0 ? "…" : "") + a.substring(from, Math.min(a.length(), at + 80));
    }
}
