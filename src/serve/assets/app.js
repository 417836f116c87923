// The newsgraph explorer page. Every string from the store reaches the page
// as text (textContent, attribute values set through the DOM), never as
// markup; the drawings are SVG parsed as XML and imported without scripts.
"use strict";

const $ = (id) => document.getElementById(id);

// The view, as the URL holds it: /?actor=ID (with expand=ID,...), /?path=A,B
// or /?contacts=A,B,..., with the filters.
const view = { actor: null, path: null, contacts: null, k: 1, types: [], kinds: [], doc: "", since: "", until: "", depth: 1, via: false, expand: [] };
const list = (s) => (s || "").split(",").map((x) => x.trim()).filter(Boolean);

function readUrl() {
  const q = new URLSearchParams(location.search);
  view.actor = q.get("actor");
  const p = q.get("path");
  view.path = p && p.includes(",") ? [p.slice(0, p.indexOf(",")), p.slice(p.indexOf(",") + 1)] : null;
  view.k = Math.max(1, Math.min(20, parseInt(q.get("k") || "1", 10) || 1));
  view.contacts = q.has("contacts") ? list(q.get("contacts")) : null;
  view.types = list(q.get("types"));
  view.kinds = list(q.get("kinds"));
  view.doc = q.get("doc") || "";
  view.expand = list(q.get("expand"));
  view.since = q.get("since") || "";
  view.until = q.get("until") || "";
  view.depth = q.get("depth") === "2" ? 2 : 1;
  view.via = q.get("via") === "affiliation";
}

function urlOf(v) {
  const q = new URLSearchParams();
  if (v.actor) q.set("actor", v.actor);
  if (v.path) q.set("path", v.path.join(","));
  if (v.contacts) q.set("contacts", v.contacts.join(","));
  if (v.path && v.k > 1) q.set("k", String(v.k));
  if (v.actor && v.expand.length) q.set("expand", v.expand.join(","));
  if (v.types.length) q.set("types", v.types.join(","));
  if (v.kinds.length) q.set("kinds", v.kinds.join(","));
  if (v.doc) q.set("doc", v.doc);
  if (v.since) q.set("since", v.since);
  if (v.until) q.set("until", v.until);
  if (v.depth !== 1) q.set("depth", String(v.depth));
  if (v.via) q.set("via", "affiliation");
  const s = q.toString();
  return "/" + (s ? "?" + s : "");
}

function go(change) {
  Object.assign(view, change);
  history.pushState(null, "", urlOf(view));
  render();
}

// Query parameters of the filters, for the API.
function filterParams(extra) {
  const q = new URLSearchParams(extra || {});
  if (view.types.length) q.set("types", view.types.join(","));
  if (view.kinds.length) q.set("kinds", view.kinds.join(","));
  if (view.doc) q.set("doc", view.doc);
  if (view.since) q.set("since", view.since);
  if (view.until) q.set("until", view.until);
  return q;
}

async function api(path, params) {
  const url = path + (params && params.toString() ? "?" + params.toString() : "");
  const res = await fetch(url);
  const type = res.headers.get("content-type") || "";
  if (!res.ok) {
    let msg = res.statusText;
    if (type.includes("json")) msg = (await res.json()).error || msg;
    throw new Error(msg);
  }
  return type.includes("json") ? res.json() : res.text();
}

// An element with attributes and children (strings become text nodes).
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return e;
}

function say(msg) { $("message").textContent = msg || ""; }

function actorLink(id, name) {
  return el("a", { class: "actor", href: urlOf({ ...view, actor: id, path: null, contacts: null, expand: [] }), "data-id": id,
    onclick: (ev) => { ev.preventDefault(); focusOn(id); } }, name || id);
}

// Another actor's view: the same filters, nothing expanded yet.
function focusOn(id) {
  go({ actor: id, path: null, contacts: null, expand: [] });
}

// The evidence sentence with its trigger marked, and where it was read.
function evidence(r) {
  const ev = r.evidence || {};
  const text = ev.text || "";
  const p = el("div", { class: "evidence" });
  const trig = (ev.trigger || "").trim();
  let at = trig ? text.toLowerCase().indexOf(trig.toLowerCase()) : -1;
  let len = trig.length;
  if (at < 0 && trig) {
    const first = trig.split(/\s+/)[0];
    at = text.toLowerCase().indexOf(first.toLowerCase());
    len = first.length;
  }
  if (at >= 0) {
    p.append(text.slice(0, at), el("mark", {}, text.slice(at, at + len)), text.slice(at + len));
  } else {
    p.append(text);
  }
  const bits = [r.type, r.date ? "date " + r.date : null, ev.doc ? "document " + ev.doc : null,
    ev.sentence !== undefined ? "sentence " + ev.sentence : null, r.cameo ? "CAMEO " + r.cameo : null,
    r.planned ? "planned" : null].filter(Boolean);
  p.append(el("div", { class: "meta" }, bits.join(" · ")));
  if (ev.rule) p.append(el("div", { class: "meta" }, "rule: " + ev.rule));
  return p;
}

// ---- drawing: pan, zoom, click to focus ----

let box = null;
let full = null;

function setBox(svg) { svg.setAttribute("viewBox", box.join(" ")); }

async function draw(path, params) {
  const pane = $("drawing");
  pane.replaceChildren();
  let text;
  try { text = await api(path, params); } catch (e) { pane.append(el("p", {}, "No drawing: " + e.message)); return; }
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = doc.documentElement;
  if (root.nodeName !== "svg") { pane.append(el("p", {}, "No drawing.")); return; }
  for (const s of root.querySelectorAll("script, foreignObject")) s.remove();
  const svg = document.importNode(root, true);
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  pane.append(svg);
  const vb = (svg.getAttribute("viewBox") || "").split(/[\s,]+/).map(Number);
  full = vb.length === 4 && vb.every(Number.isFinite) ? vb : [0, 0, 1000, 1000];
  box = full.slice();
  setBox(svg);
  for (const n of svg.querySelectorAll(".node")) {
    const id = n.getAttribute("data-id") || (n.querySelector("title") || {}).textContent;
    if (!id || id.startsWith("_ng:")) continue;
    n.setAttribute("data-actor", id);
    // A double click expands: the single click waits to see whether a second follows.
    let timer = null;
    n.addEventListener("click", (ev) => {
      ev.stopPropagation();
      clearTimeout(timer);
      timer = setTimeout(() => focusOn(id), 280);
    });
    n.addEventListener("dblclick", (ev) => {
      ev.stopPropagation();
      clearTimeout(timer);
      expand(id);
    });
  }
  pngOf(text, full);
  const blob = new Blob([text], { type: "image/svg+xml" });
  const a = $("download");
  if (a.dataset.url) URL.revokeObjectURL(a.dataset.url);
  a.dataset.url = URL.createObjectURL(blob);
  a.href = a.dataset.url;
  // The same view in other formats, exported by the server from the same selection.
  for (const d of document.querySelectorAll("a.download")) {
    const q = new URLSearchParams(params);
    q.set("format", d.dataset.format);
    d.href = path.replace("/api/svg/", "/api/export/") + "?" + q;
  }
}

// Double click in an actor's view: the actor's closest neighbours join the
// drawing (the server ranks and caps them); elsewhere it opens the actor.
function expand(id) {
  if (!view.actor) { focusOn(id); return; }
  if (id === view.actor || view.expand.includes(id)) { say("Already expanded."); return; }
  if (view.expand.length >= 30) { say("At most 30 actors can be expanded; open one instead."); return; }
  view.expand = view.expand.concat([id]);
  history.pushState(null, "", urlOf(view));
  say("");
  drawActor();
}

function drawActor() {
  const q = filterParams({ depth: String(view.depth) });
  if (view.expand.length) q.set("expand", view.expand.join(","));
  return draw("/api/svg/actor/" + encodeURIComponent(view.actor), q);
}

// ---- PNG: the drawing rendered by the browser onto a canvas ----

let pngSeq = 0;

function pngOf(text, vb) {
  const a = $("download-png");
  const mine = ++pngSeq;
  a.removeAttribute("data-ready");
  if (a.dataset.url) URL.revokeObjectURL(a.dataset.url);
  delete a.dataset.url;
  a.href = "#";
  // Twice the drawing's size, at most 4000 pixels a side.
  const scale = Math.min(2, 4000 / Math.max(vb[2], vb[3], 1));
  const w = Math.max(1, Math.round(vb[2] * scale));
  const h = Math.max(1, Math.round(vb[3] * scale));
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = doc.documentElement;
  if (root.nodeName !== "svg") return;
  root.setAttribute("width", String(w));
  root.setAttribute("height", String(h));
  const src = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(doc)], { type: "image/svg+xml" }));
  const img = new Image();
  img.onload = () => {
    const canvas = document.createElement("canvas");
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, w, h);
    ctx.drawImage(img, 0, 0, w, h);
    URL.revokeObjectURL(src);
    canvas.toBlob((blob) => {
      if (mine !== pngSeq || !blob) return;
      a.dataset.url = URL.createObjectURL(blob);
      a.href = a.dataset.url;
      a.dataset.ready = w + "x" + h;
    }, "image/png");
  };
  img.onerror = () => { URL.revokeObjectURL(src); if (mine === pngSeq) a.dataset.ready = "failed"; };
  img.src = src;
}

// ---- timeline: relations per date of the current selection ----

function drawTimeline(dates) {
  const pane = $("timeline");
  pane.replaceChildren();
  if (!dates.length) return;
  const dated = dates.filter(Boolean);
  // Days while they fit, else months, else years.
  let unit = "day";
  let key = (d) => d;
  if (new Set(dated).size > 40) { unit = "month"; key = (d) => d.slice(0, 7); }
  if (unit === "month" && new Set(dated.map(key)).size > 40) { unit = "year"; key = (d) => d.slice(0, 4); }
  const counts = new Map();
  for (const d of dated) counts.set(key(d), (counts.get(key(d)) || 0) + 1);
  const keys = [...counts.keys()].sort();
  const meta = el("div", { class: "meta" }, dated.length + " dated relation(s) by " + unit +
    (dated.length < dates.length ? ", " + (dates.length - dated.length) + " undated" : "") +
    (keys.length ? "; click a bar to keep its dates" : ""));
  if (view.since || view.until) {
    meta.append(el("button", { type: "button", id: "all-dates", onclick: () => go({ since: "", until: "" }) }, "All dates"));
  }
  pane.append(meta);
  if (!keys.length) return;
  const NS = "http://www.w3.org/2000/svg";
  const svgEl = (tag, attrs) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  };
  const W = 600, H = 90, base = 72;
  const max = Math.max(...counts.values());
  const bw = W / keys.length;
  const svg = svgEl("svg", { viewBox: "0 0 " + W + " " + H, preserveAspectRatio: "none", role: "img" });
  keys.forEach((k, i) => {
    const n = counts.get(k);
    const h = Math.max(2, (n / max) * (base - 6));
    const bar = svgEl("rect", { class: "bar", x: i * bw + bw * 0.1, y: base - h, width: Math.max(0.5, bw * 0.8), height: h, "data-date": k, "data-count": n });
    if (view.since === k && view.until === k) bar.classList.add("on");
    const title = svgEl("title", {});
    title.textContent = k + ": " + n + " relation(s)";
    bar.append(title);
    bar.addEventListener("click", () => go({ since: k, until: k }));
    svg.append(bar);
  });
  const label = (text, x, anchor) => {
    const t = svgEl("text", { x, y: H - 4, "text-anchor": anchor });
    t.textContent = text;
    svg.append(t);
  };
  label(keys[0], 2, "start");
  if (keys.length > 1) label(keys[keys.length - 1], W - 2, "end");
  pane.append(svg);
}

function zoom(f, cx, cy) {
  const svg = $("drawing").querySelector("svg");
  if (!svg || !box) return;
  const [x, y, w, h] = box;
  const px = cx === undefined ? x + w / 2 : cx;
  const py = cy === undefined ? y + h / 2 : cy;
  box = [px - (px - x) * f, py - (py - y) * f, w * f, h * f];
  setBox(svg);
}

function setupPanZoom() {
  const pane = $("drawing");
  let drag = null;
  pane.addEventListener("wheel", (ev) => {
    const svg = pane.querySelector("svg");
    if (!svg || !box) return;
    ev.preventDefault();
    const r = svg.getBoundingClientRect();
    const s = Math.max(box[2] / r.width, box[3] / r.height);
    const cx = box[0] + (ev.clientX - r.left - (r.width - box[2] / s) / 2) * s;
    const cy = box[1] + (ev.clientY - r.top - (r.height - box[3] / s) / 2) * s;
    zoom(ev.deltaY > 0 ? 1.15 : 1 / 1.15, cx, cy);
  }, { passive: false });
  pane.addEventListener("pointerdown", (ev) => {
    if (!box) return;
    drag = { x: ev.clientX, y: ev.clientY, b: box.slice() };
  });
  window.addEventListener("pointerup", () => { drag = null; });
  pane.addEventListener("pointermove", (ev) => {
    const svg = pane.querySelector("svg");
    if (!drag || !svg) return;
    const r = svg.getBoundingClientRect();
    const s = Math.max(drag.b[2] / r.width, drag.b[3] / r.height);
    box = [drag.b[0] - (ev.clientX - drag.x) * s, drag.b[1] - (ev.clientY - drag.y) * s, drag.b[2], drag.b[3]];
    setBox(svg);
  });
  $("zoom-in").addEventListener("click", () => zoom(1 / 1.3));
  $("zoom-out").addEventListener("click", () => zoom(1.3));
  $("zoom-fit").addEventListener("click", () => {
    const svg = pane.querySelector("svg");
    if (svg && full) { box = full.slice(); setBox(svg); }
  });
}

// ---- actor view ----

async function showActor(id) {
  $("title").textContent = "Loading…";
  const content = $("content");
  content.replaceChildren();
  view.actor = id;
  const drawn = drawActor();
  let t, ego;
  try {
    [t, ego] = await Promise.all([
      api("/api/actor/" + encodeURIComponent(id), filterParams()),
      api("/api/neighbors/" + encodeURIComponent(id), filterParams({ depth: "1" })),
    ]);
  } catch (e) {
    $("title").textContent = "";
    say(e.message);
    return;
  }
  const me = t.actor;
  view.actor = me.id;
  drawTimeline(t.relations.map((d) => d.date || d.relation.date || null));
  history.replaceState(null, "", urlOf(view));
  $("title").textContent = me.name;
  const names = new Map(ego.actors.map((m) => [m.actor.id, m.actor.name]));
  const facts = [me.kind, me.country, me.aliases && me.aliases.length ? "also: " + me.aliases.join("; ") : null].filter(Boolean);
  content.append(el("p", { class: "meta" }, facts.join(" · ")));
  content.append(el("p", {}, t.relations.length + " relation(s)"));
  // Grouped by type, then by the actor on the other side.
  const byType = new Map();
  for (const d of t.relations) {
    const r = d.relation;
    const other = r.source === me.id ? r.target : r.source;
    if (!byType.has(r.type)) byType.set(r.type, new Map());
    const g = byType.get(r.type);
    if (!g.has(other)) g.set(other, []);
    g.get(other).push({ ...r, date: d.date || r.date });
  }
  for (const [type, group] of byType) {
    const sec = el("div", { class: "group", "data-type": type }, el("h3", {}, type + " (" + [...group.values()].reduce((n, v) => n + v.length, 0) + ")"));
    for (const [other, rels] of group) {
      const out = rels[0].source === me.id;
      const c = el("div", { class: "counterpart" },
        el("h4", {}, out ? "→ " : "← ", actorLink(other, names.get(other) || other), " (" + rels.length + ")"));
      for (const r of rels) c.append(evidence(r));
      sec.append(c);
    }
    content.append(sec);
  }
  await drawn;
}

// ---- path view ----

async function showPath(a, b) {
  $("title").textContent = "Finding a path…";
  const content = $("content");
  content.replaceChildren();
  $("path-from").value = a;
  $("path-to").value = b;
  const params = filterParams({ from: a, to: b });
  if (view.via) params.set("via", "affiliation");
  const drawn = draw("/api/svg/path", params);
  const q = new URLSearchParams(params);
  if (view.k > 1) q.set("k", String(view.k));
  let p;
  try { p = await api("/api/path", q); } catch (e) {
    $("title").textContent = "";
    say(e.message);
    await drawn;
    return;
  }
  $("title").replaceChildren(actorLink(p.from.id, p.from.name), " → ", actorLink(p.to.id, p.to.name));
  const names = new Map([[p.from.id, p.from.name], [p.to.id, p.to.name]]);
  const paths = p.paths || [{ hops: p.hops, length: p.hops.length }];
  // Actors inside a path are named by id in the answer: look their names up.
  const inner = [...new Set(paths.flatMap((x) => x.hops.map((h) => h.to)))].filter((id) => !names.has(id));
  await Promise.all(inner.map(async (id) => {
    try {
      const found = await api("/api/search", new URLSearchParams({ q: id, limit: "1" }));
      if (found.length && found[0].id === id) names.set(id, found[0].name);
    } catch (e) { /* the id stands in */ }
  }));
  const list = el("div", { class: "pathlist" });
  paths.forEach((path, i) => {
    const sec = el("div", { class: "path", "data-path": String(i + 1) }, el("h3", {}, "Path " + (i + 1) + " (" + path.length + " hop(s))"));
    for (const h of path.hops) {
      const r = h.relation;
      const fwd = r.source === h.from;
      const hop = el("div", { class: "hop" },
        el("div", { class: "arrow" }, actorLink(h.from, names.get(h.from) || h.from), fwd ? " —" + r.type + "→ " : " ←" + r.type + "— ", actorLink(h.to, names.get(h.to) || h.to)),
        evidence(r));
      for (const also of h.also || []) {
        hop.append(el("div", { class: "meta" }, "also " + also.type + ":"), evidence(also));
      }
      sec.append(hop);
    }
    list.append(sec);
  });
  if (p.complete === false) list.append(el("p", { class: "meta" }, "There may be more paths."));
  drawTimeline(paths.flatMap((x) => x.hops.map((h) => h.relation.date || null)));
  content.append(list);
  await drawn;
  // Actor names along the path come from the drawing's tooltips only as text.
}

// ---- who contacted whom ----

async function showContacts(names) {
  $("title").textContent = "Loading…";
  const content = $("content");
  content.replaceChildren();
  $("drawing").replaceChildren(el("p", { class: "meta" }, "The matrix is beside; open an actor to draw its network."));
  $("timeline").replaceChildren();
  $("contacts-ids").value = names.join(", ");
  const q = filterParams();
  if (names.length) q.set("ids", names.join(","));
  if (view.via) q.set("via", "affiliation");
  let m;
  try { m = await api("/api/contacts", q); } catch (e) {
    $("title").textContent = "";
    say(e.message);
    return;
  }
  $("title").textContent = "Who contacted whom (" + m.types.join(", ") + ")";
  if (!m.actors.length) { content.append(el("p", {}, "No contacts with these filters.")); return; }
  const table = el("table", { class: "matrix", id: "matrix" });
  const head = el("tr", {}, el("th", {}, "contacted →"));
  m.actors.forEach((a, j) => head.append(el("th", { title: a.name, scope: "col" }, String(j + 1))));
  table.append(head);
  m.actors.forEach((a, i) => {
    const row = el("tr", {}, el("th", { scope: "row" }, (i + 1) + ". ", actorLink(a.id, a.name)));
    m.matrix[i].forEach((n, j) => {
      const td = el("td", { class: n ? "cell" : "zero", "data-row": a.id, "data-col": m.actors[j].id,
        title: a.name + " → " + m.actors[j].name }, n ? String(n) : "·");
      if (n) td.addEventListener("click", () => showCell(m, i, j, td));
      row.append(td);
    });
    table.append(row);
  });
  content.append(el("p", { class: "meta" }, "Row actor contacted column actor, number of events; click a number for the evidence."),
    table, el("div", { id: "cell" }));
}

// One cell's events with their evidence: the row actor's relations (as its
// view lists them, with the same filters) towards the column actor.
async function showCell(m, i, j, td) {
  for (const c of document.querySelectorAll("#matrix td.on")) c.classList.remove("on");
  td.classList.add("on");
  const a = m.actors[i], b = m.actors[j];
  const q = filterParams();
  q.set("types", m.types.join(","));
  let t;
  try { t = await api("/api/actor/" + encodeURIComponent(a.id), q); } catch (e) { say(e.message); return; }
  const rels = t.relations.filter((d) => d.relation.source === a.id && d.relation.target === b.id);
  const out = $("cell");
  out.replaceChildren(el("h3", {}, actorLink(a.id, a.name), " → ", actorLink(b.id, b.name), " (" + rels.length + ")"));
  for (const d of rels) out.append(evidence({ ...d.relation, date: d.date || d.relation.date }));
  drawTimeline(rels.map((d) => d.date || d.relation.date || null));
}

// ---- search ----

function setupSearch() {
  const input = $("search");
  const list = $("suggestions");
  let timer = null;
  let active = -1;
  let seq = 0;
  const hide = () => { list.hidden = true; active = -1; };
  const pick = (id) => { hide(); input.value = ""; focusOn(id); };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) { hide(); return; }
    timer = setTimeout(async () => {
      const mine = ++seq;
      let found;
      try { found = await api("/api/search", new URLSearchParams({ q })); } catch (e) { say(e.message); return; }
      if (mine !== seq) return;
      list.replaceChildren();
      for (const a of found) {
        list.append(el("li", { role: "option", "data-id": a.id, onmousedown: (ev) => { ev.preventDefault(); pick(a.id); } },
          a.name, el("span", { class: "kind" }, a.kind + (a.country ? ", " + a.country : "") + " · " + a.relations + " relation(s)")));
      }
      if (!found.length) list.append(el("li", { class: "none" }, "No actor matches."));
      list.hidden = false;
      active = -1;
    }, 120);
  });
  input.addEventListener("keydown", (ev) => {
    const items = [...list.querySelectorAll("li[data-id]")];
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!items.length) return;
      ev.preventDefault();
      active = (active + (ev.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items.forEach((li, i) => li.classList.toggle("active", i === active));
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      const li = items[Math.max(active, 0)];
      if (li) pick(li.getAttribute("data-id"));
    } else if (ev.key === "Escape") {
      hide();
    }
  });
  input.addEventListener("blur", () => setTimeout(hide, 150));
}

// ---- filters ----

async function setupFilters() {
  let stats;
  try { stats = await api("/api/stats"); } catch (e) { say(e.message); return; }
  $("stats").textContent = stats.documents + " documents · " + stats.actors + " actors · " + stats.relations + " relations";
  const box = $("types");
  for (const t of Object.keys(stats.relations_by_type || {})) {
    box.append(el("label", {}, el("input", { type: "checkbox", value: t }), " " + t));
  }
  for (const k of ["person", "organization", "country", "place"]) {
    $("kinds").append(el("label", {}, el("input", { type: "checkbox", value: k }), " " + k));
  }
  let docs = [];
  try { docs = await api("/api/documents"); } catch (e) { say(e.message); }
  for (const d of docs) {
    const title = d.title ? d.id + " — " + d.title : d.id;
    $("doc").append(el("option", { value: d.id }, title.length > 80 ? title.slice(0, 79) + "…" : title));
  }
  syncFilters();
}

function syncFilters() {
  for (const cb of $("types").querySelectorAll("input")) cb.checked = view.types.includes(cb.value);
  for (const cb of $("kinds").querySelectorAll("input")) cb.checked = view.kinds.includes(cb.value);
  // A document the list does not hold (yet) still shows as chosen.
  if (view.doc && ![...$("doc").options].some((o) => o.value === view.doc)) $("doc").append(el("option", { value: view.doc }, view.doc));
  $("doc").value = view.doc;
  $("since").value = view.since;
  $("until").value = view.until;
  $("depth").value = String(view.depth);
  $("via").checked = view.via;
}

function applyFilters() {
  go({
    types: [...$("types").querySelectorAll("input:checked")].map((c) => c.value),
    kinds: [...$("kinds").querySelectorAll("input:checked")].map((c) => c.value),
    doc: $("doc").value,
    since: $("since").value.trim(),
    until: $("until").value.trim(),
    depth: $("depth").value === "2" ? 2 : 1,
    via: $("via").checked,
  });
}

// ---- page ----

function render() {
  say("");
  syncFilters();
  if (view.contacts) return showContacts(view.contacts);
  if (view.path) return showPath(view.path[0], view.path[1]);
  if (view.actor) return showActor(view.actor);
  $("title").textContent = "Search an actor, or find a path between two.";
  $("content").replaceChildren();
  $("drawing").replaceChildren();
  $("timeline").replaceChildren();
}

document.addEventListener("DOMContentLoaded", () => {
  readUrl();
  setupSearch();
  setupPanZoom();
  setupFilters();
  $("apply").addEventListener("click", applyFilters);
  $("pathform").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const a = $("path-from").value.trim();
    const b = $("path-to").value.trim();
    if (!a || !b) { say("Name both ends of the path."); return; }
    const k = Math.max(1, Math.min(20, parseInt($("path-k").value, 10) || 1));
    go({ path: [a, b], actor: null, contacts: null, k });
  });
  $("contactsform").addEventListener("submit", (ev) => {
    ev.preventDefault();
    go({ contacts: list($("contacts-ids").value), actor: null, path: null });
  });
  window.addEventListener("popstate", () => { readUrl(); render(); });
  render();
});
