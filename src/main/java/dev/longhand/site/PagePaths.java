package dev.longhand.site;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Where a lesson's page goes. The URL is the file name without its ordering prefix, so
 * that renumbering lessons ({@code 05-} to {@code 06-}) does not break links to them:
 * {@code content/05-seven-layers.md} becomes {@code seven-layers.html}.
 */
public final class PagePaths {

    private PagePaths() {
    }

    /** @param source the file relative to the content folder, forward slashes */
    public static String of(String source) {
        String withoutExtension = source.endsWith(".md") ? source.substring(0, source.length() - 3) : source;
        String[] parts = withoutExtension.split("/");
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            String name = last ? withoutOrderPrefix(parts[i]) : parts[i];
            if (i > 0) {
                path.append('/');
            }
            path.append(slug(name));
        }
        return path + ".html";
    }

    /** "../" once per folder the page is in, so that every link works from disk too. */
    public static String rootOf(String pagePath) {
        StringBuilder root = new StringBuilder();
        for (int i = 0; i < pagePath.length(); i++) {
            if (pagePath.charAt(i) == '/') {
                root.append("../");
            }
        }
        return root.toString();
    }

    /** "05-seven-layers" → "seven-layers"; a name that is only a number keeps it. */
    static String withoutOrderPrefix(String name) {
        int i = 0;
        while (i < name.length() && Character.isDigit(name.charAt(i))) {
            i++;
        }
        if (i == 0 || i == name.length()) {
            return name;
        }
        int j = i;
        while (j < name.length() && (name.charAt(j) == '-' || name.charAt(j) == '_' || name.charAt(j) == ' '
                || name.charAt(j) == '.')) {
            j++;
        }
        return j == i || j == name.length() ? name : name.substring(j);
    }

    /**
     * Lower case; letters and digits of any script kept, with the marks that belong to them;
     * every other run becomes one dash. Names are composed first (NFC): macOS lists "Ü" as
     * "U" plus a combining diaeresis, and the page must not depend on the machine.
     */
    static String slug(String name) {
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        String lower = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (isMark(cp) && !dash && out.length() > 0) {
                out.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                if (dash && out.length() > 0) {
                    out.append('-');
                }
                dash = false;
                out.appendCodePoint(cp);
            } else {
                dash = true;
            }
        }
        return out.length() == 0 ? "page" : out.toString();
    }

    /** A combining mark, such as a Devanagari vowel sign, that is part of the letter before it. */
    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
