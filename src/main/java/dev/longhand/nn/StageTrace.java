package dev.longhand.nn;

/** What one stage computed in a forward pass; each kind records what a learner checks by hand. */
public interface StageTrace {

    /** The stage, with the parameters used. */
    Stage stage();

    /** What the stage received: the previous stage's output, or the network input. */
    Matrix input();

    /** What the stage gave: its output. */
    Matrix a();

    /** For a stage that {@link Stage#endsInSoftmax()}: what its softmax received. */
    default Matrix logits() {
        throw new UnsupportedOperationException(stage().type() + " does not end in a softmax");
    }
}
