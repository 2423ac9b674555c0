package dev.longhand.serve;

import java.util.Locale;

/**
 * The script the dev server adds to every HTML page it serves (never to a file): it listens
 * to the server's events, reloads the page when a newer build is ready, and shows the errors
 * of a failed build over the page, which stays the last good one.
 */
final class ReloadScript {

    static final String EVENTS = "/__longhand/events";
    static final String OVERLAY_ID = "longhand-errors";

    private static final String SCRIPT = """
            <script data-longhand-reload>
            (function () {
              var build = "%s";
              if (!window.EventSource) { return; }
              var events = new EventSource("%s");
              events.addEventListener("reload", function (e) {
                if (e.data !== build) { events.close(); location.reload(); }
              });
              events.addEventListener("errors", function (e) {
                var box = document.getElementById("%s");
                if (!box) {
                  box = document.createElement("div");
                  box.id = "%s";
                  box.setAttribute("role", "alert");
                  box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;"
                    + "background:rgba(20,20,20,.92);color:#f5f5f5;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace";
                  document.body.appendChild(box);
                }
                box.innerHTML = e.data;
              });
            })();
            </script>
            """;

    private ReloadScript() {
    }

    /** The script for a page of build {@code build}. */
    static String forBuild(String build) {
        return String.format(Locale.ROOT, SCRIPT, build, EVENTS, OVERLAY_ID, OVERLAY_ID);
    }

    /** The page with the script added before its last {@code </body>} (or at the end). */
    static String inject(String html, String build) {
        String script = forBuild(build);
        int at = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        return at < 0 ? html + script : html.substring(0, at) + script + html.substring(at);
    }
}
