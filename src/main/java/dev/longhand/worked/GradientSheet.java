package dev.longhand.worked;

import dev.longhand.nn.Activation;
import dev.longhand.nn.Loss;
import dev.longhand.nn.Matrix;

/**
 * Writes out the arithmetic of training: the loss, every gradient of the backward pass and
 * every update of gradient descent. Like {@link Worksheet}, every rule is plain string work
 * that the browser repeats after an edit.
 */
public final class GradientSheet {

    private final int precision;

    public GradientSheet(int precision) {
        this.precision = precision;
    }

    /**
     * MSE: {@code L = ((a₁ − t₁)² + ...) / N}; cross entropy: {@code L = −(t₁·log(a₁) + ...) / m}.
     */
    public String loss(Loss loss, Matrix output, Matrix target, double value) {
        Line line = new Line(precision).text("L = ");
        if (loss == Loss.MSE) {
            line.text("(");
            int rows = output.rows();
            line.terms(rows * output.cols(), i -> line.text("(").figure(output.get(i % rows, i / rows)).text(" − ")
                    .factor(target.get(i % rows, i / rows)).text(")²"));
            return line.text(") / ").text(Integer.toString(output.rows() * output.cols())).result(value);
        }
        line.text("−(");
        int rows = output.rows();
        line.terms(rows * output.cols(), i -> line.factor(target.get(i % rows, i / rows)).text("·log(")
                .figure(output.get(i % rows, i / rows)).text(")"));
        return line.text(") / ").text(Integer.toString(output.cols())).result(value);
    }

    /** The output layer's ∂L/∂a for MSE: {@code ∂L/∂a₁ = 2·(a₁ − t₁) / N}. */
    public String outputGradient(Loss loss, Matrix output, Matrix target, Matrix dA, int unit, int sample) {
        Line line = new Line(precision).text("∂L/∂a" + Figures.subscript(unit + 1) + " = ");
        if (loss == Loss.MSE) {
            line.text("2·(").figure(output.get(unit, sample)).text(" − ").factor(target.get(unit, sample))
                    .text(") / ").text(Integer.toString(output.rows() * output.cols()));
        } else {
            line.text("−").factor(target.get(unit, sample)).text(" / (").figure(output.get(unit, sample))
                    .text("·").text(Integer.toString(output.cols())).text(")");
        }
        return line.result(dA.get(unit, sample));
    }

    /**
     * Softmax with cross entropy, straight to ∂L/∂z: {@code ∂L/∂z₁ = (a₁ − t₁) / m}, or
     * {@code (a₁·Σt − t₁) / m} for a sample whose target does not add up to 1, as the gradient
     * is computed.
     */
    public String softmaxCrossEntropyDelta(Matrix output, Matrix target, Matrix dZ, int unit, int sample) {
        double targetSum = 0.0;
        for (int r = 0; r < target.rows(); r++) {
            targetSum += target.get(r, sample);
        }
        Line line = new Line(precision).text("∂L/∂z" + Figures.subscript(unit + 1) + " = (")
                .figure(output.get(unit, sample));
        if (targetSum != 1.0) {
            line.text("·").factor(targetSum);
        }
        return line.text(" − ").factor(target.get(unit, sample)).text(") / ")
                .text(Integer.toString(output.cols()))
                .result(dZ.get(unit, sample));
    }

    /** A hidden layer's ∂L/∂a from the layer above: {@code ∂L/∂a₂ = w₁₂·δ₁ + w₂₂·δ₂}. */
    public String hiddenGradient(Matrix weightsAbove, Matrix dZAbove, Matrix dA, int unit, int sample) {
        Line line = new Line(precision).text("∂L/∂a" + Figures.subscript(unit + 1) + " = ");
        line.terms(weightsAbove.rows(), j -> line.factor(weightsAbove.get(j, unit)).text("·")
                .factor(dZAbove.get(j, sample)));
        return line.result(dA.get(unit, sample));
    }

    /**
     * {@code ∂L/∂z₂ = ∂L/∂a₂ · f′(z₂)} with the numbers; the derivatives that are computed from
     * the output a show that step: sigmoid {@code (−1.1288)·σ′(−0.5) = (−1.1288)·0.3775·(1 − 0.3775)
     * = (−1.1288)·0.235}, tanh {@code 3·tanh′(0.5) = 3·(1 − 0.4621²) = 3·0.7864}; ReLU, leaky ReLU
     * and linear show their 1, 0 or slope straight after f′(z). For softmax without cross entropy,
     * {@code a₂·(∂L/∂a₂ − Σ ∂L/∂a·a)}.
     */
    public String delta(Activation activation, Matrix z, Matrix a, Matrix dA, Matrix dZ, int unit, int sample) {
        String sub = Figures.subscript(unit + 1);
        Line line = new Line(precision).text("∂L/∂z" + sub + " = ");
        if (activation == Activation.SOFTMAX) {
            line.factor(a.get(unit, sample)).text("·(").figure(dA.get(unit, sample)).text(" − (");
            line.terms(a.rows(), j -> line.factor(dA.get(j, sample)).text("·").factor(a.get(j, sample)));
            return line.text("))").result(dZ.get(unit, sample));
        }
        double zi = z.get(unit, sample);
        double ai = a.get(unit, sample);
        double gradient = dA.get(unit, sample);
        line.factor(gradient).text("·").text(derivativeName(activation)).text("(").figure(zi).text(") = ")
                .factor(gradient).text("·");
        // Sigmoid and tanh are differentiated through their output a, so the line writes that
        // step out with a's figure from the forward pass before the derivative's value.
        if (activation == Activation.SIGMOID) {
            line.factor(ai).text("·(1 − ").factor(ai).text(") = ").factor(gradient).text("·");
        } else if (activation == Activation.TANH) {
            line.text("(1 − ").factor(ai).text("²) = ").factor(gradient).text("·");
        }
        return line.factor(activation.derivative(zi, ai)).result(dZ.get(unit, sample));
    }

    /** Whether ReLU stopped this gradient: z ≤ 0 gives ReLU′ = 0. */
    public static boolean blocked(Activation activation, double z) {
        return activation == Activation.RELU && !(z > 0);
    }

    /** {@code ∂L/∂w₁₂ = δ₁·a₂} summed over the samples. */
    public String weightGradient(Matrix dZ, Matrix input, Matrix dW, int unit, int from) {
        Line line = new Line(precision)
                .text("∂L/∂w" + Figures.subscript(unit + 1) + "," + Figures.subscript(from + 1) + " = ");
        line.terms(dZ.cols(), s -> line.factor(dZ.get(unit, s)).text("·").factor(input.get(from, s)));
        return line.result(dW.get(unit, from));
    }

    /** {@code ∂L/∂b₁ = δ₁} summed over the samples. */
    public String biasGradient(Matrix dZ, Matrix db, int unit) {
        String sub = Figures.subscript(unit + 1);
        Line line = new Line(precision).text("∂L/∂b" + sub + " = ");
        if (dZ.cols() == 1) {
            return line.text("∂L/∂z" + sub).uses(dZ.get(unit, 0)).result(db.get(unit, 0));
        }
        line.terms(dZ.cols(), s -> {
            if (s > 0) {
                line.factor(dZ.get(unit, s));
            } else {
                line.figure(dZ.get(unit, s));
            }
        });
        return line.result(db.get(unit, 0));
    }

    /** {@code w₁,₂ ← 1 − 0.1·2 = 0.8}: one entry of one gradient-descent step. */
    public String update(String name, double before, double learningRate, double gradient, double after) {
        return new Line(precision).text(name + " ← ").figure(before).text(" − ").factor(learningRate).text("·")
                .factor(gradient).result(after);
    }

    public static String derivativeName(Activation activation) {
        return switch (activation) {
            case RELU -> "ReLU′";
            case LINEAR -> "linear′";
            case SIGMOID -> "σ′";
            case TANH -> "tanh′";
            case LEAKY_RELU -> "LeakyReLU′";
            case GELU -> "GELU′";
            case SOFTMAX -> "softmax′";
        };
    }
}
