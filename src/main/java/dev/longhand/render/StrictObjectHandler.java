package dev.longhand.render;

import com.github.mustachejava.MustacheException;
import com.github.mustachejava.reflect.Guard;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import java.util.List;

/** Missing names are errors, not empty strings: Mustache would print nothing for a typo. */
class StrictObjectHandler extends ReflectionObjectHandler {

    @Override
    protected MissingWrapper createMissingWrapper(String name, List<Guard> guards) {
        throw new MustacheException("the view has no value named '" + name + "'");
    }
}
