package dev.longhand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages depend on each other in one direction only, as the table in style.md says.
 * Java's build does not enforce it, so this test reads every main source file: its imports,
 * and any fully qualified name written in the code, which would bypass the imports.
 */
class ArchitectureTest {

    /** Each package and the Longhand packages it may use. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("diag", Set.of()),
            Map.entry("nn", Set.of()),
            Map.entry("spec", Set.of("nn", "diag")),
            Map.entry("worked", Set.of("nn")),
            Map.entry("render", Set.of("nn", "worked", "diag")),
            Map.entry("export", Set.of("nn", "render", "worked", "diag")),
            Map.entry("kinds", Set.of("nn", "spec", "worked", "render", "export", "diag")),
            Map.entry("markdown", Set.of("kinds", "export", "spec", "nn", "render", "diag")),
            Map.entry("site", Set.of("markdown", "export", "render", "diag", "spec")),
            Map.entry("serve", Set.of("site", "render", "diag")),
            Map.entry("cli", Set.of("site", "serve", "diag")));

    private static final Pattern LONGHAND_NAME = Pattern.compile("\\bdev\\.longhand\\.([a-z_][a-z0-9_]*)\\.");
    private static final Pattern COMMONS_MATH = Pattern.compile("\\borg\\.apache\\.commons\\.math3\\b");

    record Source(String pkg, Path path, String code) {
    }

    private static Path main;
    private static List<Source> sources;

    @BeforeAll
    static void readSources() throws IOException {
        main = Path.of(System.getProperty("longhand.repo", ".")).resolve("src/main/java/dev/longhand");
        try (Stream<Path> walk = Files.walk(main)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().map(ArchitectureTest::read).toList();
        }
        assertTrue(sources.size() > 50, "found only " + sources.size() + " source files under " + main);
    }

    private static Source read(Path path) {
        Path relative = main.relativize(path);
        String pkg = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
        try {
            return new Source(pkg, relative, withoutPackageLine(Files.readString(path, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutPackageLine(String code) {
        return code.replaceFirst("(?m)^package [^;]+;", "");
    }

    @Test
    void everyPackageIsInTheTable() {
        Set<String> unknown = new TreeSet<>();
        for (Source source : sources) {
            if (!ALLOWED.containsKey(source.pkg())) {
                unknown.add(source.pkg().isEmpty() ? source.path().toString() : source.pkg());
            }
        }
        assertEquals(Set.of(), unknown, "add new packages to the dependency table (and to style.md)");
    }

    @Test
    void packagesUseOnlyThePackagesTheTableAllows() {
        List<String> violations = new ArrayList<>();
        for (Source source : sources) {
            Matcher m = LONGHAND_NAME.matcher(source.code());
            while (m.find()) {
                String used = m.group(1);
                Set<String> allowed = ALLOWED.getOrDefault(source.pkg(), Set.of());
                if (!used.equals(source.pkg()) && !allowed.contains(used)) {
                    violations.add(source.path() + " uses dev.longhand." + used);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void everyPackageHasAPackageInfo() {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> list = Files.list(main)) {
            list.filter(Files::isDirectory).forEach(p -> packages.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> missing = packages.stream()
                .filter(p -> !Files.isRegularFile(main.resolve(p).resolve("package-info.java")))
                .toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void onlyNnUsesCommonsMath() {
        List<String> violations = sources.stream()
                .filter(s -> !s.pkg().equals("nn") && COMMONS_MATH.matcher(s.code()).find())
                .map(s -> s.path().toString())
                .toList();
        assertEquals(List.of(), violations);
    }
}
