package dev.longhand.nn;

import java.util.List;

/** The backward pass of a stage that holds layers of its own (a residual's): theirs, in order. */
public interface NestedGradients extends StageGradients {

    List<StageGradients> inner();
}
