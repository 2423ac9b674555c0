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
 *   generated <-> dev.longhand.nn.SeededRandom, Drawn and render.DrawnMatrices (large generated
 *                 matrices, which the trace holds as how they were drawn, drawn again)
 *   plot      <-> dev.longhand.render.LossPlot     (the loss plot)
 * What a worksheet hides until the reader reveals it is dev.longhand.render.Blanks' rule, which
 * the build prints into data-hidden-until; longhand-practice.js reads it (api.hiding).
 * The browser tests compare the two on every shipped lesson and on random networks.
 * Training (backprop, its lines, the loss plot) is in longhand-training.js and StrictMath's exp
 * and log in longhand-math.js; a page loads them only when its blocks use them.
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

  // exp, log and tanh as Java's StrictMath computes them, from longhand-math.js where the page
  // loads it (pages whose blocks use sigmoid, tanh, softmax or cross-entropy); elsewhere they
  // are not used.
  function exp(x) {
    var exact = window.LonghandMath;
    return exact ? exact.exp(x) : Math.exp(x);
  }

  function log(x) {
    var exact = window.LonghandMath;
    return exact ? exact.log(x) : Math.log(x);
  }

  function tanh(x) {
    var exact = window.LonghandMath;
    return exact ? exact.tanh(x) : Math.tanh(x);
  }

  // erf has no Math counterpart: pages with a GELU block always load longhand-math.js.
  function erf(x) {
    return window.LonghandMath.erf(x);
  }

  var SQRT_2 = 1.4142135623730951;
  var INV_SQRT_2PI = 0.3989422804014327;

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

  /** A copy of a matrix; a copy of drawn numbers is known as drawn (passDrawn) until it is edited. */
  function copy(m) {
    return passDrawn(m, m.map(function (row) { return row.slice(); }));
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
    tanh: { apply: function (z) { return tanh(z); }, derivative: function (z, a) { return 1.0 - a * a; } },
    leaky_relu: { apply: function (z) { return z > 0 ? z : LEAK * z; }, derivative: function (z) { return z > 0 ? 1.0 : LEAK; } },
    gelu: { apply: function (z) { return 0.5 * z * (1.0 + erf(z / SQRT_2)); },
      derivative: function (z) { return 0.5 * (1.0 + erf(z / SQRT_2)) + z * exp(-0.5 * z * z) * INV_SQRT_2PI; } },
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

  /** MatrixViews.shownIndices: a matrix of more than 10 rows (columns) shows its first and last three. */
  function shownIndices(n) {
    var out = [];
    for (var i = 0; i < n; i++) {
      if (n <= 10 || i < 3 || i >= n - 3) {
        out.push(i);
      }
    }
    return out;
  }

  /** Whether a layer of a spec is a dense layer: no type, or type "dense". */
  function isDense(layer) {
    return !layer.type || layer.type === "dense";
  }

  /** The unit of a layer kind beyond dense layers (longhand-KIND.js), as Java's kinds.Kinds lists them. */
  function kindOf(layer) {
    var kind = api.kinds[layer.type];
    if (!kind) {
      throw new Error("no script for layer type " + layer.type);
    }
    return kind;
  }

  function forward(network, input) {
    var traces = [];
    var current = input;
    network.forEach(function (layer) {
      var t = stageForward(layer, current);
      traces.push(t);
      current = t.a;
    });
    return traces;
  }

  /** One layer of any kind: dense here, the others by their kind's unit; every trace holds layer, input and a. */
  function stageForward(layer, x) {
    if (!isDense(layer)) {
      var t = kindOf(layer).forward(layer, x, api.internals);
      t.layer = layer;
      t.input = x;
      return t;
    }
    var product = multiply(layer.weights, x);
    var z = matrix(product.length, product[0].length, function (r, c) { return product[r][c] + layer.bias[r]; });
    return { layer: layer, input: x, z: z, a: activate(layer.activation, z) };
  }

  /** The whole computation of a block: forward pass and, with a target, training (longhand-training.js). */
  function compute(spec) {
    var result = { traces: forward(spec.layers, spec.input) };
    if (spec.training && api.training) {
      api.training.train(spec, result);
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
    /** The terms "⋯" stands for, as {term, from, to}: checked by result(), and only when they can matter. */
    this.elided = null;
  }
  Line.prototype.text = function (s) { if (!this.hidden) { this.s += s; } return this; };
  Line.prototype.factor = function (x) {
    if (this.hidden) {
      return this.uses(x);
    }
    var e = this.f.get(x);
    this.isExact = this.isExact && e.exact;
    return this.text(e.factor);
  };
  Line.prototype.figure = function (x) {
    if (this.hidden) {
      return this.uses(x);
    }
    var e = this.f.get(x);
    this.isExact = this.isExact && e.exact;
    return this.text(e.shown);
  };
  Line.prototype.uses = function (x) { this.isExact = this.isExact && this.f.get(x).exact; return this; };
  /** A figure the reader has not been shown: "?", still deciding "=" or "≈". */
  Line.prototype.unknown = function (x) { return this.uses(x).text("?"); };
  /**
   * count terms joined by " + "; a long sum shows its first and last EDGE_TERMS around "⋯".
   * The terms behind "⋯" are written nowhere and count only for "=" or "≈": result() goes
   * through them last, when every figure shown and the result are exact (Java's rule stops at
   * the first rounded figure too). A line of 784 products then costs six unless it is exact.
   */
  Line.prototype.terms = function (count, term) {
    var elide = count > MAX_TERMS;
    for (var i = 0; i < count; i++) {
      if (elide && i === EDGE_TERMS) {
        this.text(" + ⋯");
        (this.elided || (this.elided = [])).push({ term: term, from: i, to: count - EDGE_TERMS });
        i = count - EDGE_TERMS - 1;
        continue;
      }
      if (i > 0) {
        this.text(" + ");
      }
      term(i);
    }
    return this;
  };
  Line.prototype.result = function (v) {
    var e = this.f.get(v);
    if (this.isExact && e.exact && this.elided) {
      this.hidden = true;
      for (var d = 0; d < this.elided.length && this.isExact; d++) {
        var at = this.elided[d];
        for (var i = at.from; i < at.to && this.isExact; i++) {
          at.term(i);
        }
      }
      this.hidden = false;
    }
    return this.s + (this.isExact && e.exact ? " = " : " ≈ ") + e.shown;
  };

  /** unknown (optional): which figures are "?", as dev.longhand.worked.Unknowns: {input(k), z(j)}. */
  function forwardLine(t, u, s, p, augmented, unknown) {
    var w = t.layer.weights;
    var sum = new Line(p).text("z" + subscript(u + 1) + " = ");
    sum.terms(w[0].length, function (k) {
      sum.factor(w[u][k]).text("·");
      if (unknown && unknown.input(k)) {
        sum.unknown(t.input[k][s]);
      } else {
        sum.factor(t.input[k][s]);
      }
    });
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
      case "gelu": result.text("GELU(").figure(z).text(")"); break;
      default:
        result.text("exp(").figure(z).text(") / (");
        result.terms(t.z.length, function (j) {
          result.text("exp(");
          if (j !== u && unknown && unknown.z(j)) {
            result.unknown(t.z[j][s]);
          } else {
            result.figure(t.z[j][s]);
          }
          result.text(")");
        });
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
    return "[" + m.map(jsonRow).join(",") + "]";
  }

  /**
   * Each long row's JSON with the numbers it was written from: an edit changes one number of a
   * block's ~100,000, and every other row is written again as it was (a row is an array of the
   * block's spec, which edits change in place; comparing numbers is far cheaper than writing them).
   */
  var rowsWritten = new WeakMap();
  var REMEMBERED_ROW = 64;

  function jsonRow(row) {
    if (row.length < REMEMBERED_ROW) {
      return "[" + row.map(jsonNumber).join(",") + "]";
    }
    var known = rowsWritten.get(row);
    if (known && sameNumbers(known.numbers, row)) {
      return known.json;
    }
    var json = "[" + row.map(jsonNumber).join(",") + "]";
    rowsWritten.set(row, { numbers: row.slice(), json: json });
    return json;
  }

  /** Whether two rows hold the same numbers; NaN is never the same, so a row holding one is written again. */
  function sameNumbers(a, b) {
    if (a.length !== b.length) {
      return false;
    }
    for (var i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        return false;
      }
    }
    return true;
  }

  function jsonFlat(values) {
    return "[" + values.map(jsonNumber).join(",") + "]";
  }

  // ---- generated numbers: mirror of dev.longhand.nn.SeededRandom and Drawn -------------------

  /*
   * The build writes a large matrix drawn from a seed into the trace as how it was drawn
   * (dev.longhand.render.DrawnMatrices): {"random": SEED, "min": A, "max": B, "integers": false,
   * "decimals": null, "shape": [ROWS, COLS], "transposed": false}, where the block's input or a
   * layer's parameters stand. The page draws the numbers again when it reads the trace, bit for
   * bit as Java drew them, and writes the same object back for as long as they are unchanged.
   */

  var TWO_32 = 4294967296;
  var TWO_MINUS_53 = 1 / 9007199254740992;

  /**
   * SplitMix64 as dev.longhand.nn.SeededRandom, the 64-bit state in two unsigned 32-bit halves so
   * that a hundred thousand draws need no BigInt arithmetic. seed: a BigInt, taken mod 2^64.
   */
  function SeededRandom(seed) {
    var s = BigInt.asUintN(64, seed);
    this.hi = Number(s >> BigInt(32));
    this.lo = Number(s & BigInt(0xFFFFFFFF));
  }

  /** The high 32 bits of the product of two unsigned 32-bit numbers, in 16-bit pieces (each product exact). */
  function mulHigh(a, b) {
    var a0 = a & 0xFFFF;
    var a1 = a >>> 16;
    var b0 = b & 0xFFFF;
    var b1 = b >>> 16;
    var p01 = a0 * b1;
    var p10 = a1 * b0;
    var mid = ((a0 * b0) >>> 16) + (p01 & 0xFFFF) + (p10 & 0xFFFF);
    return a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
  }

  /** The next 64 bits as [high, low] halves: state += gamma, then the two xor-shift-multiply rounds and a xor-shift. */
  SeededRandom.prototype.next = function () {
    var lo = this.lo + 0x7F4A7C15;
    this.hi = (this.hi + 0x9E3779B9 + (lo >= TWO_32 ? 1 : 0)) >>> 0;
    this.lo = lo >>> 0;
    var zh = this.hi;
    var zl = this.lo;
    // z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9 (mod 2^64): low word first, it needs the old high word.
    zl = (zl ^ ((zl >>> 30) | (zh << 2))) >>> 0;
    zh = (zh ^ (zh >>> 30)) >>> 0;
    zh = (mulHigh(zl, 0x1CE4E5B9) + Math.imul(zh, 0x1CE4E5B9) + Math.imul(zl, 0xBF58476D)) >>> 0;
    zl = Math.imul(zl, 0x1CE4E5B9) >>> 0;
    // z = (z ^ (z >>> 27)) * 0x94D049BB133111EB
    zl = (zl ^ ((zl >>> 27) | (zh << 5))) >>> 0;
    zh = (zh ^ (zh >>> 27)) >>> 0;
    zh = (mulHigh(zl, 0x133111EB) + Math.imul(zh, 0x133111EB) + Math.imul(zl, 0x94D049BB)) >>> 0;
    zl = Math.imul(zl, 0x133111EB) >>> 0;
    // z ^ (z >>> 31)
    return [(zh ^ (zh >>> 31)) >>> 0, (zl ^ ((zl >>> 31) | (zh << 1))) >>> 0];
  };

  /** A double in [0, 1): the top 53 bits times 2^-53, exact (SeededRandom.nextDouble). */
  SeededRandom.prototype.nextDouble = function () {
    var z = this.next();
    return (z[0] * 2097152 + (z[1] >>> 11)) * TWO_MINUS_53;
  };

  /**
   * v rounded half to even at d places, as Drawn.rounded: the quick way unless v × 10^d lies
   * within a hair of a tie or is large, then exactly (exactlyRounded), in the same cases as Java.
   */
  function roundedAt(v, d, scale) {
    var scaled = v * scale;
    var fraction = Math.abs(scaled - Math.floor(scaled) - 0.5);
    if (Math.abs(scaled) >= 1e9 || fraction < 1e-6) {
      return exactlyRounded(v, d);
    }
    // Not a tie, so Math.round (ties upward) is Math.rint; + 0: a decimal has no negative zero.
    return Math.round(scaled) / scale + 0;
  }

  /**
   * new BigDecimal(v).setScale(d, HALF_EVEN).doubleValue(): v is mantissa · 2^exponent exactly;
   * n = v · 10^d rounded half to even in BigInt; the decimal n / 10^d read back by Number(),
   * which, like Java's conversion, gives the nearest double.
   */
  function exactlyRounded(v, d) {
    var view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, v);
    var high = view.getUint32(0);
    var biased = (high >>> 20) & 0x7FF;
    var mantissa = BigInt(high & 0xFFFFF) * BigInt(TWO_32) + BigInt(view.getUint32(4));
    if (biased > 0) {
      mantissa += BigInt(1) << BigInt(52);
    }
    var exponent = Math.max(biased, 1) - 1075;
    var n = mantissa;
    for (var i = 0; i < d; i++) {
      n *= BigInt(10);
    }
    if (exponent >= 0) {
      n = n << BigInt(exponent);
    } else {
      var divisor = BigInt(1) << BigInt(-exponent);
      var q = n / divisor;
      var twice = (n - q * divisor) * BigInt(2);
      if (twice > divisor || (twice === divisor && q % BigInt(2) === BigInt(1))) {
        q += BigInt(1);
      }
      n = q;
    }
    var digits = n.toString();
    while (digits.length <= d) {
      digits = "0" + digits;
    }
    var at = digits.length - d;
    return Number((high >>> 31 ? "-" : "") + digits.substring(0, at) + (d > 0 ? "." + digits.substring(at) : "")) + 0;
  }

  function whole(x, min, max) {
    return typeof x === "number" && x === Math.floor(x) && x >= min && x <= max;
  }

  /**
   * The numbers a generated matrix of the trace stands for (Drawn.matrix): shape [ROWS, COLS] is
   * drawn row by row, one u per number, min + u·(max − min), or min + floor(u·(max − min + 1))
   * with integers, each then rounded at decimals places; a list of rows, transposed when so
   * written; shape [N] is a flat list (a bias).
   */
  function drawnNumbers(g) {
    var flat = Array.isArray(g.shape) && g.shape.length === 1;
    var rows = g.shape && g.shape[0];
    var cols = flat ? 1 : g.shape && g.shape[1];
    if (!whole(rows, 1, 1e7) || !whole(cols, 1, 1e7) || !(flat || g.shape.length === 2)
        || !(typeof g.random === "number" ? whole(g.random, -9007199254740992, 9007199254740992)
          : /^-?\d{1,19}$/.test(g.random))
        || !(isFinite(g.min) && isFinite(g.max) && g.min <= g.max) || typeof g.integers !== "boolean"
        || !(g.decimals === null || whole(g.decimals, 0, 22)) || typeof g.transposed !== "boolean"
        || (flat && g.transposed)) {
      throw new Error("a generated matrix of the trace is not as the lesson format writes it: " + JSON.stringify(g));
    }
    var random = new SeededRandom(BigInt(g.random));
    var min = g.min;
    var range = g.max - g.min;
    var decimals = g.integers ? null : g.decimals;
    var scale = decimals === null ? 1 : Number("1e" + decimals);
    var drawn = matrix(rows, cols, function () {
      var u = random.nextDouble();
      if (g.integers) {
        return min + Math.floor(u * (range + 1));
      }
      var v = min + u * range;
      return decimals === null ? v : roundedAt(v, decimals, scale);
    });
    var numbers = flat ? drawn.map(function (row) { return row[0]; }) : g.transposed ? transpose(drawn) : drawn;
    if (drawnOf) {
      drawnOf.set(numbers, { json: drawnJson(g), numbers: numbers });
    }
    return numbers;
  }

  /** The generated matrix as TraceJson writes it (DrawnMatrices.write), key for key. */
  function drawnJson(g) {
    return "{\"random\":" + (typeof g.random === "string" ? jsonString(g.random) : jsonNumber(g.random))
      + ",\"min\":" + jsonNumber(g.min) + ",\"max\":" + jsonNumber(g.max) + ",\"integers\":" + String(g.integers)
      + ",\"decimals\":" + (g.decimals === null ? "null" : String(g.decimals))
      + ",\"shape\":[" + g.shape.join(",") + "],\"transposed\":" + String(g.transposed) + "}";
  }

  /**
   * Which arrays hold drawn numbers, by identity: each array drawnNumbers made, and every copy of
   * one (copy, copyList, deepCopy pass it on), with {json, numbers}: how it was drawn and what.
   */
  var drawnOf = typeof WeakMap === "function" ? new WeakMap() : null;

  function passDrawn(from, to) {
    var d = drawnOf && drawnOf.get(from);
    if (d) {
      drawnOf.set(to, d);
    }
    return to;
  }

  /** A flat list (a bias, a gamma) copied, still known as drawn if it was. */
  function copyList(list) {
    return passDrawn(list, list.slice());
  }

  /** Whether an array holds exactly the numbers it was drawn with: nobody edited one. */
  function stillDrawn(m, d) {
    var n = d.numbers;
    if (m.length !== n.length) {
      return false;
    }
    for (var r = 0; r < m.length; r++) {
      var row = m[r];
      var was = n[r];
      if (Array.isArray(row)) {
        if (row.length !== was.length) {
          return false;
        }
        for (var c = 0; c < row.length; c++) {
          if (row[c] !== was[c]) {
            return false;
          }
        }
      } else if (row !== was) {
        return false;
      }
    }
    return true;
  }

  /** The trace's input or a parameter (JsonWriter.given): as it was drawn while unchanged, else its rows. */
  function jsonGiven(m) {
    var d = drawnOf && drawnOf.get(m);
    return d && stillDrawn(m, d) ? d.json : jsonMatrix(m);
  }

  /** A flat list of the trace's parameters (JsonWriter.givenFlat), as jsonGiven. */
  function jsonGivenFlat(list) {
    var d = drawnOf && drawnOf.get(list);
    return d && stillDrawn(list, d) ? d.json : jsonFlat(list);
  }

  /** Whether a value of a parsed trace is a generated matrix: an object (not a list) with "random". */
  function isDrawn(x) {
    return x !== null && typeof x === "object" && !Array.isArray(x) && Object.prototype.hasOwnProperty.call(x, "random");
  }

  /** A parsed trace with every generated matrix replaced by its numbers, wherever it stands. */
  function drawAgain(node) {
    if (isDrawn(node)) {
      return drawnNumbers(node);
    }
    if (node !== null && typeof node === "object") {
      var keys = Array.isArray(node) ? null : Object.keys(node);
      var count = keys ? keys.length : node.length;
      for (var i = 0; i < count; i++) {
        var key = keys ? keys[i] : i;
        var value = node[key];
        if (value !== null && typeof value === "object") {
          node[key] = drawAgain(value);
        }
      }
    }
    return node;
  }

  /**
   * One layer of a network with kinds beyond dense layers, as TraceJson.stage writes it: type and
   * name first; a dense layer's fields, or its kind's; then, trained, gradients and after.
   * trained (optional): { dense: [dW, db, weightsAfter, biasAfter], gradients: json, after: json }.
   */
  function stageJson(t, trained) {
    var fields = ["\"type\":" + jsonString(t.layer.type || "dense"), "\"name\":" + jsonString(t.layer.name)];
    if (isDense(t.layer)) {
      fields.push("\"activation\":" + jsonString(t.layer.activation), "\"weights\":" + jsonGiven(t.layer.weights),
        "\"bias\":" + jsonGivenFlat(t.layer.bias), "\"z\":" + jsonMatrix(t.z), "\"a\":" + jsonMatrix(t.a));
      if (trained && trained.dense) {
        fields.push.apply(fields, trained.dense);
      }
    } else {
      fields.push.apply(fields, kindOf(t.layer).traceFields(t, api.internals));
    }
    if (trained && trained.gradients) {
      fields.push("\"gradients\":" + trained.gradients, "\"after\":" + trained.after);
    }
    return "{" + fields.join(",") + "}";
  }

  function traceJson(spec, result) {
    var parts = ["\"input\":" + jsonGiven(spec.input)];
    if (spec.typed) {
      var typed = result.traces.map(function (t, i) {
        return stageJson(t, spec.training && result.first ? api.training.stageFields(result, i) : null);
      });
      parts.push("\"layers\":[" + typed.join(",") + "]");
      parts.push("\"output\":" + jsonMatrix(result.traces[result.traces.length - 1].a));
      if (spec.training && result.first) {
        api.training.traceFields(spec, result, parts);
      }
      return "{" + parts.join(",") + "}";
    }
    var layers = result.traces.map(function (t, i) {
      var fields = [
        "\"name\":" + jsonString(t.layer.name),
        "\"activation\":" + jsonString(t.layer.activation),
        "\"weights\":" + jsonGiven(t.layer.weights),
        "\"bias\":" + jsonGivenFlat(t.layer.bias),
        "\"z\":" + jsonMatrix(t.z),
        "\"a\":" + jsonMatrix(t.a)
      ];
      if (spec.training && result.first) {
        api.training.layerFields(result, i, fields);
      }
      return "{" + fields.join(",") + "}";
    });
    parts.push("\"layers\":[" + layers.join(",") + "]");
    parts.push("\"output\":" + jsonMatrix(result.traces[result.traces.length - 1].a));
    if (spec.training && result.first) {
      api.training.traceFields(spec, result, parts);
    }
    return "{" + parts.join(",") + "}";
  }

  // ---- diagram: mirror of dev.longhand.render.Diagram -----------------------------------------

  var NODE_PRECISION = 2;
  var NODE_LABEL_FITS = 5;
  var NODE_LABEL_WIDTH = 34;

  /** Squeezes a long node label into its circle, as Diagram.fitted does; a label that fits is left alone. */
  function fitNodeLabel(text, label) {
    if (label.length > NODE_LABEL_FITS) {
      text.setAttribute("textLength", String(NODE_LABEL_WIDTH));
      text.setAttribute("lengthAdjust", "spacingAndGlyphs");
    } else if (text.hasAttribute("textLength")) {
      text.removeAttribute("textLength");
      text.removeAttribute("lengthAdjust");
    }
  }

  function edgeWidth(weight, largest) {
    return largest === 0 ? 0.6 : 0.6 + 3.4 * (Math.abs(weight) / largest);
  }

  function sign(weight) {
    return weight > 0 ? "pos" : weight < 0 ? "neg" : "zero";
  }

  /**
   * Rewrites the diagram's node values and marks for one sample, and every edge's look.
   * shown (optional) says whether a worksheet's hidden value ("layers.0.a.1.0") may be shown now.
   */
  function drawDiagram(svg, spec, result, sample, p, shown) {
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
      // A worksheet's blank node (data-blank) keeps its "?" and gives nothing away until the
      // reader reveals its value: then the value is a second text, which print leaves out.
      var blank = node.hasAttribute("data-blank");
      var open = blank && !!shown && shown("layers." + l + ".a." + u + "." + sample);
      var inactive = (!blank || open) && l >= 0 && result.traces[l].layer.activation === "relu"
        && result.traces[l].z[u][sample] < 0;
      var css = "node" + (l < 0 ? " input" : "") + (inactive ? " inactive" : "");
      if (node.getAttribute("class") !== css) {
        node.setAttribute("class", css);
      }
      var text = node.querySelector("text");
      var figure = blank ? "?" : display(value, q);
      if (text.textContent !== figure) {
        text.textContent = figure;
      }
      fitNodeLabel(text, figure);
      if (blank) {
        revealNode(node, text, open ? display(value, q) : null);
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

  /** Shows (text) or hides (null) the value of a blank diagram node beside its "?". */
  function revealNode(node, question, text) {
    var value = node.querySelector("text.node-value");
    if (text === null) {
      if (value) {
        node.removeChild(value);
        node.removeAttribute("data-revealed");
      }
      return;
    }
    if (!value) {
      value = document.createElementNS("http://www.w3.org/2000/svg", "text");
      value.setAttribute("class", "node-value");
      value.setAttribute("x", question.getAttribute("x"));
      value.setAttribute("y", question.getAttribute("y"));
      node.appendChild(value);
      node.setAttribute("data-revealed", "true");
    }
    if (value.textContent !== text) {
      value.textContent = text;
    }
    fitNodeLabel(value, text);
  }

  // ---- what the page shows: every keyed value, line and mark --------------------------------

  /**
   * Everything a block displays, keyed as the page keys it: value(key) for the numbers
   * (data-v), line(key) for the worked lines (data-work), the class of each keyed cell, and for
   * clamped A cells the z they came from. Nothing is formatted until it is asked for, so that
   * the cost of a recompute follows what the page shows, not the size of the block.
   * known (optional, a worksheet's): (key) → whether the value at that trace key may be shown;
   * a worked line writes "?" for every figure it may not (dev.longhand.render.SheetContext).
   */
  function view(spec, result, p, augmented, known) {
    // Matrices and lists by the prefix of their keys, looked up when a cell asks: a large block
    // has ~100,000 weights but shows a few hundred, so no key is built for the others.
    var matrices = {};
    var lists = {};
    var lines = {};
    var marks = {};
    var traces = result.traces;
    function put(prefix, m) {
      matrices[prefix] = m;
    }
    function putFlat(prefix, list) {
      lists[prefix] = list;
    }
    /** The number at a data-v key ("layers.0.weights.3.5", "layers.0.bias.2"), or undefined. */
    function value(key) {
      var last = key.lastIndexOf(".");
      var list = lists[key.substring(0, last + 1)];
      if (list) {
        return list[Number(key.substring(last + 1))];
      }
      var before = key.lastIndexOf(".", last - 1);
      var m = matrices[key.substring(0, before + 1)];
      var row = m ? m[Number(key.substring(before + 1, last))] : undefined;
      return row ? row[Number(key.substring(last + 1))] : undefined;
    }
    /** Whether any number the block holds overflowed. */
    function anyNonFinite() {
      function bad(v) { return !isFinite(v); }
      return Object.keys(matrices).some(function (k) {
        return matrices[k].some(function (row) { return row.some(bad); });
      }) || Object.keys(lists).some(function (k) { return lists[k].some(bad); });
    }
    put("input.", spec.input);
    /**
     * Every layer's numbers and lines; prefix "layers.2." or "layers.2.layers.0." inside a
     * residual; input, the key prefix of the first layer's input ("input.", "layers.1.a.").
     */
    function layers(list, path, input) {
      list.forEach(function (t, i) {
        var prefix = path + i + ".";
        var lineKey = prefix.substring("layers.".length, prefix.length - 1);
        var from = i === 0 ? input : path + (i - 1) + ".a.";
        if (!isDense(t.layer)) {
          kindOf(t.layer).view(t, prefix, lineKey, p, shelfFor(from));
          return;
        }
        put(prefix + "weights.", t.layer.weights);
        putFlat(prefix + "bias.", t.layer.bias);
        put(prefix + "z.", t.z);
        put(prefix + "a.", t.a);
        t.z.forEach(function (row, u) {
          row.forEach(function (zv, s) {
            var mark = reluMark(t.layer.activation, zv);
            marks[prefix + "z." + u + "." + s] = { css: mark };
            marks[prefix + "a." + u + "." + s] = { css: mark, from: mark === "clamped" ? display(zv, p) : "" };
            // Written out when the page asks for it: a large block shows a few of its ~1,000 lines.
            lines[lineKey + "." + u + "." + s] = function () {
              var line = forwardLine(t, u, s, p, augmented, known ? unknownsOf(from, prefix, s) : null);
              return { kind: "forward", sum: line.sum, result: line.result, css: line.mark };
            };
          });
        });
      });
    }
    /** Which figures of a dense line are "?" (as dev.longhand.worked.Unknowns): an input, another unit's z. */
    function unknownsOf(from, prefix, s) {
      return {
        input: function (k) { return !known(from + k + "." + s); },
        z: function (j) { return !known(prefix + "z." + j + "." + s); }
      };
    }
    function isKnown(key) {
      return !known || known(key);
    }
    /**
     * What a kind's view fills: numbers by key prefix, lines and marks; layers() for a residual's
     * own; input, the key prefix of the layer's input; and a worksheet's hooks, as SheetContext's:
     * known(key), and factor / figure (line, value, key), which write "?" for a hidden value.
     */
    function shelfFor(input) {
      return { put: put, putFlat: putFlat, lines: lines, marks: marks, Line: Line, display: display,
        shown: shownIndices, subscript: subscript, input: input,
        layers: function (list, path) { layers(list, path, input); },
        known: isKnown,
        factor: function (line, x, key) { return isKnown(key) ? line.factor(x) : line.unknown(x); },
        figure: function (line, x, key) { return isKnown(key) ? line.figure(x) : line.unknown(x); } };
    }
    layers(traces, "layers.", "input.");
    if (spec.training && result.first) {
      api.training.view(spec, result, p, put, putFlat, lines, marks);
    }
    /** The worked line at a data-work key, or undefined; a dense layer's is written out on the first ask. */
    function line(key) {
      var found = lines[key];
      if (typeof found === "function") {
        found = found();
        lines[key] = found;
      }
      return found;
    }
    return { value: value, anyNonFinite: anyNonFinite, line: line, marks: marks };
  }

  // ---- the page -----------------------------------------------------------------------------

  var EDIT_PREFIX = "edits:";
  /** The highest draw of new numbers an address may name. */
  var MAX_DRAW = 1000000000;

  function parseNumber(text) {
    var t = text.replace(/\u2212/g, "-").replace(/\s+/g, "");
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
      return null;
    }
    var v = Number(t);
    return isFinite(v) ? v : null;
  }

  /** A layer of a spec from its trace: what it computes with, nothing it computed. */
  function layerSpec(l) {
    if (!isDense(l)) {
      return kindOf(l).spec(l, layerSpec, api.internals);
    }
    var layer = { name: l.name, activation: l.activation, weights: copy(l.weights), bias: copyList(l.bias) };
    if (l.type) {
      layer.type = l.type;
    }
    return layer;
  }

  /** A copy of plain data: numbers, text, lists and objects. */
  function deepCopy(x) {
    if (Array.isArray(x)) {
      return passDrawn(x, x.map(deepCopy));
    }
    if (x !== null && typeof x === "object") {
      var c = {};
      Object.keys(x).forEach(function (k) { c[k] = deepCopy(x[k]); });
      return c;
    }
    return x;
  }

  /** What the page computes with, from a trace (Java's, or one this script wrote); generated matrices drawn again. */
  function specOf(trace) {
    trace = drawAgain(trace);
    var spec = {
      input: copy(trace.input),
      layers: trace.layers.map(layerSpec),
      // A network with kinds beyond dense layers writes "type" on every layer (TraceJson).
      typed: trace.layers[0].type !== undefined
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
        return isDense(l) && !l.type
          ? { name: l.name, activation: l.activation, weights: copy(l.weights), bias: copyList(l.bias) }
          : deepCopy(l);
      }),
      typed: spec.typed
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
    if (!holder && idx[0] === "layers" && idx.length > 3) {
      return accessPath(spec, idx, value);
    }
    if (!holder || typeof r !== "number" || typeof c !== "number" || !holder[r] || c >= holder[r].length) {
      return undefined;
    }
    if (value !== undefined) {
      holder[r][c] = value;
    }
    return holder[r][c];
  }

  /**
   * Any other number of a layer by its path ("layers.1.heads.0.query.1.0", "layers.0.layers.1.bias.0",
   * "layers.2.gamma.1"): only a number inside a list of the layer's parameters or input, never a
   * setting such as epsilon.
   */
  function accessPath(spec, idx, value) {
    var node = spec;
    for (var i = 0; i < idx.length - 1; i++) {
      node = node !== null && typeof node === "object" && Object.prototype.hasOwnProperty.call(node, idx[i])
        ? node[idx[i]] : undefined;
      if (node === undefined) {
        return undefined;
      }
    }
    var last = idx[idx.length - 1];
    if (!Array.isArray(node) || typeof last !== "number" || typeof node[last] !== "number") {
      return undefined;
    }
    if (value !== undefined) {
      node[last] = value;
    }
    return node[last];
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
    // The numbers edits are counted from: the lesson's own, or a worksheet's draw of new numbers.
    this.base = this.original;
    this.draw = 0;
    /** Whether the page's address gave this block's numbers (edits or a draw). */
    this.fromAddress = false;
    /** A worksheet's hidden values and the blanks they wait for (from longhand-practice.js), or null. */
    this.hidden = api.hiding ? api.hiding.read(figure.getAttribute("data-hidden-until")) : null;
    /** Set by longhand-practice.js: () → the Set of blank keys the reader has revealed. */
    this.revealed = null;
    this.edits = {};
    this.valueElements = Array.prototype.slice.call(figure.querySelectorAll("[data-v]"));
    this.lineElements = Array.prototype.slice.call(figure.querySelectorAll("[data-work]"));
    this.plot = figure.querySelector("figure.loss-figure");
    this.diagram = figure.querySelector("svg.mlp-diagram");
    this.sample = 0;
    this.result = null;
    this.lastUpdateMs = 0;
    /**
     * Each worked line's element → the line last written into it: an edit rewrites only the
     * lines it changed (nothing else on the page writes a line's text or class).
     */
    this.written = new WeakMap();
    /** Each flashed element's enclosing <details>, found once (Block.unfolded). */
    this.folds = new WeakMap();
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
      block.drawDiagram();
      var desc = block.diagram.querySelector("desc");
      desc.textContent = desc.textContent.replace(/sample \d+/, "sample " + (block.sample + 1));
    });
    label.appendChild(select);
    var box = this.diagram.parentNode;
    box.parentNode.insertBefore(label, box);
  };

  /** What a screen reader calls an editable number: "layer 2 weight row 1 column 3". */
  function spokenName(key) {
    var at = key.split(".");
    if (at[0] === "layers" && (at.length > 5 || (at[2] !== "weights" && at[2] !== "bias"))) {
      return spokenPath(at);
    }
    if (at[0] === "input") {
      return "input unit " + (Number(at[1]) + 1) + " sample " + (Number(at[2]) + 1);
    }
    var layer = "layer " + (Number(at[1]) + 1);
    if (at[2] === "bias") {
      return layer + " bias row " + (Number(at[3]) + 1);
    }
    return layer + " weight row " + (Number(at[3]) + 1) + " column " + (Number(at[4]) + 1);
  }

  /** "layers.1.heads.0.query.2.1" → "layer 2 head 1 query row 3 column 2"; "layers.0.gamma.1" → "layer 1 gamma row 2". */
  function spokenPath(at) {
    var words = [];
    var i = 0;
    while (i < at.length) {
      var name = at[i];
      var n = at[i + 1];
      if ((name === "layers" || name === "heads") && /^\d+$/.test(n || "")) {
        words.push((name === "layers" ? "layer " : "head ") + (Number(n) + 1));
        i += 2;
      } else if (/^\d+$/.test(name)) {
        var numbers = at.slice(i);
        words.push("row " + (Number(numbers[0]) + 1) + (numbers.length > 1 ? " column " + (Number(numbers[1]) + 1) : ""));
        break;
      } else {
        words.push(name.replace(/_/g, " "));
        i += 1;
      }
    }
    return words.join(" ");
  }

  Block.prototype.makeEditable = function (cell) {
    var block = this;
    cell.setAttribute("contenteditable", "true");
    cell.setAttribute("tabindex", "0");
    cell.setAttribute("spellcheck", "false");
    cell.setAttribute("inputmode", "decimal");
    cell.setAttribute("role", "textbox");
    cell.setAttribute("aria-label", spokenName(cell.getAttribute("data-edit")));
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
    if (value === access(this.base, key)) {
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
    this.useDraw(0);
  };

  /**
   * Shows draw n of new numbers (a worksheet's "New numbers"), or the lesson's own numbers for
   * n = 0, without edits; recomputes, keeps it in the address and tells listeners on the figure
   * ("longhand-numbers", detail {draw, was}) when the draw changed. False when there is no such draw.
   */
  Block.prototype.useDraw = function (n) {
    var drawn = n > 0 ? drawnSpec(this, n) : this.original;
    if (!drawn) {
      return false;
    }
    var was = this.draw;
    this.base = drawn;
    this.draw = n;
    this.spec = cloneSpec(drawn);
    this.edits = {};
    this.figure.querySelectorAll("[data-edit]").forEach(function (cell) {
      cell.removeAttribute("aria-invalid");
      cell.classList.remove("invalid");
    });
    this.figure.querySelectorAll(".cell-error").forEach(function (el) { el.parentNode.removeChild(el); });
    this.update(null);
    this.page.saveEdits();
    if (was !== n && typeof CustomEvent === "function") {
      this.figure.dispatchEvent(new CustomEvent("longhand-numbers", { detail: { draw: n, was: was } }));
    }
    return true;
  };

  /** Draw n of a worksheet's new numbers (from longhand-practice.js), or null. */
  function drawnSpec(block, n) {
    var seed = block.figure.getAttribute("data-new-numbers");
    if (!seed || typeof api.drawNumbers !== "function" || !(n >= 1 && n <= MAX_DRAW && n === Math.floor(n))) {
      return null;
    }
    return api.drawNumbers(block.original, seed, n);
  }

  /** Redraws the diagram for the sample shown; revealed, on a worksheet, as this.revealed() gives it. */
  Block.prototype.drawDiagram = function (revealed) {
    if (!this.diagram) {
      return; // a network with kinds beyond dense layers has a layer strip, which edits do not change
    }
    if (revealed === undefined) {
      revealed = this.revealed ? this.revealed() : null;
    }
    drawDiagram(this.diagram, this.spec, this.currentResult(), this.sample, this.precision,
      this.hidden ? api.hiding.shown(this.hidden, revealed) : null);
  };

  Block.prototype.currentResult = function () {
    if (!this.result) {
      this.result = compute(this.spec);
    }
    return this.result;
  };

  /**
   * The diagram, and on a worksheet every hidden value the reader has revealed, shown wherever
   * it appears (longhand-practice.js); what is no longer revealed is hidden again.
   */
  Block.prototype.showRevealed = function () {
    var revealed = this.revealed ? this.revealed() : null;
    if (this.hidden) {
      api.hiding.show(this, this.currentResult(), revealed);
    }
    this.drawDiagram(revealed);
  };

  /** Recomputes the block from its spec and rewrites everything that shows a result. */
  Block.prototype.update = function (edited) {
    var started = performance.now();
    var result = compute(this.spec);
    this.result = result;
    var hidden = this.hidden;
    // A worksheet's lines as the build writes them: nothing revealed yet.
    var shown = view(this.spec, result, this.precision, this.augmented,
      hidden ? api.hiding.shown(hidden, null) : null);
    var changed = [];
    var p = this.precision;
    var figures = figuresOf(p);
    this.valueElements.forEach(function (el) {
      var key = el.getAttribute("data-v");
      var value = shown.value(key);
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
    var written = this.written;
    this.lineElements.forEach(function (li) {
      var line = shown.line(li.getAttribute("data-work"));
      if (!line || sameLine(written.get(li), line)) {
        return; // as this block last wrote it: the edit did not reach this line
      }
      if (writeLine(li, line)) {
        changed.push(li);
      }
      written.set(li, line);
    });
    this.showRevealed();
    if (this.plot && result.losses) {
      this.plot.innerHTML = api.training.lossPlot(this.id, result.losses, p);
    }
    this.traceElement.textContent = traceJson(this.spec, result);
    var nonFinite = shown.anyNonFinite();
    this.notice.hidden = !nonFinite;
    this.notice.textContent = nonFinite
      ? "Some numbers grew too large to compute (shown as ∞ or NaN); try smaller values." : "";
    var mark = getComputedStyle(document.documentElement).getPropertyValue("--mark").trim() || "#ffe8a3";
    flash(changed.filter(this.unfolded, this), mark);
    if (edited) {
      flash([edited], mark);
    }
    var output = result.traces[result.traces.length - 1].a;
    // A worksheet does not read its answers out.
    this.status.textContent = this.figure.hasAttribute("data-practice") ? "Recomputed." : "Recomputed. Output: " + output.map(function (row) {
      return row.map(function (v) { return display(v, p); }).join(", ");
    }).join("; ") + ".";
    this.lastUpdateMs = performance.now() - started;
  };

  /**
   * Whether an element can be seen once scrolled to: no closed <details> ("Show the other 124
   * units") around it. What is folded away is still rewritten, but not flashed: on a large
   * block most changed lines are folded, and starting an animation on each cost more than
   * writing them.
   */
  Block.prototype.unfolded = function (el) {
    var folds = this.folds.get(el);
    if (!folds) {
      folds = [];
      for (var d = el.parentElement && el.parentElement.closest("details"); d && this.figure.contains(d);
        d = d.parentElement && d.parentElement.closest("details")) {
        folds.push(d);
      }
      this.folds.set(el, folds);
    }
    for (var i = 0; i < folds.length; i++) {
      if (!folds[i].open) {
        return false;
      }
    }
    return true;
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

  /** Whether a line written before (or undefined) says exactly what a line of the view says. */
  function sameLine(before, line) {
    return before !== undefined && before.kind === line.kind && before.css === line.css && before.sum === line.sum
      && before.result === line.result && before.text === line.text;
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
        figure.setAttribute("data-live", "");
      } catch (e) {
        // A block this script cannot read stays the static worksheet it already is; the
        // console and the figure say why, so that a test (or an author) sees it.
        figure.setAttribute("data-live-error", String(e && e.message || e));
        if (window.console) {
          console.error("Longhand: " + figure.id + " stays static: " + (e && e.stack || e));
        }
      }
    });
    this.restoreEdits();
  }

  /**
   * Edits live in the address: #edits:mlp-1/layers.0.weights.1.2=5;mlp-1/input.0.0=3. A
   * worksheet's draw of new numbers comes first, and its edits count from it: mlp-3/draw=2;...
   */
  Page.prototype.saveEdits = function () {
    var entries = [];
    this.blocks.forEach(function (block) {
      if (block.draw > 0) {
        entries.push(block.id + "/draw=" + block.draw);
      }
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
    var draws = [];
    var bad = entries.length === 0;
    entries.forEach(function (entry) {
      var d = /^([A-Za-z0-9_-]+)\/draw=(\d{1,10})$/.exec(entry);
      if (d) {
        var drawn = byId[d[1]] && drawnSpec(byId[d[1]], Number(d[2]));
        if (!drawn) {
          bad = true;
        } else {
          draws.push({ block: byId[d[1]], draw: Number(d[2]), spec: drawn });
        }
        return;
      }
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
    draws.forEach(function (e) {
      e.block.base = e.spec;
      e.block.spec = cloneSpec(e.spec);
      e.block.draw = e.draw;
      if (touched.indexOf(e.block) < 0) {
        touched.push(e.block);
      }
    });
    valid.forEach(function (e) {
      access(e.block.spec, e.key, e.value);
      e.block.edits[e.key] = e.value;
      if (touched.indexOf(e.block) < 0) {
        touched.push(e.block);
      }
    });
    touched.forEach(function (b) {
      b.fromAddress = true;
      b.update(null);
    });
  };

  var api = {
    math: { exp: exp, log: log, tanh: tanh, erf: erf },
    training: null,
    figures: { display: display, plain: function (x, p) { return format(x, p, true); }, exact: exact, factor: factor,
      subscript: subscript },
    compute: compute,
    view: view,
    traceJson: traceJson,
    specOf: specOf,
    cloneSpec: cloneSpec,
    /** Set by longhand-practice.js: (the lesson's spec, seed as hex, n) → draw n of new numbers. */
    drawNumbers: null,
    /**
     * Set by longhand-practice.js: what a worksheet hides, by the rule in data-hidden-until:
     * read(text) → hidden, or null; shown(hidden, revealed) → (key) → may it show (view's known);
     * show(block, result, revealed) rewrites the page.
     */
    hiding: null,
    /**
     * The layer kinds beyond dense layers, by their trace "type": each kind's file
     * (longhand-attention.js, ...) registers itself here; a page loads the files its blocks use.
     */
    kinds: {},
    /** What longhand-training.js and longhand-practice.js build on. */
    internals: { matrix: matrix, copy: copy, multiply: multiply, transpose: transpose, columnMax: columnMax,
      activations: ACTIVATIONS, activate: activate, shownIndices: shownIndices, forward: forward, stageJson: stageJson, isDense: isDense,
      kindOf: kindOf, deepCopy: deepCopy, exp: exp, log: log, Line: Line, display: display,
      forwardLine: forwardLine, figuresOf: figuresOf,
      subscript: subscript, jsonMatrix: jsonMatrix, jsonFlat: jsonFlat, jsonNumber: jsonNumber,
      jsonString: jsonString, jsonGiven: jsonGiven, jsonGivenFlat: jsonGivenFlat, copyList: copyList,
      SeededRandom: SeededRandom, drawnNumbers: drawnNumbers },
    page: null,
    /** Recomputes every block from its own trace, changing nothing when Java and this script agree. */
    recomputeAll: function () {
      api.page.blocks.forEach(function (b) { b.update(null); });
    }
  };
  window.Longhand = api;

  function start() {
    if (!api.page) {
      api.page = new Page();
    }
  }

  // Deferred scripts run in the "interactive" state before DOMContentLoaded; waiting for it
  // lets longhand-training.js and longhand-math.js, which come after this file, join in first.
  if (document.readyState === "complete") {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
    window.addEventListener("load", start);
  }
})();
