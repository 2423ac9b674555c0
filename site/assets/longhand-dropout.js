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
    },
    /** The layer as the page recomputes it: p, the seed as the trace writes it (number or text), the mask. */
    spec: function (l, layerSpec, I) {
      var layer = { type: "dropout", name: l.name, p: l.p, mask: I.copy(l.mask) };
      if (l.seed !== undefined) {
        layer.seed = l.seed;
      }
      return layer;
    },
    /** DropoutKind.traceFields: p, seed (only when given; text when beyond ±2^53, as read), mask, a. */
    traceFields: function (t, I) {
      var l = t.layer;
      var fields = ["\"p\":" + I.jsonNumber(l.p)];
      if (l.seed !== undefined) {
        fields.push("\"seed\":" + (typeof l.seed === "string" ? I.jsonString(l.seed) : I.jsonNumber(l.seed)));
      }
      fields.push("\"mask\":" + I.jsonMatrix(l.mask), "\"a\":" + I.jsonMatrix(t.a));
      return fields;
    },
    /** DropoutKind.gradientLines: "∂L/∂x₁ = 0.5·1 / (1 − 0.5) = 1", "(dropped)" after a dropped entry. */
    gradientView: function (t, g, w) {
      var mask = t.layer.mask;
      w.shown(g.dA[0].length).forEach(function (c) {
        w.shown(g.dA.length).forEach(function (r) {
          var gone = mask[r][c] === 0;
          w.line(w.key("dInput", r, c), new w.Line(w.p).text("∂L/∂x" + w.subscript(r + 1) + " = ").factor(g.dA[r][c])
            .text("·").factor(mask[r][c]).text(" / (1 − ").figure(t.layer.p).text(")").result(g.dInput[r][c])
            + (gone ? " (dropped)" : ""));
        });
      });
    },
    /** DropoutKind.section: the mask and A (dropped cells marked), one line per value, grouped by sample. */
    view: function (t, prefix, lineKey, p, shelf) {
      var l = t.layer;
      shelf.put(prefix + "mask.", l.mask);
      shelf.put(prefix + "a.", t.a);
      t.a.forEach(function (row, r) {
        row.forEach(function (v, c) {
          shelf.marks[prefix + "a." + r + "." + c] = { css: l.mask[r][c] === 0 ? "dropped" : "" };
        });
      });
      // Lines for the rows and columns a large matrix shows, as DropoutKind writes them.
      shelf.shown(t.a.length).forEach(function (r) {
        shelf.shown(t.a[0].length).forEach(function (c) {
          var gone = l.mask[r][c] === 0;
          var line = new shelf.Line(p).text("a" + shelf.subscript(r + 1) + " = ");
          // On a worksheet "?" for an input the layer before hides, as DropoutKind.
          var text = shelf.factor(line, t.input[r][c], shelf.input + r + "." + c).text("·")
            .factor(l.mask[r][c]).text(" / (1 − ").figure(l.p).text(")").result(t.a[r][c]) + (gone ? " (dropped)" : "");
          shelf.lines[lineKey + ".a." + r + "." + c] = { kind: "forward", sum: text, result: "", css: gone ? "dropped" : "" };
        });
      });
    }
  };
})(window.Longhand);
