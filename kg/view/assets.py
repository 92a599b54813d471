"""The page's template, style and script, kept as Python strings.

They are strings in a module, not files beside it, so a non-editable install (which
ships only what setuptools packages: *.py here) still has them. The script never turns
data into markup: every text from an article or the store reaches the page through
`textContent`, `append(string)` or vis-network's plain-text tooltips, and links only
through an http(s) check. The data itself travels as JSON in a non-executed script
element, with <, > and & escaped so no name can close it.
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<link rel="icon" href="data:,">
<style>{{ vis_css|safe }}</style>
<style>{{ page_css|safe }}</style>
</head>
<body>
<header id="kg-header">
  <h1 id="kg-heading">{{ title }}</h1>
  <div id="kg-search-box">
    <input id="kg-search" type="search" autocomplete="off" spellcheck="false" placeholder="{{ ui.search }}" aria-label="{{ ui.search }}">
    <ul id="kg-results" role="listbox"></ul>
  </div>
  <div id="kg-toolbar">
    <button id="kg-fit" type="button">{{ ui.fit }}</button>
    <button id="kg-relayout" type="button">{{ ui.relayout }}</button>
    <button id="kg-all-entities" type="button" data-mode="overview">{{ ui.show_all }}</button>
    <label class="kg-check kg-inline"><input id="kg-entities-only" type="checkbox" checked> {{ ui.entities_only }}</label>
  </div>
  <span id="kg-count" aria-live="polite"></span>
</header>
<main id="kg-main">
  <nav id="kg-filters">
    <details open id="kg-legend-box"><summary>{{ ui.legend }}</summary><div id="kg-legend"></div></details>
    <details open><summary>{{ ui.types }}</summary>
      <div class="kg-allnone" data-group="kg-types"><button type="button" data-set="all">{{ ui.all }}</button><button type="button" data-set="none">{{ ui.none }}</button></div>
      <div id="kg-types" class="kg-checks"></div></details>
    <details><summary>{{ ui.relations }}</summary>
      <div class="kg-allnone" data-group="kg-relations kg-roles"><button type="button" data-set="all">{{ ui.all }}</button><button type="button" data-set="none">{{ ui.none }}</button></div>
      <div id="kg-relations" class="kg-checks"></div>
      <div class="kg-sub">{{ ui.roles }}</div><div id="kg-roles" class="kg-checks"></div></details>
    <details><summary>{{ ui.articles }}</summary>
      <div class="kg-allnone" data-group="kg-articles"><button type="button" data-set="all">{{ ui.all }}</button><button type="button" data-set="none">{{ ui.none }}</button></div>
      <div id="kg-articles" class="kg-checks"></div></details>
    <details open><summary>{{ ui.dates }}</summary>
      <label class="kg-date">{{ ui.from }} <input id="kg-date-from" type="date"></label>
      <label class="kg-date">{{ ui.to }} <input id="kg-date-to" type="date"></label>
      <label class="kg-check"><input id="kg-undated" type="checkbox" checked> {{ ui.undated }}</label>
    </details>
    <div class="kg-buttons"><button id="kg-reset" type="button">{{ ui.reset }}</button></div>
  </nav>
  <div id="kg-canvas">
    <p id="kg-note"></p>
    <div id="kg-network" aria-label="graph"></div>
  </div>
  <aside id="kg-panel"><p class="kg-hint">{{ ui.hint }}</p></aside>
</main>
<script id="kg-data" type="application/json">{{ data_json|safe }}</script>
<script>{{ vis_js|safe }}</script>
<script>{{ page_js|safe }}</script>
</body>
</html>
"""

PAGE_CSS = """
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font-family: system-ui, "Noto Sans CJK TC", "Noto Sans CJK SC", "PingFang TC",
  "Microsoft JhengHei", sans-serif; font-size: 14px; color: #222; background: #fafafa; }
body { display: flex; flex-direction: column; }
button { font: inherit; font-size: 13px; padding: 3px 8px; border: 1px solid #bbb; border-radius: 5px; background: #fff;
  cursor: pointer; }
button:hover { background: #eef3fb; }
#kg-header { display: flex; align-items: center; gap: 12px; padding: 6px 12px; background: #fff;
  border-bottom: 1px solid #ddd; flex-wrap: wrap; }
#kg-heading { font-size: 16px; margin: 0; font-weight: 600; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; max-width: 30vw; }
#kg-search-box { position: relative; flex: 0 1 300px; }
#kg-search { width: 100%; padding: 5px 10px; font-size: 14px; border: 1px solid #bbb; border-radius: 6px; }
#kg-results { position: absolute; z-index: 10; left: 0; right: 0; margin: 2px 0 0; padding: 0; list-style: none;
  background: #fff; border: 1px solid #ccc; border-radius: 6px; box-shadow: 0 4px 12px rgba(0,0,0,.12);
  max-height: 50vh; overflow: auto; }
#kg-results:empty { display: none; }
#kg-results li { padding: 0; }
#kg-results button, #kg-results .kg-none { display: block; width: 100%; text-align: left; padding: 6px 10px;
  border: 0; border-radius: 0; background: none; font: inherit; cursor: pointer; }
#kg-results button:hover, #kg-results button:focus { background: #eef3fb; }
#kg-results .kg-via { color: #777; font-size: 12px; margin-left: 6px; }
#kg-toolbar { display: flex; gap: 6px; align-items: center; }
#kg-count { color: #555; font-size: 13px; margin-left: auto; white-space: nowrap; }
#kg-main { flex: 1; display: flex; min-height: 0; }
#kg-filters { width: 240px; flex: none; overflow: auto; padding: 6px 10px; background: #fff;
  border-right: 1px solid #ddd; }
#kg-filters summary { font-weight: 600; cursor: pointer; margin: 6px 0; }
.kg-checks { max-height: 30vh; overflow: auto; }
.kg-allnone { display: flex; gap: 4px; margin: 0 0 4px; }
.kg-allnone button { font-size: 12px; padding: 1px 6px; }
.kg-sub { color: #666; font-size: 12px; margin: 6px 0 2px; }
.kg-check { display: flex; align-items: baseline; gap: 5px; padding: 1px 0; font-size: 13px; cursor: pointer; }
.kg-inline { display: inline-flex; }
.kg-check .kg-n { color: #888; font-size: 11px; margin-left: auto; padding-left: 4px; }
.kg-check .kg-text { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.kg-glyph { width: 1.1em; text-align: center; flex: none; display: inline-block; }
#kg-legend { font-size: 12px; color: #333; }
#kg-legend .lg { display: flex; align-items: center; gap: 6px; margin: 3px 0; line-height: 1.25; }
#kg-legend .lg-line { width: 26px; flex: none; height: 0; }
#kg-legend .lg-box { flex: none; font-size: 10px; padding: 0 3px; border: 1px solid #5f6b77; border-radius: 3px; }
#kg-legend .lg-shapes { flex: none; display: inline-flex; }
#kg-legend .lg-swatch { width: 12px; height: 12px; border-radius: 50%; flex: none; }
.kg-date { display: block; margin: 4px 0; font-size: 13px; }
.kg-date input { width: 150px; }
.kg-buttons { margin-top: 10px; display: flex; gap: 10px; align-items: center; }
#kg-canvas { flex: 1; min-width: 0; position: relative; display: flex; flex-direction: column; background: #fff; }
#kg-note { margin: 0; padding: 4px 10px; font-size: 12px; color: #555; background: #f6f8fa; border-bottom: 1px solid #eee; }
#kg-note:empty { display: none; }
#kg-network { flex: 1; min-height: 0; position: relative; }
#kg-panel { width: 340px; flex: none; overflow: auto; padding: 10px 14px; background: #fff;
  border-left: 1px solid #ddd; }
#kg-panel h2 { font-size: 18px; margin: 4px 0; word-break: break-word; }
#kg-panel h3 { font-size: 14px; margin: 14px 0 6px; border-bottom: 1px solid #eee; padding-bottom: 3px; }
#kg-panel h3 .kg-note { font-weight: normal; }
#kg-panel .kg-type { color: #555; margin: 0 0 8px; }
#kg-panel dl { display: grid; grid-template-columns: max-content 1fr; gap: 3px 10px; margin: 0; }
#kg-panel dt { color: #666; }
#kg-panel dd { margin: 0; word-break: break-word; }
#kg-panel ul { margin: 0; padding-left: 18px; }
#kg-panel .kg-link { border: 0; background: none; color: #1a5fb4; cursor: pointer; padding: 0; font: inherit;
  text-align: left; }
#kg-panel .kg-link:hover { text-decoration: underline; }
.kg-fact { margin: 6px 0 10px; }
.kg-fact-head { font-weight: 600; }
.kg-fact-date { color: #555; font-weight: normal; font-variant-numeric: tabular-nums; margin-right: 4px; }
.kg-fact-who { color: #555; font-size: 12px; }
.kg-hint { color: #777; }
.kg-note { color: #a15c00; font-size: 12px; }
.ev-article { margin: 8px 0 12px; }
.ev-source { font-size: 13px; margin-bottom: 4px; }
.ev-title { font-weight: 600; }
.ev-date { color: #777; font-size: 12px; }
.ev { margin: 4px 0 8px; }
.ev-sentence { margin: 0; padding: 4px 8px; border-left: 3px solid #cbd5e1; background: #f8fafc; line-height: 1.6; }
.ev-sentence mark { background: #ffe58f; padding: 0 1px; }
.ev-meta { color: #888; font-size: 11px; margin-top: 2px; }
"""

PAGE_JS = r"""
(function () {
  "use strict";
  var timings = { start: performance.now() };
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  timings.parsed = performance.now();
  var M = data.meta, UI = data.ui;
  var api = { ready: false, timings: timings, layouts: 0 };
  window.kgView = api;
  var RELAYOUT_MAX = 400;   // above this many drawn nodes, physics is too slow to run on a click

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(s, vars) { return s.replace(/\{(\w+)\}/g, function (_, k) { return String(vars[k]); }); }
  function safeUrl(u) { return typeof u === "string" && /^https?:\/\//i.test(u) ? u : ""; }
  function norm(s) { return String(s).normalize("NFKC").toLowerCase().replace(/[\s\u00b7\u2022\u30fb\u2027\-_.]+/g, ""); }
  function firstDate(id) { var d = M.nodes[id].dates; return d && d.length ? d[0][0] : "9999"; }

  // ---- data, and who is linked to whom
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var baseLabel = {}, home = {};
  data.nodes.forEach(function (n) { baseLabel[n.id] = n.label; home[n.id] = { x: n.x, y: n.y }; });
  var entityIds = data.nodes.filter(function (n) { return M.nodes[n.id].kind === "entity"; }).map(function (n) { return n.id; });
  var adjacency = {}, neighbours = {}, stmtEntities = {}, stmtsOf = {};
  function add(map, k, v) { (map[k] = map[k] || []).push(v); }
  data.edges.forEach(function (e) {
    var m = M.edges[e.id];
    add(adjacency, e.from, e.id); add(adjacency, e.to, e.id);
    if (m.kind === "relation" || m.kind === "fact") {
      if (e.from !== e.to) { add(neighbours, e.from, e.to); add(neighbours, e.to, e.from); }
    } else if (m.kind === "role") {
      add(stmtEntities, e.from, e.to); add(stmtsOf, e.to, { st: e.from, pred: m.predicate });
    }
  });
  var allArticles = Object.keys(M.articles).concat(["ref"]);
  var state = {
    types: new Set(Object.keys(M.types)), preds: new Set(Object.keys(M.predicates)),
    articles: new Set(allArticles), from: "", to: "", undated: true,
    entitiesOnly: true, working: new Set(M.open), opened: new Set()
  };
  var visible = new Set();

  function datesOk(dates) {
    if (!state.from && !state.to) return true;
    if (!dates || !dates.length) return state.undated;
    var lo = state.from || "0000-01-01", hi = state.to || "9999-12-31";
    return dates.some(function (d) { return d[0] <= hi && d[1] >= lo; });
  }
  function articlesOk(list, reference) {
    if (state.articles.size === allArticles.length) return true;
    if (reference && state.articles.has("ref")) return true;
    return list.some(function (a) { return state.articles.has(a); });
  }
  function stmtOk(id) {
    var m = M.nodes[id];
    return state.types.has(m.type) && articlesOk(m.articles, false) && datesOk(m.dates);
  }
  function relOk(eid) {
    var m = M.edges[eid];
    return state.preds.has(m.predicate) && articlesOk(m.articles, m.reference) && datesOk(m.dates);
  }
  // With a date filter, an entity stays when a fact or relation it takes part in is kept
  // (its articles' dates say little: one article names things from many years).
  function keptByDate(id) {
    if (!state.from && !state.to) return true;
    var facts = (adjacency[id] || []).filter(function (eid) { return M.edges[eid].kind === "relation"; });
    var sts = (stmtsOf[id] || []);
    if (!facts.length && !sts.length) return datesOk(M.nodes[id].dates);
    return facts.some(relOk) || sts.some(function (s) { return stmtOk(s.st); });
  }
  function entityOk(id) {
    var m = M.nodes[id];
    return state.working.has(id) && state.types.has(m.type) && articlesOk(m.articles, false) && keptByDate(id);
  }
  function edgeOk(e) {
    var m = M.edges[e.id];
    if (!visible.has(e.from) || !visible.has(e.to)) return false;
    if (m.kind === "relation") return relOk(e.id);
    if (m.kind === "role") return state.preds.has(m.predicate);
    return m.statements.some(function (s) { return stmtOk(s) && !visible.has(s); });   // a fact not drawn as a box
  }
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visible.has(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: edgeOk });
  var container = $("kg-network");

  function hiddenNeighbours(id) {
    return (neighbours[id] || []).filter(function (x, i, all) {
      return all.indexOf(x) === i && !state.working.has(x);
    });
  }
  var marked = {};
  function computeVisible() {
    visible = new Set();
    entityIds.forEach(function (id) { if (entityOk(id)) visible.add(id); });
    Object.keys(stmtEntities).forEach(function (st) {
      if ((state.entitiesOnly && !state.opened.has(st)) || !stmtOk(st)) return;
      if (stmtEntities[st].some(function (x) { return visible.has(x); })) visible.add(st);
    });
    var changes = [];
    visible.forEach(function (id) {
      if (M.nodes[id].kind !== "entity") return;
      var n = hiddenNeighbours(id).length, label = baseLabel[id] + (n ? " +" + n : "");
      if (marked[id] !== label && (marked[id] !== undefined || n)) { changes.push({ id: id, label: label }); marked[id] = label; }
    });
    if (changes.length) nodes.update(changes);
  }
  computeVisible();
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  timings.network = performance.now();

  function updateCount() {
    var n = nodeView.getIds().length, e = edgeView.getIds().length, c = $("kg-count");
    c.textContent = fmt(UI.shown, { n: n, total: data.nodes.length, e: e, etotal: data.edges.length });
    c.dataset.nodes = n; c.dataset.edges = e;
    var all = $("kg-all-entities"), showingAll = state.working.size === entityIds.length;
    all.textContent = showingAll ? UI.overview : UI.show_all;
    all.dataset.mode = showingAll ? "all" : "overview";
    all.hidden = M.open.length === entityIds.length;
  }
  function applyFilters() {
    computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    updateCount();
  }
  function fit() { network.fit({ animation: false }); }
  // Re-layout: physics on the drawn nodes for a moment (those in `fixed` stay put), then off, then fit.
  function relayout(fixed) {
    var ids = nodeView.getIds();
    if (ids.length > RELAYOUT_MAX || ids.length < 2) { fit(); api.layouts++; return; }
    var pin = (fixed || []).filter(function (id) { return visible.has(id); });
    if (pin.length) nodes.update(pin.map(function (id) { return { id: id, fixed: true }; }));
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      if (pin.length) nodes.update(pin.map(function (id) { return { id: id, fixed: false }; }));
      separate(ids, new Set(pin));
      fit();
      api.layouts++;
    });
    network.setOptions({ physics: { enabled: true, solver: "barnesHut",
      barnesHut: { gravitationalConstant: -2500, centralGravity: 0.4, springLength: 110, springConstant: 0.04,
                   damping: 0.35, avoidOverlap: 0.2 },
      stabilization: { enabled: true, iterations: 200, updateInterval: 50, fit: false } } });
    network.stabilize(200);
  }
  // Push apart nodes whose label boxes overlap (physics only knows the shapes, not the labels);
  // nodes in `keep` move only when the other node cannot. Same idea as layout.separate in Python.
  function separate(ids, keep) {
    var box = ids.map(function (id) {
      var b = network.getBoundingBox(id), p = network.getPosition(id);
      return { id: id, x: p.x, y: p.y, w: b.right - b.left + 8, h: b.bottom - b.top + 6, dy: (b.top + b.bottom) / 2 - p.y };
    });
    for (var round = 0; round < 60; round++) {
      var moved = false;
      for (var i = 0; i < box.length; i++) {
        for (var j = i + 1; j < box.length; j++) {
          var a = box[i], b = box[j];
          var dx = (a.x) - (b.x), dy = (a.y + a.dy) - (b.y + b.dy);
          var ox = (a.w + b.w) / 2 - Math.abs(dx), oy = (a.h + b.h) / 2 - Math.abs(dy);
          if (ox <= 0 || oy <= 0) continue;
          moved = true;
          var wa = keep.has(a.id) && !keep.has(b.id) ? 0 : keep.has(b.id) && !keep.has(a.id) ? 1 : 0.5;
          if (ox < oy) { var sx = (dx >= 0 ? 1 : -1) * (ox + 1); a.x += sx * wa; b.x -= sx * (1 - wa); }
          else { var sy = (dy >= 0 ? 1 : -1) * (oy + 1); a.y += sy * wa; b.y -= sy * (1 - wa); }
        }
      }
      if (!moved) break;
    }
    box.forEach(function (b) { network.moveNode(b.id, b.x, b.y); });
  }
  function place(newIds, around) {
    // new nodes start on a ring around the node they were drawn from, not wherever the full layout put them
    var c = around ? network.getPosition(around) : null;
    if (!c) return;
    var k = newIds.length;
    newIds.forEach(function (id, i) {
      var a = 2 * Math.PI * i / Math.max(k, 1), r = 160 + 6 * k;
      network.moveNode(id, c.x + r * Math.cos(a), c.y + r * Math.sin(a));
    });
  }
  function reveal(ids, around) {
    var before = new Set(visible), fresh = ids.filter(function (id) { return !state.working.has(id); });
    fresh.forEach(function (id) { state.working.add(id); });
    applyFilters();
    var drawn = fresh.filter(function (id) { return visible.has(id); });
    if (drawn.length) { place(drawn, around); relayout(Array.from(before)); }
    return drawn;
  }
  function expand(id) {
    if (!M.nodes[id]) return [];
    if (M.nodes[id].kind !== "entity") return reveal(stmtEntities[id] || [], id);
    return reveal(hiddenNeighbours(id), id);
  }

  // ---- filters
  function check(parent, filter, value, glyph, colour, text, count, checked) {
    var label = el("label", "kg-check");
    var box = el("input");
    box.type = "checkbox"; box.checked = checked !== false; box.value = value; box.dataset.filter = filter;
    label.append(box);
    if (glyph) { var g = el("span", "kg-glyph", glyph); g.style.color = colour; label.append(g); }
    var t = el("span", "kg-text", text); t.title = text; label.append(t);
    if (count !== undefined) label.append(el("span", "kg-n", count));
    parent.append(label);
    return box;
  }
  Object.keys(M.types).sort(function (a, b) {
    var sa = M.types[a].statement ? 1 : 0, sb = M.types[b].statement ? 1 : 0;  // entity types first
    return sa - sb || M.types[b].count - M.types[a].count || (a < b ? -1 : 1);
  })
    .forEach(function (k) { var t = M.types[k]; check($("kg-types"), "type", k, t.glyph, t.color, t.label, t.count); });
  Object.keys(M.predicates).sort(function (a, b) { return M.predicates[b].count - M.predicates[a].count; })
    .forEach(function (k) {
      var p = M.predicates[k];
      check($(p.kind === "role" ? "kg-roles" : "kg-relations"), "pred", k, null, null, p.label, p.count);
    });
  Object.keys(M.articles).sort(function (a, b) {
    return (M.articles[b].published || "").localeCompare(M.articles[a].published || "");
  }).forEach(function (k) {
    var a = M.articles[k];
    check($("kg-articles"), "article", k, null, null, (a.published ? a.published + " " : "") + a.title);
  });
  if (M.hasReference) check($("kg-articles"), "article", "ref", null, null, UI.reference);
  var sets = { type: "types", pred: "preds", article: "articles" };
  function filtered() { applyFilters(); relayout(); }
  $("kg-filters").addEventListener("change", function (ev) {
    var t = ev.target;
    if (t.dataset && t.dataset.filter) {
      var s = state[sets[t.dataset.filter]];
      if (t.checked) s.add(t.value); else s.delete(t.value);
    } else if (t.id === "kg-date-from") state.from = t.value;
    else if (t.id === "kg-date-to") state.to = t.value;
    else if (t.id === "kg-undated") state.undated = t.checked;
    else return;
    filtered();
  });
  document.querySelectorAll(".kg-allnone button").forEach(function (b) {
    b.addEventListener("click", function () {
      var on = b.dataset.set === "all";
      b.parentNode.dataset.group.split(" ").forEach(function (gid) {
        $(gid).querySelectorAll("input[data-filter]").forEach(function (box) {
          box.checked = on;
          var s = state[sets[box.dataset.filter]];
          if (on) s.add(box.value); else s.delete(box.value);
        });
      });
      filtered();
    });
  });
  if (M.dateRange) {
    ["kg-date-from", "kg-date-to"].forEach(function (id) { $(id).min = M.dateRange[0]; $(id).max = M.dateRange[1]; });
  }
  $("kg-reset").addEventListener("click", function () {
    document.querySelectorAll("#kg-filters input[data-filter]").forEach(function (b) { b.checked = true; });
    $("kg-date-from").value = ""; $("kg-date-to").value = ""; $("kg-undated").checked = true;
    state.types = new Set(Object.keys(M.types)); state.preds = new Set(Object.keys(M.predicates));
    state.articles = new Set(allArticles); state.from = state.to = ""; state.undated = true;
    filtered();
  });
  $("kg-fit").addEventListener("click", fit);
  $("kg-relayout").addEventListener("click", function () { relayout(); });
  $("kg-entities-only").addEventListener("change", function (ev) {
    state.entitiesOnly = ev.target.checked; state.opened = new Set(); filtered();
  });
  $("kg-all-entities").addEventListener("click", function () {
    if (state.working.size === entityIds.length) {
      state.working = new Set(M.open);
      nodes.update(M.open.map(function (id) { return { id: id, x: home[id].x, y: home[id].y }; }));
      applyFilters(); fit(); api.layouts++;
    } else {
      state.working = new Set(entityIds);
      applyFilters(); relayout(M.open);
    }
  });

  // ---- legend: every glyph, colour, line and mark the drawing uses
  (function legend() {
    var box = $("kg-legend");
    function row(sample, text) { var r = el("div", "lg"); r.append(sample, el("span", null, text)); box.append(r); return r; }
    function line(style) { var s = el("span", "lg-line"); s.style.borderTop = style; return s; }
    if (M.communities.length) {
      row(el("span"), UI.lg_community).firstChild.remove();
      M.communities.forEach(function (c) {
        var sw = el("span", "lg-swatch"); sw.style.background = c.color;
        row(sw, c.members.join("、") + (c.count > c.members.length ? " … (" + c.count + ")" : ""));
      });
    }
    var shapes = el("span", "lg-shapes"), seen = {};
    Object.keys(M.types).filter(function (k) { return !M.types[k].statement; }).forEach(function (k) {
      var t = M.types[k];
      if (seen[t.group]) return;
      seen[t.group] = true;
      var g = el("span", "kg-glyph", t.glyph); g.style.color = M.communities.length ? "#555" : t.color;
      shapes.append(g);
    });
    row(shapes, M.communities.length ? UI.lg_shape : UI.lg_type);
    row(el("span", "kg-glyph", "●"), UI.lg_size);
    row(line("2px solid #5b6b7b"), UI.lg_relation);
    if (M.hasReference) row(line("1px solid #c5cbd3"), UI.lg_reference);
    if (M.overview && M.overview.links) row(line("1px dotted #9aa5b1"), UI.lg_comention);
    row(line("2px dashed #c77d1a"), UI.lg_fact);
    var b = el("span", "lg-box", "…"); b.style.background = "#f1ce63";
    row(b, UI.lg_statement);
    row(line("1px dashed #b8b8b8"), UI.lg_role);
    row(el("span", "kg-glyph", "?"), UI.lg_hedged);
    row(el("span", "kg-glyph", "+n"), UI.lg_hidden);
  })();
  var notes = [];
  if (M.open.length < entityIds.length) notes.push(fmt(UI.opening, { n: M.open.length, total: entityIds.length }));
  if (M.limited) notes.push(fmt(UI.limited, { n: M.limited.shown, total: M.limited.total }));
  if (M.overview) notes.push(fmt(UI.corpus, M.overview));
  $("kg-note").textContent = notes.join(" ");

  // ---- side panel
  var panel = $("kg-panel");
  function nodeLink(id) {
    var n = nodes.get(id);
    var b = el("button", "kg-link", n ? baseLabel[id] : id);
    b.type = "button";
    b.addEventListener("click", function () { select(id); });
    return b;
  }
  function articleSource(aid) {
    var a = M.articles[aid], box = el("div", "ev-source");
    if (!a) { box.append(el("span", "ev-title", aid === "ref" ? UI.reference : "")); return box; }
    var url = safeUrl(a.url), title;
    if (url) {
      title = el("a", "ev-title", a.title); title.href = url; title.target = "_blank"; title.rel = "noopener noreferrer";
    } else title = el("span", "ev-title", a.title);
    box.append(title);
    if (a.published) box.append(" ", el("span", "ev-date", a.published));
    if (!url && a.urlText) box.append(" ", el("span", "ev-date", a.urlText));
    return box;
  }
  function evidenceItem(ev) {
    var q = el("blockquote", "ev-sentence"), s = ev.sentence || "", x = ev.exact || "";
    var i = x ? s.indexOf(x) : -1;
    if (i >= 0) q.append(s.slice(0, i), el("mark", null, x), s.slice(i + x.length));
    else { q.append(s); if (x) q.append(" ", el("mark", null, x)); }
    var box = el("div", "ev");
    box.append(q, el("div", "ev-meta", UI.rule + ": " + ev.rule + " · " + UI.confidence + ": " + ev.confidence));
    return box;
  }
  function evidenceSection(ids, title, skip) {
    var sec = el("section", "kg-evidence");
    var groups = new Map(), seen = new Set();
    ids.forEach(function (v) {
      var ev = M.evidence[v];
      if (!ev || (skip && skip.has(ev.article + "\u0000" + ev.sentence))) return;
      var key = ev.article + "\u0000" + ev.sentence + "\u0000" + ev.exact;
      if (seen.has(key)) return;
      seen.add(key);
      if (!groups.has(ev.article)) groups.set(ev.article, []);
      groups.get(ev.article).push(ev);
    });
    var h = el("h3", null, (title || UI.evidence) + " (" + seen.size + ")");
    sec.append(h);
    var shown = 0, LIMIT = 80, total = seen.size;
    groups.forEach(function (list, aid) {
      if (shown >= LIMIT) return;
      var block = el("div", "ev-article");
      block.append(articleSource(aid));
      list.forEach(function (ev) { if (shown < LIMIT) { block.append(evidenceItem(ev)); shown++; } });
      sec.append(block);
    });
    if (total > shown) sec.append(el("p", "kg-note", fmt(UI.more, { n: total - shown })));
    return sec;
  }
  function dl(rows) {
    var d = el("dl");
    rows.forEach(function (r) {
      if (r[1] === undefined || r[1] === null || r[1] === "") return;
      d.append(el("dt", null, r[0]));
      var dd = el("dd");
      if (r[1] instanceof Node) dd.append(r[1]); else dd.textContent = String(r[1]);
      d.append(dd);
    });
    return d;
  }
  function header(id, m) {
    var t = M.types[m.type];
    var h = el("h2");
    var g = el("span", "kg-glyph", t.glyph); g.style.color = t.color;
    h.append(g, " ", baseLabel[id]);
    var p = el("p", "kg-type", t.label);
    if (!visible.has(id)) p.append(" ", el("span", "kg-note", "(" + UI.hidden + ")"));
    return [h, p];
  }
  function datesText(dates) {
    return (dates || []).map(function (d) { return d[0] === d[1] ? d[0] : d[0] + " – " + d[1]; }).join(", ");
  }
  // One fact: its date, what it says, who else takes part, and the sentence it was read from.
  function factItem(st, self, role) {
    var m = M.nodes[st], box = el("div", "kg-fact"), head = el("div", "kg-fact-head");
    box.dataset.node = st;
    var d = m.dates && m.dates.length ? datesText([m.dates[0]]) : "";
    if (d) head.append(el("span", "kg-fact-date", d));
    head.append(nodeLink(st));
    if (role) head.append(" ", el("span", "kg-fact-who", "(" + role + ")"));
    box.append(head);
    var others = (stmtEntities[st] || []).filter(function (x, i, all) { return x !== self && all.indexOf(x) === i; });
    if (others.length) {
      var who = el("div", "kg-fact-who", UI.participants + ": ");
      others.forEach(function (x, i) { if (i) who.append("、"); who.append(nodeLink(x)); });
      box.append(who);
    }
    var ev = m.evidence.map(function (v) { return M.evidence[v]; }).filter(Boolean)[0];
    if (ev) box.append(evidenceItem(ev), articleSource(ev.article));
    return box;
  }
  function factSentences(sts) {
    var out = new Set();
    sts.forEach(function (st) { M.nodes[st].evidence.forEach(function (v) {
      var ev = M.evidence[v]; if (ev) out.add(ev.article + "\u0000" + ev.sentence); }); });
    return out;
  }
  function showNode(id) {
    var m = M.nodes[id];
    if (!m) return;
    panel.replaceChildren();
    panel.dataset.node = id; panel.dataset.iri = m.iri; delete panel.dataset.edge;
    header(id, m).forEach(function (x) { panel.append(x); });
    var rows = m.props.slice();
    if (m.kind === "entity") {
      Object.keys(m.byLang).sort(function (a, b) {
        var order = [data.lang, "zh-Hant", "zh-Hans", "en"];
        var ia = order.indexOf(a), ib = order.indexOf(b);
        return (ia < 0 ? 9 : ia) - (ib < 0 ? 9 : ib) || (a < b ? -1 : 1);
      }).forEach(function (tag) { rows.push([UI["lang_" + tag] || tag, m.byLang[tag].join("、")]); });
      if (m.wikidata && /^Q\d+$/.test(m.wikidata)) {
        var w = el("a", null, m.wikidata); w.href = "https://www.wikidata.org/wiki/" + m.wikidata;
        w.target = "_blank"; w.rel = "noopener noreferrer"; rows.push(["Wikidata", w]);
      }
    }
    rows.push([UI.dates, datesText(m.dates)]);
    rows.push([UI.articles, fmt(UI.articles_n, { n: m.articleCount || m.articles.length })]);
    rows.push([UI.iri, m.iri]);
    panel.append(dl(rows));
    if (m.kind === "entity") {
      var hidden = hiddenNeighbours(id);
      if (hidden.length) {
        var b = el("button", "kg-expand", UI.expand + " (" + hidden.length + ")");
        b.type = "button"; b.addEventListener("click", function () { expand(id); showNode(id); });
        panel.append(b);
      }
    }
    var links = (adjacency[id] || []).map(function (eid) { return edges.get(eid); });
    var rel = links.filter(function (e) { return M.edges[e.id].kind === "relation"; });
    if (rel.length) {
      panel.append(el("h3", null, UI.links));
      var ul = el("ul");
      rel.forEach(function (e) {
        var li = el("li"), out = e.from === id, pl = M.predicates[M.edges[e.id].predicate].label;
        li.append(out ? "" : "← ", el("span", null, pl), out ? " → " : " ", nodeLink(out ? e.to : e.from));
        if (M.edges[e.id].reference && !M.edges[e.id].articles.length) li.append(" ", el("span", "kg-note", UI.reference));
        ul.append(li);
      });
      panel.append(ul);
    }
    if (m.kind === "statement") {
      var ents = stmtEntities[id] || [];
      if (ents.length) {
        panel.append(el("h3", null, UI.participants));
        var up = el("ul");
        links.filter(function (e) { return M.edges[e.id].kind === "role"; }).forEach(function (e) {
          var li = el("li");
          li.append(nodeLink(e.to), " (", M.predicates[M.edges[e.id].predicate].label, ")");
          up.append(li);
        });
        panel.append(up);
      }
      panel.append(evidenceSection(m.evidence));
      return;
    }
    var facts = (stmtsOf[id] || []).slice().sort(function (a, b) {
      return firstDate(a.st).localeCompare(firstDate(b.st)) || (a.st < b.st ? -1 : 1);
    });
    var sts = [];
    if (facts.length) {
      var sec = el("section", "kg-facts");
      sec.append(el("h3", null, UI.facts + " (" + facts.length + ")"));
      facts.forEach(function (f) {
        sts.push(f.st);
        sec.append(factItem(f.st, id, M.predicates[f.pred].label));
      });
      panel.append(sec);
    }
    var mentions = evidenceSection(m.evidence, UI.mentions, factSentences(sts));
    mentions.classList.add("kg-mentions");
    mentions.querySelector("h3").append(" ", el("span", "kg-note", UI.mentions_note));
    panel.append(mentions);
  }
  function showEdge(eid) {
    var e = edges.get(eid), m = M.edges[eid];
    if (!e || !m) return;
    panel.replaceChildren();
    panel.dataset.edge = eid; delete panel.dataset.node; delete panel.dataset.iri;
    if (m.kind === "fact") {
      var h = el("h2");
      h.append(nodeLink(e.from), " — ", nodeLink(e.to));
      panel.append(h, el("p", "kg-type", UI.facts + " (" + m.statements.length + ")"));
      m.statements.slice().sort(function (a, b) { return firstDate(a).localeCompare(firstDate(b)); })
        .forEach(function (st) { panel.append(factItem(st, null, "")); });
      return;
    }
    var p = M.predicates[m.predicate];
    var h2 = el("h2");
    h2.append(nodeLink(e.from), " → ", el("span", null, p.label), " → ", nodeLink(e.to));
    panel.append(h2, el("p", "kg-type", UI.relation + ": " + p.label));
    var sources = m.articles.map(function (a) { return M.articles[a] ? M.articles[a].title : a; });
    if (m.reference) sources.push(UI.reference);
    panel.append(dl([[UI.source, sources.join("；")], [UI.dates, datesText(m.dates)], [UI.iri, p.iri]]));
    panel.append(evidenceSection(m.evidence));
  }
  function select(id) {
    if (!M.nodes[id]) return;
    if (!visible.has(id) && M.nodes[id].kind === "entity" && !state.working.has(id)) {
      var near = (neighbours[id] || []).filter(function (x) { return visible.has(x); })[0];
      reveal([id], near);
    } else if (!visible.has(id) && M.nodes[id].kind === "statement" && stmtOk(id)) {
      var before = Array.from(visible);           // a fact picked in the panel is drawn as its box
      state.opened.add(id);
      applyFilters();
      if (visible.has(id)) { place([id], (stmtEntities[id] || []).filter(function (x) { return visible.has(x); })[0]); relayout(before); }
    }
    if (visible.has(id)) {
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    }
    showNode(id);
  }
  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });
  network.on("doubleClick", function (p) {
    if (p.nodes.length) { expand(p.nodes[0]); showNode(p.nodes[0]); }
    else if (p.edges.length && M.edges[p.edges[0]].kind === "fact") {   // a fact edge opens into its boxes
      M.edges[p.edges[0]].statements.forEach(function (s) { state.opened.add(s); });
      filtered();
    }
  });

  // ---- search: any name, either script (the index holds names and their Simplified folds)
  var index = entityIds.map(function (id) {
    return { id: id, label: baseLabel[id], keys: M.nodes[id].search, names: M.nodes[id].names };
  });
  function search(q) {
    var k = norm(q);
    if (!k) return [];
    var exact = [], prefix = [], part = [];
    index.forEach(function (item) {
      if (item.keys.indexOf(k) >= 0) exact.push(item);
      else if (item.keys.some(function (x) { return x.indexOf(k) === 0; })) prefix.push(item);
      else if (item.keys.some(function (x) { return x.indexOf(k) > 0; })) part.push(item);
    });
    return exact.concat(prefix, part).slice(0, 30).map(function (item) {
      var via = item.names.filter(function (x) { return norm(x).indexOf(k) >= 0 && x !== item.label; })[0];
      return { id: item.id, label: item.label, via: via || "" };
    });
  }
  var input = $("kg-search"), results = $("kg-results");
  function renderResults(list) {
    results.replaceChildren();
    if (!input.value.trim()) return;
    if (!list.length) { results.append(el("li", "kg-none", UI.no_match)); return; }
    list.forEach(function (r) {
      var li = el("li"), b = el("button"), t = M.types[M.nodes[r.id].type];
      b.type = "button"; b.dataset.node = r.id;
      var g = el("span", "kg-glyph", t.glyph); g.style.color = t.color;
      b.append(g, " ", el("span", "kg-label", r.label));
      if (r.via) b.append(el("span", "kg-via", r.via));
      b.addEventListener("click", function () { select(r.id); results.replaceChildren(); });
      li.append(b);
      results.append(li);
    });
  }
  input.addEventListener("input", function () { renderResults(search(input.value)); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var r = search(input.value); if (r.length) { select(r[0].id); results.replaceChildren(); } }
    else if (ev.key === "Escape") { input.value = ""; results.replaceChildren(); }
  });

  // ---- for tests and scripts
  api.network = network; api.nodes = nodes; api.edges = edges; api.nodeView = nodeView; api.edgeView = edgeView;
  api.meta = M; api.select = select; api.search = search; api.expand = expand; api.relayout = relayout;
  api.label = function (id) { return baseLabel[id]; };
  api.entityFont = data.options.nodes.font.size;
  api.hiddenNeighbours = hiddenNeighbours;
  var byIri = {};
  Object.keys(M.nodes).forEach(function (id) { byIri[M.nodes[id].iri] = id; });
  api.idOf = function (iri) { return byIri[iri]; };
  api.visibleNodeIds = function () { return nodeView.getIds(); };
  api.visibleEdgeIds = function () { return edgeView.getIds(); };
  api.domPosition = function (id) {
    var p = network.canvasToDOM(network.getPosition(id)), r = container.getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  };
  // a node's label box on screen (vis-network's bounding box covers the shape and its label)
  api.domBox = function (id) {
    var b = network.getBoundingBox(id), r = container.getBoundingClientRect();
    var a = network.canvasToDOM({ x: b.left, y: b.top }), z = network.canvasToDOM({ x: b.right, y: b.bottom });
    return { left: r.left + a.x, top: r.top + a.y, right: r.left + z.x, bottom: r.top + z.y };
  };
  updateCount();
  network.once("afterDrawing", function () {
    fit();
    if (M.focus) select(M.focus.id);
    timings.drawn = performance.now();
    api.ready = true;
    document.body.dataset.ready = "true";
  });
})();
"""
