package dev.longhand.render;

import dev.longhand.worked.Figures;

/** Numbers in the SVG the build draws, written the way the page's script redraws them. */
final class Svg {

    private Svg() {
    }

    /**
     * Two decimals rounded half up on the exact binary value, as JavaScript's toFixed(2)
     * does ({@code String.format} rounds the shortest decimal instead and can differ in the
     * last digit).
     */
    static String coord(double v) {
        return Figures.fixedPoint(v, 2);
    }
}
