/*
 * Longhand's worksheets: checks the reader's answers in a practice block's empty boxes.
 *
 * Loaded only by pages with a practice block, after longhand.js. Each box names the value it
 * asks for (data-answer="layers.L.z.R.C"); the expected value is read from the block's
 * mlp-trace at the moment of checking, so after the reader edits an input or weight (and
 * longhand.js rewrites the trace) the answers follow.
 *
 * An answer is right when |typed − value| ≤ 0.5·10^−precision (plus a tiny relative epsilon
 * for floating point): the value rounded to the block's precision, either way of rounding the
 * last digit, or any closer figure, is accepted. "−" and "-" are both minus signs, and a
 * decimal comma is read as a point.
 *
 * Answers are kept in localStorage under "longhand-practice:<page path>:<block id>" and
 * restored on reload; nothing is sent anywhere. The record is {answers: {key: text}, draw: n,
 * drawn: m}: the answers belong to draw n of new numbers (0: the lesson's own numbers), and m is
 * the highest draw used so far, so that the next "New numbers" is m + 1.
 *
 * New numbers (blocks with data-new-numbers="<seed, 16 hex digits>"): draw n is SplitMix64
 * (as dev.longhand.nn.SeededRandom) seeded with seed + n (mod 2^64), one double u per number,
 * each number −3 + floor(7u): the input row by row (unit, then sample), then each layer's
 * weights row by row, then that layer's biases, but only for a layer whose biases the author
 * did not leave all 0. longhand.js puts the draw into the block (Block.useDraw) and keeps it
 * in the page's address (#edits:mlp-3/draw=2); this script empties the boxes whenever the
 * block's draw changes, so answers are never checked against numbers they were not meant for.
 *
 * Hiding and revealing: the build hides each blank wherever else it appears (a later layer's
 * input and worked lines, the diagram, an A that repeats a blank Z, a kind's matrix drawn again)
 * and prints which matrix waits for which blank into data-hidden-until
 * (dev.longhand.render.Hiding), for every kind of layer alike: keys are trace paths
 * ("layers.0.z.1.0", "layers.2.heads.0.scores.1.0", "layers.1.layers.0.a.0.2"). A blank is
 * revealed when its box is right or its "show how" is open (Reveal all does both); then it is
 * shown everywhere, beside what the build wrote, which stays and is what prints. Every check,
 * toggle and recompute shows exactly what is revealed at that moment, so Clear, a closed "show
 * how" or an edit that makes an answer wrong hides it again. longhand.js's view writes the worked
 * lines with "?" for what may not be shown (its known hook, which each kind's view uses) and
 * draws the diagram; the rest is here (api.hiding), as worksheets need it.
 */
(function () {
  "use strict";

  var STORAGE_PREFIX = "longhand-practice:";
  var DRAW_MIN = -3;
  var DRAW_MAX = 3;

  // ---- new numbers: SplitMix64 as dev.longhand.nn.SeededRandom (longhand.js's port) -----------

  /** A whole number in min..max, each equally likely: min + floor(u · (max − min + 1)). */
  function nextInt(random, min, max) {
    return min + Math.floor(random.nextDouble() * (max - min + 1));
  }

  /** Draw n of new numbers for a block whose lesson's numbers are spec; null when it cannot be drawn. */
  function drawNumbers(spec, seed, n) {
    if (typeof BigInt !== "function" || !/^[0-9a-f]{16}$/.test(seed) || !(n >= 1)) {
      return null;
    }
    var random = new window.Longhand.internals.SeededRandom(BigInt("0x" + seed) + BigInt(n));
    var drawn = window.Longhand.cloneSpec(spec);
    function fill(m) {
      m.forEach(function (row) {
        for (var c = 0; c < row.length; c++) {
          row[c] = nextInt(random, DRAW_MIN, DRAW_MAX);
        }
      });
    }
    fill(drawn.input);
    drawn.layers.forEach(function (layer) {
      fill(layer.weights);
      if (layer.bias.some(function (b) { return b !== 0; })) {
        for (var r = 0; r < layer.bias.length; r++) {
          layer.bias[r] = nextInt(random, DRAW_MIN, DRAW_MAX);
        }
      }
    });
    return drawn;
  }

  // ---- hiding: what a worksheet keeps back, by dev.longhand.render.Blanks' rule ------------

  /**
   * A worksheet's data-hidden-until ("layers.0.a:layers.0.z ..."): for each hidden matrix, the
   * matrix whose blank of the same unit and sample it waits for. Java decides every pair; this
   * only reads them. null for a block that hides nothing.
   */
  function readHidden(text) {
    if (!text) {
      return null;
    }
    var gates = {};
    text.split(/\s+/).forEach(function (pair) {
      var at = pair.split(":");
      if (at.length === 2) {
        gates[at[0]] = at[1];
      }
    });
    return gates;
  }

  /** A value's key without its indices ("layers.2.heads.0.q.1.0" → "layers.2.heads.0.q"), as Hiding.matrixOf. */
  function matrixOf(key) {
    var at = key.split(".");
    var end = at.length;
    while (end > 1 && /^\d+$/.test(at[end - 1])) {
      end--;
    }
    return at.slice(0, end).join(".");
  }

  /** The blank ("layers.0.z.1.0") the value at key waits for, or null when it is never hidden. */
  function gateOf(hidden, key) {
    var matrix = matrixOf(key);
    var gate = hidden[matrix];
    return gate ? gate + key.substring(matrix.length) : null;
  }

  /** (key) → whether the value may be shown: it waits for nothing, or for a blank in revealed (a Set, or null). */
  function shownBy(hidden, revealed) {
    return function (key) {
      var gate = gateOf(hidden, key);
      return gate === null || (revealed !== null && revealed.has(gate));
    };
  }

  /**
   * Shows text in place of el (a "?", or a worked line with "?") on screen, as a sibling after
   * it; null takes it away. el stays as the build wrote it, and is what prints.
   */
  function revealBeside(el, text) {
    var next = el.nextSibling;
    var beside = next && next.nodeType === 1 && next.classList.contains("revealed-text") ? next : null;
    if (text === null) {
      if (beside) {
        el.parentNode.removeChild(beside);
        el.removeAttribute("data-revealed");
      }
      return;
    }
    if (!beside) {
      beside = document.createElement("span");
      beside.className = "revealed-text";
      el.parentNode.insertBefore(beside, el.nextSibling);
      el.setAttribute("data-revealed", "true");
    }
    if (beside.textContent !== text) {
      beside.textContent = text;
    }
  }

  /**
   * Shows each hidden value of a block (longhand.js's) that revealed (a Set of blank keys, or
   * null) lets through, wherever the build wrote "?" for it: a copy in another table, a figure
   * in a worked line of any kind; and hides again what is no longer revealed. The lines are the
   * block's view with what is revealed known, beside the lines as written (nothing revealed).
   * (longhand.js draws the diagram.)
   */
  function showRevealed(block, result, revealed) {
    var shown = shownBy(block.hidden, revealed);
    var p = block.precision;
    var figures = window.Longhand.internals.figuresOf(p);
    var now = window.Longhand.view(block.spec, result, p, block.augmented, shown);
    block.figure.querySelectorAll("[data-blank-of]").forEach(function (el) {
      var key = el.getAttribute("data-blank-of");
      var value = shown(key) ? now.value(key) : undefined;
      revealBeside(el, value !== undefined ? figures.get(value).shown : null);
    });
    block.lineElements.forEach(function (el) {
      var line = now.line(el.getAttribute("data-work"));
      if (!line || line.kind !== "forward") {
        return;
      }
      var sum = el.querySelector(".work-sum");
      var res = el.querySelector(".work-result");
      revealBeside(sum, line.sum !== sum.textContent ? line.sum : null);
      revealBeside(res, line.result !== res.textContent ? line.result : null);
    });
  }

  // Registered while the page loads, before longhand.js reads its blocks and a draw from the address.
  if (window.Longhand) {
    window.Longhand.drawNumbers = drawNumbers;
    window.Longhand.hiding = { read: readHidden, shown: shownBy, show: showRevealed };
  }

  // ---- checking ---------------------------------------------------------------------------

  function parse(text) {
    var t = text.replace(/[\u2212\u2013]/g, "-").replace(/\s+/g, "");
    if (/^[+-]?\d*,\d+$/.test(t)) {
      t = t.replace(",", ".");
    }
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
      return null;
    }
    return Number(t);
  }

  function isRight(typed, value, precision) {
    return Math.abs(typed - value) <= 0.5 * Math.pow(10, -precision) + 1e-9 * Math.max(1, Math.abs(value));
  }

  /** The trace's number at a path ("layers.1.z.0.0", "layers.0.heads.0.scores.2.1"), or undefined. */
  function valueAt(trace, key) {
    var node = trace;
    key.split(".").forEach(function (part) {
      node = node !== null && typeof node === "object" && Object.prototype.hasOwnProperty.call(node, part)
        ? node[part] : undefined;
    });
    return typeof node === "number" ? node : undefined;
  }

  function shown(value, precision) {
    var figures = window.Longhand && window.Longhand.figures;
    return figures ? figures.display(value, precision) : String(Number(value.toFixed(precision)));
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  /** longhand.js's block for a figure, or null when it could not read it. */
  function blockOf(figure) {
    var page = window.Longhand && window.Longhand.page;
    var found = null;
    (page ? page.blocks : []).forEach(function (block) {
      if (block.figure === figure) {
        found = block;
      }
    });
    return found;
  }

  function Worksheet(figure) {
    this.figure = figure;
    this.id = figure.id;
    this.precision = Number(figure.getAttribute("data-precision"));
    this.traceElement = figure.querySelector("script.mlp-trace");
    this.boxes = Array.prototype.slice.call(figure.querySelectorAll("input.answer-box[data-answer]"));
    this.key = STORAGE_PREFIX + location.pathname + ":" + this.id;
    this.block = blockOf(figure);
    this.drawn = 0;
    var sheet = this;
    if (this.block) {
      this.block.revealed = function () { return sheet.revealedKeys(); };
    }
    this.setUp();
    this.restore();
    this.checkAll();
    this.showDraw();
    figure.addEventListener("longhand-numbers", function (event) { sheet.numbersChanged(event.detail.draw); });
    if (window.MutationObserver && this.traceElement) {
      new MutationObserver(function () { sheet.checkAll(); })
        .observe(this.traceElement, { childList: true, characterData: true, subtree: true });
      // A "show how" opened or closed reveals or hides its unit at once, not a task later with
      // the toggle event; one pass for Reveal all and Clear, which open or close them all.
      new MutationObserver(function () { sheet.showRevealed(); })
        .observe(figure, { attributes: true, attributeFilter: ["open"], subtree: true });
    } else {
      figure.querySelectorAll("details.show-how").forEach(function (d) {
        d.addEventListener("toggle", function () { sheet.showRevealed(); });
      });
    }
  }

  Worksheet.prototype.setUp = function () {
    var sheet = this;
    var tools = document.createElement("div");
    tools.className = "practice-tools";
    this.count = document.createElement("p");
    this.count.className = "practice-count";
    this.count.setAttribute("aria-live", "polite");
    var reveal = button("Reveal all", "practice-reveal", function () { sheet.revealAll(); });
    var clear = button("Clear", "practice-clear", function () { sheet.clear(); });
    tools.appendChild(this.count);
    if (this.canDraw()) {
      tools.appendChild(button("New numbers", "practice-new", function () { sheet.newNumbers(); }));
    }
    tools.appendChild(reveal);
    tools.appendChild(clear);
    this.drawNote = document.createElement("p");
    this.drawNote.className = "practice-draw";
    this.drawNote.setAttribute("aria-live", "polite");
    var bar = this.figure.querySelector(".practice-bar") || this.figure;
    bar.appendChild(tools);
    bar.appendChild(this.drawNote);
    this.boxes.forEach(function (box, i) {
      var mark = document.createElement("span");
      mark.className = "answer-mark";
      mark.id = sheet.id + "-answer-" + i;
      box.parentNode.appendChild(mark);
      box.setAttribute("aria-describedby", mark.id);
      box.addEventListener("input", function () { sheet.answered(box); });
      box.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault();
          sheet.answered(box);
        }
      });
      box.addEventListener("blur", function () { sheet.save(); });
    });
  };

  function button(text, className, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  Worksheet.prototype.trace = function () {
    try {
      return JSON.parse(this.traceElement.textContent);
    } catch (e) {
      return { layers: [] };
    }
  };

  /** Marks one box right, wrong or (empty) not yet answered; returns whether it is right. */
  Worksheet.prototype.check = function (box, trace) {
    var key = box.getAttribute("data-answer");
    var value = valueAt(trace || this.trace(), key);
    var text = box.value.trim();
    var typed = text === "" ? null : parse(text);
    var state = text === "" ? "" : typed !== null && value !== undefined && isRight(typed, value, this.precision)
      ? "right" : "wrong";
    box.classList.toggle("right", state === "right");
    box.classList.toggle("wrong", state === "wrong");
    box.parentNode.classList.toggle("right", state === "right");
    box.parentNode.classList.toggle("wrong", state === "wrong");
    if (state === "wrong") {
      box.setAttribute("aria-invalid", "true");
    } else {
      box.removeAttribute("aria-invalid");
    }
    var mark = box.parentNode.querySelector(".answer-mark");
    mark.textContent = "";
    if (state) {
      var symbol = document.createElement("span");
      symbol.setAttribute("aria-hidden", "true");
      symbol.textContent = state === "right" ? "✓" : "✗";
      var words = document.createElement("span");
      words.className = "visually-hidden";
      words.textContent = state === "right" ? "right" : typed === null ? "wrong: not a number" : "wrong";
      mark.appendChild(symbol);
      mark.appendChild(words);
    }
    return state === "right";
  };

  Worksheet.prototype.answered = function (box) {
    this.check(box);
    this.tally();
    this.showRevealed();
    this.save();
  };

  Worksheet.prototype.checkAll = function () {
    var sheet = this;
    var trace = this.trace();
    this.boxes.forEach(function (box) { sheet.check(box, trace); });
    this.tally();
    this.showRevealed();
  };

  /**
   * The blanks the reader has revealed, as keys ("layers.1.z.0.0"): each box that is right, and
   * the value of each open "show how"; for a dense unit's both its Z and A (its line shows both).
   */
  Worksheet.prototype.revealedKeys = function () {
    var keys = new Set();
    this.boxes.forEach(function (box) {
      if (box.classList.contains("right")) {
        keys.add(box.getAttribute("data-answer"));
      }
    });
    this.figure.querySelectorAll("details.show-how[open]").forEach(function (how) {
      var key = how.getAttribute("data-answer-for");
      var matrix = matrixOf(key);
      var field = matrix.substring(matrix.lastIndexOf(".") + 1);
      keys.add(key);
      if (field === "z" || field === "a") {
        var layer = matrix.substring(0, matrix.lastIndexOf(".") + 1);
        keys.add(layer + "z" + key.substring(matrix.length));
        keys.add(layer + "a" + key.substring(matrix.length));
      }
    });
    return keys;
  };

  Worksheet.prototype.showRevealed = function () {
    if (this.block) {
      this.block.showRevealed();
    }
  };

  Worksheet.prototype.canDraw = function () {
    return typeof BigInt === "function" && this.block !== null && this.figure.hasAttribute("data-new-numbers");
  };

  /** Draws the next new numbers into the block; numbersChanged follows. */
  Worksheet.prototype.newNumbers = function () {
    this.block.useDraw(Math.max(this.drawn, this.block.draw) + 1);
  };

  /** The block shows other numbers (a draw, or Reset back to the lesson's): the answers start again. */
  Worksheet.prototype.numbersChanged = function (draw) {
    this.drawn = Math.max(this.drawn, draw);
    this.emptyBoxes();
    this.checkAll();
    this.showDraw();
    this.save();
  };

  Worksheet.prototype.showDraw = function () {
    var draw = this.block ? this.block.draw : 0;
    var text = draw > 0
      ? "New numbers, draw " + draw + ": the boxes are empty again. The answer key is for the lesson’s own"
        + " numbers; “show how” and Reveal all follow these. Reset brings the lesson’s numbers back."
      : "";
    if (this.drawNote.textContent !== text) {
      this.drawNote.textContent = text;
    }
  };

  Worksheet.prototype.tally = function () {
    var right = this.boxes.filter(function (box) { return box.classList.contains("right"); }).length;
    var text = right + " of " + this.boxes.length + " correct";
    if (this.count.textContent !== text) {
      this.count.textContent = text;
    }
  };

  Worksheet.prototype.revealAll = function () {
    var sheet = this;
    var trace = this.trace();
    this.boxes.forEach(function (box) {
      var value = valueAt(trace, box.getAttribute("data-answer"));
      if (value !== undefined) {
        box.value = shown(value, sheet.precision);
      }
    });
    this.figure.querySelectorAll("details.show-how").forEach(function (d) { d.open = true; });
    this.checkAll();
    this.save();
  };

  Worksheet.prototype.emptyBoxes = function () {
    this.boxes.forEach(function (box) { box.value = ""; });
    this.figure.querySelectorAll("details.show-how").forEach(function (d) { d.open = false; });
  };

  /** Empties every box and closes every "show how"; the numbers stay as they are. */
  Worksheet.prototype.clear = function () {
    this.emptyBoxes();
    this.checkAll();
    this.save();
  };

  Worksheet.prototype.save = function () {
    var store = storage();
    if (!store) {
      return;
    }
    var answers = {};
    var any = false;
    this.boxes.forEach(function (box) {
      if (box.value !== "") {
        answers[box.getAttribute("data-answer")] = box.value;
        any = true;
      }
    });
    var draw = this.block ? this.block.draw : 0;
    try {
      if (any || draw > 0 || this.drawn > 0) {
        store.setItem(this.key, JSON.stringify({ answers: answers, draw: draw, drawn: this.drawn }));
      } else {
        store.removeItem(this.key);
      }
    } catch (e) {
      // storage full or refused: answers are simply not kept
    }
  };

  Worksheet.prototype.restore = function () {
    var store = storage();
    var saved = null;
    try {
      saved = store && JSON.parse(store.getItem(this.key) || "null");
    } catch (e) {
      saved = null;
    }
    if (!saved || typeof saved !== "object") {
      return;
    }
    // Records before new numbers were only the answers, for the lesson's own numbers.
    var answers = saved.answers && typeof saved.answers === "object" ? saved.answers : saved;
    var draw = whole(saved.draw);
    this.drawn = Math.max(whole(saved.drawn), draw, this.block ? this.block.draw : 0);
    var block = this.block;
    var shown = block ? block.draw : 0;
    if (block && draw > 0 && shown === 0 && !block.fromAddress && this.canDraw() && block.useDraw(draw)) {
      // Back on the page without its address: show the numbers the answers were for.
      shown = draw;
    }
    if (draw !== shown) {
      return;
    }
    this.boxes.forEach(function (box) {
      var text = answers[box.getAttribute("data-answer")];
      if (typeof text === "string") {
        box.value = text;
      }
    });
  };

  function whole(x) {
    return typeof x === "number" && x >= 0 && x === Math.floor(x) ? x : 0;
  }

  function start() {
    if (window.LonghandPractice) {
      return;
    }
    var sheets = [];
    document.querySelectorAll("figure.mlp[data-practice]").forEach(function (figure) {
      sheets.push(new Worksheet(figure));
    });
    window.LonghandPractice = { sheets: sheets, isRight: isRight, parse: parse };
  }

  if (document.readyState === "complete") {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
    window.addEventListener("load", start);
  }
})();
