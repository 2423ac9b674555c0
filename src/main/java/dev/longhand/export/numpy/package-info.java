/**
 * The {@code numpy} download: a Python 3 script needing only NumPy that sets a block's numbers,
 * runs its forward pass (and, for a training block, the loss, backward pass and updates) with one
 * small function per layer kind, prints what a learner compares with the page and leaves
 * {@code output}, {@code loss} and {@code losses} at module level. Dense layers are written here;
 * every other kind gives its {@link dev.longhand.export.numpy.NumpyKind} from its own package.
 */
package dev.longhand.export.numpy;
