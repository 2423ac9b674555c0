package dev.longhand.nn;

/** One stage's part of a backward pass. */
public interface StageGradients {

    /** dL/d(this stage's output). */
    Matrix dA();

    /** dL/d(this stage's input), handed to the stage before. */
    Matrix dInput();

    /** dL/d(each parameter), by the paths of {@link Stage#parameters()}. */
    Parameters gradients();
}
