// The newsgraph explorer page. Every string from the store reaches the page
// as text (textContent, attribute values set through the DOM), never as
// markup; the drawings are SVG parsed as XML and imported without scripts.
"use strict";

const $ = (id) => document.getElementById(id);

// The view, as the URL holds it: /?actor=ID or /?path=A,B, with the filters.
const view = { actor: null, path: null, k: 1, types: [], since: "", until: "", depth: 1, via: false };

function readUrl() {
  const q = new URLSearchParams(location.search);
  view.actor = q.get("actor");
  const p = q.get("path");
  view.path = p && p.includes(",") ? [p.slice(0, p.indexOf(",")), p.slice(p.indexOf(",") + 1)] : null;
  view.k = Math.max(1, Math.min(20, parseInt(q.get("k") || "1", 10) || 1));
  view.types = (q.get("types") || "").split(",").filter(Boolean);
  view.since = q.get("since") || "";
  view.until = q.get("until") || "";
  view.depth = q.get("depth") === "2" ? 2 : 1;
  view.via = q.get("via") === "affiliation";
}

function urlOf(v) {
  const q = new URLSearchParams();
  if (v.actor) q.set("actor", v.actor);
  if (v.path) q.set("path", v.path.join(","));
  if (v.path && v.k > 1) q.set("k", String(v.k));
  if (v.types.length) q.set("types", v.types.join(","));
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
  return el("a", { class: "actor", href: urlOf({ ...view, actor: id, path: null }), "data-id": id,
    onclick: (ev) => { ev.preventDefault(); go({ actor: id, path: null }); } }, name || id);
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
    n.addEventListener("click", (ev) => { ev.stopPropagation(); go({ actor: id, path: null }); });
  }
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
  const drawn = draw("/api/svg/actor/" + encodeURIComponent(id), filterParams({ depth: String(view.depth) }));
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
  content.append(list);
  await drawn;
  // Actor names along the path come from the drawing's tooltips only as text.
}

// ---- search ----

function setupSearch() {
  const input = $("search");
  const list = $("suggestions");
  let timer = null;
  let active = -1;
  let seq = 0;
  const hide = () => { list.hidden = true; active = -1; };
  const pick = (id) => { hide(); input.value = ""; go({ actor: id, path: null }); };
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
    const cb = el("input", { type: "checkbox", value: t });
    cb.checked = view.types.includes(t);
    box.append(el("label", {}, cb, " " + t));
  }
  syncFilters();
}

function syncFilters() {
  for (const cb of $("types").querySelectorAll("input")) cb.checked = view.types.includes(cb.value);
  $("since").value = view.since;
  $("until").value = view.until;
  $("depth").value = String(view.depth);
  $("via").checked = view.via;
}

function applyFilters() {
  go({
    types: [...$("types").querySelectorAll("input:checked")].map((c) => c.value),
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
  if (view.path) return showPath(view.path[0], view.path[1]);
  if (view.actor) return showActor(view.actor);
  $("title").textContent = "Search an actor, or find a path between two.";
  $("content").replaceChildren();
  $("drawing").replaceChildren();
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
    go({ path: [a, b], actor: null, k });
  });
  window.addEventListener("popstate", () => { readUrl(); render(); });
  render();
});
