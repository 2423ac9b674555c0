package dev.longhand.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KaTeX as a site ships it, from its WebJar on the class path: the minified script and
 * stylesheet, the woff2 fonts the stylesheet names (every browser that runs KaTeX reads woff2,
 * so its woff and ttf copies are left out) and its MIT licence, which must go with every copy.
 * They go under {@code assets/katex/} only when a page has math; the stylesheet names its
 * fonts relative to itself ({@code fonts/…}), so pages work from disk.
 */
final class KatexAssets {

    /** The folder under the site's assets. */
    static final String FOLDER = "katex";
    static final String SCRIPT = FOLDER + "/katex.min.js";
    static final String STYLESHEET = FOLDER + "/katex.min.css";
    /** The theme's script that typesets each page's math with KaTeX. */
    static final String TYPESET_SCRIPT = "longhand-katex.js";
    /** The theme's styles for math, typeset or not. */
    static final String THEME_STYLESHEET = "longhand-katex.css";

    private static final String VERSION_FILE = "/META-INF/maven/org.webjars.npm/katex/pom.properties";
    private static final Pattern WOFF2 = Pattern.compile("url\\((fonts/[A-Za-z0-9_-]+\\.woff2)\\)");

    private KatexAssets() {
    }

    /** The files, relative to {@code assets/katex/}, in a stable order. */
    static List<String> files() {
        List<String> files = new ArrayList<>(List.of("LICENSE", "katex.min.css", "katex.min.js"));
        Matcher fonts = WOFF2.matcher(new String(read("katex.min.css"), StandardCharsets.UTF_8));
        TreeSet<String> named = new TreeSet<>();
        while (fonts.find()) {
            named.add(fonts.group(1));
        }
        files.addAll(named);
        return files;
    }

    /** Copies the files into {@code assets} (the site's assets folder). */
    static void copyInto(Path assets) throws IOException {
        Path folder = assets.resolve(FOLDER);
        for (String file : files()) {
            Path target = folder.resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream in = open(file)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static byte[] read(String file) {
        try (InputStream in = open(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the WebJar: {@code LICENSE} at its top, everything else under {@code dist/}. */
    private static InputStream open(String file) throws IOException {
        String path = "/META-INF/resources/webjars/katex/" + version() + "/"
                + (file.equals("LICENSE") ? "" : "dist/") + file;
        InputStream in = KatexAssets.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("KaTeX's " + path + " is not on the class path");
        }
        return in;
    }

    private static String version() throws IOException {
        try (InputStream in = KatexAssets.class.getResourceAsStream(VERSION_FILE)) {
            if (in == null) {
                throw new IllegalStateException("KaTeX's WebJar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
