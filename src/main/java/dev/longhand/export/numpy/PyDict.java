package dev.longhand.export.numpy;

import java.util.ArrayList;
import java.util.List;

/** A Python dict literal written one entry a line: a layer of the script. Values are Python expressions. */
public final class PyDict {

    private final List<String[]> entries = new ArrayList<>();

    /** Adds {@code "key": expression}. */
    public PyDict put(String key, String expression) {
        entries.add(new String[]{key, expression});
        return this;
    }

    /**
     * The literal, its first line at the current position and the others indented by {@code indent}
     * spaces; an expression's own later lines get the indent of its entry.
     */
    public String write(int indent) {
        String inner = " ".repeat(indent + 4);
        StringBuilder out = new StringBuilder("{\n");
        for (String[] entry : entries) {
            out.append(inner).append(Python.string(entry[0])).append(": ")
                    .append(entry[1].replace("\n", "\n" + inner)).append(",\n");
        }
        return out.append(" ".repeat(indent)).append('}').toString();
    }
}
