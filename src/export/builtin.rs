//! The embedded SVG renderer, used when Graphviz is not installed: the
//! force-directed [`layout`](super::layout) and a small SVG writer drawing the
//! same style as the Graphviz diagrams (shapes and colours by kind, coloured and
//! labelled edges with arrow heads, country boxes, a legend, tooltips with the
//! evidence). Every text goes through [`xml::escape`].

use super::diagram::{actor_tooltip, node_label, truncate, Diagram, DotOptions, MAX_LABEL};
use super::layout::{layout, Problem, Size};
use super::style::{
    kind_style, relation_color, relation_line, DIMMED_LINE, DIMMED_TEXT, HIGHLIGHT, OUTLINE,
};
use super::xml::escape;
use crate::model::{ActorKind, RelationType};
use crate::query::select::Highlight;
use std::collections::HashMap;
use std::fmt::Write;

const FONT_SIZE: f64 = 11.0;
const CHAR_W: f64 = 6.4;
const NODE_H: f64 = 26.0;
const MARGIN: f64 = 16.0;
const CLUSTER_PAD: f64 = 12.0;

fn node_size(kind: ActorKind, label: &str) -> Size {
    let text = label.chars().count() as f64 * CHAR_W;
    let w = match kind {
        ActorKind::Person => text * 1.15 + 26.0,
        ActorKind::Organization => text + 18.0,
        ActorKind::Country => text + 34.0,
        ActorKind::Place => text + 22.0,
    };
    Size {
        w: w.max(44.0),
        h: NODE_H,
    }
}

struct Legend {
    size: Size,
    rows: usize,
    notes: Vec<String>,
}

fn legend(d: &Diagram) -> Legend {
    let rows = d.kinds.len().max(d.types.len().div_ceil(2));
    let notes = d.legend_notes();
    Legend {
        size: Size {
            w: 310.0,
            h: 30.0 + rows as f64 * 18.0 + notes.len() as f64 * 14.0 + 8.0,
        },
        rows,
        notes,
    }
}

/// Renders a prepared diagram to SVG without Graphviz.
pub fn render(d: &Diagram, opts: &DotOptions) -> String {
    let labels: Vec<String> = d.nodes.iter().map(|a| node_label(a)).collect();
    let sizes: Vec<Size> = d
        .nodes
        .iter()
        .zip(&labels)
        .map(|(a, l)| node_size(a.kind, l))
        .collect();
    let show_legend = opts.legend && !(d.kinds.is_empty() && d.types.is_empty());
    let leg = legend(d);
    let problem = Problem {
        sizes: sizes.clone(),
        edges: d.edges.iter().map(|e| (e.source, e.target)).collect(),
        groups: d.clusters.iter().map(|c| c.members.clone()).collect(),
        blocks: if show_legend { vec![leg.size] } else { vec![] },
    };
    let placed = layout(&problem);
    let top = if opts.title.is_some() { 34.0 } else { 0.0 };
    let (ox, oy) = (MARGIN + CLUSTER_PAD, MARGIN + CLUSTER_PAD + top + 14.0);
    let pos: Vec<(f64, f64)> = placed.pos.iter().map(|&(x, y)| (x + ox, y + oy)).collect();
    let width = placed.width + 2.0 * (MARGIN + CLUSTER_PAD);
    let height = placed.height + 2.0 * (MARGIN + CLUSTER_PAD) + top + 14.0;
    let canvas = Canvas {
        d,
        hl: &opts.highlight,
        pos,
        sizes,
    };

    let mut s = String::with_capacity(4096 + d.nodes.len() * 400 + d.edges.len() * 400);
    write_head(&mut s, d, opts, width, height);
    canvas.write_clusters(&mut s);
    canvas.write_edges(&mut s);
    canvas.write_nodes(&mut s, &labels);
    if show_legend {
        if let Some(&(lx, ly)) = placed.blocks.first() {
            draw_legend(&mut s, d, &leg, lx + ox - CLUSTER_PAD, ly + oy);
        }
    }
    s.push_str("</svg>\n");
    s
}

/// The SVG element, its title, the arrow heads (one per relation type
/// present) and the diagram's title.
fn write_head(s: &mut String, d: &Diagram, opts: &DotOptions, width: f64, height: f64) {
    let _ = write!(
        s,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"Helvetica,Arial,sans-serif\" font-size=\"{FONT_SIZE}\" role=\"img\">\n<title>{}</title>\n",
        escape(opts.title.as_deref().unwrap_or("newsgraph diagram"))
    );
    // Arrow heads, one per relation type present.
    s.push_str("<defs>\n");
    for t in &d.types {
        let c = relation_color(*t);
        let fill = if *t == RelationType::Affiliation {
            "white"
        } else {
            c
        };
        let _ = writeln!(
            s,
            "<marker id=\"ah-{t}\" viewBox=\"0 0 10 10\" refX=\"9.5\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0.5 L10,5 L0,9.5 z\" fill=\"{fill}\" stroke=\"{c}\" stroke-width=\"1\"/></marker>"
        );
    }
    if !opts.highlight.is_empty() {
        let _ = writeln!(
            s,
            "<marker id=\"ah-dimmed\" viewBox=\"0 0 10 10\" refX=\"9.5\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0.5 L10,5 L0,9.5 z\" fill=\"{DIMMED_LINE}\"/></marker>"
        );
    }
    s.push_str("</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    if let Some(t) = &opts.title {
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"16\">{}</text>",
            width / 2.0,
            MARGIN + 18.0,
            escape(&truncate(t, 200))
        );
    }
}

/// A diagram laid out: where each actor is and how large it is drawn.
struct Canvas<'a> {
    d: &'a Diagram<'a>,
    /// A path to highlight: drawn thick, everything else dimmed around it.
    hl: &'a Highlight,
    /// Centres of the actors, in SVG coordinates.
    pos: Vec<(f64, f64)>,
    sizes: Vec<Size>,
}

impl Canvas<'_> {
    /// The country boxes, around their members.
    fn write_clusters(&self, s: &mut String) {
        let (d, pos, sizes) = (self.d, &self.pos, &self.sizes);
        for c in &d.clusters {
            let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for &i in &c.members {
                x0 = x0.min(pos[i].0 - sizes[i].w / 2.0);
                y0 = y0.min(pos[i].1 - sizes[i].h / 2.0);
                x1 = x1.max(pos[i].0 + sizes[i].w / 2.0);
                y1 = y1.max(pos[i].1 + sizes[i].h / 2.0);
            }
            let _ = writeln!(
            s,
            "<g class=\"cluster\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"8\" fill=\"#f7f7f4\" fill-opacity=\"0.85\" stroke=\"#c8c8c0\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"#555\">{}</text></g>",
            x0 - CLUSTER_PAD,
            y0 - CLUSTER_PAD - 12.0,
            x1 - x0 + 2.0 * CLUSTER_PAD,
            y1 - y0 + 2.0 * CLUSTER_PAD + 12.0,
            x0 - CLUSTER_PAD + 6.0,
            y0 - CLUSTER_PAD + 1.0,
            escape(&truncate(&c.label, MAX_LABEL))
        );
        }
    }

    /// The edges, each with its evidence as tooltip.
    fn write_edges(&self, s: &mut String) {
        let (d, pos, sizes, hl) = (self.d, &self.pos, &self.sizes, self.hl);
        let highlighting = !hl.is_empty();
        // Edges: parallel and opposite edges between one pair bend apart.
        let mut pair_count: HashMap<(usize, usize), usize> = HashMap::new();
        for e in &d.edges {
            *pair_count
                .entry((e.source.min(e.target), e.source.max(e.target)))
                .or_default() += 1;
        }
        let mut pair_seen: HashMap<(usize, usize), usize> = HashMap::new();
        s.push_str("<g class=\"edges\" fill=\"none\">\n");
        for e in &d.edges {
            let (a, b) = (e.source, e.target);
            let key = (a.min(b), a.max(b));
            let m = pair_count[&key];
            let k = {
                let c = pair_seen.entry(key).or_default();
                *c += 1;
                *c - 1
            };
            // A highlighted path is drawn thick; everything else dimmed around it.
            let on_path = highlighting && d.edge_highlighted(e, hl);
            let dimmed = highlighting && !on_path;
            let color = if dimmed {
                DIMMED_LINE
            } else {
                relation_color(e.kind)
            };
            let dash = if relation_line(e.kind) == "dashed" {
                " stroke-dasharray=\"5 3\""
            } else {
                ""
            };
            let width = if on_path {
                3.5
            } else if e.count() > 1 {
                1.2 + (e.count() as f64).log2().min(4.0) * 0.6
            } else {
                1.2
            };
            let marker = if dimmed {
                "dimmed".to_string()
            } else {
                e.kind.to_string()
            };
            let class = if on_path { "edge highlight" } else { "edge" };
            let (path, mid) = if a == b {
                let (x, y) = pos[a];
                let h = sizes[a].h / 2.0;
                (
                    format!(
                        "M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
                        x - 8.0,
                        y - h,
                        x - 26.0,
                        y - h - 34.0,
                        x + 26.0,
                        y - h - 34.0,
                        x + 8.0,
                        y - h
                    ),
                    (x, y - h - 30.0),
                )
            } else {
                // Bend: parallels spread around the straight line; the direction of
                // the perpendicular follows the ordered pair, so A→B and B→A part.
                let offset = (k as f64 - (m as f64 - 1.0) / 2.0) * 22.0;
                let (p, q) = (pos[key.0], pos[key.1]);
                let (dx, dy) = (q.0 - p.0, q.1 - p.1);
                let len = (dx * dx + dy * dy).sqrt().max(0.01);
                let (nx, ny) = (-dy / len, dx / len);
                let mx = (pos[a].0 + pos[b].0) / 2.0 + nx * offset * 2.0;
                let my = (pos[a].1 + pos[b].1) / 2.0 + ny * offset * 2.0;
                let start = clip(pos[a], sizes[a], d.nodes[a].kind, (mx, my));
                let end = clip(pos[b], sizes[b], d.nodes[b].kind, (mx, my));
                let mid = (
                    0.25 * start.0 + 0.5 * mx + 0.25 * end.0,
                    0.25 * start.1 + 0.5 * my + 0.25 * end.1,
                );
                (
                    format!(
                        "M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}",
                        start.0, start.1, mx, my, end.0, end.1
                    ),
                    mid,
                )
            };
            let _ = write!(
            s,
            "<g class=\"{class}\"><title>{}</title><path d=\"{path}\" stroke=\"{color}\" stroke-width=\"{width:.1}\"{dash} marker-end=\"url(#ah-{marker})\"/>",
            escape(&d.edge_tooltip(e))
        );
            if d.edge_labels {
                let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"9\" fill=\"{color}\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
                mid.0,
                mid.1 + 3.0,
                escape(&d.edge_label(e))
            );
            }
            s.push_str("</g>\n");
        }
    }

    /// The actors, each with its names as tooltip.
    fn write_nodes(&self, s: &mut String, labels: &[String]) {
        let (d, pos, sizes, hl) = (self.d, &self.pos, &self.sizes, self.hl);
        let highlighting = !hl.is_empty();
        s.push_str("</g>\n<g class=\"nodes\">\n");
        for (i, a) in d.nodes.iter().enumerate() {
            let (x, y) = pos[i];
            let sz = sizes[i];
            let (_, fill) = kind_style(a.kind);
            let lit = highlighting && hl.has_actor(&a.id);
            let (class, stroke, stroke_width, text) = match (highlighting, lit) {
                (true, true) => ("node highlight", HIGHLIGHT, 3.0, "#222"),
                (true, false) => ("node", DIMMED_LINE, 0.8, DIMMED_TEXT),
                _ => ("node", OUTLINE, 0.8, "#222"),
            };
            let _ = write!(
                s,
                "<g class=\"{class}\" data-id=\"{}\"><title>{}</title>{}",
                escape(&a.id),
                escape(&actor_tooltip(a)),
                shape(a.kind, x, y, sz, fill, stroke, stroke_width)
            );
            let _ = writeln!(
            s,
            "<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{text}\">{}</text></g>",
            y + FONT_SIZE * 0.35 + if a.kind == ActorKind::Place { 3.0 } else { 0.0 },
            escape(&labels[i])
        );
        }
        s.push_str("</g>\n");
    }
}

/// The point where the line from a node's centre towards `toward` leaves its shape.
fn clip(c: (f64, f64), s: Size, kind: ActorKind, toward: (f64, f64)) -> (f64, f64) {
    let (dx, dy) = (toward.0 - c.0, toward.1 - c.1);
    if dx.abs() < 1e-9 && dy.abs() < 1e-9 {
        return c;
    }
    let (hw, hh) = (s.w / 2.0, s.h / 2.0);
    let t = if kind == ActorKind::Person {
        1.0 / ((dx / hw).powi(2) + (dy / hh).powi(2)).sqrt()
    } else {
        let tx = if dx.abs() > 1e-9 {
            hw / dx.abs()
        } else {
            f64::MAX
        };
        let ty = if dy.abs() > 1e-9 {
            hh / dy.abs()
        } else {
            f64::MAX
        };
        tx.min(ty)
    };
    let t = t.min(1.0);
    (c.0 + dx * t, c.1 + dy * t)
}

fn shape(
    kind: ActorKind,
    x: f64,
    y: f64,
    s: Size,
    fill: &str,
    stroke: &str,
    stroke_width: f64,
) -> String {
    let (hw, hh) = (s.w / 2.0, s.h / 2.0);
    let style = format!("fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{stroke_width}\"");
    match kind {
        ActorKind::Person => {
            format!("<ellipse cx=\"{x:.1}\" cy=\"{y:.1}\" rx=\"{hw:.1}\" ry=\"{hh:.1}\" {style}/>")
        }
        ActorKind::Organization => format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" {style}/>",
            x - hw,
            y - hh,
            s.w,
            s.h
        ),
        ActorKind::Country => {
            let i = 12.0;
            format!(
                "<polygon points=\"{:.1},{y:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{y:.1} {:.1},{:.1} {:.1},{:.1}\" {style}/>",
                x - hw,
                x - hw + i,
                y - hh,
                x + hw - i,
                y - hh,
                x + hw,
                x + hw - i,
                y + hh,
                x - hw + i,
                y + hh
            )
        }
        ActorKind::Place => format!(
            "<polygon points=\"{:.1},{:.1} {x:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" {style}/>",
            x - hw,
            y - hh + 8.0,
            y - hh - 2.0,
            x + hw,
            y - hh + 8.0,
            x + hw,
            y + hh,
            x - hw,
            y + hh
        ),
    }
}

fn draw_legend(s: &mut String, d: &Diagram, leg: &Legend, x: f64, y: f64) {
    let _ = writeln!(
        s,
        "<g class=\"legend\"><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"8\" fill=\"white\" stroke=\"#c8c8c0\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"10\">Legend</text>",
        leg.size.w,
        leg.size.h,
        x + leg.size.w / 2.0,
        y + 15.0
    );
    for r in 0..leg.rows {
        let ry = y + 26.0 + r as f64 * 18.0;
        if let Some(&k) = d.kinds.get(r) {
            let (_, fill) = kind_style(k);
            let _ = writeln!(
                s,
                "<rect x=\"{:.1}\" y=\"{ry:.1}\" width=\"74\" height=\"14\" fill=\"{fill}\" stroke=\"{OUTLINE}\" stroke-width=\"0.8\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"9\">{k}</text>",
                x + 10.0,
                x + 47.0,
                ry + 10.5
            );
        }
        for c in 0..2 {
            if let Some(&t) = d.types.get(r * 2 + c) {
                let lx = x + 100.0 + c as f64 * 105.0;
                let dash = if relation_line(t) == "dashed" {
                    " stroke-dasharray=\"5 3\""
                } else {
                    ""
                };
                let _ = writeln!(
                    s,
                    "<line x1=\"{lx:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"2\"{dash}/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\">{t}</text>",
                    ry + 7.0,
                    lx + 28.0,
                    ry + 7.0,
                    relation_color(t),
                    lx + 34.0,
                    ry + 10.5
                );
            }
        }
    }
    for (k, n) in leg.notes.iter().enumerate() {
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"8\" fill=\"#666\">{}</text>",
            x + 10.0,
            y + 36.0 + leg.rows as f64 * 18.0 + k as f64 * 14.0,
            escape(n)
        );
    }
    s.push_str("</g>\n");
}
