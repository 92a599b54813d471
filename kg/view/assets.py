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
  <span id="kg-count" aria-live="polite"></span>
</header>
<main id="kg-main">
  <nav id="kg-filters">
    <details open><summary>{{ ui.types }}</summary><div id="kg-types" class="kg-checks"></div></details>
    <details open><summary>{{ ui.relations }}</summary><div id="kg-relations" class="kg-checks"></div>
      <div class="kg-sub">{{ ui.roles }}</div><div id="kg-roles" class="kg-checks"></div></details>
    <details open><summary>{{ ui.articles }}</summary><div id="kg-articles" class="kg-checks"></div></details>
    <details open><summary>{{ ui.dates }}</summary>
      <label class="kg-date">{{ ui.from }} <input id="kg-date-from" type="date"></label>
      <label class="kg-date">{{ ui.to }} <input id="kg-date-to" type="date"></label>
      <label class="kg-check"><input id="kg-undated" type="checkbox" checked> {{ ui.undated }}</label>
    </details>
    <div class="kg-buttons"><button id="kg-reset" type="button">{{ ui.reset }}</button>
      <label class="kg-check"><input id="kg-physics" type="checkbox"> {{ ui.physics }}</label></div>
  </nav>
  <div id="kg-network" aria-label="graph"></div>
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
#kg-header { display: flex; align-items: center; gap: 16px; padding: 8px 14px; background: #fff;
  border-bottom: 1px solid #ddd; }
#kg-heading { font-size: 16px; margin: 0; font-weight: 600; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; max-width: 40vw; }
#kg-search-box { position: relative; flex: 0 1 360px; }
#kg-search { width: 100%; padding: 6px 10px; font-size: 14px; border: 1px solid #bbb; border-radius: 6px; }
#kg-results { position: absolute; z-index: 10; left: 0; right: 0; margin: 2px 0 0; padding: 0; list-style: none;
  background: #fff; border: 1px solid #ccc; border-radius: 6px; box-shadow: 0 4px 12px rgba(0,0,0,.12);
  max-height: 50vh; overflow: auto; }
#kg-results:empty { display: none; }
#kg-results li { padding: 0; }
#kg-results button, #kg-results .kg-none { display: block; width: 100%; text-align: left; padding: 6px 10px;
  border: 0; background: none; font: inherit; cursor: pointer; }
#kg-results button:hover, #kg-results button:focus { background: #eef3fb; }
#kg-results .kg-via { color: #777; font-size: 12px; margin-left: 6px; }
#kg-count { color: #555; font-size: 13px; margin-left: auto; white-space: nowrap; }
#kg-main { flex: 1; display: flex; min-height: 0; }
#kg-filters { width: 250px; flex: none; overflow: auto; padding: 8px 10px; background: #fff;
  border-right: 1px solid #ddd; }
#kg-filters summary { font-weight: 600; cursor: pointer; margin: 6px 0; }
.kg-checks { max-height: 30vh; overflow: auto; }
.kg-sub { color: #666; font-size: 12px; margin: 6px 0 2px; }
.kg-check { display: flex; align-items: baseline; gap: 5px; padding: 1px 0; font-size: 13px; cursor: pointer; }
.kg-check .kg-n { color: #888; font-size: 11px; margin-left: auto; padding-left: 4px; }
.kg-check .kg-text { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.kg-glyph { width: 1.1em; text-align: center; flex: none; }
.kg-date { display: block; margin: 4px 0; font-size: 13px; }
.kg-date input { width: 150px; }
.kg-buttons { margin-top: 10px; display: flex; gap: 10px; align-items: center; }
#kg-network { flex: 1; min-width: 0; position: relative; background: #fff; }
#kg-panel { width: 380px; flex: none; overflow: auto; padding: 10px 14px; background: #fff;
  border-left: 1px solid #ddd; }
#kg-panel h2 { font-size: 18px; margin: 4px 0; word-break: break-word; }
#kg-panel h3 { font-size: 14px; margin: 14px 0 6px; border-bottom: 1px solid #eee; padding-bottom: 3px; }
#kg-panel .kg-type { color: #555; margin: 0 0 8px; }
#kg-panel dl { display: grid; grid-template-columns: max-content 1fr; gap: 3px 10px; margin: 0; }
#kg-panel dt { color: #666; }
#kg-panel dd { margin: 0; word-break: break-word; }
#kg-panel ul { margin: 0; padding-left: 18px; }
#kg-panel .kg-link { border: 0; background: none; color: #1a5fb4; cursor: pointer; padding: 0; font: inherit;
  text-align: left; }
#kg-panel .kg-link:hover { text-decoration: underline; }
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
  var api = { ready: false, timings: timings };
  window.kgView = api;

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

  // ---- data and network
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var adjacency = {};
  data.edges.forEach(function (e) {
    (adjacency[e.from] = adjacency[e.from] || []).push(e.id);
    (adjacency[e.to] = adjacency[e.to] || []).push(e.id);
  });
  var allArticles = Object.keys(M.articles).concat(["ref"]);
  var state = {
    types: new Set(Object.keys(M.types)), preds: new Set(Object.keys(M.predicates)),
    articles: new Set(allArticles), from: "", to: "", undated: true
  };
  var visible = new Set(data.nodes.map(function (n) { return n.id; }));

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
  function nodeOk(id) {
    var m = M.nodes[id];
    return state.types.has(m.type) && articlesOk(m.articles, false) && datesOk(m.dates);
  }
  function edgeOk(e) {
    var m = M.edges[e.id];
    return visible.has(e.from) && visible.has(e.to) && state.preds.has(m.predicate) &&
      articlesOk(m.articles, m.reference) && datesOk(m.dates);
  }
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visible.has(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: edgeOk });
  var container = $("kg-network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  timings.network = performance.now();

  function updateCount() {
    var n = nodeView.length, e = edgeView.length, c = $("kg-count");
    c.textContent = fmt(UI.shown, { n: n, total: data.nodes.length, e: e, etotal: data.edges.length });
    c.dataset.nodes = n; c.dataset.edges = e;
  }
  function applyFilters() {
    visible = new Set();
    data.nodes.forEach(function (n) { if (nodeOk(n.id)) visible.add(n.id); });
    nodeView.refresh();
    edgeView.refresh();
    updateCount();
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
  $("kg-filters").addEventListener("change", function (ev) {
    var t = ev.target;
    if (t.dataset && t.dataset.filter) {
      var s = state[sets[t.dataset.filter]];
      if (t.checked) s.add(t.value); else s.delete(t.value);
    } else if (t.id === "kg-date-from") state.from = t.value;
    else if (t.id === "kg-date-to") state.to = t.value;
    else if (t.id === "kg-undated") state.undated = t.checked;
    else if (t.id === "kg-physics") { setPhysics(t.checked); return; }
    else return;
    applyFilters();
  });
  if (M.dateRange) {
    ["kg-date-from", "kg-date-to"].forEach(function (id) { $(id).min = M.dateRange[0]; $(id).max = M.dateRange[1]; });
  }
  $("kg-reset").addEventListener("click", function () {
    document.querySelectorAll("#kg-filters input[data-filter]").forEach(function (b) { b.checked = true; });
    $("kg-date-from").value = ""; $("kg-date-to").value = ""; $("kg-undated").checked = true;
    state.types = new Set(Object.keys(M.types)); state.preds = new Set(Object.keys(M.predicates));
    state.articles = new Set(allArticles); state.from = state.to = ""; state.undated = true;
    applyFilters();
  });
  function setPhysics(on) {
    network.setOptions({ physics: { enabled: on, stabilization: false, solver: "forceAtlas2Based" } });
    if (on) network.once("stabilized", function () { network.setOptions({ physics: { enabled: false } }); $("kg-physics").checked = false; });
  }

  // ---- side panel
  var panel = $("kg-panel");
  function nodeLink(id) {
    var n = nodes.get(id);
    var b = el("button", "kg-link", n ? n.label : id);
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
  function evidenceSection(ids) {
    var sec = el("section", "kg-evidence");
    sec.append(el("h3", null, UI.evidence + " (" + ids.length + ")"));
    var groups = new Map(), seen = new Set();
    ids.forEach(function (v) {
      var ev = M.evidence[v];
      if (!ev) return;
      var key = ev.article + "\u0000" + ev.sentence + "\u0000" + ev.exact;
      if (seen.has(key)) return;
      seen.add(key);
      if (!groups.has(ev.article)) groups.set(ev.article, []);
      groups.get(ev.article).push(ev);
    });
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
    var n = nodes.get(id), t = M.types[m.type];
    var h = el("h2");
    var g = el("span", "kg-glyph", t.glyph); g.style.color = t.color;
    h.append(g, " ", n.label);
    var p = el("p", "kg-type", t.label);
    if (!visible.has(id)) p.append(" ", el("span", "kg-note", "(" + UI.hidden + ")"));
    return [h, p];
  }
  function datesText(dates) {
    return (dates || []).map(function (d) { return d[0] === d[1] ? d[0] : d[0] + " – " + d[1]; }).join(", ");
  }
  function showNode(id) {
    var m = M.nodes[id];
    if (!m) return;
    panel.replaceChildren();
    panel.dataset.node = id; panel.dataset.iri = m.iri; delete panel.dataset.edge;
    header(id, m).forEach(function (x) { panel.append(x); });
    var rows = m.props.slice();
    if (m.kind === "entity") {
      rows.unshift([UI.names, m.names.join("、")]);
      if (m.wikidata && /^Q\d+$/.test(m.wikidata)) {
        var w = el("a", null, m.wikidata); w.href = "https://www.wikidata.org/wiki/" + m.wikidata;
        w.target = "_blank"; w.rel = "noopener noreferrer"; rows.push(["Wikidata", w]);
      }
    }
    rows.push([UI.dates, datesText(m.dates)]);
    rows.push([UI.articles, fmt(UI.articles_n, { n: m.articles.length })]);
    rows.push([UI.iri, m.iri]);
    panel.append(dl(rows));
    var links = (adjacency[id] || []).map(function (eid) { return edges.get(eid); });
    var rel = links.filter(function (e) { return M.edges[e.id].kind === "relation"; });
    var st = links.filter(function (e) { return M.edges[e.id].kind === "role"; });
    if (rel.length || (m.kind === "statement" && st.length)) {
      panel.append(el("h3", null, UI.links));
      var ul = el("ul");
      rel.concat(m.kind === "statement" ? st : []).forEach(function (e) {
        var li = el("li"), out = e.from === id, pl = M.predicates[M.edges[e.id].predicate].label;
        li.append(out ? "" : "← ", el("span", null, pl), out ? " → " : " ", nodeLink(out ? e.to : e.from));
        ul.append(li);
      });
      panel.append(ul);
    }
    if (m.kind === "entity" && st.length) {
      panel.append(el("h3", null, UI.statements));
      var us = el("ul");
      st.forEach(function (e) {
        var li = el("li");
        li.append(nodeLink(e.from), " (", M.predicates[M.edges[e.id].predicate].label, ")");
        us.append(li);
      });
      panel.append(us);
    }
    panel.append(evidenceSection(m.evidence));
  }
  function showEdge(eid) {
    var e = edges.get(eid), m = M.edges[eid];
    if (!e || !m) return;
    panel.replaceChildren();
    panel.dataset.edge = eid; delete panel.dataset.node; delete panel.dataset.iri;
    var p = M.predicates[m.predicate];
    var h = el("h2");
    h.append(nodeLink(e.from), " → ", el("span", null, p.label), " → ", nodeLink(e.to));
    panel.append(h, el("p", "kg-type", UI.relation + ": " + p.label));
    var sources = m.articles.map(function (a) { return M.articles[a] ? M.articles[a].title : a; });
    if (m.reference) sources.push(UI.reference);
    panel.append(dl([[UI.source, sources.join("；")], [UI.dates, datesText(m.dates)], [UI.iri, p.iri]]));
    panel.append(evidenceSection(m.evidence));
  }
  function select(id) {
    if (!M.nodes[id]) return;
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

  // ---- search: any name, either script (the index holds names and their Simplified folds)
  var index = data.nodes.filter(function (n) { return M.nodes[n.id].kind === "entity"; }).map(function (n) {
    return { id: n.id, label: n.label, keys: M.nodes[n.id].search, names: M.nodes[n.id].names };
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
  api.meta = M; api.select = select; api.search = search;
  var byIri = {};
  Object.keys(M.nodes).forEach(function (id) { byIri[M.nodes[id].iri] = id; });
  api.idOf = function (iri) { return byIri[iri]; };
  api.visibleNodeIds = function () { return nodeView.getIds(); };
  api.visibleEdgeIds = function () { return edgeView.getIds(); };
  api.domPosition = function (id) {
    var p = network.canvasToDOM(network.getPosition(id)), r = container.getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  };
  updateCount();
  network.once("afterDrawing", function () {
    if (M.focus) select(M.focus.id);
    timings.drawn = performance.now();
    api.ready = true;
    document.body.dataset.ready = "true";
  });
})();
"""
