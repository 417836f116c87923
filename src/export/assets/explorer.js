// The offline explorer of `newsgraph export --format html`: search, an
// actor's relations with their evidence, and paths, answered from the data
// embedded in the page (no network: the page's policy forbids any fetch),
// under the same document and actor-kind filters as `newsgraph serve`; the
// view is held in the URL's fragment, so a link to the file reopens it.
// Every string from the data is inserted as text, never as markup.
"use strict";
// Top-level functions, each small, over the embedded data.
var node = document.getElementById("newsgraph-data");
var data = node ? JSON.parse(node.textContent) : { actors: [], relations: [] };
var actors = data.actors, rels = data.relations;
var byId = {};
var fold = function (s) {
  return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[.,'"()]/g, "");
};
var degree = actors.map(function () { return 0; });
var adj = actors.map(function () { return []; });
rels.forEach(function (r, i) {
  degree[r.s] += 1; degree[r.t] += 1;
  adj[r.s].push(i); adj[r.t].push(i);
});
actors.forEach(function (a, i) {
  byId[a.id] = i;
  a.keys = [a.name].concat(a.aliases || []).map(fold);
});
var $ = function (id) { return document.getElementById(id); };
// What is shown: { actor: i } or { from: i, to: j } (actor positions).
var current = null;
var el = function (tag, text, cls) {
  var e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
};

// The view's filters, as the served explorer's `doc=` and `kinds=`: a
// relation passes when it was read in the chosen document and both its ends
// are of a ticked kind; the actors asked about (the one shown, the ends of a
// path) are exempt from the kind filter, so a country's contacts with people
// keep the country.
function filters() {
  var kinds = {}, any = false;
  document.querySelectorAll("#ng-kinds input:checked").forEach(function (c) { kinds[c.value] = true; any = true; });
  return { doc: $("ng-doc") ? $("ng-doc").value : "", kinds: any ? kinds : null };
}

function passes(r, f, asked) {
  if (f.doc && r.doc !== f.doc) return false;
  if (!f.kinds) return true;
  return (asked[r.s] || f.kinds[actors[r.s].kind]) && (asked[r.t] || f.kinds[actors[r.t].kind]);
}

// Closest actors first: exact name, then names containing the text, then
// names with a word starting like a typed word; the best connected first.
function search(q, limit) {
  var k = fold(q).trim();
  if (!k) return [];
  var words = k.split(/[\s-]+/).filter(function (w) { return w.length > 1; });
  var hits = [];
  actors.forEach(function (a, i) {
    var score = 9;
    a.keys.forEach(function (f) {
      if (f === k || a.id === q) score = Math.min(score, 0);
      else if (f.indexOf(k) >= 0) score = Math.min(score, 1);
      else {
        var fw = f.split(/[\s-]+/);
        var n = words.filter(function (w) {
          return fw.some(function (x) { return x.indexOf(w.slice(0, Math.max(3, w.length - 1))) === 0; });
        }).length;
        if (n > 0) score = Math.min(score, 2 + words.length - n);
      }
    });
    if (score < 9) hits.push([score, -degree[i], a.name, i]);
  });
  hits.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0); });
  return hits.slice(0, limit).map(function (h) { return h[3]; });
}

function evidence(r) {
  var p = el("p", null, "ng-evidence");
  var text = r.text || "", trig = r.trigger || "";
  var at = trig ? text.indexOf(trig) : -1;
  if (at < 0) p.append(text);
  else {
    p.append(text.slice(0, at));
    p.append(el("mark", trig));
    p.append(text.slice(at + trig.length));
  }
  var meta = [r.doc, r.date, r.cameo ? "CAMEO " + r.cameo : "", r.rule ? "rule " + r.rule : ""]
    .filter(function (x) { return x; }).join(" · ");
  p.append(el("span", " " + meta, "muted"));
  return p;
}

function actorLink(i) {
  var b = el("button", actors[i].name, "ng-actor");
  b.type = "button";
  b.addEventListener("click", function () { show(i); });
  return b;
}

function focusDrawing(ids) {
  document.querySelectorAll("figure .node").forEach(function (n) {
    var id = n.getAttribute("data-id") || (n.querySelector("title") || {}).textContent;
    n.classList.toggle("ng-focus", ids.indexOf(id) >= 0);
  });
}

function show(i) {
  var a = actors[i], out = $("ng-out"), f = filters(), asked = {};
  asked[i] = true;
  current = { actor: i };
  remember();
  out.replaceChildren();
  out.append(el("h3", a.name + " (" + a.kind + ")"));
  var groups = {};
  adj[i].forEach(function (ri) {
    var r = rels[ri], other = r.s === i ? r.t : r.s;
    if (!passes(r, f, asked)) return;
    var key = r.type + "\u0000" + other;
    (groups[key] = groups[key] || { type: r.type, other: other, out: r.s === i, list: [] }).list.push(r);
  });
  var keys = Object.keys(groups).sort();
  if (!keys.length) out.append(el("p", "No relation in this file" + (f.doc || f.kinds ? " with these filters." : "."), "muted"));
  keys.forEach(function (k) {
    var g = groups[k], d = el("div", null, "ng-group");
    var h = el("h4", g.type + (g.out ? " → " : " ← "));
    h.append(actorLink(g.other));
    h.append(el("span", " (" + g.list.length + ")", "muted"));
    d.append(h);
    g.list.forEach(function (r) { d.append(evidence(r)); });
    out.append(d);
  });
  focusDrawing([a.id]);
}

// Paths as `newsgraph path` finds them: fewest hops, and among equally
// short ones the most preferred hops (contacts, then other events, then
// affiliations); k shortest by Yen's algorithm over actor sequences.
function pref(t) {
  return t === "call" || t === "meet" || t === "visit" ? 0 : t === "affiliation" ? 2 : 1;
}

// Breadth-first, layer by layer, keeping for each actor reached the
// cheapest way in; `banned` actors and the arcs from `blockFrom` to
// `blockTo` are left out (Yen's spur searches). Returns relation indices.
function shortest(from, to, o, banned, blockFrom, blockTo) {
  var seen = {}; seen[from] = { cost: 0, prev: -1, rel: -1 };
  var layer = [from], hops = 0;
  while (layer.length && !(to in seen) && hops < o.maxHops) {
    hops += 1;
    var next = {}, order = [];
    layer.forEach(function (n) {
      adj[n].forEach(function (ri) {
        var r = rels[ri], m = r.s === n ? r.t : r.s;
        if (!o.types[r.type] || m in seen || banned[m] || !passes(r, o.filter, o.asked)) return;
        if (n === blockFrom && blockTo.indexOf(m) >= 0) return;
        var c = seen[n].cost + pref(r.type);
        if (!(m in next)) order.push(m);
        if (!(m in next) || c < next[m].cost) next[m] = { cost: c, prev: n, rel: ri };
      });
    });
    order.forEach(function (m) { seen[m] = next[m]; });
    layer = order;
  }
  if (!(to in seen)) return null;
  var path = [], at = to;
  while (at !== from) { path.unshift(seen[at].rel); at = seen[at].prev; }
  return path;
}

function nodesOf(from, path) {
  var out = [from], at = from;
  path.forEach(function (ri) { var r = rels[ri]; at = r.s === at ? r.t : r.s; out.push(at); });
  return out;
}

function kShortest(from, to, k, o) {
  var first = shortest(from, to, o, {}, -1, []);
  if (!first) return [];
  var found = [first], seen = {}, cands = [];
  seen[nodesOf(from, first).join(",")] = true;
  var cost = function (p) { return p.reduce(function (c, ri) { return c + pref(rels[ri].type); }, 0); };
  while (found.length < k) {
    var prev = found[found.length - 1], pn = nodesOf(from, prev);
    for (var i = 0; i < prev.length; i++) {
      var root = pn.slice(0, i + 1).join(","), blocked = [], banned = {};
      found.forEach(function (p) {
        var n = nodesOf(from, p);
        if (n.length > i + 1 && n.slice(0, i + 1).join(",") === root) blocked.push(n[i + 1]);
      });
      pn.slice(0, i).forEach(function (x) { banned[x] = true; });
      var spur = shortest(pn[i], to, { types: o.types, maxHops: o.maxHops - i, filter: o.filter, asked: o.asked }, banned, pn[i], blocked);
      if (!spur) continue;
      var path = prev.slice(0, i).concat(spur), key = nodesOf(from, path).join(",");
      if (!seen[key]) { seen[key] = true; cands.push({ path: path, cost: cost(path), key: key }); }
    }
    if (!cands.length) break;
    cands.sort(function (a, b) {
      return a.path.length - b.path.length || a.cost - b.cost || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    });
    found.push(cands.shift().path);
  }
  return found;
}

// The types a path walks: those ticked, else every event; affiliations too when asked.
function walkTypes() {
  var t = {}, any = false;
  document.querySelectorAll("#ng-types input:checked").forEach(function (c) { t[c.value] = true; any = true; });
  if (!any) rels.forEach(function (r) { if (r.type !== "affiliation") t[r.type] = true; });
  if ($("ng-via").checked) t.affiliation = true;
  return t;
}

// `from` and `to` are actor positions when known (a reopened link), else the
// boxes' text is searched.
function showPath(from, to) {
  var out = $("ng-out");
  var f = typeof from === "number" ? from : search($("ng-from").value, 1)[0];
  var t = typeof to === "number" ? to : search($("ng-to").value, 1)[0];
  out.replaceChildren();
  if (f === undefined || t === undefined) { out.append(el("p", "No actor matches " + (f === undefined ? $("ng-from").value : $("ng-to").value))); return; }
  var k = Math.max(1, Math.min(20, parseInt($("ng-k").value, 10) || 1));
  var limit = parseInt($("ng-hops").value, 10);
  var asked = {};
  asked[f] = true; asked[t] = true;
  var o = { types: walkTypes(), maxHops: limit > 0 ? limit : Infinity, filter: filters(), asked: asked };
  current = { from: f, to: t };
  remember();
  var paths = kShortest(f, t, k, o);
  var h = el("h3");
  h.append(actorLink(f), " → ", actorLink(t));
  out.append(h);
  if (!paths.length) { out.append(el("p", "No path in this file with these types, filters and hop limit" + ($("ng-via").checked ? "." : " (tick affiliations to walk them too)."))); return; }
  var ids = [];
  paths.forEach(function (hops, pi) {
    var box = el("div", null, "ng-path"), at = f;
    box.setAttribute("data-nodes", nodesOf(f, hops).map(function (n) { return actors[n].id; }).join(","));
    if (paths.length > 1) box.append(el("h4", "Path " + (pi + 1) + " (" + hops.length + " hop(s))", "ng-title"));
    ids.push(actors[f].id);
    hops.forEach(function (ri, n) {
      var r = rels[ri], next = r.s === at ? r.t : r.s;
      var d = el("div", null, "ng-group"), hh = el("h4", (n + 1) + ". ");
      hh.append(actorLink(at), " " + r.type + " ", actorLink(next));
      d.append(hh, evidence(r));
      box.append(d);
      ids.push(actors[next].id); at = next;
    });
    out.append(box);
  });
  focusDrawing(ids);
}

// The page wired: type boxes, search, path finder, clickable nodes.
function wire() {
  var types = {};
  rels.forEach(function (r) { types[r.type] = true; });
  Object.keys(types).sort().forEach(function (t) {
    var cb = el("input"), lab = el("label");
    cb.type = "checkbox"; cb.value = t;
    lab.append(cb, " " + t);
    $("ng-types").append(lab);
  });

  var q = $("ng-q"), list = $("ng-hits");
  q.addEventListener("input", function () {
    list.replaceChildren();
    search(q.value, 10).forEach(function (i) {
      var li = el("li");
      li.append(actorLink(i));
      li.append(el("span", " " + actors[i].kind + ", " + degree[i] + " relation(s)", "muted"));
      list.append(li);
    });
  });
  q.addEventListener("keydown", function (e) {
    if (e.key === "Enter") { var hit = search(q.value, 1)[0]; if (hit !== undefined) show(hit); }
  });
  $("ng-go").addEventListener("click", function () { showPath(); });
  wireFilters();
  document.querySelectorAll("figure .node").forEach(function (n) {
    var id = n.getAttribute("data-id") || (n.querySelector("title") || {}).textContent;
    if (id in byId) {
      n.style.cursor = "pointer";
      n.addEventListener("click", function () { show(byId[id]); });
    }
  });
}

// The filter controls: the documents and actor kinds of the embedded data;
// changing one redraws what is shown.
function wireFilters() {
  var docs = {}, kinds = {};
  rels.forEach(function (r) { if (r.doc) docs[r.doc] = true; });
  actors.forEach(function (a) { kinds[a.kind] = true; });
  Object.keys(docs).sort().forEach(function (d) {
    var o = el("option", d);
    o.value = d;
    $("ng-doc").append(o);
  });
  Object.keys(kinds).sort().forEach(function (k) {
    var cb = el("input"), lab = el("label");
    cb.type = "checkbox"; cb.value = k;
    lab.append(cb, " " + k);
    $("ng-kinds").append(lab);
  });
  var redraw = function () {
    if (current && current.actor !== undefined) show(current.actor);
    else if (current) showPath(current.from, current.to);
    else remember();
  };
  $("ng-doc").addEventListener("change", redraw);
  document.querySelectorAll("#ng-kinds input").forEach(function (c) { c.addEventListener("change", redraw); });
}

function ticked(sel) {
  var v = [];
  document.querySelectorAll(sel + " input:checked").forEach(function (c) { v.push(c.value); });
  return v.join(",");
}

// The view in the URL's fragment (`#actor=ID`, `#from=ID&to=ID&k=2`, with
// `types`, `via`, `hops`, `doc` and `kinds`), so a link reopens it.
function remember() {
  var q = new URLSearchParams();
  if (current && current.actor !== undefined) q.set("actor", actors[current.actor].id);
  if (current && current.from !== undefined) {
    q.set("from", actors[current.from].id);
    q.set("to", actors[current.to].id);
    if ($("ng-k").value && $("ng-k").value !== "1") q.set("k", $("ng-k").value);
    if ($("ng-hops").value) q.set("hops", $("ng-hops").value);
    if (ticked("#ng-types")) q.set("types", ticked("#ng-types"));
    if ($("ng-via").checked) q.set("via", "affiliation");
  }
  if ($("ng-doc").value) q.set("doc", $("ng-doc").value);
  if (ticked("#ng-kinds")) q.set("kinds", ticked("#ng-kinds"));
  var h = q.toString();
  if (location.hash.slice(1) !== h) location.replace("#" + h);
}

// Sets the controls from the fragment and shows its actor or path.
function restore() {
  var q = new URLSearchParams(location.hash.slice(1));
  var list = function (k) { return (q.get(k) || "").split(",").filter(function (x) { return x; }); };
  var doc = q.get("doc") || "";
  if (doc && !Array.prototype.some.call($("ng-doc").options, function (o) { return o.value === doc; })) {
    var o = el("option", doc);
    o.value = doc;
    $("ng-doc").append(o);
  }
  $("ng-doc").value = doc;
  [["#ng-kinds", list("kinds")], ["#ng-types", list("types")]].forEach(function (p) {
    document.querySelectorAll(p[0] + " input").forEach(function (c) { c.checked = p[1].indexOf(c.value) >= 0; });
  });
  $("ng-via").checked = q.get("via") === "affiliation";
  $("ng-k").value = q.get("k") || "1";
  $("ng-hops").value = q.get("hops") || "";
  var a = byId[q.get("actor")], f = byId[q.get("from")], t = byId[q.get("to")];
  if (a !== undefined) show(a);
  else if (f !== undefined && t !== undefined) {
    $("ng-from").value = actors[f].name;
    $("ng-to").value = actors[t].name;
    showPath(f, t);
  }
}

if (node) { wire(); restore(); }
