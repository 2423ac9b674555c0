package dev.longhand.markdown;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a link in a lesson points at, when it is Longhand's business: a relative path to a
 * {@code .md} file (another lesson), optionally with a {@code #heading}, or a {@code #heading}
 * on the same page. Addresses with a scheme (http:, mailto:), absolute paths and links to
 * anything else (images, .html pages) are left alone.
 *
 * @param file   the lesson file, resolved against the linking file's folder and named the same
 *               way ("content/basics/01-one-node.md"); empty for the same page
 * @param anchor the part after {@code #}, percent-decoded, or empty
 */
record LinkTarget(String file, String anchor) {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    static Optional<LinkTarget> of(String from, String url) {
        String written = url.strip();
        if (written.isEmpty() || SCHEME.matcher(written).find() || written.startsWith("/")
                || written.startsWith("\\")) {
            return Optional.empty();
        }
        int hash = written.indexOf('#');
        String path = hash < 0 ? written : written.substring(0, hash);
        String anchor = hash < 0 ? "" : decode(written.substring(hash + 1));
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty()) {
            return anchor.isEmpty() ? Optional.empty() : Optional.of(new LinkTarget("", anchor));
        }
        String decoded = decode(path);
        if (!decoded.endsWith(".md")) {
            return Optional.empty();
        }
        return Optional.of(new LinkTarget(resolve(from, decoded), anchor));
    }

    /**
     * {@code to} relative to the folder of {@code from}, with "." and ".." worked out; a path
     * that climbs above the first folder keeps its leading "..", so it names no lesson.
     */
    static String resolve(String from, String to) {
        int slash = from.lastIndexOf('/');
        String joined = (slash < 0 ? "" : from.substring(0, slash + 1)) + to.replace('\\', '/');
        Deque<String> parts = new ArrayDeque<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        // A file named from the root ("/work/content/a.md", when --content is absolute) keeps its root.
        return (joined.startsWith("/") ? "/" : "") + String.join("/", parts);
    }

    /** Percent-decoding as in a URL path ("my%20lesson.md"); a malformed escape stays as written. */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
                continue;
            }
            flush(bytes, out);
            out.append(c);
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.reset();
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
