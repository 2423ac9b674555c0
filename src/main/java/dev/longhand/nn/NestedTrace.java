package dev.longhand.nn;

import java.util.List;

/** The trace of a stage that holds layers of its own (a residual's): theirs, in order. */
public interface NestedTrace extends StageTrace {

    List<StageTrace> inner();
}
