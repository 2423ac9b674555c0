package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both themes' colours, read from the theme's CSS variables, meet WCAG 2 AA: 4.5:1 for text
 * on the backgrounds it is drawn on, 3:1 for the focus ring against every surface.
 */
class ThemeContrastTest {

    /** Text colour, background colour, and where the pair appears. */
    private static final List<String[]> TEXT = List.of(
            new String[] {"ink", "paper", "prose"},
            new String[] {"muted", "paper", "summaries, section labels, footer"},
            new String[] {"accent", "paper", "links"},
            new String[] {"ink", "panel", "table of contents, code, current sidebar entry"},
            new String[] {"muted", "panel", "table of contents heading"},
            new String[] {"accent", "panel", "links in the table of contents, the chosen search result"},
            new String[] {"ink", "card", "mlp blocks, search results"},
            new String[] {"muted", "card", "matrix headers, notes, search excerpts"},
            new String[] {"accent", "card", "\"show the arithmetic\", search result titles"},
            new String[] {"clamp-ink", "card", "clamped results in worked lines"},
            new String[] {"clamp-ink", "clamp-bg", "clamped cells"},
            new String[] {"pass-ink", "pass-bg", "legend swatch of passed values"},
            new String[] {"ink", "pass-bg", "passed cells"},
            new String[] {"accent-ink", "accent", "skip link"},
            new String[] {"ink", "mark", "search highlights"});

    private static final List<String> SURFACES = List.of("paper", "panel", "card");

    private static Map<String, String> light;
    private static Map<String, String> dark;
    private static Map<String, String> darkBySystem;

    @BeforeAll
    static void readTheme() throws IOException {
        String css = Files.readString(SiteFiles.repoTemplates().resolve("assets/longhand.css"));
        light = variables(block(css, ":root {"));
        dark = variables(block(css, ":root[data-theme=\"dark\"] {"));
        darkBySystem = variables(block(css, ":root:not([data-theme=\"light\"]) {"));
    }

    private static String block(String css, String opening) {
        int start = css.indexOf(opening);
        assertTrue(start >= 0, "the theme has no " + opening + " block");
        return css.substring(start + opening.length(), css.indexOf('}', start));
    }

    private static Map<String, String> variables(String block) {
        Map<String, String> vars = new LinkedHashMap<>();
        Matcher m = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})\\s*;").matcher(block);
        while (m.find()) {
            vars.put(m.group(1), m.group(2));
        }
        return vars;
    }

    @Test
    void darkThemeIsTheSameWhetherChosenOrFromTheSystem() {
        assertEquals(dark, darkBySystem);
        assertTrue(dark.keySet().containsAll(List.of("ink", "paper", "accent", "clamp-ink", "card")), dark.toString());
    }

    @Test
    void darkThemeSetsEveryColourTheLightOneDoes() {
        assertEquals(light.keySet(), dark.keySet());
    }

    @Test
    void textMeetsAaInTheLightTheme() {
        assertEquals(List.of(), failures(light));
    }

    @Test
    void textMeetsAaInTheDarkTheme() {
        assertEquals(List.of(), failures(dark));
    }

    @Test
    void contrastIsComputedAsWcagDefinesIt() {
        assertEquals(21.0, contrast("#000000", "#ffffff"), 1e-9);
        assertEquals(1.0, contrast("#777777", "#777777"), 1e-9);
        // #767676 on white is the well-known lightest grey that passes AA: 4.54:1.
        assertEquals(4.54, contrast("#767676", "#ffffff"), 0.005);
    }

    private static List<String> failures(Map<String, String> theme) {
        List<String> failures = new ArrayList<>();
        for (String[] pair : TEXT) {
            double ratio = contrast(theme.get(pair[0]), theme.get(pair[1]));
            if (ratio < 4.5) {
                failures.add(pair[0] + " on " + pair[1] + " (" + pair[2] + "): " + String.format("%.2f", ratio));
            }
        }
        for (String surface : SURFACES) {
            double ratio = contrast(theme.get("focus"), theme.get(surface));
            if (ratio < 3) {
                failures.add("focus ring on " + surface + ": " + String.format("%.2f", ratio));
            }
        }
        return failures;
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG 2 relative luminance of an sRGB colour #rrggbb. */
    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
