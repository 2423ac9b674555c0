package dev.longhand.render;

import com.github.mustachejava.Binding;
import java.util.ArrayList;
import java.util.List;

/**
 * One plain name at one place in a template, read as Mustache reads it: from the innermost
 * scope that has it. Over view records, and over values without a member of that name (the
 * flag or string of an enclosing section), it walks the scopes itself; at any other scope
 * (a map, an Optional, a getter or a field), and when no scope has the name (the strict
 * error), the whole lookup is Mustache's own binding's.
 */
final class RecordBinding implements Binding {

    private final String name;
    private final ViewObjectHandler handler;
    private final Binding mustache;

    // A place in a template nearly always sees the same classes of scope, so the last walk is
    // kept and checked first: a few class comparisons instead of a map lookup per scope.
    // Written without a lock: a thread that sees an older route, or none, walks again.
    private Route last;

    RecordBinding(String name, ViewObjectHandler handler, Binding mustache) {
        this.name = name;
        this.handler = handler;
        this.mustache = mustache;
    }

    @Override
    public Object get(List<Object> scopes) {
        Route route = last;
        Object holder = route == null ? null : route.holder(scopes);
        return holder == null ? walk(scopes) : read(route.member, holder, scopes);
    }

    private Object walk(List<Object> scopes) {
        List<Class<?>> passed = new ArrayList<>();
        for (int i = scopes.size() - 1; i >= 0; i--) {
            Object scope = scopes.get(i);
            RecordMember member = scope == null ? RecordMember.NONE : handler.member(scope.getClass(), name);
            if (member == RecordMember.NONE) {
                passed.add(scope == null ? null : scope.getClass());
            } else {
                last = new Route(passed.toArray(new Class<?>[0]), scope.getClass(), member);
                return read(member, scope, scopes);
            }
        }
        return mustache.get(scopes);
    }

    private Object read(RecordMember member, Object holder, List<Object> scopes) {
        if (member == RecordMember.MUSTACHE) {
            return mustache.get(scopes);
        }
        try {
            return handler.coerce(member.read(holder));
        } catch (ReflectiveOperationException e) {
            // A failing accessor fails again in Mustache's hands, with Mustache's message.
            return mustache.get(scopes);
        }
    }

    /** Where a walk found the name: past scopes of these classes, innermost first, on one of the holder's class. */
    private static final class Route {
        private final Class<?>[] passed;
        private final Class<?> holder;
        private final RecordMember member;

        Route(Class<?>[] passed, Class<?> holder, RecordMember member) {
            this.passed = passed;
            this.holder = holder;
            this.member = member;
        }

        /** The scope that holds the name if these scopes are shaped as this route's were, else null. */
        Object holder(List<Object> scopes) {
            int i = scopes.size() - 1;
            for (Class<?> type : passed) {
                if (i < 0) {
                    return null;
                }
                Object scope = scopes.get(i--);
                if ((scope == null ? null : scope.getClass()) != type) {
                    return null;
                }
            }
            Object scope = i < 0 ? null : scopes.get(i);
            return scope != null && scope.getClass() == holder ? scope : null;
        }
    }
}
