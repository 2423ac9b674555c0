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

  api.kinds.activation = {
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
