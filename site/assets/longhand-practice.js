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
 * restored on reload; nothing is sent anywhere.
 */
(function () {
  "use strict";

  var STORAGE_PREFIX = "longhand-practice:";

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

  /** The trace's value for "layers.L.z.R.C", or undefined. */
  function valueAt(trace, key) {
    var at = key.split(".");
    var layer = trace.layers && trace.layers[Number(at[1])];
    var m = layer && layer[at[2]];
    var row = m && m[Number(at[3])];
    return row ? row[Number(at[4])] : undefined;
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

  function Worksheet(figure) {
    this.figure = figure;
    this.id = figure.id;
    this.precision = Number(figure.getAttribute("data-precision"));
    this.traceElement = figure.querySelector("script.mlp-trace");
    this.boxes = Array.prototype.slice.call(figure.querySelectorAll("input.answer-box[data-answer]"));
    this.key = STORAGE_PREFIX + location.pathname + ":" + this.id;
    this.setUp();
    this.restore();
    this.checkAll();
    var sheet = this;
    if (window.MutationObserver && this.traceElement) {
      new MutationObserver(function () { sheet.checkAll(); })
        .observe(this.traceElement, { childList: true, characterData: true, subtree: true });
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
    tools.appendChild(reveal);
    tools.appendChild(clear);
    var bar = this.figure.querySelector(".practice-bar") || this.figure;
    bar.appendChild(tools);
    this.boxes.forEach(function (box, i) {
      var mark = document.createElement("span");
      mark.className = "answer-mark";
      mark.id = sheet.id + "-answer-" + i;
      box.parentNode.appendChild(mark);
      box.setAttribute("aria-describedby", mark.id);
      box.addEventListener("input", function () { sheet.check(box); sheet.tally(); sheet.save(); });
      box.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault();
          sheet.check(box);
          sheet.tally();
          sheet.save();
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
    this.figure.querySelectorAll("[data-blank-of=\"" + key + "\"]").forEach(function (copy) {
      copy.textContent = text === "" ? "?" : text;
    });
    return state === "right";
  };

  Worksheet.prototype.checkAll = function () {
    var sheet = this;
    var trace = this.trace();
    this.boxes.forEach(function (box) { sheet.check(box, trace); });
    this.tally();
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

  Worksheet.prototype.clear = function () {
    this.boxes.forEach(function (box) { box.value = ""; });
    this.figure.querySelectorAll("details.show-how").forEach(function (d) { d.open = false; });
    this.checkAll();
    var store = storage();
    if (store) {
      try {
        store.removeItem(this.key);
      } catch (e) {
        // nothing kept, nothing to remove
      }
    }
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
    try {
      if (any) {
        store.setItem(this.key, JSON.stringify(answers));
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
    this.boxes.forEach(function (box) {
      var text = saved[box.getAttribute("data-answer")];
      if (typeof text === "string") {
        box.value = text;
      }
    });
  };

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
