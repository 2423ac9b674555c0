package dev.longhand.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The theme's Mustache templates, compiled once per build: each from the author's templates
 * folder when it has the file, otherwise from the built-in theme ({@link Theme}). A name a template uses but the
 * view lacks is an error (Mustache would silently print nothing), so a typo in a template
 * fails the build instead of shipping an empty page.
 */
public final class Templates {

    private final Theme theme;
    private final DefaultMustacheFactory factory;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    /** @param overrides the author's templates folder (need not exist) over the built-in theme */
    public Templates(Path overrides) {
        this(new Theme(overrides));
    }

    public Templates(Theme theme) {
        this.theme = theme;
        this.factory = new DefaultMustacheFactory(file -> {
            try {
                return theme.open(file).map(in -> new InputStreamReader(in, StandardCharsets.UTF_8)).orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }) {
            @Override
            public void encode(String value, java.io.Writer writer) {
                Html.escape(value, writer);
            }
        };
        this.factory.setObjectHandler(new ViewObjectHandler());
    }

    public Theme theme() {
        return theme;
    }

    /** Whether the theme has a template of this name ({@code name.mustache}). */
    public boolean has(String name) {
        return theme.has(name + ".mustache");
    }

    /** Renders {@code name.mustache} with a view; {@link TemplateException} for a broken template. */
    public String render(String name, Object view) {
        try {
            return compiled.computeIfAbsent(name, n -> new Compiled(factory.compile(n + ".mustache"))).render(view);
        } catch (MustacheException | UncheckedIOException e) {
            String file = name + ".mustache";
            throw new TemplateException(file, theme.overridden(file), rootMessage(e));
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

    /** A theme problem: which template, whether it is the author's or built in, and what Mustache said. */
    public static final class TemplateException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String template;
        private final boolean overridden;

        TemplateException(String template, boolean overridden, String message) {
            super(message);
            this.template = template;
            this.overridden = overridden;
        }

        /** The template's name in the theme ("lesson.mustache"). */
        public String template() {
            return template;
        }

        /** Whether the author's templates folder has it (else it is the built-in one). */
        public boolean overridden() {
            return overridden;
        }
    }

}
