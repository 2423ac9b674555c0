package dev.longhand.render;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.reflect.Guard;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    public Templates(Path root) {
        this.root = root;
        this.factory = new DefaultMustacheFactory(root.toFile()) {
            @Override
            public void encode(String value, java.io.Writer writer) {
                Html.escape(value, writer);
            }
        };
        this.factory.setObjectHandler(new StrictObjectHandler());
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
            Mustache mustache = compiled.computeIfAbsent(name, n -> factory.compile(n + ".mustache"));
            StringWriter out = new StringWriter();
            mustache.execute(out, view);
            return out.toString();
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

    /** Missing names are errors, not empty strings. */
    private static final class StrictObjectHandler extends ReflectionObjectHandler {
        @Override
        protected MissingWrapper createMissingWrapper(String name, List<Guard> guards) {
            throw new MustacheException("the view has no value named '" + name + "'");
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
