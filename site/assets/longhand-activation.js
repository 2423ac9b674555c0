/*
 * Longhand: the "activation" layer kind on the page. Mirrors dev.longhand.kinds.activation
 * rule for rule: an activation function alone, entry by entry (softmax: each column), through
 * longhand.js's own activate (a dense layer's) and, backward, the arithmetic of
 * longhand-training.js's backwardThrough, so that both give the build's bits. Loaded after
 * longhand.js (and longhand-math.js where the page needs exp or erf) by pages whose blocks
 * use the kind.
 */
(function (api) {
  "use strict";

  if (!api) {
    return;
  }
  var I = api.internals;
  var matrix = I.matrix;
  var copy = I.copy;
  var activate = I.activate;
  var ACTIVATIONS = I.activations;

  // Per column: d = 0.0 + dA_0 * a_0 + ...; dZ_i = a_i * (dA_i - d) (the softmax Jacobian times dA).
  function softmaxBackward(a, dA) {
    var dZ = copy(a);
    for (var c = 0; c < a[0].length; c++) {
      var dot = 0.0;
      for (var r = 0; r < a.length; r++) {
        dot += dA[r][c] * a[r][c];
      }
      for (r = 0; r < a.length; r++) {
        dZ[r][c] = a[r][c] * (dA[r][c] - dot);
      }
    }
    return dZ;
  }

  // ActivationKind.line: "a₂ = ReLU(−1) = 0", "a₁ = x₁ = 2", "a₁ = exp(1) / (exp(1) + exp(2)) ≈ 0.2689".
  // On a worksheet "?" for an input the layer before hides (shelf.figure), as ActivationKind.
  function line(shelf, p, t, r, c) {
    var x = t.input;
    var xi = x[r][c];
    var at = shelf.input + r + "." + c;
    var unit = shelf.subscript(r + 1);
    var l = new shelf.Line(p).text("a" + unit + " = ");
    switch (t.layer.activation) {
      case "relu": shelf.figure(l.text("ReLU("), xi, at).text(")"); break;
      case "linear": l.text("x" + unit).uses(xi); break;
      case "sigmoid": shelf.figure(l.text("σ("), xi, at).text(")"); break;
      case "tanh": shelf.figure(l.text("tanh("), xi, at).text(")"); break;
      case "leaky_relu": shelf.figure(l.text("LeakyReLU("), xi, at).text(")"); break;
      case "gelu": shelf.figure(l.text("GELU("), xi, at).text(")"); break;
      default:
        shelf.figure(l.text("exp("), xi, at).text(") / (");
        l.terms(x.length, function (j) { shelf.figure(l.text("exp("), x[j][c], shelf.input + j + "." + c).text(")"); });
        l.text(")");
    }
    return l.result(t.a[r][c]);
  }

  // ReluMark.of: what ReLU did to an input value; other functions leave no mark.
  function reluMark(activation, x) {
    if (activation !== "relu") {
      return "";
    }
    return x < 0 ? "clamped" : "passed";
  }

  api.kinds.activation = {
    /** The layer as the page recomputes it (ActivationKind reads the same key). */
    spec: function (l) {
      return { type: "activation", name: l.name, activation: l.activation };
    },
    /** ActivationKind.traceFields: activation, a. */
    traceFields: function (t, I) {
      return ["\"activation\":" + I.jsonString(t.layer.activation), "\"a\":" + I.jsonMatrix(t.a)];
    },
    /** ActivationKind.section: A with ReLU's marks, and one line per value, grouped by sample. */
    view: function (t, prefix, lineKey, p, shelf) {
      shelf.put(prefix + "a.", t.a);
      t.a.forEach(function (row, r) {
        row.forEach(function (v, c) {
          var xi = t.input[r][c];
          var mark = reluMark(t.layer.activation, xi);
          shelf.marks[prefix + "a." + r + "." + c] = { css: mark, from: mark === "clamped" ? shelf.display(xi, p) : "" };
        });
      });
      // Lines for the rows and columns a large matrix shows, as ActivationKind writes them.
      shelf.shown(t.a.length).forEach(function (r) {
        shelf.shown(t.a[0].length).forEach(function (c) {
          shelf.lines[lineKey + ".a." + r + "." + c] = { kind: "forward", sum: line(shelf, p, t, r, c), result: "",
            css: reluMark(t.layer.activation, t.input[r][c]) };
        });
      });
    },
    /**
     * ActivationKind.gradientLines: each ∂L/∂x as a dense layer's ∂L/∂z line (ReLU's blocked ones
     * marked), or softmax and cross entropy together when the softmax ends the network.
     */
    gradientView: function (t, g, w) {
      var activation = t.layer.activation;
      var straight = w.last && w.loss === "cross_entropy" && activation === "softmax";
      w.shown(g.dA[0].length).forEach(function (c) {
        w.shown(g.dA.length).forEach(function (r) {
          var key = w.key("dZ", r, c);
          if (straight) {
            w.line(key, w.softmaxCrossEntropy(w.output, w.target, g.dInput, r, c, w.p));
          } else {
            w.line(key, w.delta(activation, t.input, t.a, g.dA, g.dInput, r, c, w.p),
              w.blocked(activation, t.input[r][c]) ? "blocked" : "");
          }
        });
      });
    },
    /** layer: {type: "activation", name, activation}; x: rows of the input. */
    forward: function (layer, x) {
      return { input: x, a: activate(layer.activation, x) };
    },
    /** dInput = dA * f'(input, a) entry by entry, or the softmax rule; no parameters. */
    backward: function (layer, trace, dA) {
      if (layer.activation === "softmax") {
        return { dA: dA, dInput: softmaxBackward(trace.a, dA), gradients: {} };
      }
      var d = ACTIVATIONS[layer.activation].derivative;
      var z = trace.input;
      var a = trace.a;
      return { dA: dA, dInput: matrix(z.length, z[0].length, function (r, c) { return dA[r][c] * d(z[r][c], a[r][c]); }),
        gradients: {} };
    },
    /** Whether cross entropy may start from the softmax's input: dInput = dLogits (backwardFromLogits). */
    endsInSoftmax: function (layer) {
      return layer.activation === "softmax";
    },
    /** What the softmax received: the input. */
    logits: function (layer, trace) {
      return trace.input;
    },
    backwardFromLogits: function (layer, trace, dA, dLogits) {
      return { dA: dA, dInput: dLogits, gradients: {} };
    }
  };
})(window.Longhand);
