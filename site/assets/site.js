/* Longhand's site script: the theme switch, printing, and the page's ready signal. The stored theme is put on <html>
   before the first paint by the one-line script in <head>; without JavaScript the system
   setting applies through CSS alone, and the switch stays hidden. */
(function () {
  "use strict";
  var KEY = "longhand-theme";
  var root = document.documentElement;

  function stored() {
    try {
      var value = localStorage.getItem(KEY);
      return value === "light" || value === "dark" ? value : "system";
    } catch (e) {
      return "system";
    }
  }

  function apply(choice) {
    if (choice === "light" || choice === "dark") {
      root.setAttribute("data-theme", choice);
    } else {
      root.removeAttribute("data-theme");
    }
    document.querySelectorAll("[data-theme-choice]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-theme-choice") === choice));
    });
  }

  function choose(choice) {
    try {
      if (choice === "system") {
        localStorage.removeItem(KEY);
      } else {
        localStorage.setItem(KEY, choice);
      }
    } catch (e) {
      // Storage may be off (private windows, file:// in some browsers): the choice lasts for this page.
    }
    apply(choice);
  }

  var group = document.querySelector(".theme-switch");
  if (group) {
    group.hidden = false;
    group.addEventListener("click", function (event) {
      var button = event.target.closest("[data-theme-choice]");
      if (button) {
        choose(button.getAttribute("data-theme-choice"));
      }
    });
  }
  apply(stored());
  // Another tab changed the theme.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) {
      apply(stored());
    }
  });

  // A printed lesson is a worksheet: the worked arithmetic prints open, and closes again after.
  // A worksheet's "show how" stays closed: opening it would reveal its answers (and it does not print).
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open]):not(.show-how)").forEach(function (details) {
      details.open = true;
      openedForPrint.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (details) {
      details.open = false;
    });
    openedForPrint = [];
  });

  // Every script of the page is deferred and starts by DOMContentLoaded, which comes before
  // load: from here on the page shows what its scripts made of it. Tests and tools wait for
  // this mark instead of for a time.
  window.addEventListener("load", function () {
    root.setAttribute("data-ready", "");
  });
})();
