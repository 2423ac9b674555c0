/*
 * Longhand: the attention layer kind in the page, mirroring the Java unit
 * dev.longhand.kinds.attention (SelfAttention, GivenWeightsAttention) operation for operation,
 * so that a recomputed trace has the build's bits. Read the Javadoc of those classes for the
 * order of every floating-point operation; this file follows it line by line.
 *
 * `layer` is the layer's entry of the trace JSON in canonical form:
 *   {type: "attention", name, heads: [{query, key, value}], output (optional),
 *    scale: true | false | number, causal: bool}
 * or {type: "attention", name, weights, value (optional)}; matrices are lists of rows.
 * A score that the causal mask hides is null, as in the trace; the softmax reads it as −∞.
 *
 * Longhand.kinds.attention.forward(layer, x) → {input, heads: [{query, key, value, q, k, v, scores,
 * weights, z}] (given weights: [{value (when given), v, weights, z}]), stacked, a};
 * backward(layer, trace, dA) → {dA, dInput, dStacked, heads: [{dZ, dWeights, dV, and for scored
 * heads dScores, dQ, dK}], gradients: {heads: [{query, key, value}], output} or {weights, value}}.
 * `trace` may be the result of forward or the trace JSON's layer (which has no `stacked`).
 * Uses longhand.js's internals only: matrix, multiply, transpose, columnMax, exp; entrywise sums
 * and products are written here (longhand.js exports none), as Matrix.plus and Matrix.times do.
 */
(function (api) {
  "use strict";
  if (!api) {
    return;
  }
  var I = api.internals;
  var matrix = I.matrix;
  var multiply = I.multiply;
  var transpose = I.transpose;

  function plus(a, b) {
    return matrix(a.length, a[0].length, function (r, c) { return a[r][c] + b[r][c]; });
  }

  function times(m, factor) {
    return matrix(m.length, m[0].length, function (r, c) { return m[r][c] * factor; });
  }

  function masked(causal, key, query) {
    return causal && key > query;
  }

  /** Scale.factor: 1 / √d_k for true, the number itself, 1.0 for false (never multiplied by). */
  function factorOf(scale, keySize) {
    if (scale === true || scale === undefined) {
      return 1.0 / Math.sqrt(keySize);
    }
    return scale === false ? 1.0 : scale;
  }

  /** kᵀ · q, each product times the factor (not for scale: false), −∞ where masked. */
  function scoresOf(layer, k, q) {
    var scaled = layer.scale !== false;
    var factor = factorOf(layer.scale, q.length);
    var p = multiply(transpose(k), q);
    return matrix(p.length, p[0].length, function (i, j) {
      if (masked(layer.causal, i, j)) {
        return -Infinity;
      }
      return scaled ? p[i][j] * factor : p[i][j];
    });
  }

  /**
   * Activation.SOFTMAX of each column, as longhand.js's own softmax: the max from row 0 down
   * (strictly greater replaces it), exp(s − max) summed from 0.0 in row order, then each e / sum.
   * A −∞ (masked) score gives exp(−∞) = 0, so a weight of exactly 0.
   */
  function softmax(s) {
    var a = matrix(s.length, s[0].length, function () { return 0.0; });
    for (var c = 0; c < s[0].length; c++) {
      var max = I.columnMax(s, c);
      var sum = 0.0;
      for (var r = 0; r < s.length; r++) {
        a[r][c] = I.exp(s[r][c] - max);
        sum += a[r][c];
      }
      for (r = 0; r < s.length; r++) {
        a[r][c] = a[r][c] / sum;
      }
    }
    return a;
  }

  /** Activation.SOFTMAX's backward: per column d = Σ dW·w in row order, then w · (dW − d). */
  function softmaxBackward(w, dW) {
    var out = matrix(w.length, w[0].length, function () { return 0.0; });
    for (var c = 0; c < w[0].length; c++) {
      var dot = 0.0;
      for (var r = 0; r < w.length; r++) {
        dot += dW[r][c] * w[r][c];
      }
      for (r = 0; r < w.length; r++) {
        out[r][c] = w[r][c] * (dW[r][c] - dot);
      }
    }
    return out;
  }

  /** The trace's form of scores: null where masked. */
  function withNulls(s) {
    return s.map(function (row) { return row.map(function (v) { return v === -Infinity ? null : v; }); });
  }

  /** The scores as numbers again: −∞ where the trace has null. */
  function withInfinities(s) {
    return s.map(function (row) { return row.map(function (v) { return v === null ? -Infinity : v; }); });
  }

  function forwardGiven(layer, x) {
    var v = layer.value ? multiply(layer.value, x) : x;
    var z = multiply(v, layer.weights);
    var head = { v: v, weights: layer.weights, z: z };
    if (layer.value) {
      head = { value: layer.value, v: v, weights: layer.weights, z: z };
    }
    return { input: x, heads: [head], stacked: z, a: z };
  }

  function forward(layer, x) {
    if (layer.weights) {
      return forwardGiven(layer, x);
    }
    var heads = layer.heads.map(function (head) {
      var q = multiply(head.query, x);
      var k = multiply(head.key, x);
      var v = multiply(head.value, x);
      var scores = scoresOf(layer, k, q);
      var weights = softmax(scores);
      return { query: head.query, key: head.key, value: head.value, q: q, k: k, v: v, scores: withNulls(scores),
        weights: weights, z: multiply(v, weights) };
    });
    var stacked = heads.length === 1 ? heads[0].z : [].concat.apply([], heads.map(function (h) { return h.z; }));
    var a = layer.output ? multiply(layer.output, stacked) : stacked;
    return { input: x, heads: heads, stacked: stacked, a: a };
  }

  function backwardGiven(layer, trace, dA) {
    var v = trace.heads[0].v;
    var dWeights = multiply(transpose(v), dA);
    var dV = multiply(dA, transpose(layer.weights));
    var gradients = { weights: dWeights };
    if (layer.value) {
      gradients.value = multiply(dV, transpose(trace.input));
    }
    return {
      dA: dA,
      dInput: layer.value ? multiply(transpose(layer.value), dV) : dV,
      dStacked: dA,
      heads: [{ dZ: dA, dWeights: dWeights, dV: dV }],
      gradients: gradients
    };
  }

  function backward(layer, trace, dA) {
    if (layer.weights) {
      return backwardGiven(layer, trace, dA);
    }
    var x = trace.input;
    var xT = transpose(x);
    var dStacked = layer.output ? multiply(transpose(layer.output), dA) : dA;
    var dInput = null;
    var row = 0;
    var perHead = [];
    var headGradients = [];
    layer.heads.forEach(function (head, h) {
      var t = trace.heads[h];
      var rows = head.value.length;
      var dZ = layer.heads.length === 1 ? dStacked : dStacked.slice(row, row + rows);
      row += rows;
      var dWeights = multiply(transpose(t.v), dZ);
      var dV = multiply(dZ, transpose(t.weights));
      var dScores = softmaxBackward(t.weights, dWeights);
      if (layer.causal) {
        dScores = dScores.map(function (r, i) {
          return r.map(function (value, j) { return masked(true, i, j) ? 0.0 : value; });
        });
      }
      var dP = layer.scale !== false ? times(dScores, factorOf(layer.scale, t.q.length)) : dScores;
      var dQ = multiply(t.k, dP);
      var dK = multiply(t.q, transpose(dP));
      headGradients.push({
        query: multiply(dQ, xT),
        key: multiply(dK, xT),
        value: multiply(dV, xT)
      });
      var share = plus(plus(multiply(transpose(head.query), dQ), multiply(transpose(head.key), dK)),
        multiply(transpose(head.value), dV));
      dInput = dInput === null ? share : plus(dInput, share);
      perHead.push({ dZ: dZ, dWeights: dWeights, dScores: dScores, dQ: dQ, dK: dK, dV: dV });
    });
    var gradients = { heads: headGradients };
    if (layer.output) {
      gradients.output = multiply(dA, transpose(trace.stacked || stackedOf(trace)));
    }
    return { dA: dA, dInput: dInput, dStacked: dStacked, heads: perHead, gradients: gradients };
  }

  /** A trace read back from JSON has no `stacked`: the heads' z, first head on top. */
  function stackedOf(trace) {
    return [].concat.apply([], trace.heads.map(function (h) { return h.z; }));
  }

  // ---- the worksheet: mirror of dev.longhand.kinds.attention.AttentionKind and AttentionSheet ----

  /** The layer as the page recomputes it, from its trace: parameters and settings only. */
  function spec(l) {
    var copy = I.copy;
    if (l.weights) {
      var given = { type: "attention", name: l.name, weights: copy(l.weights) };
      if (l.value) {
        given.value = copy(l.value);
      }
      return given;
    }
    var layer = { type: "attention", name: l.name, scale: l.scale, causal: l.causal,
      heads: l.heads.map(function (h) { return { query: copy(h.query), key: copy(h.key), value: copy(h.value) }; }) };
    if (l.output) {
      layer.output = copy(l.output);
    }
    return layer;
  }

  function jsonScores(s) {
    return "[" + s.map(function (row) {
      return "[" + row.map(function (v) { return v === null ? "null" : I.jsonNumber(v); }).join(",") + "]";
    }).join(",") + "]";
  }

  /** AttentionKind.traceFields, field for field. */
  function traceFields(t) {
    var layer = t.layer;
    var m = I.jsonMatrix;
    // Parameters as JsonWriter.given writes them: a large generated one as how it was drawn, while unchanged.
    var given = I.jsonGiven;
    var fields = [];
    if (layer.weights) {
      fields.push("\"weights\":" + given(layer.weights));
      if (layer.value) {
        fields.push("\"value\":" + given(layer.value));
      }
      var g = t.heads[0];
      fields.push("\"heads\":[{\"v\":" + m(g.v) + ",\"weights\":" + m(g.weights) + ",\"z\":" + m(g.z) + "}]");
    } else {
      fields.push("\"scale\":" + (typeof layer.scale === "boolean" ? String(layer.scale) : I.jsonNumber(layer.scale)));
      fields.push("\"causal\":" + String(layer.causal));
      fields.push("\"heads\":[" + t.heads.map(function (h) {
        return "{\"query\":" + given(h.query) + ",\"key\":" + given(h.key) + ",\"value\":" + given(h.value) + ",\"q\":" + m(h.q)
          + ",\"k\":" + m(h.k) + ",\"v\":" + m(h.v) + ",\"scores\":" + jsonScores(h.scores) + ",\"weights\":"
          + m(h.weights) + ",\"z\":" + m(h.z) + "}";
      }).join(",") + "]");
      if (layer.output) {
        fields.push("\"output\":" + given(layer.output));
      }
    }
    fields.push("\"a\":" + m(t.a));
    return fields;
  }

  /** AttentionSheet.shade: six steps of shading by weight. */
  function shade(w) {
    return "shade-" + Math.max(0, Math.min(5, Math.floor(w * 6)));
  }

  function at(r, c) {
    return I.subscript(r + 1) + "," + I.subscript(c + 1);
  }

  function line(text) {
    return { kind: "forward", sum: text, result: "", css: "" };
  }

  /** A parameter's keys, for worked lines: never hidden. */
  function notHidden() {
    return "";
  }

  /** Keys of a matrix by its prefix ("layers.0.heads.0.q."): (r, c) → "layers.0.heads.0.q.r.c". */
  function keysOf(prefix) {
    return function (r, c) { return prefix + r + "." + c; };
  }

  /**
   * AttentionSheet.products: "q₁,₂ = 1·0 + 0·2 + 1·1 = 1" for every entry of R = W · X; on a
   * worksheet "?" for each figure whose value (wKey, xKey: (row, col) → trace key) is hidden.
   */
  function products(shelf, p, symbol, w, wKey, x, xKey, result, key) {
    shelf.shown(result[0].length).forEach(function (c) {
      shelf.shown(result.length).forEach(function (r) {
        var l = new shelf.Line(p).text(symbol + at(r, c) + " = ");
        l.terms(w[0].length, function (k) {
          shelf.factor(shelf.factor(l, w[r][k], wKey(r, k)).text("·"), x[k][c], xKey(k, c));
        });
        shelf.lines[key + "." + r + "." + c] = line(l.result(result[r][c]));
      });
    });
  }

  /** AttentionSheet.scoreLines; head, the key prefix of the head ("layers.0.heads.1."). */
  function scoreLines(shelf, p, h, factor, scaled, key, head) {
    var s = h.scores;
    shelf.shown(s[0].length).forEach(function (c) {
      shelf.shown(s.length).forEach(function (r) {
        if (s[r][c] === null) {
          shelf.lines[key + "." + r + "." + c] = line("s" + at(r, c) + " = −∞ (masked: token " + (r + 1)
            + " comes after token " + (c + 1) + ")");
          return;
        }
        var l = new shelf.Line(p).text("s" + at(r, c) + " = ");
        l.text(scaled ? "(" : "");
        l.terms(h.k.length, function (i) {
          shelf.factor(shelf.factor(l, h.k[i][r], head + "k." + i + "." + r).text("·"), h.q[i][c],
            head + "q." + i + "." + c);
        });
        if (scaled) {
          l.text(") × ").factor(factor);
        }
        shelf.lines[key + "." + r + "." + c] = line(l.result(s[r][c]));
      });
    });
  }

  /** AttentionSheet.softmaxLines: masked keys are left out of the sum. */
  function softmaxLines(shelf, p, h, key, head) {
    var s = h.scores;
    shelf.shown(s[0].length).forEach(function (c) {
      var unmasked = [];
      for (var r = 0; r < s.length; r++) {
        if (s[r][c] !== null) {
          unmasked.push(r);
        }
      }
      shelf.shown(s.length).forEach(function (r) {
        if (s[r][c] === null) {
          shelf.lines[key + "." + r + "." + c] = line("a" + at(r, c) + " = 0 (masked)");
          return;
        }
        var l = new shelf.Line(p).text("a" + at(r, c) + " = exp(");
        shelf.figure(l, s[r][c], head + "scores." + r + "." + c).text(") / (");
        l.terms(unmasked.length, function (i) {
          shelf.figure(l.text("exp("), s[unmasked[i]][c], head + "scores." + unmasked[i] + "." + c).text(")");
        });
        shelf.lines[key + "." + r + "." + c] = line(l.text(")").result(h.weights[r][c]));
      });
    });
  }

  /**
   * Every number and line AttentionSheet draws, keyed as it keys them; on a worksheet the lines
   * write "?" where AttentionSheet does (shelf.known).
   */
  function view(t, prefix, lineKey, p, shelf) {
    var layer = t.layer;
    var input = keysOf(shelf.input);
    shelf.put(prefix + "a.", t.a);
    t.heads.forEach(function (h, i) {
      var at = prefix + "heads." + i + ".";
      var key = lineKey + ".heads." + i + ".";
      shelf.put(at + "v.", h.v);
      shelf.put(at + "weights.", h.weights);
      shelf.put(at + "z.", h.z);
      if (layer.weights) {
        shelf.put(prefix + "weights.", layer.weights);
        if (layer.value) {
          shelf.put(prefix + "value.", layer.value);
          products(shelf, p, "v", layer.value, notHidden, t.input, input, h.v, key + "v");
        }
      } else {
        var head = layer.heads[i];
        shelf.put(at + "query.", head.query);
        shelf.put(at + "key.", head.key);
        shelf.put(at + "value.", head.value);
        shelf.put(at + "q.", h.q);
        shelf.put(at + "k.", h.k);
        shelf.put(at + "scores.", h.scores);
        products(shelf, p, "q", head.query, notHidden, t.input, input, h.q, key + "q");
        products(shelf, p, "k", head.key, notHidden, t.input, input, h.k, key + "k");
        products(shelf, p, "v", head.value, notHidden, t.input, input, h.v, key + "v");
        var scaled = layer.scale !== false;
        scoreLines(shelf, p, h, factorOf(layer.scale, head.query.length), scaled, key + "scores", at);
        softmaxLines(shelf, p, h, key + "weights", at);
        h.weights.forEach(function (row, r) {
          row.forEach(function (w, c) { shelf.marks[at + "weights." + r + "." + c] = { css: shade(w) }; });
        });
      }
      var vKey = layer.weights && !layer.value ? input : keysOf(at + "v.");
      products(shelf, p, "z", h.v, vKey, h.weights, layer.weights ? notHidden : keysOf(at + "weights."), h.z,
        key + "z");
    });
    if (layer.output) {
      shelf.put(prefix + "output.", layer.output);
      products(shelf, p, "a", layer.output, notHidden, t.stacked || stackedOf(t), stackedKeys(t, prefix), t.a,
        lineKey + ".a");
    }
  }

  /** AttentionSheet.stackedKeys: row r of the stacked Z is a row of one head's z. */
  function stackedKeys(t, prefix) {
    var heads = [];
    var rows = [];
    t.heads.forEach(function (h, i) {
      h.z.forEach(function (row, r) {
        heads.push(i);
        rows.push(r);
      });
    });
    return function (r, c) { return prefix + "heads." + heads[r] + ".z." + rows[r] + "." + c; };
  }

  /** AttentionGradientSheet.MAX_TOKENS: lines for the softmax backward up to this many tokens. */
  var MAX_GRADIENT_TOKENS = 4;

  /**
   * AttentionGradientSheet.lines: per scored head and query column j, Σⱼ over the open keys of
   * ∂L/∂a·a (recomputed over every key, as softmaxBackward), then ∂L/∂s_ij = a_ij·(∂L/∂a_ij − Σⱼ).
   */
  function gradientView(t, g, w) {
    if (t.a[0].length > MAX_GRADIENT_TOKENS || t.layer.weights) {
      return;
    }
    var causal = t.layer.causal;
    t.heads.forEach(function (ht, h) {
      var hg = g.heads[h];
      var a = ht.weights;
      var dW = hg.dWeights;
      for (var j = 0; j < a[0].length; j++) {
        var dot = 0.0;
        var k;
        for (k = 0; k < a.length; k++) {
          dot += dW[k][j] * a[k][j];
        }
        var open = [];
        for (k = 0; k < a.length; k++) {
          if (!masked(causal, k, j)) {
            open.push(k);
          }
        }
        var sub = I.subscript(j + 1);
        var head = "heads." + h;
        var sum = new w.Line(w.p).text("Σ" + sub + " = ");
        sum.terms(open.length, function (i) { sum.factor(dW[open[i]][j]).text("·").factor(a[open[i]][j]); });
        w.line(w.key(head + ".dSum", j), sum.result(dot));
        for (var i = 0; i < a.length; i++) {
          var name = "∂L/∂s" + I.subscript(i + 1) + "," + sub + " = ";
          w.line(w.key(head + ".dScores", i, j), masked(causal, i, j) ? name + "0 (masked)"
            : new w.Line(w.p).text(name).factor(a[i][j]).text("·(").figure(dW[i][j]).text(" − ").factor(dot).text(")")
              .result(hg.dScores[i][j]));
        }
      }
    });
  }

  api.kinds.attention = {
    spec: spec,
    gradientView: gradientView,
    traceFields: traceFields,
    view: view,
    forward: forward,
    backward: backward,
    /** For a page that holds scores in the trace's form and needs them as numbers. */
    scores: withInfinities
  };
})(window.Longhand);
