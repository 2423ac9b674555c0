/*
 * Longhand: the "batch_norm" and "layer_norm" layer kinds on the page. Mirrors
 * dev.longhand.kinds.norm.Normalization operation for operation: batch norm normalizes each
 * row over the columns (left to right), layer norm each column over its rows (top to bottom);
 * both then scale row r by gamma[r] and shift it by beta[r]. Every sum starts from 0.0 and adds
 * in the group's order; Math.sqrt is correctly rounded here as in Java. Loaded after
 * longhand.js by pages whose blocks use either kind.
 */
(function (api) {
  "use strict";

  if (!api) {
    return;
  }
  var matrix = api.internals.matrix;

  // A group is one mean and one variance; member i of group g sits at (row(g, i), col(g, i)).
  var AXES = {
    batch_norm: {
      groups: function (rows, cols) { return rows; },
      members: function (rows, cols) { return cols; },
      row: function (g, i) { return g; },
      col: function (g, i) { return i; }
    },
    layer_norm: {
      groups: function (rows, cols) { return cols; },
      members: function (rows, cols) { return rows; },
      row: function (g, i) { return i; },
      col: function (g, i) { return g; }
    }
  };

  // D: n (biased) or n - 1 (unbiased).
  function divisor(layer, n) {
    return layer.variance_mode === "unbiased" ? n - 1 : n;
  }

  // sqrt(variance + epsilon), or sqrt(variance) + epsilon with epsilon_added_to: std.
  function denominator(layer, variance) {
    return layer.epsilon_added_to === "std" ? Math.sqrt(variance) + layer.epsilon : Math.sqrt(variance + layer.epsilon);
  }

  /**
   * layer: {type, name, gamma: [..], beta: [..], epsilon, variance_mode: "biased"|"unbiased",
   * epsilon_added_to: "variance"|"std"}; x: rows of the input. Per group: mean = sum / n,
   * variance = (sum of (x - mean) * (x - mean)) / D, x̂ = (x - mean) / s, a = gamma[r] * x̂ + beta[r].
   */
  function forward(layer, x) {
    var axis = AXES[layer.type];
    var rows = x.length;
    var cols = x[0].length;
    var groups = axis.groups(rows, cols);
    var n = axis.members(rows, cols);
    var d = divisor(layer, n);
    var mean = [];
    var variance = [];
    var normalized = matrix(rows, cols, function () { return 0.0; });
    var a = matrix(rows, cols, function () { return 0.0; });
    for (var g = 0; g < groups; g++) {
      var sum = 0.0;
      var i;
      for (i = 0; i < n; i++) {
        sum += x[axis.row(g, i)][axis.col(g, i)];
      }
      var m = sum / n;
      var squares = 0.0;
      for (i = 0; i < n; i++) {
        var dev = x[axis.row(g, i)][axis.col(g, i)] - m;
        squares += dev * dev;
      }
      var v = squares / d;
      var s = denominator(layer, v);
      for (i = 0; i < n; i++) {
        var r = axis.row(g, i);
        var c = axis.col(g, i);
        var xHat = (x[r][c] - m) / s;
        normalized[r][c] = xHat;
        a[r][c] = layer.gamma[r] * xHat + layer.beta[r];
      }
      mean.push(m);
      variance.push(v);
    }
    return { input: x, mean: mean, variance: variance, normalized: normalized, a: a };
  }

  /**
   * The exact gradients: per group g_i = dA_i * gamma[r], gSum and gxSum (of g_i * x̂_i) in one
   * loop, gMean = gSum / n, rho = s (epsilon under the root) or sqrt(variance) (epsilon added to
   * the std), c = rho > 0 ? gxSum / (rho * D) : 0.0, dInput_i = (g_i - gMean) / s - x̂_i * c.
   * Per row: dgamma = sum of dA * x̂, dbeta = sum of dA, over the columns in order.
   */
  function backward(layer, trace, dA) {
    var axis = AXES[layer.type];
    var xHat = trace.normalized;
    var rows = xHat.length;
    var cols = xHat[0].length;
    var groups = axis.groups(rows, cols);
    var n = axis.members(rows, cols);
    var d = divisor(layer, n);
    var std = layer.epsilon_added_to === "std";
    var dInput = matrix(rows, cols, function () { return 0.0; });
    var grad = new Array(n);
    for (var g = 0; g < groups; g++) {
      var gSum = 0.0;
      var gxSum = 0.0;
      var i;
      var r;
      var c;
      for (i = 0; i < n; i++) {
        r = axis.row(g, i);
        c = axis.col(g, i);
        grad[i] = dA[r][c] * layer.gamma[r];
        gSum += grad[i];
        gxSum += grad[i] * xHat[r][c];
      }
      var gMean = gSum / n;
      var v = trace.variance[g];
      var s = denominator(layer, v);
      var rho = std ? Math.sqrt(v) : s;
      var k = rho > 0 ? gxSum / (rho * d) : 0.0;
      for (i = 0; i < n; i++) {
        r = axis.row(g, i);
        c = axis.col(g, i);
        dInput[r][c] = (grad[i] - gMean) / s - xHat[r][c] * k;
      }
    }
    var dGamma = [];
    var dBeta = [];
    for (var row = 0; row < rows; row++) {
      var sg = 0.0;
      var sb = 0.0;
      for (var col = 0; col < cols; col++) {
        sg += dA[row][col] * xHat[row][col];
        sb += dA[row][col];
      }
      dGamma.push(sg);
      dBeta.push(sb);
    }
    return { dA: dA, dInput: dInput, gradients: { gamma: dGamma, beta: dBeta } };
  }

  /** The layer as the page recomputes it: NormKind's keys in the trace's names. */
  function spec(l, layerSpec, I) {
    return { type: l.type, name: l.name, gamma: I.copyList(l.gamma), beta: I.copyList(l.beta), epsilon: l.epsilon,
      variance_mode: l.variance_mode, epsilon_added_to: l.epsilon_added_to };
  }

  /** NormKind.traceFields: gamma, beta, epsilon, variance_mode, epsilon_added_to, mean, variance, normalized, a. */
  function traceFields(t, I) {
    var l = t.layer;
    return ["\"gamma\":" + I.jsonGivenFlat(l.gamma), "\"beta\":" + I.jsonGivenFlat(l.beta),
      "\"epsilon\":" + I.jsonNumber(l.epsilon), "\"variance_mode\":" + I.jsonString(l.variance_mode),
      "\"epsilon_added_to\":" + I.jsonString(l.epsilon_added_to), "\"mean\":" + I.jsonFlat(t.mean),
      "\"variance\":" + I.jsonFlat(t.variance), "\"normalized\":" + I.jsonMatrix(t.normalized),
      "\"a\":" + I.jsonMatrix(t.a)];
  }

  // NormSheet.root: "√(0.6667 + 0.00001)", "(√0.6667 + 0.00001)" with epsilon added to the std, "√(0.6667)" for 0;
  // "?" for a variance a worksheet hides (shown false).
  function root(line, variance, layer, shown) {
    function figure(l) {
      return shown ? l.figure(variance) : l.unknown(variance);
    }
    if (layer.epsilon === 0) {
      figure(line.text("√(")).text(")");
    } else if (layer.epsilon_added_to !== "std") {
      figure(line.text("√(")).text(" + ").figure(layer.epsilon).text(")");
    } else {
      figure(line.text("(√")).text(" + ").figure(layer.epsilon).text(")");
    }
  }

  /** NormSheet.section: the numbers by key, and the lines μ, σ², x̂ and a of every group. */
  function view(t, prefix, lineKey, p, shelf) {
    var layer = t.layer;
    var axis = AXES[layer.type];
    var x = t.input;
    var rows = x.length;
    var cols = x[0].length;
    var groups = axis.groups(rows, cols);
    var n = axis.members(rows, cols);
    var d = divisor(layer, n);
    var batch = layer.type === "batch_norm";
    shelf.putFlat(prefix + "gamma.", layer.gamma);
    shelf.putFlat(prefix + "beta.", layer.beta);
    shelf.putFlat(prefix + "mean.", t.mean);
    shelf.putFlat(prefix + "variance.", t.variance);
    shelf.put(prefix + "normalized.", t.normalized);
    shelf.put(prefix + "a.", t.a);
    var lines = shelf.lines;
    function put(key, text) {
      lines[key] = { kind: "forward", sum: text, result: "", css: "" };
    }
    // Lines for the groups and members the elided tables show, as NormSheet writes them.
    var members = shelf.shown(n);
    shelf.shown(groups).forEach(function (g) {
      var mu = t.mean[g];
      var v = t.variance[g];
      var at = batch ? g + ".0" : "0." + g;
      var muKey = prefix + "mean." + g;
      var varKey = prefix + "variance." + g;
      // On a worksheet "?" for what it hides, as NormSheet (shelf.figure, shelf.factor).
      function xKey(i) {
        return shelf.input + axis.row(g, i) + "." + axis.col(g, i);
      }
      var sum = new shelf.Line(p).text("μ" + shelf.subscript(g + 1) + " = (");
      sum.terms(n, function (i) {
        var xi = x[axis.row(g, i)][axis.col(g, i)];
        if (i === 0) {
          shelf.figure(sum, xi, xKey(i));
        } else {
          shelf.factor(sum, xi, xKey(i));
        }
      });
      put(lineKey + ".mean." + at, sum.text(") / " + n).result(mu));
      var squares = new shelf.Line(p).text("σ²" + shelf.subscript(g + 1) + " = (");
      squares.terms(n, function (i) {
        shelf.factor(shelf.figure(squares.text("("), x[axis.row(g, i)][axis.col(g, i)], xKey(i)).text(" − "), mu, muKey)
          .text(")²");
      });
      put(lineKey + ".variance." + at, squares.text(") / " + d).result(v));
      members.forEach(function (i) {
        var r = axis.row(g, i);
        var c = axis.col(g, i);
        var cell = shelf.subscript(r + 1) + "," + shelf.subscript(c + 1);
        var xHat = t.normalized[r][c];
        var hat = new shelf.Line(p).text("x̂" + cell + " = (");
        shelf.factor(shelf.figure(hat, x[r][c], shelf.input + r + "." + c).text(" − "), mu, muKey).text(") / ");
        root(hat, v, layer, shelf.known(varKey));
        put(lineKey + ".normalized." + r + "." + c, hat.result(xHat));
        var out = new shelf.Line(p).text("a" + cell + " = ").factor(layer.gamma[r]).text("·");
        shelf.factor(out, xHat, prefix + "normalized." + r + "." + c).text(" + ").factor(layer.beta[r]);
        put(lineKey + ".a." + r + "." + c, out.result(t.a[r][c]));
      });
    });
  }

  /**
   * NormGradientSheet.lines: ∂L/∂x̂ = ∂L/∂a·γ; per group m, d and c (recomputed in backward's
   * order); ∂L/∂x = (∂L/∂x̂ − m) / denominator − x̂·c; ∂L/∂γ and ∂L/∂β along each row.
   */
  function gradientView(t, g, w) {
    var layer = t.layer;
    var axis = AXES[layer.type];
    var xHat = t.normalized;
    var dA = g.dA;
    var rows = xHat.length;
    var cols = xHat[0].length;
    var groups = axis.groups(rows, cols);
    var n = axis.members(rows, cols);
    var d = divisor(layer, n);
    var std = layer.epsilon_added_to === "std";
    var sub = w.subscript;
    function cell(r, c) {
      return sub(r + 1) + "," + sub(c + 1);
    }
    var members = w.shown(n);
    w.shown(groups).forEach(function (group) {
      var grad = [];
      var gSum = 0.0;
      var gxSum = 0.0;
      var i;
      for (i = 0; i < n; i++) {
        var r0 = axis.row(group, i);
        var c0 = axis.col(group, i);
        grad[i] = dA[r0][c0] * layer.gamma[r0];
        gSum += grad[i];
        gxSum += grad[i] * xHat[r0][c0];
      }
      var gMean = gSum / n;
      var v = t.variance[group];
      var s = denominator(layer, v);
      var rho = std ? Math.sqrt(v) : s;
      var scale = rho > 0 ? gxSum / (rho * d) : 0.0;
      var gs = sub(group + 1);
      members.forEach(function (i) {
        var r = axis.row(group, i);
        var c = axis.col(group, i);
        w.line(w.key("dNormalized", r, c), new w.Line(w.p).text("∂L/∂x̂" + cell(r, c) + " = ").factor(dA[r][c])
          .text("·").factor(layer.gamma[r]).result(grad[i]));
      });
      var mean = new w.Line(w.p).text("m" + gs + " = (");
      mean.terms(n, function (i) {
        if (i === 0) {
          mean.figure(grad[i]);
        } else {
          mean.factor(grad[i]);
        }
      });
      w.line(w.key("dMean", group), mean.text(") / " + n).result(gMean));
      var dot = new w.Line(w.p).text("d" + gs + " = ");
      dot.terms(n, function (i) { dot.factor(grad[i]).text("·").factor(xHat[axis.row(group, i)][axis.col(group, i)]); });
      w.line(w.key("dDot", group), dot.result(gxSum));
      var scaleText;
      if (rho > 0) {
        var line = new w.Line(w.p).text("c" + gs + " = ").figure(gxSum).text(" / (");
        if (std) {
          line.text("√(").figure(v).text(")");
        } else {
          root(line, v, layer, true);
        }
        scaleText = line.text("·" + d + ")").result(scale);
      } else {
        scaleText = "c" + gs + " = 0 (the standard deviation is 0: only ε divides)";
      }
      w.line(w.key("dScale", group), scaleText);
      members.forEach(function (i) {
        var r = axis.row(group, i);
        var c = axis.col(group, i);
        var l = new w.Line(w.p).text("∂L/∂x" + cell(r, c) + " = (").figure(grad[i]).text(" − ").factor(gMean)
          .text(") / ");
        root(l, v, layer, true);
        l.text(" − ").factor(xHat[r][c]).text("·").factor(scale);
        w.line(w.key("dInput", r, c), l.result(g.dInput[r][c]));
      });
    });
    var shownRows = w.shown(rows);
    shownRows.forEach(function (r) {
      var l = new w.Line(w.p).text("∂L/∂γ" + sub(r + 1) + " = ");
      l.terms(cols, function (c) { l.factor(dA[r][c]).text("·").factor(xHat[r][c]); });
      w.line(w.key("gradients.gamma", r), l.result(g.gradients.gamma[r]));
    });
    shownRows.forEach(function (r) {
      var l = new w.Line(w.p).text("∂L/∂β" + sub(r + 1) + " = ");
      if (cols === 1) {
        l.text("∂L/∂a" + cell(r, 0)).uses(dA[r][0]);
      } else {
        l.terms(cols, function (c) {
          if (c === 0) {
            l.figure(dA[r][c]);
          } else {
            l.factor(dA[r][c]);
          }
        });
      }
      w.line(w.key("gradients.beta", r), l.result(g.gradients.beta[r]));
    });
  }

  var unit = { forward: forward, backward: backward, spec: spec, traceFields: traceFields, view: view,
    gradientView: gradientView };
  api.kinds.batch_norm = unit;
  api.kinds.layer_norm = unit;
})(window.Longhand);
