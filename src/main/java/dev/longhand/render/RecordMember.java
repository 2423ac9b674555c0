package dev.longhand.render;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * What Mustache's member search finds under one name on one class of scope: a public
 * record's own no-argument method of that name, which {@link #read} calls; nothing
 * ({@link #NONE}); or anything else (a {@code getX()}, an {@code isX()}, a field, a static
 * method, a member of a class that is not a record, any map), which is {@link #MUSTACHE}'s
 * to read.
 */
final class RecordMember {

    /** Nothing Mustache could find under the name: the lookup goes on to the next outer scope. */
    static final RecordMember NONE = new RecordMember(null);

    /** Mustache's own binding decides, for the whole lookup. */
    static final RecordMember MUSTACHE = new RecordMember(null);

    private static final Object[] NO_ARGUMENTS = {};

    // A Method, not a MethodHandle: a handle held in a field is not a constant to the JIT,
    // and every call to it goes through Invokers.checkCustomized; five lookups took 93 ns
    // with handles against 58 to 73 ns with invoke() in a JMH run.
    private final Method accessor;

    private RecordMember(Method accessor) {
        this.accessor = accessor;
    }

    /** What Mustache's member search {@code found} for {@code name} on a public record class. */
    static RecordMember accessor(String name, AccessibleObject found) {
        // The search has made the method accessible, as it does for its own calls.
        return found instanceof Method method && method.getName().equals(name) && method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers()) ? new RecordMember(method) : MUSTACHE;
    }

    /** The accessor's value on {@code record}; only for a member that is neither NONE nor MUSTACHE. */
    Object read(Object record) throws IllegalAccessException, InvocationTargetException {
        return accessor.invoke(record, NO_ARGUMENTS);
    }
}
