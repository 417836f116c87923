// The offline explorer of `newsgraph export --format html`: search, an
// actor's relations with their evidence, and paths, answered from the data
// embedded in the page (no network: the page's policy forbids any fetch).
// Every string from the data is inserted as text, never as markup.
(function () {
  "use strict";
  var node = document.getElementById("newsgraph-data");
  if (!node) return;
  var data = JSON.parse(node.textContent);
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

  // Breadth-first over relations, affiliations only when asked.
  function path(from, to, viaAffiliation) {
    var prev = {}; prev[from] = -1;
    var queue = [from];
    while (queue.length) {
      var n = queue.shift();
      if (n === to) break;
      for (var j = 0; j < adj[n].length; j++) {
        var r = rels[adj[n][j]];
        if (r.type === "affiliation" && !viaAffiliation) continue;
        var m = r.s === n ? r.t : r.s;
        if (!(m in prev)) { prev[m] = adj[n][j]; queue.push(m); }
      }
    }
    if (!(to in prev)) return null;
    var hops = [], at = to;
    while (at !== from) { var r2 = rels[prev[at]]; hops.unshift(r2); at = r2.s === at ? r2.t : r2.s; }
    return hops;
  }

  function showPath() {
    var out = $("ng-out"), f = search($("ng-from").value, 1)[0], t = search($("ng-to").value, 1)[0];
    out.replaceChildren();
    if (f === undefined || t === undefined) { out.append(el("p", "No actor matches " + (f === undefined ? $("ng-from").value : $("ng-to").value))); return; }
    var hops = path(f, t, $("ng-via").checked);
    var h = el("h3");
    h.append(actorLink(f), " → ", actorLink(t));
    out.append(h);
    if (!hops) { out.append(el("p", "No path in this file" + ($("ng-via").checked ? "." : " over events (tick affiliations to walk them too)."))); return; }
    var ids = [actors[f].id], at = f;
    hops.forEach(function (r, n) {
      var next = r.s === at ? r.t : r.s;
      var d = el("div", null, "ng-group"), hh = el("h4", (n + 1) + ". ");
      hh.append(actorLink(at), " " + r.type + " ", actorLink(next));
      d.append(hh, evidence(r));
      out.append(d);
      ids.push(actors[next].id); at = next;
    });
    focusDrawing(ids);
  }

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
})();
