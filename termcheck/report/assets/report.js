/* termcheck HTML report: filters, search, keyboard navigation, finding details, copy buttons,
   the view grouped by flagged term, decisions (accept, ignore) and exports (CSV, XLSX, baseline).
   Works on file:// with no network; every finding is also listed in the page, so the report
   reads without this script too (and on paper).

   Speed (bench/report_scale.py: 10,000 findings over 500 articles): the findings' data comes
   from one JSON block (#tc-data), searched through an index made once; a filter changes only
   the elements whose state changes; search waits for a pause in typing (DEBOUNCE); articles
   off screen are neither laid out nor painted (content-visibility in report.css); the term
   view is built when opened, each term's occurrences when the term is opened. */
(function () {
  "use strict";
  var doc = document;
  var DEBOUNCE = 40; // ms of quiet typing before a search runs
  var MAX_ROWS = 300; // occurrences listed at once under an opened term
  var dataEl = doc.getElementById("tc-data");
  var data = dataEl ? JSON.parse(dataEl.textContent) : { columns: [], strings: [], findings: [] };
  var strings = data.strings;
  // [file index, ...table columns, baseline path, occurrence]; text cells come as indexes into strings.
  var rows = data.findings.map(function (r) {
    return r.map(function (v, j) { return j > 0 && typeof v === "number" && isText(j) ? strings[v] : v; });
  });
  var N = rows.length;
  var COL = {};
  data.columns.forEach(function (c, i) { COL[c] = i + 1; });
  var BPATH = data.columns.length + 1;
  var OCC = BPATH + 1;
  function isText(j) { var c = data.columns[j - 1]; return c !== "line" && c !== "column" && j <= data.columns.length + 1; }

  // Each article's list of findings comes as the text of a <noscript> (parsed as text, not
  // elements, while the page loads); it is made into elements when needed (listsFor).
  var itemByIdx = {};
  var listDone = {};
  var EAGER = 1000; // up to this many findings, every list is made at once
  var marks = doc.querySelectorAll("#view-articles mark.hl");
  var marksByIdx = [];
  var firstMark = [];
  for (var m = 0; m < marks.length; m += 1) {
    var mi = +marks[m].getAttribute("data-idx");
    (marksByIdx[mi] || (marksByIdx[mi] = [])).push(marks[m]);
    if (marks[m].hasAttribute("data-first")) { firstMark[mi] = marks[m]; }
  }
  var sections = Array.prototype.slice.call(doc.querySelectorAll("section.article"));
  var pop = doc.getElementById("popover");
  var count = doc.getElementById("f-count");
  var sevBoxes = Array.prototype.slice.call(doc.querySelectorAll("input[data-filter=severity]"));
  var ruleSel = doc.getElementById("f-rule");
  var fileSel = doc.getElementById("f-file");
  var decisionSel = doc.getElementById("f-decision");
  var search = doc.getElementById("f-search");
  var toolbar = doc.querySelector("nav.toolbar");
  var viewArticles = doc.getElementById("view-articles");
  var viewTerms = doc.getElementById("view-terms");
  var termsBox = doc.getElementById("terms");
  var decidedLabel = doc.getElementById("decided");
  var shown = [];
  for (var s0 = 0; s0 < N; s0 += 1) { shown.push(true); }
  var shownFile = "";
  var index = null; // lower-cased search text per finding, made on the first search
  var current = -1;
  var openIdx = null;
  var searchTimer = null;

  // --- decisions -------------------------------------------------------------------------------
  var STORE = "termcheck-decisions:" + location.pathname;
  var decisions = {};
  var keyToIdx = null;

  function keyOf(i) {
    var r = rows[i];
    return JSON.stringify([r[BPATH], r[COL.code], r[COL.text], r[OCC]]);
  }
  function decisionOf(i) { return decisions[keyOf(i)] || ""; }
  function storage() {
    try { return window.localStorage; } catch (e) { return null; } // a sandboxed page has none
  }
  function loadDecisions() {
    var st = storage();
    var raw = null;
    try { raw = st && st.getItem(STORE); } catch (e) { raw = null; }
    if (!raw) { return; }
    try { decisions = JSON.parse(raw) || {}; } catch (e) { decisions = {}; }
    keyToIdx = {};
    for (var i = 0; i < N; i += 1) { keyToIdx[keyOf(i)] = i; }
    Object.keys(decisions).forEach(function (k) {
      if (decisions[k] !== "accepted" && decisions[k] !== "ignored") { delete decisions[k]; return; }
      if (keyToIdx[k] !== undefined) { paintDecision(keyToIdx[k]); }
    });
  }
  function saveDecisions() {
    var st = storage();
    try { if (st) { st.setItem(STORE, JSON.stringify(decisions)); } } catch (e) { /* full or refused: kept in memory */ }
  }
  function listsFor(file) {
    if (listDone[file]) { return; }
    listDone[file] = true;
    var src = doc.querySelector("noscript[data-list='" + file + "']");
    if (!src) { return; }
    var t = doc.createElement("template");
    t.innerHTML = src.textContent; // the report's own escaped markup, written by termcheck
    var lis = t.content.querySelectorAll("li.finding-item");
    for (var k = 0; k < lis.length; k += 1) {
      var i = +lis[k].getAttribute("data-idx");
      itemByIdx[i] = lis[k];
      if (!shown[i]) { lis[k].hidden = true; }
      var d = decisionOf(i);
      if (d) { lis[k].classList.add(d === "accepted" ? "dec-accepted" : "dec-ignored"); }
    }
    src.parentNode.insertBefore(t.content, src);
  }
  function allLists() { sections.forEach(function (s) { listsFor(s.getAttribute("data-file")); }); }
  function paintDecision(i) {
    var d = decisionOf(i);
    var els = (marksByIdx[i] || []).slice();
    if (itemByIdx[i]) { els.push(itemByIdx[i]); }
    els.forEach(function (el) {
      el.classList.toggle("dec-accepted", d === "accepted");
      el.classList.toggle("dec-ignored", d === "ignored");
    });
    var bars = doc.querySelectorAll(".decide[data-for='" + i + "']");
    for (var b = 0; b < bars.length; b += 1) { paintBar(bars[b], d); }
  }
  function paintBar(bar, d) {
    var buttons = bar.querySelectorAll("button[data-decide]");
    for (var k = 0; k < buttons.length; k += 1) {
      buttons[k].setAttribute("aria-pressed", String(buttons[k].getAttribute("data-decide") === d));
    }
    bar.setAttribute("data-state", d || "none");
  }
  function countDecided() {
    var a = 0;
    var g = 0;
    Object.keys(decisions).forEach(function (k) {
      if (decisions[k] === "accepted") { a += 1; } else if (decisions[k] === "ignored") { g += 1; }
    });
    if (decidedLabel) { decidedLabel.textContent = a + " accepted, " + g + " ignored"; }
  }
  function decide(list, d) {
    list.forEach(function (i) {
      if (!(i >= 0 && i < N)) { return; }
      var k = keyOf(i);
      if (d) { decisions[k] = d; } else { delete decisions[k]; }
      paintDecision(i);
    });
    saveDecisions();
    countDecided();
    if (decisionSel && decisionSel.value) { apply(); }
  }
  function decisionBar(i) {
    var bar = doc.createElement("div");
    bar.className = "decide";
    bar.setAttribute("data-for", String(i));
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Decision");
    [["accepted", "Accept"], ["ignored", "Ignore"], ["", "Undecided"]].forEach(function (p) {
      var b = doc.createElement("button");
      b.type = "button";
      b.setAttribute("data-decide", p[0]);
      b.textContent = p[1];
      bar.appendChild(b);
    });
    paintBar(bar, decisionOf(i));
    return bar;
  }

  // --- filters and search ----------------------------------------------------------------------
  function state() {
    var sev = {};
    sevBoxes.forEach(function (b) { if (b.checked) { sev[b.value] = true; } });
    return { sev: sev, rule: ruleSel.value, file: fileSel.value, q: search.value.trim().toLowerCase(),
             decision: decisionSel ? decisionSel.value : "" };
  }
  function searchIndex() {
    if (index === null) {
      index = rows.map(function (r) {
        return [r[COL.code], r[COL.name], r[COL.message], r[COL.text], r[COL.path], r[COL.suggestions]].join(" ")
          .toLowerCase();
      });
    }
    return index;
  }
  function matches(i, st) {
    var r = rows[i];
    if (!st.sev[r[COL.severity]]) { return false; }
    if (st.rule && r[COL.code] !== st.rule) { return false; }
    if (st.file && String(r[0]) !== st.file) { return false; }
    if (st.q && searchIndex()[i].indexOf(st.q) < 0) { return false; }
    if (st.decision) {
      var d = decisionOf(i);
      if (st.decision === "none" ? d !== "" : d !== st.decision) { return false; }
    }
    return true;
  }
  function apply() {
    searchTimer = null;
    var st = state();
    var n = 0;
    for (var i = 0; i < N; i += 1) {
      var ok = matches(i, st);
      if (ok) { n += 1; }
      if (ok === shown[i]) { continue; }
      shown[i] = ok;
      if (itemByIdx[i]) { itemByIdx[i].hidden = !ok; }
      var ms = marksByIdx[i] || [];
      for (var k = 0; k < ms.length; k += 1) { ms[k].classList.toggle("off", !ok); }
    }
    if (st.file !== shownFile) {
      shownFile = st.file;
      sections.forEach(function (s) { s.hidden = st.file !== "" && s.getAttribute("data-file") !== st.file; });
    }
    count.textContent = n + " of " + N + " findings shown";
    if (openIdx !== null && !shown[+openIdx]) { closePopover(); }
    current = -1;
    if (!viewTerms.hidden) { renderTerms(); }
  }
  function schedule(delay) {
    if (searchTimer !== null) { window.clearTimeout(searchTimer); }
    searchTimer = window.setTimeout(apply, delay);
  }

  // --- navigation and details ------------------------------------------------------------------
  function visibleMarks() {
    var list = [];
    for (var i = 0; i < N; i += 1) {
      if (shown[i] && firstMark[i] && (shownFile === "" || String(rows[i][0]) === shownFile)) { list.push(firstMark[i]); }
    }
    return list;
  }
  function closePopover() {
    pop.hidden = true;
    pop.textContent = "";
    openIdx = null;
  }
  function openPopover(mark) {
    var idx = mark.getAttribute("data-idx");
    listsFor(String(rows[+idx][0]));
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
    pop.appendChild(decisionBar(+idx));
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
  function setCurrent(mark) {
    var old = doc.querySelectorAll("mark.hl.current");
    for (var k = 0; k < old.length; k += 1) { old[k].classList.remove("current"); }
    mark.classList.add("current");
  }
  function go(step) {
    if (viewArticles.hidden) { showView("articles"); }
    var list = visibleMarks();
    if (!list.length) { return; }
    current = current < 0 ? (step > 0 ? 0 : list.length - 1) : (current + step + list.length) % list.length;
    var mark = list[current];
    setCurrent(mark);
    mark.focus({ preventScroll: true });
    mark.scrollIntoView({ block: "center" });
    openPopover(mark);
  }
  function goTo(i) {
    showView("articles");
    var mark = firstMark[i];
    if (!mark) { return; }
    setCurrent(mark);
    current = visibleMarks().indexOf(mark);
    mark.scrollIntoView({ block: "center" });
    mark.focus({ preventScroll: true });
    openPopover(mark);
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

  // --- the view grouped by flagged term ---------------------------------------------------------
  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function groups() {
    var byKey = {};
    var list = [];
    for (var i = 0; i < N; i += 1) {
      if (!shown[i]) { continue; }
      var r = rows[i];
      var text = r[COL.text];
      var key = text.trim().toLowerCase();
      var g = byKey[key];
      if (!g) {
        g = byKey[key] = { key: key, label: text.trim() || "(no flagged text)", idx: [], codes: {}, sugg: {}, files: {} };
        list.push(g);
      }
      g.idx.push(i);
      g.codes[r[COL.code]] = (g.codes[r[COL.code]] || 0) + 1;
      g.files[r[0]] = true;
      if (r[COL.suggestions]) { g.sugg[r[COL.suggestions]] = (g.sugg[r[COL.suggestions]] || 0) + 1; }
    }
    list.sort(function (a, b) { return b.idx.length - a.idx.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0); });
    return list;
  }
  function byCount(counts) {
    return Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); });
  }
  function context(i) {
    var mark = firstMark[i];
    var text = rows[i][COL.text];
    if (!mark) { return ["", text, ""]; }
    var box = mark.closest(".text, td") || mark.parentNode;
    var range = doc.createRange();
    range.selectNodeContents(box);
    range.setEndBefore(mark);
    var before = range.toString().replace(/\s+/g, " ");
    range.selectNodeContents(box);
    range.setStartAfter(mark);
    var after = range.toString().replace(/\s+/g, " ");
    before = before.length > 60 ? "\u2026" + before.slice(-60) : before;
    after = after.length > 60 ? after.slice(0, 60) + "\u2026" : after;
    return [before, mark.textContent, after];
  }
  function occurrences(g, box) {
    box.textContent = "";
    var table = el("table", "occurrences");
    var head = el("tr");
    ["Article", "Where", "In context", "Rule", "Decision"].forEach(function (h) {
      var th = el("th", "", h);
      th.scope = "col";
      head.appendChild(th);
    });
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el("tbody");
    g.idx.slice(0, MAX_ROWS).forEach(function (i) {
      var r = rows[i];
      var tr = el("tr", "occ sev-" + r[COL.severity]);
      tr.setAttribute("data-idx", String(i));
      tr.appendChild(el("td", "path", r[COL.path]));
      var where = el("td");
      var a = el("a", "goto", "line " + r[COL.line] + ", column " + r[COL.column]);
      a.href = "#f-" + i;
      a.setAttribute("data-goto", String(i));
      where.appendChild(a);
      tr.appendChild(where);
      var ctx = context(i);
      var td = el("td", "ctx");
      td.appendChild(doc.createTextNode(ctx[0]));
      td.appendChild(el("mark", "hl sev-" + r[COL.severity], ctx[1]));
      td.appendChild(doc.createTextNode(ctx[2]));
      tr.appendChild(td);
      tr.appendChild(el("td", "", r[COL.code]));
      var dec = el("td");
      dec.appendChild(decisionBar(i));
      tr.appendChild(dec);
      body.appendChild(tr);
    });
    table.appendChild(body);
    box.appendChild(table);
    if (g.idx.length > MAX_ROWS) {
      box.appendChild(el("p", "small", "The first " + MAX_ROWS + " of " + g.idx.length +
                         " occurrences; search or filter to see the others."));
    }
  }
  function renderTerms() {
    var open = {};
    var olds = termsBox.querySelectorAll("details.term[open]");
    for (var o = 0; o < olds.length; o += 1) { open[olds[o].getAttribute("data-key")] = true; }
    termsBox.textContent = "";
    var list = groups();
    if (!list.length) { termsBox.appendChild(el("p", "small", "No findings shown.")); return; }
    var frag = doc.createDocumentFragment();
    list.forEach(function (g) {
      var det = el("details", "term");
      det.setAttribute("data-key", g.key);
      var sum = el("summary");
      sum.appendChild(el("span", "term-text", g.label));
      sum.appendChild(el("span", "n", String(g.idx.length)));
      var files = Object.keys(g.files).length;
      var sugg = byCount(g.sugg);
      sum.appendChild(el("span", "small", byCount(g.codes).map(function (c) { return c + " \u00d7" + g.codes[c]; })
        .join(", ") + " \u00b7 " + files + " article" + (files !== 1 ? "s" : "") +
        (sugg.length ? " \u00b7 write: " + sugg.slice(0, 3).join("; ") : "")));
      det.appendChild(sum);
      var actions = el("p", "term-actions");
      [["accepted", "Accept all"], ["ignored", "Ignore all"], ["", "Clear all"]].forEach(function (p) {
        var b = el("button", "", p[1]);
        b.type = "button";
        b.setAttribute("data-decide-all", p[0]);
        actions.appendChild(b);
      });
      det.appendChild(actions);
      var box = el("div", "occ-box");
      det.appendChild(box);
      det.addEventListener("toggle", function () { if (det.open && !box.firstChild) { occurrences(g, box); } });
      det._group = g;
      if (open[g.key]) { det.open = true; }
      frag.appendChild(det);
    });
    termsBox.appendChild(frag);
  }
  function showView(name) {
    var terms = name === "terms";
    if (terms === !viewTerms.hidden) { return; }
    closePopover();
    viewTerms.hidden = !terms;
    viewArticles.hidden = terms;
    doc.getElementById("tab-terms").setAttribute("aria-pressed", String(terms));
    doc.getElementById("tab-articles").setAttribute("aria-pressed", String(!terms));
    if (terms) { renderTerms(); }
  }

  // --- exports ---------------------------------------------------------------------------------
  function download(name, type, parts) {
    var blob = new Blob(parts, { type: type });
    var a = doc.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    doc.body.appendChild(a);
    a.click();
    doc.body.removeChild(a);
    window.setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  }
  function csvCell(v) {
    var s = String(v);
    if (/^[=+\-@\t\r]/.test(s)) { s = "'" + s; } // text a spreadsheet would run as a formula
    return /[",\r\n]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
  }
  function exportCsv() {
    var lines = [data.columns.concat(["decision"]).map(csvCell).join(",")];
    for (var i = 0; i < N; i += 1) {
      if (!shown[i]) { continue; }
      lines.push(rows[i].slice(1, BPATH).concat([decisionOf(i)]).map(csvCell).join(","));
    }
    download("termcheck-findings.csv", "text/csv;charset=utf-8", ["\ufeff" + lines.join("\r\n") + "\r\n"]);
  }
  function exportXlsx() {
    var b64 = doc.getElementById("tc-xlsx").textContent.trim();
    var bin = atob(b64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i += 1) { bytes[i] = bin.charCodeAt(i); }
    download("termcheck-findings.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [bytes]);
  }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function exportBaseline() {
    var entries = [];
    for (var i = 0; i < N; i += 1) {
      if (decisionOf(i) !== "ignored") { continue; }
      var r = rows[i];
      entries.push({ path: r[BPATH], code: r[COL.code], text: r[COL.text], occurrence: r[OCC] });
    }
    entries.sort(function (a, b) {
      return cmp(a.path, b.path) || cmp(a.code, b.code) || cmp(a.text, b.text) || a.occurrence - b.occurrence;
    });
    download("termcheck-baseline.json", "application/json",
             [JSON.stringify({ version: 1, findings: entries }, null, 2) + "\n"]);
  }

  // --- events ----------------------------------------------------------------------------------
  doc.addEventListener("click", function (e) {
    var t = e.target;
    if (!t.closest) { return; }
    var button = t.closest("button.copy");
    if (button) { e.preventDefault(); copyText(button); return; }
    var dec = t.closest("button[data-decide]");
    if (dec) {
      e.stopPropagation();
      decide([+dec.closest(".decide").getAttribute("data-for")], dec.getAttribute("data-decide"));
      return;
    }
    var all = t.closest("button[data-decide-all]");
    if (all) {
      var g = all.closest("details.term")._group;
      decide(g.idx, all.getAttribute("data-decide-all"));
      return;
    }
    var link = t.closest("a[data-goto]");
    if (link) { e.preventDefault(); e.stopPropagation(); goTo(+link.getAttribute("data-goto")); return; }
    var mark = t.closest("#view-articles mark.hl");
    if (mark && !mark.classList.contains("off")) {
      e.stopPropagation();
      setCurrent(mark);
      current = visibleMarks().indexOf(firstMark[+mark.getAttribute("data-idx")]);
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
    else if (e.key === "a" && openIdx !== null) { e.preventDefault(); decide([+openIdx], "accepted"); }
    else if (e.key === "i" && openIdx !== null) { e.preventDefault(); decide([+openIdx], "ignored"); }
    else if (e.key === "u" && openIdx !== null) { e.preventDefault(); decide([+openIdx], ""); }
    else if (e.key === "Enter" && t.matches && t.matches("mark.hl")) { openPopover(t); }
  });

  function now() {
    if (searchTimer !== null) { window.clearTimeout(searchTimer); }
    apply();
  }
  sevBoxes.forEach(function (b) { b.addEventListener("change", now); });
  ruleSel.addEventListener("change", now);
  fileSel.addEventListener("change", now);
  if (decisionSel) { decisionSel.addEventListener("change", now); }
  search.addEventListener("input", function () { schedule(DEBOUNCE); });
  doc.getElementById("next").addEventListener("click", function (e) { e.stopPropagation(); go(1); });
  doc.getElementById("prev").addEventListener("click", function (e) { e.stopPropagation(); go(-1); });
  doc.getElementById("tab-articles").addEventListener("click", function () { showView("articles"); });
  doc.getElementById("tab-terms").addEventListener("click", function () { showView("terms"); });
  doc.getElementById("more").addEventListener("click", function () {
    var open = toolbar.classList.toggle("open");
    this.setAttribute("aria-expanded", String(open));
  });
  doc.getElementById("export-csv").addEventListener("click", exportCsv);
  doc.getElementById("export-xlsx").addEventListener("click", exportXlsx);
  doc.getElementById("export-baseline").addEventListener("click", exportBaseline);
  loadDecisions();
  countDecided();
  if (N <= EAGER || !window.IntersectionObserver) {
    allLists();
  } else {
    var near = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) { near.unobserve(e.target); listsFor(e.target.getAttribute("data-file")); }
      });
    }, { rootMargin: "1500px 0px" });
    sections.forEach(function (s) { near.observe(s); });
  }
  window.addEventListener("beforeprint", allLists);
  window.addEventListener("hashchange", function () {
    var m = /^#item-(\d+)$/.exec(location.hash);
    if (m && rows[+m[1]]) {
      listsFor(String(rows[+m[1]][0]));
      var li = doc.getElementById("item-" + m[1]);
      if (li) { li.scrollIntoView(); }
    }
  });
  count.textContent = N + " of " + N + " findings shown";
  // A reloaded page may come back with the reader's filters still set.
  if (search.value || ruleSel.value || fileSel.value || (decisionSel && decisionSel.value) ||
      sevBoxes.some(function (b) { return !b.checked; })) { apply(); }
  doc.documentElement.classList.add("js");
}());
