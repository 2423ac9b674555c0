package dev.longhand.site;

import dev.longhand.diag.Diagnostic;
import dev.longhand.diag.Diagnostics;
import dev.longhand.diag.Position;
import dev.longhand.diag.SourceText;
import dev.longhand.spec.BlockSource;
import dev.longhand.spec.SiteConfig;
import dev.longhand.spec.SiteConfigReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code longhand.yml} is and how it is read. By default it sits beside the content
 * folder ({@code content/../longhand.yml}, the repository's root); without one the site has
 * no base URL.
 */
public final class SiteConfigFile {

    public static final String DEFAULT_NAME = "longhand.yml";

    private SiteConfigFile() {
    }

    /** {@code longhand.yml} in the content folder's parent, if there is one. */
    public static Optional<Path> besideContent(Path content) {
        Path parent = content.toAbsolutePath().normalize().getParent();
        if (parent == null) {
            return Optional.empty();
        }
        Path file = parent.resolve(DEFAULT_NAME);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * The config in {@code file}, or empty after reporting its problems.
     *
     * @param label how messages name the file
     */
    static Optional<SiteConfig> read(Path file, String label, Diagnostics diagnostics) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            diagnostics.add(Diagnostic.error(Position.startOf(label),
                    "this file is not valid UTF-8 text; save it as UTF-8", ""));
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        SourceText source = new SourceText(label, text);
        int[] offsets = new int[source.lineCount()];
        for (int line = 1; line <= offsets.length; line++) {
            offsets[line - 1] = source.lineStart(line);
        }
        return SiteConfigReader.read(new BlockSource(source, text, offsets, Position.startOf(label)), diagnostics);
    }
}
