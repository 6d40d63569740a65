
/* termcheck HTML report, side-by-side view (--source): the finding that is current (opened by
   a click or by j/k) is outlined in the other column too, so that its span in the source and
   its span in the translation are seen together. */
(function () {
  "use strict";
  var tables = Array.prototype.slice.call(document.querySelectorAll("table.bitext"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("table.bitext mark.hl"));
  if (!tables.length || !window.MutationObserver) { return; }

  function sync() {
    var current = {};
    marks.forEach(function (m) {
      if (m.classList.contains("current")) { current[m.getAttribute("data-idx")] = true; }
    });
    marks.forEach(function (m) {
      // toggle() with a force that changes nothing is no mutation: the observer settles.
      m.classList.toggle("pair", !m.classList.contains("current") && current[m.getAttribute("data-idx")] === true);
    });
  }

  var observer = new MutationObserver(sync);
  tables.forEach(function (t) {
    observer.observe(t, { subtree: true, attributes: true, attributeFilter: ["class"] });
  });
}());
