// The offline explorer of `newsgraph export --format html`: search, an
// actor's relations with their evidence, and paths, answered from the data
// embedded in the page (no network: the page's policy forbids any fetch).
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
var el = function (tag, text, cls) {
  var e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
};

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
  var a = actors[i], out = $("ng-out");
  out.replaceChildren();
  out.append(el("h3", a.name + " (" + a.kind + ")"));
  var groups = {};
  adj[i].forEach(function (ri) {
    var r = rels[ri], other = r.s === i ? r.t : r.s;
    var key = r.type + "\u0000" + other;
    (groups[key] = groups[key] || { type: r.type, other: other, out: r.s === i, list: [] }).list.push(r);
  });
  var keys = Object.keys(groups).sort();
  if (!keys.length) out.append(el("p", "No relation in this file.", "muted"));
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
        if (!o.types[r.type] || m in seen || banned[m]) return;
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
      var spur = shortest(pn[i], to, { types: o.types, maxHops: o.maxHops - i }, banned, pn[i], blocked);
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

function showPath() {
  var out = $("ng-out"), f = search($("ng-from").value, 1)[0], t = search($("ng-to").value, 1)[0];
  out.replaceChildren();
  if (f === undefined || t === undefined) { out.append(el("p", "No actor matches " + (f === undefined ? $("ng-from").value : $("ng-to").value))); return; }
  var k = Math.max(1, Math.min(20, parseInt($("ng-k").value, 10) || 1));
  var limit = parseInt($("ng-hops").value, 10);
  var o = { types: walkTypes(), maxHops: limit > 0 ? limit : Infinity };
  var paths = kShortest(f, t, k, o);
  var h = el("h3");
  h.append(actorLink(f), " → ", actorLink(t));
  out.append(h);
  if (!paths.length) { out.append(el("p", "No path in this file with these types and hop limit" + ($("ng-via").checked ? "." : " (tick affiliations to walk them too)."))); return; }
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
  $("ng-go").addEventListener("click", showPath);
  document.querySelectorAll("figure .node").forEach(function (n) {
    var id = n.getAttribute("data-id") || (n.querySelector("title") || {}).textContent;
    if (id in byId) {
      n.style.cursor = "pointer";
      n.addEventListener("click", function () { show(byId[id]); });
    }
  });
}

if (node) wire();
