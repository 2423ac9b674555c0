/*
 * Longhand: typesets the prose's math with KaTeX, which the page loads just before this file
 * (only pages with math load either). Each .math element holds its TeX as written, which is
 * what a reader sees until this runs or without JavaScript. A TeX mistake is shown in red in
 * place, with KaTeX's message as its tooltip. When done, <html> gets data-math="typeset".
 */
(function () {
  "use strict";

  function typeset() {
    var elements = document.querySelectorAll(".math");
    for (var i = 0; i < elements.length; i++) {
      var element = elements[i];
      katex.render(element.textContent, element, {
        displayMode: element.classList.contains("math-display"),
        throwOnError: false
      });
      element.classList.add("typeset");
    }
    reachScrollingFormulas();
    window.addEventListener("resize", reachScrollingFormulas);
    document.documentElement.setAttribute("data-math", "typeset");
  }

  // A formula wider than the column scrolls sideways; a keyboard reaches it (and scrolls it
  // with the arrow keys) only if it can take focus, so exactly those formulas can.
  function reachScrollingFormulas() {
    var displays = document.querySelectorAll(".math-display.typeset");
    for (var i = 0; i < displays.length; i++) {
      var display = displays[i];
      if (display.scrollWidth > display.clientWidth) {
        display.setAttribute("tabindex", "0");
      } else {
        display.removeAttribute("tabindex");
      }
    }
  }

  if (typeof katex === "undefined") {
    return; // KaTeX did not load: the TeX stays readable as written
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", typeset);
  } else {
    typeset();
  }
})();
