// The query page of `kg serve` (kg/view/query_page.py renders it). No data becomes markup:
// every value from the store reaches the page through textContent or vis-network's plain text.
(function () {
  "use strict";
  var C = JSON.parse(document.getElementById("kq-config").textContent), UI = C.ui;
  var api = { ready: false, runs: 0, lastResult: null, lastQuery: "" };
  window.kgQuery = api;
  var RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
  var SKOS = "http://www.w3.org/2004/02/skos/core#";
  var XSD = "http://www.w3.org/2001/XMLSchema#";
  var NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(s, vars) { return s.replace(/\{(\w+)\}/g, function (_, k) { return String(vars[k]); }); }
  function fail(message) { var e = new Error(message); e.user = true; throw e; }

  // ---- names in both scripts, as kg.query.saved.name_variants gives them
  function mapper(from, to) {
    var m = {};
    for (var i = 0; i < from.length; i++) m[from[i]] = to[i];
    return function (s) { return Array.from(s).map(function (c) { return m[c] || c; }).join(""); };
  }
  var toSimplified = mapper(C.scripts.t2sFrom, C.scripts.t2sTo);
  var toTraditional = mapper(C.scripts.s2tFrom, C.scripts.s2tTo);
  function variants(name) {
    var out = [];
    [name.trim(), toTraditional(name.trim()), toSimplified(name.trim())].forEach(function (v) {
      if (v && out.indexOf(v) < 0) out.push(v);
    });
    return out;
  }

  // ---- RDF terms, written as pyoxigraph writes them
  function literal(v, datatype) {
    var s = '"' + v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r")
      .replace(/\t/g, "\\t") + '"';
    return datatype ? s + "^^<" + datatype + ">" : s;
  }
  function iriTerm(iri, where) {
    if (/[\s<>"{}|^`\\]/.test(iri) || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(iri)) {
      fail(fmt(UI.bad, { name: where, problem: "not a valid IRI" }));
    }
    return "<" + iri + ">";
  }
  function expandIri(value, defaultPrefix) {
    value = value.trim();
    if (value.charAt(0) === "<" && value.charAt(value.length - 1) === ">") value = value.slice(1, -1);
    if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value) || value.indexOf("urn:") === 0) return value;
    var i = value.indexOf(":");
    if (i >= 0 && Object.prototype.hasOwnProperty.call(C.prefixes, value.slice(0, i))) {
      return C.prefixes[value.slice(0, i)] + value.slice(i + 1);
    }
    if (defaultPrefix && C.prefixes[defaultPrefix] && value && i < 0) return C.prefixes[defaultPrefix] + value;
    return null;
  }
  function decimalText(v) {
    var t = v.trim();
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
    var m = t.match(/^([+-]?)(\d*)\.?(\d*)(?:[eE]([+-]?\d+))?$/);
    var sign = m[1] === "-" ? "-" : "", digits = (m[2] || "") + (m[3] || ""), point = (m[2] || "").length;
    point += m[4] ? parseInt(m[4], 10) : 0;
    if (point > digits.length) digits += "0".repeat(point - digits.length);
    if (point < 0) { digits = "0".repeat(-point) + digits; point = 0; }
    var whole = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0", frac = digits.slice(point);
    var out = frac ? whole + "." + frac : whole;
    return (sign && /[1-9]/.test(out) ? "-" : "") + out;
  }

  // ---- talking to the endpoint (SPARQL 1.1 Protocol, JSON results)
  function withPrefixes(text) {
    var head = "";
    Object.keys(C.prefixes).sort().forEach(function (p) {
      if (!new RegExp("PREFIX\\s+" + p + "\\s*:", "i").test(text)) head += "PREFIX " + p + ": <" + C.prefixes[p] + ">\n";
    });
    return head + text;
  }
  function sparql(text) {
    return fetch(C.endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json" },
      body: "query=" + encodeURIComponent(text)
    }).then(function (r) {
      if (!r.ok) return r.text().then(function (t) { fail((t || r.statusText).trim().split("\n")[0]); });
      return r.json();
    });
  }
  function resolveEntity(value, where) {
    var iri = expandIri(value, null);
    if (iri !== null) return Promise.resolve([iriTerm(iri, where)]);
    var names = variants(value).map(function (v) { return literal(v); }).join(" ");
    var pattern = "?e <" + RDFS_LABEL + ">|<" + SKOS + "prefLabel>|<" + SKOS + "altLabel> ?label";
    var q = "SELECT DISTINCT ?e WHERE { VALUES ?name { " + names + " } { " + pattern + " } UNION { GRAPH ?g { " +
      pattern + " } } FILTER(LCASE(STR(?label)) = LCASE(?name)) } ORDER BY ?e";
    return sparql(q).then(function (res) {
      var found = res.results.bindings.map(function (b) { return "<" + b.e.value + ">"; });
      if (found.length) return found;
      var slug = C.prefixes.id + value.trim();
      if (!NAME_RE.test(value.trim())) fail(fmt(UI.noEntity, { value: value }));
      var t = iriTerm(slug, where);
      var ask = "ASK { { " + t + " ?p ?o } UNION { ?s ?p " + t + " } UNION { GRAPH ?g { { " + t + " ?p ?o } UNION { ?s ?p " +
        t + " } } } }";
      return sparql(ask).then(function (r) {
        if (!r.boolean) fail(fmt(UI.noEntity, { value: value }));
        return [t];
      });
    });
  }
  // value → SPARQL terms for parameter p, as kg.query.saved.to_terms makes them
  function toTerms(p, value) {
    var where = p.name + "=" + JSON.stringify(value), v = value.trim();
    switch (p.baseKind) {
      case "string": return Promise.resolve([literal(value)]);
      case "name": return Promise.resolve(variants(value).map(function (x) { return literal(x); }));
      case "decimal":
        var d = decimalText(v);
        if (d === null) fail(fmt(UI.bad, { name: where, problem: "not a number; give a decimal like 4.8 or 1e12" }));
        return Promise.resolve([literal(d, XSD + "decimal")]);
      case "integer":
        if (!/^[+-]?\d+$/.test(v)) fail(fmt(UI.bad, { name: where, problem: "not an integer; give digits like 10" }));
        return Promise.resolve([literal(BigInt(v).toString(), XSD + "integer")]);
      case "boolean":
        var b = v.toLowerCase();
        if (["true", "false", "1", "0", "yes", "no"].indexOf(b) < 0) fail(fmt(UI.bad, { name: where, problem: "not a boolean; give true or false" }));
        return Promise.resolve([literal(["true", "1", "yes"].indexOf(b) >= 0 ? "true" : "false", XSD + "boolean")]);
      case "date":
        if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) fail(fmt(UI.bad, { name: where, problem: "not a date; give YYYY, YYYY-MM or YYYY-MM-DD" }));
        return Promise.resolve([literal(v)]);
      case "iri":
        var iri = expandIri(value, p.kind.indexOf(":") >= 0 ? p.kind.split(":")[1] : null);
        if (iri === null) fail(fmt(UI.bad, { name: where, problem: "not an IRI; give a full IRI, or a prefixed name like unit:TB-PER-SEC" }));
        return Promise.resolve([iriTerm(iri, where)]);
      case "entity": return resolveEntity(value, where);
    }
    fail(fmt(UI.bad, { name: where, problem: "unknown parameter kind " + p.kind }));
  }
  function valuesRe(name) {
    return new RegExp("^([ \\t]*)VALUES[ \\t]+\\?" + name + "[ \\t]*\\{([^{}\\n]*)\\}[ \\t]*$", "gmi");
  }
  // the query text with each filled-in parameter's VALUES line holding its terms
  function bind(text, params, given) {
    var jobs = params.map(function (p) {
      var value = given[p.name];
      if (value === undefined || value.trim() === "") {
        if (p.required) fail(fmt(UI.missing, { name: p.name }));
        return Promise.resolve(null);
      }
      return toTerms(p, value);
    });
    return Promise.all(jobs).then(function (terms) {
      params.forEach(function (p, i) {
        if (!terms[i]) return;
        var block = terms[i].filter(function (t, j, all) { return all.indexOf(t) === j; }).join(" ");
        text = text.replace(valuesRe(p.name), function (_, indent) { return indent + "VALUES ?" + p.name + " { " + block + " }"; });
      });
      return text;
    });
  }

  // ---- labels of the IRIs in a result, in the page's language where there is one
  function rank(tag) {
    tag = (tag || "").toLowerCase();
    var want = C.lang.toLowerCase();
    if (tag === want) return 0;
    if (tag.indexOf("zh") === 0 && want.indexOf("zh") === 0) return 1;
    if (tag === "en" || tag.indexOf("en-") === 0) return 2;
    return tag ? 3 : 4;
  }
  function fetchLabels(iris) {
    if (!iris.length) return Promise.resolve({});
    var chunks = [];
    for (var i = 0; i < iris.length; i += 200) chunks.push(iris.slice(i, i + 200));
    return Promise.all(chunks.map(function (chunk) {
      var values = chunk.map(function (x) { return "<" + x + ">"; }).join(" ");
      return sparql("SELECT ?e ?l WHERE { VALUES ?e { " + values + " } { ?e <" + RDFS_LABEL + "> ?l } UNION { GRAPH ?g { ?e <" +
        RDFS_LABEL + "> ?l } } }").catch(function () { return { results: { bindings: [] } }; });
    })).then(function (parts) {
      var best = {};
      parts.forEach(function (res) {
        res.results.bindings.forEach(function (b) {
          var r = rank(b.l["xml:lang"]), cur = best[b.e.value];
          if (!cur || r < cur.r || (r === cur.r && b.l.value < cur.v)) best[b.e.value] = { r: r, v: b.l.value };
        });
      });
      var out = {};
      Object.keys(best).forEach(function (k) { out[k] = best[k].v; });
      return out;
    });
  }
  function compact(iri) {
    var best = "", name = "";
    Object.keys(C.prefixes).forEach(function (p) {
      var ns = C.prefixes[p];
      if (iri.indexOf(ns) === 0 && ns.length > best.length && /^[\w.%-]*$/.test(iri.slice(ns.length))) { best = ns; name = p; }
    });
    return best ? name + ":" + iri.slice(best.length) : iri;
  }

  // ---- results: a table, and a graph of the rows' entities
  function showTable(res, labels) {
    var box = $("kq-table-box");
    box.replaceChildren();
    if (res.boolean !== undefined) { box.append(el("p", "kq-note", res.boolean ? UI["true"] : UI["false"])); return; }
    var vars = res.head.vars, rows = res.results.bindings;
    if (!rows.length) { box.append(el("p", "kq-note", UI.empty)); return; }
    var table = el("table"), head = el("tr");
    vars.forEach(function (v) { head.append(el("th", null, v)); });
    var thead = el("thead"); thead.append(head); table.append(thead);
    var body = el("tbody");
    rows.forEach(function (b) {
      var tr = el("tr");
      vars.forEach(function (v) {
        var td = el("td"), t = b[v];
        if (t) {
          td.dataset.value = t.value;
          if (t.type === "uri") {
            if (labels[t.value]) td.append(el("span", "kq-label", labels[t.value]));
            td.append(el("span", labels[t.value] ? "kq-iri" : null, compact(t.value)));
          } else if (t.type === "bnode") td.textContent = "_:" + t.value;
          else td.textContent = t.value;
        }
        tr.append(td);
      });
      body.append(tr);
    });
    table.append(body);
    box.append(table);
  }
  var graph = null, graphData = { nodes: [], edges: [] };
  function notEntity(iri) {   // vocabulary terms (classes, properties, units) are not drawn
    return ["http://www.w3.org/", "http://qudt.org/", C.prefixes.kgo, C.prefixes.unit].some(function (ns) {
      return ns && iri.indexOf(ns) === 0;
    });
  }
  function graphOf(res, labels) {
    var nodes = {}, edges = {}, n = 0;
    if (!res.results) return { nodes: [], edges: [] };
    res.results.bindings.forEach(function (b) {
      var ends = [];
      res.head.vars.forEach(function (v) {
        var t = b[v];
        if (!t || t.type !== "uri" || notEntity(t.value)) return;
        if (!nodes[t.value] && n >= 300) return;
        if (!nodes[t.value]) { nodes[t.value] = { id: t.value, label: labels[t.value] || compact(t.value), title: t.value }; n++; }
        if (ends.every(function (e) { return e.iri !== t.value; })) ends.push({ iri: t.value, v: v });
      });
      ends.slice(1).forEach(function (e) {
        var key = ends[0].iri + " " + e.iri + " " + e.v;
        edges[key] = { id: key, from: ends[0].iri, to: e.iri, label: e.v };
      });
    });
    return { nodes: Object.values(nodes), edges: Object.values(edges) };
  }
  function showGraph() {
    if ($("kq-graph-box").hidden) return;
    var opts = { physics: { enabled: true, solver: "barnesHut", stabilization: { iterations: 200, fit: true },
                            barnesHut: { springLength: 140, gravitationalConstant: -4000, avoidOverlap: 0.4 } },
                 nodes: { shape: "dot", size: 12, color: { background: "#4e79a7", border: "#2f4b7c" },
                          font: { size: 15, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#fff" } },
                 edges: { color: "#9aa5b1", font: { size: 11, color: "#555", strokeWidth: 3 }, smooth: false },
                 interaction: { hover: true } };
    if (!graph) graph = new vis.Network($("kq-graph"), graphData, opts);
    else graph.setData(graphData);
    graph.once("stabilizationIterationsDone", function () { graph.setOptions({ physics: { enabled: false } }); });
    api.graph = graph;
  }
  document.querySelectorAll("#kq-tabs button").forEach(function (b) {
    b.addEventListener("click", function () {
      document.querySelectorAll("#kq-tabs button").forEach(function (x) { x.classList.toggle("kq-on", x === b); });
      $("kq-table-box").hidden = b.dataset.tab !== "table";
      $("kq-graph-box").hidden = b.dataset.tab !== "graph";
      if (graph) graph.setOptions({ physics: { enabled: true } });
      showGraph();
    });
  });

  // ---- the saved queries and their parameters
  var saved = [], current = null;
  var editor = CodeMirror.fromTextArea($("kq-editor"), {
    mode: "application/sparql-query", lineNumbers: true, matchBrackets: true, indentUnit: 2,
    extraKeys: { "Ctrl-Enter": function () { run(); }, "Cmd-Enter": function () { run(); } }
  });
  api.editor = editor;
  function status(state, text) {
    var s = $("kq-status");
    s.dataset.state = state; s.textContent = text;
  }
  function fields(q) {
    var box = $("kq-fields");
    box.replaceChildren();
    $("kq-params").hidden = !q || !q.parameters.length;
    if (!q) return;
    q.parameters.forEach(function (p) {
      var f = el("div", "kq-field"), id = "kq-param-" + p.name;
      var label = el("label", null, p.name);
      label.htmlFor = id;
      label.append(el("span", "kq-kind", p.kind + (p.required ? " · " + UI.required : "")));
      var input = el("input");
      input.id = id; input.name = p.name; input.type = "text"; input.required = p.required;
      input.placeholder = p.default && p.default !== "UNDEF" ? p.default : "";
      f.append(label, input, el("div", "kq-help", p.help));
      box.append(f);
    });
  }
  function choose(name) {
    current = saved.filter(function (q) { return q.name === name; })[0] || null;
    if (!current) return;
    $("kq-saved").value = name;
    $("kq-description").textContent = current.description;
    editor.setValue(current.text);
    fields(current);
  }
  function given() {
    var out = {};
    document.querySelectorAll("#kq-fields input").forEach(function (i) { out[i.name] = i.value; });
    return out;
  }
  function run() {
    var started = performance.now(), text = editor.getValue();
    status("running", UI.running);
    return Promise.resolve().then(function () {
      return current ? bind(text, current.parameters, given()) : text;
    }).then(function (bound) {
      api.lastQuery = withPrefixes(bound);
      return sparql(api.lastQuery);
    }).then(function (res) {
      api.lastResult = res;
      var iris = [];
      (res.results ? res.results.bindings : []).forEach(function (b) {
        Object.keys(b).forEach(function (v) { if (b[v].type === "uri" && iris.indexOf(b[v].value) < 0) iris.push(b[v].value); });
      });
      return fetchLabels(iris).then(function (labels) {
        showTable(res, labels);
        graphData = graphOf(res, labels);
        showGraph();
        var n = res.results ? res.results.bindings.length : 1;
        status("done", fmt(UI.rows, { n: n, ms: Math.round(performance.now() - started) }));
        $("kq-status").dataset.rows = n;
        api.runs++;
      });
    }).catch(function (e) {
      api.lastResult = null;
      status("error", e.user ? e.message : String(e.message || e));
      api.runs++;
    });
  }
  $("kq-run").addEventListener("click", function () { run(); });
  $("kq-params").addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
  $("kq-saved").addEventListener("change", function (ev) { choose(ev.target.value); });

  fetch(C.queries, { headers: { "Accept": "application/json" } }).then(function (r) { return r.json(); }).then(function (doc) {
    C.prefixes = doc.prefixes || {};
    saved = doc.queries || [];
    saved.forEach(function (q) {
      var o = el("option", null, q.name);
      o.value = q.name; o.title = q.description;
      $("kq-saved").append(o);
    });
    var wanted = decodeURIComponent((location.hash.match(/q=([^&]+)/) || [])[1] || "");
    if (saved.length) choose(saved.some(function (q) { return q.name === wanted; }) ? wanted : saved[0].name);
    api.ready = true;
    document.body.dataset.ready = "true";
  }).catch(function (e) {
    status("error", String(e.message || e));
    api.ready = true;
    document.body.dataset.ready = "true";
  });
  api.run = run; api.choose = choose;
  api.setParam = function (name, value) { var i = $("kq-param-" + name); if (i) i.value = value; return !!i; };
})();
