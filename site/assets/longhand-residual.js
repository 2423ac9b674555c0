/*
 * Longhand: the residual layer on the page, x + f(x), mirroring dev.longhand.kinds.residual
 * (Residual for the numbers, ResidualKind for the trace and the worked lines). Loaded after
 * longhand.js by pages whose blocks have a residual layer.
 */
(function (api) {
  "use strict";

  if (!api) {
    return;
  }

  api.kinds.residual = {
    /** The layer as the page recomputes it: its inner layers' specs. */
    spec: function (l, layerSpec) {
      return { type: "residual", name: l.name, layers: l.layers.map(layerSpec) };
    },

    /** Residual.forward: the inner layers in order, then each entry x + f(x). */
    forward: function (layer, x, I) {
      var inner = I.forward(layer.layers, x);
      var f = inner[inner.length - 1].a;
      return { inner: inner, branch: f,
        a: I.matrix(x.length, x[0].length, function (r, c) { return x[r][c] + f[r][c]; }) };
    },

    /**
     * Residual.backward: the inner layers back to front (I.stageBackward, from
     * longhand-training.js), then dL/dx = dL/da + the inner layers' dL/dx, entry by entry in that
     * order; the gradients are the inner layers', {} for one without parameters.
     */
    backward: function (layer, t, dA, I) {
      var inner = [];
      var d = dA;
      for (var i = layer.layers.length - 1; i >= 0; i--) {
        inner[i] = I.stageBackward(t.inner[i], d, null);
        d = inner[i].dInput;
      }
      return { dA: dA, inner: inner,
        dInput: I.matrix(dA.length, dA[0].length, function (r, c) { return dA[r][c] + d[r][c]; }),
        gradients: { layers: inner.map(function (g) { return g.gradients; }) } };
    },

    /** ResidualKind.traceFields: the inner layers' traces, then a. */
    traceFields: function (t, I) {
      return ["\"layers\":[" + t.inner.map(function (u) { return I.stageJson(u, null); }).join(",") + "]",
        "\"a\":" + I.jsonMatrix(t.a)];
    },

    /**
     * ResidualKind.section: the inner layers' numbers and lines, A, and one line x + f = a per
     * entry, with "?" on a worksheet where x or f(x) is hidden.
     */
    view: function (t, prefix, lineKey, p, shelf) {
      shelf.layers(t.inner, prefix + "layers.");
      shelf.put(prefix + "a.", t.a);
      var branch = prefix + "layers." + (t.inner.length - 1) + ".a.";
      // As ResidualKind: lines for the rows and columns a large matrix shows (its first and last three).
      shelf.shown(t.a.length).forEach(function (r) {
        shelf.shown(t.a[0].length).forEach(function (c) {
          var line = new shelf.Line(p);
          shelf.figure(line, t.input[r][c], shelf.input + r + "." + c).text(" + ");
          var sum = shelf.factor(line, t.branch[r][c], branch + r + "." + c).result(t.a[r][c]);
          shelf.lines[lineKey + ".sum." + r + "." + c] = { kind: "forward", sum: sum, result: "", css: "" };
        });
      });
    }
  };
})(window.Longhand);
