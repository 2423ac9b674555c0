/*
 * Longhand's page script: readers change any input, weight or bias of an mlp block and every
 * number that depends on it is worked out again, the way the build worked it out.
 *
 * One specification, two implementations. Each part below mirrors a Java class and follows
 * its documented rules step for step, so that the same numbers give the same characters:
 *   figures   <-> dev.longhand.worked.Figures      (how a number is shown)
 *   nn        <-> dev.longhand.nn                  (forward pass, losses, backprop, steps)
 *   sheets    <-> dev.longhand.worked.Worksheet and GradientSheet (written-out lines)
 *   trace     <-> dev.longhand.render.TraceJson    (the mlp-trace JSON)
 *   plot      <-> dev.longhand.render.LossPlot     (the loss plot)
 * The browser tests compare the two on every shipped lesson and on random networks.
 *
 * Without JavaScript the page is the static worksheet; nothing here is needed to read it.
 */
(function () {
  "use strict";

  // ---- figures ---------------------------------------------------------------------------

  var SUB = "₀₁₂₃₄₅₆₇₈₉";
  var SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  var MINUS = "\u2212";

  function rewritten(text, digits, minus) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      out += c === "-" ? minus : digits.charAt(c.charCodeAt(0) - 48);
    }
    return out;
  }

  function subscript(n) {
    return rewritten(String(n), SUB, "\u208B");
  }

  function trimDecimals(number) {
    if (number.indexOf(".") < 0) {
      return number;
    }
    var end = number.length;
    while (number.charAt(end - 1) === "0") {
      end--;
    }
    if (number.charAt(end - 1) === ".") {
      end--;
    }
    return number.substring(0, end);
  }

  /** a.toFixed(p) trimmed, or null when it is all zeros. */
  function fixed(a, p) {
    if (a === Math.floor(a)) {
      return String(a);
    }
    var f = a.toFixed(p);
    if (!/[1-9]/.test(f)) {
      return null;
    }
    return trimDecimals(f);
  }

  function format(x, p, plain) {
    if (x !== x) {
      return "NaN";
    }
    var sign = x < 0 ? (plain ? "-" : MINUS) : "";
    if (x === Infinity || x === -Infinity) {
      return sign + (plain ? "Infinity" : "∞");
    }
    if (x === 0) {
      return "0";
    }
    var a = Math.abs(x);
    if (a < 1e15) {
      var f = fixed(a, p);
      if (f !== null) {
        return sign + f;
      }
    }
    var e = a.toExponential(p);
    var at = e.indexOf("e");
    var mantissa = trimDecimals(e.substring(0, at));
    var exponent = parseInt(e.substring(at + 1), 10);
    if (plain) {
      return sign + mantissa + (exponent < 0 ? "e-" : "e+") + Math.abs(exponent);
    }
    return sign + mantissa + "\u00D710" + rewritten(String(exponent), SUP, "\u207B");
  }

  function display(x, p) {
    return format(x, p, false);
  }

  function exact(x, p) {
    return isFinite(x) && Number(format(x, p, true)) === x;
  }

  function factor(x, p) {
    var shown = display(x, p);
    return shown.charAt(0) === MINUS ? "(" + shown + ")" : shown;
  }

  // ---- fdlibm: exp and log exactly as Java's StrictMath computes them ----------------------
  //
  // ECMAScript lets Math.exp and Math.log be off by an ulp, and Chromium's are (about one
  // argument in ten), so the trace would differ from the build's in its last digit. These are
  // fdlibm's __ieee754_exp and __ieee754_log (e_exp.c, e_log.c), which StrictMath specifies,
  // step for step on the two 32-bit words of a double. Math.tanh is still V8's fdlibm port.

  var WORDS = new Float64Array(1);
  var WORD = new Int32Array(WORDS.buffer);
  var HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
  var LO = 1 - HI;

  function highWord(x) { WORDS[0] = x; return WORD[HI]; }
  function lowWord(x) { WORDS[0] = x; return WORD[LO]; }
  function withHighWord(x, hi) { WORDS[0] = x; WORD[HI] = hi; return WORDS[0]; }

  var LN2_HI = [6.93147180369123816490e-01, -6.93147180369123816490e-01];
  var LN2_LO = [1.90821492927058770002e-10, -1.90821492927058770002e-10];
  var HALF = [0.5, -0.5];
  var TWO_M1000 = 9.33263618503218878990e-302;

  function exp(x) {
    var hx = highWord(x);
    var xsb = (hx >>> 31) & 1;
    hx &= 0x7fffffff;
    var hi = 0;
    var lo = 0;
    var k = 0;
    if (hx >= 0x40862E42) {
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | lowWord(x)) !== 0) {
          return x + x;
        }
        return xsb === 0 ? x : 0.0;
      }
      if (x > 7.09782712893383973096e+02) {
        return Infinity;
      }
      if (x < -7.45133219101941108420e+02) {
        return 0.0;
      }
    }
    if (hx > 0x3fd62e42) {
      if (hx < 0x3FF0A2B2) {
        hi = x - LN2_HI[xsb];
        lo = LN2_LO[xsb];
        k = 1 - xsb - xsb;
      } else {
        k = (1.44269504088896338700e+00 * x + HALF[xsb]) | 0;
        hi = x - k * LN2_HI[0];
        lo = k * LN2_LO[0];
      }
      x = hi - lo;
    } else if (hx < 0x3e300000) {
      return 1.0 + x;
    }
    var t = x * x;
    var c = x - t * (1.66666666666666019037e-01 + t * (-2.77777777770155933842e-03 + t * (6.61375632143793436117e-05
      + t * (-1.65339022054652515390e-06 + t * 4.13813679705723846039e-08))));
    if (k === 0) {
      return 1.0 - ((x * c) / (c - 2.0) - x);
    }
    var y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
    if (k >= -1021) {
      return withHighWord(y, highWord(y) + (k << 20));
    }
    return withHighWord(y, highWord(y) + ((k + 1000) << 20)) * TWO_M1000;
  }

  var TWO54 = 1.80143985094819840000e+16;

  function log(x) {
    var hx = highWord(x);
    var lx = lowWord(x);
    var k = 0;
    if (hx < 0x00100000) {
      if (((hx & 0x7fffffff) | lx) === 0) {
        return -Infinity;
      }
      if (hx < 0) {
        return NaN;
      }
      k -= 54;
      x *= TWO54;
      hx = highWord(x);
    }
    if (hx >= 0x7ff00000) {
      return x + x;
    }
    k += (hx >> 20) - 1023;
    hx &= 0x000fffff;
    var i = (hx + 0x95f64) & 0x100000;
    x = withHighWord(x, hx | (i ^ 0x3ff00000));
    k += i >> 20;
    var f = x - 1.0;
    var dk;
    var R;
    if ((0x000fffff & (2 + hx)) < 3) {
      if (f === 0) {
        if (k === 0) {
          return 0.0;
        }
        dk = k;
        return dk * LN2_HI[0] + dk * LN2_LO[0];
      }
      R = f * f * (0.5 - 0.33333333333333333 * f);
      if (k === 0) {
        return f - R;
      }
      dk = k;
      return dk * LN2_HI[0] - ((R - dk * LN2_LO[0]) - f);
    }
    var s = f / (2.0 + f);
    dk = k;
    var z = s * s;
    i = hx - 0x6147a;
    var w = z * z;
    var j = 0x6b851 - hx;
    var t1 = w * (3.999999999940941908e-01 + w * (2.222219843214978396e-01 + w * 1.531383769920937332e-01));
    var t2 = z * (6.666666666666735130e-01 + w * (2.857142874366239149e-01 + w * (1.818357216161805012e-01
      + w * 1.479819860511658591e-01)));
    i |= j;
    R = t2 + t1;
    if (i > 0) {
      var hfsq = 0.5 * f * f;
      if (k === 0) {
        return f - (hfsq - s * (hfsq + R));
      }
      return dk * LN2_HI[0] - ((hfsq - (s * (hfsq + R) + dk * LN2_LO[0])) - f);
    }
    if (k === 0) {
      return f - s * (f - R);
    }
    return dk * LN2_HI[0] - ((s * (f - R) - dk * LN2_LO[0]) - f);
  }

  // ---- nn --------------------------------------------------------------------------------

  var LEAK = 0.01;

  function matrix(rows, cols, f) {
    var m = [];
    for (var r = 0; r < rows; r++) {
      var row = [];
      for (var c = 0; c < cols; c++) {
        row.push(f(r, c));
      }
      m.push(row);
    }
    return m;
  }

  function copy(m) {
    return m.map(function (row) { return row.slice(); });
  }

  function multiply(a, b) {
    var n = b.length;
    return matrix(a.length, b[0].length, function (r, c) {
      var sum = 0.0;
      for (var k = 0; k < n; k++) {
        sum += a[r][k] * b[k][c];
      }
      return sum;
    });
  }

  function transpose(m) {
    return matrix(m[0].length, m.length, function (r, c) { return m[c][r]; });
  }

  function columnMax(z, c) {
    var max = z[0][c];
    for (var r = 1; r < z.length; r++) {
      if (z[r][c] > max) {
        max = z[r][c];
      }
    }
    return max;
  }

  var ACTIVATIONS = {
    relu: { apply: function (z) { return z > 0 ? z : 0.0; }, derivative: function (z) { return z > 0 ? 1.0 : 0.0; } },
    linear: { apply: function (z) { return z; }, derivative: function () { return 1.0; } },
    sigmoid: { apply: function (z) { return 1.0 / (1.0 + exp(-z)); }, derivative: function (z, a) { return a * (1.0 - a); } },
    tanh: { apply: function (z) { return Math.tanh(z); }, derivative: function (z, a) { return 1.0 - a * a; } },
    leaky_relu: { apply: function (z) { return z > 0 ? z : LEAK * z; }, derivative: function (z) { return z > 0 ? 1.0 : LEAK; } },
    softmax: null
  };

  function activate(activation, z) {
    if (activation === "softmax") {
      var a = copy(z);
      for (var c = 0; c < z[0].length; c++) {
        var max = columnMax(z, c);
        var sum = 0.0;
        for (var r = 0; r < z.length; r++) {
          a[r][c] = exp(z[r][c] - max);
          sum += a[r][c];
        }
        for (r = 0; r < z.length; r++) {
          a[r][c] = a[r][c] / sum;
        }
      }
      return a;
    }
    var f = ACTIVATIONS[activation].apply;
    return z.map(function (row) { return row.map(f); });
  }

  function backwardThrough(activation, z, a, dA) {
    if (activation === "softmax") {
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
    var d = ACTIVATIONS[activation].derivative;
    return matrix(z.length, z[0].length, function (r, c) { return dA[r][c] * d(z[r][c], a[r][c]); });
  }

  function forward(network, input) {
    var traces = [];
    var current = input;
    network.forEach(function (layer) {
      var product = multiply(layer.weights, current);
      var z = matrix(product.length, product[0].length, function (r, c) { return product[r][c] + layer.bias[r]; });
      var a = activate(layer.activation, z);
      traces.push({ layer: layer, input: current, z: z, a: a });
      current = a;
    });
    return traces;
  }

  function lossValue(loss, traces, target) {
    var last = traces[traces.length - 1];
    var output = last.a;
    if (loss === "mse") {
      var sum = 0.0;
      for (var r = 0; r < output.length; r++) {
        for (var c = 0; c < output[0].length; c++) {
          var d = output[r][c] - target[r][c];
          sum += d * d;
        }
      }
      return sum / (output.length * output[0].length);
    }
    var logA;
    if (last.layer.activation === "softmax") {
      var z = last.z;
      var max = [];
      var logSum = [];
      for (c = 0; c < z[0].length; c++) {
        max[c] = columnMax(z, c);
        var s = 0.0;
        for (r = 0; r < z.length; r++) {
          s += exp(z[r][c] - max[c]);
        }
        logSum[c] = log(s);
      }
      logA = function (r, c) { return (z[r][c] - max[c]) - logSum[c]; };
    } else {
      logA = function (r, c) { return log(output[r][c]); };
    }
    var total = 0.0;
    for (c = 0; c < output[0].length; c++) {
      var sample = 0.0;
      for (r = 0; r < output.length; r++) {
        var t = target[r][c];
        if (t !== 0) {
          sample -= t * logA(r, c);
        }
      }
      total += sample;
    }
    return total / output[0].length;
  }

  function lossGradient(loss, output, target) {
    var rows = output.length;
    var cols = output[0].length;
    if (loss === "mse") {
      var n = rows * cols;
      return matrix(rows, cols, function (r, c) { return 2.0 * (output[r][c] - target[r][c]) / n; });
    }
    return matrix(rows, cols, function (r, c) {
      var t = target[r][c];
      return t === 0 ? 0.0 : -t / (output[r][c] * cols);
    });
  }

  function straightToZ(loss, traces, i) {
    return i === traces.length - 1 && loss === "cross_entropy" && traces[i].layer.activation === "softmax";
  }

  function backward(traces, target, loss) {
    var gradients = [];
    var dA = lossGradient(loss, traces[traces.length - 1].a, target);
    for (var i = traces.length - 1; i >= 0; i--) {
      var t = traces[i];
      var dZ;
      if (straightToZ(loss, traces, i)) {
        var m = t.a[0].length;
        dZ = copy(t.a);
        for (var c = 0; c < m; c++) {
          var targetSum = 0.0;
          for (var r = 0; r < t.a.length; r++) {
            targetSum += target[r][c];
          }
          for (r = 0; r < t.a.length; r++) {
            dZ[r][c] = (t.a[r][c] * targetSum - target[r][c]) / m;
          }
        }
      } else {
        dZ = backwardThrough(t.layer.activation, t.z, t.a, dA);
      }
      var dW = multiply(dZ, transpose(t.input));
      var db = dZ.map(function (row) {
        var sum = 0.0;
        for (var k = 0; k < row.length; k++) {
          sum += row[k];
        }
        return sum;
      });
      gradients[i] = { dA: dA, dZ: dZ, dW: dW, db: db };
      dA = multiply(transpose(t.layer.weights), dZ);
    }
    return { loss: lossValue(loss, traces, target), layers: gradients };
  }

  function step(network, gradients, rate) {
    return network.map(function (layer, i) {
      var g = gradients.layers[i];
      return {
        name: layer.name,
        activation: layer.activation,
        weights: matrix(layer.weights.length, layer.weights[0].length, function (r, c) {
          return layer.weights[r][c] - g.dW[r][c] * rate;
        }),
        bias: layer.bias.map(function (b, r) { return b - g.db[r] * rate; })
      };
    });
  }

  /** The whole computation of a block: forward pass and, with a target, training. */
  function compute(spec) {
    var result = { traces: forward(spec.layers, spec.input) };
    if (spec.training) {
      var tr = spec.training;
      var first = backward(result.traces, tr.target, tr.loss);
      var losses = [];
      var current = spec.layers;
      var gradients = first;
      for (var s = 0; s < tr.steps; s++) {
        if (s > 0) {
          gradients = backward(forward(current, spec.input), tr.target, tr.loss);
        }
        losses.push(gradients.loss);
        current = step(current, gradients, tr.learningRate);
      }
      losses.push(lossValue(tr.loss, forward(current, spec.input), tr.target));
      result.first = first;
      result.firstStep = step(spec.layers, first, tr.learningRate);
      result.losses = losses;
      result.after = current;
    }
    return result;
  }

  // ---- sheets: written-out lines ------------------------------------------------------------

  /**
   * The figures of one precision, remembered: a recompute writes each weight and input into
   * many lines, and a large block would otherwise format the same number thousands of times.
   */
  function FigureCache(p) {
    this.p = p;
    this.known = new Map();
  }
  FigureCache.prototype.get = function (x) {
    var entry = this.known.get(x);
    if (entry === undefined) {
      var shown = display(x, this.p);
      entry = { shown: shown, factor: shown.charAt(0) === MINUS ? "(" + shown + ")" : shown, exact: exact(x, this.p) };
      this.known.set(x, entry);
    }
    return entry;
  };

  var caches = {};

  function figuresOf(p) {
    if (!caches[p] || caches[p].known.size > 200000) {
      caches[p] = new FigureCache(p);
    }
    return caches[p];
  }

  var MAX_TERMS = 10;
  var EDGE_TERMS = 3;

  function Line(p) {
    this.f = figuresOf(p);
    this.s = "";
    this.isExact = true;
    this.hidden = false;
  }
  Line.prototype.text = function (s) { if (!this.hidden) { this.s += s; } return this; };
  Line.prototype.factor = function (x) { var e = this.f.get(x); this.isExact = this.isExact && e.exact; return this.text(e.factor); };
  Line.prototype.figure = function (x) { var e = this.f.get(x); this.isExact = this.isExact && e.exact; return this.text(e.shown); };
  Line.prototype.uses = function (x) { this.isExact = this.isExact && this.f.get(x).exact; return this; };
  /** count terms joined by " + "; a long sum shows its first and last EDGE_TERMS around "⋯". */
  Line.prototype.terms = function (count, term) {
    var elide = count > MAX_TERMS;
    for (var i = 0; i < count; i++) {
      var shown = !elide || i < EDGE_TERMS || i >= count - EDGE_TERMS;
      if (elide && i === EDGE_TERMS) {
        this.text(" + ⋯");
      }
      this.hidden = !shown;
      if (i > 0) {
        this.text(" + ");
      }
      term(i);
      this.hidden = false;
    }
    return this;
  };
  Line.prototype.result = function (v) {
    var e = this.f.get(v);
    return this.s + (this.isExact && e.exact ? " = " : " ≈ ") + e.shown;
  };

  function forwardLine(t, u, s, p, augmented) {
    var w = t.layer.weights;
    var sum = new Line(p).text("z" + subscript(u + 1) + " = ");
    sum.terms(w[0].length, function (k) { sum.factor(w[u][k]).text("·").factor(t.input[k][s]); });
    sum.text(" + ").factor(t.layer.bias[u]);
    if (augmented) {
      sum.text("·1");
    }
    var z = t.z[u][s];
    var result = new Line(p).text("a" + subscript(u + 1) + " = ");
    switch (t.layer.activation) {
      case "relu": result.text("ReLU(").figure(z).text(")"); break;
      case "linear": result.text("z" + subscript(u + 1)).uses(z); break;
      case "sigmoid": result.text("σ(").figure(z).text(")"); break;
      case "tanh": result.text("tanh(").figure(z).text(")"); break;
      case "leaky_relu": result.text("LeakyReLU(").figure(z).text(")"); break;
      default:
        result.text("exp(").figure(z).text(") / (");
        result.terms(t.z.length, function (j) { result.text("exp(").figure(t.z[j][s]).text(")"); });
        result.text(")");
    }
    return { sum: sum.result(z), result: result.result(t.a[u][s]), mark: reluMark(t.layer.activation, z) };
  }

  function reluMark(activation, z) {
    if (activation !== "relu") {
      return "";
    }
    return z < 0 ? "clamped" : "passed";
  }

  function blocked(activation, z) {
    return activation === "relu" && !(z > 0);
  }

  var DERIVATIVE_NAMES = { relu: "ReLU′", linear: "linear′", sigmoid: "σ′", tanh: "tanh′", leaky_relu: "LeakyReLU′", softmax: "softmax′" };

  function lossLine(loss, output, target, value, p) {
    var line = new Line(p).text("L = ");
    var rows = output.length;
    if (loss === "mse") {
      line.text("(");
      line.terms(rows * output[0].length, function (i) {
        line.text("(").figure(output[i % rows][Math.floor(i / rows)]).text(" − ")
          .factor(target[i % rows][Math.floor(i / rows)]).text(")²");
      });
      return line.text(") / ").text(String(output.length * output[0].length)).result(value);
    }
    line.text("−(");
    line.terms(rows * output[0].length, function (i) {
      line.factor(target[i % rows][Math.floor(i / rows)]).text("·log(")
        .figure(output[i % rows][Math.floor(i / rows)]).text(")");
    });
    return line.text(") / ").text(String(output[0].length)).result(value);
  }

  function outputGradientLine(loss, output, target, dA, u, s, p) {
    var line = new Line(p).text("∂L/∂a" + subscript(u + 1) + " = ");
    if (loss === "mse") {
      line.text("2·(").figure(output[u][s]).text(" − ").factor(target[u][s]).text(") / ")
        .text(String(output.length * output[0].length));
    } else {
      line.text("−").factor(target[u][s]).text(" / (").figure(output[u][s]).text("·")
        .text(String(output[0].length)).text(")");
    }
    return line.result(dA[u][s]);
  }

  function softmaxCrossEntropyLine(output, target, dZ, u, s, p) {
    var targetSum = 0.0;
    for (var r = 0; r < target.length; r++) {
      targetSum += target[r][s];
    }
    var line = new Line(p).text("∂L/∂z" + subscript(u + 1) + " = (").figure(output[u][s]);
    if (targetSum !== 1.0) {
      line.text("·").factor(targetSum);
    }
    return line.text(" − ").factor(target[u][s]).text(") / ").text(String(output[0].length)).result(dZ[u][s]);
  }

  function hiddenGradientLine(weightsAbove, dZAbove, dA, u, s, p) {
    var line = new Line(p).text("∂L/∂a" + subscript(u + 1) + " = ");
    line.terms(weightsAbove.length, function (j) { line.factor(weightsAbove[j][u]).text("·").factor(dZAbove[j][s]); });
    return line.result(dA[u][s]);
  }

  function deltaLine(activation, z, a, dA, dZ, u, s, p) {
    var line = new Line(p).text("∂L/∂z" + subscript(u + 1) + " = ");
    if (activation === "softmax") {
      line.factor(a[u][s]).text("·(").figure(dA[u][s]).text(" − (");
      line.terms(a.length, function (j) { line.factor(dA[j][s]).text("·").factor(a[j][s]); });
      return line.text("))").result(dZ[u][s]);
    }
    var zi = z[u][s];
    var derivative = ACTIVATIONS[activation].derivative(zi, a[u][s]);
    line.factor(dA[u][s]).text("·").text(DERIVATIVE_NAMES[activation]).text("(").figure(zi).text(") = ")
      .factor(dA[u][s]).text("·").factor(derivative);
    return line.result(dZ[u][s]);
  }

  function weightGradientLine(dZ, input, dW, u, k, p) {
    var line = new Line(p).text("∂L/∂w" + subscript(u + 1) + "," + subscript(k + 1) + " = ");
    line.terms(dZ[0].length, function (s) { line.factor(dZ[u][s]).text("·").factor(input[k][s]); });
    return line.result(dW[u][k]);
  }

  function biasGradientLine(dZ, db, u, p) {
    var sub = subscript(u + 1);
    var line = new Line(p).text("∂L/∂b" + sub + " = ");
    if (dZ[0].length === 1) {
      return line.text("∂L/∂z" + sub).uses(dZ[u][0]).result(db[u]);
    }
    line.terms(dZ[0].length, function (s) {
      if (s > 0) {
        line.factor(dZ[u][s]);
      } else {
        line.figure(dZ[u][s]);
      }
    });
    return line.result(db[u]);
  }

  function updateLine(name, before, rate, gradient, after, p) {
    return new Line(p).text(name + " ← ").figure(before).text(" − ").factor(rate).text("·").factor(gradient)
      .result(after);
  }

  // ---- trace ------------------------------------------------------------------------------

  function jsonString(text) {
    var out = "\"";
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      var code = text.charCodeAt(i);
      if (c === "\"") {
        out += "\\\"";
      } else if (c === "\\") {
        out += "\\\\";
      } else if (c === "\n") {
        out += "\\n";
      } else if (c === "\r") {
        out += "\\r";
      } else if (c === "\t") {
        out += "\\t";
      } else if (c === "<" || c === ">" || c === "&" || code === 0x2028 || code === 0x2029 || code < 0x20) {
        out += "\\u" + ("0000" + code.toString(16)).slice(-4);
      } else {
        out += c;
      }
    }
    return out + "\"";
  }

  function jsonNumber(x) {
    return x === 0 ? "0" : String(x);
  }

  function jsonMatrix(m) {
    return "[" + m.map(function (row) { return "[" + row.map(jsonNumber).join(",") + "]"; }).join(",") + "]";
  }

  function jsonFlat(values) {
    return "[" + values.map(jsonNumber).join(",") + "]";
  }

  function traceJson(spec, result) {
    var parts = ["\"input\":" + jsonMatrix(spec.input)];
    var layers = result.traces.map(function (t, i) {
      var fields = [
        "\"name\":" + jsonString(t.layer.name),
        "\"activation\":" + jsonString(t.layer.activation),
        "\"weights\":" + jsonMatrix(t.layer.weights),
        "\"bias\":" + jsonFlat(t.layer.bias),
        "\"z\":" + jsonMatrix(t.z),
        "\"a\":" + jsonMatrix(t.a)
      ];
      if (spec.training) {
        var g = result.first.layers[i];
        fields.push("\"dW\":" + jsonMatrix(g.dW), "\"db\":" + jsonFlat(g.db),
          "\"weights_after\":" + jsonMatrix(result.after[i].weights),
          "\"bias_after\":" + jsonFlat(result.after[i].bias));
      }
      return "{" + fields.join(",") + "}";
    });
    parts.push("\"layers\":[" + layers.join(",") + "]");
    parts.push("\"output\":" + jsonMatrix(result.traces[result.traces.length - 1].a));
    if (spec.training) {
      var tr = spec.training;
      parts.push("\"target\":" + jsonMatrix(tr.target), "\"loss\":" + jsonNumber(result.first.loss),
        "\"losses\":" + jsonFlat(result.losses), "\"loss_function\":" + jsonString(tr.loss),
        "\"learning_rate\":" + jsonNumber(tr.learningRate), "\"steps\":" + String(tr.steps));
    }
    return "{" + parts.join(",") + "}";
  }

  // ---- plot -------------------------------------------------------------------------------

  var PLOT = { width: 560, height: 240, left: 64, right: 16, top: 16, bottom: 44, maxMarkers: 60 };

  function coord(v) {
    return v.toFixed(2);
  }

  function lossPlot(id, losses, p) {
    var steps = losses.length - 1;
    var max = 0;
    losses.forEach(function (l) { max = Math.max(max, l); });
    var top = max > 0 ? max : 1;
    var plotWidth = PLOT.width - PLOT.left - PLOT.right;
    var plotHeight = PLOT.height - PLOT.top - PLOT.bottom;
    var points = "";
    var markers = "";
    for (var i = 0; i <= steps; i++) {
      var x = PLOT.left + (steps === 0 ? 0 : plotWidth * i / steps);
      var y = PLOT.top + plotHeight * (1 - losses[i] / top);
      if (i > 0) {
        points += " ";
      }
      points += coord(x) + "," + coord(y);
      if (steps <= PLOT.maxMarkers) {
        markers += "<circle cx=\"" + coord(x) + "\" cy=\"" + coord(y) + "\" r=\"3\"><title>step " + i + ": loss "
          + display(losses[i], p) + "</title></circle>";
      }
    }
    var bottomY = coord(PLOT.top + plotHeight);
    return "<svg class=\"loss-plot\" viewBox=\"0 0 " + PLOT.width + " " + PLOT.height + "\" role=\"img\" aria-labelledby=\""
      + id + "-plot-title " + id + "-plot-desc\">"
      + "<title id=\"" + id + "-plot-title\">Loss at each step</title>"
      + "<desc id=\"" + id + "-plot-desc\">Over " + steps + " steps of gradient descent the loss goes from "
      + display(losses[0], p) + " to " + display(losses[steps], p) + ".</desc>"
      + "<line class=\"axis\" x1=\"" + PLOT.left + "\" y1=\"" + bottomY + "\" x2=\"" + (PLOT.width - PLOT.right)
      + "\" y2=\"" + bottomY + "\"/>"
      + "<line class=\"axis\" x1=\"" + PLOT.left + "\" y1=\"" + PLOT.top + "\" x2=\"" + PLOT.left + "\" y2=\"" + bottomY + "\"/>"
      + "<text class=\"tick\" x=\"" + (PLOT.left - 6) + "\" y=\"" + (PLOT.top + 4) + "\" text-anchor=\"end\">"
      + display(top, p) + "</text>"
      + "<text class=\"tick\" x=\"" + (PLOT.left - 6) + "\" y=\"" + bottomY + "\" text-anchor=\"end\">0</text>"
      + "<text class=\"tick\" x=\"" + PLOT.left + "\" y=\"" + coord(PLOT.top + plotHeight + 16) + "\" text-anchor=\"middle\">0</text>"
      + "<text class=\"tick\" x=\"" + (PLOT.width - PLOT.right) + "\" y=\"" + coord(PLOT.top + plotHeight + 16)
      + "\" text-anchor=\"middle\">" + steps + "</text>"
      + "<text class=\"label\" x=\"" + coord(PLOT.left + plotWidth / 2) + "\" y=\"" + (PLOT.height - 6)
      + "\" text-anchor=\"middle\">step</text>"
      + "<text class=\"label\" x=\"14\" y=\"" + coord(PLOT.top + plotHeight / 2) + "\" text-anchor=\"middle\""
      + " transform=\"rotate(-90 14 " + coord(PLOT.top + plotHeight / 2) + ")\">loss</text>"
      + "<polyline class=\"line\" points=\"" + points + "\"/>"
      + markers
      + "</svg>";
  }

  // ---- diagram: mirror of dev.longhand.render.Diagram -----------------------------------------

  var NODE_PRECISION = 2;

  function edgeWidth(weight, largest) {
    return largest === 0 ? 0.6 : 0.6 + 3.4 * Math.abs(weight) / largest;
  }

  function sign(weight) {
    return weight > 0 ? "pos" : weight < 0 ? "neg" : "zero";
  }

  /** Rewrites the diagram's node values and marks for one sample, and every edge's look. */
  function drawDiagram(svg, spec, result, sample, p) {
    if (!svg) {
      return;
    }
    var q = Math.min(p, NODE_PRECISION);
    svg.setAttribute("data-sample", String(sample));
    svg.querySelectorAll("[data-node]").forEach(function (node) {
      var at = node.getAttribute("data-node").split(".");
      var l = Number(at[0]);
      var u = Number(at[1]);
      var value = l < 0 ? spec.input[u][sample] : result.traces[l].a[u][sample];
      var inactive = l >= 0 && result.traces[l].layer.activation === "relu" && result.traces[l].z[u][sample] < 0;
      var css = "node" + (l < 0 ? " input" : "") + (inactive ? " inactive" : "");
      if (node.getAttribute("class") !== css) {
        node.setAttribute("class", css);
      }
      var text = node.querySelector("text");
      var shown = display(value, q);
      if (text.textContent !== shown) {
        text.textContent = shown;
      }
    });
    var largest = spec.layers.map(function (layer) {
      var m = 0;
      layer.weights.forEach(function (row) { row.forEach(function (w) { m = Math.max(m, Math.abs(w)); }); });
      return m;
    });
    svg.querySelectorAll("[data-edge]").forEach(function (line) {
      var at = line.getAttribute("data-edge").split(".");
      var l = Number(at[0]);
      var w = spec.layers[l].weights[Number(at[1])][Number(at[2])];
      var css = sign(w);
      if (line.getAttribute("class") !== css) {
        line.setAttribute("class", css);
      }
      var width = edgeWidth(w, largest[l]).toFixed(2);
      if (line.getAttribute("stroke-width") !== width) {
        line.setAttribute("stroke-width", width);
      }
    });
  }

  // ---- what the page shows: every keyed value, line and mark --------------------------------

  /**
   * Everything a block displays, keyed as the page keys it: values (data-v), lines
   * (data-work), the class of each keyed cell, and for clamped A cells the z they came from.
   */
  function view(spec, result, p, augmented) {
    var values = {};
    var lines = {};
    var marks = {};
    var traces = result.traces;
    function put(prefix, m) {
      m.forEach(function (row, r) {
        row.forEach(function (v, c) { values[prefix + r + "." + c] = v; });
      });
    }
    function putFlat(prefix, list) {
      list.forEach(function (v, r) { values[prefix + r] = v; });
    }
    put("input.", spec.input);
    traces.forEach(function (t, i) {
      var prefix = "layers." + i + ".";
      put(prefix + "weights.", t.layer.weights);
      putFlat(prefix + "bias.", t.layer.bias);
      put(prefix + "z.", t.z);
      put(prefix + "a.", t.a);
      t.z.forEach(function (row, u) {
        row.forEach(function (zv, s) {
          var mark = reluMark(t.layer.activation, zv);
          marks[prefix + "z." + u + "." + s] = { css: mark };
          marks[prefix + "a." + u + "." + s] = { css: mark, from: mark === "clamped" ? display(zv, p) : "" };
          var line = forwardLine(t, u, s, p, augmented);
          lines[i + "." + u + "." + s] = { kind: "forward", sum: line.sum, result: line.result, css: line.mark };
        });
      });
    });
    if (spec.training) {
      var tr = spec.training;
      var output = traces[traces.length - 1].a;
      put("target.", tr.target);
      lines.loss = { kind: "plain", text: lossLine(tr.loss, output, tr.target, result.first.loss, p), css: "" };
      traces.forEach(function (t, i) {
        var g = result.first.layers[i];
        var prefix = "layers." + i + ".";
        var last = i === traces.length - 1;
        var straight = straightToZ(tr.loss, traces, i);
        put(prefix + "dA.", g.dA);
        put(prefix + "dZ.", g.dZ);
        put(prefix + "dW.", g.dW);
        putFlat(prefix + "db.", g.db);
        g.dZ.forEach(function (row, u) {
          row.forEach(function (v, s) {
            var at = u + "." + s;
            var isBlocked = blocked(t.layer.activation, t.z[u][s]);
            marks[prefix + "dZ." + at] = { css: isBlocked ? "blocked" : "" };
            if (straight) {
              lines[prefix + "dZ." + at] = { kind: "plain", css: "",
                text: softmaxCrossEntropyLine(output, tr.target, g.dZ, u, s, p) };
              return;
            }
            lines[prefix + "dA." + at] = { kind: "plain", css: "", text: last
              ? outputGradientLine(tr.loss, output, tr.target, g.dA, u, s, p)
              : hiddenGradientLine(traces[i + 1].layer.weights, result.first.layers[i + 1].dZ, g.dA, u, s, p) };
            lines[prefix + "dZ." + at] = { kind: "plain", css: isBlocked ? "blocked" : "",
              text: deltaLine(t.layer.activation, t.z, t.a, g.dA, g.dZ, u, s, p) };
          });
        });
        g.dW.forEach(function (row, u) {
          row.forEach(function (v, k) {
            lines[prefix + "dW." + u + "." + k] = { kind: "plain", css: "",
              text: weightGradientLine(g.dZ, t.input, g.dW, u, k, p) };
          });
          lines[prefix + "db." + u] = { kind: "plain", css: "", text: biasGradientLine(g.dZ, g.db, u, p) };
        });
        var next = result.firstStep[i];
        put(prefix + "step.weights.", next.weights);
        putFlat(prefix + "step.bias.", next.bias);
        t.layer.weights.forEach(function (row, u) {
          row.forEach(function (w, k) {
            lines[prefix + "step.weights." + u + "." + k] = { kind: "plain", css: "", text: updateLine(
              "w" + subscript(u + 1) + "," + subscript(k + 1), w, tr.learningRate, g.dW[u][k], next.weights[u][k], p) };
          });
          lines[prefix + "step.bias." + u] = { kind: "plain", css: "", text: updateLine(
            "b" + subscript(u + 1), t.layer.bias[u], tr.learningRate, g.db[u], next.bias[u], p) };
        });
        put(prefix + "weights_after.", result.after[i].weights);
        putFlat(prefix + "bias_after.", result.after[i].bias);
      });
      putFlat("losses.", result.losses);
    }
    return { values: values, lines: lines, marks: marks };
  }

  // ---- the page -----------------------------------------------------------------------------

  var EDIT_PREFIX = "edits:";

  function parseNumber(text) {
    var t = text.replace(/\u2212/g, "-").replace(/\s+/g, "");
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
      return null;
    }
    var v = Number(t);
    return isFinite(v) ? v : null;
  }

  function specOf(trace) {
    var spec = {
      input: copy(trace.input),
      layers: trace.layers.map(function (l) {
        return { name: l.name, activation: l.activation, weights: copy(l.weights), bias: l.bias.slice() };
      })
    };
    if (trace.target) {
      spec.training = { target: copy(trace.target), loss: trace.loss_function || "mse",
        learningRate: trace.learning_rate, steps: trace.steps };
    }
    return spec;
  }

  function cloneSpec(spec) {
    var c = {
      input: copy(spec.input),
      layers: spec.layers.map(function (l) {
        return { name: l.name, activation: l.activation, weights: copy(l.weights), bias: l.bias.slice() };
      })
    };
    if (spec.training) {
      c.training = { target: copy(spec.training.target), loss: spec.training.loss,
        learningRate: spec.training.learningRate, steps: spec.training.steps };
    }
    return c;
  }

  /** Reads or writes one editable number of a spec by its contract name. */
  function access(spec, key, value) {
    var parts = key.split(".");
    var idx = parts.map(function (x) { return /^\d+$/.test(x) ? Number(x) : x; });
    var holder;
    var r;
    var c;
    if (idx[0] === "input" && idx.length === 3) {
      holder = spec.input; r = idx[1]; c = idx[2];
    } else if (idx[0] === "layers" && typeof idx[1] === "number" && spec.layers[idx[1]]) {
      var layer = spec.layers[idx[1]];
      if (idx[2] === "weights" && idx.length === 5) {
        holder = layer.weights; r = idx[3]; c = idx[4];
      } else if (idx[2] === "bias" && idx.length === 4) {
        if (typeof idx[3] !== "number" || idx[3] >= layer.bias.length) {
          return undefined;
        }
        if (value !== undefined) {
          layer.bias[idx[3]] = value;
        }
        return layer.bias[idx[3]];
      }
    }
    if (!holder || typeof r !== "number" || typeof c !== "number" || !holder[r] || c >= holder[r].length) {
      return undefined;
    }
    if (value !== undefined) {
      holder[r][c] = value;
    }
    return holder[r][c];
  }

  function Block(figure, page) {
    this.figure = figure;
    this.page = page;
    this.id = figure.id;
    this.precision = Number(figure.getAttribute("data-precision"));
    this.augmented = figure.getAttribute("data-augmented") === "true";
    this.traceElement = figure.querySelector("script.mlp-trace");
    this.original = specOf(JSON.parse(this.traceElement.textContent));
    this.spec = cloneSpec(this.original);
    this.edits = {};
    this.valueElements = Array.prototype.slice.call(figure.querySelectorAll("[data-v]"));
    this.lineElements = Array.prototype.slice.call(figure.querySelectorAll("[data-work]"));
    this.plot = figure.querySelector("figure.loss-figure");
    this.diagram = figure.querySelector("svg.mlp-diagram");
    this.sample = 0;
    this.result = null;
    this.lastUpdateMs = 0;
    this.setUp();
  }

  Block.prototype.setUp = function () {
    var block = this;
    var tools = document.createElement("div");
    tools.className = "mlp-tools";
    var hint = document.createElement("span");
    hint.className = "mlp-hint";
    hint.textContent = "Click any input, weight or bias to change it; Enter to apply, ↑/↓ to step by 1.";
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "mlp-reset";
    reset.textContent = "Reset";
    reset.setAttribute("aria-label", "Reset this network to the lesson's numbers");
    reset.addEventListener("click", function () { block.reset(); });
    this.status = document.createElement("p");
    this.status.className = "visually-hidden";
    this.status.setAttribute("aria-live", "polite");
    this.notice = document.createElement("p");
    this.notice.className = "mlp-notice";
    this.notice.hidden = true;
    tools.appendChild(hint);
    tools.appendChild(reset);
    var anchor = this.figure.querySelector(".mlp-shape");
    anchor.parentNode.insertBefore(tools, anchor.nextSibling);
    tools.parentNode.insertBefore(this.notice, tools.nextSibling);
    this.addSamplePicker();
    this.figure.appendChild(this.status);
    this.figure.querySelectorAll("[data-edit]").forEach(function (cell) { block.makeEditable(cell); });
  };

  /** A batch's diagram shows one sample at a time; the reader picks which. */
  Block.prototype.addSamplePicker = function () {
    var samples = this.spec.input[0].length;
    if (!this.diagram || samples < 2) {
      return;
    }
    var block = this;
    var label = document.createElement("label");
    label.className = "mlp-sample-picker";
    label.appendChild(document.createTextNode("Diagram shows sample "));
    var select = document.createElement("select");
    for (var s = 0; s < samples; s++) {
      var option = document.createElement("option");
      option.value = String(s);
      option.textContent = String(s + 1);
      select.appendChild(option);
    }
    select.addEventListener("change", function () {
      block.sample = Number(select.value);
      drawDiagram(block.diagram, block.spec, block.result || compute(block.spec), block.sample, block.precision);
      var desc = block.diagram.querySelector("desc");
      desc.textContent = desc.textContent.replace(/sample \d+/, "sample " + (block.sample + 1));
    });
    label.appendChild(select);
    var box = this.diagram.parentNode;
    box.parentNode.insertBefore(label, box);
  };

  Block.prototype.makeEditable = function (cell) {
    var block = this;
    cell.setAttribute("contenteditable", "true");
    cell.setAttribute("tabindex", "0");
    cell.setAttribute("spellcheck", "false");
    cell.setAttribute("inputmode", "decimal");
    cell.setAttribute("role", "textbox");
    cell.setAttribute("aria-label", cell.getAttribute("title"));
    cell.classList.add("editable");
    cell.addEventListener("focus", function () {
      var range = document.createRange();
      range.selectNodeContents(cell);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    });
    cell.addEventListener("keydown", function (event) {
      var key = cell.getAttribute("data-edit");
      if (event.key === "Enter") {
        event.preventDefault();
        block.commit(cell);
      } else if (event.key === "Escape") {
        event.preventDefault();
        block.clearError(cell);
        cell.textContent = display(access(block.spec, key), block.precision);
      } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
        event.preventDefault();
        var current = access(block.spec, key);
        block.set(cell, current + (event.key === "ArrowUp" ? 1 : -1));
      }
    });
    cell.addEventListener("blur", function () {
      var key = cell.getAttribute("data-edit");
      var shown = display(access(block.spec, key), block.precision);
      if (cell.textContent !== shown) {
        if (!block.commit(cell)) {
          block.clearError(cell);
          cell.textContent = shown;
        }
      }
    });
    cell.addEventListener("paste", function (event) {
      event.preventDefault();
      var text = (event.clipboardData || window.clipboardData).getData("text");
      document.execCommand("insertText", false, text.replace(/\s+/g, " "));
    });
  };

  /** Applies what the reader typed; false (and a message in place) when it is not a number. */
  Block.prototype.commit = function (cell) {
    var key = cell.getAttribute("data-edit");
    var value = parseNumber(cell.textContent);
    if (value === null) {
      this.showError(cell, "not a number; still " + display(access(this.spec, key), this.precision));
      return false;
    }
    this.set(cell, value);
    return true;
  };

  Block.prototype.set = function (cell, value) {
    var key = cell.getAttribute("data-edit");
    this.clearError(cell);
    if (value === access(this.spec, key)) {
      cell.textContent = display(value, this.precision);
      return;
    }
    access(this.spec, key, value);
    if (value === access(this.original, key)) {
      delete this.edits[key];
    } else {
      this.edits[key] = value;
    }
    this.update(cell);
    this.page.saveEdits();
  };

  Block.prototype.showError = function (cell, message) {
    this.clearError(cell);
    cell.setAttribute("aria-invalid", "true");
    cell.classList.add("invalid");
    var note = document.createElement("span");
    note.className = "cell-error";
    note.setAttribute("role", "alert");
    note.textContent = message;
    cell.parentNode.appendChild(note);
  };

  Block.prototype.clearError = function (cell) {
    cell.removeAttribute("aria-invalid");
    cell.classList.remove("invalid");
    var note = cell.parentNode.querySelector(".cell-error");
    if (note) {
      note.parentNode.removeChild(note);
    }
  };

  Block.prototype.reset = function () {
    this.spec = cloneSpec(this.original);
    this.edits = {};
    this.figure.querySelectorAll("[data-edit]").forEach(function (cell) {
      cell.removeAttribute("aria-invalid");
      cell.classList.remove("invalid");
    });
    this.figure.querySelectorAll(".cell-error").forEach(function (n) { n.parentNode.removeChild(n); });
    this.update(null);
    this.page.saveEdits();
  };

  /** Recomputes the block from its spec and rewrites everything that shows a result. */
  Block.prototype.update = function (edited) {
    var started = performance.now();
    var result = compute(this.spec);
    this.result = result;
    var shown = view(this.spec, result, this.precision, this.augmented);
    var changed = [];
    var p = this.precision;
    var figures = figuresOf(p);
    this.valueElements.forEach(function (el) {
      var key = el.getAttribute("data-v");
      var value = shown.values[key];
      if (value === undefined) {
        return;
      }
      var text = figures.get(value).shown;
      if (el.textContent !== text) {
        el.textContent = text;
        if (el !== edited) {
          changed.push(el);
        }
      }
      var mark = shown.marks[key];
      if (mark && markable(el, key)) {
        applyMark(el, mark);
      }
    });
    this.lineElements.forEach(function (li) {
      var line = shown.lines[li.getAttribute("data-work")];
      if (line && writeLine(li, line)) {
        changed.push(li);
      }
    });
    drawDiagram(this.diagram, this.spec, result, this.sample, p);
    if (this.plot && result.losses) {
      this.plot.innerHTML = lossPlot(this.id, result.losses, p);
    }
    this.traceElement.textContent = traceJson(this.spec, result);
    var nonFinite = Object.keys(shown.values).some(function (k) { return !isFinite(shown.values[k]); });
    this.notice.hidden = !nonFinite;
    this.notice.textContent = nonFinite
      ? "Some numbers grew too large to compute (shown as ∞ or NaN); try smaller values." : "";
    flash(changed, "#ffe8a3");
    if (edited) {
      flash([edited], "#cfe3ff");
    }
    var output = result.traces[result.traces.length - 1].a;
    this.status.textContent = "Recomputed. Output: " + output.map(function (row) {
      return row.map(function (v) { return display(v, p); }).join(", ");
    }).join("; ") + ".";
    this.lastUpdateMs = performance.now() - started;
  };

  /** Marks belong to a layer's own Z and A tables and to ∂L/∂Z, not to copies shown elsewhere. */
  function markable(el, key) {
    if (key.indexOf(".dZ.") >= 0) {
      return true;
    }
    var table = el.closest("table");
    return table !== null && (table.classList.contains("matrix-z") || table.classList.contains("matrix-a"));
  }

  function applyMark(el, mark) {
    var cell = el.parentNode;
    if ((cell.getAttribute("class") || "") !== mark.css) {
      if (mark.css) {
        cell.className = mark.css;
      } else {
        cell.removeAttribute("class");
      }
    }
    if (mark.from === undefined) {
      return;
    }
    var was = cell.querySelector(".was");
    if (mark.from) {
      if (!was) {
        was = document.createElement("span");
        was.className = "was";
        was.innerHTML = "<span class=\"visually-hidden\">ReLU clamped </span><s></s>"
          + "<span class=\"visually-hidden\"> to</span>";
        cell.insertBefore(document.createTextNode(" "), cell.firstChild);
        cell.insertBefore(was, cell.firstChild);
      }
      was.querySelector("s").textContent = mark.from;
    } else if (was) {
      var space = was.nextSibling;
      cell.removeChild(was);
      if (space && space.nodeType === 3) {
        cell.removeChild(space);
      }
    }
  }

  /** Rewrites one worked line the way the template writes it; true when its text changed. */
  function writeLine(li, line) {
    var before = li.textContent;
    if ((li.getAttribute("class") || "") !== line.css) {
      if (line.css) {
        li.className = line.css;
      } else {
        li.removeAttribute("class");
      }
    }
    var sum = li.querySelector(".work-sum");
    if (line.kind === "forward") {
      setText(sum, line.sum);
      setText(li.querySelector(".work-result"), line.result);
      setNote(li, line.css === "clamped" ? "clamped" : "");
    } else {
      setText(sum, line.text);
      if (li.getAttribute("data-work").indexOf(".dZ.") >= 0) {
        setNote(li, line.css === "blocked" ? "blocked: z ≤ 0" : "");
      }
    }
    return li.textContent !== before;
  }

  function setText(el, text) {
    if (el.textContent !== text) {
      el.textContent = text;
    }
  }

  function setNote(li, text) {
    var note = li.querySelector(".work-note");
    if (text && !note) {
      li.appendChild(document.createTextNode(" "));
      note = document.createElement("span");
      note.className = "work-note";
      li.appendChild(note);
    }
    if (text) {
      note.textContent = text;
    } else if (note) {
      var space = note.previousSibling;
      li.removeChild(note);
      if (space && space.nodeType === 3) {
        li.removeChild(space);
      }
    }
  }

  var REDUCED_MOTION = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  /**
   * Briefly marks what changed. The Web Animations API needs no class toggling and so no
   * forced layout per element, which kept a recompute of a large block from taking seconds.
   */
  function flash(elements, colour) {
    if (REDUCED_MOTION || typeof Element.prototype.animate !== "function") {
      return;
    }
    elements.forEach(function (el) {
      el.animate([{ backgroundColor: colour }, { backgroundColor: "transparent" }], { duration: 1500, easing: "ease-out" });
    });
  }

  function Page() {
    var page = this;
    this.blocks = [];
    document.querySelectorAll("figure.mlp").forEach(function (figure) {
      try {
        page.blocks.push(new Block(figure, page));
      } catch (e) {
        // A block this script cannot read stays the static worksheet it already is.
      }
    });
    this.restoreEdits();
  }

  /** Edits live in the address: #edits:mlp-1/layers.0.weights.1.2=5;mlp-1/input.0.0=3 */
  Page.prototype.saveEdits = function () {
    var entries = [];
    this.blocks.forEach(function (block) {
      Object.keys(block.edits).sort().forEach(function (key) {
        entries.push(block.id + "/" + key + "=" + String(block.edits[key]));
      });
    });
    var hash = entries.length ? "#" + EDIT_PREFIX + entries.join(";") : "";
    var url = location.href.replace(/#.*$/, "") + hash;
    try {
      history.replaceState(null, "", url);
    } catch (e) {
      // Some file:// pages refuse replaceState; the edits still work, only the link does not keep them.
    }
  };

  Page.prototype.restoreEdits = function () {
    var hash = decodeURIComponent(location.hash.replace(/^#/, ""));
    if (hash.indexOf(EDIT_PREFIX) !== 0) {
      return;
    }
    var byId = {};
    this.blocks.forEach(function (b) { byId[b.id] = b; });
    var entries = hash.substring(EDIT_PREFIX.length).split(";").filter(function (e) { return e.length > 0; });
    var valid = [];
    var bad = entries.length === 0;
    entries.forEach(function (entry) {
      var m = /^([A-Za-z0-9_-]+)\/([a-z_]+(?:\.\d+){1,4}(?:\.[a-z_]+(?:\.\d+){1,2})?)=(.+)$/.exec(entry);
      var block = m && byId[m[1]];
      var value = m && parseNumber(m[3]);
      if (!block || value === null || access(block.spec, m[2]) === undefined
          || !block.figure.querySelector("[data-edit=\"" + m[2] + "\"]")) {
        bad = true;
        return;
      }
      valid.push({ block: block, key: m[2], value: value });
    });
    if (bad) {
      this.blocks.forEach(function (b) {
        b.notice.hidden = false;
        b.notice.textContent = "The edits in this page's address could not be read, so the lesson's own numbers are shown.";
      });
      return;
    }
    var touched = [];
    valid.forEach(function (e) {
      access(e.block.spec, e.key, e.value);
      e.block.edits[e.key] = e.value;
      if (touched.indexOf(e.block) < 0) {
        touched.push(e.block);
      }
    });
    touched.forEach(function (b) { b.update(null); });
  };

  var api = {
    math: { exp: exp, log: log },
    figures: { display: display, plain: function (x, p) { return format(x, p, true); }, exact: exact, factor: factor,
      subscript: subscript },
    compute: compute,
    view: view,
    traceJson: traceJson,
    lossPlot: lossPlot,
    specOf: specOf,
    page: null,
    /** Recomputes every block from its own trace, changing nothing when Java and this script agree. */
    recomputeAll: function () {
      api.page.blocks.forEach(function (b) { b.update(null); });
    }
  };
  window.Longhand = api;

  function start() {
    api.page = new Page();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
