package dev.longhand.render;

import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.TemplateContext;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads names straight off the view records. Mustache's own binding checks a list of guards
 * on every lookup (the number of scopes, the class of each scope it looks at), then calls
 * the accessor through reflection: 19 to 31 ns a lookup in a JMH run on a matrix cell's
 * scopes, 7 to 22 ns here, and a matrix cell makes about ten. What a name means on a class
 * of scope cannot change, so it is worked out once per class and name with Mustache's own
 * member search; whatever that finds other than a public record's plain accessor, Mustache
 * reads itself.
 */
final class ViewObjectHandler extends StrictObjectHandler {

    // Per class, per name; filled in as templates ask. A map of this handler's own rather
    // than a ClassValue: a class keeps its ClassValue entries for as long as it is loaded,
    // and the dev server makes a new handler for every rebuild.
    private final Map<Class<?>, Map<String, RecordMember>> members = new ConcurrentHashMap<>();

    @Override
    public Binding createBinding(String name, TemplateContext tc, Code code) {
        Binding mustache = super.createBinding(name, tc, code);
        // "." and dotted names walk into values: only Mustache knows how. Template text (a
        // code without a name) and a whole template also get a binding, which they never use.
        return name == null || name.indexOf('.') >= 0 ? mustache : new RecordBinding(name, this, mustache);
    }

    /** What {@code name} means on a scope of this class, in the terms of {@link RecordMember}. */
    RecordMember member(Class<?> type, String name) {
        Map<String, RecordMember> known = members.computeIfAbsent(type, t -> new ConcurrentHashMap<>());
        RecordMember member = known.get(name);
        if (member == null) {
            // Two threads may both work it out; they get the same answer.
            member = find(type, name);
            known.put(name, member);
        }
        return member;
    }

    private RecordMember find(Class<?> type, String name) {
        // Mustache reads a map by key and unwraps an Optional. For any other scope, what its
        // member search finds is all it would find, so finding nothing means "look further
        // out": a section on a flag or a string ({{#keyed}}, {{#cssClass}}) makes that value
        // the innermost scope of every name inside it.
        if (Map.class.isAssignableFrom(type) || type == Optional.class) {
            return RecordMember.MUSTACHE;
        }
        AccessibleObject found = findMember(type, name);
        if (found == null) {
            return RecordMember.NONE;
        }
        // Mustache searches a non-public class's interfaces first: leave those to it.
        return type.isRecord() && Modifier.isPublic(type.getModifiers())
                ? RecordMember.accessor(name, found) : RecordMember.MUSTACHE;
    }
}
