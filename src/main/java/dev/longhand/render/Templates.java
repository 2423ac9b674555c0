package dev.longhand.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The theme's Mustache templates, compiled once per build. A name a template uses but the
 * view lacks is an error (Mustache would silently print nothing), so a typo in a template
 * fails the build instead of shipping an empty page.
 */
public final class Templates {

    private final Path root;
    private final DefaultMustacheFactory factory;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    public Templates(Path root) {
        this.root = root;
        this.factory = new DefaultMustacheFactory(root.toFile()) {
            @Override
            public void encode(String value, java.io.Writer writer) {
                Html.escape(value, writer);
            }
        };
        this.factory.setObjectHandler(new ViewObjectHandler());
    }

    public Path root() {
        return root;
    }

    /** Whether the theme has a template of this name ({@code name.mustache}). */
    public boolean has(String name) {
        return Files.isRegularFile(root.resolve(name + ".mustache"));
    }

    /** Renders {@code name.mustache} with a view; {@link TemplateException} for a broken template. */
    public String render(String name, Object view) {
        try {
            return compiled.computeIfAbsent(name, n -> new Compiled(factory.compile(n + ".mustache"))).render(view);
        } catch (MustacheException | UncheckedIOException e) {
            throw new TemplateException(root.resolve(name + ".mustache"), rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return t == e ? message : e.getMessage() + ": " + message;
    }

    /**
     * A compiled template and the length of its last output, which the next render starts
     * with room for. Grown by doubling from 16 characters, as StringWriter's buffer is, the
     * 900 KB lesson page was copied sixteen times over, the last copies as large as the page:
     * a quarter of the time its rendering took. Renders running at once may overwrite each
     * other's length; it only says how large the buffer starts.
     */
    private static final class Compiled {
        private final Mustache mustache;
        private volatile int lastLength = 8192;

        Compiled(Mustache mustache) {
            this.mustache = mustache;
        }

        String render(Object view) {
            StringBuilderWriter out = new StringBuilderWriter(lastLength);
            mustache.execute(out, view);
            String text = out.toString();
            lastLength = text.length();
            return text;
        }
    }

    /** A theme problem: which template, and what Mustache said. */
    public static final class TemplateException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Path template;

        TemplateException(Path template, String message) {
            super(message);
            this.template = template;
        }

        public Path template() {
            return template;
        }
    }

}
