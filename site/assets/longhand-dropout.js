/*
 * Longhand: the "dropout" layer kind on the page. Mirrors dev.longhand.kinds.dropout.Dropout:
 * a = (x * mask) / (1 - p) entry by entry, in that order, and dInput = (dA * mask) / (1 - p).
 * The mask comes with the layer (given, or drawn by the build from its seed), so nothing is
 * drawn here. Loaded after longhand.js by pages whose blocks use the kind.
 */
(function (api) {
  "use strict";

  if (!api) {
    return;
  }
  var matrix = api.internals.matrix;

  function scaled(m, mask, p) {
    var keep = 1.0 - p;
    return matrix(m.length, m[0].length, function (r, c) { return (m[r][c] * mask[r][c]) / keep; });
  }

  api.kinds.dropout = {
    /** layer: {type: "dropout", name, p, mask (rows of 0 and 1, the input's shape), seed?}. */
    forward: function (layer, x) {
      return { input: x, mask: layer.mask, a: scaled(x, layer.mask, layer.p) };
    },
    /** No parameters: only the gradient handed back, through the kept entries. */
    backward: function (layer, trace, dA) {
      return { dA: dA, dInput: scaled(dA, layer.mask, layer.p), gradients: {} };
    }
  };
})(window.Longhand);
