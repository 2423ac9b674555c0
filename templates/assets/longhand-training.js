/*
 * Longhand: training on the page. Mirrors dev.longhand.nn's losses, backpropagation and
 * gradient descent, dev.longhand.worked.GradientSheet's lines and dev.longhand.render.LossPlot,
 * rule for rule, on top of longhand.js (loaded after it, by pages whose blocks train).
 *
 * A network of dense layers only keeps its own backward pass and view (dA, dZ, dW, db and their
 * lines). A network with kinds beyond dense layers (spec.typed) is trained through every stage as
 * nn.Backpropagation does: dense stages here, any other kind by api.kinds[type].backward(layer,
 * trace, dA, internals) → {dInput, gradients}, its gradients shaped like its parameters; the update
 * is nn.Parameters.step's, every parameter entry p − (learningRate × g).
 */
(function (api) {
  "use strict";

  if (!api) {
    return;
  }
  var I = api.internals;
  var matrix = I.matrix;
  var copy = I.copy;
  var multiply = I.multiply;
  var transpose = I.transpose;
  var columnMax = I.columnMax;
  var ACTIVATIONS = I.activations;
  var forward = I.forward;
  var exp = I.exp;
  var log = I.log;
  var Line = I.Line;
  var display = I.display;
  var subscript = I.subscript;
  var jsonMatrix = I.jsonMatrix;
  var jsonFlat = I.jsonFlat;
  var jsonNumber = I.jsonNumber;
  var jsonString = I.jsonString;

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
    if (endsInSoftmax(last.layer)) {
      var z = logitsOf(last);
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

  /**
   * Stage.endsInSoftmax: a dense softmax layer, an activation layer of softmax, or a kind that
   * says so itself (endsInSoftmax(layer)).
   */
  function endsInSoftmax(layer) {
    if (I.isDense(layer) || layer.type === "activation") {
      return layer.activation === "softmax";
    }
    var kind = api.kinds[layer.type];
    return !!(kind && kind.endsInSoftmax && kind.endsInSoftmax(layer));
  }

  /** StageTrace.logits: what the softmax of a stage that endsInSoftmax received (a kind's logits(layer, trace), or its input). */
  function logitsOf(t) {
    if (I.isDense(t.layer)) {
      return t.z;
    }
    var kind = api.kinds[t.layer.type];
    return kind && kind.logits ? kind.logits(t.layer, t) : t.input;
  }

  /** Loss.softmaxCrossEntropyGradient: per sample dZ_i = (a_i · Σt − t_i) / m. */
  function softmaxCrossEntropyGradient(a, target) {
    var m = a[0].length;
    var dZ = copy(a);
    for (var c = 0; c < m; c++) {
      var targetSum = 0.0;
      for (var r = 0; r < a.length; r++) {
        targetSum += target[r][c];
      }
      for (r = 0; r < a.length; r++) {
        dZ[r][c] = (a[r][c] * targetSum - target[r][c]) / m;
      }
    }
    return dZ;
  }

  function rowSums(m) {
    return m.map(function (row) {
      var sum = 0.0;
      for (var k = 0; k < row.length; k++) {
        sum += row[k];
      }
      return sum;
    });
  }

  /**
   * One stage's backward pass (Stage.backward, or backwardFromLogits when dLogits is given):
   * {dA, dInput, gradients (shaped like the layer's parameters), ...what the kind adds}.
   * A dense stage is Layer.backward: dZ, dW = dZ · inputᵀ, db = row sums of dZ, dInput = Wᵀ · dZ.
   */
  function stageBackward(t, dA, dLogits) {
    var layer = t.layer;
    if (I.isDense(layer)) {
      var dZ = dLogits || backwardThrough(layer.activation, t.z, t.a, dA);
      var dW = multiply(dZ, transpose(t.input));
      var db = rowSums(dZ);
      return { dA: dA, dZ: dZ, dW: dW, db: db, dInput: multiply(transpose(layer.weights), dZ),
        gradients: { weights: dW, bias: db } };
    }
    var kind = I.kindOf(layer);
    if (dLogits) {
      // An activation layer of softmax: its input is the softmax's, so dL/d(input) is dLogits itself.
      return kind.backwardFromLogits ? kind.backwardFromLogits(layer, t, dA, dLogits, I)
        : { dA: dA, dInput: dLogits, gradients: {} };
    }
    if (!kind.backward) {
      throw new Error("no backward pass for layer type " + layer.type);
    }
    var g = kind.backward(layer, t, dA, I);
    if (!g.gradients) {
      g.gradients = {};
    }
    return g;
  }

  /** Backpropagation.run for any network: the last stage first, each one's dInput the next one's dA. */
  function backwardTyped(traces, target, loss) {
    var last = traces.length - 1;
    var dA = lossGradient(loss, traces[last].a, target);
    var gradients = [];
    for (var i = last; i >= 0; i--) {
      var t = traces[i];
      var fromLogits = i === last && loss === "cross_entropy" && endsInSoftmax(t.layer);
      var g = stageBackward(t, dA, fromLogits ? softmaxCrossEntropyGradient(t.a, target) : null);
      gradients[i] = g;
      dA = g.dInput;
    }
    return { loss: lossValue(loss, traces, target), layers: gradients };
  }

  /** The rows (columns) an elided matrix shows (MatrixViews.shownIndices); lines are written for those only. */
  var shownIndices = I.shownIndices;

  /** Whether a value of a gradient tree is one parameter: a list of numbers, or of lists of numbers. */
  function isTensor(node) {
    return Array.isArray(node) && node.length > 0 && (typeof node[0] === "number" || Array.isArray(node[0]));
  }

  /** Whether a gradient tree holds any parameter (Parameters.isEmpty, negated). */
  function hasParameters(node) {
    if (isTensor(node)) {
      return true;
    }
    if (node === null || typeof node !== "object") {
      return false;
    }
    return Object.keys(node).some(function (k) { return hasParameters(node[k]); });
  }

  /** p − (rate × g), entry by entry, at any depth. */
  function descend(p, g, rate) {
    return p.map(function (v, k) { return typeof v === "number" ? v - g[k] * rate : descend(v, g[k], rate); });
  }

  /** The layer (or a part of it) with every parameter the gradient tree names stepped; the rest kept. */
  function stepped(node, g, rate) {
    if (isTensor(g)) {
      return descend(node, g, rate);
    }
    var out = Array.isArray(node) ? node.slice() : Object.assign({}, node);
    Object.keys(g).forEach(function (k) {
      if (hasParameters(g[k])) {
        out[k] = stepped(node[k], g[k], rate);
      }
    });
    return out;
  }

  /** The layer's values at the paths of a gradient tree: its parameters, shaped as their gradients. */
  function picked(node, g) {
    if (isTensor(g)) {
      return node;
    }
    var out = Array.isArray(g) ? [] : {};
    Object.keys(g).forEach(function (k) {
      out[Array.isArray(g) ? Number(k) : k] = picked(node[k], g[k]);
    });
    return out;
  }

  /** Network.step: every stage with parameters updated by Parameters.step; the others as they are. */
  function stepTyped(network, gradients, rate) {
    return network.map(function (layer, i) {
      var g = gradients.layers[i].gradients;
      return hasParameters(g) ? stepped(layer, g, rate) : layer;
    });
  }

  /** A gradient tree (or parameters shaped like it) as TraceJson.nested writes it: vectors flat, matrices as rows. */
  function jsonTree(node) {
    if (typeof node === "number") {
      return jsonNumber(node);
    }
    if (Array.isArray(node)) {
      return "[" + node.map(jsonTree).join(",") + "]";
    }
    return "{" + Object.keys(node).map(function (k) { return jsonString(k) + ":" + jsonTree(node[k]); }).join(",") + "}";
  }

  I.stageBackward = stageBackward;

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

  /** Adds training to a forward result: the first backward pass, every step, the losses. */
  function train(spec, result) {
    var tr = spec.training;
    var back = spec.typed ? backwardTyped : backward;
    var update = spec.typed ? stepTyped : step;
    var first = back(result.traces, tr.target, tr.loss);
    var losses = [];
    var current = spec.layers;
    var gradients = first;
    for (var s = 0; s < tr.steps; s++) {
      if (s > 0) {
        gradients = back(forward(current, spec.input), tr.target, tr.loss);
      }
      losses.push(gradients.loss);
      current = update(current, gradients, tr.learningRate);
    }
    losses.push(lossValue(tr.loss, forward(current, spec.input), tr.target));
    result.first = first;
    result.firstStep = update(spec.layers, first, tr.learningRate);
    result.losses = losses;
    result.after = current;
  }

  function blocked(activation, z) {
    return activation === "relu" && !(z > 0);
  }

  var DERIVATIVE_NAMES = { relu: "ReLU′", linear: "linear′", sigmoid: "σ′", tanh: "tanh′", leaky_relu: "LeakyReLU′", gelu: "GELU′",
    softmax: "softmax′" };

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
    var ai = a[u][s];
    var gradient = dA[u][s];
    line.factor(gradient).text("·").text(DERIVATIVE_NAMES[activation]).text("(").figure(zi).text(") = ")
      .factor(gradient).text("·");
    // Sigmoid and tanh are differentiated through a: their step a·(1 − a) or (1 − a²) is written out.
    if (activation === "sigmoid") {
      line.factor(ai).text("·(1 − ").factor(ai).text(") = ").factor(gradient).text("·");
    } else if (activation === "tanh") {
      line.text("(1 − ").factor(ai).text("²) = ").factor(gradient).text("·");
    }
    return line.factor(ACTIVATIONS[activation].derivative(zi, ai)).result(dZ[u][s]);
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

  /**
   * Every number of a tree under a key prefix, as TrainingViews keys the cells:
   * "layers.2.gradients.heads.0.query." for a matrix, "layers.3.gradients.gamma." for a vector.
   */
  function putTree(prefix, node, put, putFlat) {
    if (isTensor(node)) {
      if (typeof node[0] === "number") {
        putFlat(prefix, node);
      } else {
        put(prefix, node);
      }
      return;
    }
    Object.keys(node).forEach(function (k) { putTree(prefix + k + ".", node[k], put, putFlat); });
  }

  /**
   * A network with kinds beyond dense layers: the loss, and per layer with parameters its
   * gradients of the first step and its values after every step, keyed by their paths.
   */
  function viewTyped(spec, result, p, put, putFlat, lines, marks) {
    var traces = result.traces;
    var tr = spec.training;
    var output = traces[traces.length - 1].a;
    put("target.", tr.target);
    lines.loss = { kind: "plain", text: lossLine(tr.loss, output, tr.target, result.first.loss, p), css: "" };
    var work = { put: put, lines: lines, marks: marks, p: p, training: tr, output: output };
    traces.forEach(function (t, i) {
      var g = result.first.layers[i].gradients;
      var stage = result.first.layers[i];
      put("layers." + i + ".dA.", stage.dA);
      denseWork(traces, result.first.layers, i, "layers." + i + ".", true, work);
      kindWork(traces, result.first.layers, i, "layers." + i, true, work);
      if (stage.inner) {
        skipSums("layers." + i + ".", stage, p, put, lines);
      }
      if (hasParameters(g)) {
        putTree("layers." + i + ".gradients.", g, put, putFlat);
        putTree("layers." + i + ".after.", picked(result.after[i], g), put, putFlat);
        if (tr.steps === 1) {
          updateLines("layers." + i + ".after.", "", t.layer, g, result.after[i], tr.learningRate, p, lines);
        }
      }
    });
    putFlat("losses.", result.losses);
  }

  /**
   * KindTrainingViews.Work.collect: the dense layers of stage i (itself, or a residual's inner
   * layers) written out: ∂L/∂Z with its blocked marks, ∂L/∂a where the loss or a dense layer
   * above gives it, ∂L/∂z, ∂L/∂w and ∂L/∂b.
   */
  function denseWork(traces, gradients, i, prefix, top, w) {
    var t = traces[i];
    var g = gradients[i];
    if (!I.isDense(t.layer)) {
      if (t.inner && g.inner) {
        t.inner.forEach(function (u, j) { denseWork(t.inner, g.inner, j, prefix + "layers." + j + ".", false, w); });
      }
      return;
    }
    var p = w.p;
    var tr = w.training;
    var last = top && i === traces.length - 1;
    var above = i + 1 < traces.length && I.isDense(traces[i + 1].layer) ? traces[i + 1] : null;
    var straight = last && tr.loss === "cross_entropy" && t.layer.activation === "softmax";
    w.put(prefix + "dZ.", g.dZ);
    var units = shownIndices(g.dZ.length);
    var inputs = shownIndices(g.dW[0].length);
    units.forEach(function (u) {
      g.dZ[u].forEach(function (v, s) {
        var at = u + "." + s;
        var isBlocked = blocked(t.layer.activation, t.z[u][s]);
        w.marks[prefix + "dZ." + at] = { css: isBlocked ? "blocked" : "" };
        if (straight) {
          w.lines[prefix + "dZ." + at] = { kind: "plain", css: "",
            text: softmaxCrossEntropyLine(w.output, tr.target, g.dZ, u, s, p) };
          return;
        }
        if (last) {
          w.lines[prefix + "dA." + at] = { kind: "plain", css: "",
            text: outputGradientLine(tr.loss, w.output, tr.target, g.dA, u, s, p) };
        } else if (above) {
          w.lines[prefix + "dA." + at] = { kind: "plain", css: "",
            text: hiddenGradientLine(above.layer.weights, gradients[i + 1].dZ, g.dA, u, s, p) };
        }
        w.lines[prefix + "dZ." + at] = { kind: "plain", css: isBlocked ? "blocked" : "",
          text: deltaLine(t.layer.activation, t.z, t.a, g.dA, g.dZ, u, s, p) };
      });
    });
    units.forEach(function (u) {
      inputs.forEach(function (k) {
        w.lines[prefix + "dW." + u + "." + k] = { kind: "plain", css: "",
          text: weightGradientLine(g.dZ, t.input, g.dW, u, k, p) };
      });
      w.lines[prefix + "db." + u] = { kind: "plain", css: "", text: biasGradientLine(g.dZ, g.db, u, p) };
    });
  }

  /**
   * KindTrainingViews.kindWork: the written-out gradients of the kinds in stage i (itself, then a
   * residual's inner layers), each by its unit's gradientView(trace, gradients, w), w being
   * GradientContext's counterpart: key(field, indices...), line(key, text, css), Line, subscript,
   * shown, p, last, loss, target, output, and GradientSheet's delta, softmaxCrossEntropy and blocked.
   */
  function kindWork(traces, gradients, i, prefix, top, work) {
    var t = traces[i];
    var g = gradients[i];
    if (I.isDense(t.layer)) {
      return;
    }
    var kind = I.kindOf(t.layer);
    if (kind.gradientView) {
      kind.gradientView(t, g, gradientContext(prefix, top && i === traces.length - 1, work));
    }
    if (t.inner && g.inner) {
      t.inner.forEach(function (u, j) { kindWork(t.inner, g.inner, j, prefix + ".layers." + j, false, work); });
    }
  }

  function gradientContext(prefix, last, work) {
    return {
      p: work.p,
      Line: Line,
      subscript: subscript,
      shown: shownIndices,
      last: last,
      loss: work.training.loss,
      target: work.training.target,
      output: work.output,
      // GradientSheet's lines, for kinds that write a dense layer's ∂L/∂z (the activation kind).
      delta: deltaLine,
      softmaxCrossEntropy: softmaxCrossEntropyLine,
      blocked: blocked,
      key: function (field) {
        var k = prefix + "." + field;
        for (var a = 1; a < arguments.length; a++) {
          k += "." + arguments[a];
        }
        return k;
      },
      line: function (key, text, css) {
        work.lines[key] = { kind: "plain", css: css || "", text: text };
      }
    };
  }

  /** KindTrainingViews.skip: a residual's ∂L/∂X through its branch and in all, each entry "∂L/∂x₁ = 8 + 16 = 24". */
  function skipSums(prefix, g, p, put, lines) {
    var branch = g.inner[0].dInput;
    put(prefix + "layers.0.dInput.", branch);
    put(prefix + "dInput.", g.dInput);
    shownIndices(g.dInput.length).forEach(function (r) {
      g.dInput[r].forEach(function (v, c) {
        lines[prefix + "skip." + r + "." + c] = { kind: "plain", css: "", text: new Line(p)
          .text("∂L/∂x" + subscript(r + 1) + " = ").figure(g.dA[r][c]).text(" + ").factor(branch[r][c]).result(v) };
      });
    });
  }

  /** KindTrainingViews.Name: the letter of a parameter by its name. */
  var LETTERS = { weights: "W", bias: "b", gamma: "γ", beta: "β", query: "W_q", key: "W_k", value: "W_v", output: "W_o" };

  /**
   * The first step's update of every entry, "w₁,₂ ← 1 − 0.1·0.5 = 0.95", keyed as the values
   * after it; KindTrainingViews.after writes them when there is one step.
   */
  function updateLines(prefix, name, before, g, after, rate, p, lines) {
    if (isTensor(g)) {
      var letter = Object.prototype.hasOwnProperty.call(LETTERS, name) ? LETTERS[name] : name;
      var base = letter.charAt(0) === "W" ? "w" + letter.substring(1) : letter;
      shownIndices(g.length).forEach(function (r) {
        var row = g[r];
        if (typeof row === "number") {
          lines[prefix + r] = { kind: "plain", css: "",
            text: updateLine(base + subscript(r + 1), before[r], rate, row, after[r], p) };
          return;
        }
        shownIndices(row.length).forEach(function (c) {
          lines[prefix + r + "." + c] = { kind: "plain", css: "", text: updateLine(
            base + subscript(r + 1) + "," + subscript(c + 1), before[r][c], rate, row[c], after[r][c], p) };
        });
      });
      return;
    }
    Object.keys(g).forEach(function (k) {
      if (hasParameters(g[k])) {
        updateLines(prefix + k + ".", Array.isArray(g) ? name : k, before[k], g[k], after[k], rate, p, lines);
      }
    });
  }

  function view(spec, result, p, put, putFlat, lines, marks) {
    if (spec.typed) {
      viewTyped(spec, result, p, put, putFlat, lines, marks);
      return;
    }
    var traces = result.traces;
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

  function layerFields(result, i, fields) {
    var g = result.first.layers[i];
    fields.push("\"dW\":" + jsonMatrix(g.dW), "\"db\":" + jsonFlat(g.db),
      "\"weights_after\":" + jsonMatrix(result.after[i].weights),
      "\"bias_after\":" + jsonFlat(result.after[i].bias));
  }

  /**
   * One layer's training fields in a network with kinds beyond dense layers, as TraceJson.stage
   * writes them: {dense: dW, db, weights_after, bias_after (dense layers), gradients, after
   * (JSON text, shaped like the layer's parameters)}, or null for a layer without parameters.
   */
  function stageFields(result, i) {
    var g = result.first.layers[i];
    if (!hasParameters(g.gradients)) {
      return null;
    }
    var after = result.after[i];
    return {
      dense: I.isDense(after) ? ["\"dW\":" + jsonMatrix(g.dW), "\"db\":" + jsonFlat(g.db),
        "\"weights_after\":" + jsonMatrix(after.weights), "\"bias_after\":" + jsonFlat(after.bias)] : null,
      gradients: jsonTree(g.gradients),
      after: jsonTree(picked(after, g.gradients))
    };
  }

  function traceFields(spec, result, parts) {
    var tr = spec.training;
    parts.push("\"target\":" + jsonMatrix(tr.target), "\"loss\":" + jsonNumber(result.first.loss),
      "\"losses\":" + jsonFlat(result.losses), "\"loss_function\":" + jsonString(tr.loss),
      "\"learning_rate\":" + jsonNumber(tr.learningRate), "\"steps\":" + String(tr.steps));
  }

  api.training = { train: train, view: view, layerFields: layerFields, stageFields: stageFields,
    traceFields: traceFields, lossPlot: lossPlot };
})(window.Longhand);
