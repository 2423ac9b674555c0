/* Longhand's search: a box in the header that finds lessons by title, headings and prose.
   The index is a script written at build time (assets/search-index.js sets
   window.LonghandSearchIndex), loaded the first time the box is used; a script, not a
   fetch, so the search works from file:// too. Without JavaScript the box stays hidden. */
(function () {
  "use strict";
  var box = document.querySelector(".site-search");
  if (!box) {
    return;
  }
  var input = box.querySelector(".site-search-input");
  var list = box.querySelector(".site-search-results");
  var status = box.querySelector(".site-search-status");
  var root = box.getAttribute("data-root") || "";
  var MAX_RESULTS = 12;
  var HEADINGS_PER_LESSON = 3;
  var results = [];
  var active = -1;
  var loading = false;
  box.hidden = false;

  function index() {
    return window.LonghandSearchIndex;
  }

  function load() {
    if (index() || loading) {
      return;
    }
    loading = true;
    var script = document.createElement("script");
    script.src = root + "assets/search-index.js";
    script.onload = function () {
      update();
    };
    document.head.appendChild(script);
  }

  /** Lower case with Latin accents removed, so "cafe" finds "café". */
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function matchesAll(text, terms) {
    var folded = fold(text);
    return terms.every(function (term) {
      return folded.indexOf(term) >= 0;
    });
  }

  /** Title matches first, then headings, then prose; one prose hit per lesson not already listed. */
  function search(query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    var data = index();
    if (!terms.length || !data) {
      return [];
    }
    var byTitle = [], byHeading = [], byProse = [];
    data.pages.forEach(function (page) {
      var titled = matchesAll(page.title, terms);
      if (titled) {
        byTitle.push({ page: page, href: page.href, title: page.title, excerpt: page.summary, terms: terms });
      }
      var headings = page.headings.filter(function (h) {
        return matchesAll(h.text, terms);
      }).slice(0, HEADINGS_PER_LESSON);
      headings.forEach(function (h) {
        byHeading.push({ page: page, href: page.href + "#" + h.id, title: page.title + " › " + h.text,
          excerpt: "", terms: terms });
      });
      if (!titled && !headings.length && matchesAll(page.summary + " " + page.text, terms)) {
        byProse.push({ page: page, href: page.href, title: page.title,
          excerpt: excerpt(page.summary + " " + page.text, terms), terms: terms });
      }
    });
    return byTitle.concat(byHeading, byProse).slice(0, MAX_RESULTS);
  }

  /** About twenty words around the first word that holds a term. */
  function excerpt(text, terms) {
    var words = text.split(/\s+/);
    var at = 0;
    for (var i = 0; i < words.length; i++) {
      var w = fold(words[i]);
      if (terms.some(function (t) { return w.indexOf(t) >= 0; })) {
        at = i;
        break;
      }
    }
    var start = Math.max(0, at - 7);
    var end = Math.min(words.length, at + 14);
    return (start > 0 ? "… " : "") + words.slice(start, end).join(" ") + (end < words.length ? " …" : "");
  }

  /** Appends text to an element with every word that holds a term in <mark>. */
  function highlighted(parent, text, terms) {
    text.split(/(\s+)/).forEach(function (part) {
      var w = fold(part);
      if (part.trim() && terms.some(function (t) { return w.indexOf(t) >= 0; })) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(part));
      }
    });
  }

  function update() {
    var query = input.value.trim();
    if (!query) {
      close();
      status.textContent = "";
      return;
    }
    if (!index()) {
      load();
      return;
    }
    results = search(query);
    active = -1;
    list.textContent = "";
    results.forEach(function (result, i) {
      var item = document.createElement("li");
      item.id = "site-search-option-" + i;
      item.className = "site-search-result";
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      var link = document.createElement("a");
      link.href = root + result.href;
      link.tabIndex = -1;
      var title = document.createElement("span");
      title.className = "site-search-title";
      highlighted(title, result.title, result.terms);
      link.appendChild(title);
      if (result.excerpt) {
        var text = document.createElement("span");
        text.className = "site-search-excerpt";
        highlighted(text, result.excerpt, result.terms);
        link.appendChild(text);
      }
      item.appendChild(link);
      item.addEventListener("mousemove", function () {
        select(i);
      });
      list.appendChild(item);
    });
    if (!results.length) {
      var none = document.createElement("li");
      none.className = "site-search-none";
      none.setAttribute("role", "presentation");
      none.textContent = "No lesson mentions “" + query + "”.";
      list.appendChild(none);
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    input.removeAttribute("aria-activedescendant");
    status.textContent = results.length === 1 ? "1 result" : results.length + " results";
  }

  function select(i) {
    var items = list.querySelectorAll("[role=option]");
    if (!items.length) {
      return;
    }
    active = (i + items.length) % items.length;
    items.forEach(function (item, j) {
      item.setAttribute("aria-selected", String(j === active));
    });
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function open(i) {
    var item = list.querySelectorAll("[role=option]")[i];
    if (item) {
      window.location.href = item.querySelector("a").href;
    }
  }

  input.addEventListener("focus", load);
  input.addEventListener("input", update);
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (list.hidden && input.value.trim()) {
        update();
      }
      select(active < 0 && event.key === "ArrowUp" ? -1 : active + (event.key === "ArrowDown" ? 1 : -1));
      event.preventDefault();
    } else if (event.key === "Enter") {
      if (!list.hidden && results.length) {
        open(active < 0 ? 0 : active);
        event.preventDefault();
      }
    } else if (event.key === "Escape") {
      if (!list.hidden) {
        close();
      } else if (input.value) {
        input.value = "";
        status.textContent = "";
      } else {
        input.blur();
      }
      event.preventDefault();
    }
  });
  box.addEventListener("focusout", function (event) {
    if (!box.contains(event.relatedTarget)) {
      close();
    }
  });

  // "/" focuses the box, unless the reader is typing somewhere (a form field, an editable number).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) {
      return;
    }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      return;
    }
    event.preventDefault();
    input.focus();
    input.select();
  });
})();
