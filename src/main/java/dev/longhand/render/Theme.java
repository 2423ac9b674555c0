package dev.longhand.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The site's theme: the built-in one inside the jar (this repository's {@code templates/},
 * packaged as resources), overridden file by file by a folder of the author's, as Hugo and
 * MkDocs themes are. A file the folder has is taken from the folder; any other from the
 * jar. The folder need not exist: then the theme is the built-in one.
 */
public final class Theme {

    /** Where the built-in theme sits on the class path (pom.xml packages {@code templates/} there). */
    static final String BUILT_IN = "dev/longhand/theme/";
    /** The theme's folder of files copied into the site as they are. */
    public static final String ASSETS = "assets";
    /** A file every built-in theme has: found, it says where the built-in theme is. */
    private static final String MARKER = "lesson.mustache";

    private final Path overrides;

    /** @param overrides the author's templates folder; need not exist */
    public Theme(Path overrides) {
        this.overrides = overrides;
    }

    /** The author's folder, whether or not it exists. */
    public Path overrides() {
        return overrides;
    }

    /** Whether the file, named relative to the theme ("lesson.mustache"), comes from the author's folder. */
    public boolean overridden(String file) {
        return Files.isRegularFile(overrides.resolve(file));
    }

    /** Whether the theme has the file, in the author's folder or built in. */
    public boolean has(String file) {
        return overridden(file) || Theme.class.getClassLoader().getResource(BUILT_IN + file) != null;
    }

    /** The file's bytes, from the author's folder when it has it, else from the jar; empty when neither has it. */
    Optional<InputStream> open(String file) throws IOException {
        if (overridden(file)) {
            return Optional.of(Files.newInputStream(overrides.resolve(file)));
        }
        return Optional.ofNullable(Theme.class.getClassLoader().getResourceAsStream(BUILT_IN + file));
    }

    /**
     * Every asset of the theme, relative to {@link #ASSETS} with "/" between names, sorted:
     * the built-in ones and the author's, each name once.
     */
    public SortedSet<String> assets() throws IOException {
        SortedSet<String> names = new TreeSet<>(builtInAssets());
        names.addAll(filesUnder(overrides.resolve(ASSETS)));
        return names;
    }

    /**
     * The files under a folder, relative to it with "/" between names; none when it is not a
     * folder. Files.walk does not follow links to folders, so no file outside the theme is copied.
     */
    private static List<String> filesUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .toList();
        }
    }

    /** Copies each asset into {@code target}/assets, the author's version of a file over the built-in one. */
    public void copyAssets(Path target) throws IOException {
        for (String name : assets()) {
            Path to = target.resolve(ASSETS).resolve(name);
            Files.createDirectories(to.getParent());
            String file = ASSETS + "/" + name;
            Optional<InputStream> in = open(file);
            if (in.isEmpty()) {
                continue; // removed from the folder since it was listed
            }
            try (InputStream stream = in.get()) {
                Files.copy(stream, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * The built-in assets: the class path holds the theme either as a folder (target/classes,
     * when Maven runs the build) or inside the jar, and a class loader cannot list a folder of
     * resources, so the one the theme's marker file lives in is read directly.
     */
    private static List<String> builtInAssets() throws IOException {
        URL marker = Theme.class.getClassLoader().getResource(BUILT_IN + MARKER);
        if (marker == null) {
            return List.of();
        }
        String prefix = BUILT_IN + ASSETS + "/";
        if (marker.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) marker.openConnection();
            // The cached JarFile is the one the class loader reads: listing it costs no second open.
            JarFile jar = connection.getJarFile();
            List<String> names = new ArrayList<>();
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                    names.add(entry.getName().substring(prefix.length()));
                }
            }
            return names;
        }
        try {
            return filesUnder(Path.of(marker.toURI()).getParent().resolve(ASSETS));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("cannot read the built-in theme at " + marker, e));
        }
    }
}
