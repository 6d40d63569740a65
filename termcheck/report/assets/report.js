/* termcheck HTML report: filters, search, keyboard navigation, finding details, copy buttons.
   Works on file:// with no network; every finding is also listed in the page, so the report
   reads without this script too (and on paper). */
(function () {
  "use strict";
  var doc = document;
  var marks = Array.prototype.slice.call(doc.querySelectorAll("mark.hl"));
  var items = Array.prototype.slice.call(doc.querySelectorAll("li.finding-item"));
  var sections = Array.prototype.slice.call(doc.querySelectorAll("section.article"));
  var itemByIdx = {};
  items.forEach(function (li) { itemByIdx[li.getAttribute("data-idx")] = li; });
  var pop = doc.getElementById("popover");
  var count = doc.getElementById("f-count");
  var sevBoxes = Array.prototype.slice.call(doc.querySelectorAll("input[data-filter=severity]"));
  var ruleSel = doc.getElementById("f-rule");
  var fileSel = doc.getElementById("f-file");
  var search = doc.getElementById("f-search");
  var current = -1;
  var openIdx = null;

  function state() {
    var sev = {};
    sevBoxes.forEach(function (b) { if (b.checked) { sev[b.value] = true; } });
    return { sev: sev, rule: ruleSel.value, file: fileSel.value, q: search.value.trim().toLowerCase() };
  }

  function matches(el, st) {
    var idx = el.getAttribute("data-idx");
    var li = itemByIdx[idx];
    if (!st.sev[el.getAttribute("data-severity")]) { return false; }
    if (st.rule && el.getAttribute("data-code") !== st.rule) { return false; }
    if (st.file && el.getAttribute("data-file") !== st.file) { return false; }
    if (st.q && li && li.getAttribute("data-search").indexOf(st.q) < 0) { return false; }
    return true;
  }

  function apply() {
    var st = state();
    var shown = 0;
    items.forEach(function (li) {
      var ok = matches(li, st);
      li.hidden = !ok;
      if (ok) { shown += 1; }
    });
    marks.forEach(function (m) { m.classList.toggle("off", !matches(m, st)); });
    sections.forEach(function (s) { s.hidden = st.file !== "" && s.getAttribute("data-file") !== st.file; });
    count.textContent = shown + " of " + items.length + " findings shown";
    if (openIdx !== null && itemByIdx[openIdx] && itemByIdx[openIdx].hidden) { closePopover(); }
    current = -1;
  }

  function visibleMarks() {
    return marks.filter(function (m) {
      return m.hasAttribute("data-first") && !m.classList.contains("off") && !m.closest("section[hidden]");
    });
  }

  function closePopover() {
    pop.hidden = true;
    pop.textContent = "";
    openIdx = null;
  }

  function openPopover(mark) {
    var idx = mark.getAttribute("data-idx");
    var li = itemByIdx[idx];
    if (!li) { return; }
    pop.textContent = "";
    var close = doc.createElement("button");
    close.className = "close";
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.textContent = "\u00d7";
    close.addEventListener("click", closePopover);
    pop.appendChild(close);
    var copy = li.cloneNode(true);
    copy.removeAttribute("id");
    copy.hidden = false;
    var wrap = doc.createElement("ul");
    wrap.style.padding = "0";
    wrap.style.margin = "0";
    wrap.appendChild(copy);
    pop.appendChild(wrap);
    var link = doc.createElement("a");
    link.href = "#item-" + idx;
    link.className = "small";
    link.textContent = "show in the list of findings";
    pop.appendChild(link);
    pop.hidden = false;
    openIdx = idx;
    var r = mark.getBoundingClientRect();
    var width = pop.offsetWidth;
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + doc.documentElement.clientWidth - width - 8));
    pop.style.left = left + "px";
    pop.style.top = (r.bottom + window.scrollY + 6) + "px";
  }

  function go(step) {
    var list = visibleMarks();
    if (!list.length) { return; }
    current = current < 0 ? (step > 0 ? 0 : list.length - 1) : (current + step + list.length) % list.length;
    marks.forEach(function (m) { m.classList.remove("current"); });
    var m = list[current];
    m.classList.add("current");
    m.focus({ preventScroll: true });
    m.scrollIntoView({ block: "center" });
    openPopover(m);
  }

  function copyText(button) {
    var text = button.getAttribute("data-copy");
    var done = function () {
      var old = button.textContent;
      button.textContent = "Copied";
      window.setTimeout(function () { button.textContent = old; }, 1200);
    };
    var fallback = function () {
      var area = doc.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      doc.body.appendChild(area);
      area.select();
      try { doc.execCommand("copy"); done(); } catch (e) { /* nothing to do: the text stays selectable */ }
      doc.body.removeChild(area);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  doc.addEventListener("click", function (e) {
    var t = e.target;
    var button = t.closest ? t.closest("button.copy") : null;
    if (button) { e.preventDefault(); copyText(button); return; }
    var mark = t.closest ? t.closest("mark.hl") : null;
    if (mark && !mark.classList.contains("off")) {
      e.stopPropagation();
      marks.forEach(function (m) { m.classList.remove("current"); });
      mark.classList.add("current");
      current = visibleMarks().indexOf(doc.getElementById("f-" + mark.getAttribute("data-idx")));
      openPopover(mark);
      return;
    }
    if (!pop.hidden && !pop.contains(t)) { closePopover(); }
  });

  doc.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA");
    if (e.key === "Escape") { closePopover(); if (typing) { t.blur(); } return; }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (e.key === "j" || e.key === "n") { e.preventDefault(); go(1); }
    else if (e.key === "k" || e.key === "p") { e.preventDefault(); go(-1); }
    else if (e.key === "/") { e.preventDefault(); search.focus(); }
    else if (e.key === "Enter" && t.matches && t.matches("mark.hl")) { openPopover(t); }
  });

  sevBoxes.forEach(function (b) { b.addEventListener("change", apply); });
  ruleSel.addEventListener("change", apply);
  fileSel.addEventListener("change", apply);
  search.addEventListener("input", apply);
  doc.getElementById("next").addEventListener("click", function (e) { e.stopPropagation(); go(1); });
  doc.getElementById("prev").addEventListener("click", function (e) { e.stopPropagation(); go(-1); });
  doc.documentElement.classList.add("js");
  apply();
}());
