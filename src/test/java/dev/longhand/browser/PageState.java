package dev.longhand.browser;

import java.util.List;
import java.util.Map;

/**
 * Everything a page shows that the script may rewrite: every keyed figure with its cell's
 * class, every worked line with its class, every trace and every loss plot.
 */
final class PageState {

    /** Collected in the browser, so that the Java side compares plain strings. */
    static final String COLLECT = """
            const out = {values: [], lines: [], traces: [], plots: []};
            document.querySelectorAll('[data-v]').forEach(el => out.values.push(
                el.getAttribute('data-v') + '|' + el.textContent + '|' + (el.parentElement.getAttribute('class') || '')
                + '|' + ((el.parentElement.querySelector('.was s') || {}).textContent || '')));
            document.querySelectorAll('[data-work]').forEach(el => out.lines.push(
                el.getAttribute('data-work') + '|' + (el.getAttribute('class') || '') + '|' + el.textContent));
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
}
