package dev.longhand.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A request path made into a file inside the served folder, or refused. The checks are
 * deliberately blunt, since a dev server has no reason to accept anything odd: an encoded
 * slash or backslash, a backslash, a NUL, a "." or ".." segment (after decoding), a hidden
 * name (".longhand", temporary files), a drive letter, malformed percent-encoding; and the
 * file's real path (links followed) must still be inside the folder's real path.
 */
final class SafePath {

    /** What a request path names. */
    sealed interface Result permits Found, Folder, Refused, Missing {
    }

    /** A regular file inside the folder. */
    record Found(Path file) implements Result {
    }

    /** A folder asked for without its trailing slash: redirect, so relative links work. */
    record Folder(String location) implements Result {
    }

    /** A path that tries to leave the folder or is malformed. */
    record Refused(String why) implements Result {
    }

    /** Nothing there. */
    record Missing() implements Result {
    }

    private SafePath() {
    }

    /**
     * @param root    the served folder's real path ({@link Path#toRealPath})
     * @param rawPath the request's path, still percent-encoded
     */
    static Result resolve(Path root, String rawPath) throws IOException {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return new Refused("the path must start with /");
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") || rawPath.indexOf('\\') >= 0) {
            return new Refused("encoded slashes, backslashes and NUL are not accepted");
        }
        Optional<String> decoded = decode(rawPath);
        if (decoded.isEmpty()) {
            return new Refused("malformed percent-encoding");
        }
        String path = decoded.get();
        String[] segments = path.substring(1).split("/", -1);
        StringBuilder relative = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.isEmpty() && last) {
                break;
            }
            if (segment.isEmpty() || segment.startsWith(".") || segment.indexOf(':') >= 0
                    || segment.indexOf('\\') >= 0 || segment.indexOf('%') >= 0 || segment.indexOf('\0') >= 0) {
                return new Refused("the path has an empty, hidden, relative or encoded segment");
            }
            if (relative.length() > 0) {
                relative.append('/');
            }
            relative.append(segment);
        }
        Path candidate = root.resolve(relative.toString()).normalize();
        if (!candidate.startsWith(root)) {
            return new Refused("the path leaves the served folder");
        }
        if (Files.isDirectory(candidate)) {
            if (!path.endsWith("/")) {
                return inside(root, candidate) ? new Folder(rawPath + "/") : new Refused("link leaves the folder");
            }
            candidate = candidate.resolve("index.html");
        }
        if (!Files.exists(candidate)) {
            return new Missing();
        }
        if (!inside(root, candidate)) {
            return new Refused("a link leads out of the served folder");
        }
        return Files.isRegularFile(candidate) ? new Found(candidate) : new Missing();
    }

    /** Whether the file, every link followed, is still inside the folder. */
    private static boolean inside(Path root, Path file) throws IOException {
        return file.toRealPath().startsWith(root);
    }

    /** Percent-decoding as UTF-8, strict: a broken escape or invalid UTF-8 is empty. */
    static Optional<String> decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                if (Character.isSurrogate(c)) {
                    return Optional.empty();
                }
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
